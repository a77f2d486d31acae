"""How fast is `doithoai intake` on a huge returned form? Run: python benchmarks/intake_speed.py [--rows 100000]

Builds (cached in the temp folder) the sample workbook and an opinion form for its unit with ROWS filled rows (each a
different opinion, so every row becomes a petition), then prints, measured in this same run:

1. `doithoai intake BOOK FORM` as a separate process (read the form, read the workbook, plan, write every new petition
   into `Kiến nghị`): its wall time and peak memory;
2. the baseline: python-calamine reading the same form's `Ý kiến` sheet (the floor any reader of the form pays), and
   the ratio of (1) to it.

Measured on the 2-core test machine at 100,000 rows: before the fix (commit cee1832) 49 s and 2.6 GB (the writer built
an element for each of the 1.9 million formatted cells of the new rows, and every fold tested each character in
Python); after it about 11-12 s and 0.6-0.7 GB, about 9 times the calamine read of the form.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("đường ngõ đèn chiếu sáng thoát nước rác thải trường học trạm y tế an ninh trật tự đất đai giấy chứng nhận "
         "cấp phép xây dựng ô nhiễm tiếng ồn chợ vỉa hè cây xanh nhà văn hóa sân chơi trẻ em").split()


def sample_workbook(folder: Path) -> Path:
    from doithoai.workflows.demo import build_sample_workbook

    path = folder / "demo.xlsm"
    if not path.exists():
        build_sample_workbook(path)
    return path


def big_form(book: Path, rows: int, folder: Path) -> Path:
    """A returned form for the workbook's unit with `rows` filled rows, written in constant memory."""
    import xlsxwriter

    from doithoai.io.reader import read_book
    from doithoai.workflows import intake

    path = folder / f"form-{rows}.xlsx"
    if path.exists():
        return path
    unit, province = intake.form_unit(read_book(book))
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    cover = workbook.add_worksheet(intake.COVER_SHEET)
    for index, (label, value) in enumerate(((intake.FORM_MARK, ""), (intake.ORG_LABEL, "Hội Nông dân phường Tứ Minh"),
                                            (intake.UNIT_LABEL, unit), (intake.PROVINCE_LABEL, province))):
        cover.write_string(index, 0, label)
        if value:
            cover.write_string(index, 1, value)
    sheet = workbook.add_worksheet(intake.ROWS_SHEET)
    for column, (_, header, _) in enumerate(intake.FORM_COLUMNS):
        sheet.write_string(0, column, header)
    chance = random.Random(1)
    for row in range(1, rows + 1):
        sheet.write_number(row, 0, row)
        sheet.write_string(row, 1, f"Người nêu {row}")
        sheet.write_string(row, 4, "Đề nghị " + " ".join(chance.choice(WORDS) for _ in range(12)) + f" ở địa chỉ số {row}")
    workbook.close()
    return path


def calamine_read(form: Path) -> float:
    from python_calamine import CalamineWorkbook

    from doithoai.workflows.intake import ROWS_SHEET

    start = time.perf_counter()
    CalamineWorkbook.from_path(str(form)).get_sheet_by_name(ROWS_SHEET).to_python()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "doithoai-intake-bench"
    folder.mkdir(exist_ok=True)
    book = sample_workbook(folder)
    form = big_form(book, args.rows, folder)
    target = folder / "run.xlsm"
    shutil.copyfile(book, target)
    baseline = calamine_read(form)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "doithoai", "intake", str(target), str(form), "--json"],
                          capture_output=True, text=True)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kilobytes on Linux
    if done.returncode not in (0, 1):
        sys.exit(f"intake failed ({done.returncode}): {done.stderr[-2000:]}")
    print(f"intake of {args.rows:,} rows: {took:.1f} s, peak {peak:,.0f} MB")
    print(f"baseline, calamine reading the form's rows: {baseline:.2f} s; intake / baseline = {took / baseline:.1f}x")


if __name__ == "__main__":
    main()
