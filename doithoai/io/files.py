"""Checks and operations on workbook files that protect the office's data: usable, not open, atomic, backed up.

Decisions: a write keeps the file's permission bits (and owner, where allowed), so colleagues on a shared
folder keep their access; a symbolic link is written through to its target, never replaced by a plain file;
a read-only workbook or folder is refused with a sentence saying how to get through, before anything is
written. Temporary files (`.doithoai-XXXX.xlsm`) that a killed save left behind are removed by the next save
in that folder once they are older than `STALE_TEMP`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..core.errors import UnusableFile
from .lock import fitted_name

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
BACKUP_FOLDER = "Sao lưu"  # next to the workbook
BACKUPS_KEPT = 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEMP_PREFIX = ".doithoai-"
STALE_TEMP = 30 * 60  # seconds: no save takes this long, so an older temporary file is a killed save's
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream an Excel password puts in its OLE container
_BIFF_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))  # an old .xls (Excel 97-2003 / 5.0)


def _ole_kind(path: Path) -> str:
    """"encrypted" (an .xlsx/.xlsm with a password), "xls" (an old binary workbook), or "other"."""
    try:
        data = path.read_bytes()[: 8 * 1024 * 1024]
    except OSError:
        return "other"
    if _ENCRYPTED in data:
        return "encrypted"
    if any(name in data for name in _BIFF_STREAMS):
        return "xls"
    return "other"


def check_workbook_path(path: Path) -> Path:
    """Everything `io.scan.check_workbook_file` checks before opening the package: there, a file, .xlsx/.xlsm, not a
    password-protected or old binary workbook. The reader tests the members itself (`io.scan`), in the
    pass that reads them anyway."""
    path = Path(path)
    if not path.exists():
        raise UnusableFile(f"Không tìm thấy tệp “{path}”.")
    if path.is_dir():
        raise UnusableFile(f"“{path}” là một thư mục, không phải tệp Excel.")
    if not path.is_file():  # a FIFO or a device: opening it could wait forever
        raise UnusableFile(f"“{path}” không phải một tệp thường (có thể là ống dẫn FIFO hay thiết bị), không phải tệp Excel.")
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise UnusableFile(f"Tệp “{path.name}” không phải sổ Excel .xlsx hoặc .xlsm.")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UnusableFile(f"Không mở được tệp “{path.name}”: {exc.strerror or exc}.") from exc
    if head == _OLE_MAGIC:
        # An .xlsx saved with a password is an encrypted OLE container, not a zip; so is an old .xls renamed.
        kind = _ole_kind(path)
        if kind == "encrypted":
            raise UnusableFile(
                f"Tệp “{path.name}” được đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu "
                "(Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử lại."
            )
        if kind == "xls":
            raise UnusableFile(
                f"Tệp “{path.name}” thực ra là sổ Excel đời cũ (.xls) bị đổi đuôi: hãy mở bằng Excel, chọn Tệp → Lưu thành → "
                "“Sổ làm việc Excel có hỗ trợ macro (*.xlsm)” rồi chạy lại với tệp mới."
            )
        raise UnusableFile(f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Excel.")
    return path  # not a zip: opening it as one raises `damaged`, the same sentence


def damaged(path: Path) -> UnusableFile:
    """The sentence for a workbook whose package cannot be read (a member fails its checksum, a bad zip)."""
    return UnusableFile(f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Excel.")


def lock_files(path: Path) -> list[Path]:
    """Owner files an office program leaves next to an open workbook."""
    name = path.name
    candidates = [
        path.with_name("~$" + name),  # Excel
        path.with_name("~$" + name[2:]),  # Excel and Word drop two characters of long names
        path.with_name(".~lock." + name + "#"),  # LibreOffice
        # WPS Office: "~$" as Excel on Windows; on Linux ".~" replacing the first one or two characters
        # (seen in Seafile's lock-file handling for WPS, haiwen/seadrive-fuse src/repo-tree.c).
        path.with_name(".~" + name[1:]),
        path.with_name(".~" + name[2:]),
    ]
    return [c for c in candidates if c.exists()]


def check_not_open(path: Path) -> None:
    if lock_files(path):
        raise UnusableFile(
            f"Tệp “{path.name}” đang mở trong Excel (hoặc LibreOffice, WPS): hãy lưu và đóng tệp rồi chạy lại; chưa có gì bị ghi."
        )


def _permission_error(path: Path, exc: OSError) -> UnusableFile:
    """A plain sentence with a way through for a write the system refused."""
    if exc.errno == errno.ENAMETOOLONG:
        return UnusableFile(
            f"Tên tệp hoặc đường dẫn “{path.name}” quá dài để hệ thống ghi được: hãy đổi tên sổ ngắn hơn "
            "(hoặc chép sang thư mục có đường dẫn ngắn hơn) rồi chạy lại; chưa có gì bị ghi."
        )
    if exc.errno == errno.ENOSPC:
        return UnusableFile(f"Ổ đĩa chứa “{path.name}” đã đầy: hãy giải phóng chỗ trống rồi chạy lại; sổ giữ nguyên.")
    return UnusableFile(
        f"Không ghi được vào thư mục “{path.parent}” (không có quyền ghi): hãy chép sổ sang một thư mục của anh chị "
        "(ví dụ Tài liệu) rồi chạy lại; sổ giữ nguyên."
    )


def _read_only(path: Path) -> bool:
    """No write bit at all, or no access for this user. Checks the bits too: an administrator (root) passes
    `os.access` even on a file every user was meant to find read-only."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (mode & 0o222) or not os.access(path, os.W_OK)


def check_can_write(path: Path) -> None:
    """Refuse a workbook (or its folder) that is read-only, with the way through, before anything is written."""
    target = Path(path).resolve()
    if _read_only(target):
        raise UnusableFile(
            f"Tệp “{Path(path).name}” đang ở chế độ chỉ đọc nên phần mềm không ghi được: bấm chuột phải vào tệp → Properties → "
            "bỏ chọn “Read-only” (hoặc chép sổ ra một tệp mới) rồi chạy lại; chưa có gì bị ghi."
        )
    if _read_only(target.parent):
        raise UnusableFile(
            f"Thư mục “{target.parent}” chứa sổ “{Path(path).name}” chỉ cho đọc nên phần mềm không ghi được: hãy chép sổ "
            "sang một thư mục của anh chị (ví dụ Tài liệu) rồi chạy lại; chưa có gì bị ghi."
        )


def backup_name(path: Path, stamp: str) -> str:
    """`<stem> <stamp><suffix>`, the stem shortened when a long Vietnamese name would pass the file-name limit."""
    return fitted_name("", path.stem, f" {stamp}{path.suffix}")


def backup(path: Path, *, now: dt.datetime | None = None) -> Path:
    """Copy the current file to `Sao lưu/<name> <timestamp><suffix>` beside it; keep the newest few."""
    path = Path(path)
    folder = path.parent / BACKUP_FOLDER
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H-%M-%S-%f")
    target = folder / backup_name(path, stamp)
    try:
        folder.mkdir(exist_ok=True)
        shutil.copy2(path, target)
    except OSError as exc:
        raise _permission_error(target, exc) from exc
    stem = target.name[: -len(f" {stamp}{path.suffix}")]
    olds = sorted(folder.glob(f"{glob.escape(stem)} ????-??-?? ??-??-??-*{glob.escape(path.suffix)}"))
    for old in olds[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def clean_stale_temps(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove `.doithoai-*` temporary files a killed save left in `folder` (only old ones: a save may be under way)."""
    removed = []
    limit = (now or time.time()) - STALE_TEMP
    for temp in Path(folder).glob(TEMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if temp.is_file() and temp.stat().st_mtime < limit:
                temp.unlink()
                removed.append(temp)
    return removed


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_save(path: Path, save: Callable[[Path], object]) -> None:
    """Call `save(temp_path)`, then move the result over `path` in one step.

    The temporary file sits in the same folder as the real file (a link's target) so the final rename cannot
    cross file systems; the result gets the replaced file's permission bits (a new file: the user's usual
    ones, not the 0600 of a temporary file). If anything fails, the original is untouched and the temporary
    file is removed.
    """
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path  # write through a link to the real workbook
    temp = _temp_beside(target)
    try:
        save(temp)
        try:
            old = os.stat(target)
        except FileNotFoundError:
            os.chmod(temp, _default_mode())
        else:
            os.chmod(temp, stat.S_IMODE(old.st_mode))
            with contextlib.suppress(OSError, AttributeError):
                os.chown(temp, old.st_uid, old.st_gid)  # only an administrator may; the group usually survives anyway
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise _permission_error(target, exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def atomic_create(path: Path, save: Callable[[Path], object]) -> None:
    """Call `save(temp_path)`, then give the result the name `path` only if nothing has that name by then: a
    file saved at `path` meanwhile (Excel, a colleague, another run) is never replaced, and the run is refused.

    The temporary file is linked to its name (a hard link fails when the name exists, even as a dangling
    symbolic link) and then removed; where the file system has no hard links (some shares, FAT), the name is
    checked just before a rename, which on Windows also refuses to replace.
    """
    path = Path(path)
    temp = _temp_beside(path)
    try:
        save(temp)
        os.chmod(temp, _default_mode())
        try:
            os.link(temp, path)
        except FileExistsError as exc:
            raise _taken_meanwhile(path) from exc
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
                raise _permission_error(path, exc) from exc
            if os.path.lexists(path):  # no hard links here: look, then rename (Windows' rename never replaces)
                raise _taken_meanwhile(path) from exc
            try:
                os.rename(temp, path)
            except FileExistsError as again:
                raise _taken_meanwhile(path) from again
            except OSError as again:
                raise _permission_error(path, again) from again
    finally:
        temp.unlink(missing_ok=True)


def _temp_beside(target: Path) -> Path:
    """A new empty temporary file in `target`'s folder (so the final rename or link never crosses file systems), after
    removing the ones a killed save left there; a folder the user cannot write is a plain sentence."""
    clean_stale_temps(target.parent)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise _permission_error(target, exc) from exc
    os.close(fd)
    return Path(temp_name)


def _taken_meanwhile(path: Path) -> UnusableFile:
    return UnusableFile(
        f"Trong lúc phần mềm đang tạo sổ, một tệp “{path.name}” đã được lưu vào đúng chỗ đó; phần mềm không ghi đè lên nó. "
        "Hãy chọn tên khác rồi chạy lại."
    )


# --------------------------------------------------------------------------------------------------
# Output folders that appear whole or not at all


STAGING_PREFIX = ".doithoai-dang-tao "  # "being made": hidden, and named for what it is if someone sees it


def staging_folder(parent: Path) -> Path:
    """A new hidden folder inside `parent` (created with it if need be) to render a run's files into."""
    parent = Path(parent)
    limit = time.time() - STALE_TEMP
    for old in parent.glob(glob.escape(STAGING_PREFIX) + "*") if parent.is_dir() else ():
        with contextlib.suppress(OSError):
            if old.is_dir() and old.stat().st_mtime < limit:  # left by a run that was killed
                shutil.rmtree(old, ignore_errors=True)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
    except OSError as exc:
        raise _permission_error(parent / "x", exc) from exc


def discard_staging(staging: Path) -> None:
    """Remove a staging folder after a refusal or an error, and its parent if that is left empty."""
    shutil.rmtree(staging, ignore_errors=True)
    with contextlib.suppress(OSError):
        staging.parent.rmdir()  # only succeeds when empty: a folder the run created for nothing


def publish_staging(staging: Path, final: Path) -> Path:
    """Move the finished staging folder to `final` (an empty folder just reserved, or a free name)."""
    with contextlib.suppress(FileNotFoundError, OSError):
        final.rmdir()
    os.replace(staging, final)
    return final
