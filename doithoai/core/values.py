"""Cell values as they arrive from Excel, turned into what the schema says they are. Pure; stdlib only.

The reader calls `coerce` on every cell; the validator, deadlines and documents use the small helpers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from .model import EXCEL_ERRORS, CellError
from .schema import Kind

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# A time of day as offices type it: "8:00", "08:00", "8:00:00", "08.30", "8h", "8h30", "08g30", "8 giờ", "8 giờ 30",
# "8 giờ 30 phút", "8 giờ 00", optionally followed by the part of the day ("2 giờ chiều" is 14:00). Matched on
# NFC, case-folded text. A bare number ("8") is not a time: it may as well be a count typed in the wrong cell.
_TIME = re.compile(
    r"^(\d{1,2})\s*(?::|\.|h|g|giờ)\s*(?:(\d{1,2})\s*(?::\s*\d{2})?\s*(?:phút|p)?)?\s*(sáng|trưa|chiều|tối|am|pm)?$"
)
_AFTERNOON = frozenset({"chiều", "tối", "pm"})


PARSED_KINDS = frozenset({Kind.DATE, Kind.INT, Kind.TIME, Kind.MONEY})  # kinds whose text is parsed into another type

# Bounds of what reading accepts as a date or a whole number. Outside them a value stays as its text, so the
# validator names the cell and no engine (deadlines, documents, calendar) ever meets 31/12/9999 or 10^9 working
# days: adding the largest count to the latest date stays far inside what Python's dates can hold.
EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's serial dates; a time of day alone sits on it
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)
INT_LIMIT = 100_000  # any count the workbook holds (days, people, minutes, letter numbers) is far below
MONEY_LIMIT = 10**15 - 1  # an amount of đồng: vnwords reads up to here
# An amount as people type it: 5500000, 5.500.000 or 5,500,000 (groups of three), with or without "đồng"/"đ".
_AMOUNT = re.compile(r"\s*(\d{1,3}(?:([.,\s])\d{3})?(?:\2\d{3})*|\d+)\s*(?:đồng|đ|vnđ|vnd)?\s*", re.IGNORECASE)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_date(value: Any) -> dt.date | None:
    """The date of a value that is already a date (a datetime gives its day); None for anything else, text included."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def parse_date(value: Any) -> dt.date | None:
    """A date from an Excel date, or day-first text ("12/6/2026", "12-06-26", "12.6.2026"), or ISO text.

    Day first, always: Vietnamese offices never write month first. Returns None when it is not a date.
    """
    date = any_date(value)
    return date if date is not None and DATE_MIN <= date <= DATE_MAX else None


def any_date(value: Any) -> dt.date | None:
    """`parse_date` without its bounds: for messages about a date that is too far away."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _DAY_FIRST.match(value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 2000
    else:
        match = _ISO.match(value)
        if not match:
            return None
        year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def time_of_day(value: Any) -> dt.time | None:
    """The one time-of-day parser (validation, the reader and the documents all use it).

    Accepts a `datetime.time` or `datetime` (its time), an Excel day fraction (0.333… is 08:00), or text as offices
    type it (see `_TIME`: "8:00", "8h30", "08g30", "8 giờ 30 phút", "2 giờ chiều"). Seconds are dropped.
    Returns None for anything else, so the validator can point at it.
    """
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return dt.time(value.hour, value.minute)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60) if minutes < 24 * 60 else None
    if isinstance(value, str):
        match = _TIME.match(unicodedata.normalize("NFC", value).strip().casefold())
        if match:
            hour, minute, part = int(match.group(1)), int(match.group(2) or 0), match.group(3)
            if part in _AFTERNOON and hour < 12:
                hour += 12
            elif part == "trưa" and hour < 6:  # "1 giờ trưa" is 13:00, "12 giờ trưa" stays 12:00
                hour += 12
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
    return None


def parse_time(value: Any) -> str | None:
    """"08:00": the workbook's text for a time of day (`time_of_day`), or None when the value is not one."""
    time = time_of_day(value)
    return None if time is None else f"{time.hour:02d}:{time.minute:02d}"


_WHOLE = re.compile(r"([-+]?)([0-9]+)")


def whole_number(value: Any) -> int | None:
    """An int within ±`INT_LIMIT` from a number or digits typed as text; None for anything else."""
    number: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        # ASCII digits only, between spaces a person types: `\s` and `\d` would let control characters such as U+001F
        # and other scripts' digits through to int(), and a run of thousands of digits past int()'s own limit.
        match = _WHOLE.fullmatch(value.strip(" \t\u00a0"))
        if match and len(match.group(2).lstrip("0")) <= 15:
            number = int(match.group(1) + match.group(2))
    return number if number is not None and -INT_LIMIT <= number <= INT_LIMIT else None


_ASCII_INT = re.compile(r"[0-9]{1,4000}")  # int() itself refuses more than 4,300 digits
_ASCII_SIGNED = re.compile(r"-?[0-9]{1,4000}")


def ascii_int(text: str | None, *, signed: bool = False) -> int | None:
    """An integer as a file's XML writes one ("3"; "-1" when `signed`): ASCII digits, nothing around; None for
    anything else. `str.isdigit()` is no guard before int(): it accepts "²" and "①", which int() refuses, so a hostile
    attribute would end a run with a traceback."""
    pattern = _ASCII_SIGNED if signed else _ASCII_INT
    return int(text) if text is not None and pattern.fullmatch(text) else None


def money(value: Any) -> int | None:
    """A whole amount of đồng, 0 … `MONEY_LIMIT`, from a number or from text such as "5.500.000 đồng"; None otherwise."""
    if isinstance(value, bool):
        return None
    number: int | None = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        match = _AMOUNT.fullmatch(unicodedata.normalize("NFC", value))
        if match:
            number = int(re.sub(r"\D", "", match.group(1)))
    return number if number is not None and 0 <= number <= MONEY_LIMIT else None


def format_date(value: dt.date | None) -> str:
    """12/06/2026: how the workbook shows dates."""
    return value.strftime("%d/%m/%Y") if value else ""


def number_text(value: float | int) -> str:
    """12.0 -> "12", 0912345678 stored as 912345678.0 -> "912345678"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def coerce(kind: Kind, value: Any) -> Any:
    """One raw cell value -> the value the schema's kind expects, or the raw value when it cannot be.

    Values that cannot be converted are kept as they were so the validator can point at them; nothing is
    thrown away on reading.
    """
    if value.__class__ is str:  # the common case first: most cells are text
        if not value:
            return None
        if value[0] == "#" and value in EXCEL_ERRORS:
            return CellError(value)
        value = unicodedata.normalize("NFC", value)
        if kind not in PARSED_KINDS:
            return value
    if value is None or value == "":
        return None
    if isinstance(value, CellError):
        return value
    if isinstance(value, str):
        if value in EXCEL_ERRORS:
            return CellError(value)
        value = unicodedata.normalize("NFC", value)
    if isinstance(value, bool):
        return value
    parse = _PARSE.get(kind)
    return parse(value) if parse is not None else _text_kind(kind, value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _date_cell(value: Any) -> Any:
    parsed = parse_date(value)
    if parsed is not None:
        return parsed
    return format_date(as_date(value)) if isinstance(value, dt.date) else value  # out of bounds: its text


def _int_cell(value: Any) -> Any:
    number = whole_number(value)
    if number is not None:
        return number
    return number_text(value) if _is_number(value) else value


def _time_cell(value: Any) -> Any:
    return parse_time(value) or value


def _money_cell(value: Any) -> Any:
    amount = money(value)
    if amount is not None:
        return amount
    return number_text(value) if _is_number(value) else value


# How `coerce` reads a value of each parsed kind (`PARSED_KINDS`); what it cannot read stays as it was (or its text).
_PARSE: dict[Kind, Callable[[Any], Any]] = {Kind.DATE: _date_cell, Kind.INT: _int_cell, Kind.TIME: _time_cell,
                                            Kind.MONEY: _money_cell}
assert _PARSE.keys() == PARSED_KINDS


def _text_kind(kind: Kind, value: Any) -> Any:
    """A text kind: a number typed into a text column becomes its text (phones, years, codes)."""
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, dt.datetime) and kind is not Kind.YEAR:
        return value.date()
    return value
