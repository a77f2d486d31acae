"""The sample conference: plan 118/KH-UBND of UBND phường Tứ Minh, conference on 12/6/2026 (seed 000).

Synthetic but believable people and petitions, fully deterministic (one `random.Random(seed)`, no clock).
The sample describes the cycle after the conference: attendance is recorded and most petitions are
answered, so every document has something to show. The timeline is plan 118's own (`MILESTONES`, with its
"KH 118" notes); the units are Tứ Minh's; the programme is the workbook's default. Stdlib only.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from . import schema

DELEGATES = 150
SLIPS = 60
PETITIONS = 80
CONFERENCE = dt.date(2026, 6, 12)
PLAN_DATE = dt.date(2026, 5, 15)
GROUPS = ("Cẩm Khê A", "Cẩm Khê B")


@dataclass
class SampleData:
    settings: dict[str, Any]
    tables: dict[str, list[dict[str, Any]] | None]
    calendar: list[dict[str, Any]] = field(default_factory=list)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)


_OFFICE = "Văn phòng HĐND và UBND"
UNITS = (_OFFICE, "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công",
         "Trung tâm Dịch vụ sự nghiệp công", "Công an phường", "Ban Chỉ huy Quân sự phường")
# Plan 118/KH-UBND's timeline: (milestone, base, days, day kind, unit, note).
_C, _P, _CAL, _WORK = schema.BASE_CONFERENCE, schema.BASE_PLAN, schema.DAYS_CALENDAR, schema.DAYS_WORKING
_HEADS, _GROUPS = "Thủ trưởng các cơ quan, đơn vị", "Chi bộ, Tổ dân phố"
_LAW = "Luật Tổ chức CQĐP 2025, Điều 43"
_NOTICE = "Thông báo kết quả hội nghị đến Tổ trưởng tổ dân phố"
MILESTONES: tuple[tuple[str, str, int, str, str, str], ...] = (
    ("Văn bản chỉ đạo các đơn vị báo cáo kết quả thực hiện nhiệm vụ", _P, 3, _CAL, _OFFICE, "KH 118: xong trước ngày 18/5"),
    ("Phát phiếu đăng ký phát biểu tới Nhân dân", _C, -25, _CAL, f"{_GROUPS}; {_OFFICE}", "KH 118: trong ngày 18/5"),
    ("Thu phiếu đăng ký phát biểu về Văn phòng", _C, -21, _CAL, _GROUPS, "KH 118: chậm nhất ngày 22/5"),
    ("Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công", "Thu phiếu đăng ký phát biểu về Văn phòng", 2, _WORK, _OFFICE,
     "KH 118: từ ngày 22-26/5"),
    ("Các đơn vị báo cáo kết quả thực hiện nhiệm vụ", _C, -10, _CAL, _HEADS, "KH 118: xong trước ngày 02/6"),
    ("Các đơn vị tham mưu văn bản trả lời kiến nghị", _C, -7, _CAL, _HEADS, "KH 118: xong trước ngày 05/6"),
    ("Hoàn thiện báo cáo kết quả phát triển kinh tế - xã hội", _C, -7, _CAL, _OFFICE, "KH 118: xong trước ngày 05/6"),
    ("Phát hành giấy mời, chuẩn bị điều kiện tổ chức hội nghị", _C, -7, _CAL, _OFFICE, "KH 118: hoàn thành trước ngày 05/6"),
    ("Thông báo công khai thời gian, địa điểm, nội dung đối thoại", _C, -7, _CAL,
     "Phòng Văn hóa - Xã hội; Trung tâm Dịch vụ sự nghiệp công", f"{_LAW}: chậm nhất 07 ngày trước hội nghị"),
    ("Chuẩn bị địa điểm, cơ sở vật chất nhà văn hóa", _C, -2, _CAL, _GROUPS, "KH 118: trước hội nghị 02 ngày"),
    ("Tổ chức hội nghị đối thoại", _C, 0, _CAL, "UBND phường", ""),
    (_NOTICE, _C, 10, _CAL, _OFFICE, f"{_LAW}: chậm nhất 10 ngày sau hội nghị"),
    ("Tổng hợp kết quả, lưu trữ hồ sơ hội nghị", _NOTICE, 10, _WORK, _OFFICE, "KH 118: lưu trữ hồ sơ theo quy định"),
)


FAMILY = (["Nguyễn"] * 38 + ["Trần"] * 11 + ["Lê"] * 9 + ["Phạm"] * 7 + ["Hoàng"] * 5 + ["Vũ"] * 4 + ["Đặng"] * 3
          + ["Bùi"] * 3 + ["Đỗ"] * 3 + ["Hồ", "Ngô", "Dương", "Lý", "Đinh", "Phan", "Trịnh", "Mạc", "Cao", "Đoàn"])
MALE_MIDDLE = ("Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Tiến", "Ngọc", "Đình")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim")
MALE_GIVEN = ("Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Sơn", "Thắng", "Hiếu", "Khánh", "Phong", "Quân", "Toàn",
              "Trung", "Việt", "Bình", "Cường", "Đạt", "Hòa", "Lâm", "Nghĩa", "Phúc", "Tâm", "Thành", "Vinh", "Kiên")
FEMALE_GIVEN = ("Lan", "Hương", "Hà", "Mai", "Nga", "Hoa", "Thủy", "Yến", "Linh", "Trang", "Huyền", "Thảo", "Loan",
                "Hạnh", "Nhung", "Oanh", "Phượng", "Quyên", "Tuyết", "Vân", "Xuân", "Dung", "Hiền", "Liên")
STREETS = ("đường Cẩm Khê", "đường Nguyễn Lương Bằng", "đường Tứ Minh", "phố Cẩm Thượng", "đường Lê Thanh Nghị")
MOBILE_PREFIXES = ("091", "094", "088", "098", "097", "096", "086", "090", "093", "089", "070", "077", "079", "083", "085",
                   "032", "035", "038", "039", "056")

# (field, lead unit, question template). Templates take {lane} and {group}.
TOPICS: dict[str, list[tuple[str, str]]] = {
    "Đất đai": [
        ("Hồ sơ cấp Giấy chứng nhận quyền sử dụng đất của gia đình tôi tại {lane} nộp từ năm 2024 đến nay chưa được giải quyết; "
         "đề nghị UBND phường cho biết lý do và thời gian hoàn thành.", ""),
        ("Một số hộ tại {lane}, tổ dân phố {group} sử dụng đất ổn định từ trước năm 1993 nhưng chưa được cấp giấy chứng nhận; đề "
         "nghị phường hướng dẫn thủ tục.", ""),
        ("Đề nghị công khai quy hoạch sử dụng đất khu vực tổ dân phố {group} để người dân biết khi xây dựng, sửa chữa nhà ở.",
         ""),
    ],
    "Môi trường": [
        ("Rác thải tại điểm tập kết đầu {lane} không được thu gom hằng ngày, gây mùi hôi; đề nghị tăng số lần thu gom.", ""),
        ("Xưởng gỗ trong khu dân cư tổ dân phố {group} hoạt động cả buổi tối, gây tiếng ồn và bụi; đề nghị kiểm tra, xử lý.", ""),
        ("Mương thoát nước dọc {lane} bị bồi lắng, bốc mùi vào mùa hè; đề nghị nạo vét trước mùa mưa.", ""),
    ],
    "Hạ tầng, giao thông": [
        ("Mỗi khi mưa lớn, {lane} bị ngập sâu khoảng 30 cm do cống thoát nước nhỏ; đề nghị phường sớm cải tạo hệ thống thoát "
         "nước.", ""),
        ("Hệ thống đèn chiếu sáng tại {lane} hỏng nhiều bóng, buổi tối đi lại khó khăn; đề nghị sửa chữa, thay thế.", ""),
        ("Mặt đường {lane} xuống cấp, nhiều ổ gà; đề nghị đưa vào kế hoạch nâng cấp và cho biết mức đóng góp của Nhân dân "
         "nếu có.", ""),
        ("Đề nghị lắp biển báo giảm tốc độ tại ngã ba gần nhà văn hóa tổ dân phố {group}, nơi học sinh qua lại đông.", ""),
    ],
    "Chính sách xã hội": [
        ("Mẹ tôi 81 tuổi nhưng chưa được hưởng trợ cấp xã hội hằng tháng; đề nghị phường hướng dẫn hồ sơ.", ""),
        ("Đề nghị xem xét hỗ trợ hộ cận nghèo tại tổ dân phố {group} có người khuyết tật nặng, hoàn cảnh khó khăn.", ""),
        ("Chế độ đối với người có công với cách mạng của gia đình tôi chậm chi trả hai tháng gần đây; đề nghị kiểm tra.", ""),
    ],
    "An ninh, trật tự": [
        ("Thời gian gần đây tại {lane} có tình trạng thanh niên tụ tập, đua xe vào ban đêm; đề nghị Công an phường tăng cường "
         "tuần tra.", ""),
        ("Đề nghị lắp đặt thêm camera an ninh tại các ngõ trong tổ dân phố {group} để phòng ngừa trộm cắp.", ""),
        ("Tình trạng lấn chiếm vỉa hè để kinh doanh tại đầu {lane} gây cản trở giao thông; đề nghị xử lý dứt điểm.", ""),
    ],
    "Y tế, giáo dục": [
        ("Trường tiểu học trên địa bàn có sĩ số mỗi lớp trên 45 học sinh; đề nghị phường kiến nghị cấp trên bổ sung phòng học.",
         ""),
        ("Đề nghị Trạm y tế phường tổ chức khám sức khỏe định kỳ cho người cao tuổi tại tổ dân phố {group}.", ""),
        ("Việc cấp thẻ bảo hiểm y tế cho người trên 75 tuổi còn chậm; đề nghị phường cho biết tiến độ.", ""),
    ],
    "Vay vốn, tín dụng": [
        ("Đề nghị phường hướng dẫn thủ tục vay vốn ưu đãi từ Ngân hàng Chính sách xã hội để hộ gia đình phát triển kinh doanh "
         "nhỏ.", ""),
        ("Nhiều hội viên phụ nữ tổ dân phố {group} có nhu cầu vay vốn giải quyết việc làm; đề nghị tăng nguồn vốn ủy thác qua "
         "Hội.", ""),
    ],
    "Khác": [
        ("Nhà văn hóa tổ dân phố {group} xuống cấp, thiếu bàn ghế và loa máy; đề nghị phường hỗ trợ kinh phí sửa chữa.", ""),
        ("Đề nghị phường niêm yết công khai thủ tục hành chính và số điện thoại đường dây nóng tại nhà văn hóa tổ dân phố "
         "{group}.", ""),
    ],
}
LEAD_UNIT = {
    "Đất đai": "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Môi trường": "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Hạ tầng, giao thông": "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Chính sách xã hội": "Phòng Văn hóa - Xã hội",
    "An ninh, trật tự": "Công an phường",
    "Y tế, giáo dục": "Phòng Văn hóa - Xã hội",
    "Vay vốn, tín dụng": "Văn phòng HĐND và UBND",
    "Khác": "Trung tâm Dịch vụ sự nghiệp công",
}
ANSWER = {
    "Đất đai": "Phòng Kinh tế, Hạ tầng và Đô thị đã rà soát hồ sơ; hồ sơ đủ điều kiện sẽ được trình cấp có thẩm quyền xem xét "
          "trong tháng 7/2026. UBND phường sẽ thông báo kết quả bằng văn bản.",
    "Môi trường": "UBND phường đã chỉ đạo đơn vị thu gom tăng tần suất thu gom lên hằng ngày và giao Phòng Kinh tế, Hạ tầng và "
          "Đô thị kiểm tra, xử lý theo quy định.",
    "Hạ tầng, giao thông": "UBND phường ghi nhận ý kiến; nội dung đã được đưa vào danh mục công trình duy tu, sửa chữa năm 2026, "
          "dự kiến thực hiện trong quý III/2026.",
    "Chính sách xã hội": "Phòng Văn hóa - Xã hội đã hướng dẫn gia đình hoàn thiện hồ sơ; chế độ sẽ được chi trả từ tháng liền kề "
          "sau khi có quyết định.",
    "An ninh, trật tự": "Công an phường đã tăng cường tuần tra, kiểm soát vào ban đêm tại khu vực được phản ánh và phối hợp với "
          "tổ dân phố duy trì tổ bảo vệ an ninh trật tự.",
    "Y tế, giáo dục": "UBND phường đã báo cáo cấp trên; Trạm y tế phường sẽ phối hợp tổ dân phố tổ chức khám sức khỏe cho người "
          "cao tuổi trong quý III/2026.",
    "Vay vốn, tín dụng": "UBND phường đã đề nghị Ngân hàng Chính sách xã hội bố trí thêm nguồn vốn ủy thác; hồ sơ vay được hướng "
          "dẫn tại tổ tiết kiệm và vay vốn của tổ dân phố.",
    "Khác": "UBND phường ghi nhận và sẽ cân đối kinh phí hỗ trợ trong dự toán năm 2027.",
}
ORGANISATIONS = (
    ("Ủy ban MTTQ", "Ủy ban MTTQ phường Tứ Minh"),
    ("Tổ chức chính trị - xã hội", "Hội Cựu chiến binh phường"),
    ("Tổ chức chính trị - xã hội", "Hội Liên hiệp Phụ nữ phường"),
    ("Tổ chức chính trị - xã hội", "Đoàn Thanh niên phường"),
    ("Tổ chức chính trị - xã hội", "Hội Nông dân phường"),
    ("Tổ chức chính trị - xã hội", "Hội Người cao tuổi phường"),
)


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.used_names: set[str] = set()
        self.used_phones: set[str] = set()

    def person(self, gender: str | None = None) -> tuple[str, str]:
        while True:
            g = gender or self.r.choice(("Nam", "Nữ"))
            middle = self.r.choice(MALE_MIDDLE if g == "Nam" else FEMALE_MIDDLE)
            given = self.r.choice(MALE_GIVEN if g == "Nam" else FEMALE_GIVEN)
            name = f"{self.r.choice(FAMILY)} {middle} {given}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name, g

    def phone(self) -> str:
        while True:
            number = self.r.choice(MOBILE_PREFIXES) + "".join(str(self.r.randrange(10)) for _ in range(7))
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def lane(self, group: str) -> str:
        return f"ngõ {self.r.randrange(2, 40)} {self.r.choice(STREETS)}"

    def address(self, group: str) -> str:
        return f"Số {self.r.randrange(1, 120)}, {self.lane(group)}, Tổ dân phố {group}"

    def working_day(self, start: dt.date, end: dt.date) -> dt.date:
        days = [start + dt.timedelta(d) for d in range((end - start).days + 1)]
        return self.r.choice([d for d in days if d.weekday() < 5])


def _settings() -> dict[str, Any]:
    return {
        "co_quan_cap_tren": "",
        "co_quan": "ỦY BAN NHÂN DÂN",
        "loai_don_vi": "Phường",
        "ten_don_vi": "Tứ Minh",
        "tinh": "Thành phố Hải Phòng",
        "so_ke_hoach": "118/KH-UBND",
        "ngay_ke_hoach": PLAN_DATE,
        "ngay_hoi_nghi": CONFERENCE,
        "gio_bat_dau": "08:00",
        "gio_ket_thuc": "11:30",
        "dia_diem": "Nhà văn hóa Tổ dân phố Cẩm Khê A, phường Tứ Minh",
        "chu_tri": "Chủ tịch UBND phường",
        "ten_van_phong": _OFFICE,
        "noi_nhan_bao_cao": "",
        "noi_nhan_thong_bao": "",
        "noi_nhan_tra_loi": "- Như trên;\n- Ủy ban MTTQ Việt Nam phường Tứ Minh (để giám sát);\n- Lưu: VT, VP.",
        "so_dai_bieu_du_kien": 150,
        "so_phut_moi_luot": 5,
        "so_ngay_giai_quyet": 8,
        "nguoi_ky": "Nguyễn Thị Sâm",
        "chuc_vu_ky": "PHÓ CHỦ TỊCH",
        "tham_quyen_ky": "KT.",
        "noi_nhan": "\n".join((
            "- UBND thành phố (b/c);",
            "- Ban Tuyên giáo và Dân vận thành phố;",
            "- Thường trực Đảng ủy phường;",
            "- Thường trực HĐND phường;",
            "- Lãnh đạo UBND phường;",
            "- TT UB MTTQ, các ngành đoàn thể phường;",
            "- Các cơ quan, đơn vị thuộc UBND phường;",
            "- Bí thư Chi bộ, Tổ trưởng TDP Cẩm Khê A, Cẩm Khê B;",
            "- Lưu: VT, VP.",
        )),
        "so_bao_cao": "125/BC-UBND",
        "so_cong_van_phan_cong": "126/UBND-VP",
        "so_giay_moi": "45/GM-UBND",
        "so_thong_bao": "140/TB-UBND",
        "ky_hieu_tra_loi": "UBND-VP",
        "so_tra_loi_tiep_theo": 150,
    }


def _delegates(g: _Gen) -> list[dict[str, Any]]:
    upper, ward, group_level, citizens = schema.lookup("nhom_dai_bieu").values
    roles: list[tuple[str, str, str]] = [
        (upper, "Phó Trưởng ban", "Ban Tuyên giáo và Dân vận Thành ủy"),
        (upper, "Chuyên viên", "Ban Tuyên giáo và Dân vận Thành ủy"),
        (ward, "Bí thư Đảng ủy", "Đảng ủy phường Tứ Minh"),
        (ward, "Phó Bí thư Thường trực Đảng ủy", "Đảng ủy phường Tứ Minh"),
        (ward, "Trưởng ban", "Ban Xây dựng đảng Đảng ủy phường"),
        (ward, "Chủ tịch HĐND", "HĐND phường Tứ Minh"),
        (ward, "Phó Chủ tịch HĐND", "HĐND phường Tứ Minh"),
        (ward, "Chủ tịch UBND", "UBND phường Tứ Minh"),
        (ward, "Phó Chủ tịch UBND", "UBND phường Tứ Minh"),
        (ward, "Phó Chủ tịch UBND", "UBND phường Tứ Minh"),
        (ward, "Chủ tịch Ủy ban MTTQ", "Ủy ban MTTQ phường Tứ Minh"),
        (ward, "Chủ tịch Hội Cựu chiến binh", "Hội Cựu chiến binh phường"),
        (ward, "Chủ tịch Hội Liên hiệp Phụ nữ", "Hội Liên hiệp Phụ nữ phường"),
        (ward, "Bí thư Đoàn Thanh niên", "Đoàn Thanh niên phường"),
        (ward, "Chủ tịch Hội Nông dân", "Hội Nông dân phường"),
        (ward, "Trưởng Công an phường", "Công an phường Tứ Minh"),
        (ward, "Chỉ huy trưởng", "Ban Chỉ huy Quân sự phường"),
    ]
    roles += [(ward, "Trưởng phòng", unit) for unit in UNITS[:5]]
    roles += [(ward, "Chuyên viên", "Văn phòng HĐND và UBND phường")] * 3
    for group in GROUPS:
        for role in ("Bí thư Chi bộ", "Phó Bí thư Chi bộ", "Tổ trưởng Tổ dân phố", "Trưởng Ban Công tác Mặt trận",
                     "Chi hội trưởng Chi hội Phụ nữ", "Chi hội trưởng Chi hội Cựu chiến binh",
                     "Chi hội trưởng Chi hội Người cao tuổi",
                     "Tổ trưởng Tổ bảo vệ an ninh trật tự", "Khu đội trưởng", "Bí thư Chi đoàn"):
            roles.append((group_level, role, f"Tổ dân phố {group}"))
    while len(roles) < DELEGATES:
        roles.append((citizens, "Công dân", f"Tổ dân phố {GROUPS[len(roles) % 2]}"))
    rows = []
    for i, (group, position, unit) in enumerate(roles[:DELEGATES], start=1):
        name, _ = g.person()
        confirmed = "Có" if g.r.random() < 0.93 else "Không"
        present = "Có" if confirmed == "Có" and g.r.random() < 0.95 else "Không"
        rows.append({
            "stt": i, "ho_ten": name, "chuc_vu": position, "don_vi": unit, "nhom": group,
            "dien_thoai": g.phone() if g.r.random() < 0.9 else None,
            "ngay_gui_giay_moi": g.working_day(dt.date(2026, 6, 1), dt.date(2026, 6, 5)),
            "xac_nhan": confirmed, "co_mat": present, "ghi_chu": None,
        })
    return rows


def _slips(g: _Gen) -> list[dict[str, Any]]:
    fields = list(TOPICS)
    rows = []
    for i in range(1, SLIPS + 1):
        group = GROUPS[i % 2]
        name, gender = g.person()
        field_name = fields[(i - 1) % len(fields)] if i <= len(fields) else g.r.choice(fields)
        template, _ = g.r.choice(TOPICS[field_name])
        rows.append({
            "ma_phieu": f"P-{i:03d}",
            "ngay_nhan": dt.date(2026, 5, 18) + dt.timedelta(days=min(4, (i - 1) * 5 // SLIPS)),
            "ho_ten": name, "gioi_tinh": gender, "nam_sinh": str(g.r.randrange(1945, 2001)),
            "dia_chi": g.address(group), "to_dan_pho": f"Tổ dân phố {group}", "dien_thoai": g.phone(),
            "linh_vuc": field_name,
            "noi_dung": template.format(lane=g.lane(group), group=group),
            "ghi_chu": None,
        })
    return rows


def _petitions(g: _Gen, slips: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    at_conference, later, upward = schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD
    petitions: list[dict[str, Any]] = []
    # 50 from slips: every slip gives one, ten slips give a second one in another field.
    sources: list[tuple[dict[str, Any], str]] = [(s, s["linh_vuc"]) for s in slips[:40]]
    sources += [(s, g.r.choice([f for f in TOPICS if f != s["linh_vuc"]])) for s in slips[40:50]]
    for slip, field_name in sources:
        content = slip["noi_dung"] if field_name == slip["linh_vuc"] else g.r.choice(TOPICS[field_name])[0].format(
            lane=g.lane(slip["to_dan_pho"][-9:].strip()), group=slip["to_dan_pho"].replace("Tổ dân phố ", ""))
        petitions.append({"ma_phieu": slip["ma_phieu"], "nguon": "Phiếu đăng ký", "nguoi_kien_nghi": slip["ho_ten"],
                          "dia_chi": slip["dia_chi"], "linh_vuc": field_name, "noi_dung": content})
    for j in range(PETITIONS - len(petitions)):
        organisation: str | None
        source, organisation = ORGANISATIONS[j % len(ORGANISATIONS)]
        if j % 5 == 4:
            source, organisation = "Tại hội nghị", None
        field_name = list(TOPICS)[j % len(TOPICS)]
        group = GROUPS[j % 2]
        if organisation is None:
            person, _ = g.person()
            organisation, address = person, g.address(group)
        else:
            address = "Phường Tứ Minh"
        content = g.r.choice(TOPICS[field_name])[0].format(lane=g.lane(group), group=group)
        petitions.append({"ma_phieu": None, "nguon": source, "nguoi_kien_nghi": organisation, "dia_chi": address,
                          "linh_vuc": field_name, "noi_dung": content})
    assignments: list[dict[str, Any]] = []
    units = list(UNITS)
    for i, petition in enumerate(petitions, start=1):
        code = f"KN-{i:03d}"
        field_name = petition["linh_vuc"]
        roll = g.r.random()
        handling = at_conference if roll < 0.35 else (later if roll < 0.88 else upward)
        competence = schema.COMPETENCE_UPPER if handling == upward else schema.COMPETENCE_LOCAL
        pending = handling == later and i % 6 == 0
        answer = None if pending else ANSWER[field_name]
        if handling == upward:
            status = "Đã chuyển cấp trên"
            answer = ("UBND phường đã tổng hợp, báo cáo UBND thành phố xem xét, giải quyết theo thẩm quyền; khi có kết quả sẽ "
                      "thông báo để công dân biết.")
        elif pending:
            status = "Đang xử lý"
        else:
            status = "Đã giải quyết" if g.r.random() < 0.3 else "Đã trả lời"
        petition.update({
            "ma_kien_nghi": code, "tham_quyen": competence, "hinh_thuc_xu_ly": handling,
            "noi_dung_tra_loi": answer, "trang_thai": status,
            "ket_qua": None if pending else ("Đã giải quyết xong" if status == "Đã giải quyết" else "Tiếp tục theo dõi, giải "
                                             "quyết"),
            "thoi_gian_giai_quyet": (None if handling == at_conference
                                     else g.r.choice(("Quý III/2026", "Quý IV/2026", "Tháng 7/2026"))),
            "cap_giai_quyet": "Thành phố" if handling == upward else "Phường",
        })
        if handling == upward:
            continue
        if handling == at_conference and g.r.random() < 0.6:
            continue  # answered on the spot by the Chairman, no drafting unit recorded
        assigned = g.working_day(dt.date(2026, 5, 22), dt.date(2026, 5, 26))
        lead = LEAD_UNIT[field_name]
        done = None if pending else assigned + dt.timedelta(days=g.r.randrange(3, 11))
        assignments.append({"ma_kien_nghi": code, "don_vi": lead, "vai_tro": schema.ROLE_LEAD, "ngay_giao": assigned,
                            "han_hoan_thanh": None, "ngay_hoan_thanh": done, "ghi_chu": None})
        for support in g.r.sample([u for u in units if u != lead], g.r.choice((0, 0, 1, 2))):
            assignments.append({"ma_kien_nghi": code, "don_vi": support, "vai_tro": schema.ROLE_SUPPORT, "ngay_giao": assigned,
                                "han_hoan_thanh": None, "ngay_hoan_thanh": done, "ghi_chu": None})
    return petitions, assignments


def sample_conference(seed: int = 118) -> SampleData:
    g = _Gen(seed)
    delegates = _delegates(g)
    slips = _slips(g)
    petitions, assignments = _petitions(g, slips)
    return SampleData(
        settings=_settings(),
        tables={"dai_bieu": delegates, "phieu": slips, "kien_nghi": petitions, "phan_cong": assignments,
                "moc_thoi_gian": [dict(zip(schema.MILESTONE_KEYS, m, strict=True)) for m in MILESTONES], "chuong_trinh": None},
        calendar=[],
        lists={"don_vi": UNITS},
    )
