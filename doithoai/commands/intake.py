"""`doithoai intake BOOK FILE [--json] [--no-write]`: bring a returned opinion form in as petitions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "intake"
HELP = ("bring a returned opinion form (from intake-form) in as petitions on Kiến nghị with new codes; reports "
        "duplicates and refused rows (exit 1 when there are any); a second run adds nothing")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("file", type=Path, help="the form the organisation sent back (.xlsx)")
    parser.add_argument("--json", action="store_true", help='print {"organisation", "source", "added", "duplicates", '
                        '"refused", "already", "flagged", "written"}')
    parser.add_argument("--no-write", action="store_true", help="only report what would be added; write nothing")


def run(args: argparse.Namespace) -> int:
    from ..io.access import FileWorkbook
    from ..workflows.intake import intake

    with FileWorkbook(args.book, command=NAME) as access:
        result = intake(access, args.file, write=not args.no_write)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(result.summary)
    problems = result.plan.duplicates or result.plan.refused
    return ExitStatus.DATA_ERRORS if problems else ExitStatus.OK
