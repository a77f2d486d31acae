"""`doithoai new PATH`: a blank workbook from the template."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ..errors import ExitStatus, UnusableFile

NAME = "new"
HELP = "create a blank workbook from the template (Tạo sổ mới từ mẫu)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="the new workbook, .xlsm")


def new_workbook(path: Path) -> Path:
    """Copy the template to `path` and connect its buttons to this Python; never replaces an existing file."""
    from ..io.files import atomic_save
    from ..resources import workbook_template
    from ..xlwings_conf import this_machine, write_conf

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


def run(args: argparse.Namespace) -> int:
    path = new_workbook(args.path)
    print(f"Đã tạo sổ mới: {path}")
    return ExitStatus.OK
