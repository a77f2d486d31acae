"""The workbook's schema: the one source of truth.

Every sheet, column, type, lookup list, number format, width and input message lives here. The template
builder, the readers, the validators, the writers and the documents all derive from these objects; nothing
else in the package spells a Vietnamese header.

Kept free of imports beyond the standard library: every button click imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a cell holds. Drives reading, validation, number formats and the documents."""

    TEXT = "text"  # short text
    LONG_TEXT = "long_text"  # free text that may run to paragraphs (wraps)
    CODE = "code"  # an identifier typed by staff: "P-001", "KN-012"
    LIST = "list"  # text from a lookup list on `Danh mục`
    DATE = "date"  # an Excel date, or day-first text "12/6/2026"
    TIME = "time"  # "08:00"
    INT = "int"  # a whole number
    YEAR = "year"  # a birth year, stored as text so Excel does not sum or format it
    PHONE = "phone"  # stored as text so the leading zero survives


DATE_FORMAT = "dd/mm/yyyy"
TEXT_FORMAT = "@"
# Number formats by kind; a kind missing here keeps Excel's "General".
NUMBER_FORMATS: dict[Kind, str] = {
    Kind.DATE: DATE_FORMAT,
    Kind.YEAR: TEXT_FORMAT,
    Kind.PHONE: TEXT_FORMAT,
    Kind.CODE: TEXT_FORMAT,
    Kind.TIME: TEXT_FORMAT,
}


@dataclass(frozen=True)
class Column:
    key: str  # internal name, ASCII snake_case
    header: str  # the Vietnamese header, exactly as the sheet shows it
    kind: Kind = Kind.TEXT
    required: bool = False
    list_key: str | None = None  # the lookup list feeding its dropdown (kind LIST)
    width: float = 16
    note: str = ""  # the input message Excel shows when the cell is selected
    computed: bool = False  # written by the tool; a person's typing there may be replaced
    unique: bool = False
    hidden: bool = False  # a helper column the tool keeps for itself

    @property
    def number_format(self) -> str | None:
        return NUMBER_FORMATS.get(self.kind)


@dataclass(frozen=True)
class TableSheet:
    """A sheet holding one Excel table (ListObject) with a header row and one record per row."""

    key: str
    name: str  # sheet name
    table: str  # ListObject name (ASCII, no spaces: Excel's rule)
    columns: tuple[Column, ...]
    header_row: int = 1  # Excel row number of the header
    purpose: str = ""  # one line for `Hướng dẫn`
    tab_color: str = "#1F4E79"

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def required_headers(self) -> tuple[str, ...]:
        """Headers a workbook must have on this sheet; hidden helper columns may be missing."""
        return tuple(c.header for c in self.columns if not c.hidden)


@dataclass(frozen=True)
class Setting:
    """One label/value row of `Kế hoạch`."""

    key: str
    label: str
    kind: Kind = Kind.TEXT
    default: object = None
    required: bool = False
    note: str = ""
    list_key: str | None = None


@dataclass(frozen=True)
class LookupList:
    key: str
    header: str  # the column header on `Danh mục`
    values: tuple[str, ...]  # defaults; the office may edit the list in the workbook
    defined_name: str = ""  # workbook-level name the dropdowns refer to

    @property
    def name(self) -> str:
        return self.defined_name or "ds_" + self.key


# --------------------------------------------------------------------------------------------------
# Lookup lists (sheet `Danh mục`). The workbook's own copy wins over these defaults when reading.

YES_NO = ("Có", "Không")
HANDLING_AT_CONFERENCE = "Trả lời tại hội nghị"
HANDLING_LATER = "Kiểm tra, trả lời sau"
HANDLING_UPWARD = "Ghi nhận, báo cáo cấp trên"
ROLE_LEAD = "Chủ trì"
ROLE_SUPPORT = "Phối hợp"
DAYS_CALENDAR = "Ngày lịch"
DAYS_WORKING = "Ngày làm việc"
BASE_CONFERENCE = "Ngày hội nghị"
BASE_PLAN = "Ngày kế hoạch"
CALENDAR_DAY_OFF = "Ngày nghỉ"
CALENDAR_WORKDAY = "Ngày làm việc bù"
SOURCE_SLIP = "Phiếu đăng ký"
SOURCE_MTTQ = "Ủy ban MTTQ"
SOURCE_ORGANISATION = "Tổ chức chính trị - xã hội"
SOURCE_FLOOR = "Tại hội nghị"

LISTS: tuple[LookupList, ...] = (
    LookupList("gioi_tinh", "Giới tính", ("Nam", "Nữ")),
    LookupList(
        "nhom_dai_bieu",
        "Nhóm đại biểu",
        ("Đại biểu cấp trên", "Đại biểu phường, xã", "Đại biểu tổ dân phố, thôn", "Nhân dân"),
    ),
    LookupList(
        "nguon",
        "Nguồn",
        (SOURCE_SLIP, SOURCE_MTTQ, SOURCE_ORGANISATION, SOURCE_FLOOR),
    ),
    LookupList(
        "linh_vuc",
        "Lĩnh vực",
        (
            "Đất đai",
            "Môi trường",
            "Hạ tầng, giao thông",
            "Chính sách xã hội",
            "An ninh, trật tự",
            "Y tế, giáo dục",
            "Vay vốn, tín dụng",
            "Khác",
        ),
    ),
    LookupList("tham_quyen", "Thẩm quyền", ("Phường, xã", "Cấp trên")),
    LookupList("hinh_thuc_xu_ly", "Hình thức xử lý", (HANDLING_AT_CONFERENCE, HANDLING_LATER, HANDLING_UPWARD)),
    LookupList(
        "trang_thai",
        "Trạng thái",
        ("Chưa xử lý", "Đang xử lý", "Đã trả lời", "Đã giải quyết", "Đã chuyển cấp trên"),
    ),
    LookupList(
        "don_vi",
        "Đơn vị",
        (
            "Văn phòng HĐND và UBND",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Phòng Văn hóa - Xã hội",
            "Trung tâm Phục vụ hành chính công",
            "Trung tâm Dịch vụ sự nghiệp công",
            "Công an phường",
            "Ban Chỉ huy Quân sự phường",
        ),
    ),
    LookupList("vai_tro", "Vai trò", (ROLE_LEAD, ROLE_SUPPORT)),
    LookupList("loai_ngay", "Loại ngày", (DAYS_CALENDAR, DAYS_WORKING)),
    LookupList("co_khong", "Có/Không", YES_NO),
    LookupList("tham_quyen_ky", "Thẩm quyền ký", ("TM.", "KT.")),
    LookupList("chuc_vu_ky", "Chức vụ người ký", ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    LookupList("loai_ngay_dac_biet", "Loại ngày đặc biệt", (CALENDAR_DAY_OFF, CALENDAR_WORKDAY)),
)
LISTS_BY_KEY: dict[str, LookupList] = {lst.key: lst for lst in LISTS}


def lookup(key: str) -> LookupList:
    return LISTS_BY_KEY[key]


# --------------------------------------------------------------------------------------------------
# `Kế hoạch`: conference settings, label in column A, value in column B, one row each from row 2.

SETTINGS_SHEET = "Kế hoạch"
SETTINGS_HEADER = ("Nội dung", "Giá trị", "Ghi chú")
SETTINGS: tuple[Setting, ...] = (
    Setting("co_quan_cap_tren", "Cơ quan cấp trên (nếu có)", note="Dòng trên tên cơ quan ban hành; để trống nếu không dùng."),
    Setting("co_quan", "Cơ quan ban hành", default="ỦY BAN NHÂN DÂN", required=True, note="Ví dụ: ỦY BAN NHÂN DÂN"),
    Setting("loai_don_vi", "Loại đơn vị hành chính", default="Phường", required=True, note="Phường hoặc Xã"),
    Setting("ten_don_vi", "Tên phường, xã", required=True, note="Ví dụ: Tứ Minh (không ghi chữ Phường/Xã)"),
    Setting("tinh", "Tỉnh, thành phố", note="Ví dụ: Thành phố Hải Phòng"),
    Setting("so_ke_hoach", "Số kế hoạch", note="Ví dụ: 118/KH-UBND"),
    Setting("ngay_ke_hoach", "Ngày ban hành kế hoạch", Kind.DATE, note="Ngày/tháng/năm, ví dụ 15/05/2026"),
    Setting("ngay_hoi_nghi", "Ngày tổ chức hội nghị", Kind.DATE, required=True, note="Ngày/tháng/năm, ví dụ 12/06/2026"),
    Setting("gio_bat_dau", "Giờ bắt đầu", Kind.TIME, default="08:00", note="Giờ:phút, ví dụ 08:00"),
    Setting("gio_ket_thuc", "Giờ kết thúc", Kind.TIME, default="11:30", note="Giờ:phút, ví dụ 11:30"),
    Setting("dia_diem", "Địa điểm", note="Ví dụ: Nhà văn hóa Tổ dân phố Cẩm Khê A"),
    Setting("chu_tri", "Người chủ trì", default="Chủ tịch UBND", note="Chức danh và họ tên người chủ trì hội nghị"),
    Setting("so_dai_bieu_du_kien", "Số đại biểu dự kiến", Kind.INT, note="Số người, ví dụ 150"),
    Setting("so_phut_moi_luot", "Số phút mỗi lượt phát biểu", Kind.INT, default=5, note="Mỗi ý kiến không quá 5 phút"),
    Setting(
        "so_ngay_giai_quyet",
        "Số ngày làm việc để đơn vị trả lời",
        Kind.INT,
        default=10,
        note="Hạn hoàn thành = Ngày giao + số ngày làm việc này (nếu không nhập hạn riêng)",
    ),
    Setting("nguoi_ky", "Họ tên người ký", note="Ví dụ: Nguyễn Thị Sâm"),
    Setting("chuc_vu_ky", "Chức vụ người ký", default="CHỦ TỊCH", list_key="chuc_vu_ky", note="CHỦ TỊCH hoặc PHÓ CHỦ TỊCH"),
    Setting("tham_quyen_ky", "Thẩm quyền ký", default="TM.", list_key="tham_quyen_ky",
            note="TM. (Chủ tịch ký) hoặc KT. (Phó Chủ tịch ký thay)"),
    Setting("noi_nhan", "Nơi nhận", Kind.LONG_TEXT, default="- Như trên;\n- Lưu: VT, VP.",
            note="Mỗi nơi nhận một dòng (Alt+Enter để xuống dòng)"),
    Setting("so_bao_cao", "Số báo cáo tổng hợp", note="Ví dụ: 125/BC-UBND; để trống để văn thư điền số"),
    Setting("so_cong_van_phan_cong", "Số công văn phân công", note="Ví dụ: 126/UBND-VP"),
    Setting("so_giay_moi", "Số giấy mời", note="Ví dụ: 45/GM-UBND"),
    Setting("so_thong_bao", "Số thông báo kết quả", note="Ví dụ: 140/TB-UBND"),
    Setting("ky_hieu_tra_loi", "Ký hiệu văn bản trả lời", default="UBND-VP", note="Phần sau dấu / trong số văn bản trả lời"),
    Setting("so_tra_loi_tiep_theo", "Số văn bản trả lời tiếp theo", Kind.INT, default=1,
            note="Số thứ tự cấp cho văn bản trả lời kế tiếp"),
)
SETTINGS_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
SETTINGS_FIRST_ROW = 2  # row of the first setting; label in A, value in B, note in C


# --------------------------------------------------------------------------------------------------
# The list sheets.

_DATE_NOTE = "Ngày/tháng/năm, ví dụ 12/06/2026"
_PHONE_NOTE = "10 chữ số, ví dụ 0912345678"

DELEGATES = TableSheet(
    key="dai_bieu",
    name="Đại biểu",
    table="tblDaiBieu",
    purpose="Danh sách đại biểu được mời, theo dõi gửi giấy mời, xác nhận và điểm danh.",
    columns=(
        Column("stt", "STT", Kind.INT, width=6),
        Column("ho_ten", "Họ và tên", required=True, width=26, note="Họ và tên đầy đủ, có dấu"),
        Column("chuc_vu", "Chức vụ", width=24),
        Column("don_vi", "Đơn vị", width=28, note="Cơ quan, tổ chức hoặc tổ dân phố, thôn"),
        Column("nhom", "Nhóm đại biểu", Kind.LIST, required=True, list_key="nhom_dai_bieu", width=24,
               note="Chọn trong danh sách"),
        Column("dien_thoai", "Số điện thoại", Kind.PHONE, width=14, note=_PHONE_NOTE),
        Column("ngay_gui_giay_moi", "Ngày gửi giấy mời", Kind.DATE, width=13, note=_DATE_NOTE),
        Column("xac_nhan", "Xác nhận", Kind.LIST, list_key="co_khong", width=10, note="Có hoặc Không"),
        Column("co_mat", "Có mặt", Kind.LIST, list_key="co_khong", width=10, note="Có hoặc Không"),
        Column("ghi_chu", "Ghi chú", width=20),
    ),
)

SLIPS = TableSheet(
    key="phieu",
    name="Phiếu đăng ký",
    table="tblPhieuDangKy",
    purpose="Phiếu đăng ký phát biểu của Nhân dân, nhập theo thứ tự nhận phiếu.",
    columns=(
        Column("ma_phieu", "Mã phiếu", Kind.CODE, required=True, unique=True, width=10, note="Mã riêng của phiếu, ví dụ P-001"),
        Column("ngay_nhan", "Ngày nhận", Kind.DATE, width=12, note=_DATE_NOTE),
        Column("ho_ten", "Họ và tên", required=True, width=24),
        Column("gioi_tinh", "Giới tính", Kind.LIST, list_key="gioi_tinh", width=9, note="Nam hoặc Nữ"),
        Column("nam_sinh", "Năm sinh", Kind.YEAR, width=9, note="Bốn chữ số, ví dụ 1965"),
        Column("dia_chi", "Địa chỉ", width=30, note="Số nhà, đường, tổ dân phố hoặc thôn"),
        Column("to_dan_pho", "Tổ dân phố, thôn", width=18, note="Tổ dân phố hoặc thôn nơi cư trú"),
        Column("dien_thoai", "Số điện thoại", Kind.PHONE, width=14, note=_PHONE_NOTE),
        Column("linh_vuc", "Lĩnh vực", Kind.LIST, list_key="linh_vuc", width=18, note="Chọn trong danh sách"),
        Column("noi_dung", "Nội dung câu hỏi", Kind.LONG_TEXT, required=True, width=60),
        Column("ghi_chu", "Ghi chú", width=20),
    ),
)

PETITIONS = TableSheet(
    key="kien_nghi",
    name="Kiến nghị",
    table="tblKienNghi",
    purpose="Sổ tổng hợp ý kiến, kiến nghị từ phiếu, Ủy ban MTTQ, các đoàn thể và tại hội nghị; phân loại, trả lời.",
    columns=(
        Column("ma_kien_nghi", "Mã kiến nghị", Kind.CODE, required=True, unique=True, width=11, note="Mã riêng, ví dụ KN-001"),
        Column("ma_phieu", "Mã phiếu", Kind.CODE, width=10, note="Mã phiếu đăng ký (nếu kiến nghị từ phiếu)"),
        Column("nguon", "Nguồn", Kind.LIST, required=True, list_key="nguon", width=18, note="Chọn trong danh sách"),
        Column("nguoi_kien_nghi", "Người kiến nghị", required=True, width=24, note="Họ tên công dân hoặc tên tổ chức"),
        Column("dia_chi", "Địa chỉ", width=26),
        Column("linh_vuc", "Lĩnh vực", Kind.LIST, required=True, list_key="linh_vuc", width=18, note="Chọn trong danh sách"),
        Column("noi_dung", "Nội dung kiến nghị", Kind.LONG_TEXT, required=True, width=60),
        Column("tham_quyen", "Thẩm quyền", Kind.LIST, list_key="tham_quyen", width=12, note="Chọn trong danh sách"),
        Column("hinh_thuc_xu_ly", "Hình thức xử lý", Kind.LIST, list_key="hinh_thuc_xu_ly", width=24,
               note="Chọn trong danh sách"),
        Column("noi_dung_tra_loi", "Nội dung trả lời", Kind.LONG_TEXT, width=60),
        Column("trang_thai", "Trạng thái", Kind.LIST, list_key="trang_thai", width=16, note="Chọn trong danh sách"),
        Column("ket_qua", "Kết quả, hướng giải quyết", Kind.LONG_TEXT, width=40),
        Column("thoi_gian_giai_quyet", "Thời gian giải quyết", width=16, note="Ví dụ: Quý III/2026"),
        Column("cap_giai_quyet", "Cấp giải quyết", width=14, note="Ví dụ: Phường, Thành phố"),
        Column("so_van_ban_tra_loi", "Số văn bản trả lời", computed=True, width=14,
               note="Phần mềm tự ghi khi tạo văn bản trả lời"),
        Column("ngay_van_ban_tra_loi", "Ngày văn bản trả lời", Kind.DATE, computed=True, width=13, note="Phần mềm tự ghi"),
        Column("tien_do", "Tiến độ", computed=True, width=22, note="Phần mềm tự tính từ bảng Phân công"),
        Column("y_kien_giam_sat", "Ý kiến giám sát", Kind.LONG_TEXT, computed=True, width=40,
               note="Ý kiến của Ủy ban MTTQ, nhập về từ bản chia sẻ"),
        Column("ngay_giam_sat", "Ngày giám sát", Kind.DATE, computed=True, width=13, note="Nhập về từ bản chia sẻ"),
    ),
)

ASSIGNMENTS = TableSheet(
    key="phan_cong",
    name="Phân công",
    table="tblPhanCong",
    purpose="Giao từng kiến nghị cho đơn vị chủ trì, phối hợp; theo dõi hạn và ngày hoàn thành.",
    columns=(
        Column("ma_kien_nghi", "Mã kiến nghị", Kind.CODE, required=True, width=12, note="Mã kiến nghị ở trang Kiến nghị"),
        Column("don_vi", "Đơn vị", Kind.LIST, required=True, list_key="don_vi", width=32, note="Chọn trong danh sách"),
        Column("vai_tro", "Vai trò", Kind.LIST, required=True, list_key="vai_tro", width=10, note="Chủ trì hoặc Phối hợp"),
        Column("ngay_giao", "Ngày giao", Kind.DATE, width=12, note=_DATE_NOTE),
        Column(
            "han_hoan_thanh",
            "Hạn hoàn thành",
            Kind.DATE,
            computed=True,
            width=14,
            note="Để trống: phần mềm tự tính theo số ngày làm việc ở trang Kế hoạch. Nhập ngày nếu muốn hạn riêng.",
        ),
        Column("ngay_hoan_thanh", "Ngày hoàn thành", Kind.DATE, width=14, note=_DATE_NOTE),
        Column("tinh_trang", "Tình trạng", computed=True, width=20, note="Phần mềm tự tính"),
        Column("ghi_chu", "Ghi chú", width=20),
        # What the tool last wrote in `Hạn hoàn thành`: a date there equal to this one is the tool's, any
        # other date was typed by a person and is kept.
        Column("han_tu_tinh", "Hạn tự tính", Kind.DATE, computed=True, hidden=True, width=12),
    ),
)

MILESTONES = TableSheet(
    key="moc_thoi_gian",
    name="Mốc thời gian",
    table="tblMocThoiGian",
    purpose="Các mốc công việc tính từ ngày hội nghị hoặc ngày kế hoạch; phần mềm tự tính hạn và tình trạng.",
    columns=(
        Column("moc", "Mốc", required=True, width=44, note="Tên công việc, không trùng nhau"),
        Column("can_cu", "Căn cứ", required=True, width=22, note="Ngày hội nghị, Ngày kế hoạch, hoặc tên một mốc khác"),
        Column("so_ngay", "Số ngày", Kind.INT, required=True, width=9, note="Số âm: trước căn cứ; số dương: sau căn cứ"),
        Column("loai_ngay", "Loại ngày", Kind.LIST, required=True, list_key="loai_ngay", width=14,
               note="Ngày lịch hoặc Ngày làm việc"),
        Column("don_vi_thuc_hien", "Đơn vị thực hiện", width=30),
        Column("han", "Hạn", Kind.DATE, computed=True, width=12, note="Phần mềm tự tính"),
        Column("ngay_hoan_thanh", "Ngày hoàn thành", Kind.DATE, width=14, note=_DATE_NOTE),
        Column("tinh_trang", "Tình trạng", computed=True, width=20, note="Phần mềm tự tính"),
        Column("ghi_chu", "Ghi chú", width=30),
    ),
)

TABLE_SHEETS: tuple[TableSheet, ...] = (DELEGATES, SLIPS, PETITIONS, ASSIGNMENTS, MILESTONES)
TABLES_BY_KEY: dict[str, TableSheet] = {t.key: t for t in TABLE_SHEETS}
TABLES_BY_NAME: dict[str, TableSheet] = {t.name: t for t in TABLE_SHEETS}

# `Danh mục`: one column per lookup list from A, header in row 1; after one blank column, the office's own
# calendar of extra days off and make-up working days.
LISTS_SHEET = "Danh mục"
CALENDAR = TableSheet(
    key="lich",
    name=LISTS_SHEET,
    table="tblLichNghi",
    purpose="Ngày nghỉ bù, ngày làm việc bù do Nhà nước công bố và ngày nghỉ riêng của cơ quan.",
    columns=(
        Column("ngay", "Ngày đặc biệt", Kind.DATE, required=True, width=14, note=_DATE_NOTE),
        Column("loai", "Loại", Kind.LIST, required=True, list_key="loai_ngay_dac_biet", width=18,
               note="Ngày nghỉ hoặc Ngày làm việc bù"),
        Column("ghi_chu", "Lý do", width=30),
    ),
)
CALENDAR_FIRST_COLUMN = len(LISTS) + 2  # 1-based: one blank column after the lists

GUIDE_SHEET = "Hướng dẫn"
CHECK_SHEET = "Kiểm tra"  # written by `validate`, not part of the template
# Written by `share`, not part of the template: one row per petition of each copy made for the Ủy ban MTTQ,
# so that `merge-back` accepts only copies made from this workbook (by export id) and knows which petitions
# each held and what each row showed (a short fingerprint). Layout and the older layout: doithoai/mttq/log.py.
SHARE_LOG_SHEET = "Nhật ký chia sẻ MTTQ"
SHARE_LOG_HEADER = ("Mã bản chia sẻ", "Thời điểm tạo", "Tên tệp", "Số kiến nghị", "Mã kiến nghị", "Dấu kiểm tra")
# Written by `conference-sheet` before the conference, then the secretary's (doithoai/conference.py); optional.
CONFERENCE_SHEET = "Diễn biến hội nghị"

SHEET_ORDER: tuple[str, ...] = (
    GUIDE_SHEET,
    SETTINGS_SHEET,
    DELEGATES.name,
    SLIPS.name,
    PETITIONS.name,
    ASSIGNMENTS.name,
    MILESTONES.name,
    LISTS_SHEET,
)

# The default timeline reproduces plan 118/KH-UBND (seed 000): (milestone, base, days, day kind, unit, note).
# Filled into new workbooks; staff edit it freely.
_OFFICE = "Văn phòng HĐND và UBND"
DEFAULT_MILESTONES: tuple[tuple[str, str, int, str, str, str], ...] = (
    ("Văn bản chỉ đạo các đơn vị báo cáo kết quả thực hiện nhiệm vụ", BASE_PLAN, 3, DAYS_CALENDAR, _OFFICE,
     "KH 118: xong trước ngày 18/5"),
    ("Phát phiếu đăng ký phát biểu tới Nhân dân", BASE_CONFERENCE, -25, DAYS_CALENDAR, "Chi bộ, Tổ dân phố; " + _OFFICE,
     "KH 118: trong ngày 18/5"),
    ("Thu phiếu đăng ký phát biểu về Văn phòng", BASE_CONFERENCE, -21, DAYS_CALENDAR, "Chi bộ, Tổ dân phố",
     "KH 118: chậm nhất ngày 22/5"),
    ("Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công", "Thu phiếu đăng ký phát biểu về Văn phòng", 2, DAYS_WORKING,
     _OFFICE, "KH 118: từ ngày 22-26/5"),
    ("Các đơn vị báo cáo kết quả thực hiện nhiệm vụ", BASE_CONFERENCE, -10, DAYS_CALENDAR, "Thủ trưởng các cơ quan, đơn vị",
     "KH 118: xong trước ngày 02/6"),
    ("Các đơn vị tham mưu văn bản trả lời kiến nghị", BASE_CONFERENCE, -7, DAYS_CALENDAR, "Thủ trưởng các cơ quan, đơn vị",
     "KH 118: xong trước ngày 05/6"),
    ("Hoàn thiện báo cáo kết quả phát triển kinh tế - xã hội", BASE_CONFERENCE, -7, DAYS_CALENDAR, _OFFICE,
     "KH 118: xong trước ngày 05/6"),
    ("Phát hành giấy mời, chuẩn bị điều kiện tổ chức hội nghị", BASE_CONFERENCE, -7, DAYS_CALENDAR, _OFFICE,
     "KH 118: hoàn thành trước ngày 05/6"),
    ("Thông báo công khai thời gian, địa điểm, nội dung đối thoại", BASE_CONFERENCE, -7, DAYS_CALENDAR,
     "Phòng Văn hóa - Xã hội; Trung tâm Dịch vụ sự nghiệp công",
     "Luật Tổ chức CQĐP 2025, Điều 43: chậm nhất 07 ngày trước hội nghị"),
    ("Chuẩn bị địa điểm, cơ sở vật chất nhà văn hóa", BASE_CONFERENCE, -2, DAYS_CALENDAR, "Chi bộ, Tổ dân phố",
     "KH 118: trước hội nghị 02 ngày"),
    ("Tổ chức hội nghị đối thoại", BASE_CONFERENCE, 0, DAYS_CALENDAR, "UBND phường, xã", ""),
    ("Thông báo kết quả hội nghị đến Tổ trưởng tổ dân phố, Trưởng thôn", BASE_CONFERENCE, 10, DAYS_CALENDAR, _OFFICE,
     "Luật Tổ chức CQĐP 2025, Điều 43: chậm nhất 10 ngày sau hội nghị"),
    ("Tổng hợp kết quả, lưu trữ hồ sơ hội nghị", "Thông báo kết quả hội nghị đến Tổ trưởng tổ dân phố, Trưởng thôn", 10,
     DAYS_WORKING, _OFFICE, "KH 118: lưu trữ hồ sơ theo quy định"),
)
