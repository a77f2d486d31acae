"""The two jobs the command line and the buttons run: check the workbook, and apply the safe fixes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.keys import find_sheet
from ..core.model import ERROR, WARNING, Finding, count_by_severity
from ..io.access import WorkbookAccess
from .engine import validate_book
from .fixes import Fix, apply_to_book, fix_changes, plan_fixes
from .report import report_changes


@dataclass
class ValidationResult:
    source: str
    findings: list[Finding]
    written: bool = False  # the `Kiểm tra` sheet and the marks were written

    @property
    def counts(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)

    @property
    def summary(self) -> str:
        counts = self.counts
        errors, warnings = counts[ERROR], counts[WARNING]
        if not errors and not warnings:
            text = f"Kiểm tra sổ “{self.source}”: không có lỗi hay cảnh báo nào."
        else:
            found = f"{errors} lỗi" if errors else "không có lỗi"
            text = f"Kiểm tra sổ “{self.source}”: {found}, {warnings} cảnh báo."
            if self.written:
                text += f" Xem từng mục ở trang “{schema.CHECK_SHEET}” (bấm vào địa chỉ ô để đến ô đó)."
        return text

    def to_json(self) -> dict[str, Any]:
        return {"findings": [f.to_dict() for f in self.findings], "counts": self.counts}


@dataclass
class FixResult:
    source: str
    fixes: list[Fix]
    remaining: list[Finding] | None = None  # findings after the fixes, when the `Kiểm tra` sheet was refreshed
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if not self.fixes:
            return f"Sửa lỗi an toàn sổ “{self.source}”: không có ô nào cần sửa."
        cells = len(self.fixes)
        text = f"Sửa lỗi an toàn sổ “{self.source}”: đã sửa {cells} ô (bản cũ được lưu trong thư mục “Sao lưu”)."
        if self.remaining is not None:
            counts = count_by_severity(self.remaining)
            text += f" Còn {counts[ERROR]} lỗi, {counts[WARNING]} cảnh báo cần người sửa (xem trang “{schema.CHECK_SHEET}”)."
        return text

    def to_json(self) -> dict[str, Any]:
        return {"changes": [f.to_dict() for f in self.fixes], "count": len(self.fixes)}


def validate(access: WorkbookAccess, *, write: bool = True, today: dt.date | None = None) -> ValidationResult:
    """Check every entry; with `write`, replace the `Kiểm tra` sheet and the marks on offending cells."""
    access.progress("Đang đọc sổ…")
    book = access.read()
    access.progress("Đang kiểm tra dữ liệu…")
    findings = validate_book(book, today or dt.date.today())
    result = ValidationResult(access.source, findings)
    if write:
        access.progress(f"Đang ghi trang “{schema.CHECK_SHEET}”…")
        access.write(report_changes(findings))
        result.written = True
    return result


def fix(access: WorkbookAccess, *, today: dt.date | None = None) -> FixResult:
    """Apply the safe fixes (and nothing else) in one write; report each cell changed, old and new value.

    When the workbook already has a `Kiểm tra` sheet, it is refreshed in the same write so it does not
    point at problems that are gone.
    """
    access.progress("Đang đọc sổ…")
    book = access.read()
    fixes = plan_fixes(book)
    result = FixResult(access.source, fixes)
    if not fixes:
        return result
    changes = fix_changes(fixes)
    if find_sheet(book.sheet_names, schema.CHECK_SHEET) is not None:
        apply_to_book(book, fixes)
        result.remaining = validate_book(book, today or dt.date.today())
        report = report_changes(result.remaining)
        changes.sheets, changes.marks = report.sheets, report.marks
    access.progress(f"Đang sửa {len(fixes)} ô…")
    access.write(changes)
    return result
