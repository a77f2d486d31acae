"""The tool's own lock beside a workbook, held for the whole read-modify-write of a job.

Two runs on one workbook (a double click, a button plus the command line, two colleagues on a shared
folder) would otherwise each read the old file and the later save would drop the earlier one's writes. So
every job holds `~doithoai <workbook name>.lock` (beside the workbook) from before its first read to after
its last write; a second run is refused at once with a sentence naming who holds the workbook and since when.

How the lock works, and why:
- The file is opened (created if missing) and locked with the operating system's own lock: `fcntl.flock`
  on Linux/macOS, `msvcrt.locking` on Windows (also honoured across a Windows file share). The system
  drops that lock when the process ends however it ends (kill -9, power cut on the client), so a lock file
  left behind by a dead run is recognised at once and simply taken over: no stale lock can block the office.
- The holder writes who it is into the file (program, user, machine, process id, start time, command) for
  the refusal message; the message does not depend on it (an unreadable file still refuses).
- Where the file system has no working system lock (some network shares), the file's content decides: a
  lock whose process is dead on this machine, or older than `STALE_AFTER`, is stale and taken over.
- The file is deleted when the run ends; the inode check in `acquire` makes deleting it safe while another
  run waits to lock the same (now deleted) file.
- Within one process the lock is re-entrant (a job that opens the workbook twice, the demo's steps).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnusableFile

try:  # POSIX; on Windows the msvcrt lock is used instead. Chosen by what exists, not by sys.platform (tests fake that).
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
_WINDOWS = fcntl is None

LOCK_PREFIX = "~doithoai "
LOCK_SUFFIX = ".lock"
STALE_AFTER = dt.timedelta(hours=6)  # only where the system lock does not work
NAME_BYTES = 255  # the usual file-name limit in bytes (ext4, NTFS counts UTF-16 units: fewer)
_WINDOWS_LOCK_OFFSET = 0x7FFF0000  # a byte far past the content, so readers are not blocked on Windows


class WorkbookBusy(UnusableFile):
    """Another run of the tool holds the workbook."""


def fitted_name(prefix: str, name: str, suffix: str, *, limit: int = NAME_BYTES) -> str:
    """`prefix + name + suffix`, with `name` shortened (and a short hash added) so the whole fits `limit`
    bytes in UTF-8: a 100-character Vietnamese file name is already close to the file system's limit."""
    whole = prefix + name + suffix
    if len(whole.encode("utf-8")) <= limit:
        return whole
    import hashlib  # only for the rare long name: ~3 ms of every run's start otherwise

    digest = "~" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    room = limit - len((prefix + digest + suffix).encode("utf-8"))
    cut = name.encode("utf-8")[: max(room, 0)].decode("utf-8", "ignore").rstrip()
    return prefix + cut + digest + suffix


def lock_path(workbook: Path) -> Path:
    workbook = Path(workbook)
    return workbook.with_name(fitted_name(LOCK_PREFIX, workbook.name, LOCK_SUFFIX))


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as written in its file."""

    user: str = ""
    host: str = ""
    pid: int = 0
    started: str = ""  # ISO time
    command: str = ""

    @classmethod
    def me(cls, command: str) -> Holder:
        try:
            user = getpass.getuser()
        except Exception:  # no user name in this environment
            user = ""
        now = dt.datetime.now().isoformat(timespec="seconds")
        return cls(user=user, host=socket.gethostname(), pid=os.getpid(), started=now, command=command)

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        try:
            data = json.loads(text)
            return cls(**{k: data[k] for k in ("user", "host", "pid", "started", "command") if k in data})
        except Exception:
            return None

    def to_text(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    def started_at(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.started)
        except (TypeError, ValueError):
            return None

    def is_stale(self, now: dt.datetime | None = None) -> bool:
        """Without a working system lock: dead process on this machine, or a lock too old to be a live run."""
        started = self.started_at()
        if started is None or (now or dt.datetime.now()) - started > STALE_AFTER:
            return True
        return self.host == socket.gethostname() and not _alive(self.pid)

    def describe(self) -> str:
        """Vietnamese: "lệnh “letters” của người dùng lan trên máy VP-01, bắt đầu lúc 08:15:02 ngày 12/06/2026"."""
        parts = []
        if not self.command:
            parts.append("một lệnh khác")
        else:  # a command's name, or already a phrase such as "nút “6. Văn bản trả lời”"
            parts.append(self.command if "“" in self.command else f"lệnh “{self.command}”")
        if self.user:
            parts.append(f"của người dùng {self.user}")
        if self.host:
            parts.append(f"trên máy {self.host}")
        started = self.started_at()
        if started is not None:
            parts.append(f"bắt đầu lúc {started:%H:%M:%S} ngày {started:%d/%m/%Y}")
        return " ".join(parts)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if _WINDOWS:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, another user's
        return True
    return True


def _system_lock(fd: int) -> bool | None:
    """Try the system lock without waiting: True taken, False held by another process, None unsupported."""
    import errno

    try:
        if _WINDOWS:
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        return None


def _system_unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if _WINDOWS:
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _read_holder(path: Path) -> Holder | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return Holder.parse(handle.read(4096))
    except OSError:
        return None


def _busy(workbook: Path, holder: Holder | None) -> WorkbookBusy:
    who = holder.describe() if holder else "một lệnh khác"
    return WorkbookBusy(
        f"Sổ “{workbook.name}” đang được Đối thoại xử lý ({who}): hãy đợi việc đó xong rồi chạy lại; chưa có gì bị ghi. "
        f"Nếu chắc chắn không còn ai dùng, xóa tệp “{lock_path(workbook).name}” bên cạnh sổ."
    )


class WorkbookLock:
    """The lock on one workbook. `acquire()` raises `WorkbookBusy` (exit 2) when another run holds it."""

    def __init__(self, workbook: Path | str, command: str = "") -> None:
        self.workbook = Path(workbook)
        self.path = lock_path(self.workbook)
        self.command = command
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        for _attempt in range(20):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except PermissionError as exc:
                raise UnusableFile(
                    f"Không ghi được vào thư mục “{self.workbook.parent}” chứa sổ “{self.workbook.name}” (không có quyền ghi): "
                    "hãy chép sổ sang một thư mục của anh chị (ví dụ Tài liệu) rồi chạy lại; chưa có gì bị ghi."
                ) from exc
            except FileNotFoundError as exc:
                raise UnusableFile(f"Không tìm thấy thư mục “{self.workbook.parent}”.") from exc
            taken = _system_lock(fd)
            if taken is False:
                os.close(fd)
                raise _busy(self.workbook, _read_holder(self.path))
            if taken is None:  # no system lock here: judge by the content
                existing = _read_holder(self.path)
                if existing is not None and not existing.is_stale() and not _is_me(existing):
                    os.close(fd)
                    raise _busy(self.workbook, existing)
            if not _same_file(fd, self.path):
                # The file was deleted (its holder finished) between our open and our lock: try again.
                _system_unlock(fd)
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, Holder.me(self.command).to_text().encode("utf-8"))
            self._fd = fd
            return
        raise _busy(self.workbook, _read_holder(self.path))

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if not _WINDOWS:
            # Delete while still locked, so nobody can lock this file and believe it current (the inode check).
            with contextlib.suppress(OSError):
                if _same_file(fd, self.path):
                    self.path.unlink()
        _system_unlock(fd)
        os.close(fd)
        if _WINDOWS:  # Windows cannot delete an open file; another run may hold it open already
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> WorkbookLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()


def _is_me(holder: Holder) -> bool:
    return holder.pid == os.getpid() and holder.host == socket.gethostname()


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, current = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (current.st_dev, current.st_ino)


# --------------------------------------------------------------------------------------------------
# Re-entrant holding within one process: the access objects and the button frame call `hold`.

_held: dict[str, tuple[WorkbookLock, int]] = {}
_guard = threading.Lock()


def _key(workbook: Path) -> str:
    try:
        return str(Path(workbook).resolve())
    except OSError:
        return str(Path(workbook).absolute())


def take(workbook: Path, command: str = "") -> None:
    """Hold the workbook's lock once more in this process (taking it the first time)."""
    key = _key(workbook)
    with _guard:
        lock, count = _held.get(key, (None, 0))
        if lock is None:
            lock = WorkbookLock(Path(key), command)
            lock.acquire()
        _held[key] = (lock, count + 1)


def give_back(workbook: Path) -> None:
    """Undo one `take`; the last one releases the lock."""
    key = _key(workbook)
    with _guard:
        lock, count = _held.get(key, (None, 0))
        if lock is None:
            return
        if count <= 1:
            del _held[key]
            lock.release()
        else:
            _held[key] = (lock, count - 1)


@contextlib.contextmanager
def hold(workbook: Path | None, command: str = "") -> Iterator[None]:
    """`with hold(path, "letters"):` — the whole read-modify-write inside; `None` (an unsaved book) holds nothing."""
    if workbook is None:
        yield
        return
    take(Path(workbook), command)
    try:
        yield
    finally:
        give_back(Path(workbook))


def is_held(workbook: Path) -> bool:
    return _key(workbook) in _held


def release_all() -> None:
    """At exit: a lock file never outlives its process (the system lock would not in any case)."""
    with _guard:
        locks = [lock for lock, _count in _held.values()]
        _held.clear()
    for lock in locks:
        lock.release()


import atexit  # noqa: E402  (kept beside its one use)

atexit.register(release_all)
