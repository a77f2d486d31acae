"""One small check per conflict kind of merge-back. Pure: each takes the `Merge` state and a row of the copy.

A row check returns True when it settled the row (a conflict reported, nothing to import); the note
checks do the same for the two supervision cells. The kinds are described in `doithoai.mttq.result`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.keys import code_key, code_text
from ..core.model import BookData, ChangeSet, Record, Table, cell_address
from ..core.text import EXCEL_CELL_LIMIT, cell_text, formula_like, strip_control, thousands
from ..core.values import EXCEL_EPOCH, coerce, format_date, is_blank, parse_date
from .projection import compare_value, project_record, row_fingerprint, slips_by_code
from .result import (
    ADDED_ROW,
    BAD_DATE,
    DELETED_ROW,
    DUPLICATE_CODE,
    FORMULA_LIKE,
    NOTE_DIFFERS,
    NOTE_TOO_LONG,
    PROTECTED_CHANGED,
    UNKNOWN_CODE,
    Conflict,
    MergeResult,
    short,
)
from .spec import NOTE_KEYS, SHARED_PETITIONS

PETITIONS = schema.PETITIONS.name
HEADERS = {c.key: c.header for c in SHARED_PETITIONS.columns}


@dataclass
class Merge:
    """What the checks share: the office's rows and the copy's, indexed by code, and what is found so far."""

    book: BookData
    copy_records: list[Record]
    copy_table: Table
    exported: set[str] | None  # code keys the copy held when made (None: not recorded)
    fingerprints: dict[str, str]  # code key -> `row_fingerprint` when the copy was made
    result: MergeResult
    expected_codeless: bool  # rows without a code are the petitions shared without one
    changes: ChangeSet = field(default_factory=ChangeSet)
    office: dict[str, list[Record]] = field(default_factory=dict)
    in_copy: dict[str, list[Record]] = field(default_factory=dict)
    _slips: dict[str, Record] | None = None

    def __post_init__(self) -> None:
        for record in self.book.petitions.records:
            key = code_key(record.get("ma_kien_nghi"))
            if key:
                self.office.setdefault(key, []).append(record)
        for record in self.copy_records:
            self.in_copy.setdefault(code_key(record.get("ma_kien_nghi")), []).append(record)

    @property
    def slips(self) -> dict[str, Record]:
        if self._slips is None:
            self._slips = slips_by_code(self.book)
        return self._slips

    def report(self, kind: str, code: str, message: str, **where: Any) -> bool:
        self.result.conflicts.append(Conflict(kind, code, message, **where))
        return True


# --------------------------------------------------------------------------------------------------
# Value readers


def note_text(value: Any) -> str | None:
    """The committee's note as text (`cell_text`), None when blank. Control characters are dropped (invisible, and an
    .xlsx cell cannot hold them); a date with a time of day is its day."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return cell_text(strip_control(value) if isinstance(value, str) else value) or None


def note_date(value: Any) -> dt.date | None | str:
    """The date, None when blank, or the text as typed when it is not a date."""
    if is_blank(value):
        return None
    parsed = parse_date(value)
    if parsed is not None:
        return parsed
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 <= value <= 80000:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))  # a date serial that lost its format
    return strip_control(str(value))


def display(value: Any) -> str:
    if value is None:
        return "(trống)"
    if isinstance(value, dt.date):
        return format_date(value)
    return f"“{short(str(value))}”"


# --------------------------------------------------------------------------------------------------
# Row checks, in the order merge-back applies them


def codeless_row(merge: Merge, record: Record) -> bool:
    has_note = note_text(record.get("y_kien_giam_sat")) is not None or note_date(record.get("ngay_giam_sat")) is not None
    if has_note or not merge.expected_codeless:
        merge.report(
            ADDED_ROW, "",
            f"Dòng {record.row} của bản chia sẻ không có mã kiến nghị (có thể Ủy ban MTTQ đã thêm dòng này), nên không nhập "
            "được; hãy nhập tay nếu cần.",
            copy_row=record.row,
        )
    return True


def added_row(merge: Merge, record: Record, key: str, code: str) -> bool:
    if merge.exported is None or key in merge.exported:
        return False
    return merge.report(
        ADDED_ROW, code,
        f"{code} (dòng {record.row} của bản chia sẻ) không có trong bản đã gửi đi: có thể Ủy ban MTTQ đã thêm dòng hoặc sửa mã; "
        "chưa nhập.",
        copy_row=record.row,
    )


def duplicate_in_copy(merge: Merge, record: Record, key: str, code: str) -> bool:
    rows = merge.in_copy[key]
    if len(rows) < 2:
        return False
    if record is rows[0]:
        listed = ", ".join(str(r.row) for r in rows)
        merge.report(
            DUPLICATE_CODE, code,
            f"{code} xuất hiện nhiều lần trong bản chia sẻ (dòng {listed}); chưa nhập, hãy giữ lại một dòng.",
            copy_row=record.row,
        )
    return True


def unknown_code(merge: Merge, record: Record, key: str, code: str) -> bool:
    if merge.office.get(key):
        return False
    return merge.report(
        UNKNOWN_CODE, code,
        f"{code} (dòng {record.row} của bản chia sẻ) không còn trong trang “{PETITIONS}” của sổ (có thể đã bị xóa hoặc đổi "
        "mã); chưa nhập.",
        copy_row=record.row,
    )


def duplicate_in_office(merge: Merge, record: Record, key: str, code: str) -> bool:
    targets = merge.office[key]
    if len(targets) < 2:
        return False
    rows = ", ".join(str(r.row) for r in targets)
    return merge.report(
        DUPLICATE_CODE, code,
        f"{code} bị trùng trong trang “{PETITIONS}” của sổ (dòng {rows}); hãy sửa mã rồi nhập lại; chưa nhập.",
        copy_row=record.row,
    )


def protected_changed(merge: Merge, record: Record, key: str, code: str, target: Record) -> None:
    """Locked cells changed anyway: reported, never written back; the row's note is still imported."""
    if key in merge.fingerprints and row_fingerprint(record.values) == merge.fingerprints[key]:
        return  # the committee left the row as it was: what the office changed since is not its doing
    shown, _ = project_record(merge.book, SHARED_PETITIONS, target, merge.slips)
    for column in SHARED_PETITIONS.columns:
        if column.key in NOTE_KEYS or column.key == "ma_kien_nghi" or column.key not in merge.copy_table.columns:
            continue
        expected = compare_value(coerce(column.kind, shown[column.key]))
        got = compare_value(record.get(column.key))
        if expected != got:
            merge.report(
                PROTECTED_CHANGED, code,
                f"{code}, cột “{column.header}”: bản chia sẻ ghi {display(got)}, sổ hiện ghi {display(expected)}; ô này bị khóa "
                "nhưng đã bị sửa trong bản chia sẻ, sổ giữ nguyên giá trị của mình.",
                copy_row=record.row, row=target.row, column=column.header, copy_value=got, office_value=expected,
            )


def deleted_rows(merge: Merge) -> None:
    for key in sorted(merge.exported or ()):
        if key in merge.in_copy:
            continue
        for target in merge.office.get(key, ()):
            code = code_text(target.get("ma_kien_nghi"))
            merge.report(
                DELETED_ROW, code,
                f"{code} có trong bản đã gửi đi nhưng không còn trong bản chia sẻ gửi lại: có thể Ủy ban MTTQ đã xóa dòng này.",
                row=target.row,
            )


# --------------------------------------------------------------------------------------------------
# Note checks: one row's two supervision cells


def _where(record: Record, target: Record, key: str, value: Any) -> dict[str, Any]:
    return {"copy_row": record.row, "row": target.row, "column": HEADERS[key], "copy_value": value}


def bad_date(merge: Merge, code: str, record: Record, target: Record, date: Any) -> bool:
    if not isinstance(date, str):
        return False
    return merge.report(
        BAD_DATE, code,
        f"{code}: “{HEADERS['ngay_giam_sat']}” trong bản chia sẻ là “{short(date)}”, không phải ngày (cần ngày/tháng/năm, "
        "ví dụ 12/6/2026); chưa nhập dòng này.",
        **_where(record, target, "ngay_giam_sat", date),
    )


def formula_note(merge: Merge, code: str, record: Record, target: Record, note: str | None) -> bool:
    if note is None or not formula_like(note):
        return False
    return merge.report(
        FORMULA_LIKE, code,
        f"{code}: ý kiến giám sát bắt đầu bằng “{note[:1]}”, Excel sẽ hiểu là công thức; chưa nhập, hãy bỏ dấu này ở đầu "
        "trong bản chia sẻ rồi nhập lại.",
        **_where(record, target, "y_kien_giam_sat", note),
    )


def note_too_long(merge: Merge, code: str, record: Record, target: Record, note: str | None) -> bool:
    if note is None or len(note) <= EXCEL_CELL_LIMIT:
        return False
    column = merge.copy_table.columns.get("y_kien_giam_sat")
    cell = cell_address(record.row, column) if column else f"dòng {record.row}"
    return merge.report(
        NOTE_TOO_LONG, code,
        f"{code}: ý kiến giám sát ở ô {cell} của bản chia sẻ dài {thousands(len(note))} ký tự, quá sức chứa của một ô Excel "
        f"({thousands(EXCEL_CELL_LIMIT)} ký tự); chưa nhập để không bị cắt mất, hãy rút gọn trong bản chia sẻ rồi nhập lại.",
        **_where(record, target, "y_kien_giam_sat", short(note)),
    )


def notes_differ(merge: Merge, code: str, record: Record, target: Record, new: list[tuple[str, Any]]) -> bool:
    """`new`: (key, value) of the cells the copy fills; a value different from the one already in the workbook blocks the row."""
    differs = False
    for key, value in new:
        had = note_text(target.get(key)) if key == "y_kien_giam_sat" else note_date(target.get(key))
        if had is not None and had != value:
            differs = merge.report(
                NOTE_DIFFERS, code,
                f"{code}, cột “{HEADERS[key]}”: bản chia sẻ ghi {display(value)}, khác với {display(had)} đã có trong sổ; "
                "chưa nhập. Nếu muốn dùng nội dung mới, hãy xóa ô đó trong sổ rồi nhập lại.",
                copy_row=record.row, row=target.row, column=HEADERS[key], copy_value=value, office_value=had,
            )
    return differs
