"""The roll-up's petitions, masked exactly as the copy for the Ủy ban MTTQ masks them.

The one bridge to the MTTQ copy's projection, so the roll-up never carries a masking of its own: phones
masked, addresses cut to the residential group, phone and ID-card numbers inside free text masked.
"""

from __future__ import annotations

from typing import Any

from ..core.model import BookData
from ..domain.facts import is_petition
from ..mttq.projection import project_record, slips_by_code
from ..mttq.spec import SHARED_PETITIONS

# The petition columns the level above sees: the MTTQ copy's, same headers.
PETITION_COLUMNS = SHARED_PETITIONS.columns


def masked_petitions(book: BookData) -> tuple[list[dict[str, Any]], int]:
    """Each petition as the MTTQ copy shows it (column key -> value), and how many text cells were masked."""
    slips = slips_by_code(book)
    rows, masked = [], 0
    for record in book.petitions:
        if not is_petition(record):  # a row with neither code nor content: the ward's own documents do not count it either
            continue
        values, cells = project_record(book, SHARED_PETITIONS, record, slips)
        rows.append(values)
        masked += len(cells)
    return rows, masked
