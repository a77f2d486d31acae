"""The registry of document kinds: each kind is described once, in one entry of `KINDS` — its template, title, output
file, number symbol and builder; its date window and the timeline row it is dated from; the settings it cannot do
without; the setting holding its number and whether the next conference clears it; its recipients ("Nơi nhận") and
addressees ("Kính gửi"), their settings and the lists used when those are blank; the workbook button that makes it.
Every other part reads the kind from here: `documents.jobs.make_documents` loops over `KINDS`, `documents.dates`
takes its window, `documents.issuer` its number and recipients, `documents.context` what it prints of the
conference, `domain.facts` its milestone, `domain.carry.cleared_settings` the settings the next conference clears,
`doithoai.buttons` the kinds a button makes, `scripts/build_templates.py` the template files to build. No other module
holds a table keyed by kind names (tests/test_kinds_registry.py reads the code and fails on one).

Adding a document kind (e.g. an extra notice, "notice_extra"):
1. an entry here: `"notice_extra": DocumentKind("thong-bao-ket-qua.docx", "Thông báo bổ sung", "Thong bao bo sung",
   "TB-UBND", build="builders:notice", window=Window(0, 30, 20, "…"), number_setting="so_thong_bao_bo_sung", …)`
   (the order of `KINDS` is the order of a run's files and of `--kind`'s list);
2. the rows of its own settings on `Kế hoạch` (its number, its `Nơi nhận …`) in `core/schema.py` SETTINGS, when it
   has any: they are rows of the workbook, not a description of the kind;
3. only when no existing one fits: its builder `notice_extra(job: job.Job) -> job.Output | None` in
   `documents/builders.py` (or another module of that package, named "module:function"), and its template, built by
   a function in `scripts/build_templates.py` keyed by the template's file name (then `python
   scripts/build_templates.py` and commit the .docx). A builder builds for `job.kind`, so a kind that shares one
   (as above) gets its own number, recipients and title;
4. a button only if it needs one: a `book.controls.BUTTONS` entry and its handler in `doithoai/buttons.py`; a kind
   made by an existing button names that button's handler in `button`.
The command line (`doithoai documents --kind …`), the JSON output, the dates, the number, the recipients, the
required settings and the carry-over pick the new kind up from here (tests/test_kinds_registry.py adds one so).

Decisions (issue 26):
- The registry is pure data, stdlib only, in the domain layer; a kind's builder is named "module:function" and
  imported on first use (`builder`), so the domain never imports the documents above it.
- What a document states that narrows its window (the memo's assignments, the report's slips, the plan's first
  milestone) and how a kind picks its default date stay code in `documents/dates.py`: they are rules on the
  workbook's content, not data of the kind.
- "Signed" was a tuple in dates.py nothing read; what a signed paper needs is its `required` settings (the signer's
  name), and a kind that carries no date at all (the slip form) is `dated=False`.
- The plan's number is kept by the next conference (`number_kept`: one plan may set out several conferences, see
  domain/carry.py); every other kind's number is cleared, as are its `cleared` settings (the reminders' answer date).
- The buttons' macros, captions and handlers stay in `book/controls.py` and `buttons.py` (they are the built
  workbook's contract); which kinds a button makes is the kinds' `button` here.
- The template builders stay in scripts/build_templates.py, keyed by the registry's template file names.

The bundled templates live in the repository's `templates/` (built by `scripts/build_templates.py`).
An office that reworded a template in Word puts its copy, under the same file name, in a folder
`Mẫu văn bản` next to the workbook; that copy wins. Stdlib only (builders are imported when a run needs them).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

OVERRIDE_FOLDER = "Mẫu văn bản"
CONFERENCE_MILESTONE = "conference"  # the role of the conference day's own row on `Mốc thời gian` (facts.milestone_roles)
SUPERIORS, UNITS = "superiors", "units"  # whom `Kính gửi` names when its setting is blank (`DocumentKind.addressed_to`)


class Window(NamedTuple):
    """Where a kind's date may fall, in calendar days from the conference day D (the law counts calendar days)."""

    earliest: int | None  # days from D, inclusive; None: open
    latest: int | None
    preferred: int | None  # the default when the timeline has no milestone for the kind (None: today)
    rule: str  # the rule, in the office's words


class Recipients(NamedTuple):
    """A kind's own "Nơi nhận" when its setting is blank; "{đơn vị}" is the unit. Decree 30 ends a line with ";",
    HD 36 with ","; the storage line ("Lưu") is added by `documents.issuer.recipients`."""

    government: str
    party: str


class DocumentKind(NamedTuple):
    template: str  # file name in templates/
    title: str  # what staff call it, for messages
    output: str  # the generated file's name, without extension
    symbol: str  # the symbol after the number when its setting leaves the number blank ("" : no number at all)
    build: str  # "module:function" in doithoai.documents that builds the context (see documents/builders.py)
    # The table (schema key) whose rows the document grows with: a run spread over the cores starts the largest first.
    rows: str = ""
    # The builder writes into the workbook through `job.access` (the letters' numbers): it runs in the main process.
    writes_workbook: bool = False
    # Made only when asked for by name (`--kind`, its command, its button), never by a run of "all documents": a
    # reminder is recorded as sent, so rerunning every document to mend a typo must not send a unit a second one.
    on_request: bool = False

    # -- its date (documents/dates.py) --
    window: Window | None = None  # None: no window around the conference day
    dated: bool = True  # False: the document leaves its date to whoever fills it in (the slip form); none is checked
    milestone: str = ""  # the role of the `Mốc thời gian` row it is dated from (facts.milestone_roles), "" for none
    conference_day: bool = False  # prints the conference's day; without one it prints the period and the run says so
    after_conference: bool = False  # made after the conference: names who chaired as held (facts.who_chaired)

    # -- what it cannot do without: settings it prints as facts; blank means a gap in a signed paper --
    required: tuple[str, ...] = ()

    # -- its number (documents/issuer.py, domain/numbering.py, domain/carry.py) --
    number_setting: str = ""  # the setting holding its number ("125/BC-UBND" or just "125")
    number_kept: bool = False  # the next conference keeps its number (otherwise cleared: see domain/carry.py)
    symbol_setting: str = ""  # a setting that, typed, replaces the symbol (the letters' own `Ký hiệu`)
    cleared: tuple[str, ...] = ()  # its other settings the next conference starts blank

    # -- whom it goes to (documents/issuer.py) --
    recipients_setting: str = ""  # its own `Nơi nhận …`; blank: `recipients`, else the general `Nơi nhận`
    recipients: Recipients | None = None
    addressees_setting: str = ""  # its own `Kính gửi …`, one addressee a line
    addressed_to: str = ""  # when that is blank: SUPERIORS or UNITS (documents.issuer.default_addressees)

    # -- the workbook button that makes it (a handler of book.controls.BUTTONS, in doithoai/buttons.py) --
    button: str = ""


_SIGNED_BY = ("ten_don_vi", "nguoi_ky")
_AT = ("ten_don_vi", "ngay_hoi_nghi", "dia_diem")

KINDS: dict[str, DocumentKind] = {
    "plan": DocumentKind(
        "ke-hoach.docx", "Kế hoạch tổ chức hội nghị", "Ke hoach to chuc hoi nghi", "KH-UBND",
        build="plan:plan", rows="moc_thoi_gian",
        window=Window(None, -1, None, "kế hoạch ban hành trước ngày hội nghị và trước các mốc công việc của kế hoạch"),
        required=_SIGNED_BY, number_setting="so_ke_hoach", number_kept=True, recipients_setting="noi_nhan_ke_hoach",
        button="make_plan"),
    "slips": DocumentKind(
        "phieu-dang-ky.docx", "Phiếu đăng ký phát biểu", "Phieu dang ky phat bieu", "",
        build="builders:slips", rows="phieu", dated=False, button="make_slips"),
    "memo": DocumentKind(
        "cong-van-phan-cong.docx", "Công văn phân công", "Cong van phan cong", "UBND-VP",
        build="builders:memo", rows="phan_cong", milestone="memo", required=_SIGNED_BY,
        number_setting="so_cong_van_phan_cong", recipients_setting="noi_nhan_cong_van",
        recipients=Recipients("- Như trên;\n- Lãnh đạo UBND {đơn vị};", "- Như trên,\n- Thường trực Đảng ủy,"),
        addressees_setting="kinh_gui_cong_van", addressed_to=UNITS, button="make_memo"),
    "reminders": DocumentKind(
        "cong-van-don-doc.docx", "Công văn đôn đốc", "Cong van don doc", "UBND-VP",
        build="reminders:reminders", rows="phan_cong", writes_workbook=True, on_request=True, required=_SIGNED_BY,
        cleared=("han_don_doc",), recipients_setting="noi_nhan_don_doc", button="make_reminders"),
    "report": DocumentKind(
        "bao-cao-tong-hop.docx", "Báo cáo tổng hợp ý kiến, kiến nghị", "Bao cao tong hop", "BC-UBND",
        build="builders:report", rows="kien_nghi", milestone="report", required=_SIGNED_BY,
        number_setting="so_bao_cao", recipients_setting="noi_nhan_bao_cao",
        recipients=Recipients(
            "- Thường trực Đảng ủy {đơn vị} (để báo cáo);\n- Thường trực HĐND {đơn vị};\n- Lãnh đạo UBND {đơn vị};\n"
            "- Ủy ban MTTQ Việt Nam {đơn vị};",
            "- Thường trực Đảng ủy,\n- Thường trực HĐND, Ủy ban nhân dân {đơn vị},\n- Ủy ban MTTQ Việt Nam {đơn vị},"),
        button="make_report"),
    "letters": DocumentKind(
        "van-ban-tra-loi.docx", "Văn bản trả lời", "Van ban tra loi - in gop", "UBND-VP",
        build="builders:letters", rows="kien_nghi", writes_workbook=True,
        window=Window(0, None, None, "văn bản trả lời ban hành sau hội nghị, khi đã có nội dung trả lời"),
        conference_day=True, required=("ten_don_vi", "ngay_hoi_nghi", "nguoi_ky"), symbol_setting="ky_hieu_tra_loi",
        recipients_setting="noi_nhan_tra_loi",
        recipients=Recipients("- Như trên;\n- Ủy ban MTTQ Việt Nam {đơn vị} (để giám sát);",
                              "- Như trên,\n- Ủy ban MTTQ Việt Nam {đơn vị} (để giám sát),"),
        button="make_letters"),
    "invitations": DocumentKind(
        "giay-moi.docx", "Giấy mời", "Giay moi", "GM-UBND", build="builders:invitations", rows="dai_bieu",
        window=Window(None, -1, -7, "giấy mời phải phát hành trước ngày hội nghị"), milestone="invitations",
        conference_day=True, required=(*_AT, "nguoi_ky"), number_setting="so_giay_moi",
        recipients_setting="noi_nhan_giay_moi", recipients=Recipients("- Như trên;", "- Như trên,"),
        button="make_invitations"),
    "agenda": DocumentKind(
        "chuong-trinh-hoi-nghi.docx", "Chương trình hội nghị", "Chuong trinh hoi nghi", "",
        build="builders:agenda", rows="phieu",
        window=Window(None, -1, -7, "chương trình phải ban hành trước ngày hội nghị"),
        milestone="invitations",  # the agenda goes out with the invitations
        conference_day=True, required=_AT, button="make_invitations"),
    "signin": DocumentKind(
        "danh-sach-dai-bieu.docx", "Danh sách đại biểu ký tên", "Danh sach dai bieu", "",
        build="builders:signin", rows="dai_bieu",
        window=Window(None, 0, 0, "danh sách ký tên lập trước hoặc trong ngày hội nghị"),
        milestone=CONFERENCE_MILESTONE, conference_day=True, required=_AT, button="make_invitations"),
    "announcement": DocumentKind(
        "thong-bao-hoi-nghi.docx", "Thông báo tổ chức hội nghị", "Thong bao to chuc hoi nghi", "TB-UBND",
        build="builders:announcement",
        window=Window(None, -7, -10, "phải công khai thời gian, địa điểm, nội dung hội nghị ít nhất 7 ngày trước ngày "
                                     "hội nghị, theo Điều 43 Luật Tổ chức chính quyền địa phương"),
        milestone="announcement", conference_day=True, required=(*_AT, "nguoi_ky"),
        recipients_setting="noi_nhan_thong_bao_hoi_nghi",
        recipients=Recipients(
            "- Thường trực Đảng ủy, HĐND {đơn vị} (b/c);\n- Ủy ban MTTQ Việt Nam {đơn vị};\n"
            "- Đài truyền thanh {đơn vị} (phát 07 ngày);\n- Các {khu dân cư} (niêm yết);",
            "- Thường trực Đảng ủy,\n- Ủy ban MTTQ Việt Nam {đơn vị},\n- Đài truyền thanh {đơn vị} (phát 07 ngày),\n"
            "- Các chi bộ và các {khu dân cư} (niêm yết),"),
        button="make_announcement"),
    "minutes": DocumentKind(
        "bien-ban-hoi-nghi.docx", "Biên bản hội nghị", "Bien ban hoi nghi", "BB-UBND",
        build="builders:minutes", rows="kien_nghi",
        window=Window(0, 0, 0, "biên bản lập và thông qua tại hội nghị"),
        milestone=CONFERENCE_MILESTONE, conference_day=True, after_conference=True,
        recipients_setting="noi_nhan_bien_ban",
        recipients=Recipients("- Thường trực Đảng ủy, HĐND {đơn vị};\n- Ủy ban MTTQ Việt Nam {đơn vị} (giám sát);",
                              "- Thường trực Đảng ủy,\n- Ủy ban MTTQ Việt Nam {đơn vị} (giám sát),"),
        button="make_minutes"),
    "notice": DocumentKind(
        "thong-bao-ket-qua.docx", "Thông báo kết quả hội nghị", "Thong bao ket qua", "TB-UBND",
        build="builders:notice", rows="kien_nghi",
        window=Window(0, 10, 3, "kết quả hội nghị phải thông báo trong 10 ngày sau hội nghị, theo Điều 43 Luật Tổ chức "
                                "chính quyền địa phương"),
        milestone="notice", conference_day=True, after_conference=True, required=(*_AT, "nguoi_ky"),
        number_setting="so_thong_bao", recipients_setting="noi_nhan_thong_bao",
        recipients=Recipients(
            "- Thường trực Đảng ủy {đơn vị} (để báo cáo);\n- Ủy ban MTTQ Việt Nam {đơn vị} (để giám sát);\n"
            "- Các cơ quan, đơn vị thuộc UBND {đơn vị};\n- Các {khu dân cư} (để thông báo);",
            "- Thường trực Đảng ủy,\n- Ủy ban MTTQ Việt Nam {đơn vị} (để giám sát),\n- Các chi bộ (để thông báo),"),
        button="make_notice"),
    "report_upward": DocumentKind(
        "bao-cao-ket-qua-hoi-nghi.docx", "Báo cáo kết quả tổ chức hội nghị", "Bao cao ket qua hoi nghi", "BC-UBND",
        build="builders:report_upward", rows="kien_nghi",
        window=Window(0, None, None, "báo cáo kết quả lập sau khi đã tổ chức hội nghị"),
        milestone="report_upward", conference_day=True, after_conference=True,
        recipients_setting="noi_nhan_bao_cao_ket_qua",
        recipients=Recipients(
            "- Như trên;\n- Thường trực HĐND {đơn vị};\n- Ủy ban MTTQ Việt Nam {đơn vị};",
            "- Như trên,\n- Thường trực HĐND, Ủy ban nhân dân {đơn vị},\n- Ủy ban MTTQ Việt Nam {đơn vị},"),
        addressees_setting="kinh_gui_bao_cao_ket_qua", addressed_to=SUPERIORS, button="make_report_upward"),
}
# Documents of the level above, made from a folder of wards' workbooks (`doithoai rollup --report`), not from one
# workbook: `documents` never makes them, so they are kept apart from KINDS. Without recipients of its own, the
# roll-up report takes the general `Nơi nhận` of its settings (bao-cao-cap-tren.toml).
ROLLUP_KINDS: dict[str, DocumentKind] = {
    "rollup_report": DocumentKind("bao-cao-tong-hop-cac-xa-phuong.docx", "Báo cáo tổng hợp kết quả đối thoại của các xã, phường",
                                  "Bao cao tong hop doi thoai", "BC-UBND", build="",  # built by doithoai.rollup.report
                                  number_setting="so_bao_cao"),
}


def default_kinds() -> list[str]:
    """The kinds of a run of "all documents": every kind but those made only on request."""
    return [kind for kind, spec in KINDS.items() if not spec.on_request]


def spec_of(kind: str) -> DocumentKind | None:
    """`kind`'s entry in either registry; None for a name neither has (it then has nothing of its own)."""
    return KINDS.get(kind) or ROLLUP_KINDS.get(kind)


def template_names() -> list[str]:
    """Every template file a kind of either registry uses, once each, in the registries' order."""
    return list(dict.fromkeys(spec.template for spec in (*KINDS.values(), *ROLLUP_KINDS.values())))


def builder(kind: str) -> Callable[[Any], Any]:
    """The function that builds `kind`'s context (`KINDS[kind].build`, imported on first use)."""
    module, _, function = KINDS[kind].build.partition(":")
    return getattr(importlib.import_module(f"doithoai.documents.{module}"), function)


def template_path(kind: str, workbook_folder: Path | None = None) -> Path:
    """The office's own copy when there is one, else the bundled template."""
    from ..core.resources import templates_dir

    spec = spec_of(kind)
    if spec is None:
        raise KeyError(kind)
    name = spec.template
    if workbook_folder is not None:
        own = Path(workbook_folder) / OVERRIDE_FOLDER / name
        if own.is_file():
            return own
    return templates_dir() / name
