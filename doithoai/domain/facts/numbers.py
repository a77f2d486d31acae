"""The answer letters' numbers: a letter's number and the next one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ...core.values import INT_LIMIT
from ..numbering import number_of, symbol_for
from .rows import Row

# --------------------------------------------------------------------------------------------------
# Numbers


def letter_number(settings: Mapping[str, Any], value: Any, symbol: str | None = None) -> int | None:
    """The number an answer letter's `Số văn bản trả lời` holds in the letters' series (`numbering.number_of`):
    150 for "150/UBND-VP" however it is spaced or cased, with "Số:" before it, or a bare 150 (the series' number
    without its symbol); None for a number of another series (another symbol) and for no number. `symbol`: the
    letters' symbol when the caller already has it."""
    try:
        number = number_of(settings, value, symbol_for(settings, "letters") if symbol is None else symbol)
    except ValueError:  # more digits than Python converts (4,300)
        return None
    # Bounded as the reader bounds numbers (values.INT_LIMIT): "10^30/UBND" is a typing slip, not a number to continue.
    return number if number is not None and number <= INT_LIMIT else None


def next_letter_number(settings: Mapping[str, Any], petitions: Iterable[Row]) -> int:
    """The number the next new answer letter takes: one past the highest number of the letters' series that any
    petition row holds (`letter_number`; a row without code or content too: a number once used is never given
    again), and never below `Số văn bản trả lời tiếp theo` (a whole number from 1; anything else counts as 1).

    The letters run numbers its new letters from here, and the next conference (`new --from`) continues from here."""
    symbol = symbol_for(settings, "letters")
    counter = settings.get("so_tra_loi_tiep_theo")
    start = counter if isinstance(counter, int) and not isinstance(counter, bool) and counter > 0 else 1
    used = (letter_number(settings, r.get("so_van_ban_tra_loi"), symbol) for r in petitions)
    return max([start, *(number + 1 for number in used if number is not None)])
