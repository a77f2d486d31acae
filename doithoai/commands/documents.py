"""`doithoai documents BOOK [--kind KIND ...] [--out DIR] [--pdf/--no-pdf] [--date [--force-date]] [--no-write] [--json]`.

`report` and `letters` are the same command with the kind fixed; all three call
`doithoai.documents.jobs.make_documents`, as the buttons do. Exit 1 when a kind was refused because `--date` is
outside its window (documents/dates.py); the other kinds are made.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ..core.errors import ExitStatus
from ..domain.kinds import KINDS

NAME = "documents"
HELP = "produce the office's documents from the workbook (Tạo văn bản): " + ", ".join(KINDS)


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("book", type=Path, help="the workbook, .xlsm or .xlsx")
    parser.add_argument("--out", type=Path, default=None,
                        help="parent folder of the run's folder (default: `Văn bản` next to the workbook)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None,
                        help="the documents' date, YYYY-MM-DD (default: each document's own milestone on `Mốc thời gian`, "
                             "or its event); a document this date does not fit (invitations after the conference…) is not "
                             "made, and the run exits 1")
    parser.add_argument("--force-date", action="store_true",
                        help="make the documents with --date even outside their window (each one is warned about)")
    pdf = parser.add_mutually_exclusive_group()
    pdf.add_argument("--pdf", dest="pdf", action="store_true", default=None,
                     help="require PDF copies (Microsoft Word on Windows, else LibreOffice)")
    pdf.add_argument("--no-pdf", dest="pdf", action="store_false", help="do not make PDF copies")
    parser.add_argument("--no-write", action="store_true",
                        help="do not record the letters' numbers and dates, nor the reminders sent, in the workbook")
    parser.add_argument("--json", action="store_true", help="print the files written as JSON")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)
    parser.add_argument("--kind", action="append", choices=list(KINDS), default=None,
                        help="a document to produce (repeatable; default: all but reminders, which are made only when named)")
    parser.add_argument("--slips-per-group", type=int, default=0, metavar="N",
                        help="slip forms (kind slips) pre-numbered after the highest slip code, N per residential group "
                             "(default: one blank slip to photocopy)")


def produce(args: argparse.Namespace, kinds: list[str] | None) -> int:
    from ..core.errors import DoithoaiError
    from ..io.access import FileWorkbook

    if args.force_date and args.date is None:  # a flag that would do nothing: say so rather than ignore it
        raise DoithoaiError("--force-date chỉ dùng cùng --date: hãy ghi ngày văn bản (--date YYYY-MM-DD) hoặc bỏ --force-date.")
    from ..documents.jobs import make_documents
    with FileWorkbook(args.book, command=getattr(args, "command", None) or "documents") as access:
        result = make_documents(access, kinds, args.out, pdf=args.pdf, date=args.date, write=not args.no_write,
                                slips_per_group=max(getattr(args, "slips_per_group", 0), 0), force_date=args.force_date)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(result.summary)
    return ExitStatus.DATA_ERRORS if result.refused else ExitStatus.OK


def run(args: argparse.Namespace) -> int:
    return produce(args, args.kind)
