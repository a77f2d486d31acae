"""What a check found: one problem, at one cell, in one Vietnamese sentence. Stdlib only.

The validator, the deadline engine and any other job that points a person at a cell use this type, so the
`Kiểm tra` sheet, the JSON output and the marks treat them all alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

ERROR = "error"  # must be corrected before anything leaves the office (exit status 1)
WARNING = "warning"  # worth a look; may be right as it is
SEVERITIES = (ERROR, WARNING)
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo"}
# The button (and `doithoai fix`) that applies the safe fixes, as messages name it.
FIX_BUTTON = "Sửa lỗi an toàn"


@dataclass(frozen=True)
class Finding:
    sheet: str  # sheet name as the schema spells it
    row: int | None  # Excel row number; None when the problem has no row (a missing setting row)
    column: str  # the column header (or, on `Kế hoạch`, the setting's label)
    cell: str  # "E12"; "" when there is no cell to point at
    severity: str  # ERROR or WARNING
    code: str  # stable ASCII code, e.g. "not_in_list"
    message: str  # one Vietnamese sentence: what is wrong and what to do

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


_CONTROL = {c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r"}


def shown(value: Any, limit: int = 60) -> str:
    """A cell value as a message quotes it: short, on one line, never a wall of text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    text = (value if isinstance(value, str) else str(value))[: limit * 4]
    # Control characters cannot be written into a worksheet (and print as nothing anyway).
    text = " ".join(text.translate(_CONTROL).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
