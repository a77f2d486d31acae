"""`doithoai rollup FOLDER [--out FILE.xlsx] [--report] [--today YYYY-MM-DD] [--json]`: the level above's roll-up."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "rollup"
HELP = (
    "roll up every ward's and commune's workbook under FOLDER into one workbook for the level above "
    "(conferences, petitions, overdue assignments, matters sent upward; no personal data)"
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày “{text}” phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-15") from exc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, help="the folder holding the wards' workbooks (sub-folders included)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the .xlsx to write (default: “Tổng hợp/Tổng hợp đối thoại <date>.xlsx” inside FOLDER)")
    parser.add_argument("--report", action="store_true",
                        help="also write the Word report for the province or district (settings: bao-cao-cap-tren.toml)")
    parser.add_argument("--today", type=_date, default=None, help="count overdue assignments as of this date (YYYY-MM-DD)")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--json", action="store_true",
                        help='print {"path", "report", "today", "units": [...], "failures": [...]}')


def run(args: argparse.Namespace) -> int:
    from ..io.access import stderr_progress
    from ..rollup import rollup

    result = rollup(args.folder, args.out, today=args.today, report=args.report, workers=args.workers,
                    progress=None if args.json else stderr_progress)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return ExitStatus.OK
    for failure in result.rollup.failures:
        print(f"- “{failure.file}”: {failure.reason}" if failure.duplicate_of  # the reason starts "Không tính vì trùng…"
              else f"- Không đọc được “{failure.file}”: {failure.reason}")
    print(result.summary)
    return ExitStatus.OK
