"""Excel error values (#N/A, #DIV/0!, …) that python-calamine reports as blank cells.

The validator must point at them, so the reader looks them up in the sheet's XML: a quick substring test
first (on the bytes, before any decoding), a regular expression over the cells only when the sheet has any
error cell at all. `io.scan` does it in the same pass that tests every member's checksum, so the reader
decompresses the package once, not twice, before calamine reads it.
"""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path
from typing import IO

from ..core.model import CellError

_SHEET = re.compile(r"<(?:\w+:)?sheet\b[^>]*>")
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b[^>]*>")
_NAME = re.compile(r'\sname="([^"]*)"')
_RID = re.compile(r'\sr:id="([^"]*)"')
_ID = re.compile(r'\sId="([^"]*)"')
_TARGET = re.compile(r'\sTarget="([^"]*)"')
_ERROR_CELL = re.compile(r'<(?:\w+:)?c\b(?=[^>]*\bt="e")[^>]*\br="([A-Z]+)(\d+)"[^>]*>.*?<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>', re.S)


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def _attribute(pattern: re.Pattern[str], tag: str) -> str | None:
    match = pattern.search(tag)
    return match.group(1) if match else None


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part inside the package (attributes in any order, as each writer puts them)."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    targets = {}
    for tag in _RELATIONSHIP.findall(rels):
        rel_id, target = _attribute(_ID, tag), _attribute(_TARGET, tag)
        if rel_id is not None and target:
            targets[rel_id] = target
    parts = {}
    for tag in _SHEET.findall(workbook):
        name, rel_id = _attribute(_NAME, tag), _attribute(_RID, tag)
        target = targets.get(rel_id or "")
        if name is None or target is None:
            continue
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[unescape(name)] = target
    return parts


ErrorCells = dict[str, dict[tuple[int, int], CellError]]


def errors_in(data: bytes) -> dict[tuple[int, int], CellError] | None:
    if b't="e"' not in data:
        return None
    xml = data.decode("utf-8", "replace")
    return {(int(row), _column_index(col)): CellError(unescape(value)) for col, row, value in _ERROR_CELL.findall(xml)}


def error_cells(path: Path | IO[bytes], names: list[str]) -> ErrorCells:
    """For each named sheet, {(row, column): CellError} (1-based) of its error cells."""
    found: ErrorCells = {}
    with zipfile.ZipFile(path) as archive:
        parts = sheet_parts(archive)
        members = set(archive.namelist())
        for name in names:
            part = parts.get(name)
            if not part or part not in members:
                continue
            errors = errors_in(archive.read(part))
            if errors is not None:
                found[name] = errors
    return found


def merge_errors(rows: list[list], errors: dict[tuple[int, int], CellError]) -> None:
    """Put the error values into the raw rows (growing them where calamine trimmed a row)."""
    for (row, column), error in errors.items():
        while len(rows) < row:
            rows.append([])
        line = rows[row - 1]
        if len(line) < column:
            line.extend([""] * (column - len(line)))
        line[column - 1] = error
