"""How fast is `doithoai share` as the workbook grows? Run: python benchmarks/share_speed.py [--k 1 10 50]

Builds (cached in the temp folder) the sample workbook scaled K times (its petitions and slips repeated with
new codes: K = 50 is about 4,000 petitions and 3,000 slips), then prints for each K, measured in this same run:

1. `share` as the command runs it (read, build, log write, copy write), and its ratio to the floor of loading
   and saving the same workbook with openpyxl (what the log write alone cost before the patch writer; goal ≤ 1.5x at K = 50);
2. writing the copy (`io.sharecopy.save_copy`, streamed) against building the same copy cell by cell in an
   ordinary openpyxl workbook, styled per cell, as `share` did before (the baseline; goal ≥ 2x faster).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from doithoai.core import schema
from doithoai.io.access import FileWorkbook

NOW = dt.datetime(2026, 6, 20, 9, 30)


def scaled_workbook(k: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "doithoai-share-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"demo-x{k}.xlsm"
    if path.exists():
        return path
    import openpyxl

    from doithoai.workflows.demo import build_sample_workbook

    base = folder / "demo-x1.xlsm"
    if not base.exists():
        build_sample_workbook(base)
    if k == 1:
        return base
    workbook = openpyxl.load_workbook(base, keep_vba=True)
    for spec, code_key in ((schema.PETITIONS, "ma_kien_nghi"), (schema.SLIPS, "ma_phieu")):
        worksheet = workbook[spec.name]
        rows = [list(r) for r in worksheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
        header = [c.value for c in worksheet[1]]
        code_at = header.index(spec.column(code_key).header)
        link_at = header.index("Mã phiếu") if spec is schema.PETITIONS else None
        next_row = len(rows) + 2
        for copy in range(1, k):
            for row in rows:
                new = list(row)
                new[code_at] = f"{row[code_at]}-{copy}"
                if link_at is not None and new[link_at]:
                    new[link_at] = f"{row[link_at]}-{copy}"
                for column, value in enumerate(new, start=1):
                    if value is not None:
                        worksheet.cell(next_row, column).value = value
                next_row += 1
    workbook.save(path)
    return path


def timed(action, *args: Any, **kwargs: Any) -> float:
    start = time.perf_counter()
    action(*args, **kwargs)
    return time.perf_counter() - start


def openpyxl_floor(path: Path, work: Path) -> float:
    import openpyxl

    def round_trip() -> None:
        workbook = openpyxl.load_workbook(path, keep_vba=True)
        workbook.save(work / "floor.xlsm")

    return timed(round_trip)


def cell_by_cell(copy: Any, target: Path) -> None:
    """The baseline: the same copy built in an ordinary openpyxl workbook, one styled cell at a time."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.active.title = "Giới thiệu"
    for table in copy.tables:
        worksheet = workbook.create_sheet(table.name)
        for position, column in enumerate(table.columns, start=1):
            cell = worksheet.cell(row=1, column=position, value=column.header)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            worksheet.column_dimensions[get_column_letter(position)].width = column.width
        for row_index, values in enumerate(table.rows, start=2):
            for position, (column, value) in enumerate(zip(table.columns, values, strict=True), start=1):
                cell = worksheet.cell(row=row_index, column=position, value=value)
                if column.number_format:
                    cell.number_format = column.number_format
                cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
                if column.editable:
                    cell.protection = Protection(locked=False)
                    cell.fill = PatternFill("solid", fgColor="FFF2CC")
        worksheet.protection.sheet = True
    workbook.save(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, nargs="+", default=[1, 10, 50])
    args = parser.parse_args(argv)
    from doithoai.io.reader import read_book
    from doithoai.mttq.share import build_copy, share
    from doithoai.mttq.sharecopy import save_copy

    print(f"{'K':>4} {'petitions':>9} | {'share':>7} {'floor':>7} {'ratio':>6} | {'copy':>6} {'by cell':>8} {'faster':>6}")
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        for k in args.k:
            source = scaled_workbook(k)
            book_path = work / f"x{k}.xlsm"
            shutil.copyfile(source, book_path)
            floor = openpyxl_floor(book_path, work)
            share_time = timed(share, FileWorkbook(book_path), work / f"copy-{k}.xlsx", now=NOW)
            built = build_copy(read_book(book_path), "MTTQ-BENCH", NOW)
            streamed = timed(save_copy, built.copy, work / f"stream-{k}.xlsx")
            baseline = timed(cell_by_cell, built.copy, work / f"cells-{k}.xlsx")
            print(
                f"{k:>4} {built.counts['kien_nghi']:>9} | {share_time:>6.2f}s {floor:>6.2f}s {share_time / floor:>5.2f}x | "
                f"{streamed:>5.2f}s {baseline:>7.2f}s {baseline / streamed:>5.1f}x",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
