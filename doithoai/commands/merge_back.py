"""`doithoai merge-back BOOK FILE [--json] [--no-write]`: bring the MTTQ committee's notes home."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "merge-back"
HELP = (
    "import the MTTQ committee's supervision notes from a returned share copy (Nhập ý kiến MTTQ), by petition "
    "code; writes only Ý kiến giám sát and Ngày giám sát; exit 1 when there are conflicts to look at"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("file", type=Path, help="the share copy the committee sent back (.xlsx)")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"export_id", "imported": [...], "conflicts": [...], "unchanged", "written"} on stdout',
    )
    parser.add_argument("--no-write", action="store_true", help="only report what would be imported; write nothing")


def run(args: argparse.Namespace) -> int:
    from ..io.access import FileWorkbook
    from ..mttq.mergeback import merge_back

    with FileWorkbook(args.book, command=NAME) as access:
        result = merge_back(access, args.file, write=not args.no_write)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        for item in result.imported:
            print(f"- Nhập: {item.description}")
        for conflict in result.conflicts:
            print(f"- Cần xem: {conflict.message}")
        print(result.headline)
    return ExitStatus.DATA_ERRORS if result.has_conflicts else ExitStatus.OK
