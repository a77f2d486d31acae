"""`doithoai conference-sheet BOOK [--date YYYY-MM-DD]`: prepare the secretary's sheet before the conference."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "conference-sheet"
HELP = ("prepare the secretary's sheet 'Diễn biến hội nghị' before the conference: time, place, chair, the programme, "
        "the registered speakers in order with their questions, blank rows for the floor; never replaces a sheet "
        "someone has written on (exit 1)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--date", type=dt.date.fromisoformat, help="today's date for the programme (default: today)")


def run(args: argparse.Namespace) -> int:
    from ..io.access import FileWorkbook
    from ..workflows.conference import prepare_sheet

    with FileWorkbook(args.book, command=NAME) as access:
        print(prepare_sheet(access, date=args.date).summary)
    return ExitStatus.OK
