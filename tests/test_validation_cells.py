"""Rules on single cells: each rule gets a row that breaks it and a row that does not."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from books import TODAY, assignment, at, cells, delegate, findings, make_book, petition, slip

from doithoai.core.legacy import from_unicode
from doithoai.core.model import ERROR, WARNING, CellError


def one(book, code):
    found = findings(book, code)
    assert len(found) == 1, found
    return found[0]


def test_a_clean_book_has_no_findings():
    book = make_book({
        "phieu": [slip(1), slip(2)],
        "kien_nghi": [petition(1), petition(2, ma_phieu="P-001", nguon="Phiếu đăng ký")],
        "phan_cong": [assignment("KN-001")],
        "dai_bieu": [delegate(1)],
    })
    assert findings(book) == []


def test_required_field():
    book = make_book({"phieu": [slip(1), slip(2, ho_ten="  ")]})
    finding = one(book, "required")
    assert (finding.sheet, finding.cell) == at("phieu", "ho_ten", 3)
    assert finding.severity == ERROR and finding.row == 3 and finding.column == "Họ và tên"
    assert "Họ và tên" in finding.message


def test_error_value_is_pointed_at():
    book = make_book({"kien_nghi": [petition(1), petition(2, linh_vuc=CellError("#N/A"))]})
    assert cells(book, "error_value") == {at("kien_nghi", "linh_vuc", 3)}
    assert "#N/A" in one(book, "error_value").message


def test_value_outside_list_suggests_the_intended_value():
    book = make_book({"phieu": [slip(1, gioi_tinh="Nữ"), slip(2, gioi_tinh="nam")]})
    finding = one(book, "not_in_list")
    assert (finding.sheet, finding.cell) == at("phieu", "gioi_tinh", 3)
    assert finding.message.startswith("Giá trị “nam” không có trong danh sách Giới tính; có phải là “Nam”?")


def test_accentless_value_suggests_the_accented_one():
    book = make_book({"kien_nghi": [petition(1, linh_vuc="dat dai")]})
    assert "có phải là “Đất đai”?" in one(book, "not_in_list").message


def test_misspelt_value_gets_the_closest_suggestion():
    book = make_book({"kien_nghi": [petition(1, linh_vuc="Môi truờng")]})
    assert "“Môi trường”" in one(book, "not_in_list").message


def test_lists_are_read_from_the_workbook_not_the_defaults():
    lists = {"linh_vuc": ("Đất đai", "Môi trường", "Nước sạch")}
    book = make_book({"kien_nghi": [petition(1, linh_vuc="Nước sạch"), petition(2, linh_vuc="Hạ tầng, giao thông")]}, lists=lists)
    assert cells(book, "not_in_list") == {at("kien_nghi", "linh_vuc", 3)}


def test_a_number_in_a_list_column_is_outside_the_list():
    book = make_book({"phan_cong": [assignment(vai_tro=3)]})
    assert cells(book, "not_in_list") == {at("phan_cong", "vai_tro", 2)}


def test_dates_real_or_day_first_text():
    book = make_book({"phieu": [slip(1, ngay_nhan="20/5/2026"), slip(2, ngay_nhan="32/5/2026"), slip(3, ngay_nhan="hôm qua")]})
    assert cells(book, "bad_date") == {at("phieu", "ngay_nhan", 3), at("phieu", "ngay_nhan", 4)}
    assert "ngày/tháng/năm" in findings(book, "bad_date")[0].message


def test_date_years_away_from_the_conference():
    book = make_book({"phieu": [slip(1, ngay_nhan=dt.date(2026, 5, 20)), slip(2, ngay_nhan=dt.date(2062, 5, 20))]})
    assert cells(book, "date_out_of_range") == {at("phieu", "ngay_nhan", 3)}


def test_whole_numbers():
    book = make_book({"dai_bieu": [delegate(1, stt=1), delegate(2, stt="hai")]})
    assert cells(book, "bad_number") == {at("dai_bieu", "stt", 3)}


@pytest.mark.parametrize(
    ("year", "code", "severity"),
    [("65", "bad_year", ERROR), ("¹⁹⁶⁵", "bad_year", ERROR),
     ("1890", "birth_year_range", ERROR), (str(TODAY.year + 1), "birth_year_range", ERROR),
     (str(TODAY.year - 10), "under_16", WARNING)],
)
def test_birth_years(year, code, severity):
    book = make_book({"phieu": [slip(1, nam_sinh="1965"), slip(2, nam_sinh=year)]})
    finding = one(book, code)
    assert (finding.sheet, finding.cell, finding.severity) == (*at("phieu", "nam_sinh", 3), severity)
    assert not [f for f in findings(book) if f.row == 2]


def test_birth_year_typed_as_a_number_is_fine():
    book = make_book({"phieu": [slip(1, nam_sinh=1965.0), slip(2, nam_sinh=2000)]})
    assert findings(book) == []


@pytest.mark.parametrize("phone", ["0912345678", "912345678", 912345678.0, "+84 912 345 678", "84912345678", "0912.345.678",
                                   "02438251234"])
def test_phone_numbers_accepted(phone):
    book = make_book({"phieu": [slip(1, dien_thoai=phone)]})
    assert not findings(book, "bad_phone") and not findings(book, "old_phone")


@pytest.mark.parametrize("phone", ["912345678", 912345678.0, "+84 912 345 678", "0912.345.678"])
def test_phone_in_another_format_is_reported_with_the_normal_form(phone):
    book = make_book({"phieu": [slip(1, dien_thoai="0912345678"), slip(2, dien_thoai=phone)]})
    finding = one(book, "phone_format")
    assert (finding.sheet, finding.cell, finding.severity) == (*at("phieu", "dien_thoai", 3), WARNING)
    assert "“0912345678”" in finding.message


def test_old_eleven_digit_mobile_gets_its_new_number_suggested():
    book = make_book({"phieu": [slip(1, dien_thoai="0912345678"), slip(2, dien_thoai="01662345678")]})
    finding = one(book, "old_phone")
    assert (finding.sheet, finding.cell) == at("phieu", "dien_thoai", 3)
    assert "“0362345678”" in finding.message


@pytest.mark.parametrize("phone", ["12345", "0112345678", "không có", "091234567890"])
def test_anything_else_is_a_bad_phone(phone):
    book = make_book({"dai_bieu": [delegate(1), delegate(2, dien_thoai=phone)]})
    finding = one(book, "bad_phone")
    assert (finding.sheet, finding.cell, finding.severity) == (*at("dai_bieu", "dien_thoai", 3), ERROR)


def test_decomposed_text_is_found_although_the_reader_composes_it():
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hòa")
    book = make_book({"phieu": [slip(1), slip(2, ho_ten=name)]})
    assert cells(book, "nfd") == {at("phieu", "ho_ten", 3)}


def test_eth_instead_of_d_with_stroke():
    book = make_book({"phieu": [slip(1, ho_ten="Đặng Văn Hùng"), slip(2, ho_ten="Ðặng Văn Hải")]})
    finding = one(book, "wrong_d")
    assert (finding.sheet, finding.cell) == at("phieu", "ho_ten", 3)
    assert "“Đặng Văn Hải”" in finding.message


@pytest.mark.parametrize("name", ["  Lê Văn Tám", "Lê Văn Tám ", "Lê  Văn Tám", "Lê\u00a0Văn Tám"])
def test_stray_spaces(name):
    book = make_book({"phieu": [slip(1, ho_ten="Lê Văn Tám"), slip(2, ho_ten=name)]})
    assert cells(book, "spaces") == {at("phieu", "ho_ten", 3)}
    assert "“Lê Văn Tám”" in findings(book, "spaces")[0].message


def test_line_breaks_in_long_text_are_not_stray_spaces():
    book = make_book({"kien_nghi": [petition(1, noi_dung="Đề nghị thứ nhất.\nĐề nghị thứ hai.")]})
    assert findings(book, "spaces") == []


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encoded_text_is_found_and_the_unicode_text_offered(encoding):
    garbled = from_unicode("Nguyễn Văn Thắng", encoding)
    book = make_book({"phieu": [slip(1, ho_ten="Nguyễn Văn Thắng"), slip(2, ho_ten=garbled)]})
    finding = one(book, "legacy_encoding")
    assert (finding.sheet, finding.cell) == at("phieu", "ho_ten", 3)
    assert "“Nguyễn Văn Thắng”" in finding.message


@pytest.mark.parametrize("text", ["=SUM(A1)", "@Hội", "+ABC", "-Đề nghị", "  =1+1"])
def test_text_excel_would_run_as_a_formula(text):
    book = make_book({"kien_nghi": [petition(1), petition(2, noi_dung=text)]})
    assert cells(book, "formula_like") == {at("kien_nghi", "noi_dung", 3)}


@pytest.mark.parametrize("text", ["- Đề nghị sửa đường", "Giá 5+5", "-5 độ", "Đề nghị = hợp lý"])
def test_bullets_and_numbers_are_not_formulas(text):
    book = make_book({"kien_nghi": [petition(1, noi_dung=text)]})
    assert findings(book, "formula_like") == []


def test_control_characters():
    book = make_book({"kien_nghi": [petition(1), petition(2, noi_dung="Đề nghị\x07 sửa đường")]})
    assert cells(book, "control_chars") == {at("kien_nghi", "noi_dung", 3)}


def test_too_long():
    book = make_book({"phieu": [slip(1), slip(2, ho_ten="Nguyễn " * 60), slip(3, noi_dung="a" * 33000)]})
    found = {(f.cell, f.severity) for f in findings(book, "too_long")}
    assert found == {(at("phieu", "ho_ten", 3)[1], WARNING), (at("phieu", "noi_dung", 4)[1], ERROR)}


def test_computed_columns_are_not_checked_as_typed_text():
    book = make_book({"kien_nghi": [petition(1, tien_do="  tự  tính ")], "phan_cong": [assignment(tinh_trang="x")]})
    assert findings(book) == []


def test_calendar_rows_on_the_lists_sheet_are_checked():
    calendar = [{"ngay": dt.date(2026, 8, 22), "loai": "Ngày làm việc bù"}, {"ngay": "31/13/2026", "loai": "nghỉ"}]
    book = make_book(calendar=calendar)
    found = {(f.code, f.row) for f in findings(book)}
    assert found == {("bad_date", 3), ("not_in_list", 3)}
