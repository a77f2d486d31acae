"""A documents run spread over the computer's cores: each kind rendered in a worker process.

A run's kinds are independent (each its own context and file), so on a large workbook the main process hands them
to a pool of workers, largest first (`kinds.KINDS[kind].rows`), keeps for itself the kinds that write into the
workbook (the letters' numbers go through its `access`), and takes each kind's share of the result back in the
registry's order: the summary, warnings and files are those of a run done one kind after the other.

Decisions:
- Only for large workbooks (`SPREAD_ROWS` records or more) and at least two cores: starting a worker costs
  little with Linux's fork, but a fresh Python on Windows (imports, the workbook's data sent over) costs about
  a second, more than a small ward's whole run.
- Workers get the data already read (never the workbook itself: a button's workbook is read through Excel).
- A pool that cannot start or dies (no process allowed, out of memory) is not an error: whatever it did not
  finish is rendered in the main process.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from ..core.model import BookData

SPREAD_ROWS = 2000  # records in the workbook's tables from which a run is spread over the cores
LETTERS_PER_WORKER = 250  # answer letters that make starting one more worker worth it
MAX_WORKERS = 4


class Share(NamedTuple):
    """What one kind adds to a run's result (see job.DocumentsResult), sent back from a worker."""

    files: dict[str, Path]
    lines: list[str]
    warnings: list[str]
    texts: list[Path]
    missing: list[str]  # context.Notes.missing


class Task(NamedTuple):
    kind: str
    date: dt.date
    template: Path
    folder: Path
    write: bool
    slips_per_group: int
    fixed_date: bool
    today: dt.date | None = None  # "now", for what a document counts as of today (the report upward's overdue)


_BOOK: dict[str, Any] = {}  # the worker's copy of the run's BookData, set once per worker


def _start_worker(book: BookData) -> None:
    _BOOK["book"] = book


def render_share(book: BookData, task: Task) -> Share:
    """Render one kind into `task.folder` on its own result and notes (in a worker, or here when the pool is gone)."""
    from . import context as ctx
    from .job import DocumentsResult, Job, make_kind
    from .names import unique

    result, notes, taken = DocumentsResult(task.folder), ctx.Notes(), set[str]()  # kinds' file names never collide (kinds.py)
    job = Job(task.kind, None, book, task.date, notes, result, task.template, task.write,
              slips_per_group=task.slips_per_group, fixed_date=task.fixed_date, today=task.today,
              name_file=lambda name, suffix: task.folder / unique(name, taken, suffix))
    make_kind(job)
    return Share(result.files, result.lines, result.warnings, result.texts, notes.missing)


def _in_worker(task: Task) -> Share:
    return render_share(_BOOK["book"], task)


def workers_for(book: BookData, kinds: list[str], workers: int | None) -> int:
    """How many worker processes a run of `kinds` on `book` gets: 0 for rendering here, one kind after another."""
    from ..domain.kinds import KINDS

    spreadable = [k for k in kinds if not KINDS[k].writes_workbook]
    if workers is None:
        if sum(len(table.records) for table in book.tables.values()) < SPREAD_ROWS:
            return 0
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
    workers = min(workers, len(spreadable))
    return workers if workers >= 2 or (workers == 1 and len(kinds) > len(spreadable)) else 0


def executor(workers: int, initializer: Callable[..., object] | None = None, initargs: tuple = ()) -> ProcessPoolExecutor:
    """A process pool; on Linux by fork, so the workers share what this process already read and imported."""
    from concurrent.futures import ProcessPoolExecutor

    context = None
    if sys.platform.startswith("linux"):
        import multiprocessing

        context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs)


def letter_workers(count: int, workers: int | None) -> int:
    """Worker processes for `count` answer letters (0: all in this process)."""
    if workers is None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS, count // LETTERS_PER_WORKER)
    return workers if workers >= 2 else 0


def write_letter_files(template: Path, base: dict, items: list[tuple[Path, dict]]) -> None:
    """Each (file, letter context) of `items` rendered from `template` into its file (in a worker)."""
    from .render import BatchTemplate

    prepared = BatchTemplate(template)
    for file, one in items:
        file.write_bytes(prepared.render({**base, "thu": [one]}))


def write_letters_over(workers: int, template: Path, base: dict, items: list[tuple[Path, dict]], here: Callable[[], object],
                       progress: Callable[[str], object] | None = None) -> None:
    """The letter files written by `workers` processes, in consecutive slices, while this process runs `here()`
    (the combined print file). A slice whose worker could not start or died is written here."""
    from concurrent.futures.process import BrokenProcessPool

    size = -(-len(items) // workers)
    slices = [items[start:start + size] for start in range(0, len(items), size)]
    try:
        pool = executor(workers)
    except (OSError, RuntimeError, ImportError):
        pool = None
    try:
        futures = [pool.submit(write_letter_files, template, base, part) if pool is not None else None for part in slices]
        here()
        done = 0
        for part, future in zip(slices, futures, strict=True):
            try:
                if future is None:
                    raise BrokenProcessPool
                future.result()
            except BrokenProcessPool:
                write_letter_files(template, base, part)
            done += len(part)
            if progress is not None:
                progress(f"Đang tạo văn bản trả lời {done}/{len(items)}…")
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class Spread:
    """Kinds being rendered by a pool of workers; `share(kind)` waits for one."""

    def __init__(self, book: BookData, tasks: list[Task], workers: int) -> None:
        from ..domain.kinds import KINDS

        self.book = book
        self.tasks = {task.kind: task for task in tasks}
        self.futures: dict[str, Future] = {}
        try:
            self.pool: Any = executor(workers, _start_worker, (book,))

            def size(task: Task) -> int:
                table = book.tables.get(KINDS[task.kind].rows)
                return len(table.records) if table is not None else 0

            for task in sorted(tasks, key=size, reverse=True):
                self.futures[task.kind] = self.pool.submit(_in_worker, task)
        except (OSError, RuntimeError, ImportError):  # no process may be started here: render in this process
            self.pool = None

    def __contains__(self, kind: str) -> bool:
        return kind in self.tasks

    def share(self, kind: str) -> Share:
        from concurrent.futures.process import BrokenProcessPool

        future = self.futures.get(kind)
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                pass  # a worker died: this kind is rendered here
        return render_share(self.book, self.tasks[kind])

    def close(self) -> None:
        """Wait for the workers (a kind still running finishes, those not started are dropped): nothing writes into
        the run's folder after this returns."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
