"""One definition of identity: when two cells mean the same code, list value, header or person. Stdlib only.

Every engine (validation, deadlines, the documents, the MTTQ copy and its merge-back, intake, roll-up) compares
through these keys, so they can never disagree about which rows belong together. If you need "are these the
same?", call a key here; do not write another comparison.

Codes (`code_key`: petition, slip, letter codes), decided once:
- case does not matter ("kn-001" is "KN-001");
- NFC, and "Ð" (U+00D0, a common mis-conversion) is "Đ";
- whitespace anywhere is ignored (" KN-001 ", "KN - 001", "KN-\u00a0001" are "KN-001"), as are zero-width and
  control characters;
- every dash variant (‐ ‑ ‒ – — ― − ﹣ －) is "-" ("KN–001" from Word's autocorrect is "KN-001");
- a number is its digits: the number 1.0 and the text "1.0" are the code "1" (a numeric code stored as a float);
- nothing else is forgiven: "KN001" and "KN-001", "KN-1" and "KN-001" are different codes, so a link typed that way
  is a broken link the validator reports; it is never matched by guesswork and never silently dropped.
- a blank (None, "", spaces), a TRUE/FALSE or an Excel error is no code: `code_key` returns "".

List values (`list_key`): case, spaces and accents ignored ("chu tri" is "Chủ trì"). The validator separately
insists on the list's exact spelling (and offers the safe fix), so this only decides what an engine does with a
value the validator has already flagged: every engine does the same thing.

Headers, sheet names and setting labels (`header_key`): NFC, "Ð" is "Đ", case ignored, spaces collapsed; accents
count ("Mã phiếu" is not "Ma phieu").

People's names (`name_key`): NFC, "Ð" is "Đ", case and spacing ignored, and the old and new tone placement are equal
("Hoà" is "Hòa", "Thuý" is "Thúy"); other accents count ("Hùng" is not "Hưng"): two people, not one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .model import CellError
from .text import clean, fix_d, fold, strip_control, tone_normalize

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Dashes become "-"; zero-width, soft hyphen, BOM and control characters go. Whitespace goes with str.split().
_CODE_TABLE = {ord(c): "-" for c in _DASHES} | {
    c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0), 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)
}
_ZERO_FRACTION = re.compile(r"^(\d+)\.0+$")
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def code_key(value: Any) -> str:
    """The identity of a code (see the module docstring): "" when the cell holds no code."""
    if value.__class__ is str:
        return _text_code_key(value)
    if value is None or isinstance(value, (bool, CellError)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _text_code_key(str(value))


@lru_cache(maxsize=1 << 16)  # codes repeat down the sheets (every assignment names its petition)
def _text_code_key(text: str) -> str:
    key = "".join(text.translate(_CODE_TABLE).split())
    if not key.isascii():
        key = unicodedata.normalize("NFC", fix_d(unicodedata.normalize("NFC", key)).casefold())
    else:
        key = key.casefold()
    match = _ZERO_FRACTION.match(key)
    return match.group(1) if match else key


def code_text(value: Any) -> str:
    """A code as messages, documents and the MTTQ copy write it: clean text on one line, a whole number without ".0"."""
    if value.__class__ is str and value.isascii() and value.isprintable():
        return " ".join(value.split())  # "KN-001": what the general path below gives, without its NFC and regexes
    if value is None or isinstance(value, (bool, CellError)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(clean(strip_control(str(value))).split())


def list_key(value: Any) -> str:
    """The identity of a list value: accents, case and spaces ignored; "" for anything that is not text."""
    return _list_key(value) if isinstance(value, str) else ""


@lru_cache(maxsize=4096)  # a list value repeats down a whole column
def _list_key(text: str) -> str:
    return fold(text)


def header_key(text: Any) -> str:
    """The identity of a header, sheet name or setting label; "" for anything that is not text."""
    return _header_key(text) if isinstance(text, str) else ""


@lru_cache(maxsize=4096)  # the same headers, sheet names and labels are looked up in every workbook read
def _header_key(text: str) -> str:
    return " ".join(fix_d(unicodedata.normalize("NFC", text)).split()).casefold()


def find_sheet(names: Sequence[str], wanted: str) -> str | None:
    """The workbook's own spelling of the sheet `wanted` among `names` (its `header_key`: NFD, case and stray spaces
    forgiven), or None. The reader, the writer and the package patcher all find sheets through this."""
    key = header_key(wanted)
    for name in names:
        if header_key(name) == key:
            return name
    return None


def name_key(value: Any) -> str:
    """The identity of a person's (or an organisation's) name; "" for anything that is not text."""
    if not isinstance(value, str):
        return ""
    return _name_key(value)


@lru_cache(maxsize=1 << 14)
def _name_key(text: str) -> str:
    return " ".join(tone_normalize(clean(text)).casefold().split())


def same_code(a: Any, b: Any) -> bool:
    key = code_key(a)
    return bool(key) and key == code_key(b)


def same_name(a: Any, b: Any) -> bool:
    key = name_key(a)
    return bool(key) and key == name_key(b)


def new_codes(existing: list[Any], count: int, default_prefix: str = "KN-") -> list[str]:
    """`count` codes after the highest one of the most common prefix: KN-080 -> KN-081, KN-082…"""
    prefixes: dict[str, tuple[int, int, int]] = {}  # prefix -> (how many, highest number, widest digits)
    taken = set()
    for value in existing:
        text = code_text(value)
        taken.add(code_key(text))
        match = _NUMBERED.match(text)
        if match:
            prefix, digits = match.group(1), match.group(2)
            many, high, wide = prefixes.get(prefix, (0, 0, 0))
            prefixes[prefix] = (many + 1, max(high, int(digits)), max(wide, len(digits)))
    if prefixes:
        prefix = max(prefixes, key=lambda p: (prefixes[p][0], p))
        _, high, wide = prefixes[prefix]
    else:
        prefix, high, wide = default_prefix, 0, 3
    codes: list[str] = []
    number = high
    while len(codes) < count:
        number += 1
        code = f"{prefix}{number:0{wide}d}"
        if code_key(code) not in taken:
            codes.append(code)
    return codes
