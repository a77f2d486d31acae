"""Complaints, denunciations and private disputes are not matters for the dialogue: the slip itself says so.

They are flagged, never dropped: the office decides, and guides the citizen to the proper procedure.
"""

from __future__ import annotations

import re

from ..core.text import nfc
from .checker import Checker

# Accented forms are matched in any text; the bare forms only in text typed without any accent, where
# "to cao" cannot be "tô cao" (a tall tree is "cây to cao"). The tone of these words sits on the same
# letter in the old and the new placement, so NFC text needs no tone normalising.
_ACCENTED = re.compile(r"\b(khiếu\s+nại|khiếu\s+kiện|tố\s+cáo|tranh\s+chấp)\b")
_BARE = re.compile(r"\b(khieu\s+nai|khieu\s+kien|to\s+cao|tranh\s+chap)\b")


def out_of_scope_term(text: str) -> str | None:
    """The first complaint/denunciation/dispute term in `text` (lower case), or None."""
    lowered = nfc(text).lower()
    if lowered.isascii():
        match = _BARE.search(lowered) if ("khieu" in lowered or "cao" in lowered or "chap" in lowered) else None
    else:  # substring tests first: most texts hold none of these words and leave without a regex
        match = _ACCENTED.search(lowered) if ("khiếu" in lowered or "cáo" in lowered or "chấp" in lowered) else None
    return " ".join(match.group(1).split()) if match else None


def check_scope(ck: Checker) -> None:
    for table in (ck.book.slips, ck.book.petitions):
        for record in table.records:
            text = record.values.get("noi_dung")
            if not isinstance(text, str):
                continue
            term = out_of_scope_term(text)
            if term is None:
                continue
            ck.warning(
                table, record, "noi_dung", "out_of_scope",
                f"Nội dung có “{term}”: khiếu nại, tố cáo và tranh chấp dân sự không thuộc phạm vi hội nghị đối thoại; "
                "hãy hướng dẫn người dân gửi đơn theo đúng thủ tục, hoặc ghi chú rõ nếu vẫn đưa vào.",
            )
