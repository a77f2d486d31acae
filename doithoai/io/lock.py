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

What may be found at the lock's name, and what happens (issue 28):
- The lock is opened without following a symbolic link (`O_NOFOLLOW`; on Windows, which has none, the name is
  checked first) and without waiting (`O_NONBLOCK`), and must be a regular file: a link at its name, dangling or
  not, is refused with a sentence saying to delete it (its target is never opened, created or truncated); a folder,
  a FIFO or a device there is refused the same way, and so is a file that is not a lock this tool wrote (a hard
  link, or content that is not a holder's: it is never truncated). Nothing is written then (exit 2).
- A lock file this user cannot open for writing (another user's run killed on a shared folder, a file made
  read-only) is opened for reading and tested with the same system lock: held, the run is refused as busy; not
  held, it is a dead run's and is deleted and made again. Where it cannot even be read, it is taken over when older
  than `STALE_AFTER`, else the sentence names the file to delete.
- A folder where this user cannot create the lock file (read-only for them, a read-only medium) is a folder where
  no run of theirs can write either: the save's temporary file and the backup go there too. A run there goes on
  without the lock (`WorkbookLock.unlocked`), so the commands that write nothing beside the workbook (`validate
  --no-write`, `deadlines --no-write`, `calendar --out elsewhere`, `new --from`) work on a read-only share, and any
  write is refused before it starts (`check_may_write`). Such a run needs no lock to read safely: every writer
  replaces the workbook in one step (`io.files.atomic_save`, a rename), so a reader opens the old file or the new,
  never half of one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import UnusableFile

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
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX: never open a link's target
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO at the lock's name must not make the run wait forever
_BINARY = getattr(os, "O_BINARY", 0)


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
    """Who holds the lock at `path`, read without following a link or waiting on a FIFO; None when unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except OSError:
        return None
    try:
        return _holder_of(fd)
    finally:
        os.close(fd)


def _holder_of(fd: int) -> Holder | None:
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        os.lseek(fd, 0, os.SEEK_SET)
        return Holder.parse(os.read(fd, 4096).decode("utf-8", "replace"))
    except OSError:
        return None


class _ReadOnlyPlace(Exception):
    """The lock file cannot be created here: this user can write nothing in the folder."""


def _not_a_lock(workbook: Path, path: Path, what: str) -> UnusableFile:
    return UnusableFile(
        f"Ở chỗ tệp khóa “{path.name}” bên cạnh sổ “{workbook.name}” có {what}, không phải tệp khóa của Đối thoại: "
        "phần mềm không dùng nó để khỏi ghi đè tệp khác. Hãy xóa hoặc đổi tên nó rồi chạy lại; chưa có gì bị ghi."
    )


def _what_is_there(path: Path) -> str | None:
    """What stands at the lock's name when it is not a regular file, in words; None for a file or nothing."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return "một liên kết (symbolic link) trỏ tới nơi khác (tệp đích không bị đụng tới)"
    if stat.S_ISDIR(mode):
        return "một thư mục"
    if stat.S_ISFIFO(mode):
        return "một ống dẫn (FIFO)"
    if not stat.S_ISREG(mode):
        return "một tệp đặc biệt (thiết bị hoặc socket)"
    return None


_FOREIGN = "một tệp khác (không phải tệp khóa do Đối thoại ghi)"


def _ours(fd: int) -> bool:
    """Whether the open file is a lock file this tool wrote: one name only (not a hard link to some other file) and
    empty (a run killed as it started) or holding a holder's JSON. Anything else is never truncated or deleted."""
    try:
        info = os.fstat(fd)
    except OSError:
        return False
    if info.st_nlink > 1:
        return False
    return info.st_size == 0 or (info.st_size <= 4096 and _holder_of(fd) is not None)


def _unreadable_lock(workbook: Path, path: Path) -> UnusableFile:
    return UnusableFile(
        f"Sổ “{workbook.name}” có tệp khóa “{path.name}” mà người dùng này không mở được (do người dùng khác tạo, hoặc bị đặt "
        "chỉ đọc), nên không biết lần chạy đó đã xong chưa: nếu chắc chắn không còn ai dùng sổ, hãy xóa tệp đó (hoặc nhờ "
        "người đã tạo nó xóa) rồi chạy lại; chưa có gì bị ghi."
    )


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
        self.unlocked = False  # acquired without a lock file: the folder is read-only for this user

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        """The lock file, opened for writing (created if missing), never through a link nor waiting on a FIFO.
        Raises `_ReadOnlyPlace` when it cannot be created, `PermissionError` when it exists but cannot be opened."""
        import errno

        if not _NOFOLLOW and (what := _what_is_there(self.path)):  # Windows: no O_NOFOLLOW, so look first
            raise _not_a_lock(self.workbook, self.path, what)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _NONBLOCK | _BINARY, 0o666)
        except FileNotFoundError as exc:
            raise UnusableFile(f"Không tìm thấy thư mục “{self.workbook.parent}”.") from exc
        except OSError as exc:
            what = _what_is_there(self.path)
            if what:  # ELOOP (a link), EISDIR (a folder), ENXIO (a FIFO on some systems)
                raise _not_a_lock(self.workbook, self.path, what) from exc
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                if os.path.lexists(self.path):
                    raise PermissionError(exc.errno, exc.strerror) from exc
                raise _ReadOnlyPlace() from exc
            raise UnusableFile(f"Không tạo được tệp khóa “{self.path.name}” bên cạnh sổ “{self.workbook.name}”: "
                               f"{exc.strerror or exc}; chưa có gì bị ghi.") from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO or device opened without waiting
            os.close(fd)
            raise _not_a_lock(self.workbook, self.path, _what_is_there(self.path) or "một tệp đặc biệt")
        return fd

    def _take_over_unopenable(self) -> bool:
        """The lock file exists but this user cannot open it for writing. True when it was a dead run's and is
        gone now (try again); raises when it is held or cannot be judged; False when it is stale but cannot be
        deleted (the folder is read-only for this user)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
        except FileNotFoundError:
            return True  # deleted meanwhile
        except OSError as exc:
            try:
                age = dt.datetime.now().timestamp() - os.lstat(self.path).st_mtime
            except OSError:
                return True
            if age <= STALE_AFTER.total_seconds():
                raise _unreadable_lock(self.workbook, self.path) from exc
            return self._delete_stale()
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise _not_a_lock(self.workbook, self.path, _what_is_there(self.path) or "một tệp đặc biệt")
            taken = _system_lock(fd)  # flock needs no write access
            holder = _holder_of(fd)
            if taken is False or (taken is None and holder is not None and not holder.is_stale()):
                raise _busy(self.workbook, holder)
            if not _ours(fd):
                raise _not_a_lock(self.workbook, self.path, _FOREIGN)
            # A dead run's lock: deleted while still locked, so nobody locks it and believes it current.
            return self._delete_stale() if _same_file(fd, self.path) else True
        finally:
            _system_unlock(fd)
            os.close(fd)

    def _delete_stale(self) -> bool:
        try:
            self.path.unlink()
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return True

    def acquire(self) -> None:
        if self._fd is not None or self.unlocked:
            return
        for _attempt in range(20):
            try:
                fd = self._open()
            except _ReadOnlyPlace:
                self.unlocked = True  # nothing can be written here by this user: reading needs no lock
                return
            except PermissionError:
                if not self._take_over_unopenable():
                    self.unlocked = True  # a dead run's lock in a folder this user cannot write to
                    return
                continue
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
            if not _ours(fd):  # another file under the lock's name (a hard link to a workbook, a document): kept
                _system_unlock(fd)
                os.close(fd)
                raise _not_a_lock(self.workbook, self.path, _FOREIGN)
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

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _is_me(holder: Holder) -> bool:
    return holder.pid == os.getpid() and holder.host == socket.gethostname()


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, current = os.fstat(fd), os.lstat(path)
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


def check_may_write(workbook: Path) -> None:
    """Refuse a write to a workbook this process holds without a lock file (its folder is read-only for this
    user: the run was let through to read). A workbook not held here is the caller's business."""
    key = _key(workbook)
    with _guard:
        lock, _count = _held.get(key, (None, 0))
    if lock is not None and lock.unlocked:
        path = Path(workbook)
        raise UnusableFile(
            f"Thư mục “{Path(key).parent}” chứa sổ “{path.name}” chỉ cho đọc (người dùng này không tạo được tệp trong đó) "
            "nên phần mềm không ghi được: hãy chép sổ sang một thư mục của anh chị (ví dụ Tài liệu) rồi chạy lại; "
            "chưa có gì bị ghi."
        )


def release_all() -> None:
    """At exit: a lock file never outlives its process (the system lock would not in any case)."""
    with _guard:
        locks = [lock for lock, _count in _held.values()]
        _held.clear()
    for lock in locks:
        lock.release()


import atexit  # noqa: E402  (kept beside its one use)

atexit.register(release_all)
