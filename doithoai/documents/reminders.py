"""Reminders to late units (công văn đôn đốc): one paper per unit, a message to paste into Zalo or an e-mail, and a log.

Which assignments: every row of `Phân công` that `deadlines.plan_deadlines` finds overdue (`Deadline.overdue`, the
red rows) or due within `deadlines.SOON_DAYS` days (`Deadline.due_soon`, the amber ones) on the reminder's date — the
one rule of deadlines.py, never recomputed here. Rows are grouped by unit (`keys.list_key`: "Công an phường" typed
two ways is one unit), units in the order of the `Đơn vị` list, petitions by code.

Each unit's paper lists each petition's code, content, due date and days late (or days left), and asks for the answer
by a new date: `Hạn trả lời khi đôn đốc` on `Kế hoạch` when it is after the reminder's date, else `DEFAULT_WORKDAYS`
working days after it (`workdays`, the office's own calendar included).

Recorded: every reminder adds one row per petition to the tool-owned sheet `Nhật ký đôn đốc`
(`schema.REMINDER_LOG_SHEET`: unit, round, date, new date, code, due date, days late), written with the run through
`model.ChangeSet` and `access.write`, like the letters' numbers. A unit's round is one more than the highest round the
log holds for it, so the second reminder says "lần 2" and names the day of the first. Decision: every run that writes
counts as a reminder sent, the same day too (a run is what the office prints and sends); `--no-write` shows the next
round without recording it. A run that names no kind makes the reminders too (every kind), and records them.

`plan_reminders` and `message` are pure; `reminders` is the builder `kinds.KINDS["reminders"]` names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..core import schema
from ..core.keys import code_key, code_text, header_key, list_key
from ..core.model import BookData, ChangeSet, SheetWrite
from ..core.values import as_date, parse_date, whole_number
from ..domain import facts
from ..io.access import WorkbookAccess
from .wording import safe_text, short_date

if TYPE_CHECKING:
    from ..domain.deadlines import Deadline, DeadlinePlan
    from .job import Job

DEFAULT_WORKDAYS = 5  # the answer is asked for this many working days after the reminder, unless `Kế hoạch` says
LOG_WIDTHS = (34, 11, 13, 15, 13, 15, 14)
MESSAGES = "Cong van don doc - tin nhan"  # the plain-text file beside the papers


@dataclass
class Chased:
    """One assignment a reminder chases."""

    code: str
    content: str
    due: dt.date | None
    days_left: int  # negative: days late

    @property
    def late(self) -> int:
        return max(-self.days_left, 0)

    @property
    def state(self) -> str:
        if self.days_left < 0:
            return f"{-self.days_left} ngày"
        if self.days_left == 0:
            return "Đến hạn hôm nay"
        return f"Còn {self.days_left} ngày"


@dataclass
class Reminder:
    unit: str
    round: int  # 1 for the first reminder to this unit, 2 for the second…
    earlier: list[dt.date] = field(default_factory=list)  # the days of the earlier reminders to this unit
    items: list[Chased] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.days_left < 0)


# --------------------------------------------------------------------------------------------------
# The log


@dataclass(frozen=True)
class LogRow:
    unit: str
    round: int
    date: dt.date | None
    answer_by: dt.date | None
    code: str
    due: dt.date | None
    late: int | None

    def cells(self) -> list[Any]:
        return [self.unit, self.round, self.date, self.answer_by, self.code, self.due, self.late]


def parse_log(rows: Sequence[Sequence[Any]] | None) -> list[LogRow]:
    """The log's rows (header found by name in the first ten rows); rows without a unit or a round are skipped."""
    if not rows:
        return []
    wanted = [header_key(h) for h in schema.REMINDER_LOG_HEADER]
    found = [(index, {header_key(cell): i for i, cell in enumerate(row) if header_key(cell) in wanted})
             for index, row in enumerate(rows[:10])]
    header = next(((index, positions) for index, positions in found if wanted[0] in positions and wanted[1] in positions),
                  None)
    if header is None:
        return []
    index, positions = header

    def cell(row: Sequence[Any], position: int) -> Any:
        i = positions.get(wanted[position])
        return row[i] if i is not None and i < len(row) else None

    entries = []
    for row in rows[index + 1:]:
        unit, number = facts.text_of(cell(row, 0)), whole_number(cell(row, 1))
        if not unit or number is None:
            continue
        entries.append(LogRow(unit, number, as_date(cell(row, 2)) or parse_date(cell(row, 2)),
                              as_date(cell(row, 3)) or parse_date(cell(row, 3)), code_text(cell(row, 4)),
                              as_date(cell(row, 5)) or parse_date(cell(row, 5)), whole_number(cell(row, 6))))
    return entries


def read_log(access: WorkbookAccess, book: BookData) -> list[LogRow]:
    from ..core.keys import find_sheet

    name = find_sheet(book.sheet_names, schema.REMINDER_LOG_SHEET)
    return parse_log(access.read_sheet(name)) if name is not None else []


def log_changes(log: Sequence[LogRow], reminders: Sequence[Reminder], date: dt.date, answer_by: dt.date) -> ChangeSet:
    """The whole log sheet again: what it held, then one row per petition of each new reminder."""
    rows: list[list[Any]] = [list(schema.REMINDER_LOG_HEADER)]
    rows += [entry.cells() for entry in log]
    for reminder in reminders:
        rows += [LogRow(reminder.unit, reminder.round, date, answer_by, item.code, item.due, item.late).cells()
                 for item in reminder.items]
    return ChangeSet(sheets=[SheetWrite(name=schema.REMINDER_LOG_SHEET, rows=rows, widths=list(LOG_WIDTHS))])


# --------------------------------------------------------------------------------------------------
# Which units, which petitions (pure)


def chased(deadlines: DeadlinePlan) -> list[Deadline]:
    """The assignments a reminder chases: overdue or due soon, as deadlines.py decides."""
    return [d for d in deadlines.assignments if d.overdue or d.due_soon]


def plan_reminders(book: BookData, deadlines: DeadlinePlan, log: Sequence[LogRow]) -> list[Reminder]:
    """One reminder per unit with an assignment overdue or due soon; its round from the log."""
    contents = {code_key(r.get("ma_kien_nghi")): safe_text(r.get("noi_dung")) for r in book.petitions}
    rounds: dict[str, list[LogRow]] = {}
    for entry in log:
        rounds.setdefault(list_key(entry.unit), []).append(entry)
    by_unit: dict[str, Reminder] = {}
    for item in chased(deadlines):
        unit = facts.text_of(item.unit) or "Đơn vị chưa ghi tên"
        key = list_key(unit)
        if key not in by_unit:
            earlier = rounds.get(key, [])
            days = sorted({e.date for e in earlier if e.date is not None})
            by_unit[key] = Reminder(unit, max((e.round for e in earlier), default=0) + 1, days)
        assert item.days_left is not None  # overdue or due soon: not done, with a due date
        by_unit[key].items.append(Chased(code_text(item.petition), contents.get(code_key(item.petition), ""), item.due,
                                         item.days_left))
    order = tuple(book.lists.get("don_vi") or schema.LISTS_BY_KEY["don_vi"].values)
    position = {list_key(name): index for index, name in enumerate(order)}
    result = sorted(by_unit.values(), key=lambda r: (position.get(list_key(r.unit), len(order)), list_key(r.unit)))
    for reminder in result:
        reminder.items.sort(key=lambda i: (code_key(i.code), i.due or dt.date.max))
    return result


def answer_date(book: BookData, date: dt.date) -> tuple[dt.date, str | None]:
    """The day the answer is asked for: `Hạn trả lời khi đôn đốc` when after `date`, else DEFAULT_WORKDAYS working days on."""
    from ..core.workdays import office_calendar

    typed = parse_date(book.settings.get("han_don_doc"))
    if typed is not None and typed > date:
        return typed, None
    chosen = office_calendar(book.calendar.records).add_working_days(date, DEFAULT_WORKDAYS)
    if typed is None:
        return chosen, None
    label = schema.SETTINGS_BY_KEY["han_don_doc"].label
    return chosen, (f"“{label}” ({short_date(typed)}) không sau ngày công văn đôn đốc ({short_date(date)}): công văn đề nghị "
                    f"trả lời trước ngày {short_date(chosen)} ({DEFAULT_WORKDAYS} ngày làm việc). Hãy sửa ô này nếu cần.")


MESSAGE_CONTENT = 70  # characters of a petition's content a message quotes (a chat message stays short)


def _short(text: str) -> str:
    """The first words of a petition's content, cut at a word, "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= MESSAGE_CONTENT:
        return text
    return text[:MESSAGE_CONTENT].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def message(reminder: Reminder, office: str, unit_name: str, answer_by: dt.date) -> str:
    """The plain text a clerk pastes into Zalo or an e-mail to the unit."""
    lines = [f"Kính gửi {reminder.unit}:",
             f"{office} {unit_name} đề nghị đơn vị gửi văn bản tham mưu trả lời {len(reminder.items)} kiến nghị sau trước ngày "
             f"{short_date(answer_by)} (đôn đốc lần {reminder.round}"
             + (f"; lần trước ngày {short_date(reminder.earlier[-1])}" if reminder.earlier else "") + "):"]
    for item in reminder.items:
        when = f"quá hạn {item.late} ngày" if item.days_left < 0 else item.state.lower()
        about = f" ({_short(item.content)})" if item.content else ""
        lines.append(f"- {item.code}{about}: hạn {short_date(item.due)}, {when}.")
    lines.append("Trân trọng cảm ơn.")
    return "\n".join(lines)


def reminders_context(book: BookData, date: dt.date, notes: Any, reminders: Sequence[Reminder],
                      answer_by: dt.date, *, kind: str = "reminders") -> dict[str, Any]:
    from .context import base_context

    context = base_context(book, kind, date, notes)
    context.update({
        "ngay_don_doc": short_date(date),
        "han_moi": short_date(answer_by),
        "cong_van_phan_cong": safe_text(book.settings.get("so_cong_van_phan_cong")),
        "don_doc": [{
            "don_vi": r.unit,
            "lan": r.round,
            "lan_truoc": ", ".join(f"ngày {short_date(day)}" for day in r.earlier),
            "so_luong": len(r.items),
            "so_qua_han": r.overdue,
            "kien_nghi": [{"stt": n, "ma": i.code, "noi_dung": i.content, "han": short_date(i.due), "qua_han": i.state}
                          for n, i in enumerate(r.items, 1)],
        } for r in reminders],
    })
    return context


# --------------------------------------------------------------------------------------------------
# The builder


def reminders(job: Job) -> None:
    """Renders the papers itself (as the letters do), then records them: the log never names a paper not made."""
    from ..domain.deadlines import plan_deadlines
    from ..domain.kinds import KINDS
    from .render import BatchTemplate, save_atomic

    book, date, access = job.book, job.date, job.access
    assert access is not None, "a kind that writes the workbook is rendered in this process"
    deadlines = plan_deadlines(book, date)
    log = read_log(access, book)
    units = plan_reminders(book, deadlines, log)
    if not units:
        job.result.warnings.append(f"Ngày {short_date(date)} không có phân công nào quá hạn hay sắp đến hạn (trong "
                                   "3 ngày): chưa cần công văn đôn đốc.")
        return None
    answer_by, warning = answer_date(book, date)
    if warning:
        job.result.warnings.append(warning)
    changes = log_changes(log, units, date, answer_by)
    if job.write:
        access.check_writable(changes)  # refuse before rendering anything (owner file, read-only)
    context = reminders_context(book, date, job.notes, units, answer_by, kind=job.kind)
    file = save_atomic(BatchTemplate(job.template).render(context), job.target)
    job.result.files[job.kind] = file
    texts = job.name_file(MESSAGES, ".txt")
    blocks = [message(r, context["ten_van_phong"], context["ten_day_du"], answer_by) for r in units]
    texts.write_text("\n\n".join(blocks) + "\n", encoding="utf-8-sig")
    job.result.texts.append(texts)
    if job.write:
        access.progress(f"Đang ghi công văn đôn đốc vào trang “{schema.REMINDER_LOG_SHEET}”…")
        access.write(changes)
    shown = "; ".join(f"{r.unit} (lần {r.round}, {len(r.items)} kiến nghị, {r.overdue} quá hạn)" for r in units)
    recorded = (f" Đã ghi vào trang “{schema.REMINDER_LOG_SHEET}”." if job.write
                else " Chưa ghi vào sổ (không ghi): lần đôn đốc này chưa được tính.")
    job.result.lines.append(f"{KINDS[job.kind].title}: {len(units)} đơn vị — {shown}; đề nghị trả lời trước ngày "
                            f"{short_date(answer_by)}. Tệp: {file.name}; tin nhắn gửi Zalo, thư điện tử: {texts.name}."
                            f"{recorded}")
    return None
