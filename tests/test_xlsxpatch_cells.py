"""The patch writer's cell layer on the files other tools write: prefixes, rows and cells without `r`, shared strings
in rich text, shared formulas, dates in a general style, the dimension, and any set of writes landing in order."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from xlsx_conformance import check_package
from xlsx_parts import MAIN_NS as MAIN
from xlsx_parts import edit_parts, members, prefixed, sheet_part, without_positions

from doithoai.core import schema
from doithoai.core.model import CellWrite, ChangeSet, cell_address
from doithoai.core.text import clean_text
from doithoai.io.reader import read_book, read_sheets
from doithoai.io.writer import apply_changes

SHEET = "Dữ liệu"


def _book(path: Path, cells: dict[tuple[int, int], object]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for (row, column), value in cells.items():
        sheet.cell(row, column, value)
    workbook.save(path)
    return path


def _order_ok(xml: bytes, written_rows: set[int] | None = None) -> None:
    """Rows ascending, cells ascending inside each row, every row and touched cell positioned."""
    root = etree.fromstring(xml)
    ns = {"m": MAIN}
    previous = 0
    for row in root.iterfind("m:sheetData/m:row", ns):
        number = int(row.get("r") or previous + 1)
        assert number > previous
        previous = number
        last = 0
        for cell in row.iterfind("m:c", ns):
            ref = cell.get("r")
            if ref is None:
                last += 1
                assert not written_rows or number not in written_rows  # a touched row has every position written out
                continue
            letters = re.match(r"[A-Z]+", ref).group()
            column = 0
            for char in letters:
                column = column * 26 + ord(char) - 64
            assert column > last and ref.endswith(str(number))
            last = column


positions = st.tuples(st.integers(1, 30), st.integers(1, 12))
typed = st.one_of(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)
                  .filter(lambda s: s.strip() and s[0] not in "=#"),  # what openpyxl would store as text
                  st.integers(-10**6, 10**6), st.sampled_from(["  lề  ", "Nguyễn Thị Hòa"]))
anything = st.text(min_size=1, max_size=12).filter(lambda s: clean_text(s).strip() and "\r" not in s)
values = st.one_of(typed, st.sampled_from(["=KN-001", "#N/A", "+1+2"]), anything,
                   st.floats(allow_nan=False, allow_infinity=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(existing=st.dictionaries(positions, typed, max_size=40), written=st.dictionaries(positions, values, max_size=25),
       prefix=st.booleans(), implicit=st.booleans())
def test_any_writes_land_in_order_on_any_layout(tmp_path, existing, written, prefix, implicit):
    path = _book(tmp_path / "so.xlsx", existing)
    part = sheet_part(path, SHEET)

    def layout(xml: bytes) -> bytes:
        xml = without_positions(xml) if implicit else xml
        return prefixed(xml) if prefix else xml

    edit_parts(path, {part: layout})
    writes = [CellWrite(SHEET, row, column, value) for (row, column), value in written.items()]
    apply_changes(path, ChangeSet(cells=writes, allow_user_cells=True), make_backup=False)
    _order_ok(members(path)[part], {row for row, _ in written})
    assert check_package(path) == []
    expected = {**existing, **{key: clean_text(value) for key, value in written.items()}}
    got = {(c.row, c.column): c.value for row in openpyxl.load_workbook(path)[SHEET].iter_rows() for c in row
           if c.value is not None}
    assert got == expected
    rows = read_sheets(path)[SHEET]  # calamine (the tool's own reader) sees the same
    for (row, column), value in expected.items():
        assert rows[row - 1][column - 1] == value


def test_a_shared_formula_master_overwritten_leaves_its_dependents_computing(tmp_path):
    path = _book(tmp_path / "so.xlsx", {(r, 1): r for r in range(1, 6)})
    part = sheet_part(path, SHEET)

    def shared(xml: bytes) -> bytes:  # B1:B5 = A+10 as Excel stores a filled-down formula
        text = xml.decode()
        for row in range(1, 6):
            formula = ('<f t="shared" ref="B1:B5" si="0">A1+10</f>' if row == 1 else '<f t="shared" si="0"/>')
            text = text.replace(f'<c r="A{row}" t="n"><v>{row}</v></c>',
                                f'<c r="A{row}" t="n"><v>{row}</v></c><c r="B{row}">{formula}<v>{row + 10}</v></c>')
        return text.encode()

    edit_parts(path, {part: shared})
    assert members(path)[part].count(b't="shared"') == 5
    apply_changes(path, ChangeSet(cells=[CellWrite(SHEET, 1, 2, "thay")], allow_user_cells=True), make_backup=False)
    sheet = openpyxl.load_workbook(path)[SHEET]
    assert sheet["B1"].value == "thay"
    assert [sheet.cell(r, 2).value for r in range(2, 6)] == [f"=A{r}+10" for r in range(2, 6)]
    assert b't="shared"' not in members(path)[part]
    assert check_package(path) == []


def test_a_header_in_rich_text_still_marks_the_tool_column(tmp_book):
    header = "Số văn bản trả lời"
    rich = "<si><r><t xml:space=\"preserve\">Số văn bản </t></r><r><rPr><b/></rPr><t>trả lời</t></r></si>".encode()
    edit_parts(tmp_book, {"xl/sharedStrings.xml": lambda xml: xml.replace(f"<si><t>{header}</t></si>".encode(), rich, 1)})
    assert rich in members(tmp_book)["xl/sharedStrings.xml"]
    book = read_book(tmp_book)
    column = book.petitions.columns["so_van_ban_tra_loi"]
    row = book.petitions.records[0].row
    apply_changes(tmp_book, ChangeSet(cells=[CellWrite(schema.PETITIONS.name, row, column, "9/UBND")]), make_backup=False)
    assert read_book(tmp_book).petitions.records[0]["so_van_ban_tra_loi"] == "9/UBND"
    with pytest.raises(ValueError, match="not a computed column"):
        apply_changes(tmp_book, ChangeSet(cells=[CellWrite(schema.PETITIONS.name, row, 1, "x")]), make_backup=False)


def test_a_date_gets_a_date_format_and_a_given_format_wins(tmp_path):
    path = _book(tmp_path / "so.xlsx", {(1, 1): "Ngày"})
    writes = [CellWrite(SHEET, 2, 1, dt.date(2026, 6, 12)), CellWrite(SHEET, 3, 1, 0.25, "0%"),
              CellWrite(SHEET, 4, 1, dt.date(2026, 6, 13), schema.DATE_FORMAT)]
    apply_changes(path, ChangeSet(cells=writes, allow_user_cells=True), make_backup=False)
    sheet = openpyxl.load_workbook(path)[SHEET]
    assert sheet["A2"].value == dt.datetime(2026, 6, 12) and sheet["A2"].is_date
    assert sheet["A3"].number_format == "0%" and sheet["A4"].number_format == schema.DATE_FORMAT
    assert read_sheets(path)[SHEET][1][0] in (dt.date(2026, 6, 12), dt.datetime(2026, 6, 12))  # calamine sees a date


def test_the_dimension_grows_over_new_cells_and_text_is_inline(tmp_path):
    path = _book(tmp_path / "so.xlsx", {(1, 1): "a", (3, 2): 5})
    apply_changes(path, ChangeSet(cells=[CellWrite(SHEET, 9, 6, "=cmd|' /C calc'!A0")], allow_user_cells=True),
                  make_backup=False)
    xml = members(path)[sheet_part(path, SHEET)].decode()
    assert '<dimension ref="A1:F9"/>' in xml
    assert re.search(r'<c r="F9" t="inlineStr"><is><t xml:space="preserve">=cmd\|\' /C calc\'!A0</t></is></c>', xml)
    assert "<f>" not in xml


def test_writing_into_an_existing_formula_removes_it_and_keeps_the_style(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["C2"] = "=A2*2"
    sheet["C2"].font = openpyxl.styles.Font(bold=True)
    workbook.save(tmp_path / "so.xlsx")
    path = tmp_path / "so.xlsx"
    apply_changes(path, ChangeSet(cells=[CellWrite(SHEET, 2, 3, 7)], allow_user_cells=True), make_backup=False)
    cell = openpyxl.load_workbook(path)[SHEET]["C2"]
    assert cell.value == 7 and cell.font.bold
    with zipfile.ZipFile(path) as archive:
        assert 'fullCalcOnLoad="1"' in archive.read("xl/workbook.xml").decode()  # formulas over C2 recompute on open


def test_cells_are_written_in_a_file_where_every_row_and_cell_lacks_its_position(tmp_book):
    book = read_book(tmp_book)
    part = sheet_part(tmp_book, schema.PETITIONS.name)
    edit_parts(tmp_book, {part: lambda xml: prefixed(without_positions(xml))})
    column = book.petitions.columns["so_van_ban_tra_loi"]
    writes = [CellWrite(schema.PETITIONS.name, r.row, column, f"{i}/UBND") for i, r in enumerate(book.petitions.records, 1)]
    apply_changes(tmp_book, ChangeSet(cells=writes), make_backup=False)
    after = read_book(tmp_book)
    assert [r["so_van_ban_tra_loi"] for r in after.petitions.records] == [w.value for w in writes]
    assert [r["noi_dung"] for r in after.petitions.records] == [r["noi_dung"] for r in book.petitions.records]
    assert cell_address(2, column) in members(tmp_book)[part].decode()
    assert check_package(tmp_book) == []


@pytest.mark.parametrize("layout", ["plain", "x-prefix", "empty"])
def test_marks_change_a_sheet_without_touching_its_cells(tmp_book, layout):
    """Marks and formats edit the sheet around its <sheetData>, which is kept byte for byte."""
    sheet = schema.SLIPS.name
    part = sheet_part(tmp_book, sheet)
    if layout == "x-prefix":
        edit_parts(tmp_book, {part: prefixed})
    elif layout == "empty":
        edit_parts(tmp_book, {part: lambda xml: re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", xml, flags=re.S)})
    data = re.compile(rb"<(?:x:)?sheetData(?:/>|>.*</(?:x:)?sheetData>)", re.S)
    before = data.search(members(tmp_book)[part]).group()
    apply_changes(tmp_book, ChangeSet(marks={sheet: ["C2", "D3"]}), make_backup=False)
    apply_changes(tmp_book, ChangeSet(marks={sheet: ["E4"]}), make_backup=False)
    after = members(tmp_book)[part]
    assert data.search(after).group() == before
    rules = [(str(cf.sqref), r.formula) for cf in openpyxl.load_workbook(tmp_book)[sheet].conditional_formatting
             for r in cf.rules]
    assert rules == [("E4", ['ISTEXT("doithoai-mark")'])]
    if layout != "empty":  # (emptied cells no longer match the sheet's table headers)
        assert check_package(tmp_book) == []
