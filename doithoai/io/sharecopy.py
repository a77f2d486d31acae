"""Writing the MTTQ copy (`doithoai.mttq.spec.CopyBook`) as a new .xlsx with openpyxl, streaming.

The copy is written in openpyxl's write-only mode, row by row: time and memory are linear in the cells
(building it cell by cell in an ordinary workbook spent 43 % of `share` at scale). Each column's style is
built once and every cell of the column reuses it.

Every text is written as text, never as a formula, whatever it starts with ("=KN-001" stays "=KN-001"):
values here came from people.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..mttq.spec import (
    COPY_TITLE,
    COVER_SHEET,
    COVER_TITLE,
    EXPORT_ID_LABEL,
    HEADER_FILL,
    NOTE_FILL,
    NOTE_HEADER_FILL,
    PROGRAM,
    CopyBook,
    CopyTable,
    lines_needed,
    row_height,
)

_COVER_WIDTHS = (24, 80)


class _Styles:
    """Style arrays built once on a throw-away cell of the sheet, then given to every cell that needs them."""

    def __init__(self, worksheet) -> None:
        self.worksheet = worksheet

    def make(self, *, font=None, fill=None, alignment=None, protection=None, number_format: str | None = None):
        from openpyxl.cell.cell import Cell

        cell = Cell(self.worksheet, row=1, column=1)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        if protection is not None:
            cell.protection = protection
        if number_format is not None:
            cell.number_format = number_format
        return cell._style


def text_cell(worksheet, value: Any, style=None):
    """A cell for `value`; a text that looks like a formula is kept as text."""
    from openpyxl.cell.cell import Cell

    # A row and column (openpyxl sets the real ones when the row is appended) so the cell has a repr.
    cell = Cell(worksheet, row=1, column=1, value=value, style_array=style)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _protect(worksheet, *, landscape: bool = True) -> None:
    """Protect the sheet and make it print one page wide (no print titles: they would be defined names)."""
    from openpyxl.worksheet.properties import PageSetupProperties

    worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    worksheet.page_setup.orientation = "landscape" if landscape else "portrait"
    worksheet.page_setup.paperSize = "9"  # A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    protection = worksheet.protection
    protection.sheet = True
    # Still allowed: widening columns and rows, selecting cells.
    protection.formatColumns = False
    protection.formatRows = False


def _write_table(workbook, table: CopyTable) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    worksheet = workbook.create_sheet(table.name)
    styles = _Styles(worksheet)
    bold = Font(bold=True)
    header_styles = []
    cell_styles = []
    for position, column in enumerate(table.columns, start=1):
        worksheet.column_dimensions[get_column_letter(position)].width = column.width
        header_styles.append(
            styles.make(
                font=bold,
                fill=PatternFill("solid", fgColor=NOTE_HEADER_FILL if column.editable else HEADER_FILL),
                alignment=Alignment(wrap_text=True, vertical="center"),
            )
        )
        cell_styles.append(
            styles.make(
                alignment=Alignment(wrap_text=True, vertical="top") if column.wrap else Alignment(vertical="top"),
                number_format=column.number_format,
                protection=Protection(locked=False) if column.editable else None,
                fill=PatternFill("solid", fgColor=NOTE_FILL) if column.editable else None,
            )
        )
    worksheet.freeze_panes = "B2"
    _protect(worksheet)
    if table.header_height:
        worksheet.row_dimensions[1].height = table.header_height
    for row_index, height in enumerate(table.heights, start=2):
        if height:
            worksheet.row_dimensions[row_index].height = height
    worksheet.append([text_cell(worksheet, c.header, s) for c, s in zip(table.columns, header_styles, strict=True)])
    for values in table.rows:
        worksheet.append([text_cell(worksheet, v, s) for v, s in zip(values, cell_styles, strict=True)])


def _write_cover(workbook, copy: CopyBook) -> None:
    from openpyxl.styles import Alignment, Font

    worksheet = workbook.create_sheet(COVER_SHEET)
    styles = _Styles(worksheet)
    for letter, width in zip("AB", _COVER_WIDTHS, strict=True):
        worksheet.column_dimensions[letter].width = width
    title = styles.make(font=Font(bold=True, size=14))
    bold = styles.make(font=Font(bold=True))
    wrap = styles.make(alignment=Alignment(wrap_text=True, vertical="top"))
    rows: list[list[Any]] = [[text_cell(worksheet, COVER_TITLE, title)], []]
    for label, value in copy.cover:
        rows.append([text_cell(worksheet, label, bold), text_cell(worksheet, value, bold if label == EXPORT_ID_LABEL else None)])
    for block in copy.blocks:
        rows.append([])
        rows.append([text_cell(worksheet, block[0], bold)])
        for line in block[1:]:
            worksheet.row_dimensions[len(rows) + 1].height = row_height(lines_needed(line, _COVER_WIDTHS[1]))
            rows.append([None, text_cell(worksheet, line, wrap)])
    _protect(worksheet, landscape=False)
    for row in rows:
        worksheet.append(row)


def save_copy(copy: CopyBook, path: Path | str) -> None:
    """Write `copy` to `path` (a new .xlsx; the caller makes the write atomic)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    _write_cover(workbook, copy)
    for table in copy.tables:
        _write_table(workbook, table)
    props = workbook.properties
    props.creator = PROGRAM
    props.lastModifiedBy = PROGRAM
    props.title = COPY_TITLE
    props.identifier = copy.export_id
    created = copy.created if isinstance(copy.created, dt.datetime) else dt.datetime.now().replace(microsecond=0)
    props.created = props.modified = created
    workbook.save(str(path))
