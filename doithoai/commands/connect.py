"""`doithoai connect BOOK`: point a workbook's buttons at this machine's Python (the `xlwings.conf` sheet)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "connect"
HELP = "connect a workbook's buttons to this machine's Python (Kết nối sổ với Python trên máy này)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", type=Path, help="the workbook (.xlsm) copied from elsewhere or made by an older version")


def run(args: argparse.Namespace) -> int:
    from ..book.xlwings_conf import connect
    from ..core.errors import UnusableFile

    path: Path = args.workbook
    if path.suffix.lower() != ".xlsm":
        raise UnusableFile(f"Tệp “{path.name}” không phải sổ có nút bấm (.xlsm); chỉ sổ .xlsm cần kết nối.")
    entries = dict(connect(path))
    python = entries.get("INTERPRETER_WIN") or entries.get("INTERPRETER_MAC") or entries.get("DOITHOAI_PYTHON")
    print(f"Đã kết nối sổ “{path.name}” với Python: {python}")
    print("Mở sổ bằng Excel và bấm các nút trên trang Hướng dẫn như bình thường.")
    return ExitStatus.OK
