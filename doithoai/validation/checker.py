"""What every rule is handed: the book, the day it runs, the lookup lists indexed, and a place to put findings."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.keys import list_key
from ..core.model import ERROR, WARNING, BookData, Finding, Record, Table, column_letter
from ..core.phones import PhoneResult, normalize_phone
from ..core.text import shown
from ..core.values import as_date


@dataclass
class ListIndex:
    """One lookup list as the workbook holds it, ready for exact and accent-insensitive look-ups."""

    key: str
    header: str
    values: tuple[str, ...]
    allowed: frozenset[str] = frozenset()
    by_fold: dict[str, list[str]] = field(default_factory=dict)
    _close: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, key: str, values: tuple[str, ...]) -> ListIndex:
        by_fold: dict[str, list[str]] = {}
        for value in values:
            by_fold.setdefault(list_key(value), []).append(value)
        return cls(key, schema.lookup(key).header, values, frozenset(values), by_fold)

    def candidates(self, value: Any) -> list[str]:
        """List values equal to `value` once case, accents and spaces are ignored ("nu" -> ["Nữ"])."""
        if not isinstance(value, str):
            return []
        return self.by_fold.get(list_key(value), [])

    def closest(self, value: Any) -> str | None:
        """A near spelling ("Dat dia" -> "Đất đai") to suggest, never to apply."""
        if not isinstance(value, str) or not self.by_fold:
            return None
        key = list_key(value)
        if key not in self._close:
            match = difflib.get_close_matches(key, list(self.by_fold), n=1, cutoff=0.75)
            self._close[key] = self.by_fold[match[0]][0] if match else None
        return self._close[key]

    def suggestion(self, value: Any) -> str | None:
        """The one value a person most likely meant, if there is one."""
        found = self.candidates(value)
        if len(found) == 1:
            return found[0]
        return None if found else self.closest(value)


class Checker:
    """Collects findings for one run. Rules call `cell`, `setting` or `add`."""

    def __init__(self, book: BookData, today: dt.date) -> None:
        self.book = book
        self.today = today
        self.findings: list[Finding] = []
        self.lists = {key: ListIndex.build(key, values) for key, values in book.lists.items() if key in schema.LISTS_BY_KEY}
        self._phones: dict[Any, PhoneResult] = {}
        self._columns: dict[tuple[str, str], tuple[str, str]] = {}  # (sheet, key) -> (header, column letters)
        # Per table, for the rules that go column by column (the records do not change while the rules run).
        self._values: dict[int, tuple[Table, list[dict[str, Any]]]] = {}
        self._changed: dict[int, tuple[Table, list[Record]]] = {}

    # -- where findings go -------------------------------------------------------------------------

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def cell(self, table: Table, row: int, key: str, severity: str, code: str, message: str) -> None:
        """A finding at `key`'s cell of the record on Excel row `row` (the table's first column if `key` is absent)."""
        where = self._columns.get((table.name, key))
        if where is None:
            found = key if key in table.columns else next(iter(table.columns), None)
            where = self._columns[(table.name, key)] = (
                (table.spec.column(found).header, column_letter(table.columns[found])) if found else ("", "")
            )
        header, letters = where
        self.findings.append(Finding(table.name, row, header, f"{letters}{row}" if letters else "", severity, code, message))

    def error(self, table: Table, record: Record, key: str, code: str, message: str) -> None:
        self.cell(table, record.row, key, ERROR, code, message)

    def warning(self, table: Table, record: Record, key: str, code: str, message: str) -> None:
        self.cell(table, record.row, key, WARNING, code, message)

    def setting(self, key: str, severity: str, code: str, message: str) -> None:
        """A finding at a setting's value cell (`Kế hoạch` column B)."""
        label = schema.SETTINGS_BY_KEY[key].label
        row = self.book.settings_rows.get(key)
        address = f"B{row}" if row else ""
        self.findings.append(Finding(schema.SETTINGS_SHEET, row, label, address, severity, code, message))

    # -- shared look-ups ---------------------------------------------------------------------------

    @property
    def conference_date(self) -> dt.date | None:
        return as_date(self.book.settings.get("ngay_hoi_nghi"))

    @property
    def plan_date(self) -> dt.date | None:
        return as_date(self.book.settings.get("ngay_ke_hoach"))

    def folded(self, value: Any) -> str:
        """`keys.list_key` of a list value; "" for anything not text."""
        return list_key(value)

    def phone(self, value: Any) -> PhoneResult:
        """`normalize_phone`, once per value per run (the cell rule and the duplicate rule both ask)."""
        key = (value.__class__, value)
        found = self._phones.get(key)
        if found is None:
            found = self._phones[key] = normalize_phone(value)
        return found

    def values_of(self, table: Table) -> list[dict[str, Any]]:
        """`record.values` of each record of `table`, in order: rules that go column by column read them from here."""
        found = self._values.get(id(table))
        if found is None or found[0] is not table:
            found = self._values[id(table)] = (table, [record.values for record in table.records])
        return found[1]

    def changed_records(self, table: Table) -> list[Record]:
        """The records of `table` that reading changed (`record.raw` set), in order."""
        found = self._changed.get(id(table))
        if found is None or found[0] is not table:
            found = self._changed[id(table)] = (table, [record for record in table.records if record.raw])
        return found[1]

    def list_of(self, list_key: str) -> ListIndex | None:
        index = self.lists.get(list_key)
        return index if index is not None and index.values else None


def row_ref(table: Table, record: Record, key: str | None = None) -> str:
    """How a message names another row: "dòng 7" or "dòng 7 (P-003)"."""
    code = shown(record.values.get(key)) if key else ""
    return f"dòng {record.row} ({code})" if code else f"dòng {record.row}"
