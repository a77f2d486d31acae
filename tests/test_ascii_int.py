"""values.ascii_int: integers in the XML of files people hand over (sheet ids, row numbers, styles, priorities, sizes)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doithoai.core.values import ascii_int


@given(st.text(max_size=12))
def test_ascii_int_is_int_on_ascii_digits_and_none_on_anything_else(text):
    """XML attributes ("3", "-1" when signed) read as int() reads them; "²", "①", "٣", " 3", "--3" are no number and
    never reach int() (str.isdigit() accepts the first three)."""
    plain = text.isascii() and text.isdigit()
    assert ascii_int(text) == (int(text) if plain else None)
    signed = plain or (text[:1] == "-" and text[1:].isascii() and text[1:].isdigit())
    assert ascii_int(text, signed=True) == (int(text) if signed else None)


@pytest.mark.parametrize("text", ["²", "①", "٣", "¹⁹⁶⁵", " 3", "3 ", "--3", "+3", "", None, "9" * 5000])
def test_ascii_int_refuses_what_int_would_fail_on_or_a_file_does_not_write(text):
    assert ascii_int(text) is None


def test_a_hostile_priority_is_skipped_not_a_traceback():
    from lxml import etree

    from doithoai.io.xlsxpatch.condformat import next_priority

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    root = etree.fromstring(
        f'<worksheet xmlns="{main}"><conditionalFormatting sqref="A1"><cfRule type="expression" priority="①"/>'
        '<cfRule type="expression" priority="4"/><cfRule type="expression" priority="--2"/></conditionalFormatting>'
        '</worksheet>')
    assert next_priority(root) == 5
