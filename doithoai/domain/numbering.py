"""Documents' numbers and symbols, as Decree 30/2020 and HD 36-HD/VPTW write them: "12/BC-UBND" (government), "12-BC/ĐU"
(Party); reading a number back from what a clerk typed ("Số: 150/UBND-VP", " 150 / ubnd-vp", a bare "150").

Below the documents so that the facts (the next answer-letter number), the carry-over and the documents' issuing body
(`documents.issuer`, which re-exports these names) share one grammar without importing one another. A kind's type
abbreviation comes from the registry's symbol (`domain.kinds`, stdlib only). Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from ..core.text import safe_text as _clean
from .conference_settings import is_party
from .kinds import spec_of

GOVERNMENT_BODY, PARTY_BODY = "UBND", "ĐU"
OFFICIAL_LETTER = "CV"  # the Party's type for an official letter; government letters carry the office's symbol instead


def body_symbol(settings: Mapping[str, Any]) -> str:
    """"UBND" or "ĐU": the issuing body's part of every number."""
    return _clean(settings.get("ky_hieu_co_quan")).replace(" ", "") or (PARTY_BODY if is_party(settings) else GOVERNMENT_BODY)


def type_symbol(kind: str) -> str | None:
    """The registry's symbol as a type: "BC", "GM", "TB"; OFFICIAL_LETTER for a letter; None: no number at all."""
    spec = spec_of(kind)
    symbol = spec.symbol if spec else ""
    if not symbol:
        return None
    head = symbol.split("-")[0].split("/")[0].strip()
    return OFFICIAL_LETTER if head.upper() in ("UBND", "CV", "") else head


def symbol_for(settings: Mapping[str, Any], kind: str) -> str:
    """What follows the number: "BC-UBND" / "UBND-VP" (government), "BC/ĐU" / "CV/ĐU" (Party). "" for unnumbered kinds."""
    kind_type = type_symbol(kind)
    if kind_type is None:
        return ""
    body = body_symbol(settings)
    spec = spec_of(kind)
    if spec is not None and spec.symbol_setting:  # the letters' own `Ký hiệu văn bản trả lời`, when typed
        typed = _clean(settings.get(spec.symbol_setting)).replace(" ", "")
        if typed:
            return typed
    if is_party(settings):
        return f"{kind_type}/{body}"
    return f"{body}-VP" if kind_type == OFFICIAL_LETTER else f"{kind_type}-{body}"


def join_number(settings: Mapping[str, Any], number: int | str, symbol: str) -> str:
    """12 + "BC-UBND" -> "12/BC-UBND"; Party: 12 + "BC/ĐU" -> "12-BC/ĐU"."""
    return f"{number}-{symbol}" if is_party(settings) else f"{number}/{symbol}"


NUMBER_WORD = re.compile(r"^\s*số\s*:?\s*", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"[0-9]+")
_NUMBER_AND_SYMBOL = re.compile(r"\s*(\d+)\s*[/-]\s*(.+?)\s*")


def number_of(settings: Mapping[str, Any], text: Any, symbol: str) -> int | None:
    """150 for "150/UBND-VP" (or "150-CV/ĐU" in a Party workbook) when the symbol matches, case and spaces aside, also
    typed "Số: 150/UBND-VP"; 150 for a bare "150" too (the series' own number, as `number_text` gives it the
    symbol); None otherwise (another symbol: another series)."""
    value = NUMBER_WORD.sub("", unicodedata.normalize("NFC", _clean(text)))
    if _BARE_NUMBER.fullmatch(value):
        return int(value)
    match = _NUMBER_AND_SYMBOL.fullmatch(value)
    if match and match.group(2).replace(" ", "").casefold() == symbol.replace(" ", "").casefold():
        return int(match.group(1))
    return None
