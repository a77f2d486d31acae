"""The share log on the office's workbook: which copies were made, which petitions each held, and how each row looked.

The tool-owned sheet `schema.SHARE_LOG_SHEET` holds **one row per shared petition** (export id, time, file
name, number of petitions, the petition's code, the fingerprint of its row in the copy); a copy of a
workbook without petitions has one row with no code. No cell grows with the number of petitions, so no
cell limit (Excel's 32,767 characters) can cut it.

Logs written before (one row per copy, every code in one cell separated by ", ", every fingerprint in
another after the word "v1") are still read; the next `share` rewrites them in the new layout. A copy made
from a workbook whose log did not record codes at all (the oldest logs) keeps `codes=None` through that
rewrite: its row carries `NOT_RECORDED` as fingerprint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core import schema
from ..core.keys import code_key, find_sheet, header_key
from ..core.model import BookData, ChangeSet, SheetWrite
from ..core.text import cell_text
from ..core.values import is_blank
from ..io.access import WorkbookAccess

FINGERPRINT_VERSION = "v1"
CREATED_FORMAT = "%d/%m/%Y %H:%M"
NOT_RECORDED = "-"  # fingerprint cell of a copy whose codes the old log did not record
# The header of the logs written before one row per petition (a cell limit cut them past ~3,000 petitions).
OLD_HEADER = ("Mã bản chia sẻ", "Thời điểm tạo", "Tên tệp", "Số kiến nghị", "Mã kiến nghị đã chia sẻ", "Dấu kiểm tra từng dòng")
LOG_WIDTHS = (24, 18, 48, 12, 18, 14)


def _parse_created(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, CREATED_FORMAT)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class LogEntry:
    export_id: str
    created: str
    file_name: str
    count: int | None
    codes: tuple[str, ...] | None  # petition codes the copy holds (None: not recorded)
    fingerprints: tuple[str, ...] | None = None  # `row_fingerprint` of each, in the same order

    def rows(self) -> list[list[Any]]:
        """This copy's rows on the log: one per petition code (the export's own cells repeated)."""
        created: Any = _parse_created(self.created) or self.created
        head = [self.export_id, created, self.file_name, self.count]
        if self.codes is None:
            return [head + [None, NOT_RECORDED]]
        if not self.codes:
            return [head + [None, None]]
        prints: Sequence[str | None] = self.fingerprints or ()
        if len(prints) != len(self.codes):
            prints = [None] * len(self.codes)
        return [head + [code, fingerprint] for code, fingerprint in zip(self.codes, prints, strict=True)]

    def fingerprint_of(self) -> dict[str, str]:
        """code_key -> fingerprint, empty when not recorded or not matching the codes."""
        if not self.codes or not self.fingerprints or len(self.codes) != len(self.fingerprints):
            return {}
        return {code_key(c): f for c, f in zip(self.codes, self.fingerprints, strict=True)}


def _header(rows: Sequence[Sequence[Any]], wanted: Sequence[str]) -> tuple[int, dict[str, int]] | None:
    keys = [header_key(h) for h in wanted]
    for index, row in enumerate(rows[:10]):
        found = {header_key(cell): i for i, cell in enumerate(row) if header_key(cell) in keys}
        if keys[0] in found and (keys[4] in found or wanted is OLD_HEADER):
            return index, found
    return None


class _Row:
    def __init__(self, row: Sequence[Any], positions: dict[str, int], wanted: Sequence[str]) -> None:
        self.row, self.positions, self.keys = row, positions, [header_key(h) for h in wanted]

    def __getitem__(self, position: int) -> Any:
        i = self.positions.get(self.keys[position])
        return self.row[i] if i is not None and i < len(self.row) else None

    def has(self, position: int) -> bool:
        return self.keys[position] in self.positions


def _created(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime(CREATED_FORMAT)
    return str(value or "")


def _count(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _parse_new(rows: Sequence[Sequence[Any]], start: int, positions: dict[str, int]) -> list[LogEntry]:
    order: list[str] = []
    heads: dict[str, _Row] = {}
    codes: dict[str, list[str]] = {}
    prints: dict[str, list[str]] = {}
    unrecorded: set[str] = set()
    for raw in rows[start:]:
        row = _Row(raw, positions, schema.SHARE_LOG_HEADER)
        if is_blank(row[0]):
            continue
        export_id = cell_text(row[0])
        if export_id not in heads:
            order.append(export_id)
            heads[export_id] = row
            codes[export_id], prints[export_id] = [], []
        if is_blank(row[4]):
            if cell_text(row[5]) == NOT_RECORDED:
                unrecorded.add(export_id)
            continue
        codes[export_id].append(cell_text(row[4]))
        prints[export_id].append(cell_text(row[5]))
    entries = []
    for export_id in order:
        head = heads[export_id]
        fingerprints = tuple(prints[export_id])
        entries.append(
            LogEntry(
                export_id=export_id,
                created=_created(head[1]),
                file_name=str(head[2] or ""),
                count=_count(head[3]),
                codes=None if export_id in unrecorded else tuple(codes[export_id]),
                fingerprints=fingerprints if fingerprints and all(fingerprints) else None,
            )
        )
    return entries


def _parse_old(rows: Sequence[Sequence[Any]], start: int, positions: dict[str, int]) -> list[LogEntry]:
    entries = []
    for raw in rows[start:]:
        row = _Row(raw, positions, OLD_HEADER)
        if is_blank(row[0]):
            continue
        codes_text = row[4]
        codes = None
        if isinstance(codes_text, str) and codes_text.strip():
            codes = tuple(c.strip() for c in codes_text.split(",") if c.strip())
        elif row.has(4):
            codes = ()
        prints_text = row[5]
        fingerprints = None
        if isinstance(prints_text, str) and prints_text.split()[:1] == [FINGERPRINT_VERSION]:
            fingerprints = tuple(prints_text.split()[1:])
        entries.append(LogEntry(cell_text(row[0]), _created(row[1]), str(row[2] or ""), _count(row[3]), codes, fingerprints))
    return entries


def parse_log(rows: Sequence[Sequence[Any]] | None) -> list[LogEntry]:
    """The log's entries, oldest first, from its raw rows in either layout."""
    if not rows:
        return []
    found = _header(rows, schema.SHARE_LOG_HEADER)
    if found is not None:
        return _parse_new(rows, found[0] + 1, found[1])
    found = _header(rows, OLD_HEADER)
    if found is not None:
        return _parse_old(rows, found[0] + 1, found[1])
    return []


def read_log(access: WorkbookAccess, book: BookData) -> list[LogEntry] | None:
    """The copies made from this workbook, oldest first; None when it has no share log yet."""
    name = find_sheet(book.sheet_names, schema.SHARE_LOG_SHEET)
    if name is None:
        return None
    return parse_log(access.read_sheet(name))


def log_changes(entries: Sequence[LogEntry]) -> ChangeSet:
    rows: list[list[Any]] = [list(schema.SHARE_LOG_HEADER)]
    for entry in entries:
        rows.extend(entry.rows())
    return ChangeSet(sheets=[SheetWrite(name=schema.SHARE_LOG_SHEET, rows=rows, widths=list(LOG_WIDTHS))])
