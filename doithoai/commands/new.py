"""`doithoai new PATH`: a blank workbook from the template."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import ExitStatus

NAME = "new"
HELP = "create a blank workbook from the template (Tạo sổ mới từ mẫu)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="the new workbook, .xlsm")


def run(args: argparse.Namespace) -> int:
    from ..new_workbook import new_workbook

    path = new_workbook(args.path)
    print(f"Đã tạo sổ mới: {path}")
    return ExitStatus.OK
