"""Exit statuses and the one exception type front-ends turn into a Vietnamese sentence."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    DATA_ERRORS = 1  # the job ran; the data has errors the office must correct
    UNUSABLE = 2  # the file (or the input) cannot be used; nothing was written


class DoithoaiError(Exception):
    """A problem the user can act on. `message` is one Vietnamese sentence, shown as is."""

    status = ExitStatus.UNUSABLE

    def __init__(self, message: str, *, status: ExitStatus | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class UnusableFile(DoithoaiError):
    """The workbook cannot be read or written: missing, corrupt, encrypted, open in Excel, wrong layout."""


class TemplateError(DoithoaiError):
    """A Word template the office edited has a broken tag."""
