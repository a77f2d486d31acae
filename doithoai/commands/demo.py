"""`doithoai demo [--out DIR]`: the sample conference, every step run on it."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "demo"
HELP = "build the sample conference workbook (phường Tứ Minh, 12/6/2026) and run every step on it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("doithoai-demo"), help="output folder (default: ./doithoai-demo)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="the day deadlines are counted on, YYYY-MM-DD")
    parser.add_argument("--workbook-only", action="store_true", help="only build the sample workbook")


def run(args: argparse.Namespace) -> int:
    from ..workflows.demo import make_demo

    result = make_demo(args.out, today=args.today, steps=not args.workbook_only)
    for note in result.notes:
        print(note)
    for what, where in result.outputs:
        print(f"{what}: {where}")
    return ExitStatus.OK
