"""How much does a write cost against openpyxl's load and save? Run: python benchmarks/write_speed.py [--rows N]

Uses the workbook of `validate_speed.py` (N registration slips and N petitions, 4,000 by default: about the
demo scaled 50 times) and writes into it with the project's writer (`io.writer.apply_changes`, which patches the
package: `io.xlsxpatch`; checks, atomic save, no backup): letter numbers into N cells of `Kiến nghị` (a tool-owned
column) for several N, then what `validate` writes (a `Kiểm tra` report of N rows with a link each, and N marked
cells). The floor, measured in the same run on the same file, is `openpyxl.load_workbook` + `save` with nothing
changed: what every write cost before the patch writer, whatever it changed.

Goal: within 1.5x the floor at every N (the patch writer: a small fraction of it), the part above the fixed cost
growing linearly in N.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate_speed import workbook  # the benchmark workbook, built once and cached

from doithoai.core import schema
from doithoai.core.model import CellWrite, ChangeSet, SheetWrite, cell_address
from doithoai.io.reader import read_book
from doithoai.io.writer import apply_changes


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


def report(path: Path, folder: Path, rows: int) -> float:
    """What `validate` writes: the report sheet (one row and link per finding) and a mark on each cell."""
    copy = folder / f"report-{rows}.xlsm"
    shutil.copyfile(path, copy)
    table = read_book(copy).petitions
    column = table.columns["noi_dung"]
    cells = [cell_address(record.row, column) for record in table.records[:rows]]
    lines = [["Mức độ", "Trang", "Dòng", "Cột", "Ô", "Nội dung"]]
    lines += [["Lỗi", schema.PETITIONS.name, i + 2, "Nội dung kiến nghị", ref, "Nội dung quá ngắn để xử lý."]
              for i, ref in enumerate(cells)]
    links = {(i + 2, 5): f"'{schema.PETITIONS.name}'!{ref}" for i, ref in enumerate(cells)}
    changes = ChangeSet(sheets=[SheetWrite("Kiểm tra", lines, widths=[10, 16, 8, 20, 8, 60], links=links)],
                        marks={schema.PETITIONS.name: cells})
    start = time.perf_counter()
    apply_changes(copy, changes, make_backup=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=4000, help="slips and petitions in the workbook")
    args = parser.parse_args()
    path = workbook(args.rows)
    sizes = sorted({min(n, args.rows) for n in (10, args.rows // 4, args.rows // 2, args.rows)})
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        base = min(floor(path, folder) for _ in range(2))
        print(f"workbook: {args.rows:,} slips + {args.rows:,} petitions; openpyxl load+save floor {base:.2f} s; "
              "patch writer (io.xlsxpatch):")
        first: tuple[int, float] | None = None
        for cells in sizes:
            took = min(write(path, folder, cells) for _ in range(2))
            growth = ""
            if first is not None:
                growth = f"; each further 1,000 cells {(took - first[1]) / (cells - first[0]) * 1000:+.3f} s"
            print(f"write {cells:>6,} cells: {took:.2f} s, {took / base:.2f}x the floor (goal <= 1.5x){growth}")
            first = first or (cells, took)
        for rows in sizes:
            took = min(report(path, folder, rows) for _ in range(2))
            print(f"report of {rows:>6,} rows + {rows:,} marks: {took:.2f} s, {took / base:.2f}x the floor (goal <= 1.5x)")


if __name__ == "__main__":
    main()
