"""Each document's date, checked against the conference day and the law; what a document cannot do without. Pure.

Windows, in calendar days from the conference day D (the law counts calendar days, see domain.md):

| kind | window | why |
|---|---|---|
| invitations, agenda | before D | sent and printed beforehand |
| signin | on or before D | printed for the day |
| announcement | at least 7 days before D | Law on Organisation of Local Government 2025, Art. 43 |
| notice | on D or within 10 days after | Art. 43: results made public within 10 days |
| letters | on or after D, and not before the answer exists | an answer is written after the matter was raised |
| memo, report (and any other kind) | no window | |

Default date (no `--date`): today when today is inside the window; otherwise the day the plan would
have it (`PREFERRED`, e.g. invitations 7 days before D), so a run after the event does not date an
invitation five months late, and the run says which date it chose. A date given with `--date` is
used as given; outside the window the run warns (a warning, never a refusal: the office may have
reasons) and `--json` carries the warning.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .wording import short_date


class Window(NamedTuple):
    earliest: int | None  # days from D, inclusive; None: open
    latest: int | None
    preferred: int  # the default when today is outside the window
    name: str  # the document, as a sentence starts
    rule: str  # the rule, in the office's words


WINDOWS: dict[str, Window] = {
    "invitations": Window(None, -1, -7, "Giấy mời", "giấy mời phải phát hành trước ngày hội nghị"),
    "agenda": Window(None, -1, -7, "Chương trình hội nghị", "chương trình phải ban hành trước ngày hội nghị"),
    "signin": Window(None, 0, -1, "Danh sách đại biểu", "danh sách ký tên lập trước hoặc trong ngày hội nghị"),
    "announcement": Window(None, -7, -10, "Thông báo công khai",
                           "phải công khai thời gian, địa điểm, nội dung hội nghị ít nhất 7 ngày trước ngày hội nghị "
                           "(Điều 43 Luật Tổ chức chính quyền địa phương)"),
    "notice": Window(0, 10, 3, "Thông báo kết quả",
                     "kết quả hội nghị phải thông báo trong 10 ngày sau hội nghị (Điều 43 Luật Tổ chức chính quyền địa phương)"),
    "letters": Window(0, None, 0, "Văn bản trả lời", "văn bản trả lời ban hành sau hội nghị, khi đã có nội dung trả lời"),
}


def bounds(kind: str, conference: dt.date) -> tuple[dt.date | None, dt.date | None]:
    window = WINDOWS.get(kind)
    if window is None:
        return None, None
    earliest = conference + dt.timedelta(window.earliest) if window.earliest is not None else None
    latest = conference + dt.timedelta(window.latest) if window.latest is not None else None
    return earliest, latest


def outside(kind: str, conference: dt.date | None, date: dt.date, ready: dt.date | None = None) -> str | None:
    """A Vietnamese warning when `date` is outside `kind`'s window (or before `ready`, the day the content existed)."""
    if conference is None or kind not in WINDOWS:
        return None
    window = WINDOWS[kind]
    earliest, latest = bounds(kind, conference)
    if ready is not None and (earliest is None or ready > earliest):
        earliest = ready
    shown, day = short_date(date), short_date(conference)
    if earliest is not None and date < earliest:
        reason = f"ngày có nội dung trả lời ({short_date(earliest)})" if earliest == ready else f"ngày {short_date(earliest)}"
        return (f"{window.name} ghi ngày {shown}, sớm hơn {reason}; hội nghị ngày {day}: {window.rule}. "
                f"Hãy kiểm tra lại ngày văn bản.")
    if latest is not None and date > latest:
        return (f"{window.name} ghi ngày {shown}, muộn hơn ngày {short_date(latest)} (hội nghị ngày {day}): {window.rule}. "
                f"Hãy kiểm tra lại ngày văn bản.")
    return None


def default_date(kind: str, conference: dt.date | None, today: dt.date, ready: dt.date | None = None) -> dt.date:
    """Today when it fits the window, else the day the plan would have it (never before `ready`)."""
    if conference is None or kind not in WINDOWS or outside(kind, conference, today, ready) is None:
        return today
    chosen = conference + dt.timedelta(WINDOWS[kind].preferred)
    if ready is not None and chosen < ready:
        chosen = ready
    return chosen


def choose(kind: str, conference: dt.date | None, today: dt.date, given: dt.date | None,
           ready: dt.date | None = None) -> tuple[dt.date, str | None, str | None]:
    """(date, warning, note): the date to print, a warning when it breaks the window, a note when the default moved off today."""
    if given is not None:
        return given, outside(kind, conference, given, ready), None
    date = default_date(kind, conference, today, ready)
    note = None
    if date != today and kind in WINDOWS:
        note = (f"{WINDOWS[kind].name} ghi ngày {short_date(date)} (hôm nay {short_date(today)} không hợp với ngày hội nghị "
                f"{short_date(conference)}: {WINDOWS[kind].rule}); muốn ghi ngày khác, sửa ngày trong văn bản.")
    return date, None, note


# --------------------------------------------------------------------------------------------------
# What each document cannot do without


SIGNED = ("memo", "report", "letters", "invitations", "notice", "announcement")
REQUIRED: dict[str, tuple[str, ...]] = {  # setting keys a kind prints as facts; blank means a gap in a signed paper
    "invitations": ("ten_don_vi", "ngay_hoi_nghi", "dia_diem", "nguoi_ky"),
    "agenda": ("ten_don_vi", "ngay_hoi_nghi", "dia_diem"),
    "signin": ("ten_don_vi", "ngay_hoi_nghi", "dia_diem"),
    "announcement": ("ten_don_vi", "ngay_hoi_nghi", "dia_diem", "nguoi_ky"),
    "notice": ("ten_don_vi", "ngay_hoi_nghi", "dia_diem", "nguoi_ky"),
    "letters": ("ten_don_vi", "ngay_hoi_nghi", "nguoi_ky"),
    "memo": ("ten_don_vi", "nguoi_ky"),
    "report": ("ten_don_vi", "nguoi_ky"),
}


def missing_settings(settings: dict, kinds: list[str]) -> dict[str, list[str]]:
    """Setting key -> the kinds that need it, for every required setting left blank."""
    gaps: dict[str, list[str]] = {}
    for kind in kinds:
        for key in REQUIRED.get(kind, ()):
            if settings.get(key) in (None, ""):
                gaps.setdefault(key, []).append(kind)
    return gaps
