"""Vietnamese text helpers: clean, fold, tone placement, name order, formula-like text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.core.keys import same_name
from doithoai.core.text import clean, fold, formula_like, has_control_chars, is_nfc, sort_key, tone_normalize


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
