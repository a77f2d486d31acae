"""The conference day: the secretary's sheet prepared before, read back, and the floor's questions as petitions."""

from __future__ import annotations

import datetime as dt

import pytest

from doithoai import buttons
from doithoai.cli import main
from doithoai.core import schema
from doithoai.documents import context as ctx
from doithoai.io.access import FileWorkbook
from doithoai.io.conference_sheet import FLOOR_ROWS, SPEAKERS, parse_sheet
from doithoai.io.reader import read_book, read_rows
from doithoai.io.writer import edit_workbook
from doithoai.workflows.conference import prepare_sheet, record_floor
from tests.xlwings_books import remote_book, written

DAY = dt.date(2026, 6, 10)
COLUMN = {key: index for index, (key, _) in enumerate(SPEAKERS, 1)}


def fill(path, facts: dict[str, str], rows: dict[int, dict[str, object]]) -> None:
    """Type into the secretary's sheet as a person would: facts by label, speaker cells by (sheet row, key)."""
    day = read_book(path).conference

    def edit(workbook):
        sheet = workbook[schema.CONFERENCE_SHEET]
        for key, value in facts.items():
            sheet.cell(row=day.facts_rows[key], column=2).value = value
        for row, values in rows.items():
            for key, value in values.items():
                sheet.cell(row=row, column=COLUMN[key]).value = value

    edit_workbook(path, edit, make_backup=False)


def test_prepared_sheet_holds_the_programme_and_the_speakers_in_registered_order(tmp_book):
    result = prepare_sheet(FileWorkbook(tmp_book), date=DAY)
    book = read_book(tmp_book)
    day = book.conference
    order = ctx.speaking_order(book)
    # The sample's 60 slips include two out of the dialogue's scope (a complaint, a dispute): they get no turn.
    assert result.speakers == len(order) == 58 and not result.replaced
    assert [s.values["ma_phieu"] for s in day.speakers] == [r.values["ma_phieu"] for r in order]
    assert [s.values["cau_hoi"] for s in day.speakers] == [r.values["noi_dung"] for r in order]
    assert [s.order for s in day.speakers] == list(range(1, 59))
    agenda = ctx.agenda_context(book, DAY, ctx.Notes())["muc"]
    assert [item["noi_dung"] for item in day.programme] == [m["noi_dung"] for m in agenda]
    assert len([r for r, v in day.rows if not v.get("ma_phieu")]) == FLOOR_ROWS
    assert day.facts["dia_diem"] == book.settings["dia_diem"] and not day.typed()
    # Untouched, it may be prepared again (the slips may have changed).
    assert prepare_sheet(FileWorkbook(tmp_book), date=DAY).replaced


def test_a_sheet_the_secretary_wrote_on_is_never_replaced(tmp_book, capsys):
    prepare_sheet(FileWorkbook(tmp_book), date=DAY)
    fill(tmp_book, {"thu_ky": "Lê Thị Hạnh"}, {})
    before = tmp_book.read_bytes()
    assert main(["conference-sheet", str(tmp_book)]) == 0  # nothing to change: nothing written
    assert "giữ nguyên mọi nội dung đã ghi" in capsys.readouterr().out
    assert tmp_book.read_bytes() == before


def test_floor_questions_become_petitions_once(tmp_book):
    prepare_sheet(FileWorkbook(tmp_book), date=DAY)
    day = read_book(tmp_book).conference
    floor = [row for row, values in day.rows if not values.get("ma_phieu")]
    fill(tmp_book, {}, {
        floor[0]: {"thu_tu": 61, "ho_ten": "Ông Đỗ Văn Thịnh", "dia_chi": "Cẩm Khê B", "linh_vuc": "moi truong",
                   "cau_hoi": "Đề nghị cho biết lộ trình di dời cơ sở sản xuất gây ô nhiễm.", "tra_loi": "Trong quý IV/2026."},
        floor[1]: {"thu_tu": 62, "ho_ten": "Bà Vũ Thị Mai", "cau_hoi": "Đề nghị khám bệnh chiều thứ Bảy cho người cao tuổi."},
        floor[2]: {"ho_ten": "Người chưa phát biểu"},  # no number: not a speaker
    })
    old = read_book(tmp_book).petitions.records
    result = record_floor(FileWorkbook(tmp_book))
    assert [code for code, _ in result.added] == ["KN-081", "KN-082"]
    new = read_book(tmp_book).petitions.records[len(old):]
    assert [r.values["nguon"] for r in new] == [schema.SOURCE_FLOOR] * 2
    assert new[0].values["linh_vuc"] == "Môi trường" and new[0].values["noi_dung_tra_loi"] == "Trong quý IV/2026."
    assert new[0].values["hinh_thuc_xu_ly"] == schema.HANDLING_AT_CONFERENCE
    assert new[1].values["hinh_thuc_xu_ly"] is None  # no answer on the day: the office classifies it
    before = tmp_book.read_bytes()
    again = record_floor(FileWorkbook(tmp_book))
    assert not again.added and len(again.already) == 2 and tmp_book.read_bytes() == before


def test_without_the_sheet_the_floor_command_says_what_to_do(tmp_book, capsys):
    before = tmp_book.read_bytes()
    assert main(["conference-petitions", str(tmp_book)]) == 2
    err = capsys.readouterr().err
    assert schema.CONFERENCE_SHEET in err and "Traceback" not in err
    assert tmp_book.read_bytes() == before


def test_parse_tolerates_moved_sections_and_reorders_speakers():
    rows = [
        ["Thư ký", "Lê Thị Hạnh"],
        [],
        ["Thứ tự", "Người phát biểu", "Mã phiếu", "Nội dung câu hỏi, ý kiến", "Trả lời, kết luận của chủ trì"],
        [2.0, "B", "P-002", "Câu hỏi B", "Trả lời B"],
        ["1", "A", "", "Câu hỏi A", ""],
        [None, "C", "P-003", "Không phát biểu", ""],
        ["STT", "Nội dung", "Người thực hiện", "Đã thực hiện"],
        [1, "Khai mạc", "Văn phòng", "Có"],
        [2, "Báo cáo", "Văn phòng", "không"],
    ]
    day = parse_sheet(rows)
    assert [(s.order, s.values["ho_ten"], s.from_floor) for s in day.speakers] == [(1, "A", True), (2, "B", False)]
    assert [item["noi_dung"] for item in day.held] == ["Khai mạc"]
    assert day.facts["thu_ky"] == "Lê Thị Hạnh" and day.typed()


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_button_prepares_the_sheet_in_the_open_workbook(demo_path, in_tmp):
    book = remote_book(demo_path)
    message = buttons.prepare_conference(book)
    assert "Diễn biến hội nghị" in message and "58 người" in message
    cells = written(book, schema.CONFERENCE_SHEET)
    values = {v for v in cells.values() if isinstance(v, str)}
    assert "NGƯỜI PHÁT BIỂU" in values and "P-001" in values


def test_the_sheet_reads_back_the_same_through_any_reader(tmp_book):
    prepare_sheet(FileWorkbook(tmp_book), date=DAY)
    rows = read_rows(tmp_book, schema.CONFERENCE_SHEET)
    assert parse_sheet(rows).speakers[0].values == read_book(tmp_book).conference.speakers[0].values
