"""Vietnamese wording in documents, and safe file names."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doithoai.documents.names import safe_name, unique
from doithoai.documents.wording import (
    clock,
    day_month,
    long_date,
    place_date,
    safe_text,
    salutation,
    short_clock,
    when,
)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2026, 6, 5), "ngày 05 tháng 6 năm 2026"),
        (dt.date(2026, 6, 12), "ngày 12 tháng 6 năm 2026"),
        (dt.date(2026, 1, 9), "ngày 09 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        (dt.date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
    ],
)
def test_long_date_follows_the_decree(date, expected):
    assert long_date(date) == expected


def test_place_date():
    assert place_date("Tứ Minh", dt.date(2026, 6, 5)) == "Tứ Minh, ngày 05 tháng 6 năm 2026"
    assert place_date("", dt.date(2026, 6, 5)) == "Ngày 05 tháng 6 năm 2026"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_day_month_round_trips(date):
    day, month = day_month(date)
    assert len(day) == 2 and int(day) == date.day
    assert int(month) == date.month and (len(month) == 2) == (date.month < 3 or date.month >= 10)


def test_times():
    assert clock(dt.time(8)) == "08 giờ 00"
    assert short_clock(dt.time(14, 5)) == "14h05"
    assert when(dt.time(8), dt.date(2026, 6, 12)) == "08 giờ 00, thứ Sáu, ngày 12 tháng 6 năm 2026"
    assert (when(dt.time(8), dt.date(2026, 6, 12), dt.time(11, 30))
            == "Từ 08 giờ 00 đến 11 giờ 30, thứ Sáu, ngày 12 tháng 6 năm 2026")


@pytest.mark.parametrize(
    ("name", "gender", "expected"),
    [
        ("Lê Xuân Kiên", "Nam", ("Ông", "ông")),
        ("Lê Xuân Kiên", "Nữ", ("Bà", "bà")),
        ("Nguyễn Thị Sâm", None, ("Bà", "bà")),
        ("Trần Văn Hùng", None, ("Ông (Bà)", "ông (bà)")),
        ("Lê Thị", "", ("Ông (Bà)", "ông (bà)")),
    ],
)
def test_salutation_from_the_slip(name, gender, expected):
    """The gender is decided once (`facts.gender_of`: the slip, then "Thị" as middle name); the salutation follows it."""
    from doithoai.domain.facts import gender_of

    assert salutation(gender_of(name, recorded=gender)) == expected


def test_safe_text_keeps_what_people_type():
    assert safe_text("a & b <c> \"d\" 'e'") == "a & b <c> \"d\" 'e'"
    assert safe_text("dòng 1\r\ndòng 2\x0bdòng 3") == "dòng 1\ndòng 2\ndòng 3"
    assert safe_text("Nguye\u0302\u0303n") == "Nguyễn"
    assert safe_text("a\x00b\x07c\x0cd\x85") == "abc\nd"  # a page break is a line break, as in the workbook (text.line_breaks)
    assert safe_text(12.0) == "12"
    assert safe_text(dt.date(2026, 6, 5)) == "05/06/2026"
    assert safe_text(None) == ""


@given(st.text())
def test_safe_text_always_fits_in_xml(text):
    import xml.dom.minidom
    from xml.sax.saxutils import escape

    cleaned = safe_text(text)
    xml.dom.minidom.parseString(f"<a>{escape(cleaned)}</a>")  # raises if a character is not XML 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KN-012 Nguyễn Văn A", "KN-012 Nguyen Van A"),
        ("KN-013 Đỗ Thị Ánh", "KN-013 Do Thi Anh"),
        ('KN-014 a/b\\c:d*e?f"g<h>i|j', "KN-014 a b c d e f g h i j"),
        ("CON", "van-ban CON"),
        ("  ...  ", "van-ban"),
        ("KN-015 Hội 🎉 người cao tuổi.", "KN-015 Hoi nguoi cao tuoi"),
    ],
)
def test_safe_name(text, expected):
    assert safe_name(text) == expected


@given(st.text())
def test_safe_name_is_always_valid_on_windows(text):
    name = safe_name(text)
    assert name and len(name) <= 80
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', name)
    assert name.isascii() and name == name.strip(" .")
    assert not re.fullmatch(r"(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?", name)


def test_unique_ignores_case_like_windows():
    taken: set[str] = set()
    assert unique("KN-001 A", taken) == "KN-001 A.docx"
    assert unique("kn-001 a", taken) == "kn-001 a (2).docx"
    assert unique("KN-001 A", taken) == "KN-001 A (3).docx"
