"""Rules across rows and sheets, and inside a row: codes, links, lead units, dates in order, answers."""

from __future__ import annotations

import datetime as dt

from books import TODAY, assignment, at, cells, findings, make_book, petition, slip

from doithoai.core import schema
from doithoai.core.model import ERROR, WARNING

LATER = schema.HANDLING_LATER


def test_duplicate_slip_code_names_the_first_row():
    book = make_book({"phieu": [slip(1), slip(2), slip(3, ma_phieu=" p-001")]})
    [finding] = findings(book, "duplicate_code")
    assert (finding.sheet, finding.cell, finding.severity) == (*at("phieu", "ma_phieu", 4), ERROR)
    assert "dòng 2" in finding.message


def test_duplicate_petition_code():
    book = make_book({"kien_nghi": [petition(1), petition(2), petition(3, ma_kien_nghi="KN-002")]})
    assert cells(book, "duplicate_code") == {at("kien_nghi", "ma_kien_nghi", 4)}


def test_petition_slip_must_exist():
    book = make_book({
        "phieu": [slip(1)],
        "kien_nghi": [petition(1, ma_phieu="P-001", nguon="Phiếu đăng ký"), petition(2, ma_phieu="P-009", nguon="Phiếu đăng ký")],
    })
    [finding] = findings(book, "slip_missing")
    assert (finding.sheet, finding.cell) == at("kien_nghi", "ma_phieu", 3)
    assert "“P-009”" in finding.message and "Phiếu đăng ký" in finding.message


def test_petition_from_a_slip_without_slip_code_is_a_warning():
    book = make_book({"phieu": [slip(1)],
                      "kien_nghi": [petition(1, ma_phieu="P-001", nguon="Phiếu đăng ký"), petition(2, nguon="Phiếu đăng ký")]})
    [finding] = findings(book, "slip_code_blank")
    assert (finding.cell, finding.severity) == (at("kien_nghi", "ma_phieu", 3)[1], WARNING)


def test_assignment_petition_must_exist():
    book = make_book({"kien_nghi": [petition(1)], "phan_cong": [assignment("KN-001"), assignment("KN-404")]})
    assert cells(book, "petition_missing") == {at("phan_cong", "ma_kien_nghi", 3)}


def test_petition_answered_later_needs_a_lead_unit():
    book = make_book({
        "kien_nghi": [petition(1, hinh_thuc_xu_ly=LATER), petition(2, hinh_thuc_xu_ly=LATER), petition(3)],
        "phan_cong": [assignment("KN-001"), assignment("KN-002", vai_tro=schema.ROLE_SUPPORT)],
    })
    [finding] = findings(book, "no_lead_unit")
    assert (finding.sheet, finding.cell, finding.severity) == (*at("kien_nghi", "ma_kien_nghi", 3), ERROR)
    assert "Chủ trì" in finding.message


def test_petition_with_only_supporting_units_needs_a_lead_unit():
    book = make_book({"kien_nghi": [petition(1)], "phan_cong": [assignment("KN-001", vai_tro=schema.ROLE_SUPPORT)]})
    assert cells(book, "no_lead_unit") == {at("kien_nghi", "ma_kien_nghi", 2)}


def test_exactly_one_lead_unit():
    book = make_book({
        "kien_nghi": [petition(1), petition(2)],
        "phan_cong": [
            assignment("KN-001"), assignment("KN-001", don_vi="Phòng Văn hóa - Xã hội", vai_tro=schema.ROLE_SUPPORT),
            assignment("KN-002"), assignment("KN-002", don_vi="Phòng Văn hóa - Xã hội"),
        ],
    })
    [finding] = findings(book, "many_lead_units")
    assert (finding.sheet, finding.cell) == at("phan_cong", "vai_tro", 5)
    assert "dòng 4" in finding.message and "Công an" in finding.message


def test_same_unit_twice_on_one_petition():
    book = make_book({
        "kien_nghi": [petition(1)],
        "phan_cong": [assignment("KN-001"), assignment("KN-001", vai_tro=schema.ROLE_SUPPORT, don_vi="Công an")],
    })
    assert cells(book, "duplicate_assignment") == {at("phan_cong", "don_vi", 3)}


def test_slip_received_after_the_conference():
    book = make_book({"phieu": [slip(1, ngay_nhan=dt.date(2026, 6, 12)), slip(2, ngay_nhan="13/6/2026")]})
    [finding] = findings(book, "slip_after_conference")
    assert (finding.sheet, finding.cell) == at("phieu", "ngay_nhan", 3)
    assert "13/06/2026" in finding.message and "12/06/2026" in finding.message


def test_due_before_assigned():
    book = make_book({
        "kien_nghi": [petition(1), petition(2)],
        "phan_cong": [assignment("KN-001", han_hoan_thanh=dt.date(2026, 6, 1)),
                      assignment("KN-002", han_hoan_thanh=dt.date(2026, 5, 21))],
    })
    assert cells(book, "due_before_assigned") == {at("phan_cong", "han_hoan_thanh", 3)}


def test_done_before_assigned_is_a_warning():
    book = make_book({
        "kien_nghi": [petition(1), petition(2)],
        "phan_cong": [assignment("KN-001", ngay_hoan_thanh=dt.date(2026, 6, 1)),
                      assignment("KN-002", ngay_hoan_thanh=dt.date(2026, 5, 2))],
    })
    [finding] = findings(book, "done_before_assigned")
    assert (finding.cell, finding.severity) == (at("phan_cong", "ngay_hoan_thanh", 3)[1], WARNING)


def test_done_date_in_the_future():
    tomorrow = TODAY + dt.timedelta(days=1)
    book = make_book({
        "kien_nghi": [petition(1), petition(2)],
        "phan_cong": [assignment("KN-001", ngay_hoan_thanh=TODAY), assignment("KN-002", ngay_hoan_thanh=tomorrow)],
        "moc_thoi_gian": [
            {"moc": "Họp", "can_cu": schema.BASE_CONFERENCE, "so_ngay": -3, "loai_ngay": schema.DAYS_CALENDAR,
             "ngay_hoan_thanh": tomorrow},
        ],
    })
    assert cells(book, "done_in_future") == {at("phan_cong", "ngay_hoan_thanh", 3), at("moc_thoi_gian", "ngay_hoan_thanh", 2)}


def test_answered_petition_without_answer():
    book = make_book({"kien_nghi": [
        petition(1, trang_thai="Đã trả lời", noi_dung_tra_loi="Đã sửa xong."),
        petition(2, trang_thai="Đã giải quyết"),
        petition(3, trang_thai="Đang xử lý"),
    ]})
    assert cells(book, "answer_missing") == {at("kien_nghi", "noi_dung_tra_loi", 3)}
