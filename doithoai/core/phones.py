"""Vietnamese phone numbers as people write them, and as Excel mangles them. Stdlib only.

Mobiles have 10 digits `0[35789]xxxxxxxx`; landlines 11 digits `02xxxxxxxxx`. Excel drops the leading 0 of a
number typed into a General cell; people write +84, 84, spaces, dots, dashes and brackets. The 11-digit
mobile numbers of before 2018 (0162…, 0120…) still circulate: they are recognised and their new number is
suggested, not silently changed (the person may have a different number today).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Pre-2018 11-digit mobile prefixes -> their 10-digit replacements (Ministry of Information and
# Communications, conversion of 2018).
OLD_PREFIXES: dict[str, str] = {
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037", "0168": "038",
    "0169": "039", "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078", "0123": "083",
    "0124": "084", "0125": "085", "0127": "081", "0129": "082", "0186": "056", "0188": "058", "0199": "059",
}
_MOBILE = re.compile(r"0[35789]\d{8}")
_LANDLINE = re.compile(r"02\d{9}")
_SEPARATORS = re.compile(r"[\s.\-()/]")


@dataclass(frozen=True)
class PhoneResult:
    number: str | None  # the normalised number "0xxxxxxxxx" (the old 11-digit one for kind "old_mobile")
    kind: str  # "mobile", "landline", "old_mobile", "blank", "invalid"
    suggestion: str | None  # the new 10-digit number of an old mobile number
    original: str


def _digits(value: object) -> tuple[str, str]:
    if value is None or isinstance(value, bool):
        return "", "" if value is None else str(value)
    if isinstance(value, float):
        if not value.is_integer():
            return "", repr(value)
        value = int(value)
    original = str(value)
    text = _SEPARATORS.sub("", original.strip())
    if text.startswith("+"):
        text = text[1:]
        if text.startswith("84"):
            text = "0" + text[2:]
    elif text.startswith("0084"):
        text = "0" + text[4:]
    return text, original


def normalize_phone(value: object) -> PhoneResult:
    if value.__class__ is str and len(value) == 10 and value.isdigit() and value.isascii() and _MOBILE.fullmatch(value):
        return PhoneResult(value, "mobile", None, value)  # the common case, as the steps below would find it
    text, original = _digits(value)
    if not text and not original.strip():
        return PhoneResult(None, "blank", None, original)
    if not (text.isascii() and text.isdigit()):
        return PhoneResult(None, "invalid", None, original)
    candidates = [text]
    if not text.startswith("0"):
        if text.startswith("84") and len(text) in (11, 12):
            candidates.append("0" + text[2:])
        candidates.append("0" + text)  # the leading zero Excel dropped
    for number in candidates:
        if _MOBILE.fullmatch(number):
            return PhoneResult(number, "mobile", None, original)
        if _LANDLINE.fullmatch(number):
            return PhoneResult(number, "landline", None, original)
        if len(number) == 11 and number[:4] in OLD_PREFIXES:
            return PhoneResult(number, "old_mobile", OLD_PREFIXES[number[:4]] + number[4:], original)
    return PhoneResult(None, "invalid", None, original)


def mask_phone(number: str) -> str:
    """"0912345678" -> "0912***678": enough for the MTTQ to tell two people apart, not to call them."""
    digits = re.sub(r"\D", "", number)
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:4] + "***" + digits[-3:]
