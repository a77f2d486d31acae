"""Papers that read as the office wrote them (issue 24): one test per defect the five offices found.

Each builds a small workbook in memory (`books.make_book`), builds the document's context as a run does, renders the
bundled template where the wording lives in it, and reads the words back.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from books import assignment, delegate, make_book, petition, slip
from docx_reading import text
from hypothesis import given
from hypothesis import strategies as st

from doithoai.core import schema
from doithoai.documents import context as ctx
from doithoai.documents import cycle
from doithoai.documents.issuer import recipients

DAY = dt.date(2026, 6, 15)
PARTY = {"khoi_ban_hanh": schema.ISSUER_PARTY, "co_quan": "ĐẢNG ỦY", "loai_don_vi": "Xã", "ten_don_vi": "Vĩnh Bảo",
         "tinh": "Thành phố Hải Phòng", "chu_tri": "Bí thư Đảng ủy, Chủ tịch UBND", "ten_van_phong": "Văn phòng Đảng ủy",
         "chuc_vu_ky": "PHÓ BÍ THƯ", "tham_quyen_ky": "T/M", "nguoi_ky": "Bùi Thị Lý",
         "ten_hoi_nghi": "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền {đơn vị} với Nhân dân năm {năm}"}


def rendered(kind: str, context: dict, tmp_path) -> str:
    """The bundled template of `kind` rendered with `context`, as words."""
    from doithoai.documents.render import BatchTemplate
    from doithoai.domain.kinds import template_path

    target = tmp_path / f"{kind}.docx"
    target.write_bytes(BatchTemplate(template_path(kind)).render(context))
    return text(target)


# --------------------------------------------------------------------------------------------------
# Capitals: typed text keeps its own; the product's words follow Decree 30


def test_typed_period_and_field_keep_their_capitals_in_the_notice(tmp_path):
    book = make_book({"kien_nghi": [
        petition(1, linh_vuc="Nông nghiệp, OCOP", hinh_thuc_xu_ly=schema.HANDLING_LATER, thoi_gian_giai_quyet="Quý I/2027"),
    ]}, lists={"linh_vuc": ("Nông nghiệp, OCOP", "Khác")})
    body = rendered("notice", ctx.notice_context(book, DAY, ctx.Notes()), tmp_path)
    assert "Lĩnh vực nông nghiệp, OCOP (1 ý kiến)" in body
    assert "trả lời bằng văn bản trong quý I/2027." in body
    assert "ocop" not in body and "quý i/" not in body


def test_party_report_upward_names_the_superior_committee_with_its_place_capitalised(tmp_path):
    book = make_book(settings={**PARTY, "co_quan_cap_tren": "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"})
    body = rendered("report_upward", cycle.report_upward_context(book, DAY, ctx.Notes()), tmp_path)
    assert "Kính gửi: Ban Thường vụ Thành ủy Hải Phòng." in body
    assert "hải phòng" not in body


def test_government_report_upward_writes_the_level_lower_case_before_the_typed_name(tmp_path):
    book = make_book(settings={"tinh": "Thành phố Hải Phòng"})
    body = rendered("report_upward", cycle.report_upward_context(book, DAY, ctx.Notes()), tmp_path)
    assert "- Ủy ban nhân dân thành phố Hải Phòng." in body and "Thành phố hải phòng" not in body


@given(st.text(alphabet="aAbBđĐQquýÝIV /0123456789,ÔôhàHà", min_size=0, max_size=30))
def test_in_sentence_changes_at_most_the_first_letter(typed):
    from doithoai.documents.wording import in_sentence, safe_text

    shown, typed_text = in_sentence(typed), safe_text(typed)
    assert shown[1:] == typed_text[1:] and shown[:1].lower() == typed_text[:1].lower()
    assert in_sentence(shown) == shown


# --------------------------------------------------------------------------------------------------
# The opinion form


def _cover(path) -> str:
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    return "\n".join(" | ".join(str(v) for v in row if v) for row in workbook["Thông tin"].iter_rows(values_only=True))


def test_opinion_form_names_the_conference_its_audience_and_a_party_issuer(tmp_path):
    from doithoai.workflows.intake import write_form

    book = make_book(settings={**PARTY, "doi_tuong": "đảng viên và Nhân dân"})
    path = tmp_path / "form.xlsx"
    write_form(path, book, "Hội Nông dân xã Vĩnh Bảo", dt.datetime(2026, 5, 1, 8))
    cover = _cover(path)
    assert "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền xã Vĩnh Bảo với Nhân dân năm 2026" in cover
    assert "đảng viên và Nhân dân" in cover
    assert "Đảng ủy xã Vĩnh Bảo (qua Văn phòng Đảng ủy)" in cover
    assert "Ủy ban nhân dân" not in cover and "UBND" not in cover and "Xã Vĩnh" not in cover


def test_opinion_form_of_a_ward_keeps_the_wards_capitals(tmp_path):
    from doithoai.workflows.intake import read_form, write_form

    book = make_book(settings={"ten_don_vi": "Việt Hòa", "loai_don_vi": "Phường"})
    path = tmp_path / "form.xlsx"
    write_form(path, book, "Hội Liên hiệp Phụ nữ phường Việt Hòa", dt.datetime(2025, 10, 12, 8))
    cover = _cover(path)
    assert "Ủy ban nhân dân phường Việt Hòa" in cover and "Chủ tịch UBND phường Việt Hòa" in cover
    assert "Phường Việt Hòa" not in cover and "việt hòa" not in cover
    assert read_form(path).organisation == "Hội Liên hiệp Phụ nữ phường Việt Hòa"  # still read back


# --------------------------------------------------------------------------------------------------
# Kính gửi and Nơi nhận


def test_report_upward_addressee_is_a_setting_naming_the_district(tmp_path):
    book = make_book(settings={"ten_don_vi": "Đức Thắng", "kinh_gui_bao_cao_ket_qua":
                               "- Thường trực HĐND quận Bắc Từ Liêm;\n- UBND quận Bắc Từ Liêm;\n- Thường trực Đảng ủy {đơn vị}."})
    body = rendered("report_upward", cycle.report_upward_context(book, DAY, ctx.Notes()), tmp_path)
    assert ("Kính gửi: Thường trực HĐND quận Bắc Từ Liêm;\n- UBND quận Bắc Từ Liêm;\n"
            "- Thường trực Đảng ủy phường Đức Thắng.") in body


def test_party_report_without_a_superior_body_still_has_an_addressee():
    from doithoai.documents.issuer import addressees

    assert addressees({**PARTY, "co_quan_cap_tren": ""}, "report_upward") == ["Ban Thường vụ Thành ủy Hải Phòng"]
    assert addressees({**PARTY, "co_quan_cap_tren": "", "tinh": ""}, "report_upward") != []


def test_announcement_and_minutes_take_the_offices_own_recipients():
    settings = {"ten_don_vi": "Tứ Minh", "noi_nhan_thong_bao_hoi_nghi": "- Đài truyền thanh phường;\n- Lưu: VT.",
                "noi_nhan_bien_ban": "- Thường trực Đảng ủy phường;\n- Lưu: VT."}
    book = make_book(settings=settings)
    assert cycle.announcement_context(book, DAY, ctx.Notes())["noi_nhan"] == "- Đài truyền thanh phường;\n- Lưu: VT."
    assert cycle.minutes_context(book, DAY, ctx.Notes())["noi_nhan"] == "- Thường trực Đảng ủy phường;\n- Lưu: VT."


def test_invitations_and_memo_never_carry_the_plans_upward_list(tmp_path):
    plan_list = "- UBND thành phố (b/c);\n- Thường trực Đảng ủy phường;\n- Lưu: VT, VP."
    book = make_book({"kien_nghi": [petition(1)], "phan_cong": [assignment("KN-001")], "dai_bieu": [delegate(1)]},
                     settings={"noi_nhan": plan_list})
    invitations = ctx.invitations_context(book, DAY, ctx.Notes())["noi_nhan"]
    memo = rendered("memo", ctx.memo_context(book, DAY, ctx.Notes(), {}), tmp_path)
    assert "UBND thành phố" not in invitations and invitations.startswith("- Như trên;")
    assert "UBND thành phố" not in memo
    assert "Nơi nhận:\n- Như trên;\n" in memo
    assert "Kính gửi: Các cơ quan, đơn vị thuộc UBND phường Tứ Minh." in memo


def test_recipients_name_the_commune():
    settings = {"loai_don_vi": "Xã", "ten_don_vi": "Phong Quang",
                "noi_nhan_tra_loi": "- Như trên;\n- UB MTTQ VN xã (giám sát);\n- Lưu: VT, VP.",
                "noi_nhan_thong_bao": "- Ủy ban MTTQ Việt Nam {đơn vị} (để giám sát);\n- Hội Nông dân xã;"}
    assert "- UB MTTQ VN xã Phong Quang (giám sát);" in recipients(settings, "letters")
    notice = recipients(settings, "notice")
    assert "- Ủy ban MTTQ Việt Nam xã Phong Quang (để giám sát);" in notice and "- Hội Nông dân xã Phong Quang;" in notice
    assert "Ủy ban MTTQ Việt Nam xã Phong Quang" in recipients({**settings, "noi_nhan_tra_loi": ""}, "letters")


# --------------------------------------------------------------------------------------------------
# The conference's time


def test_a_period_prints_no_hour_and_the_run_lists_the_announcement_as_waiting(tmp_path):
    book = make_book(settings={"ngay_hoi_nghi": "Quý II/2026"})
    notes = ctx.Notes()
    body = rendered("announcement", cycle.announcement_context(book, DAY, notes), tmp_path)
    assert "1. Thời gian: Quý II/2026 (thời gian cụ thể sẽ thông báo sau)." in body
    assert "giờ" not in body.split("1. Thời gian:")[1].split("\n")[0]
    assert any("thông báo tổ chức hội nghị" in note for note in notes.missing), notes.missing
    minutes = cycle.minutes_context(book, DAY, notes)
    assert minutes["thoi_gian_hop"] == "Quý II/2026 (thời gian cụ thể sẽ thông báo sau)"
    assert any("biên bản hội nghị" in note for note in notes.missing), notes.missing


def test_the_time_sentence_reads_from_start_to_end_then_the_day(tmp_path):
    book = make_book(settings={"gio_bat_dau": "08:00", "gio_ket_thuc": "11:30"})
    body = rendered("announcement", cycle.announcement_context(book, DAY, ctx.Notes()), tmp_path)
    assert "1. Thời gian: Từ 08 giờ 00 đến 11 giờ 30, thứ Sáu, ngày 12 tháng 6 năm 2026." in body
    invitations = ctx.invitations_context(make_book({"dai_bieu": [delegate(1)]}), DAY, ctx.Notes())
    assert invitations["thoi_gian"] == "Từ 08 giờ 00 đến 11 giờ 30, thứ Sáu, ngày 12 tháng 6 năm 2026"


# --------------------------------------------------------------------------------------------------
# The announcement and the loudspeaker


def test_khac_is_never_listed_as_a_field_and_the_loudspeaker_reads_names_in_full():
    book = make_book({"kien_nghi": [petition(1, linh_vuc="Khác"), petition(2, linh_vuc="Đất đai")]},
                     settings={"chu_tri": "Chủ tịch UBND", "dong_chu_tri": "Thường trực HĐND"})
    context = cycle.announcement_context(book, DAY, ctx.Notes())
    assert context["linh_vuc"] == "đất đai"
    spoken = cycle.loudspeaker_text(context)
    assert "khác" not in spoken.split("Nội dung:")[1].split("\r\n")[0].replace("quan tâm", "")
    assert not re.search(r"\b(UBND|HĐND|MTTQ)\b", spoken), spoken
    assert "Chủ tịch Ủy ban nhân dân phường Tứ Minh cùng Thường trực Hội đồng nhân dân phường Tứ Minh" in spoken


# --------------------------------------------------------------------------------------------------
# The next conference


def test_a_carried_petitions_letter_names_the_earlier_conference_and_the_report_hides_the_note(tmp_path):
    from doithoai.documents.builders import letter_contexts
    from doithoai.documents.letters import plan_letters
    from doithoai.domain.carry import carry_over

    june = make_book({"kien_nghi": [petition(2, nguon=schema.SOURCE_SLIP, nguoi_kien_nghi="Đỗ Thị Lan", trang_thai="Đang xử lý",
                                             hinh_thuc_xu_ly=schema.HANDLING_LATER, ket_qua="Đã khảo sát hiện trường.")]},
                     settings={"ngay_hoi_nghi": dt.date(2024, 6, 20), "ten_don_vi": "Đức Thắng"})
    carried = carry_over(june, "duc-thang-6.xlsm")["tables"]["kien_nghi"]
    for row in carried:
        row["noi_dung_tra_loi"] = "UBND phường đã chỉ đạo giải quyết."
    november = make_book({"kien_nghi": carried}, settings={"ngay_hoi_nghi": dt.date(2024, 11, 20), "ten_don_vi": "Đức Thắng"})
    _, letters = letter_contexts(november, dt.date(2024, 11, 30), plan_letters(november, dt.date(2024, 11, 30)))
    (_, letter), = letters
    assert letter["noi_neu"] == "tại hội nghị đối thoại ngày 20/06/2024"
    report = rendered("report", {**ctx.report_context(november, dt.date(2024, 11, 25), ctx.Notes()), "bieu_do": ""}, tmp_path)
    assert "Chuyển từ kỳ trước" not in report and "mã cũ" not in report
    assert "Hướng giải quyết: Đã khảo sát hiện trường." in report


# --------------------------------------------------------------------------------------------------
# Hosts


def test_a_party_chair_holding_two_posts_and_a_co_chairing_standing_body_get_no_invitation():
    book = make_book({"dai_bieu": [delegate(1, ho_ten="Nguyễn Văn Hùng", chuc_vu="Bí thư Đảng ủy xã"),
                                   delegate(2, ho_ten="Trần Văn Tú", chuc_vu="Chủ tịch HĐND xã"),
                                   delegate(3, ho_ten="Phạm Văn Năm", chuc_vu="Phó Chủ tịch HĐND xã"),
                                   delegate(4, ho_ten="Đỗ Thị Hoa", chuc_vu="Bí thư chi bộ thôn Đông"),
                                   delegate(5, ho_ten="Vũ Văn Sáu", chuc_vu="Chủ tịch Hội Nông dân xã")]},
                     settings={**PARTY, "dong_chu_tri": "Thường trực HĐND"})
    context = ctx.invitations_context(book, DAY, ctx.Notes())
    invited = [card["kinh_moi"].replace("\u00a0", " ") for card in context["giay_moi"]]
    assert invited == ["Bà Đỗ Thị Hoa", "Ông (Bà) Vũ Văn Sáu"]
    assert sorted(context["khong_moi"]) == ["Nguyễn Văn Hùng", "Phạm Văn Năm", "Trần Văn Tú"]


# --------------------------------------------------------------------------------------------------
# Organisations and units


def test_letters_to_organisations_name_the_ward_in_full(tmp_path):
    from doithoai.documents.builders import letter_contexts
    from doithoai.documents.letters import plan_letters

    rows = [petition(1, nguon=schema.SOURCE_ORGANISATION, nguoi_kien_nghi="Hội Liên hiệp Phụ nữ phường",
                     noi_dung_tra_loi="Đã trả lời."),
            petition(2, nguon=schema.SOURCE_MTTQ, nguoi_kien_nghi="Ủy ban MTTQ phường Tứ Minh", noi_dung_tra_loi="Đã trả lời.")]
    book = make_book({"kien_nghi": rows}, settings={"tra_loi_ca_tai_hoi_nghi": "Có"})
    _, letters = letter_contexts(book, DAY, plan_letters(book, DAY))
    addressed = sorted(one["kinh_gui"] for _, one in letters)
    assert addressed == ["Hội Liên hiệp Phụ nữ phường Tứ Minh", "Ủy ban Mặt trận Tổ quốc Việt Nam phường Tứ Minh"]


def test_invitation_post_and_unit_without_repeating_the_unit():
    book = make_book({"dai_bieu": [delegate(1, ho_ten="Lò Văn Kiên", chuc_vu="Trưởng Công an xã", don_vi="Công an xã Tân Lập"),
                                   delegate(2, ho_ten="Hà Thị Mai", chuc_vu="Bí thư chi bộ", don_vi="Thôn Đông")]},
                     settings={"loai_don_vi": "Xã", "ten_don_vi": "Tân Lập"})
    posts = [card["chuc_vu_don_vi"] for card in ctx.invitations_context(book, DAY, ctx.Notes())["giay_moi"]]
    assert posts == ["Trưởng Công an xã Tân Lập", "Bí thư chi bộ, Thôn Đông"]


def test_notice_gives_the_answer_on_record_upward_and_names_the_party_body(tmp_path):
    answered = petition(1, hinh_thuc_xu_ly=schema.HANDLING_UPWARD, cap_giai_quyet="Thành phố",
                        noi_dung_tra_loi="Thành phố đã đưa tuyến đường vào kế hoạch đầu tư năm 2027.")
    waiting = petition(2, hinh_thuc_xu_ly=schema.HANDLING_UPWARD, cap_giai_quyet="Thành phố", linh_vuc="Đất đai")
    body = rendered("notice", ctx.notice_context(make_book({"kien_nghi": [answered, waiting]}, settings=PARTY), DAY,
                                                  ctx.Notes()), tmp_path)
    assert "Kết luận: Thành phố đã đưa tuyến đường vào kế hoạch đầu tư năm 2027." in body
    assert "Kết luận: nội dung vượt thẩm quyền; Đảng ủy xã Vĩnh Bảo tổng hợp, báo cáo thành phố xem xét, giải quyết." in body
    assert "UBND tổng hợp" not in body


def test_invitation_title_and_name_never_part():
    book = make_book({"dai_bieu": [delegate(1, ho_ten="Phạm Minh Đức", gioi_tinh="Nam")], "phieu": [slip(1)]})
    (card,) = ctx.invitations_context(book, DAY, ctx.Notes())["giay_moi"]
    assert card["kinh_moi"] == "Ông\u00a0Phạm\u00a0Minh\u00a0Đức"


@pytest.mark.parametrize("post, unit, shown", [
    ("Trưởng ban", "Ban công tác Mặt trận", "Trưởng Ban công tác Mặt trận"),
    ("Chủ tịch", "Hội Nông dân xã", "Chủ tịch Hội Nông dân xã"),
    ("Bí thư chi bộ", "Chi bộ thôn Đông", "Bí thư Chi bộ thôn Đông"),
    ("Phó Chủ tịch UBND phường", "UBND phường Tứ Minh", "Phó Chủ tịch UBND phường Tứ Minh"),
    ("Tổ trưởng", "Tổ dân phố Cẩm Khê A", "Tổ trưởng, Tổ dân phố Cẩm Khê A"),
])
def test_post_and_unit(post, unit, shown):
    from doithoai.documents.wording import post_and_unit

    assert post_and_unit(post, unit) == shown
