"""Amounts in Vietnamese words (doithoai/core/vnwords.py): read back by an independent parser, and the rules offices write by."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from doithoai.core.vnwords import amount, amount_in_words, figures, number_words

DIGIT = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
         "tám": 8, "chín": 9}
SCALES = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


def parse(text: str) -> int:
    """Words -> number, written here from the language, not from the module."""
    total = below = group = last = 0  # total: whole tỷ; below: millions and thousands read; group: the group being read
    for word in text.split():
        if word in DIGIT:
            last = DIGIT[word]
            group += last
        elif word == "mười":
            group += 10
        elif word == "mươi":  # the digit before counted tens, not units
            group += last * 9
        elif word == "trăm":  # the digit before counted hundreds
            group += last * 99
        elif word == "linh":
            continue
        elif word == "tỷ":  # everything read so far counts tỷ
            total, below, group = (total + below + group) * 10**9, 0, 0
        else:
            below, group = below + group * SCALES[word], 0
    return total + below + group


@given(st.integers(min_value=0, max_value=10**12))
@example(0)
@example(10**12)
@example(5_500_000)
@example(1_005_000)
@example(2_000_500)
@example(1_000_000_005)
def test_words_read_back_to_the_number(number):
    assert parse(number_words(number)) == number


@given(st.integers(min_value=0, max_value=10**12))
def test_words_follow_the_rules(number):
    words = number_words(number).split()
    text = " ".join(words)
    assert words and all(w in DIGIT or w in SCALES or w in ("mười", "mươi", "trăm", "linh") for w in words), text
    assert "lẻ" not in words and "ngàn" not in words and "tỉ" not in words  # the northern forms, as decided
    for before, word in zip(words, words[1:], strict=False):
        if word == "mốt":
            assert before == "mươi", text  # 21 "hai mươi mốt", but 11 "mười một", 101 "một trăm linh một"
        if word == "tư":
            assert before == "mươi", text  # 24 "hai mươi tư", but 14 "mười bốn"
        if word == "lăm":
            assert before in ("mười", "mươi"), text  # 15, 25; but 105 "một trăm linh năm"
        if word == "năm":
            assert before not in ("mười", "mươi"), text
        if word == "một":
            assert before != "mươi", text
        if word == "bốn":
            assert before != "mươi", text
        if word == "mươi":
            assert before in DIGIT and before not in ("một", "không"), text  # never "một mươi", "không mươi"
        if word == "linh":
            assert before == "trăm", text
        if word in SCALES or word == "trăm":
            assert before not in SCALES or (word == "tỷ" and before in ("nghìn", "triệu")), text
    assert words[0] != "không" or number == 0  # no leading zero group
    assert not re.search(r"không (nghìn|triệu|tỷ)", text), text  # a group of zeros is not read
    for position, word in enumerate(words):
        if word == "linh":  # "linh" stands for a zero ten before a unit: a digit follows, then the group ends
            assert words[position + 1] in DIGIT and (position + 2 == len(words) or words[position + 2] in SCALES), text


@given(st.integers(min_value=1, max_value=999))
def test_a_group_after_a_higher_one_is_read_whole(group):
    words = number_words(1_000_000 + group)
    assert words.startswith("một triệu ")
    if group < 100:
        assert words.startswith("một triệu không trăm"), words


@pytest.mark.parametrize(("number", "words"), [
    (0, "không"), (1, "một"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"), (15, "mười lăm"),
    (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"), (55, "năm mươi lăm"),
    (100, "một trăm"), (101, "một trăm linh một"), (104, "một trăm linh bốn"), (105, "một trăm linh năm"),
    (110, "một trăm mười"), (115, "một trăm mười lăm"), (1000, "một nghìn"), (1005, "một nghìn không trăm linh năm"),
    (1050, "một nghìn không trăm năm mươi"), (10_000, "mười nghìn"), (200_000, "hai trăm nghìn"),
    (1_000_000, "một triệu"), (2_000_500, "hai triệu năm trăm"), (1_005_000, "một triệu không trăm linh năm nghìn"),
    (5_500_000, "năm triệu năm trăm nghìn"), (1_000_000_000, "một tỷ"),
    (1_050_000_000, "một tỷ không trăm năm mươi triệu"), (10**12, "một nghìn tỷ"),
    (1_500_000_000_000, "một nghìn năm trăm tỷ"),
])
def test_known_readings(number, words):
    assert number_words(number) == words


def test_the_total_as_offices_write_it():
    assert amount(5_500_000) == "5.500.000 đồng (Năm triệu năm trăm nghìn đồng)"
    assert figures(1_234_567_890) == "1.234.567.890"
    assert amount_in_words(0) == "Không đồng"


@pytest.mark.parametrize("bad", [-1, 10**15, 1.5, True, "12"])
def test_only_whole_amounts_in_range(bad):
    with pytest.raises((TypeError, ValueError)):
        number_words(bad)
