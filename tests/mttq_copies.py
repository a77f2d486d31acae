"""What the MTTQ-copy tests share: the copy's headers, a fixed clock, and the committee typing its notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from doithoai.core import schema

NOW = dt.datetime(2026, 6, 20, 9, 30)
NOTE = "Ý kiến giám sát"
DATE = "Ngày giám sát"
CODE = "Mã kiến nghị"


def header_columns(worksheet) -> dict[str, int]:
    """Header text -> column number of a sheet's first row."""
    return {c.value: c.column for c in worksheet[1] if c.value}


def fill_notes(copy: Path, notes: dict[str, str], date: dt.date | None = None) -> None:
    """The committee types `notes` (petition code -> note) into the copy, as text, and `date` beside each when given."""
    workbook = openpyxl.load_workbook(copy)
    worksheet = workbook[schema.PETITIONS.name]
    where = header_columns(worksheet)
    rows = {worksheet.cell(r, where[CODE]).value: r for r in range(2, worksheet.max_row + 1)}
    for code, note in notes.items():
        cell = worksheet.cell(rows[code], where[NOTE])
        cell.value = note
        cell.data_type = "s"  # typed as text (with an apostrophe in Excel)
        if date is not None:
            worksheet.cell(rows[code], where[DATE]).value = date
    workbook.save(copy)
