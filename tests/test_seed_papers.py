"""The five seed plans' papers read as their offices wrote them (issue 24).

Each workbook starts from its kind's preset (`doithoai new --mau`), filled as its seed plan in ../shared/seeds describes
it (unit, issuing body, chairs, dates or period, delegates with their posts and units, petitions from people and
organisations, the district a ward reports to), and every document of a run is read back and checked for the defects
five offices found: capitals lost or added, an hour before a period, "Từ … đến …", "Khác" as a field, abbreviations read
aloud, a carried petition's origin, hosts invited, organisations without their unit, addressees and recipients.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx_reading import text

from doithoai.book.builder import build_workbook
from doithoai.core import schema
from doithoai.core.resources import vba_project
from doithoai.documents.jobs import make_documents
from doithoai.domain.kinds import default_kinds
from doithoai.io.access import FileWorkbook
from doithoai.workflows.presets import load

TODAY = dt.date(2026, 11, 30)
UPWARD_ANSWER = "Thành phố đã đưa nội dung vào kế hoạch năm 2027."


def _delegates(rows: list[tuple[str, str, str, str, str]]) -> list[dict]:
    """(name, sex, group, post, unit) -> `Đại biểu` rows."""
    return [{"stt": n, "ho_ten": name, "gioi_tinh": sex, "nhom": group, "chuc_vu": post, "don_vi": unit, "co_mat": "Có"}
            for n, (name, sex, group, post, unit) in enumerate(rows, 1)]


def _petitions(area: str, organisations: list[str], fields: tuple[str, str]) -> tuple[list[dict], list[dict]]:
    """Slips and petitions: a citizen answered at the conference, one answered later with a period to solve it in, a
    matter sent upward with the answer on record and one without, an opinion in "Khác", one from each organisation."""
    slips = [{"ma_phieu": f"P-00{n}", "ngay_nhan": dt.date(2026, 1, 10) + dt.timedelta(days=n), "ho_ten": name,
              "gioi_tinh": sex, "dia_chi": f"{area}", "to_dan_pho": area, "linh_vuc": fields[0],
              "noi_dung": f"Đề nghị nạo vét kênh mương nội đồng {n}."}
             for n, (name, sex) in enumerate([("Nguyễn Văn An", "Nam"), ("Đỗ Thị Lan", "Nữ")], 1)]
    petitions = [
        {"ma_kien_nghi": "KN-001", "ma_phieu": "P-001", "nguon": schema.SOURCE_SLIP, "nguoi_kien_nghi": "Nguyễn Văn An",
         "linh_vuc": fields[0], "noi_dung": "Đề nghị nạo vét kênh mương nội đồng.",
         "hinh_thuc_xu_ly": schema.HANDLING_AT_CONFERENCE, "noi_dung_tra_loi": "Đã bố trí kinh phí nạo vét.",
         "trang_thai": "Đã trả lời"},
        {"ma_kien_nghi": "KN-002", "ma_phieu": "P-002", "nguon": schema.SOURCE_SLIP, "nguoi_kien_nghi": "Đỗ Thị Lan",
         "linh_vuc": fields[1], "noi_dung": "Đề nghị hỗ trợ tiêu thụ sản phẩm OCOP.", "hinh_thuc_xu_ly": schema.HANDLING_LATER,
         "thoi_gian_giai_quyet": "Quý I/2027", "trang_thai": "Đang xử lý"},
        {"ma_kien_nghi": "KN-003", "nguon": schema.SOURCE_MTTQ, "nguoi_kien_nghi": "Ủy ban MTTQ", "linh_vuc": "Đất đai",
         "noi_dung": "Đề nghị công khai quy hoạch sử dụng đất.", "hinh_thuc_xu_ly": schema.HANDLING_UPWARD,
         "cap_giai_quyet": "Thành phố", "noi_dung_tra_loi": UPWARD_ANSWER, "trang_thai": "Đã chuyển cấp trên"},
        {"ma_kien_nghi": "KN-004", "nguon": schema.SOURCE_MTTQ, "nguoi_kien_nghi": "Ủy ban MTTQ", "linh_vuc": "Đất đai",
         "noi_dung": "Đề nghị điều chỉnh giá đất bồi thường.", "hinh_thuc_xu_ly": schema.HANDLING_UPWARD,
         "cap_giai_quyet": "Thành phố", "trang_thai": "Chưa xử lý"},
        {"ma_kien_nghi": "KN-005", "nguon": schema.SOURCE_MTTQ, "nguoi_kien_nghi": "Ủy ban MTTQ", "linh_vuc": "Khác",
         "noi_dung": "Đề nghị lắp thêm loa truyền thanh.", "hinh_thuc_xu_ly": schema.HANDLING_AT_CONFERENCE,
         "noi_dung_tra_loi": "Đã lắp trong tháng.", "trang_thai": "Đã trả lời"},
    ]
    for n, organisation in enumerate(organisations, 6):
        petitions.append({"ma_kien_nghi": f"KN-{n:03d}", "nguon": schema.SOURCE_ORGANISATION, "nguoi_kien_nghi": organisation,
                          "linh_vuc": fields[1], "noi_dung": f"Đề nghị mở lớp tập huấn cho hội viên {n}.",
                          "hinh_thuc_xu_ly": schema.HANDLING_LATER, "noi_dung_tra_loi": "Đã mở lớp trong tháng 12.",
                          "trang_thai": "Đã trả lời"})
    return slips, petitions


def _book(tmp_path: Path, name: str, preset: str, settings: dict, units: list[str], groups: list[str],
          delegates: list[tuple[str, str, str, str, str]], area: str, organisations: list[str],
          fields: tuple[str, str] = ("Môi trường", "Nông nghiệp, OCOP")) -> Path:
    data = load(preset)
    data["settings"].update({"tra_loi_ca_tai_hoi_nghi": "Có", **settings})
    data["lists"]["don_vi"] = tuple(units)
    data["lists"]["nhom_dai_bieu"] = tuple(groups)
    data["lists"]["linh_vuc"] = ("Đất đai", "Môi trường", "Nông nghiệp, OCOP", "Hạ tầng, giao thông", "Khác")
    slips, petitions = _petitions(area, organisations, fields)
    data["tables"].update({"dai_bieu": _delegates(delegates), "phieu": slips, "kien_nghi": petitions, "phan_cong": [
        {"ma_kien_nghi": "KN-002", "don_vi": units[1], "vai_tro": schema.ROLE_LEAD, "ngay_giao": dt.date(2026, 1, 25)}]})
    path = tmp_path / f"{name}.xlsm"
    build_workbook(path, data=data, vba_project=vba_project())
    return path


def _run(path: Path, out: Path):
    result = make_documents(FileWorkbook(path), default_kinds(), out=out, pdf=False, today=TODAY)
    texts = {kind: text(file) for kind, file in result.files.items() if Path(file).suffix == ".docx"}
    texts["letters"] = "\n".join(text(f) for f in result.letter_files)
    texts["loudspeaker"] = "\n".join(p.read_text(encoding="utf-8-sig") for p in result.texts)
    return texts, result


def _check(texts: dict[str, str], settings: dict, plan_list: str) -> None:
    """The text check every seed's papers pass."""
    everything = "\n".join(texts.values())
    place = settings["ten_don_vi"]
    assert place.lower() not in everything and f"{settings['loai_don_vi']} {place}" not in everything.replace(
        f"{settings['loai_don_vi'].upper()} {place.upper()}", ""), "the typed place name keeps its capitals"
    province = settings.get("tinh", "")
    if province:
        assert province.split(" ", 1)[1].lower() not in everything  # "hải phòng", "thái nguyên"
    assert not re.search(r"quý [ivx]+/", everything) and "ocop" not in everything
    assert "Lĩnh vực nông nghiệp, OCOP" in texts["notice"] and "trong quý I/2027" in texts["notice"]
    # The time: "Từ 08 giờ 00 đến 11 giờ 30, thứ …"; a period never after an hour, no hour after a period.
    assert not re.search(r"\d\d giờ \d\d, thứ [^\n]* đến \d\d giờ", everything)
    assert not re.search(r"giờ \d\d, (Quý|quý|trước)", everything) and "(thời gian cụ thể sẽ thông báo sau) đến" not in everything
    # "Khác" is not a field; the loudspeaker reads names in full.
    assert "; khác" not in texts["announcement"] and "khác và" not in texts["announcement"]
    assert not re.search(r"\b(UBND|HĐND|MTTQ)\b", texts["loudspeaker"])
    # The tool's carry note is never printed.
    assert "Chuyển từ kỳ trước" not in everything and "mã cũ" not in everything
    # Addressees and recipients.
    assert "Kính gửi:" in texts["report_upward"] and "Kính gửi:" in texts["memo"]
    party = settings.get("khoi_ban_hanh") == schema.ISSUER_PARTY
    assert ("- Như trên," if party else "- Như trên;") in texts["memo"].split("Nơi nhận:")[1]
    for kind in ("invitations", "memo"):
        for line in plan_list.splitlines():
            if "b/c" in line:
                assert line not in texts[kind], (kind, line)
    for kind in ("report", "memo", "invitations", "announcement", "minutes", "notice", "letters", "report_upward"):
        recipients = texts[kind].split("Nơi nhận:")[-1]
        for line in recipients.splitlines():
            if re.search(r"MTTQ( VN| Việt Nam)?\s*(phường|xã)?\s*(\(|[;,.]?$)", line) and "các đoàn thể" not in line:
                assert place in line, (kind, line)
    assert "Kính gửi: Ủy ban MTTQ" not in texts["letters"]
    assert "Kính gửi: Ủy ban Mặt trận Tổ quốc Việt Nam " + f"{settings['loai_don_vi'].lower()} {place}" in texts["letters"]
    # The notice: the answer on record for a matter sent upward, the issuing body named (a Party notice: not "UBND").
    assert f"Kết luận: {UPWARD_ANSWER}" in texts["notice"]
    assert "UBND tổng hợp" not in texts["notice"]
    if party:
        assert "Đảng ủy " + f"{settings['loai_don_vi'].lower()} {place} tổng hợp, báo cáo thành phố" in texts["notice"]


SEEDS = {
    "000-tu-minh": dict(
        preset="chinh-quyen-phuong",
        settings={"ten_don_vi": "Tứ Minh", "loai_don_vi": "Phường", "tinh": "Thành phố Hải Phòng", "so_ke_hoach": "118/KH-UBND",
                  "ngay_ke_hoach": dt.date(2026, 5, 15), "ngay_hoi_nghi": dt.date(2026, 6, 12),
                  "dia_diem": "Nhà văn hóa Tổ dân phố Cẩm Khê A", "nguoi_ky": "Nguyễn Thị Sâm", "chuc_vu_ky": "PHÓ CHỦ TỊCH",
                  "tham_quyen_ky": "KT.", "so_bao_cao": "125"},
        units=["Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"],
        groups=["Đại biểu thành phố", "Đại biểu phường", "Đại biểu Tổ dân phố", "Nhân dân"],
        delegates=[("Nguyễn Hồng Linh", "Nam", "Đại biểu phường", "Chủ tịch UBND phường", "UBND phường Tứ Minh"),
                   ("Nguyễn Thị Sâm", "Nữ", "Đại biểu phường", "Phó Chủ tịch UBND phường", "UBND phường Tứ Minh"),
                   ("Phạm Văn Hùng", "Nam", "Đại biểu phường", "Trưởng Công an phường", "Công an phường Tứ Minh"),
                   ("Lê Thị Hoa", "Nữ", "Đại biểu Tổ dân phố", "Tổ trưởng", "Tổ dân phố Cẩm Khê A")],
        area="Tổ dân phố Cẩm Khê A", organisations=["Hội Liên hiệp Phụ nữ phường"]),
    "001-vinh-bao": dict(
        preset="dang-uy",
        settings={"ten_don_vi": "Vĩnh Bảo", "loai_don_vi": "Xã", "co_quan_cap_tren": "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
                  "tinh": "Thành phố Hải Phòng", "ngay_ke_hoach": dt.date(2026, 2, 2), "ngay_hoi_nghi": "Quý III/2026",
                  "dia_diem": "Trung tâm Văn hoá Nguyễn Bình Khiêm", "nguoi_ky": "Bùi Thị Lý", "so_bao_cao": "12",
                  "khoi_ban_hanh": schema.ISSUER_PARTY},
        units=["Ban Xây dựng Đảng", "Văn phòng Đảng ủy", "Công an xã"],
        groups=["Đại biểu thành phố", "Đại biểu xã", "Đại biểu thôn", "Nhân dân"],
        delegates=[("Nguyễn Văn Hùng", "Nam", "Đại biểu xã", "Bí thư Đảng ủy xã", "Đảng ủy xã Vĩnh Bảo"),
                   ("Bùi Thị Lý", "Nữ", "Đại biểu xã", "Phó Bí thư Thường trực Đảng ủy", "Đảng ủy xã Vĩnh Bảo"),
                   ("Đào Trọng Đức", "Nam", "Đại biểu thành phố", "Phó Chủ tịch Thường trực HĐND thành phố",
                    "HĐND thành phố Hải Phòng"),
                   ("Trần Văn Tâm", "Nam", "Đại biểu thôn", "Bí thư chi bộ", "Thôn Đông")],
        area="Thôn Đông", organisations=["Hội Nông dân xã"]),
    "002-viet-hoa": dict(
        preset="doan-the",
        settings={"ten_don_vi": "Việt Hòa", "loai_don_vi": "Phường", "tinh": "Thành phố Hải Phòng",
                  "ngay_ke_hoach": dt.date(2025, 10, 10), "ngay_hoi_nghi": dt.date(2025, 11, 7),
                  "dia_diem": "Hội trường trung tâm phường Việt Hòa", "nguoi_ky": "Nguyễn Văn Huy", "chuc_vu_ky": "PHÓ CHỦ TỊCH",
                  "tham_quyen_ky": "KT."},
        units=["Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"],
        groups=["Đại biểu thành phố", "Đại biểu phường", "Chi hội trưởng, Bí thư chi đoàn", "Hội viên, đoàn viên"],
        delegates=[("Vũ Minh Khang", "Nam", "Đại biểu phường", "Chủ tịch UBND phường", "UBND phường Việt Hòa"),
                   ("Hoàng Thị Yến", "Nữ", "Chi hội trưởng, Bí thư chi đoàn", "Chi hội trưởng", "Chi hội Phụ nữ khu 3")],
        area="Khu dân cư số 3", organisations=["Hội Liên hiệp Phụ nữ phường", "Hội Nông dân phường"]),
    "003-duc-thang": dict(
        preset="chinh-quyen-phuong",
        settings={"ten_don_vi": "Đức Thắng", "loai_don_vi": "Phường", "tinh": "Thành phố Hà Nội",
                  "ngay_ke_hoach": dt.date(2024, 5, 20), "ngay_hoi_nghi": dt.date(2024, 6, 20),
                  "dia_diem": "Hội trường Đảng ủy - UBND phường Đức Thắng", "ten_van_phong": "Văn phòng UBND",
                  "nguoi_ky": "Đặng Trần Phi", "chuc_vu_ky": "CHỦ TỊCH", "tham_quyen_ky": schema.SIGN_DIRECT,
                  "kinh_gui_bao_cao_ket_qua": "- Thường trực HĐND quận Bắc Từ Liêm;\n- UBND quận Bắc Từ Liêm;\n"
                                              "- Chủ tịch UBND quận Bắc Từ Liêm;\n- Thường trực Đảng ủy {đơn vị}."},
        units=["Văn phòng UBND", "Công an phường", "Công chức văn hóa - xã hội"],
        groups=["Đại biểu quận", "Đại biểu phường", "Đại biểu tổ dân phố", "Nhân dân"],
        delegates=[("Đặng Trần Phi", "Nam", "Đại biểu phường", "Chủ tịch UBND phường", "UBND phường Đức Thắng"),
                   ("Ngô Văn Sơn", "Nam", "Đại biểu phường", "Trưởng Công an phường", "Công an phường Đức Thắng")],
        area="Tổ dân phố số 5", organisations=["Hội Cựu chiến binh phường"]),
    "004-phong-quang": dict(
        preset="xa-dong-chu-tri",
        settings={"ten_don_vi": "Phong Quang", "loai_don_vi": "Xã", "tinh": "tỉnh Thái Nguyên",
                  "ngay_ke_hoach": dt.date(2026, 1, 22), "ngay_hoi_nghi": "Quý II/2026",
                  "dia_diem": "Hội trường trụ sở UBND xã Phong Quang", "nguoi_ky": "Nguyễn Ánh Xuân"},
        units=["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Công an xã"],
        groups=["Đại biểu tỉnh", "Đại biểu xã", "Bí thư chi bộ, Trưởng thôn, Trưởng ban công tác Mặt trận",
                "Người có uy tín, đại diện hộ gia đình"],
        delegates=[("Nguyễn Ánh Xuân", "Nữ", "Đại biểu xã", "Chủ tịch UBND xã", "UBND xã Phong Quang"),
                   ("Hà Văn Tuấn", "Nam", "Đại biểu xã", "Chủ tịch HĐND xã", "HĐND xã Phong Quang"),
                   ("Lý Thị Mến", "Nữ", "Đại biểu xã", "Phó Chủ tịch HĐND xã", "HĐND xã Phong Quang"),
                   ("Lò Văn Kiên", "Nam", "Đại biểu xã", "Trưởng Công an xã", "Công an xã Phong Quang"),
                   ("Hoàng Văn Páo", "Nam", "Người có uy tín, đại diện hộ gia đình", "Người có uy tín", "Thôn Khuổi Tát")],
        area="Thôn Khuổi Tát", organisations=["Hội Nông dân xã"]),
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_papers_read_as_the_office_wrote_them(tmp_path, seed):
    spec = SEEDS[seed]
    path = _book(tmp_path, seed, spec["preset"], spec["settings"], spec["units"], spec["groups"], spec["delegates"],
                 spec["area"], spec["organisations"])
    texts, result = _run(path, tmp_path / "out")
    settings = {**load(spec["preset"])["settings"], **spec["settings"]}
    _check(texts, settings, load(spec["preset"])["settings"].get("noi_nhan", ""))
    invited = texts["invitations"]
    for organisation in spec["organisations"]:  # letters to the unit's organisations name the unit
        assert f"Kính gửi: {organisation} {spec['settings']['ten_don_vi']}" in texts["letters"], organisation
    if isinstance(spec["settings"]["ngay_hoi_nghi"], str):  # a period: no hour, and the run says what waits for the day
        assert f"1. Thời gian: {spec['settings']['ngay_hoi_nghi']} (thời gian cụ thể sẽ thông báo sau)." in texts["announcement"]
        assert any("thông báo tổ chức hội nghị" in w for w in result.warnings), result.warnings
    else:
        assert re.search(r"1\. Thời gian: Từ 08 giờ 00 đến 11 giờ 30, thứ \w+, ngày", texts["announcement"])
    if seed == "001-vinh-bao":
        assert "Kính gửi: Ban Thường vụ Thành ủy Hải Phòng." in texts["report_upward"]
        assert "kính mời: Ông Nguyễn Văn Hùng" not in invited  # the Party chair, who is also Chairman, hosts
        assert "kính mời: Ông Trần Văn Tâm" in invited
    if seed == "003-duc-thang":
        assert ("Kính gửi: Thường trực HĐND quận Bắc Từ Liêm;\n- UBND quận Bắc Từ Liêm;\n- Chủ tịch UBND quận Bắc Từ Liêm;\n"
                "- Thường trực Đảng ủy phường Đức Thắng.") in texts["report_upward"]
        assert "Chức vụ, đơn vị: Trưởng Công an phường Đức Thắng" in invited
    if seed == "004-phong-quang":
        invitees = "\n".join(line for line in invited.splitlines() if "trân trọng kính mời:" in line)
        assert "Ông Lò Văn Kiên" in invitees and "Ông Hoàng Văn Páo" in invitees
        for host in ("Hà Văn Tuấn", "Lý Thị Mến", "Nguyễn Ánh Xuân"):  # the co-chairing Thường trực HĐND, the chair
            assert host not in invitees, host
        assert "Chức vụ, đơn vị: Trưởng Công an xã Phong Quang\n" in invited
        assert "- UB MTTQ VN xã Phong Quang (giám sát);" in texts["notice"]
    if seed == "000-tu-minh":
        assert "- Ủy ban nhân dân thành phố Hải Phòng." in texts["report_upward"]


def test_the_next_conference_letter_names_the_earlier_conference(tmp_path):
    """Seed 003: June's open petition answered in November; its letter says it was raised in June."""
    import openpyxl

    from doithoai.workflows.new_workbook import new_from

    spec = SEEDS["003-duc-thang"]
    june = _book(tmp_path, "june", spec["preset"], spec["settings"], spec["units"], spec["groups"], spec["delegates"],
                 spec["area"], spec["organisations"])
    november, _ = new_from(tmp_path / "november.xlsm", previous=june)
    second = FileWorkbook(november).read()
    workbook = openpyxl.load_workbook(november, keep_vba=True)
    workbook[schema.SETTINGS_SHEET].cell(second.settings_rows["ngay_hoi_nghi"], 2).value = dt.datetime(2024, 11, 20)
    sheet = workbook[schema.PETITIONS.name]
    for record in second.petitions:
        sheet.cell(record.row, second.petitions.columns["noi_dung_tra_loi"]).value = "UBND phường đã chỉ đạo giải quyết."
    workbook.save(november)
    texts, _ = _run(november, tmp_path / "out11")
    assert "tại hội nghị đối thoại ngày 20/06/2024" in texts["letters"]
    assert "ngày 20/11/2024" not in texts["letters"].split("Sau khi xem xét")[0]
    assert "Chuyển từ kỳ trước" not in "\n".join(texts.values())
