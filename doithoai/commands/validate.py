"""`doithoai validate BOOK [--json] [--no-write] [--today YYYY-MM-DD]`: check every entry of the workbook."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "validate"
HELP = "check every entry and write the Kiểm tra sheet (Kiểm tra dữ liệu); exit 1 when there are errors"
SHOWN = 30  # findings printed in the human-readable output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--json", action="store_true", help='print {"findings": [...], "counts": {...}} on stdout')
    parser.add_argument("--no-write", action="store_true", help="do not write the Kiểm tra sheet or mark cells")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="the day to check against, YYYY-MM-DD")
    parser.add_argument("--max", type=int, default=SHOWN, metavar="N", help=f"findings to print (default {SHOWN})")


def run(args: argparse.Namespace) -> int:
    from ..core.model import SEVERITY_LABELS
    from ..io.access import FileWorkbook
    from ..validation.jobs import validate

    # No progress lines: the job takes a second, and stderr is for the one error sentence.
    with FileWorkbook(args.book, command=NAME) as access:
        result = validate(access, write=not args.no_write, today=args.today)
    if args.json:
        import json

        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(result.summary)
        for finding in result.findings[: max(args.max, 0)]:
            where = f"{finding.sheet}!{finding.cell}" if finding.cell else finding.sheet
            column = f" ({finding.column})" if finding.column else ""
            print(f"- {SEVERITY_LABELS.get(finding.severity, finding.severity)} {where}{column}: {finding.message}")
        hidden = len(result.findings) - max(args.max, 0)
        if hidden > 0:
            print(f"… và {hidden} mục nữa.")
    return ExitStatus.DATA_ERRORS if result.has_errors else ExitStatus.OK
