"""The workbook's schema: the one source of truth.

Every sheet, column, type, lookup list, number format, width and input message lives here. The template
builder, the readers, the validators, the writers and the documents all derive from these objects; nothing
else in the package spells a Vietnamese header.

Kept free of imports beyond the standard library: every button click imports it.

Longer than the ~450-line guide on purpose: it is declarations only (no logic), and one place to read them is the
point; split, every reader would import several modules to learn what one sheet holds.
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
    MONEY = "money"  # a whole amount of đồng, shown with thousands separators ("5.500.000")


DATE_FORMAT = "dd/mm/yyyy"
TEXT_FORMAT = "@"
# Cells a person types in (the workbook's values on `Kế hoạch`, every non-computed column, the MTTQ copy's two
# supervision columns): one yellow everywhere, as the guide says ("Ô nền vàng là ô cần điền").
INPUT_FILL = "#FFF2CC"
# Number formats by kind; a kind missing here keeps Excel's "General".
NUMBER_FORMATS: dict[Kind, str] = {
    Kind.DATE: DATE_FORMAT,
    Kind.YEAR: TEXT_FORMAT,
    Kind.PHONE: TEXT_FORMAT,
    Kind.CODE: TEXT_FORMAT,
    Kind.TIME: TEXT_FORMAT,
    Kind.MONEY: "#,##0",
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
    optional: bool = False  # added after workbooks were in use: a workbook without it still opens

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
    optional: bool = False  # a workbook made before the sheet existed may lack it: read as empty

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")


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
COMPETENCE_LOCAL = "Phường, xã"
COMPETENCE_UPPER = "Cấp trên"
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
# Petitions sent in by an organisation: the answer letter goes to the organisation, not to a person.
ORGANISATION_SOURCES = (SOURCE_MTTQ, SOURCE_ORGANISATION)
STATUS_NEW = "Chưa xử lý"
STATUS_IN_PROGRESS = "Đang xử lý"
STATUS_ANSWERED = "Đã trả lời"
STATUS_RESOLVED = "Đã giải quyết"
STATUS_UPWARD = "Đã chuyển cấp trên"
ANSWERED_STATUSES = (STATUS_ANSWERED, STATUS_RESOLVED)  # statuses that promise an answer text
SOURCE_CARRIED = "Kỳ trước"  # a petition still open at the previous conference, brought over by `new --from`
# Who issues the documents: the People's Committee (Decree 30/2020 layout) or the Party committee (HD 36-HD/VPTW).
ISSUER_GOVERNMENT = "Chính quyền"
ISSUER_PARTY = "Đảng"
SIGN_ON_BEHALF = "TM."  # the chair signs for the collective ("T/M" in Party documents)
SIGN_DEPUTY = "KT."  # a deputy signs for the chair ("K/T")
SIGN_DIRECT = "Ký trực tiếp"  # the chair signs in their own name: only the title above the name (seed 003)
SIGNER_CHAIR = "CHỦ TỊCH"
SIGNER_VICE_CHAIR = "PHÓ CHỦ TỊCH"
SIGNER_SECRETARY = "BÍ THƯ"
SIGNER_VICE_SECRETARY = "PHÓ BÍ THƯ"
SIGNERS = {SIGN_ON_BEHALF: SIGNER_CHAIR, SIGN_DEPUTY: SIGNER_VICE_CHAIR}  # who signs a government document under each
# Kinds of programme item on `Chương trình`: an ordinary item, the registered speakers (one row that the agenda
# expands into one slot per speaker, in registered order), and the answers to what they raised.
ITEM_PLAIN = "Nội dung"
ITEM_SPEAKERS = "Phát biểu theo đăng ký"
ITEM_ANSWERS = "Trả lời, giải trình"

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
        (SOURCE_SLIP, SOURCE_MTTQ, SOURCE_ORGANISATION, SOURCE_FLOOR, SOURCE_CARRIED),
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
    LookupList("tham_quyen", "Thẩm quyền", (COMPETENCE_LOCAL, COMPETENCE_UPPER)),
    LookupList("hinh_thuc_xu_ly", "Hình thức xử lý", (HANDLING_AT_CONFERENCE, HANDLING_LATER, HANDLING_UPWARD)),
    LookupList(
        "trang_thai",
        "Trạng thái",
        (STATUS_NEW, STATUS_IN_PROGRESS, STATUS_ANSWERED, STATUS_RESOLVED, STATUS_UPWARD),
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
            "Công an",
            "Ban Chỉ huy Quân sự",
        ),
    ),
    LookupList("vai_tro", "Vai trò", (ROLE_LEAD, ROLE_SUPPORT)),
    LookupList("loai_ngay", "Loại ngày", (DAYS_CALENDAR, DAYS_WORKING)),
    LookupList("co_khong", "Có/Không", YES_NO),
    LookupList("tham_quyen_ky", "Thẩm quyền ký", (SIGN_ON_BEHALF, SIGN_DEPUTY, "T/M", "K/T", SIGN_DIRECT)),
    LookupList("chuc_vu_ky", "Chức vụ người ký", (SIGNER_CHAIR, SIGNER_VICE_CHAIR, SIGNER_SECRETARY, SIGNER_VICE_SECRETARY)),
    LookupList("khoi_ban_hanh", "Khối ban hành", (ISSUER_GOVERNMENT, ISSUER_PARTY)),
    LookupList("loai_muc", "Loại mục chương trình", (ITEM_PLAIN, ITEM_SPEAKERS, ITEM_ANSWERS)),
    LookupList("loai_ngay_dac_biet", "Loại ngày đặc biệt", (CALENDAR_DAY_OFF, CALENDAR_WORKDAY)),
)
LISTS_BY_KEY: dict[str, LookupList] = {lst.key: lst for lst in LISTS}


def lookup(key: str) -> LookupList:
    return LISTS_BY_KEY[key]


# --------------------------------------------------------------------------------------------------
# `Kế hoạch`: conference settings, label in column A, value in column B, one row each from row 2.

_OWN_RECIPIENTS = ("Mỗi nơi một dòng; {đơn vị} là tên phường, xã. Để trống: danh sách mặc định của văn bản này theo khối ban "
                   "hành")
SETTINGS_SHEET = "Kế hoạch"
# The plan's default text (seed plans 000-004 and the Law on Organisation of Local Government 2025, Art. 43), one
# paragraph per line. Neutral: "cấp ủy, chính quyền" fits a government plan and a Party one alike.
PLAN_GROUNDS = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
PLAN_PURPOSES = "\n".join((
    "Nắm bắt tâm tư, nguyện vọng, ý kiến phản ánh, kiến nghị của Nhân dân; kịp thời phát hiện những vướng mắc, phát sinh để "
    "giải quyết và nghiên cứu đề xuất bổ sung, điều chỉnh chủ trương, chính sách, quy định phù hợp với thực tiễn của địa phương.",
    "Tuyên truyền, phổ biến chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tăng cường sự đồng thuận xã "
    "hội, củng cố mối quan hệ mật thiết giữa cấp ủy, chính quyền với Nhân dân.",
    "Phát huy quyền làm chủ và vai trò giám sát của Nhân dân đối với công tác lãnh đạo, chỉ đạo, quản lý, điều hành của cấp "
    "ủy, chính quyền; nâng cao trách nhiệm của người đứng đầu, góp phần xây dựng Đảng, chính quyền trong sạch, vững mạnh.",
))
PLAN_REQUIREMENTS = "\n".join((
    "Việc tổ chức đối thoại phải đúng quy định của Đảng, pháp luật của Nhà nước; bảo đảm dân chủ, công khai, khách quan, "
    "thiết thực, hiệu quả, tiết kiệm, tránh hình thức.",
    "Nội dung đối thoại được chuẩn bị chu đáo, sát với tình hình thực tế của địa phương; thời gian, địa điểm, nội dung hội "
    "nghị được thông báo công khai chậm nhất 07 ngày trước ngày tổ chức.",
    "Ý kiến, kiến nghị chưa trả lời tại hội nghị được tiếp thu, chỉ đạo giải quyết và trả lời bằng văn bản; kết quả hội nghị "
    "được thông báo chậm nhất 10 ngày sau ngày tổ chức.",
))
PLAN_CONTENTS = "\n".join((
    "Thông báo cho Nhân dân tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh và những vấn đề quan trọng của địa "
    "phương.",
    "Nghe ý kiến phản ánh, góp ý, kiến nghị của Nhân dân về các chủ trương, chính sách, pháp luật; về sự lãnh đạo, chỉ đạo "
    "của cấp ủy, sự quản lý, điều hành của chính quyền; về đạo đức, lối sống, tinh thần trách nhiệm của cán bộ, công chức và "
    "những vấn đề Nhân dân quan tâm.",
    "Trực tiếp trả lời, chỉ đạo giải quyết những vấn đề thuộc thẩm quyền; những vấn đề chưa trả lời tại hội nghị được tiếp "
    "thu, giải quyết và trả lời bằng văn bản; nội dung vượt thẩm quyền được tổng hợp, báo cáo cấp có thẩm quyền.",
))
SETTINGS_HEADER = ("Nội dung", "Giá trị", "Ghi chú")
SETTINGS: tuple[Setting, ...] = (
    Setting("khoi_ban_hanh", "Khối ban hành", default=ISSUER_GOVERNMENT, required=True, list_key="khoi_ban_hanh",
            note="Chính quyền: văn bản theo Nghị định 30/2020 (Quốc hiệu, TM. ỦY BAN NHÂN DÂN). Đảng: theo Hướng dẫn 36-HD/VPTW "
                 "(ĐẢNG CỘNG SẢN VIỆT NAM, T/M BAN THƯỜNG VỤ)."),
    Setting("co_quan_cap_tren", "Cơ quan cấp trên (nếu có)",
            note="Dòng trên tên cơ quan ban hành; để trống nếu không dùng. Văn bản Đảng: ví dụ ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG."),
    Setting("co_quan", "Cơ quan ban hành", default="ỦY BAN NHÂN DÂN", required=True, note="Ví dụ: ỦY BAN NHÂN DÂN; văn bản "
                                                                                          "Đảng: ĐẢNG ỦY"),
    Setting("ky_hieu_co_quan", "Ký hiệu cơ quan ban hành",
            note="Phần cuối số văn bản. Để trống: UBND (số: 12/BC-UBND) hoặc ĐU với văn bản Đảng (Số 12-BC/ĐU)."),
    Setting("loai_don_vi", "Loại đơn vị hành chính", default="Phường", required=True,
            note="Phường hoặc Xã; các chữ phường/xã, tổ dân phố/thôn trong văn bản theo ô này"),
    Setting("ten_don_vi", "Tên phường, xã", required=True, note="Ví dụ: Hòa Bình (không ghi chữ Phường/Xã)"),
    Setting("tinh", "Tỉnh, thành phố", note="Ví dụ: Thành phố Hải Phòng"),
    Setting("ten_hoi_nghi", "Tên hội nghị", Kind.LONG_TEXT,
            note="Tên đầy đủ dùng trong tiêu đề, trích yếu và nội dung văn bản. Để trống: “Hội nghị đối thoại giữa Chủ tịch UBND "
                 "phường … với Nhân dân năm …”"),
    Setting("doi_tuong", "Đối tượng đối thoại", default="Nhân dân",
            note="Người dự và nêu ý kiến, ví dụ: Nhân dân; hội viên, đoàn viên các tổ chức chính trị - xã hội"),
    Setting("so_ke_hoach", "Số kế hoạch", note="Ví dụ: 25/KH-UBND"),
    Setting("ngay_ke_hoach", "Ngày ban hành kế hoạch", Kind.DATE, note="Ngày/tháng/năm, ví dụ 15/05/2026"),
    # The plan's own text (documents/plan.py): neutral defaults from the law and the seed plans; each preset carries its
    # own seed plan's words, and the office rewrites them here. One paragraph per line (Alt+Enter).
    Setting("can_cu_ke_hoach", "Căn cứ ban hành kế hoạch", Kind.LONG_TEXT, default=PLAN_GROUNDS,
            note="Các văn bản làm căn cứ, mỗi căn cứ một dòng (Alt+Enter để xuống dòng)"),
    Setting("muc_dich", "Mục đích (kế hoạch)", Kind.LONG_TEXT, default=PLAN_PURPOSES,
            note="Mục I.1 của kế hoạch; mỗi ý một dòng (Alt+Enter). Để trống: dùng nội dung mặc định"),
    Setting("yeu_cau", "Yêu cầu (kế hoạch)", Kind.LONG_TEXT, default=PLAN_REQUIREMENTS,
            note="Mục I.2 của kế hoạch; mỗi ý một dòng (Alt+Enter). Để trống: dùng nội dung mặc định"),
    Setting("noi_dung_doi_thoai", "Nội dung đối thoại (kế hoạch)", Kind.LONG_TEXT, default=PLAN_CONTENTS,
            note="Mục II.1 của kế hoạch; mỗi ý một dòng (Alt+Enter). Để trống: dùng nội dung mặc định"),
    Setting("ngay_hoi_nghi", "Ngày tổ chức hội nghị", Kind.DATE, required=True,
            note="Ngày/tháng/năm, ví dụ 12/06/2026. Khi chưa định ngày: để trống hoặc ghi khoảng thời gian, ví dụ Quý III/2026, "
                 "trước 30/10/2026"),
    Setting("gio_bat_dau", "Giờ bắt đầu", Kind.TIME, default="08:00", note="Giờ:phút, ví dụ 08:00"),
    Setting("gio_ket_thuc", "Giờ kết thúc", Kind.TIME, default="11:30", note="Giờ:phút, ví dụ 11:30"),
    Setting("dia_diem", "Địa điểm", note="Ví dụ: Hội trường trụ sở UBND"),
    Setting("chu_tri", "Người chủ trì", default="Chủ tịch UBND", note="Chức danh và họ tên người chủ trì hội nghị"),
    Setting("dong_chu_tri", "Người đồng chủ trì", note="Nếu có, ví dụ: Thường trực HĐND xã; Bí thư Đảng ủy"),
    Setting("ten_van_phong", "Tên văn phòng", default="Văn phòng HĐND và UBND",
            note="Đơn vị tham mưu, soạn thảo, ví dụ: Văn phòng UBND; Văn phòng Đảng ủy"),
    Setting("so_dai_bieu_du_kien", "Số đại biểu dự kiến", Kind.INT, note="Số người, ví dụ 150"),
    Setting("nguon_kinh_phi", "Nguồn kinh phí", Kind.LONG_TEXT, default="Chi từ kinh phí hoạt động của UBND {đơn vị}.",
            note="Mục Kinh phí của kế hoạch; các khoản chi (nếu có) ghi ở trang Kinh phí. {đơn vị} được thay bằng tên phường, "
                 "xã"),
    Setting("so_phut_moi_luot", "Số phút mỗi lượt phát biểu", Kind.INT, default=5, note="Mỗi ý kiến không quá 5 phút"),
    Setting(
        "so_ngay_giai_quyet",
        "Số ngày làm việc để đơn vị trả lời",
        Kind.INT,
        default=10,
        note="Hạn hoàn thành = Ngày giao + số ngày làm việc này (nếu không nhập hạn riêng)",
    ),
    Setting("han_don_doc", "Hạn trả lời khi đôn đốc", Kind.DATE,
            note="Công văn đôn đốc đề nghị đơn vị trả lời trước ngày này. Để trống: 5 ngày làm việc sau ngày công văn"),
    Setting("nguoi_ky", "Họ tên người ký", note="Ví dụ: Nguyễn Văn An"),
    Setting("chuc_vu_ky", "Chức vụ người ký", default=SIGNER_CHAIR, list_key="chuc_vu_ky",
            note="CHỦ TỊCH, PHÓ CHỦ TỊCH; văn bản Đảng: BÍ THƯ, PHÓ BÍ THƯ"),
    Setting("tham_quyen_ky", "Thẩm quyền ký", default=SIGN_ON_BEHALF, list_key="tham_quyen_ky",
            note="TM. (thay mặt tập thể), KT. (cấp phó ký thay), hoặc Ký trực tiếp; văn bản Đảng in T/M, K/T"),
    Setting("tap_the_ky", "Tập thể ký thay mặt",
            note="Dòng TM. của chữ ký. Để trống: ỦY BAN NHÂN DÂN, hoặc BAN THƯỜNG VỤ với văn bản Đảng"),
    Setting("noi_nhan", "Nơi nhận", Kind.LONG_TEXT, default="- Như trên;\n- Lưu: VT, VP.",
            note="Nơi nhận của kế hoạch, và của văn bản không có dòng Nơi nhận riêng dưới đây; mỗi nơi một dòng (Alt+Enter để "
                 "xuống dòng). Dòng “Lưu” tự thêm nếu thiếu"),
    Setting("noi_nhan_bao_cao", "Nơi nhận báo cáo", Kind.LONG_TEXT,
            note=_OWN_RECIPIENTS + " (Thường trực Đảng ủy, HĐND, lãnh đạo UBND, Ủy ban MTTQ Việt Nam)"),
    Setting("noi_nhan_cong_van", "Nơi nhận công văn phân công", Kind.LONG_TEXT,
            note=_OWN_RECIPIENTS + " (- Như trên; - Lãnh đạo UBND …)"),
    Setting("noi_nhan_giay_moi", "Nơi nhận giấy mời", Kind.LONG_TEXT, note=_OWN_RECIPIENTS + " (- Như trên;)"),
    Setting("noi_nhan_thong_bao_hoi_nghi", "Nơi nhận thông báo tổ chức hội nghị", Kind.LONG_TEXT,
            note=_OWN_RECIPIENTS + " (Thường trực Đảng ủy, HĐND; Ủy ban MTTQ; Đài truyền thanh; các khu dân cư niêm yết)"),
    Setting("noi_nhan_bien_ban", "Nơi nhận biên bản", Kind.LONG_TEXT, note=_OWN_RECIPIENTS),
    Setting("noi_nhan_thong_bao", "Nơi nhận thông báo kết quả", Kind.LONG_TEXT,
            note=_OWN_RECIPIENTS + " (Thường trực Đảng ủy; Ủy ban MTTQ Việt Nam để giám sát; các cơ quan, đơn vị; các khu dân "
                                   "cư để thông báo)"),
    Setting("noi_nhan_tra_loi", "Nơi nhận văn bản trả lời", Kind.LONG_TEXT,
            note=_OWN_RECIPIENTS + " (- Như trên; - Ủy ban MTTQ Việt Nam … để giám sát)"),
    Setting("noi_nhan_bao_cao_ket_qua", "Nơi nhận báo cáo kết quả hội nghị", Kind.LONG_TEXT,
            note=_OWN_RECIPIENTS + " (- Như trên; …)"),
    Setting("kinh_gui_bao_cao_ket_qua", "Kính gửi (báo cáo kết quả hội nghị)", Kind.LONG_TEXT,
            note="Cơ quan cấp trên nhận báo cáo kết quả, mỗi nơi một dòng, ví dụ: Thường trực HĐND quận Bắc Từ Liêm; UBND quận "
                 "Bắc Từ Liêm. Để trống: Ban Thường vụ Đảng ủy và UBND tỉnh, thành phố; văn bản Đảng: Ban Thường vụ Thành "
                 "ủy, Tỉnh ủy (theo Cơ quan cấp trên)"),
    Setting("kinh_gui_cong_van", "Kính gửi (công văn phân công)", Kind.LONG_TEXT,
            note="Để trống: Các cơ quan, đơn vị thuộc UBND (văn bản Đảng: thuộc Đảng ủy) phường, xã"),
    Setting("noi_nhan_ke_hoach", "Nơi nhận kế hoạch", Kind.LONG_TEXT, note="Để trống: dùng Nơi nhận chung"),
    Setting("noi_nhan_don_doc", "Nơi nhận công văn đôn đốc", Kind.LONG_TEXT,
            note="Mỗi nơi một dòng; để trống: dùng Nơi nhận chung",
            default="- Như trên;\n- Lãnh đạo UBND (để chỉ đạo);\n- Lưu: VT, VP."),
    Setting("so_bao_cao", "Số báo cáo tổng hợp", note="Ví dụ: 125/BC-UBND, hoặc chỉ số 125; để trống để văn thư điền số"),
    Setting("so_cong_van_phan_cong", "Số công văn phân công", note="Ví dụ: 126/UBND-VP"),
    Setting("so_giay_moi", "Số giấy mời", note="Ví dụ: 45/GM-UBND"),
    Setting("so_thong_bao", "Số thông báo kết quả", note="Ví dụ: 140/TB-UBND"),
    Setting("ky_hieu_tra_loi", "Ký hiệu văn bản trả lời",
            note="Phần sau dấu / trong số văn bản trả lời. Để trống: UBND-VP (văn bản Đảng: CV/ĐU)"),
    Setting("so_tra_loi_tiep_theo", "Số văn bản trả lời tiếp theo", Kind.INT, default=1,
            note="Số thứ tự cấp cho văn bản trả lời kế tiếp; sổ mới tạo từ sổ cũ tự nối tiếp số"),
    Setting("tra_loi_ca_tai_hoi_nghi", "Gửi văn bản trả lời cả kiến nghị đã trả lời tại hội nghị", default="Không",
            list_key="co_khong",
            note="Không: chỉ trả lời bằng văn bản những kiến nghị chưa được trả lời tại hội nghị; Có: trả lời mọi kiến nghị"),
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
        Column("gioi_tinh", "Giới tính", Kind.LIST, list_key="gioi_tinh", width=9, optional=True,
               note="Nam hoặc Nữ: giấy mời ghi Ông hoặc Bà (để trống: Ông (Bà))"),
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
    purpose="Giao từng kiến nghị cho đơn vị chủ trì, phối hợp; theo dõi hạn và ngày hoàn thành. Cột “Hạn hoàn thành” là hạn "
            "áp dụng: để trống thì phần mềm tự tính; văn phòng ấn định hạn riêng thì nhập ngày, phần mềm giữ nguyên. "
            "Cột ẩn “Hạn tự tính” phần mềm dùng riêng, không cần xem.",
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
            # The one due date that counts. Starting with "Phần mềm" keeps the builder from prefixing "the tool
            # writes this column", which would tell the clerk not to type the office's own date here.
            note="Phần mềm tự tính hạn này theo số ngày làm việc ở trang Kế hoạch khi ô trống. Văn phòng ấn định hạn riêng "
                 "thì nhập ngày vào đây: phần mềm giữ nguyên. Đây là hạn dùng để tính Tình trạng và ghi vào văn bản.",
        ),
        Column("ngay_hoan_thanh", "Ngày hoàn thành", Kind.DATE, width=14, note=_DATE_NOTE),
        Column("tinh_trang", "Tình trạng", computed=True, width=20, note="Phần mềm tự tính"),
        Column("ghi_chu", "Ghi chú", width=20),
        # What the tool last wrote in `Hạn hoàn thành`: a date there equal to this one is the tool's, any
        # other date was typed by a person and is kept. The header stays: readers find columns by it and have
        # no aliases, so renaming it would break workbooks in use; the note says what it is.
        Column("han_tu_tinh", "Hạn tự tính", Kind.DATE, computed=True, hidden=True, width=12,
               note="Phần mềm dùng riêng: hạn phần mềm tính lần trước, để nhận ra hạn văn phòng tự nhập ở cột Hạn hoàn "
                    "thành. Không sửa, không xóa. Hạn áp dụng là cột Hạn hoàn thành."),
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

PROGRAMME = TableSheet(
    key="chuong_trinh",
    name="Chương trình",
    table="tblChuongTrinh",
    purpose="Chương trình hội nghị theo thứ tự: nội dung, người thực hiện, số phút; mục “Phát biểu theo đăng ký” tự chia lượt "
            "cho người đăng ký.",
    optional=True,
    columns=(
        Column("stt", "STT", Kind.INT, width=6, note="Thứ tự mục trong chương trình"),
        Column("noi_dung", "Nội dung", Kind.LONG_TEXT, required=True, width=60),
        Column("nguoi_thuc_hien", "Người thực hiện", width=34),
        Column("so_phut", "Số phút", Kind.INT, width=9,
               note="Thời lượng mục này. Mục Phát biểu theo đăng ký để trống: số người đăng ký nhân số phút mỗi lượt"),
        Column("loai_muc", "Loại mục", Kind.LIST, list_key="loai_muc", width=24,
               note="Nội dung; Phát biểu theo đăng ký (chia lượt cho từng người đăng ký); Trả lời, giải trình"),
        Column("ghi_chu", "Ghi chú", width=24),
    ),
)

BUDGET = TableSheet(
    key="kinh_phi",
    name="Kinh phí",
    table="tblKinhPhi",
    purpose="Dự toán kinh phí tổ chức hội nghị (nếu có): từng khoản chi và số tiền; kế hoạch in bảng và tổng cộng bằng số, bằng "
            "chữ. Nguồn kinh phí ghi ở trang Kế hoạch.",
    optional=True,
    tab_color="#7F6000",
    columns=(
        Column("stt", "STT", Kind.INT, width=6),
        Column("noi_dung", "Nội dung chi", Kind.LONG_TEXT, required=True, width=50,
               note="Ví dụ: Thuê âm thanh, trang trí hội trường"),
        Column("so_tien", "Số tiền (đồng)", Kind.MONEY, required=True, width=18,
               note="Số tiền bằng số, không ghi chữ “đồng”, ví dụ 2500000"),
        Column("ghi_chu", "Ghi chú", width=30),
    ),
)

TABLE_SHEETS: tuple[TableSheet, ...] = (DELEGATES, SLIPS, PETITIONS, ASSIGNMENTS, MILESTONES, PROGRAMME, BUDGET)
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
# Written by `documents --kind reminders`, not part of the template: one row per petition each reminder (công văn đôn
# đốc) chased, so the next reminder to a unit knows it is the second or third (doithoai/documents/reminders.py).
REMINDER_LOG_SHEET = "Nhật ký đôn đốc"
REMINDER_LOG_HEADER = ("Đơn vị", "Lần đôn đốc", "Ngày đôn đốc", "Hạn trả lời mới", "Mã kiến nghị", "Hạn hoàn thành",
                       "Số ngày quá hạn")
# Written by `conference-sheet` before the conference, then the secretary's (doithoai/workflows/conference.py); optional.
CONFERENCE_SHEET = "Diễn biến hội nghị"
# Very hidden, beside it: what `conference-sheet` wrote there (digests, no text), so writing it again merges with what
# the secretary typed and never replaces it (doithoai/io/owned_sheet.py); also the mark that the sheet is the tool's.
CONFERENCE_RECORD_SHEET = "doithoai.dien_bien_hoi_nghi"

# The sheets a workbook holds data in, in the template's order: the one list every reader, writer and builder uses.
DATA_SHEETS: tuple[str, ...] = (SETTINGS_SHEET, *(t.name for t in TABLE_SHEETS), LISTS_SHEET)
SHEET_ORDER: tuple[str, ...] = (GUIDE_SHEET, *DATA_SHEETS)  # the template's sheets, left to right

# The default timeline: the steps every seed plan shares, with the two deadlines the law fixes (announcement at least
# 7 days before, results notice at most 10 days after: Law on Organisation of Local Government 2025, Art. 43). Neutral
# wording ("khu dân cư" covers both tổ dân phố and thôn), no ward's plan number; staff edit days and units freely.
# (milestone, base, days, day kind, unit, note).
_OFFICE = "Văn phòng"
_LAW = "Luật Tổ chức chính quyền địa phương 2025, Điều 43"
_EDIT = "Sửa số ngày theo kế hoạch của đơn vị"
_HEADS = "Thủ trưởng các cơ quan, đơn vị"
MILESTONE_KEYS = ("moc", "can_cu", "so_ngay", "loai_ngay", "don_vi_thuc_hien", "ghi_chu")  # the tuples' order
DEFAULT_MILESTONES: tuple[tuple[str, str, int, str, str, str], ...] = (
    ("Văn bản chỉ đạo các đơn vị báo cáo kết quả thực hiện nhiệm vụ", BASE_PLAN, 3, DAYS_CALENDAR, _OFFICE, _EDIT),
    ("Phát phiếu đăng ký phát biểu tới Nhân dân", BASE_CONFERENCE, -25, DAYS_CALENDAR, "Chi bộ, khu dân cư; " + _OFFICE, _EDIT),
    ("Thu phiếu đăng ký phát biểu về Văn phòng", BASE_CONFERENCE, -21, DAYS_CALENDAR, "Chi bộ, khu dân cư", _EDIT),
    ("Ủy ban MTTQ, các tổ chức chính trị - xã hội gửi ý kiến tổng hợp về Văn phòng", BASE_CONFERENCE, -21, DAYS_CALENDAR,
     "Ủy ban MTTQ; các tổ chức chính trị - xã hội", _EDIT),
    ("Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công", "Thu phiếu đăng ký phát biểu về Văn phòng", 2, DAYS_WORKING,
     _OFFICE, _EDIT),
    ("Các đơn vị báo cáo kết quả thực hiện nhiệm vụ", BASE_CONFERENCE, -10, DAYS_CALENDAR, _HEADS, _EDIT),
    ("Các đơn vị tham mưu văn bản trả lời kiến nghị", BASE_CONFERENCE, -7, DAYS_CALENDAR, _HEADS, _EDIT),
    ("Phát hành giấy mời, chuẩn bị điều kiện tổ chức hội nghị", BASE_CONFERENCE, -7, DAYS_CALENDAR, _OFFICE, _EDIT),
    ("Thông báo công khai thời gian, địa điểm, nội dung đối thoại", BASE_CONFERENCE, -7, DAYS_CALENDAR,
     "Đài truyền thanh; " + _OFFICE,
     _LAW + ": chậm nhất 07 ngày trước hội nghị"),
    ("Chuẩn bị địa điểm, cơ sở vật chất", BASE_CONFERENCE, -2, DAYS_CALENDAR, _OFFICE, _EDIT),
    ("Chuẩn bị trang thư ký: chương trình, thứ tự phát biểu", BASE_CONFERENCE, -1, DAYS_WORKING, _OFFICE,
     "Thư ký ghi diễn biến hội nghị để lập biên bản"),
    ("Tổ chức hội nghị đối thoại", BASE_CONFERENCE, 0, DAYS_CALENDAR, "Chủ trì hội nghị", ""),
    ("Hoàn thiện biên bản hội nghị, trình chủ trì ký", BASE_CONFERENCE, 2, DAYS_WORKING, "Thư ký hội nghị; " + _OFFICE,
     "Người phát biểu, câu hỏi, trả lời và kết luận của chủ trì"),
    ("Thông báo kết quả hội nghị đến các khu dân cư", BASE_CONFERENCE, 10, DAYS_CALENDAR, _OFFICE,
     _LAW + ": chậm nhất 10 ngày sau hội nghị"),
    ("Báo cáo kết quả tổ chức hội nghị lên cấp trên", "Thông báo kết quả hội nghị đến các khu dân cư", 5, DAYS_WORKING, _OFFICE,
     _EDIT),
    ("Tổng hợp kết quả, lưu trữ hồ sơ hội nghị", "Thông báo kết quả hội nghị đến các khu dân cư", 10, DAYS_WORKING, _OFFICE, ""),
)

# The default programme: the order the seed plans share (seed 002's 8 items and seed 004's 8 steps are this order
# with items split or merged). (content, who, minutes or None, kind). Neutral wording; staff edit it on `Chương trình`.
PROGRAMME_KEYS = ("noi_dung", "nguoi_thuc_hien", "so_phut", "loai_muc")  # the tuples' order
DEFAULT_PROGRAMME: tuple[tuple[str, str, int | None, str], ...] = (
    ("Tuyên bố lý do, giới thiệu đại biểu; giới thiệu chủ tọa, thư ký; thông qua chương trình, nội quy hội nghị", _OFFICE, 10,
     ITEM_PLAIN),
    ("Báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh và những vấn đề quan trọng của địa phương", "Chủ trì hội nghị", 20,
     ITEM_PLAIN),
    ("Trả lời các ý kiến, kiến nghị đã tổng hợp trước hội nghị", "Chủ trì hội nghị", 15, ITEM_ANSWERS),
    ("Đại biểu phát biểu ý kiến theo thứ tự đã đăng ký", "Đại biểu, Nhân dân", None, ITEM_SPEAKERS),
    ("Trả lời, làm rõ ý kiến, kiến nghị tại hội nghị", "Chủ trì hội nghị; lãnh đạo các cơ quan, đơn vị", 30, ITEM_ANSWERS),
    ("Phát biểu của đại diện Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ Việt Nam", 10, ITEM_PLAIN),
    ("Kết luận hội nghị", "Chủ trì hội nghị", 15, ITEM_PLAIN),
)
