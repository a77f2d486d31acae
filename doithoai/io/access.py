"""The workbook-access object every job takes, so the same job runs from the command line or an Excel button.

A job reads a `BookData`, computes, and hands a `ChangeSet` back; it never knows whether a file on disk
(`FileWorkbook`) or a workbook open in Excel (`doithoai.io.xlwings_access.XlwingsWorkbook`) is behind it.

Holding the workbook (`doithoai.io.lock`): a `FileWorkbook` takes the tool's lock beside the file before its
first read and keeps it until `close()`, so a job's whole read-modify-write is one unit and a second run on
the same workbook is refused (exit 2) instead of losing one run's writes. Use it as a context manager —
`with FileWorkbook(path, command="letters") as access: job(access)` — so the lock is taken before anything
is read and released at the end; an object that is never closed gives its lock back when it is garbage
collected or at exit. The buttons hold the same lock around each click (`buttons._click`).
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..core.model import BookData, ChangeSet


class WorkbookAccess(Protocol):
    """What a job may use of a workbook; nothing else (no job reaches past this with getattr)."""

    source: str  # the workbook's file name, for messages
    folder: Path  # output folders are created here, next to the workbook

    @property
    def path(self) -> Path | None:
        """The saved file, when there is one (None: a new workbook open in Excel, never saved)."""
        ...

    def read(self, tables: Collection[str] | None = None) -> BookData:
        """The workbook, whole or (`tables`: TableSheet keys) only the tables a job uses plus the settings and lists."""
        ...

    def read_sheet(self, name: str) -> list[list[Any]]:
        """Raw values of a sheet `BookData` does not carry (the share log), by the workbook's own sheet name."""
        ...

    def check_writable(self, changes: ChangeSet | None = None) -> None:
        """Refuse (`UnusableFile`) before a job does any work when `changes` could not be written."""
        ...

    def write(self, changes: ChangeSet) -> None: ...

    def progress(self, message: str) -> None: ...


class FileWorkbook:
    """A workbook file: read with calamine, written by patching the file (`io.xlsxpatch`) in one safe transaction per write."""

    def __init__(self, path: Path | str, *, command: str = "", on_progress: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.source = self.path.name
        self.folder = self.path.resolve().parent
        self.command = command  # named in the message a second run gets while this one holds the workbook
        self._on_progress = on_progress
        self._release: weakref.finalize | None = None

    # -- holding the workbook for the whole job

    def hold(self) -> None:
        """Take the workbook's lock (once); raises `WorkbookBusy` when another run holds it."""
        if self._release is not None and self._release.alive:
            return
        from .lock import give_back, take

        take(self.path, self.command)
        self._release = weakref.finalize(self, give_back, self.path)

    def close(self) -> None:
        if self._release is not None:
            self._release()  # runs give_back once

    def __enter__(self) -> FileWorkbook:
        self.hold()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the access contract

    def read(self, tables: Collection[str] | None = None) -> BookData:
        from .reader import read_book

        self.hold()
        return read_book(self.path, tables)

    def read_sheet(self, name: str) -> list[list[Any]]:
        from .reader import read_sheets

        self.hold()
        return next(iter(read_sheets(self.path, [name]).values()), [])


    def check_writable(self, changes: ChangeSet | None = None) -> None:
        """Refuse now (raise `UnusableFile`) if a write would be refused later: lock, owner file, permissions,
        and, given the changes, merged cells over the cells to write. Jobs that make files call this first."""
        from .writer import check_writable

        self.hold()
        check_writable(self.path, changes)

    def write(self, changes: ChangeSet) -> None:
        from .writer import apply_changes

        self.hold()
        apply_changes(self.path, changes)

    def progress(self, message: str) -> None:
        if self._on_progress is not None:
            self._on_progress(message)

    def __repr__(self) -> str:
        return f"FileWorkbook({str(self.path)!r})"


if TYPE_CHECKING:  # both access objects satisfy the protocol (checked by mypy)
    _file: type[WorkbookAccess] = FileWorkbook


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
