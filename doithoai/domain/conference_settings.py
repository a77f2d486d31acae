"""The conference as the settings on `Kế hoạch` describe it: unit words, its name, its date or period, its chairs. Pure.

Everything a ward would word differently from a commune, or a Party-led plan from a government one, is derived
here from settings, once, for the documents, the validation and the deadlines:

- the unit level's words follow `Loại đơn vị hành chính`: "phường" / "tổ dân phố" or "xã" / "thôn";
- `Tên hội nghị` when blank is built from the unit ("Hội nghị đối thoại giữa Chủ tịch UBND xã Phong Quang với
  Nhân dân năm 2026");
- `Ngày tổ chức hội nghị` may be a date, blank, or a period while planning ("Quý III/2026", "trước 30/10/2026"):
  `conference_date` says which, and what the documents print in its place.

Stdlib only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.schema import ISSUER_PARTY
from ..core.text import cell_text
from ..core.values import parse_date

DEFAULT_AUDIENCE = "Nhân dân"
DEFAULT_OFFICE = "Văn phòng HĐND và UBND"
DATE_PENDING = "(thời gian cụ thể sẽ thông báo sau)"


@dataclass(frozen=True)
class UnitWords:
    """How documents name the unit level and its residential areas."""

    level: str  # "phường", "xã", "đặc khu"
    area: str  # "tổ dân phố", "thôn", "khu dân cư"
    area_head: str  # "Tổ trưởng tổ dân phố", "Trưởng thôn"

    @property
    def areas(self) -> str:
        return "các " + self.area


_WORDS = {
    "phường": UnitWords("phường", "tổ dân phố", "Tổ trưởng tổ dân phố"),
    "xã": UnitWords("xã", "thôn", "Trưởng thôn"),
    "đặc khu": UnitWords("đặc khu", "khu dân cư", "Trưởng khu dân cư"),
}


def unit_words(settings: Mapping[str, Any]) -> UnitWords:
    """The words for `Loại đơn vị hành chính` ("Phường" when blank; an unknown kind prints as typed)."""
    kind = cell_text(settings.get("loai_don_vi"), one_line=True) or "Phường"
    found = _WORDS.get(kind.casefold())
    return found or UnitWords(kind.lower(), "khu dân cư", "Trưởng khu dân cư")


def unit_name(settings: Mapping[str, Any]) -> str:
    """"phường Tứ Minh", "xã Phong Quang"."""
    return f"{unit_words(settings).level} {cell_text(settings.get('ten_don_vi'), one_line=True)}".strip()


@dataclass(frozen=True)
class ConferenceDate:
    """`Ngày tổ chức hội nghị` as typed: a date, a period the plan names, or nothing yet."""

    date: dt.date | None
    period: str  # the typed period, e.g. "Quý III/2026"; "" for a date or a blank
    year: int | None  # the year the date or the period names

    @property
    def known(self) -> bool:
        return self.date is not None

    @property
    def shown(self) -> str:
        """What a document prints where the date goes when the day is not fixed yet."""
        if self.date is not None:
            return ""
        if self.period:
            return f"{self.period} {DATE_PENDING}"
        return "…… " + DATE_PENDING


_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_DATE_LIKE = re.compile(r"^\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}$")


def conference_date(value: Any) -> ConferenceDate:
    """A date (Excel date or day-first text) or a period text; the period's year when it names one."""
    date = parse_date(value)
    if date is not None:
        return ConferenceDate(date, "", date.year)
    text = cell_text(value, one_line=True)
    years = [int(m.group()) for m in _YEAR.finditer(text)]
    return ConferenceDate(None, text, years[-1] if years else None)


def is_period(value: Any) -> bool:
    """Text that names when the conference will be without a day: it names a year, a quarter, a month or 'trước …'."""
    text = cell_text(value, one_line=True).casefold()
    if not text or parse_date(value) is not None or _DATE_LIKE.match(text):
        return False  # "32/6/2026" is a mistyped date, not a period
    return bool(_YEAR.search(text)) or any(word in text for word in ("quý", "tháng", "trước", "thông báo sau"))


def year_of(settings: Mapping[str, Any], today: dt.date) -> int:
    """The conference's year: its date or period, else the plan's date, else `today`'s."""
    year = conference_date(settings.get("ngay_hoi_nghi")).year
    if year:
        return year
    plan = parse_date(settings.get("ngay_ke_hoach"))
    return plan.year if plan else today.year


def is_party(settings: Mapping[str, Any]) -> bool:
    """`Khối ban hành` is "Đảng": the Party committee issues the plan's documents (HD 36-HD/VPTW)."""
    return cell_text(settings.get("khoi_ban_hanh"), one_line=True).casefold() == ISSUER_PARTY.casefold()


DEFAULT_CHAIR = "Chủ tịch UBND"


def chair(settings: Mapping[str, Any]) -> str:
    """`Người chủ trì` as typed ("Chủ tịch UBND" when blank). The chair as a person is `facts.chair`."""
    return cell_text(settings.get("chu_tri"), one_line=True) or DEFAULT_CHAIR


def co_chair(settings: Mapping[str, Any]) -> str:
    """`Người đồng chủ trì` as typed ("" when none). The co-chair as a person is `facts.co_chair`."""
    return cell_text(settings.get("dong_chu_tri"), one_line=True)


_BODIES = ("ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "đảng ủy", "đảng uỷ", "hđnd", "hội đồng nhân dân")


def with_unit(title: str, settings: Mapping[str, Any]) -> str:
    """A post with its unit: a title ending on a body that names no unit gets it ("Chủ tịch UBND" -> "Chủ tịch UBND
    phường Tứ Minh"), one ending on a body and the level gets the unit's name ("Bí thư Đảng ủy xã" -> "Bí thư Đảng ủy
    xã Vĩnh Bảo"); a title already naming the unit, or any other, stays as typed."""
    title = cell_text(title, one_line=True)
    place = cell_text(settings.get("ten_don_vi"), one_line=True)
    low = title.casefold()
    if not title or (place and place.casefold() in low):
        return title
    if low.endswith(_BODIES):
        return f"{title} {unit_name(settings)}".strip()
    level = unit_words(settings).level
    if place and any(low.endswith(f"{body} {level}") for body in _BODIES):
        return f"{title} {place}"
    return title


def audience(settings: Mapping[str, Any]) -> str:
    return cell_text(settings.get("doi_tuong"), one_line=True) or DEFAULT_AUDIENCE


def office(settings: Mapping[str, Any]) -> str:
    return cell_text(settings.get("ten_van_phong"), one_line=True) or DEFAULT_OFFICE


def fill_placeholders(text: str, settings: Mapping[str, Any], today: dt.date | None = None) -> str:
    """`{đơn vị}` -> the unit ("phường Tứ Minh"), `{khu dân cư}` -> "tổ dân phố" or "thôn", and `{năm}` -> the
    conference's year, in a setting a preset wrote
    for every unit (`Tên hội nghị`, recipients, addressees)."""
    if "{" not in text:
        return text
    text = text.replace("{đơn vị}", unit_name(settings)).replace("{khu dân cư}", unit_words(settings).area)
    if "{năm}" in text:
        text = text.replace("{năm}", str(year_of(settings, today or dt.date.today())))
    return text


def fill_in(text: str, settings: Mapping[str, Any], today: dt.date) -> str:
    """{đơn vị} and {năm} in a setting's text (a preset's conference name, the plan's paragraphs) filled from the
    settings, so one preset serves every unit and year: "phường Tứ Minh", "2026" (`fill_placeholders`)."""
    return fill_placeholders(text, settings, today)


def conference_name(settings: Mapping[str, Any], today: dt.date) -> str:
    """`Tên hội nghị`, or the name built from the unit.

    "Hội nghị đối thoại giữa Chủ tịch UBND phường Tứ Minh với Nhân dân năm 2026".
    """
    typed = cell_text(settings.get("ten_hoi_nghi"), one_line=True)
    if typed:
        # A preset's name carries {đơn vị} and {năm}: filled from the settings, so one preset serves every unit and year.
        typed = fill_placeholders(typed, settings, today)
        return typed[0].upper() + typed[1:]
    return f"Hội nghị đối thoại giữa Chủ tịch UBND {unit_name(settings)} với {audience(settings)} năm {year_of(settings, today)}"


def lower_first(text: str) -> str:
    """"Hội nghị …" -> "hội nghị …" for running text; an acronym ("UBND …") keeps its capitals."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
