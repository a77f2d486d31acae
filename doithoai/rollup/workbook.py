"""Writing the roll-up workbook with XlsxWriter: a fresh .xlsx, values only, text always written as text.

Every string goes through `write_string`, so a petition typed as "=HYPERLINK(…)" or "+84…" stays text and
never becomes a formula. The file's properties carry the roll-up date, not the clock, and XlsxWriter's
in-memory mode fixes the zip entries' times: the same folder on the same day gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..text import EXCEL_CELL_LIMIT, XLSX_ILLEGAL
from .aggregate import Rollup, Sheet

FONT = {"font_name": "Times New Roman", "font_size": 11}


def _text(value: str) -> str:
    return XLSX_ILLEGAL.sub("", value)[:EXCEL_CELL_LIMIT]


def write_rollup(path: Path, rollup: Rollup) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False, "default_date_format": "dd/mm/yyyy"})
    try:
        created = dt.datetime.combine(rollup.today, dt.time())
        workbook.set_properties({"title": "Tổng hợp kết quả hội nghị đối thoại", "author": "Đối thoại", "company": "",
                                 "comments": "Tạo bằng phần mềm Đối thoại", "created": created})
        formats = {
            "plain": workbook.add_format({**FONT, "valign": "top"}),
            "wrap": workbook.add_format({**FONT, "valign": "top", "text_wrap": True}),
            "date": workbook.add_format({**FONT, "valign": "top", "num_format": "dd/mm/yyyy"}),
            "title": workbook.add_format({**FONT, "bold": True, "font_size": 13}),
            "header": workbook.add_format({**FONT, "bold": True, "text_wrap": True, "valign": "vcenter", "align": "center",
                                           "bg_color": "#DDEBF7", "border": 1}),
            "total": workbook.add_format({**FONT, "bold": True, "top": 1}),
        }
        for sheet in rollup.sheets:
            _write_sheet(workbook.add_worksheet(sheet.name), sheet, formats)
    finally:
        workbook.close()


def _put(ws: Any, row: int, col: int, value: Any, fmt: Any, date_fmt: Any) -> None:
    if value is None or value == "":
        return  # a blank cell needs no record (thousands of them in the petitions sheet)
    if isinstance(value, bool):
        ws.write_string(row, col, "Có" if value else "Không", fmt)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(row, col, value, date_fmt)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), date_fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, _text(str(value)), fmt)


def _write_sheet(ws: Any, sheet: Sheet, formats: dict[str, Any]) -> None:
    ws.write_string(0, 0, sheet.title, formats["title"])
    header_row = 1
    if sheet.groups:
        for label, first, last in sheet.groups:
            if last > first:
                ws.merge_range(1, first, 1, last, label, formats["header"])
            else:
                ws.write_string(1, first, label, formats["header"])
        header_row = 2
    for col, header in enumerate(sheet.headers):
        ws.write_string(header_row, col, header, formats["header"])
    for col, width in enumerate(sheet.widths):
        ws.set_column(col, col, width)
    ws.set_row(header_row, 45)
    last = len(sheet.rows) - 1
    for r, row in enumerate(sheet.rows):
        total = sheet.total_row and r == last
        for col, value in enumerate(row):
            fmt = formats["total"] if total else (formats["wrap"] if col in sheet.wrap else formats["plain"])
            _put(ws, header_row + 1 + r, col, value, fmt, formats["date"])
    ws.freeze_panes(header_row + 1, 0)
    if sheet.rows and len(sheet.headers) > 1:
        data_last = header_row + len(sheet.rows) - (1 if sheet.total_row else 0)
        ws.autofilter(header_row, 0, max(data_last, header_row), len(sheet.headers) - 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
