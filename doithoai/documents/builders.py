"""What each document kind puts into its template: one function per kind, named by its entry in `kinds.KINDS`.

A builder takes the run's `Job` (the workbook's data, the date, the run's result; documents/job.py) and returns an
`Output` (the docxtpl context and the line the summary prints), or None when there is nothing to render (its reason
is added to `job.result.warnings`). The job renders the output into the kind's file. A builder that writes its own
files (the letters) does so through `job` and returns None. A builder builds for `job.kind`: a kind that shares a
builder with another (see domain/kinds.py) gets its own number, recipients and title.

To add a document kind: one entry in `kinds.KINDS` (its docstring lists the rest); a function here (or in another
module of this package) with this signature only when no existing one fits. Nothing else dispatches on the kind's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import context as ctx
from .job import Job, Output

if TYPE_CHECKING:
    from ..core.model import BookData
    from .letters import LetterPlan

LETTERS_FOLDER = "tra-loi"


def memo(job: Job) -> Output:
    from ..domain.deadlines import plan_deadlines

    due = {d.row: d.due for d in plan_deadlines(job.book, job.date).assignments}
    context = ctx.memo_context(job.book, job.date, job.notes, due, kind=job.kind)
    count = sum(u["so_luong"] for u in context["don_vi_giao"])
    if not count:
        job.result.warnings.append("Trang Phân công chưa có dòng nào: công văn phân công để trống danh sách.")
    return Output(context, f"Công văn phân công: {len(context['don_vi_giao'])} đơn vị, {count} lượt giao.")


def report(job: Job) -> Output:
    import io

    from docx.shared import Mm
    from docxtpl import InlineImage

    from .chart import WIDTH_MM, chart_png

    context = ctx.report_context(job.book, job.date, job.notes, kind=job.kind)
    png = chart_png(ctx.chart_data(job.book))
    pending = context["so_chua_tra_loi"]
    return Output(context,
                  f"Báo cáo tổng hợp: {context['tong_so']} ý kiến, kiến nghị ({pending} chưa có nội dung trả lời), "
                  "có bảng thống kê và biểu đồ.",
                  extra=lambda template: {"bieu_do": InlineImage(template, io.BytesIO(png), width=Mm(WIDTH_MM))})


def letters(job: Job) -> None:
    """One letter per petitioner, plus the combined print file; records each letter's number in `Kiến nghị`."""
    from .letters import plan_letters

    access, result = job.access, job.result
    assert access is not None, "a kind that writes the workbook is rendered in this process"
    plan = plan_letters(job.book, job.date, fixed=job.fixed_date)
    result.warnings.extend(plan.notes)
    if not plan.letters:
        result.warnings.append("Chưa kiến nghị nào có nội dung trả lời: chưa tạo văn bản trả lời.")
        return None
    if job.write and plan.changes:
        access.check_writable(plan.changes)  # refuse before rendering a single letter (owner file, read-only, merged cells)
    combined = job.target
    base, contexts = letter_contexts(job.book, job.date, plan, kind=job.kind)
    folder = result.folder / LETTERS_FOLDER
    result.letter_files = write_letters(job.template, base, contexts, folder, combined, access.progress, workers=job.workers)
    result.files[job.kind] = combined
    new = [letter for letter in plan.letters if letter.new]
    numbers = f" (mới đánh số {len(new)}: từ số {new[0].number} đến số {new[-1].number})" if new else " (không có số mới)"
    result.lines.append(f"Văn bản trả lời: {len(plan.letters)} văn bản{numbers}, mỗi văn bản một tệp trong thư mục "
                        f"“{LETTERS_FOLDER}” và một tệp in gộp {combined.name}.")
    if plan.pending:
        shown = ", ".join(plan.pending[:10]) + (f" và {len(plan.pending) - 10} kiến nghị khác" if len(plan.pending) > 10 else "")
        result.lines.append(f"{len(plan.pending)} kiến nghị chưa có nội dung trả lời nên chưa có văn bản: {shown}.")
    if plan.at_conference:
        result.lines.append(f"{len(plan.at_conference)} kiến nghị đã được trả lời tại hội nghị nên không làm văn bản trả lời "
                            "(muốn gửi cả văn bản: ghi “Có” ở dòng “Gửi văn bản trả lời cả kiến nghị đã trả lời tại hội nghị” "
                            "trang Kế hoạch).")
    if job.write and plan.changes:
        access.progress("Đang ghi số, ngày văn bản trả lời vào trang Kiến nghị…")
        access.write(plan.changes)
        result.lines.append(f"Đã ghi số, ngày văn bản vào trang Kiến nghị cho {len(plan.changes.cells) // 2} kiến nghị.")
    return None


def letter_contexts(book: BookData, date: dt.date, plan: LetterPlan, *,
                    kind: str = "letters") -> tuple[dict, list[tuple[str, dict]]]:
    """What every letter shares, and (file name, context) for each letter of `plan` (`letters.plan_letters`)."""
    from ..core.text import fold
    from .issuer import number_line

    def front(text: str) -> bool:
        folded = fold(text)
        return "mttq" in folded.replace(" ", "") or "mat tran to quoc" in folded

    base = ctx.base_context(book, kind, date, ctx.Notes())
    place = base["ten_don_vi"]
    here = f"tại {base['ten_hoi_nghi_thuong']}" + (f" ngày {base['ngay_hoi_nghi']}" if base["ngay_hoi_nghi"] else "")
    contexts = []
    for letter in plan.letters:
        one = letter.context(place, here)
        one["so_dong"] = number_line(book.settings, one["so"])
        # A letter to the Fatherland Front: "Như trên" already names it, so its copy line goes.
        to_front = front(letter.person["ho_ten"])
        one["noi_nhan"] = ("\n".join(line for line in base["noi_nhan"].split("\n") if not front(line))
                           if to_front else base["noi_nhan"])
        contexts.append((f"{letter.codes[0]} {letter.person['ho_ten']}", one))
    return base, contexts


def write_letters(template: Path, base: dict, letters: list[tuple[str, dict]], folder: Path, combined: Path,
                  progress: Callable[[str], None] | None = None, workers: int | None = None) -> list[Path]:
    """One .docx per (name, context) in `folder`, and all of them in `combined`, from one prepared template.

    Written straight into place, without a temporary copy each: a run writes into its staging folder, published
    whole or discarded (make_documents). Many letters are spread over the cores (`workers`: None decides by their
    number, 0 keeps them in this process; see spread.py).
    """
    from . import spread
    from .names import safe_name, unique
    from .render import BatchTemplate

    prepared = BatchTemplate(template)
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    items = [(folder / unique(safe_name(name, fallback="tra-loi"), taken), one) for name, one in letters]
    everything = {**base, "thu": [one for _, one in letters]}
    count = spread.letter_workers(len(items), workers)
    if count:
        spread.write_letters_over(count, template, base, items, lambda: combined.write_bytes(prepared.render(everything)),
                                  progress)
    else:
        for index, (file, one) in enumerate(items, 1):
            if progress is not None and index % 50 == 0:
                progress(f"Đang tạo văn bản trả lời {index}/{len(items)}…")
            file.write_bytes(prepared.render({**base, "thu": [one]}))
        combined.write_bytes(prepared.render(everything))
    return [file for file, _ in items]


def invitations(job: Job) -> Output | None:
    context = ctx.invitations_context(job.book, job.date, job.notes, kind=job.kind)
    if not context["giay_moi"]:
        job.result.warnings.append("Trang Đại biểu chưa có ai: chưa tạo giấy mời.")
        return None
    line = f"Giấy mời: {len(context['giay_moi'])} giấy (một tệp, mỗi giấy một trang)."
    if context["khong_moi"]:
        line += f" Không làm giấy mời cho người chủ trì, người ký: {', '.join(context['khong_moi'])}."
    return Output(context, line)


def agenda(job: Job) -> Output:
    context = ctx.agenda_context(job.book, job.date, job.notes, kind=job.kind)
    if context["phat_bieu_con_lai"]:
        job.result.warnings.append(f"{context['phat_bieu_con_lai']} người đăng ký phát biểu không đủ thời gian trong "
                                   "chương trình: chương trình ghi rõ để chủ trì trả lời bằng văn bản.")
    if context["ngoai_pham_vi"]:
        job.result.warnings.append(f"Phiếu {', '.join(context['ngoai_pham_vi'])} có nội dung khiếu nại, tố cáo hoặc tranh chấp "
                                   "(ngoài phạm vi đối thoại): không xếp lượt phát biểu; hãy hướng dẫn người dân gửi đơn "
                                   "theo đúng thủ tục.")
    return Output(context, f"Chương trình hội nghị: {context['so_nguoi_phat_bieu']} người phát biểu theo thứ tự đăng ký.")


def signin(job: Job) -> Output:
    context = ctx.signin_context(job.book, job.date, job.notes, kind=job.kind)
    return Output(context, f"Danh sách đại biểu ký tên: {sum(g['so_luong'] for g in context['nhom_dai_bieu'])} người.")


def notice(job: Job) -> Output:
    return Output(ctx.notice_context(job.book, job.date, job.notes, kind=job.kind), "Thông báo kết quả hội nghị.")


# -- the rest of the cycle (doithoai.documents.cycle) -------------------------------------------------


def slips(job: Job) -> Output:
    from . import cycle

    context = cycle.slips_context(job.book, job.date, job.notes, per_group=job.slips_per_group, kind=job.kind)
    numbered = [p for p in context["phieu"] if p["so"]]
    if numbered:
        line = (f"Phiếu đăng ký phát biểu: {len(numbered)} phiếu đánh số sẵn ({numbered[0]['so']} đến "
                f"{numbered[-1]['so']}), mỗi phiếu một trang.")
    else:
        line = "Phiếu đăng ký phát biểu: một phiếu trống để in, phô tô."
    return Output(context, line)


def announcement(job: Job) -> Output:
    from ..domain.kinds import KINDS
    from . import cycle

    context = cycle.announcement_context(job.book, job.date, job.notes, kind=job.kind)
    speaker = job.name_file(KINDS[job.kind].output + " - doc tren loa", ".txt")
    speaker.write_text(cycle.loudspeaker_text(context), encoding="utf-8-sig")
    job.result.texts.append(speaker)
    return Output(context, f"Thông báo tổ chức hội nghị (ngày {context['ngay_thong_bao']}) và bản đọc trên loa truyền thanh "
                           f"“{speaker.name}”.")


def minutes(job: Job) -> Output:
    from . import cycle

    context = cycle.minutes_context(job.book, job.date, job.notes, kind=job.kind)
    if job.book.conference is None:
        job.result.warnings.append("Sổ chưa có trang “Diễn biến hội nghị”: biên bản chưa có người phát biểu; hãy "
                                   "chuẩn bị trang thư ký trước hội nghị và ghi diễn biến vào đó.")
    return Output(context, f"Biên bản hội nghị: {context['so_phat_bieu']} lượt phát biểu theo thứ tự.")


def report_upward(job: Job) -> Output:
    from . import cycle

    context = cycle.report_upward_context(job.book, job.date, job.notes, job.today, kind=job.kind)
    total = context["theo_doi"][-1]
    return Output(context, f"Báo cáo kết quả tổ chức hội nghị: {context['tong_so']} ý kiến, {len(context['cap_tren'])} nội dung "
                           f"đề nghị cấp trên; theo dõi {total['giao']} lượt giao ({total['xong']} xong, "
                           f"{total['qua_han']} quá hạn).")
