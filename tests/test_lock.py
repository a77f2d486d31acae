"""The tool's own lock: two runs on one workbook never lose each other's writes.

Unit checks of `doithoai.io.lock`, then real `doithoai` processes started against one workbook at several
timings: each pair ends with both runs' writes in the workbook, or with one run refused (exit 2) by a
sentence naming who holds the workbook — never with both "succeeding" and one's writes gone.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from doithoai.core import schema
from doithoai.io import lock
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book, read_sheets

BUSY = "đang được Đối thoại xử lý"


def _holder_process(book: Path, command: str = "letters") -> subprocess.Popen:
    code = (
        "import sys, time; from doithoai.io.lock import WorkbookLock; "
        f"l = WorkbookLock({str(book)!r}, {command!r}); l.acquire(); print('held', flush=True); time.sleep(60)"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_a_second_process_is_refused_with_who_and_when(tmp_book):
    holder = _holder_process(tmp_book, "letters")
    try:
        path = lock.lock_path(tmp_book)
        assert path.exists() and path.parent == tmp_book.parent
        with pytest.raises(lock.WorkbookBusy) as refused, FileWorkbook(tmp_book, command="deadlines") as access:
            access.read()
        message = refused.value.message
        assert BUSY in message and "lệnh “letters”" in message and socket.gethostname() in message
        assert f"ngày {dt.date.today():%d/%m/%Y}" in message and "chưa có gì bị ghi" in message
        assert refused.value.status == 2
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_holder_leaves_no_lock_that_blocks(tmp_book):
    holder = _holder_process(tmp_book)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock.lock_path(tmp_book).exists()  # the file is left behind by kill -9 ...
    with FileWorkbook(tmp_book, command="fix") as access:  # ... and recognised as stale at once
        access.read()
        assert lock.Holder.parse(lock.lock_path(tmp_book).read_text(encoding="utf-8")).pid == os.getpid()
    assert not lock.lock_path(tmp_book).exists()


def test_stale_by_content_where_the_system_lock_does_not_work(tmp_book):
    now = dt.datetime.now()
    here = socket.gethostname()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    assert lock.Holder(host=here, pid=dead.pid, started=now.isoformat()).is_stale()
    assert not lock.Holder(host=here, pid=os.getpid(), started=now.isoformat()).is_stale()
    assert not lock.Holder(host="another-pc", pid=dead.pid, started=now.isoformat()).is_stale()
    old = (now - lock.STALE_AFTER - dt.timedelta(minutes=1)).isoformat()
    assert lock.Holder(host="another-pc", pid=1, started=old).is_stale()
    assert lock.Holder.parse("not json") is None


def test_lock_is_reentrant_in_one_process_and_released_at_the_end(tmp_book):
    with FileWorkbook(tmp_book, command="demo") as outer:
        outer.read()
        inner = FileWorkbook(tmp_book)
        inner.read()  # same process: no refusal
        inner.close()
        assert lock.lock_path(tmp_book).exists()
    assert not lock.lock_path(tmp_book).exists()


def test_a_long_vietnamese_name_gets_a_lock_name_within_the_limit(tmp_path):
    name = ("Sổ theo dõi hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường Tứ Minh với Nhân dân năm 2026 "
            "(bản chính thức).xlsm")
    assert len(name.encode("utf-8")) > 150
    locked = lock.lock_path(tmp_path / name)
    assert len(locked.name.encode("utf-8")) <= 255 and locked.name.endswith(".lock")
    assert lock.lock_path(tmp_path / (name[:-5] + " khác.xlsm")) != locked


# --------------------------------------------------------------------------------------------------
# Two real processes on one workbook

DELAYS = (0.0, 0.5, 1.2)


def _run_pair(first: list[str], second: list[str], delay: float, cwd: Path) -> tuple[subprocess.CompletedProcess, ...]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "doithoai"]
    one = subprocess.Popen(command + first, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    two = subprocess.Popen(command + second, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = []
    for process, args in ((one, first), (two, second)):
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return tuple(results)


def _ran(result: subprocess.CompletedProcess) -> bool:
    """The run did its work (0, or 1 for data findings), or was refused because the other one held the book."""
    if result.returncode in (0, 1):
        return True
    assert result.returncode == 2 and BUSY in result.stderr, (result.args, result.returncode, result.stderr)
    return False


@pytest.fixture(scope="module")
def shared_pair(tmp_path_factory, demo_path):
    """The demo workbook after one share, and that copy with the committee's notes typed in."""
    from doithoai.mttq.share import share

    folder = tmp_path_factory.mktemp("pair")
    book = folder / "so.xlsm"
    shutil.copyfile(demo_path, book)
    with FileWorkbook(book) as access:
        copy = share(access, folder / "ban chia se.xlsx").path
    workbook = openpyxl.load_workbook(copy)
    sheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in sheet[1]]
    note, code = header.index("Ý kiến giám sát") + 1, header.index("Mã kiến nghị") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, code).value:
            sheet.cell(row, note).value = f"Đã giám sát {sheet.cell(row, code).value}"
    workbook.save(copy)
    return book, copy


@pytest.mark.parametrize("delay", DELAYS)
def test_letters_and_merge_back_at_once_keep_both_or_refuse_one(tmp_path, shared_pair, delay):
    book, copy = (shutil.copy(p, tmp_path / p.name) for p in shared_pair)
    book, copy = Path(book), Path(copy)
    letters, merged = _run_pair(["letters", str(book), "--no-pdf", "--out", str(tmp_path / "out")],
                                ["merge-back", str(book), str(copy)], delay, tmp_path)
    petitions = read_book(book).petitions
    numbered = [r for r in petitions if r["so_van_ban_tra_loi"]]
    noted = [r for r in petitions if r["y_kien_giam_sat"]]
    assert _ran(letters) or _ran(merged)  # never both refused
    assert bool(numbered) == _ran(letters), letters.stderr
    assert bool(noted) == _ran(merged), merged.stderr
    if not _ran(letters):
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.docx"))


@pytest.mark.parametrize("delay", DELAYS)
def test_two_shares_at_once_log_every_copy_or_refuse_one(tmp_path, demo_path, delay):
    from doithoai.mttq.log import parse_log

    book = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, book)
    one, two = _run_pair(["share", str(book), "--out", str(tmp_path / "a.xlsx")],
                         ["share", str(book), "--out", str(tmp_path / "b.xlsx")], delay, tmp_path)
    made = [r for r in (one, two) if _ran(r)]
    log = parse_log(read_sheets(book)[schema.SHARE_LOG_SHEET])
    assert made and len({entry.export_id for entry in log}) == len(made)


@pytest.mark.parametrize("delay", DELAYS)
def test_fix_and_deadlines_at_once_keep_both_or_refuse_one(tmp_path, demo_path, delay):
    book = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, book)
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    sheet = workbook[schema.DELEGATES.name]
    header = [c.value for c in sheet[1]]
    name_column = header.index("Họ và tên") + 1
    original = sheet.cell(2, name_column).value
    sheet.cell(2, name_column).value = "  " + original.replace(" ", "   ") + " "
    workbook.save(book)
    fixed, deadlines = _run_pair(["fix", str(book)], ["deadlines", str(book), "--today", "2026-06-20"], delay, tmp_path)
    data = read_book(book)
    assert _ran(fixed) or _ran(deadlines)
    assert (data.delegates.records[0]["ho_ten"] == original) == _ran(fixed), fixed.stderr
    assert any(r["tinh_trang"] for r in data.assignments) == _ran(deadlines), deadlines.stderr


def test_a_button_clicked_while_a_command_holds_the_workbook_is_refused(tmp_book, monkeypatch):
    from tests.xlwings_books import actions, remote_book  # first: it sets the remote engine's licence key

    import xlwings as xw  # isort: skip

    from doithoai import buttons

    book = remote_book(tmp_book)
    monkeypatch.setattr(xw.Book, "fullname", property(lambda self: str(tmp_book)))  # the saved file behind the open book
    monkeypatch.setattr(buttons, "_alert", lambda book, message: None)
    holder = _holder_process(tmp_book, "letters")
    try:
        message = buttons.compute_deadlines(book)
    finally:
        holder.kill()
        holder.wait()
    assert BUSY in message and "lệnh “letters”" in message
    assert not actions(book, "setValues")  # nothing written into the open workbook
    message = buttons.compute_deadlines(book)  # the holder is gone: the click runs
    assert BUSY not in message and actions(book, "setValues")
