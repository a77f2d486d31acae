"""The workbook template, built with XlsxWriter from `doithoai.schema` and nothing else.

`build_workbook(target)` makes the blank template; `build_workbook(target, data=...)` the same workbook
filled with a conference (the sample). Fixed timestamps make two builds byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, Mapping, Protocol, Sequence

from . import schema
from .schema import Kind, TableSheet

BUILD_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)
VALIDATION_ROWS = 5000  # dropdowns and formats reach this row, so rows typed later get them too
LIST_ROWS = 100  # room for the office's own additions to each lookup list
HEADER_FILL = "#1F4E79"
COMPUTED_FILL = "#F2F2F2"
COMPUTED_HEADER_FILL = "#7F7F7F"


class ButtonLike(Protocol):
    macro: str
    caption: str
    description: str


class ConferenceData(Protocol):
    settings: Mapping[str, Any]
    tables: Mapping[str, Sequence[Mapping[str, Any]] | None]
    calendar: Sequence[Mapping[str, Any]]


def build_workbook(
    target: Path | io.BytesIO,
    data: ConferenceData | None = None,
    *,
    vba_project: bytes | None = None,
    buttons: Sequence[ButtonLike] = (),
) -> None:
    import xlsxwriter

    if isinstance(target, Path) or isinstance(target, str):
        target = str(target)
    workbook = xlsxwriter.Workbook(target, {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
    try:
        _Builder(workbook, data).build(vba_project, buttons)
    finally:
        workbook.close()


class _Builder:
    def __init__(self, workbook, data: ConferenceData | None) -> None:
        self.wb = workbook
        self.data = data
        self.formats: dict[tuple, Any] = {}

    # -- formats -------------------------------------------------------------------------------
    def fmt(self, **props) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self.formats:
            base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
            base.update(props)
            self.formats[key] = self.wb.add_format(base)
        return self.formats[key]

    def column_format(self, kind: Kind, computed: bool = False) -> Any:
        props: dict[str, Any] = {}
        if kind.value in {k.value for k in schema.NUMBER_FORMATS}:
            props["num_format"] = schema.NUMBER_FORMATS[kind]
        if kind is Kind.LONG_TEXT:
            props["text_wrap"] = True
        if computed:
            props["bg_color"] = COMPUTED_FILL
        return self.fmt(**props)

    # -- the workbook --------------------------------------------------------------------------
    def build(self, vba_project: bytes | None, buttons: Sequence[ButtonLike]) -> None:
        self.wb.set_properties(
            {
                "title": "Đối thoại: sổ theo dõi hội nghị đối thoại với Nhân dân",
                "subject": "Hội nghị đối thoại giữa Chủ tịch UBND xã, phường với Nhân dân",
                "author": "Đối thoại",
                "company": "",
                "created": BUILD_TIME,
            }
        )
        if vba_project is not None:
            self.wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)
        sheets = {name: self.wb.add_worksheet(name) for name in schema.SHEET_ORDER}
        self.define_lists()
        self.guide(sheets[schema.GUIDE_SHEET], buttons)
        self.settings_sheet(sheets[schema.SETTINGS_SHEET])
        for spec in schema.TABLE_SHEETS:
            self.table_sheet(sheets[spec.name], spec, self.rows_for(spec))
        self.lists_sheet(sheets[schema.LISTS_SHEET])
        sheets[schema.GUIDE_SHEET].activate()

    def rows_for(self, spec: TableSheet) -> list[Mapping[str, Any]]:
        rows = None if self.data is None else self.data.tables.get(spec.key)
        if rows is None and spec is schema.MILESTONES:
            keys = ("moc", "can_cu", "so_ngay", "loai_ngay", "don_vi_thuc_hien", "ghi_chu")
            return [dict(zip(keys, row)) for row in schema.DEFAULT_MILESTONES]
        return list(rows or ())

    def define_lists(self) -> None:
        sheet = _quote(schema.LISTS_SHEET)
        for position, lookup_list in enumerate(schema.LISTS):
            col = _col(position + 1)
            self.wb.define_name(lookup_list.name, f"={sheet}!${col}$2:${col}${LIST_ROWS + 1}")

    def write_value(self, ws, row: int, col: int, kind: Kind, value: Any, cell_format: Any) -> None:
        """Row/col 0-based. Text kinds are written as strings so phones and years keep their digits."""
        if value is None or value == "":
            ws.write_blank(row, col, None, cell_format)
        elif isinstance(value, dt.datetime):
            ws.write_datetime(row, col, value, cell_format)
        elif isinstance(value, dt.date):
            ws.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), cell_format)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, cell_format)
        elif isinstance(value, (int, float)) and kind in (Kind.INT,):
            ws.write_number(row, col, value, cell_format)
        else:
            ws.write_string(row, col, str(value), cell_format)

    # -- sheets --------------------------------------------------------------------------------
    def table_sheet(self, ws, spec: TableSheet, rows: list[Mapping[str, Any]]) -> None:
        ws.set_tab_color(spec.tab_color)
        for position, column in enumerate(spec.columns):
            ws.set_column(position, position, column.width, self.column_format(column.kind, column.computed), {"hidden": column.hidden})
        n_rows = max(len(rows), 1)  # an Excel table needs one data row
        last_col = len(spec.columns) - 1
        header_props = {"bold": True, "font_color": "#FFFFFF", "text_wrap": True, "valign": "vcenter", "align": "center", "border": 1}
        ws.add_table(
            0,
            0,
            n_rows,
            last_col,
            {
                "name": spec.table,
                "style": "Table Style Light 9",
                "columns": [
                    {
                        "header": c.header,
                        "header_format": self.fmt(bg_color=COMPUTED_HEADER_FILL if c.computed else HEADER_FILL, **header_props),
                        "format": self.column_format(c.kind, c.computed),
                    }
                    for c in spec.columns
                ],
            },
        )
        for r, record in enumerate(rows, start=1):
            for c, column in enumerate(spec.columns):
                self.write_value(ws, r, c, column.kind, record.get(column.key), self.column_format(column.kind, column.computed))
        ws.set_row(0, 32)
        ws.freeze_panes(1, 0)
        for c, column in enumerate(spec.columns):
            if column.list_key:
                ws.data_validation(
                    1,
                    c,
                    VALIDATION_ROWS,
                    c,
                    {
                        "validate": "list",
                        "source": "=" + schema.lookup(column.list_key).name,
                        "input_title": column.header[:32],
                        "input_message": (column.note or "Chọn trong danh sách")[:255],
                        "error_title": "Giá trị không có trong danh sách",
                        "error_message": f"Hãy chọn một giá trị trong danh sách “{schema.lookup(column.list_key).header}” (trang Danh mục).",
                        "error_type": "warning",
                    },
                )
            elif column.note:
                ws.data_validation(
                    1, c, VALIDATION_ROWS, c,
                    {"validate": "any", "input_title": column.header[:32], "input_message": column.note[:255]},
                )
        ws.repeat_rows(0)
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&C&\"Times New Roman\"Trang &P/&N")

    def settings_sheet(self, ws) -> None:
        ws.set_tab_color("#C00000")
        ws.set_column(0, 0, 36, self.fmt(bold=True))
        ws.set_column(1, 1, 48, self.fmt(text_wrap=True))
        ws.set_column(2, 2, 60, self.fmt(italic=True, font_color="#595959", text_wrap=True))
        header = self.fmt(bold=True, font_color="#FFFFFF", bg_color=HEADER_FILL, border=1)
        for c, text in enumerate(schema.SETTINGS_HEADER):
            ws.write_string(0, c, text, header)
        values = dict(self.data.settings) if self.data is not None else {}
        for i, setting in enumerate(schema.SETTINGS):
            row = schema.SETTINGS_FIRST_ROW - 1 + i
            value = values.get(setting.key, setting.default)
            props: dict[str, Any] = {"text_wrap": True, "border": 1, "bg_color": "#FFF2CC"}
            if setting.kind in schema.NUMBER_FORMATS:
                props["num_format"] = schema.NUMBER_FORMATS[setting.kind]
            # Required settings in dark red; the label itself stays exactly the schema's (readers find rows by it).
            ws.write_string(row, 0, setting.label, self.fmt(bold=True, border=1, font_color="#C00000" if setting.required else "#000000"))
            self.write_value(ws, row, 1, setting.kind, value, self.fmt(**props))
            ws.write_string(row, 2, setting.note, self.fmt(italic=True, font_color="#595959", text_wrap=True))
            options = {"input_title": setting.label[:32], "input_message": (setting.note or setting.label)[:255]}
            if setting.list_key:
                options.update({"validate": "list", "source": "=" + schema.lookup(setting.list_key).name})
            else:
                options["validate"] = "any"
            ws.data_validation(row, 1, row, 1, options)
            if setting.kind is Kind.LONG_TEXT:
                ws.set_row(row, 90)
        ws.freeze_panes(1, 0)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)

    def lists_sheet(self, ws) -> None:
        ws.set_tab_color("#7F7F7F")
        header = self.fmt(bold=True, font_color="#FFFFFF", bg_color=HEADER_FILL, border=1, text_wrap=True)
        for c, lookup_list in enumerate(schema.LISTS):
            ws.set_column(c, c, max(14, min(36, max(len(v) for v in lookup_list.values) + 2)))
            ws.write_string(0, c, lookup_list.header, header)
            for r, value in enumerate(lookup_list.values, start=1):
                ws.write_string(r, c, value)
        spec = schema.CALENDAR
        first = schema.CALENDAR_FIRST_COLUMN - 1
        rows = list(self.data.calendar) if self.data is not None else []
        for position, column in enumerate(spec.columns):
            ws.set_column(first + position, first + position, column.width, self.column_format(column.kind))
        ws.add_table(
            0,
            first,
            max(len(rows), 1),
            first + len(spec.columns) - 1,
            {
                "name": spec.table,
                "style": "Table Style Light 9",
                "columns": [{"header": c.header, "header_format": header, "format": self.column_format(c.kind)} for c in spec.columns],
            },
        )
        for r, record in enumerate(rows, start=1):
            for position, column in enumerate(spec.columns):
                self.write_value(ws, r, first + position, column.kind, record.get(column.key), self.column_format(column.kind))
        type_col = first + [c.key for c in spec.columns].index("loai")
        ws.data_validation(1, type_col, 400, type_col, {"validate": "list", "source": "=" + schema.lookup("loai_ngay_dac_biet").name})
        date_col = first + [c.key for c in spec.columns].index("ngay")
        ws.data_validation(1, date_col, 400, date_col, {"validate": "any", "input_title": "Ngày đặc biệt", "input_message": "Ngày nghỉ bù hoặc ngày làm việc bù do Nhà nước công bố, hoặc ngày nghỉ riêng của cơ quan."})
        ws.freeze_panes(1, 0)

    def guide(self, ws, buttons: Sequence[ButtonLike]) -> None:
        ws.set_tab_color("#00B050")
        ws.set_column(0, 0, 4)
        ws.set_column(1, 1, 34)
        ws.set_column(2, 2, 90, self.fmt(text_wrap=True))
        ws.hide_gridlines(2)
        title = self.fmt(bold=True, font_size=16, font_color=HEADER_FILL)
        heading = self.fmt(bold=True, font_size=13, font_color=HEADER_FILL)
        body = self.fmt(text_wrap=True)
        bold = self.fmt(bold=True, text_wrap=True)
        row = 0
        ws.write_string(row, 1, "ĐỐI THOẠI: SỔ THEO DÕI HỘI NGHỊ ĐỐI THOẠI GIỮA CHỦ TỊCH UBND VỚI NHÂN DÂN", title)
        row += 1
        ws.write_string(row, 1, GUIDE_INTRO, body)
        ws.merge_range(row, 1, row, 2, GUIDE_INTRO, body)
        ws.set_row(row, 48)
        row += 2
        if buttons:
            ws.write_string(row, 1, "Các nút chức năng (bấm theo thứ tự)", heading)
            row += 1
            for button in buttons:
                ws.set_row(row, 30)
                ws.insert_button(row, 1, {"macro": button.macro, "caption": button.caption, "width": 240, "height": 36, "x_offset": 2, "y_offset": 2})
                ws.write_string(row, 2, button.description, body)
                row += 1
            ws.write_string(row, 2, BUTTON_NOTE, self.fmt(italic=True, text_wrap=True, font_color="#595959"))
            ws.set_row(row, 32)
            row += 2
        ws.write_string(row, 1, "Các trang tính", heading)
        row += 1
        sheets = [(schema.SETTINGS_SHEET, "Thông tin chung của hội nghị: cơ quan, số và ngày kế hoạch, ngày giờ, địa điểm, người ký, nơi nhận.")]
        sheets += [(spec.name, spec.purpose) for spec in schema.TABLE_SHEETS]
        sheets.append((schema.LISTS_SHEET, "Các danh sách chọn (giới tính, nhóm đại biểu, lĩnh vực, đơn vị…) và bảng ngày nghỉ bù, ngày làm việc bù. Có thể bổ sung."))
        for name, purpose in sheets:
            ws.write_url(row, 1, f"internal:{_quote(name)}!A1", string=name, cell_format=self.fmt(bold=True, font_color="#0563C1", underline=1))
            ws.write_string(row, 2, purpose, body)
            row += 1
        row += 1
        ws.write_string(row, 1, "Trình tự làm việc", heading)
        row += 1
        for number, step in enumerate(WORK_ORDER, start=1):
            ws.write_string(row, 1, f"Bước {number}", bold)
            ws.write_string(row, 2, step, body)
            row += 1
        row += 1
        ws.write_string(row, 1, "Lưu ý", heading)
        row += 1
        for note in NOTES:
            ws.write_string(row, 2, note, body)
            ws.set_row(row, 48)
            row += 1
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)


def _col(index: int) -> str:
    from .model import column_letter

    return column_letter(index)


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


GUIDE_INTRO = (
    "Sổ này giúp Văn phòng HĐND và UBND chuẩn bị và theo dõi hội nghị đối thoại: danh sách đại biểu, phiếu đăng ký phát "
    "biểu, sổ tổng hợp ý kiến, kiến nghị, phân công trả lời, các mốc thời gian và các văn bản theo thể thức Nghị định "
    "30/2020/NĐ-CP. Các cột nền xám do phần mềm tự tính: không cần nhập."
)
BUTTON_NOTE = (
    "Văn bản và tệp tạo ra được lưu trong các thư mục bên cạnh sổ này. Trước khi ghi vào sổ, phần mềm sao lưu bản cũ "
    "vào thư mục “Sao lưu”. Nếu có lỗi, xem tệp doithoai-loi.log bên cạnh sổ."
)
WORK_ORDER = (
    "Điền trang Kế hoạch: tên phường, xã; số, ngày kế hoạch; ngày, giờ, địa điểm hội nghị; người ký; nơi nhận.",
    "Kiểm tra trang Mốc thời gian: các mốc đã có sẵn theo kế hoạch mẫu, sửa số ngày cho đúng kế hoạch của đơn vị.",
    "Nhập danh sách đại biểu (trang Đại biểu) và phiếu đăng ký phát biểu (trang Phiếu đăng ký) theo thứ tự nhận phiếu.",
    "Tổng hợp ý kiến, kiến nghị (trang Kiến nghị): từ phiếu, từ Ủy ban MTTQ, các đoàn thể và tại hội nghị; phân loại lĩnh vực, thẩm quyền, hình thức xử lý.",
    "Phân công đơn vị chủ trì, phối hợp cho từng kiến nghị (trang Phân công); ghi ngày giao, phần mềm tự tính hạn.",
    "Bấm “Kiểm tra dữ liệu”, sửa các ô bị đánh dấu đỏ (xem trang Kiểm tra), rồi “Tính hạn”.",
    "Tạo văn bản: công văn phân công, báo cáo tổng hợp, giấy mời và chương trình, văn bản trả lời, thông báo kết quả.",
    "Gửi bản chia sẻ cho Ủy ban MTTQ để giám sát; khi nhận lại, bấm “Nhập ý kiến MTTQ”.",
)
NOTES = (
    "Ngày nhập theo kiểu ngày/tháng/năm, ví dụ 12/06/2026. Số điện thoại nhập đủ 10 chữ số, có số 0 ở đầu.",
    "Khiếu nại, tố cáo và tranh chấp giữa các cá nhân không thuộc phạm vi hội nghị đối thoại: phần mềm sẽ cảnh báo các phiếu, kiến nghị có nội dung này.",
    "Số điện thoại, địa chỉ, năm sinh của công dân là dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15): chỉ gửi ra ngoài bản chia sẻ do phần mềm tạo, và đọc lại nội dung trước khi gửi.",
)
