"""Deadlines as an iCalendar file (RFC 5545) that Outlook and phones import. Stdlib only.

One all-day event per milestone and per assignment with a due date; stable UIDs, so importing a newer
file updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Protocol

PRODID = "-//Doi thoai//Han hoi nghi doi thoai//VI"


class Due(Protocol):
    """One deadline, as `domain.deadlines.Deadline` holds it."""

    @property
    def kind(self) -> str: ...  # "milestone" or "assignment"
    @property
    def name(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def petition(self) -> str: ...


class Deadlines(Protocol):
    """What the calendar is made of, as `domain.deadlines.DeadlinePlan` holds it (core does not import the domain)."""

    @property
    def milestones(self) -> Sequence[Due]: ...
    @property
    def assignments(self) -> Sequence[Due]: ...


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _event(uid: str, day: dt.date, summary: str, description: str, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_file(plan: Deadlines, *, place: str = "", source: str = "", now: dt.datetime | None = None) -> bytes:
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape('Hội nghị đối thoại ' + place if place else 'Hội nghị đối thoại')}"]
    for item in [*plan.milestones, *plan.assignments]:
        if item.due is None:
            continue
        uid = hashlib.sha1(f"{source}|{item.kind}|{item.name}".encode()).hexdigest() + "@doithoai"
        if item.kind == "milestone":
            summary = f"Hạn: {item.name}"
            description = f"Đơn vị thực hiện: {item.unit}" if item.unit else "Mốc thời gian hội nghị đối thoại"
        else:
            summary = f"Hạn trả lời {item.petition}: {item.unit}"
            description = f"Kiến nghị {item.petition} giao cho {item.unit}."
        lines += _event(uid, item.due, summary, description, stamp)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold_line(line) for line in lines) + "\r\n").encode("utf-8")
