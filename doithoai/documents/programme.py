"""The conference's programme from `Chương trình`, timed: what the agenda, the speaker slots and the minutes print. Pure.

Each row is an item (`Nội dung`, `Người thực hiện`, `Số phút`, `Loại mục`), in `STT` order (then row order). Items run
one after another from `Giờ bắt đầu`. The item of kind "Phát biểu theo đăng ký" expands into the registered speakers,
in registered order, each given `Số phút mỗi lượt phát biểu`; when its `Số phút` is blank it takes the time the other
items leave before `Giờ kết thúc` (never less than nothing), and speakers who do not fit are counted, not dropped
silently. An item without minutes takes none (it is printed at the time it starts). A workbook without the sheet, or
with an empty one, gets `schema.DEFAULT_PROGRAMME`.

"Chủ trì hội nghị" and "Văn phòng", the default programme's neutral words for who does an item, print as the
conference's own chair (with the co-chair) and office.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.model import BookData, Record
from ..core.text import cell_text, fold
from .wording import short_clock

CHAIR_WORD, OFFICE_WORD = "Chủ trì hội nghị", "Văn phòng"


@dataclass(frozen=True)
class Item:
    content: str
    who: str
    minutes: int | None
    kind: str  # schema.ITEM_PLAIN, ITEM_SPEAKERS or ITEM_ANSWERS


@dataclass
class Timetable:
    items: list[dict[str, Any]] = field(default_factory=list)  # stt, gio, bat_dau, ket_thuc, noi_dung, nguoi, loai
    speakers: list[dict[str, Any]] = field(default_factory=list)  # stt, gio, record
    left_out: int = 0  # registered speakers without a slot


def _kind(value: Any) -> str:
    text = fold(cell_text(value, one_line=True))
    for kind in (schema.ITEM_SPEAKERS, schema.ITEM_ANSWERS):
        if text == fold(kind):
            return kind
    return schema.ITEM_PLAIN


def items_of(book: BookData) -> list[Item]:
    """The programme's rows in order; the default programme when the sheet is missing or empty."""
    rows = [r for r in book.programme if cell_text(r.get("noi_dung"), one_line=True)]
    if not rows:
        return [Item(content, who, minutes, kind) for content, who, minutes, kind in schema.DEFAULT_PROGRAMME]

    def order(record: Record) -> tuple[int, int]:
        number = record.get("stt")
        return (number if isinstance(number, int) and not isinstance(number, bool) else 10**6, record.row)

    items = []
    for record in sorted(rows, key=order):
        typed = record.get("so_phut")
        minutes = typed if isinstance(typed, int) and not isinstance(typed, bool) and typed >= 0 else None
        items.append(Item(cell_text(record.get("noi_dung"), one_line=True),
                          cell_text(record.get("nguoi_thuc_hien"), one_line=True), minutes,
                          _kind(record.get("loai_muc"))))
    return items


def named(text: str, chair: str = CHAIR_WORD, office: str = OFFICE_WORD) -> list[str]:
    """Who does an item or a milestone, one name per part ("Chủ trì hội nghị; cán bộ chuyên môn"): the neutral words
    "Chủ trì hội nghị" and "Văn phòng" of the defaults become the conference's chair and office."""
    names = {fold(CHAIR_WORD): chair, fold(OFFICE_WORD): office}
    return [names.get(fold(part), part.strip()) for part in text.split(";") if part.strip()]


def _plus(time: dt.time, minutes: int) -> dt.time:
    return (dt.datetime.combine(dt.date(2000, 1, 1), time) + dt.timedelta(minutes=minutes)).time()


def _minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def timetable(items: list[Item], speakers: list[Record], start: dt.time, end: dt.time, per_speaker: int,
              chair: str = CHAIR_WORD, office: str = OFFICE_WORD) -> Timetable:
    """Times for every item from `start`, the first speakers item expanded into `speakers` (already in order)."""
    per_speaker = max(per_speaker, 1)
    fixed = sum(i.minutes or 0 for i in items if not (i.kind == schema.ITEM_SPEAKERS and i.minutes is None))
    room = max(_minutes(end) - _minutes(start) - fixed, 0)
    table, now, expanded = Timetable(), start, False

    def who(text: str) -> str:
        return "; ".join(named(text, chair, office))

    for number, item in enumerate(items, 1):
        length = item.minutes or 0
        if item.kind == schema.ITEM_SPEAKERS and not expanded:
            expanded = True
            budget = item.minutes if item.minutes is not None else room
            fit = min(len(speakers), budget // per_speaker)
            slot = now
            for index, record in enumerate(speakers[:fit], 1):
                finish = _plus(slot, per_speaker)
                table.speakers.append({"stt": index, "gio": f"{short_clock(slot)} - {short_clock(finish)}", "record": record})
                slot = finish
            table.left_out = len(speakers) - fit
            length = item.minutes if item.minutes is not None else fit * per_speaker
        finish = _plus(now, length)
        table.items.append({"stt": number, "gio": f"{short_clock(now)} - {short_clock(finish)}" if length else short_clock(now),
                            "bat_dau": now, "ket_thuc": finish, "noi_dung": item.content, "nguoi": who(item.who),
                            "loai": item.kind})
        now = finish
    return table
