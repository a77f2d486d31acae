"""`doithoai conference-petitions BOOK [--json] [--no-write]`: what was raised from the floor, as petitions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "conference-petitions"
HELP = ("after the conference: each question the secretary wrote for a speaker from the floor (no slip code) becomes "
        "a petition with source 'Tại hội nghị' and the chair's answer; a second run adds nothing")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--json", action="store_true", help='print {"added": [...], "already": [...], "written"}')
    parser.add_argument("--no-write", action="store_true", help="only report what would be added; write nothing")


def run(args: argparse.Namespace) -> int:
    from ..io.access import FileWorkbook
    from ..workflows.conference import record_floor

    with FileWorkbook(args.book, command=NAME) as access:
        result = record_floor(access, write=not args.no_write)
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=1) if args.json else result.summary)
    return ExitStatus.OK
