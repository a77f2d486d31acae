"""`doithoai deadlines BOOK [--today YYYY-MM-DD] [--json] [--no-write]`: due dates and status."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "deadlines"
HELP = "compute due dates and status of milestones and assignments (Tính hạn); exit 1 when a row cannot be computed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="count from this day, YYYY-MM-DD")
    parser.add_argument("--json", action="store_true", help="print milestones and assignments as JSON")
    parser.add_argument("--no-write", action="store_true", help="compute and print only; write nothing")


def run(args: argparse.Namespace) -> int:
    from ..domain.deadlines import AHEAD_DAYS, compute_deadlines
    from ..io.access import FileWorkbook

    with FileWorkbook(args.book, command=NAME) as access:
        result = compute_deadlines(access, today=args.today, write=not args.no_write)
    if args.json:
        import json

        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(result.summary)
        upcoming = result.plan.upcoming(result.today)
        if upcoming:
            print(f"Việc đến hạn trong {AHEAD_DAYS} ngày tới:")
            for item in upcoming:
                print(f"- {item.due:%d/%m/%Y} ({item.status}): {item.name}")
        for finding in result.plan.findings:
            print(f"- Lỗi {finding.sheet}!{finding.cell}: {finding.message}")
    return ExitStatus.DATA_ERRORS if result.has_errors else ExitStatus.OK
