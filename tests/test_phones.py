"""Phone numbers: Excel's lost zero, +84, separators, old 11-digit mobiles, masking, numbers inside text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doithoai.core.phones import mask_phone, normalize_phone


@pytest.mark.parametrize("value, number, kind", [
    ("0912345678", "0912345678", "mobile"),
    (912345678, "0912345678", "mobile"),
    (912345678.0, "0912345678", "mobile"),
    ("+84 912 345 678", "0912345678", "mobile"),
    ("84912345678", "0912345678", "mobile"),
    ("0912.345.678", "0912345678", "mobile"),
    ("(024) 3825 1234", "02438251234", "landline"),
    (None, None, "blank"),
    ("  ", None, "blank"),
    ("091234", None, "invalid"),
    ("không có", None, "invalid"),
    (True, None, "invalid"),
    (1.5, None, "invalid"),
])
def test_normalize(value, number, kind):
    result = normalize_phone(value)
    assert (result.number, result.kind) == (number, kind)


def test_old_mobile_gets_its_new_number_suggested():
    result = normalize_phone("0169 234 5678")
    assert result.kind == "old_mobile" and result.suggestion == "0392345678"
    assert normalize_phone(1202345678).suggestion == "0702345678"  # 0120… that lost its zero


@given(st.from_regex(r"0[35789][0-9]{8}", fullmatch=True))
def test_every_mobile_survives_every_mangling(number):
    for variant in (number, int(number), float(int(number)), "+84" + number[1:], f"{number[:4]}.{number[4:7]}.{number[7:]}"):
        assert normalize_phone(variant).number == number


def test_mask_phone():
    assert mask_phone("0912345678") == "0912***678"
    assert mask_phone("0243 825 1234") == "0243***234"
