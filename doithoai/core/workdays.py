"""The Vietnamese working calendar, and deadline counting as the Civil Code (2015, Art. 147–148) says.

Non-working days: Saturdays and Sundays, public holidays the `holidays` package knows for Vietnam (Tết,
Hùng Kings, 30/4, 1/5, 2/9 and its adjacent day, 24/11 from 2026, announced substitute days off), and the
office's own table on `Danh mục` (extra days off, make-up working Saturdays), which wins over both.

The package's days for the years the tool computes with are read from `holiday_table` (generated from the
package by scripts/build_holidays.py and checked against it by the tests): importing `holidays` costs ~0.1 s,
more than a ward's whole deadline computation, and each click starts a fresh Python. The table is trusted only
while the installed package is the release it was made from (found from the package's dist-info folder name,
without importing it or importlib.metadata, which costs as much); with any other release the package is asked,
since a newer one may know days off announced since.

Counting: the starting day is not counted; a deadline that lands on a non-working day moves to the next
working day, and a "no later than N days before" deadline to the working day before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def _package_holidays(year: int) -> frozenset[dt.date]:
    from .holiday_table import DAYS, FIRST_YEAR, LAST_YEAR, VERSION

    if FIRST_YEAR <= year <= LAST_YEAR and installed_version() in (VERSION, None):
        return frozenset(_day(year, text) for text in DAYS.get(year, "").split())
    import holidays

    return frozenset(holidays.country_holidays("VN", years=[year]))


@lru_cache(maxsize=1)
def installed_version() -> str | None:
    """The installed `holidays` release ("0.109"), "" when it cannot be told (an unusual install: ask the package),
    None when the package is missing (the table is all there is)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    try:
        names = [entry.name for entry in os.scandir(site)]
    except OSError:
        return ""
    found = [n[len("holidays-"):-len(".dist-info")] for n in names if n.startswith("holidays-") and n.endswith(".dist-info")]
    return found[0] if len(found) == 1 else ""


def _day(year: int, text: str) -> dt.date:
    """A table entry: "MMDD" in `year`, or "YYYYMMDD"."""
    if len(text) == 8:
        year, text = int(text[:4]), text[4:]
    return dt.date(year, int(text[:2]), int(text[2:]))


class WorkCalendar:
    def __init__(self, days_off: Iterable[dt.date] = (), working_days: Iterable[dt.date] = ()) -> None:
        self.days_off = frozenset(days_off)
        self.working_days = frozenset(working_days)

    def is_working(self, day: dt.date) -> bool:
        if day in self.working_days:
            return True
        if day in self.days_off or day.weekday() >= 5:
            return False
        return day not in _package_holidays(day.year)

    def next_working(self, day: dt.date) -> dt.date:
        while not self.is_working(day):
            day += ONE_DAY
        return day

    def previous_working(self, day: dt.date) -> dt.date:
        while not self.is_working(day):
            day -= ONE_DAY
        return day

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """`days` working days after (or, negative, before) `start`; `start` itself is not counted."""
        step = ONE_DAY if days >= 0 else -ONE_DAY
        day, left = start, abs(days)
        while left:
            day += step
            if self.is_working(day):
                left -= 1
        return day

    def add_calendar_days(self, start: dt.date, days: int) -> dt.date:
        """`days` calendar days from `start`; landing on a day off, forward moves later and backward earlier."""
        day = start + dt.timedelta(days=days)
        if days > 0:
            return self.next_working(day)
        if days < 0:
            return self.previous_working(day)
        return day  # the base day itself (the conference may be held on a Sunday)


def office_calendar(records: Iterable[Any]) -> WorkCalendar:
    """A calendar from the `Danh mục` table's records (keys `ngay`, `loai`)."""
    from . import schema
    from .keys import list_key

    workday, day_off = list_key(schema.CALENDAR_WORKDAY), list_key(schema.CALENDAR_DAY_OFF)
    off, work = [], []
    for record in records:
        day, kind = record["ngay"], record["loai"]
        if not isinstance(day, dt.date) or not isinstance(kind, str):
            continue
        if list_key(kind) == workday:
            work.append(day)
        elif list_key(kind) == day_off:
            off.append(day)
    return WorkCalendar(off, work)
