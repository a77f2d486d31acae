"""What the level above needs from one ward's workbook, as plain data. Pure: `BookData` in, `UnitSummary` out.

Runs in the worker processes of the roll-up, so the summary holds only picklable plain values (text,
dates, numbers, lists, dicts) and never a personal datum: petitions come out as the MTTQ copy shows them
(`PETITION_COLUMNS`, masked by the same function), delegates only as counts.

The conference's facts come from the timeline (`Mốc thời gian`), whose rows staff rename freely: a row
is recognised by what it is, not by its exact wording (`facts.milestone_of`, the rule the documents' dates use too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core.model import BookData
from ..core.text import cell_text, fold
from ..core.values import as_date
from ..domain.facts import milestone_of, presence
from ..domain.kinds import CONFERENCE_MILESTONE

ANNOUNCE_MIN_DAYS = 7  # Law on Organisation of Local Government 2025, Art. 43: at least 7 days before
NOTICE_MAX_DAYS = 10  # and the results notice within 10 days after

# Conference states (Vietnamese, as the sheet shows them).
HELD = "Đã tổ chức"
NOT_YET = "Chưa đến ngày"
NOT_RECORDED = "Quá ngày, chưa ghi nhận đã tổ chức"
NO_DATE = "Chưa có ngày hội nghị"
# Announcement and notice states.
ON_TIME = "Đúng hạn"
LATE = "Muộn"
MISSING = "Chưa có"
NOT_DUE = "Chưa đến hạn"


@dataclass
class OverdueItem:
    code: str
    department: str
    role: str
    due: dt.date
    days: int  # calendar days past due on `today`


@dataclass
class UnitSummary:
    file: str  # path relative to the rolled-up folder
    unit: str  # "Phường Tứ Minh"
    unit_type: str  # "Phường", "Xã", or what the workbook says
    issuer: str  # "ỦY BAN NHÂN DÂN", "ĐẢNG ỦY", …
    province: str  # `Tỉnh, thành phố` as the workbook names it
    conference: dt.date | None
    state: str
    invited: int
    present: int
    expected: int | None
    announced: dt.date | None
    announce_days: int | None  # days between announcement and conference
    announce_state: str
    notice: dt.date | None
    notice_days: int | None
    notice_state: str
    petitions: list[dict[str, Any]] = field(default_factory=list)  # masked, keys of PETITION_COLUMNS
    assignments: int = 0
    pending: int = 0
    by_department: dict[str, list[int]] = field(default_factory=dict)  # department -> [assignments, overdue]
    overdue: list[OverdueItem] = field(default_factory=list)
    masked_cells: int = 0  # text cells in which a phone or ID-card number was masked


def unit_name(settings: dict[str, Any]) -> tuple[str, str]:
    """("Phường Tứ Minh", "Phường") from `Loại đơn vị hành chính` and `Tên phường, xã`."""
    kind = cell_text(settings.get("loai_don_vi")) or "Đơn vị"
    name = cell_text(settings.get("ten_don_vi"))
    kind = kind[:1].upper() + kind[1:]
    if name and fold(name).startswith(fold(kind) + " "):  # "Phường Tứ Minh" typed in the name cell
        return name, kind
    return (f"{kind} {name}".strip() if name else ""), kind


def _conference_facts(book: BookData, today: dt.date) -> dict[str, Any]:
    done: dict[str, dt.date | None] = {}
    for role in ("announcement", CONFERENCE_MILESTONE, "notice"):
        record = milestone_of(role, book.milestones)
        done[role] = as_date(record.get("ngay_hoan_thanh")) if record is not None else None
    conference = as_date(book.settings.get("ngay_hoi_nghi"))
    invited, present = presence(book.delegates.records)  # the ward's own count (facts), the same in its report upward
    if conference is None:
        state = NO_DATE
    elif done.get(CONFERENCE_MILESTONE) or present:
        state = HELD
    elif conference > today:
        state = NOT_YET
    else:
        state = NOT_RECORDED

    announced, notice = done.get("announcement"), done.get("notice")
    announce_days = (conference - announced).days if conference and announced else None
    if announce_days is not None:
        announce_state = ON_TIME if announce_days >= ANNOUNCE_MIN_DAYS else LATE
    elif conference and conference - dt.timedelta(days=ANNOUNCE_MIN_DAYS) >= today:
        announce_state = NOT_DUE
    else:
        announce_state = MISSING
    notice_days = (notice - conference).days if conference and notice else None
    if notice_days is not None:
        notice_state = ON_TIME if notice_days <= NOTICE_MAX_DAYS else LATE
    elif conference is None or conference + dt.timedelta(days=NOTICE_MAX_DAYS) >= today:
        notice_state = NOT_DUE
    else:
        notice_state = MISSING
    expected = book.settings.get("so_dai_bieu_du_kien")
    return {
        "conference": conference, "state": state, "invited": invited, "present": present,
        "expected": expected if isinstance(expected, int) and not isinstance(expected, bool) else None,
        "announced": announced, "announce_days": announce_days, "announce_state": announce_state,
        "notice": notice, "notice_days": notice_days, "notice_state": notice_state,
    }


def _assignments(book: BookData, today: dt.date, summary: UnitSummary) -> None:
    from ..domain.deadlines import assignment_deadlines

    records = {record.row: record for record in book.assignments}
    names: dict[Any, str] = {}  # a department's or a role's cell -> its text: a few names, on row after row

    def name(value: Any) -> str:
        text = names.get(value)
        if text is None:
            text = names[value] = cell_text(value)
        return text

    for item in assignment_deadlines(book, today):
        department = name(item.unit) or "(chưa ghi đơn vị)"
        counts = summary.by_department.setdefault(department, [0, 0])
        counts[0] += 1
        summary.assignments += 1
        if item.done is None:
            summary.pending += 1
        if item.days_left is not None and item.days_left < 0 and item.due is not None:
            counts[1] += 1
            record = records.get(item.row)
            role = name(record.get("vai_tro")) if record is not None else ""
            summary.overdue.append(OverdueItem(item.petition, department, role, item.due, -item.days_left))


def summarize(book: BookData, file: str, today: dt.date) -> UnitSummary:
    """Everything the roll-up shows about one workbook, personal data already masked."""
    from .privacy import masked_petitions

    unit, unit_type = unit_name(book.settings)
    summary = UnitSummary(file=file, unit=unit or file, unit_type=unit_type, issuer=cell_text(book.settings.get("co_quan")),
                          province=cell_text(book.settings.get("tinh")),
                          **_conference_facts(book, today))
    summary.petitions, summary.masked_cells = masked_petitions(book)
    _assignments(book, today, summary)
    return summary
