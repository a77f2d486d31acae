"""Answer letters: one per petitioner, covering that person's answered petitions, numbered once. Pure.

Numbering: a new letter takes the next free number with the symbol from `Kế hoạch` ("150/UBND-VP"),
starting at `Số văn bản trả lời tiếp theo` and never below a number already used (`facts.next_letter_number`:
"Số: 151/UBND-VP" and a bare "152" are numbers used; the next conference's counter follows the same rule). The number and date
are written into `Kiến nghị` (`Số văn bản trả lời`, `Ngày văn bản trả lời`). A petition that already has
a number keeps it, and its letter is printed again with its own number and date; a person's answers that
arrived after their letter went out get a new letter. A petition without an answer gets no letter.

Which petitions: as plan 118/KH-UBND says, matters not answered at the conference are answered in
writing. A petition answered at the conference gets no new letter (nor uses up a number) unless
`Kế hoạch` says "Có" to `Gửi văn bản trả lời cả kiến nghị đã trả lời tại hội nghị`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.keys import code_key, code_text, list_key
from ..core.model import BookData, CellWrite, ChangeSet, Record
from ..core.values import parse_date
from ..domain import facts
from ..domain.conference_settings import unit_words
from ..domain.numbering import join_number, number_of, symbol_for
from .context import answered, greeting, person_key, petitions
from .wording import addressee, is_organisation, place_date, safe_text, short_date

_ORGANISATION_SOURCES = frozenset(list_key(source) for source in schema.ORGANISATION_SOURCES)
_YES = list_key(schema.YES_NO[0])


@dataclass
class Letter:
    number: str
    date: dt.date
    person: dict[str, str]
    address: str
    items: list[Record]
    new: bool  # numbered by this run

    @property
    def codes(self) -> list[str]:
        return [code_text(r.get("ma_kien_nghi")) for r in self.items]

    def raised(self, here: str) -> str:
        """Where the matters were raised, after "nhận được ý kiến, kiến nghị của …": `here` ("tại hội nghị … ngày
        12/06/2026") for matters raised at this conference; a carried matter at the earlier conference's day
        (`facts.carried_from`), never at this one's."""
        earlier: list[str] = []
        current = False
        for record in self.items:
            carried = facts.carried_from(record)
            if carried is None:
                current = True
                continue
            phrase = (f"tại hội nghị đối thoại ngày {short_date(carried.raised)}" if carried.raised
                      else "tại hội nghị đối thoại kỳ trước")
            if phrase not in earlier:
                earlier.append(phrase)
        return " và ".join(earlier + ([here] if current or not earlier else []))

    def context(self, place: str, here: str = "") -> dict[str, Any]:
        return {
            "so": self.number,
            "noi_ngay": place_date(place, self.date),
            "noi_neu": self.raised(here),
            **self.person,
            "dia_chi": self.address,
            "kien_nghi": [{"ma": code_text(r.get("ma_kien_nghi")), "noi_dung": safe_text(r.get("noi_dung")),
                           "tra_loi": safe_text(r.get("noi_dung_tra_loi"))} for r in self.items],
        }


@dataclass
class LetterPlan:
    letters: list[Letter] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)
    pending: list[str] = field(default_factory=list)  # petition codes without an answer: no letter yet
    at_conference: list[str] = field(default_factory=list)  # answered at the conference: no letter by default
    notes: list[str] = field(default_factory=list)


def answer_dates(book: BookData) -> dict[str, dt.date]:
    """Petition code key -> the day its answer existed: the conference day for one answered there, else the last
    `Ngày hoàn thành` of its assignments. A letter is not dated before it."""
    conference = parse_date(book.settings.get("ngay_hoi_nghi"))
    ready: dict[str, dt.date] = {}
    for record in book.assignments:
        code, done = code_key(record.get("ma_kien_nghi")), parse_date(record.get("ngay_hoan_thanh"))
        if code and done and (code not in ready or done > ready[code]):
            ready[code] = done
    if conference:
        for record in petitions(book):
            code = code_key(record.get("ma_kien_nghi"))
            if facts.at_conference(record) or code not in ready:
                ready[code] = max(ready.get(code, conference), conference)
    return ready


def plan_letters(book: BookData, date: dt.date, *, fixed: bool = False) -> LetterPlan:
    """`date`: the new letters' date. Unless `fixed` (given by the person), a letter whose answer came later
    is dated the day its answer existed; a fixed date before that gets a warning in `notes`."""
    from .dates import outside

    plan = LetterPlan()
    settings = book.settings
    ready = answer_dates(book)
    conference = parse_date(settings.get("ngay_hoi_nghi"))
    symbol = symbol_for(settings, "letters")
    rows = petitions(book)
    next_number = facts.next_letter_number(settings, book.petitions)  # the rule `new --from` continues by
    slips = {code_key(r.get("ma_phieu")): r for r in book.slips if code_key(r.get("ma_phieu"))}

    known = facts.known_genders(book)  # one pass: each letter's gender is a lookup
    level, place = unit_words(settings).level, safe_text(settings.get("ten_don_vi"))
    every_answer = list_key(book.settings.get("tra_loi_ca_tai_hoi_nghi")) == _YES
    people: dict[str, list[Record]] = {}
    for record in rows:
        spoken = facts.at_conference(record)
        if answered(record) and spoken and not every_answer and not safe_text(record.get("so_van_ban_tra_loi")):
            plan.at_conference.append(code_text(record.get("ma_kien_nghi")) or f"dòng {record.row}")
        elif answered(record):
            people.setdefault(person_key(record), []).append(record)
        else:
            plan.pending.append(code_text(record.get("ma_kien_nghi")) or f"dòng {record.row}")

    for items in people.values():
        first = items[0]
        slip = slips.get(code_key(first.get("ma_phieu")))
        name = safe_text(first.get("nguoi_kien_nghi")) or (safe_text(slip.get("ho_ten")) if slip else "")
        organisation = slip is None and (list_key(first.get("nguon")) in _ORGANISATION_SOURCES or is_organisation(name))
        # The bare name (an honorific typed into it gives the gender, is never printed twice and never goes into the
        # file name) and the gender the slip, the name or the rest of the workbook records.
        if organisation:  # an organisation of the unit, written out and named with it (wording.addressee)
            name = addressee(name, level, place)
        person = greeting(facts.person_named(name, known, slip.get("gioi_tinh") if slip else None), organisation)
        address = "" if organisation else (safe_text(slip.get("dia_chi")) if slip else "") or safe_text(first.get("dia_chi"))
        numbered: dict[str, list[Record]] = {}
        fresh: list[Record] = []
        for record in items:
            existing = safe_text(record.get("so_van_ban_tra_loi"))
            (numbered.setdefault(existing, []) if existing else fresh).append(record)
        for number, group in numbered.items():
            dates = [d for d in (parse_date(r.get("ngay_van_ban_tra_loi")) for r in group) if d]
            plan.letters.append(Letter(number, max(dates) if dates else date, person, address, group, new=False))
        if fresh:
            answer_day = max((ready[c] for c in (code_key(r.get("ma_kien_nghi")) for r in fresh) if c in ready), default=None)
            letter_date = date if fixed or answer_day is None else max(date, answer_day)
            number = join_number(settings, next_number, symbol)
            plan.letters.append(Letter(number, letter_date, person, address, fresh, new=True))
            warning = outside("letters", conference, letter_date, answer_day)
            if warning:
                plan.notes.append(f"Số {number} ({person['ho_ten']}): {warning}")
            next_number += 1
    plan.letters.sort(key=lambda letter: (number_of(settings, letter.number, symbol) or 0, letter.number))
    plan.changes = _write_back(book, plan)
    return plan


def _write_back(book: BookData, plan: LetterPlan) -> ChangeSet:
    table = book.petitions
    missing = [table.header(k) for k in ("so_van_ban_tra_loi", "ngay_van_ban_tra_loi") if k not in table.columns]
    if missing:
        plan.notes.append(f"Trang {table.name} thiếu cột " + ", ".join(f"“{m}”" for m in missing)
                          + ": số, ngày văn bản trả lời không được ghi lại, lần sau sẽ đánh số lại.")
        return ChangeSet()
    cells = []
    for letter in (x for x in plan.letters if x.new):
        for record in letter.items:
            cells.append(CellWrite(table.name, record.row, table.columns["so_van_ban_tra_loi"], letter.number,
                                   schema.TEXT_FORMAT))
            cells.append(CellWrite(table.name, record.row, table.columns["ngay_van_ban_tra_loi"], letter.date,
                                   schema.DATE_FORMAT))
    return ChangeSet(cells=cells)
