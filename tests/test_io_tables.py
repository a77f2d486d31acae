"""Parsing raw sheet values into BookData: headers by name, blank rows, kinds, missing sheets and headers."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.core import schema
from doithoai.core.errors import UnusableFile
from doithoai.core.model import CellError
from doithoai.core.values import coerce, parse_date
from doithoai.io.tables import book_from_sheets, parse_table


def blank_sheets() -> dict[str, list[list]]:
    sheets: dict[str, list[list]] = {schema.GUIDE_SHEET: [["x"]]}
    sheets[schema.SETTINGS_SHEET] = [list(schema.SETTINGS_HEADER)] + [[s.label, s.default] for s in schema.SETTINGS]
    for spec in schema.TABLE_SHEETS:
        sheets[spec.name] = [[c.header for c in spec.columns]]
    sheets[schema.LISTS_SHEET] = [[lst.header for lst in schema.LISTS]] + [
        [lst.values[i] if i < len(lst.values) else None for lst in schema.LISTS] for i in range(8)
    ]
    return sheets


def test_blank_book_has_defaults_and_no_records():
    book = book_from_sheets("x.xlsm", blank_sheets())
    assert book.settings["co_quan"] == "ỦY BAN NHÂN DÂN"
    assert book.settings["so_phut_moi_luot"] == 5
    assert all(len(t) == 0 for t in book.tables.values())
    assert book.lists["gioi_tinh"] == ("Nam", "Nữ")


def test_headers_found_by_name_when_reordered_with_extra_column():
    spec = schema.SLIPS
    headers = [c.header for c in spec.columns][::-1] + ["Cột riêng của tôi"]
    row = {c.header: None for c in spec.columns}
    row.update({"Mã phiếu": "P-001", "Họ và tên": "Nguyễn Văn A", "Số điện thoại": 912345678.0, "Năm sinh": 1965.0,
                "Ngày nhận": "12/6/2026", "Nội dung câu hỏi": "Hỏi"})
    rows = [headers, [row.get(h) for h in headers[:-1]] + ["riêng"]]
    table = parse_table(spec, rows)
    record = table.records[0]
    assert record.row == 2
    assert record["ma_phieu"] == "P-001"
    assert record["dien_thoai"] == "912345678"  # text, the validator restores the zero
    assert record["nam_sinh"] == "1965"
    assert record["ngay_nhan"] == dt.date(2026, 6, 12)
    assert table.extra_headers == {"Cột riêng của tôi": len(headers)}
    assert table.columns["ma_phieu"] == headers.index("Mã phiếu") + 1


def test_blank_rows_skipped_and_row_numbers_kept():
    spec = schema.ASSIGNMENTS
    headers = [c.header for c in spec.columns]
    empty = [None] * len(headers)
    row = ["KN-001", "Công an phường", "Chủ trì", None, None, None, None, None, None]
    table = parse_table(spec, [headers, empty, ["", "  ", None] + [None] * 6, row])
    assert [r.row for r in table.records] == [4]


def test_title_row_above_header_tolerated():
    spec = schema.MILESTONES
    rows = [["BẢNG MỐC THỜI GIAN"], [c.header for c in spec.columns], ["Phát phiếu", "Ngày hội nghị", -25, "Ngày lịch"]]
    table = parse_table(spec, rows)
    assert table.records[0].row == 3 and table.records[0]["so_ngay"] == -25


def test_renamed_header_is_named_in_the_message():
    spec = schema.SLIPS
    headers = [c.header if c.header != "Mã phiếu" else "Mã số phiếu" for c in spec.columns]
    with pytest.raises(UnusableFile, match="“Mã phiếu”"):
        parse_table(spec, [headers])


def test_missing_sheet_is_named():
    sheets = blank_sheets()
    del sheets["Phân công"]
    with pytest.raises(UnusableFile, match="“Phân công”"):
        book_from_sheets("x.xlsm", sheets)


def test_nfd_sheet_names_headers_and_values_are_accepted_as_nfc():
    sheets = {unicodedata.normalize("NFD", name): rows for name, rows in blank_sheets().items()}
    spec = schema.DELEGATES
    nfd_headers = [unicodedata.normalize("NFD", c.header) for c in spec.columns]
    sheets[unicodedata.normalize("NFD", spec.name)] = [nfd_headers,
                                                       [1, unicodedata.normalize("NFD", "Trần Thị Hoà")] + [None] * 8]
    book = book_from_sheets("x.xlsm", sheets)
    name = book.delegates.records[0]["ho_ten"]
    assert name == unicodedata.normalize("NFC", "Trần Thị Hoà") and unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12/6/2026", dt.date(2026, 6, 12)),
        ("05/06/2026", dt.date(2026, 6, 5)),
        ("1.2.2026", dt.date(2026, 2, 1)),
        ("12-6-26", dt.date(2026, 6, 12)),
        ("2026-06-12", dt.date(2026, 6, 12)),
        ("31/2/2026", None),
        ("6/13/2026", None),  # month first is never guessed
        ("hôm qua", None),
    ],
)
def test_dates_are_day_first(text, expected):
    assert parse_date(text) == expected


def test_error_values_and_wrong_types_are_kept_for_the_validator():
    assert coerce(schema.Kind.DATE, "#N/A") == CellError("#N/A")
    assert coerce(schema.Kind.DATE, "ngày mai") == "ngày mai"
    assert coerce(schema.Kind.INT, "năm") == "năm"
    assert coerce(schema.Kind.INT, 7.0) == 7
    assert coerce(schema.Kind.TEXT, True) is True
    assert coerce(schema.Kind.TIME, 0.3541666666) == "08:30"


cell_values = st.one_of(
    st.none(), st.text(max_size=50), st.integers(), st.floats(allow_nan=True), st.booleans(),
    st.dates(), st.datetimes(), st.sampled_from(["#N/A", "#DIV/0!", "=SUM(A1:A3)", " ", "12/6/2026"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cell_values, min_size=0, max_size=14), max_size=8))
def test_any_cell_values_parse_without_crashing(rows):
    for spec in schema.TABLE_SHEETS:
        table = parse_table(spec, [[c.header for c in spec.columns], *rows])
        assert all(r.row >= 2 for r in table.records)


def test_only_some_columns_keeps_every_row_and_only_those_values():
    """`only`: the roll-up reads the delegates for a count and one column. The rows are those of a whole read (a row
    with a name but nothing in the kept column still counts), the values only the kept columns', NFD text made NFC."""
    spec = schema.DELEGATES
    headers = [c.header for c in spec.columns]
    name, present = headers.index("Họ và tên"), headers.index(spec.column("co_mat").header)

    def row(**cells):
        line = [None] * len(headers)
        for index, value in cells.items():
            line[int(index[1:])] = value
        return line

    rows = [headers, row(**{f"c{name}": "Lê Văn A", f"c{present}": unicodedata.normalize("NFD", "Có")}), row(),
            row(**{f"c{name}": "Trần Thị B"}), [None] * len(headers)]
    whole = parse_table(spec, rows)
    part = parse_table(spec, rows, only={"co_mat"})
    assert [r.row for r in part.records] == [r.row for r in whole.records] == [2, 4]
    assert [r.values for r in part.records] == [{"co_mat": "Có"}, {"co_mat": None}]
    assert part.records[0].raw == {"co_mat": unicodedata.normalize("NFD", "Có")}
    assert part.columns == whole.columns
    assert [{k: r.values[k] for k in ("co_mat",)} for r in whole.records] == [r.values for r in part.records]


def test_read_book_with_columns_matches_the_whole_read(demo_path):
    from doithoai.io.reader import read_book

    whole = read_book(demo_path)
    tables = {schema.DELEGATES.key, schema.PETITIONS.key}
    part = read_book(demo_path, tables, columns={schema.DELEGATES.key: ("co_mat", "ho_ten")})
    assert [r.row for r in part.delegates] == [r.row for r in whole.delegates]
    assert [r.values for r in part.delegates] == [{"ho_ten": r.values["ho_ten"], "co_mat": r.values["co_mat"]}
                                                  for r in whole.delegates]
    assert [r.values for r in part.petitions] == [r.values for r in whole.petitions]
