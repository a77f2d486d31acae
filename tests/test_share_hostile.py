"""`share` on hostile names: the copy's name is decided (shortened to the file system's limit) before anything is
written, and the share log never records a copy that was not written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from doithoai.core import schema
from doithoai.io.reader import read_sheets
from doithoai.mttq.log import parse_log
from doithoai.mttq.spec import SHARE_FOLDER


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "doithoai", *map(str, args)], capture_output=True, text=True, timeout=300)


def _long_name(size: int) -> str:
    """A Vietnamese workbook name of exactly `size` bytes in UTF-8, .xlsm included."""
    stem = ""
    words = iter(("Sổ hội nghị đối thoại phường Tứ Minh " * 20).split(" "))
    while len((stem + ".xlsm").encode()) < size - 12:
        stem += next(words) + " "
    stem = stem.strip()
    while len((stem + ".xlsm").encode()) < size:
        stem += "a"
    assert len((stem + ".xlsm").encode()) == size
    return stem + ".xlsm"


def _log(book: Path) -> list:
    sheets = read_sheets(book)
    return parse_log(sheets[schema.SHARE_LOG_SHEET]) if schema.SHARE_LOG_SHEET in sheets else []


def test_a_234_byte_workbook_name_shares_under_a_shortened_name_and_logs_that_name(tmp_path, demo_path):
    book = tmp_path / _long_name(234)
    shutil.copyfile(demo_path, book)
    done = _run("share", book)
    assert done.returncode == 0, done.stderr
    assert "Lỗi không mong đợi" not in done.stderr + done.stdout
    copies = list((tmp_path / SHARE_FOLDER).iterdir())
    assert len(copies) == 1 and len(copies[0].name.encode()) <= 255 and copies[0].suffix == ".xlsx"
    assert copies[0].name.endswith(" - ban chia se MTTQ " + copies[0].name.rsplit(" ", 1)[1])
    entries = _log(book)
    assert {e.file_name for e in entries} == {copies[0].name}  # the log names the copy that exists
    again = _run("share", book)  # numbered, still within the limit
    assert again.returncode == 0, again.stderr
    names = sorted(p.name for p in (tmp_path / SHARE_FOLDER).iterdir())
    assert len(names) == 2 and all(len(n.encode()) <= 255 for n in names)
    assert {e.file_name for e in _log(book)} == set(names)


def test_an_out_name_over_the_limit_is_refused_before_anything_is_written(tmp_path, demo_path):
    book = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, book)
    before = book.read_bytes()
    target = tmp_path / ("bản chia sẻ " * 30 + ".xlsx")
    done = _run("share", book, "--out", target)
    assert done.returncode == 2
    assert "quá giới hạn 255 byte" in done.stderr and "Lỗi không mong đợi" not in done.stderr
    assert book.read_bytes() == before


def test_a_copy_that_cannot_be_written_is_never_logged(tmp_path, demo_path, monkeypatch):
    from doithoai.io.access import FileWorkbook
    from doithoai.mttq import sharecopy
    from doithoai.mttq.share import share

    book = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, book)

    def broken(copy, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sharecopy, "save_copy", broken)
    with pytest.raises(OSError), FileWorkbook(book) as access:
        share(access)
    assert _log(book) == []
    assert not list((tmp_path / SHARE_FOLDER).glob("*.xlsx"))
