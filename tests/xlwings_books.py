"""Real xlwings `Book` objects without Excel: xlwings' remote engine, built from a workbook file's values.

xlwings PRO's remote engine is used here under the PolyForm Noncommercial license (key `noncommercial`),
which covers government institutions; only the tests use it. The engine keeps every change as an action
(`book.json()["actions"]`), which is what a test asserts.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")


def _json_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%dT00:00:00.000Z")
    if isinstance(value, dt.time):
        return value.hour / 24 + value.minute / 1440
    if hasattr(value, "code"):  # CellError
        return value.code
    return value


def book_json(name: str, sheets: dict[str, list[list[Any]]]) -> dict:
    import xlwings

    payload_sheets = []
    for sheet_name, rows in sheets.items():
        width = max((len(r) for r in rows), default=1) or 1
        values = [[_json_value(v) for v in row] + [""] * (width - len(row)) for row in rows] or [[""]]
        payload_sheets.append({"name": sheet_name, "values": values, "pictures": [], "tables": []})
    return {
        "client": "Microsoft Office Scripts",
        "version": xlwings.__version__,
        "book": {"name": name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": payload_sheets,
    }


def remote_book(path: Path, *, edit=None):
    """An xlwings `Book` holding the values of every sheet of the workbook at `path`.

    `edit(sheets)` may change the rows (a dict of sheet name -> rows) before the book is built.
    """
    import xlwings as xw

    from doithoai.io.reader import read_sheets

    sheets = read_sheets(Path(path))
    if edit is not None:
        edit(sheets)
    return xw.Book(json=book_json(Path(path).name, sheets))


def actions(book, func: str | None = None) -> list[dict]:
    return [a for a in book.json()["actions"] if func is None or a["func"] == func]


def written(book, sheet_name: str) -> dict[tuple[int, int], Any]:
    """{(row, column) 1-based: value} of every setValues action on that sheet."""
    position = [s.name for s in book.sheets].index(sheet_name)
    cells: dict[tuple[int, int], Any] = {}
    for action in actions(book, "setValues"):
        if action["sheet_position"] != position:
            continue
        for r, row in enumerate(action["values"]):
            for c, value in enumerate(row):
                cells[(action["start_row"] + r + 1, action["start_column"] + c + 1)] = value
    return cells
