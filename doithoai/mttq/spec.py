"""The copy's format: which sheets and columns the committee sees, its cover, and the copy as plain data.

The copy's sheets are derived from the workbook's schema: same sheet names and headers, so the committee
recognises them, except where the content changed meaning (a cut address, a masked phone). Hidden helper
columns and the columns holding personal data are left out. `CopyBook` is what the share job hands to the
writer (`doithoai.mttq.sharecopy`): values and plain layout facts, no openpyxl.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.schema import Column, Kind, TableSheet
from ..io.xlsxpatch.lines import text_lines

SHARE_FOLDER = "Chia sẻ MTTQ"  # beside the workbook: the copies made
RETURN_FOLDER = "MTTQ gửi lại"  # beside the workbook: where the office puts the copies the committee sent back
COVER_SHEET = "Giới thiệu"
COVER_TITLE = "BẢN CHIA SẺ CHO ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"
KIND_LABEL = "Loại tệp"
KIND_VALUE = "Bản chia sẻ cho Ủy ban MTTQ, do phần mềm Đối thoại tạo"
EXPORT_ID_LABEL = "Mã bản chia sẻ"
SOURCE_LABEL = "Tạo từ sổ"
PROGRAM = "Đối thoại"
COPY_TITLE = "Bản chia sẻ cho Ủy ban MTTQ"
NOTE_KEYS = ("y_kien_giam_sat", "ngay_giam_sat")  # the only cells the committee types in

NOTE_FILL = schema.INPUT_FILL.lstrip("#")  # the workbook's own input yellow
HEADER_FILL = "DDEBF7"
NOTE_HEADER_FILL = "FFE699"


def _column(spec: TableSheet, key: str, **changes: Any) -> Column:
    return dataclasses.replace(spec.column(key), **changes)


SHARED_PETITIONS = dataclasses.replace(
    schema.PETITIONS,
    columns=tuple(
        _column(schema.PETITIONS, c.key, header=schema.SLIPS.column("to_dan_pho").header, note="") if c.key == "dia_chi" else c
        for c in schema.PETITIONS.columns
    ),
)
SHARED_ASSIGNMENTS = dataclasses.replace(schema.ASSIGNMENTS, columns=tuple(c for c in schema.ASSIGNMENTS.columns if not c.hidden))
SHARED_MILESTONES = schema.MILESTONES
_SLIP_DROPPED = ("nam_sinh", "dia_chi")
SHARED_SLIPS = dataclasses.replace(
    schema.SLIPS,
    columns=tuple(
        _column(schema.SLIPS, c.key, header="Số điện thoại (đã che)", kind=Kind.TEXT) if c.key == "dien_thoai" else c
        for c in schema.SLIPS.columns
        if c.key not in _SLIP_DROPPED
    ),
)
SHARED_SHEETS: tuple[TableSheet, ...] = (SHARED_PETITIONS, SHARED_ASSIGNMENTS, SHARED_MILESTONES, SHARED_SLIPS)

HOW_TO = (
    "Cách điền",
    "1. Mở trang “Kiến nghị”. Mỗi dòng là một kiến nghị, có “Mã kiến nghị” riêng.",
    "2. Chỉ nhập vào hai cột nền vàng: “Ý kiến giám sát” (nhận xét, đề nghị của Ủy ban MTTQ) và “Ngày giám sát” "
    "(ngày/tháng/năm, ví dụ 12/6/2026). Các ô khác đã khóa.",
    "3. Không thêm, xóa dòng, không sửa “Mã kiến nghị”: Văn phòng nhập ý kiến về sổ theo mã này.",
    "4. Lưu tệp dưới dạng Excel (.xlsx), giữ nguyên tên trang, rồi gửi lại cho Văn phòng HĐND và UBND.",
    "Văn phòng dùng lệnh “Nhập ý kiến MTTQ” để đưa ý kiến vào sổ; phần mềm chỉ nhận bản chia sẻ có đúng mã ở trên.",
)
PRIVACY = (
    "Dữ liệu cá nhân",
    "Bản này đã che số điện thoại, số CCCD/CMND và địa chỉ thư điện tử, chỉ giữ tổ dân phố, thôn của địa chỉ và bỏ năm sinh "
    "của công dân (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15). Nội dung kiến nghị do người dân viết có thể còn thông tin "
    "cá nhân: chỉ dùng bản này cho việc giám sát, không chuyển tiếp, không đăng tải.",
)


# --------------------------------------------------------------------------------------------------
# The copy as plain data, for the writer


@dataclass(frozen=True)
class CopyColumn:
    header: str
    width: float
    number_format: str | None = None  # "dd/mm/yyyy" for dates, "@" for codes and phones
    wrap: bool = False  # long text wraps
    editable: bool = False  # unlocked and tinted: the committee types here


@dataclass
class CopyTable:
    name: str
    columns: tuple[CopyColumn, ...]
    rows: list[list[Any]] = field(default_factory=list)
    heights: list[float | None] = field(default_factory=list)  # per data row; None: Excel's default
    header_height: float | None = None


@dataclass
class CopyBook:
    export_id: str
    created: Any  # datetime, for the document properties
    cover: list[tuple[str, Any]]  # label, value
    blocks: tuple[tuple[str, ...], ...]  # heading then lines (how to fill in, personal data)
    tables: list[CopyTable] = field(default_factory=list)


# The copy's column widths (characters) by kind, at most: its 19 petition columns printed on one A4 landscape page
# wide at a legible scale (the workbook's widths, 451 characters, printed at a third of the size). Text wraps instead.
COPY_WIDTHS = {Kind.LONG_TEXT: 22.0, Kind.TEXT: 12.0, Kind.LIST: 11.0}
COPY_SHORT_WIDTH = 10.0  # codes, dates, numbers, phones: "KN-001", "12/06/2026" whole


def copy_width(column: Column) -> float:
    """The width of a column in the copy (`COPY_WIDTHS`), never wider than in the workbook."""
    return min(column.width, COPY_WIDTHS.get(column.kind, COPY_SHORT_WIDTH))


def copy_columns(spec: TableSheet) -> tuple[CopyColumn, ...]:
    columns = []
    for column in spec.columns:
        if column.kind is Kind.DATE:
            number_format: str | None = schema.DATE_FORMAT
        elif column.kind in (Kind.CODE, Kind.PHONE, Kind.YEAR, Kind.TIME):
            number_format = schema.TEXT_FORMAT
        else:
            number_format = None
        columns.append(
            CopyColumn(
                header=column.header,
                width=copy_width(column),
                number_format=number_format,
                wrap=column.kind in COPY_WIDTHS,  # any text: narrower than in the workbook, it wraps instead of hiding
                editable=spec is SHARED_PETITIONS and column.key in NOTE_KEYS,
            )
        )
    return tuple(columns)


def lines_needed(text: Any, width: float) -> int:
    """How many lines a wrapped cell needs at this column width (openpyxl cannot autofit rows)."""
    return text_lines(text, width, 1.1) if isinstance(text, str) and text else 1  # Times New Roman 12


def row_height(lines: int) -> float:
    return 15.0 * min(max(lines, 1), 12)
