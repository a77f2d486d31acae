"""Checks and operations on workbook files that protect the office's data: usable, not open, atomic, backed up."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from ..errors import UnusableFile

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
BACKUP_FOLDER = "Sao lưu"  # next to the workbook
BACKUPS_KEPT = 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_workbook_file(path: Path) -> Path:
    """Raise `UnusableFile` with one Vietnamese sentence unless `path` is a readable .xlsx/.xlsm."""
    path = Path(path)
    if not path.exists():
        raise UnusableFile(f"Không tìm thấy tệp “{path}”.")
    if path.is_dir():
        raise UnusableFile(f"“{path}” là một thư mục, không phải tệp Excel.")
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise UnusableFile(f"Tệp “{path.name}” không phải sổ Excel .xlsx hoặc .xlsm.")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UnusableFile(f"Không mở được tệp “{path.name}”: {exc.strerror or exc}.") from exc
    if head == _OLE_MAGIC:
        # An .xlsx saved with a password is an encrypted OLE container, not a zip.
        raise UnusableFile(
            f"Tệp “{path.name}” được đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi thử "
                           "lại."
        )
    if not zipfile.is_zipfile(path):
        raise UnusableFile(f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Excel.")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnusableFile(f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Excel.") from exc
    if bad is not None or "xl/workbook.xml" not in names:
        raise UnusableFile(f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Excel.")
    return path


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


def backup(path: Path, *, now: dt.datetime | None = None) -> Path:
    """Copy the current file to `Sao lưu/<name> <timestamp><suffix>` beside it; keep the newest few."""
    folder = path.parent / BACKUP_FOLDER
    folder.mkdir(exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H-%M-%S-%f")
    target = folder / f"{path.stem} {stamp}{path.suffix}"
    shutil.copy2(path, target)
    olds = sorted(folder.glob(f"{path.stem} ????-??-?? ??-??-??-*{path.suffix}"))
    for old in olds[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def atomic_save(path: Path, save) -> None:
    """Call `save(temp_path)`, then move the result over `path` in one step.

    The temporary file sits in the same folder so the final rename cannot cross file systems; if anything
    fails, the original is untouched and the temporary file is removed.
    """
    fd, temp_name = tempfile.mkstemp(prefix=".doithoai-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        save(temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
