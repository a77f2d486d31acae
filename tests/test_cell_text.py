"""`core.text.cell_text`: the one way a cell's value becomes the text a person sees (the conference sheet, the record of
digests, the settings' words, the programme, the MTTQ log, the roll-up's names and the facts' labels all read it)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.core.model import CellError
from doithoai.core.text import cell_text, clean, is_nfc, safe_text
from doithoai.core.values import DATE_MAX, DATE_MIN, EXCEL_EPOCH, parse_date, time_of_day
from doithoai.domain.facts import text_of
from doithoai.io.owned_sheet import canonical


@pytest.mark.parametrize("value, shown, one_line", [
    (None, "", ""),
    ("", "", ""),
    ("   ", "", ""),
    ("  Nguyễn  Văn\u00a0An \n\n  tổ 3 ", "Nguyễn Văn An\n\ntổ 3", "Nguyễn Văn An tổ 3"),
    (unicodedata.normalize("NFD", "Hoà Bình"), "Hoà Bình", "Hoà Bình"),
    ("\u00d0ặng\u200b Văn \u00d0ức", "Đặng Văn Đức", "Đặng Văn Đức"),
    ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3", "dòng 1 dòng 2 dòng 3"),
    (3.0, "3", "3"),
    (-12.0, "-12", "-12"),
    (3.5, "3.5", "3.5"),
    (912345678, "912345678", "912345678"),
    (True, "TRUE", "TRUE"),
    (False, "FALSE", "FALSE"),
    (dt.date(2026, 6, 12), "12/06/2026", "12/06/2026"),
    (dt.datetime(2026, 6, 12), "12/06/2026", "12/06/2026"),
    (dt.datetime(2026, 6, 12, 8, 30, 15), "12/06/2026 08:30", "12/06/2026 08:30"),
    (dt.datetime(1899, 12, 30, 8, 30), "08:30", "08:30"),  # a time of day alone, as openpyxl reads it
    (dt.datetime(1899, 12, 30), "00:00", "00:00"),
    (dt.time(14, 5, 59), "14:05", "14:05"),
    (CellError("#N/A"), "#N/A", "#N/A"),
])
def test_cell_text_of_each_kind_of_value(value, shown, one_line):
    assert cell_text(value) == shown
    assert cell_text(value, one_line=True) == one_line


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(), st.text(alphabet=st.sampled_from("aĐđÐð \u00a0\t\n\r\u200b\u0301\u0323ơư.")),
    st.dates(), st.datetimes(), st.times(),
    st.datetimes(min_value=dt.datetime(1899, 12, 30), max_value=dt.datetime(1899, 12, 30, 23, 59, 59)),
)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_cell_text_is_clean_nfc_idempotent_and_one_line_is_its_words(value):
    text = cell_text(value)
    assert is_nfc(text)
    assert text == clean(text)
    assert cell_text(text) == text
    line = cell_text(value, one_line=True)
    assert line == " ".join(text.split())
    assert "\n" not in line and "\r" not in line
    assert cell_text(line, one_line=True) == line


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_text_is_cleaned(value):
    assert cell_text(value) == clean(value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_a_whole_float_is_the_whole_number(number):
    assert cell_text(float(number)) == cell_text(number) == str(number)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=DATE_MIN, max_value=DATE_MAX), st.times())
def test_dates_and_times_read_back_as_what_they_were(day, time):
    assert parse_date(cell_text(day)) == day
    assert parse_date(cell_text(dt.datetime.combine(day, dt.time()))) == day
    assert time_of_day(cell_text(time)) == time.replace(second=0, microsecond=0)
    assert time_of_day(cell_text(dt.datetime.combine(EXCEL_EPOCH, time))) == time.replace(second=0, microsecond=0)


@settings(max_examples=200, deadline=None)
@given(_VALUES)
def test_the_callers_variants_differ_only_where_they_say(value):
    """The record of digests compares what the writer stores (control characters an .xlsx cannot hold dropped); the
    facts' labels are one line and drop TRUE/FALSE; the documents' text is the cell's text for anything not typed."""
    if not isinstance(value, str) or not any(c < " " and c not in "\t\n\r" for c in value):
        assert canonical(value) == cell_text(value)
    assert text_of(value) == ("" if isinstance(value, bool) else cell_text(value, one_line=True))
    if not isinstance(value, str):
        assert safe_text(value) == cell_text(value)
