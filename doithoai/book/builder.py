"""The workbook template, built with XlsxWriter from `doithoai.core.schema` and nothing else.

`build_workbook(target)` makes the blank template; `build_workbook(target, data=...)` the same workbook
filled with a conference (the sample). Fixed timestamps make two builds byte-identical, so CI can check
that the committed `workbook/doithoai.xlsm` is what this module makes.

Decisions other modules rely on:
- Dropdowns refer to workbook-level names `ds_<list key>` (never to another sheet directly: openpyxl drops
  cross-sheet validations stored as x14 extensions when it re-saves). Each name covers a fixed block of
  `Danh mục` (rows 2..LIST_LAST_ROW) so values the office adds at the bottom of a list reach the dropdowns;
  the price is that Excel shows the empty cells of the block at the end of the dropdown.
- Notes on cells are Excel input messages (data validation), never comments: comments are VML, like the
  buttons, and openpyxl cannot keep both.
- Formats, dropdowns and input messages reach row VALIDATION_LAST_ROW, so rows typed later get them too.

Longer than the ~450-line guide on purpose: it is one XlsxWriter pass over the schema (formats, sheets, tables,
dropdowns, buttons) whose pieces share the writer's format cache; split, each part would need the whole state.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from ..core import schema
from ..core.errors import UnusableFile
from ..core.model import column_letter, quoted_sheet
from ..core.schema import Column, Kind, TableSheet
from ..core.text import EXCEL_CELL_LIMIT, thousands
from ..core.values import number_text, whole_number
from ..io.xlsxpatch.lines import text_lines

BUILD_TIME = dt.datetime(2026, 1, 1)  # every build carries this timestamp: builds are byte-identical
VALIDATION_LAST_ROW = 5000  # Excel row: dropdowns, formats and input messages reach this far
LIST_LAST_ROW = 101  # Excel row: the `ds_` names cover rows 2..101 of `Danh mục`
CALENDAR_LAST_ROW = 500  # Excel row: dropdown on the calendar table's type column
TABLE_STYLE = "Table Style Light 9"
FONT = {"font_name": "Times New Roman", "font_size": 12}
# Excel's metrics for Times New Roman 12: about 8 px digits (72 px default column), 21 px (15.75 pt) rows.
# XlsxWriter needs them to place the buttons where the cells are.
FONT_METRICS = {"default_column_width": 72, "default_row_height": 21}
HEADER_FILL = "#1F4E79"
HEADER_FONT = "#FFFFFF"
COMPUTED_FILL = "#F2F2F2"  # cells the software fills
COMPUTED_HEADER_FILL = "#7F7F7F"
# Cells a person types in get schema.INPUT_FILL. Headers keep the dark fill: white text on yellow would not read.
INPUT_FILL = schema.INPUT_FILL
REQUIRED_FONT = "#C00000"
NOTE_FONT = "#595959"
LINK_FONT = "#0563C1"
LANDSCAPE_WIDTH = 110  # a sheet whose visible columns are wider than this (characters) prints landscape
# Fitting a sheet to one page wide shrinks the text; past this many characters of columns per landscape page
# (about 50 %) the sheet is printed more pages wide instead, with its first column repeated. Only `Kiến nghị`.
PAGE_WIDTH_LIMIT = 250
A4 = 9  # Excel's paper code
COMPUTED_NOTE = "Phần mềm tự ghi cột này."
CHARS_PER_WIDTH = 1.1  # Vietnamese text in Times New Roman 12 per unit of column width, a little pessimistic
LINE_HEIGHT = 15.75  # points per line of Times New Roman 12

# Days the State swapped in 2026, for the blank template: the `holidays` package lists the day off (Monday
# 31/8, National Day) but cannot list the Saturday worked in exchange (22/8), which a deadline count must
# treat as a working day. Tết 2026 (16-20/2) needs no row: `holidays` knows it.
DEFAULT_CALENDAR: tuple[dict[str, Any], ...] = (
    {"ngay": dt.date(2026, 8, 22), "loai": schema.CALENDAR_WORKDAY,
     "ghi_chu": "Làm bù cho ngày nghỉ thứ Hai 31/08/2026 (dịp Quốc khánh)"},
    {"ngay": dt.date(2026, 8, 31), "loai": schema.CALENDAR_DAY_OFF,
     "ghi_chu": "Nghỉ dịp Quốc khánh (hoán đổi với thứ Bảy 22/08/2026)"},
)



IDENTITY_KEYS = ("ho_ten", "nguoi_kien_nghi", "don_vi", "moc")  # the column that says who or what a row is


def frozen_columns(spec: schema.TableSheet) -> int:
    """Columns kept in view while scrolling right: through the row's name when it is among the first four
    (on the 19-column `Kiến nghị`, code to petitioner), else the first column (the code)."""
    for index, column in enumerate([c for c in spec.columns if not c.hidden][:4]):
        if column.key in IDENTITY_KEYS:
            return index + 1
    return 1

class ButtonLike(Protocol):
    """What `doithoai.book.controls.BUTTONS` holds: the macro a button runs, its caption and one line about it."""

    # Read-only properties, so a NamedTuple (whose fields cannot be set) satisfies the protocol.
    @property
    def macro(self) -> str: ...
    @property
    def caption(self) -> str: ...
    @property
    def description(self) -> str: ...


class ConferenceData(Protocol):
    """What `doithoai.workflows.sample.sample_conference()` returns (a mapping with these keys works too)."""

    # Read-only properties, so a dataclass holding dicts and lists satisfies the protocol.
    @property
    def settings(self) -> Mapping[str, Any]: ...  # setting key -> value
    @property
    def tables(self) -> Mapping[str, Sequence[Mapping[str, Any]] | None]: ...  # TableSheet.key -> records, None: empty
    @property
    def calendar(self) -> Sequence[Mapping[str, Any]]: ...  # CALENDAR column key -> value


def build_workbook(
    target: Path | str | io.BytesIO,
    data: ConferenceData | Mapping[str, Any] | None = None,
    *,
    vba_project: bytes | None = None,
    buttons: Sequence[ButtonLike] = (),
    conf: Sequence[tuple[str, str]] | None = None,
) -> None:
    """Write the workbook to `target`: an .xlsm with `vba_project` (the bytes of a vbaProject.bin), else an .xlsx.

    An .xlsm also gets the very hidden `xlwings.conf` sheet (`doithoai.book.xlwings_conf`): `conf` rows, by default
    the template's, whose empty interpreter makes the buttons ask for `doithoai connect`.

    With no `data`: the blank template (settings defaults, the default milestones and calendar, empty tables).
    In `data`, a missing setting takes its default, a table given as None (or missing) is empty except
    `moc_thoi_gian` and `chuong_trinh`, which get `schema.DEFAULT_MILESTONES` and `DEFAULT_PROGRAMME`, and an empty
    calendar gets DEFAULT_CALENDAR. `data.lists` (optional: list key -> values) replaces the default lookup lists.
    """
    import xlsxwriter

    if isinstance(target, (str, os.PathLike)):
        target = str(target)
        wanted = ".xlsm" if vba_project is not None else ".xlsx"
        if not target.lower().endswith(wanted):  # Excel refuses a file whose extension and content disagree
            raise ValueError(f"{target}: a workbook {'with' if vba_project is not None else 'without'} macros must end in "
                             f"{wanted}")
    options = {
        "in_memory": True,  # no temporary files; also fixes the zip entries' timestamps
        "strings_to_numbers": False,
        "strings_to_formulas": False,  # a petition starting with "=" stays text
        "strings_to_urls": False,
        "default_format_properties": dict(FONT),
        **FONT_METRICS,
    }
    workbook = xlsxwriter.Workbook(target, options)
    try:
        _Builder(workbook, data).build(vba_project, buttons, conf)
    finally:
        workbook.close()


def _part(data: Any, name: str) -> Any:
    if data is None:
        return None
    if isinstance(data, Mapping):
        return data.get(name)
    return getattr(data, name, None)


def _fits(text: str, limit: int) -> str:
    """Excel's limits on validation titles (32) and messages (255): cut at a word, never mid-letter."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _list_check(lookup_list: schema.LookupList, message: str) -> dict[str, Any]:
    """A dropdown from a list on `Danh mục`, for columns and settings alike: a warning only (the office may have a
    reason; the validator reports it anyway)."""
    return {
        "validate": "list",
        "source": "=" + lookup_list.name,
        "error_type": "warning",
        "error_title": "Không có trong danh sách",
        "error_message": message,
    }


def _date_check(subject: str) -> dict[str, Any]:
    """Excel's own check on a date cell, for columns and settings alike: a warning only (the office may have a
    reason, and `validate` names the cell either way)."""
    return {
        "validate": "date",
        "criteria": "between",
        "minimum": dt.date(2000, 1, 1),
        "maximum": dt.date(2100, 12, 31),
        "error_type": "warning",
        "error_title": "Chưa phải ngày",
        "error_message": f"{subject} cần một ngày theo kiểu ngày/tháng/năm, ví dụ 12/06/2026.",
    }


def column_note(column: Column) -> str:
    """The input message of a column: its note, and for computed columns that the software fills it."""
    note = column.note
    if column.computed and "Phần mềm" not in note:
        note = f"{COMPUTED_NOTE} {note}".strip()
    return note


def _landscape(widths: Sequence[float]) -> bool:
    return sum(widths) > LANDSCAPE_WIDTH


def row_height(cells: Sequence[tuple[float, str]]) -> float | None:
    """Points for a row whose wrapped text needs more than one line, else None (Excel's automatic height).

    `cells` are (column width, text) of the row's wrapping cells. LibreOffice does not fit row heights
    to wrapped text when it opens a file, so filled workbooks carry an estimate (Times New Roman 12:
    about CHARS_PER_WIDTH characters per unit of column width).
    """
    lines = max((text_lines(text, width, CHARS_PER_WIDTH) for width, text in cells), default=1)
    return None if lines == 1 else min(409.0, lines * LINE_HEIGHT)


def pages_wide(widths: Sequence[float]) -> int:
    """How many pages wide a sheet prints: one, unless that would make the text unreadably small."""
    return max(1, math.ceil(sum(widths) / PAGE_WIDTH_LIMIT))


class _Builder:
    def __init__(self, workbook: Any, data: Any) -> None:
        self.wb = workbook
        self.data = data
        self.formats: dict[tuple, Any] = {}

    # -- formats -----------------------------------------------------------------------------------

    def fmt(self, **props: Any) -> Any:
        """One shared Format per distinct set of properties (Excel caps the number of styles)."""
        key = tuple(sorted(props.items()))
        if key not in self.formats:
            self.formats[key] = self.wb.add_format({**FONT, "valign": "top", **props})
        return self.formats[key]

    def kind_format(self, kind: Kind, *, computed: bool | None = None, **extra: Any) -> Any:
        """The format of a value cell; `computed` True is the tool's grey, False the input yellow, None no fill."""
        props: dict[str, Any] = dict(extra)
        number_format = schema.NUMBER_FORMATS.get(kind)
        if number_format:
            props["num_format"] = number_format
        if kind is Kind.LONG_TEXT:
            props["text_wrap"] = True
        if computed is not None:
            props["bg_color"] = COMPUTED_FILL if computed else INPUT_FILL
        return self.fmt(**props)

    def header_format(self, computed: bool = False) -> Any:
        return self.fmt(
            bold=True,
            font_color=HEADER_FONT,
            bg_color=COMPUTED_HEADER_FILL if computed else HEADER_FILL,
            text_wrap=True,
            valign="vcenter",
            align="center",
            border=1,
        )

    # -- cells -------------------------------------------------------------------------------------

    def write_value(self, ws: Any, row: int, col: int, kind: Kind, value: Any, cell_format: Any) -> None:
        """Row/col 0-based. Text kinds are written as strings so phones and years keep their digits. A number
        Excel cannot hold as one (past ±100,000 for a whole-number column, nan, 10^400) is written as its text, as
        the reader would keep it; a text longer than a cell is refused, never cut (XlsxWriter would cut it)."""
        if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
            from xlsxwriter.utility import xl_rowcol_to_cell

            raise UnusableFile(
                f"Ô {xl_rowcol_to_cell(row, col)} trang “{ws.name}” của sổ mới sẽ dài {thousands(len(value))} ký tự, quá "
                f"giới hạn {thousands(EXCEL_CELL_LIMIT)} ký tự của một ô Excel: hãy rút gọn nội dung đó (phần mềm không tự cắt); "
                "sổ mới chưa được tạo."
            )
        if kind is Kind.INT and not isinstance(value, bool) and isinstance(value, (int, float, str)):
            number = whole_number(value)
            if number is None and (isinstance(value, (int, float)) or value.strip().isdigit()):
                ws.write_string(row, col, number_text(value) if not isinstance(value, str) else value, cell_format)
                return
        if value is None or (isinstance(value, str) and value == ""):
            ws.write_blank(row, col, None, cell_format)
        elif isinstance(value, dt.datetime):
            ws.write_datetime(row, col, value, cell_format)
        elif isinstance(value, dt.date):
            ws.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), cell_format)
        elif isinstance(value, dt.time):
            ws.write_string(row, col, value.strftime("%H:%M"), cell_format)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, cell_format)
        elif kind in (Kind.INT, Kind.MONEY) and isinstance(value, (int, float)):
            ws.write_number(row, col, value, cell_format)
        elif kind is Kind.INT and isinstance(value, str) and value.strip().isdigit():
            ws.write_number(row, col, int(value), cell_format)
        elif isinstance(value, float) and value.is_integer():
            ws.write_string(row, col, number_text(value), cell_format)
        else:
            ws.write_string(row, col, str(value), cell_format)

    def validate(self, ws: Any, first_row: int, col: int, last_row: int, options: dict[str, Any]) -> None:
        """Add a data validation; XlsxWriter only warns and drops one that breaks Excel's limits, so fail loudly."""
        for key, limit in (("input_title", 32), ("error_title", 32), ("input_message", 255), ("error_message", 255)):
            if key in options:
                options[key] = _fits(options[key], limit)
        if ws.data_validation(first_row, col, last_row, col, options) != 0:
            raise ValueError(f"invalid data validation on {ws.name!r} column {col}: {options}")

    def column_validation(self, ws: Any, col: int, column: Column, last_row: int) -> None:
        """Dropdown, date or length check, and input message for one column, rows 2..last_row (0-based 1..)."""
        note = column_note(column)
        options: dict[str, Any] = {"validate": "any"}
        if column.list_key:
            lookup_list = schema.lookup(column.list_key)
            options = _list_check(
                lookup_list,
                f"Giá trị này không có trong danh sách “{lookup_list.header}” (trang {schema.LISTS_SHEET}). "
                "Hãy chọn trong danh sách, hoặc bổ sung danh sách trước.",
            )
            note = note or "Chọn trong danh sách"
        elif column.kind is Kind.DATE and not column.computed:
            options = _date_check(f"Cột “{column.header}”")
        elif column.kind is Kind.YEAR:
            options = {
                "validate": "length",
                "criteria": "==",
                "value": 4,
                "error_type": "warning",
                "error_title": "Năm có bốn chữ số",
                "error_message": f"Cột “{column.header}” cần bốn chữ số, ví dụ 1965.",
            }
        elif not note:
            return
        if note:
            options.update({"input_title": column.header, "input_message": note})
        self.validate(ws, 1, col, last_row - 1, options)

    def print_setup(self, ws: Any, widths: Sequence[float], *, header_row: bool = True) -> None:
        ws.set_paper(A4)
        if _landscape(widths):
            ws.set_landscape()
        wide = pages_wide(widths)
        ws.fit_to_pages(wide, 0)  # so many pages wide, as many pages tall as needed
        if wide > 1:
            ws.repeat_columns(0)  # every page shows which row it is (the code in column A)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_header('&C&"Times New Roman,Bold"&A')
        ws.set_footer('&C&"Times New Roman"Trang &P/&N')
        if header_row:
            ws.repeat_rows(0)

    # -- the workbook ------------------------------------------------------------------------------

    def build(
        self, vba_project: bytes | None, buttons: Sequence[ButtonLike], conf: Sequence[tuple[str, str]] | None = None
    ) -> None:
        self.wb.set_properties(
            {
                "title": "Sổ theo dõi hội nghị đối thoại giữa Chủ tịch UBND với Nhân dân",
                "subject": "Hội nghị đối thoại: đại biểu, phiếu đăng ký, kiến nghị, phân công, mốc thời gian",
                "author": "Đối thoại",
                "manager": "",
                "company": "",
                "category": "Hội nghị đối thoại",
                "keywords": "đối thoại, kiến nghị, UBND",
                "comments": "Tạo bằng phần mềm Đối thoại",
                "created": BUILD_TIME,
            }
        )
        if vba_project is not None:
            # XlsxWriter gives the default code names (ThisWorkbook, Sheet1...) the VBA project expects.
            self.wb.add_vba_project(io.BytesIO(vba_project), is_stream=True)
        sheets = {name: self.wb.add_worksheet(name) for name in schema.SHEET_ORDER}
        self.define_lists()
        self.guide_sheet(sheets[schema.GUIDE_SHEET], buttons)
        self.settings_sheet(sheets[schema.SETTINGS_SHEET])
        for spec in schema.TABLE_SHEETS:
            self.table_sheet(sheets[spec.name], spec, self.records(spec))
        self.lists_sheet(sheets[schema.LISTS_SHEET])
        if vba_project is not None:
            self.conf_sheet(conf)
        sheets[schema.GUIDE_SHEET].activate()

    def conf_sheet(self, conf: Sequence[tuple[str, str]] | None) -> None:
        """xlwings' settings sheet, last and very hidden: keys from A1 down, values in B (see xlwings_conf)."""
        from .xlwings_conf import CONF_SHEET, TEMPLATE_ENTRIES

        ws = self.wb.add_worksheet(CONF_SHEET)
        for row, (key, value) in enumerate(TEMPLATE_ENTRIES if conf is None else conf):
            ws.write_string(row, 0, key)
            if value:
                ws.write_string(row, 1, value)
        ws.set_column(0, 0, 30)
        ws.set_column(1, 1, 90)
        ws.very_hidden()

    def records(self, spec: TableSheet) -> list[Mapping[str, Any]]:
        tables = _part(self.data, "tables") or {}
        rows = tables.get(spec.key)
        if rows is None and spec is schema.MILESTONES:
            return [dict(zip(schema.MILESTONE_KEYS, milestone, strict=True)) for milestone in schema.DEFAULT_MILESTONES]
        if rows is None and spec is schema.PROGRAMME:
            return [dict(zip(schema.PROGRAMME_KEYS, item, strict=True), stt=n)
                    for n, item in enumerate(schema.DEFAULT_PROGRAMME, 1)]
        return list(rows or ())

    def define_lists(self) -> None:
        sheet = quoted_sheet(schema.LISTS_SHEET)
        for position, lookup_list in enumerate(schema.LISTS, start=1):
            col = column_letter(position)
            self.wb.define_name(lookup_list.name, f"={sheet}!${col}$2:${col}${LIST_LAST_ROW}")

    # -- sheets ------------------------------------------------------------------------------------

    def table_sheet(self, ws: Any, spec: TableSheet, rows: list[Mapping[str, Any]]) -> None:
        ws.set_tab_color(spec.tab_color)
        formats = [self.kind_format(c.kind, computed=c.computed) for c in spec.columns]
        for position, (column, cell_format) in enumerate(zip(spec.columns, formats, strict=True)):
            ws.set_column(position, position, column.width, cell_format, {"hidden": column.hidden})
        header = spec.header_row - 1
        last_row = header + max(len(rows), 1)  # an Excel table needs one data row, even blank
        result = ws.add_table(
            header,
            0,
            last_row,
            len(spec.columns) - 1,
            {
                "name": spec.table,
                "style": TABLE_STYLE,
                "columns": [
                    {"header": c.header, "header_format": self.header_format(c.computed), "format": f}
                    for c, f in zip(spec.columns, formats, strict=True)
                ],
            },
        )
        if result not in (None, 0):
            raise ValueError(f"cannot add table {spec.table!r} to {spec.name!r}")
        wrapping = [c for c in spec.columns if c.kind is Kind.LONG_TEXT]
        for r, record in enumerate(rows or [{}], start=header + 1):  # the blank row gets the formats too
            for c, (column, cell_format) in enumerate(zip(spec.columns, formats, strict=True)):
                self.write_value(ws, r, c, column.kind, record.get(column.key), cell_format)
            height = row_height([(c.width, str(record[c.key])) for c in wrapping if record.get(c.key)])
            if height:
                ws.set_row(r, height)
        ws.set_row(header, 33)  # two lines of header
        ws.freeze_panes(header + 1, frozen_columns(spec))
        for position, column in enumerate(spec.columns):
            self.column_validation(ws, position, column, VALIDATION_LAST_ROW)
        self.print_setup(ws, [c.width for c in spec.columns if not c.hidden])

    def settings_sheet(self, ws: Any) -> None:
        ws.set_tab_color(REQUIRED_FONT)
        widths = (38, 46, 58)
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        for col, text in enumerate(schema.SETTINGS_HEADER):
            ws.write_string(0, col, text, self.header_format())
        ws.set_row(0, 21)
        values = dict(_part(self.data, "settings") or {})
        note_format = self.fmt(italic=True, font_color=NOTE_FONT, text_wrap=True)
        for index, setting in enumerate(schema.SETTINGS):
            row = schema.SETTINGS_FIRST_ROW - 1 + index
            # Required settings in dark red; the label itself stays exactly the schema's: readers find rows by it.
            label_format = self.fmt(bold=True, border=1, text_wrap=True,
                                    font_color=REQUIRED_FONT if setting.required else "#000000")
            ws.write_string(row, 0, setting.label, label_format)
            value = values.get(setting.key, setting.default)
            value_format = self.kind_format(setting.kind, computed=False, border=1, text_wrap=True, align="left")
            self.write_value(ws, row, 1, setting.kind, value, value_format)
            ws.write_string(row, 2, setting.note, note_format)
            options: dict[str, Any] = {"validate": "any"}
            if setting.list_key:
                lookup_list = schema.lookup(setting.list_key)
                message = f"Hãy chọn trong danh sách “{lookup_list.header}” (trang {schema.LISTS_SHEET})."
                options = _list_check(lookup_list, message)
            elif setting.kind is Kind.DATE:
                options = _date_check(f"“{setting.label}”")
            options.update({"input_title": setting.label, "input_message": setting.note or setting.label})
            self.validate(ws, row, 1, row, options)
            height = row_height([(widths[1], str(value or "")), (widths[2], setting.note)]) or 0.0
            if setting.kind is Kind.LONG_TEXT:
                height = max(height, 5 * LINE_HEIGHT)  # room to type several lines
            if height:
                ws.set_row(row, height)
        after = schema.SETTINGS_FIRST_ROW - 1 + len(schema.SETTINGS) + 1
        ws.write_string(after, 0, "Chữ đỏ: thông tin bắt buộc.", self.fmt(italic=True, font_color=REQUIRED_FONT))
        ws.write_string(
            after + 1,
            0,
            "Không sửa chữ ở cột “Nội dung”: phần mềm tìm thông tin theo đúng các dòng chữ này.",
            self.fmt(italic=True, font_color=NOTE_FONT),
        )
        ws.freeze_panes(1, 0)
        self.print_setup(ws, widths)

    def lists_sheet(self, ws: Any) -> None:
        ws.set_tab_color("#7F7F7F")
        header = self.header_format()
        ws.set_row(0, 33)
        own = _part(self.data, "lists") or {}  # a conference's own lists (a preset, the previous workbook) win
        for col, lookup_list in enumerate(schema.LISTS):
            # Every value is written (nothing lost); the dropdown reaches the first LIST_LAST_ROW - 1 (`new --from`
            # says so when a list is longer, a preset may not be).
            values = tuple(str(v) for v in own.get(lookup_list.key) or lookup_list.values)
            width = max(12, min(36, max(len(v) for v in values) + 2))
            ws.set_column(col, col, width, self.fmt(num_format=schema.TEXT_FORMAT))
            ws.write_string(0, col, lookup_list.header, header)
            for row, value in enumerate(values, start=1):
                ws.write_string(row, col, value)
            self.validate(
                ws,
                1,
                col,
                LIST_LAST_ROW - 1,
                {
                    "validate": "any",
                    "input_title": lookup_list.header,
                    "input_message": f"Danh sách chọn. Có thể bổ sung giá trị ở cuối danh sách (đến dòng {LIST_LAST_ROW}); "
                    "sửa một giá trị đang dùng thì sửa cả các ô đã chọn giá trị đó.",
                },
            )
        self.calendar_table(ws)
        ws.freeze_panes(1, 0)
        self.print_setup(ws, [15.0] * len(schema.LISTS))

    def calendar_table(self, ws: Any) -> None:
        spec = schema.CALENDAR
        first = schema.CALENDAR_FIRST_COLUMN - 1
        # The official days are facts, not sample data: a conference without its own rows gets them too.
        rows = list(_part(self.data, "calendar") or DEFAULT_CALENDAR)
        formats = [self.kind_format(c.kind, computed=c.computed) for c in spec.columns]
        for position, (column, cell_format) in enumerate(zip(spec.columns, formats, strict=True)):
            ws.set_column(first + position, first + position, column.width, cell_format)
        result = ws.add_table(
            0,
            first,
            max(len(rows), 1),
            first + len(spec.columns) - 1,
            {
                "name": spec.table,
                "style": TABLE_STYLE,
                "columns": [{"header": c.header, "header_format": self.header_format(), "format": f} for c,
                            f in zip(spec.columns, formats, strict=True)],
            },
        )
        if result not in (None, 0):
            raise ValueError(f"cannot add table {spec.table!r}")
        for r, record in enumerate(rows or [{}], start=1):
            for position, (column, cell_format) in enumerate(zip(spec.columns, formats, strict=True)):
                self.write_value(ws, r, first + position, column.kind, record.get(column.key), cell_format)
        for position, column in enumerate(spec.columns):
            self.column_validation(ws, first + position, column, CALENDAR_LAST_ROW)

    def guide_text(self, ws: Any, row: int, text: str, cell_format: Any) -> None:
        """A paragraph in the wide column of `Hướng dẫn`, its row as tall as the text needs."""
        ws.write_string(row, 2, text, cell_format)
        height = row_height([(GUIDE_WIDTHS[1], text)])
        if height:
            ws.set_row(row, height)

    def guide_sheet(self, ws: Any, buttons: Sequence[ButtonLike]) -> None:
        ws.set_tab_color("#00B050")
        ws.hide_gridlines(2)
        ws.set_column(0, 0, 2)
        ws.set_column(1, 1, GUIDE_WIDTHS[0])
        ws.set_column(2, 2, GUIDE_WIDTHS[1])
        title = self.fmt(bold=True, font_size=16, font_color=HEADER_FILL, valign="vcenter")
        heading = self.fmt(bold=True, font_size=13, font_color=HEADER_FILL, valign="bottom")
        body = self.fmt(text_wrap=True)
        label = self.fmt(bold=True, text_wrap=True)
        warning = self.fmt(text_wrap=True, font_color=REQUIRED_FONT)
        link = self.fmt(bold=True, font_color=LINK_FONT, underline=1)

        ws.set_row(0, 30)
        ws.write_string(0, 1, GUIDE_TITLE, title)
        ws.write_string(1, 1, "Sổ này dùng để", label)
        self.guide_text(ws, 1, GUIDE_INTRO, body)
        row = 3
        if buttons:
            ws.set_row(row, 24)
            ws.write_string(row, 1, "Các nút chức năng", heading)
            row += 1
            self.guide_text(ws, row, BUTTON_INTRO, body)
            row += 1
            for button in buttons:
                ws.set_row(row, 31.5)  # 42 px: the 36 px button and a margin
                ws.insert_button(
                    row, 1, {"macro": button.macro, "caption": button.caption, "width": 236, "height": 36, "x_offset": 4,
                             "y_offset": 3}
                )
                ws.write_string(row, 2, button.description, self.fmt(text_wrap=True, valign="vcenter"))
                row += 1
            self.guide_text(ws, row, BUTTON_NOTE, self.fmt(italic=True, text_wrap=True, font_color=NOTE_FONT))
            row += 2
        ws.set_row(row, 24)
        ws.write_string(row, 1, "Các trang tính", heading)
        row += 1
        sheets = [(schema.SETTINGS_SHEET, SETTINGS_PURPOSE)]
        sheets += [(spec.name, spec.purpose) for spec in schema.TABLE_SHEETS]
        sheets.append((schema.LISTS_SHEET, LISTS_PURPOSE))
        for name, purpose in sheets:
            ws.write_url(row, 1, f"internal:{quoted_sheet(name)}!A1", link, string=name, tip=f"Mở trang {name}")
            self.guide_text(ws, row, purpose, body)
            row += 1
        row += 1
        ws.set_row(row, 24)
        ws.write_string(row, 1, "Trình tự làm việc", heading)
        row += 1
        for number, step in enumerate(WORK_ORDER, start=1):
            ws.write_string(row, 1, f"Bước {number}", label)
            self.guide_text(ws, row, step, body)
            row += 1
        row += 1
        ws.set_row(row, 24)
        ws.write_string(row, 1, "Lưu ý", heading)
        row += 1
        for title_text, text in NOTES:
            ws.write_string(row, 1, title_text, label)
            self.guide_text(ws, row, text, warning if title_text == PRIVACY_TITLE else body)
            row += 1
        ws.set_paper(A4)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)


# --------------------------------------------------------------------------------------------------
# The words of `Hướng dẫn`.

GUIDE_WIDTHS = (32, 92)  # columns B (labels, buttons) and C (text)
GUIDE_TITLE = "SỔ THEO DÕI HỘI NGHỊ ĐỐI THOẠI GIỮA CHỦ TỊCH ỦY BAN NHÂN DÂN VỚI NHÂN DÂN"
GUIDE_INTRO = (
    "Văn phòng HĐND và UBND chuẩn bị và theo dõi hội nghị đối thoại: danh sách đại biểu, phiếu đăng ký phát biểu, "
    "sổ tổng hợp ý kiến, kiến nghị, phân công trả lời, các mốc thời gian; tạo các văn bản theo thể thức Nghị định "
    "30/2020/NĐ-CP và bản chia sẻ cho Ủy ban MTTQ giám sát. Ô nền vàng là ô cần điền; cột tiêu đề xám, nền xám do "
    "phần mềm tự ghi, không cần nhập."
)
BUTTON_INTRO = (
    "Khi Excel báo macro bị chặn, bấm “Enable Content” (Bật nội dung) để dùng các nút. Lưu sổ trước khi bấm nút."
)
BUTTON_NOTE = (
    "Văn bản và tệp do phần mềm tạo ra được lưu trong các thư mục bên cạnh sổ này. Trước khi ghi vào sổ, phần mềm "
    "sao lưu bản cũ vào thư mục “Sao lưu” bên cạnh sổ."
)
SETTINGS_PURPOSE = (
    "Thông tin chung của hội nghị: cơ quan, số và ngày kế hoạch, ngày, giờ, địa điểm, người chủ trì, người ký, nơi "
    "nhận, số các văn bản."
)
LISTS_PURPOSE = (
    "Các danh sách chọn (giới tính, nhóm đại biểu, lĩnh vực, đơn vị…), có thể bổ sung; bên phải là bảng ngày nghỉ bù, "
    "ngày làm việc bù do Nhà nước công bố và ngày nghỉ riêng của cơ quan, dùng khi tính hạn."
)
WORK_ORDER = (
    "Điền trang Kế hoạch: tên phường, xã; số, ngày kế hoạch; ngày, giờ, địa điểm hội nghị; người ký; nơi nhận.",
    "Xem trang Mốc thời gian: sửa các mốc, số ngày cho đúng kế hoạch của đơn vị.",
    "Nhập danh sách đại biểu được mời (trang Đại biểu).",
    "Nhập phiếu đăng ký phát biểu theo thứ tự nhận phiếu (trang Phiếu đăng ký).",
    "Tổng hợp ý kiến, kiến nghị từ phiếu, từ Ủy ban MTTQ, các tổ chức chính trị - xã hội và tại hội nghị (trang Kiến nghị); "
    "chọn lĩnh vực, thẩm quyền, hình thức xử lý.",
    "Giao từng kiến nghị cho đơn vị chủ trì, phối hợp (trang Phân công) và ghi ngày giao.",
    "Kiểm tra dữ liệu và sửa các ô bị đánh dấu; tính hạn các mốc và hạn trả lời; tạo văn bản (báo cáo tổng hợp, công văn "
    "phân công, giấy mời, chương trình, văn bản trả lời, thông báo kết quả).",
    "Tạo bản chia sẻ gửi Ủy ban MTTQ giám sát; khi nhận lại, nhập ý kiến giám sát vào sổ.",
)
PRIVACY_TITLE = "Dữ liệu cá nhân"
NOTES: tuple[tuple[str, str], ...] = (
    (
        "Nhập liệu",
        "Ngày nhập theo kiểu ngày/tháng/năm, ví dụ 12/06/2026. Số điện thoại nhập đủ 10 chữ số, có số 0 ở đầu. Thêm dòng "
        "mới ngay dưới dòng cuối của bảng: bảng tự mở rộng.",
    ),
    (
        "Tên trang, tên cột",
        "Không đổi tên các trang tính và tiêu đề cột: phần mềm tìm dữ liệu theo đúng các tên này. Có thể thêm cột riêng "
        "ở bên phải bảng.",
    ),
    (
        "Tính hạn",
        "Theo Điều 147, 148 Bộ luật Dân sự năm 2015: không tính ngày bắt đầu; hạn rơi vào ngày nghỉ thì chuyển sang ngày "
        "làm việc tiếp theo. Thông báo công khai ít nhất 7 ngày trước hội nghị; thông báo kết quả trong 10 ngày sau hội "
        "nghị (Điều 43 Luật Tổ chức chính quyền địa phương năm 2025).",
    ),
    (
        "Phạm vi đối thoại",
        "Khiếu nại, tố cáo và tranh chấp giữa các cá nhân không thuộc phạm vi hội nghị đối thoại: phần mềm cảnh báo các "
        "phiếu, kiến nghị có nội dung này để hướng dẫn công dân gửi đúng nơi.",
    ),
    (
        PRIVACY_TITLE,
        "Số điện thoại, địa chỉ, năm sinh của công dân là dữ liệu cá nhân được Luật Bảo vệ dữ liệu cá nhân số "
        "91/2025/QH15 bảo vệ. Không gửi sổ này ra ngoài cơ quan; chỉ gửi bản chia sẻ do phần mềm tạo (đã che số điện "
        "thoại, địa chỉ, năm sinh) và đọc lại nội dung kiến nghị trước khi gửi, vì nội dung có thể chứa thông tin cá nhân.",
    ),
)
