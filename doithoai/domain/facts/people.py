"""People as data: the chair, co-chair, signer and secretary (`Person`, `parse_person`, `who_chaired`), honorifics
and gender, the delegates read once (`Directory`), and the hosts who get no invitation."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...core import schema
from ...core.keys import list_key, name_key
from ...core.text import fold, tone_normalize
from ..conference_settings import chair as conference_chair
from ..conference_settings import is_party, with_unit
from .rows import Row, text_of

# --------------------------------------------------------------------------------------------------
# People
#
# The chair, the co-chair, the signer and the secretary as data: a bare name (never an honorific), a title (the post,
# with the unit when the post ends on a body: "Chủ tịch UBND" -> "Chủ tịch UBND phường Tứ Minh") and a gender. Parsed
# from the settings as offices type them, completed from `Đại biểu` (the delegate holding the post, or the post of the
# delegate named), the gender from anything the workbook records (`known_genders`). Documents word them with
# `documents.wording` (salutation, named, by_title) and decide nothing about people on their own.

MALE, FEMALE = schema.lookup("gioi_tinh").values  # "Nam", "Nữ"
_GENDER_BY_KEY = {list_key(MALE): MALE, list_key(FEMALE): FEMALE}

# An honorific typed before a name, as NFC casefolded text -> (gender, needs a separator after it, words the name keeps
# at least). "Anh"/"Chị" only before a name of two words or more ("Anh Tuấn" may be a given name); "Ông (Bà)" is no
# gender; "đồng chí" is none either, but is remembered: the person is addressed as a comrade.
_COMRADE = "đồng chí"
_HONORIFICS: tuple[tuple[str, str | None, bool, int], ...] = (
    ("đồng chí", _COMRADE, True, 1), ("đ/c", _COMRADE, False, 1), ("đ.c", _COMRADE, False, 1),
    ("ông", MALE, True, 1), ("ô.", MALE, False, 1), ("anh", MALE, True, 2),
    ("bà", FEMALE, True, 1), ("b.", FEMALE, False, 1), ("chị", FEMALE, True, 2),
)
_EITHER = re.compile(r"^(?:ông|bà)\s*[(/]\s*(?:bà|ông)\s*\)?(?=\s|$)")  # "Ông (Bà)", "ông/bà": no gender
_NOTE = re.compile(r"^(.*\S)\s*(\([^()]*\))$")  # "…, Phó Chủ tịch UBND phường (được Chủ tịch ủy quyền)"
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+[-–—]\s+|\s*[–—]\s*")
# Words a title starts with (casefolded, accents kept: "Trưởng" is a post, "Trương" a family name).
_TITLE_HEADS = (
    "chủ tịch", "phó", "bí thư", "thường trực", "trưởng", "giám đốc", "chánh", "chuyên viên", "ủy viên", "uỷ viên",
    "cán bộ", "công chức", "lãnh đạo", "đại diện", "tổ trưởng", "thư ký", "chi hội trưởng", "chỉ huy", "đại biểu",
    "văn phòng", "ủy ban", "uỷ ban", "đảng ủy", "đảng uỷ", "hội đồng", "ban ", "công an", "mặt trận", "thủ trưởng",
    "tập thể", "kế toán", "người chủ trì", "chủ trì", "ubnd", "hđnd", "ubmttq", "mttq",
)
# The same, typed without accents (distinctive enough to tell a title from a name).
_ACRONYMS = frozenset({"ubnd", "hdnd", "mttq", "ubmttq", "tdp", "bch"})
_FOLDED_TITLE_HEADS = ("chu tich", "pho chu tich", "bi thu", "pho bi thu", "ubnd", "hdnd", "uy ban", "dang uy")
_OTHER_PLACES = ("thành phố", "tỉnh", "quận", "huyện", "thị xã", "phường", "xã", "đặc khu", "trung ương")
_WOMEN_ONLY = ("phu nu",)  # a post in the women's union is held by a woman (folded)


@dataclass(frozen=True)
class Person:
    """Someone a document names: `name` bare (no honorific), `title` the post ("" when unknown), `gender` MALE, FEMALE
    or None, `note` a remark typed after the person ("(được Chủ tịch ủy quyền)"), `comrade` when typed "đồng chí"."""

    name: str = ""
    title: str = ""
    gender: str | None = None
    note: str = ""
    comrade: bool = False

    def __bool__(self) -> bool:
        return bool(self.name or self.title)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def text(self) -> str:
        """Name and title as a cell holds them: "Hà Văn Tuấn, Chủ tịch UBND xã Phong Quang"."""
        return ", ".join(x for x in (self.name, self.title) if x) + (f" {self.note}" if self.note else "")


def _honorific(text: str) -> tuple[str | None, str, bool]:
    """(gender or _COMRADE or None, the rest, whether an honorific was there) for the first honorific of `text`."""
    low = text.casefold()
    either = _EITHER.match(low)
    if either:
        rest = text[either.end():].strip(" :")
        return (None, rest, True) if rest else (None, text, False)
    for word, gender, spaced, keeps in _HONORIFICS:
        if not low.startswith(word):
            continue
        rest = text[len(word):]
        if spaced and rest[:1] not in (" ", ":"):
            continue
        rest = rest.strip(" :")
        if len(rest.split()) >= keeps:
            return gender, rest, True
    return None, text, False


def strip_honorific(name: Any) -> tuple[str | None, str]:
    """(the gender an honorific gives, the bare name): "Ông Xa Văn Pọm" -> ("Nam", "Xa Văn Pọm"); "B. Lò Thị Xuân" ->
    ("Nữ", "Lò Thị Xuân"); "Đồng chí Nguyễn Văn A" and "Ông (Bà) Lê Văn B" give no gender. Case and Unicode form do not
    matter; honorifics typed twice ("Ông (Bà) Ông …") all go. A name without one comes back as it is (NFC, one line)."""
    text = text_of(name)
    if not _may_have_honorific(text):
        return None, text
    gender, bare, _ = _strip_all(text)
    return gender, bare


def _strip_all(text: str) -> tuple[str | None, str, bool]:
    """(gender, bare text, typed "đồng chí") after every honorific at the start of `text`."""
    gender, comrade = None, False
    while True:
        found, rest, stripped = _honorific(text)
        if not stripped:
            return gender, text, comrade
        if found == _COMRADE:
            comrade = True
        elif found is not None and gender is None:
            gender = found
        text = rest


def _starts_title(text: str) -> bool:
    low = " ".join(tone_normalize(text).casefold().split())
    folded = fold(text)
    return any(low.startswith(h) for h in _TITLE_HEADS) or any(folded.startswith(h) for h in _FOLDED_TITLE_HEADS)


def _is_title(text: str) -> bool:
    """A post or a body rather than a name: it starts like one, or holds a body's abbreviation or a lowercase word."""
    if _starts_title(text):
        return True
    words = text.replace(".", " ").replace(",", " ").split()
    return any(fold(w) in _ACRONYMS for w in words) or any(w[:1].islower() for w in words)


def _is_name(text: str, *, alone: bool = False) -> bool:
    """A person's name: words each starting with a capital, letters only, not a title. One word only when `alone` (after
    an honorific: "Bà Xuân")."""
    words = text.split()
    if not (2 if not alone else 1) <= len(words) <= 7 or _is_title(text):
        return False
    return all(w[0].isupper() and w.replace("-", "").isalpha() for w in words)


def _split_name_title(text: str) -> tuple[str, str] | None:
    """"Hà Văn Tuấn Chủ tịch UBND xã" -> ("Hà Văn Tuấn", "Chủ tịch UBND xã"): a name then a title without a separator."""
    words = text.split()
    for cut in range(2, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if len(words) - cut >= 2 and _starts_title(tail) and _is_name(head):
            return head, tail
    return None


def parse_person(text: Any) -> Person:
    """A person as offices type one into a setting or a cell: "Ông Hà Văn Tuấn, Chủ tịch UBND xã", "Chủ tịch UBND",
    "đồng chí Nguyễn Văn A - Bí thư Đảng ủy", "Chủ tịch UBND xã - Ông Hà Văn Tuấn", "Bí thư Đảng ủy, Chủ tịch UBND" (one
    title), a name alone, a title alone; a remark in brackets at the end is the `note`. The title is as typed (the
    unit is added by `resolve`)."""
    line = text_of(text)
    if not line:
        return Person()
    note = ""
    match = _NOTE.match(line)
    if match and match.group(2).casefold() not in ("(bà)", "(ông)"):
        line, note = match.group(1).strip(" ,;-–—"), match.group(2)
    gender, bare, comrade = _strip_all(line)
    typed = bare != line
    pieces = [p for p in _SEPARATOR.split(bare) if p]
    name, title = "", ""
    if len(pieces) > 1:
        first, last = pieces[0], pieces[-1]
        last_gender, last_bare, last_comrade = _strip_all(last)
        if (typed and not _is_title(first)) or _is_name(first):
            name, title = first, _after(bare, first)
        elif last_bare != last and not _is_title(last_bare) or _is_name(last_bare):
            name, title = last_bare, _before(bare, last)
            gender, comrade = gender or last_gender, comrade or last_comrade
        else:
            title = bare
    else:
        split = _split_name_title(bare)
        if split:
            name, title = split
        elif _is_name(bare, alone=typed) or (typed and not _is_title(bare)):
            name = bare
        else:
            title = bare
    return Person(name, title.strip(" ,;-–—"), gender, note, comrade)


def _after(text: str, first: str) -> str:
    return _SEPARATOR.sub("", text[len(first):], count=1) if text.startswith(first) else text


def _before(text: str, last: str) -> str:
    cut = text.rfind(last)
    head = text[:cut] if cut >= 0 else text
    return head.rstrip(" ,;-–—")


# --- who holds a post, who is called what: the delegates read once (`Directory`)


@lru_cache(maxsize=1 << 14)  # posts and units repeat down the delegates sheet
def _post_key(text: str, place: str) -> tuple[str, ...]:
    """A post compared with another: accents, case, punctuation, the unit's own name (`place`) and level words
    ignored; "Ủy ban nhân dân" is "UBND", "Hội đồng nhân dân" is "HĐND"."""
    folded = " " + re.sub(r"[^\w]+", " ", fold(text)) + " "
    for long, short in ((" uy ban nhan dan ", " ubnd "), (" hoi dong nhan dan ", " hdnd ")):
        folded = folded.replace(long, short)
    place = fold(place)
    if place:
        folded = folded.replace(f" {place} ", " ")
    return tuple(w for w in folded.split() if w not in ("phuong", "xa", "dac", "khu", "thi", "tran"))


@lru_cache(maxsize=1 << 12)
def _ours(unit: str, place: str) -> bool:
    """A delegate's `Đơn vị` is this unit's (or names none): a post of the city or of another ward is not ours."""
    key, place = name_key(unit), name_key(place)
    if not key or (place and place in key):
        return True
    return not any(f" {p} " in f" {key} " for p in _OTHER_PLACES)


def _bare_key(name: str) -> str:
    """`keys.name_key` of a name without its honorific (cheap when there is none: most names)."""
    return name_key(strip_honorific(name)[1] if _may_have_honorific(name) else name)


_PREFIXES = tuple({word for word, *_ in _HONORIFICS} | {"ð"})  # "Ð": a mis-converted "Đ"


def _may_have_honorific(text: str) -> bool:
    """A quick test before the real one: does `text` start like an honorific?"""
    return unicodedata.normalize("NFC", text.lstrip()[:24]).casefold().startswith(_PREFIXES)  # 24: room for NFD


@dataclass
class Directory:
    """The workbook's people, read once: the gender known for each name (`known_genders`), the delegates by name and by
    post (this unit's only). Every lookup of the People section goes through one, so a documents run reads the
    delegates once per document, not once per question."""

    settings: dict[str, Any]
    known: dict[str, str]
    named: dict[str, list[Row]]  # bare name key -> delegate rows
    posts: dict[tuple[str, ...], dict[str, Row]]  # post key -> {bare name key: first row}

    @property
    def place(self) -> str:
        return text_of(self.settings.get("ten_don_vi"))

    def holder(self, title: str) -> Row | None:
        """The one delegate whose post is `title` (in this unit), or None when nobody or several hold it."""
        found = self.posts.get(_post_key(title, self.place), {}) if title else {}
        return next(iter(found.values())) if len(found) == 1 else None

    def named_one(self, name: str) -> Row | None:
        """The one delegate called `name`, or None (nobody, or two people of one name)."""
        rows = self.named.get(name_key(name), [])
        return rows[0] if len(rows) == 1 else None

    def named_inside(self, title: str) -> Row | None:
        """A delegate whose name ends `title` ("Chủ tịch UBND xã Hà Văn Tuấn")."""
        words = name_key(title).split()
        for size in range(min(6, len(words) - 1), 1, -1):
            found = self.named_one(" ".join(words[-size:]))
            if found is not None:
                return found
        return None


def directory(book: Any) -> Directory:
    """The `Directory` of `book` (a `model.BookData`): one pass over `Đại biểu`, `Phiếu đăng ký` and the petitions."""
    place = text_of(book.settings.get("ten_don_vi"))
    named: dict[str, list[Row]] = defaultdict(list)
    posts: dict[tuple[str, ...], dict[str, Row]] = defaultdict(dict)
    for record in book.delegates.records:
        name = text_of(record.get("ho_ten"))
        key = _bare_key(name)
        if not key:
            continue
        named[key].append(record)
        post, unit = text_of(record.get("chuc_vu")), text_of(record.get("don_vi"))
        if post and _ours(unit, place):
            for wanted in {_post_key(post, place), _post_key(f"{post} {unit}", place)}:
                posts[wanted].setdefault(key, record)
    return Directory(book.settings, known_genders(book), dict(named), dict(posts))


def holder(book: Any, title: str, people: Directory | None = None) -> Row | None:
    """The one delegate of `Đại biểu` whose post is `title` (in this unit), or None when nobody or several hold it."""
    return (people or directory(book)).holder(title)


# --- gender


def _gender_value(value: Any) -> str | None:
    return _GENDER_BY_KEY.get(list_key(value)) if isinstance(value, str) else None


def known_genders(book: Any) -> dict[str, str]:
    """`keys.name_key` of a bare name -> the gender the workbook records for it: `Giới tính` of `Đại biểu` and of
    `Phiếu đăng ký`, then an honorific typed into a name anywhere (delegates, slips, petitions, the secretary's sheet,
    the chair and signer settings). A name given both genders (two people of one name) is left out."""
    recorded: dict[str, set[str]] = defaultdict(set)
    for table in (book.delegates, book.slips):
        for record in table.records:
            gender = _gender_value(record.get("gioi_tinh"))
            if gender:
                key = _bare_key(text_of(record.get("ho_ten")))
                if key:
                    recorded[key].add(gender)
    typed: dict[str, set[str]] = defaultdict(set)
    for text in _typed_names(book):
        if not _may_have_honorific(text):
            continue
        gender, _ = strip_honorific(text)
        if gender is None:  # no honorific that tells (parsing only these keeps a large workbook fast)
            continue
        key = parse_person(text).key
        if key and key not in recorded:
            typed[key].add(gender)
    genders = {**typed, **recorded}
    return {key: next(iter(values)) for key, values in genders.items() if len(values) == 1}


def _typed_names(book: Any) -> Iterable[str]:
    for table, column in ((book.delegates, "ho_ten"), (book.slips, "ho_ten"), (book.petitions, "nguoi_kien_nghi")):
        for record in table.records:
            yield text_of(record.get(column))
    for key in ("chu_tri", "dong_chu_tri", "nguoi_ky"):
        yield text_of(book.settings.get(key))
    day = getattr(book, "conference", None)
    if day is not None:
        for key in ("chu_tri", "dong_chu_tri", "thu_ky"):
            yield text_of(day.facts.get(key))
        for _, values in day.rows:
            yield text_of(values.get("ho_ten"))


def gender_of(name: Any, known: dict[str, str] | None = None, recorded: Any = None, post: str = "") -> str | None:
    """The gender of the person called `name`, from the best evidence: `recorded` (a `Giới tính` cell), an honorific
    typed into the name, `known` (`known_genders`), "Thị" as middle name, a post in the women's union. None: unknown."""
    typed, bare = strip_honorific(name)
    return _gender(bare, typed, known, recorded, post)


def _gender(bare: str, typed: str | None, known: dict[str, str] | None, recorded: Any, post: str) -> str | None:
    gender = _gender_value(recorded)
    if gender:
        return gender
    if typed:
        return typed
    if known and name_key(bare) in known:
        return known[name_key(bare)]
    words = bare.split()
    if len(words) >= 3 and words[1].casefold() == "thị":
        return FEMALE
    if post and any(w in fold(post) for w in _WOMEN_ONLY):
        return FEMALE
    return None


def person_named(name: Any, known: dict[str, str] | None = None, recorded: Any = None, post: str = "") -> Person:
    """A citizen or delegate as a letter or invitation names them: the bare name and the gender (`gender_of`)."""
    typed, bare = strip_honorific(name)
    return Person(bare, "", _gender(bare, typed, known, recorded, post))


# --- the chair, the co-chair, the signer, the secretary


def resolve(person: Person, book: Any, people: Directory | None = None) -> Person:
    """`person` completed from the workbook: the unit in the title; a delegate's name typed inside the title ("Chủ tịch
    UBND xã Hà Văn Tuấn") split off; the name of the delegate holding the post, or the post of the delegate named; the
    gender (`gender_of`, the delegate's `Giới tính` first)."""
    if not person:
        return person
    settings = book.settings
    people = people or directory(book)
    name, title = person.name, person.title
    delegate = None
    if not name and title:
        delegate = people.named_inside(title)
        after = _name_after_unit(title, settings) if delegate is None else None
        if delegate is not None:
            name = strip_honorific(text_of(delegate.get("ho_ten")))[1]
            title = _title_without(title, name)
        elif after:
            name, title = after, _title_without(title, after)
            delegate = people.named_one(name)
        else:
            delegate = people.holder(title)
            if delegate is not None:
                name = strip_honorific(text_of(delegate.get("ho_ten")))[1]
    elif name:
        delegate = people.named_one(name)
        if delegate is not None and not title:
            title = text_of(delegate.get("chuc_vu"))
    recorded = _gender_value(delegate.get("gioi_tinh")) if delegate is not None else None
    post = text_of(delegate.get("chuc_vu")) if delegate is not None else ""
    gender = recorded or person.gender or (gender_of(name, people.known, None, post) if name else None)
    title = tidy_title(title, people.place)
    return Person(name, with_unit(title, settings), gender, person.note, person.comrade)


_BODY_LEVEL = re.compile(r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|đảng ủy|đảng uỷ|hđnd|hội đồng nhân dân)\s+"
                         r"(?:phường|xã|đặc khu|thị trấn)\s+", re.IGNORECASE)


def _name_after_unit(title: str, settings: dict[str, Any]) -> str:
    """The name typed after the post: "Chủ tịch UBND xã Phong Quang Hà Văn Tuấn" or "Chủ tịch UBND xã Hà Văn Tuấn" (the
    words after the level are not the unit's own name) -> "Hà Văn Tuấn"; "" when none."""
    place = text_of(settings.get("ten_don_vi"))
    key = name_key(title)
    if not place:  # "… UBND xã Phong Quang" could be the place as well as a person
        return ""
    if name_key(place) in key:
        at = title.casefold().find(place.casefold())
        rest = title[at + len(place):].strip(" ,;-–—") if at >= 0 else ""
        return rest if rest and _is_name(rest) else ""
    match = _BODY_LEVEL.search(title)
    rest = title[match.end():].strip() if match else ""
    return rest if rest and _is_name(rest) and name_key(rest) != name_key(place) else ""


def _title_without(title: str, name: str) -> str:
    words = title.split()
    return " ".join(words[: len(words) - len(name.split())]).rstrip(" ,;-–—")


def chair(book: Any, people: Directory | None = None) -> Person:
    """The chair `Người chủ trì` names (default "Chủ tịch UBND"), completed by `resolve`."""
    return resolve(parse_person(conference_chair(book.settings)), book, people)


def co_chair(book: Any, people: Directory | None = None) -> Person | None:
    """The co-chair `Người đồng chủ trì` names, or None."""
    typed = parse_person(text_of(book.settings.get("dong_chu_tri")))
    return resolve(typed, book, people) if typed else None


def signer_title(settings: dict[str, Any]) -> str:
    """The signer's post in words: "PHÓ CHỦ TỊCH" -> "Phó Chủ tịch UBND phường Tứ Minh" (a Party plan: "… Đảng ủy …")."""
    post = text_of(settings.get("chuc_vu_ky")) or (schema.SIGNER_SECRETARY if is_party(settings) else schema.SIGNER_CHAIR)
    body = "Đảng ủy" if is_party(settings) else "UBND"
    return with_unit(tidy_title(f"{post.lower()} {body}"), settings)


_LEADERS = ("chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư", "thường trực", "ủy viên", "uỷ viên")
_CAPITAL_PAIRS = {("chủ", "tịch"), ("bí", "thư"), ("đảng", "ủy"), ("đảng", "uỷ")}


def tidy_title(title: str, place: str = "") -> str:
    """A leader's post typed in capitals or in lower case, written as documents write it: "CHỦ TỊCH UBND XÃ" and "chủ
    tịch ubnd xã" -> "Chủ tịch UBND xã", "phó bí thư đảng ủy" -> "Phó Bí thư Đảng ủy". Any other title keeps its
    case ("chuyên viên Văn phòng" is written so), except the bodies' abbreviations (UBND, HĐND, MTTQ) in capitals;
    `place` (the unit's name) is written as the settings write it."""
    words = title.split()
    if not words:
        return title
    shouting = title.isupper() and len(words) > 1
    low = " ".join(w.lower() for w in words)
    if shouting or (title[:1].islower() and low.startswith(_LEADERS)):
        if shouting:
            words = [w.lower() for w in words]
        for index, word in enumerate(words):
            following = words[index + 1].lower() if index + 1 < len(words) else ""
            if index == 0 or (word.lower(), following) in _CAPITAL_PAIRS:
                words[index] = word[:1].upper() + word[1:]
    text = " ".join(w.upper() if fold(w) in _ACRONYMS else w for w in words)
    at = text.casefold().find(place.casefold()) if place else -1
    return text[:at] + place + text[at + len(place):] if at >= 0 and len(text.casefold()) == len(text) else text


def signer(book: Any, people: Directory | None = None) -> Person:
    """Who signs: the name in `Họ tên người ký` (an honorific or a title typed there never printed as the name), else
    the delegate holding the signer's post; the title from `Chức vụ người ký`."""
    typed = parse_person(text_of(book.settings.get("nguoi_ky")))
    title = signer_title(book.settings)
    person = resolve(Person(typed.name, "" if typed.name else (typed.title or title), typed.gender, "", typed.comrade),
                     book, people)
    return Person(person.name, title, person.gender, "", person.comrade)


def secretary(book: Any, people: Directory | None = None) -> Person:
    """The secretary the secretary's sheet names (`Thư ký`), or an empty Person."""
    day = getattr(book, "conference", None)
    typed = parse_person(text_of(day.facts.get("thu_ky"))) if day is not None else Person()
    return resolve(typed, book, people) if typed else typed


def holder_conflict(book: Any, person: Person | None, people: Directory | None = None) -> str:
    """The name `Đại biểu` gives the post of `person` when it is another than `person`'s ("" when they agree, or when
    the delegates do not say): one post, two names, which a document must not print as if both were right."""
    if not person or not person.name or not person.title:
        return ""
    found = holder(book, person.title, people)
    if found is None:
        return ""
    other = strip_honorific(found.get("ho_ten"))[1]
    return other if name_key(other) != person.key else ""


def same_person(a: Person | None, b: Person | None, settings: dict[str, Any]) -> bool:
    """One person: the same name (`keys.name_key`); without names on both sides, the same post."""
    if not a or not b:
        return False
    if a.name and b.name:
        return a.key == b.key
    place = text_of(settings.get("ten_don_vi"))
    return bool(a.title and b.title) and _post_key(a.title, place) == _post_key(b.title, place)


@dataclass(frozen=True)
class Chairs:
    """Who chaired the conference (`who_chaired`), and whether the secretary's sheet names another chair than the plan."""

    chair: Person
    co_chair: Person | None
    planned: Person
    by_secretary: bool = False


def planned_chairs(book: Any, people: Directory | None = None) -> Chairs:
    """The chair and co-chair the plan names (`Người chủ trì`, `Người đồng chủ trì`), as people."""
    people = people or directory(book)
    first = chair(book, people)
    return Chairs(first, co_chair(book, people), first)


def who_chaired(book: Any, people: Directory | None = None) -> Chairs:
    """The one answer to "who chaired": the plan's chair and co-chair, unless the secretary's sheet names another
    (`Chủ trì`, `Đồng chủ trì` on `Diễn biến hội nghị`); then the sheet's. The minutes, the results notice and the
    report upward all call this, so they name the same people."""
    people = people or directory(book)
    plan = planned_chairs(book, people)
    day = getattr(book, "conference", None)
    if day is None:
        return plan
    typed = resolve(parse_person(text_of(day.facts.get("chu_tri"))), book, people)
    typed_co = resolve(parse_person(text_of(day.facts.get("dong_chu_tri"))), book, people)
    first, changed = plan.chair, False
    if typed and not same_person(typed, plan.chair, book.settings):
        first, changed = typed, True
    elif typed and typed.note and not plan.chair.note:
        first = Person(plan.chair.name, plan.chair.title, plan.chair.gender, typed.note, plan.chair.comrade)
    second = plan.co_chair
    if typed_co and not same_person(typed_co, plan.co_chair, book.settings):
        second = typed_co
    return Chairs(first, second, plan.chair, changed)




# --------------------------------------------------------------------------------------------------
# Hosts (issue 24): who hosts the conference and so gets no invitation to it.
#
# A chair's or co-chair's title may hold several posts ("Bí thư Đảng ủy, Chủ tịch UBND") or name a standing body
# ("Thường trực HĐND": its Chairman and Vice-Chairmen). A delegate hosts when one of the posts on its `Chức vụ` (split
# the same way) is one of the hosts' posts, compared by `_post_key` (accents, case, the unit's name ignored).

_STANDING_BODIES = {
    ("thuong", "truc", "hdnd"): ("Chủ tịch HĐND", "Phó Chủ tịch HĐND", "Phó Chủ tịch Thường trực HĐND"),
    ("thuong", "truc", "dang", "uy"): ("Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Phó Bí thư Thường trực Đảng ủy"),
    ("thuong", "truc", "ubnd"): ("Chủ tịch UBND", "Phó Chủ tịch UBND"),
}
_POST_SPLIT = re.compile(r"\s*(?:,|;|\bkiêm\b|\bvà\b|\bđồng thời\b)\s*", re.IGNORECASE)


def posts_of(title: str, place: str = "") -> set[tuple[str, ...]]:
    """The post keys a title holds: "Bí thư Đảng ủy, Chủ tịch UBND xã" -> {bí thư đảng ủy, chủ tịch ubnd}; a standing
    body ("Thường trực HĐND") -> the posts that form it. Posts compare whole: "Bí thư" is not "Bí thư chi bộ"."""
    keys: set[tuple[str, ...]] = set()
    for part in _POST_SPLIT.split(text_of(title)):
        key = _post_key(part, place)
        if not key:
            continue
        keys.add(key)
        for body, members in _STANDING_BODIES.items():
            if key == body:
                keys.update(_post_key(member, place) for member in members)
    return keys


def hosts(book: Any, people: Directory | None = None) -> set[str]:
    """`keys.name_key` of every bare name that hosts the conference: the plan's chair and co-chair and the signer
    (named, or found on `Đại biểu` by the posts their titles hold), and this unit's Chairman of the People's Committee."""
    people = people or directory(book)
    chairs = planned_chairs(book, people)
    signing = signer(book, people)
    found = {person.key for person in (chairs.chair, chairs.co_chair, signing) if person and person.name}
    wanted: set[tuple[str, ...]] = {_post_key("Chủ tịch UBND", people.place)}
    for person in (chairs.chair, chairs.co_chair):
        if person and person.title:
            wanted |= posts_of(person.title, people.place)
    for key, rows in people.named.items():
        for record in rows:
            post, unit = text_of(record.get("chuc_vu")), text_of(record.get("don_vi"))
            if post and _ours(unit, people.place) and (posts_of(post, people.place) | posts_of(f"{post} {unit}",
                                                                                             people.place)) & wanted:
                found.add(key)
    return found - {""}
