"""`doithoai share BOOK [--out FILE.xlsx] [--json]`: the privacy-safe copy for the Ủy ban MTTQ."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "share"
HELP = (
    "write the copy for the MTTQ committee (Bản chia sẻ cho MTTQ): phones masked, addresses cut to the "
    "residential group, birth years dropped; only the supervision columns can be typed in"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="the .xlsx to write (default: “Chia sẻ MTTQ/<workbook> - ban chia se MTTQ <date>.xlsx” beside the workbook)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"path", "export_id", "counts", "masked": [...], "warnings": [...]} on stdout',
    )


def run(args: argparse.Namespace) -> int:
    from ..io.access import FileWorkbook
    from ..mttq.share import share

    with FileWorkbook(args.book, command=NAME) as access:
        result = share(access, args.out)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return ExitStatus.OK
    for item in result.masked:
        print(f"- {item.description}")
    print(result.summary)  # it names the masked cells again, and carries the warnings
    return ExitStatus.OK
