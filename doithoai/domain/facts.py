"""The conference's facts, decided once: every document, the roll-up, the carry-over, intake and the secretary's sheet
read them here and none counts or decides on its own. Pure, stdlib only (plus the schema and the identity keys).

One rule per question (issue 23, "One truth per conference"):

- **handling class** (`handling_of`): the petition's `Hình thức xử lý` as the list spells it, compared by
  `keys.list_key`; blank or a value outside the list is the explicit class `UNCLASSIFIED`, counted and printed like
  the others, so every total is the sum of its parts;
- **upward** (`is_upward`): the handling class is "Ghi nhận, báo cáo cấp trên" — nothing else. A competence of
  "Cấp trên" with another handling class is a contradiction `validate` reports at the cell; it is not counted twice;
- **answered at the conference** (`at_conference`): the handling class "Trả lời tại hội nghị";
- **answered** (`answered`): the petition has an answer text;
- **open** (`is_open`): its status is not one that closes it ("Đã trả lời", "Đã giải quyết", "Đã chuyển cấp trên"),
  compared by `keys.list_key`, so "Dang xu ly" is "Đang xử lý" and still open; a status outside the list is open
  (carrying a matter over is safer than dropping it);
- **present** (`is_present`): `Có mặt` is "Có" (by `keys.list_key`);
- **the same person** is `keys.name_key` everywhere (intake, the secretary's sheet, the letters): "Hoà" is "Hòa",
  "Hùng" and "Hưng" are two people. Only the validator's `duplicate_person` hint also matches a name typed without
  any accent, as "maybe the same person, check";
- **the next answer-letter number** (`next_letter_number`, in "Numbers" below): one past the highest number of the
  letters' series any petition row holds ("150/UBND-VP", "Số: 151/UBND-VP", a bare "152"; a number on a row whose
  code and content were cleared too), never below `Số văn bản trả lời tiếp theo`. The letters run numbers from it and
  `new --from` continues from it.
- **a document's milestone** (`milestone_of`, in "Timeline milestones" below): the `Mốc thời gian` row that is the
  memo's, the invitations', the announcement's, the conference's… recognised by what its name says (accents, case
  ignored) and, for an ambiguous "thông báo" row, by its side of the conference day. The documents' dates
  (documents/dates.py) and the roll-up read it.

People (the "People" section): the chair, co-chair, signer and secretary are `Person(name, title, gender)`, the name
always bare. `parse_person` reads a setting as offices type it ("Ông Hà Văn Tuấn, Chủ tịch UBND xã", "Chủ tịch UBND",
"đồng chí Nguyễn Văn A - Bí thư Đảng ủy", a name alone, a title alone, a remark in brackets); `resolve` completes it
from `Đại biểu` (the one delegate of this unit holding the post, or the post of the delegate named) and adds the unit
to the title. An honorific typed into a name (Ông, Bà, Anh, Chị, Đồng chí, đ/c, Ô., B., "Ông (Bà)"; any case, NFC or
NFD) is recognised by `strip_honorific`, never printed twice, and gives the gender where none is recorded. The gender
(`gender_of`): the row's own `Giới tính`, else the honorific, else the gender recorded for that name anywhere in the
workbook (`known_genders`: delegates, slips, by `keys.name_key`; a name recorded with both is unknown), else "Thị" as
middle name, else a post in the women's union; otherwise unknown, and only then "Ông (Bà)". `who_chaired` is the one
answer to "who chaired": the plan's chair, unless the secretary's sheet names another (then the minutes, the notice and
the report upward all name that one).

`PetitionFacts` holds the counts every document prints (by class, by field, by source, by status; the statistics table
whose rows and columns add up) and is computed by one function (`petition_facts`) that every document calls.
Imports: the standard library, the schema, the identity keys, `text` and `conference_settings` (all pure).

Longer than the ~450-line guide on purpose for now: issue 23 asked for one module that every document, the roll-up and
the carry-over read, and its sections (petitions, people, attendance, numbers, the timeline, hosts) landed in parallel.
The next step (issue 26, layers you can see in the folders) is a package `facts/` with one module per section,
re-exported here so that `facts.X` stays the one name every caller uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from ..core import schema
from ..core.keys import code_key, list_key, name_key
from ..core.text import cell_text, fold, tone_normalize
from ..core.values import INT_LIMIT
from .conference_settings import chair as conference_chair
from .conference_settings import is_party, with_unit
from .kinds import CONFERENCE_MILESTONE, KINDS
from .numbering import number_of, symbol_for

UNCLASSIFIED = "Chưa phân loại"  # the handling class of a petition whose `Hình thức xử lý` is blank or off the list
NO_FIELD = "Chưa xác định lĩnh vực"
NO_SOURCE = "Chưa ghi nguồn"
NO_STATUS = "Chưa cập nhật"
OTHER_GROUP = "Đại biểu khác"
TOTAL = "Tổng cộng"

HANDLING_ORDER = (schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD)
CLASS_ORDER = (*HANDLING_ORDER, UNCLASSIFIED)
_HANDLING_BY_KEY = {list_key(h): h for h in HANDLING_ORDER}
_UPWARD = list_key(schema.HANDLING_UPWARD)
_AT_CONFERENCE = list_key(schema.HANDLING_AT_CONFERENCE)
_UPPER = list_key(schema.COMPETENCE_UPPER)
_LOCAL = list_key(schema.COMPETENCE_LOCAL)
CLOSED_STATUSES = (schema.STATUS_ANSWERED, schema.STATUS_RESOLVED, schema.STATUS_UPWARD)
_CLOSED = frozenset(list_key(s) for s in CLOSED_STATUSES)
_MOVED = list_key(schema.STATUS_UPWARD)
_YES = list_key(schema.YES_NO[0])


class Row(Protocol):
    """A petition, assignment or delegate: a `model.Record`, or the plain dict the roll-up keeps."""

    def get(self, key: str, default: Any = None) -> Any: ...


def text_of(value: Any) -> str:
    """A cell as one line of display text for grouping and naming: `cell_text` on one line, but "" for TRUE/FALSE (a
    checkbox's value left in a text column is no field, source or name)."""
    return "" if isinstance(value, bool) else cell_text(value, one_line=True)


# --------------------------------------------------------------------------------------------------
# One petition


def handling_of(petition: Row) -> str:
    """The handling class as the list spells it, or `UNCLASSIFIED`."""
    value = petition.get("hinh_thuc_xu_ly")
    return _HANDLING_BY_KEY.get(list_key(value), UNCLASSIFIED) if isinstance(value, str) else UNCLASSIFIED


def is_upward(petition: Row) -> bool:
    value = petition.get("hinh_thuc_xu_ly")
    return isinstance(value, str) and list_key(value) == _UPWARD


def at_conference(petition: Row) -> bool:
    value = petition.get("hinh_thuc_xu_ly")
    return isinstance(value, str) and list_key(value) == _AT_CONFERENCE


def answered(petition: Row) -> bool:
    return bool(text_of(petition.get("noi_dung_tra_loi")))


def is_open(petition: Row) -> bool:
    status = petition.get("trang_thai")
    return not (isinstance(status, str) and list_key(status) in _CLOSED)


def moved_upward(petition: Row) -> bool:
    """Its status says it was passed to the higher level ("Đã chuyển cấp trên")."""
    status = petition.get("trang_thai")
    return isinstance(status, str) and list_key(status) == _MOVED


def competence_conflict(petition: Row) -> str | None:
    """Why the competence contradicts the handling class, or None: "Cấp trên" handled by the ward itself, or a matter
    within the ward's competence reported upward. Validation reports it at the cell; the documents follow the class."""
    competence = petition.get("tham_quyen")
    if not isinstance(competence, str):
        return None
    key, handling = list_key(competence), handling_of(petition)
    if key == _UPPER and handling in (schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER):
        return "upper_not_upward"
    if key == _LOCAL and handling == schema.HANDLING_UPWARD:
        return "local_upward"
    return None


def field_of(petition: Row) -> str:
    return text_of(petition.get("linh_vuc"))


def canonical(values: Iterable[str], order: Sequence[str]) -> dict[str, str]:
    """Each typed value -> its label: the list's spelling when `keys.list_key` matches one, else the first spelling met
    ("đất đai" and "Đất Đai" are one field, printed "Đất đai")."""
    labels = {list_key(v): v for v in order}
    result: dict[str, str] = {}
    for value in values:
        if value and value not in result:
            result[value] = labels.setdefault(list_key(value), value)
    return result


def is_present(delegate: Row) -> bool:
    value = delegate.get("co_mat")
    return isinstance(value, str) and list_key(value) == _YES


def is_petition(record: Row) -> bool:
    """A row with a code or content: a row with neither is an empty line, not a petition."""
    return bool(code_key(record.get("ma_kien_nghi")) or text_of(record.get("noi_dung")))


# --------------------------------------------------------------------------------------------------
# Counts that add up


def ordered(values: Iterable[str], order: Sequence[str], blank: str = "") -> list[str]:
    """The values present: first those of `order` (the workbook's list) in its order, then the others sorted, then
    blank ("") last. Each value once."""
    present = set(values)
    known = [v for v in order if v in present]
    seen = set(known)
    others = sorted(v for v in present if v and v not in seen)
    return known + others + ([blank] if "" in present else [])


def group(records: Iterable[Any], key: Callable[[Any], str]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return groups


@dataclass(frozen=True)
class StatRow:
    """One row of the statistics table: the petitions of one field (or all of them), by handling class.
    `tong` is always the sum of the four class columns."""

    ten: str
    tong: int
    tai_hoi_nghi: int
    tra_loi_sau: int
    cap_tren: int
    chua_phan_loai: int
    da_tra_loi: int
    chua_tra_loi: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def stat_row(name: str, members: Sequence[Row]) -> StatRow:
    classes = Counter(handling_of(r) for r in members)
    done = sum(1 for r in members if answered(r))
    return StatRow(name, len(members), classes[schema.HANDLING_AT_CONFERENCE], classes[schema.HANDLING_LATER],
                   classes[schema.HANDLING_UPWARD], classes[UNCLASSIFIED], done, len(members) - done)


@dataclass
class PetitionFacts:
    """What every document says about the petitions; built by `petition_facts`."""

    rows: list[Any]  # the petitions, in the sheet's order
    classes: list[tuple[str, list[Any]]]  # (class, members) for every class present, in CLASS_ORDER
    fields: list[tuple[str, list[Any]]]  # (field as typed, "" for none; members) in the workbook's list order
    sources: list[tuple[str, int]]  # (source, count), "" for none
    statuses: list[tuple[str, int]]  # (status, count), "" for none
    table: list[StatRow]  # one row per field
    total: StatRow
    upward: list[Any] = field(default_factory=list)
    open: list[Any] = field(default_factory=list)

    def count(self, handling: str) -> int:
        return next((len(members) for name, members in self.classes if name == handling), 0)

    @property
    def unclassified(self) -> int:
        return self.count(UNCLASSIFIED)

    def summary_sentence(self) -> str:
        """"85, trong đó: trả lời tại hội nghị 33; kiểm tra, trả lời sau 40; ghi nhận, báo cáo cấp trên 9; chưa phân loại
        3" — the parts always add up to the total (the unclassified part only when there is one)."""
        parts = [f"trả lời tại hội nghị {self.count(schema.HANDLING_AT_CONFERENCE)}",
                 f"kiểm tra, trả lời sau {self.count(schema.HANDLING_LATER)}",
                 f"ghi nhận, báo cáo cấp trên {self.count(schema.HANDLING_UPWARD)}"]
        if self.unclassified:
            parts.append(f"chưa phân loại hình thức xử lý {self.unclassified}")
        return f"{self.total.tong}, trong đó: " + "; ".join(parts)


def petition_facts(book: Any) -> PetitionFacts:
    """The facts of `book`'s petitions (a `model.BookData`). Linear in the petitions; not memoised, so a book changed in
    place (a test, the secretary's sheet merged in) is never described by stale facts."""
    return count_petitions(list(book.petitions.records), book.lists)


def count_petitions(records: Sequence[Row], lists: dict[str, tuple[str, ...]] | None = None) -> PetitionFacts:
    """The facts of a list of petitions (`lists`: the workbook's own lookup lists, for the order of fields, sources and
    statuses)."""
    lists = lists or {}
    rows = [r for r in records if is_petition(r)]
    by_class = group(rows, handling_of)
    classes = [(name, by_class[name]) for name in CLASS_ORDER if by_class.get(name)]
    field_order = tuple(lists.get("linh_vuc") or schema.lookup("linh_vuc").values)
    typed_fields = [field_of(r) for r in rows]
    field_label = canonical(typed_fields, field_order)
    by_field: dict[str, list[Any]] = defaultdict(list)
    for record, typed in zip(rows, typed_fields, strict=True):
        by_field[field_label.get(typed, "")].append(record)
    fields = [(name, by_field[name]) for name in ordered(by_field, field_order)]
    source_order = tuple(lists.get("nguon") or schema.lookup("nguon").values)
    sources = _tally((text_of(r.get("nguon")) for r in rows), source_order)
    status_order = tuple(lists.get("trang_thai") or schema.lookup("trang_thai").values)
    statuses = _tally((text_of(r.get("trang_thai")) for r in rows), status_order)
    return PetitionFacts(
        rows=rows,
        classes=classes,
        fields=fields,
        sources=[(name, sources[name]) for name in ordered(sources, source_order)],
        statuses=[(name, statuses[name]) for name in ordered(statuses, status_order)],
        table=[stat_row(name or NO_FIELD, members) for name, members in fields],
        total=stat_row(TOTAL, rows),
        upward=[r for r in rows if is_upward(r)],
        open=[r for r in rows if is_open(r)],
    )


def _tally(values: Iterable[str], order: Sequence[str]) -> Counter[str]:
    typed = list(values)
    label = canonical(typed, order)
    return Counter(label.get(v, "") for v in typed)


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
# Attendance


@dataclass(frozen=True)
class Attendance:
    groups: list[dict[str, Any]]  # {"ten", "moi", "co_mat"} per delegate group in the list's order
    invited: int
    present: int

    def rows(self) -> list[dict[str, Any]]:
        """The groups, then the total row (what the tables print)."""
        return [*self.groups, {"ten": TOTAL, "moi": self.invited, "co_mat": self.present}]


def presence(delegates: Iterable[Row]) -> tuple[int, int]:
    """(invited, present) among delegate rows: a row counts when it names someone (the roll-up reads only these two
    columns of a ward's delegates, and must count what the ward's own report upward counts)."""
    invited = present = 0
    for record in delegates:
        if text_of(record.get("ho_ten")):
            invited += 1
            present += is_present(record)
    return invited, present


def attendance(book: Any) -> Attendance:
    """Invited and present per delegate group (`Đại biểu` rows with a name), in the list's order."""
    rows = [r for r in book.delegates.records if text_of(r.get("ho_ten"))]
    order = tuple(book.lists.get("nhom_dai_bieu") or schema.lookup("nhom_dai_bieu").values)
    by_group = group(rows, lambda r: text_of(r.get("nhom")))
    groups: list[dict[str, Any]] = []
    present = 0
    for name in ordered(by_group, order):
        count = sum(1 for r in by_group[name] if is_present(r))
        groups.append({"ten": name or OTHER_GROUP, "moi": len(by_group[name]), "co_mat": count})
        present += count
    return Attendance(groups, len(rows), present)


# --------------------------------------------------------------------------------------------------
# Numbers


def letter_number(settings: Mapping[str, Any], value: Any, symbol: str | None = None) -> int | None:
    """The number an answer letter's `Số văn bản trả lời` holds in the letters' series (`numbering.number_of`):
    150 for "150/UBND-VP" however it is spaced or cased, with "Số:" before it, or a bare 150 (the series' number
    without its symbol); None for a number of another series (another symbol) and for no number. `symbol`: the
    letters' symbol when the caller already has it."""
    try:
        number = number_of(settings, value, symbol_for(settings, "letters") if symbol is None else symbol)
    except ValueError:  # more digits than Python converts (4,300)
        return None
    # Bounded as the reader bounds numbers (values.INT_LIMIT): "10^30/UBND" is a typing slip, not a number to continue.
    return number if number is not None and number <= INT_LIMIT else None


def next_letter_number(settings: Mapping[str, Any], petitions: Iterable[Row]) -> int:
    """The number the next new answer letter takes: one past the highest number of the letters' series that any
    petition row holds (`letter_number`; a row without code or content too: a number once used is never given
    again), and never below `Số văn bản trả lời tiếp theo` (a whole number from 1; anything else counts as 1).

    The letters run numbers its new letters from here, and the next conference (`new --from`) continues from here."""
    symbol = symbol_for(settings, "letters")
    counter = settings.get("so_tra_loi_tiep_theo")
    start = counter if isinstance(counter, int) and not isinstance(counter, bool) and counter > 0 else 1
    used = (letter_number(settings, r.get("so_van_ban_tra_loi"), symbol) for r in petitions)
    return max([start, *(number + 1 for number in used if number is not None)])


# --------------------------------------------------------------------------------------------------
# Timeline milestones: which row of `Mốc thời gian` is a document's (or the conference's) milestone.
#
# Staff rename the rows freely, so a row is recognised by what it is, not by its exact wording: the documents date
# themselves from it (documents/dates.py) and the roll-up reads when the announcement, the conference and the notice
# were done (rollup/unit.py). One rule for both, here.

# A document kind's role is its registry entry's `milestone` (kinds.KINDS: the agenda goes out with the invitations; the
# sign-in list and the minutes are the conference day's, CONFERENCE_MILESTONE: "Tổ chức hội nghị đối thoại").


@lru_cache(maxsize=1024, typed=True)  # the timeline's rows repeat from ward to ward: each kind of row looked at once
def milestone_roles(name: Any, base: Any, days: Any) -> frozenset[str]:
    """The roles of one timeline row (`Mốc`, `Căn cứ`, `Số ngày`): "memo", "report" (one row may be both: "Báo cáo
    tổng hợp ý kiến, kiến nghị và Công văn phân công"), "invitations", "announcement", "conference", "notice",
    "report_upward", or none. Accents, case and spacing are ignored (`keys.list_key`)."""
    text = list_key(name) if isinstance(name, str) else ""
    counted = days if isinstance(days, int) and not isinstance(days, bool) else None
    from_conference = list_key(base) == list_key(schema.BASE_CONFERENCE)
    if "thong bao" in text and ("ket qua" in text or (from_conference and counted is not None and counted > 0)):
        return frozenset({"notice"})
    if "thong bao" in text and ("cong khai" in text or (from_conference and counted is not None and counted < 0)):
        return frozenset({"announcement"})
    if "giay moi" in text:
        return frozenset({"invitations"})
    if "bao cao" in text and ("cap tren" in text or "ket qua to chuc hoi nghi" in text or "ket qua hoi nghi" in text):
        return frozenset({"report_upward"})
    roles = set()
    if "cong van phan cong" in text or "van ban phan cong" in text:
        roles.add("memo")
    if "bao cao tong hop" in text and ("y kien" in text or "kien nghi" in text):
        roles.add("report")
    if roles:
        return frozenset(roles)
    if text.startswith("to chuc hoi nghi") or (from_conference and counted == 0 and "hoi nghi" in text):
        return frozenset({CONFERENCE_MILESTONE})
    return frozenset()


_R = TypeVar("_R", bound=Row)


def milestone_of(kind: str, milestones: Iterable[_R]) -> _R | None:
    """The first row of `Mốc thời gian` that is `kind`'s milestone (a document kind: its registry `milestone`; or a role
    itself, such as "conference"), None when the timeline has none."""
    spec = KINDS.get(kind)
    role = spec.milestone if spec is not None else kind
    for row in milestones:
        if role in milestone_roles(row.get("moc"), row.get("can_cu"), row.get("so_ngay")):
            return row
    return None


# --------------------------------------------------------------------------------------------------
# Carried petitions (issue 24): a matter the last conference left open, raised there and not at this one.
#
# `new --from` records where a carried petition came from in `Kết quả, hướng giải quyết`, in one fixed sentence the
# tool writes and reads back (`carry_note`, `carried_from`): the earlier conference's day, its workbook and the code.
# The answer letter says the matter was raised at that conference, not at this one; no signed document prints the
# sentence itself (`direction` is the cell without it).

CARRIED_PREFIX = "Chuyển từ kỳ trước"
_CARRIED = re.compile(r"\s*Chuyển từ kỳ trước(?:: nêu tại hội nghị ngày (?P<day>\d{1,2}/\d{1,2}/\d{4}))?"
                      r"(?: \(sổ “(?P<book>[^”]*)”\))?, mã cũ (?P<code>.+?)\.(?=\s|$)\s*")


@dataclass(frozen=True)
class Carried:
    """Where a carried petition was raised: the earlier conference's day (None when it was not recorded), its
    workbook's file name and the code it had there."""

    raised: Any  # datetime.date | None
    book: str
    code: str


def carry_note(raised: Any, book: str, code: str) -> str:
    """The sentence `new --from` writes: "Chuyển từ kỳ trước: nêu tại hội nghị ngày 20/06/2024 (sổ “a.xlsm”), mã cũ
    KN-002." (`raised` a date or None)."""
    from ..core.values import format_date

    day = f": nêu tại hội nghị ngày {format_date(raised)}" if raised else ""
    where = f" (sổ “{book}”)" if book else ""
    return f"{CARRIED_PREFIX}{day}{where}, mã cũ {code}."


def carried_from(petition: Row) -> Carried | None:
    """The first carry note in the petition's `Kết quả, hướng giải quyết` (a matter carried twice was raised at the
    first conference), or None for a petition raised at this conference."""
    from ..core.values import parse_date

    value = petition.get("ket_qua")
    match = _CARRIED.search(value) if isinstance(value, str) and CARRIED_PREFIX in value else None
    if match is None:
        return None
    return Carried(parse_date(match.group("day")) if match.group("day") else None, match.group("book") or "",
                   match.group("code").strip())


def direction(petition: Row) -> str:
    """`Kết quả, hướng giải quyết` as a document prints it: the office's words without the tool's carry notes."""
    value = text_of(petition.get("ket_qua"))
    if CARRIED_PREFIX not in value:
        return value
    return " ".join(_CARRIED.sub(" ", value).split())


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
