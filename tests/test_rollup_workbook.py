"""The roll-up's own .xlsx writer: any text comes back as typed, as text, in a package Excel opens without repair."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from doithoai.core.text import EXCEL_CELL_LIMIT, clean_text
from doithoai.rollup.aggregate import Rollup, Sheet
from doithoai.rollup.workbook import write_rollup
from tests.xlsx_conformance import check_package

TODAY = dt.date(2026, 12, 15)


def _book(rows: list[list], **sheet) -> Rollup:
    grid = Sheet("Tất cả kiến nghị", "Tiêu đề", ["STT", "Nội dung", "Ngày"], rows, [6, 50, 12], **sheet)
    return Rollup(folder="x", today=TODAY, units=[], failures=[], sheets=[grid], counts={})


def _rows(path, header_row: int = 2) -> list[list]:
    """Read back by python-calamine, the project's reader (openpyxl leaves Excel's "_x000D_" escape as it is)."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Tất cả kiến nghị").to_python(skip_empty_area=False)
    return [[None if v == "" else v for v in row] for row in rows[header_row:]]


def test_values_come_back_with_their_type(tmp_path):
    path = tmp_path / "r.xlsx"
    rows = [[1, "=HYPERLINK(\"http://x\",\"bấm\")", TODAY], [2, "<r><t>chèn</t></r> & _x0041_", dt.datetime(2026, 6, 1, 12)],
            [3, "  cách đầu\r\ndòng hai  ", None], [4.5, True, dt.date(1900, 1, 15)], [5, "", ""]]
    write_rollup(path, _book(rows))
    assert check_package(path) == []
    back = _rows(path)
    assert back[0] == [1, '=HYPERLINK("http://x","bấm")', TODAY]
    assert back[1] == [2, "<r><t>chèn</t></r> & _x0041_", dt.datetime(2026, 6, 1, 12)]
    assert back[2] == [3, "  cách đầu\r\ndòng hai  ", None]
    assert back[3] == [4.5, "Có", dt.date(1900, 1, 15)]
    assert back[4] == [5, None, None]
    ws = openpyxl.load_workbook(path)["Tất cả kiến nghị"]
    assert ws["B3"].data_type == "s" and ws["C3"].is_date and ws["C3"].number_format == "dd/mm/yyyy"


def test_merged_group_headers_total_row_and_filter(tmp_path):
    path = tmp_path / "r.xlsx"
    rows = [[1, "Xã A", 3], [2, "Xã B", 4], ["", "Tổng cộng", 7]]
    write_rollup(path, _book(rows, groups=[("Nhóm", 1, 2)], total_row=True))
    assert check_package(path) == []
    book = openpyxl.load_workbook(path)
    ws = book["Tất cả kiến nghị"]
    assert [str(r) for r in ws.merged_cells.ranges] == ["B2:C2"] and ws["B2"].value == "Nhóm"
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:C5" and ws.print_title_rows == "$3:$3"
    assert ws["B6"].value == "Tổng cộng" and ws["B6"].font.b and ws["B4"].font.name == "Times New Roman"
    assert ws.page_setup.orientation == "landscape" and ws.column_dimensions["B"].width > 50


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=8))
def test_any_text_comes_back_as_typed(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("w") / "r.xlsx"
    write_rollup(path, _book([[i, text, None] for i, text in enumerate(texts, start=1)]))
    assert check_package(path) == []
    back = [row[1] for row in _rows(path)]
    expected = [clean_text(t)[:EXCEL_CELL_LIMIT] or None for t in texts]  # a form feed pasted from Word: a line break
    assert back == expected


def test_a_row_with_long_text_is_as_high_as_its_lines(tmp_path):
    """The roll-up's long-text columns wrap: their rows get a height for their lines, as the report sheets do, so
    LibreOffice and WPS do not print a petition over the rows below it."""
    path = tmp_path / "tong-hop.xlsx"
    write_rollup(path, _book([[1, "ngắn", None], [2, "Đề nghị sửa đường liên tổ dân phố số 3 trước mùa mưa. " * 4, None]],
                             wrap=(1,)))
    rows = openpyxl.load_workbook(path)["Tất cả kiến nghị"].row_dimensions
    assert rows[3].height is None  # one line: the default height
    assert rows[4].height == 15.0 * 5  # 220 characters in a column 50 wide
    assert check_package(path) == []


def test_an_error_while_building_shows_as_itself(tmp_path):
    """A part that fails halfway (here a value whose text cannot be made) leaves no open zip member behind to hide
    the error under "can't close the ZIP file"."""

    class Unprintable:
        def __str__(self) -> str:
            raise RuntimeError("không in được")

    rows = [[i, "nội dung", None] for i in range(1, 2500)] + [[2500, Unprintable(), None]]
    with pytest.raises(RuntimeError, match="không in được"):
        write_rollup(tmp_path / "r.xlsx", _book(rows))
