"""The issuing body: one piece for every document's letterhead, number, signature and recipients."""

from __future__ import annotations

import datetime as dt

import pytest

from doithoai.core import schema
from doithoai.documents.issuer import issuer_fields, number_text, recipients, signature_lines

DAY = dt.date(2026, 6, 5)
WARD = {"khoi_ban_hanh": "Chính quyền", "co_quan": "ỦY BAN NHÂN DÂN", "loai_don_vi": "Phường", "ten_don_vi": "Tứ Minh",
        "nguoi_ky": "Nguyễn Thị Sâm", "chuc_vu_ky": "PHÓ CHỦ TỊCH", "tham_quyen_ky": "KT.",
        "noi_nhan": "- Như trên;\n- Lưu: VT, VP."}
PARTY = {"khoi_ban_hanh": "Đảng", "co_quan_cap_tren": "Đảng bộ thành phố Hải Phòng", "co_quan": "ĐẢNG ỦY", "loai_don_vi": "Xã",
         "ten_don_vi": "Vĩnh Bảo", "nguoi_ky": "Bùi Thị Lý", "chuc_vu_ky": "PHÓ BÍ THƯ", "tham_quyen_ky": "T/M",
         "ten_van_phong": "Văn phòng Đảng ủy",
         "noi_nhan": "- Ban Tuyên giáo và Dân vận Thành ủy (để báo cáo),\n- Thường trực Đảng ủy,"}


def test_government_letterhead_and_signature():
    fields = issuer_fields(WARD, "report", DAY)
    assert fields["la_dang"] is False
    assert (fields["quoc_hieu"], fields["tieu_ngu"]) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert (fields["co_quan"], fields["don_vi"]) == ("ỦY BAN NHÂN DÂN", "PHƯỜNG TỨ MINH")
    assert fields["so_dong"].startswith("Số: ") and fields["so_dong"].endswith("/BC-UBND")
    lines = (fields["ky_dong_1"], fields["ky_dong_2"], fields["ky_dong_3"])
    assert lines == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert fields["noi_ngay"] == "Tứ Minh, ngày 05 tháng 6 năm 2026"


def test_party_letterhead_number_signature_recipients():
    fields = issuer_fields({**PARTY, "so_bao_cao": "12"}, "report", DAY)
    assert fields["la_dang"] is True
    assert fields["quoc_hieu"] == "ĐẢNG CỘNG SẢN VIỆT NAM" and fields["tieu_ngu"] == ""
    assert fields["co_quan_cap_tren"] == "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"
    assert fields["co_quan"] == "ĐẢNG ỦY XÃ VĨNH BẢO"
    assert fields["so_dong"] == "Số 12-BC/ĐU"
    assert (fields["ky_dong_1"], fields["ky_dong_2"], fields["ky_dong_3"]) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "")
    assert fields["noi_nhan"].splitlines()[-1] == "- Lưu Văn phòng Đảng ủy."
    assert "UBND" not in " ".join(str(v) for v in fields.values())


@pytest.mark.parametrize(("settings", "kind", "typed", "expected"), [
    (WARD, "report", "125/BC-UBND", "125/BC-UBND"),
    (WARD, "report", "Số: 125/BC-UBND", "125/BC-UBND"),
    (WARD, "report", 125, "125/BC-UBND"),
    (WARD, "memo", "126", "126/UBND-VP"),
    (WARD, "invitations", None, "       /GM-UBND"),
    (PARTY, "invitations", None, "       -GM/ĐU"),
    (PARTY, "memo", "7", "7-CV/ĐU"),
    (WARD, "agenda", "5", ""),
    (PARTY, "signin", None, ""),
    # No document is number 0 (numbers start at 01): a 0 typed as a placeholder leaves room for the clerk.
    (WARD, "report", 0, "       /BC-UBND"),
    (WARD, "report", "00", "       /BC-UBND"),
    (PARTY, "memo", 0.0, "       -CV/ĐU"),
    # Digits to str.isdigit() that int() refuses (a superscript, a circled number) print as typed, never a crash.
    (WARD, "report", "12²", "12²/BC-UBND"),
    (WARD, "report", "①", "①/BC-UBND"),
])
def test_numbers_follow_the_layout(settings, kind, typed, expected):
    assert number_text(settings, kind, typed) == expected


def test_unnumbered_documents_print_no_number_line():
    for settings in (WARD, PARTY):
        assert issuer_fields(settings, "agenda", DAY)["so_dong"] == ""


def test_signing_directly_prints_the_title_only():
    assert signature_lines({**WARD, "tham_quyen_ky": schema.SIGN_DIRECT, "chuc_vu_ky": "CHỦ TỊCH"}) == ("CHỦ TỊCH", "", "")


def test_recipients_per_document_fall_back_to_the_kinds_own_list_then_the_general_list():
    own = {**WARD, "noi_nhan_thong_bao": "- Trưởng các tổ dân phố;\n- Lưu: VT."}
    assert recipients(own, "notice") == "- Trưởng các tổ dân phố;\n- Lưu: VT."
    # Blank: the kind's own list (issue 24: invitations and the memo never carry the plan's upward list).
    assert recipients({**own, "noi_nhan": "- UBND thành phố (b/c);"}, "invitations") == "- Như trên;\n- Lưu: VT, VP."
    # A kind without a list of its own (the province's roll-up report) takes the general one.
    assert recipients({**WARD, "noi_nhan": "- Thường trực HĐND;"}, "rollup_report") == "- Thường trực HĐND;\n- Lưu: VT, VP."
    # A Party document drops the blank template's government storage line for its own.
    assert recipients({**PARTY, "noi_nhan_cong_van": "- Như trên;\n- Lưu: VT, VP."}, "memo") == ("- Như trên;\n"
                                                                                               "- Lưu Văn phòng Đảng ủy.")
