"""Raw 2-D sheet values -> `BookData`. Pure: the calamine reader and the xlwings reader both feed it.

Headers are found by name (columns may be reordered, extra columns are kept aside), fully blank rows are
skipped, every value goes through `values.coerce` for its column's kind.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import cache
from itertools import compress, count, repeat
from operator import and_, is_not, itemgetter
from typing import Any

from ..core import schema
from ..core.errors import UnusableFile
from ..core.keys import find_sheet, header_key
from ..core.model import BookData, Record, Table
from ..core.schema import Column, Kind, TableSheet
from ..core.values import PARSED_KINDS, coerce, is_blank

Rows = Sequence[Sequence[Any]]
HEADER_SEARCH_ROWS = 10  # a title row or two above the header is tolerated


_HEADERS: dict[int, tuple[TableSheet, dict[str, Column]]] = {}


def _headers(spec: TableSheet) -> dict[str, Column]:
    """header key -> column, worked out once per spec (a roll-up parses the same few specs a thousand times)."""
    cached = _HEADERS.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = _HEADERS[id(spec)] = (spec, {header_key(c.header): c for c in spec.columns})
    return cached[1]


def _find_header_row(rows: Rows, spec: TableSheet) -> int | None:
    """0-based index of the row that holds most of the spec's headers, each counted once.

    The search stops at the first row that holds them all: no later row can hold more, and the rows below a
    header are data, whose cells would otherwise each be turned into a header key for nothing."""
    wanted = _headers(spec).keys()
    best, best_hits = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        hits = len(wanted & {header_key(cell) for cell in row if cell.__class__ is str})
        if hits > best_hits:
            best, best_hits = index, hits
            if hits == len(wanted):
                break
    return best


def parse_table(spec: TableSheet, rows: Rows, *, source: str = "", lenient: bool = False,
                only: Collection[str] | None = None) -> Table:
    """One table sheet. `lenient` tolerates missing headers (used for `Danh mục`'s calendar).

    With `only` (column keys), the records hold only those columns' values: the others are neither converted nor
    kept (`record.get` gives None for them, as for a blank cell: for a caller that reads nothing else, like the
    roll-up). The records are the same rows as a whole read: a row counts when any column has something in it,
    and `Table.columns` still lists every column found."""
    header_index = _find_header_row(rows, spec)
    if header_index is None:
        if lenient:
            return Table(spec=spec, columns={}, last_row=spec.header_row)
        raise UnusableFile(
            f"Trang tính “{spec.name}” không có dòng tiêu đề cột (cần các cột như “{spec.columns[0].header}”)."
        )
    header = rows[header_index]
    by_key = _headers(spec)
    columns: dict[str, int] = {}
    extra: dict[str, int] = {}
    for position, cell in enumerate(header, start=1):
        column = by_key.get(header_key(cell))
        if column is not None and column.key not in columns:
            columns[column.key] = position
        elif not is_blank(cell):
            extra[unicodedata.normalize("NFC", str(cell)).strip()] = position
    missing = [c.header for c in spec.columns if not (c.hidden or c.optional) and c.key not in columns]
    if missing and not lenient:
        names = ", ".join(f"“{h}”" for h in missing)
        raise UnusableFile(
            f"Trang tính “{spec.name}” thiếu cột {names} ở dòng tiêu đề {header_index + 1}: "
            "có thể tiêu đề cột đã bị đổi tên hoặc bị xóa; hãy sửa lại đúng tên cột."
        )
    found = list(columns)
    kept, numbers = _data_rows(rows, header_index + 1, [columns[key] - 1 for key in found])
    raw_columns = list(zip(*kept, strict=True)) if kept else [() for _ in found]
    keys = found if only is None else [key for key in found if key in only]
    if only is not None:
        raw_columns = [raw_columns[found.index(key)] for key in keys]
    # Column by column: each column's kind is looked at once, and its cells are converted in one comprehension.
    typed_cells: dict[int, dict[str, Any]] = {}  # index in `kept` -> what the person typed where reading changed it
    converted = []
    for key, raw_column in zip(keys, raw_columns, strict=True):
        values_column = _coerce_column(spec.column(key).kind, raw_column)
        converted.append(values_column)
        # NFD text made NFC, a number in a text column made text: see Record.raw (an unchanged text is the same object)
        # (the cells whose value is a new object other than None, an empty cell made blank, are picked out at C
        # speed; most columns have none)
        blank = repeat(None, len(values_column))
        for i in compress(count(), map(and_, map(is_not, values_column, raw_column), map(is_not, values_column, blank))):
            value, raw = values_column[i], raw_column[i]
            if isinstance(value, str) and value != raw:
                typed_cells.setdefault(i, {})[key] = raw
    rows_values = zip(*converted, strict=True) if converted else [() for _ in numbers]
    records = [Record(number, dict(zip(keys, values, strict=False)), typed_cells.get(i) or {})  # equal lengths by construction
               for i, (number, values) in enumerate(zip(numbers, rows_values, strict=True))]
    return Table(spec=spec, columns=columns, records=records, extra_headers=extra, last_row=max(len(rows), header_index + 1))


def _data_rows(rows: Rows, first: int, positions: list[int]) -> tuple[list[Sequence[Any]], list[int]]:
    """The cells at `positions` of each row from `first` (0-based) that has anything in them, and its Excel row number.

    A row is blank when each of those cells is empty or only spaces: `values.coerce` keeps such a cell blank (None or
    its spaces), whatever the column's kind, so the raw cells decide it without converting them first.
    """
    if not positions:
        return [], []
    width = max(positions) + 1
    if len(positions) == 1:
        only = positions[0]
        pick: Callable[[Sequence[Any]], Sequence[Any]] = lambda row: (row[only],)  # noqa: E731
    else:
        pick = itemgetter(*positions)
    kept: list[Sequence[Any]] = []
    numbers: list[int] = []
    for index in range(first, len(rows)):
        row = rows[index]
        cells = pick(row) if len(row) >= width else tuple(row[p] if p < len(row) else None for p in positions)
        if any(cells):
            for cell in cells:
                if not (cell is None or (isinstance(cell, str) and not cell.strip())):
                    break
            else:
                continue  # only spaces
        elif all(cell is None or isinstance(cell, str) for cell in cells):
            continue  # nothing at all (a 0 or False is a value)
        kept.append(cells)
        numbers.append(index + 1)
    return kept, numbers


def _coerce_column(kind: Kind, cells: Sequence[Any]) -> list[Any]:
    """`values.coerce` of each cell, with its common cases written out: no call per cell for blank or plain text."""
    if kind in PARSED_KINDS:
        return [None if cell is None or (cell.__class__ is str and not cell) else coerce(kind, cell) for cell in cells]
    nfc = unicodedata.normalize
    return [(nfc("NFC", cell) if cell[0] != "#" else coerce(kind, cell)) if cell.__class__ is str and cell
            else (None if cell is None or cell.__class__ is str else coerce(kind, cell)) for cell in cells]


@cache
def _settings_by_label() -> dict[str, schema.Setting]:
    return {header_key(s.label): s for s in schema.SETTINGS}


def parse_settings(rows: Rows) -> tuple[dict[str, Any], dict[str, int]]:
    """`Kế hoạch`: settings are found by their label in column A, wherever the row is."""
    by_label = _settings_by_label()
    settings: dict[str, Any] = {s.key: None for s in schema.SETTINGS}
    positions: dict[str, int] = {}
    for index, row in enumerate(rows):
        if not row:
            continue
        setting = by_label.get(header_key(row[0]))
        if setting is None or setting.key in positions:
            continue
        positions[setting.key] = index + 1
        settings[setting.key] = coerce(setting.kind, row[1] if len(row) > 1 else None)
    return settings, positions


def parse_lists(rows: Rows) -> dict[str, tuple[str, ...]]:
    """`Danh mục`: one list per column, header in row 1. A list whose column is gone keeps its defaults."""
    header = rows[0] if rows else []
    positions = {header_key(cell): i for i, cell in enumerate(header)}
    lists: dict[str, tuple[str, ...]] = {}
    for lookup_list in schema.LISTS:
        position = positions.get(header_key(lookup_list.header))
        if position is None:
            lists[lookup_list.key] = lookup_list.values
            continue
        seen: dict[str, None] = {}
        for row in rows[1:]:
            value = row[position] if position < len(row) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            if isinstance(value, str) and value.strip():
                seen.setdefault(unicodedata.normalize("NFC", value.strip()), None)
        lists[lookup_list.key] = tuple(seen)
    return lists


def book_from_sheets(
    source: str, sheets: Mapping[str, Rows], *, names: Sequence[str] | None = None, tables: Collection[str] | None = None,
    columns: Mapping[str, Collection[str]] | None = None,
) -> BookData:
    """Every sheet the schema needs, by name, as raw rows -> `BookData`.

    `names` are all the workbook's sheet names (default: those of `sheets`). With `tables` (TableSheet keys; see
    `sheets_for`), only those tables are parsed and `BookData.tables` holds only them: a job reading part of the
    book never pays for the rest, and never sees an empty table standing in for one it forgot to ask for.
    `Kế hoạch` and `Danh mục` are always read; the secretary's sheet only with the whole book. `columns` (TableSheet
    key -> column keys) keeps only those columns of those tables (see `parse_table`'s `only`).

    Raises `UnusableFile` naming the first missing sheet, or missing header of a parsed table.
    """
    names = list(sheets) if names is None else list(names)
    wanted = schema.DATA_SHEETS
    # Each sheet is fetched from `sheets` only when it is parsed, in `PARSE_ORDER`: the reader hands over a
    # mapping whose later sheets may still be being read (see `io.reader`).
    found: dict[str, str] = {}  # schema name -> the workbook's own name
    optional = {t.name for t in schema.TABLE_SHEETS if t.optional}
    for name in wanted:
        actual = find_sheet(names, name)
        if actual is None and name in optional:
            continue  # a workbook made before this sheet existed: read as an empty table
        if actual is None:
            raise UnusableFile(
                f"Tệp “{source}” không có trang tính “{name}”: đây không phải sổ Đối thoại, hoặc trang tính đã bị xóa hay đổi "
                               "tên."
            )
        if actual in sheets:
            found[name] = actual
    settings, settings_rows = parse_settings(sheets[found[schema.SETTINGS_SHEET]])
    conference = None
    conference_sheet = find_sheet(list(sheets), schema.CONFERENCE_SHEET)
    if conference_sheet is not None:  # optional: written by `conference-sheet` before the conference
        from .conference_sheet import parse_sheet  # the secretary's sheet, only when the workbook has one

        record_sheet = find_sheet(list(sheets), schema.CONFERENCE_RECORD_SHEET)
        conference = parse_sheet(sheets[conference_sheet], record=sheets[record_sheet] if record_sheet is not None else None)
    columns = columns or {}
    parsed = {spec.key: parse_table(spec, sheets[found[spec.name]], source=source, only=columns.get(spec.key))
              if spec.name in found
              else Table(spec=spec, columns={}, last_row=spec.header_row)
              for spec in schema.TABLE_SHEETS if tables is None or spec.key in tables}
    lists_rows = sheets[found[schema.LISTS_SHEET]]
    calendar = parse_table(schema.CALENDAR, lists_rows, source=source, lenient=True)
    return BookData(
        source=source,
        settings=settings,
        settings_rows=settings_rows,
        tables=parsed,
        lists=parse_lists(lists_rows),
        calendar=calendar,
        sheet_names=tuple(names),
        conference=conference,
    )


# Sheets `book_from_sheets` needs, for readers that want to read only those.
NEEDED_SHEETS: tuple[str, ...] = (*schema.DATA_SHEETS, schema.CONFERENCE_SHEET, schema.CONFERENCE_RECORD_SHEET)
# The order in which `book_from_sheets` takes its sheets: a reader that reads them one by one while the first are
# parsed reads them in this order.
PARSE_ORDER: tuple[str, ...] = (schema.SETTINGS_SHEET, schema.CONFERENCE_RECORD_SHEET, schema.CONFERENCE_SHEET,
                                *(t.name for t in schema.TABLE_SHEETS),
                                schema.LISTS_SHEET)


def in_parse_order(names: Sequence[str]) -> list[str]:
    """The workbook's sheet names sorted as `book_from_sheets` takes them (sheets it does not take last)."""
    rank = {header_key(name): position for position, name in enumerate(PARSE_ORDER)}
    return sorted(names, key=lambda name: rank.get(header_key(name), len(rank)))


def sheets_for(tables: Collection[str] | None) -> tuple[str, ...]:
    """The sheets `book_from_sheets` needs to build the given tables (TableSheet keys; None: the whole book)."""
    if tables is None:
        return NEEDED_SHEETS
    unknown = set(tables) - {t.key for t in schema.TABLE_SHEETS}
    if unknown:
        raise ValueError(f"no table sheet with key {sorted(unknown)}")
    return (schema.SETTINGS_SHEET, *(t.name for t in schema.TABLE_SHEETS if t.key in tables), schema.LISTS_SHEET)
