"""What each document says: a plain dict per template, built from a `BookData`. Pure.

Every value a person typed goes through `wording.safe_text`; docxtpl escapes it (autoescape is on, and
`render.literal_values` guards docxtpl's own `{_{` markers), so `&`, `<`, `{{ }}` and the like print
literally. Dates and numbers are formatted here, not in templates, so a template edited in Word cannot get
them wrong.

People (`facts.Person`, worded by `wording`), the same keys in every template: `chu_tri` / `nguoi_chu_tri` the chair by
post where a sentence needs the post ("báo cáo {{ nguoi_chu_tri }}": "Chủ tịch UBND xã Phong Quang"), the bare name
when no post is known; `chu_tri_day_du` the chairs by post, co-chair included ("… cùng Thường trực HĐND …");
`chu_tri_nguoi` the chairs as people ("do {{ chu_tri_nguoi }} chủ trì": "ông Hà Văn Tuấn, Chủ tịch UBND xã Phong
Quang"; "đồng chí" in a Party document, when typed so, or when the gender is unknown); `chu_tri_ten` the chair's bare
name (a signature); `nguoi_ky` the signer's bare name, never a title. Documents made after the conference
(the registry's `after_conference`) name who chaired as `facts.who_chaired` says (the secretary's sheet overrides the plan); the
others name the plan's chairs. No setting is pasted into a sentence.

Longer than the ~450-line guide: one small builder per original document kind (report, memo, invitations, agenda,
sign-in, notice) over shared helpers (`Notes`, `base_context`, `petitions`, `lead_units`); the rest of the cycle's
documents live in `cycle.py`. The next kind that needs new helpers should start its own module.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.keys import code_key, code_text, list_key, name_key
from ..core.model import BookData, Record
from ..core.values import parse_date, time_of_day
from ..domain import facts
from ..domain.kinds import KINDS
from .issuer import addressees
from .wording import (
    by_title,
    clock,
    in_sentence,
    long_date,
    named,
    post_and_unit,
    safe_text,
    salutation,
    short_date,
    together,
    when,
)

PENDING = "Đang xử lý, chưa có nội dung trả lời."
NO_FIELD = facts.NO_FIELD
NO_HANDLING = f"{facts.UNCLASSIFIED} hình thức xử lý"  # the class the sentence and the table call "chưa phân loại"
HANDLING_ORDER = facts.HANDLING_ORDER


@dataclass
class Notes:
    """What the documents had to leave blank: shown to the person as warnings, never a failure."""

    missing: list[str] = field(default_factory=list)

    def missing_date(self, book: BookData, kind: str) -> None:
        row = book.settings_rows.get("ngay_hoi_nghi")
        where = f" (ô B{row})" if row else ""
        title = KINDS[kind].title if kind in KINDS else kind
        message = (f"Trang {schema.SETTINGS_SHEET}{where}: chưa có ngày tổ chức hội nghị; {title.lower()} ghi "
                   f"“thời gian cụ thể sẽ thông báo sau”. Nhập ngày rồi tạo lại văn bản này.")
        if message not in self.missing:
            self.missing.append(message)

    def signer_not_named(self, book: BookData) -> None:
        row = book.settings_rows.get("nguoi_ky")
        where = f" (ô B{row})" if row else ""
        message = (f"Trang {schema.SETTINGS_SHEET}{where}: “Họ tên người ký” không ghi họ tên (chỉ có chức danh hoặc danh "
                   f"xưng) và trang {schema.DELEGATES.name} không có đúng một người giữ chức vụ người ký; văn bản để trống "
                   "tên dưới chữ ký.")
        if message not in self.missing:
            self.missing.append(message)

    def other_holder(self, book: BookData, person: facts.Person | None, people: facts.Directory | None = None) -> None:
        """One post, two names: the documents name `person`, the delegates list another holder of the post."""
        other = facts.holder_conflict(book, person, people)
        if person and other:
            message = (f"{person.title}: văn bản ghi {person.name}, trang {schema.DELEGATES.name} ghi {other}. Hãy sửa để "
                       "chỉ còn một tên (trang Kế hoạch, trang Đại biểu hoặc trang thư ký ghi trong hội nghị).")
            if message not in self.missing:
                self.missing.append(message)

    def need(self, book: BookData, key: str) -> Any:
        value = book.settings.get(key)
        if value in (None, ""):
            setting = schema.SETTINGS_BY_KEY[key]
            row = book.settings_rows.get(key)
            where = f" (ô B{row})" if row else ""
            message = f"Trang {schema.SETTINGS_SHEET}{where}: chưa điền “{setting.label}”, văn bản để trống chỗ này."
            if message not in self.missing:
                self.missing.append(message)
        return value


def _text(record: Record, key: str) -> str:
    return safe_text(record.get(key))


def _bare(record: Record, key: str) -> str:
    """A person's name without the honorific typed into it: lists name people the same way in every document."""
    return safe_text(facts.strip_honorific(_text(record, key))[1])


def base_context(book: BookData, kind: str, date: dt.date, notes: Notes, people: facts.Directory | None = None) -> dict[str, Any]:
    """The issuing body (letterhead, number, signature, recipients: `issuer.issuer_fields`), the conference's
    names and words (`conference`), and the references every document shares."""
    from ..domain import conference_settings as conf
    from .issuer import body_in_text, is_party, issuer_fields

    s = book.settings
    words = conf.unit_words(s)
    name = safe_text(notes.need(book, "ten_don_vi"))
    when_held = conf.conference_date(s.get("ngay_hoi_nghi"))
    conference = when_held.date
    spec = KINDS[kind]
    if conference is None and spec.conference_day:  # it prints the conference's day: without one, the period and a note
        notes.missing_date(book, kind)
    plan_date = parse_date(s.get("ngay_ke_hoach"))
    start = _setting_time(s, "gio_bat_dau")
    end = time_of_day(s.get("gio_ket_thuc"))
    full_name = conf.unit_name(s)
    party = is_party(s)
    body, body_short = body_in_text(s)
    title = conf.conference_name(s, date)
    people = people or facts.directory(book)
    # Made after the conference: who chaired as the secretary's sheet says; before it, the plan's chairs.
    chairs = facts.who_chaired(book, people) if spec.after_conference else facts.planned_chairs(book, people)
    first, second = chairs.chair, chairs.co_chair
    signer = facts.signer(book, people)
    context = issuer_fields(s, kind, date, signer=signer)
    for person in (first, second, signer):
        notes.other_holder(book, person, people)
    context.update({
        "ten_don_vi": name,
        "ten_day_du": full_name,
        "cap": words.level,
        "khu_dan_cu": words.area,
        "khu_dan_cu_hoa": words.area[:1].upper() + words.area[1:],
        "truong_khu_dan_cu": words.area_head,
        "co_quan_ten": body,
        "co_quan_viet_tat": body_short,
        "ten_hoi_nghi": title,
        "ten_hoi_nghi_thuong": conf.lower_first(title),
        "doi_tuong": conf.audience(s),
        "ten_van_phong": conf.office(s),
        "tinh": safe_text(s.get("tinh")),
        "nam": conf.year_of(s, date),
        "ngay_van_ban": long_date(date),
        "so_ke_hoach": safe_text(s.get("so_ke_hoach")) or "……",
        "ngay_ke_hoach": short_date(plan_date) or "……",
        "ngay_hoi_nghi": short_date(conference),
        "gio_bat_dau": clock(start),
        # "Từ 08 giờ 00 đến 11 giờ 30, thứ Sáu, ngày 12 tháng 6 năm 2026"; a period without an hour (wording.when).
        "thoi_gian": when(start, conference, end, pending=when_held.shown),
        "thoi_gian_cau": (in_sentence(when(start, conference, end)) if conference
                          else f"trong {in_sentence(when_held.shown)}"),
        # After "vào hồi": the start on the day; "trong Quý III/2026 (…)" while the day waits.
        "vao_hoi": (f"vào hồi {when(start, conference)}" if conference else f"trong {in_sentence(when_held.shown)}"),
        "dia_diem": safe_text(notes.need(book, "dia_diem")),
        # The chair (`facts.who_chaired` after the conference, the plan's before): by post where a sentence needs the
        # post, named where it needs the person; never the setting pasted.
        "chu_tri": by_title(first),
        "nguoi_chu_tri": by_title(first),
        "chu_tri_day_du": together(by_title(first), by_title(second)),
        "chu_tri_nguoi": together(named(first, party=party), named(second, party=party)),
        "chu_tri_ten": first.name,
        "dong_chu_tri": named(second, party=party),
        "so_phut": s.get("so_phut_moi_luot") or 5,
    })
    if not context["nguoi_ky"]:
        if notes.need(book, "nguoi_ky") not in (None, ""):  # typed, but a title or an honorific, not a name
            notes.signer_not_named(book)
    return context


# --------------------------------------------------------------------------------------------------
# Petitions


def petitions(book: BookData) -> list[Record]:
    """Petitions with a code or content (`facts.is_petition`): a row with neither is an empty line, not a petition."""
    return facts.petition_facts(book).rows


def lead_units(book: BookData) -> dict[str, str]:
    """`keys.code_key` of a petition code -> lead unit (several leads joined), from `Phân công`."""
    leads: dict[str, list[str]] = defaultdict(list)
    lead = list_key(schema.ROLE_LEAD)
    for record in book.assignments:
        code, unit = code_key(record.get("ma_kien_nghi")), _text(record, "don_vi")
        if code and unit and list_key(record.get("vai_tro")) == lead and unit not in leads[code]:
            leads[code].append(unit)
    return {code: ", ".join(units) for code, units in leads.items()}


def residence(book: BookData) -> dict[str, str]:
    """`keys.code_key` of a slip code -> the residential group, which is all a report needs to say where a citizen lives."""
    return {code_key(r.get("ma_phieu")): _text(r, "to_dan_pho") for r in book.slips
            if code_key(r.get("ma_phieu")) and _text(r, "to_dan_pho")}


_ordered = facts.ordered
_group = facts.group
field_of = facts.field_of
answered = facts.answered


def report_context(book: BookData, date: dt.date, notes: Notes, *, kind: str = "report") -> dict[str, Any]:
    context = base_context(book, kind, date, notes)
    pf = facts.petition_facts(book)
    context.update(petition_counts(pf))
    leads, homes = lead_units(book), residence(book)
    # Each class's petitions by field, fields in the order the facts give them (the workbook's list): one pass.
    fields_of: dict[str, dict[str, list[Record]]] = defaultdict(dict)
    for field_name, members in pf.fields:
        for record in members:
            fields_of[facts.handling_of(record)].setdefault(field_name, []).append(record)
    groups, number = [], 0
    for index, (handling, members) in enumerate(pf.classes, 1):
        sections = []
        for field_name, records in fields_of[handling].items():
            items = []
            for record in records:
                number += 1
                items.append(_report_item(record, number, leads, homes))
            sections.append({"ten": field_name or NO_FIELD, "kien_nghi": items})
        groups.append({"so": index, "ten": NO_HANDLING if handling == facts.UNCLASSIFIED else handling,
                       "so_luong": len(members), "linh_vuc": sections})
    context["nhom_xu_ly"] = groups
    return context


def petition_counts(pf: facts.PetitionFacts) -> dict[str, Any]:
    """The counts the summary report, the results notice and the report upward all print, from the workbook's
    `facts.petition_facts` (computed once by the caller): the same numbers in every document, each total the sum of
    its parts."""
    return {
        "thong_ke": [row.as_dict() for row in pf.table],
        "tong_cong": pf.total.as_dict(),
        "tong_so": pf.total.tong,
        "so_tai_hoi_nghi": pf.count(schema.HANDLING_AT_CONFERENCE),
        "so_tra_loi_sau": pf.count(schema.HANDLING_LATER),
        "so_cap_tren": pf.count(schema.HANDLING_UPWARD),
        "so_chua_phan_loai": pf.unclassified,
        "so_da_tra_loi": pf.total.da_tra_loi,
        "so_chua_tra_loi": pf.total.chua_tra_loi,
        "tong_hop_xu_ly": pf.summary_sentence(),
    }


def _report_item(record: Record, number: int, leads: dict[str, str], homes: dict[str, str]) -> dict[str, Any]:
    direction = safe_text(facts.direction(record)).rstrip(".")  # the office's words, never the tool's carry note
    return {
        "stt": number,
        "ma": code_text(record.get("ma_kien_nghi")),
        "nguoi": _bare(record, "nguoi_kien_nghi") or "Không rõ người kiến nghị",
        "dia_chi": homes.get(code_key(record.get("ma_phieu"))) or _text(record, "dia_chi"),
        "noi_dung": _text(record, "noi_dung"),
        # No lead recorded: say so only while the petition waits for an answer; an answer already
        # written (by the Chairman at the conference, or a unit named in it) needs no "chưa phân công".
        "chu_tri": leads.get(code_key(record.get("ma_kien_nghi")))
        or ("" if _text(record, "noi_dung_tra_loi") else "chưa phân công"),
        "tra_loi": _text(record, "noi_dung_tra_loi") or PENDING,
        "huong": direction,
        "thoi_gian": _text(record, "thoi_gian_giai_quyet").rstrip("."),
        "cap": _text(record, "cap_giai_quyet").rstrip("."),
    }


def chart_data(book: BookData) -> dict[str, list[tuple[str, int]]]:
    """Counts for the report's picture: by field and by status, in the lists' order."""
    pf = facts.petition_facts(book)
    return {"linh_vuc": [(name or NO_FIELD, len(members)) for name, members in pf.fields],
            "trang_thai": [(name or facts.NO_STATUS, count) for name, count in pf.statuses]}


# --------------------------------------------------------------------------------------------------
# Assignment memo


def memo_context(book: BookData, date: dt.date, notes: Notes, due_dates: dict[int, dt.date | None], *,
                 kind: str = "memo") -> dict[str, Any]:
    """`due_dates`: assignment row -> due date as `deadlines.plan_deadlines` computes it."""
    context = base_context(book, kind, date, notes)
    content = {code_key(r.get("ma_kien_nghi")): _text(r, "noi_dung") for r in book.petitions}
    lead, support = list_key(schema.ROLE_LEAD), list_key(schema.ROLE_SUPPORT)
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # code key -> role key -> units
    for record in book.assignments:
        code, unit, role = code_key(record.get("ma_kien_nghi")), _text(record, "don_vi"), list_key(record.get("vai_tro"))
        if code and unit and unit not in roles[code][role]:
            roles[code][role].append(unit)

    def others(record: Record) -> str:
        """A partner's row names the lead unit; a lead's row names its partners: each unit knows whom to work with."""
        code, unit = code_key(record.get("ma_kien_nghi")), _text(record, "don_vi")
        if list_key(record.get("vai_tro")) == lead:
            partners = [u for u in roles[code][support] if u != unit]
            return f"Phối hợp: {', '.join(partners)}." if partners else ""
        leads = [u for u in roles[code][lead] if u != unit]
        return f"Chủ trì: {', '.join(leads)}." if leads else "Chủ trì: chưa phân công."

    by_unit: dict[str, list[Record]] = defaultdict(list)
    for record in book.assignments:
        if code_key(record.get("ma_kien_nghi")) and _text(record, "don_vi"):
            by_unit[_text(record, "don_vi")].append(record)
    unit_order = tuple(book.lists.get("don_vi") or schema.LISTS_BY_KEY["don_vi"].values)
    units = []
    for index, unit in enumerate(_ordered(by_unit, unit_order, ""), 1):
        items = sorted(by_unit[unit], key=lambda r: (list_key(r.get("vai_tro")) != lead, code_text(r.get("ma_kien_nghi"))))
        units.append({
            "stt": index,
            "ten": unit,
            "so_luong": len(items),
            "kien_nghi": [{
                "ma": code_text(r.get("ma_kien_nghi")),
                "noi_dung": content.get(code_key(r.get("ma_kien_nghi")), ""),
                "vai_tro": _text(r, "vai_tro"),
                "cung_giao": others(r),
                "ngay_giao": short_date(parse_date(r.get("ngay_giao"))),
                "han": short_date(due_dates.get(r.row) or parse_date(r.get("han_hoan_thanh"))),
            } for r in items],
        })
    context["don_vi_giao"] = units
    context["kinh_gui"] = addressees(book.settings, kind)
    return context


# --------------------------------------------------------------------------------------------------
# Delegates: invitations, sign-in list


def delegates(book: BookData) -> list[Record]:
    return [r for r in book.delegates if _text(r, "ho_ten")]


NBSP = "\u00a0"


def keep_whole(name: str) -> str:
    """A person's name that never breaks across lines: non-breaking spaces between its words."""
    return NBSP.join(name.split())


def delegate_title(record: Record, known: dict[str, str]) -> tuple[str, str]:
    """(title, bare name) for an invitation: "Ông"/"Bà" when the gender is known (`facts.gender_of`: the row's `Giới
    tính`, an honorific typed into the name, the gender recorded for that name anywhere in the workbook, "Thị", a post
    in the women's union), "Ông (Bà)" only when it is not; an honorific typed into the name is never printed twice."""
    person = facts.person_named(_text(record, "ho_ten"), known, record.get("gioi_tinh"), _text(record, "chuc_vu"))
    return salutation(person.gender)[0], person.name


def hosts(book: BookData, people: facts.Directory | None = None) -> set[str]:
    """Name keys of who issues the invitations and hosts the conference (`facts.hosts`: the chair, the co-chair, the
    signer, every post their titles hold, and the Chairman of this People's Committee)."""
    return facts.hosts(book, people)


def invitations_context(book: BookData, date: dt.date, notes: Notes, *, kind: str = "invitations") -> dict[str, Any]:
    """One invitation per delegate, except the chairs and the signer (nobody invites himself)."""
    people = facts.directory(book)
    context = base_context(book, kind, date, notes, people)
    skip = hosts(book, people)
    cards, skipped = [], []
    for record in delegates(book):
        title, name = delegate_title(record, people.known)
        if name_key(name) in skip:
            skipped.append(name)
            continue
        position = post_and_unit(_text(record, "chuc_vu"), _text(record, "don_vi"))
        # The title and the name on one line: "kính mời: Ông" never ends a line with the name on the next.
        cards.append({"kinh_moi": keep_whole(f"{title} {name}"), "xung_ho": title, "chuc_vu_don_vi": position})
    context["giay_moi"] = cards
    context["khong_moi"] = skipped
    return context


def signin_context(book: BookData, date: dt.date, notes: Notes, *, kind: str = "signin") -> dict[str, Any]:
    context = base_context(book, kind, date, notes)
    rows = delegates(book)
    order = tuple(book.lists.get("nhom_dai_bieu") or schema.LISTS_BY_KEY["nhom_dai_bieu"].values)
    groups = []
    by_group = _group(rows, lambda r: _text(r, "nhom"))
    for index, group in enumerate(_ordered(by_group, order, ""), 1):
        members = by_group[group]
        groups.append({
            "so": index,
            "ten": group or "Đại biểu khác",
            "so_luong": len(members),
            "dai_bieu": [{"stt": n, "ho_ten": _text(r, "ho_ten"), "chuc_vu": _text(r, "chuc_vu"), "don_vi": _text(r, "don_vi")}
                         for n, r in enumerate(members, 1)],
        })
    context["nhom_dai_bieu"] = groups
    return context


# --------------------------------------------------------------------------------------------------
# Agenda


def _setting_time(settings: dict[str, Any], key: str) -> dt.time:
    """A time setting read by the one time parser; the schema's default when blank or unreadable (validation flags it)."""
    time = time_of_day(settings.get(key)) or time_of_day(schema.SETTINGS_BY_KEY[key].default)
    assert time is not None, f"the default of {key} is a time"
    return time


def speaking_order(book: BookData) -> list[Record]:
    """Slips in the order they were registered: date received, then code, then row.

    A slip about a complaint, a denunciation or a private dispute (what validation flags as out of
    scope) gets no turn: the dialogue is not the place for it, and the office guides the citizen instead.
    """
    from ..validation.scope import out_of_scope_term

    return sorted((r for r in book.slips if _text(r, "ho_ten") and not out_of_scope_term(_text(r, "noi_dung"))),
                  key=lambda r: (parse_date(r.get("ngay_nhan")) or dt.date.max, _text(r, "ma_phieu"), r.row))


def out_of_scope_slips(book: BookData) -> list[str]:
    from ..validation.scope import out_of_scope_term

    return [_text(r, "ma_phieu") or _text(r, "ho_ten") for r in book.slips
            if _text(r, "ho_ten") and out_of_scope_term(_text(r, "noi_dung"))]


def agenda_context(book: BookData, date: dt.date, notes: Notes, *, kind: str = "agenda") -> dict[str, Any]:
    """The programme from `Chương trình` (`programme.timetable`) and the speakers in registered order, each given the
    minutes `Kế hoạch` allows. Speakers who do not fit are counted, not dropped silently."""
    from .programme import items_of, timetable

    context = base_context(book, kind, date, notes)
    s = book.settings
    per_speaker = max(int(s.get("so_phut_moi_luot") or 5), 1)
    table = timetable(items_of(book), speaking_order(book), _setting_time(s, "gio_bat_dau"), _setting_time(s, "gio_ket_thuc"),
                      per_speaker, chair=context["chu_tri_day_du"], office=context["ten_van_phong"])
    context["muc"] = [{"stt": m["stt"], "gio": m["gio"], "noi_dung": m["noi_dung"], "nguoi": m["nguoi"]} for m in table.items]
    context["phat_bieu"] = [{"stt": p["stt"], "gio": p["gio"], "ho_ten": _text(p["record"], "ho_ten"),
                             "noi_o": _text(p["record"], "to_dan_pho"), "linh_vuc": _text(p["record"], "linh_vuc")}
                            for p in table.speakers]
    context["phat_bieu_con_lai"] = table.left_out
    context["so_nguoi_phat_bieu"] = len(table.speakers)
    context["ngoai_pham_vi"] = out_of_scope_slips(book)
    return context


# --------------------------------------------------------------------------------------------------
# Results notice


def notice_context(book: BookData, date: dt.date, notes: Notes, *, kind: str = "notice") -> dict[str, Any]:
    """The results notice: counts, then per field each matter raised and what the Chairman concluded on it."""
    context = base_context(book, kind, date, notes)
    pf = facts.petition_facts(book)
    context.update(petition_counts(pf))
    context["so_co_mat"] = facts.attendance(book).present or "……"
    leads = lead_units(book)
    sections: list[dict[str, Any]] = []
    for field_name, members in pf.fields:
        sections.append({"so": len(sections) + 1, "ten": f"Lĩnh vực {in_sentence(field_name)}" if field_name else NO_FIELD,
                         "so_luong": len(members), "y_kien": [_conclusion(r, leads, context["co_quan_viet_tat"])
                                                              for r in members]})
    context["ket_luan"] = sections
    for key in ("thong_ke", "tong_cong"):
        context.pop(key)
    return context


def _conclusion(record: Record, leads: dict[str, str], body: str = "UBND") -> dict[str, str]:
    """A matter raised and the conclusion or direction on it, in the notice's words. `body`: the issuing body as running
    text names it ("UBND phường Tứ Minh", "Đảng ủy xã Vĩnh Bảo"), which reports upward what exceeds its competence."""
    handling, answer = facts.handling_of(record), _text(record, "noi_dung_tra_loi")
    lead = leads.get(code_key(record.get("ma_kien_nghi")))
    when = _text(record, "thoi_gian_giai_quyet").rstrip(".")
    if handling == schema.HANDLING_UPWARD and answer:
        text = f"Kết luận: {answer}"  # the answer on record (the higher level's, or what the chair said of it)
    elif handling == schema.HANDLING_UPWARD:
        level = in_sentence(_text(record, "cap_giai_quyet")) or "cấp có thẩm quyền"
        text = f"Kết luận: nội dung vượt thẩm quyền; {body} tổng hợp, báo cáo {level} xem xét, giải quyết."
    elif answer and handling == schema.HANDLING_AT_CONFERENCE:
        text = f"Kết luận: {answer}"
    elif answer:
        text = f"Kết luận: {answer}" + (f" Thời gian giải quyết: {when}." if when else "")
    else:
        who = lead or "các cơ quan, đơn vị liên quan"
        text = f"Kết luận: giao {who} kiểm tra, trả lời bằng văn bản" + (f" trong {in_sentence(when)}." if when else ".")
    return {"noi_dung": _text(record, "noi_dung").rstrip("."), "nguoi": _bare(record, "nguoi_kien_nghi"), "ket_luan": text}


def person_key(record: Record) -> str:
    """Who a petition belongs to: the slip (`keys.code_key`), else the name and address (`keys.name_key`)."""
    slip = code_key(record.get("ma_phieu"))
    if slip:
        return "phieu:" + slip
    return "ten:" + name_key(_text(record, "nguoi_kien_nghi")) + "|" + name_key(_text(record, "dia_chi"))


def greeting(person: facts.Person, organisation: bool) -> dict[str, str]:
    """"Kính gửi" line and how the letter names the person (`person`: bare name and gender, `facts.person_named`)."""
    name = person.name
    if organisation:
        return {"ho_ten": name, "kinh_gui": name, "ten_goi": name, "xung_ho": name}
    title, pronoun = salutation(person.gender)
    return {"ho_ten": name, "kinh_gui": f"{title} {name}", "ten_goi": f"{pronoun} {name}", "xung_ho": pronoun}
