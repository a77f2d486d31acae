"""`doithoai fix BOOK [--json]`: apply only the safe fixes and list every cell changed."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "fix"
HELP = "apply the safe fixes only (Sửa lỗi an toàn): NFC, spaces, Đ, phone format, old encodings, list spelling"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--json", action="store_true", help='print {"changes": [...], "count": n} on stdout')
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="the day to re-check against, YYYY-MM-DD")


def run(args: argparse.Namespace) -> int:
    from ..io.access import FileWorkbook
    from ..validation.jobs import fix

    # No progress lines: the job takes a second, and stderr is for the one error sentence.
    with FileWorkbook(args.book, command=NAME) as access:
        result = fix(access, today=args.today)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1, default=str))
    else:
        for change in result.fixes:
            print(f"- {change.description}")
        print(result.summary)
    return ExitStatus.OK
