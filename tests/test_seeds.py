"""Every seed plan runs without touching a template: one workbook per plan in ../shared/seeds, from its own data.

Each workbook starts from the preset of its plan's style (`doithoai new --mau`), gets the plan's own unit, dates,
issuing body, signer, recipients, units and programme, then validate, deadlines and every document run on it, and the
documents' text is checked for that plan's wording.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx_reading import text

from doithoai.book.builder import build_workbook
from doithoai.core import schema
from doithoai.core.model import ERROR
from doithoai.core.resources import vba_project
from doithoai.documents.jobs import make_documents
from doithoai.domain.carry import carry_over
from doithoai.domain.deadlines import plan_deadlines
from doithoai.domain.kinds import KINDS
from doithoai.io.access import FileWorkbook
from doithoai.validation.jobs import validate
from doithoai.workflows.presets import load

TODAY = dt.date(2026, 11, 30)


def people(area: str, start: dt.date) -> dict[str, list[dict]]:
    """A handful of delegates, slips, petitions (answered and open) and assignments."""
    delegates = [{"stt": n, "ho_ten": name, "nhom": group, "chuc_vu": role, "don_vi": org, "co_mat": "Có"}
                 for n, (name, group, role, org) in enumerate([
                     ("Trần Văn Bình", 0, "Bí thư chi bộ", f"{area} số 1"), ("Lê Thị Hoa", 1, "Trưởng ban", "Ban công tác Mặt "
                                                                                                            "trận"),
                     ("Phạm Văn Tâm", 2, "", f"{area} số 2"), ("Vũ Thị Mai", 3, "", f"{area} số 3")], 1)]
    slips = [{"ma_phieu": f"P-00{n}", "ngay_nhan": start + dt.timedelta(days=n), "ho_ten": name, "gioi_tinh": sex,
              "nam_sinh": "1970",
              "dia_chi": f"{area} số {n}", "to_dan_pho": f"{area} số {n}", "linh_vuc": "Môi trường",
              "noi_dung": f"Đề nghị nạo vét mương thoát nước {area} số {n}."}
             for n, (name, sex) in enumerate([("Nguyễn Văn An", "Nam"), ("Đỗ Thị Lan", "Nữ"), ("Hoàng Văn Hải", "Nam")], 1)]
    petitions = [
        {"ma_kien_nghi": "KN-001", "ma_phieu": "P-001", "nguon": schema.SOURCE_SLIP, "nguoi_kien_nghi": "Nguyễn Văn An",
         "linh_vuc": "Môi trường", "noi_dung": "Đề nghị nạo vét mương thoát nước.",
         "hinh_thuc_xu_ly": schema.HANDLING_AT_CONFERENCE,
         "noi_dung_tra_loi": "Đã bố trí kinh phí nạo vét trong quý.", "trang_thai": "Đã trả lời"},
        {"ma_kien_nghi": "KN-002", "ma_phieu": "P-002", "nguon": schema.SOURCE_SLIP, "nguoi_kien_nghi": "Đỗ Thị Lan",
         "linh_vuc": "Hạ tầng, giao thông", "noi_dung": "Đề nghị sửa đèn chiếu sáng.", "hinh_thuc_xu_ly": schema.HANDLING_LATER,
         "trang_thai": "Đang xử lý"},
        {"ma_kien_nghi": "KN-003", "nguon": schema.SOURCE_MTTQ, "nguoi_kien_nghi": "Ủy ban MTTQ", "linh_vuc": "Đất đai",
         "noi_dung": "Đề nghị công khai quy hoạch sử dụng đất.", "hinh_thuc_xu_ly": schema.HANDLING_UPWARD,
         "trang_thai": "Chưa xử lý"},
        {"ma_kien_nghi": "KN-004", "ma_phieu": "P-003", "nguon": schema.SOURCE_SLIP, "nguoi_kien_nghi": "Hoàng Văn Hải",
         "linh_vuc": "Chính sách xã hội", "noi_dung": "Hỏi về chế độ người cao tuổi.",
         "hinh_thuc_xu_ly": schema.HANDLING_AT_CONFERENCE,
         "noi_dung_tra_loi": "Đã hướng dẫn hồ sơ hưởng trợ cấp.", "trang_thai": "Đã trả lời"},
    ]
    return {"dai_bieu": delegates, "phieu": slips, "kien_nghi": petitions}


def seed_book(tmp_path: Path, name: str, preset: str, settings: dict, units: list[str], groups: list[str],
              area: str, programme: list | None = None) -> Path:
    data = load(preset)
    # Letters for every answer, those given at the conference too, so each seed's letter wording is checked.
    data["settings"]["tra_loi_ca_tai_hoi_nghi"] = "Có"
    data["settings"].update(settings)
    data["lists"]["don_vi"] = tuple(units)
    data["lists"]["nhom_dai_bieu"] = tuple(groups)
    start = settings["ngay_ke_hoach"]
    tables = people(area, start)
    for record in tables["dai_bieu"]:
        record["nhom"] = groups[record["nhom"]]
    tables["phan_cong"] = [
        {"ma_kien_nghi": "KN-001", "don_vi": units[0], "vai_tro": schema.ROLE_LEAD, "ngay_giao": start + dt.timedelta(days=5)},
        {"ma_kien_nghi": "KN-002", "don_vi": units[1], "vai_tro": schema.ROLE_LEAD, "ngay_giao": start + dt.timedelta(days=5)},
        {"ma_kien_nghi": "KN-002", "don_vi": units[0], "vai_tro": schema.ROLE_SUPPORT, "ngay_giao": start + dt.timedelta(days=5)},
    ]
    data["tables"].update(tables)
    if programme is not None:
        data["tables"]["chuong_trinh"] = programme
    path = tmp_path / f"{name}.xlsm"
    build_workbook(path, data=data, vba_project=vba_project())
    return path


def run_everything(path: Path, out: Path) -> tuple[dict[str, str], list, object]:
    """validate (no errors), deadlines, every document kind: (kind -> text of its documents), findings, deadline plan."""
    access = FileWorkbook(path)
    checked = validate(access, write=False, today=TODAY)
    errors = [f for f in checked.findings if f.severity == ERROR]
    assert errors == [], [f"{f.cell}: {f.message}" for f in errors]
    plan = plan_deadlines(access.read(), TODAY)
    assert [f for f in plan.findings if f.severity == ERROR] == []
    result = make_documents(access, list(KINDS), out=out, pdf=False, today=TODAY)  # every kind, each dated from its milestone
    texts = {kind: text(file) for kind, file in result.files.items() if Path(file).suffix == ".docx"}
    texts["letters"] = "\n".join(text(f) for f in result.letter_files) if result.letter_files else texts.get("letters", "")
    assert set(KINDS) <= set(texts), set(KINDS) - set(texts)
    return texts, checked.findings, plan


def everywhere(texts: dict[str, str]) -> str:
    return "\n".join(texts.values())


SIGNED = ("memo", "report", "letters", "invitations", "announcement", "notice", "report_upward")


def test_seed_000_ward_government(tmp_path):
    path = seed_book(tmp_path, "tu-minh", "chinh-quyen-phuong", {
        "ten_don_vi": "Tứ Minh", "loai_don_vi": "Phường", "tinh": "Thành phố Hải Phòng", "so_ke_hoach": "118/KH-UBND",
        "ngay_ke_hoach": dt.date(2026, 5, 15), "ngay_hoi_nghi": dt.date(2026, 6, 12), "dia_diem": "Nhà văn hóa Tổ dân phố Cẩm "
                                                                                                  "Khê A",
        "nguoi_ky": "Nguyễn Thị Sâm", "chuc_vu_ky": "PHÓ CHỦ TỊCH", "tham_quyen_ky": "KT.", "so_bao_cao": "125"},
        ["Văn phòng HĐND và UBND", "Công an phường", "Phòng Văn hóa - Xã hội"],
        ["Đại biểu thành phố", "Đại biểu phường", "Đại biểu Tổ dân phố", "Nhân dân"], "Tổ dân phố Cẩm Khê")
    texts, _, _ = run_everything(path, tmp_path / "out")
    for kind in SIGNED:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts[kind] and "Độc lập - Tự do - Hạnh phúc" in texts[kind], kind
        assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in texts[kind], kind
    assert "Số: 125/BC-UBND" in texts["report"]
    assert "Hội nghị đối thoại giữa Chủ tịch UBND phường Tứ Minh với Nhân dân năm 2026" in texts["agenda"]
    assert "Số:" not in texts["agenda"] and "/GM-UBND" not in texts["agenda"]


def test_seed_001_party_led_commune(tmp_path):
    path = seed_book(tmp_path, "vinh-bao", "dang-uy", {
        "ten_don_vi": "Vĩnh Bảo", "loai_don_vi": "Xã", "co_quan_cap_tren": "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
        "tinh": "Thành phố Hải Phòng", "ngay_ke_hoach": dt.date(2026, 2, 2), "ngay_hoi_nghi": "Quý III/2026",
        "dia_diem": "Trung tâm Văn hoá Nguyễn Bình Khiêm", "nguoi_ky": "Bùi Thị Lý", "so_bao_cao": "12"},
        ["Ban Xây dựng Đảng", "Văn phòng Đảng ủy", "Công an xã", "Ủy ban MTTQ Việt Nam xã"],
        ["Đại biểu thành phố", "Đại biểu xã", "Đại biểu thôn", "Nhân dân"], "Thôn")
    texts, findings, plan = run_everything(path, tmp_path / "out")
    assert any(f.code == "conference_date_pending" for f in findings)
    waiting = [f for f in plan.findings if f.code == "conference_date_pending"]
    assert waiting and "Tổ chức hội nghị đối thoại" in waiting[0].message
    for kind, body in texts.items():
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in body, kind
        assert "CỘNG HÒA XÃ HỘI" not in body and "Độc lập - Tự do - Hạnh phúc" not in body, kind
        assert "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\nĐẢNG ỦY XÃ VĨNH BẢO\n*" in body, kind
    for kind in SIGNED:
        assert "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ" in texts[kind] and "Lưu Văn phòng Đảng ủy." in texts[kind], kind
        assert "TM. ỦY BAN NHÂN DÂN" not in texts[kind]
    assert "Số 12-BC/ĐU" in texts["report"]
    assert re.search(r"Số +-GM/ĐU", texts["invitations"])
    assert "UBND-" not in everywhere(texts) and "-UBND" not in everywhere(texts)
    assert "Quý III/2026 (thời gian cụ thể sẽ thông báo sau)" in texts["invitations"]
    commune_words(texts)


def commune_words(texts: dict[str, str]) -> None:
    body = everywhere(texts)
    assert "Tứ Minh" not in body and "118/KH" not in body
    assert "phường" not in body.casefold(), [line for line in body.splitlines() if "phường" in line.casefold()][:5]


SEED_002_ITEMS = 8


def test_seed_002_mass_organisations(tmp_path):
    path = seed_book(tmp_path, "viet-hoa", "doan-the", {
        "ten_don_vi": "Việt Hòa", "loai_don_vi": "Phường", "tinh": "Thành phố Hải Phòng", "ngay_ke_hoach": dt.date(2025, 10, 10),
        "ngay_hoi_nghi": dt.date(2025, 11, 7), "dia_diem": "Hội trường trung tâm phường Việt Hòa", "nguoi_ky": "Nguyễn Văn Huy",
        "chuc_vu_ky": "PHÓ CHỦ TỊCH", "tham_quyen_ky": "KT.", "so_dai_bieu_du_kien": 4},
        ["Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Công an phường"],
        ["Đại biểu thành phố", "Đại biểu phường", "Chi hội trưởng, Bí thư chi đoàn", "Hội viên, đoàn viên"], "Chi hội")
    texts, _, _ = run_everything(path, tmp_path / "out")
    for kind in ("report", "memo", "notice", "invitations", "announcement"):
        assert "hội viên, đoàn viên" in texts[kind], kind
    assert "Nhân dân" not in texts["notice"]
    agenda = texts["agenda"]
    assert "với hội viên, đoàn viên thuộc các tổ chức chính trị - xã hội năm 2025" in agenda
    items = [row["noi_dung"] for row in load("doan-the")["tables"]["chuong_trinh"]]
    assert len(items) == SEED_002_ITEMS
    positions = [agenda.find(item) for item in items]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "Kết luận buổi tiếp xúc, đối thoại" in agenda


def test_seed_003_two_conferences_continue_numbers_and_carry_open_petitions(tmp_path):
    settings = {"ten_don_vi": "Đức Thắng", "loai_don_vi": "Phường", "tinh": "Thành phố Hà Nội",
                "ngay_ke_hoach": dt.date(2024, 5, 20),
                "ngay_hoi_nghi": dt.date(2024, 6, 20), "dia_diem": "Hội trường Đảng ủy - UBND phường Đức Thắng",
                "ten_van_phong": "Văn phòng UBND", "nguoi_ky": "Đặng Trần Phi", "chuc_vu_ky": "CHỦ TỊCH",
                "tham_quyen_ky": schema.SIGN_DIRECT, "so_tra_loi_tiep_theo": 31}
    june = seed_book(tmp_path, "duc-thang-6", "chinh-quyen-phuong", settings,
                     ["Văn phòng UBND", "Công an phường", "Công chức văn hóa - xã hội"],
                     ["Đại biểu quận", "Đại biểu phường", "Đại biểu tổ dân phố", "Nhân dân"], "Tổ dân phố")
    texts, _, _ = run_everything(june, tmp_path / "out6")
    assert "Văn phòng UBND" in texts["memo"] and "Văn phòng HĐND" not in texts["memo"]
    assert "\nCHỦ TỊCH\n" in texts["report"] and "TM. ỦY BAN NHÂN DÂN" not in texts["report"]
    first = FileWorkbook(june).read()
    june_numbers = sorted(str(r.get("so_van_ban_tra_loi")) for r in first.petitions if r.get("so_van_ban_tra_loi"))
    assert june_numbers == ["31/UBND-VP", "32/UBND-VP"]

    from doithoai.workflows.new_workbook import new_from

    november, lines = new_from(tmp_path / "duc-thang-11.xlsm", previous=june)
    assert any("đánh số tiếp từ số 33" in line for line in lines)
    second = FileWorkbook(november).read()
    assert second.settings["ngay_hoi_nghi"] is None and second.settings["ten_van_phong"] == "Văn phòng UBND"
    carried = {str(r.get("ma_kien_nghi")): r for r in second.petitions}
    assert set(carried) == {"KN-002", "KN-003"}  # the open ones, original codes kept
    assert all(r.get("nguon") == schema.SOURCE_CARRIED for r in carried.values())
    assert "mã cũ KN-002" in str(carried["KN-002"].get("ket_qua"))
    assert [str(r.get("ma_kien_nghi")) for r in second.assignments] == ["KN-002", "KN-002"]
    assert len(second.delegates) == len(first.delegates) and len(second.slips) == 0
    assert [r.get("noi_dung") for r in second.programme] == [r.get("noi_dung") for r in first.programme]

    # November: the day is set, the carried petitions get their answers; the letters continue June's numbers.
    import openpyxl

    workbook = openpyxl.load_workbook(november, keep_vba=True)
    plan_sheet = workbook[schema.SETTINGS_SHEET]
    plan_sheet.cell(second.settings_rows["ngay_hoi_nghi"], 2).value = dt.datetime(2024, 11, 20)
    sheet = workbook[schema.PETITIONS.name]
    answer = second.petitions.columns["noi_dung_tra_loi"]
    for record in second.petitions:
        sheet.cell(record.row, answer).value = "UBND phường đã chỉ đạo giải quyết."
    workbook.save(november)
    texts, _, _ = run_everything(november, tmp_path / "out11")
    numbers = sorted(str(r.get("so_van_ban_tra_loi")) for r in FileWorkbook(november).read().petitions)
    assert numbers == ["33/UBND-VP", "34/UBND-VP"]
    assert "Số: 33/UBND-VP" in texts["letters"] and "KN-002" in texts["report"]


def test_seed_004_co_chaired_commune(tmp_path):
    steps = load("xa-dong-chu-tri")["tables"]["chuong_trinh"]
    path = seed_book(tmp_path, "phong-quang", "xa-dong-chu-tri", {
        "ten_don_vi": "Phong Quang", "loai_don_vi": "Xã", "tinh": "tỉnh Thái Nguyên", "ngay_ke_hoach": dt.date(2026, 1, 22),
        "ngay_hoi_nghi": "Quý II/2026", "dia_diem": "Hội trường trụ sở UBND xã Phong Quang", "nguoi_ky": "Nguyễn Ánh Xuân"},
        ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Công an xã"],
        ["Đại biểu tỉnh", "Đại biểu xã", "Bí thư chi bộ, Trưởng thôn", "Người có uy tín, đại diện hộ gia đình"], "Thôn")
    texts, _, _ = run_everything(path, tmp_path / "out")
    co_chairs = "Chủ tịch UBND xã Phong Quang cùng Thường trực HĐND xã Phong Quang"
    for kind in ("notice", "invitations", "announcement", "report_upward"):
        assert co_chairs in texts[kind], kind
    title = "Tiếp xúc, đối thoại trực tiếp của Lãnh đạo xã Phong Quang với Nhân dân năm 2026"
    assert title.casefold() in texts["agenda"].casefold()
    assert len(steps) == 8
    positions = [texts["agenda"].find(step["noi_dung"]) for step in steps]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in texts["notice"]
    commune_words(texts)


@pytest.mark.parametrize("preset", ["chinh-quyen-phuong", "chinh-quyen-xa", "dang-uy", "doan-the", "xa-dong-chu-tri"])
def test_new_workbooks_are_neutral(tmp_path, preset):
    """No ward's name, plan number or KH 118 note in a new workbook, whatever the preset."""
    from doithoai.io.reader import read_sheets
    from doithoai.workflows.new_workbook import new_from

    path, _ = new_from(tmp_path / "moi.xlsm", preset=preset)
    cells = "\n".join(str(v) for rows in read_sheets(path).values() for row in rows for v in row if v is not None)
    for word in ("Tứ Minh", "118/KH", "KH 118", "Cẩm Khê"):
        assert word not in cells, word


def test_blank_template_is_neutral():
    from doithoai.core.resources import workbook_template
    from doithoai.io.reader import read_sheets

    cells = "\n".join(str(v) for rows in read_sheets(workbook_template()).values() for row in rows for v in row if v is not None)
    for word in ("Tứ Minh", "118/KH", "KH 118", "Cẩm Khê", "Công an phường"):
        assert word not in cells, word


def test_carry_over_keeps_counters_past_every_used_number():
    from books import make_book

    book = make_book({"kien_nghi": [{"ma_kien_nghi": "KN-001", "nguon": schema.SOURCE_MTTQ, "nguoi_kien_nghi": "A",
                                     "linh_vuc": "Khác", "noi_dung": "x", "so_van_ban_tra_loi": "57/UBND-VP",
                                     "trang_thai": "Đã trả lời"}]}, {"so_tra_loi_tiep_theo": 12})
    data = carry_over(book)
    assert data["settings"]["so_tra_loi_tiep_theo"] == 58
    assert data["tables"]["kien_nghi"] == []  # answered: stays with its conference
    assert schema.SOURCE_CARRIED in data["lists"]["nguon"]
