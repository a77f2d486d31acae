"""A hostile review of the patch writer (io.xlsxpatch): files a clerk's Excel really leaves behind, where a value could
land in the wrong place, be lost on Excel's recalculation, make Excel repair the file, or a write grow faster than
the sheet. Each test is a defect found in review (or a guard on one that held)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from openpyxl.worksheet.table import Table
from xlsx_conformance import check_package
from xlsx_parts import MAIN_NS as MAIN
from xlsx_parts import edit_parts, members

from doithoai.core.errors import UnusableFile
from doithoai.core.model import CellWrite, ChangeSet, RowWrite
from doithoai.io.writer import apply_changes

SHEET = "Dữ liệu"
PART = "xl/worksheets/sheet1.xml"


def _book(path: Path, rows_xml: str) -> Path:
    """A one-sheet workbook whose sheetData is exactly `rows_xml`."""
    workbook = openpyxl.Workbook()
    workbook.active.title = SHEET
    workbook.save(path)
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}"><dimension ref="A1"/>'
             f"<sheetData>{rows_xml}</sheetData></worksheet>").encode()
    edit_parts(path, {PART: sheet})
    return path


def _write(path: Path, cells: list[tuple[int, int, object]]) -> None:
    changes = ChangeSet(cells=[CellWrite(SHEET, r, c, v) for r, c, v in cells], allow_user_cells=True)
    apply_changes(path, changes, make_backup=False)


def _formulas(path: Path) -> dict[str, tuple[str | None, dict]]:
    root = etree.fromstring(members(path)[PART])
    return {c.get("r"): (f.text, dict(f.attrib)) for c in root.iter(f"{{{MAIN}}}c") if (f := c.find(f"{{{MAIN}}}f")) is not None}


def _shared_groups(rows: int) -> str:
    """Column C: a formula per row in shared groups of two rows (Excel's layout after sorting or pasting blocks)."""
    out = []
    for i in range(1, rows + 1):
        group = (i - 1) // 2
        formula = f'<f t="shared" ref="C{i}:C{i + 1}" si="{group}">A{i}*2</f>' if i % 2 else f'<f t="shared" si="{group}"/>'
        out.append(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c><c r="C{i}">{formula}<v>{2 * i}</v></c></row>')
    return "".join(out)


def test_overwriting_shared_formula_masters_keeps_the_dependents_formulas(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx", _shared_groups(6))
    _write(path, [(1, 3, "x"), (5, 3, "y")])
    formulas = _formulas(path)
    assert formulas["C2"] == ("A2*2", {}) and formulas["C6"] == ("A6*2", {})
    assert formulas["C3"][1].get("t") == "shared" and "C1" not in formulas and "C5" not in formulas
    assert check_package(path) == []


def test_overwriting_many_shared_formula_masters_scans_the_sheet_once(tmp_path: Path, monkeypatch) -> None:
    """Every master of a column of small shared groups overwritten: the sheet's formulas are indexed once, not once
    per master (scanning per master was quadratic: 8,000 rows took 82 s). Counted, not timed."""
    from doithoai.io.xlsxpatch import cells

    scans = []
    original = cells.SheetCells._shared_groups
    monkeypatch.setattr(cells.SheetCells, "_shared_groups", lambda self: scans.append(1) or original(self))
    rows = 2000
    path = _book(tmp_path / "b.xlsx", _shared_groups(rows))
    _write(path, [(r, 3, r) for r in range(1, rows + 1, 2)])
    assert len(scans) == 1
    formulas = _formulas(path)
    assert formulas[f"C{rows}"] == (f"A{rows}*2", {}) and formulas["C2"] == ("A2*2", {})
    assert check_package(path) == []


def _totals_table_book(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for row in (["Mã", "Số"], ["a", 1], ["b", 2], ["Tổng", "=SUBTOTAL(109,T1[Số])"]):
        sheet.append(row)
    table = Table(displayName="T1", ref="A1:B4", totalsRowCount=1)
    table._initialise_columns()
    table.tableColumns[0].name, table.tableColumns[1].name = "Mã", "Số"
    table.tableColumns[0].totalsRowLabel = "Tổng"
    table.tableColumns[1].totalsRowFunction = "sum"
    table.autoFilter.ref = "A1:B3"
    sheet.add_table(table)
    workbook.save(path)
    return path


def test_new_row_below_a_totals_row_table(tmp_path: Path) -> None:
    """A table with a totals row is not stretched over a new record below it: the record would become the totals row
    and the autoFilter would cover it. The record is written, the table left as the clerk made it."""
    path = _totals_table_book(tmp_path / "t.xlsx")
    apply_changes(path, ChangeSet(rows=[RowWrite(SHEET, 5, ((1, "c"), (2, 3)))]), make_backup=False)
    table = etree.fromstring(members(path)["xl/tables/table1.xml"])
    assert table.get("ref") == "A1:B4"
    assert table.find(f"{{{MAIN}}}autoFilter").get("ref") == "A1:B3"
    assert [c.value for c in openpyxl.load_workbook(path)[SHEET][5]] == ["c", 3]
    assert check_package(path) == []


ARRAY = ('<row r="1"><c r="A1"><f t="array" ref="A1:A3">{1;2;3}</f><v>1</v></c></row>'
         '<row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>'
         '<row r="5"><c r="B5"><f t="dataTable" ref="B5:C6" dt2D="0" dtr="0" r1="A1"/><v>0</v></c></row>')


@pytest.mark.parametrize("row,column", [(2, 1), (3, 1), (6, 3)])
def test_write_inside_array_formula_refused(tmp_path: Path, row: int, column: int) -> None:
    """A cell inside an array formula's (or a data table's) range, other than its first cell, is recalculated by Excel
    on open (the written value silently lost): refused like a merged cell, with nothing written."""
    path = _book(tmp_path / "a.xlsx", ARRAY)
    before = path.read_bytes()
    with pytest.raises(UnusableFile) as refused:
        _write(path, [(1, 2, "first"), (row, column, "x")])
    assert SHEET in str(refused.value) and "chưa có gì bị ghi" in str(refused.value)
    assert path.read_bytes() == before


def test_write_over_an_array_formula_master_removes_the_whole_array(tmp_path: Path) -> None:
    """Overwriting the array's first cell drops the array formula: the rest of its range keeps plain values."""
    path = _book(tmp_path / "a.xlsx", ARRAY)
    _write(path, [(1, 1, "x")])
    assert "A1" not in _formulas(path)
    assert [r[0].value for r in openpyxl.load_workbook(path)[SHEET].iter_rows(max_row=3)] == ["x", 2, 3]
    assert check_package(path) == []


def test_zip_kept_valid(tmp_path: Path) -> None:
    path = _book(tmp_path / "z.xlsx", _shared_groups(4))
    _write(path, [(2, 3, "x")])
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None


def _many_formats_book(path: Path, formats: int, rows: int) -> Path:
    _book(path, "".join(f'<row r="{i}"><c r="A{i}" s="{i % formats}"><v>{i}</v></c></row>' for i in range(1, rows + 1)))
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' * formats

    def styles(data: bytes) -> bytes:
        start, end = data.index(b"<cellXfs"), data.index(b"</cellXfs>") + len(b"</cellXfs>")
        return data[:start] + f'<cellXfs count="{formats}">{xfs}</cellXfs>'.encode() + data[end:]

    edit_parts(path, {"xl/styles.xml": styles})
    return path


def test_dates_into_a_book_with_60000_cell_formats_list_them_once(tmp_path: Path, monkeypatch) -> None:
    """Every date written asks its cell's format: listing the book's cell formats per date made a book with 60,000 of
    them (Excel's limit is 64,000; copy-pasting between books gets there) take over ten minutes for 4,000 dates.
    Counted, not timed: each section of styles.xml is listed once per write, whatever the number of dates."""
    import datetime as dt

    from doithoai.io.xlsxpatch import styles

    lookups = []
    original = styles.Styles._entries

    def counted(self, name):
        if name not in self._lists:  # about to list the section's entries
            lookups.append(name)
        return original(self, name)

    monkeypatch.setattr(styles.Styles, "_entries", counted)
    path = _many_formats_book(tmp_path / "f.xlsx", 60000, 2000)
    _write(path, [(r, 1, dt.date(2025, 1, 2)) for r in range(1, 2001)])
    cell = openpyxl.load_workbook(path)[SHEET]["A7"]
    assert cell.value == dt.datetime(2025, 1, 2) and cell.number_format == "dd/mm/yyyy"
    assert lookups.count("cellXfs") == 1, lookups
