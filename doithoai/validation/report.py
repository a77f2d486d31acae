"""The `Kiểm tra` sheet and the marks on offending cells, as a `ChangeSet` for whichever writer is in use."""

from __future__ import annotations

import re
from itertools import groupby

from ..core import schema
from ..core.model import SEVERITY_LABELS, ChangeSet, Finding, SheetWrite, quoted_sheet

# What the clerk reads: no rule codes ("speakers_exceed_time" is for developers; `validate --json` carries it).
HEADER = ("Mức độ", "Trang tính", "Ô", "Cột", "Dòng", "Nội dung")
WIDTHS = [10, 16, 8, 26, 7, 110]
LINK_COLUMN = HEADER.index("Ô") + 1
NOTHING_FOUND = "Không có lỗi hay cảnh báo nào: mọi ô đã được kiểm tra và không phát hiện vấn đề."
_ADDRESS = re.compile(r"([A-Z]+)(\d+)")


def link_target(sheet: str, cell: str) -> str:
    """"'Phiếu đăng ký'!E12": an internal hyperlink's location."""
    return quoted_sheet(sheet) + "!" + cell


def check_sheet(findings: list[Finding]) -> SheetWrite:
    """One row per finding, each with a link to its cell; a single line saying so when there is nothing."""
    rows: list[list] = [list(HEADER)]
    links: dict[tuple[int, int], str] = {}
    for finding in findings:
        rows.append([
            SEVERITY_LABELS.get(finding.severity, finding.severity),
            finding.sheet,
            finding.cell,
            finding.column,
            finding.row if finding.row is not None else "",
            finding.message,
        ])
        if finding.cell:
            links[(len(rows), LINK_COLUMN)] = link_target(finding.sheet, finding.cell)
    if not findings:
        rows.append(["", "", "", "", "", NOTHING_FOUND])
    return SheetWrite(name=schema.CHECK_SHEET, rows=rows, widths=list(WIDTHS), links=links)


def marks_for(findings: list[Finding]) -> dict[str, list[str]]:
    """Offending cells by sheet, runs of cells in one column merged into ranges ("E2:E40") to keep the rule short."""
    cells: dict[str, set[tuple[str, int]]] = {}
    for finding in findings:
        match = _ADDRESS.fullmatch(finding.cell)
        if match:
            cells.setdefault(finding.sheet, set()).add((match.group(1), int(match.group(2))))
    marks: dict[str, list[str]] = {}
    for sheet, found in cells.items():
        ranges: list[str] = []
        for letters, group in groupby(sorted(found, key=lambda c: (len(c[0]), c[0], c[1])), key=lambda c: c[0]):
            rows = [row for _, row in group]
            start = previous = rows[0]
            for row in rows[1:] + [None]:
                if row is not None and row == previous + 1:
                    previous = row
                    continue
                ranges.append(f"{letters}{start}" if start == previous else f"{letters}{start}:{letters}{previous}")
                if row is not None:
                    start = previous = row
        marks[sheet] = ranges
    return marks


def report_changes(findings: list[Finding]) -> ChangeSet:
    """The `Kiểm tra` sheet of this run, and this run's marks (the previous run's are cleared, even when none are left)."""
    return ChangeSet(sheets=[check_sheet(findings)], marks=marks_for(findings))
