"""Reading a workbook headlessly with python-calamine: whole sheets at once, no cell-by-cell access."""

from __future__ import annotations

import gc
import io
import zipfile
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from ..errors import UnusableFile
from ..model import BookData
from .errorcells import error_cells, merge_errors
from .files import check_workbook_path
from .scan import scan_package
from .tables import book_from_sheets, find_sheet, sheets_for


def _open(path: Path, trimmed: bytes | None = None):
    from python_calamine import CalamineWorkbook

    try:
        if trimmed is not None:  # a sheet with a stray value far from its table: read the bounded copy
            return CalamineWorkbook.from_filelike(io.BytesIO(trimmed))
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for damaged or encrypted files
        raise UnusableFile(f"Không đọc được tệp “{path.name}”: tệp bị hỏng hoặc không phải tệp Excel.") from exc


def _bounded(path: Path, names: list[str]) -> bytes | None:
    from .extent import bounded_package

    try:
        return bounded_package(path, names)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        raise UnusableFile(f"Không đọc được tệp “{path.name}”: tệp bị hỏng hoặc không phải tệp Excel.") from exc


def _rows(workbook, name: str, path: Path) -> list[list[Any]]:
    try:
        # skip_empty_area=False keeps absolute positions: row 1 of the list is Excel's row 1.
        return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise UnusableFile(f"Không đọc được trang tính “{name}” trong tệp “{path.name}”: tệp bị hỏng.") from exc


def _load(path: Path, names: Iterable[str] | None) -> tuple[list[str], dict[str, list[list[Any]]]]:
    # The package is decompressed once by the scan (checksums, error cells, declared sizes), then once by calamine.
    path = check_workbook_path(Path(path))
    scan = scan_package(path)
    workbook = _open(path)
    available = list(workbook.sheet_names)
    wanted = [name for name in (available if names is None else [find_sheet(available, n) or n for n in names])
              if name in available]
    errors = scan.errors
    if scan.unsized.intersection(wanted):
        trimmed = _bounded(path, wanted)
        if trimmed is not None:
            workbook = _open(path, trimmed)
            errors = error_cells(io.BytesIO(trimmed), wanted)
    sheets = {name: _rows(workbook, name, path) for name in wanted}
    for name, found in errors.items():
        if name in sheets:
            merge_errors(sheets[name], found)
    return available, sheets


def read_sheets(path: Path, names: Iterable[str] | None = None) -> dict[str, list[list[Any]]]:
    """Raw values of the named sheets (all sheets when None), by the workbook's own sheet names."""
    return _load(path, names)[1]


def read_rows(path: Path, sheet_name: str) -> list[list[Any]]:
    """Raw values of one sheet; raises `UnusableFile` when it is missing."""
    sheets = read_sheets(path, [sheet_name])
    if not sheets:
        raise UnusableFile(f"Tệp “{Path(path).name}” không có trang tính “{sheet_name}”.")
    return next(iter(sheets.values()))


def read_book(path: Path, tables: Collection[str] | None = None) -> BookData:
    """The workbook as typed records, whole or only the given tables (see `io.tables.book_from_sheets`)."""
    path = Path(path)
    # Reading builds a few hundred thousand lists, dicts and records and no reference cycle: the cyclic garbage
    # collector would only walk them again and again as they pile up (~10 % of reading a large workbook).
    collecting = gc.isenabled()
    gc.disable()
    try:
        all_names, sheets = _load(path, sheets_for(tables))
        return book_from_sheets(path.name, sheets, names=all_names, tables=tables)  # names the first missing sheet or header
    finally:
        if collecting:
            gc.enable()


def read_frames(path: Path) -> dict[str, Any]:
    """The table sheets as pandas DataFrames (column keys as column names, Excel row number as index)."""
    import pandas as pd

    book = read_book(path)
    frames = {}
    for key, table in book.tables.items():
        columns = [c.key for c in table.spec.columns if c.key in table.columns]
        frames[key] = pd.DataFrame(
            [[r.values.get(c) for c in columns] for r in table.records],
            columns=columns,
            index=pd.Index([r.row for r in table.records], name="row"),
        )
    return frames
