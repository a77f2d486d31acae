"""What the documents say, on small books built in memory: each defect a clerk found, and its correction."""

from __future__ import annotations

import datetime as dt

import pytest
from books import CONFERENCE, assignment, delegate, make_book, petition, slip

from doithoai.core import schema
from doithoai.documents import context as ctx
from doithoai.documents import dates
from doithoai.documents.letters import plan_letters

DAY = dt.date(2026, 6, 15)
LATER, AT = schema.HANDLING_LATER, schema.HANDLING_AT_CONFERENCE


def _memo_rows(book):
    context = ctx.memo_context(book, DAY, ctx.Notes(), {})
    return {(unit["ten"], row["ma"]): row for unit in context["don_vi_giao"] for row in unit["kien_nghi"]}


def test_memo_partner_rows_name_the_lead_and_lead_rows_name_the_partners():
    book = make_book({"kien_nghi": [petition(1)], "phan_cong": [
        assignment("KN-001", don_vi="Công an phường", vai_tro=schema.ROLE_LEAD),
        assignment("KN-001", don_vi="Văn phòng HĐND và UBND", vai_tro=schema.ROLE_SUPPORT),
    ]})
    rows = _memo_rows(book)
    assert rows[("Văn phòng HĐND và UBND", "KN-001")]["cung_giao"] == "Chủ trì: Công an phường."
    assert rows[("Công an phường", "KN-001")]["cung_giao"] == "Phối hợp: Văn phòng HĐND và UBND."


def test_report_does_not_say_unassigned_beside_a_written_answer():
    book = make_book({"kien_nghi": [petition(1, hinh_thuc_xu_ly=AT, noi_dung_tra_loi="Phòng Kinh tế đã kiểm tra."),
                                    petition(2, hinh_thuc_xu_ly=LATER, noi_dung_tra_loi=None)]})
    context = ctx.report_context(book, DAY, ctx.Notes())
    items = {item["ma"]: item for group in context["nhom_xu_ly"] for f in group["linh_vuc"] for item in f["kien_nghi"]}
    assert items["KN-001"]["chu_tri"] == ""
    assert items["KN-002"]["chu_tri"] == "chưa phân công"


def test_report_total_is_its_own_row():
    book = make_book({"kien_nghi": [petition(1), petition(2)]})
    context = ctx.report_context(book, DAY, ctx.Notes())
    assert context["tong_cong"]["ten"] == "Tổng cộng" and context["tong_cong"]["tong"] == 2
    assert all(row["ten"] != "Tổng cộng" for row in context["thong_ke"])


def _answered(n, handling, **values):
    return petition(n, hinh_thuc_xu_ly=handling, noi_dung_tra_loi=f"Trả lời {n}.", **values)


def test_letters_only_for_matters_not_answered_at_the_conference_by_default():
    rows = [_answered(1, AT, nguoi_kien_nghi="Lê Văn An"), _answered(2, LATER, nguoi_kien_nghi="Trần Thị Bình")]
    plan = plan_letters(make_book({"kien_nghi": rows}), DAY)
    assert [letter.codes for letter in plan.letters] == [["KN-002"]] and plan.at_conference == ["KN-001"]
    everyone = make_book({"kien_nghi": rows}, settings={"tra_loi_ca_tai_hoi_nghi": "Có"})
    assert sorted(c for letter in plan_letters(everyone, DAY).letters for c in letter.codes) == ["KN-001", "KN-002"]


def test_the_letter_to_the_front_does_not_copy_the_front_again():
    from doithoai.documents.builders import letter_contexts

    rows = [_answered(1, LATER, nguon="Ủy ban MTTQ", nguoi_kien_nghi="Ủy ban MTTQ phường Tứ Minh", ma_phieu=None),
            _answered(2, LATER, nguoi_kien_nghi="Trần Thị Bình")]
    book = make_book({"kien_nghi": rows})
    _, letters = letter_contexts(book, DAY, plan_letters(book, DAY))
    recipients = {one["kien_nghi"][0]["ma"]: one["noi_nhan"] for _, one in letters}
    assert "MTTQ" not in recipients["KN-001"] and "MTTQ" in recipients["KN-002"]


def test_invitations_use_the_known_gender_keep_names_whole_and_skip_the_host_and_signer():
    book = make_book({
        "dai_bieu": [delegate(1, ho_ten="Nguyễn Thị Sâm", chuc_vu="Phó Chủ tịch UBND"),
                     delegate(2, ho_ten="Trần Văn Hòa", chuc_vu="Chủ tịch UBND"),
                     delegate(3, ho_ten="Lê Thu Hà", chuc_vu="Chi hội trưởng Chi hội Phụ nữ"),
                     delegate(4, ho_ten="Phạm Minh Đức"), delegate(5, ho_ten="Vũ Ngọc Anh")],
        "phieu": [slip(1, ho_ten="Phạm Minh Đức", gioi_tinh="Nam")],
    }, settings={"nguoi_ky": "Nguyễn Thị Sâm", "dia_diem": "Nhà văn hóa"})
    context = ctx.invitations_context(book, DAY, ctx.Notes())
    cards = [card["kinh_moi"].replace("\u00a0", " ") for card in context["giay_moi"]]
    assert cards == ["Bà Lê Thu Hà", "Ông Phạm Minh Đức", "Ông (Bà) Vũ Ngọc Anh"]
    # The title and the name on one line, the name never broken: no breaking space anywhere in the line.
    assert all(" " not in card["kinh_moi"] for card in context["giay_moi"])
    assert sorted(context["khong_moi"]) == ["Nguyễn Thị Sâm", "Trần Văn Hòa"]


def test_notice_lists_each_matter_and_its_conclusion_per_field():
    book = make_book({"kien_nghi": [
        _answered(1, AT, linh_vuc="Môi trường", noi_dung="Rác chưa thu gom."),
        petition(2, hinh_thuc_xu_ly=LATER, linh_vuc="Môi trường", noi_dung="Mương tắc.", noi_dung_tra_loi=None,
                 thoi_gian_giai_quyet="Quý III/2026"),
        petition(3, hinh_thuc_xu_ly=schema.HANDLING_UPWARD, linh_vuc="Đất đai", noi_dung="Quy hoạch.",
                 cap_giai_quyet="Thành phố"),
    ], "phan_cong": [assignment("KN-002", don_vi="Công an phường", vai_tro=schema.ROLE_LEAD)]},
        settings={"dia_diem": "Nhà văn hóa"})
    context = ctx.notice_context(book, DAY, ctx.Notes())
    by_field = {f["ten"]: f["y_kien"] for f in context["ket_luan"]}
    environment = by_field["Lĩnh vực môi trường"]
    assert (environment[0]["noi_dung"], environment[0]["ket_luan"]) == ("Rác chưa thu gom", "Kết luận: Trả lời 1.")
    assert environment[1]["ket_luan"] == "Kết luận: giao Công an phường kiểm tra, trả lời bằng văn bản trong quý III/2026."
    assert "báo cáo thành phố" in by_field["Lĩnh vực đất đai"][0]["ket_luan"]


def test_notice_template_says_vao_hoi_and_keeps_the_title_whole():
    from docx import Document

    from doithoai.domain.kinds import template_path

    document = Document(str(template_path("notice")))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "{{ vao_hoi }}" in body
    assert "{% if dia_diem %}, tại {{ dia_diem }}{% endif %}" in body
    assert "Kết quả {{ ten_hoi_nghi_thuong|lien }}" in body


def test_titles_keep_their_set_phrases_whole():
    from doithoai.documents.render import keep_phrases

    assert keep_phrases("đối thoại với Nhân dân năm 2026") == "đối thoại với Nhân\u00a0dân năm\u00a02026"


# --------------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize("kind, inside, before, after", [
    ("invitations", CONFERENCE - dt.timedelta(7), None, CONFERENCE),
    ("agenda", CONFERENCE - dt.timedelta(1), None, CONFERENCE + dt.timedelta(160)),
    ("signin", CONFERENCE, None, CONFERENCE + dt.timedelta(1)),
    ("announcement", CONFERENCE - dt.timedelta(7), None, CONFERENCE - dt.timedelta(6)),
    ("notice", CONFERENCE + dt.timedelta(10), CONFERENCE - dt.timedelta(1), CONFERENCE + dt.timedelta(11)),
    ("letters", CONFERENCE + dt.timedelta(30), CONFERENCE - dt.timedelta(1), None),
])
def test_each_kind_has_its_window(kind, inside, before, after):
    assert dates.outside(kind, CONFERENCE, inside) is None
    for wrong in (before, after):
        if wrong is not None:
            warning = dates.outside(kind, CONFERENCE, wrong)
            assert warning and wrong.strftime("%d/%m/%Y") in warning and "hội nghị ngày 12/06/2026" in warning


def test_notice_33_days_late_names_the_law():
    warning = dates.outside("notice", CONFERENCE, CONFERENCE + dt.timedelta(33))
    assert warning and "10 ngày" in warning and "22/06/2026" in warning


@pytest.mark.parametrize("kind, expected", [
    ("invitations", CONFERENCE - dt.timedelta(7)),
    ("agenda", CONFERENCE - dt.timedelta(7)),
    ("signin", CONFERENCE),
    ("announcement", CONFERENCE - dt.timedelta(10)),
    ("minutes", CONFERENCE),
    ("notice", CONFERENCE + dt.timedelta(3)),
])
@pytest.mark.parametrize("today", [dt.date(2026, 6, 1), dt.date(2026, 6, 16), dt.date(2026, 11, 29)])
def test_default_date_follows_the_conference_never_today(kind, expected, today):
    """Without a milestone on the timeline, the offset the plan would use, whatever the clock says (dates.py)."""
    choice = dates.choose(kind, dates.Timeline(CONFERENCE, today))
    assert choice.date == expected and choice.warning is None and choice.refused is None
    assert f"ghi ngày {expected:%d/%m/%Y} (" in choice.note and "hôm nay" not in choice.note


def test_a_letter_is_not_dated_before_its_answer():
    book = make_book({"kien_nghi": [_answered(1, LATER, nguoi_kien_nghi="Lê Văn An")],
                      "phan_cong": [assignment("KN-001", ngay_hoan_thanh=dt.date(2026, 6, 20))]})
    assert plan_letters(book, dt.date(2026, 6, 15)).letters[0].date == dt.date(2026, 6, 20)
    fixed = plan_letters(book, dt.date(2026, 6, 15), fixed=True)
    assert fixed.letters[0].date == dt.date(2026, 6, 15)
    assert any("sớm hơn ngày có nội dung trả lời (20/06/2026)" in note for note in fixed.notes)
