"""What a copy for the MTTQ committee may show of a citizen: pure helpers, stdlib only.

- `residential_area(address)`: the residential-group part of an address ("Tổ dân phố Cẩm Khê A", "Thôn Đông",
  "Khu phố 3", "Ấp 2"), without house number, lane or street; None when the address names no such group.
- `residential_group(group, address)`: what an output shows of where a person lives (the group column when
  it holds only a group name, never a street address or an e-mail, else the group cut from the address).
- `mask_text(text)`: phone and ID-card numbers, e-mail addresses and house numbers inside free text, masked
  ("0912***678", "001*******45", "n***@gmail.com", "số *** ngõ *** phố Huế"), with what was masked.

Every privacy-safe output uses these (the MTTQ copy, the roll-up for the level above). They are
deliberately conservative: a street whose name contains a group word ("đường Xóm Chiếu") is not
taken for a group, and a group name that contains a street word may come out shorter than typed. When in
doubt, less is shown.

Every petition of a roll-up passes through here: each rule first runs a cheap pre-check that proves most text has
nothing for it (`_MAYBE_MASKED`, `_HOUSE_HINT`, `_NUMBER_HINT`, `_GROUP_HINT`); a pre-check must never be narrower
than the rule it guards. Nothing is cached per text. tests/privacy_reference.py keeps the masking as it was before
these pre-checks, and tests/test_privacy_differential.py holds this module to it value for value.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..core.phones import mask_phone

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
# "[,;\n\r|]+|\s[-–—]\s", written to start with one class: searched fast, the same matches.
_SEGMENTS = re.compile(r"[,;\n\r|\s](?:(?<=[,;\n\r|])[,;\n\r|]*|(?<=\s)[-–—]\s)")
_EDGE_PUNCTUATION = ".,;:()[]\"'“”"


Phrases = dict[str, tuple[tuple[str, ...], ...]]


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> Phrases:
    """first word -> the phrases starting with it, longest first (most words start no phrase: one dict lookup)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in index.items()}


_GROUP = _by_first_word(_GROUP_WORDS)
_ADMIN = _by_first_word(_ADMIN_WORDS)
_STREET = _by_first_word(_STREET_WORDS)
_STOP = _by_first_word(_STOP_WORDS)


def _starts_with(keys: list[str], i: int, phrases: Phrases) -> int:
    """Length in words of the phrase of `phrases` that starts at keys[i], 0 if none (the longest one)."""
    if i >= len(keys):
        return 0
    found = phrases.get(keys[i])
    if found is None:
        return 0
    for phrase in found:
        if tuple(keys[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


_ABBREVIATION = re.compile(r"(tp|p|q|h|tx|tt)\.\S*")


def _word_keys(words: list[str]) -> list[str]:
    if "." not in "".join(words):  # no abbreviation: the common case, in one comprehension
        return [word.casefold().strip(_EDGE_PUNCTUATION) for word in words]
    keys = []
    for word in words:
        bare = word.casefold()
        # "P." / "Q.1" style abbreviations keep their dot; everything else compares without edge punctuation.
        match = _ABBREVIATION.fullmatch(bare) if "." in bare else None
        keys.append(match.group(1) + "." if match else bare.strip(_EDGE_PUNCTUATION))
    return keys


_MAX_NAME_WORDS = 5  # a group's name is short: "Cẩm Khê A", "Trung Hòa", "3"
_NUMBER = re.compile(r"\d+[a-zđ]?(?:/\d+[a-zđ]?)*")


def _is_number(key: str) -> bool:
    """A house or group number: "45", "12a", "97/16"."""
    return bool(_NUMBER.fullmatch(key))


# Every first word of a group phrase, as a substring of casefolded text. A word's comparison key is its casefold
# (str.casefold folds character by character), maybe stripped: a segment whose casefold contains none of these
# words has no key equal to one, so no group, and is left without splitting it into words (most segments: "Số 5").
_GROUP_HINT = re.compile("|".join(sorted({re.escape(phrase[0]) for phrase in _GROUP_WORDS}, key=len, reverse=True)))


def _name_end(keys: list[str], first: int) -> int:
    """Where a group's name that starts at word `first` ends (the index after its last word; `first` when it has none):
    at most `_MAX_NAME_WORDS` words, before an admin word, a house number, a street or the next group."""
    n = len(keys)
    j = first
    while j < n and j - first < _MAX_NAME_WORDS:
        key = keys[j]
        if key in _ADMIN and _starts_with(keys, j, _ADMIN):
            break
        if j > first and _is_number(keys[j - 1]) and (j - 1 == first or "/" in keys[j - 1]):
            break  # "Tổ 5 45 Trần Phú": the group is "Tổ 5", then a house number and a street
        ends_name = j + 1 == n or _starts_with(keys, j + 1, _ADMIN) or _starts_with(keys, j + 1, _GROUP)
        if j > first and _is_number(key) and (not ends_name or "/" in key):
            break  # "Thôn Đông 45 Trần Phú": a house number starts; "Phú Lợi 2" before "phường …" stays
        if "/" in key and _is_number(key):
            break
        street = key in _STREET and _starts_with(keys, j, _STREET)
        if j > first and (street or (key in _GROUP and _starts_with(keys, j, _GROUP))):
            break
        if j == first and street and key not in ("số", "so"):
            break
        j += 1
    return j


def _groups_in_segment(segment: str) -> list[str]:
    if not _GROUP_HINT.search(segment.casefold()):
        return []
    words = segment.split()
    keys = _word_keys(words)
    if _GROUP.keys().isdisjoint(keys):
        return []  # a group starts with one of its words: "Số 5", "ngõ 12 đường Cẩm Khê" have none
    parts: list[str] = []
    n = len(words)
    i = 0
    after_stop = False  # the word right after a street or admin word belongs to that name ("đường Xóm Chiếu")
    # `key in phrases and _starts_with(…)`: most words start no phrase, and are passed over with one lookup.
    while i < n:
        key = keys[i]
        stop = key in _STOP and _starts_with(keys, i, _STOP)
        if stop:
            i += stop
            after_stop = True
            continue
        group = 0 if after_stop or key not in _GROUP else _starts_with(keys, i, _GROUP)
        after_stop = False
        if not group:
            i += 1
            continue
        start, j = i, i + group
        if j < n and keys[j] in ("số", "so"):  # "Tổ dân phố số 3": the number is the group's name
            j += 1
        first_name_word = j
        j = _name_end(keys, first_name_word)
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
    if any(_starts_with(keys, i, _STOP) for i in range(len(keys))):
        return False
    if "@" in text or "/" in text or any(ch.isdigit() and not ch.isascii() for ch in text):
        return False  # an e-mail address, a "97/16" house number, digits in another script
    if len(words) > 1 and _is_number(keys[0]):
        return False  # "45 Trần Phú": a house number and a street
    return not re.search(r"\d{3,}", text) and not _SEGMENTS.search(text) and len(words) <= 6


# --------------------------------------------------------------------------------------------------
# Personal data inside free text: phone and ID-card numbers, e-mail addresses, house numbers
#
# Built from the ways people write them: any grouping and separators ("0 912 345 678", "0912  345  678",
# "0912 - 345 - 678", "0912/345/678", "0912_345_678", "+84 (0) 912 345 678", "(024) 3825 1234"), any digits
# (full-width "０９１２…", other scripts: folded to ASCII before matching), 10-digit mobiles and landlines of
# before 2017, 11-digit old mobiles (01x) and landlines (02x); ID cards of 9 (CMND) and 12 (CCCD) digits,
# contiguous or in groups ("001-085-012-345", "123 456 789"). Dates ("12/6/2026") are never taken for a
# number, and grouped amounts ("1.500.000.000 đồng", "500.000.000") are not taken for ID cards.

PHONE = "phone"
ID_NUMBER = "id_number"
EMAIL = "email"
HOUSE_NUMBER = "house_number"
KIND_LABELS = {PHONE: "số điện thoại", ID_NUMBER: "số CCCD/CMND", EMAIL: "địa chỉ thư điện tử", HOUSE_NUMBER: "số nhà"}

_GAP_CHARACTER = r"[\s._/\-–—()]"
_GAP = re.compile(_GAP_CHARACTER + "{1,6}")  # what people put between the groups of one number
_PLUS = re.compile(r"\+\s*$")
# "(?<!\d)\d{1,2}" written "\d(?<!\d\d)\d?": the same matches, but a pattern that starts with a digit is searched fast
# (a look-behind first is tried at every character).
_DATE = re.compile(r"(\d(?<!\d\d)\d?)([/.\-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?!\d)")
_TIME = re.compile(r"\d(?<!\d\d)\d?\s*(?::|h|giờ)\s*\d{2}(?!\d)", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(
    r"\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|tỉ|nghìn|ngàn|%|m2|m²|m\b|km|ha|kg|tấn|hộ|người|lượt|cái|chiếc)", re.IGNORECASE
)
_CANDIDATE = re.compile(r"[\d@＠]")  # \d: any script's digits
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_HOUSE_NUMBER = r"\d+[A-Za-z]?(?:\s*/\s*\d+[A-Za-z]?)*"
_LANE_WORDS = r"ngõ|ngách|hẻm|kiệt|hẽm|ngo|ngach|hem"
_AFTER_HOUSE = rf"(?:{_LANE_WORDS}|đường|phố|tổ|thôn|xóm|khu phố|ấp|duong|pho)"
# "số 12 ngõ 34 phố …", "số nhà 5, tổ 3", "nhà số 7 Trần Phú", "ở 45 Trần Phú", "97/16 Cẩm Thượng". A capital is
# matched case-sensitively ((?-i:…)): under IGNORECASE "12/6/2026 xong" read as a house number on a street.
_CAPITAL = r"(?-i:[A-ZĐÂĂÊÔƠƯ])"
_HOUSE = re.compile(
    rf"(?<!\w)(?:(?:số nhà|nhà số|sn|so nha|nha so)\s*(?P<h>{_HOUSE_NUMBER})(?!\d)"
    rf"|(?:số|nhà|so)\s*(?P<a>{_HOUSE_NUMBER})(?=\s*,?\s*{_AFTER_HOUSE}(?!\w))"
    rf"|(?:ở|tại|địa chỉ:?)\s+(?P<b>{_HOUSE_NUMBER})(?=\s+{_CAPITAL}[^\s\d]*)"
    rf"|(?P<c>\d+[A-Za-z]?/\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*)(?=\s+(?:{_CAPITAL}[^\s\d]*|{_LANE_WORDS}|đường|phố)))",
    re.IGNORECASE,
)
# What every `_HOUSE` match holds, found from its digits (a pattern that starts with a digit is searched fast, where
# `_HOUSE`, with its look-behind and case-insensitive words, is tried at every character): a digit right after the
# last two letters of one of its words ("số", "so", "sn", "nhà", "nha", "tại", "chỉ", "chỉ:", and "ở") in any case
# re.IGNORECASE matches, with no, one or any two whitespace characters between; or the "97/16" form: a digit, maybe
# a letter, "/", a digit, then digits, letters and "/" up to a whitespace character (not "12/6/2026,"). Text without
# any of them has no house number (most text with digits). The extra letters re.IGNORECASE matches are ſ (U+017F) for
# s, İ and ı (U+0130, U+0131) for i, the Kelvin sign for k: tests/test_privacy_differential.py checks these classes
# against every code point.
_HOUSE_WORD_ENDS = "[sS\u017f][ốỐoOnN]|[hH][àÀaA]|[ạẠ][iI\u0130\u0131]|[hH][ỉỈ]|[ỉỈ]:"
_LETTERS = "A-Za-z\u0130\u0131\u017f\u212a"
_AT_HOUSE_DIGIT = (  # after the digit
    rf"(?<=(?:{_HOUSE_WORD_ENDS}|[ởỞ]\s|\s\s)\d)|(?<=(?:{_HOUSE_WORD_ENDS})\s\d)|(?<=[ởỞ]\d)"
    rf"|(?=[{_LETTERS}]?/\d[\d{_LETTERS}/]*\s)"
)
_HOUSE_HINT = re.compile(rf"\d(?:{_AT_HOUSE_DIGIT})")
_LANE_AFTER = re.compile(rf"\s*,?\s*(?:{_LANE_WORDS})\s*(?P<n>{_HOUSE_NUMBER})", re.IGNORECASE)


@dataclass(frozen=True)
class Masked:
    kind: str  # a key of KIND_LABELS
    masked: str  # what the copy shows instead

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


# What may fold: non-ASCII decimal digits, Latin-1 punctuation and spaces, general punctuation and spaces,
# the ideographic space, full-width forms. Vietnamese letters never match, so most text is left at once.
_FOLDABLE = re.compile(r"(?![0-9])\d|[\u0080-\u00bf\u2000-\u206f\u3000\uff00-\uffef]")


def _fold_char(match: re.Match) -> str:
    ch = match.group()
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    compat = unicodedata.normalize("NFKC", ch)
    return compat if len(compat) == 1 and compat.isascii() else ch


# Characters that never fold: ASCII, Latin letters with their accents and combining marks (all of Vietnamese). A text
# made only of them is left at once, without trying `_FOLDABLE`'s lookahead at every character.
_NEVER_FOLDS = re.compile(r"[^\x00-\x7f\u00c0-\u036f\u1e00-\u1eff]")


def fold_digits(text: str) -> str:
    """The text with every decimal digit as ASCII and full-width forms as their ASCII twins (NFKC, one character
    for one, so positions stay those of the original): "０９１２" and "٠٩١٢" → "0912"."""
    if text.isascii() or not _NEVER_FOLDS.search(text):
        return text
    return _FOLDABLE.sub(_fold_char, text)


def phone_digits(text: str) -> str:
    """The national digits of a phone number as written: "+84 (0) 912 345 678" → "0912345678"."""
    digits = re.sub(r"\D", "", fold_digits(text))
    return _national(digits, "+" in text)


def _national(digits: str, plus: bool) -> str:
    if digits.startswith("0084"):
        digits = digits[4:]
    elif digits.startswith("84") and (plus or len(digits) in (11, 12)):
        digits = digits[2:]
    else:
        return digits
    return digits if digits.startswith("0") else "0" + digits  # "+84 (0) 912…": the trunk zero may be written


def _is_phone(digits: str) -> bool:
    if not digits.startswith("0"):
        return False
    if len(digits) == 10:
        # Mobiles, landlines of before 2017 ("04 3825 1234"), and any other ten digits from 0: in a citizen's text
        # that is a phone number or a mistyped one (no amount, date or card number starts so), so it is masked.
        return True
    return len(digits) == 11 and digits[1] in "12"  # old mobiles 01x, landlines 02x


def mask_id_number(number: str) -> str:
    """"001085012345" → "001*******45"; "123456789" → "123****89"."""
    digits = re.sub(r"\D", "", fold_digits(number))
    if len(digits) < 6:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def _is_id(digits: str, groups: list[str], gaps: list[str], after: str) -> bool:
    if len(digits) not in (9, 12):
        return False
    if _AMOUNT_AFTER.match(after) and not digits.startswith("0"):  # "123456789 đồng" is an amount; no amount starts with 0
        return False
    if len(groups) == 1:
        return True
    if any("/" in gap or "(" in gap or ")" in gap for gap in gaps) or not all(2 <= len(g) <= 6 for g in groups):
        return False
    dotted = any("." in gap for gap in gaps)
    return not dotted or digits.startswith("0")  # "500.000.000" is an amount; "001.085.012.345" a card


_GLUED = re.compile(r"\d[\s._/\-–—()]{1,6}$")  # digits right before a date: it is part of a longer number
_GOES_ON = re.compile(r"[/.\-]\d")  # right after a date: its separator again, then a digit
_DIGITS = re.compile(r"\d+")


def _dates(folded: str) -> list[tuple[int, int]]:
    """Spans of dates and times, which no number may take digits from."""
    spans = []
    for match in _DATE.finditer(folded):
        day, month = int(match.group(1)), int(match.group(3))
        glued = _GLUED.search(folded, max(0, match.start() - 7), match.start())
        # A date does not go on with its own separator and more digits: "09.12.34.56.78" is a phone, not a date and a
        # remainder (its first pairs look like 9 December '34).
        goes_on = _GOES_ON.match(folded, match.end()) is not None and folded[match.end()] == match.group(2)
        if 1 <= day <= 31 and 1 <= month <= 12 and (match.group(4) or match.group(2) == "/") and not glued and not goes_on:
            spans.append(match.span())  # "0320.01.10.00" is a phone, not a number and a date
    spans.extend(m.span() for m in _TIME.finditer(folded))
    return spans


def _number_spans(folded: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, masked) of each phone or ID-card number in the (digit-folded) text; `blocked`: its dates."""
    groups = list(_DIGITS.finditer(folded))
    if blocked:
        groups = [m for m in groups if not any(s <= m.start() < e for s, e in blocked)]
    runs: list[list[re.Match]] = []
    for match in groups:
        if runs and _GAP.fullmatch(folded[runs[-1][-1].end() : match.start()]):
            runs[-1].append(match)
        else:
            runs.append([match])
    found = []
    for run in runs:
        found.extend(_best_split(folded, run))
    return found


# A phone number has 10 or 11 national digits, written with at most "0084" and a trunk zero before them (15), an
# ID card 9 or 12: groups of digits outside these bounds are never one number, and are not classified at all.
_FEWEST_DIGITS = 9
_MOST_DIGITS = 15
# The digit that starts a number: followed by 8 more digits, with at most `_GAP` between any two. Text without one has
# no phone or ID-card number, whatever its dates.
_AT_NUMBER_DIGIT = rf"(?=(?:{_GAP_CHARACTER}{{0,6}}\d){{{_FEWEST_DIGITS - 1}}})"
_NUMBER_HINT = re.compile(rf"\d{_AT_NUMBER_DIGIT}")


def _classify(folded: str, part: list[re.Match]) -> tuple[int, int, str, str] | None:
    """(start, end, kind, masked) when these consecutive digit groups are one phone or ID-card number."""
    texts = [m.group() for m in part]
    gaps = [folded[a.end() : b.start()] for a, b in zip(part, part[1:], strict=False)]
    digits = "".join(texts)
    start, end = part[0].start(), part[-1].end()
    plus = _PLUS.search(folded[max(0, start - 3) : start])
    national = _national(digits, bool(plus))
    if _is_phone(national) and all(len(t) >= 2 or t == "0" for t in texts):  # "0 912 345 678", "+84 (0) 912…"
        if plus:
            start = folded.rindex("+", max(0, start - 3), start)
        if folded[max(0, start - 1) : start] == "(" and folded[end : end + 1] != ")":
            start -= 1  # "(+84) 912…": the bracket goes with the number
        return start, end, PHONE, mask_phone(national)
    if _is_id(digits, texts, gaps, folded[end:]):
        return start, end, ID_NUMBER, mask_id_number(digits)
    return None


def _best_split(folded: str, run: list[re.Match]) -> list[tuple[int, int, str, str]]:
    """The numbers in one run of digit groups: the split that masks the most digits (two numbers written one after
    the other, "123 456 789 0912 345 678", are two numbers, not one 12-digit card and a remainder)."""
    lengths = [m.end() - m.start() for m in run]
    if sum(lengths) < _FEWEST_DIGITS:
        return []  # a year, an amount, a count: too few digits for any number (most runs)
    count = len(run)
    best: list[tuple[int, int, list]] = [(0, 0, [])] * (count + 1)  # (digits masked, -numbers, spans) from group i on
    for i in range(count - 1, -1, -1):
        choice = best[i + 1]
        digits = 0
        for j in range(i + 1, min(count, i + 8) + 1):
            digits += lengths[j - 1]
            if digits < _FEWEST_DIGITS:
                continue
            if digits > _MOST_DIGITS:
                break
            span = _classify(folded, run[i:j])
            if span is None:
                continue
            masked = sum(len(m.group()) for m in run[i:j]) + best[j][0]
            candidate = (masked, best[j][1] - 1, [span, *best[j][2]])
            if candidate[:2] > choice[:2]:
                choice = candidate
        best[i] = choice
    return best[0][2]


def _email_spans(folded: str) -> list[tuple[int, int, str, str]]:
    if "@" not in folded:  # "＠" is folded to "@" already
        return []
    spans = []
    for match in _EMAIL.finditer(folded):
        local, domain = match.group().split("@", 1)
        spans.append((match.start(), match.end(), EMAIL, f"{local[:1]}***@{domain}"))
    return spans


def _house_spans(folded: str, dates: list[tuple[int, int]] | None) -> list[tuple[int, int, str, str]]:
    """House numbers; `dates`: the text's dates, None when not taken yet (taken here only if a number is found)."""
    if not _HOUSE_HINT.search(folded):
        return []
    spans = []
    for match in _HOUSE.finditer(folded):
        name = next(n for n in ("h", "a", "b", "c") if match.group(n))
        if dates is None:
            dates = _dates(folded)
        in_date = any(s <= match.start(name) and match.end(name) <= e for s, e in dates)
        if name == "c" and in_date and match.group(name).count("/") == 2:
            continue  # "12/6/2026 Trần Phú": a date with its year is a date, even before a capital
        numbers = [match.span(name)]
        end = match.end(name)
        while (lane := _LANE_AFTER.match(folded, end)) is not None:  # the lanes of the same address
            numbers.append(lane.span("n"))
            end = lane.end()
        shown = folded[match.start() : end]
        for a, b in reversed(numbers):
            shown = shown[: a - match.start()] + "***" + shown[b - match.start() :]
        spans.append((match.start(), end, HOUSE_NUMBER, shown))
    return spans


# A digit that may start a phone or ID-card number or be part of a house number: one search for both, as most text
# with digits ("năm 2026", "tổ 5", "ngày 15/6/2026") has neither.
_MAYBE_MASKED = re.compile(rf"\d(?:{_AT_NUMBER_DIGIT}|{_AT_HOUSE_DIGIT})")


_MOST_PASSES = 8  # each pass that masks removes digits or an e-mail's name: a handful at most ever find something


def mask_text(text: str) -> tuple[str, list[Masked]]:
    """Free text with phone and ID-card numbers, e-mail addresses and house numbers masked, and what was
    masked, in order. Pure and idempotent; text without any of them comes back unchanged.

    What a number keeps in sight may, with the digits beside it, read as another number ("000000.000000000000": the
    12-digit card keeps "000" and "00", and "000000.000" is then a 9-digit card): the masked text is masked again
    until nothing more is found, so a second run finds nothing. Only text where something was masked pays for it."""
    masked, found = _mask_once(text)
    for _ in range(_MOST_PASSES):
        if not found or masked == text:
            break
        text = masked
        masked, more = _mask_once(text)
        if not more:
            break
        found = found + more
    return masked, found


def _mask_once(text: str) -> tuple[str, list[Masked]]:
    """One pass of `mask_text`."""
    if not isinstance(text, str) or not _CANDIDATE.search(text):
        return text, []  # no digit and no "@": nothing to mask (most cells: names, list values)
    folded = fold_digits(text)
    spans = _email_spans(folded)
    if not spans and not _MAYBE_MASKED.search(folded):
        return text, []  # digits, but no number, e-mail or house number (most text with digits)
    taken = [(s, e) for s, e, _, _ in spans]

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    # Phone and ID-card numbers need 9 digits close together: texts without skip them and the dates (which no number
    # may take digits from; taken once for both kinds, and only if needed).
    many = _NUMBER_HINT.search(folded) is not None
    dates = _dates(folded) if many else None
    numbers = _number_spans(folded, dates) if dates is not None else []
    houses = _house_spans(folded, dates)
    if not spans and not numbers and not houses:
        return text, []  # digits, but no number, e-mail or address (most text with digits: years, dates, counts)
    for span in numbers + houses:
        if free(span[0], span[1]):
            spans.append(span)
            taken.append((span[0], span[1]))
    spans.sort()
    out, found, position = [], [], 0
    for start, end, kind, masked in spans:
        if kind == HOUSE_NUMBER:  # keep the words as typed, only the numbers go
            masked = _keep_words(text[start:end], masked)
        out.append(text[position:start])
        out.append(masked)
        found.append(Masked(kind, masked))
        position = end
    out.append(text[position:])
    return "".join(out), found


def _keep_words(original: str, masked: str) -> str:
    """`masked` was built from the folded text; the words outside the masked numbers are given back as typed."""
    if len(original) == len(masked):
        return masked
    pieces = masked.split("***")
    out, position = [], 0
    for index, piece in enumerate(pieces):
        out.append(original[position : position + len(piece)])
        position += len(piece)
        if index < len(pieces) - 1:
            out.append("***")
            match = re.match(_HOUSE_NUMBER, fold_digits(original[position:]))
            position += match.end() if match else 0
    return "".join(out)
