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

`PetitionFacts` holds the counts every document prints (by class, by field, by source, by status; the statistics table
whose rows and columns add up) and is computed by one function (`petition_facts`) that every document calls.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from . import schema
from .keys import code_key, list_key

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

# The statistics table's columns, in order: (context key, the class it counts).
CLASS_COLUMNS = (("tai_hoi_nghi", schema.HANDLING_AT_CONFERENCE), ("tra_loi_sau", schema.HANDLING_LATER),
                 ("cap_tren", schema.HANDLING_UPWARD), ("chua_phan_loai", UNCLASSIFIED))


class Row(Protocol):
    """A petition, assignment or delegate: a `model.Record`, or the plain dict the roll-up keeps."""

    def get(self, key: str, default: Any = None) -> Any: ...


def text_of(value: Any) -> str:
    """A cell as one line of display text for grouping ("" for blank, and for anything that is not a value)."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


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
    """The number an answer letter's `Số văn bản trả lời` holds in the letters' series (`documents.issuer.number_of`):
    150 for "150/UBND-VP" however it is spaced or cased, with "Số:" before it, or a bare 150 (the series' number
    without its symbol); None for a number of another series (another symbol) and for no number. `symbol`: the
    letters' symbol when the caller already has it."""
    from .documents.issuer import number_of, symbol_for  # stdlib only; here so the roll-up's workers never import it

    return number_of(settings, value, symbol_for(settings, "letters") if symbol is None else symbol)


def next_letter_number(settings: Mapping[str, Any], petitions: Iterable[Row]) -> int:
    """The number the next new answer letter takes: one past the highest number of the letters' series that any
    petition row holds (`letter_number`; a row without code or content too: a number once used is never given
    again), and never below `Số văn bản trả lời tiếp theo` (a whole number from 1; anything else counts as 1).

    The letters run numbers its new letters from here, and the next conference (`new --from`) continues from here."""
    from .documents.issuer import symbol_for

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

CONFERENCE_MILESTONE = "conference"  # the role of the conference day's own row ("Tổ chức hội nghị đối thoại")
# Document kind -> the role of the milestone it is dated from. The agenda goes out with the invitations; the sign-in
# list and the minutes are the conference day's.
MILESTONE_OF_KIND = {"memo": "memo", "report": "report", "invitations": "invitations", "agenda": "invitations",
                     "announcement": "announcement", "signin": CONFERENCE_MILESTONE, "minutes": CONFERENCE_MILESTONE,
                     "notice": "notice", "report_upward": "report_upward"}


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
    """The first row of `Mốc thời gian` that is `kind`'s milestone (a document kind of `MILESTONE_OF_KIND`, or
    "conference"), None when the timeline has none."""
    role = MILESTONE_OF_KIND.get(kind, kind)
    for row in milestones:
        if role in milestone_roles(row.get("moc"), row.get("can_cu"), row.get("so_ngay")):
            return row
    return None
