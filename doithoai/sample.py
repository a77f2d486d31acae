"""The sample conference: plan 118/KH-UBND of UBND phường Tứ Minh, conference on 12/6/2026 (seed 000).

Longer than the ~450-line guide on purpose: most of it is the sample's own text (80 petitions, their answers,
the delegates), data a trainer reads in one place; the logic that fills the workbook from it is short.

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
        ("Mẹ tôi 81 tuổi, ở {lane}, nhưng chưa được hưởng trợ cấp xã hội hằng tháng; đề nghị phường hướng dẫn hồ sơ.", ""),
        ("Đề nghị xem xét hỗ trợ hộ cận nghèo tại {lane}, tổ dân phố {group} có người khuyết tật nặng, hoàn cảnh khó khăn.", ""),
        ("Chế độ đối với người có công với cách mạng của gia đình tôi ở {lane} chậm chi trả hai tháng gần đây; đề nghị "
         "kiểm tra.", ""),
    ],
    "An ninh, trật tự": [
        ("Thời gian gần đây tại {lane} có tình trạng thanh niên tụ tập, đua xe vào ban đêm; đề nghị Công an phường tăng cường "
         "tuần tra.", ""),
        ("Đề nghị lắp đặt thêm camera an ninh tại các ngõ trong tổ dân phố {group} để phòng ngừa trộm cắp.", ""),
        ("Tình trạng lấn chiếm vỉa hè để kinh doanh tại đầu {lane} gây cản trở giao thông; đề nghị xử lý dứt điểm.", ""),
    ],
    "Y tế, giáo dục": [
        ("Trường tiểu học gần {lane} có sĩ số mỗi lớp trên 45 học sinh; đề nghị phường kiến nghị cấp trên bổ sung phòng học.",
         ""),
        ("Đề nghị Trạm y tế phường tổ chức khám sức khỏe định kỳ cho người cao tuổi tại tổ dân phố {group}.", ""),
        ("Việc cấp thẻ bảo hiểm y tế cho người trên 75 tuổi tại {lane} còn chậm; đề nghị phường cho biết tiến độ.", ""),
    ],
    "Vay vốn, tín dụng": [
        ("Đề nghị phường hướng dẫn thủ tục vay vốn ưu đãi từ Ngân hàng Chính sách xã hội để hộ gia đình ở {lane} phát triển "
         "kinh doanh "
         "nhỏ.", ""),
        ("Nhiều hội viên phụ nữ tổ dân phố {group} có nhu cầu vay vốn giải quyết việc làm; đề nghị tăng nguồn vốn ủy thác qua "
         "Hội.", ""),
    ],
    "Khác": [
        ("Nhà văn hóa tổ dân phố {group} ở {lane} xuống cấp, thiếu bàn ghế và loa máy; đề nghị phường hỗ trợ kinh phí sửa "
         "chữa.", ""),
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
# One answer per question above, same order: written for that question, naming the lane or group it is about.
ANSWERS: dict[str, list[str]] = {
    "Đất đai": [
        "Phòng Kinh tế, Hạ tầng và Đô thị đã kiểm tra hồ sơ của gia đình tại {lane}: hồ sơ còn thiếu bản trích đo địa chính; "
        "cán bộ địa chính đã hướng dẫn bổ sung, hồ sơ sẽ được trình cấp giấy chứng nhận trong tháng 7/2026.",
        "Các hộ tại {lane} thuộc diện xem xét cấp giấy chứng nhận lần đầu; ngày 20/6/2026, UBND phường hướng dẫn thủ "
        "tục cho các hộ tại nhà văn hóa tổ dân phố {group} và tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công.",

        "Quy hoạch sử dụng đất khu vực tổ dân phố {group} đã được niêm yết tại trụ sở UBND phường và nhà văn hóa tổ dân phố; "
        "người dân có thể tra cứu trên cổng thông tin điện tử của thành phố.",
    ],
    "Môi trường": [
        "UBND phường đã yêu cầu đơn vị thu gom bố trí xe thu gom hằng ngày tại điểm tập kết đầu {lane} từ ngày 15/6/2026, "
        "đồng thời lắp biển cấm đổ rác ngoài giờ quy định.",
        "Phòng Kinh tế, Hạ tầng và Đô thị phối hợp Công an phường kiểm tra xưởng gỗ tại tổ dân phố {group}, lập biên bản và "
        "yêu cầu chủ cơ sở không hoạt động sau 21 giờ, lắp thiết bị giảm bụi trong 30 ngày.",
        "Mương dọc {lane} đã được đưa vào kế hoạch nạo vét đợt 1 năm 2026; đơn vị thi công nạo vét xong trước ngày 30/6/2026, "
        "tổ dân phố {group} cử người giám sát.",
    ],
    "Hạ tầng, giao thông": [
        "UBND phường đã khảo sát điểm ngập tại {lane}; cống thoát nước sẽ được thay bằng cống hộp lớn hơn trong dự án cải "
        "tạo thoát nước năm 2026, khởi công quý III/2026.",
        "Đơn vị quản lý chiếu sáng đã thay 12 bóng đèn hỏng tại {lane} ngày 10/6/2026; những bóng hỏng sau đó người dân báo "
        "qua Tổ trưởng tổ dân phố {group} để sửa trong 3 ngày.",
        "Mặt đường {lane} được đưa vào danh mục duy tu năm 2026, dự kiến thảm lại trong quý III/2026 bằng ngân sách phường; "
        "Nhân dân không phải đóng góp.",
        "UBND phường đã đề nghị Phòng quản lý đô thị thành phố lắp biển báo giảm tốc độ và gờ giảm tốc tại ngã ba gần nhà "
        "văn hóa tổ dân phố {group}; trong khi chờ, Công an phường bố trí người hướng dẫn giờ tan học.",
    ],
    "Chính sách xã hội": [
        "Phòng Văn hóa - Xã hội đã hướng dẫn gia đình tại {lane} lập hồ sơ trợ cấp xã hội; hồ sơ đủ điều kiện, trợ cấp được "
        "chi trả từ tháng 7/2026, truy lĩnh từ tháng nộp hồ sơ.",
        "Hộ cận nghèo có người khuyết tật nặng tại {lane}, tổ dân phố {group} được xét hỗ trợ 2.000.000 đồng từ Quỹ Vì người "
        "nghèo "
        "và được hướng dẫn hồ sơ trợ cấp người khuyết tật.",
        "Khoản trợ cấp người có công của gia đình tại {lane} chậm chi do điều chỉnh danh sách; hai tháng còn thiếu đã được "
        "chi trả bổ sung ngày 10/6/2026.",
    ],
    "An ninh, trật tự": [
        "Công an phường đã lập tổ tuần tra đêm tại {lane} từ 22 giờ đến 1 giờ sáng, xử lý 3 trường hợp đua xe và thông báo "
        "về gia đình, nhà trường.",
        "UBND phường vận động xã hội hóa lắp 6 camera tại các ngõ của tổ dân phố {group}, kết nối về Công an phường; dự kiến "
        "hoàn thành trong tháng 8/2026.",
        "Tổ công tác trật tự đô thị đã ra quân lập lại trật tự vỉa hè tại đầu {lane}, nhắc nhở 9 hộ kinh doanh, xử phạt 2 "
        "trường hợp tái phạm.",
    ],
    "Y tế, giáo dục": [
        "UBND phường đã báo cáo UBND thành phố đề nghị xây thêm 6 phòng học cho trường tiểu học; năm học 2026-2027 trường "
        "tách 2 lớp để sĩ số không quá 40 học sinh (kiến nghị của tổ dân phố {group}).",
        "Sáng thứ Bảy ngày 27/6/2026, Trạm y tế phường khám sức khỏe miễn phí cho người cao tuổi tổ dân phố {group} "
        "tại nhà văn hóa tổ dân phố.",

        "Thẻ bảo hiểm y tế cho người từ 75 tuổi tại {lane} đã được lập danh sách gửi Bảo hiểm xã hội; thẻ được phát qua Tổ "
        "trưởng tổ dân phố {group} trong tháng 7/2026.",
    ],
    "Vay vốn, tín dụng": [
        "Văn phòng HĐND và UBND đã phối hợp Ngân hàng Chính sách xã hội hướng dẫn hộ tại {lane} lập hồ sơ vay vốn hỗ trợ "
        "tạo việc làm, mức vay đến 100 triệu đồng, thời hạn 5 năm.",
        "UBND phường đã đề nghị Ngân hàng Chính sách xã hội tăng nguồn vốn ủy thác qua Hội Phụ nữ cho tổ dân phố {group} "
        "thêm 500 triệu đồng trong quý III/2026.",
    ],
    "Khác": [
        "UBND phường bố trí kinh phí sửa chữa mái, thay bàn ghế và loa máy cho nhà văn hóa tổ dân phố {group} ở {lane}, "
        "thực hiện trong tháng 8/2026.",
        "Bộ thủ tục hành chính và số đường dây nóng của phường đã được niêm yết tại nhà văn hóa tổ dân phố {group} ngày "
        "8/6/2026.",
    ],
}
# Petitions of the Front and the mass organisations, in their voice (they speak for their members, not for "my mother").
ORG_TOPICS: dict[str, list[tuple[str, str]]] = {
    "Đất đai": [("{org} tổng hợp ý kiến Nhân dân tổ dân phố {group} phản ánh thủ tục chuyển mục đích sử dụng đất còn kéo "
                "dài; đề nghị "
                "phường công khai thời hạn giải quyết từng loại hồ sơ.",
                "Thời hạn giải quyết từng thủ tục đất đai đã được niêm yết tại Trung tâm Phục vụ hành chính công và gửi {org} "
                "để thông tin tới hội viên tổ dân phố {group}.")],
    "Môi trường": [("{org} đề nghị phường phối hợp tổ chức ra quân vệ sinh môi trường, phân loại rác tại nguồn ở tổ dân phố "
                   "{group} mỗi tháng một lần.",
                   "UBND phường thống nhất với {org} tổ chức ra quân vệ sinh môi trường vào Chủ nhật cuối tháng tại tổ dân "
                   "phố {group}, cấp 200 thùng phân loại rác.")],
    "Hạ tầng, giao thông": [("Qua sinh hoạt chi hội, hội viên {org} ở tổ dân phố {group} đề nghị sớm lắp đèn chiếu sáng tuyến "
                            "đường vào khu dân cư mới.",
                            "Tuyến đường vào khu dân cư mới của tổ dân phố {group} được lắp 15 cột đèn trong quý III/2026; "
                            "UBND phường thông báo tiến độ tới {org}.")],
    "Chính sách xã hội": [("{org} đề nghị phường rà soát, hỗ trợ hội viên có hoàn cảnh đặc biệt khó khăn ở tổ dân phố {group} "
                          "sửa chữa nhà ở trước mùa mưa bão.",
                          "UBND phường cùng {org} rà soát được 3 hộ hội viên ở tổ dân phố {group} cần sửa nhà; mỗi hộ được "
                          "hỗ trợ 30 triệu đồng từ Quỹ Vì người nghèo trước ngày 31/7/2026.")],
    "An ninh, trật tự": [("{org} đề nghị Công an phường phối hợp tuyên truyền phòng chống lừa đảo qua mạng cho hội viên tổ dân "
                         "phố {group}.",
                         "Công an phường phối hợp {org} tổ chức buổi tuyên truyền phòng chống lừa đảo qua mạng tại tổ dân "
                         "phố {group} ngày 5/7/2026.")],
    "Y tế, giáo dục": [("{org} đề nghị phường mở lớp dạy bơi miễn phí cho trẻ em tổ dân phố {group} trong dịp hè.",
                       "Trung tâm Dịch vụ sự nghiệp công phối hợp {org} mở lớp dạy bơi miễn phí cho 60 trẻ em tổ dân phố "
                       "{group} từ ngày 1/7/2026.")],
    "Vay vốn, tín dụng": [("{org} đề nghị phường hỗ trợ thành lập thêm một tổ tiết kiệm và vay vốn cho hội viên tổ dân phố "
                          "{group}.",
                          "UBND phường đồng ý để {org} thành lập thêm tổ tiết kiệm và vay vốn tại tổ dân phố {group}; Ngân "
                          "hàng Chính sách xã hội hướng dẫn thủ tục trong tháng 7/2026.")],
    "Khác": [("{org} đề nghị phường bố trí kinh phí tổ chức các hoạt động văn hóa, thể thao cho hội viên tổ dân phố {group}.",
              "UBND phường bố trí 15 triệu đồng từ nguồn sự nghiệp văn hóa để {org} tổ chức hoạt động văn hóa, thể thao "
              "tại tổ dân phố {group} năm 2026.")],
}
# A plain answer per field, for generators that need one text per field (the province generator).
ANSWER = {f: answers[0].format(lane="khu vực được phản ánh", group="được phản ánh") for f, answers in ANSWERS.items()}
DEMO_TODAY = dt.date(2026, 6, 19)  # the sample's "today": a week after the conference, letters and notice still to do
# The timeline as of DEMO_TODAY: what was done and when (None: still to do), in MILESTONES' order.
MILESTONES_DONE = (dt.date(2026, 5, 18), dt.date(2026, 5, 18), dt.date(2026, 5, 22), dt.date(2026, 5, 26), dt.date(2026, 6, 1),
                   dt.date(2026, 6, 5), dt.date(2026, 6, 4), dt.date(2026, 6, 5), dt.date(2026, 6, 4), dt.date(2026, 6, 10),
                   CONFERENCE, None, None)
OUT_OF_SCOPE = (  # two slips that are not matters for the dialogue: validation flags them, the agenda gives them no turn
    "Tôi khiếu nại quyết định xử phạt vi phạm hành chính của Công an phường đối với con trai tôi; đề nghị hủy quyết định.",
    "Gia đình tôi tranh chấp ranh giới đất với hộ liền kề tại {lane}; đề nghị phường giải quyết dứt điểm.",
)
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
        self.asked: set[str] = set()  # every question asked so far: no two petitions alike
        self.answers: dict[str, str] = {}  # a slip's question -> the answer written for it

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
        **PLAN_TEXT,
    }


# Plan 118/KH-UBND's own words for the plan document (documents/plan.py), as the seed writes them.
PLAN_TEXT: dict[str, str] = {
    "can_cu_ke_hoach": "\n".join((
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Hướng dẫn số 11-HD/BTGDVTU ngày 10/01/2026 của Ban Tuyên giáo và Dân vận Thành ủy về thực hiện công tác đối "
        "thoại giữa người đứng đầu cấp ủy, chính quyền cấp xã với Nhân dân năm 2026;",
        "Căn cứ Hướng dẫn số 08-HD/BXDD ngày 20/01/2026 của Ban Xây dựng đảng Đảng ủy phường về thực hiện công tác đối thoại "
        "giữa người đứng đầu, cấp ủy, chính quyền phường với Nhân dân năm 2026;",
    )),
    "muc_dich": "\n".join((
        "Nâng cao hiệu quả công tác tuyên truyền, phổ biến các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà "
        "nước cho Nhân dân.",
        "Nhằm nắm bắt tâm tư, nguyện vọng, ý kiến phản ánh, kiến nghị của Nhân dân, kịp thời phát hiện những vướng mắc, phát "
        "sinh để giải quyết và nghiên cứu đề xuất, bổ sung, điều chỉnh các chủ trương, chính sách, quy định phù hợp với tình "
        "hình thực tiễn của địa phương.",
        "Tạo điều kiện để Nhân dân phát huy vai trò giám sát, kiểm tra đối với công tác lãnh đạo, chỉ đạo, điều hành của cấp "
        "ủy, chính quyền trên tất cả lĩnh vực đời sống, kinh tế - xã hội, quốc phòng - an ninh, qua đó tham gia có hiệu quả "
        "công tác xây dựng Đảng, chính quyền trong sạch, vững mạnh.",
    )),
    "yeu_cau": "\n".join((
        "Việc đối thoại trực tiếp với Nhân dân phải đảm bảo sự lãnh đạo của cấp ủy Đảng, gắn với việc thực hiện Nghị quyết "
        "Trung ương 4 (khóa XII), Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về tiếp tục đẩy mạnh việc học tập và "
        "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Việc đối thoại trực tiếp với Nhân dân được thực hiện nghiêm túc, theo đúng Quy chế, đảm bảo tiết kiệm, hiệu quả, "
        "tránh phô trương, hình thức.",
        "Nội dung đối thoại cần được chuẩn bị chu đáo, đảm bảo chất lượng và thực hiện nghiêm túc, thiết thực, hiệu quả.",
    )),
    "noi_dung_doi_thoai": "\n".join((
        "Chủ tịch UBND phường thông báo cho Nhân dân về tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh trong 5 "
        "tháng đầu năm 2026 và những vấn đề quan trọng của địa phương trong năm.",
        "Nghe ý kiến phản ánh, góp ý của Nhân dân về các chủ trương, chính sách đã ban hành hoặc sẽ ban hành, nhất là về "
        "những vấn đề liên quan trực tiếp đến quyền và nghĩa vụ của Nhân dân; về sự lãnh đạo, chỉ đạo của các cấp ủy đảng, "
        "sự quản lý, điều hành của các cấp chính quyền, hoạt động của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - "
        "xã hội; về đạo đức, lối sống, thái độ, tinh thần trách nhiệm của cán bộ, đảng viên, công chức, viên chức trong quá "
        "trình thực thi công vụ; về những vấn đề mà Nhân dân bức xúc, quan tâm.",
        "Chủ tịch UBND phường trực tiếp trả lời và chỉ đạo, giải quyết vướng mắc, kiến nghị của Nhân dân trong quá trình "
        "đối thoại; những vấn đề chưa trả lời tại Hội nghị sẽ tiếp thu và chỉ đạo giải quyết sau khi kết thúc đối thoại "
        "theo phương châm “tập trung quyết liệt, giải quyết dứt điểm”.",
    )),
    "nguon_kinh_phi": "Chi từ kinh phí hoạt động năm 2026 của UBND phường Tứ Minh.",
}
# The sample's budget (plan 118 names none; the demo shows the Kinh phí section with one): 5.500.000 đồng in all.
BUDGET: tuple[tuple[str, int], ...] = (
    ("Thuê âm thanh, ánh sáng, trang trí hội trường", 2_500_000),
    ("Nước uống đại biểu (150 người)", 1_500_000),
    ("In ấn tài liệu, giấy mời, phiếu đăng ký phát biểu", 1_000_000),
    ("Bồi dưỡng tổ phục vụ, bảo vệ hội nghị", 500_000),
)


def _delegates(g: _Gen, slips: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The invited, among them the signer and every citizen who registered to speak (they sign in on the day)."""
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
    signer = _settings()["nguoi_ky"]
    speakers = [(s["ho_ten"], s["gioi_tinh"], s["to_dan_pho"]) for s in slips]
    for i, (group, position, unit) in enumerate(roles[:DELEGATES], start=1):
        name, gender = g.person()
        if position == "Phó Chủ tịch UBND" and signer:  # the deputy who signs the documents is one of the delegates
            name, gender, signer = signer, "Nữ", ""
        elif group == citizens and speakers:
            name, gender, unit = speakers.pop(0)
        confirmed = "Có" if g.r.random() < 0.93 else "Không"
        present = "Có" if confirmed == "Có" and g.r.random() < 0.95 else "Không"
        rows.append({
            "stt": i, "ho_ten": name, "gioi_tinh": gender, "chuc_vu": position, "don_vi": unit, "nhom": group,
            "dien_thoai": g.phone() if g.r.random() < 0.9 else None,
            "ngay_gui_giay_moi": g.working_day(dt.date(2026, 6, 1), dt.date(2026, 6, 5)),
            "xac_nhan": confirmed, "co_mat": present, "ghi_chu": None,
        })
    return rows


def _question(g: _Gen, field_name: str, group: str, used: set[str]) -> tuple[str, str]:
    """A citizen's question in `field_name` about a lane of `group`, never one already asked, and its own answer."""
    for _ in range(50):
        index = g.r.randrange(len(TOPICS[field_name]))
        lane = g.lane(group)
        question = TOPICS[field_name][index][0].format(lane=lane, group=group)
        if question not in used:
            break
    used.add(question)
    return question, ANSWERS[field_name][index].format(lane=lane, group=group)


def _slips(g: _Gen) -> list[dict[str, Any]]:
    fields = list(TOPICS)
    rows = []
    for i in range(1, SLIPS + 1):
        group = GROUPS[i % 2]
        name, gender = g.person()
        field_name = fields[(i - 1) % len(fields)] if i <= len(fields) else g.r.choice(fields)
        question, answer = _question(g, field_name, group, g.asked)
        g.answers[question] = answer
        if i in (SLIPS - 4, SLIPS - 1):  # late slips, outside the dialogue's scope (not among the 50 that became petitions)
            question = OUT_OF_SCOPE[i % 2].format(lane=g.lane(group))
        rows.append({
            "ma_phieu": f"P-{i:03d}",
            "ngay_nhan": dt.date(2026, 5, 18) + dt.timedelta(days=min(4, (i - 1) * 5 // SLIPS)),
            "ho_ten": name, "gioi_tinh": gender, "nam_sinh": str(g.r.randrange(1945, 2001)),
            "dia_chi": g.address(group), "to_dan_pho": f"Tổ dân phố {group}", "dien_thoai": g.phone(),
            "linh_vuc": field_name,
            "noi_dung": question,
            "ghi_chu": None,
        })
    return rows


def _petitions(g: _Gen, slips: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    at_conference, later, upward = schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD
    petitions: list[dict[str, Any]] = []
    # 50 from slips: every slip gives one, ten slips give a second one in another field.
    sources: list[tuple[dict[str, Any], str]] = [(s, s["linh_vuc"]) for s in slips[:40]]
    sources += [(s, g.r.choice([f for f in TOPICS if f != s["linh_vuc"]])) for s in slips[40:50]]
    answers: list[str] = []
    for slip, field_name in sources:
        if field_name == slip["linh_vuc"]:
            content, answer = slip["noi_dung"], g.answers[slip["noi_dung"]]
        else:
            content, answer = _question(g, field_name, slip["to_dan_pho"].replace("Tổ dân phố ", ""), g.asked)
        petitions.append({"ma_phieu": slip["ma_phieu"], "nguon": "Phiếu đăng ký", "nguoi_kien_nghi": slip["ho_ten"],
                          "dia_chi": slip["dia_chi"], "linh_vuc": field_name, "noi_dung": content})
        answers.append(answer)
    for j in range(PETITIONS - len(petitions)):
        organisation: str | None
        source, organisation = ORGANISATIONS[j % len(ORGANISATIONS)]
        if j % 5 == 4:
            source, organisation = "Tại hội nghị", None
        field_name = list(TOPICS)[j % len(TOPICS)]
        group = GROUPS[(j // len(TOPICS)) % 2]  # an organisation and a field come round again only for the other group
        if organisation is None:
            person, _ = g.person()
            organisation, address = person, g.address(group)
            content, answer = _question(g, field_name, group, g.asked)
        else:
            address = "Phường Tứ Minh"
            question, reply = g.r.choice(ORG_TOPICS[field_name])
            content, answer = question.format(org=organisation, group=group), reply.format(org=organisation, group=group)
            content = content[0].upper() + content[1:]
        petitions.append({"ma_phieu": None, "nguon": source, "nguoi_kien_nghi": organisation, "dia_chi": address,
                          "linh_vuc": field_name, "noi_dung": content})
        answers.append(answer)
    assignments: list[dict[str, Any]] = []
    units = list(UNITS)
    for i, petition in enumerate(petitions, start=1):
        code = f"KN-{i:03d}"
        field_name = petition["linh_vuc"]
        roll = g.r.random()
        handling = at_conference if roll < 0.35 else (later if roll < 0.88 else upward)
        competence = schema.COMPETENCE_UPPER if handling == upward else schema.COMPETENCE_LOCAL
        pending = handling == later and i % 6 == 0
        written: str | None = None if pending else answers[i - 1]
        if handling == upward:
            status = "Đã chuyển cấp trên"
            subject = petition["noi_dung"].split(";")[0].rstrip(".")
            subject = subject[0].lower() + subject[1:]
            written = (f"Nội dung “{subject}” vượt thẩm quyền của phường; UBND phường đã có văn bản báo cáo UBND thành phố "
                      "xem xét, giải quyết và sẽ thông báo kết quả khi nhận được trả lời.")
        elif pending:
            status = "Đang xử lý"
        else:
            status = "Đã giải quyết" if g.r.random() < 0.3 else "Đã trả lời"
        petition.update({
            "ma_kien_nghi": code, "tham_quyen": competence, "hinh_thuc_xu_ly": handling,
            "noi_dung_tra_loi": written, "trang_thai": status,
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
    slips = _slips(g)
    delegates = _delegates(g, slips)
    petitions, assignments = _petitions(g, slips)
    return SampleData(
        settings=_settings(),
        tables={"dai_bieu": delegates, "phieu": slips, "kien_nghi": petitions, "phan_cong": assignments,
                "moc_thoi_gian": [{**dict(zip(schema.MILESTONE_KEYS, m, strict=True)), "ngay_hoan_thanh": done}
                                  for m, done in zip(MILESTONES, MILESTONES_DONE, strict=True)],
                "chuong_trinh": None,
                "kinh_phi": [{"stt": n, "noi_dung": item, "so_tien": money} for n, (item, money) in enumerate(BUDGET, 1)]},
        calendar=[],
        lists={"don_vi": UNITS},
    )
