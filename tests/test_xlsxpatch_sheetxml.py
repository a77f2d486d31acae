"""xlsxpatch.sheetxml: a report sheet built as one worksheet part looks as the openpyxl writer made it. Each generated
part is put into a real workbook (in place of a sheet of a copy) and read back with openpyxl and calamine, and once
through LibreOffice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from python_calamine import CalamineWorkbook

from doithoai.core import schema
from doithoai.core.model import SheetWrite
from doithoai.core.text import EXCEL_CELL_LIMIT, clean_text
from doithoai.core.values import DATE_MAX, DATE_MIN
from doithoai.io.reader import read_book
from doithoai.io.xlsxpatch.sheetxml import PRINT_TITLES, print_titles, sheet_xml
from doithoai.io.xlsxpatch.styles import Styles
from doithoai.validation.engine import validate_book
from doithoai.validation.report import check_sheet
from tests import openpyxl_writer, xlsx_parts
from tests.xlsx_conformance import check_package

TODAY = dt.date(2026, 6, 19)


def _spec() -> SheetWrite:
    long_text = "Đường liên tổ dân phố số 3 xuống cấp, đề nghị sửa chữa trước mùa mưa năm 2026"
    rows = [
        ["STT", "Trang", "Ô", "Mức độ", "Nội dung", "Ngày"],
        [1, "Phiếu đăng ký", "E12", "Lỗi", long_text, dt.date(2026, 6, 12)],
        [2, "Kiến nghị", "B3", "Cảnh báo", "=KN-001", dt.datetime(2026, 6, 12, 8, 30)],
        [3, "#N/A", None, "", "a\x0bb\x01c", 2.5],
        [4, "x" * (EXCEL_CELL_LIMIT + 10), True],
    ]
    links = {(2, 3): "'Phiếu đăng ký'!E12", (3, 3): "'Kiến nghị'!B3", (6, 2): "'Kế hoạch'!B4"}
    return SheetWrite("Kiểm tra", rows, widths=[6, 18, 8, 10, 60, 12], links=links)


def _assemble(source: Path, target: Path, spec: SheetWrite) -> Path:
    """`spec` as the first sheet of a copy of `source` (its name and print titles set in workbook.xml)."""
    styles = Styles(xlsx_parts.read_part(source, "xl/styles.xml"))
    part = sheet_xml(spec, styles)
    workbook = etree.fromstring(xlsx_parts.read_part(source, "xl/workbook.xml"))
    ns = {"m": xlsx_parts.MAIN_NS}
    workbook.find("m:sheets/m:sheet", ns).set("name", spec.name)
    names = workbook.find("m:definedNames", ns)
    if names is None:
        names = etree.Element(f"{{{xlsx_parts.MAIN_NS}}}definedNames")
        workbook.find("m:sheets", ns).addnext(names)
    defined = etree.SubElement(names, f"{{{xlsx_parts.MAIN_NS}}}definedName", name=PRINT_TITLES, localSheetId="0")
    defined.text = print_titles(spec.name)
    path = xlsx_parts.rewrite(source, target, {xlsx_parts.first_sheet_part(source): part, "xl/styles.xml": styles.to_bytes(),
                                                "xl/workbook.xml": etree.tostring(workbook)})
    assert check_package(path) == []  # nothing Excel would refuse or repair
    return path


def _by_openpyxl_writer(target: Path, spec: SheetWrite) -> Path:
    workbook = openpyxl.Workbook()
    openpyxl_writer.replace_sheet(workbook, spec)
    del workbook[workbook.sheetnames[0]]
    workbook.save(target)
    return target


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    return xlsx_parts.openpyxl_book(tmp_path_factory.mktemp("sheetxml") / "source.xlsx")


def _rgb(color) -> str | None:
    """An explicit colour; None for the default or a theme colour (the workbook's text colour)."""
    # openpyxl writes "000563C1" (no alpha), we the opaque "FF0563C1": the same colour on screen
    return color.rgb[-6:] if color is not None and color.type == "rgb" else None


def _look(cell) -> tuple:
    link = cell.hyperlink
    return (cell.value, cell.data_type if cell.value is not None else None, bool(cell.font.b), cell.font.u, _rgb(cell.font.color),
            cell.fill.fill_type, _rgb(cell.fill.fgColor) if cell.fill.fill_type else None, bool(cell.alignment.wrap_text),
            cell.alignment.vertical, cell.is_date, link.location if link else None)


def test_same_look_as_the_openpyxl_writer(tmp_path, source):
    spec = _spec()
    ours = openpyxl.load_workbook(_assemble(source, tmp_path / "ours.xlsx", spec))["Kiểm tra"]
    theirs = openpyxl.load_workbook(_by_openpyxl_writer(tmp_path / "theirs.xlsx", spec))["Kiểm tra"]
    assert ours.max_row == theirs.max_row and ours.max_column == theirs.max_column
    for row in range(1, theirs.max_row + 1):
        for column in range(1, theirs.max_column + 1):
            mine, old = _look(ours.cell(row, column)), _look(theirs.cell(row, column))
            assert mine == old, (row, column)
    assert ours.freeze_panes == theirs.freeze_panes == "A2"
    for letter in "ABCDEF":
        assert ours.column_dimensions[letter].width == theirs.column_dimensions[letter].width
    for attribute in ("paperSize", "orientation", "fitToWidth", "fitToHeight"):
        assert getattr(ours.page_setup, attribute) == getattr(theirs.page_setup, attribute), attribute
    assert ours.page_setup.paperSize == 9 and ours.page_setup.orientation == "landscape"
    assert ours.sheet_properties.pageSetUpPr.fitToPage and theirs.sheet_properties.pageSetUpPr.fitToPage
    assert ours.print_title_rows == "$1:$1"


def test_a_row_with_wrapped_text_is_as_high_as_its_lines(tmp_path, source):
    """LibreOffice and WPS keep a row one line high when the file gives no height, so a long message overlapped the
    rows below it: a wrapped cell's row gets a height for its lines (auto-sized still, so Excel refits it on edit)."""
    message = "Nội dung kiến nghị gần giống kiến nghị ở dòng 54 (KN-053); nếu là cùng một ý kiến, hãy gộp lại. " * 3
    spec = SheetWrite("Kiểm tra", [["Mức độ", "Nội dung"], ["Lỗi", "ngắn"], ["Lỗi", message], ["Lỗi", "một\nhai\nba" * 5]],
                      widths=[10, 60])
    path = _assemble(source, tmp_path / "heights.xlsx", spec)
    rows = openpyxl.load_workbook(path)["Kiểm tra"].row_dimensions
    assert rows[2].height is None  # a short line keeps the default height
    assert rows[3].height == 15.0 * 5  # 288 characters in a column 60 wide: five lines
    assert rows[4].height == 15.0 * 11  # line breaks count
    assert b"customHeight" not in xlsx_parts.read_part(path, xlsx_parts.first_sheet_part(path))  # still auto-sized


def test_values_and_types_read_back(tmp_path, source):
    spec = _spec()
    path = _assemble(source, tmp_path / "ours.xlsx", spec)
    sheet = openpyxl.load_workbook(path)["Kiểm tra"]
    assert sheet["E3"].value == "=KN-001" and sheet["E3"].data_type == "s"
    assert sheet["B4"].value == "#N/A" and sheet["B4"].data_type == "s"
    assert sheet["E4"].value == "a\nbc"
    assert sheet["F2"].value == dt.datetime(2026, 6, 12) and sheet["F2"].number_format == schema.DATE_FORMAT
    assert sheet["F3"].value == dt.datetime(2026, 6, 12, 8, 30)
    assert len(sheet["B5"].value) == EXCEL_CELL_LIMIT and sheet["B5"].value.endswith("…")
    assert sheet["C5"].value is True
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Kiểm tra").to_python(skip_empty_area=False)
    assert rows[0] == ["STT", "Trang", "Ô", "Mức độ", "Nội dung", "Ngày"]
    assert rows[1][0] == 1 and rows[1][5] == dt.date(2026, 6, 12) and rows[2][4] == "=KN-001" and rows[3][5] == 2.5


def test_the_check_sheet_of_a_real_workbook(tmp_path, demo_path, source):
    spec = check_sheet(validate_book(read_book(demo_path), TODAY))
    assert len(spec.rows) > 3 and spec.links  # the header and the sample's findings (speaking time, two slips out of scope)
    path = _assemble(source, tmp_path / "check.xlsx", spec)
    sheet = openpyxl.load_workbook(path)[spec.name]
    got = [[c.value for c in row] for row in sheet.iter_rows(max_col=len(spec.rows[0]))]
    assert got == [[None if v == "" else v for v in row] + [None] * (len(spec.rows[0]) - len(row)) for row in spec.rows]
    assert {(c.row, c.column): c.hyperlink.location for row in sheet.iter_rows() for c in row if c.hyperlink} == spec.links


def test_empty_sheet_and_links_past_the_rows(tmp_path, source):
    spec = SheetWrite("Trống", [], widths=[10])
    sheet = openpyxl.load_workbook(_assemble(source, tmp_path / "empty.xlsx", spec))["Trống"]
    assert sheet.max_row == 1 and sheet["A1"].value is None and sheet.freeze_panes == "A2"


def test_styles_are_reused_between_runs(source):
    styles = Styles(xlsx_parts.read_part(source, "xl/styles.xml"))
    first = sheet_xml(_spec(), styles)
    again = Styles(styles.to_bytes())
    assert sheet_xml(_spec(), again) == first and not again.changed


def test_a_dotnet_workbook_takes_the_sheet(tmp_path, source):
    dotnet = xlsx_parts.dotnet_book(source, tmp_path / "dotnet.xlsx")
    sheet = openpyxl.load_workbook(_assemble(dotnet, tmp_path / "ours.xlsx", _spec()))["Kiểm tra"]
    assert sheet["A1"].font.b and sheet["E3"].value == "=KN-001"


@pytest.mark.slow
def test_libreoffice_opens_and_prints_it(tmp_path, source):
    from tests.pdf_pages import need_tools, read_pages, squeeze, to_pdfs

    need_tools()
    path = _assemble(source, tmp_path / "ours.xlsx", _spec())
    pdf = to_pdfs([path], tmp_path / "pdf")[path]
    pages = read_pages(pdf)
    assert pages and pages[0].height < 600  # A4 landscape: 595 pt high
    text = squeeze(pages[0].text)
    assert squeeze("Nội dung") in text and "=KN-001" in text and "#N/A" in text and "12/06/2026" in text


_VALUES = st.one_of(st.none(), st.text(max_size=50), st.integers(-(10**9), 10**9), st.booleans(),
                    st.floats(allow_nan=False, allow_infinity=False), st.dates(DATE_MIN, DATE_MAX))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_VALUES, max_size=6), max_size=8),
       links=st.dictionaries(st.tuples(st.integers(1, 10), st.integers(1, 8)), st.text(max_size=20), max_size=4),
       widths=st.lists(st.one_of(st.just(0), st.floats(1, 200)), max_size=6))
def test_any_report_sheet_is_a_valid_part_that_reads_back(tmp_path, source, rows, links, widths):
    spec = SheetWrite("Báo cáo", rows, widths=widths, links=links)
    path = _assemble(source, tmp_path / "any.xlsx", spec)  # asserts check_package(path) == []
    got = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Báo cáo").to_python(skip_empty_area=False)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            read = got[r][c] if r < len(got) and c < len(got[r]) else ""
            if value is None or (isinstance(value, str) and not clean_text(value)):
                assert read == ""
            elif isinstance(value, str):
                assert read == clean_text(value)
            else:
                assert read == value and isinstance(read, bool) == isinstance(value, bool)
    sheet = openpyxl.load_workbook(path)["Báo cáo"]
    assert {(c.row, c.column): c.hyperlink.location for row in sheet.iter_rows() for c in row if c.hyperlink} == \
        {cell: clean_text(target) for cell, target in links.items()}
