"""xlsxpatch.styles on the styles.xml of every kind of file a clerk may have: derived formats read back by openpyxl
as asked, identical formats reused, counts right, the source's prefix and extensions kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from doithoai.core import schema
from doithoai.io.xlsxpatch import cellvalue
from doithoai.io.xlsxpatch.styles import Styles, argb, is_date_format
from tests import xlsx_parts
from tests.xlsx_conformance import check_package

# The LibreOffice-saved book takes a LibreOffice run to make: its cases are slow (the quick lane leaves them out).
SOURCES = ["template", "openpyxl", "xlsxwriter", pytest.param("libreoffice", marks=pytest.mark.slow), "dotnet"]


@pytest.fixture(scope="module")
def books(tmp_path_factory, template_path) -> dict[str, Path]:
    """The books of every source but LibreOffice's, which `_book` makes the first time a test asks for it."""
    folder = tmp_path_factory.mktemp("styles")
    found = {"template": template_path, "openpyxl": xlsx_parts.openpyxl_book(folder / "openpyxl.xlsx"),
             "xlsxwriter": xlsx_parts.xlsxwriter_book(folder / "xlsxwriter.xlsx")}
    found["dotnet"] = xlsx_parts.dotnet_book(found["openpyxl"], folder / "dotnet.xlsx")
    return found


def _book(books, source) -> Path:
    if source == "libreoffice" and source not in books:
        lo_dir = books["openpyxl"].parent / "lo"
        lo_dir.mkdir(exist_ok=True)
        converted = xlsx_parts.libreoffice_book(books["openpyxl"], lo_dir)
        if converted is None:
            pytest.skip("LibreOffice is needed to make a LibreOffice-saved workbook")
        books[source] = converted
    return books[source]


def _styled_cell(source: Path, target: Path, styles: Styles, style: int, value) -> openpyxl.cell.Cell:
    """Write `value` with cell format `style` into A1 of a copy of `source`, with the derived styles.xml, and read it
    back with openpyxl."""
    part = xlsx_parts.first_sheet_part(source)
    root = etree.fromstring(xlsx_parts.read_part(source, part))
    data = next(e for e in root if etree.QName(e).localname == "sheetData")
    for row in list(data):
        data.remove(row)
    row = etree.SubElement(data, etree.QName(data).text.replace("sheetData", "row"), r="1")
    cell = etree.SubElement(row, etree.QName(data).text.replace("sheetData", "c"), r="A1", s=str(style))
    cellvalue.set_cell(cell, value)
    target = xlsx_parts.rewrite(source, target.with_suffix(source.suffix), {part: etree.tostring(root),
                                                                           "xl/styles.xml": styles.to_bytes()})
    assert check_package(target) == []
    workbook = openpyxl.load_workbook(target)
    return workbook.worksheets[0]["A1"]


@pytest.mark.parametrize("source", SOURCES)
def test_derived_formats_read_back_as_asked(books, source, tmp_path):
    path = _book(books, source)
    styles = Styles(xlsx_parts.read_part(path, "xl/styles.xml"))
    date = styles.derive(0, number_format=schema.DATE_FORMAT)
    cell = _styled_cell(path, tmp_path / "date.xlsx", styles, date, dt.date(2026, 6, 19))
    assert cell.value == dt.datetime(2026, 6, 19) and cell.number_format == schema.DATE_FORMAT
    assert styles.is_date(date)

    header = styles.derive(0, bold=True, fill="DDEBF7")
    cell = _styled_cell(path, tmp_path / "header.xlsx", styles, header, "Mã kiến nghị")
    assert cell.value == "Mã kiến nghị" and cell.font.b and cell.fill.fill_type == "solid"
    assert cell.fill.fgColor.rgb == "FFDDEBF7"

    link = styles.derive(0, font_color="0563C1", underline=True)
    cell = _styled_cell(path, tmp_path / "link.xlsx", styles, link, "=KN-001")
    assert cell.value == "=KN-001" and cell.data_type == "s"
    assert cell.font.color.rgb == "FF0563C1" and cell.font.u == "single" and not cell.font.b

    text = styles.derive(0, number_format="@", wrap=True)
    cell = _styled_cell(path, tmp_path / "text.xlsx", styles, text, "#N/A")
    assert cell.value == "#N/A" and cell.data_type == "s" and cell.number_format == "@"
    assert cell.alignment.wrap_text and cell.alignment.vertical == "top"


@pytest.mark.parametrize("source", SOURCES)
def test_derived_font_keeps_the_base_typeface(books, source):
    path = _book(books, source)
    styles = Styles(xlsx_parts.read_part(path, "xl/styles.xml"))
    root = etree.fromstring(styles.to_bytes())
    ns = {"m": xlsx_parts.MAIN_NS}
    base_font = root.find("m:fonts", ns)[0]
    bold = styles.derive(0, bold=True)
    root = etree.fromstring(styles.to_bytes())
    xf = root.find("m:cellXfs", ns)[bold]
    font = root.find("m:fonts", ns)[int(xf.get("fontId"))]
    assert font.find("m:b", ns) is not None
    for name in ("sz", "name"):
        if base_font.find(f"m:{name}", ns) is not None:
            assert font.find(f"m:{name}", ns).get("val") == base_font.find(f"m:{name}", ns).get("val")


@pytest.mark.parametrize("source", SOURCES)
def test_a_second_derivation_adds_nothing_and_counts_are_right(books, source):
    path = _book(books, source)
    data = xlsx_parts.read_part(path, "xl/styles.xml")
    first = Styles(data)
    asked = [first.derive(0, bold=True, fill="#ddebf7"), first.derive(0, number_format="dd/mm/yyyy"),
             first.derive(0, font_color="0563C1", underline=True), first.dxf("FFC7CE", "9C0006"), first.dxf("FFEB9C")]
    assert first.changed
    again = Styles(first.to_bytes())
    assert [again.derive(0, bold=True, fill="DDEBF7"), again.derive(0, number_format="dd/mm/yyyy"),
            again.derive(0, font_color="FF0563C1", underline=True), again.dxf("FFC7CE", "9C0006"),
            again.dxf("FFEB9C")] == asked
    assert not again.changed and again.to_bytes() == first.to_bytes()
    root = etree.fromstring(first.to_bytes())
    for section in root:
        if section.get("count") is not None:
            assert int(section.get("count")) == len([e for e in section if isinstance(e.tag, str)]), section.tag
    assert again.derive(3 if source == "template" else 0) == (3 if source == "template" else 0)  # nothing asked: same xf


@pytest.mark.parametrize("source", SOURCES)
def test_prefix_unknown_parts_and_extensions_are_kept(books, source):
    path = _book(books, source)
    data = xlsx_parts.read_part(path, "xl/styles.xml")
    styles = Styles(data)
    styles.derive(0, bold=True, fill="DDEBF7")
    styles.dxf("FFC7CE", "9C0006")
    before, after = etree.fromstring(data), etree.fromstring(styles.to_bytes())
    assert after.nsmap == before.nsmap and after.prefix == before.prefix
    assert [etree.QName(e).localname for e in after if etree.QName(e).localname != "dxfs"] == \
        [etree.QName(e).localname for e in before if etree.QName(e).localname != "dxfs"]
    for name in ("extLst", "colors", "tableStyles", "cellStyles"):
        old = next((e for e in before if etree.QName(e).localname == name), None)
        new = next((e for e in after if etree.QName(e).localname == name), None)
        assert (old is None) == (new is None)
        if old is not None:
            assert etree.tostring(old, method="c14n") == etree.tostring(new, method="c14n")
    order = [etree.QName(e).localname for e in after]
    assert order.index("dxfs") > order.index("cellXfs")
    if "tableStyles" in order:
        assert order.index("dxfs") < order.index("tableStyles")


def test_dotnet_prefix_is_written_with_x(books):
    styles = Styles(xlsx_parts.read_part(books["dotnet"], "xl/styles.xml"))
    styles.derive(0, bold=True, fill="DDEBF7", number_format="dd/mm/yyyy")
    styles.dxf("FFC7CE", "9C0006")
    data = styles.to_bytes()
    assert b"<x:dxf>" in data and b"<x:numFmt " in data and b"<fill" not in data and b'xmlns="' not in data


def test_a_workbook_without_styles_gets_a_minimal_part(tmp_path, books):
    styles = Styles(None)
    assert styles.created and styles.changed
    bold = styles.derive(0, bold=True, fill="DDEBF7")
    assert bold == 1 and styles.dxf("FFC7CE") == 0
    cell = _styled_cell(books["openpyxl"], tmp_path / "minimal.xlsx", styles, bold, "Tiêu đề")
    assert cell.font.b and cell.fill.fgColor.rgb == "FFDDEBF7"


def test_is_date_on_builtin_and_custom_formats():
    assert is_date_format("dd/mm/yyyy") and is_date_format("d/m/yy h:mm") and is_date_format("[$-42A]dd mmmm yyyy")
    assert is_date_format("hh:mm") and is_date_format("[h]:mm:ss")
    assert not any(is_date_format(code) for code in ("General", "@", "0.00", '#,##0 "đồng"', "[Red]0", "_-* #,##0_-",
                                                      '0" ngày"', "0.00E+00"))
    styles = Styles(None)
    assert not styles.is_date(0)
    assert styles.is_date(styles.derive(0, number_format="mm-dd-yy"))  # built-in 14
    assert not styles.is_date(styles.derive(0, number_format="@"))
    assert styles.number_format(styles.derive(0, number_format="@")) == "@"
    assert styles.number_format(99) == "General"  # a reference past the end reads as the default format


def test_colours():
    assert argb("DDEBF7") == argb("#ddebf7") == argb("FFDDEBF7") == "FFDDEBF7"
    with pytest.raises(ValueError):
        argb("blue")
