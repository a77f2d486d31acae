"""The workbook-access object every job takes, so the same job runs from the command line or an Excel button.

A job reads a `BookData`, computes, and hands a `ChangeSet` back; it never knows whether a file on disk
(`FileWorkbook`) or a workbook open in Excel (`doithoai.xlwings_access.XlwingsWorkbook`) is behind it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .model import BookData, ChangeSet


class WorkbookAccess(Protocol):
    """What a job may use of a workbook; nothing else (no job reaches past this with getattr)."""

    source: str  # the workbook's file name, for messages
    folder: Path  # output folders are created here, next to the workbook

    @property
    def path(self) -> Path | None:
        """The saved file, when there is one (None: a new workbook open in Excel, never saved)."""
        ...

    def read(self) -> BookData: ...

    def read_sheet(self, name: str) -> list[list[Any]]:
        """Raw values of a sheet `BookData` does not carry (the share log), by the workbook's own sheet name."""
        ...

    def write(self, changes: ChangeSet) -> None: ...

    def progress(self, message: str) -> None: ...


class FileWorkbook:
    """A workbook file: read with calamine, written with openpyxl in one safe transaction per write."""

    def __init__(self, path: Path | str, *, on_progress: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.source = self.path.name
        self.folder = self.path.resolve().parent
        self._on_progress = on_progress

    def read(self) -> BookData:
        from .io.reader import read_book

        return read_book(self.path)

    def read_sheet(self, name: str) -> list[list[Any]]:
        from .io.reader import read_sheets

        return next(iter(read_sheets(self.path, [name]).values()), [])

    def write(self, changes: ChangeSet) -> None:
        from .io.writer import apply_changes

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
