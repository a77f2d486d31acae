"""Does every command stay linear in its rows? Run: python benchmarks/scaling.py [--k 1 10 50] [--wards 150]

Builds the sample conference scaled K times (`scaled`: K = 50 is 7,500 delegates, 3,000 slips,
4,000 petitions) and times each command as a click runs it, a fresh Python per command on a fresh copy
of the workbook, against two floors measured in the same run on the same file, also in a fresh Python:

- openpyxl: load the workbook (macros kept) and save it, what any command that writes must at least do;
- calamine: read every sheet with python-calamine, what any command must at least do.

doithoai's bytecode is compiled first, as in an installed package (`compile_package`). Writing commands are
compared with the openpyxl floor (goal at K = 50: within 1.5x), read-only ones
(`--no-write`) with the calamine floor (goal: within 3x). `growth` is the exponent of time in K between the
two largest K (1.0 is linear; goal: at most 1.0, doubling K at most doubles the time). `--repeat N` keeps the
best of N rounds of everything, floors included (on a machine other work shares, one run is noise).

Then the roll-up of a generated province (`province`, default 150 ward workbooks) against the
floor of reading the same files with python-calamine alone, one after the other (goal: under 30 s on
2 cores and within 2x that floor). The roll-up alone, best of 5, on a province kept for the next run:
python benchmarks/scaling.py --rollup-only --repeat 5 --root /tmp/province-bench
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The generated books (`scaled`, `province`) are test fixtures, kept in tests/ out of the shipped package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

TODAY = "2026-07-01"
PYTHON = [sys.executable]

OPENPYXL_FLOOR = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], keep_vba=True)
book.save(sys.argv[1])
"""
CALAMINE_FLOOR = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
for path in sys.argv[1:]:
    try:
        book = CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception:
        pass
"""
FILL_NOTES = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book["Kiến nghị"]
header = [c.value for c in sheet[1]]
note = header.index("Ý kiến giám sát") + 1
for row in range(2, sheet.max_row + 1):
    if sheet.cell(row, 1).value:
        sheet.cell(row, note).value = "Đã giám sát, đề nghị tiếp tục theo dõi."
book.save(sys.argv[1])
"""

# (label, argv after `doithoai`, writes?) with {book}, {work}, {copy} filled in.
COMMANDS: tuple[tuple[str, list[str], bool], ...] = (
    ("validate", ["validate", "{book}", "--today", TODAY], True),
    ("deadlines", ["deadlines", "{book}", "--today", TODAY], True),
    ("letters", ["letters", "{book}", "--out", "{work}/letters", "--no-pdf", "--date", TODAY], True),
    ("documents (no PDF)", ["documents", "{book}", "--out", "{work}/docs", "--no-pdf", "--date", TODAY, "--force-date"], True),
    ("share", ["share", "{book}", "--out", "{copy}"], True),
    ("merge-back with notes", ["merge-back", "{book}", "{copy}"], True),
    ("validate --no-write", ["validate", "{book}", "--no-write", "--today", TODAY], False),
    ("deadlines --no-write", ["deadlines", "{book}", "--no-write", "--today", TODAY], False),
)


def _run(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: the data has findings, which is fine for timing
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def _floor(script: str, *paths: Path) -> float:
    return _run([*PYTHON, "-c", script, *map(str, paths)])


def compile_package() -> None:
    """Write doithoai's bytecode before timing, as an installed package has it (pip compiles on install).

    A checkout run with PYTHONDONTWRITEBYTECODE=1 (or from a read-only folder) would otherwise compile every
    imported module again in each fresh Python: 50-100 ms of every command's time that no office pays.
    """
    import compileall

    import doithoai

    compileall.compile_dir(str(Path(doithoai.__file__).parent), quiet=1)


def measure_commands(ks: list[int], root: Path, only: list[str] | None, repeat: int = 1) -> dict:
    """Each command and the floors at each K, the best of `repeat` rounds: a round times the floors and then every
    command once, each command on a fresh copy (share then merge-back on their own copy), so noise from other
    work on the machine hits floors and commands alike and the best round of each is kept."""
    from scaled import build_scaled_workbook

    compile_package()

    results: dict = {"floors": {}, "commands": {}}
    for k in ks:
        source = build_scaled_workbook(root / f"k{k}.xlsm", k)
        floors = results["floors"][k] = {"openpyxl": math.inf, "calamine": math.inf}
        for _ in range(repeat):
            scratch = root / f"floor-{k}.xlsm"
            shutil.copyfile(source, scratch)
            floors["openpyxl"] = min(floors["openpyxl"], _floor(OPENPYXL_FLOOR, scratch))
            floors["calamine"] = min(floors["calamine"], _floor(CALAMINE_FLOOR, source))
            # share and merge-back work on one copy, in that order: merge-back needs the share log and the copy.
            shared = root / f"shared-{k}.xlsm"
            shutil.copyfile(source, shared)
            for label, argv, _ in COMMANDS:
                if only and label.split()[0] not in only:
                    continue
                work = root / f"work-{k}-{label.split()[0]}"
                shutil.rmtree(work, ignore_errors=True)
                work.mkdir()
                book = shared if label.startswith(("share", "merge-back")) else work / "book.xlsm"
                if book != shared:
                    shutil.copyfile(source, book)
                copy = root / f"copy-{k}.xlsx"
                if label.startswith("merge-back"):
                    _floor(FILL_NOTES, copy)  # the committee's notes on every petition (not timed)
                args = [a.format(book=book, work=work, copy=copy) for a in argv]
                elapsed = _run([*PYTHON, "-m", "doithoai", *args])
                times = results["commands"].setdefault(label, {})
                times[k] = min(times.get(k, math.inf), elapsed)
                print(f"  K={k:<3} {label:<24} {elapsed:7.2f} s", file=sys.stderr, flush=True)
    return results


def measure_rollup(wards: int, root: Path, repeat: int = 1) -> dict:
    """The roll-up and its floor, each the best of `repeat` runs, alternating (a shared machine's noise hits both)."""
    from province import TODAY as PROVINCE_TODAY
    from province import generate_province

    from doithoai.rollup.job import find_workbooks

    folder = root / "province"
    if not folder.exists():  # --keep-province reuses the one generated before
        generate_province(folder, wards)
    files = find_workbooks(folder)
    out = root / "tong-hop.xlsx"
    floors, rollups, floor_cpu, rollup_cpu = [], [], [], []
    for _ in range(repeat):
        before = _children_cpu()
        floors.append(_floor(CALAMINE_FLOOR, *files))
        middle = _children_cpu()
        rollups.append(_run([*PYTHON, "-m", "doithoai", "rollup", str(folder), "--out", str(out),
                             "--today", PROVINCE_TODAY.isoformat()]))
        floor_cpu.append(middle - before)
        rollup_cpu.append(_children_cpu() - middle)
    return {"wards": len(files), "calamine": min(floors), "rollup": min(rollups),
            "calamine_cpu": min(floor_cpu), "rollup_cpu": min(rollup_cpu)}


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes and theirs: unlike the wall clock, it does not
    grow when other work shares the machine (the roll-up's own workers are waited for, so they count)."""
    times = os.times()
    return times.children_user + times.children_system


def _growth(times: dict[int, float]) -> str:
    ks = sorted(times)
    if len(ks) < 2:
        return "–"
    a, b = ks[-2], ks[-1]
    return f"{math.log(times[b] / times[a]) / math.log(b / a):.2f}"


def report(results: dict, ks: list[int]) -> None:
    floors = results["floors"]
    print("\nFloors (fresh Python each, same files): " + "; ".join(
        f"K={k}: openpyxl load+save {floors[k]['openpyxl']:.2f} s, calamine read {floors[k]['calamine']:.2f} s" for k in ks))
    head = " | ".join(f"K = {k}" for k in ks)
    print(f"\n| command | {head} | ratio to floor at K = {ks[-1]} | growth |")
    print("|---|" + "---|" * len(ks) + "---|---|")
    for label, _, writes in COMMANDS:
        times = results["commands"].get(label)
        if not times:
            continue
        floor_kind = "openpyxl" if writes else "calamine"
        ratio = times[ks[-1]] / floors[ks[-1]][floor_kind]
        cells = " | ".join(f"{times[k]:.2f} s" for k in ks)
        print(f"| `{label}` | {cells} | {ratio:.2f}x {floor_kind} | {_growth(times)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, nargs="+", default=[1, 10, 50], help="scale factors (default 1 10 50)")
    parser.add_argument("--only", nargs="+", default=None, help="first word of the commands to time (default all)")
    parser.add_argument("--wards", type=int, default=150, help="workbooks in the generated province (0: skip the roll-up)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--rollup-only", action="store_true", help="time only the roll-up (no commands, no K floors)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="best of N rounds for every command, the roll-up and their floors (default 1)")
    parser.add_argument("--root", type=Path, default=None,
                        help="work in this folder (kept; a province already generated there is reused)")
    args = parser.parse_args()
    root = args.root or Path(tempfile.mkdtemp(prefix="doithoai-scaling-"))
    root.mkdir(parents=True, exist_ok=True)
    keep = args.keep or args.root is not None
    try:
        ks = sorted(args.k)
        if not args.rollup_only:
            print(f"{os.cpu_count()} cores; timing commands at K = {', '.join(map(str, ks))}…", file=sys.stderr)
            report(measure_commands(ks, root, args.only, max(1, args.repeat)), ks)
        if args.wards:
            r = measure_rollup(args.wards, root, max(1, args.repeat))
            print(f"\nRoll-up of {r['wards']} ward workbooks: {r['rollup']:.2f} s (goal < 30 s); reading them with "
                  f"python-calamine alone: {r['calamine']:.2f} s; ratio {r['rollup'] / r['calamine']:.2f}x (goal ≤ 2x)"
                  f"\n  CPU time, all processes: roll-up {r['rollup_cpu']:.2f} s, floor {r['calamine_cpu']:.2f} s "
                  f"({r['rollup_cpu'] / r['calamine_cpu']:.2f}x; on {os.cpu_count()} idle cores the wall-clock ratio is lower: "
                  "the roll-up reads on every core, the floor on one)")
    finally:
        if keep:
            print(f"(files kept in {root})", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
