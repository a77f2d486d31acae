"""The lock file as a hostile user or a shared folder leaves it (issue 28): what stands at the lock's name is never
followed, waited on or taken for the lock, a dead run's lock this user cannot open never blocks, a read-only folder
does not stop the commands that write nothing there, and `new PATH` never replaces a file saved at PATH meanwhile.

Real files and real processes. Tests run as root here, where permission bits stop nothing: the runs that must meet
a permission are started as the unprivileged user `nobody` (`setpriv`), keeping only the right to read everything
(CAP_DAC_READ_SEARCH: the interpreter lives under /root), never the right to write. As an ordinary user (CI) they run
directly and `chmod` does the same.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.cli import main
from doithoai.core.errors import UnusableFile
from doithoai.io import lock
from doithoai.io.access import FileWorkbook
from doithoai.io.files import atomic_create

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534
UNEXPECTED = "Lỗi không mong đợi"


def as_ordinary_user(args: list[str]) -> list[str]:
    """`args` run as a user whom permission bits stop (root: `nobody` through setpriv)."""
    if os.geteuid() != 0:
        return args
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: no way to be an ordinary user")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
            "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search", *args]


def doithoai(*args: str, ordinary: bool = False, timeout: float = 120) -> subprocess.CompletedProcess:
    """A real `doithoai` process (as an ordinary user when asked)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "HOME": "/tmp"}
    command = [sys.executable, "-m", "doithoai", *args]
    if ordinary:
        command = as_ordinary_user(command)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, cwd="/")


def open_to_all(*paths: Path) -> None:
    for path in paths:
        os.chmod(path, 0o777 if path.is_dir() else 0o666)


@pytest.fixture
def open_tmp():
    """A temporary folder every user can reach (pytest's own sits in root's 0700 folder, and `access()`, which the
    writer asks, is answered without capabilities)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="doithoai-lock-"))
    os.chmod(folder, 0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            os.chmod(path, 0o755)
    shutil.rmtree(folder)


@pytest.fixture
def other_book(tmp_path, demo_path) -> Path:
    """Another workbook, which a link at the lock's name points to."""
    target = tmp_path / "khac" / "so khac.xlsm"
    target.parent.mkdir()
    shutil.copyfile(demo_path, target)
    return target


# --------------------------------------------------------------------------------------------------
# What stands at the lock's name


def test_a_link_at_the_lock_s_name_is_refused_and_its_target_untouched(tmp_book, other_book, capsys):
    before, stamp = other_book.read_bytes(), other_book.stat().st_mtime_ns
    lock.lock_path(tmp_book).symlink_to(other_book)
    assert main(["validate", str(tmp_book), "--no-write"]) == 2
    err = capsys.readouterr().err
    assert "liên kết" in err and lock.lock_path(tmp_book).name in err and UNEXPECTED not in err
    assert other_book.read_bytes() == before and other_book.stat().st_mtime_ns == stamp
    assert lock.lock_path(tmp_book).is_symlink()  # left as found


def test_a_dangling_link_at_the_lock_s_name_creates_nothing(tmp_book, tmp_path, capsys):
    nowhere = tmp_path / "khong co" / "x.xlsm"
    nowhere.parent.mkdir()
    lock.lock_path(tmp_book).symlink_to(nowhere)
    assert main(["deadlines", str(tmp_book), "--no-write", "--today", "2026-06-20"]) == 2
    assert "liên kết" in capsys.readouterr().err
    assert not nowhere.exists() and not list(nowhere.parent.iterdir())


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_folder_or_a_fifo_at_the_lock_s_name_is_refused_without_waiting(tmp_book, kind):
    place = lock.lock_path(tmp_book)
    if kind == "folder":
        place.mkdir()
    else:
        os.mkfifo(place)
    started = time.monotonic()
    result = doithoai("validate", str(tmp_book), "--no-write", timeout=60)
    assert result.returncode == 2, result.stderr
    assert UNEXPECTED not in result.stderr and place.name in result.stderr
    assert ("thư mục" if kind == "folder" else "FIFO") in result.stderr
    assert time.monotonic() - started < 30
    assert place.is_dir() if kind == "folder" else stat.S_ISFIFO(os.lstat(place).st_mode)


@pytest.mark.parametrize("kind", ["hard link", "document"])
def test_a_file_that_is_no_lock_of_ours_is_never_truncated(tmp_book, other_book, capsys, kind):
    place = lock.lock_path(tmp_book)
    if kind == "hard link":
        os.link(other_book, place)
        victim = other_book
    else:
        place.write_text("Ghi chú của văn phòng, đừng xóa.", encoding="utf-8")
        victim = place
    before = victim.read_bytes()
    assert main(["validate", str(tmp_book), "--no-write"]) == 2
    err = capsys.readouterr().err
    assert "không phải tệp khóa do Đối thoại ghi" in err and UNEXPECTED not in err
    assert victim.read_bytes() == before and place.exists()


def test_an_empty_lock_left_by_a_run_killed_as_it_started_is_taken_over(tmp_book):
    lock.lock_path(tmp_book).write_bytes(b"")
    with FileWorkbook(tmp_book, command="validate") as access:
        access.read()
    assert not lock.lock_path(tmp_book).exists()


_NAME = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NAME)
def test_no_workbook_name_makes_the_lock_follow_a_link(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("ten")
    book = folder / (name.strip(".") + ".xlsm" if name.strip(".") else "so.xlsm")
    try:
        book.write_bytes(b"")
    except OSError:  # a name this file system refuses: nothing to test
        return
    target = folder / "dich.xlsm"
    target.write_bytes(b"the other workbook")
    lock.lock_path(book).symlink_to(target)
    with pytest.raises(UnusableFile, match="liên kết"):
        lock.WorkbookLock(book, "validate").acquire()
    assert target.read_bytes() == b"the other workbook"
    lock.lock_path(book).unlink()
    lock.lock_path(book).symlink_to(folder / "khong-co")
    with pytest.raises(UnusableFile, match="liên kết"):
        lock.WorkbookLock(book, "validate").acquire()
    assert not (folder / "khong-co").exists()


# --------------------------------------------------------------------------------------------------
# A lock this user cannot open


def _dead_pid() -> int:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    return dead.pid


def _leave_lock(book: Path, pid: int, mode: int) -> Path:
    """A lock file as a killed run of another user leaves it (root's file, or this user's made read-only)."""
    place = lock.lock_path(book)
    holder = {"user": "lan", "host": socket.gethostname(), "pid": pid, "started": "2026-06-20T08:00:00", "command": "letters"}
    place.write_text(json.dumps(holder), encoding="utf-8")
    os.chmod(place, mode)
    return place


@pytest.mark.parametrize("mode", [0o644, 0o444])
def test_a_dead_run_s_lock_this_user_cannot_write_is_taken_over(open_tmp, demo_path, mode):
    folder = open_tmp / "chung"
    folder.mkdir()
    book = folder / "so.xlsm"
    shutil.copyfile(demo_path, book)
    open_to_all(folder, book)
    place = _leave_lock(book, _dead_pid(), mode)
    result = doithoai("deadlines", str(book), "--today", "2026-06-20", ordinary=True)
    assert result.returncode == 0, result.stderr
    assert "không có quyền ghi" not in result.stderr and UNEXPECTED not in result.stderr
    assert not place.exists()  # taken over, then released


def test_a_live_run_of_another_user_still_refuses(open_tmp, demo_path):
    folder = open_tmp / "chung"
    folder.mkdir()
    book = folder / "so.xlsm"
    shutil.copyfile(demo_path, book)
    open_to_all(folder, book)
    code = (f"import time; from doithoai.io.lock import WorkbookLock; l = WorkbookLock({str(book)!r}, 'letters'); "
            "l.acquire(); import os; os.chmod(l.path, 0o644); print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = doithoai("validate", str(book), "--no-write", ordinary=True)
        assert result.returncode == 2 and "đang được Đối thoại xử lý" in result.stderr and "letters" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_nobody_can_read_names_the_file_to_delete(open_tmp, demo_path):
    """An unreadable lock file younger than STALE_AFTER: nothing can tell whether its run is alive."""
    folder = open_tmp / "chung"
    folder.mkdir()
    book = folder / "so.xlsm"
    shutil.copyfile(demo_path, book)
    open_to_all(folder, book)
    place = _leave_lock(book, os.getpid(), 0o000)
    code = ("import sys; from doithoai.io.lock import WorkbookLock; from doithoai.core.errors import UnusableFile\n"
            f"try: WorkbookLock({str(book)!r}, 'validate').acquire()\n"
            "except UnusableFile as e: print(e.message); sys.exit(2)\n")
    # Without any capability: the lock module needs only the standard library, read from a system Python.
    system = shutil.which("python3", path="/usr/bin:/bin") if os.geteuid() == 0 else sys.executable
    if system is None:
        pytest.skip("no system Python to run as an ordinary user without capabilities")
    command = [system, "-c", code]
    if os.geteuid() == 0:
        command = [shutil.which("setpriv") or "setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2, result.stderr
    assert place.name in result.stdout and "xóa tệp đó" in result.stdout and "không có quyền ghi" not in result.stdout
    old = time.time() - lock.STALE_AFTER.total_seconds() - 60
    os.utime(place, (old, old))  # older than any live run: taken over
    result = subprocess.run(command, capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, (result.stdout, result.stderr)


# --------------------------------------------------------------------------------------------------
# A folder this user can only read


@pytest.fixture
def read_only_share(open_tmp, demo_path):
    """A read-only folder holding a workbook, and a folder the ordinary user may write to."""
    folder = open_tmp / "chi doc"
    folder.mkdir()
    book = folder / "so.xlsm"
    shutil.copyfile(demo_path, book)
    os.chmod(book, 0o666)  # the file may be written; its folder may not
    mine = open_tmp / "cua toi"
    mine.mkdir()
    open_to_all(mine)
    os.chmod(folder, 0o555)
    yield book, mine
    os.chmod(folder, 0o755)


@pytest.mark.parametrize("command", [
    ["validate", "{book}", "--no-write"],
    ["deadlines", "{book}", "--no-write", "--today", "2026-06-20"],
    ["calendar", "{book}", "--out", "{mine}/lich.ics"],
    ["new", "{mine}/moi.xlsm", "--from", "{book}"],
])
def test_commands_that_write_nothing_there_run_in_a_read_only_folder(read_only_share, command):
    book, mine = read_only_share
    before = book.read_bytes()
    args = [part.format(book=book, mine=mine) for part in command]
    result = doithoai(*args, ordinary=True)
    assert result.returncode in (0, 1), result.stderr
    assert UNEXPECTED not in result.stderr
    assert book.read_bytes() == before and sorted(p.name for p in book.parent.iterdir()) == ["so.xlsm"]
    if command[0] in ("calendar", "new"):
        assert any(mine.iterdir())


def test_a_writing_command_in_a_read_only_folder_is_refused_plainly(read_only_share):
    book, _mine = read_only_share
    before = book.read_bytes()
    result = doithoai("deadlines", str(book), "--today", "2026-06-20", ordinary=True)
    assert result.returncode == 2 and "chỉ cho đọc" in result.stderr and UNEXPECTED not in result.stderr
    assert book.read_bytes() == before


def test_a_run_without_a_lock_file_refuses_to_write(tmp_book, monkeypatch):
    """The write itself refuses when the run was let through without a lock file, whatever the bits say."""
    from doithoai.core.model import ChangeSet

    def read_only_place(self):
        raise lock._ReadOnlyPlace()

    monkeypatch.setattr(lock.WorkbookLock, "_open", read_only_place)
    with FileWorkbook(tmp_book, command="deadlines") as access:
        access.read()
        with pytest.raises(UnusableFile, match="chỉ cho đọc"):
            access.check_writable(ChangeSet())
    assert not lock.lock_path(tmp_book).exists()


# --------------------------------------------------------------------------------------------------
# `new PATH` never replaces a file saved at PATH meanwhile


def test_new_never_replaces_a_workbook_saved_at_its_path_while_it_was_building(tmp_path, monkeypatch, capsys):
    import doithoai.book.xlwings_conf as conf

    target = tmp_path / "so moi.xlsm"
    real = conf.write_conf

    def slow_write(path, *args, **kwargs):  # meanwhile, a colleague saves a workbook under that name
        target.write_bytes(b"the colleague's workbook")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(conf, "write_conf", slow_write)
    assert main(["new", str(target)]) == 2
    err = capsys.readouterr().err
    assert "không ghi đè" in err and UNEXPECTED not in err
    assert target.read_bytes() == b"the colleague's workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["so moi.xlsm"]  # no temporary file left


def test_create_refuses_a_name_taken_even_by_a_dangling_link(tmp_path):
    target = tmp_path / "x.xlsx"
    target.symlink_to(tmp_path / "nowhere.xlsx")
    with pytest.raises(UnusableFile, match="không ghi đè"):
        atomic_create(target, lambda temp: temp.write_bytes(b"new"))
    assert target.is_symlink() and not (tmp_path / "nowhere.xlsx").exists()
    free = tmp_path / "y.xlsx"
    atomic_create(free, lambda temp: temp.write_bytes(b"new"))
    assert free.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["x.xlsx", "y.xlsx"]
