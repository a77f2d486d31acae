"""One petition's facts (handling class, upward, open, answered, competence) and the counts that add up
(`PetitionFacts`, `petition_facts`, the statistics table)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...core import schema
from ...core.keys import code_key, list_key
from .rows import CLASS_ORDER, CLOSED_STATUSES, HANDLING_ORDER, NO_FIELD, TOTAL, UNCLASSIFIED, Row, text_of

# The list values a petition's facts compare by `keys.list_key`.
_HANDLING_BY_KEY = {list_key(h): h for h in HANDLING_ORDER}
_UPWARD = list_key(schema.HANDLING_UPWARD)
_AT_CONFERENCE = list_key(schema.HANDLING_AT_CONFERENCE)
_UPPER = list_key(schema.COMPETENCE_UPPER)
_LOCAL = list_key(schema.COMPETENCE_LOCAL)
_CLOSED = frozenset(list_key(s) for s in CLOSED_STATUSES)
_MOVED = list_key(schema.STATUS_UPWARD)
_YES = list_key(schema.YES_NO[0])

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
