"""Vietnamese wording for documents: dates in the decree's style, times, salutations, safe text. Pure, stdlib only.

People are worded from `facts.Person` (bare name, title, gender decided once in `facts`): `salutation` for a letter or
an invitation ("Ông (Bà)" only when the gender is unknown), `named` where a sentence needs the person ("do ông Hà Văn
Tuấn, Chủ tịch UBND xã Phong Quang chủ trì"), `by_title` where it needs the post ("báo cáo Chủ tịch UBND xã Phong
Quang"). Nothing here guesses a gender or pastes a setting.

**Capitals** (issue 24; every document's context is built through these functions, so the rule is written once):

1. Text a person typed (a name, a place, a field, a period, an answer, a recipient line) is printed with its own
   capitals. The product never upper-cases or lower-cases a typed word, with the two exceptions below.
2. Where the product places a typed phrase inside its own sentence (`in_sentence`: "trong {thời gian}", "Lĩnh vực
   {lĩnh vực}", "Ủy ban nhân dân {tỉnh}"), the phrase's first letter is lowered when that capital only marks the
   start of the cell: "Quý I/2026" -> "quý I/2026", "Nông nghiệp, OCOP" -> "nông nghiệp, OCOP", "Thành phố Hải
   Phòng" -> "thành phố Hải Phòng". It is kept when the first word is an acronym ("UBND", "OCOP"), begins the name
   of a body ("Ủy ban…", "Hội…", "Đảng…", "Mặt trận…", "Công an…", `_BODY_WORDS`), or is followed by another
   capitalised word ("Hà Nội", "Nguyễn Văn An"; a roman numeral or a number is not a word: "Quý III/2026"), unless
   the first words are an administrative level ("Tỉnh", "Thành phố", "Quận", `_LEVELS`), which is always lower
   case before its name (Decree 30/2020, Appendix I: "Ủy ban nhân dân thành phố Hải Phòng"). Nothing after the
   first letter changes.
3. A sentence or a heading line the product starts with a typed phrase gets a capital first letter
   (`capitalised`); the rest stays as typed.
4. Text typed in capitals for the letterhead ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG") is the one case where the product
   re-cases typed words, because no running text can print it so (`from_capitals`): every word lower case, the
   first capitalised, the words after an administrative level or a Party committee of a place ("thành phố", "Thành
   ủy") capitalised as a place name, acronyms in capitals -> "Đảng bộ thành phố Hải Phòng".
5. Words the product writes itself follow Vietnamese administrative capitalisation: "Ủy ban nhân dân phường Tứ Minh",
   "Chủ tịch UBND phường", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Phong Quang", "phường"/"xã" lower case before the
   typed name (`conference_settings.unit_name`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from ..core.text import safe_text as safe_text  # the one cell-to-text rule, re-exported here
from ..core.values import format_date
from ..domain.facts import FEMALE, MALE, Person

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

_ORGANISATION = re.compile(r"^(hội|đoàn|ban|chi hội|chi bộ|ủy ban|uỷ ban|ubmttq|mặt trận|tổ dân phố|câu lạc bộ|trường|công "
                           r"ty|hợp tác xã)\b",
                           re.IGNORECASE)


def day_month(date: dt.date) -> tuple[str, str]:
    """Day and month as the decree writes them: a leading zero for days below 10 and months 1 and 2."""
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return day, month


def long_date(date: dt.date) -> str:
    """"ngày 05 tháng 6 năm 2026"."""
    day, month = day_month(date)
    return f"ngày {day} tháng {month} năm {date.year}"


def place_date(place: str, date: dt.date) -> str:
    """The italic line under the motto: "Tứ Minh, ngày 05 tháng 6 năm 2026"."""
    return f"{place}, {long_date(date)}" if place else long_date(date).capitalize()


def short_date(date: dt.date | None) -> str:
    """"12/06/2026" in running text: the workbook's own date format, so a date reads the same in both."""
    return format_date(date)


def clock(time: dt.time) -> str:
    """"08 giờ 00"."""
    return f"{time.hour:02d} giờ {time.minute:02d}"


def short_clock(time: dt.time) -> str:
    """"08h00", for agenda slots."""
    return f"{time.hour:02d}h{time.minute:02d}"


def day_words(date: dt.date) -> str:
    """"thứ Sáu, ngày 12 tháng 6 năm 2026"."""
    return f"{WEEKDAYS[date.weekday()]}, {long_date(date)}"


def when(start: dt.time, date: dt.date | None, end: dt.time | None = None, *, pending: str = "") -> str:
    """The conference's time as the plans write it: "Từ 08 giờ 00 đến 11 giờ 30, thứ Sáu, ngày 12 tháng 6 năm 2026";
    "08 giờ 00, thứ Sáu, ngày 12 tháng 6 năm 2026" without an end. Without a day, `pending` (the period and "(thời
    gian cụ thể sẽ thông báo sau)") and no hour: an hour on a day not yet fixed means nothing."""
    if date is None:
        return pending or clock(start)
    if end is not None and end > start:
        return f"Từ {clock(start)} đến {clock(end)}, {day_words(date)}"
    return f"{clock(start)}, {day_words(date)}"


def is_organisation(name: str) -> bool:
    return bool(_ORGANISATION.match(name.strip()))


def salutation(gender: str | None) -> tuple[str, str]:
    """(title, how the letter refers to the person afterwards) for a gender `facts.gender_of` decided: ("Ông", "ông"),
    ("Bà", "bà"), or ("Ông (Bà)", "ông (bà)") only when the gender is unknown. Nothing is guessed here."""
    if gender == MALE:
        return "Ông", "ông"
    if gender == FEMALE:
        return "Bà", "bà"
    return "Ông (Bà)", "ông (bà)"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def honorific(person: Person, *, party: bool = False) -> str:
    """How running text addresses an official: "đồng chí" in a Party document, when typed so, or when the gender is
    unknown; "ông" or "bà" otherwise. "" for a person without a name."""
    if not person.name:
        return ""
    if party or person.comrade or person.gender not in (MALE, FEMALE):
        return "đồng chí"
    return salutation(person.gender)[1]


def named(person: Person | None, *, party: bool = False, capital: bool = False) -> str:
    """A sentence that needs the person: "ông Hà Văn Tuấn, Chủ tịch UBND xã Phong Quang"; the title alone when no name
    is known, "ông Hà Văn Tuấn" when no title is. The honorific is never doubled (names are bare, `facts.Person`)."""
    if not person:
        return ""
    parts = [f"{honorific(person, party=party)} {person.name}"] if person.name else []
    parts += [person.title] if person.title else []
    text = ", ".join(parts) + (f" {person.note}" if person.note else "")
    return capitalised(text) if capital else text


def by_title(person: Person | None) -> str:
    """A sentence that needs the post: "báo cáo Chủ tịch UBND xã Phong Quang"; the bare name when no post is known (a
    name reads right at the start of a sentence and inside it)."""
    if not person:
        return ""
    return person.title or person.name


def together(first: str, second: str) -> str:
    """"A cùng B": the chair with the co-chair."""
    return f"{first} cùng {second}" if first and second else first or second


# --------------------------------------------------------------------------------------------------
# Capitals (the rule is in the module's docstring)

_WORD = re.compile(r"\S+")
# Administrative levels, lower case before the place's name (longest first: "thành phố" before a one-word level).
_LEVELS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "quận", "huyện", "phường", "xã")
# Party committees named after their place: "Thành ủy Hải Phòng", "Tỉnh ủy Thái Nguyên".
_PLACE_COMMITTEES = ("thành ủy", "thành uỷ", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "huyện uỷ", "quận ủy", "quận uỷ",
                     "thị ủy", "thị uỷ", "đảng ủy", "đảng uỷ", "đảng bộ")
# First words of the names of bodies (an invitation's post ending where its unit's name begins).
_BODY_WORDS = frozenset({"ủy", "uỷ", "hội", "đoàn", "đảng", "mặt", "ban", "công", "bộ", "sở", "phòng", "văn", "trung",
                         "tòa", "toà", "viện", "nhà", "chính", "quốc", "trường", "bệnh", "chi", "liên", "thành", "tỉnh",
                         "huyện", "quận", "thường", "nhân"})
# The beginnings of bodies' names: a typed phrase starting so is a name and keeps its capital (in_sentence).
_BODY_NAMES = ("ủy ban", "uỷ ban", "hội ", "hội đồng", "đoàn ", "đảng ", "mặt trận", "ban ", "công an", "bộ ", "sở ",
               "phòng ", "văn phòng", "trung tâm", "tòa án", "toà án", "viện ", "nhà nước", "chính phủ", "quốc hội",
               "trường ", "bệnh viện", "chi bộ", "chi hội", "chi đoàn", "liên đoàn", "thành ủy", "tỉnh ủy", "huyện ủy",
               "quận ủy", "thường trực", "nhân dân", "công ty", "hợp tác xã", "quân sự", "mttq", "ubnd", "hđnd")
_ROMAN = re.compile(r"^[IVXLC]+\b")
_ACRONYM_WORDS = frozenset({"ubnd", "hđnd", "mttq", "ubmttq", "tdp", "bch", "ocop", "vn", "tt", "bhxh", "bhyt", "gpmb",
                            "atgt", "anqp", "qp", "an", "ctmt", "ttđu"})


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _level_at_start(low: str) -> str:
    for level in _LEVELS:
        if low == level or low.startswith(level + " "):
            return level
    return ""


def in_sentence(text: Any) -> str:
    """A typed phrase placed inside the product's sentence: its capital first letter lowered when it only marks the
    start of the cell (rule 2 of the module's docstring); "" for blank."""
    phrase = safe_text(text)
    words = phrase.split()
    if not words or not phrase[:1].isupper() or _is_acronym(words[0]):
        return phrase
    if _level_at_start(phrase.casefold()):
        return phrase[:1].lower() + phrase[1:]
    low = phrase.casefold()
    if low.startswith(_BODY_NAMES) and not low.startswith("hội nghị"):
        return phrase
    if len(words) > 1:
        following = words[1].strip("(\"“")
        if following[:1].isupper() and not _ROMAN.match(following) and any(c.islower() for c in following):
            return phrase  # a proper name: "Hà Nội", "Nguyễn Văn An"
    return phrase[:1].lower() + phrase[1:]


def from_capitals(text: Any) -> str:
    """A letterhead line typed in capitals, as running text prints it (rule 4): "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" -> "Đảng
    bộ thành phố Hải Phòng", "BAN THƯỜNG VỤ THÀNH ỦY HẢI PHÒNG" -> "Ban Thường vụ Thành ủy Hải Phòng". A line not
    all in capitals is returned as typed."""
    phrase = safe_text(text)
    if not phrase or phrase != phrase.upper():
        return phrase
    words = phrase.lower().split()
    out: list[str] = []
    place = False  # the words after a level or a place's committee are the place's name
    index = 0
    while index < len(words):
        word = words[index]
        pair = " ".join(words[index:index + 2])
        if fold(word) in _ACRONYM_WORDS and fold(word) not in ("an", "qp", "tt"):
            out.append(word.upper())
        elif place:
            out.append(word[:1].upper() + word[1:])
        elif pair in _PLACE_COMMITTEES:
            out += [word[:1].upper() + word[1:], words[index + 1]]
            index += 2
            place = pair not in ("đảng ủy", "đảng uỷ", "đảng bộ")
            continue
        elif pair in ("thường vụ", "chấp hành") and out and out[-1].casefold() == "ban":
            out += [word[:1].upper() + word[1:], words[index + 1]]
            index += 2
            continue
        else:
            out.append(word)
            level = _level_at_start(" ".join(words[index:index + 2]))
            if level:
                if " " in level:
                    out.append(words[index + 1])
                    index += 1
                place = True
        index += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def fold(text: str) -> str:
    """Lower case without accents, "đ" as "d": for recognising words, never for printing."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --------------------------------------------------------------------------------------------------
# Bodies and organisations the product names

FRONT = "Ủy ban Mặt trận Tổ quốc Việt Nam"
# How offices abbreviate the bodies, longest first, and the full name a letter's "Kính gửi" or the loudspeaker uses.
_FULL_NAMES = (
    (re.compile(r"\b(?:Ủy|Uỷ)\s+ban\s+MTTQ\s*(?:Việt\s+Nam|VN)\b|\bUB\s*MTTQ\s*(?:VN|Việt\s+Nam)\b|\bUBMTTQ\s*(?:VN|Việt\s+Nam)\b",
                re.IGNORECASE), FRONT),
    (re.compile(r"\b(?:Ủy|Uỷ)\s+ban\s+MTTQ\b|\bUB\s*MTTQ\b|\bUBMTTQ\b", re.IGNORECASE), FRONT),
    (re.compile(r"\bMTTQ\s*(?:Việt\s+Nam|VN)\b", re.IGNORECASE), "Mặt trận Tổ quốc Việt Nam"),
    (re.compile(r"\bMTTQ\b", re.IGNORECASE), "Mặt trận Tổ quốc"),
    (re.compile(r"\bHội\s+LHPN\b", re.IGNORECASE), "Hội Liên hiệp Phụ nữ"),
    (re.compile(r"\bHội\s+CCB\b", re.IGNORECASE), "Hội Cựu chiến binh"),
    (re.compile(r"\bĐoàn\s+TNCS\s+HCM\b|\bĐoàn\s+TN\b", re.IGNORECASE), "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
)
_SPOKEN = (
    *_FULL_NAMES,
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bTDP\b"), "tổ dân phố"),
    (re.compile(r"\bBCH\b"), "Ban Chấp hành"),
    (re.compile(r"\bKT-XH\b|\bKT - XH\b"), "kinh tế - xã hội"),
    (re.compile(r"\bQP-AN\b|\bQP - AN\b"), "quốc phòng - an ninh"),
)
# The organisations that receive letters and copies in a ward's or commune's name (the Front and the
# socio-political organisations): "Hội Nông dân" alone means this unit's.
_UNIT_ORGANISATIONS = re.compile(r"^(?:Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?|Hội Liên hiệp Phụ nữ(?: Việt Nam)?|Hội Nông dân"
                                 r"(?: Việt Nam)?|Hội Cựu chiến binh(?: Việt Nam)?|Đoàn Thanh niên Cộng sản Hồ Chí Minh|"
                                 r"Hội Người cao tuổi|Hội Chữ thập đỏ|Công đoàn)", re.IGNORECASE)


def unabbreviated(text: Any) -> str:
    """The bodies' abbreviations written out where a letter addresses them: "Ủy ban MTTQ phường Tứ Minh" -> "Ủy ban
    Mặt trận Tổ quốc Việt Nam phường Tứ Minh", "Hội LHPN" -> "Hội Liên hiệp Phụ nữ"."""
    phrase = safe_text(text)
    for pattern, full in _FULL_NAMES:
        phrase = pattern.sub(full, phrase)
    return phrase


def spoken(text: Any) -> str:
    """Text an announcer reads aloud: every abbreviation written out (UBND, HĐND, MTTQ, TDP…)."""
    phrase = safe_text(text)
    for pattern, full in _SPOKEN:
        phrase = pattern.sub(full, phrase)
    return phrase


def with_place(name: Any, level: str, place: str) -> str:
    """An organisation of the unit named with the unit: "Hội Nông dân" and "Hội Nông dân phường" -> "Hội Nông dân
    phường Tứ Minh". A name that already names a place (this one or another: a village, a district) stays."""
    phrase = safe_text(name)
    if not phrase or not place or not _UNIT_ORGANISATIONS.match(phrase):
        return phrase
    if place.casefold() in phrase.casefold():
        return phrase
    head = _UNIT_ORGANISATIONS.match(phrase)
    rest = phrase[head.end():].strip() if head else phrase
    if rest.casefold() == level.casefold():
        return f"{phrase} {place}"
    return phrase if rest else f"{phrase} {level} {place}"  # any other words name a place or a branch: as typed


def addressee(name: Any, level: str, place: str) -> str:
    """An organisation a letter is addressed to: written out and named with the unit ("Ủy ban MTTQ" -> "Ủy ban Mặt
    trận Tổ quốc Việt Nam phường Tứ Minh")."""
    return with_place(unabbreviated(name), level, place)


_LEADER_POSTS = frozenset({"chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư", "trưởng", "phó", "giám đốc", "phó giám đốc",
                           "chỉ huy trưởng", "trưởng ban", "phó trưởng ban", "chánh văn phòng", "trưởng phòng",
                           "phó trưởng phòng"})


def post_and_unit(post: Any, unit: Any) -> str:
    """An invitation's "Chức vụ, đơn vị": the post, then the unit unless the post already names it. "Trưởng Công an
    xã" + "Công an xã Tân Lập" -> "Trưởng Công an xã Tân Lập"; "Bí thư chi bộ" + "Thôn Đông" -> "Bí thư chi bộ, Thôn
    Đông"."""
    post, unit = safe_text(post), safe_text(unit)
    if not post or not unit:
        return post or unit
    low_post, low_unit = post.casefold(), unit.casefold()
    if low_unit in low_post:
        return post
    post_words, unit_words = post.split(), unit.split()
    for size in range(min(len(post_words), len(unit_words)), 0, -1):
        tail = " ".join(post_words[-size:]).casefold()
        if tail == " ".join(unit_words[:size]).casefold() and (size > 1 or tail in _BODY_WORDS):
            return " ".join(post_words[:-size] + unit_words)
    if low_post in _LEADER_POSTS and unit_words[0].casefold() in _BODY_WORDS:
        return f"{post} {unit}"  # "Chủ tịch" + "Hội Nông dân xã": one post
    return f"{post}, {unit}"
