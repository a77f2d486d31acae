"""What one office record looks like in the copy, and the fingerprint of a shared row. Pure.

`project_record` applies the privacy rules (`doithoai.domain.privacy`): the petitioner's address cut to the
residential group, the slip's phone masked, numbers, e-mail addresses and street addresses in free text
masked. Merge-back uses the same projection to tell what the committee changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from ..core.keys import code_key, code_text
from ..core.model import BookData, CellError, Record, Table, cell_address
from ..core.phones import mask_phone, normalize_phone
from ..core.schema import Kind, TableSheet
from ..core.text import clean, has_control_chars, strip_control
from ..core.values import coerce, is_blank
from ..domain.privacy import KIND_LABELS, mask_text, phone_digits, residential_group
from .spec import NOTE_KEYS, SHARED_PETITIONS, SHARED_SLIPS


@dataclass(frozen=True)
class MaskedCell:
    """A cell of the office's workbook whose text the copy masks (a phone, an ID number, an e-mail, a street address)."""

    sheet: str
    row: int  # Excel row in the office's workbook
    column: str  # header
    cell: str  # address in the office's workbook
    kind: str  # one of privacy.KIND_LABELS
    masked: str  # what the copy shows

    @property
    def description(self) -> str:
        return f"Trang “{self.sheet}”, ô {self.cell} ({self.column}): đã che {KIND_LABELS[self.kind]} thành {self.masked}"

    def to_dict(self) -> dict[str, Any]:
        keys = ("sheet", "row", "column", "cell", "kind", "masked")
        return {key: getattr(self, key) for key in keys}


@dataclass(frozen=True)
class StrippedCell:
    """A cell whose invisible control characters (U+0001, vertical tab…) the copy leaves out: an .xlsx cannot hold them."""

    sheet: str
    cell: str

    @property
    def description(self) -> str:
        return f"trang “{self.sheet}”, ô {self.cell}"


def masked_phone(value: Any) -> str | None:
    if is_blank(value):
        return None
    result = normalize_phone(value)
    if result.number:
        return mask_phone(result.number)
    digits = phone_digits(str(value))
    return mask_phone(digits) if digits else None


def slips_by_code(book: BookData) -> dict[str, Record]:
    slips: dict[str, Record] = {}
    for record in book.slips:
        key = code_key(record.get("ma_phieu"))
        if key:
            slips.setdefault(key, record)
    return slips


def _slip_area(record: Record) -> str | None:
    return residential_group(record.get("to_dan_pho"), record.get("dia_chi"))


def _petition_area(record: Record, slips: dict[str, Record]) -> str | None:
    area = residential_group(None, record.get("dia_chi"))
    if area:
        return area
    slip = slips.get(code_key(record.get("ma_phieu")))
    return _slip_area(slip) if slip is not None else None


def cell_value(value: Any) -> Any:
    """A value as the copy stores it: dates, numbers and booleans as they are, everything else as text
    without the control characters an .xlsx cannot hold."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        return str(value)
    if isinstance(value, (dt.date, int, float, bool)):
        return value
    return strip_control(str(value))


def compare_value(value: Any) -> Any:
    """A cell value as compared between a copy and the workbook (what re-saving may change is forgiven)."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return clean(strip_control(value))
    return value


def row_fingerprint(values: dict[str, Any]) -> str:
    """A short fingerprint of what a `Kiến nghị` row of the copy shows outside the two supervision columns.

    Taken when the copy is made and again from the returned copy: equal means the committee changed no
    locked cell of that row, whatever the office changed in its workbook since.
    """
    parts = []
    for column in SHARED_PETITIONS.columns:
        if column.key in NOTE_KEYS:
            continue
        value = compare_value(coerce(column.kind, values.get(column.key)))
        parts.append(value.isoformat() if isinstance(value, dt.date) else repr(value))
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


# How `project_record` shows each column of a shared sheet, decided once per sheet spec (specs are immutable
# schema constants) instead of once per cell: (key, how) in the sheet's order.
_TEXT, _CODE, _PETITION_AREA, _SLIP_AREA, _SLIP_PHONE = range(5)
_PLANS: dict[int, tuple[TableSheet, tuple[tuple[str, int], ...]]] = {}


def _plan(spec: TableSheet) -> tuple[tuple[str, int], ...]:
    found = _PLANS.get(id(spec))
    if found is not None and found[0] is spec:
        return found[1]
    plan = []
    for column in spec.columns:
        key = column.key
        if spec is SHARED_PETITIONS and key == "dia_chi":
            how = _PETITION_AREA
        elif spec is SHARED_SLIPS and key == "to_dan_pho":
            how = _SLIP_AREA
        elif spec is SHARED_SLIPS and key == "dien_thoai":
            how = _SLIP_PHONE
        elif column.kind is Kind.CODE:
            how = _CODE
        else:
            how = _TEXT
        plan.append((key, how))
    _PLANS[id(spec)] = (spec, tuple(plan))
    return tuple(plan)


def _office_address(table: Table, record: Record, key: str) -> str:
    office_column = table.columns.get(key)
    return cell_address(record.row, office_column) if office_column else ""


def project_record(
    book: BookData,
    spec: TableSheet,
    record: Record,
    slips: dict[str, Record] | None = None,
    stripped: list[StrippedCell] | None = None,
) -> tuple[dict[str, Any], list[MaskedCell]]:
    """The values one office record shows in the copy's sheet `spec`, and the cells in which text was masked.

    Cells whose control characters were left out are appended to `stripped` when it is given.
    """
    table = book.tables[spec.key]  # the shared specs keep their table's key
    values: dict[str, Any] = {}
    masked: list[MaskedCell] = []
    raws = record.values
    for key, how in _plan(spec):
        raw = raws.get(key)
        if raw is None and how <= _CODE:  # blank cells, about half of them
            values[key] = None
            continue
        if stripped is not None and isinstance(raw, str) and has_control_chars(raw):
            stripped.append(StrippedCell(table.spec.name, _office_address(table, record, key)))
        if how == _TEXT:
            value = raw
        elif how == _CODE:  # shown exactly as the share log records it, so merge-back finds it
            values[key] = code_text(raw) or None
            continue
        elif how == _PETITION_AREA:
            value = _petition_area(record, slips if slips is not None else slips_by_code(book))
        elif how == _SLIP_AREA:
            value = _slip_area(record)
        else:  # the slip's phone, masked already: not read as free text
            values[key] = cell_value(masked_phone(raw))
            continue
        if value.__class__ is str:  # most cells: `cell_value` inlined (printable text has no control character)
            if not value or value.isspace():
                values[key] = None
                continue
            if not value.isprintable():
                value = strip_control(value)
        else:
            value = cell_value(value)
            if not isinstance(value, str):
                values[key] = value
                continue
        value, found = mask_text(value)
        if found:
            header = table.spec.column(key).header
            address = _office_address(table, record, key)
            masked.extend(MaskedCell(table.spec.name, record.row, header, address, item.kind, item.masked) for item in found)
        values[key] = value
    return values, masked
