"""The documents job: what `doithoai documents|report|letters` and the buttons run.

One run writes one new folder (`Văn bản/2026-06-12 09-30-05/` next to the workbook by default), so a
run never overwrites documents someone already edited or printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import context as ctx
from .kinds import KINDS

DEFAULT_FOLDER = "Văn bản"
LETTERS_FOLDER = "tra-loi"


@dataclass
class DocumentsResult:
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)  # kind -> the document (letters: the combined print file)
    letter_files: list[Path] = field(default_factory=list)
    texts: list[Path] = field(default_factory=list)  # plain-text companions (the loudspeaker announcement)
    pdfs: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pdf_skipped: bool = False

    @property
    def summary(self) -> str:
        text = [f"Đã tạo văn bản trong thư mục: {self.folder}"] + [f"- {line}" for line in self.lines]
        if self.pdfs:
            text.append(f"- Bản PDF để in, gửi: {len(self.pdfs)} tệp.")
        elif self.pdf_skipped:
            text.append("- Máy chưa cài LibreOffice nên không tạo bản PDF (văn bản Word vẫn đầy đủ).")
        if self.warnings:
            text.append("Lưu ý:")
            text.extend(f"- {w}" for w in self.warnings)
        return "\n".join(text)

    def relocate(self, old: Path, new: Path) -> None:
        """Point every path at `new` after the run's folder moved there from `old`."""
        def moved(path: Path) -> Path:
            return new / path.relative_to(old) if path.is_relative_to(old) else path

        self.folder = moved(self.folder)
        self.files = {kind: moved(path) for kind, path in self.files.items()}
        self.letter_files = [moved(path) for path in self.letter_files]
        self.pdfs = [moved(path) for path in self.pdfs]
        self.texts = [moved(path) for path in self.texts]

    def to_json(self) -> dict:
        return {"folder": str(self.folder), "files": {k: str(v) for k, v in self.files.items()},
                "letters": [str(p) for p in self.letter_files],
                "texts": [str(p) for p in self.texts], "pdf": [str(p) for p in self.pdfs], "warnings": self.warnings}


def run_folder(parent: Path, now: dt.datetime) -> Path:
    base = parent / now.strftime("%Y-%m-%d %H-%M-%S")
    folder, number = base, 1
    while folder.exists():
        number += 1
        folder = base.with_name(f"{base.name} ({number})")
    folder.mkdir(parents=True)
    return folder


def make_documents(access, kinds: Iterable[str] | None = None, out: Path | None = None, *, pdf: bool | None = None,
                   date: dt.date | None = None, write: bool = True, now: dt.datetime | None = None,
                   slips_per_group: int = 0) -> DocumentsResult:
    """Render `kinds` (all by default) from the workbook behind `access` into a new folder under `out`.

    `pdf`: True/False, or None for "when LibreOffice is installed". `write`: record the letters' numbers
    in the workbook. `date`: the documents' date (today by default). `slips_per_group`: slip forms pre-numbered
    for each residential group (0: one blank slip to photocopy).

    Nothing is left behind on a refusal: the documents are rendered into a hidden staging folder, which
    becomes the run's folder only after the workbook write (the letters' numbers) succeeded.
    """
    from ..io.files import discard_staging, publish_staging, staging_folder

    now = now or dt.datetime.now()
    parent = Path(out) if out else access.folder / DEFAULT_FOLDER
    staging = staging_folder(parent)
    try:
        result = _render(access, kinds, staging, pdf=pdf, date=date, write=write, now=now, slips_per_group=slips_per_group)
    except BaseException:
        discard_staging(staging)
        raise
    result.relocate(staging, publish_staging(staging, run_folder(parent, now)))
    return result


def _render(access, kinds: Iterable[str] | None, folder: Path, *, pdf: bool | None, date: dt.date | None, write: bool,
            now: dt.datetime, slips_per_group: int = 0) -> DocumentsResult:
    from ..deadlines import plan_deadlines
    from . import cycle
    from .kinds import template_path
    from .names import unique
    from .render import BatchTemplate, save_atomic

    wanted = [k for k in KINDS if k in set(kinds)] if kinds is not None else list(KINDS)
    unknown = set(kinds or ()) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown document kinds: {sorted(unknown)}")
    date = date or now.date()
    access.progress("Đang đọc sổ…")
    book = access.read()
    result = DocumentsResult(folder)
    notes = ctx.Notes()
    taken: set[str] = set()

    def target(kind: str) -> Path:
        return result.folder / unique(KINDS[kind].output, taken)

    for kind in wanted:
        access.progress(f"Đang tạo {KINDS[kind].title.lower()}…")
        path = template_path(kind, access.folder)
        if kind == "report":
            _report(book, date, notes, path, target(kind), result)
        elif kind == "letters":
            _letters(access, book, date, path, target(kind), result, write)
        else:
            if kind == "memo":
                due = {d.row: d.due for d in plan_deadlines(book, date).assignments}
                context = ctx.memo_context(book, date, notes, due)
                count = sum(u["so_luong"] for u in context["don_vi_giao"])
                if not count:
                    result.warnings.append("Trang Phân công chưa có dòng nào: công văn phân công để trống danh sách.")
                line = f"Công văn phân công: {len(context['don_vi_giao'])} đơn vị, {count} lượt giao."
            elif kind == "invitations":
                context = ctx.invitations_context(book, date, notes)
                line = f"Giấy mời: {len(context['giay_moi'])} giấy (một tệp, mỗi giấy một trang)."
                if not context["giay_moi"]:
                    result.warnings.append("Trang Đại biểu chưa có ai: chưa tạo giấy mời.")
                    continue
            elif kind == "agenda":
                context = ctx.agenda_context(book, date, notes)
                line = f"Chương trình hội nghị: {len(context['phat_bieu'])} người phát biểu theo thứ tự đăng ký."
                if context["phat_bieu_con_lai"]:
                    result.warnings.append(f"{context['phat_bieu_con_lai']} người đăng ký phát biểu không đủ thời gian trong "
                                           "chương trình: chương trình ghi rõ để chủ trì trả lời bằng văn bản.")
            elif kind == "slips":
                context = cycle.slips_context(book, date, notes, per_group=slips_per_group)
                numbered = [p for p in context["phieu"] if p["so"]]
                if numbered:
                    line = (f"Phiếu đăng ký phát biểu: {len(numbered)} phiếu đánh số sẵn ({numbered[0]['so']} đến "
                            f"{numbered[-1]['so']}), mỗi phiếu một trang.")
                else:
                    line = "Phiếu đăng ký phát biểu: một phiếu trống để in, phô tô."
            elif kind == "announcement":
                context = cycle.announcement_context(book, date, notes)
                speaker = result.folder / unique(KINDS[kind].output + " - doc tren loa", taken, ".txt")
                speaker.write_text(cycle.loudspeaker_text(context), encoding="utf-8-sig")
                result.texts.append(speaker)
                line = (f"Thông báo tổ chức hội nghị (ngày {context['ngay_thong_bao']}) và bản đọc trên loa truyền thanh "
                        f"“{speaker.name}”.")
            elif kind == "minutes":
                context = cycle.minutes_context(book, date, notes)
                if book.conference is None:
                    result.warnings.append("Sổ chưa có trang “Diễn biến hội nghị”: biên bản chưa có người phát biểu; hãy "
                                           "chuẩn bị trang thư ký trước hội nghị và ghi diễn biến vào đó.")
                line = f"Biên bản hội nghị: {context['so_phat_bieu']} lượt phát biểu theo thứ tự."
            elif kind == "report_upward":
                context = cycle.report_upward_context(book, date, notes)
                total = context["theo_doi"][-1]
                line = (f"Báo cáo kết quả tổ chức hội nghị: {context['tong_so']} ý kiến, {len(context['cap_tren'])} nội dung "
                        f"đề nghị cấp trên; theo dõi {total['giao']} lượt giao ({total['xong']} xong, "
                        f"{total['qua_han']} quá hạn).")
            elif kind == "signin":
                context = ctx.signin_context(book, date, notes)
                line = f"Danh sách đại biểu ký tên: {sum(g['so_luong'] for g in context['nhom_dai_bieu'])} người."
            else:
                context = ctx.notice_context(book, date, notes)
                line = "Thông báo kết quả hội nghị."
            file = save_atomic(BatchTemplate(path).render(context), target(kind))
            result.files[kind] = file
            result.lines.append(f"{line} Tệp: {file.name}")

    result.warnings[:0] = notes.missing
    _pdfs(result, pdf)
    return result


def _report(book, date, notes, path: Path, file: Path, result: DocumentsResult) -> None:
    import io

    from docx.shared import Mm
    from docxtpl import InlineImage

    from .chart import chart_png
    from .render import render_file

    context = ctx.report_context(book, date, notes)
    png = chart_png(ctx.chart_data(book))
    render_file(path, context, file, extra=lambda template: {"bieu_do": InlineImage(template, io.BytesIO(png), width=Mm(160))})
    result.files["report"] = file
    pending = context["so_chua_tra_loi"]
    result.lines.append(f"Báo cáo tổng hợp: {context['tong_so']} ý kiến, kiến nghị ({pending} đang xử lý), "
                        f"có bảng thống kê và biểu đồ. Tệp: {file.name}")


def _letters(access, book, date, path: Path, combined: Path, result: DocumentsResult, write: bool) -> None:
    from .letters import plan_letters

    plan = plan_letters(book, date)
    result.warnings.extend(plan.notes)
    if not plan.letters:
        result.warnings.append("Chưa kiến nghị nào có nội dung trả lời: chưa tạo văn bản trả lời.")
        return
    if write and plan.changes and hasattr(access, "check_writable"):
        access.check_writable(plan.changes)  # refuse before rendering a single letter (owner file, read-only, merged cells)
    base, letters = letter_contexts(book, date, plan)
    result.letter_files = write_letters(path, base, letters, result.folder / LETTERS_FOLDER, combined, access.progress)
    result.files["letters"] = combined
    new = [letter for letter in plan.letters if letter.new]
    numbers = f" (mới đánh số {len(new)}: từ số {new[0].number} đến số {new[-1].number})" if new else " (không có số mới)"
    result.lines.append(f"Văn bản trả lời: {len(plan.letters)} văn bản{numbers}, mỗi văn bản một tệp trong thư mục "
                        f"“{LETTERS_FOLDER}” và một tệp in gộp {combined.name}.")
    if plan.pending:
        shown = ", ".join(plan.pending[:10]) + (f" và {len(plan.pending) - 10} kiến nghị khác" if len(plan.pending) > 10 else "")
        result.lines.append(f"{len(plan.pending)} kiến nghị chưa có nội dung trả lời nên chưa có văn bản: {shown}.")
    if write and plan.changes:
        access.progress("Đang ghi số, ngày văn bản trả lời vào trang Kiến nghị…")
        access.write(plan.changes)
        result.lines.append(f"Đã ghi số, ngày văn bản vào trang Kiến nghị cho {len(plan.changes.cells) // 2} kiến nghị.")


def letter_contexts(book, date: dt.date, plan) -> tuple[dict, list[tuple[str, dict]]]:
    """What every letter shares, and (file name, context) for each letter of `plan` (`letters.plan_letters`)."""
    from .issuer import number_line

    base = ctx.base_context(book, "letters", date, ctx.Notes())
    place = base["ten_don_vi"]
    contexts = []
    for letter in plan.letters:
        one = letter.context(place)
        one["so_dong"] = number_line(book.settings, one["so"])
        contexts.append((f"{letter.codes[0]} {letter.person['ho_ten']}", one))
    return base, contexts


def write_letters(template: Path, base: dict, letters: list[tuple[str, dict]], folder: Path, combined: Path,
                  progress=None) -> list[Path]:
    """One .docx per (name, context) in `folder`, and all of them in `combined`, from one prepared template."""
    from .names import safe_name, unique
    from .render import BatchTemplate, save_atomic

    prepared = BatchTemplate(template)
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    files = []
    for index, (name, one) in enumerate(letters, 1):
        if progress is not None and index % 50 == 0:
            progress(f"Đang tạo văn bản trả lời {index}/{len(letters)}…")
        file = folder / unique(safe_name(name, fallback="tra-loi"), taken)
        files.append(save_atomic(prepared.render({**base, "thu": [one]}), file))
    save_atomic(prepared.render({**base, "thu": [one for _, one in letters]}), combined)
    return files


def _pdfs(result: DocumentsResult, pdf: bool | None) -> None:
    from .pdf import soffice, to_pdf

    if pdf is False or not result.files:
        return
    if soffice() is None:
        result.pdf_skipped = True
        return
    result.pdfs = to_pdf(list(result.files.values()))
