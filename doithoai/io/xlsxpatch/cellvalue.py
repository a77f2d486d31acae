"""The one encoding of a Python value into a worksheet cell, for both writers of cells (`cells.py` patching a
sheet, `sheetxml.py` building one).

Decisions, kept from the openpyxl writer and sharpened:
- Text is ALWAYS an inline string (`t="inlineStr"`), never a formula or an error: "=KN-001" or "#N/A" typed by a
  person stays that text. It first goes through `core.text.clean_text` (control characters the format forbids dropped,
  Word's line/page breaks made line breaks). Excel reads `_xHHHH_` inside any string as an escaped character, so a
  literal "_x0041_" is written as "_x005F_x0041_" (what Excel itself writes; calamine and Excel read the text back
  exactly; openpyxl does not unescape inline strings). A carriage return is written as `&#13;` so XML parsing keeps it.
- int/float are numbers written with `repr` (round-trips exactly); NaN and infinities are refused (ValueError).
  Other real numbers (numpy's, Decimal) are written as their float, as openpyxl did.
  bool is `t="b"`.
- A date or datetime is Excel's serial day (`values.EXCEL_EPOCH`, with Excel's fictitious 29/02/1900 accounted for
  like Excel and openpyxl do) and needs a date number format: `encode` says which (schema.DATE_FORMAT for a date,
  DATETIME_FORMAT for a datetime) and the caller gives the cell a date style unless it already has one. A date
  outside `values.DATE_MIN..DATE_MAX` is written as its dd/mm/yyyy text: Excel cannot show a date before 1900, and
  reading (values.parse_date) treats one outside those bounds as text anyway. A time of day is a fraction of a day
  with TIME_FORMAT.
- None, and text that is empty (once cleaned), is an empty cell: no value, style kept (openpyxl read such a cell
  back as None too).
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
import sys
from typing import TYPE_CHECKING, Any

from ...core import schema
from ...core.text import clean_text
from ...core.values import DATE_MAX, DATE_MIN, EXCEL_EPOCH, format_date

if TYPE_CHECKING:
    from .order import Element

DATETIME_FORMAT = "dd/mm/yyyy hh:mm"  # the office's day first; the value keeps its seconds
TIME_FORMAT = "hh:mm"
INLINE = "inlineStr"
BOOLEAN = "b"

_ESCAPED = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")  # every underscore that starts an escape, overlapping ones too
_FICTITIOUS_LEAP_DAY = dt.date(1900, 3, 1)

Encoded = tuple[str | None, str | None, str | None]  # (t attribute, text of <v> or <t>, number format a date needs)


def excel_text(value: str) -> str:
    """`value` as Excel must find it in a string item: literal `_xHHHH_` sequences escaped."""
    return _ESCAPED.sub("_x005F_", value) if "_x" in value else value


def xml_escape(text: str) -> str:
    """Character data for an XML element: & < > escaped, a carriage return as a character reference."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def xml_attribute(text: str) -> str:
    """A value for a double-quoted XML attribute: characters no XML may hold dropped (as `clean_text` does), line
    breaks and tabs as references so parsing keeps them."""
    text = clean_text(text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))


def serial(value: dt.date) -> float | int:
    """Excel's serial number of a date or datetime (1900 date system)."""
    day = value.date() if isinstance(value, dt.datetime) else value
    days = (day - EXCEL_EPOCH).days
    if day < _FICTITIOUS_LEAP_DAY:  # Excel counts a 29/02/1900 that never was: earlier serials are one less
        days -= 1
    if isinstance(value, dt.datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return days + seconds / 86400 if seconds else days
    return days


def _number(value: float | int) -> str:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be stored in an Excel cell")
        return repr(value)
    return str(value)


def _is_decimal(value: Any) -> bool:
    """A `decimal.Decimal` (not a `numbers.Real`): none can exist unless `decimal` was imported, which the
    roll-up and the commands never do themselves (4 ms of every start)."""
    module = sys.modules.get("decimal")
    return module is not None and isinstance(value, module.Decimal)


def encode(value: Any) -> Encoded:
    """(t, text, date_format) for one cell. t: None for a number or an empty cell, "b" or "inlineStr". text: the
    unescaped content of <v> (number, bool as "0"/"1") or of <is><t> (text), None for an empty cell. date_format: the
    number format the cell needs for a date/time value, None otherwise."""
    kind = value.__class__
    if value is None:
        return None, None, None
    if kind is int:  # the common cases first: a sheet of 4,000 rows encodes ~25,000 values
        return None, str(value), None
    if isinstance(value, str):
        text = clean_text(str(value))
        return (INLINE, excel_text(text), None) if text else (None, None, None)
    if isinstance(value, bool):
        return BOOLEAN, "1" if value else "0", None
    if isinstance(value, (int, float)):
        return None, _number(value), None
    if isinstance(value, numbers.Integral):  # numpy's integers, as openpyxl accepted them
        return None, str(int(value)), None
    if isinstance(value, numbers.Real) or _is_decimal(value):
        return None, _number(float(value)), None
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if not DATE_MIN <= day <= DATE_MAX:
            return INLINE, format_date(day), None
        return None, _number(serial(value)), DATETIME_FORMAT if isinstance(value, dt.datetime) else schema.DATE_FORMAT
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return None, _number(seconds / 86400), TIME_FORMAT
    raise TypeError(f"cannot write a {type(value).__name__} into an Excel cell")


def inner_xml(t: str | None, text: str | None, prefix: str = "") -> str:
    """The children of <c> for an encoded value (no <f>): `<v>…</v>` or `<is><t xml:space="preserve">…</t></is>`.
    `prefix` is the part's prefix for the spreadsheet namespace with its colon ("x:"), "" for a default namespace."""
    if text is None:
        return ""
    if t == INLINE:
        return f'<{prefix}is><{prefix}t xml:space="preserve">{xml_escape(text)}</{prefix}t></{prefix}is>'
    return f"<{prefix}v>{text}</{prefix}v>"


def cell_xml(ref: str, value: Any, style: int = 0) -> tuple[str, str | None]:
    """A whole `<c>` element (default namespace) for `value` at `ref` with cellXfs index `style`, and the date format
    the value needs (the caller picks the style accordingly before calling, or calls again)."""
    t, text, date_format = encode(value)
    s = f' s="{style}"' if style else ""
    if text is None:
        return f'<c r="{ref}"{s}/>', None
    kind = f' t="{t}"' if t else ""
    return f'<c r="{ref}"{s}{kind}>{inner_xml(t, text)}</c>', date_format


def set_cell(cell: Element, value: Any) -> str | None:
    """Give an lxml <c> element `value`: its old value, formula and type go, its `s` and `r` stay. Returns the date
    format the value needs (None when not a date): the caller derives a date style when the cell's is not one."""
    from lxml import etree

    t, text, date_format = encode(value)
    for child in list(cell):
        name = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else None
        if name in ("f", "v", "is"):
            cell.remove(child)
    if "t" in cell.attrib:
        del cell.attrib["t"]
    if "cm" in cell.attrib:  # cell metadata (dynamic arrays) belonged to the formula that is gone
        del cell.attrib["cm"]
    if "vm" in cell.attrib:
        del cell.attrib["vm"]
    if text is None:
        return None
    namespace = etree.QName(cell).namespace
    tag = (lambda name: f"{{{namespace}}}{name}") if namespace else (lambda name: name)
    if t is not None:
        cell.set("t", t)
    position = _value_position(cell)
    if t == INLINE:
        inline = etree.Element(tag("is"))
        leaf = etree.SubElement(inline, tag("t"))
        leaf.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        leaf.text = text
        cell.insert(position, inline)
    else:
        number = etree.Element(tag("v"))
        number.text = text
        cell.insert(position, number)
    return date_format


def _value_position(cell: Element) -> int:
    """<c>'s children are f, v, is, extLst in that order: a new value goes before an extLst."""
    for index, child in enumerate(cell):
        if isinstance(child.tag, str) and child.tag.rpartition("}")[2] == "extLst":
            return index
    return len(cell)
