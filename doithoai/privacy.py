"""What a copy for the MTTQ committee may show of a citizen: pure helpers, stdlib only.

- `residential_area(address)`: the residential-group part of an address ("Tổ dân phố Cẩm Khê A", "Thôn Đông",
  "Khu phố 3", "Ấp 2"), without house number, lane or street; None when the address names no such group.
- `mask_text(text)`: phone numbers and identity-card numbers inside free text, masked ("0912***678",
  "001*******45"), with what was masked.

Both are deliberately conservative: a street whose name contains a group word ("đường Xóm Chiếu") is not
taken for a group, and a group name that contains a street word may come out shorter than typed. When in
doubt, less is shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .phones import ID_IN_TEXT, PHONE_IN_TEXT, mask_phone

# --------------------------------------------------------------------------------------------------
# Addresses

# Words that start the name of a residential group, longest first (compared case-insensitively, NFC).
# Unaccented spellings only where they cannot be an ordinary word ("ban", "to", "ap" are left out).
_GROUP_WORDS: tuple[tuple[str, ...], ...] = tuple(
    tuple(w.split())
    for w in (
        "tổ dân phố", "to dan pho", "tổ dân cư", "khu dân cư", "cụm dân cư", "tiểu khu", "khu phố", "khu pho",
        "tổ", "thôn", "thon", "xóm", "xom", "ấp", "bản", "buôn", "làng", "khóm", "khom", "sóc", "plei", "khu",
        "tdp", "kdc", "kp",
    )
)
_GROUP_WORDS = tuple(sorted(_GROUP_WORDS, key=len, reverse=True))
# Words that start the administrative part (ward, district, province): a group name ends before them.
_ADMIN_WORDS: tuple[tuple[str, ...], ...] = tuple(
    tuple(w.split())
    for w in ("thị trấn", "thị xã", "thành phố", "phường", "xã", "quận", "huyện", "tỉnh", "tp", "tp.", "p.", "q.", "h.", "tx.",
              "tt.")
)
# Words that start a house number, lane or street: a group name ends before them too.
_STREET_WORDS: tuple[tuple[str, ...], ...] = tuple(
    tuple(w.split())
    for w in (
        "số nhà", "số", "nhà", "ngõ", "ngách", "hẻm", "kiệt", "đường", "phố", "lô", "căn hộ", "chung cư", "tầng",
        "km", "quốc lộ", "tỉnh lộ", "ql", "đt", "so", "ngo", "duong", "hem",
    )
)
_STOP_WORDS = tuple(sorted(_ADMIN_WORDS + _STREET_WORDS, key=len, reverse=True))
_SEGMENTS = re.compile(r"[,;\n\r|]+|\s[-–—]\s")
_EDGE_PUNCTUATION = ".,;:()[]\"'“”"


def _starts_with(keys: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in words of the phrase of `phrases` that starts at keys[i], 0 if none."""
    for phrase in phrases:
        if tuple(keys[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _word_keys(words: list[str]) -> list[str]:
    keys = []
    for word in words:
        bare = word.casefold()
        # "P." / "Q.1" style abbreviations keep their dot; everything else compares without edge punctuation.
        match = re.fullmatch(r"(tp|p|q|h|tx|tt)\.\S*", bare)
        keys.append(match.group(1) + "." if match else bare.strip(_EDGE_PUNCTUATION))
    return keys


def _groups_in_segment(segment: str) -> list[str]:
    words = segment.split()
    keys = _word_keys(words)
    parts: list[str] = []
    i = 0
    after_stop = False  # the word right after a street or admin word belongs to that name ("đường Xóm Chiếu")
    while i < len(words):
        stop = _starts_with(keys, i, _STOP_WORDS)
        if stop:
            i += stop
            after_stop = True
            continue
        group = 0 if after_stop else _starts_with(keys, i, _GROUP_WORDS)
        after_stop = False
        if not group:
            i += 1
            continue
        start, j = i, i + group
        if j < len(words) and keys[j] in ("số", "so"):  # "Tổ dân phố số 3": the number is the group's name
            j += 1
        first_name_word = j
        while j < len(words):
            if _starts_with(keys, j, _ADMIN_WORDS):
                break
            if j > first_name_word and (_starts_with(keys, j, _STREET_WORDS) or _starts_with(keys, j, _GROUP_WORDS)):
                break
            if j == first_name_word and _starts_with(keys, j, _STREET_WORDS) and keys[j] not in ("số", "so"):
                break
            j += 1
        if j > first_name_word:
            part = " ".join(words[start:j]).strip(_EDGE_PUNCTUATION + " ")
            if part and len(part.split()) > group:
                parts.append(part)
        i = j
    return parts


def residential_area(address: object) -> str | None:
    """The residential-group part of an address: "Số 5, ngõ 12 đường Cẩm Khê, Tổ dân phố Cẩm Khê A" →
    "Tổ dân phố Cẩm Khê A"; "xóm 3, thôn Đông, xã Yên Lạc" → "xóm 3, thôn Đông"; "Phường Tứ Minh" → None.

    Pure and idempotent; never raises. Text comes back NFC with single spaces, in the case it was typed.
    """
    if not isinstance(address, str):
        return None
    text = unicodedata.normalize("NFC", address)
    parts: list[str] = []
    for segment in _SEGMENTS.split(text):
        for part in _groups_in_segment(segment):
            if part not in parts:
                parts.append(part)
    return ", ".join(parts) or None


def residential_group(group: object, address: object) -> str | None:
    """What a copy shows of where a person lives: the `Tổ dân phố, thôn` cell when it holds only a group,
    else the group cut from the address; None when neither names one."""
    if isinstance(group, str) and group.strip():
        cut = residential_area(group)
        if cut:
            return cut
        if looks_like_group_name(group):
            return " ".join(group.split())
    return residential_area(address)


def looks_like_group_name(text: object) -> bool:
    """A bare group name typed in a "Tổ dân phố, thôn" column ("Cẩm Khê A"): no digits beyond a short
    group number, no street or admin words. Used to keep such a name when it carries no group word."""
    if not isinstance(text, str) or not text.strip():
        return False
    words = unicodedata.normalize("NFC", text).split()
    keys = _word_keys(words)
    if any(_starts_with(keys, i, _STOP_WORDS) for i in range(len(keys))):
        return False
    return not re.search(r"\d{3,}", text) and not _SEGMENTS.search(text) and len(words) <= 6


# --------------------------------------------------------------------------------------------------
# Numbers inside free text

PHONE = "phone"
ID_NUMBER = "id_number"
KIND_LABELS = {PHONE: "số điện thoại", ID_NUMBER: "số CCCD/CMND"}
# A 12-digit card number written in groups: "001 085 012 345", "0010 8501 2345".
# A landline with its area code in brackets: "(024) 3825 1234".
_BRACKETED_PHONE = re.compile(r"\(\s*0\d{2,3}\s*\)[\s.\-]?\d{3,4}[\s.\-]?\d{3,4}(?!\d)")
_SPACED_ID = re.compile(r"(?<![\d.,])(?:\d{3}(?:[ .]\d{3}){3}|\d{4}(?:[ .]\d{4}){2})(?![\d])")


@dataclass(frozen=True)
class Masked:
    kind: str  # PHONE or ID_NUMBER
    masked: str  # what the copy shows instead

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def mask_id_number(number: str) -> str:
    """"001085012345" → "001*******45"; "123456789" → "123****89"."""
    digits = re.sub(r"\D", "", number)
    if len(digits) < 6:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def phone_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def mask_text(text: str) -> tuple[str, list[Masked]]:
    """Free text with phone numbers and identity-card numbers masked, and what was masked, in order."""
    found: list[Masked] = []

    def phone(match: re.Match) -> str:
        masked = mask_phone(phone_digits(match.group()))
        found.append(Masked(PHONE, masked))
        return masked

    def id_number(match: re.Match) -> str:
        masked = mask_id_number(match.group())
        found.append(Masked(ID_NUMBER, masked))
        return masked

    if not isinstance(text, str):
        return text, found
    for _ in range(5):  # until nothing is left to mask: masking never uncovers a new number, but be sure
        before = len(found)
        if not any(ch.isdigit() for ch in text):
            break
        text = _BRACKETED_PHONE.sub(phone, text)
        text = PHONE_IN_TEXT.sub(phone, text)
        text = _SPACED_ID.sub(id_number, text)
        text = ID_IN_TEXT.sub(id_number, text)
        if len(found) == before:
            break
    return text, found
