"""The workbook template: built from the schema, opened back with openpyxl and with the project's reader."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import unicodedata
import zipfile
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.book.builder import DEFAULT_CALENDAR, LIST_LAST_ROW, VALIDATION_LAST_ROW, build_workbook, pages_wide
from doithoai.core import schema
from doithoai.core.model import CellWrite, ChangeSet, column_letter
from doithoai.core.resources import vba_project
from doithoai.io.reader import read_book
from doithoai.io.writer import apply_changes

ROOT = Path(__file__).resolve().parents[1]

# The issue's required headers, written out independently of the schema.
REQUIRED_HEADERS = {
    "Đại biểu": ["Họ và tên", "Chức vụ", "Đơn vị", "Nhóm đại biểu", "Số điện thoại", "Ngày gửi giấy mời", "Xác nhận", "Có mặt"],
    "Phiếu đăng ký": ["Mã phiếu", "Ngày nhận", "Họ và tên", "Giới tính", "Năm sinh", "Địa chỉ", "Số điện thoại", "Lĩnh vực",
                      "Nội dung câu hỏi"],
    "Kiến nghị": [
        "Mã kiến nghị", "Mã phiếu", "Nguồn", "Người kiến nghị", "Địa chỉ", "Lĩnh vực", "Nội dung kiến nghị",
        "Thẩm quyền", "Hình thức xử lý", "Nội dung trả lời", "Trạng thái",
    ],
    "Phân công": ["Mã kiến nghị", "Đơn vị", "Vai trò", "Ngày giao", "Hạn hoàn thành", "Ngày hoàn thành"],
    "Mốc thời gian": ["Mốc", "Căn cứ", "Số ngày", "Loại ngày", "Đơn vị thực hiện", "Hạn", "Ngày hoàn thành", "Tình trạng"],
}
ALL_SHEETS = ["Hướng dẫn", "Kế hoạch", "Đại biểu", "Phiếu đăng ký", "Kiến nghị", "Phân công", "Mốc thời gian", "Chương trình",
              "Kinh phí",
              "Danh mục"]


class Button(NamedTuple):
    macro: str
    caption: str
    description: str


BUTTONS = (
    Button("KiemTra", "Kiểm tra dữ liệu", "Tìm các ô thiếu, sai, trùng và đánh dấu đỏ."),
    Button("TinhHan", "Tính hạn", "Tính hạn các mốc và hạn trả lời kiến nghị."),
)


def _script():
    spec = importlib.util.spec_from_file_location("build_workbook_script", ROOT / "scripts" / "build_workbook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dimension(ws, index: int):
    """openpyxl merges neighbouring columns with equal settings into one entry: find the one covering `index`."""
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= index <= dim.max:
            return dim
    raise AssertionError(f"{ws.title}: no settings for column {column_letter(index)}")


@pytest.fixture(scope="module")
def script():
    return _script()


@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "blank.xlsx"
    build_workbook(path)
    return path


@pytest.fixture(scope="module")
def macro_book(tmp_path_factory, script) -> Path:
    path = tmp_path_factory.mktemp("template") / "nut.xlsm"
    build_workbook(path, vba_project=vba_project(), buttons=BUTTONS)
    return path


@pytest.fixture(scope="module")
def wb(blank):
    return openpyxl.load_workbook(blank)


# --------------------------------------------------------------------------------------------------
# Structure


def test_sheet_names_and_order(wb):
    assert wb.sheetnames == ALL_SHEETS == list(schema.SHEET_ORDER)
    assert wb.active.title == "Hướng dẫn"


def test_each_table_sheet_has_its_excel_table(wb):
    for spec in schema.TABLE_SHEETS:
        ws = wb[spec.name]
        assert list(ws.tables) == [spec.table]
        table = ws.tables[spec.table]
        assert [c.name for c in table.tableColumns] == [c.header for c in spec.columns]
        # Header and one blank row; the timeline comes prefilled with the default milestones.
        defaults = {schema.MILESTONES.key: len(schema.DEFAULT_MILESTONES), schema.PROGRAMME.key: len(schema.DEFAULT_PROGRAMME)}
        last = 1 + defaults.get(spec.key, 1)
        assert table.ref == f"A1:{column_letter(len(spec.columns))}{last}"
        assert [ws.cell(1, i + 1).value for i in range(len(spec.columns))] == [c.header for c in spec.columns]


def test_required_headers_of_the_issue(wb):
    for sheet, headers in REQUIRED_HEADERS.items():
        row = [c.value for c in wb[sheet][1]]
        for header in headers:
            assert header in row, f"{sheet}: {header}"


def test_list_columns_have_dropdowns_on_defined_names(wb):
    for spec in schema.TABLE_SHEETS:
        ws = wb[spec.name]
        validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
        for position, column in enumerate(spec.columns, start=1):
            if column.kind is not schema.Kind.LIST:
                continue
            letter = column_letter(position)
            dv = validations[f"{letter}2:{letter}{VALIDATION_LAST_ROW}"]
            assert dv.type == "list"
            assert dv.formula1 == schema.lookup(column.list_key).name == "ds_" + column.list_key
            assert "!" not in dv.formula1  # never a direct cross-sheet reference


def test_defined_names_point_at_the_lists_sheet(wb):
    lists = wb["Danh mục"]
    for position, lookup_list in enumerate(schema.LISTS, start=1):
        name = wb.defined_names[lookup_list.name]
        ((sheet, ref),) = list(name.destinations)
        letter = column_letter(position)
        assert sheet == "Danh mục"
        assert ref == f"${letter}$2:${letter}${LIST_LAST_ROW}"
        assert lists.cell(1, position).value == lookup_list.header
        values = [lists.cell(r, position).value for r in range(2, 2 + len(lookup_list.values))]
        assert tuple(values) == lookup_list.values
        assert lists.cell(2 + len(lookup_list.values), position).value is None


def test_number_formats_by_kind(wb):
    expected = {schema.Kind.DATE: "dd/mm/yyyy", schema.Kind.PHONE: "@", schema.Kind.YEAR: "@", schema.Kind.CODE: "@",
                schema.Kind.TIME: "@"}
    seen = set()
    for spec in schema.TABLE_SHEETS:
        ws = wb[spec.name]
        for position, column in enumerate(spec.columns, start=1):
            if column.kind in expected:
                assert dimension(ws, position).number_format == expected[column.kind], f"{spec.name}: {column.header}"
                assert ws.cell(2, position).number_format == expected[column.kind]  # the blank row too
                seen.add(column.kind)
    assert {schema.Kind.DATE, schema.Kind.PHONE, schema.Kind.YEAR} <= seen


def test_widths_hidden_columns_and_long_text(wb):
    for spec in schema.TABLE_SHEETS:
        ws = wb[spec.name]
        for position, column in enumerate(spec.columns, start=1):
            dim = dimension(ws, position)
            assert abs(dim.width - column.width) < 1
            assert bool(dim.hidden) == column.hidden
            if column.kind is schema.Kind.LONG_TEXT:
                assert ws.cell(2, position).alignment.wrap_text
    assert dimension(wb["Phân công"], len(schema.ASSIGNMENTS.columns)).hidden


def test_input_messages_and_computed_columns(wb):
    for spec in schema.TABLE_SHEETS:
        ws = wb[spec.name]
        prompts = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
        for position, column in enumerate(spec.columns, start=1):
            letter = column_letter(position)
            header = ws.cell(1, position)
            if column.computed:
                assert "Phần mềm" in prompts[f"{letter}2"].prompt
                assert header.fill.fgColor.rgb == "FF7F7F7F"
            else:
                assert header.fill.fgColor.rgb == "FF1F4E79"
            if column.note:
                dv = prompts[f"{letter}2"]
                assert dv.showInputMessage and dv.promptTitle == column.header[:32]
                assert column.note in dv.prompt


def test_input_cells_are_yellow_like_the_settings(wb):
    """The guide says yellow cells are to be filled: every column a person types in has the fill of `Kế hoạch`'s values."""
    input_fill = wb[schema.SETTINGS_SHEET].cell(schema.SETTINGS_FIRST_ROW, 2).fill.fgColor.rgb
    assert input_fill not in (None, "00000000", "FFF2F2F2")
    guide = " ".join(str(c.value) for row in wb[schema.GUIDE_SHEET].iter_rows() for c in row if c.value)
    assert "Ô nền vàng là ô cần điền" in guide
    sheets = [(spec, 1) for spec in schema.TABLE_SHEETS] + [(schema.CALENDAR, schema.CALENDAR_FIRST_COLUMN)]
    for spec, first in sheets:
        ws = wb[spec.name]
        for offset, column in enumerate(spec.columns):
            position = first + offset
            expected = "FFF2F2F2" if column.computed else input_fill
            assert ws.cell(2, position).fill.fgColor.rgb == expected, (spec.name, column.header)
            # rows typed later take the column's format
            assert dimension(ws, position).fill.fgColor.rgb == expected, (spec.name, column.header)


def test_the_two_due_date_columns_of_assignments_are_told_apart(wb):
    ws = wb[schema.ASSIGNMENTS.name]
    prompts = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    headers = [c.header for c in schema.ASSIGNMENTS.columns]
    due = prompts[f"{column_letter(headers.index('Hạn hoàn thành') + 1)}2"].prompt
    helper = prompts[f"{column_letter(headers.index('Hạn tự tính') + 1)}2"].prompt
    # The typed one: the office's own date is kept, and it is the one that counts; not "the tool writes this column".
    assert "ấn định hạn riêng" in due and "giữ nguyên" in due and "Phần mềm tự ghi cột này" not in due
    # The hidden helper says what it is and points at the due date that counts.
    assert "Hạn hoàn thành" in helper and "Không sửa" in helper
    guide = " ".join(str(c.value) for row in wb[schema.GUIDE_SHEET].iter_rows() for c in row if c.value)
    assert "“Hạn hoàn thành” là hạn áp dụng" in guide and "“Hạn tự tính”" in guide


def test_freeze_and_print_setup(wb):
    from openpyxl.utils import get_column_letter

    from doithoai.book.builder import LANDSCAPE_WIDTH, frozen_columns

    assert frozen_columns(schema.PETITIONS) == 4  # code, slip, source, petitioner stay in view on the widest sheet
    for spec in schema.TABLE_SHEETS:
        ws = wb[spec.name]
        assert ws.freeze_panes == f"{get_column_letter(frozen_columns(spec) + 1)}2"
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.paperSize == 9  # A4
        # Wide sheets print landscape; the narrow budget sheet stays portrait (book.builder.LANDSCAPE_WIDTH).
        visible = sum(c.width for c in spec.columns if not c.hidden)
        assert ws.page_setup.orientation == ("landscape" if visible > LANDSCAPE_WIDTH else "portrait")
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
        wide = pages_wide([c.width for c in spec.columns if not c.hidden])
        assert (ws.page_setup.fitToWidth or 1) == wide  # openpyxl reads Excel's default 1 as None
        if wide > 1:
            assert ws.print_title_cols == "$A:$A"
    assert wb["Đại biểu"].page_setup.fitToWidth in (1, None)  # the sign-in list fits one page wide


def test_settings_sheet(wb):
    ws = wb["Kế hoạch"]
    assert tuple(c.value for c in ws[1][:3]) == schema.SETTINGS_HEADER
    for index, setting in enumerate(schema.SETTINGS):
        row = schema.SETTINGS_FIRST_ROW + index
        assert ws.cell(row, 1).value == setting.label
        assert ws.cell(row, 3).value == setting.note
        value = ws.cell(row, 2)
        if setting.default is not None:
            assert value.value == setting.default
        if setting.kind is schema.Kind.DATE:
            assert value.number_format == "dd/mm/yyyy"
        if setting.kind is schema.Kind.TIME:
            assert value.number_format == "@" and isinstance(value.value, str)
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    for index, setting in enumerate(schema.SETTINGS):
        dv = validations[f"B{schema.SETTINGS_FIRST_ROW + index}"]
        if setting.list_key:
            assert dv.type == "list" and dv.formula1 == schema.lookup(setting.list_key).name
        assert dv.prompt


def test_calendar_table(wb):
    ws = wb["Danh mục"]
    table = ws.tables[schema.CALENDAR.table]
    first = column_letter(schema.CALENDAR_FIRST_COLUMN)
    assert table.ref.startswith(f"{first}1:")
    assert [c.name for c in table.tableColumns] == [c.header for c in schema.CALENDAR.columns]
    rows = [[ws.cell(r, schema.CALENDAR_FIRST_COLUMN + i).value for i in range(3)] for r in range(2, 2 + len(DEFAULT_CALENDAR))]
    assert rows[0][:2] == [dt.datetime(2026, 8, 22), "Ngày làm việc bù"]
    assert rows[1][:2] == [dt.datetime(2026, 8, 31), "Ngày nghỉ"]


def test_guide(wb):
    ws = wb["Hướng dẫn"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "91/2025/QH15" in text
    for spec in schema.TABLE_SHEETS:
        assert spec.name in text and spec.purpose in text
    assert "Kế hoạch" in text and "Danh mục" in text
    links = {c.value: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    for name in schema.SHEET_ORDER[1:]:
        assert links[name] == f"'{name}'!A1"


def test_every_user_facing_string_is_nfc(blank):
    with zipfile.ZipFile(blank) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode("utf-8")
    assert unicodedata.is_normalized("NFC", strings)


def test_blank_template_reads_as_empty(blank):
    book = read_book(blank)
    defaults = {"moc_thoi_gian": len(schema.DEFAULT_MILESTONES), "chuong_trinh": len(schema.DEFAULT_PROGRAMME)}
    assert all(len(table) == defaults.get(key, 0) for key, table in book.tables.items())
    assert book.settings["co_quan"] == "ỦY BAN NHÂN DÂN"
    assert book.settings["so_ngay_giai_quyet"] == 10
    assert book.settings["gio_bat_dau"] == "08:00"
    assert book.lists == {lst.key: lst.values for lst in schema.LISTS}
    assert [(r["ngay"], r["loai"]) for r in book.calendar] == [(d["ngay"], d["loai"]) for d in DEFAULT_CALENDAR]


def test_default_milestones_fill_the_blank_template(tmp_path, monkeypatch):
    milestones = (
        ("Phát phiếu đăng ký đến các tổ dân phố", schema.BASE_CONFERENCE, -25, schema.DAYS_CALENDAR, "Văn phòng HĐND và UBND",
         ""),
        ("Thông báo kết quả hội nghị", schema.BASE_CONFERENCE, 10, schema.DAYS_CALENDAR, "Văn phòng HĐND và UBND", "Điều 43"),
    )
    monkeypatch.setattr(schema, "DEFAULT_MILESTONES", milestones)
    path = tmp_path / "moc.xlsx"
    build_workbook(path)
    rows = [(r["moc"], r["can_cu"], r["so_ngay"], r["loai_ngay"], r["don_vi_thuc_hien"],
             r["ghi_chu"] or "") for r in read_book(path).milestones]
    assert rows == list(milestones)
    build_workbook(path, conference(moc_thoi_gian=[]))  # a conference that clears them keeps none
    assert len(read_book(path).milestones) == 0


# --------------------------------------------------------------------------------------------------
# Reproducible, macros, buttons


def test_two_builds_are_byte_identical(tmp_path, script):
    vba = vba_project()
    outputs = []
    for name in ("a.xlsm", "b.xlsm"):
        build_workbook(tmp_path / name, vba_project=vba, buttons=BUTTONS)
        outputs.append((tmp_path / name).read_bytes())
    buffer = io.BytesIO()
    build_workbook(buffer, vba_project=vba, buttons=BUTTONS)
    assert outputs[0] == outputs[1] == buffer.getvalue()


def test_macro_workbook(macro_book, script):
    with zipfile.ZipFile(macro_book) as archive:
        names = archive.namelist()
        assert archive.read("xl/vbaProject.bin") == vba_project()
        types = archive.read("[Content_Types].xml").decode()
        assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types
        workbook_xml = archive.read("xl/workbook.xml").decode()
        assert 'codeName="ThisWorkbook"' in workbook_xml
        core = archive.read("docProps/core.xml").decode()
        vml = [archive.read(n).decode() for n in names if n.endswith(".vml")]
    assert "Sổ theo dõi hội nghị đối thoại" in core and "2026-01-01T00:00:00Z" in core
    assert len(vml) == 1  # all buttons on `Hướng dẫn`
    for button in BUTTONS:
        assert f"[0]!{button.macro}" in vml[0] and button.caption in vml[0]
    ws = openpyxl.load_workbook(macro_book, keep_vba=True)["Hướng dẫn"]
    texts = [c.value for row in ws.iter_rows() for c in row]
    assert all(b.description in texts for b in BUTTONS)


def test_extension_must_match_macros(tmp_path, script):
    with pytest.raises(ValueError):
        build_workbook(tmp_path / "x.xlsx", vba_project=vba_project())
    with pytest.raises(ValueError):
        build_workbook(tmp_path / "x.xlsm")


def test_template_survives_the_writer(tmp_path, macro_book):
    """The openpyxl writer re-saves the whole file: tables, dropdowns, names, macros and buttons must survive."""
    path = tmp_path / "copy.xlsm"
    path.write_bytes(macro_book.read_bytes())
    column = 1 + [c.key for c in schema.PETITIONS.columns].index("tien_do")
    apply_changes(path, ChangeSet(cells=[CellWrite("Kiến nghị", 2, column, "Đang xử lý")]), make_backup=False)
    before, after = openpyxl.load_workbook(macro_book), openpyxl.load_workbook(path)
    for name in schema.SHEET_ORDER:
        assert sorted(before[name].tables) == sorted(after[name].tables)
        assert sorted((str(d.sqref), d.formula1) for d in before[name].data_validations.dataValidation) == sorted(
            (str(d.sqref), d.formula1) for d in after[name].data_validations.dataValidation
        )
    assert sorted(before.defined_names) == sorted(after.defined_names)
    with zipfile.ZipFile(path) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()
        vml = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".vml")]
    assert vml and all(b.caption in vml[0] for b in BUTTONS)


def test_build_script_check(tmp_path, script, capsys):
    target = tmp_path / "doithoai.xlsm"
    assert script.main(["--output", str(target)]) == 0
    assert script.main(["--check", "--output", str(target)]) == 0
    target.write_bytes(target.read_bytes() + b"\0")
    assert script.main(["--check", "--output", str(target)]) == 1
    assert "out of date" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------------
# Filled workbooks


def conference(**tables) -> dict:
    return {"settings": {"ten_don_vi": "Tứ Minh", "ngay_hoi_nghi": dt.date(2026, 6, 12)}, "tables": tables, "calendar": []}


def test_data_round_trips_through_openpyxl(tmp_path):
    path = tmp_path / "filled.xlsx"
    slips = [
        {"ma_phieu": "P-001", "ngay_nhan": dt.date(2026, 5, 20), "ho_ten": "Nguyễn Thị Hòa", "gioi_tinh": "Nữ",
         "nam_sinh": "1965",
         "dia_chi": "Số 3 ngõ 5, Tổ dân phố Cẩm Khê A", "dien_thoai": "0912345678", "linh_vuc": "Đất đai",
         "noi_dung": "=Đề nghị cấp giấy chứng nhận\nquyền sử dụng đất"},
        {"ma_phieu": "P-002", "ngay_nhan": "22/5/2026", "ho_ten": "Trần Văn Bình", "nam_sinh": 1950, "dien_thoai": "0088"},
    ]
    build_workbook(path, conference(phieu=slips))
    ws = openpyxl.load_workbook(path)["Phiếu đăng ký"]
    header = {c.value: c.column for c in ws[1]}
    row2 = {h: ws.cell(2, col).value for h, col in header.items()}
    assert row2["Số điện thoại"] == "0912345678"
    assert row2["Năm sinh"] == "1965"
    assert row2["Ngày nhận"] == dt.datetime(2026, 5, 20)
    assert row2["Nội dung câu hỏi"].startswith("=Đề nghị")  # text, never a formula
    assert ws.cell(2, header["Ngày nhận"]).number_format == "dd/mm/yyyy"
    assert ws.cell(3, header["Năm sinh"]).value == "1950"
    assert ws.cell(3, header["Số điện thoại"]).value == "0088"
    assert ws.cell(3, header["Ngày nhận"]).value == "22/5/2026"  # kept as typed, for the validator
    assert ws.tables["tblPhieuDangKy"].ref == f"A1:{column_letter(len(schema.SLIPS.columns))}3"
    settings = openpyxl.load_workbook(path)["Kế hoạch"]
    row = schema.SETTINGS_FIRST_ROW + [s.key for s in schema.SETTINGS].index("ngay_hoi_nghi")
    assert settings.cell(row, 2).value == dt.datetime(2026, 6, 12)
    book = read_book(path)
    assert [r["ngay_nhan"] for r in book.slips] == [dt.date(2026, 5, 20), dt.date(2026, 5, 22)]
    assert book.settings["ngay_hoi_nghi"] == dt.date(2026, 6, 12)


def test_sample_conference_round_trips(tmp_path):
    from doithoai.workflows.sample import sample_conference

    data = sample_conference()
    path = tmp_path / "sample.xlsx"
    build_workbook(path, data)
    book = read_book(path)
    for key, rows in data.tables.items():
        if rows is None:
            continue
        table = book.tables[key]
        assert len(table) == len(rows)
        for record, source in zip(table, rows, strict=True):
            for column, value in source.items():
                if isinstance(value, dt.datetime):
                    value = value.date()
                if isinstance(value, str):
                    value = unicodedata.normalize("NFC", value) or None
                assert record[column] == value, (key, record.row, column)
    for setting, value in data.settings.items():
        assert book.settings[setting] == (value if value != "" else None), setting


# Text a person might type: Vietnamese letters in either normal form, digits, punctuation, "=" and line breaks.
_text = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÊƠƯ àáảãạằắẳẵặếềểễệ0123456789 .,;:-/=+()\n\"'")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=_text,
    content=_text,
    phone=st.from_regex(r"0[0-9]{9}", fullmatch=True),
    year=st.integers(1900, 2010).map(str),
    received=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    nfd=st.booleans(),
)
def test_odd_values_round_trip(tmp_path, name, content, phone, year, received, nfd):
    form = "NFD" if nfd else "NFC"
    slip = {"ma_phieu": "P-1", "ngay_nhan": received, "ho_ten": unicodedata.normalize(form, name),
            "nam_sinh": year, "dien_thoai": phone, "noi_dung": unicodedata.normalize(form, content)}
    buffer = io.BytesIO()
    build_workbook(buffer, conference(phieu=[slip]))
    path = tmp_path / "odd.xlsx"
    path.write_bytes(buffer.getvalue())
    (record,) = read_book(path).slips.records
    assert record["ho_ten"] == unicodedata.normalize("NFC", name)  # text exactly as typed, in NFC
    assert record["noi_dung"] == unicodedata.normalize("NFC", content)
    assert record["dien_thoai"] == phone
    assert record["nam_sinh"] == year
    assert record["ngay_nhan"] == received
