"""File and folder names that every Windows, macOS and Linux accepts, readable by staff. Pure."""

from __future__ import annotations

import re

from ..core.text import strip_marks

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
MAX_STEM = 80  # keeps whole paths well under Windows' 260 characters


def safe_name(text: str, fallback: str = "van-ban") -> str:
    """"KN-012 Nguyễn Văn A" -> "KN-012 Nguyen Van A": no accents, nothing Windows forbids."""
    name = _FORBIDDEN.sub(" ", strip_marks(text))
    name = "".join(ch for ch in name if ch.isascii())
    name = " ".join(name.split()).strip(" .")[:MAX_STEM].strip(" .")
    if not name or _RESERVED.match(name):
        name = f"{fallback} {name}".strip() if name else fallback
    return name


def unique(stem: str, taken: set[str], suffix: str = ".docx") -> str:
    """`stem` + suffix, or "stem (2)" + suffix when already taken (compared as Windows does, ignoring case)."""
    candidate, number = stem + suffix, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    taken.add(candidate.casefold())
    return candidate
