"""New records below a sheet's last row are written as text (no element per cell): the result is the same, cell for
cell, format for format, row height for row height, as the cell-by-cell path, and an `x:`-prefixed sheet stays valid."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl.styles import Font, PatternFill
from xlsx_parts import dotnet_book, members

from doithoai.core.model import ChangeSet, RowWrite
from doithoai.io.writer import apply_changes
from doithoai.io.xlsxpatch import cells as cells_module

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "Dữ liệu"
PART = "xl/worksheets/sheet1.xml"


@pytest.fixture(scope="module")
def styled(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("append") / "styled.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(["Mã", "Ngày", "Nội dung", "Số"])
    for n in range(1, 4):
        sheet.append([f"KN-{n:03d}", dt.date(2026, 6, n), f"nội dung {n}", n])
        sheet.cell(row=n + 1, column=1).font = Font(bold=True)
        sheet.cell(row=n + 1, column=3).fill = PatternFill("solid", fgColor="FFF2CC")
        sheet.cell(row=n + 1, column=5).fill = PatternFill("solid", fgColor="DDEBF7")  # a styled blank beside
        sheet.cell(row=n + 1, column=2).number_format = "dd/mm/yyyy"
        sheet.row_dimensions[n + 1].height = 30
    workbook.save(path)
    return path


def _cells(path: Path) -> tuple[dict, dict, bytes]:
    parts = members(path)
    root = etree.fromstring(parts[PART])
    found, rows = {}, {}
    for row in root.iter(f"{{{MAIN}}}row"):
        rows[row.get("r")] = (row.get("ht"), row.get("customHeight"))
        for cell in row:
            text = "".join(cell.itertext())
            found[cell.get("r")] = (cell.get("s"), cell.get("t"), text)
    return found, rows, parts["xl/styles.xml"]


_values = st.one_of(st.none(), st.integers(-5, 5), st.text(max_size=5), st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
                    st.just("=SUM(A1)"), st.just("a\x01b"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.integers(0, 3), st.dictionaries(st.integers(1, 6), _values, max_size=5)), min_size=1,
                     max_size=6))
def test_appending_below_as_text_is_the_cell_by_cell_result(tmp_path_factory, styled, rows):
    folder = tmp_path_factory.mktemp("case")
    writes, number = [], 4
    for gap, values in rows:
        number += 1 + gap
        writes.append(RowWrite(SHEET, number, tuple(sorted(values.items()))))
    fast, slow = shutil.copyfile(styled, folder / "fast.xlsx"), shutil.copyfile(styled, folder / "slow.xlsx")
    apply_changes(fast, ChangeSet(rows=list(writes)), make_backup=False)
    original = cells_module.SheetCells.append_rows

    def cell_by_cell(self, sheet, writes, put, style=None):
        return original(self, sheet, writes, put)

    cells_module.SheetCells.append_rows = cell_by_cell
    try:
        apply_changes(slow, ChangeSet(rows=list(writes)), make_backup=False)
    finally:
        cells_module.SheetCells.append_rows = original
    fast_cells, fast_rows, fast_styles = _cells(fast)
    slow_cells, slow_rows, slow_styles = _cells(slow)
    slow_cells = {ref: value for ref, value in slow_cells.items() if value != (None, None, "")}  # empty <c/> left out
    assert fast_cells == slow_cells
    assert {r: v for r, v in fast_rows.items() if r in {ref.lstrip("ABCDEFG") for ref in fast_cells}} == \
        {r: v for r, v in slow_rows.items() if r in {ref.lstrip("ABCDEFG") for ref in slow_cells}}
    assert fast_styles == slow_styles
    assert _values_of(fast) == _values_of(slow)


def _values_of(path: Path) -> list[list]:
    rows = [list(r) for r in openpyxl.load_workbook(path)[SHEET].iter_rows(values_only=True)]
    while rows and not any(v is not None for v in rows[-1]):  # an empty <c/> the cell-by-cell path leaves
        rows.pop()
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v is not None), default=0)
    return [row[:width] for row in rows]


def test_a_prefixed_sheet_gets_prefixed_rows(tmp_path, styled):
    path = dotnet_book(styled, tmp_path / "x.xlsx")
    apply_changes(path, ChangeSet(rows=[RowWrite(SHEET, 5, ((1, "KN-004"), (2, dt.date(2026, 7, 1)), (3, "mới")))]),
                  make_backup=False)
    xml = members(path)[PART]
    assert b"<x:row r=\"5\"" in xml and b"<row" not in xml
    assert [c.value for c in openpyxl.load_workbook(path)[SHEET][5]][:3] == ["KN-004", dt.datetime(2026, 7, 1), "mới"]
