"""What the documents of the rest of the cycle say: slip form, public announcement, minutes, report upward. Pure.

Built like `context.py` (one plain dict per template from a `BookData`), on the same letterhead and signature
(`context.base_context`). Each document carries the date the run chose for it (documents/dates.py: the
announcement its milestone, at least 7 days before the conference, Law on Organisation of Local Government
2025, Art. 43; a given date outside that window refuses it): nothing here moves a date. The minutes come from
the secretary's sheet (`doithoai.workflows.conference`), the report upward's counts from the same functions as the
summary report, so both always agree; its follow-up is counted as of its date, or today when that is earlier.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from ..core import schema
from ..core.keys import code_key, list_key
from ..core.model import BookData
from ..core.text import fold
from ..core.values import parse_date, time_of_day
from ..domain import facts
from ..domain.conference_settings import conference_date
from . import context as ctx
from .issuer import addressees
from .wording import (
    by_title,
    clock,
    in_sentence,
    long_date,
    named,
    place_date,
    safe_text,
    salutation,
    short_date,
    spoken,
    together,
    when,
)

ANNOUNCE_DAYS = 7  # calendar days before the conference, at the latest
SLIP_COLLECTION = ("thu phieu", "thu phiếu")  # the timeline milestone whose due date is the slips' return deadline
SCOPE = ("Tâm tư, nguyện vọng, những vấn đề khó khăn cần tháo gỡ, giải quyết; hoạt động quản lý, điều hành của chính quyền; "
         "tinh thần, thái độ phục vụ Nhân dân của cán bộ, công chức; đề xuất các giải pháp phát triển kinh tế - xã hội; "
         "những vấn đề bức xúc phát sinh trên địa bàn.")
OUT_OF_SCOPE = ("Những việc liên quan đến khiếu nại, tố cáo hoặc việc giải quyết những tranh chấp phát sinh giữa các cá nhân "
                "không thuộc phạm vi đối thoại của Hội nghị này.")


def milestone_due(book: BookData, today: dt.date, words: tuple[str, ...]) -> dt.date | None:
    """The due date of the first milestone whose name holds one of `words` (accents ignored), as computed now."""
    from ..domain.deadlines import plan_deadlines

    wanted = tuple(fold(w) for w in words)
    for item in plan_deadlines(book, today).milestones:
        if any(w in fold(item.name) for w in wanted) and item.due:
            return item.due
    return None


def _title_unit(context: dict[str, Any]) -> str:
    """The conference's name in capitals, for the slip's heading ("HỘI NGHỊ ĐỐI THOẠI GIỮA …")."""
    return str(context["ten_hoi_nghi"]).upper()


# --------------------------------------------------------------------------------------------------
# Slip form (seed 004's last page)


def slips_context(book: BookData, date: dt.date, notes: ctx.Notes, *, per_group: int = 0,
                  groups: list[str] | None = None, kind: str = "slips") -> dict[str, Any]:
    """One page per slip. `per_group` > 0: that many pages for each residential group, numbered after the
    highest code on `Phiếu đăng ký`, so the code on paper is the code the clerk types in."""
    from ..core.keys import new_codes

    context = ctx.base_context(book, kind, date, notes)
    due = milestone_due(book, date, SLIP_COLLECTION)
    context.update({"han_nop": short_date(due), "pham_vi": SCOPE, "ngoai_pham_vi": OUT_OF_SCOPE,
                    "ten_hoi_nghi_hoa": _title_unit(context), "noi_ngay_trong": f"{context['ten_don_vi']}, ngày …… tháng …… năm "
                                                                                f"{context['nam']}"})
    pages: list[dict[str, str]] = []
    if per_group > 0:
        names = groups or residential_groups(book)
        codes = new_codes([r.get("ma_phieu") for r in book.slips], per_group * len(names), default_prefix="P-")
        for index, group in enumerate(names):
            for code in codes[index * per_group:(index + 1) * per_group]:
                pages.append({"so": code, "to_dan_pho": group})
    context["phieu"] = pages or [{"so": "", "to_dan_pho": ""}]
    return context


def residential_groups(book: BookData) -> list[str]:
    """The residential groups the workbook knows: from the slips, then the delegates of the groups, in order met."""
    seen: dict[str, None] = {}
    for record in book.slips:
        name = safe_text(record.get("to_dan_pho"))
        if name:
            seen.setdefault(name, None)
    return list(seen)


# --------------------------------------------------------------------------------------------------
# Public announcement (+ the loudspeaker text)


def announcement_context(book: BookData, date: dt.date, notes: ctx.Notes, *, kind: str = "announcement") -> dict[str, Any]:
    """Dated `date` as given: the run chose it inside the window, or refused it, or was told to keep it (dates.py)."""
    issued = date
    context = ctx.base_context(book, kind, issued, notes)
    due = milestone_due(book, issued, SLIP_COLLECTION)
    context.update({
        # The end hour is in `thoi_gian` ("Từ 08 giờ 00 đến 11 giờ 30, …"); blank here so that an office's older copy of
        # the template ("{{ thoi_gian }}{% if gio_ket_thuc %} đến …") does not print it twice.
        "gio_ket_thuc": "",
        "linh_vuc": "; ".join(in_sentence(f) for f in announced_fields(book)),
        # A return deadline already past when the announcement goes out is not repeated to the public.
        "han_phieu": short_date(due) if due and due >= issued else "",
        "ngay_thong_bao": short_date(issued),
    })
    return context


def announced_fields(book: BookData) -> list[str]:
    """The fields the announcement names: those of the petitions received, else the list's; never "Khác" nor a
    petition without a field ("những vấn đề Nhân dân quan tâm" already says it)."""
    other = list_key("Khác")
    fields = [name for name, _ in facts.petition_facts(book).fields if name and list_key(name) != other]
    if fields:
        return fields
    return [f for f in (book.lists.get("linh_vuc") or schema.lookup("linh_vuc").values) if list_key(f) != other]


def loudspeaker_text(context: dict[str, Any]) -> str:
    """The announcement as read on the loudspeakers (seed 002: 7 days in a row): short sentences, no tables."""
    c = context
    register = (f"Ai có ý kiến, kiến nghị xin ghi vào phiếu đăng ký phát biểu, nhận tại {c['khu_dan_cu']}, "
                f"gửi về {c['ten_van_phong']} {c['ten_day_du']}"
                + (f" trước ngày {c['han_phieu']}" if c.get("han_phieu") else "") + "; hoặc đăng ký phát biểu trực tiếp tại hội "
                                                                                    "nghị.")
    lines = [
        f"THÔNG BÁO CỦA {c['co_quan_ten'].upper()}",
        "",
        f"{c['co_quan_ten']} tổ chức {c['ten_hoi_nghi_thuong']}.",
        f"Thời gian: {c['thoi_gian']}.",
        f"Địa điểm: {c['dia_diem'] or '…'}.",
        f"Nội dung: {c['doi_tuong']} nêu ý kiến, kiến nghị về {c['linh_vuc'].replace(';', ',')} và các vấn đề {c['doi_tuong']} "
        f"quan tâm; {c['chu_tri_day_du']} trực tiếp trả lời.",
        register,
        "Hội nghị không giải quyết khiếu nại, tố cáo và tranh chấp giữa các cá nhân.",
        f"Mỗi ý kiến phát biểu không quá {c['so_phut']} phút.",
        f"{c['co_quan_ten']} trân trọng kính mời {c['doi_tuong']} quan tâm đến dự.",
        "",
        f"(Phát trên hệ thống truyền thanh {ANNOUNCE_DAYS:02d} ngày liên tiếp trước ngày hội nghị; thông báo ngày "
        f"{c['ngay_thong_bao']}.)",
    ]
    # Read aloud: the announcer says "Ủy ban nhân dân", never the letters U-B-N-D.
    return "\r\n".join(spoken(line) for line in lines) + "\r\n"  # Windows line ends: Notepad on the office PC


# --------------------------------------------------------------------------------------------------
# Minutes (biên bản), from the secretary's sheet


def minutes_context(book: BookData, date: dt.date, notes: ctx.Notes, *, kind: str = "minutes") -> dict[str, Any]:
    day = book.conference
    conference = parse_date(book.settings.get("ngay_hoi_nghi"))
    directory = facts.directory(book)
    context = ctx.base_context(book, kind, date, notes, directory)  # the conference day, unless forced (dates.py)
    typed = day.facts if day is not None else {}

    def fact(key: str, setting: str | None = None, default: str = "") -> str:
        value = safe_text(typed.get(key))
        if not value and setting:
            value = safe_text(book.settings.get(setting))
        return value or default

    opening = time_of_day(fact("gio_khai_mac")) or ctx._setting_time(book.settings, "gio_bat_dau")
    closing = time_of_day(fact("gio_be_mac")) or time_of_day(book.settings.get("gio_ket_thuc"))
    slips = {code_key(r.get("ma_phieu")): r for r in book.slips if code_key(r.get("ma_phieu"))}
    speakers: list[dict[str, Any]] = []
    for speaker in day.speakers if day is not None else []:
        v = speaker.values
        slip = slips.get(code_key(v.get("ma_phieu")))
        person = facts.person_named(v.get("ho_ten"), directory.known, slip.get("gioi_tinh") if slip is not None else None)
        speakers.append({"thu_tu": len(speakers) + 1, "ho_ten": _speaker(person), "noi_o": v.get("dia_chi", ""),
                         "cau_hoi": v.get("cau_hoi") or "……", "tra_loi": v.get("tra_loi") or "Chủ trì ghi nhận, sẽ trả lời bằng "
                                                                                             "văn bản.",
                         "nguoi_tra_loi": v.get("nguoi_tra_loi", ""), "tai_hoi_truong": speaker.from_floor,
                         "ma_phieu": v.get("ma_phieu", "")})
    people = facts.attendance(book)
    held = day.held if day is not None else []
    if not held:
        held = [{"stt": str(m["stt"]), "noi_dung": m["noi_dung"], "nguoi": m["nguoi"]}
                for m in ctx.agenda_context(book, date, ctx.Notes())["muc"]]
    # Who chaired: the plan's chair, unless the secretary wrote another on the sheet (`facts.who_chaired`, which the
    # notice and the report upward call too). Signature lines carry names only, never a title.
    chairs = facts.who_chaired(book, directory)
    party = bool(context["la_dang"])
    secretary = facts.secretary(book, directory)
    if chairs.by_secretary:
        notes.missing.append(f"Trang “{schema.CONFERENCE_SHEET}” ghi người chủ trì là {chairs.chair.text}, khác kế hoạch "
                             f"({chairs.planned.text}); biên bản, thông báo kết quả và báo cáo kết quả ghi theo trang thư ký.")
    # The programme was prepared with the plan's chairs; where the secretary names others, so does the programme.
    plan = facts.planned_chairs(book, directory)
    planned = together(by_title(plan.chair), by_title(plan.co_chair))
    actual = together(by_title(chairs.chair), by_title(chairs.co_chair))

    def doer(text: str) -> str:
        if planned == actual or not text:
            return text
        return "; ".join(actual if part.strip() == planned else part.strip() for part in text.split(";"))

    notes.other_holder(book, secretary, directory)
    if not secretary:
        notes.missing.append(f"Trang “{schema.CONFERENCE_SHEET}”: chưa ghi tên thư ký; biên bản để trống chỗ ký của thư ký.")
    context.update({
        "gio_khai_mac": clock(opening),
        # The day not fixed yet: the period, no hour (as every document prints it).
        "thoi_gian_hop": when(opening, conference, pending=conference_date(book.settings.get("ngay_hoi_nghi")).shown),
        "gio_be_mac": clock(closing) if closing else "…… giờ ……",
        "dia_diem": fact("dia_diem", "dia_diem", "……"),
        "chu_tri_hop": named(chairs.chair, party=party, capital=True),
        "dong_chu_tri": named(chairs.co_chair, party=party, capital=True),
        "thu_ky": named(secretary, party=party, capital=True) or "……",
        "thu_ky_ten": secretary.name,
        "nhom_tham_du": people.groups,
        "tong_moi": people.invited,
        "tong_co_mat": people.present or "……",
        "chuong_trinh": [{"stt": n, "noi_dung": m.get("noi_dung", ""), "nguoi": doer(m.get("nguoi", ""))}
                         for n, m in enumerate(held, 1)],
        "phat_bieu": speakers,
        "so_phat_bieu": len(speakers),
        "so_tu_phieu": sum(1 for s in speakers if not s["tai_hoi_truong"]),
        "so_tai_hoi_truong": sum(1 for s in speakers if s["tai_hoi_truong"]),
        "ket_luan": fact("ket_luan", default="……"),
        "noi_ngay": place_date(context["ten_don_vi"], date),
    })
    return context


def _speaker(person: facts.Person) -> str:
    """A speaker as the minutes name them: "Ông Đỗ Văn Thịnh" when the gender is known, the bare name otherwise."""
    if not person.name:
        return "Một đại biểu"
    return f"{salutation(person.gender)[0]} {person.name}" if person.gender else person.name


# --------------------------------------------------------------------------------------------------
# Report upward (báo cáo kết quả tổ chức hội nghị đối thoại)


def follow_up(book: BookData, today: dt.date) -> list[dict[str, Any]]:
    """Per unit: assignments given, done, in progress on time, overdue, as of `today`; a total row last. An assignment
    finished after `today` was still open on that day."""
    from ..domain.deadlines import assignment_deadlines

    counts: dict[str, Counter] = defaultdict(Counter)
    for item in assignment_deadlines(book, today):
        if not item.unit:
            continue
        done = item.done is not None and item.done <= today
        state = "xong" if done else ("qua_han" if item.due is not None and item.due < today else "trong_han")
        counts[item.unit][state] += 1
        counts[item.unit]["giao"] += 1
    order = tuple(book.lists.get("don_vi") or schema.lookup("don_vi").values)
    rows = [{"ten": unit, "giao": counts[unit]["giao"], "xong": counts[unit]["xong"], "trong_han": counts[unit]["trong_han"],
             "qua_han": counts[unit]["qua_han"]} for unit in ctx._ordered(counts, order, "")]
    total: Counter[str] = Counter()
    for row in rows:
        total.update({k: row[k] for k in ("giao", "xong", "trong_han", "qua_han")})
    rows.append({"ten": "Tổng cộng", **{k: total[k] for k in ("giao", "xong", "trong_han", "qua_han")}})
    return rows


def report_upward_context(book: BookData, date: dt.date, notes: ctx.Notes, today: dt.date | None = None, *,
                          kind: str = "report_upward") -> dict[str, Any]:
    """`today`: now; the follow-up is counted as of the report's date, or of today when that is earlier (a report
    dated ahead on its milestone states what is known now, never a guess)."""
    as_of = min(date, today) if today is not None else date
    context = ctx.base_context(book, kind, date, notes)
    pf = facts.petition_facts(book)
    people = facts.attendance(book)
    day = book.conference
    spoke = len(day.speakers) if day is not None else 0
    context.update(ctx.petition_counts(pf))
    context.update({
        "kinh_gui": addressees(book.settings, kind),
        "thong_ke": context["thong_ke"] + [context["tong_cong"]],  # this template's table ends with its total row
        "nguon": [{"ten": name or facts.NO_SOURCE, "so_luong": count} for name, count in pf.sources],
        "so_phieu": sum(1 for r in book.slips if safe_text(r.get("ma_phieu")) or safe_text(r.get("ho_ten"))),
        "so_phat_bieu": spoke,
        "nhom_tham_du": people.groups,
        "tong_moi": people.invited,
        "tong_co_mat": people.present,
        "cap_tren": [{"stt": n, "ma": safe_text(r.get("ma_kien_nghi")), "nguoi": ctx._bare(r, "nguoi_kien_nghi"),
                      "linh_vuc": safe_text(r.get("linh_vuc")) or ctx.NO_FIELD, "noi_dung": safe_text(r.get("noi_dung"))}
                     for n, r in enumerate(pf.upward, 1)],
        "theo_doi": follow_up(book, as_of),
        "ngay_bao_cao": short_date(as_of),
        "ngay_bao_cao_dai": long_date(date),
    })
    return context
