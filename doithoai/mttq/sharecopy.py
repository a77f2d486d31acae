"""Writing the MTTQ copy (`doithoai.mttq.spec.CopyBook`) as a new .xlsx, streamed with XlsxWriter.

XlsxWriter in constant-memory mode writes each row as it comes: time and memory linear in the cells, with
one format object per column (building the copy cell by cell in an ordinary openpyxl workbook spent 43 %
of `share` at scale; `benchmarks/share_speed.py` measures both in one run). The template is built with
XlsxWriter too, so nothing new is installed.

Every text is written as text, never as a formula or a link, whatever it starts with ("=KN-001" stays
"=KN-001", "http://…" stays plain): values here came from people (`strings_to_formulas`/`strings_to_urls`
off, and `write_string` for every text).

The export id goes into the document properties too (keywords), so merge-back still recognises a copy whose
cover sheet the committee deleted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .spec import (
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

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

_COVER_WIDTHS = (24, 80)
_DATE_FORMAT = "dd/mm/yyyy"
_ALLOWED = {"format_columns": True, "format_rows": True, "select_locked_cells": True, "select_unlocked_cells": True}


def _layout(worksheet: Worksheet, *, landscape: bool, titles: bool = False) -> None:
    """Protected, A4, one page wide, narrow margins; `titles`: the header row printed on every page (Excel's built-in
    print titles, the one defined name the copy carries)."""
    if landscape:
        worksheet.set_landscape()
    else:
        worksheet.set_portrait()
    worksheet.set_paper(9)
    worksheet.set_margins(left=0.3, right=0.3, top=0.5, bottom=0.5)
    worksheet.fit_to_pages(1, 0)
    if titles:
        worksheet.repeat_rows(0)
    worksheet.protect("", dict(_ALLOWED))


def _write(worksheet: Worksheet, row: int, column: int, value: Any, cell_format: Format | None,
           date_format: Format | None) -> None:
    """One cell: text as text, dates as dates, numbers and booleans as they are, a styled blank for None."""
    if value is None:
        if cell_format is not None:
            worksheet.write_blank(row, column, None, cell_format)
    elif isinstance(value, bool):
        worksheet.write_boolean(row, column, value, cell_format)
    elif isinstance(value, (dt.date, dt.datetime)):
        worksheet.write_datetime(row, column, value, date_format)
    elif isinstance(value, (int, float)):
        worksheet.write_number(row, column, value, cell_format)
    else:
        worksheet.write_string(row, column, str(value), cell_format)


def _write_table(workbook: Workbook, table: CopyTable) -> None:
    worksheet = workbook.add_worksheet(table.name)
    formats, date_formats = [], []
    for position, column in enumerate(table.columns):
        worksheet.set_column(position, position, column.width)
        style: dict[str, Any] = {"valign": "top", "text_wrap": column.wrap}
        if column.editable:
            style.update(locked=False, bg_color="#" + NOTE_FILL, pattern=1)
        if column.number_format:
            style["num_format"] = column.number_format
        formats.append(workbook.add_format(style))
        date_formats.append(workbook.add_format({**style, "num_format": _DATE_FORMAT}))
    worksheet.freeze_panes(1, 1)
    _layout(worksheet, landscape=True, titles=True)
    header = {"bold": True, "text_wrap": True, "valign": "vcenter", "pattern": 1}
    plain_header = workbook.add_format({**header, "bg_color": "#" + HEADER_FILL})
    note_header = workbook.add_format({**header, "bg_color": "#" + NOTE_HEADER_FILL})
    worksheet.set_row(0, table.header_height)
    for position, column in enumerate(table.columns):
        worksheet.write_string(0, position, column.header, note_header if column.editable else plain_header)
    for index, values in enumerate(table.rows, start=1):
        height = table.heights[index - 1] if index - 1 < len(table.heights) else None
        if height:
            worksheet.set_row(index, height)
        for position, value in enumerate(values):
            _write(worksheet, index, position, value, formats[position], date_formats[position])


def _write_cover(workbook: Workbook, copy: CopyBook) -> None:
    worksheet = workbook.add_worksheet(COVER_SHEET)
    for position, width in enumerate(_COVER_WIDTHS):
        worksheet.set_column(position, position, width)
    title = workbook.add_format({"bold": True, "font_size": 14})
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    _layout(worksheet, landscape=False)
    worksheet.write_string(0, 0, COVER_TITLE, title)
    row = 2
    for label, value in copy.cover:
        worksheet.write_string(row, 0, label, bold)
        _write(worksheet, row, 1, value, bold if label == EXPORT_ID_LABEL else None, None)
        row += 1
    for block in copy.blocks:
        row += 1
        worksheet.write_string(row, 0, block[0], bold)
        row += 1
        for line in block[1:]:
            worksheet.set_row(row, row_height(lines_needed(line, _COVER_WIDTHS[1])))
            worksheet.write_string(row, 1, line, wrap)
            row += 1


def save_copy(copy: CopyBook, path: Path | str) -> None:
    """Write `copy` to `path` (a new .xlsx; the caller makes the write atomic)."""
    import xlsxwriter

    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    workbook = xlsxwriter.Workbook(str(path), options)
    created = copy.created if isinstance(copy.created, dt.datetime) else dt.datetime.now().replace(microsecond=0)
    workbook.set_properties({"title": COPY_TITLE, "author": PROGRAM, "keywords": copy.export_id, "created": created})
    _write_cover(workbook, copy)
    for table in copy.tables:
        _write_table(workbook, table)
    workbook.close()
