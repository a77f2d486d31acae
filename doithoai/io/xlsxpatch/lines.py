"""How high a row with wrapped text must be: the report sheets (`sheetxml`), the roll-up's sheets, the template and
the MTTQ copy.

LibreOffice (and WPS) keep a row one line high when the file gives none, so a long message ran over the rows below
it. Excel would fit the row itself; the estimate is generous (a column of width W holds about W characters of a
proportional font) and the row stays auto-sized (no customHeight), so editing the cell in Excel fits it again.
No import beyond the standard library: the roll-up's writer takes it without the package writer and lxml.
"""

from __future__ import annotations

LINE_HEIGHT = 15.0  # points: sheetFormatPr's defaultRowHeight
MAX_ROW_HEIGHT = 409.0  # Excel's limit
DEFAULT_WIDTH = 8.43


def text_lines(text: str, width: float, per_width: float = 1.0) -> int:
    """How many lines `text` takes in a wrapped cell of column width `width`, generously: a line holds `per_width`
    characters a unit of width (1.0 for Calibri 11; the template's and the MTTQ copy's Times New Roman 12 pass
    their own). The one line estimate of the project: the template, the report sheets, the roll-up and the MTTQ
    copy all count lines with it."""
    per_line = max(int((width or DEFAULT_WIDTH) * per_width), 1)
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))


def row_height(lines: int) -> str:
    """The `ht` attribute (with its leading space) of a row `lines` lines high; "" for one line (the default)."""
    return f' ht="{min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)!r}"' if lines > 1 else ""
