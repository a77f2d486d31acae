"""Huge numbers and far dates: validation names the cell, and no engine (deadlines, documents, calendar) overflows."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.values import DATE_MAX, INT_LIMIT, coerce, parse_date, whole_number


def _set_setting(book, key: str, value) -> None:
    label = next(s.label for s in schema.SETTINGS if s.key == key)
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    sheet = workbook[schema.SETTINGS_SHEET]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == label)
    sheet.cell(row, 2).value = value
    workbook.save(book)


def _set_cell(book, sheet_name: str, header: str, row: int, value) -> None:
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    sheet = workbook[sheet_name]
    column = [c.value for c in sheet[1]].index(header) + 1
    sheet.cell(row, column).value = value
    workbook.save(book)


def test_the_parsers_bound_dates_and_numbers():
    assert parse_date("31/12/9999") is None and parse_date(dt.datetime(9999, 12, 31)) is None
    assert parse_date("12/6/2026") == dt.date(2026, 6, 12) and parse_date(DATE_MAX) == DATE_MAX
    assert coerce(schema.Kind.DATE, dt.datetime(9999, 12, 31)) == "31/12/9999"
    assert coerce(schema.Kind.INT, 1e9) == "1000000000" and coerce(schema.Kind.INT, "1000000000") == "1000000000"
    assert whole_number(INT_LIMIT) == INT_LIMIT and whole_number(INT_LIMIT + 1) is None and whole_number(float("inf")) is None
    assert coerce(schema.Kind.INT, 10.0) == 10


COMMANDS = [
    ["deadlines", "{book}", "--today", "2026-06-20"],
    ["documents", "{book}", "--no-pdf", "--out", "{out}"],
    ["calendar", "{book}", "--out", "{out}/lich.ics"],
    ["share", "{book}", "--out", "{out}/chia-se.xlsx"],
]


@pytest.mark.parametrize("case", ["conference 9999", "1e9 working days", "milestone 1e9 days", "deadline typed 9999"])
def test_far_dates_and_huge_numbers_never_crash_a_command(tmp_book, tmp_path, capsys, case):
    if case == "conference 9999":
        _set_setting(tmp_book, "ngay_hoi_nghi", dt.datetime(9999, 12, 31))
        where, expected = "ngay_hoi_nghi", "Ngày 31/12/9999 nằm ngoài khoảng"
    elif case == "1e9 working days":
        _set_setting(tmp_book, "so_ngay_giai_quyet", 1e9)
        where, expected = "so_ngay_giai_quyet", "Số 1000000000 quá lớn"
    elif case == "milestone 1e9 days":
        _set_cell(tmp_book, schema.MILESTONES.name, "Số ngày", 2, 1e9)
        where, expected = schema.MILESTONES.name, "Số 1000000000 quá lớn"
    else:
        _set_cell(tmp_book, schema.ASSIGNMENTS.name, "Hạn hoàn thành", 2, dt.datetime(9999, 12, 31))
        where, expected = schema.ASSIGNMENTS.name, "Ngày 31/12/9999 nằm ngoài khoảng"
    assert main(["validate", str(tmp_book), "--no-write", "--max", "500"]) == 1
    out = capsys.readouterr().out
    assert expected in out, out
    del where
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    for command in COMMANDS:
        args = [a.format(book=tmp_book, out=out_dir) for a in command]
        status = main(args)
        err = capsys.readouterr().err
        assert status in (0, 1, 2) and "Lỗi không mong đợi" not in err and "OverflowError" not in err, (args, err)
