"""`doithoai intake-form BOOK [--org NAME …] [--out DIR]`: the forms the Front and the organisations fill in."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "intake-form"
HELP = ("write the opinion form (Mẫu tổng hợp ý kiến) for one organisation (--org, repeatable; by default the MTTQ "
        "committee and the usual socio-political organisations) into 'Mẫu gửi tổ chức' beside the workbook")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--org", action="append", metavar="NAME", help="the organisation's name, e.g. \"Hội Nông dân phường\"")
    parser.add_argument("--out", type=Path, help="folder for the forms (default: 'Mẫu gửi tổ chức' beside the workbook)")


def run(args: argparse.Namespace) -> int:
    from ..io.access import FileWorkbook
    from ..workflows.intake import write_intake_forms

    with FileWorkbook(args.book, command=NAME) as access:
        result = write_intake_forms(access, args.org, args.out)
    print(result.summary)
    return ExitStatus.OK
