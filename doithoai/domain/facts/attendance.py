"""Who came: the delegates' attendance and presence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...core import schema
from .petitions import group, is_present, ordered
from .rows import OTHER_GROUP, TOTAL, Row, text_of

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
