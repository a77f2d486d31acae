"""The roll-up job: find every ward's workbook under a folder, read them in parallel, write one workbook.

`rollup(folder)` is what the command and the window call. Reading and summarising a workbook
(`_summarize_file`) runs on every core, in this process and in worker processes (`read_units`): each gives a
picklable `UnitSummary`, or the Vietnamese reason the file could not be used, which is listed and never stops the
others. The pure parts are `unit.summarize` and `aggregate.aggregate`; this module only finds, reads and writes files.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
# Of the two largest tables, only what the summary reads: the delegates are counted and their attendance tallied
# (`unit._conference_facts`), a slip gives its petitions a residential group (`mttq.projection._petition_area`).
# tests/test_rollup.py checks the summaries equal those of a whole read.
COLUMNS = {schema.DELEGATES.key: ("ho_ten", "co_mat"), schema.SLIPS.key: ("ma_phieu", "to_dan_pho", "dia_chi")}


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
        # threaded=False: every core has a reading process already; a reading thread in each would only take turns
        # with it (measured on the province, idle 2-core machine: 1.12-1.13 s against 1.18-1.25 s threaded).
        book = read_book(Path(path), TABLES, columns=COLUMNS, threaded=False)
        return relative, summarize(book, relative, today), None
    except DoithoaiError as exc:
        return relative, None, exc.message
    except Exception as exc:  # a damaged file must not stop the others; say what happened
        return relative, None, f"Lỗi không mong đợi khi đọc sổ ({type(exc).__name__}): {exc}"


def _pool_context():
    """Fork where it is safe (Linux): the workers then start with everything the first read imported, instead of
    importing the package again each (0.3 s a worker). Elsewhere None: the platform's default (spawn)."""
    import multiprocessing
    import sys

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def read_units(paths: Sequence[Path], folder: Path, today: dt.date, *, workers: int | None = None,
               progress: Callable[[str], None] | None = None,
               meanwhile: Callable[[], None] | None = None) -> tuple[list[UnitSummary], list[Failure]]:
    """Read and summarise every workbook, on `workers` cores (default: all). `meanwhile` is run in this process
    once the workers have started (what comes after reading imports there: not before the fork, delaying the
    workers, nor after reading, while the other cores wait).

    This process reads too, with `workers - 1` worker processes: it reads a first workbook before any worker
    starts (which imports what reading needs, once, for the forked workers to inherit). The order of the
    results does not matter: `aggregate` sorts.
    """
    jobs = [(str(p), p.relative_to(folder).as_posix(), today) for p in paths]
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    results: list[Result] = []

    def done(result: Result) -> None:
        results.append(result)
        if progress and len(results) % 25 == 0:
            progress(f"Đã đọc {len(results)}/{len(jobs)} sổ…")

    if workers <= 1 or len(jobs) < 4:
        for job in jobs:
            done(_summarize_file(job))
        if meanwhile:
            meanwhile()
    else:
        # Largest first: the last files taken are the smallest, so no core waits long for another at the end.
        jobs.sort(key=lambda job: -_size(job[0]))
        # This process's first file: a small one, but one it can read (a damaged file, often the smallest, stops
        # before importing what reading needs); up to ten tried.
        first = len(jobs)
        while first > max(len(jobs) - 10, 1):
            first -= 1
            done(result := _summarize_file(jobs[first]))
            if result[1] is not None:
                break
        _read_in_parallel(jobs[:first], workers - 1, done, meanwhile)
    units = [s for _, s, _ in results if s is not None]
    failures = [Failure(rel, reason or "") for rel, s, reason in results if s is None]
    return units, failures


Job = tuple[str, str, dt.date]
Result = tuple[str, UnitSummary | None, str | None]


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _take(counter) -> int:
    """The index of the next job nobody has taken (the counter is shared by every process)."""
    with counter.get_lock():
        index = counter.value
        counter.value = index + 1
    return index


def _worker(jobs: list[Job], counter, connection) -> None:
    """A worker process: summarise the next job nobody has taken until none is left, sending back each
    (index, result) from a thread, so that reading never waits for the main process to take a result.

    Quiet whatever happens: when the main process stops listening (an error, Ctrl+C) or a result cannot be sent,
    the worker stops, and the main process reads itself whatever it has not received."""
    import queue
    import threading

    gc.disable()  # as in `rollup` (a spawned worker does not inherit it)
    outbox: queue.SimpleQueue = queue.SimpleQueue()
    stopped = threading.Event()

    def send() -> None:
        try:
            while (item := outbox.get()) is not None:
                connection.send(item)
        except Exception:  # noqa: BLE001 - the main process has gone, or a result would not pickle: it reads them itself
            stopped.set()
        finally:
            connection.close()

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        while not stopped.is_set() and (index := _take(counter)) < len(jobs):
            outbox.put((index, _summarize_file(jobs[index])))
        outbox.put(None)
        sender.join()
    except KeyboardInterrupt:  # Ctrl+C reaches every process of the group: the main process says it
        pass


def _read_in_parallel(jobs: list[Job], children: int, done: Callable[[Result], None],
                      meanwhile: Callable[[], None] | None = None) -> None:
    """`children` worker processes and this one take the jobs one at a time, in order, from a shared counter;
    this process collects the workers' results between its own. A worker that dies (out of memory, killed)
    closes its pipe: whatever has no result at the end is done here."""
    import multiprocessing
    from multiprocessing.connection import wait

    context = _pool_context() or multiprocessing.get_context()
    counter = context.Value("i", 0)
    finished: set[int] = set()
    readers: list[Any] = []  # Connection, or PipeConnection on Windows
    processes = []

    def collect(timeout: float | None) -> None:
        ready: list[Any] = wait(readers, timeout)
        for reader in ready:
            try:
                index, result = reader.recv()
            except (EOFError, OSError):  # the worker ended (or died)
                readers.remove(reader)
                reader.close()
                continue
            finished.add(index)
            done(result)

    try:
        for _ in range(children):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(jobs, counter, writer), daemon=True)
            try:
                process.start()
            except OSError:  # no process to be had (memory): this one reads what the others do not
                reader.close()
                break
            finally:
                writer.close()
            processes.append(process)
            readers.append(reader)
        if meanwhile:
            meanwhile()
        while (index := _take(counter)) < len(jobs):
            finished.add(index)
            done(_summarize_file(jobs[index]))
            collect(0)
        while readers:
            collect(None)
        for index, job in enumerate(jobs):  # taken by a worker that died before sending it back
            if index not in finished:
                done(_summarize_file(job))
    finally:
        for reader in readers:
            reader.close()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()


def _import_writer() -> None:
    from . import workbook  # noqa: F401


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
    # Reading, summarising and writing build millions of short-lived lists, dicts and strings and no reference
    # cycle: the cyclic garbage collector would only walk them again and again as they pile up (~5-10 % of the
    # roll-up). Paused here, so in the forked workers too; reference counting still frees everything.
    collecting = gc.isenabled()
    gc.disable()
    try:
        units, failures = read_units(paths, folder, today, workers=workers, progress=progress, meanwhile=_import_writer)
        from .workbook import write_rollup

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
