"""The one time-of-day parser (`values.time_of_day` / `parse_time`) that validation, reading and the documents share."""

import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from doithoai.core.values import parse_time, time_of_day

HALF_PAST_SEVEN = (
    "7:30", "07:30", "07:30:00", "07.30", "7h30", "7H30", "07g30", "7 giờ 30", "7 giờ 30 phút", "07 giờ 30 phút",
    " 7 giờ 30 ", "7giờ30", "7:30 sáng", "7 GIỜ 30", unicodedata.normalize("NFD", "7 giờ 30 phút"),
    dt.time(7, 30), dt.time(7, 30, 59), dt.datetime(2026, 6, 12, 7, 30), 7.5 / 24,
)


def test_what_offices_type_is_read():
    for value in HALF_PAST_SEVEN:
        assert time_of_day(value) == dt.time(7, 30), value
        assert parse_time(value) == "07:30", value


def test_whole_hours_and_parts_of_the_day():
    for value in ("8h", "8 giờ", "8 giờ 00", "8 giờ 00 phút", "08g", "8:00", "08:00", "8g00"):
        assert time_of_day(value) == dt.time(8), value
    assert time_of_day("2 giờ chiều") == dt.time(14)
    assert time_of_day("7 giờ tối") == dt.time(19)
    assert time_of_day("12 giờ trưa") == dt.time(12)
    assert time_of_day("1 giờ trưa") == dt.time(13)
    assert time_of_day("14 giờ chiều") == dt.time(14)


def test_what_is_not_a_time():
    for value in (None, "", "8", "sáng", "25:00", "8:75", "giờ", "8 giờ 30 ngày", 1.5, -0.1, 8, True, dt.date(2026, 6, 12)):
        assert time_of_day(value) is None, value
        assert parse_time(value) is None, value


@given(
    st.integers(0, 23), st.integers(0, 59), st.sampled_from(["{h}:{m:02d}", "{h}h{m:02d}", "{h} giờ {m} phút", "{h:02d}g{m:02d}"])
)
def test_every_time_round_trips(hour, minute, pattern):
    assert time_of_day(pattern.format(h=hour, m=minute)) == dt.time(hour, minute)
    assert time_of_day(dt.time(hour, minute)) == dt.time(hour, minute)


@given(st.text(max_size=12))
def test_hostile_text_never_raises(text):
    result = time_of_day(text)
    assert result is None or isinstance(result, dt.time)


def test_whole_numbers_are_ascii_digits_between_spaces():
    """A control character (U+001F, which `\\s` matches) or another script's digits never reach int(), and a run of
    digits past int()'s own limit is no number (it crashed the reader's parse: '0\\x1f')."""
    from doithoai.core.values import whole_number

    assert [whole_number(v) for v in (" 12 ", "-5", "+7", "0007")] == [12, -5, 7, 7]
    for text in ("0\x1f", "\x1c3", "٣", "1" * 5000, "12a", "", " ", "1 2"):
        assert whole_number(text) is None, repr(text)
