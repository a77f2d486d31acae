"""`fix`: only the safe fixes, every change reported, nothing else touched, and a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import unicodedata

import openpyxl
import pytest
from books import make_book, petition, slip

from doithoai.core import schema
from doithoai.core.legacy import from_unicode
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.validation.fixes import plan_fixes
from doithoai.validation.jobs import fix, validate

TODAY = dt.date(2026, 7, 1)
NAME = "Nguyễn Thị Hòa"
TCVN3_TEXT = "Đề nghị sửa đường ngõ 5"


def fixes_by_cell(book):
    return {(f.sheet, f.cell): (f.old, f.new, f.code) for f in plan_fixes(book)}


def test_plan_fixes_on_each_kind_of_safe_fix():
    nfd = unicodedata.normalize("NFD", NAME)
    book = make_book({
        "phieu": [
            slip(1, ho_ten=nfd), slip(2, ho_ten="  Lê  Văn Tám "), slip(3, ho_ten="Ðặng Văn Hải"),
            slip(4, dien_thoai="+84 912 345 678"), slip(5, dien_thoai=912345679.0), slip(6, gioi_tinh="nu"),
            slip(7, nam_sinh=1965.0), slip(8, dien_thoai="01662345678"),
        ],
        "kien_nghi": [petition(1, linh_vuc="dat dai")],
    }, settings={"dia_diem": " Nhà văn hóa  Cẩm Khê A"})
    found = fixes_by_cell(book)
    assert found == {
        ("Phiếu đăng ký", "C2"): (nfd, NAME, "nfd"),
        ("Phiếu đăng ký", "C3"): ("  Lê  Văn Tám ", "Lê Văn Tám", "spaces"),
        ("Phiếu đăng ký", "C4"): ("Ðặng Văn Hải", "Đặng Văn Hải", "wrong_d"),
        ("Phiếu đăng ký", "H5"): ("+84 912 345 678", "0912345678", "phone_format"),
        ("Phiếu đăng ký", "H6"): (912345679.0, "0912345679", "phone_format"),
        ("Phiếu đăng ký", "D7"): ("nu", "Nữ", "not_in_list"),
        ("Phiếu đăng ký", "E8"): (1965.0, "1965", "year_as_text"),
        ("Kiến nghị", "F2"): ("dat dai", "Đất đai", "not_in_list"),
        ("Kế hoạch", f"B{[s.key for s in schema.SETTINGS].index('dia_diem') + 2}"):
            (" Nhà văn hóa  Cẩm Khê A", "Nhà văn hóa Cẩm Khê A", "spaces"),
    }


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_text_is_converted(encoding):
    book = make_book({"kien_nghi": [petition(1, noi_dung=from_unicode(TCVN3_TEXT, encoding))]})
    [(old, new, code)] = fixes_by_cell(book).values()
    assert (new, code) == (TCVN3_TEXT, "legacy_encoding")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("gioi_tinh", "Nx"),  # no candidate: a person chooses
        ("dien_thoai", "12345"),  # not a phone number: a person checks
        ("noi_dung", "  =SUM(A1)"),  # trimmed, it would become a formula
        ("ngay_nhan", "32/5/2026"),  # a wrong date is never guessed
        ("ho_ten", "Nguyen Van Hung"),  # no accents is not wrong
    ],
)
def test_what_is_not_safe_is_left_alone(column, value):
    assert plan_fixes(make_book({"phieu": [slip(1, **{column: value})]})) == []


def test_ambiguous_list_value_is_not_fixed():
    lists = {"gioi_tinh": ("Nam", "Nữ", "Nu")}
    assert plan_fixes(make_book({"phieu": [slip(1, gioi_tinh="nu")]}, lists=lists)) == []


def test_old_mobile_number_is_suggested_not_converted():
    book = make_book({"phieu": [slip(1, dien_thoai="0166.234.5678")]})
    [(old, new, code)] = fixes_by_cell(book).values()
    assert new == "01662345678"  # only the format; the new 10-digit number is the validator's suggestion


# --------------------------------------------------------------------------------------------------
# Through a real file


def dirty(path):
    """Put one of each fixable problem, and some that are not, into the sample workbook."""
    workbook = openpyxl.load_workbook(path, keep_vba=True)
    ws = workbook[schema.SLIPS.name]
    ws["C2"] = unicodedata.normalize("NFD", NAME)
    ws["C3"] = "  Lê  Văn Tám "
    ws["H4"] = 912345678  # a phone typed as a number: Excel dropped the 0
    ws["D5"] = "nu"
    ws["E6"] = 1965
    ws["C7"] = from_unicode("Nguyễn Văn Thắng", "tcvn3")
    ws["D8"] = "Nx"  # not fixable
    ws["H9"] = "12345"  # not fixable
    workbook[schema.PETITIONS.name]["Q2"] = "  do người gõ  "  # a computed column: never touched by fix
    workbook.save(path)


def test_fix_changes_only_the_safe_cells_and_reports_them(tmp_book):
    dirty(tmp_book)
    before = read_book(tmp_book)
    result = fix(FileWorkbook(tmp_book), today=TODAY)
    changed = {(f.sheet, f.cell): (f.old, f.new) for f in result.fixes}
    assert changed == {
        ("Phiếu đăng ký", "C2"): (unicodedata.normalize("NFD", NAME), NAME),
        ("Phiếu đăng ký", "C3"): ("  Lê  Văn Tám ", "Lê Văn Tám"),
        ("Phiếu đăng ký", "H4"): (912345678, "0912345678"),
        ("Phiếu đăng ký", "D5"): ("nu", "Nữ"),
        ("Phiếu đăng ký", "E6"): (1965, "1965"),
        ("Phiếu đăng ký", "C7"): (from_unicode("Nguyễn Văn Thắng", "tcvn3"), "Nguyễn Văn Thắng"),
    }
    assert "6 ô" in result.summary
    after = read_book(tmp_book)
    for key, table in before.tables.items():
        for old, new in zip(table.records, after.tables[key].records, strict=True):
            for column, value in old.values.items():
                if (table.name, table.address(column, old.row)) not in changed:
                    assert new.values[column] == value, (table.name, column, old.row)
    workbook = openpyxl.load_workbook(tmp_book)
    phone = workbook[schema.SLIPS.name]["H4"]
    assert phone.value == "0912345678" and phone.data_type == "s" and phone.number_format == "@"
    assert workbook[schema.SLIPS.name]["C2"].value == NAME
    assert workbook[schema.PETITIONS.name]["Q2"].value == "  do người gõ  "


def test_fix_twice_changes_nothing_the_second_time(tmp_book):
    dirty(tmp_book)
    access = FileWorkbook(tmp_book)
    assert fix(access, today=TODAY).fixes
    content = tmp_book.read_bytes()
    second = fix(access, today=TODAY)
    assert second.fixes == [] and "không có ô nào" in second.summary
    assert tmp_book.read_bytes() == content  # not even rewritten


def test_fix_refreshes_an_existing_check_sheet(tmp_book):
    dirty(tmp_book)
    access = FileWorkbook(tmp_book)
    before = validate(access, today=TODAY)
    assert any(f.code == "nfd" for f in before.findings)
    result = fix(access, today=TODAY)
    assert result.remaining is not None and not any(f.code in ("nfd", "spaces", "phone_format") for f in result.remaining)
    sheet = openpyxl.load_workbook(tmp_book)[schema.CHECK_SHEET]
    messages = [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # The sheet shows messages, not codes: the decomposed text is gone, "Nx" (not in the list) is still there for a person.
    assert not [m for m in messages if m and "(NFD)" in m] and any(m and "Nx" in m for m in messages)
