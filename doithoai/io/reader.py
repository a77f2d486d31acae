"""Reading a workbook headlessly with python-calamine: whole sheets at once, no cell-by-cell access."""

from __future__ import annotations

import contextlib
import gc
import io
import threading
import zipfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import UnusableFile
from ..core.keys import find_sheet
from ..core.model import BookData
from .errorcells import ErrorCells, error_cells, merge_errors
from .files import check_workbook_path
from .scan import Package
from .tables import book_from_sheets, in_parse_order, sheets_for

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook


def _open(path: Path, trimmed: bytes | None = None) -> CalamineWorkbook:
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


def _rows(workbook: CalamineWorkbook, name: str, path: Path) -> list[list[Any]]:
    try:
        # skip_empty_area=False keeps absolute positions: row 1 of the list is Excel's row 1.
        return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise UnusableFile(f"Không đọc được trang tính “{name}” trong tệp “{path.name}”: tệp bị hỏng.") from exc


class _Sheets(Mapping[str, list[list[Any]]]):
    """The wanted sheets' raw rows, read by calamine in a thread, one by one in the order `book_from_sheets` takes
    them: the main thread parses one sheet while the next is being read. calamine parses a sheet's XML without
    holding the GIL, so on two cores reading and parsing overlap.

    A sheet is handed over with its error values (`errors`, found meanwhile by the scan) merged in. `close()`
    waits for the thread (the workbook's file stays open until it ends: Windows could not replace it) and raises
    what reading a sheet nobody took raised."""

    def __init__(self, workbook: CalamineWorkbook, names: list[str], path: Path, *, threaded: bool) -> None:
        self._workbook: CalamineWorkbook | None = workbook
        self._names, self._path = names, path
        self.errors: ErrorCells = {}  # sheet name -> its error cells: set before any sheet is taken
        self._rows: dict[str, list[list[Any]]] = {}
        self._failed: dict[str, BaseException] = {}
        self._ready = {name: threading.Event() for name in names}
        self._stop = False
        self._thread = threading.Thread(target=self._read, name="doithoai-reader", daemon=True) if threaded else None
        if self._thread is not None:
            self._thread.start()
        else:
            self._read()

    def _read(self) -> None:
        workbook = self._workbook
        assert workbook is not None  # read once
        for name in self._names:
            if self._stop:
                break
            try:
                self._rows[name] = _rows(workbook, name, self._path)
            except BaseException as exc:  # handed to the main thread, which raises it
                self._failed[name] = exc
            finally:
                self._ready[name].set()
        self._workbook = None
        with contextlib.suppress(Exception):  # the file handle let go of now, not when the object is collected
            workbook.close()

    def __getitem__(self, name: str) -> list[list[Any]]:
        ready = self._ready.get(name)
        if ready is None:
            raise KeyError(name)
        ready.wait()
        if name in self._failed:
            raise self._failed.pop(name)
        rows = self._rows[name]
        found = self.errors.pop(name, None)
        if found:
            merge_errors(rows, found)
        return rows

    def __contains__(self, name: object) -> bool:  # Mapping's own would wait for the sheet to be read
        return name in self._ready

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def close(self, *, raising: bool = True) -> None:
        self._stop = not raising  # after an error, the sheets not yet read are left unread
        if self._thread is not None:
            self._thread.join()
        if raising and self._failed:
            raise next(iter(self._failed.values()))


def _load(path: Path, names: Iterable[str] | None, *, threaded: bool = True) -> tuple[list[str], _Sheets]:
    """The workbook's sheet names and the wanted sheets (all when None), being read.

    The package is inflated twice: by the scan (checksums, error cells) and by calamine, at the same time when
    `threaded`. Only the declared sizes are looked at before calamine starts: a sheet declaring a huge used range
    must be trimmed first (`extent`)."""
    path = check_workbook_path(Path(path))
    package = Package(path)
    try:
        workbook = _open(path)
    except UnusableFile:
        package.scan()  # a damaged member is named as such, whatever calamine made of it
        raise
    available = list(workbook.sheet_names)
    wanted = in_parse_order([name for name in (available if names is None else [find_sheet(available, n) or n for n in names])
                             if name in available])
    if threaded and not package.unsized(wanted):
        sheets = _Sheets(workbook, wanted, path, threaded=True)
        try:
            sheets.errors = package.scan()
        except BaseException:
            sheets.close(raising=False)
            raise
        return available, sheets
    errors = package.scan()  # with one thread, first: the declared sizes come with it
    if package.unsized(wanted):
        trimmed = _bounded(path, wanted)
        if trimmed is not None:
            workbook, errors = _open(path, trimmed), error_cells(io.BytesIO(trimmed), wanted)
    sheets = _Sheets(workbook, wanted, path, threaded=False)
    sheets.errors = errors
    return available, sheets


def read_sheets(path: Path, names: Iterable[str] | None = None) -> dict[str, list[list[Any]]]:
    """Raw values of the named sheets (all sheets when None), by the workbook's own sheet names."""
    sheets = _load(path, names, threaded=False)[1]
    try:
        return dict(sheets)
    finally:
        sheets.close()


def read_rows(path: Path, sheet_name: str) -> list[list[Any]]:
    """Raw values of one sheet; raises `UnusableFile` when it is missing."""
    sheets = read_sheets(path, [sheet_name])
    if not sheets:
        raise UnusableFile(f"Tệp “{Path(path).name}” không có trang tính “{sheet_name}”.")
    return next(iter(sheets.values()))


def read_book(path: Path, tables: Collection[str] | None = None, *, columns: Mapping[str, Collection[str]] | None = None,
              threaded: bool = True) -> BookData:
    """The workbook as typed records, whole or only the given tables (see `io.tables.book_from_sheets`), and of
    the tables in `columns` (table key -> column keys) only those columns (see `io.tables.parse_table`'s `only`).

    `threaded=False` reads the sheets in this thread: for a caller whose cores are all busy already (the roll-up's
    workers), where a reading thread would only take turns with this one."""
    path = Path(path)
    # Reading builds a few hundred thousand lists, dicts and records and no reference cycle: the cyclic garbage
    # collector would only walk them again and again as they pile up (~10 % of reading a large workbook).
    collecting = gc.isenabled()
    gc.disable()
    try:
        all_names, sheets = _load(path, sheets_for(tables), threaded=threaded)
        try:
            book = book_from_sheets(path.name, sheets, names=all_names, tables=tables, columns=columns)
        except BaseException:
            sheets.close(raising=False)
            raise
        sheets.close()
        return book
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
