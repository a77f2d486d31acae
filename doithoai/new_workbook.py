"""A blank workbook for the office: the job behind `doithoai new` (and anything else that makes one)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import UnusableFile


def new_workbook(path: Path) -> Path:
    """Copy the template to `path` and connect its buttons to this Python; never replaces an existing file."""
    from .io.files import atomic_save
    from .resources import workbook_template
    from .xlwings_conf import this_machine, write_conf

    path = Path(path)
    if path.suffix == "":
        path = path.with_suffix(".xlsm")
    if path.suffix.lower() != ".xlsm":
        raise UnusableFile(f"Tên tệp “{path.name}” phải có đuôi .xlsm (sổ có nút bấm chạy macro).")
    if path.exists():
        raise UnusableFile(f"Tệp “{path}” đã có; không ghi đè. Hãy chọn tên khác.")
    if not path.parent.exists():
        raise UnusableFile(f"Không có thư mục “{path.parent}”.")
    # Copied to a temporary name first: a half-made workbook never carries the final name.
    def make(temp: Path) -> None:
        shutil.copyfile(workbook_template(), temp)
        write_conf(temp, this_machine(), backup=False)

    atomic_save(path, make)
    return path
