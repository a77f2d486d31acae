"""Vietnamese text helpers: clean, fold, tone placement, name order, formula-like text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.core.keys import same_name
from doithoai.core.text import (
    XLSX_ILLEGAL,
    clean,
    clean_text,
    fold,
    formula_like,
    has_control_chars,
    is_nfc,
    line_breaks,
    safe_text,
    shown,
    sort_key,
    strip_control,
    tone_normalize,
    without_control,
)


def test_clean_fixes_only_safe_things():
    nfd = unicodedata.normalize("NFD", "Nguyễn  Văn\u00a0An ")
    assert clean(nfd) == "Nguyễn Văn An"
    assert clean("\u00d0ặng Văn \u00d0ức") == "Đặng Văn Đức"
    assert clean("  dòng 1  \n  dòng 2\u200b ") == "dòng 1\ndòng 2"
    assert is_nfc(clean(nfd))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_is_idempotent(text):
    assert clean(clean(text)) == clean(text)


def test_fold_ignores_case_accents_and_tone_placement():
    assert fold("Hòa") == fold("Hoà") == fold("HOA") == fold(unicodedata.normalize("NFD", "hoà")) == "hoa"
    assert fold("Đặng") == "dang"
    assert fold("Nữ") == fold("nu")


@pytest.mark.parametrize("old, new", [("hoà", "hòa"), ("Thuý", "Thúy"), ("khoẻ", "khỏe"), ("Uỷ ban", "Ủy ban"),
                                     ("hoàng", "hoàng"),
                                      ("quý", "quý")])
def test_tone_placement(old, new):
    assert tone_normalize(old) == new


def test_same_name():
    assert same_name("Trần Thị Thuý", "TRẦN THỊ THÚY")
    assert not same_name("Trần Thị Thúy", "Trần Thị Thủy")


def test_vietnamese_name_order():
    by_hand = ["Nguyễn Thị An", "Lê Ánh", "Phạm Văn Ân", "Trần Văn Bình", "Lê Văn Dũng", "Đỗ Văn Đức", "Hồ Thị Ơn",
               "Lý Thị Uyên", "Vũ Ưng"]
    assert sorted(reversed(by_hand), key=sort_key) == by_hand
    tones = ["Lê Ba", "Lê Bà", "Lê Bả", "Lê Bã", "Lê Bá", "Lê Bạ"]
    assert sorted(reversed(tones), key=sort_key) == tones


@pytest.mark.parametrize("text, expected", [
    ("=SUM(A1:A3)", True), ("@SUM(A1)", True), ("+cmd|' /C calc'!A0", True), ("-2+3", True),
    ("- Như trên;", False), ("-5", False), ("+84 912 345 678", False), ("Đề nghị", False), ("=", False), ("", False),
])
def test_formula_like(text, expected):
    assert formula_like(text) is expected


def test_control_chars():
    assert has_control_chars("a\x07b") and not has_control_chars("dòng 1\ndòng 2\tx")


# Text as it reaches the tool: anything, with the awkward characters often (controls, Word's breaks, C1, lone
# surrogates from a name decoded with surrogateescape, the XML non-characters).
_AWKWARD = "\x00\x07\x0b\x0c\x1f\x7f\x85\x9f\t\n\r\ud800\udfff\ufffe\uffff"
_ANY_TEXT = st.text(st.one_of(st.characters(), st.sampled_from(list(_AWKWARD))))


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_one_set_of_characters_a_file_cannot_hold(text):
    """Every way text leaves the tool drops the same set (`XLSX_ILLEGAL`): what it gives lxml, the XML library of the
    package writer and of docxtpl, is taken, and strip_control drops only DEL and C1 on top."""
    from lxml import etree

    for out in (clean_text(text), safe_text(text), strip_control(text), without_control(text), shown(text, 10_000)):
        assert XLSX_ILLEGAL.search(out) is None
        etree.Element("t").text = out  # lxml raises ValueError on a character XML cannot hold
        out.encode("utf-8")  # and a message can be printed
    assert {c for c in clean_text(text) if c not in strip_control(clean_text(text))} <= {chr(c) for c in range(0x7F, 0xA0)}


@pytest.mark.parametrize("rule", [clean_text, without_control, safe_text, line_breaks])
def test_one_line_break_rule(rule):
    """Word's manual line break (vertical tab) and page break (form feed) are a line break everywhere: the workbook's
    cells, the fixes the checker offers, the documents."""
    assert rule("Hòa\x0bbình\x0cxã") == "Hòa\nbình\nxã"


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_the_cell_writer_and_the_fixes_agree(text):
    """What a written cell holds and what the checker's fix gives differ only by what a file could hold (DEL, C1)."""
    assert strip_control(clean_text(text)) == without_control(text)
