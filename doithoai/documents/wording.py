"""Vietnamese wording for documents: dates in the decree's style, times, salutations, safe text. Pure, stdlib only.

People are worded from `facts.Person` (bare name, title, gender decided once in `facts`): `salutation` for a letter or
an invitation ("Ông (Bà)" only when the gender is unknown), `named` where a sentence needs the person ("do ông Hà Văn
Tuấn, Chủ tịch UBND xã Phong Quang chủ trì"), `by_title` where it needs the post ("báo cáo Chủ tịch UBND xã Phong
Quang"). Nothing here guesses a gender or pastes a setting.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from ..facts import FEMALE, MALE, Person
from ..values import format_date

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

# Characters XML 1.0 cannot hold, and the ones docxtpl would turn into paragraph (\a) or page (\f)
# breaks: a person cannot mean either inside a cell.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ORGANISATION = re.compile(r"^(hội|đoàn|ban|chi hội|chi bộ|ủy ban|uỷ ban|ubmttq|mặt trận|tổ dân phố|câu lạc bộ|trường|công "
                           r"ty|hợp tác xã)\b",
                           re.IGNORECASE)


def safe_text(value: Any) -> str:
    """Any cell value as text a Word document can hold, rendered literally.

    NFC, line breaks kept (docxtpl turns "\\n" into a line break, "\\t" into a tab), characters XML
    cannot carry dropped; a vertical tab (Excel's line break in some exports) becomes a line break.
    """
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _NOT_XML.sub("", text).strip()


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


def when(start: dt.time, date: dt.date | None) -> str:
    """"08 giờ 00, thứ Sáu, ngày 12 tháng 6 năm 2026"."""
    if date is None:
        return clock(start)
    return f"{clock(start)}, {WEEKDAYS[date.weekday()]}, {long_date(date)}"


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
