"""How fast is a report sheet built as one worksheet part? Run: python benchmarks/sheetxml_speed.py [--rows 4000]

The patch writer builds a whole report sheet (`Kiểm tra`, the share log: one row per petition code, so 4,000 rows at
K = 50) as a string (`io.xlsxpatch.sheetxml.sheet_xml`). Prints, measured in this same run (best of 5):

1. `sheet_xml` for a share log of N rows (dates, numbers, text) and for a `Kiểm tra` sheet of N findings with links;
2. the baseline: the openpyxl writer building the same sheet (`tests/openpyxl_writer.py`, once
   `io.writer._replace_sheet`) and serialising that one worksheet — what the openpyxl path paid for the sheet
   alone, before its whole-workbook load and save.
Goal: well under a second for 4,000 rows, and many times faster than the baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

from doithoai.core.model import SheetWrite


def share_log(rows: int) -> SheetWrite:
    from doithoai.core import schema

    body = [[f"XK-{i // 100:03d}", dt.datetime(2026, 6, 1, 8, 30), f"ban-sao-mttq-{i // 100}.xlsx", 100, f"KN-{i:04d}",
             "v2 " + "ab12" * 6] for i in range(rows)]
    return SheetWrite(schema.SHARE_LOG_SHEET, [list(schema.SHARE_LOG_HEADER), *body], widths=[14, 20, 30, 8, 14, 40])


def check_sheet(rows: int) -> SheetWrite:
    body = [[i, "Phiếu đăng ký", f"E{i + 2}", "Lỗi", "Số điện thoại “0912 345 67” thiếu một chữ số: hãy sửa lại cho đủ 10 số."]
            for i in range(1, rows + 1)]
    links = {(r, 3): f"'Phiếu đăng ký'!E{r}" for r in range(2, rows + 2)}
    return SheetWrite("Kiểm tra", [["STT", "Trang", "Ô", "Mức độ", "Nội dung"], *body], widths=[6, 18, 8, 10, 80], links=links)


def best(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def ours(spec: SheetWrite) -> float:
    from doithoai.io.xlsxpatch.sheetxml import sheet_xml
    from doithoai.io.xlsxpatch.styles import Styles

    return best(lambda: sheet_xml(spec, Styles(None)))


def baseline(spec: SheetWrite) -> float:
    import openpyxl
    from openpyxl.worksheet._writer import WorksheetWriter

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.openpyxl_writer import replace_sheet  # the openpyxl writer's report sheet, kept as the reference

    def run() -> None:
        workbook = openpyxl.Workbook()
        replace_sheet(workbook, spec)
        sheet = workbook[spec.name]
        out = io.BytesIO()
        writer = WorksheetWriter(sheet, out)
        writer.write()
        writer.close()

    return best(run, runs=3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=4000)
    rows = parser.parse_args().rows
    print(f"{'sheet':<22}{'rows':>6}{'sheet_xml':>12}{'openpyxl':>12}{'ratio':>8}")
    for name, spec in (("share log", share_log(rows)), ("Kiểm tra with links", check_sheet(rows))):
        mine, theirs = ours(spec), baseline(spec)
        print(f"{name:<22}{rows:>6}{mine:>11.3f}s{theirs:>11.3f}s{theirs / mine:>7.1f}x")


if __name__ == "__main__":
    main()
