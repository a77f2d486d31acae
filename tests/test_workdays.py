"""The Vietnamese working calendar and Civil Code counting."""

from __future__ import annotations

import datetime as dt

import pytest

from doithoai.core.workdays import WorkCalendar

D = dt.date
PLAIN = WorkCalendar()
OFFICE = WorkCalendar(days_off=[D(2026, 6, 10)], working_days=[D(2026, 8, 22)])


@pytest.mark.parametrize("start, days, expected, why", [
    (D(2026, 2, 13), 1, D(2026, 2, 23), "Tết 16–20/2 and two weekends"),
    (D(2026, 2, 23), -1, D(2026, 2, 13), "backwards across Tết"),
    (D(2026, 4, 29), 1, D(2026, 5, 4), "30/4 and 1/5, then the weekend"),
    (D(2026, 8, 28), 1, D(2026, 9, 3), "31/8 substitute day, 1/9 and 2/9"),
    (D(2026, 11, 23), 1, D(2026, 11, 25), "24/11, Vietnam Culture Day from 2026"),
    (D(2026, 6, 8), 5, D(2026, 6, 15), "an ordinary week"),
    (D(2026, 6, 12), 0, D(2026, 6, 12), "zero days is the start day"),
])
def test_working_days(start, days, expected, why):
    assert PLAIN.add_working_days(start, days) == expected, why


def test_make_up_saturday_and_office_day_off():
    assert PLAIN.add_working_days(D(2026, 8, 21), 1) == D(2026, 8, 24)
    assert OFFICE.add_working_days(D(2026, 8, 21), 1) == D(2026, 8, 22)  # announced make-up Saturday
    assert PLAIN.add_working_days(D(2026, 6, 9), 1) == D(2026, 6, 10)
    assert OFFICE.add_working_days(D(2026, 6, 9), 1) == D(2026, 6, 11)  # the office's own day off
    assert OFFICE.is_working(D(2026, 8, 22)) and not OFFICE.is_working(D(2026, 6, 10))


def test_calendar_days_move_forward_after_and_backward_before():
    # Results notice "within 10 days after": 9/9/2026 + 10 = Saturday 19/9 -> Monday 21/9.
    assert PLAIN.add_calendar_days(D(2026, 9, 9), 10) == D(2026, 9, 21)
    # Announcement "no later than 7 days before": 13/6/2026 - 7 = Saturday 6/6 -> Friday 5/6.
    assert PLAIN.add_calendar_days(D(2026, 6, 13), -7) == D(2026, 6, 5)
    # Landing on a working day stays.
    assert PLAIN.add_calendar_days(D(2026, 6, 12), -7) == D(2026, 6, 5)
    assert PLAIN.add_calendar_days(D(2026, 6, 12), 10) == D(2026, 6, 22)
    # Forward across Tết: 10/2/2026 + 6 = 16/2 (Tết) -> 23/2.
    assert PLAIN.add_calendar_days(D(2026, 2, 10), 6) == D(2026, 2, 23)


def test_the_holiday_table_is_what_the_package_says():
    """workdays reads the `holidays` package's days from doithoai/core/holiday_table.py (no import on a click): the two agree
    for every year of the table when the installed package is the table's release, and outside it the package itself is
    asked."""
    import holidays

    from doithoai.core import workdays
    from doithoai.core.holiday_table import FIRST_YEAR, LAST_YEAR, VERSION

    assert workdays.installed_version() == holidays.__version__
    if VERSION == holidays.__version__:
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            expected = frozenset(holidays.country_holidays("VN", years=[year]))
            assert workdays._package_holidays(year) == expected, (
                f"{year}: the table differs from holidays {holidays.__version__}; run python scripts/build_holidays.py")
    outside = LAST_YEAR + 1
    assert workdays._package_holidays(outside) == frozenset(holidays.country_holidays("VN", years=[outside]))
    assert D(2026, 2, 17) in workdays._package_holidays(2026)  # Tết 2026


def test_another_release_of_the_package_is_asked_itself(monkeypatch):
    """A `holidays` release other than the table's may know days off announced since: it is asked, not the table."""
    import holidays

    from doithoai.core import holiday_table, workdays

    monkeypatch.setattr(holiday_table, "VERSION", "0.0-not-this-one")
    monkeypatch.setattr(holiday_table, "DAYS", {2026: "0101"})  # a table that would be wrong
    workdays._package_holidays.cache_clear()
    try:
        assert workdays._package_holidays(2026) == frozenset(holidays.country_holidays("VN", years=[2026]))
    finally:
        workdays._package_holidays.cache_clear()


def test_counting_days_does_not_import_the_holidays_package():
    import subprocess
    import sys

    code = ("import sys, datetime as dt; from doithoai.core.workdays import WorkCalendar; "
            "WorkCalendar().add_working_days(dt.date(2026, 2, 13), 300); print('holidays' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
