"""Petitions carried over from the last conference: the note `new --from` writes and reading it back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .rows import Row, text_of

# --------------------------------------------------------------------------------------------------
# Carried petitions (issue 24): a matter the last conference left open, raised there and not at this one.
#
# `new --from` records where a carried petition came from in `Kết quả, hướng giải quyết`, in one fixed sentence the
# tool writes and reads back (`carry_note`, `carried_from`): the earlier conference's day, its workbook and the code.
# The answer letter says the matter was raised at that conference, not at this one; no signed document prints the
# sentence itself (`direction` is the cell without it).

CARRIED_PREFIX = "Chuyển từ kỳ trước"
_CARRIED = re.compile(r"\s*Chuyển từ kỳ trước(?:: nêu tại hội nghị ngày (?P<day>\d{1,2}/\d{1,2}/\d{4}))?"
                      r"(?: \(sổ “(?P<book>[^”]*)”\))?, mã cũ (?P<code>.+?)\.(?=\s|$)\s*")


@dataclass(frozen=True)
class Carried:
    """Where a carried petition was raised: the earlier conference's day (None when it was not recorded), its
    workbook's file name and the code it had there."""

    raised: Any  # datetime.date | None
    book: str
    code: str


def carry_note(raised: Any, book: str, code: str) -> str:
    """The sentence `new --from` writes: "Chuyển từ kỳ trước: nêu tại hội nghị ngày 20/06/2024 (sổ “a.xlsm”), mã cũ
    KN-002." (`raised` a date or None)."""
    from ...core.values import format_date

    day = f": nêu tại hội nghị ngày {format_date(raised)}" if raised else ""
    where = f" (sổ “{book}”)" if book else ""
    return f"{CARRIED_PREFIX}{day}{where}, mã cũ {code}."


def carried_from(petition: Row) -> Carried | None:
    """The first carry note in the petition's `Kết quả, hướng giải quyết` (a matter carried twice was raised at the
    first conference), or None for a petition raised at this conference."""
    from ...core.values import parse_date

    value = petition.get("ket_qua")
    match = _CARRIED.search(value) if isinstance(value, str) and CARRIED_PREFIX in value else None
    if match is None:
        return None
    return Carried(parse_date(match.group("day")) if match.group("day") else None, match.group("book") or "",
                   match.group("code").strip())


def direction(petition: Row) -> str:
    """`Kết quả, hướng giải quyết` as a document prints it: the office's words without the tool's carry notes."""
    value = text_of(petition.get("ket_qua"))
    if CARRIED_PREFIX not in value:
        return value
    return " ".join(_CARRIED.sub(" ", value).split())
