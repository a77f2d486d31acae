"""Rules on `Kế hoạch`: settings well formed, and the plan coherent."""

from __future__ import annotations

import datetime as dt

import pytest
from books import CONFERENCE, PLAN, cells, delegate, findings, make_book, setting_at, slip

from doithoai.core import schema
from doithoai.core.model import WARNING


def test_conference_date_missing():
    assert cells(make_book(settings={"ngay_hoi_nghi": None}), "conference_date_missing") == {setting_at("ngay_hoi_nghi")}
    assert findings(make_book(), "conference_date_missing") == []


def test_conference_date_not_a_date():
    book = make_book(settings={"ngay_hoi_nghi": "32/6/2026"})
    assert cells(book, "bad_date") == {setting_at("ngay_hoi_nghi")}


def test_setting_finding_names_the_label():
    [finding] = findings(make_book(settings={"ngay_hoi_nghi": None}), "conference_date_missing")
    # A plan made before its day is fixed (seeds 001, 004) is valid: a warning, not an error.
    assert finding.sheet == schema.SETTINGS_SHEET and finding.column == "Ngày tổ chức hội nghị" and finding.severity == WARNING


@pytest.mark.parametrize("period", ["Quý III/2026", "trước 30/10/2026", "Quý II/2026 (thông báo sau)", "Tháng 11/2024"])
def test_conference_period_is_a_warning(period):
    book = make_book(settings={"ngay_hoi_nghi": period})
    [finding] = findings(book, "conference_date_pending")
    assert finding.severity == WARNING and period in finding.message
    assert findings(book, "bad_date") == []


def test_conference_must_follow_the_plan():
    assert cells(make_book(settings={"ngay_hoi_nghi": PLAN}), "conference_before_plan") == {setting_at("ngay_hoi_nghi")}
    assert findings(make_book(), "conference_before_plan") == []


def test_conference_too_soon_after_the_plan():
    book = make_book(settings={"ngay_hoi_nghi": PLAN + dt.timedelta(days=5)})
    [finding] = findings(book, "conference_too_soon")
    assert finding.severity == WARNING and "7 ngày" in finding.message
    assert findings(make_book(settings={"ngay_hoi_nghi": PLAN + dt.timedelta(days=7)}), "conference_too_soon") == []


def test_required_setting_row_missing():
    book = make_book(drop_settings=["ten_don_vi"])
    [finding] = findings(book, "required")
    assert finding.sheet == schema.SETTINGS_SHEET and finding.cell == "" and finding.row is None
    assert "Tên phường, xã" in finding.message


def test_required_setting_blank():
    assert cells(make_book(settings={"ten_don_vi": ""}), "required") == {setting_at("ten_don_vi")}


def test_planned_delegates_against_the_list():
    delegates = [delegate(n) for n in range(1, 11)]
    assert findings(make_book({"dai_bieu": delegates}, {"so_dai_bieu_du_kien": 10}), "delegates_vs_planned") == []
    assert findings(make_book({"dai_bieu": delegates}, {"so_dai_bieu_du_kien": 11}), "delegates_vs_planned") == []
    book = make_book({"dai_bieu": delegates}, {"so_dai_bieu_du_kien": 150})
    [finding] = findings(book, "delegates_vs_planned")
    assert (finding.sheet, finding.cell) == setting_at("so_dai_bieu_du_kien")
    assert "150" in finding.message and "10" in finding.message


def test_speakers_against_the_length_of_the_conference():
    settings = {"gio_bat_dau": "08:00", "gio_ket_thuc": "09:00", "so_phut_moi_luot": 5}
    assert findings(make_book({"phieu": [slip(n) for n in range(1, 13)]}, settings), "speakers_exceed_time") == []
    book = make_book({"phieu": [slip(n) for n in range(1, 14)]}, settings)
    [finding] = findings(book, "speakers_exceed_time")
    assert (finding.sheet, finding.cell, finding.severity) == (*setting_at("so_phut_moi_luot"), WARNING)
    assert "13" in finding.message and "65 phút" in finding.message and "60 phút" in finding.message


def test_end_time_before_start_time():
    book = make_book(settings={"gio_bat_dau": "11:00", "gio_ket_thuc": "08:00"})
    assert cells(book, "bad_time") == {setting_at("gio_ket_thuc")}


def test_time_that_is_not_a_time():
    assert cells(make_book(settings={"gio_bat_dau": "sáng"}), "bad_time") == {setting_at("gio_bat_dau")}


@pytest.mark.parametrize(("key", "value"), [("so_phut_moi_luot", "năm"), ("so_phut_moi_luot", 0), ("so_ngay_giai_quyet", -3)])
def test_number_settings(key, value):
    assert cells(make_book(settings={key: value}), "bad_number") == {setting_at(key)}


def test_setting_from_a_list():
    book = make_book(settings={"chuc_vu_ky": "chủ tịch", "tham_quyen_ky": "TM."})
    [finding] = findings(book, "not_in_list")
    assert (finding.sheet, finding.cell) == setting_at("chuc_vu_ky") and "“CHỦ TỊCH”" in finding.message


def test_signer_title_matches_the_authority():
    book = make_book(settings={"chuc_vu_ky": "CHỦ TỊCH", "tham_quyen_ky": "KT."})
    assert cells(book, "signer_mismatch") == {setting_at("chuc_vu_ky")}
    assert findings(make_book(settings={"chuc_vu_ky": "PHÓ CHỦ TỊCH", "tham_quyen_ky": "KT."}), "signer_mismatch") == []


def test_unit_type():
    assert cells(make_book(settings={"loai_don_vi": "Quận"}), "unit_type") == {setting_at("loai_don_vi")}
    assert findings(make_book(settings={"loai_don_vi": "xã"}), "unit_type") == []


def test_setting_text_hygiene():
    book = make_book(settings={"dia_diem": " Nhà văn hóa  Tổ dân phố Cẩm Khê A"})
    assert cells(book, "spaces") == {setting_at("dia_diem")}


def test_default_conference_is_clean():
    assert CONFERENCE > PLAN
    assert findings(make_book()) == []
