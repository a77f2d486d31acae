"""`doithoai calendar BOOK --out FILE.ics`: the deadlines as an iCalendar file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "calendar"
HELP = "write milestones and assignment deadlines as an iCalendar (.ics) file for Outlook or a phone"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--out", type=Path, required=True, help="the .ics file to write")


def run(args: argparse.Namespace) -> int:
    from ..domain.deadlines import export_calendar
    from ..io.access import FileWorkbook

    with FileWorkbook(args.book, command=NAME) as access:
        path = export_calendar(access, args.out)
    print(f"Đã ghi lịch các hạn: {path}")
    return ExitStatus.OK
