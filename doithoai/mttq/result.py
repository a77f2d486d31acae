"""What merge-back reports: the notes it imports, the conflicts it will not guess about, and the summary.

Conflict kinds (one check each in `doithoai.mttq.conflicts`):

- `unknown_code`: a code of the copy the workbook no longer has;
- `added_row`: a row the committee added (no code, or a code the copy did not hold);
- `deleted_row`: a row of the copy the committee deleted;
- `duplicate_code`: a code twice in the copy or in the workbook;
- `protected_changed`: a locked cell the committee changed anyway (only reported: the note is still imported);
- `note_differs`: a note (or date) different from the one already imported;
- `bad_date`: a `Ngày giám sát` that is not a date; `formula_like`: a note Excel would take for a formula;
- `note_too_long`: a note longer than an Excel cell holds (32,767 characters), reported instead of cut.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core.values import format_date

UNKNOWN_CODE = "unknown_code"
ADDED_ROW = "added_row"
DELETED_ROW = "deleted_row"
DUPLICATE_CODE = "duplicate_code"
PROTECTED_CHANGED = "protected_changed"
NOTE_DIFFERS = "note_differs"
BAD_DATE = "bad_date"
FORMULA_LIKE = "formula_like"
NOTE_TOO_LONG = "note_too_long"

SUMMARY_CONFLICTS = 5  # conflicts listed in `MergeResult.summary`


@dataclass(frozen=True)
class Imported:
    code: str
    row: int  # Excel row in the office's workbook
    note: str | None  # written to `Ý kiến giám sát` (None: left as it was)
    date: dt.date | None  # written to `Ngày giám sát` (None: left as it was)

    @property
    def description(self) -> str:
        parts = []
        if self.note is not None:
            parts.append(f"ý kiến “{short(self.note)}”")
        if self.date is not None:
            parts.append(f"ngày {format_date(self.date)}")
        return f"{self.code} (dòng {self.row}): " + ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "row": self.row, "note": self.note, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Conflict:
    kind: str
    code: str  # the petition code ("" for a row without one)
    message: str  # one Vietnamese sentence
    copy_row: int | None = None  # Excel row in the copy's `Kiến nghị`
    row: int | None = None  # Excel row in the office's workbook
    column: str | None = None  # header
    copy_value: Any = None
    office_value: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "code": self.code,
            "copy_row": self.copy_row,
            "row": self.row,
            "column": self.column,
            "copy_value": _json_value(self.copy_value),
            "office_value": _json_value(self.office_value),
            "message": self.message,
        }


@dataclass
class MergeResult:
    source: str  # the office's workbook
    copy: str  # the copy's file name
    export_id: str
    imported: list[Imported] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0  # notes already in the workbook
    written: bool = False

    @property
    def has_conflicts(self) -> bool:
        return bool(self.conflicts)

    @property
    def headline(self) -> str:
        """What was imported and how many conflicts, without listing them (the command lists them above it)."""
        head = f"Nhập ý kiến giám sát từ “{self.copy}” (mã {self.export_id}) vào sổ “{self.source}”: "
        if self.imported:
            verb = "đã nhập" if self.written else "sẽ nhập (chạy thử, chưa ghi)"
            text = head + f"{verb} ý kiến của {len(self.imported)} kiến nghị"
        else:
            text = head + "không có ý kiến mới để nhập"
        if self.unchanged:
            text += f"; {self.unchanged} kiến nghị đã có ý kiến này từ trước"
        text += "."
        if self.conflicts:
            text += (
                f" Có {len(self.conflicts)} điểm cần xem: phần mềm không tự quyết định thay anh chị; "
                "dòng có xung đột chưa được nhập, ô bị khóa mà bị sửa thì sổ giữ nguyên giá trị của mình."
            )
        if self.written:
            text += " Bản cũ của sổ được lưu trong thư mục “Sao lưu”."
        return text

    @property
    def summary(self) -> str:
        """The headline and the first conflicts, for a front-end that shows one message (the buttons)."""
        text = self.headline
        if self.conflicts:
            lines = [f"- {c.message}" for c in self.conflicts[:SUMMARY_CONFLICTS]]
            if len(self.conflicts) > SUMMARY_CONFLICTS:
                lines.append(f"… và {len(self.conflicts) - SUMMARY_CONFLICTS} điểm nữa (lệnh “doithoai merge-back” liệt kê đủ).")
            text += "\n" + "\n".join(lines)
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "export_id": self.export_id,
            "imported": [i.to_dict() for i in self.imported],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "unchanged": self.unchanged,
            "written": self.written,
        }


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
