"""The roll-up job: find every ward's workbook under a folder, read them in parallel, write one workbook.

`rollup(folder)` is what the command and the window call. Reading and summarising a workbook
(`_summarize_file`) runs in worker processes, one per core: each returns a picklable `UnitSummary`, or the
Vietnamese reason the file could not be used, which is listed and never stops the others. The pure parts
are `unit.summarize` and `aggregate.aggregate`; this module only finds, reads and writes files.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema
from ..errors import DoithoaiError, UnusableFile
from .aggregate import Failure, Rollup, aggregate
from .unit import UnitSummary

ROLLUP_FOLDER = "Tổng hợp"  # inside the rolled-up folder: the roll-ups made (never read back as a ward)
# Folders the tool itself creates beside a workbook: their files are copies, not wards.
_TOOL_FOLDERS = frozenset(
    f.casefold() for f in (ROLLUP_FOLDER, "Sao lưu", "Chia sẻ MTTQ", "MTTQ gửi lại", "Văn bản", "Mẫu văn bản")
)
_SUFFIXES = (".xlsx", ".xlsm")
# The tables a unit's summary reads (with `Kế hoạch` and `Danh mục`, always read): not the programme, not the
# secretary's sheet.
TABLES = frozenset({schema.DELEGATES.key, schema.SLIPS.key, schema.PETITIONS.key, schema.ASSIGNMENTS.key,
                    schema.MILESTONES.key})


def find_workbooks(folder: Path) -> list[Path]:
    """Every .xlsx/.xlsm under `folder`, except owner files of open workbooks, hidden files and the tool's own
    output folders; in the order of their paths, so every run sees the same list."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d.casefold() not in _TOOL_FOLDERS and not d.startswith("."))
        for name in files:
            if name.lower().endswith(_SUFFIXES) and not name.startswith(("~$", ".")):
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _summarize_file(job: tuple[str, str, dt.date]) -> tuple[str, UnitSummary | None, str | None]:
    """(relative path, summary or None, reason or None): runs in a worker process."""
    path, relative, today = job
    from ..io.reader import read_book
    from .unit import summarize

    try:
        return relative, summarize(read_book(Path(path), TABLES), relative, today), None
    except DoithoaiError as exc:
        return relative, None, exc.message
    except Exception as exc:  # a damaged file must not stop the others; say what happened
        return relative, None, f"Lỗi không mong đợi khi đọc sổ ({type(exc).__name__}): {exc}"


def _pool_context():
    """Fork where it is safe (Linux): the workers then start with everything the first read imported, instead of
    importing the package again each (0.3 s a worker). Elsewhere the platform's default (spawn)."""
    import multiprocessing
    import sys

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def read_units(paths: Sequence[Path], folder: Path, today: dt.date, *, workers: int | None = None,
               progress: Callable[[str], None] | None = None) -> tuple[list[UnitSummary], list[Failure]]:
    """Read and summarise every workbook, on `workers` cores (default: all).

    This process reads too: it reads the first workbook before any worker starts (which imports what reading
    needs, once, for the forked workers to inherit), then takes small chunks from the end of the queue while the
    workers are fed chunks from the front, two at a time each, so no core waits long for another at the end.
    """
    jobs = [(str(p), p.relative_to(folder).as_posix(), today) for p in paths]
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    results: list[tuple[str, UnitSummary | None, str | None]] = []

    def done(batch: list[tuple[str, UnitSummary | None, str | None]]) -> None:
        before = len(results)
        results.extend(batch)
        if progress and len(results) // 25 > before // 25:
            progress(f"Đã đọc {len(results)}/{len(jobs)} sổ…")

    if workers <= 1 or len(jobs) < 4:
        for job in jobs:
            done([_summarize_file(job)])
    else:
        done([_summarize_file(jobs[0])])
        rest = jobs[1:]
        size = 3  # files a chunk: small, as one ward's book can be ten times another's
        _read_in_parallel([rest[i : i + size] for i in range(0, len(rest), size)], workers - 1, done)
    units = [s for _, s, _ in results if s is not None]
    failures = [Failure(rel, reason or "") for rel, s, reason in results if s is None]
    return units, failures


def _summarize_chunk(chunk: list[tuple[str, str, dt.date]]) -> list[tuple[str, UnitSummary | None, str | None]]:
    return [_summarize_file(job) for job in chunk]


_IN_FLIGHT = 2  # chunks queued for each worker: it never waits for this process to hand it the next one


def _read_in_parallel(chunks: list[list[tuple[str, str, dt.date]]], children: int,
                      done: Callable[[list[tuple[str, UnitSummary | None, str | None]]], None]) -> None:
    """`children` worker processes take chunks from the front, this process from the back. Nothing is ever
    cancelled (a cancelled future trips the executor when a worker dies: Python 3.11's InvalidStateError)."""
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    pending = deque(range(len(chunks)))
    finished: set[int] = set()
    try:
        with ProcessPoolExecutor(max_workers=children, mp_context=_pool_context()) as pool:
            running: dict[Future, int] = {}
            while pending or running:
                while pending and len(running) < children * _IN_FLIGHT:
                    index = pending.popleft()
                    running[pool.submit(_summarize_chunk, chunks[index])] = index
                for future in [f for f in running if f.done()]:
                    index = running.pop(future)
                    done(future.result())
                    finished.add(index)
                if pending:
                    index = pending.pop()
                    done(_summarize_chunk(chunks[index]))
                    finished.add(index)
                elif running:
                    wait(running, return_when=FIRST_COMPLETED)
    except BrokenProcessPool:  # a worker died (out of memory, killed): finish what is left here
        for index, chunk in enumerate(chunks):
            if index not in finished:
                done(_summarize_chunk(chunk))


@dataclass
class RollupResult:
    path: Path
    rollup: Rollup
    report: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        r = self.rollup
        text = (f"Đã tổng hợp {len(r.units)} sổ của thư mục “{r.folder}” vào {self.path} "
                f"({sum(len(u.petitions) for u in r.units)} kiến nghị, {sum(len(u.overdue) for u in r.units)} phân công quá hạn "
                f"tính đến ngày {r.today:%d/%m/%Y}).")
        if r.failures:
            text += f" {len(r.failures)} tệp không đọc được, xem trang “Sổ không đọc được”."
        if self.report:
            text += f" Báo cáo: {self.report}."
        return " ".join([text, *self.notes])

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "report": str(self.report) if self.report else None,
            "today": self.rollup.today.isoformat(),
            "units": [{"file": u.file, "unit": u.unit, "petitions": len(u.petitions), "overdue": len(u.overdue)}
                      for u in self.rollup.units],
            "failures": [{"file": f.file, "reason": f.reason} for f in self.rollup.failures],
        }


def default_target(folder: Path, today: dt.date) -> Path:
    return folder / ROLLUP_FOLDER / f"Tổng hợp đối thoại {today:%Y-%m-%d}.xlsx"


def _save(target: Path, write: Callable[[Path], None]) -> None:
    from ..io.files import atomic_save, backup, check_not_open

    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        check_not_open(target)
        backup(target)  # a roll-up someone annotated is kept in `Sao lưu`
    atomic_save(target, write)


def rollup(folder: Path | str, out: Path | str | None = None, *, today: dt.date | None = None, report: bool = False,
           workers: int | None = None, progress: Callable[[str], None] | None = None) -> RollupResult:
    """Roll up every workbook under `folder` into one .xlsx, and with `report` the Word report beside it."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UnusableFile(f"Không tìm thấy thư mục “{folder}” chứa sổ của các xã, phường.")
    today = today or dt.date.today()
    target = Path(out) if out else default_target(folder, today)
    # A roll-up written inside the folder is never read back as a ward's workbook.
    paths = [p for p in find_workbooks(folder) if p.resolve() != target.resolve()]
    if not paths:
        raise UnusableFile(f"Thư mục “{folder}” không có sổ Excel (.xlsx, .xlsm) nào để tổng hợp.")
    if target.suffix.lower() != ".xlsx":
        raise UnusableFile(f"Tệp tổng hợp “{target.name}” phải có đuôi .xlsx.")
    if progress:
        progress(f"Đang đọc {len(paths)} sổ…")
    from .workbook import write_rollup

    # Reading, summarising and writing build millions of short-lived lists, dicts and strings and no reference
    # cycle: the cyclic garbage collector would only walk them again and again as they pile up (~5-10 % of the
    # roll-up). Paused here, so in the forked workers too; reference counting still frees everything.
    collecting = gc.isenabled()
    gc.disable()
    try:
        units, failures = read_units(paths, folder, today, workers=workers, progress=progress)
        data = aggregate(units, failures, folder=folder.name or str(folder), today=today)
        _save(target, lambda temp: write_rollup(temp, data))
    finally:
        if collecting:
            gc.enable()
    result = RollupResult(path=target, rollup=data)
    if report:
        from .report import write_report

        result.report = target.with_suffix(".docx")
        notes: list[str] = []
        _save(result.report, lambda temp: notes.extend(write_report(temp, data, folder, target.name)))
        result.notes += notes
    return result
