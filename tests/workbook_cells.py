"""Every cell of a workbook as two independent readers see it, and what a ChangeSet should make of them.

`openpyxl_cells(path)` gives values and styles, `calamine_cells(path)` values only; both as {sheet: {(row, col): value}}
with values normalised so the two readers agree (a whole float is an int, a midnight datetime a date, "" is empty).
`expected_after(before, changes)` overlays the writes a job asked for (`model.ChangeSet`: cells, new rows, whole
report sheets) on the cells read before it ran; `differences(expected, actual)` names each cell that disagrees.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from doithoai.core.keys import find_sheet
from doithoai.core.text import EXCEL_CELL_LIMIT, clean_text

Cells = dict[str, dict[tuple[int, int], Any]]


def normal(value: Any) -> Any:
    """One spelling of a cell value for comparing readers: None for empty, int for whole numbers, date for midnight."""
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()
    return value


def style_key(style: Any) -> Any:
    """A comparable form of an openpyxl style object (its proxies never compare equal to each other): its set
    attributes, recursively. False is left out like None: `wrapText="0"` and no wrapText are the same look."""
    names = getattr(style, "__attrs__", None)
    if names is None:
        return style
    names = tuple(names) + tuple(getattr(style, "__elements__", ()))
    pairs = ((name, getattr(style, name, None)) for name in names)
    # A colour's unused alternatives (rgb of a theme colour...) come back as descriptor messages, not values: skip them.
    return tuple((name, style_key(value)) for name, value in pairs
                 if value not in (None, False) and (isinstance(value, (str, int, float)) or hasattr(value, "__attrs__")))


def openpyxl_cells(path: Path) -> tuple[Cells, Cells]:
    """(values, styles) of every non-empty or styled cell, by sheet name. A style is a tuple of openpyxl's
    font, fill, border, alignment, protection and number format."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    values: Cells = {}
    styles: Cells = {}
    # A cell's style is its style array's ids into the book's tables: cells with equal arrays have the same style,
    # worked out once per array.
    by_array: dict[tuple[int, ...], tuple] = {}
    for sheet in book.worksheets:
        sheet_values, sheet_styles = values.setdefault(sheet.title, {}), styles.setdefault(sheet.title, {})
        for (row, col), cell in sheet._cells.items():
            value = normal(cell.value)
            if value is not None:
                sheet_values[(row, col)] = value
            if cell.has_style:
                array = tuple(cell._style)
                if array not in by_array:
                    by_array[array] = (style_key(cell.font), style_key(cell.fill), style_key(cell.border),
                                       style_key(cell.alignment), style_key(cell.protection), cell.number_format)
                sheet_styles[(row, col)] = by_array[array]
    book.close()
    return values, styles


def calamine_cells(path: Path) -> Cells:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    values: Cells = {}
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        values[name] = {(r, c): normal(v) for r, row in enumerate(rows, 1) for c, v in enumerate(row, 1)
                        if normal(v) is not None}
    return values


def _sheet(cells: Cells, wanted: str) -> str:
    return find_sheet(list(cells), wanted) or wanted


def _written(value: Any) -> Any:
    return normal(clean_text(value))


def expected_after(before: Cells, changes_list) -> tuple[Cells, dict[str, set[tuple[int, int]]], set[str]]:
    """(expected cells, written positions by sheet, sheets replaced whole) after applying `changes_list` in order."""
    expected = {name: dict(cells) for name, cells in before.items()}
    written: dict[str, set[tuple[int, int]]] = {}
    replaced: set[str] = set()
    for changes in changes_list:
        for write in changes.cells:
            name = _sheet(expected, write.sheet)
            value = _written(write.value)
            target = expected.setdefault(name, {})
            if value is None:
                target.pop((write.row, write.column), None)
            else:
                target[(write.row, write.column)] = value
            written.setdefault(name, set()).add((write.row, write.column))
        for row in changes.rows:
            name = _sheet(expected, row.sheet)
            for column, value in row.values:
                if _written(value) is not None:
                    expected.setdefault(name, {})[(row.row, column)] = _written(value)
                written.setdefault(name, set()).add((row.row, column))
        for sheet in changes.sheets:
            name = _sheet(expected, sheet.name)
            cells = {}
            for r, values in enumerate(sheet.rows, 1):
                for c, value in enumerate(values, 1):
                    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
                        value = value[: EXCEL_CELL_LIMIT - 1] + "…"
                    if _written(value) is not None:
                        cells[(r, c)] = _written(value)
            expected[name] = cells
            replaced.add(name)
    return expected, written, replaced


def differences(expected: Cells, actual: Cells, limit: int = 15) -> list[str]:
    """'sheet!R,C: expected … got …' for every disagreeing cell (the first `limit`), and sheets present in only one."""
    found: list[str] = []
    for name in sorted(set(expected) | set(actual)):
        if name not in actual or name not in expected:
            found.append(f"sheet {name!r} {'missing' if name not in actual else 'unexpected'}")
            continue
        want, got = expected[name], actual[name]
        for position in sorted(set(want) | set(got)):
            a, b = want.get(position), got.get(position)
            if a != b and not (isinstance(a, float) and isinstance(b, float) and math.isclose(a, b, rel_tol=1e-12)):
                found.append(f"{name}!R{position[0]}C{position[1]}: expected {a!r}, got {b!r}")
                if len(found) >= limit:
                    return found
    return found
