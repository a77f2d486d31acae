"""The openpyxl writer's report sheet, kept only as the reference `tests/test_xlsxpatch_sheetxml.py` compares the patch
writer's look with (production writes through `doithoai.io.xlsxpatch`; this was `io.writer._replace_sheet`)."""

from __future__ import annotations

from typing import Any

from doithoai.core.keys import find_sheet
from doithoai.core.model import SheetWrite
from doithoai.core.text import EXCEL_CELL_LIMIT, clean_text


def _set(cell, value: Any) -> None:
    """Assign a value; text stays text (openpyxl would make "=…" a formula and "#N/A" an error)."""
    value = clean_text(value)
    cell.value = value
    if value.__class__ is str and cell.data_type != "s":
        cell.data_type = "s"


def replace_sheet(workbook, spec: SheetWrite) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    existing = find_sheet(workbook.sheetnames, spec.name)
    index = None
    if existing is not None:
        index = workbook.sheetnames.index(existing)
        del workbook[existing]
    if spec.after is not None and (after := find_sheet(workbook.sheetnames, spec.after)) is not None:
        index = workbook.sheetnames.index(after) + 1
    worksheet = workbook.create_sheet(spec.name, index)
    for row_index, values in enumerate(spec.rows, start=1):
        for column_index, value in enumerate(values, start=1):
            if value is None:
                continue
            if value.__class__ is str and len(value) > EXCEL_CELL_LIMIT:  # a report quoting a very long entry: cut visibly
                value = value[: EXCEL_CELL_LIMIT - 1] + "…"
            _set(worksheet.cell(row=row_index, column=column_index), value)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in worksheet[1] if spec.rows else ():
        cell.font = bold
        cell.fill = fill
    for position, width in enumerate(spec.widths, start=1):
        worksheet.column_dimensions[get_column_letter(position)].width = width
    link_font = Font(color="0563C1", underline="single")
    for (link_row, column), target in spec.links.items():
        cell = worksheet.cell(row=link_row, column=column)
        # An internal link (location), not an external "#..." target, so it works in Excel and LibreOffice.
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=target, display=str(cell.value or ""))
        cell.font = link_font
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    for row in worksheet.iter_rows(min_row=2):
        wrapped = [cell for cell in row if cell.value is not None
                   and ((isinstance(cell.value, str) and len(cell.value) > 40) or cell.column in spec.wrap_columns)]
        for cell in row:
            if cell in wrapped:
                cell.alignment = wrap
            elif wrapped and (cell.value is not None or cell.hyperlink is not None):
                cell.alignment = top  # beside a wrapped cell: a label stays beside its message
    worksheet.freeze_panes = "A2"
    # Printable as it is: A4 landscape, as wide as one page, the header row on every page.
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.orientation = "landscape"
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_setup.fitToWidth, worksheet.page_setup.fitToHeight = 1, 0
    worksheet.print_title_rows = "1:1"

