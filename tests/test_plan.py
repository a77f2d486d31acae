"""The plan (kế hoạch tổ chức hội nghị đối thoại) built from the workbook: documents/plan.py and its template."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.vnwords import amount
from doithoai.documents.context import Notes
from doithoai.documents.jobs import make_documents
from doithoai.documents.plan import budget, plan_context
from doithoai.documents.programme import items_of, named
from doithoai.domain.deadlines import plan_deadlines
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.io.writer import edit_workbook
from doithoai.workflows.presets import load
from doithoai.workflows.sample import BUDGET, DEMO_TODAY, PLAN_TEXT
from tests.books import make_book
from tests.docx_reading import paragraphs, text


def plan_of(path, out, date=DEMO_TODAY, given_date=True):
    with FileWorkbook(path) as access:
        result = make_documents(access, ["plan"], out, pdf=False, date=date if given_date else None, today=date)
    return result


@pytest.fixture(scope="module")
def demo_plan(tmp_path_factory, demo_path):
    folder = tmp_path_factory.mktemp("plan")
    book = folder / "book.xlsm"
    shutil.copyfile(demo_path, book)
    result = plan_of(book, folder / "out")
    return read_book(book), result, text(result.files["plan"])


def section(content: str, start: str, end: str) -> str:
    return content[content.index(start):content.index(end, content.index(start))]


def test_the_demo_plan_is_plan_118(demo_plan):
    book, result, content = demo_plan
    lines = content.splitlines()
    assert "Số: 118/KH-UBND" in lines  # exactly the workbook's `Số kế hoạch`
    assert "Tứ Minh, ngày 15 tháng 5 năm 2026" in lines  # and its `Ngày ban hành kế hoạch`
    assert "KẾ HOẠCH" in lines
    assert "Tổ chức hội nghị đối thoại giữa Chủ tịch UBND phường Tứ Minh với Nhân dân năm 2026" in lines
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
                    "III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ"):
        assert heading in lines, heading
    # Plan 118's own words, from `Kế hoạch` (sample.PLAN_TEXT), one paragraph per line, each purpose with its dash.
    for key in ("muc_dich", "yeu_cau", "noi_dung_doi_thoai"):
        for line in PLAN_TEXT[key].splitlines():
            assert f"- {line}" in lines, line
    for line in PLAN_TEXT["can_cu_ke_hoach"].splitlines():
        assert line in lines
    assert "- Thời gian: từ 08 giờ 00 đến 11 giờ 30, thứ Sáu, ngày 12 tháng 6 năm 2026." in lines
    assert "- Địa điểm: Nhà văn hóa Tổ dân phố Cẩm Khê A, phường Tứ Minh." in lines
    assert "Tổng số đại biểu dự kiến: 150 đại biểu." in lines
    assert lines.index("I. MỤC ĐÍCH, YÊU CẦU") < lines.index("III. TỔ CHỨC THỰC HIỆN") < lines.index("IV. KINH PHÍ")
    assert "TM. ỦY BAN NHÂN DÂN" in lines and "KT. CHỦ TỊCH" in lines and "Nguyễn Thị Sâm" in lines
    assert "- Bí thư Chi bộ, Tổ trưởng TDP Cẩm Khê A, Cẩm Khê B;" in lines and lines[-1] != ""


def test_every_milestone_under_each_of_its_units_with_its_date(demo_plan):
    book, _, content = demo_plan
    tasks = section(content, "III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ")
    # Each unit's heading "N. Unit", then its tasks "- …": a map from the heading to its lines.
    under: dict[str, list[str]] = {}
    current = None
    for line in tasks.splitlines()[1:]:
        heading = re.fullmatch(r"\d+\. (.+)", line)
        if heading:
            current = heading.group(1)
            under[current] = []
        elif line.startswith("- "):
            under[current].append(line)
    deadlines = plan_deadlines(book, DEMO_TODAY)
    assert len(deadlines.milestones) == len(book.milestones.records) == 13
    chair, office = "Chủ tịch UBND phường", "Văn phòng HĐND và UBND"
    for milestone in deadlines.milestones:
        assert milestone.due is not None
        units = named(milestone.unit, chair, office)
        assert units
        for unit in units:
            assert unit in under, unit
            found = [line for line in under[unit] if line.startswith(f"- {milestone.name}")]
            assert len(found) == 1, (unit, milestone.name)
            assert milestone.due.strftime("%d/%m/%Y") in found[0], found[0]
    # Units in the order the timeline first names them: the office first, as plan 118 has it.
    assert list(under)[0] == "Văn phòng HĐND và UBND"
    assert "- Tổ chức hội nghị đối thoại, ngày 12/06/2026." in under["UBND phường"]


def test_the_programme_and_the_invited(demo_plan):
    book, _, content = demo_plan
    programme = section(content, "4. Chương trình hội nghị", "III. TỔ CHỨC THỰC HIỆN")
    items = items_of(book)
    assert items and all(item.content in programme for item in items)
    positions = [programme.index(item.content) for item in items]
    assert positions == sorted(positions)
    invited = section(content, "- Thành phần mời:", "Tổng số đại biểu dự kiến")
    for group in ("* Đại biểu cấp trên (2 người):", "* Đại biểu phường, xã (23 người):",
                  "* Đại biểu tổ dân phố, thôn (20 người):", "* Nhân dân (105 người):"):
        assert group in invited
    assert "- Ban Tuyên giáo và Dân vận Thành ủy: Phó Trưởng ban, Chuyên viên." in invited
    assert "- Văn phòng HĐND và UBND phường: Chánh Văn phòng, Chuyên viên (3 người);" in invited


def test_the_budget_total_in_figures_and_words(demo_plan):
    _, _, content = demo_plan
    money = section(content, "IV. KINH PHÍ", "Trên đây là Kế hoạch")
    assert money.splitlines()[1] == "Chi từ kinh phí hoạt động năm 2026 của UBND phường Tứ Minh. Dự toán các khoản chi:"
    for item, value in BUDGET:
        assert item in money and f"{value:,}".replace(",", ".") in money
    assert sum(v for _, v in BUDGET) == 5_500_000
    assert "Tổng cộng: 5.500.000 đồng (Năm triệu năm trăm nghìn đồng)." in money.splitlines()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**11), min_size=1, max_size=8))
def test_budget_lines_add_up(values):
    book = make_book({"kinh_phi": [{"stt": n, "noi_dung": f"Khoản {n}", "so_tien": v} for n, v in enumerate(values, 1)]})
    money, problems = budget(book, DEMO_TODAY)
    assert problems == []
    assert [line["so_tien"] for line in money["khoan"]] == [f"{v:,}".replace(",", ".") for v in values]
    assert money["tong_cong"] == amount(sum(values))


def test_amounts_as_offices_type_them_and_a_bad_one():
    book = make_book({"kinh_phi": [{"noi_dung": "Âm thanh", "so_tien": "2.500.000"},
                                   {"noi_dung": "Nước uống", "so_tien": "1,500,000 đồng"},
                                   {"noi_dung": "In ấn", "so_tien": "một triệu"}]})
    money, problems = budget(book, DEMO_TODAY)
    assert money["tong_cong"] == "4.000.000 đồng (Bốn triệu đồng)"
    assert len(problems) == 1 and "một triệu" in problems[0] and "dòng 4" in problems[0]
    from tests.books import findings

    assert [f.cell for f in findings(book, "bad_amount")] == ["C4"]


def test_no_budget_lines_print_only_the_source():
    book = make_book(settings={"nguon_kinh_phi": None, "loai_don_vi": "Xã", "ten_don_vi": "Phong Quang"})
    money, _ = budget(book, DEMO_TODAY)
    assert money == {"nguon": "Chi từ kinh phí hoạt động của UBND xã Phong Quang.", "khoan": [], "tong": "0",
                     "tong_cong": ""}


def test_the_office_edits_the_text_and_a_blank_gets_the_default():
    edited = "Nắm bắt tâm tư của Nhân dân.\n+ Ý thứ hai đã có dấu riêng."
    book = make_book(settings={"muc_dich": edited, "yeu_cau": None})
    context = plan_context(book, dt.date(2026, 5, 15), Notes(), plan_deadlines(book, dt.date(2026, 5, 15)))
    assert context["muc_dich"] == ["- Nắm bắt tâm tư của Nhân dân.", "+ Ý thứ hai đã có dấu riêng."]
    assert context["yeu_cau"] == [f"- {line}" for line in schema.PLAN_REQUIREMENTS.splitlines()]
    assert context["can_cu"] == [schema.PLAN_GROUNDS]


def test_a_plan_waiting_for_its_day_says_when_each_task_falls(tmp_path):
    book = make_book({"moc_thoi_gian": [
        {"moc": "Thông báo công khai", "can_cu": "Ngày hội nghị", "so_ngay": -7, "loai_ngay": "Ngày lịch",
         "don_vi_thuc_hien": "Văn phòng"},
        {"moc": "Hoàn thiện biên bản", "can_cu": "Ngày hội nghị", "so_ngay": 2, "loai_ngay": "Ngày làm việc",
         "don_vi_thuc_hien": "Thư ký; Văn phòng"},
        {"moc": "Gửi văn bản chỉ đạo", "can_cu": "Ngày kế hoạch", "so_ngay": 3, "loai_ngay": "Ngày lịch",
         "don_vi_thuc_hien": "Văn phòng"},
    ]}, settings={"ngay_hoi_nghi": "Quý III/2026"})
    date = dt.date(2026, 5, 15)
    context = plan_context(book, date, Notes(), plan_deadlines(book, date))
    assert context["thoi_gian_hop"] == "Quý III/2026 (thời gian cụ thể sẽ thông báo sau); từ 08 giờ 00 đến 11 giờ 30"
    units = {u["ten"]: [t["noi_dung"] for t in u["viec"]] for u in context["don_vi_thuc_hien"]}
    assert units == {
        "Văn phòng HĐND và UBND": ["Thông báo công khai, chậm nhất 07 ngày trước ngày hội nghị",
                                   "Hoàn thiện biên bản (cùng Thư ký), chậm nhất 02 ngày làm việc sau ngày hội nghị",
                                   "Gửi văn bản chỉ đạo, chậm nhất ngày 18/05/2026"],
        "Thư ký": ["Hoàn thiện biên bản (cùng Văn phòng HĐND và UBND), chậm nhất 02 ngày làm việc sau ngày hội nghị"],
    }


def test_plan_date_blank_is_before_the_first_milestone_and_a_late_one_is_warned(tmp_book, tmp_path):
    def set_plan_date(value):
        def edit(workbook):
            sheet = workbook[schema.SETTINGS_SHEET]
            row = next(r for r in range(1, 200) if sheet.cell(r, 1).value == schema.SETTINGS_BY_KEY["ngay_ke_hoach"].label)
            sheet.cell(row, 2).value = value
        edit_workbook(tmp_book, edit, make_backup=False)

    set_plan_date(None)
    result = plan_of(tmp_book, tmp_path / "a", date=DEMO_TODAY, given_date=False)
    # The first milestone (slips handed out, 18/05/2026) comes before the conference: the plan is dated the day before.
    assert "Tứ Minh, ngày 17 tháng 5 năm 2026" in text(result.files["plan"]).splitlines()
    assert any(line.startswith("Kế hoạch tổ chức hội nghị ghi ngày 17/05/2026") and "Phát phiếu đăng ký" in line
               for line in result.lines), result.lines
    assert any("chưa có “Ngày ban hành kế hoạch”: kế hoạch ghi ngày 17/05/2026" in w for w in result.warnings)
    set_plan_date(dt.datetime(2026, 5, 20))
    result = plan_of(tmp_book, tmp_path / "b")
    assert "Tứ Minh, ngày 20 tháng 5 năm 2026" in text(result.files["plan"]).splitlines()
    assert any("20/05/2026" in w and "Phát phiếu đăng ký phát biểu tới Nhân dân" in w for w in result.warnings)


def test_a_bare_plan_number_gets_its_symbol():
    from doithoai.documents.issuer import issuer_fields

    assert issuer_fields({"so_ke_hoach": "25", "ten_don_vi": "A"}, "plan", DEMO_TODAY)["so_dong"] == "Số: 25/KH-UBND"
    party = {"so_ke_hoach": 63, "khoi_ban_hanh": "Đảng", "ten_don_vi": "A"}
    assert issuer_fields(party, "plan", DEMO_TODAY)["so_dong"] == "Số 63-KH/ĐU"


def test_a_party_presets_plan_is_in_the_party_layout(tmp_path, capsys):
    path = tmp_path / "vinh-bao.xlsm"
    assert main(["new", str(path), "--mau", "dang-uy"]) == 0
    values = {"ten_don_vi": "Vĩnh Bảo", "co_quan_cap_tren": "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "nguoi_ky": "Bùi Thị Lý",
              "so_ke_hoach": "12", "ngay_ke_hoach": dt.datetime(2026, 2, 2), "ngay_hoi_nghi": "Quý III/2026",
              "dia_diem": "Trung tâm Văn hoá Nguyễn Bình Khiêm"}

    def fill(workbook):
        sheet = workbook[schema.SETTINGS_SHEET]
        rows = {sheet.cell(r, 1).value: r for r in range(1, 200)}
        for key, value in values.items():
            sheet.cell(rows[schema.SETTINGS_BY_KEY[key].label], 2).value = value

    edit_workbook(path, fill, make_backup=False)
    result = plan_of(path, tmp_path / "out", date=dt.date(2026, 2, 2))
    document = Document(str(result.files["plan"]))
    lines = [p.text for p in paragraphs(document)]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in lines and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in lines
    assert "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" in lines and "ĐẢNG ỦY XÃ VĨNH BẢO" in lines and "*" in lines
    assert "Số 12-KH/ĐU" in lines
    assert "Vĩnh Bảo, ngày 02 tháng 02 năm 2026" in lines
    assert "T/M BAN THƯỜNG VỤ" in lines and "PHÓ BÍ THƯ" in lines and "Bùi Thị Lý" in lines
    assert lines[lines.index("Nơi nhận:") + 1].splitlines()[-1] == "- Lưu Văn phòng Đảng ủy."
    heading = next(p for p in paragraphs(document) if p.text == "Nơi nhận:")
    assert heading.runs[0].underline
    # Seed 001's own words, from the preset, with the unit filled in.
    preset = load("dang-uy")["settings"]
    content = "\n".join(lines).replace("\u00a0", " ")
    first = preset["muc_dich"].splitlines()[0].replace("{đơn vị}", "xã Vĩnh Bảo")
    assert f"- {first}" in content
    assert "Đảng ủy xã Vĩnh Bảo xây dựng Kế hoạch tổ chức" in content
    assert "Quý III/2026 (thời gian cụ thể sẽ thông báo sau)" in content
    assert "UBND" not in content.split("Nơi nhận:")[0].split("IV. KINH PHÍ")[1]  # the Party's funds, not the committee's


def test_a_given_date_after_the_first_milestone_is_refused_unless_forced(tmp_book, tmp_path):
    from doithoai.core.errors import DoithoaiError

    def clear(workbook):
        sheet = workbook[schema.SETTINGS_SHEET]
        row = next(r for r in range(1, 200) if sheet.cell(r, 1).value == schema.SETTINGS_BY_KEY["ngay_ke_hoach"].label)
        sheet.cell(row, 2).value = None

    edit_workbook(tmp_book, clear, make_backup=False)
    with pytest.raises(DoithoaiError, match="kế hoạch ban hành trước mốc đầu tiên"):
        make_documents(FileWorkbook(tmp_book), ["plan"], tmp_path / "a", pdf=False, date=dt.date(2026, 6, 1))
    forced = make_documents(FileWorkbook(tmp_book), ["plan"], tmp_path / "b", pdf=False, date=dt.date(2026, 6, 1),
                            force_date=True)
    assert "Tứ Minh, ngày 01 tháng 6 năm 2026" in text(forced.files["plan"]).splitlines()
    assert any(w.startswith("Kế hoạch tổ chức hội nghị ghi ngày 01/06/2026, muộn hơn ngày 17/05/2026") for w in forced.warnings)


def test_the_next_conference_keeps_the_plan_and_its_words_but_not_the_reminders_date(demo_path):
    from doithoai.domain.carry import carry_over

    book = read_book(demo_path)
    settings = carry_over(book)["settings"]
    # One plan may set out several conferences (seed 003: June and November): its number and date stay.
    assert (settings["so_ke_hoach"], settings["ngay_ke_hoach"]) == ("118/KH-UBND", dt.date(2026, 5, 15))
    assert settings["muc_dich"] == PLAN_TEXT["muc_dich"] and settings["han_don_doc"] is None


def test_the_next_conference_starts_from_the_budget_lines(demo_path, tmp_path):
    """`new --from` carries the budget lines, as it carries the programme: the office edits the amounts."""
    from doithoai.book.builder import build_workbook
    from doithoai.domain.carry import carry_over

    book = read_book(demo_path)
    lines = [(r.get("noi_dung"), r.get("so_tien")) for r in book.tables["kinh_phi"].records]
    assert lines, "the demo has budget lines"
    target = tmp_path / "ky-sau.xlsx"
    build_workbook(target, data=carry_over(book))
    again = read_book(target)
    assert [(r.get("noi_dung"), r.get("so_tien")) for r in again.tables["kinh_phi"].records] == lines
    money, _ = budget(again, DEMO_TODAY)
    assert money == budget(book, DEMO_TODAY)[0]
