"""Due dates and status for the timeline (`Mốc thời gian`) and every assignment (`Phân công`).

`plan_deadlines(book, today)` is pure: it returns the computed rows, findings for rows that cannot be
computed, and the `ChangeSet` that writes them. `compute_deadlines(access)` is the job the command and the
button run; `export_calendar(access, path)` writes the same deadlines as an iCalendar file.

Vocabulary (what staff read in `Tình trạng`): "Đã hoàn thành", "Hoàn thành trễ N ngày", "Đến hạn hôm nay",
"Còn N ngày", "Quá hạn N ngày" (calendar days). A petition's `Tiến độ` sums up its assignments:
"Chưa phân công", "Đang thực hiện (k/n đơn vị xong)", "Quá hạn (k/n đơn vị xong)", "Đã hoàn thành".

Ownership of `Hạn hoàn thành`: the hidden column `Hạn tự tính` keeps what the tool last wrote. A due date
that is blank or equal to it is the tool's and is recomputed; any other date was typed by a person and
is kept as the deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import schema
from ..core.keys import code_key, code_text, list_key
from ..core.model import ERROR, WARNING, BookData, CellWrite, ChangeSet, ConditionalFormat, Finding, Record, Table, column_letter
from ..core.text import shown
from ..core.values import as_date
from ..io.access import WorkbookAccess
from .facts import handling_of

if TYPE_CHECKING:
    from ..core.workdays import WorkCalendar

SOON_DAYS = 3  # amber when due within this many days
AHEAD_DAYS = 7  # what the command prints as coming up
OVERDUE_FILL, SOON_FILL = "FFC7CE", "FFEB9C"
TAG_OVERDUE, TAG_SOON = "doithoai-deadline-overdue", "doithoai-deadline-soon"
FORMAT_ROWS = 1000  # conditional formats reach this row, so rows added later are coloured too
# The tables `plan_deadlines` reads (with the settings and the calendar): the jobs read only these, not the
# delegates and slips, which are most of a large workbook.
TABLES = ("moc_thoi_gian", "phan_cong", "kien_nghi")


def status_text(due: dt.date | None, done: dt.date | None, today: dt.date) -> tuple[str, int | None]:
    """(status, days left) for one deadline. Days left is None once done or without a due date."""
    if due is None:
        return ("Đã hoàn thành", None) if done else ("", None)
    if done is not None:
        late = (done - due).days
        return (f"Hoàn thành trễ {late} ngày" if late > 0 else "Đã hoàn thành"), None
    left = (due - today).days
    if left == 0:
        return "Đến hạn hôm nay", 0
    if left > 0:
        return f"Còn {left} ngày", left
    return f"Quá hạn {-left} ngày", left


@dataclass
class Deadline:
    kind: str  # "milestone" or "assignment"
    row: int
    name: str  # milestone name, or "KN-012 – Công an phường"
    due: dt.date | None
    done: dt.date | None
    status: str
    days_left: int | None
    unit: str = ""
    petition: str = ""

    @property
    def overdue(self) -> bool:
        """Past its due date and not done: what `Tình trạng` calls "Quá hạn N ngày" and colours red."""
        return self.days_left is not None and self.days_left < 0

    @property
    def due_soon(self) -> bool:
        """Not done, due today or within `SOON_DAYS` days: what is coloured amber."""
        return self.days_left is not None and 0 <= self.days_left <= SOON_DAYS

    def to_dict(self) -> dict[str, Any]:
        due = self.due.isoformat() if self.due else None
        if self.kind == "milestone":
            return {"name": self.name, "due": due, "status": self.status, "days_left": self.days_left}
        return {"petition": self.petition, "unit": self.unit, "due": due, "status": self.status, "days_left": self.days_left}


@dataclass
class DeadlinePlan:
    milestones: list[Deadline] = field(default_factory=list)
    assignments: list[Deadline] = field(default_factory=list)
    progress: dict[str, str] = field(default_factory=dict)  # keys.code_key of a petition code -> Tiến độ
    findings: list[Finding] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)

    def upcoming(self, today: dt.date, days: int = AHEAD_DAYS) -> list[Deadline]:
        items = [d for d in self.milestones + self.assignments if d.due and d.done is None and 0 <= (d.due - today).days <= days]
        return sorted(items, key=lambda d: (d.due, d.kind, d.row))

    def overdue(self) -> list[Deadline]:
        return [d for d in self.milestones + self.assignments if d.overdue]


def _finding(table: Table, record: Record, key: str, code: str, message: str, severity: str = ERROR) -> Finding:
    column = table.columns.get(key)
    return Finding(table.name, record.row, table.header(key), column_letter(column) + str(record.row) if column else "",
                   severity, code, message)


def _calendar(book: BookData) -> WorkCalendar:
    from ..core.workdays import office_calendar

    return office_calendar(book.calendar.records)


_DAY_KINDS = {list_key(schema.DAYS_CALENDAR): "calendar", list_key(schema.DAYS_WORKING): "working"}


class _MilestoneDates:
    """The due date of each milestone on `Mốc thời gian`, counted from its base (`Căn cứ`): the conference day, the
    plan's day or another milestone, computed once each. Every problem met is a finding on `plan`; a milestone whose
    base is the conference day the plan has not fixed yet ("Quý III/2026") is `waiting`, not an error."""

    def __init__(self, book: BookData, calendar: WorkCalendar, plan: DeadlinePlan) -> None:
        self.table = book.milestones
        self.calendar = calendar
        self.plan = plan
        self.bases = {
            list_key(schema.BASE_CONFERENCE): as_date(book.settings.get("ngay_hoi_nghi")),
            list_key(schema.BASE_PLAN): as_date(book.settings.get("ngay_ke_hoach")),
        }
        self.by_name: dict[str, Record] = {}
        for record in self.table:
            name = record["moc"]
            if isinstance(name, str) and name.strip():
                self.by_name.setdefault(list_key(name), record)
        self.due: dict[int, dt.date | None] = {}
        self.state: dict[int, str] = {}  # "busy" while its base is being computed: finds cycles
        self.waiting: set[int] = set()  # rows that count from the conference day, which the plan has not fixed yet

    def due_of(self, record: Record) -> dt.date | None:
        if self.state.get(record.row) == "done":
            return self.due.get(record.row)
        if self.state.get(record.row) == "busy":
            return None
        self.state[record.row] = "busy"
        result = self._compute(record)
        self.state[record.row] = "done"
        self.due[record.row] = result
        return result

    def _finding(self, record: Record, key: str, code: str, message: str) -> None:
        self.plan.findings.append(_finding(self.table, record, key, code, message))

    def _compute(self, record: Record) -> dt.date | None:
        base_name, days, kind = record["can_cu"], record["so_ngay"], record["loai_ngay"]
        ok = True
        if not isinstance(days, int) or isinstance(days, bool):
            self._finding(record, "so_ngay", "days_not_number",
                          f"Số ngày “{shown(days)}” của mốc “{shown(record['moc'])}” phải là một số nguyên (số âm: trước căn "
                          "cứ).")
            ok = False
        day_kind = _DAY_KINDS.get(list_key(kind)) if isinstance(kind, str) else None
        if day_kind is None:
            self._finding(record, "loai_ngay", "unknown_day_kind",
                          f"Loại ngày “{shown(kind)}” không rõ: chọn “{schema.DAYS_CALENDAR}” hoặc “{schema.DAYS_WORKING}”.")
            ok = False
        if not isinstance(base_name, str) or not base_name.strip():
            self._finding(record, "can_cu", "base_missing", f"Mốc “{shown(record['moc'])}” chưa có căn cứ để tính hạn.")
            return None
        key = list_key(base_name)
        base = self._fixed_base(record, key) if key in self.bases else self._milestone_base(record, key, base_name)
        if base is None or not ok:
            return None
        if day_kind == "working":
            return self.calendar.add_working_days(base, days)
        return self.calendar.add_calendar_days(base, days)

    def _fixed_base(self, record: Record, key: str) -> dt.date | None:
        """The conference day or the plan's day, from `Kế hoạch`."""
        base = self.bases[key]
        if base is None and key == list_key(schema.BASE_CONFERENCE):
            self.waiting.add(record.row)  # the plan has no day yet ("Quý III/2026"): listed once, not an error per row
        elif base is None:
            label = "Ngày tổ chức hội nghị" if key == list_key(schema.BASE_CONFERENCE) else "Ngày ban hành kế hoạch"
            self._finding(record, "can_cu", "base_date_missing",
                          f"Chưa có “{label}” ở trang Kế hoạch nên chưa tính được hạn của mốc “{shown(record['moc'])}”.")
        return base

    def _milestone_base(self, record: Record, key: str, base_name: str) -> dt.date | None:
        """The due date of the milestone named `base_name`."""
        other = self.by_name.get(key)
        if other is None:
            self._finding(record, "can_cu", "base_unknown",
                          f"Căn cứ “{shown(base_name)}” không phải “{schema.BASE_CONFERENCE}”, “{schema.BASE_PLAN}” hay tên "
                          "một mốc có trong bảng.")
            return None
        if other is record or self.state.get(other.row) == "busy":
            self._finding(record, "can_cu", "base_cycle",
                          f"Mốc “{shown(record['moc'])}” tính từ chính nó hoặc các mốc tính vòng quanh nhau; hãy sửa cột Căn cứ.")
            return None
        base = self.due_of(other)
        if base is None and other.row in self.waiting:
            self.waiting.add(record.row)
        return base


def _milestones(book: BookData, today: dt.date, calendar: WorkCalendar, plan: DeadlinePlan) -> None:
    dates = _MilestoneDates(book, calendar, plan)
    for record in book.milestones:
        if not isinstance(record["moc"], str) or not record["moc"].strip():
            continue
        date = dates.due_of(record)
        done = as_date(record["ngay_hoan_thanh"])
        status, left = status_text(date, done, today)
        if date is None and not done:
            status = WAITING if record.row in dates.waiting else "Chưa tính được hạn"
        plan.milestones.append(Deadline("milestone", record.row, record["moc"].strip(), date, done, status, left,
                                        unit=record.get("don_vi_thuc_hien", "") or ""))


def _assignments(
    book: BookData, today: dt.date, calendar: WorkCalendar, plan: DeadlinePlan
) -> dict[int, tuple[dt.date | None, dt.date | None]]:
    table = book.assignments
    work_days = book.settings.get("so_ngay_giai_quyet")
    owned: dict[int, tuple[dt.date | None, dt.date | None]] = {}  # row -> (new computed due, new tool value)
    due_after: dict[dt.date, dt.date] = {}  # assignment day -> computed due: a petition's units share their day
    for record in table:
        code = code_text(record["ma_kien_nghi"])
        if not code_key(code):
            continue
        assigned = as_date(record["ngay_giao"])
        typed = as_date(record["han_hoan_thanh"])
        last = as_date(record["han_tu_tinh"])
        tool_owned = record["han_hoan_thanh"] is None or (typed is not None and typed == last)
        computed = None
        if assigned is not None and isinstance(work_days, int) and not isinstance(work_days, bool):
            computed = due_after.get(assigned)
            if computed is None:
                computed = due_after[assigned] = calendar.add_working_days(assigned, work_days)
        if tool_owned:
            due = computed
            owned[record.row] = (computed, computed)
        else:
            due = typed
        done = as_date(record["ngay_hoan_thanh"])
        status, left = status_text(due, done, today)
        unit = record.get("don_vi", "") or ""
        plan.assignments.append(Deadline("assignment", record.row, f"{code} – {unit}", due, done, status, left,
                                         unit=unit, petition=code))
    return owned


def _progress(book: BookData, plan: DeadlinePlan) -> None:
    by_code: dict[str, list[Deadline]] = {}
    for item in plan.assignments:
        by_code.setdefault(code_key(item.petition), []).append(item)
    for record in book.petitions:
        code = code_key(record["ma_kien_nghi"])
        if not code:
            continue
        items = by_code.get(code, [])
        if not items:
            plan.progress[code] = "Chưa phân công" if handling_of(record) == schema.HANDLING_LATER else ""
            continue
        finished = sum(1 for i in items if i.done is not None)
        if finished == len(items):
            plan.progress[code] = "Đã hoàn thành"
        elif any(i.overdue for i in items):
            plan.progress[code] = f"Quá hạn ({finished}/{len(items)} đơn vị xong)"
        else:
            plan.progress[code] = f"Đang thực hiện ({finished}/{len(items)} đơn vị xong)"


def _formats(table: Table, due_key: str, done_key: str) -> list[ConditionalFormat]:
    if due_key not in table.columns or done_key not in table.columns:
        return []
    due, done = column_letter(table.columns[due_key]), column_letter(table.columns[done_key])
    last = column_letter(max(table.columns.values()))
    first_row = (table.records[0].row if table.records else 2)
    ref = f"A{first_row}:{last}{max(FORMAT_ROWS, table.last_row)}"
    d, f = f"${due}{first_row}", f"${done}{first_row}"
    return [
        ConditionalFormat(table.name, ref, f'AND({d}<>"",{f}="",{d}<TODAY())', OVERDUE_FILL, TAG_OVERDUE, "9C0006"),
        ConditionalFormat(table.name, ref, f'AND({d}<>"",{f}="",{d}>=TODAY(),{d}-TODAY()<={SOON_DAYS})', SOON_FILL, TAG_SOON,
                          "9C5700"),
    ]


WAITING = "Chờ ngày hội nghị"


def _waiting_for_the_date(book: BookData, plan: DeadlinePlan) -> None:
    """No conference day yet (blank, or a period such as "Quý III/2026" while planning): one warning listing what waits."""
    from .conference_settings import conference_date

    held = conference_date(book.settings.get("ngay_hoi_nghi"))
    if held.known:
        return
    row = book.settings_rows.get("ngay_hoi_nghi")
    names = [m.name for m in plan.milestones if m.status == WAITING]
    typed = f" (đang ghi “{held.period}”)" if held.period else ""
    waits = f"; {len(names)} mốc chờ ngày này: " + "; ".join(names) if names else ""
    label = schema.SETTINGS_BY_KEY["ngay_hoi_nghi"].label
    plan.findings.append(Finding(schema.SETTINGS_SHEET, row, label, f"B{row}" if row else "", WARNING, "conference_date_pending",
                                 f"Chưa có ngày tổ chức hội nghị ở trang Kế hoạch{typed}: các mốc khác đã tính{waits}. "
                                 "Khi có ngày, nhập ngày rồi tính hạn lại."))


def assignment_deadlines(book: BookData, today: dt.date) -> list[Deadline]:
    """Every assignment's deadline, as `plan_deadlines` computes it, without the timeline, the petitions' progress
    and the cells to write (the roll-up reads them and writes nothing)."""
    plan = DeadlinePlan()
    _assignments(book, today, _calendar(book), plan)
    return plan.assignments


def plan_deadlines(book: BookData, today: dt.date) -> DeadlinePlan:
    plan = DeadlinePlan()
    calendar = _calendar(book)
    _milestones(book, today, calendar, plan)
    _waiting_for_the_date(book, plan)
    owned = _assignments(book, today, calendar, plan)
    _progress(book, plan)

    cells: list[CellWrite] = []
    milestones, assignments, petitions = book.milestones, book.assignments, book.petitions

    def put(table: Table, row: int, key: str, value: Any, date: bool = False) -> None:
        if key in table.columns:
            cells.append(CellWrite(table.name, row, table.columns[key], value, schema.DATE_FORMAT if date else None))

    for item in plan.milestones:
        put(milestones, item.row, "han", item.due, date=True)
        put(milestones, item.row, "tinh_trang", item.status)
    for item in plan.assignments:
        if item.row in owned:
            put(assignments, item.row, "han_hoan_thanh", owned[item.row][0], date=True)
            put(assignments, item.row, "han_tu_tinh", owned[item.row][1], date=True)
        put(assignments, item.row, "tinh_trang", item.status)
    for record in petitions:
        code = code_key(record["ma_kien_nghi"])
        if code in plan.progress:
            put(petitions, record.row, "tien_do", plan.progress[code])
    formats = _formats(milestones, "han", "ngay_hoan_thanh") + _formats(assignments, "han_hoan_thanh", "ngay_hoan_thanh")
    plan.changes = ChangeSet(cells=cells, formats=formats)
    return plan


# --------------------------------------------------------------------------------------------------
# Jobs


@dataclass
class DeadlineResult:
    source: str
    today: dt.date
    plan: DeadlinePlan
    written: bool

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR for f in self.plan.findings)

    @property
    def summary(self) -> str:
        plan = self.plan
        overdue = len(plan.overdue())
        soon = len(plan.upcoming(self.today))
        text = (f"Tính hạn sổ “{self.source}” (ngày {self.today:%d/%m/%Y}): {len(plan.milestones)} mốc, "
                f"{len(plan.assignments)} phân công; {overdue} việc quá hạn, {soon} việc đến hạn trong {AHEAD_DAYS} ngày tới.")
        if plan.findings:
            text += f" {len(plan.findings)} dòng chưa tính được, xem danh sách bên dưới."
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "milestones": [d.to_dict() for d in self.plan.milestones],
            "assignments": [d.to_dict() for d in self.plan.assignments],
        }


def compute_deadlines(access: WorkbookAccess, *, today: dt.date | None = None, write: bool = True) -> DeadlineResult:
    today = today or dt.date.today()
    access.progress("Đang tính hạn…")
    book = access.read(TABLES)
    plan = plan_deadlines(book, today)
    if write and plan.changes:
        access.write(plan.changes)
    return DeadlineResult(access.source, today, plan, written=write)


def export_calendar(access: WorkbookAccess, out: Path, *, today: dt.date | None = None) -> Path:
    from ..core.ics import calendar_file

    book = access.read(TABLES)
    plan = plan_deadlines(book, today or dt.date.today())
    place = book.settings.get("ten_don_vi") or ""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(calendar_file(plan, place=str(place), source=access.source))
    return out
