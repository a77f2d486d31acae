"""The sample conference: plan 118/KH-UBND of UBND phường Tứ Minh, conference on 12/6/2026 (seed 000).

Longer than the ~450-line guide on purpose: most of it is the sample's own text (80 petitions, each with its own
answer, and the people of the ward), data a trainer reads in one place; the logic that fills the workbook is short.

Synthetic but believable, fully deterministic (one `random.Random(seed)`, no clock). The sample is the ward's
workbook as it stands on `DEMO_TODAY` (19/6/2026), a week after the conference, and it holds together as a
Chairman would read it (issue 23):

- every petition has a handling class and a competence that agrees with it: "Cấp trên" and "Ghi nhận, báo cáo cấp
  trên" only for what the law gives to a level above the ward (the city's zoning plan and land price table, a
  national road, a level of allowance set by the State, the Bank for Social Policies' lending rules, an upper
  secondary school, the city's own project); a clean-up day or posting a list at the cultural house is the ward's;
- statuses agree with 19/6/2026: "Đã giải quyết" only for work done by then (every date its answer names is
  past); anything scheduled later is "Đang xử lý" with a future `Thời gian giải quyết`; no date done is after it.
  An assignment is done when its unit's answer is written (before the conference for what the Chairman answered
  there, after it for what is answered by letter); all were given in the memo of 26/5, those answered by letter
  with the Chairman's deadline of 26/6 typed, two still unanswered past the memo's own 05/6 (overdue, reminded);
- each matter is written once (`SLIP_MATTERS`, `ORGANISATION_MATTERS`), with its own answer; a petitioner asking
  about "my family" asks about the lane they live in; a neighbour's slip on a matter already compiled is noted on
  the slip (`MERGED`), not entered twice;
- each person has one name, one title and one gender everywhere (`PEOPLE`: the Chairman, who chairs and is on
  `Đại biểu`; the Vice-Chairwoman who signs; the Party secretary; the secretary of the conference; the demo's
  floor speakers and the Veterans' Association member), each organisation one name (the names intake gives it),
  each place one address (a cultural house is named, never placed on two lanes).

The timeline is plan 118's own (`MILESTONES`, with its "KH 118" notes); the units are Tứ Minh's; the programme is
the workbook's default. Stdlib only.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Any

from ..core import schema

DELEGATES = 150
SLIPS = 60
PETITIONS = 80
CONFERENCE = dt.date(2026, 6, 12)
PLAN_DATE = dt.date(2026, 5, 15)
DEMO_TODAY = dt.date(2026, 6, 19)  # the sample's "today": a week after the conference, letters and notice still to do
ASSIGNED = dt.date(2026, 5, 26)  # the assignment memo (Công văn phân công), plan 118: "từ ngày 22-26/5"
LATER_DUE = dt.date(2026, 6, 26)  # written answers: 10 working days after the conference, as the Chairman concluded
GROUPS = ("Cẩm Khê A", "Cẩm Khê B")
SPEAKERS_ON_THE_DAY = 8  # the first registered speakers came and spoke; their petitions are answered at the conference


@dataclass
class SampleData:
    settings: dict[str, Any]
    tables: dict[str, list[dict[str, Any]] | None]
    calendar: list[dict[str, Any]] = field(default_factory=list)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)


_OFFICE = "Văn phòng HĐND và UBND"
_KT, _VHXH = "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội"
_HCC, _DVC = "Trung tâm Phục vụ hành chính công", "Trung tâm Dịch vụ sự nghiệp công"
_CA, _QS = "Công an phường", "Ban Chỉ huy Quân sự phường"
UNITS = (_OFFICE, _KT, _VHXH, _HCC, _DVC, _CA, _QS)
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
# The timeline as of DEMO_TODAY: what was done and when (None: still to do), in MILESTONES' order.
MILESTONES_DONE = (dt.date(2026, 5, 18), dt.date(2026, 5, 18), dt.date(2026, 5, 22), ASSIGNED, dt.date(2026, 6, 1),
                   dt.date(2026, 6, 5), dt.date(2026, 6, 4), dt.date(2026, 6, 5), dt.date(2026, 6, 4), dt.date(2026, 6, 10),
                   CONFERENCE, None, None)


FAMILY = (["Nguyễn"] * 38 + ["Trần"] * 11 + ["Lê"] * 9 + ["Phạm"] * 7 + ["Hoàng"] * 5 + ["Vũ"] * 4 + ["Đặng"] * 3
          + ["Bùi"] * 3 + ["Đỗ"] * 3 + ["Hồ", "Ngô", "Dương", "Lý", "Đinh", "Phan", "Trịnh", "Mạc", "Cao", "Đoàn"])
MALE_MIDDLE = ("Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Tiến", "Ngọc", "Đình")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim")
MALE_GIVEN = ("Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Sơn", "Thắng", "Hiếu", "Khánh", "Phong", "Quân", "Toàn",
              "Trung", "Việt", "Bình", "Cường", "Đạt", "Hòa", "Lâm", "Nghĩa", "Phúc", "Tâm", "Thành", "Vinh", "Kiên")
FEMALE_GIVEN = ("Lan", "Hương", "Hà", "Mai", "Nga", "Hoa", "Thủy", "Yến", "Linh", "Trang", "Huyền", "Thảo", "Loan",
                "Hạnh", "Nhung", "Oanh", "Phượng", "Quyên", "Tuyết", "Vân", "Xuân", "Dung", "Hiền", "Liên")
# Each residential group lives on its own streets, so a lane belongs to one group.
STREETS_BY_GROUP = {"Cẩm Khê A": ("đường Cẩm Khê", "đường Tứ Minh", "phố Cẩm Thượng"),
                    "Cẩm Khê B": ("đường Nguyễn Lương Bằng", "đường Lê Thanh Nghị")}
STREETS = tuple(street for streets in STREETS_BY_GROUP.values() for street in streets)
MOBILE_PREFIXES = ("091", "094", "088", "098", "097", "096", "086", "090", "093", "089", "070", "077", "079", "083", "085",
                   "032", "035", "038", "039", "056")

# The people whose names the documents print, each with one name, one gender and one title (`Đại biểu`'s).
CHAIRMAN = ("Phạm Quang Huy", "Nam")  # Chủ tịch UBND phường: chairs the conference (plan 118, 3.1)
SIGNER = ("Nguyễn Thị Sâm", "Nữ")  # Phó Chủ tịch UBND phường: signs "KT. CHỦ TỊCH", as she signed plan 118
PARTY_SECRETARY = ("Trần Văn Quyết", "Nam")  # Bí thư Đảng ủy phường
SECRETARY = ("Lê Thị Hạnh", "Nữ")  # chuyên viên Văn phòng HĐND và UBND phường: takes the minutes
VETERAN = ("Phạm Văn Lộc", "Nam", "Cẩm Khê A")  # Chi hội trưởng Chi hội Cựu chiến binh; writes on the Association's form
FLOOR_SPEAKERS = (("Đỗ Văn Thịnh", "Nam", "Cẩm Khê B"), ("Vũ Thị Mai", "Nữ", "Cẩm Khê A"))  # speak from the floor
PEOPLE = (CHAIRMAN, SIGNER, PARTY_SECRETARY, SECRETARY, VETERAN[:2], *(p[:2] for p in FLOOR_SPEAKERS))

_UNIT = "phường Tứ Minh"
FRONT = f"Ủy ban MTTQ Việt Nam {_UNIT}"
VETERANS, WOMEN, FARMERS, YOUTH = (f"Hội Cựu chiến binh {_UNIT}", f"Hội Liên hiệp Phụ nữ {_UNIT}", f"Hội Nông dân {_UNIT}",
                                   f"Đoàn Thanh niên Cộng sản Hồ Chí Minh {_UNIT}")

_LAND, _ENV, _ROAD, _SOCIAL = "Đất đai", "Môi trường", "Hạ tầng, giao thông", "Chính sách xã hội"
_ORDER, _HEALTH, _LOAN, _OTHER = "An ninh, trật tự", "Y tế, giáo dục", "Vay vốn, tín dụng", "Khác"
LEAD_UNIT = {_LAND: _KT, _ENV: _KT, _ROAD: _KT, _SOCIAL: _VHXH, _ORDER: _CA, _HEALTH: _VHXH, _LOAN: _OFFICE, _OTHER: _DVC}

_AT, _LATER, _UP = schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD
_DONE, _ANSWERED, _OPEN = schema.STATUS_RESOLVED, schema.STATUS_ANSWERED, schema.STATUS_IN_PROGRESS
UPPER_LEVEL = "UBND thành phố"  # where the ward reports what is beyond it
RESULT = {  # `Kết quả, hướng giải quyết` by status
    _DONE: "Đã giải quyết xong",
    _ANSWERED: "Đã trả lời, hướng dẫn thực hiện",
    _OPEN: "Tiếp tục theo dõi, giải quyết",
    schema.STATUS_UPWARD: "Báo cáo UBND thành phố xem xét, giải quyết",
}
CHECKING = "Đang kiểm tra, xác minh"  # the result of a petition still waiting for its answer


@dataclass(frozen=True)
class Matter:
    """One petition as the ward handled it. Texts take {lane} (the petitioner's lane) and {group}."""

    field: str
    ask: str
    handling: str
    status: str
    answer: str | None = None  # None: still being checked, no answer yet
    when: str | None = None  # `Thời gian giải quyết`: set exactly when the matter is still open
    lead: str | None = None  # the unit that drafts the answer; None: answered by the Chairman himself
    support: tuple[str, ...] = ()
    due: dt.date | None = None  # a due date typed on the assignment (None: the tool computes it)
    born: tuple[int, int] = (1950, 1990)  # the petitioner's birth years, so "my mother is 76" is a grown child's slip


def _at(field_name: str, ask: str, status: str, answer: str, when: str | None = None, lead: str | None = None,
        support: tuple[str, ...] = (), born: tuple[int, int] = (1950, 1990)) -> Matter:
    return Matter(field_name, ask, _AT, status, answer, when, lead, support, None, born)


def _later(field_name: str, ask: str, status: str, answer: str | None, when: str | None = None, lead: str | None = None,
           support: tuple[str, ...] = (), due: dt.date | None = LATER_DUE, born: tuple[int, int] = (1950, 1990)) -> Matter:
    return Matter(field_name, ask, _LATER, status, answer, when, lead or LEAD_UNIT[field_name], support, due, born)


def _up(field_name: str, ask: str, answer: str, born: tuple[int, int] = (1950, 1990)) -> Matter:
    return Matter(field_name, ask, _UP, schema.STATUS_UPWARD, answer, born=born)


# The 50 slips that became petitions, in the order they were registered (slip i is P-00i and petition KN-00i; odd
# slips come from Cẩm Khê B, even ones from Cẩm Khê A). The first eight speakers were answered at the conference.
SLIP_MATTERS: tuple[Matter, ...] = (
    _at(_LAND, "Gia đình tôi ở {lane} muốn tách thửa đất để chia cho hai con; đề nghị phường hướng dẫn điều kiện, hồ sơ "
        "tách thửa và thời gian giải quyết.", _ANSWERED,
        "Điều kiện tách thửa thực hiện theo quy định của UBND thành phố về diện tích tối thiểu; hồ sơ gồm đơn đề nghị, "
        "Giấy chứng nhận bản gốc và bản trích đo thửa đất, nộp tại Trung tâm Phục vụ hành chính công phường, thời gian "
        "giải quyết không quá 15 ngày làm việc. Cán bộ địa chính sẽ kiểm tra thực địa thửa đất tại {lane} khi gia đình "
        "nộp hồ sơ.", lead=_KT, support=(_HCC,), born=(1955, 1975)),
    _at(_ENV, "Điểm tập kết rác đầu {lane} hai ngày mới được thu gom một lần, rác tràn ra lòng đường, bốc mùi; đề nghị "
        "thu gom hằng ngày.", _DONE,
        "Từ ngày 08/6/2026, đơn vị thu gom đã bố trí xe thu gom rác hằng ngày tại điểm tập kết đầu {lane}, từ 17 giờ đến "
        "19 giờ; tổ dân phố {group} nhắc các hộ bỏ rác đúng giờ.", lead=_KT),
    _at(_ROAD, "Mỗi khi mưa lớn, {lane} ngập sâu 30 - 40 cm do cống thoát nước nhỏ và xuống cấp; đề nghị phường sớm cải "
        "tạo.", _OPEN,
        "Phòng Kinh tế, Hạ tầng và Đô thị đã khảo sát; tuyến cống {lane} được đưa vào danh mục cải tạo thoát nước năm "
        "2026 bằng ngân sách phường, thi công trong quý III/2026; trong tháng 6/2026, phường cho thông tắc đoạn cống "
        "hiện có.", "Quý III/2026", _KT),
    _at(_SOCIAL, "Bố tôi là người có công với cách mạng, ở {lane}; hai tháng gần đây trợ cấp ưu đãi chi trả chậm; đề nghị "
        "kiểm tra.", _DONE,
        "Trợ cấp ưu đãi tháng 4 và tháng 5/2026 của gia đình tại {lane} chậm do điều chỉnh danh sách chi trả khi sắp xếp "
        "đơn vị hành chính; Phòng Văn hóa - Xã hội đã phối hợp Bưu điện chi trả đủ hai tháng ngày 09/6/2026.", lead=_VHXH,
        born=(1960, 1980)),
    _at(_ORDER, "Trong tháng 5, tại {lane} xảy ra liền mấy vụ mất trộm xe máy, đồ đạc để trong sân; đề nghị Công an "
        "phường tăng cường tuần tra.", _OPEN,
        "Công an phường đang xác minh 2 vụ mất trộm xe máy tại {lane}; từ ngày 01/6/2026, tổ tuần tra đêm hoạt động từ "
        "22 giờ đến 2 giờ sáng tại khu vực này và sẽ thông báo kết quả điều tra tới các gia đình bị mất tài sản.",
        "Quý III/2026", _CA),
    _at(_HEALTH, "Con tôi từ tỉnh khác chuyển về ở {lane}; đề nghị phường hướng dẫn thủ tục xin học lớp 6 tại Trường "
        "THCS Tứ Minh năm học 2026 - 2027.", _ANSWERED,
        "Học sinh cư trú trên địa bàn phường được xét tuyển vào lớp 6 Trường THCS Tứ Minh; gia đình đăng ký trực tuyến "
        "trên cổng tuyển sinh của thành phố trong thời gian Sở Giáo dục và Đào tạo thông báo, kèm học bạ tiểu học và "
        "thông tin cư trú tại {lane}; nhà trường hướng dẫn trực tiếp nếu gia đình cần.", born=(1978, 1992)),
    _at(_LOAN, "Con trai tôi mới thôi việc ở khu công nghiệp, muốn vay vốn mở cửa hàng sửa xe máy tại nhà ở {lane}; đề "
        "nghị hướng dẫn thủ tục vay vốn hỗ trợ tạo việc làm.", _ANSWERED,
        "Trường hợp của gia đình thuộc đối tượng vay vốn hỗ trợ tạo việc làm của Ngân hàng Chính sách xã hội; hồ sơ vay "
        "lập qua Tổ tiết kiệm và vay vốn của tổ dân phố {group}, được UBND phường xác nhận, giải ngân tại Điểm giao dịch "
        "của Ngân hàng ở trụ sở phường vào ngày 15 hằng tháng.", born=(1955, 1975)),
    _at(_OTHER, "Loa truyền thanh của tổ dân phố {group} đặt ở đầu {lane} hỏng hơn một tháng, người dân không nghe được "
        "thông báo; đề nghị sửa chữa.", _DONE,
        "Trung tâm Dịch vụ sự nghiệp công đã thay cụm loa truyền thanh ở đầu {lane} ngày 05/6/2026; loa đã phát thanh bình "
        "thường.", lead=_DVC),
    _later(_LAND, "Hồ sơ đề nghị cấp Giấy chứng nhận quyền sử dụng đất của gia đình tôi tại {lane} nộp từ tháng 10/2025 "
           "đến nay chưa có kết quả; đề nghị cho biết lý do.", _DONE,
           "Hồ sơ của gia đình tại {lane} chậm do thiếu bản trích đo địa chính; ngày 15/6/2026, Phòng Kinh tế, Hạ tầng và "
           "Đô thị đã đo đạc bổ sung và trình ký; Giấy chứng nhận đã được trao cho gia đình ngày 18/6/2026 tại Trung tâm "
           "Phục vụ hành chính công.", support=(_HCC,)),
    _later(_ENV, "Xưởng gia công cơ khí trong khu dân cư ở {lane} chạy máy đến 22 giờ, gây tiếng ồn lớn; đề nghị kiểm "
           "tra, xử lý.", _OPEN,
           "Ngày 16/6/2026, Phòng Kinh tế, Hạ tầng và Đô thị phối hợp Công an phường kiểm tra xưởng cơ khí tại {lane}, lập "
           "biên bản, yêu cầu chủ cơ sở không hoạt động sau 20 giờ và lắp vách cách âm trước ngày 15/7/2026; phường sẽ "
           "kiểm tra lại khi hết thời hạn.", "Tháng 7/2026", support=(_CA,)),
    _later(_ROAD, "Nhiều bóng đèn chiếu sáng trong {lane} bị hỏng, buổi tối đi lại rất tối; đề nghị thay thế.", _DONE,
           "Ngày 17/6/2026, đơn vị quản lý chiếu sáng đã thay 8 bóng đèn hỏng trong {lane}; khi có bóng hỏng, người dân "
           "báo qua Tổ trưởng tổ dân phố {group} để được thay trong 3 ngày làm việc."),
    _later(_SOCIAL, "Mẹ tôi năm nay 76 tuổi, ở {lane}, không có lương hưu; đề nghị phường hướng dẫn hồ sơ hưởng trợ cấp "
           "hưu trí xã hội.", _OPEN,
           "Ngày 15/6/2026, Phòng Văn hóa - Xã hội đã hướng dẫn gia đình tại {lane} lập hồ sơ trợ cấp hưu trí xã hội; hồ "
           "sơ đủ điều kiện, đang trình Chủ tịch UBND phường quyết định, trợ cấp được chi trả từ tháng 7/2026.",
           "Tháng 7/2026", support=(_HCC,), born=(1972, 1990)),
    # Two matters still unanswered past the memo's own deadline (8 working days, 05/6): overdue, and reminded.
    _later(_ORDER, "Một số hộ ở {lane} cho người lạ thuê trọ nhưng không khai báo tạm trú; đề nghị Công an phường kiểm "
           "tra.", _OPEN, None, "Tháng 6/2026", due=None),
    _later(_HEALTH, "Đề nghị Trạm Y tế phường cho biết lịch tiêm chủng mở rộng hằng tháng và cách đăng ký tiêm cho trẻ ở "
           "{lane}.", _ANSWERED,
           "Trạm Y tế phường tiêm chủng mở rộng vào ngày 25 hằng tháng; lịch cụ thể được thông báo trên loa truyền thanh "
           "và nhóm Zalo của tổ dân phố {group}; gia đình ở {lane} mang sổ tiêm chủng của trẻ đến Trạm, không phải đăng "
           "ký trước.", born=(1982, 2000)),
    _later(_LOAN, "Gia đình tôi ở {lane} vay vốn hộ cận nghèo, đến hạn trả nhưng con ốm nằm viện dài ngày; đề nghị xem "
           "xét cho gia hạn nợ.", _DONE,
           "Trường hợp của gia đình tại {lane} đủ điều kiện gia hạn nợ; Tổ tiết kiệm và vay vốn tổ dân phố {group} đã "
           "hướng dẫn lập giấy đề nghị, Ngân hàng Chính sách xã hội đã chấp thuận gia hạn 12 tháng ngày 17/6/2026."),
    _later(_OTHER, "Sân thể thao cạnh nhà văn hóa tổ dân phố {group} xuống cấp, mặt sân bong tróc; đề nghị sửa chữa để "
           "người dân tập luyện.", _OPEN,
           "Trung tâm Dịch vụ sự nghiệp công đã khảo sát; sân thể thao cạnh nhà văn hóa tổ dân phố {group} được làm lại "
           "mặt sân và lắp thêm đèn trong tháng 8/2026 từ kinh phí sự nghiệp văn hóa, thể thao của phường.",
           "Tháng 8/2026"),
    _up(_LAND, "Khu đất của các hộ ở {lane} nằm trong quy hoạch công viên cây xanh theo quy hoạch phân khu của thành phố "
        "nhiều năm nhưng chưa thực hiện, người dân không được cấp phép xây dựng, sửa chữa nhà; đề nghị điều chỉnh quy "
        "hoạch hoặc sớm triển khai dự án.",
        "Quy hoạch phân khu do UBND thành phố phê duyệt; điều chỉnh quy hoạch hoặc bố trí vốn thực hiện dự án thuộc thẩm "
        "quyền của thành phố. UBND phường ghi nhận, báo cáo UBND thành phố (qua Sở Xây dựng) xem xét và sẽ thông báo "
        "kết quả tới các hộ ở {lane}."),
    _at(_ENV, "Đề nghị phường cho biết lịch thu gom rác cồng kềnh để các hộ ở {lane} bỏ đúng nơi, đúng giờ.", _ANSWERED,
        "Rác cồng kềnh như đồ gỗ, nệm cũ được thu gom vào sáng Chủ nhật tuần thứ hai và tuần thứ tư hằng tháng tại điểm "
        "tập kết đầu {lane}; các hộ không để rác cồng kềnh ra lòng đường vào ngày khác."),
    _at(_ROAD, "Mặt đường {lane} xuống cấp, nhiều ổ gà, mưa xuống đọng nước; đề nghị đưa vào kế hoạch sửa chữa và cho "
        "biết Nhân dân có phải đóng góp không.", _OPEN,
        "Mặt đường {lane} được đưa vào danh mục duy tu năm 2026, thảm lại trong quý III/2026 bằng ngân sách phường; Nhân "
        "dân không phải đóng góp kinh phí.", "Quý III/2026", _KT),
    _at(_SOCIAL, "Gia đình tôi ở {lane} có con khuyết tật nặng, đã nộp hồ sơ xác định mức độ khuyết tật từ tháng 4/2026; "
        "đề nghị cho biết kết quả.", _DONE,
        "Hội đồng xác định mức độ khuyết tật phường đã họp ngày 28/5/2026, xác định cháu là người khuyết tật nặng; quyết "
        "định trợ cấp xã hội hằng tháng đã được ký ngày 04/6/2026, chi trả từ tháng 6/2026.", lead=_VHXH,
        born=(1975, 1995)),
    _at(_ORDER, "Đề nghị Công an phường hướng dẫn việc làm căn cước và tài khoản định danh điện tử cho người cao tuổi ở "
        "{lane} không tự đi lại được.", _ANSWERED,
        "Công an phường làm căn cước và tài khoản định danh điện tử tại nhà cho người cao tuổi, người ốm đau không đi lại "
        "được; gia đình ở {lane} báo danh sách qua Tổ trưởng tổ dân phố {group}, cán bộ đến làm thủ tục trong tuần tiếp "
        "theo.", lead=_CA),
    _at(_HEALTH, "Trường Mầm non Tứ Minh thiếu chỗ cho trẻ dưới 3 tuổi, nhiều gia đình ở {lane} phải gửi con ở nhóm trẻ tư "
        "thục; đề nghị tăng thêm lớp nhà trẻ.", _OPEN,
        "Năm học 2026 - 2027, Trường Mầm non Tứ Minh mở thêm 2 lớp nhà trẻ, nhận thêm 50 cháu dưới 3 tuổi; tuyển sinh từ "
        "ngày 01/7/2026, ưu tiên trẻ cư trú trên địa bàn phường.", "Tháng 7/2026", _VHXH, born=(1985, 2000)),
    _at(_LOAN, "Tôi là công nhân có thu nhập thấp ở {lane}, muốn vay vốn ưu đãi để sửa chữa nhà ở; đề nghị hướng dẫn điều "
        "kiện và thủ tục.", _ANSWERED,
        "Người thu nhập thấp được vay vốn ưu đãi để xây mới hoặc sửa chữa nhà ở tại Ngân hàng Chính sách xã hội theo quy "
        "định về nhà ở xã hội; hồ sơ gồm giấy đề nghị vay, xác nhận thu nhập của nơi làm việc và giấy tờ về nhà ở; Văn "
        "phòng HĐND và UBND phường hướng dẫn cụ thể tại Trung tâm Phục vụ hành chính công.", born=(1980, 2000)),
    _at(_OTHER, "Người đi làm ở {lane} khó sắp xếp thời gian làm thủ tục trong giờ hành chính; đề nghị Trung tâm Phục vụ "
        "hành chính công phường tiếp nhận hồ sơ cả sáng thứ Bảy.", _OPEN,
        "Từ tháng 7/2026, Trung tâm Phục vụ hành chính công phường tiếp nhận và trả kết quả hồ sơ vào sáng thứ Bảy hằng "
        "tuần; lịch làm việc được niêm yết tại trụ sở phường và thông báo trên loa truyền thanh.", "Tháng 7/2026", _HCC),
    _later(_LAND, "Hộ liền kề xây tường rào lấn ra ngõ đi chung ở {lane}, ngõ chỉ còn rộng 1,5 m, xe cứu thương không vào "
           "được; đề nghị phường kiểm tra.", _OPEN, None, "Tháng 6/2026", support=(_CA,), due=None),
    _later(_ENV, "Mương thoát nước hở dọc {lane} bị bồi lắng, rác ùn ứ, bốc mùi; đề nghị nạo vét.", _DONE,
           "Từ ngày 16/6/2026 đến ngày 18/6/2026, đơn vị vệ sinh môi trường đã nạo vét 350 m mương dọc {lane} và thu dọn "
           "rác; tổ dân phố {group} cử người giám sát, nhắc các hộ không xả rác xuống mương."),
    _later(_ROAD, "Xe tải chở vật liệu xây dựng thường xuyên đi vào {lane}, làm vỡ mặt đường và gây mất an toàn; đề nghị "
           "cắm biển hạn chế tải trọng.", _OPEN,
           "Phòng Kinh tế, Hạ tầng và Đô thị đã khảo sát, thống nhất cắm biển cấm xe trên 2,5 tấn ở đầu {lane}; biển được "
           "lắp trong tháng 7/2026, Công an phường tăng cường kiểm tra, xử lý xe vi phạm.", "Tháng 7/2026",
           support=(_CA,)),
    _later(_SOCIAL, "Gia đình tôi ở {lane} có hoàn cảnh khó khăn, thu nhập không ổn định; đề nghị phường rà soát, xét "
           "công nhận hộ cận nghèo.", _OPEN, None, "Tháng 6/2026"),
    _later(_ORDER, "Ô tô đỗ qua đêm chắn lối đi ở {lane} kéo dài nhiều tháng; đề nghị xử lý.", _DONE,
           "Ngày 15/6/2026, Công an phường đã làm việc với 5 chủ xe thường đỗ tại {lane}, yêu cầu cam kết không đỗ chắn "
           "lối đi; từ ngày 16/6/2026 không còn xe đỗ qua đêm ở đây, Công an phường tiếp tục kiểm tra."),
    _later(_HEALTH, "Đề nghị Trạm Y tế phường cấp thuốc điều trị tăng huyết áp, tiểu đường hằng tháng cho người bệnh ở "
           "{lane} để không phải lên bệnh viện thành phố.", _ANSWERED,
           "Trạm Y tế phường đã quản lý và cấp thuốc tăng huyết áp, tiểu đường theo đơn hằng tháng cho người có thẻ bảo "
           "hiểm y tế đăng ký khám ban đầu tại Trạm; người bệnh ở {lane} mang sổ khám bệnh đến Trạm trong giờ làm việc "
           "để được khám và lĩnh thuốc."),
    _later(_LOAN, "Tổ tiết kiệm và vay vốn của tổ dân phố {group} hết nguồn cho vay, nhiều hộ ở {lane} nộp hồ sơ từ đầu "
           "năm chưa được vay; đề nghị bổ sung nguồn vốn.", _OPEN,
           "Ngân hàng Chính sách xã hội đã phân bổ thêm nguồn vốn cho phường; Tổ tiết kiệm và vay vốn tổ dân phố {group} "
           "được giải ngân thêm 600 triệu đồng trong tháng 7/2026, ưu tiên các hộ ở {lane} đã nộp hồ sơ từ đầu năm.",
           "Tháng 7/2026"),
    _later(_OTHER, "Nhà văn hóa tổ dân phố {group} chưa có tủ sách; đề nghị phường hỗ trợ sách báo cho thiếu nhi đọc "
           "trong dịp hè.", _OPEN, None, "Tháng 6/2026"),
    _later(_LAND, "Gia đình tôi ở {lane} nhận thừa kế nhà đất của bố mẹ; đề nghị hướng dẫn thủ tục khai nhận thừa kế và "
           "sang tên Giấy chứng nhận.", _ANSWERED,
           "Gia đình lập văn bản khai nhận di sản thừa kế tại tổ chức hành nghề công chứng, sau đó nộp hồ sơ đăng ký biến "
           "động tại Trung tâm Phục vụ hành chính công phường; ngày 17/6/2026, cán bộ địa chính đã hướng dẫn gia đình ở "
           "{lane} chuẩn bị giấy tờ.", support=(_HCC,)),
    _later(_ENV, "Nhiều hộ ở {lane} thả rông chó, phóng uế ra đường; đề nghị phường có biện pháp xử lý.", _OPEN,
           "UBND phường đã giao tổ dân phố {group} lập danh sách các hộ nuôi chó, nhắc nhở không thả rông; từ tháng "
           "7/2026, tổ công tác trật tự đô thị kiểm tra và xử phạt các trường hợp vi phạm theo quy định.",
           "Tháng 7/2026", support=(_CA,)),
    _later(_ROAD, "Nắp hố ga giữa {lane} bị vỡ, đã có người đi xe máy bị ngã; đề nghị thay gấp.", _DONE,
           "Ngày 13/6/2026, Phòng Kinh tế, Hạ tầng và Đô thị đã cho thay nắp hố ga bằng gang tại {lane} và kiểm tra các "
           "hố ga khác trong ngõ."),
    _later(_SOCIAL, "Bà nội tôi hưởng trợ cấp xã hội hằng tháng, mới mất ở {lane}; đề nghị hướng dẫn thủ tục nhận hỗ trợ "
           "chi phí mai táng.", _OPEN,
           "Ngày 18/6/2026, Phòng Văn hóa - Xã hội đã tiếp nhận giấy chứng tử và tờ khai đề nghị hỗ trợ chi phí mai táng "
           "của gia đình ở {lane}; khoản hỗ trợ được chi trả trong tháng 7/2026.", "Tháng 7/2026", support=(_HCC,),
           born=(1985, 2000)),
    _later(_ORDER, "Đề nghị lắp camera an ninh tại các ngõ của tổ dân phố {group}, nhất là {lane}, để phòng ngừa trộm "
           "cắp.", _OPEN,
           "UBND phường vận động xã hội hóa lắp 6 camera tại các ngõ của tổ dân phố {group}, trong đó có đầu {lane}, kết "
           "nối về Công an phường; dự kiến hoàn thành trong tháng 8/2026.", "Tháng 8/2026"),
    _later(_ORDER, "Cổng Trường Tiểu học Tứ Minh giờ tan học thường ùn tắc do phụ huynh dừng xe dưới lòng đường; đề nghị "
           "có phương án bố trí chỗ đón trẻ.", _OPEN,
           "Từ ngày 15/6/2026, Công an phường bố trí lực lượng phân luồng trước cổng Trường Tiểu học Tứ Minh giờ tan học; "
           "từ tháng 9/2026, nhà trường cho phụ huynh đón trẻ trong sân trường.", "Tháng 9/2026", support=(_VHXH,),
           born=(1980, 1995)),
    _up(_ROAD, "Rãnh thoát nước dọc Quốc lộ 5 đoạn qua tổ dân phố {group} bị tắc, mưa lớn nước tràn vào các hộ ở {lane}; "
        "đề nghị cơ quan quản lý quốc lộ nạo vét, cải tạo.",
        "Quốc lộ 5 và hệ thống thoát nước dọc tuyến do cơ quan quản lý đường bộ của Bộ Xây dựng quản lý, ngoài thẩm quyền "
        "của phường; UBND phường ghi nhận, báo cáo UBND thành phố đề nghị cơ quan quản lý quốc lộ nạo vét, cải tạo đoạn "
        "rãnh qua {lane}."),
    _up(_SOCIAL, "Mức trợ cấp xã hội hằng tháng cho người cao tuổi cô đơn, không nơi nương tựa như bác tôi ở {lane} hiện "
        "thấp so với giá cả sinh hoạt; đề nghị Nhà nước xem xét nâng mức.",
        "Mức chuẩn trợ giúp xã hội do Chính phủ quy định, UBND phường không có thẩm quyền điều chỉnh; UBND phường ghi "
        "nhận, tổng hợp ý kiến của gia đình ở {lane} báo cáo UBND thành phố để kiến nghị cấp có thẩm quyền xem xét.",
        born=(1965, 1990)),
    _up(_LOAN, "Mức cho vay hộ cận nghèo của Ngân hàng Chính sách xã hội chưa đủ để các hộ ở {lane} đầu tư sản xuất, thời "
        "hạn vay lại ngắn; đề nghị nâng mức cho vay và kéo dài thời hạn.",
        "Mức cho vay và thời hạn cho vay đối với hộ cận nghèo do Thủ tướng Chính phủ và Hội đồng quản trị Ngân hàng Chính "
        "sách xã hội quy định; UBND phường ghi nhận, báo cáo UBND thành phố để kiến nghị lên cấp có thẩm quyền."),
    _up(_LAND, "Tiền sử dụng đất khi chuyển đất vườn sang đất ở theo bảng giá đất mới của thành phố tăng gấp nhiều lần, các "
        "hộ ở {lane} không đủ khả năng nộp; đề nghị thành phố xem xét điều chỉnh.",
        "Bảng giá đất do HĐND thành phố quyết định, UBND phường không có thẩm quyền điều chỉnh; UBND phường ghi nhận, báo "
        "cáo UBND thành phố ý kiến của các hộ ở {lane} để xem xét khi điều chỉnh bảng giá đất."),
    _up(_HEALTH, "Khu vực phường chưa có trường trung học phổ thông công lập, con em ở {lane} phải đi học xa hơn 7 km; đề "
        "nghị thành phố đầu tư xây dựng trường.",
        "Trường trung học phổ thông do Sở Giáo dục và Đào tạo quản lý, việc đầu tư xây mới theo quy hoạch mạng lưới trường "
        "học của thành phố; UBND phường ghi nhận, báo cáo UBND thành phố xem xét bố trí trường trên địa bàn.",
        born=(1970, 1990)),
    _up(_ORDER, "Tôi là thành viên Tổ bảo vệ an ninh, trật tự của tổ dân phố {group}; mức hỗ trợ hằng tháng cho thành viên "
        "tổ hiện thấp, đề nghị thành phố xem xét nâng mức hỗ trợ.",
        "Mức hỗ trợ hằng tháng cho thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở do HĐND thành phố quyết định; UBND "
        "phường ghi nhận, báo cáo UBND thành phố để trình HĐND thành phố xem xét khi điều chỉnh mức hỗ trợ.",
        born=(1960, 1990)),
    _at(_ENV, "Đề nghị phường cho biết quy định về giờ thi công xây dựng trong khu dân cư, vì công trình cạnh nhà tôi ở "
        "{lane} đổ bê tông cả ban đêm.", _ANSWERED,
        "Công trình xây dựng trong khu dân cư không được thi công gây tiếng ồn từ 22 giờ đến 6 giờ sáng, vật liệu phải "
        "che chắn, không đổ ra lòng đường; khi phát hiện vi phạm ở {lane}, người dân báo Tổ trưởng tổ dân phố {group} "
        "hoặc Công an phường để lập biên bản, xử lý."),
    _at(_HEALTH, "Đề nghị phun thuốc diệt muỗi phòng sốt xuất huyết ở {lane}, khu vực có nhiều ao tù.", _DONE,
        "Trạm Y tế phường đã phun hóa chất diệt muỗi tại {lane} và các ngõ lân cận ngày 09/6/2026, đồng thời hướng dẫn "
        "các hộ phát quang bụi rậm, thả cá diệt bọ gậy ở ao tù.", lead=_VHXH),
    _at(_ROAD, "Cầu bê tông bắc qua mương ở đầu {lane} đã nứt, gãy lan can, trẻ em đi học qua rất nguy hiểm; đề nghị làm "
        "lại.", _OPEN,
        "Ngày 10/6/2026, phường đã rào chắn, cắm biển cảnh báo tại cầu đầu {lane}; cầu được làm lại bằng bê tông cốt thép "
        "trong tháng 8/2026 từ nguồn dự phòng ngân sách phường.", "Tháng 8/2026", _KT, (_CA,)),
    _at(_SOCIAL, "Đề nghị phường hướng dẫn thủ tục tham gia bảo hiểm xã hội tự nguyện cho người buôn bán nhỏ như tôi ở "
        "{lane} và mức Nhà nước hỗ trợ.", _ANSWERED,
        "Người buôn bán nhỏ đăng ký bảo hiểm xã hội tự nguyện tại đại lý thu bảo hiểm xã hội ở phường hoặc trên ứng dụng "
        "VssID; Nhà nước hỗ trợ một phần mức đóng, cao hơn với người thuộc hộ nghèo, hộ cận nghèo. Cán bộ Phòng Văn hóa - "
        "Xã hội hướng dẫn trực tiếp tại Trung tâm Phục vụ hành chính công."),
    _at(_OTHER, "Đề nghị phường cho biết lịch tiếp công dân của Chủ tịch UBND phường sau khi sắp xếp đơn vị hành chính.",
        _ANSWERED,
        "Chủ tịch UBND phường tiếp công dân định kỳ vào sáng thứ Năm tuần thứ hai và tuần thứ tư hằng tháng tại phòng "
        "tiếp công dân, trụ sở UBND phường; lịch tiếp được niêm yết tại Trung tâm Phục vụ hành chính công và đăng trên "
        "trang thông tin điện tử của phường."),
    _at(_ROAD, "Cột điện hạ thế ở đầu {lane} bị nghiêng sau trận mưa giông, dây điện võng thấp; đề nghị ngành điện khắc "
        "phục.", _DONE,
        "UBND phường đã báo Điện lực khu vực; ngày 04/6/2026, Điện lực đã dựng lại cột và căng lại dây điện tại đầu "
        "{lane}.", lead=_KT),
)
# Slips on a matter another slip from the same lane had already raised: (slip, the earlier slip, the neighbour's own
# words). The office compiled one petition and notes it on the later slip.
MERGED: tuple[tuple[int, int, str], ...] = (
    (51, 3, "Nhà tôi cùng ngõ với nhiều hộ ở {lane}, cứ mưa to là nước tràn vào nhà vì cống không thoát kịp; đề nghị phường "
            "làm lại cống."),
    (52, 2, "Rác ở điểm tập kết đầu {lane} để qua ngày mới được chở đi, ruồi nhặng nhiều, nhất là mùa hè; đề nghị thu gom "
            "thường xuyên hơn."),
    (53, 11, "Đèn đường trong {lane} hỏng gần hết, tối đến người già, trẻ nhỏ đi lại rất nguy hiểm; đề nghị sửa đèn."),
    (54, 26, "Con mương chạy dọc {lane} lâu ngày không được nạo vét, bùn và rác ứ đọng, bốc mùi hôi; đề nghị cho nạo vét."),
    (55, 19, "Đường vào {lane} nhiều ổ gà, trời mưa lầy lội, xe máy đi lại hay bị ngã; đề nghị sớm sửa đường."),
    (57, 29, "Ô tô đỗ qua đêm ở {lane} chắn hết lối đi, xe cứu hỏa không vào được; đề nghị có biện pháp xử lý."),
    (58, 8, "Đề nghị sửa cụm loa truyền thanh ở đầu {lane} vì đã lâu không phát, bà con không nắm được thông báo của phường."),
    (60, 24, "Tôi đi làm cả tuần, khó sắp xếp thời gian làm thủ tục trong giờ hành chính; đề nghị bộ phận một cửa của phường "
             "làm việc cả sáng thứ Bảy."),
)
OUT_OF_SCOPE = {  # two slips that are not matters for the dialogue: validation flags them, the agenda gives them no turn
    56: "Tôi khiếu nại quyết định xử phạt vi phạm hành chính của Công an phường đối với con trai tôi; đề nghị hủy quyết "
        "định.",
    59: "Gia đình tôi tranh chấp ranh giới đất với hộ liền kề tại {lane}; đề nghị phường giải quyết dứt điểm.",
}

# What the Front and the four organisations compiled from their members, in their voice; six matters each. In the
# sheet they come in turn (the Front's first, then the Veterans', …), the k-th of each about group GROUPS[k % 2].
ORGANISATION_MATTERS: dict[str, tuple[Matter, ...]] = {
    FRONT: (
        _later(_LAND, "Qua giám sát, một số hồ sơ đăng ký biến động đất đai tại Trung tâm Phục vụ hành chính công phường "
               "trả kết quả chậm so với giấy hẹn mà không có văn bản xin lỗi; đề nghị UBND phường chấn chỉnh.", _ANSWERED,
               "UBND phường đã chấn chỉnh việc giải quyết hồ sơ đất đai: từ ngày 15/6/2026, mọi hồ sơ trễ hạn đều có phiếu "
               "xin lỗi và hẹn lại ngày trả kết quả; tình hình giải quyết hồ sơ được gửi Ủy ban MTTQ Việt Nam phường hằng "
               "tháng để giám sát.", lead=_HCC, support=(_KT,)),
        _at(_ENV, "Đề nghị UBND phường triển khai phân loại rác thải sinh hoạt tại nguồn, làm thí điểm ở tổ dân phố {group}; "
            "Mặt trận và các đoàn thể sẽ vận động hội viên thực hiện.", _OPEN,
            "UBND phường thống nhất làm thí điểm phân loại rác tại nguồn ở tổ dân phố {group} từ tháng 8/2026, cấp thùng "
            "phân loại cho các hộ; đề nghị Ủy ban MTTQ Việt Nam phường chủ trì vận động Nhân dân thực hiện.",
            "Tháng 8/2026", _KT),
        _later(_ROAD, "Đề nghị công khai danh mục, dự toán và tiến độ các công trình hạ tầng do phường làm chủ đầu tư năm "
               "2026 để Ban Giám sát đầu tư của cộng đồng và Nhân dân giám sát.", _DONE,
               "Ngày 17/6/2026, UBND phường đã niêm yết danh mục, dự toán và tiến độ 5 công trình hạ tầng năm 2026 tại trụ "
               "sở phường và nhà văn hóa các tổ dân phố, gửi Ban Giám sát đầu tư của cộng đồng để theo dõi.",
               support=(_OFFICE,)),
        _at(_SOCIAL, "Đề nghị niêm yết danh sách hộ nghèo, hộ cận nghèo và người hưởng trợ cấp xã hội tại nhà văn hóa các "
            "tổ dân phố để Nhân dân cùng giám sát việc bình xét.", _DONE,
            "Danh sách hộ nghèo, hộ cận nghèo năm 2026 và người hưởng trợ cấp xã hội đã được niêm yết tại nhà văn hóa các "
            "tổ dân phố từ ngày 02/6/2026; ý kiến của Nhân dân về danh sách gửi Phòng Văn hóa - Xã hội để kiểm tra, trả "
            "lời.", lead=_VHXH),
        _at(_ORDER, "Nhiều người cao tuổi bị đối tượng giả danh công an, nhân viên ngân hàng gọi điện lừa chuyển tiền; đề "
            "nghị Công an phường tăng cường tuyên truyền phòng chống lừa đảo qua mạng đến từng khu dân cư.", _OPEN,
            "Công an phường phối hợp Ủy ban MTTQ Việt Nam phường tổ chức tuyên truyền phòng chống lừa đảo qua mạng tại nhà "
            "văn hóa Tổ dân phố Cẩm Khê A ngày 05/7/2026 và phát tờ rơi cảnh báo các thủ đoạn giả danh đến từng hộ.",
            "Tháng 7/2026", _CA),
        _up(_ROAD, "Dự án cải tạo tuyến kênh tiêu thoát nước chính chạy qua phường do thành phố làm chủ đầu tư chậm tiến độ "
            "gần hai năm, nhiều khu dân cư bị ngập khi mưa lớn; đề nghị thành phố đẩy nhanh tiến độ.",
            "Dự án do UBND thành phố làm chủ đầu tư, tiến độ và vốn thuộc thẩm quyền của thành phố; UBND phường ghi nhận, "
            "báo cáo UBND thành phố đề nghị đẩy nhanh tiến độ, trong khi chờ dự án sẽ khơi thông các điểm ngập trên địa "
            "bàn."),
    ),
    VETERANS: (
        _at(_ORDER, "Đề nghị tạo điều kiện để hội viên Cựu chiến binh tham gia Tổ bảo vệ an ninh, trật tự ở cơ sở và được "
            "tập huấn nghiệp vụ.", _OPEN,
            "Công an phường thống nhất bổ sung hội viên Cựu chiến binh vào Tổ bảo vệ an ninh, trật tự của hai tổ dân phố; "
            "lớp tập huấn nghiệp vụ cho thành viên các tổ tổ chức ngày 25/7/2026 tại trụ sở Công an phường.",
            "Tháng 7/2026", _CA, (_QS,)),
        _later(_OTHER, "Nhà bia ghi tên liệt sĩ của phường bị thấm dột, bong tróc; đề nghị tu sửa trước ngày kỷ niệm Thương "
               "binh - Liệt sĩ 27/7.", _OPEN,
               "UBND phường bố trí 80 triệu đồng tu sửa nhà bia ghi tên liệt sĩ, hoàn thành trước ngày 20/7/2026 để tổ chức "
               "lễ tri ân kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ.", "Tháng 7/2026", _VHXH, (_DVC,)),
        _later(_ENV, "Hội viên ở tổ dân phố {group} phản ánh khu đất công bỏ trống cạnh {lane} bị đổ trộm phế thải xây dựng; "
               "đề nghị thu dọn và ngăn chặn.", _OPEN,
               "Ngày 17/6/2026, phường đã thu dọn 30 m³ phế thải tại khu đất công cạnh {lane}; trong tháng 7/2026, phường "
               "dựng rào chắn, biển cấm đổ phế thải và giao tổ dân phố {group} giám sát.", "Tháng 7/2026", support=(_CA,)),
        _later(_ROAD, "Đề nghị làm đường dốc và tay vịn ở cổng Trạm Y tế phường để người cao tuổi, người khuyết tật đi lại "
               "thuận tiện.", _OPEN,
               "Phòng Kinh tế, Hạ tầng và Đô thị đã khảo sát; đường dốc và tay vịn ở cổng Trạm Y tế phường được làm trong "
               "tháng 7/2026 từ kinh phí sửa chữa thường xuyên của phường.", "Tháng 7/2026"),
        _later(_LOAN, "Đề nghị phường đề xuất Ngân hàng Chính sách xã hội tăng nguồn vốn ủy thác qua Hội Cựu chiến binh để "
               "hội viên vay phát triển kinh tế gia đình.", _OPEN,
               "Ngày 17/6/2026, Phòng giao dịch Ngân hàng Chính sách xã hội đã thống nhất với đề xuất của phường, tăng nguồn "
               "vốn ủy thác qua Hội Cựu chiến binh phường thêm 500 triệu đồng, giải ngân trong quý III/2026.",
               "Quý III/2026"),
        _at(_OTHER, "Đề nghị bố trí phòng làm việc cho Hội tại trụ sở UBND phường sau khi sắp xếp đơn vị hành chính.", _DONE,
            "UBND phường đã bố trí phòng làm việc chung cho Hội Cựu chiến binh và Hội Nông dân tại tầng 2 nhà B, trụ sở "
            "UBND phường từ ngày 01/6/2026."),
    ),
    WOMEN: (
        _at(_LOAN, "Tổ tiết kiệm và vay vốn do Hội quản lý ở tổ dân phố {group} đã có hơn 60 thành viên; đề nghị cho thành "
            "lập thêm một tổ để hội viên dễ tiếp cận vốn.", _OPEN,
            "UBND phường đồng ý để Hội Liên hiệp Phụ nữ phường thành lập thêm một tổ tiết kiệm và vay vốn ở tổ dân phố "
            "{group}; Ngân hàng Chính sách xã hội đã hướng dẫn thủ tục ngày 10/6/2026, tổ mới hoạt động từ tháng 7/2026.",
            "Tháng 7/2026", _OFFICE),
        _at(_HEALTH, "Đề nghị mở lớp dạy bơi, phòng chống đuối nước miễn phí cho trẻ em trong dịp hè.", _OPEN,
            "Trung tâm Dịch vụ sự nghiệp công phối hợp Hội Liên hiệp Phụ nữ phường mở 2 lớp dạy bơi miễn phí cho 60 trẻ em "
            "từ ngày 06/7/2026 tại bể bơi lắp ghép ở sân Trường THCS Tứ Minh.", "Tháng 7/2026", _DVC, (_VHXH,)),
        _later(_SOCIAL, "Đề nghị rà soát, hỗ trợ phụ nữ đơn thân nuôi con nhỏ có hoàn cảnh khó khăn ở tổ dân phố {group} "
               "học nghề, vay vốn tạo việc làm.", _OPEN, None, "Tháng 6/2026", support=(_OFFICE,)),
        _later(_ORDER, "Một số cơ sở karaoke ở {lane} hoạt động quá 24 giờ, gây ồn và mất trật tự; đề nghị kiểm tra, xử "
               "lý.", _DONE,
               "Ngày 16/6/2026, Công an phường phối hợp Trung tâm Dịch vụ sự nghiệp công kiểm tra 2 cơ sở karaoke ở {lane}, "
               "xử phạt 1 cơ sở hoạt động quá giờ; các chủ cơ sở đã cam kết đóng cửa trước 24 giờ.", support=(_DVC,)),
        _at(_ENV, "Đề nghị phường cấp cây bóng mát để hội viên trồng, chăm sóc dọc {lane} trong phong trào “Xanh - Sạch - "
            "Đẹp”.", _OPEN,
            "UBND phường cấp 120 cây bóng mát cho Hội Liên hiệp Phụ nữ phường trồng dọc {lane} trong tháng 9/2026, khi thời "
            "tiết thuận lợi; Phòng Kinh tế, Hạ tầng và Đô thị hướng dẫn chọn giống cây và vị trí trồng.", "Tháng 9/2026",
            _KT),
        _at(_OTHER, "Đề nghị cho các chi hội phụ nữ sử dụng nhà văn hóa tổ dân phố vào buổi tối để tập văn nghệ, không thu "
            "phí.", _ANSWERED,
            "Nhà văn hóa các tổ dân phố mở cửa miễn phí cho các chi hội phụ nữ tập văn nghệ từ 19 giờ đến 21 giờ các ngày "
            "trong tuần; chi hội đăng ký lịch với Tổ trưởng tổ dân phố để không trùng các hoạt động khác."),
    ),
    FARMERS: (
        _later(_LAND, "Đề nghị cho biết kế hoạch sử dụng đất công ích của phường năm 2026 và tạo điều kiện cho hội viên "
               "thuê đất sản xuất rau an toàn.", _OPEN,
               "Phường còn 2,3 ha đất công ích ở cánh đồng Cẩm Khê; UBND phường tổ chức cho thuê qua đấu giá trong quý "
               "III/2026, hội viên Hội Nông dân được hướng dẫn hồ sơ tham gia.", "Quý III/2026", support=(_HCC,)),
        _later(_ROAD, "Tuyến đường nội đồng ra khu sản xuất rau ở cánh đồng Cẩm Khê lầy lội khi trời mưa; đề nghị cứng hóa "
               "để hội viên vận chuyển nông sản.", _OPEN,
               "Tuyến đường nội đồng dài 800 m ra cánh đồng Cẩm Khê được đưa vào kế hoạch cứng hóa quý IV/2026, phường hỗ "
               "trợ xi măng, hội viên góp ngày công.", "Quý IV/2026"),
        _at(_ENV, "Đề nghị bố trí bể thu gom vỏ bao bì thuốc bảo vệ thực vật ở cánh đồng Cẩm Khê, tránh vứt bừa bãi xuống "
            "kênh mương.", _DONE,
            "Phường đã xây 4 bể thu gom vỏ bao bì thuốc bảo vệ thực vật ở các đầu bờ cánh đồng Cẩm Khê, đưa vào sử dụng "
            "từ ngày 03/6/2026; đơn vị môi trường thu gom, xử lý mỗi quý một lần.", lead=_KT),
        _later(_LOAN, "Đề nghị phường giúp hội viên tiếp cận vốn vay của Quỹ Hỗ trợ nông dân để chuyển sang trồng hoa, cây "
               "cảnh.", _OPEN,
               "Hội Nông dân phường đã lập danh sách 12 hộ có nhu cầu; ngày 16/6/2026, UBND phường xác nhận và gửi hồ sơ đề "
               "nghị Quỹ Hỗ trợ nông dân thành phố xem xét cho vay, dự kiến có kết quả trong quý III/2026.",
               "Quý III/2026"),
        _later(_ORDER, "Ở khu sản xuất cánh đồng Cẩm Khê thường xuyên mất trộm máy bơm nước, dây điện; đề nghị Công an "
               "phường tăng cường tuần tra.", _ANSWERED,
               "Từ ngày 15/6/2026, Công an phường tuần tra khu vực cánh đồng Cẩm Khê 3 đêm mỗi tuần và hướng dẫn hội viên "
               "Hội Nông dân lập tổ tự quản bảo vệ sản xuất; từ đó đến nay chưa xảy ra mất trộm.", support=(_QS,)),
        _later(_OTHER, "Đề nghị mở lớp tập huấn kỹ thuật trồng rau theo tiêu chuẩn VietGAP cho hội viên.", _OPEN,
               "Trung tâm Dịch vụ sự nghiệp công phối hợp Hội Nông dân phường mở lớp tập huấn trồng rau theo tiêu chuẩn "
               "VietGAP cho 40 hội viên trong tháng 8/2026.", "Tháng 8/2026"),
    ),
    YOUTH: (
        _at(_OTHER, "Đề nghị cho sử dụng sân nhà văn hóa tổ dân phố {group} làm điểm vui chơi cho thiếu nhi vào các buổi "
            "chiều trong dịp hè.", _ANSWERED,
            "UBND phường đồng ý; sân nhà văn hóa tổ dân phố {group} mở cửa cho thiếu nhi vui chơi các buổi chiều trong dịp "
            "hè, Đoàn Thanh niên phường phân công đoàn viên trông coi, bảo đảm an toàn."),
        _at(_ORDER, "Đề nghị Công an phường phối hợp tuyên truyền phòng chống ma túy cho học sinh và thanh niên ở khu dân "
            "cư.", _OPEN,
            "Công an phường phối hợp Đoàn Thanh niên phường tuyên truyền phòng chống ma túy tại Trường THCS Tứ Minh và hai "
            "tổ dân phố trong tháng 6/2026, hưởng ứng Ngày Quốc tế phòng, chống ma túy 26/6.", "Tháng 6/2026", _CA),
        _later(_SOCIAL, "Đề nghị phường hỗ trợ thanh niên chưa có việc làm học nghề, tìm việc sau khi tốt nghiệp trung học "
               "phổ thông.", _OPEN,
               "Phòng Văn hóa - Xã hội phối hợp Trung tâm Dịch vụ việc làm thành phố tổ chức phiên giao dịch việc làm tại "
               "phường ngày 10/7/2026 và giới thiệu thanh niên đăng ký học nghề miễn phí.", "Tháng 7/2026"),
        _later(_ROAD, "Đề nghị lắp điểm phát wifi miễn phí tại nhà văn hóa các tổ dân phố để đoàn viên, thanh niên sinh hoạt, "
               "học tập.", _OPEN, None, "Tháng 6/2026", _DVC),
        _later(_ENV, "Đề nghị hỗ trợ dụng cụ để đoàn viên ra quân làm sạch mương, ngõ xóm ở tổ dân phố {group} vào ngày Chủ "
               "nhật xanh hằng tháng.", _DONE,
               "UBND phường đã cấp 50 bộ dụng cụ lao động cho Đoàn Thanh niên phường; ngày 14/6/2026, 80 đoàn viên ra quân "
               "Chủ nhật xanh làm sạch mương, ngõ xóm ở tổ dân phố {group}.", lead=_DVC, support=(_KT,)),
        _later(_HEALTH, "Đề nghị mở lớp kỹ năng sống và tiếng Anh miễn phí cho thiếu nhi tại nhà văn hóa trong dịp hè.",
               _OPEN,
               "Từ ngày 13/7/2026, Đoàn Thanh niên phường phối hợp Trường THCS Tứ Minh mở lớp kỹ năng sống và tiếng Anh miễn "
               "phí cho thiếu nhi tại nhà văn hóa Tổ dân phố Cẩm Khê B, mỗi tuần 2 buổi.", "Tháng 7/2026"),
    ),
}
# The province generator and the benchmarks draw citizens' questions and one answer per field from the same texts.
TOPICS: dict[str, list[tuple[str, str]]] = {}
for _matter in SLIP_MATTERS:
    TOPICS.setdefault(_matter.field, []).append((_matter.ask, ""))
ANSWER = {name: next(m.answer for m in SLIP_MATTERS if m.field == name and m.answer).format(
    lane="khu vực được phản ánh", group="được phản ánh") for name in TOPICS}


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.used_names: set[str] = {name for name, _ in PEOPLE}  # the named people are nobody else
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
        """A lane of `group`'s own streets (any street for a group the sample does not know)."""
        return f"ngõ {self.r.randrange(2, 40)} {self.r.choice(STREETS_BY_GROUP.get(group, STREETS))}"

    def address(self, group: str, lane: str | None = None) -> str:
        return f"Số {self.r.randrange(1, 120)}, {lane or self.lane(group)}, Tổ dân phố {group}"

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
        "chu_tri": "Chủ tịch UBND phường",  # plan 118, 3.1: "Đồng chí Chủ tịch UBND phường" (CHAIRMAN on `Đại biểu`)
        "ten_van_phong": _OFFICE,
        "noi_nhan_bao_cao": "",
        "noi_nhan_thong_bao": "",
        "noi_nhan_tra_loi": f"- Như trên;\n- {FRONT} (để giám sát);\n- Lưu: VT, VP.",
        "so_dai_bieu_du_kien": 150,
        "so_phut_moi_luot": 5,
        "so_ngay_giai_quyet": 8,
        "nguoi_ky": SIGNER[0],
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


# Who is invited (plan 118, 3.2): (group index, title, organisation, the named person or the gender the role implies).
_WARD = f"UBND {_UNIT}"
_ROLES: tuple[tuple[int, str, str, tuple[str, str] | str | None], ...] = (
    (0, "Phó Trưởng ban", "Ban Tuyên giáo và Dân vận Thành ủy", None),
    (0, "Chuyên viên", "Ban Tuyên giáo và Dân vận Thành ủy", None),
    (1, "Bí thư Đảng ủy", f"Đảng ủy {_UNIT}", PARTY_SECRETARY),
    (1, "Phó Bí thư Thường trực Đảng ủy", f"Đảng ủy {_UNIT}", None),
    (1, "Trưởng ban", "Ban Xây dựng đảng Đảng ủy phường", None),
    (1, "Chủ tịch HĐND", f"HĐND {_UNIT}", None),
    (1, "Phó Chủ tịch HĐND", f"HĐND {_UNIT}", None),
    (1, "Chủ tịch UBND", _WARD, CHAIRMAN),
    (1, "Phó Chủ tịch UBND", _WARD, SIGNER),
    (1, "Phó Chủ tịch UBND", _WARD, None),
    (1, "Chủ tịch Ủy ban MTTQ Việt Nam", FRONT, None),
    (1, "Chủ tịch Hội Cựu chiến binh", VETERANS, "Nam"),
    (1, "Chủ tịch Hội Liên hiệp Phụ nữ", WOMEN, "Nữ"),
    (1, "Bí thư Đoàn Thanh niên", YOUTH, None),
    (1, "Chủ tịch Hội Nông dân", FARMERS, None),
    (1, "Trưởng Công an phường", "Công an phường Tứ Minh", "Nam"),
    (1, "Chỉ huy trưởng", _QS, "Nam"),
    (1, "Chánh Văn phòng", f"{_OFFICE} phường", None),
    (1, "Trưởng phòng", _KT, None),
    (1, "Trưởng phòng", _VHXH, None),
    (1, "Giám đốc", _HCC, None),
    (1, "Giám đốc", _DVC, None),
    (1, "Chuyên viên", f"{_OFFICE} phường", SECRETARY),
    (1, "Chuyên viên", f"{_OFFICE} phường", None),
    (1, "Chuyên viên", f"{_OFFICE} phường", None),
)
_GROUP_ROLES: tuple[tuple[str, str | None], ...] = (
    ("Bí thư Chi bộ", None), ("Phó Bí thư Chi bộ", None), ("Tổ trưởng Tổ dân phố", None),
    ("Trưởng Ban Công tác Mặt trận", None), ("Chi hội trưởng Chi hội Phụ nữ", "Nữ"),
    ("Chi hội trưởng Chi hội Cựu chiến binh", "Nam"), ("Chi hội trưởng Chi hội Người cao tuổi", None),
    ("Tổ trưởng Tổ bảo vệ an ninh, trật tự", "Nam"), ("Khu đội trưởng", "Nam"), ("Bí thư Chi đoàn", None),
)


_ALWAYS = ("Bí thư Chi bộ", "Tổ trưởng Tổ dân phố")  # the hosts: the conference is in their group's cultural house


def _delegates(g: _Gen, slips: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The invited: the ward's people (the Chairman, the signer, the secretary … as `PEOPLE` names them), each group's
    officers, every citizen who registered to speak or spoke from the floor (they sign in on the day), then others."""
    upper, ward, group_level, citizens = schema.lookup("nhom_dai_bieu").values
    levels = (upper, ward)
    invited: list[tuple[str, str, str, tuple[str, str] | str | None]] = [
        (levels[level], title, unit, who) for level, title, unit, who in _ROLES]
    for group in GROUPS:
        for title, gender in _GROUP_ROLES:
            veteran = title.endswith("Cựu chiến binh") and group == VETERAN[2]
            invited.append((group_level, title, f"Tổ dân phố {group}", VETERAN[:2] if veteran else gender))
    spoke = {s["ho_ten"] for s in slips[:SPEAKERS_ON_THE_DAY]}
    people = [(s["ho_ten"], s["gioi_tinh"], s["to_dan_pho"]) for s in slips]
    people += [(name, gender, f"Tổ dân phố {group}") for name, gender, group in FLOOR_SPEAKERS]
    named = {name for name, _ in PEOPLE} | spoke
    rows = []
    for i in range(1, DELEGATES + 1):
        if i <= len(invited):
            group, position, unit, who = invited[i - 1]
            name, gender = who if isinstance(who, tuple) else g.person(who)
        elif people:
            group, position = citizens, "Công dân"
            name, gender, unit = people.pop(0)
        else:
            group, position, unit = citizens, "Công dân", f"Tổ dân phố {GROUPS[i % 2]}"
            name, gender = g.person()
        expected = name in named or group == ward or position in _ALWAYS  # the ward's officials all came
        confirmed = "Có" if expected or g.r.random() < 0.93 else "Không"
        present = "Có" if expected or (confirmed == "Có" and g.r.random() < 0.95) else "Không"
        rows.append({
            "stt": i, "ho_ten": name, "gioi_tinh": gender, "chuc_vu": position, "don_vi": unit, "nhom": group,
            "dien_thoai": g.phone() if g.r.random() < 0.9 else None,
            "ngay_gui_giay_moi": g.working_day(dt.date(2026, 6, 1), dt.date(2026, 6, 5)),
            "xac_nhan": confirmed, "co_mat": present, "ghi_chu": None,
        })
    return rows


def _slips(g: _Gen) -> list[dict[str, Any]]:
    """Sixty slips: fifty matters, eight neighbours' slips on a matter already raised from their lane, two out of scope."""
    merged = {slip: (earlier, words) for slip, earlier, words in MERGED}
    rows: list[dict[str, Any]] = []
    for i in range(1, SLIPS + 1):
        group = GROUPS[i % 2]
        matter = SLIP_MATTERS[i - 1] if i <= len(SLIP_MATTERS) else None
        note = None
        if i in merged:
            earlier, words = merged[i]
            lane = rows[earlier - 1]["ngo"]
            field_name, text = rows[earlier - 1]["linh_vuc"], words.format(lane=lane, group=group)
            note = f"Cùng nội dung phiếu P-{earlier:03d}, đã tổng hợp vào kiến nghị KN-{earlier:03d}."
        else:
            lane = g.lane(group)
            text = (matter.ask if matter else OUT_OF_SCOPE[i]).format(lane=lane, group=group)
            field_name = matter.field if matter else _LAND if "đất" in text else _ORDER
        name, gender = g.person()
        low, high = matter.born if matter else (1950, 1990)
        rows.append({
            "ma_phieu": f"P-{i:03d}",
            "ngay_nhan": dt.date(2026, 5, 18) + dt.timedelta(days=min(4, (i - 1) * 5 // SLIPS)),
            "ho_ten": name, "gioi_tinh": gender, "nam_sinh": str(g.r.randrange(low, high + 1)),
            "dia_chi": g.address(group, lane), "to_dan_pho": f"Tổ dân phố {group}", "dien_thoai": g.phone(),
            "linh_vuc": field_name, "noi_dung": text, "ghi_chu": note, "ngo": lane,
        })
    return rows


_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")


def dates_in(text: str | None) -> list[dt.date]:
    """The full dates ("09/6/2026") a text names."""
    return [dt.date(int(y), int(m), int(d)) for d, m, y in _DATE.findall(text or "")]


def _done_on(g: _Gen, matter: Matter, answer: str | None) -> dt.date | None:
    """When the unit finished its part: for a matter answered at the conference, its draft before the conference;
    for one answered later, the letter, on or after the last step its answer reports (never after DEMO_TODAY)."""
    if answer is None:
        return None
    if matter.handling == _AT:
        first, last, limit = dt.date(2026, 6, 1), dt.date(2026, 6, 5), CONFERENCE
    else:
        first, last, limit = dt.date(2026, 6, 15), dt.date(2026, 6, 18), DEMO_TODAY
    reported = [d for d in dates_in(answer) if d <= limit]
    return max([g.working_day(first, last), *reported])


def handled(handling: str, status: str, answer: str | None, when: str | None) -> dict[str, Any]:
    """The columns that follow from how a petition is handled: competence ("Cấp trên" exactly when reported upward),
    result and level. The demo classifies what comes in after the sample by the same rule."""
    upward = handling == _UP
    return {"tham_quyen": schema.COMPETENCE_UPPER if upward else schema.COMPETENCE_LOCAL, "hinh_thuc_xu_ly": handling,
            "noi_dung_tra_loi": answer, "trang_thai": status, "ket_qua": RESULT[status] if answer else CHECKING,
            "thoi_gian_giai_quyet": when, "cap_giai_quyet": UPPER_LEVEL if upward else "Phường"}


def _petition(code: str, matter: Matter, lane: str, group: str) -> dict[str, Any]:
    answer = matter.answer.format(lane=lane, group=group) if matter.answer else None
    return {"ma_kien_nghi": code, "linh_vuc": matter.field, "noi_dung": matter.ask.format(lane=lane, group=group),
            **handled(matter.handling, matter.status, answer, matter.when)}


def _petitions(g: _Gen, slips: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Fifty petitions from the slips (KN-001 from P-001 …), then thirty from the Front and the organisations, and the
    assignments of those a unit drafted or is still answering."""
    rows: list[tuple[dict[str, Any], Matter, str, str]] = []
    for slip, matter in zip(slips, SLIP_MATTERS, strict=False):
        group = slip["to_dan_pho"].removeprefix("Tổ dân phố ")
        petition = _petition(f"KN-{len(rows) + 1:03d}", matter, slip["ngo"], group)
        petition.update({"ma_phieu": slip["ma_phieu"], "nguon": schema.SOURCE_SLIP, "nguoi_kien_nghi": slip["ho_ten"],
                         "dia_chi": slip["dia_chi"]})
        rows.append((petition, matter, slip["ngo"], group))
    per_organisation = len(next(iter(ORGANISATION_MATTERS.values())))
    for k in range(per_organisation):
        group = GROUPS[k % 2]
        for organisation, matters in ORGANISATION_MATTERS.items():
            lane = g.lane(group)
            petition = _petition(f"KN-{len(rows) + 1:03d}", matters[k], lane, group)
            source = schema.SOURCE_MTTQ if organisation == FRONT else schema.SOURCE_ORGANISATION
            petition.update({"ma_phieu": None, "nguon": source, "nguoi_kien_nghi": organisation, "dia_chi": "Phường Tứ Minh"})
            rows.append((petition, matters[k], lane, group))
    assignments: list[dict[str, Any]] = []
    for petition, matter, _, _ in rows:
        if matter.lead is None:
            continue
        done = _done_on(g, matter, petition["noi_dung_tra_loi"])
        for unit, role in ((matter.lead, schema.ROLE_LEAD), *((u, schema.ROLE_SUPPORT) for u in matter.support)):
            assignments.append({"ma_kien_nghi": petition["ma_kien_nghi"], "don_vi": unit, "vai_tro": role,
                                "ngay_giao": ASSIGNED, "han_hoan_thanh": matter.due, "ngay_hoan_thanh": done,
                                "ghi_chu": None})
    return [petition for petition, _, _, _ in rows], assignments


def sample_conference(seed: int = 118) -> SampleData:
    g = _Gen(seed)
    slips = _slips(g)
    delegates = _delegates(g, slips)
    petitions, assignments = _petitions(g, slips)
    for slip in slips:
        del slip["ngo"]
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
