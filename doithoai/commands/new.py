"""`doithoai new PATH [--mau NAME] [--from OLD]`: a new workbook, blank, from a preset, or continuing the last one."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import ExitStatus, UnusableFile

NAME = "new"
HELP = "create a new workbook: blank, from a preset, or from the last conference's (Tạo sổ mới)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, nargs="?", help="the new workbook, .xlsm")
    parser.add_argument("--mau", "--preset", dest="preset", metavar="NAME",
                        help="start from a preset (mẫu sổ): chinh-quyen-phuong, chinh-quyen-xa, dang-uy, doan-the, "
                             "xa-dong-chu-tri, or the path of an office's own .toml")
    parser.add_argument("--from", dest="previous", type=Path, metavar="OLD_WORKBOOK",
                        help="the next conference from this workbook: settings, lists, units, delegates, programme, "
                             "milestones, open petitions; letter numbers continue")
    parser.add_argument("--list-presets", "--danh-sach-mau", dest="list_presets", action="store_true",
                        help="list the bundled presets and exit")


def run(args: argparse.Namespace) -> int:
    from ..workflows.new_workbook import new_from, new_workbook

    if args.list_presets:
        from ..workflows.presets import describe

        for name, title, about in describe():
            print(f"{name}: {title}. {about}")
        return ExitStatus.OK
    if args.path is None:
        raise UnusableFile("Hãy ghi tên sổ mới, ví dụ: doithoai new so-2026.xlsm")
    if args.preset or args.previous:
        path, lines = new_from(args.path, preset=args.preset, previous=args.previous)
    else:
        path, lines = new_workbook(args.path), []
    print(f"Đã tạo sổ mới: {path}")
    for line in lines:
        print(f"- {line}")
    return ExitStatus.OK
