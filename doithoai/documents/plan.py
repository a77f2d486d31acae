"""The plan itself (kế hoạch tổ chức hội nghị đối thoại), built from the workbook as the seed plans are written.

I. MỤC ĐÍCH, YÊU CẦU — `Mục đích (kế hoạch)` and `Yêu cầu (kế hoạch)` on `Kế hoạch`, one paragraph per line (the
schema's defaults come from the law and the seeds; each preset carries its own seed plan's words). II. NỘI DUNG,
THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN — `Nội dung đối thoại (kế hoạch)`, the date or period and hours, the venue, the chair,
the audience, who is invited (the `Đại biểu` sheet by group, each organisation with its posts), the expected number,
and the programme from `Chương trình`. III. TỔ CHỨC THỰC HIỆN — every milestone of `Mốc thời gian` under each unit its
`Đơn vị thực hiện` names ("A; B": under both, each naming the other), units in the order the timeline first names
them, each task with its due date as `deadlines.plan_deadlines` computes it ("chậm nhất ngày 05/06/2026"); a milestone
that waits for the conference day is given relative to it ("chậm nhất 07 ngày trước ngày hội nghị"). IV. KINH PHÍ —
`Nguồn kinh phí`, then the lines of the `Kinh phí` sheet and their total in figures and words (`vnwords`).

Number: `Số kế hoạch` as typed ("118/KH-UBND"; a bare number gets the symbol). Date (chosen in `dates.py`):
`Ngày ban hành kế hoạch`, always (the plan is dated what the workbook says it was issued); a date on or after the
first milestone's due date or the conference day is warned about, never moved. Left blank, the plan is dated today, but
no later than the day before the first milestone and the conference: a plan is issued before the work it plans.

`plan_context` is pure; `plan` is the builder `kinds.KINDS["plan"]` names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..core import schema
from ..core.keys import list_key
from ..core.model import BookData, Record
from ..domain import facts
from .wording import clock, safe_text, short_date

if TYPE_CHECKING:
    from ..domain.deadlines import DeadlinePlan
    from .context import Notes
    from .job import Job, Output

# A paragraph that already starts with its own mark ("- ", "+ ", "1. ", "a) ") keeps it; any other gets "- ".
_MARKED = re.compile(r"^([-+*•–]|\d+(\.\d+)*[.)]|[a-zđ][.)])\s", re.IGNORECASE)


def paragraphs(settings: dict[str, Any], key: str, date: dt.date, *, dash: bool = True) -> list[str]:
    """A text setting of the plan as paragraphs, one per line; the schema's default when blank. {đơn vị}, {năm} filled."""
    from ..domain.conference_settings import fill_in

    text = safe_text(settings.get(key)) or str(schema.SETTINGS_BY_KEY[key].default or "")
    lines = [" ".join(line.split()) for line in fill_in(text, settings, date).split("\n") if line.strip()]
    return [line if not dash or _MARKED.match(line) else f"- {line}" for line in lines]


# --------------------------------------------------------------------------------------------------
# II. Who is invited, the programme


def invited(book: BookData) -> list[dict[str, Any]]:
    """The `Đại biểu` sheet as a plan lists it: per group (the list's order), each organisation with its posts
    ("Ban Tuyên giáo và Dân vận Thành ủy: Phó Trưởng ban, Chuyên viên"), a post held by several counted."""
    rows = [r for r in book.delegates if safe_text(r.get("ho_ten")) or safe_text(r.get("chuc_vu"))]
    order = tuple(book.lists.get("nhom_dai_bieu") or schema.LISTS_BY_KEY["nhom_dai_bieu"].values)
    by_group = facts.group(rows, lambda r: facts.text_of(r.get("nhom")))
    groups = []
    for name in facts.ordered(by_group, order, ""):
        members = by_group[name]
        organisations: dict[str, tuple[str, Counter[str], dict[str, str]]] = {}
        for record in members:
            unit = facts.text_of(record.get("don_vi"))
            post = facts.text_of(record.get("chuc_vu")) or "Đại biểu"
            shown, counts, spelled = organisations.setdefault(list_key(unit), (unit, Counter(), {}))
            counts[list_key(post)] += 1
            spelled.setdefault(list_key(post), post)
        lines = []
        for unit, counts, spelled in organisations.values():
            posts = ", ".join(spelled[k] + (f" ({n} người)" if n > 1 else "") for k, n in counts.items())
            lines.append(f"{unit}: {posts}" if unit else posts)
        groups.append({"ten": name or facts.OTHER_GROUP, "so_luong": len(members), "dong": lines})
    return groups


def programme(book: BookData, chair: str, office: str) -> list[dict[str, Any]]:
    """The items of `Chương trình` (the default programme without the sheet), who does each named as the agenda names
    them; no times: they depend on the speakers, who register after the plan."""
    from .programme import items_of, named

    return [{"stt": number, "noi_dung": item.content, "nguoi": "; ".join(named(item.who, chair, office))}
            for number, item in enumerate(items_of(book), 1)]


# --------------------------------------------------------------------------------------------------
# III. Each unit's tasks


def _count(days: int, kind: Any) -> str:
    working = list_key(kind) == list_key(schema.DAYS_WORKING)
    return f"{abs(days):02d} ngày{' làm việc' if working else ''}"


def relative(record: Record) -> str:
    """When a milestone falls, said from its base (for a milestone whose date waits for the conference day)."""
    days, base = record.get("so_ngay"), facts.text_of(record.get("can_cu"))
    if not isinstance(days, int) or isinstance(days, bool) or not base:
        return ""
    if list_key(base) == list_key(schema.BASE_CONFERENCE):
        base_text = "ngày hội nghị"
    elif list_key(base) == list_key(schema.BASE_PLAN):
        base_text = "ngày ban hành kế hoạch"
    else:
        base_text = f"mốc “{base}”"
    if days == 0:
        return f"trong {base_text}"
    return f"chậm nhất {_count(days, record.get('loai_ngay'))} {'trước' if days < 0 else 'sau'} {base_text}"


def _when(record: Record, due: dt.date | None) -> str:
    if due is None:
        return relative(record)
    if record.get("so_ngay") == 0 and list_key(record.get("can_cu")) == list_key(schema.BASE_CONFERENCE):
        return f"ngày {short_date(due)}"
    return f"chậm nhất ngày {short_date(due)}"


def tasks_by_unit(book: BookData, deadlines: DeadlinePlan, chair: str, office: str) -> list[dict[str, Any]]:
    """Every milestone under each unit it names, units in the order the timeline first names them."""
    from .programme import named

    records = {r.row: r for r in book.milestones}
    units: dict[str, dict[str, Any]] = {}
    for item in deadlines.milestones:
        record = records[item.row]
        names = named(facts.text_of(record.get("don_vi_thuc_hien")), chair, office) or ["Các cơ quan, đơn vị liên quan"]
        when = _when(record, item.due)
        for name in names:
            others = [n for n in names if list_key(n) != list_key(name)]
            text = item.name + (f" (cùng {', '.join(others)})" if others else "") + (f", {when}" if when else "")
            unit = units.setdefault(list_key(name), {"ten": name[:1].upper() + name[1:], "viec": []})
            unit["viec"].append({"noi_dung": text, "han": short_date(item.due), "moc": item.name})
    return [{"stt": number, **unit} for number, unit in enumerate(units.values(), 1)]


# --------------------------------------------------------------------------------------------------
# IV. Budget


def budget(book: BookData, date: dt.date) -> tuple[dict[str, Any], list[str]]:
    """The source of funds, the lines of `Kinh phí` and their total in figures and words; a problem per line whose
    amount is not a whole amount (counted out of the total, named so the office corrects it)."""
    from ..core.vnwords import amount, figures

    table = book.tables.get(schema.BUDGET.key)
    lines: list[dict[str, Any]] = []
    problems: list[str] = []
    total = 0
    for record in (table.records if table is not None else ()):
        content, value = safe_text(record.get("noi_dung")), record.get("so_tien")
        if not content and value is None:
            continue
        if value.__class__ is not int:
            problems.append(f"Trang {schema.BUDGET.name}, dòng {record.row}: số tiền “{safe_text(value)}” không đọc được nên "
                            "không tính vào tổng kinh phí; hãy nhập số tiền bằng số.")
            continue
        total += value
        lines.append({"stt": len(lines) + 1, "noi_dung": content, "so_tien": figures(value)})
    source = " ".join(paragraphs(book.settings, "nguon_kinh_phi", date, dash=False))
    return {"nguon": source, "khoan": lines, "tong": figures(total), "tong_cong": amount(total) if lines else ""}, problems


# --------------------------------------------------------------------------------------------------
# The date and the whole context


def plan_context(book: BookData, date: dt.date, notes: Notes, deadlines: DeadlinePlan, *, kind: str = "plan") -> dict[str, Any]:
    from ..domain.conference_settings import conference_date
    from .context import _setting_time, base_context

    s = book.settings
    context = base_context(book, kind, date, notes)
    held = conference_date(s.get("ngay_hoi_nghi"))
    start, end = _setting_time(s, "gio_bat_dau"), _setting_time(s, "gio_ket_thuc")
    hours = f"từ {clock(start)} đến {clock(end)}"
    if held.date is not None:
        from .wording import day_words

        context["thoi_gian_hop"] = f"{hours}, {day_words(held.date)}"
    else:
        context["thoi_gian_hop"] = f"{held.shown}; {hours}" if held.period else held.shown
    chair, office = context["chu_tri_day_du"], context["ten_van_phong"]
    groups = invited(book)
    expected = s.get("so_dai_bieu_du_kien")
    count = expected if isinstance(expected, int) and not isinstance(expected, bool) and expected > 0 else \
        sum(g["so_luong"] for g in groups)
    money, _ = budget(book, date)
    context.update({
        "can_cu": paragraphs(s, "can_cu_ke_hoach", date, dash=False),
        "muc_dich": paragraphs(s, "muc_dich", date),
        "yeu_cau": paragraphs(s, "yeu_cau", date),
        "noi_dung_doi_thoai": paragraphs(s, "noi_dung_doi_thoai", date),
        "nhom_moi": groups,
        "nhom_du_kien": "; ".join(g["ten"] for g in groups) or "; ".join(
            book.lists.get("nhom_dai_bieu") or schema.LISTS_BY_KEY["nhom_dai_bieu"].values),
        "so_dai_bieu": count,
        "chuong_trinh": programme(book, chair, office),
        "don_vi_thuc_hien": tasks_by_unit(book, deadlines, chair, office),
        "kinh_phi": money,
    })
    return context


def plan(job: Job) -> Output:
    """The plan, dated as dates.py chose (`Ngày ban hành kế hoạch`, or before the first milestone)."""
    from ..domain.deadlines import plan_deadlines
    from .job import Output

    deadlines = plan_deadlines(job.book, job.date)
    context = plan_context(job.book, job.date, job.notes, deadlines, kind=job.kind)
    _, problems = budget(job.book, job.date)
    job.result.warnings.extend(problems)
    if job.book.settings.get("ngay_ke_hoach") is None:
        row = job.book.settings_rows.get("ngay_ke_hoach")
        job.result.warnings.append(f"Trang {schema.SETTINGS_SHEET}{f' (ô B{row})' if row else ''} chưa có “Ngày ban hành kế "
                                   f"hoạch”: kế hoạch ghi ngày {short_date(job.date)}; hãy điền ngày ban hành để kế hoạch, "
                                   "các mốc tính từ ngày kế hoạch và các văn bản dẫn kế hoạch ghi đúng ngày.")
    units, money = context["don_vi_thuc_hien"], context["kinh_phi"]
    number = safe_text(job.book.settings.get("so_ke_hoach"))
    spent = f"; kinh phí {money['tong_cong']}" if money["khoan"] else ""
    return Output(context, f"Kế hoạch{' số ' + number if number else ''}: {len(deadlines.milestones)} mốc công việc của "
                           f"{len(units)} đơn vị, chương trình {len(context['chuong_trinh'])} mục{spent}.")
