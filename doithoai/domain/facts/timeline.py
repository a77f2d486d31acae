"""Which row of `Mốc thời gian` is a document's (or the conference's) milestone."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

from ...core import schema
from ...core.keys import list_key
from ..kinds import CONFERENCE_MILESTONE, KINDS
from .rows import Row

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
