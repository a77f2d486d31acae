"""The secretary's sheet against a hostile (or just busy) secretary: preparing again never replaces what was typed,
the office's own sheet of that name is never written, and the floor's questions come in once whatever the text."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typed_cells import type_cells

from doithoai.core import schema
from doithoai.io.access import FileWorkbook
from doithoai.io.conference_sheet import SPEAKERS
from doithoai.io.reader import read_book, read_rows
from doithoai.io.writer import edit_workbook
from doithoai.workflows.conference import prepare_sheet, record_floor

DAY = dt.date(2026, 6, 10)
SHEET = schema.CONFERENCE_SHEET
COLUMN = {key: index for index, (key, _) in enumerate(SPEAKERS, 1)}


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "doithoai", *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, demo_path) -> Path:
    """The sample workbook with the secretary's sheet prepared by this version (do not modify)."""
    path = tmp_path_factory.mktemp("prepared") / "book.xlsm"
    shutil.copyfile(demo_path, path)
    prepare_sheet(FileWorkbook(path), date=DAY)
    return path


@pytest.fixture
def book(tmp_path, prepared) -> Path:
    target = tmp_path / "book.xlsm"
    shutil.copyfile(prepared, target)
    return target


def _sheet(path: Path) -> list[list]:
    return read_rows(path, SHEET)


def _value(rows: list[list], row: int, column: int):
    return rows[row - 1][column - 1] if row <= len(rows) and column <= len(rows[row - 1]) else None


def _layout(path: Path):
    day = read_book(path).conference
    cells = _sheet(path)
    programme_row = next(r for r, row in enumerate(cells, 1) if row and row[0] == "STT") + 1
    registered = [row for row, values in day.rows if values.get("ma_phieu")]
    floor = [row for row, values in day.rows if not values.get("ma_phieu")]
    return cells, day, programme_row, registered, floor


# --------------------------------------------------------------------------------------------------
# conference-sheet run again


@pytest.mark.parametrize("answered", [False, True])
def test_preparing_again_keeps_everything_the_secretary_typed(book, answered):
    cells, day, item, registered, floor = _layout(book)
    last = len(cells)
    typed = {
        (1, 1): "BIÊN BẢN GHI CHÉP HỘI NGHỊ (bản của thư ký)",  # the title
        (day.facts_rows["gio_be_mac"], 2): "11:45",  # the closing time
        (day.facts_rows["dia_diem"], 2): "Hội trường UBND phường (chuyển địa điểm)",  # the venue
        (day.facts_rows["chu_tri"], 2): "Đồng chí Phạm Văn Bình, Chủ tịch UBND phường",  # the chair
        (item + 2, 5): "Không",  # an item not held
        (registered[0], COLUMN["thu_tu"]): None,  # a registered speaker who did not come: order cleared
        (registered[1], COLUMN["thu_tu"]): 7,  # renumbered
        (registered[2], COLUMN["cau_hoi"]): "Câu hỏi đã được viết lại theo lời người phát biểu.",
        (registered[3], COLUMN["ghi_chu"]): "ghi chú trong bảng",
        (registered[4], 11): "ghi chú bên cạnh bảng",
        (last + 3, 1): "Ghi chú bên dưới: hội nghị kết thúc lúc 11 giờ 45.",
    }
    if answered:  # during the conference: the secretary's own cells, an answer and a floor speaker too
        typed |= {(day.facts_rows["thu_ky"], 2): "Lê Thị Hạnh",
                  (registered[2], COLUMN["tra_loi"]): "Chủ trì trả lời: sẽ sửa trong tháng 7.",
                  (floor[0], COLUMN["thu_tu"]): 59, (floor[0], COLUMN["ho_ten"]): "Ông Đỗ Văn Thịnh",
                  (floor[0], COLUMN["cau_hoi"]): "Đề nghị lắp đèn đường ngõ 12."}
    type_cells(book, SHEET, typed)
    before = _sheet(book)
    done = _run("conference-sheet", book)
    assert done.returncode == 0, done.stderr
    after = _sheet(book)
    for (row, column), value in typed.items():
        assert (_value(after, row, column) or None) == value, (row, column)
    assert after == before  # nothing the tool would write differently: nothing changed at all


def test_a_changed_setting_is_refused_where_the_secretary_typed_and_names_the_cell(book):
    _, day, *_ = _layout(book)
    venue_row = day.facts_rows["dia_diem"]
    type_cells(book, SHEET, {(venue_row, 2): "Hội trường UBND phường"})

    def move(workbook):  # the office changes the plan's venue afterwards
        sheet = workbook[schema.SETTINGS_SHEET]
        for row in sheet.iter_rows(min_col=1, max_col=2):
            if row[0].value == "Địa điểm":
                row[1].value = "Nhà văn hóa Tổ dân phố Cẩm Khê B"

    edit_workbook(book, move, make_backup=False)
    before = book.read_bytes()
    done = _run("conference-sheet", book)
    assert done.returncode == 1
    assert f"B{venue_row}" in done.stderr and "Hội trường UBND phường" in done.stderr and "không ghi đè" in done.stderr
    assert book.read_bytes() == before


def test_a_changed_setting_updates_a_cell_nobody_typed_and_keeps_the_typed_ones(book):
    _, day, *_ = _layout(book)
    type_cells(book, SHEET, {(day.facts_rows["thu_ky"], 2): "Lê Thị Hạnh"})

    def move(workbook):
        sheet = workbook[schema.SETTINGS_SHEET]
        for row in sheet.iter_rows(min_col=1, max_col=2):
            if row[0].value == "Địa điểm":
                row[1].value = "Nhà văn hóa Tổ dân phố Cẩm Khê B"

    edit_workbook(book, move, make_backup=False)
    done = _run("conference-sheet", book)
    assert done.returncode == 0, done.stderr
    after = _sheet(book)
    assert after[day.facts_rows["dia_diem"] - 1][1] == "Nhà văn hóa Tổ dân phố Cẩm Khê B"
    assert after[day.facts_rows["thu_ky"] - 1][1] == "Lê Thị Hạnh"


def test_the_offices_own_sheet_of_that_name_is_never_replaced(tmp_path, demo_path):
    path = tmp_path / "book.xlsm"
    shutil.copyfile(demo_path, path)

    def own(workbook):
        if SHEET in workbook.sheetnames:
            del workbook[SHEET]
        sheet = workbook.create_sheet(SHEET)
        for row in range(1, 20):
            for column in range(1, 4):
                sheet.cell(row=row, column=column, value=f"Ghi chép {row}.{column}")

    edit_workbook(path, own, make_backup=False)
    before = path.read_bytes()
    done = _run("conference-sheet", path)
    assert done.returncode == 1
    assert "không phải trang phần mềm đã ghi" in done.stderr and "đổi tên" in done.stderr
    assert path.read_bytes() == before


def test_the_record_is_a_very_hidden_sheet_holding_no_text(book):
    import zipfile

    with zipfile.ZipFile(book) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    assert f'name="{schema.CONFERENCE_RECORD_SHEET}"' in workbook
    tag = workbook[workbook.index(f'name="{schema.CONFERENCE_RECORD_SHEET}"') - 200:]
    assert 'state="veryHidden"' in tag.split("/>")[0] or 'state="veryHidden"' in tag[:400]
    record = read_rows(book, schema.CONFERENCE_RECORD_SHEET)
    names = {str(v) for row in _sheet(book) for v in row if isinstance(v, str) and len(v) > 3}
    assert not names & {str(v) for row in record for v in row}


# The merge itself, over any grids: a cell a person changed is never written; a row nobody touched gets the new values.
_cells = st.dictionaries(st.tuples(st.integers(1, 6), st.integers(1, 4)), st.sampled_from(["a", "b", "c", " ", "1", 1, 2.0]),
                         max_size=12)


def _rows(cells: dict[tuple[int, int], object]) -> list[list]:
    height = max((r for r, _ in cells), default=0)
    width = max((c for _, c in cells), default=0)
    return [[cells.get((r, c)) for c in range(1, width + 1)] for r in range(1, height + 1)]


@given(old=_cells, typed=_cells, new=_cells)
def test_the_merge_never_writes_over_a_typed_cell(old, typed, new):
    from doithoai.io.owned_sheet import digest, plan_merge

    old_rows = _rows(old)
    current = dict(old) | typed
    current_rows = _rows(current)
    record = {(r, c): digest(v) for (r, c), v in old.items() if digest(v)}
    plan = plan_merge(SHEET, current_rows, record, _rows(new))
    if plan.replace:
        assert {k: digest(v) for k, v in current.items() if digest(v)} == record
        return
    changed = {key for key in set(old) | set(current) if digest(old.get(key)) != digest(current.get(key))}
    written = {(w.row, w.column) for w in plan.cells}
    assert not written & changed
    rows_typed = {r for r, _ in changed}
    for r in {r for r, _ in new} | {r for r, _ in old}:
        wanted = {c: digest(v) for (rr, c), v in new.items() if rr == r and digest(v)}
        before = {c: digest(v) for (rr, c), v in old.items() if rr == r and digest(v)}
        if r not in rows_typed and wanted != before:
            result = {c: digest(current.get((r, c))) for c in range(1, 5)} | {w.column: digest(w.value) for w in plan.cells
                                                                                if w.row == r}
            assert {c: m for c, m in result.items() if m} == wanted
    assert old_rows is not None


def test_the_merge_refuses_a_row_typed_into_that_the_tool_would_change():
    from doithoai.io.owned_sheet import digest, plan_merge

    record = {(1, 1): digest("Nguyễn Văn A"), (1, 2): digest("câu hỏi")}
    current = [["Nguyễn Văn A", "câu hỏi", "trả lời của chủ trì"]]
    plan = plan_merge(SHEET, current, record, [["Trần Thị B", "câu hỏi khác"]])
    assert not plan.cells and [c.row for c in plan.conflicts] == [1]
    assert plan.conflicts[0].typed == [("C1", "trả lời của chủ trì")]


# --------------------------------------------------------------------------------------------------
# conference-petitions run twice

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_names = st.one_of(st.just(""), st.just("   "), st.just("\x01\x02"), st.just("\u00a0\u3000"), _text)
_questions = st.one_of(st.just("Đề nghị\x00 sửa\x0b đường\x01 ngõ 5"), st.just("\x7f\x85câu hỏi"), _text)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speakers=st.lists(st.tuples(_names, _questions, _text), min_size=1, max_size=3))
def test_a_second_run_adds_nothing_whatever_the_text(tmp_path_factory, prepared, speakers):
    path = tmp_path_factory.mktemp("floor") / "book.xlsm"
    shutil.copyfile(prepared, path)
    *_, floor = _layout(path)
    typed = {}
    for offset, (name, question, answer) in enumerate(speakers):
        row = floor[offset]
        typed |= {(row, COLUMN["thu_tu"]): 60 + offset, (row, COLUMN["ho_ten"]): name or None,
                  (row, COLUMN["cau_hoi"]): question or None, (row, COLUMN["tra_loi"]): answer or None}
    type_cells(path, SHEET, typed)
    first = record_floor(FileWorkbook(path))
    count = len(read_book(path).petitions.records)
    second = record_floor(FileWorkbook(path))
    assert second.added == [] and len(read_book(path).petitions.records) == count
    assert len(second.already) == len(first.added) + len(first.already)


def test_a_floor_speaker_without_a_name_or_with_control_characters_comes_in_once(book):
    *_, floor = _layout(book)
    type_cells(book, SHEET, {
        (floor[0], COLUMN["thu_tu"]): 60, (floor[0], COLUMN["ho_ten"]): "   ",
        (floor[0], COLUMN["cau_hoi"]): "Đề nghị sửa đường ngõ 5.",
        (floor[1], COLUMN["thu_tu"]): 61, (floor[1], COLUMN["ho_ten"]): "\x01\x02",
        (floor[1], COLUMN["cau_hoi"]): "Đề nghị\x00 lắp\x0b đèn\x01 ngõ 7.",
        (floor[2], COLUMN["thu_tu"]): 62, (floor[2], COLUMN["ho_ten"]): "Bà Vũ\x03 Thị Mai",
        (floor[2], COLUMN["cau_hoi"]): "Đề nghị\x1f mở lớp học bơi.",
    })
    first = _run("conference-petitions", book)
    assert first.returncode == 0, first.stderr
    petitions = read_book(book).petitions.records
    new = petitions[-3:]
    assert [r.values["nguoi_kien_nghi"] for r in new] == ["Không rõ người", "Không rõ người", "Bà Vũ Thị Mai"]
    assert new[1].values["noi_dung"] == "Đề nghị lắp\nđèn ngõ 7."
    second = _run("conference-petitions", book)
    assert second.returncode == 0 and len(read_book(book).petitions.records) == len(petitions)
    assert "thêm 0 kiến nghị" in second.stdout


@pytest.mark.parametrize("order", ["①", "²", "٣", "3.", "1e3", "-", "Ⅳ"])
def test_any_order_text_is_read_without_a_crash(book, order):
    *_, floor = _layout(book)
    type_cells(book, SHEET, {(floor[0], COLUMN["thu_tu"]): order, (floor[0], COLUMN["ho_ten"]): "Ông Lê Văn Tám",
                             (floor[0], COLUMN["cau_hoi"]): "Đề nghị làm rõ tiến độ dự án."})
    done = _run("conference-petitions", book)
    assert done.returncode == 0, done.stderr
    added = "thêm 1 kiến nghị" in done.stdout
    from doithoai.core.values import whole_number

    assert added == (whole_number(order.rstrip(".")) is not None), done.stdout  # as the one number parser reads them
    assert added == (order == "3.")


def test_a_question_over_excels_cell_limit_is_refused_naming_the_cell(book):
    *_, floor = _layout(book)
    type_cells(book, SHEET, {(floor[0], COLUMN["thu_tu"]): 60, (floor[0], COLUMN["ho_ten"]): "Ông Lê Văn Tám"})
    import zipfile

    from xlsx_parts import edit_parts, sheet_part

    # A file from another program may hold a longer cell than Excel would.
    part = sheet_part(book, SHEET)
    with zipfile.ZipFile(book) as archive:
        assert archive.read(part)
    long = "Đề nghị " + "x" * 42_491
    type_cells(book, SHEET, {(floor[0], COLUMN["cau_hoi"]): "PLACEHOLDER"})
    edit_parts(book, {part: lambda xml: xml.replace(b"PLACEHOLDER", long.encode())})
    before = book.read_bytes()
    done = _run("conference-petitions", book)
    assert done.returncode == 1
    assert f"ô F{floor[0]}" in done.stderr and "42.499 ký tự" in done.stderr and "32.767" in done.stderr
    assert book.read_bytes() == before


def test_the_button_merges_in_the_open_workbook_too(book):
    """Through xlwings (the buttons): only the cell nobody typed is written, the record sheet is put back very hidden."""
    from xlwings_books import actions, remote_book

    from doithoai import buttons

    _, day, *_ = _layout(book)
    type_cells(book, SHEET, {(day.facts_rows["thu_ky"], 2): "Lê Thị Hạnh", (1, 1): "TIÊU ĐỀ THƯ KÝ ĐẶT"})

    def move(sheets):
        for row in sheets[schema.SETTINGS_SHEET]:
            if row and row[0] == "Địa điểm":
                row[1] = "Nhà văn hóa Tổ dân phố Cẩm Khê B"

    workbook = remote_book(book, edit=move)
    position = [s.name for s in workbook.sheets].index(SHEET)
    message = buttons.prepare_conference(workbook)
    assert "giữ nguyên mọi nội dung đã ghi" in message and "đã cập nhật 1 ô" in message
    on_sheet = [a for a in actions(workbook, "setValues") if a["sheet_position"] == position]
    assert [(a["start_row"] + 1, a["start_column"] + 1, a["values"]) for a in on_sheet] == \
        [(day.facts_rows["dia_diem"], 2, [["Nhà văn hóa Tổ dân phố Cẩm Khê B"]])]
    assert actions(workbook, "setSheetVisibility")
