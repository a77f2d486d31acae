"""How much does a write cost above openpyxl's own load and save? Run: python benchmarks/write_speed.py [--rows N]

Uses the workbook of `validate_speed.py` (N registration slips and N petitions, 4,000 by default: about the
demo scaled 50 times) and writes N cells (letter numbers into `Kiến nghị`, a tool-owned column) with the
project's writer (`io.writer.apply_changes`: checks, backup, atomic save), for several N. The floor, measured
in the same run on the same file, is `openpyxl.load_workbook` + `save` with nothing changed.

Goal: within 1.5x the floor at every N, and the part above the floor growing linearly in N (before the fix,
the writer scanned the whole sheet for every cell it wrote: 90 % of `deadlines` at 3,000+ rows).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate_speed import workbook  # noqa: E402  (the benchmark workbook, built once and cached)

from doithoai import schema  # noqa: E402
from doithoai.io.reader import read_book  # noqa: E402
from doithoai.io.writer import apply_changes  # noqa: E402
from doithoai.model import CellWrite, ChangeSet  # noqa: E402


def floor(path: Path, folder: Path) -> float:
    import openpyxl

    target = folder / "floor.xlsm"
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, keep_vba=True, keep_links=True)
    book.save(target)
    return time.perf_counter() - start


def write(path: Path, folder: Path, cells: int) -> float:
    copy = folder / f"write-{cells}.xlsm"
    shutil.copyfile(path, copy)
    table = read_book(copy).petitions
    column = table.columns["so_van_ban_tra_loi"]
    writes = [CellWrite(schema.PETITIONS.name, record.row, column, f"{i}/UBND-VP")
              for i, record in enumerate(table.records[:cells], 1)]
    start = time.perf_counter()
    apply_changes(copy, ChangeSet(cells=writes), make_backup=False)
    return time.perf_counter() - start


def old_scan(path: Path) -> float:
    """One of the sheet scans the writer used to repeat for every cell it wrote (its `_computed_columns` before)."""
    import openpyxl

    from doithoai.io.writer import computed_columns

    sheet = openpyxl.load_workbook(path)[schema.PETITIONS.name]
    start = time.perf_counter()
    for _ in range(20):
        computed_columns(schema.PETITIONS.name, sheet.iter_rows(min_row=1, max_row=10, values_only=True))
    return (time.perf_counter() - start) / 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=4000, help="slips and petitions in the workbook")
    args = parser.parse_args()
    path = workbook(args.rows)
    sizes = sorted({min(n, args.rows) for n in (10, args.rows // 4, args.rows // 2, args.rows)})
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        base = min(floor(path, folder) for _ in range(2))
        print(f"workbook: {args.rows:,} slips + {args.rows:,} petitions; openpyxl load+save floor {base:.2f} s")
        first: tuple[int, float] | None = None
        for cells in sizes:
            took = min(write(path, folder, cells) for _ in range(2))
            growth = ""
            if first is not None:
                growth = f"; each further 1,000 cells {(took - first[1]) / (cells - first[0]) * 1000:+.3f} s"
            print(f"write {cells:>6,} cells: {took:.2f} s, {took / base:.2f}x the floor (goal <= 1.5x){growth}")
            first = first or (cells, took)
        scan = old_scan(path)
        print(f"before the fix: one sheet scan per written cell, {scan * 1000:.1f} ms each: {scan * args.rows:.1f} s "
              f"more for {args.rows:,} cells ({(base + scan * args.rows) / base:.1f}x the floor)")


if __name__ == "__main__":
    main()
