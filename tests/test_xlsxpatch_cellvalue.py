"""xlsxpatch.cellvalue: one encoding of a value into a cell. Text stays text (read back exactly by calamine, and by
openpyxl where it does not skip Excel's `_xHHHH_` escape), numbers round-trip, dates are serials with a date format."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from fractions import Fraction

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from python_calamine import CalamineWorkbook

from doithoai.core import schema
from doithoai.core.text import clean_text
from doithoai.core.values import DATE_MAX, DATE_MIN
from doithoai.io.xlsxpatch import cellvalue
from doithoai.io.xlsxpatch.cellvalue import encode
from doithoai.io.xlsxpatch.styles import Styles
from tests import xlsx_parts

HOSTILE = ["=KN-001", "#N/A", "=cmd|' /C calc'!A0", "+84912345678", "-1", "@SUM(A1)", "'quoted", "0912345678",
           "  khoảng trắng  ", "dòng 1\ndòng 2", "a\r\nb\rc", "tab\there", "<b>&amp;</b>", "_x0041_", "_x005F_x0041_",
           "Nguyễn Văn A", "😀 emoji", "\u00a0", "TRUE", "1e5", "]]>", "Hòa\x0bbình\x0c", "nul\x00bel\x07"]


def test_text_is_an_inline_string_never_a_formula():
    assert encode("=KN-001") == ("inlineStr", "=KN-001", None)
    assert encode("#N/A") == ("inlineStr", "#N/A", None)
    assert encode("a\x0bb\x01") == ("inlineStr", "a\nb", None)
    assert encode("_x0041_")[1] == "_x005F_x0041_"


def test_numbers_booleans_and_empty():
    assert encode(None) == encode("") == encode("\x01") == (None, None, None)
    assert encode(True) == ("b", "1", None) and encode(False) == ("b", "0", None)
    assert encode(12) == (None, "12", None)
    assert encode(0.1) == (None, "0.1", None) and float(encode(1 / 3)[1]) == 1 / 3
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError):
            encode(bad)
    with pytest.raises(TypeError):
        encode(object())
    assert encode(decimal.Decimal("2.5")) == (None, "2.5", None) and encode(Fraction(1, 4)) == (None, "0.25", None)
    with pytest.raises(ValueError):
        encode(decimal.Decimal("NaN"))


def test_dates_are_serials_with_a_date_format():
    assert encode(dt.date(2026, 6, 19)) == (None, "46192", schema.DATE_FORMAT)
    assert encode(dt.datetime(2026, 6, 19, 12)) == (None, "46192.5", cellvalue.DATETIME_FORMAT)
    assert encode(dt.date(1900, 3, 1))[1] == "61" and encode(dt.date(1900, 2, 28))[1] == "59"  # Excel's 29/02/1900
    assert encode(dt.time(12, 30)) == (None, repr(12.5 / 24), cellvalue.TIME_FORMAT)
    # outside values.DATE_MIN..DATE_MAX a date is written as its text, as reading would see it
    assert encode(dt.date(1899, 12, 31)) == ("inlineStr", "31/12/1899", None)
    assert encode(dt.date(2200, 1, 1)) == ("inlineStr", "01/01/2200", None)


def test_set_cell_keeps_style_and_drops_the_formula():
    ns = xlsx_parts.MAIN_NS
    cell = etree.fromstring(f'<x:c xmlns:x="{ns}" r="B2" s="7" t="str" cm="1"><x:f>1+1</x:f><x:v>2</x:v><x:extLst/></x:c>')
    assert cellvalue.set_cell(cell, "=KN-001") is None
    assert cell.get("s") == "7" and cell.get("t") == "inlineStr" and cell.get("cm") is None
    assert [etree.QName(c).localname for c in cell] == ["is", "extLst"]
    assert b"<x:is><x:t xml:space=\"preserve\">=KN-001</x:t></x:is>" in etree.tostring(cell)
    assert cellvalue.set_cell(cell, dt.date(2026, 6, 19)) == schema.DATE_FORMAT
    assert cell.get("t") is None and cell.findtext(f"{{{ns}}}v") == "46192"
    assert cellvalue.set_cell(cell, None) is None
    assert cell.get("s") == "7" and [etree.QName(c).localname for c in cell] == ["extLst"]


def _write_and_read(tmp_path, source, values: list) -> tuple[list, list]:
    """Write `values` down column A of a copy of `source` (string-built cells, the way sheetxml writes them) and read
    them back with openpyxl and calamine."""
    styles = Styles(xlsx_parts.read_part(source, "xl/styles.xml"))
    part = xlsx_parts.first_sheet_part(source)
    root = etree.fromstring(xlsx_parts.read_part(source, part))
    rows = []
    for index, value in enumerate(values, 1):
        xml, date_format = cellvalue.cell_xml(f"A{index}", value)
        if date_format:
            xml, _ = cellvalue.cell_xml(f"A{index}", value, styles.derive(0, number_format=date_format))
        rows.append(f'<row r="{index}">{xml}</row>')
    data = etree.fromstring(f'<sheetData xmlns="{xlsx_parts.MAIN_NS}">{"".join(rows)}</sheetData>')
    old = next(e for e in root if etree.QName(e).localname == "sheetData")
    root.replace(old, data)
    parts = {part: etree.tostring(root), "xl/styles.xml": styles.to_bytes()}
    target = xlsx_parts.rewrite(source, tmp_path / "written.xlsx", parts)
    by_openpyxl = [row[0] for row in openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True)]
    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0)
    by_calamine = [row[0] if row else None for row in sheet.to_python(skip_empty_area=False)]
    pad = [None] * len(values)  # trailing empty cells leave no rows behind
    return (by_openpyxl + pad)[: len(values)], (by_calamine + pad)[: len(values)]


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    return xlsx_parts.openpyxl_book(tmp_path_factory.mktemp("cellvalue") / "source.xlsx")


def test_hostile_text_and_values_round_trip(tmp_path, source):
    values = [*HOSTILE, 12, -0.5, 1e300, True, dt.date(2026, 6, 19), dt.datetime(2026, 6, 19, 8, 30)]
    by_openpyxl, by_calamine = _write_and_read(tmp_path, source, values)
    expected = [clean_text(v) for v in values]
    assert [v if v != "" else None for v in by_calamine[: len(HOSTILE)]] == expected[: len(HOSTILE)]
    assert by_calamine[len(HOSTILE):] == [12, -0.5, 1e300, True, dt.date(2026, 6, 19), dt.datetime(2026, 6, 19, 8, 30)]
    for got, want in zip(by_openpyxl, expected, strict=True):
        if isinstance(want, str) and "_x" in want:  # openpyxl does not unescape inline strings; Excel does
            continue
        assert got == (dt.datetime.combine(want, dt.time()) if type(want) is dt.date else want)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=60), min_size=1, max_size=8))
def test_any_text_round_trips(tmp_path, source, texts):
    by_openpyxl, by_calamine = _write_and_read(tmp_path, source, texts)
    expected = [clean_text(t) for t in texts]
    assert [v if v is not None else "" for v in by_calamine] == expected
    for got, want in zip(by_openpyxl, expected, strict=True):
        if "_x" not in want:
            assert (got or "") == want


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-(2**53), 2**53), st.booleans(),
                          st.dates(DATE_MIN, DATE_MAX)), min_size=1, max_size=8))
def test_any_number_bool_and_date_round_trips(tmp_path, source, values):
    by_openpyxl, by_calamine = _write_and_read(tmp_path, source, values)
    for value, read in zip(values, by_calamine, strict=True):
        if isinstance(value, dt.date):
            assert read == value
        else:
            assert read == value and isinstance(read, bool) == isinstance(value, bool)
    for value, read in zip(values, by_openpyxl, strict=True):
        assert read == (dt.datetime.combine(value, dt.time()) if isinstance(value, dt.date) else value)
