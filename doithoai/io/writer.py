"""Writing results into a workbook file without touching what a person typed.

Every write is one transaction: refuse if the file is open in Excel, read-only or held by another run, check every
write, apply, save to a temporary file, back up the previous file, replace. `apply_changes` patches the package
(`io.xlsxpatch`: only the parts that change are rewritten, everything else is copied byte for byte); openpyxl is
left only for `edit_workbook` (the demo's own filling and tests). Cells may only be written in the schema's
computed columns unless the job is an explicit fix (`ChangeSet.allow_user_cells`): that rule, the merged-cell refusals
and the tool's mark are `io.writerules`, kept by every writer (the patcher, Excel through xlwings).

Every check that can refuse runs before the first cell changes (`check_writable` even before a job renders its
documents), so a refusal leaves everything as it was. Text is always written as text: a value from a person
that starts with "=" (a typo `=KN-001`, or a planted `=cmd|…`) or looks like an error code stays a string, never
a formula; the control characters Excel's file format forbids (U+0001…) are dropped and a vertical tab becomes a line
break (`core.text.clean_text`). Each sheet's tool-owned columns are found once per write, so a write costs time in
proportion to the cells it changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..core.errors import UnusableFile
from ..core.keys import find_sheet
from ..core.model import CellWrite, ChangeSet, RowWrite
from .files import atomic_save, backup, check_can_write, check_not_open
from .lock import check_may_write
from .scan import check_workbook_file
from .writerules import refuse_if_merged, refuse_rows_if_merged

if TYPE_CHECKING:
    from openpyxl import Workbook

T = TypeVar("T")

def load(path: Path) -> Workbook:
    import openpyxl

    path = check_workbook_file(Path(path))
    try:
        return openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=True)
    except Exception as exc:
        raise UnusableFile(f"Không mở được tệp “{path.name}” để ghi: tệp bị hỏng.") from exc


_MERGE = re.compile(r'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def check_writable(path: Path, changes: ChangeSet | None = None) -> None:
    """Everything that would make a write refuse, checked without loading the workbook: usable file, not open
    in Excel, not read-only, and (given `changes`) no merged cell over a cell to write."""
    path = Path(path)
    check_workbook_file(path)
    for candidate in {path, path.resolve()}:
        check_not_open(candidate)
    check_can_write(path)
    check_may_write(path)  # held without a lock file: the folder is read-only for this user
    if changes is not None and (changes.cells or changes.rows):
        _check_merges(path, changes.cells, changes.rows)


def merged_ranges(path: Path, sheet_names: list[str]) -> dict[str, list[tuple[int, int, int, int]]]:
    """(first row, first column, last row, last column) of each merged range, by sheet, from the sheet XML."""
    import zipfile

    from .errorcells import _column_index, sheet_parts

    found: dict[str, list[tuple[int, int, int, int]]] = {}
    with zipfile.ZipFile(path) as archive:
        parts = sheet_parts(archive)
        for name in sheet_names:
            actual = find_sheet(list(parts), name)
            if actual is None or parts[actual] not in archive.namelist():
                continue
            xml = archive.read(parts[actual]).decode("utf-8", "replace")
            if "mergeCell" not in xml:
                continue
            found[name] = [
                (int(r1), _column_index(c1), int(r2 or r1), _column_index(c2 or c1)) for c1, r1, c2, r2 in _MERGE.findall(xml)
            ]
    return found


def _check_merges(path: Path, writes: list[CellWrite], rows: list[RowWrite] | None = None) -> None:
    by_sheet: dict[str, list[CellWrite]] = {}
    for write in writes:
        by_sheet.setdefault(write.sheet, []).append(write)
    new_rows: dict[str, list[int]] = {}
    for row in rows or ():
        new_rows.setdefault(row.sheet, []).append(row.row)
    for sheet, ranges in merged_ranges(path, list(by_sheet.keys() | new_rows.keys())).items():
        blocks = [r for r in ranges if r[0] != r[2] or r[1] != r[3]]
        for write in by_sheet.get(sheet, []) if blocks else ():
            refuse_if_merged(write, blocks)
        if blocks and sheet in new_rows:
            refuse_rows_if_merged(sheet, new_rows[sheet], blocks)


def edit_workbook(path: Path, edit: Callable[[Any], T], *, make_backup: bool = True) -> T:
    """Run `edit(openpyxl_workbook)` inside one safe transaction and save the result."""
    path = Path(path)
    check_writable(path)
    workbook = load(path)
    result = edit(workbook)
    if make_backup:
        backup(path)
    atomic_save(path, workbook.save)
    return result


def apply_changes(path: Path, changes: ChangeSet, *, make_backup: bool = True) -> None:
    """Write `changes` into the workbook file in one safe transaction, patching its package (`io.xlsxpatch`)."""
    if not changes:
        return
    path = Path(path)
    check_writable(path)
    from .xlsxpatch.apply import apply

    apply(path, changes, make_backup=make_backup)
