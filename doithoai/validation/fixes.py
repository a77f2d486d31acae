"""The safe fixes: changes to what people typed that cannot change its meaning.

Only these, and nothing else: Unicode NFC, trimmed and collapsed spaces, "Ð" -> "Đ", TCVN3/VNI text converted
to Unicode, a phone number written as 0xxxxxxxxx (+84, spaces, dots, the lost leading zero), a list value
that matches exactly one list entry once case and accents are ignored ("nu" -> "Nữ"), a birth year stored
as a number made text. A pre-2018 11-digit mobile number is only reformatted; its new number is suggested
by the validator, never written, because the person may have kept the old SIM's owner's number on paper.

Each fix is computed from what the cell holds, so applying them and planning again finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from ..core import schema
from ..core.model import BookData, CellWrite, ChangeSet, Record, Table
from ..core.phones import normalize_phone
from ..core.schema import Column, Kind
from ..core.text import has_control_chars, is_nfc, shown, without_control
from .cells import repaired_text, year_of
from .checker import ListIndex

FIX_LABELS = {
    "legacy_encoding": "chuyển bảng mã cũ sang Unicode",
    "nfd": "chuẩn hóa mã chữ (NFC)",
    "wrong_d": "sửa chữ “Ð” thành “Đ”",
    "spaces": "bỏ khoảng trắng thừa",
    "phone_format": "chuẩn hóa số điện thoại",
    "not_in_list": "chọn đúng giá trị trong danh sách",
    "year_as_text": "ghi năm sinh dạng chữ",
    "control_chars": "bỏ ký tự điều khiển không in được",
}


@dataclass(frozen=True)
class Fix:
    sheet: str
    row: int
    column_index: int  # 1-based
    column: str  # header (or the setting's label)
    cell: str
    old: Any
    new: Any
    code: str  # a key of FIX_LABELS
    number_format: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["column_index"], data["number_format"]
        return data

    @property
    def description(self) -> str:
        """One Vietnamese line: where, what was there, what is there now."""
        new = "(để trống)" if self.new is None else f"“{shown(self.new)}”"
        return f"{self.sheet}!{self.cell} ({self.column}): “{shown(self.old)}” → {new} ({FIX_LABELS.get(self.code, self.code)})"


def plan_fixes(book: BookData) -> list[Fix]:
    """Every safe fix the book needs, in reading order."""
    lists = {key: ListIndex.build(key, values) for key, values in book.lists.items() if key in schema.LISTS_BY_KEY and values}
    fixes = list(_settings_fixes(book, lists))
    for table in (*book.tables.values(), book.calendar):
        for key, position in table.columns.items():
            column = table.spec.column(key)
            if column.computed or column.kind in (Kind.DATE, Kind.INT, Kind.TIME, Kind.MONEY):
                continue
            index = lists.get(column.list_key) if column.list_key else None
            for record in table.records:
                found = _fix_value(column, record.values.get(key), record.raw.get(key), index)
                if found is not None:
                    new, code = found
                    fixes.append(
                        Fix(table.name, record.row, position, column.header, table.address(key, record.row),
                            record.raw.get(key, record.values.get(key)), new, code,
                            column.number_format if column.kind in (Kind.PHONE, Kind.YEAR) else None)
                    )
    return fixes


def fix_changes(fixes: list[Fix]) -> ChangeSet:
    cells = [CellWrite(f.sheet, f.row, f.column_index, f.new, f.number_format) for f in fixes]
    return ChangeSet(cells=cells, allow_user_cells=True)


def apply_to_book(book: BookData, fixes: list[Fix]) -> None:
    """Put the fixed values into `book` as a re-read file would show them (to re-validate without re-reading)."""
    tables: dict[str, Table] = {t.name: t for t in (*book.tables.values(), book.calendar)}
    by_row: dict[tuple[str, int], Record] = {}
    for table in tables.values():
        for record in table.records:
            by_row[(table.name, record.row)] = record
    settings_by_row = {row: key for key, row in book.settings_rows.items()}
    for fix in fixes:
        if fix.sheet == schema.SETTINGS_SHEET:
            key = settings_by_row.get(fix.row)
            if key is not None:
                book.settings[key] = fix.new
            continue
        fixed_table, fixed_record = tables.get(fix.sheet), by_row.get((fix.sheet, fix.row))
        if fixed_table is None or fixed_record is None:
            continue
        key = next((k for k, p in fixed_table.columns.items() if p == fix.column_index), None)
        if key is not None:
            fixed_record.values[key] = fix.new
            fixed_record.raw.pop(key, None)


def _fix_value(column: Column, value: Any, raw: Any, index: ListIndex | None) -> tuple[Any, str] | None:
    """(new value, code) when the value has a safe fix, else None."""
    if value is None or isinstance(value, bool):
        return None
    kind = column.kind
    if kind is Kind.PHONE:
        result = normalize_phone(value)
        if result.kind in ("mobile", "landline", "old_mobile") and result.number and result.number != value:
            return result.number, "phone_format"
    if kind is Kind.YEAR and isinstance(raw, (int, float)) and not isinstance(raw, bool) and year_of(value) is not None:
        return value, "year_as_text"
    if not isinstance(value, str):
        return None
    control = has_control_chars(value)
    new, encoding = repaired_text(without_control(value) if control else value)
    if index is not None and new not in index.allowed:
        candidates = index.candidates(new)
        if len(candidates) == 1:
            return candidates[0], "not_in_list"
    decomposed = (isinstance(raw, str) and raw != value) or not is_nfc(value)
    if (new == value and not decomposed) or new.startswith("="):
        # Nothing to do; or the text looks like a formula: the validator points at it and a person decides.
        return None
    if control:
        code = "control_chars"
    elif encoding:
        code = "legacy_encoding"
    elif ("Ð" in value and "Ð" not in new) or ("ð" in value and "ð" not in new):
        code = "wrong_d"
    elif decomposed:
        code = "nfd"
    else:
        code = "spaces"
    return (new or None), code


def _settings_fixes(book: BookData, lists: dict[str, ListIndex]) -> Iterator[Fix]:
    for setting in schema.SETTINGS:
        row = book.settings_rows.get(setting.key)
        value = book.settings.get(setting.key)
        if row is None or not isinstance(value, str) or setting.kind in (Kind.DATE, Kind.INT, Kind.TIME):
            continue
        column = Column(setting.key, setting.label, Kind.LIST if setting.list_key else setting.kind, list_key=setting.list_key)
        found = _fix_value(column, value, None, lists.get(setting.list_key) if setting.list_key else None)
        if found is not None:
            new, code = found
            yield Fix(schema.SETTINGS_SHEET, row, 2, setting.label, f"B{row}", value, new, code)
