"""Keeping a read bounded by the table, not by the sheet's used range.

python-calamine builds each sheet as a dense grid from its first to its last cell, so one stray value far
from the table (`Kiến nghị!XFD1048576`, typed by accident or left by an add-in) makes it allocate 17 billion
cells (512 GB) and abort the process; `XFD5000` already costs 3 GB. Before reading, the sheet's declared
`<dimension>` (read from the first bytes of its XML, so the usual case costs nothing) is compared with
`MAX_CELLS`. A sheet above it is trimmed in a private in-memory copy of the package: cells beyond a gap of more
than `ROW_GAP` empty rows below the data, or `COLUMN_GAP` empty columns to its right, are left out, and the copy
is read instead. Row and column numbers are unchanged, so every message still names the real cell.

Decision: what lies beyond such a gap is not part of any table the tool reads (a table is contiguous rows under
its header), so it is ignored rather than refused; the workbook itself is never changed by this.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .errorcells import _column_index, sheet_parts

MAX_CELLS = 4_000_000  # a dense grid of this size is ~130 MB in calamine; real ward workbooks stay far below
ROW_GAP = 1_000
COLUMN_GAP = 100

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(?:/>|>.*?</(?:\w+:)?c>)', re.DOTALL)


def declared_cells(head: bytes) -> int | None:
    """How many cells the sheet's declared used range (`<dimension>`, in its first bytes) spans; None if none."""
    match = _DIMENSION.search(head)
    if match is None:
        return None
    first_col, first_row, last_col, last_row = match.groups()
    if last_col is None:
        return 1
    rows = int(last_row) - int(first_row) + 1
    columns = _column_index(last_col.decode()) - _column_index(first_col.decode()) + 1
    return rows * columns


def _bound(positions: set[int], gap: int) -> int:
    """The last position before the first gap wider than `gap`, walking up from the smallest."""
    last = 0
    for position in sorted(positions):
        if last and position - last > gap:
            break
        last = position
    return last


def trim(xml: bytes) -> bytes:
    """The sheet XML without the cells beyond the data's row and column gaps (see the module docstring)."""
    rows: set[int] = set()
    columns: set[int] = set()
    for match in _CELL.finditer(xml):
        rows.add(int(match.group(2)))
        columns.add(_column_index(match.group(1).decode()))
    last_row, last_column = _bound(rows, ROW_GAP), _bound(columns, COLUMN_GAP)

    def keep(match: re.Match[bytes]) -> bytes:
        inside = int(match.group(2)) <= last_row and _column_index(match.group(1).decode()) <= last_column
        return match.group(0) if inside else b""

    trimmed = _CELL.sub(keep, xml)
    # The declared used range must shrink with it (readers size their grid from it).
    return _DIMENSION.sub(lambda _m: b'<dimension ref="A1:%s%d"' % (_letters(max(last_column, 1)).encode(), max(last_row, 1)),
                          trimmed, count=1)


def _letters(index: int) -> str:
    from ..core.model import column_letter

    return column_letter(index)


def _needs_trim(archive: zipfile.ZipFile, part: str) -> bool:
    with archive.open(part) as handle:
        head = handle.read(4096)
    declared = declared_cells(head)
    if declared is not None:
        return declared > MAX_CELLS
    # No <dimension>: count from the cells themselves (rare; costs one pass over the sheet).
    xml = archive.read(part)
    cells = [(int(r), _column_index(c.decode())) for c, r in (m.groups() for m in _CELL.finditer(xml))]
    if not cells:
        return False
    return max(r for r, _ in cells) * max(c for _, c in cells) > MAX_CELLS


def bounded_package(path: Path, names: list[str] | None = None) -> bytes | None:
    """None when every named sheet (all when None) is of a sane size; else the package, in memory, with the
    oversized sheets trimmed."""
    with zipfile.ZipFile(path) as archive:
        parts = sheet_parts(archive)
        members = set(archive.namelist())
        wanted = [parts[n] for n in (names if names is not None else list(parts)) if n in parts and parts[n] in members]
        oversized = {part for part in wanted if _needs_trim(archive, part)}
        if not oversized:
            return None
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                data = archive.read(info)
                copy.writestr(info, trim(data) if info.filename in oversized else data)
        return buffer.getvalue()
