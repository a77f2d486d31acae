"""The next conference from the last one (`doithoai new PATH --from OLD`). Pure: a `BookData` in, workbook data out.

Carried over: every setting but the conference's day and the numbers of the last conference's own documents; the
lookup lists (units included), the delegates (invitation, confirmation and attendance cleared), the programme, the
budget lines, the milestones (done dates cleared) and the office's calendar. The letter counter continues past every
number the old workbook used (`facts.next_letter_number`, the rule the letters run numbers by), so a year's answer
letters never restart at 1 nor repeat a number.

Petitions still open (`facts.is_open`: no status, or one that does not close the matter, however it is spelt) come
over with source "Kỳ trước", their
original code, content, classification, any answer so far and their letter number, and their assignments that are
not done; a note in `Kết quả, hướng giải quyết` says where they came from (`facts.carry_note`: the earlier conference's
day, its workbook, the code), which the letters read to say where the matter was raised and which no document prints.
Slips are not carried: they belong to the conference they were written for.

Nothing is cut: a note that would push `Kết quả, hướng giải quyết` past an Excel cell is not added, and a letter
number past ±100,000 is not continued from; both are said in `notes` (lines `new --from` prints).

Decision: the documents' numbers (`Số báo cáo tổng hợp`…: each kind's `number_setting`, `domain/kinds.py`) are cleared,
not continued: they
are taken from the office's register of outgoing documents (sổ đăng ký văn bản đi), shared by every document the
People's Committee issues, which the workbook cannot see; carrying the old number would print a duplicate. The plan's
number and date are kept: one plan may set out several conferences (seed 003: June and November), and the timeline
counts from its date; an office whose next conference has a new plan types its number and date (the plan's
`number_kept`). The reminders' answer date is cleared (their kind's `cleared`). `cleared_settings` reads all of this
from the registry, so a kind added there has its number cleared too.
"""

from __future__ import annotations

from typing import Any

from ..core import schema
from ..core.keys import code_key, code_text
from ..core.model import BookData, Record
from ..core.text import EXCEL_CELL_LIMIT, thousands
from ..core.values import INT_LIMIT, parse_date
from .facts import carried_from, carry_note, is_open, letter_number, next_letter_number
from .kinds import KINDS

DELEGATE_RESET = ("ngay_gui_giay_moi", "xac_nhan", "co_mat")
MILESTONE_RESET = ("ngay_hoan_thanh", "han", "tinh_trang")
PETITION_DROPPED = ("ma_phieu", "tien_do")  # the slip stays with the old conference; progress is recomputed
ASSIGNMENT_DROPPED = ("tinh_trang",)


def _values(record: Record, spec: schema.TableSheet, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {c.key: record.get(c.key) for c in spec.columns if c.key not in drop and record.get(c.key) is not None}


def cleared_settings() -> tuple[str, ...]:
    """The settings the next conference starts blank: its day, every kind's number but a kept one (the plan's), and each
    kind's other `cleared` settings (the registry's `number_setting`, `number_kept`, `cleared`)."""
    own = [key for spec in KINDS.values()
           for key in ((spec.number_setting,) if spec.number_setting and not spec.number_kept else ()) + spec.cleared]
    return tuple(dict.fromkeys(["ngay_hoi_nghi", *own]))


def carry_over(book: BookData, previous_name: str = "") -> dict[str, Any]:
    """Data for `build_workbook` holding what the next conference keeps from `book`."""
    cleared = cleared_settings()
    settings = {k: v for k, v in book.settings.items() if k not in cleared and v is not None}
    settings["so_tra_loi_tiep_theo"] = next_letter_number(book.settings, book.petitions)
    for key in cleared:
        settings[key] = None

    lists = {key: values for key, values in book.lists.items() if values}
    sources = tuple(lists.get("nguon") or schema.lookup("nguon").values)
    if schema.SOURCE_CARRIED not in sources:
        lists["nguon"] = sources + (schema.SOURCE_CARRIED,)

    delegates = [_values(r, schema.DELEGATES, DELEGATE_RESET) for r in book.delegates]
    milestones = [_values(r, schema.MILESTONES, MILESTONE_RESET) for r in book.milestones]
    programme = [_values(r, schema.PROGRAMME) for r in book.programme] or None
    # The budget lines are the next plan's starting point, as the programme is (the office edits the amounts).
    budget_table = book.tables.get(schema.BUDGET.key)
    budget = [_values(r, schema.BUDGET) for r in budget_table.records] if budget_table is not None else []

    raised = parse_date(book.settings.get("ngay_hoi_nghi"))  # a period ("Quý II/2026") records no day
    petitions, carried, notes = [], set(), _absurd_letter_numbers(book)
    for record in book.petitions:
        code = code_text(record.get("ma_kien_nghi"))
        if not code_key(code) or not is_open(record):
            continue
        values = _values(record, schema.PETITIONS, PETITION_DROPPED)
        values["nguon"] = schema.SOURCE_CARRIED
        # Where it was raised (`facts.carry_note`): the letter names that conference, not the next one. A matter carried
        # again keeps the note of the conference that first heard it.
        note = "" if carried_from(record) else carry_note(raised, previous_name, code)
        result = " ".join(x for x in (str(values.get("ket_qua") or ""), note) if x)
        if len(result) <= EXCEL_CELL_LIMIT:
            values["ket_qua"] = result
        else:  # the note would push the cell past what Excel holds: the office's text is kept whole, the note said here
            size = thousands(len(str(values.get("ket_qua") or "")))
            notes.append(f"Kiến nghị {code[:40]}: ô “Kết quả, hướng giải quyết” đã gần đầy ({size} ký tự) nên không ghi "
                         "thêm ghi chú chuyển kỳ; nội dung cũ giữ nguyên.")
        petitions.append(values)
        carried.add(code_key(code))
    # The same identity as `validate` (keys.code_key): an assignment typed "kn-001" belongs to petition "KN-001".
    assignments = [_values(r, schema.ASSIGNMENTS, ASSIGNMENT_DROPPED) for r in book.assignments
                   if code_key(r.get("ma_kien_nghi")) in carried and r.get("ngay_hoan_thanh") is None]
    calendar = [_values(r, schema.CALENDAR) for r in book.calendar]
    return {
        "settings": settings,
        "lists": lists,
        "tables": {"dai_bieu": delegates, "kien_nghi": petitions, "phan_cong": assignments, "moc_thoi_gian": milestones or None,
                   "chuong_trinh": programme, "phieu": [], schema.BUDGET.key: budget or None},
        "calendar": calendar,
        "notes": notes,
    }


def _absurd_letter_numbers(book: BookData) -> list[str]:
    """Lines naming the letter numbers too large to continue from (`facts.letter_number` leaves them out, as the
    reader leaves out numbers past ±100,000)."""
    from .numbering import number_of, symbol_for

    symbol = symbol_for(book.settings, "letters")
    lines = []
    for record in book.petitions:
        typed = record.get("so_van_ban_tra_loi")
        try:
            parsed = number_of(book.settings, typed, symbol)
        except ValueError:  # thousands of digits
            parsed = INT_LIMIT + 1
        if parsed is not None and letter_number(book.settings, typed, symbol) is None:
            lines.append(f"Số văn bản trả lời “{str(typed)[:40]}” của kiến nghị {code_text(record.get('ma_kien_nghi'))[:40]} "
                         f"quá lớn (hơn {thousands(INT_LIMIT)}), không dùng để đánh số tiếp.")
    return lines
