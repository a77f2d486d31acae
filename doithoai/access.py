"""The workbook-access object every job takes, so the same job runs from the command line or an Excel button.

A job reads a `BookData`, computes, and hands a `ChangeSet` back; it never knows whether a file on disk
(`FileWorkbook`) or a workbook open in Excel (`doithoai.xlwings_access.XlwingsWorkbook`) is behind it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from .model import BookData, ChangeSet


class WorkbookAccess(Protocol):
    source: str  # the workbook's file name, for messages
    folder: Path  # output folders are created here, next to the workbook

    def read(self) -> BookData: ...

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

    def write(self, changes: ChangeSet) -> None:
        from .io.writer import apply_changes

        apply_changes(self.path, changes)

    def progress(self, message: str) -> None:
        if self._on_progress is not None:
            self._on_progress(message)

    def __repr__(self) -> str:
        return f"FileWorkbook({str(self.path)!r})"


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
