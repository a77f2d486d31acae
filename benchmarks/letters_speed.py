"""How fast are 1,000 answer letters? Run: python benchmarks/letters_speed.py [--letters N]

Takes the sample conference's letters, repeats them with distinct names up to N (default 1,000), then
prints, measured in this same run:

1. the project's way (`doithoai.documents.builders.write_letters`: the template prepared once, each letter one
   Jinja render written into a copy of the template's zip), N separate files plus the combined print file;
   goal: under 5 s on a 2-core machine;
2. the naive way: for each letter a new `DocxTemplate`, `render`, `save` (what the docxtpl docs show),
   the same N separate files; the combined file is left out of the baseline, which only flatters it;
3. the ratio (goal: 8x or better).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path


def letters(count: int) -> tuple[Path, dict, list[tuple[str, dict]]]:
    from doithoai.documents.builders import letter_contexts
    from doithoai.documents.letters import plan_letters
    from doithoai.domain.kinds import template_path
    from doithoai.io.reader import read_book
    from doithoai.workflows.demo import build_sample_workbook

    folder = Path(tempfile.mkdtemp(prefix="doithoai-letters-"))
    book = read_book(build_sample_workbook(folder / "demo.xlsm"))
    date = dt.date(2026, 6, 20)
    base, sample = letter_contexts(book, date, plan_letters(book, date))
    out = []
    for index in range(count):  # the sample's letters again and again, each with its own number and file name
        name, one = sample[index % len(sample)]
        out.append((f"KN-{index + 1:04d} {name.split(' ', 1)[1]}", {**one, "so": f"{150 + index}/UBND-VP"}))
    return template_path("letters"), base, out


def fast(template: Path, base: dict, items: list[tuple[str, dict]], folder: Path) -> float:
    from doithoai.documents.builders import write_letters

    started = time.perf_counter()
    files = write_letters(template, base, items, folder / "tra-loi", folder / "in-gop.docx")
    elapsed = time.perf_counter() - started
    assert len(files) == len(items)
    return elapsed


def naive(template: Path, base: dict, items: list[tuple[str, dict]], folder: Path) -> float:
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    folder.mkdir(parents=True)
    started = time.perf_counter()
    for index, (_, one) in enumerate(items):
        document = DocxTemplate(str(template))
        document.render({**base, "thu": [one]}, Environment(autoescape=True), autoescape=True)
        document.save(str(folder / f"{index}.docx"))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args(argv)
    template, base, items = letters(args.letters)
    work = Path(tempfile.mkdtemp(prefix="doithoai-letters-out-"))
    ours = fast(template, base, items, work / "fast")
    theirs = naive(template, base, items, work / "naive")
    print(f"letters: {len(items)}")
    print(f"doithoai (separate files + combined print file): {ours:.2f} s  (goal: under 5 s)")
    print(f"naive DocxTemplate per letter (separate files only): {theirs:.2f} s")
    print(f"ratio: {theirs / ours:.1f}x faster  (goal: 8x or better)")
    return 0 if ours < 5 and theirs / ours >= 8 else 1


if __name__ == "__main__":
    sys.exit(main())
