"""The reader's thread: sheets read by calamine in a thread while the first ones are parsed give the same book as
reading them one after the other, its errors reach the caller as the same sentences, and it never outlives the read
(its workbook holds the file open: Windows could not replace the file a command then writes)."""

from __future__ import annotations

import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from doithoai.core import schema
from doithoai.core.errors import UnusableFile
from doithoai.io.reader import read_book
from doithoai.io.tables import PARSE_ORDER, in_parse_order


def _reader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "doithoai-reader"]


def _snapshot(book) -> dict:
    return {
        "settings": book.settings,
        "tables": {key: [(r.row, r.values, r.raw) for r in table.records] for key, table in book.tables.items()},
        "lists": book.lists,
        "calendar": [(r.row, r.values) for r in book.calendar.records],
        "sheets": book.sheet_names,
    }


def test_threaded_and_plain_reads_give_the_same_book(demo_path, template_path):
    for path in (demo_path, template_path):
        assert _snapshot(read_book(path)) == _snapshot(read_book(path, threaded=False))
        tables = {schema.PETITIONS.key, schema.ASSIGNMENTS.key}
        assert _snapshot(read_book(path, tables)) == _snapshot(read_book(path, tables, threaded=False))
    assert _reader_threads() == []


def test_sheets_are_read_in_the_order_they_are_parsed():
    names = ["Hướng dẫn", "danh mục", "Kiến nghị", "Kế hoạch", "Riêng của phường", "Đại biểu"]
    assert in_parse_order(names) == ["Kế hoạch", "Đại biểu", "Kiến nghị", "danh mục", "Hướng dẫn", "Riêng của phường"]
    assert PARSE_ORDER[0] == schema.SETTINGS_SHEET and PARSE_ORDER[-1] == schema.LISTS_SHEET


def _with_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, data if info.filename == part else old.read(info))
    return target


def _sheet_part(path: Path, name: str) -> str:
    from doithoai.io.errorcells import sheet_parts

    with zipfile.ZipFile(path) as archive:
        return sheet_parts(archive)[name]


@pytest.mark.parametrize("sheet", [schema.SETTINGS_SHEET, schema.PETITIONS.name, schema.LISTS_SHEET])
def test_a_sheet_calamine_cannot_read_is_one_sentence_and_the_thread_ends(tmp_path, demo_path, sheet):
    """A sheet whose XML is broken (its checksum right): the sentence names the sheet, whichever it is (the first
    read, one in the middle, the last)."""
    broken = _with_part(demo_path, tmp_path / "hong.xlsm", _sheet_part(demo_path, sheet), b"<worksheet><sheetData><row")
    with pytest.raises(UnusableFile, match=f"trang tính “{sheet}”"):
        read_book(broken)
    assert _reader_threads() == []


def test_the_thread_ends_when_parsing_refuses_the_book(tmp_path, demo_path):
    """A missing header makes the parse stop early: the thread is stopped and waited for, and the file can be
    replaced at once."""
    from openpyxl import load_workbook

    copy = tmp_path / "thieu-cot.xlsm"
    shutil.copyfile(demo_path, copy)
    book = load_workbook(copy, keep_vba=True)
    book[schema.DELEGATES.name].cell(1, 2).value = "Cột đổi tên"
    book.save(copy)
    with pytest.raises(UnusableFile, match="thiếu cột"):
        read_book(copy)
    assert _reader_threads() == []
    copy.replace(tmp_path / "moved.xlsm")  # nothing holds the file open


def _open_handles(path: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            if Path(fd.readlink()) == path.resolve():
                found.append(fd.name)
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are listed in /proc on Linux only")
def test_no_handle_on_the_file_is_left_open(tmp_path, demo_path):
    """On Windows a file with an open handle cannot be replaced: after reading, threaded or not, and after a
    refused read, nothing holds the workbook open (calamine's workbook is closed, not left to the collector)."""
    import gc

    copy = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, copy)
    gc.disable()  # as during a command: only what the reader closes itself is closed
    try:
        read_book(copy)
        read_book(copy, threaded=False)
        assert _open_handles(copy) == []
        broken = _with_part(demo_path, tmp_path / "hong.xlsm", _sheet_part(demo_path, schema.PETITIONS.name), b"<row")
        for threaded in (True, False):
            with pytest.raises(UnusableFile) as refused:
                read_book(broken, threaded=threaded)
            # the error's traceback (kept while a caller handles it) reaches the frame that read with the workbook
            assert refused.value.__cause__ is not None and _open_handles(broken) == []
    finally:
        gc.enable()
