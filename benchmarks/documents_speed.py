"""What does each document cost? Run: python benchmarks/documents_speed.py [--k 10] [--kind KIND ...]

Builds the sample conference scaled K times (`scaled`: K = 10 is 1,500 delegates, 600 slips, 800
petitions), then for each document kind measures, in this same run on the same workbook data:

1. the project's renderer: `documents.jobs.make_documents` with that kind alone, in this process (`workers=0`);
2. the baseline: the same run with every document rendered by docxtpl as its documentation shows (load the
   template, render, save: tests/docxtpl_reference.py, what the documents must equal part for part);

and prints seconds per kind, the cost of one document (one letter, one invitation page: the kind's time over its
count), and the ratio. Then the whole run, every kind, in one process and spread over the cores (spread.py),
against the serial baseline. A kind of one document costs mostly reading the workbook and building its context, the
same on both sides; the renderer shows in the kinds of many documents (letters) or many pages (invitations, lists).
Goal: a letter under 5 ms, the whole run several times faster than the baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

DATE = dt.date(2026, 7, 1)


def timed_run(book: Path, out: Path, kinds: list[str] | None, workers: int | None, reference: bool):
    from docxtpl_reference import DocxtplReference

    from doithoai.documents import render
    from doithoai.documents.jobs import make_documents
    from doithoai.io.access import FileWorkbook

    ours = render.BatchTemplate
    if reference:
        render.BatchTemplate = DocxtplReference  # type: ignore[misc, assignment]
    try:
        started = time.perf_counter()
        result = make_documents(FileWorkbook(book), kinds, out, pdf=False, date=DATE, write=False, workers=workers,
                                force_date=True)  # every kind made on that one date, as timed before
        return time.perf_counter() - started, result
    finally:
        render.BatchTemplate = ours  # type: ignore[misc]


def count(kind: str, result) -> int:
    """Documents of `kind` in the run's result: letters one per file; a many-page kind one per record it lists."""
    if kind == "letters":
        return len(result.letter_files)
    return 1


def main() -> int:
    from scaled import build_scaled_workbook

    from doithoai.domain.kinds import KINDS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=10, help="scale of the sample conference (default 10)")
    parser.add_argument("--kind", action="append", choices=list(KINDS), default=None, help="kinds to time (default all)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="doithoai-documents-"))
    try:
        book = build_scaled_workbook(root / f"k{args.k}.xlsm", args.k)
        kinds = args.kind or list(KINDS)
        # Imports (docxtpl, matplotlib for the chart) and every template read once, so neither side pays them.
        timed_run(book, root / "warm", None, 0, False)
        print(f"K = {args.k}: per kind, this process (doithoai) against docxtpl load+render+save per document")
        print("| kind | doithoai | docxtpl | ratio | documents | doithoai per document |")
        print("|---|---|---|---|---|---|")
        total_ours = total_theirs = 0.0
        for kind in kinds:
            ours, result = timed_run(book, root / f"ours-{kind}", [kind], 0, False)
            theirs, _ = timed_run(book, root / f"docxtpl-{kind}", [kind], 0, True)
            total_ours, total_theirs = total_ours + ours, total_theirs + theirs
            n = count(kind, result)
            print(f"| {kind} | {ours:.2f} s | {theirs:.2f} s | {theirs / ours:.1f}x | {n} | {ours / n * 1000:.1f} ms |")
        print(f"| all, one after the other | {total_ours:.2f} s | {total_theirs:.2f} s | {total_theirs / total_ours:.1f}x | | |")
        if not args.kind:
            spread, _ = timed_run(book, root / "spread", None, None, False)
            print(f"\nWhole run, spread over the cores (spread.py): {spread:.2f} s; "
                  f"{total_theirs / spread:.1f}x faster than the docxtpl baseline, "
                  f"{total_ours / spread:.1f}x faster than this process alone.")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
