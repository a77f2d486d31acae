"""Opinions collected by the Ủy ban MTTQ and the mass organisations, brought in as petitions.

Slightly longer than the ~450-line guide: the form's layout and the reading-back rules are two halves of one
format (what `intake-form` writes, `intake` must recognise), kept together so they cannot drift apart.

Seed 002: the organisations "tổng hợp bằng văn bản và gửi về UBND"; seed 001: the MTTQ surveys and reports.
Instead of a list the clerk retypes, the office sends each organisation a small form
(`write_intake_form`): a cover naming the organisation, and a sheet `Ý kiến` with one row per opinion and
the workbook's own fields as a dropdown. `intake(access, path)` brings a returned form in:

- each new opinion becomes a petition on `Kiến nghị` with a new code after the highest one, the source
  (`Ủy ban MTTQ` for the Front, `Tổ chức chính trị - xã hội` otherwise) and the organisation as the
  petitioner (the organisation sent it in writing and is answered in writing; the member or place a row
  names goes into `Địa chỉ`);
- a row that repeats a petition already in the workbook is not added but reported: the same organisation
  and the same words (a form brought in twice: "đã nhập trước đó", so a second run adds nothing), nearly
  the same words as any petition (`validation.duplicates.similar_pairs`), or the same person (`keys.name_key`:
  "Hoà" is "Hòa", "Hùng" and "Hưng" are two people) asking much the same;
- a row that cannot be a petition (no content, a field not on the list, text Excel would run as a formula, an Excel
  error value such as #DIV/0!, a cell over Excel's 32,767-character limit) is refused with its reason, naming its
  cell; out-of-scope complaints are added and flagged, as the validator flags them.

Like merge-back it writes nothing but the new rows (`model.RowWrite`: empty rows below the records, in
the table; never under a merged range), refuses (exit 2) a file that is not an intake form or a form made for
another unit (the cover's `Đơn vị nhận`), and writes nothing when refusing.

Hostile text (decisions): every value is taken as the workbook writer will store it (`owned_sheet.canonical`: control
characters the file cannot hold dropped, NFC, single spaces) before anything is compared, so a second run compares
with what the first wrote and adds nothing whatever the text. The form is written with XlsxWriter, every text with
`write_string` (an organisation named "=…" is text), control characters in the organisation, the unit or the fields
dropped. The form is read through the workbook reader (`io.reader.read_sheets`, bounded by the data whatever range
the file declares), and the new rows are written as text below the table (`io.xlsxpatch.cells`): time and memory grow
with the rows (`benchmarks/intake_speed.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import schema
from ..core.errors import UnusableFile
from ..core.keys import list_key, name_key, new_codes
from ..core.model import BookData, ChangeSet, Record, RowWrite
from ..core.text import EXCEL_CELL_LIMIT, clean, fold, formula_like, thousands
from ..io.access import WorkbookAccess

if TYPE_CHECKING:
    from ..validation.duplicates import WordKeys

FORM_MARK_PREFIX = "MẪU TỔNG HỢP Ý KIẾN, KIẾN NGHỊ"  # what the cover's title starts with, whoever it is sent to
FORM_MARK = f"{FORM_MARK_PREFIX} GỬI ỦY BAN NHÂN DÂN"  # a government plan's title (and the forms made before issue 24)
COVER_SHEET = "Thông tin"
ROWS_SHEET = "Ý kiến"
LIST_SHEET = schema.LISTS_SHEET  # the form's own list sheet, named like the workbook's
ORG_LABEL = "Tổ chức gửi"
FORM_ID_LABEL = "Mã mẫu"
UNIT_LABEL = "Đơn vị nhận"  # the unit the form was made for: a form of another unit is refused
PROVINCE_LABEL = "Tỉnh, thành phố"
ORGANISATION_LIMIT = 255  # characters of an organisation's name: it is every petition's petitioner, and a file name
FORMS_FOLDER = "Mẫu gửi tổ chức"  # next to the workbook: the forms written for the organisations
RETURN_FOLDER = "Ý kiến gửi về"  # next to the workbook: where the clerk saves the returned forms
FORM_ROWS = 300  # rows with the dropdown and the input formats
# The form's columns: (key, header, width). `noi_dung` is the only one required.
FORM_COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("stt", "STT", 6),
    ("nguoi", "Người nêu ý kiến (nếu có)", 24),
    ("dia_chi", "Địa chỉ, tổ dân phố, thôn", 24),
    ("linh_vuc", "Lĩnh vực", 20),
    ("noi_dung", "Nội dung ý kiến, kiến nghị", 70),
    ("ghi_chu", "Ghi chú", 20),
)
REQUIRED_HEADERS = ("Lĩnh vực", "Nội dung ý kiến, kiến nghị")
SAME_PERSON_SIMILARITY = 0.5  # the same person asking with half the words in common asks the same thing
DEFAULT_ORGANISATIONS = (
    "Ủy ban MTTQ Việt Nam {unit}",
    "Hội Cựu chiến binh {unit}",
    "Hội Liên hiệp Phụ nữ {unit}",
    "Hội Nông dân {unit}",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh {unit}",
)


def source_of(organisation: str) -> str:
    """The Front's committee is `Ủy ban MTTQ`; any other organisation a socio-political organisation."""
    folded = fold(organisation)
    front = "mttq" in folded.replace(" ", "") or "mat tran" in folded
    return schema.SOURCE_MTTQ if front else schema.SOURCE_ORGANISATION


# --------------------------------------------------------------------------------------------------
# The form


def _setting(book: BookData, key: str) -> str:
    value = book.settings.get(key)
    return clean(str(value)) if value not in (None, "") else ""


def default_organisations(book: BookData) -> list[str]:
    unit = " ".join(x for x in (_setting(book, "loai_don_vi").lower(), _setting(book, "ten_don_vi")) if x)
    return [name.format(unit=unit).strip() for name in DEFAULT_ORGANISATIONS]


def form_unit(book: BookData) -> tuple[str, str]:
    """(the unit, its province) as the form's cover names them: ("phường Tứ Minh", "Thành phố Hải Phòng")."""
    from ..domain.conference_settings import unit_name

    return _plain(unit_name(book.settings)), _setting(book, "tinh")


def _plain(text: str) -> str:
    """Text for the form: what the workbook writer would store (no control characters the file cannot hold), on one
    clean line."""
    from ..io.owned_sheet import canonical

    return " ".join(canonical(text).split())


def write_form(path: Path, book: BookData, organisation: str, now: dt.datetime) -> None:
    """The intake form for one organisation, written with XlsxWriter: every text as text (`write_string`, never a
    formula or a link, whatever it starts with), control characters dropped as the workbook writer drops them."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                                "strings_to_numbers": False})
    try:
        base = {"font_name": "Times New Roman", "font_size": 12}
        bold = workbook.add_format({**base, "bold": True})
        label_format = workbook.add_format({**base, "bold": True, "valign": "top"})  # beside its value, on its first line
        title = workbook.add_format({**base, "bold": True, "font_size": 14})
        wrap = workbook.add_format({**base, "text_wrap": True, "valign": "top"})
        cover = workbook.add_worksheet(COVER_SHEET)
        unit, province = form_unit(book)
        # The conference as `Kế hoạch` describes it, worded as the documents word it: its name, its audience, the body
        # that issues it and the office that collects (a Party committee's survey goes to the Đảng ủy, not to a People's
        # Committee).
        from ..documents.issuer import body_in_text
        from ..domain.conference_settings import audience, conference_name, office

        body, short = (_plain(x) for x in body_in_text(book.settings))
        deadline = _return_deadline(book)
        lines: list[tuple[str, str | None]] = [
            (_plain(f"{FORM_MARK_PREFIX} GỬI {_body_caps(book)}"), None),
            ("", None),
            (ORG_LABEL, organisation),
            ("Gửi", f"{body} (qua {_plain(office(book.settings))})"),
            ("Hội nghị", _plain(conference_name(book.settings, now.date()))),
            ("Ý kiến của", f"{_plain(audience(book.settings))} (qua {organisation})"),
            ("Hạn gửi về", deadline or f"Theo văn bản của {short}"),
            (FORM_ID_LABEL, f"YK-{now:%Y%m%d-%H%M%S}"),
            ("", None),
            ("Cách điền", f"Mỗi ý kiến, kiến nghị ghi một dòng ở trang “{ROWS_SHEET}”; chọn lĩnh vực trong danh sách. "
                          "Không sửa tên cột, không thêm trang. Khiếu nại, tố cáo và tranh chấp giữa các cá nhân không thuộc "
                          "phạm vi hội nghị đối thoại."),
            ("", None),
            (UNIT_LABEL, unit),
            (PROVINCE_LABEL, province),
        ]
        for index, (label, value) in enumerate(lines):
            if label:
                cover.write_string(index, 0, label, title if index == 0 else label_format)
            if value:
                cover.write_string(index, 1, value, wrap)
        cover.set_column(0, 0, 18)
        cover.set_column(1, 1, 80)
        cover.set_row(9, 48)  # the instructions
        for row in (3, 4, 5):  # the body, the conference's name and the audience may run to two lines
            cover.set_row(row, 33)
        cover.protect()  # the organisation's name, the unit and the form's id are the office's
        cover.set_paper(9)  # A4, one page wide
        cover.fit_to_pages(1, 0)

        rows = workbook.add_worksheet(ROWS_SHEET)
        header = workbook.add_format({**base, "bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79", "text_wrap": True,
                                      "valign": "vcenter", "align": "center"})
        cell = workbook.add_format({**base, "text_wrap": True, "valign": "top", "num_format": "@", "locked": False})
        for position, (_, heading, width) in enumerate(FORM_COLUMNS):
            rows.write_string(0, position, heading, header)
            rows.set_column(position, position, width)
            for row in range(1, FORM_ROWS + 1):
                rows.write_blank(row, position, None, cell)
        rows.set_row(0, 33)
        rows.freeze_panes(1, 0)
        rows.set_landscape()
        rows.set_paper(9)
        rows.fit_to_pages(1, 0)
        rows.repeat_rows(0)  # the header on every printed page
        fields = [f for f in (_plain(x) for x in (book.lists.get("linh_vuc") or schema.lookup("linh_vuc").values)) if f]
        lists = workbook.add_worksheet(LIST_SHEET)
        lists.write_string(0, 0, "Lĩnh vực", bold)
        for index, value in enumerate(fields, 1):
            lists.write_string(index, 0, value)
        lists.hide()
        field_column = [k for k, _, _ in FORM_COLUMNS].index("linh_vuc")
        if fields:
            rows.data_validation(1, field_column, FORM_ROWS, field_column, {
                "validate": "list", "source": f"='{LIST_SHEET}'!$A$2:$A${len(fields) + 1}", "ignore_blank": True,
                "error_title": "Lĩnh vực", "error_message": "Hãy chọn lĩnh vực trong danh sách."})
        rows.activate()
        workbook.set_properties({"author": "Đối thoại", "title": lines[0][0]})
    finally:
        workbook.close()


def _body_caps(book: BookData) -> str:
    """The body the form goes to, in the title's capitals: "ỦY BAN NHÂN DÂN", "ĐẢNG ỦY"."""
    from ..documents.issuer import body_in_text
    from ..domain.conference_settings import unit_name

    body = body_in_text(book.settings)[0]
    unit = unit_name(book.settings)
    return (body[: -len(unit)].strip() if unit and body.endswith(unit) else body).upper()


def _return_deadline(book: BookData) -> str:
    """When the organisations' summaries are due: the timeline's milestone for them, else the slips' return."""
    from ..core.values import format_date
    from ..documents.cycle import SLIP_COLLECTION, milestone_due

    today = dt.date.today()
    due = milestone_due(book, today, ("mttq", "to chuc chinh tri")) or milestone_due(book, today, SLIP_COLLECTION)
    return format_date(due) if due else ""


def form_file_name(organisation: str) -> str:
    from ..documents.names import safe_name

    return safe_name(f"Tong hop y kien - {organisation}", fallback="Tong hop y kien") + ".xlsx"


@dataclass
class FormsResult:
    files: list[Path] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if not self.files:
            return "Không tạo mẫu nào."
        folder = self.files[0].parent
        lines = [f"Đã tạo {len(self.files)} mẫu tổng hợp ý kiến trong thư mục: {folder}"]
        lines += [f"- {path.name}" for path in self.files]
        lines.append(f"Gửi mỗi tổ chức tệp của mình; khi nhận lại, lưu vào thư mục “{RETURN_FOLDER}” bên cạnh sổ rồi nhập về.")
        return "\n".join(lines)


def write_intake_forms(access: WorkbookAccess, organisations: list[str] | None = None, out: Path | None = None, *,
                       now: dt.datetime | None = None) -> FormsResult:
    """One form per organisation (the Front and the usual socio-political organisations when none is named)."""
    from ..io.files import atomic_create

    now = now or dt.datetime.now()
    book = access.read()
    names = [_plain(n) for n in (organisations or default_organisations(book))]
    names = [n for n in names if n]
    if not names:
        raise UnusableFile("Chưa có tên tổ chức để tạo mẫu tổng hợp ý kiến.")
    for name in names:
        if len(name) > ORGANISATION_LIMIT:
            raise UnusableFile(f"Tên tổ chức “{name[:60]}…” dài {thousands(len(name))} ký tự, quá {ORGANISATION_LIMIT} ký tự: "
                               "hãy ghi tên ngắn gọn của tổ chức; chưa có gì bị ghi.")
    folder = Path(out) if out else access.folder / FORMS_FOLDER
    _forms_folder(folder)
    result = FormsResult()
    for name in names:
        target = folder / form_file_name(name)
        number = 2
        while True:
            if not target.exists():  # never overwrite a form someone may have started filling
                try:
                    atomic_create(target, partial(write_form, book=book, organisation=name, now=now))
                    break
                except UnusableFile:
                    if not target.exists():
                        raise  # refused for another reason than a file saved there meanwhile
            target = folder / f"{form_file_name(name)[:-5]} ({number}).xlsx"
            number += 1
        result.files.append(target)
    return result


def _forms_folder(folder: Path) -> None:
    """The folder for the forms, made if need be; a file of that name, or a folder that cannot be made, is refused."""
    if folder.exists() and not folder.is_dir():
        raise UnusableFile(f"“{folder}” là một tệp, không phải thư mục: hãy chọn (--out) một thư mục để lưu các mẫu gửi tổ "
                           "chức; chưa có gì bị ghi.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnusableFile(f"Không tạo được thư mục “{folder}” để lưu các mẫu gửi tổ chức ({exc.strerror or exc}): hãy chọn "
                           "thư mục khác; chưa có gì bị ghi.") from exc


# --------------------------------------------------------------------------------------------------
# Reading a returned form


@dataclass
class FormData:
    organisation: str
    form_id: str
    rows: list[tuple[int, dict[str, Any]]]  # (Excel row, form column key -> value) for each non-blank row
    file: str
    unit: str = ""  # the unit the form was made for ("" on a form made before the cover named it)
    province: str = ""
    sent_to: str = ""  # on a form made before the cover named its unit: the body it went to ("Ủy ban nhân dân phường X")
    problems: dict[int, str] = field(default_factory=dict)  # Excel row -> why that row cannot be a petition (its cell)


def read_form(path: Path | str) -> FormData:
    """A returned form's organisation and rows; `UnusableFile` when the file is not an intake form.

    Read through the workbook reader (`io.reader.read_sheets`: the two sheets only, bounded by their data whatever
    range the file declares). Every text is taken as the workbook writer will store it (`owned_sheet.canonical`), so
    what a run compares is what an earlier run wrote. A cell holding an Excel error value (#DIV/0!…) or text over
    Excel's cell limit makes its row a problem, named by its cell, never a petition."""
    from ..core.keys import find_sheet, header_key
    from ..core.model import EXCEL_ERRORS, CellError, column_letter
    from ..io.owned_sheet import canonical
    from ..io.reader import read_sheets

    path = Path(path)
    sheets = read_sheets(path, [COVER_SHEET, ROWS_SHEET])  # refuses a missing, damaged or password-protected file
    names = list(sheets)
    not_form = (f"Tệp “{path.name}” không phải mẫu tổng hợp ý kiến do phần mềm tạo (cần trang “{COVER_SHEET}” "
                f"có dòng “{ORG_LABEL}” và trang “{ROWS_SHEET}”); sổ không bị thay đổi.")
    cover_name, rows_name = find_sheet(names, COVER_SHEET), find_sheet(names, ROWS_SHEET)
    if cover_name is None or rows_name is None:
        raise UnusableFile(not_form)
    cover = sheets[cover_name]
    labels: dict[str, tuple[int, Any]] = {}
    for number, line in enumerate(cover, 1):
        if line and isinstance(line[0], str):
            labels.setdefault(header_key(line[0]), (number, line[1] if len(line) > 1 else None))
    marked = any(key.startswith(header_key(FORM_MARK_PREFIX)) for key in labels)

    def label(name: str) -> str:
        number, value = labels.get(header_key(name), (0, None))
        if isinstance(value, CellError):
            return ""
        if _too_long(value):
            raise UnusableFile(f"Ô B{number} của trang “{COVER_SHEET}” trong tệp “{path.name}” dài quá giới hạn "
                               f"{thousands(EXCEL_CELL_LIMIT)} ký tự của một ô Excel; sổ không bị thay đổi.")
        return " ".join(canonical(value).split())

    organisation = label(ORG_LABEL)
    if not marked or not organisation:
        raise UnusableFile(not_form)
    unit, province = label(UNIT_LABEL), label(PROVINCE_LABEL)
    sent = label("Gửi")
    sent_to = sent[: sent.index(" (qua ")].strip() if not unit and " (qua " in sent else ""
    raw = sheets[rows_name]
    header = raw[0] if raw else []
    positions = {header_key(h): i for i, h in enumerate(header) if isinstance(h, str)}
    missing = [h for h in REQUIRED_HEADERS if header_key(h) not in positions]
    if missing:
        raise UnusableFile(f"Trang “{ROWS_SHEET}” của tệp “{path.name}” thiếu cột " + ", ".join(f"“{h}”" for h in missing)
                           + " ở dòng 1: có thể tên cột đã bị sửa; sổ không bị thay đổi.")
    columns = [(key, positions.get(header_key(header_text))) for key, header_text, _ in FORM_COLUMNS]
    rows = []
    problems: dict[int, str] = {}
    for index, line in enumerate(raw[1:], 2):
        values = {}
        for key, position in columns:
            value = line[position] if position is not None and position < len(line) else None
            if isinstance(value, CellError) or (isinstance(value, str) and value in EXCEL_ERRORS):
                if key != "stt":
                    problems.setdefault(index, f"ô {column_letter((position or 0) + 1)}{index} có giá trị lỗi {value} của Excel "
                                               "(một công thức tính sai), không phải nội dung ý kiến; hãy sửa ô đó rồi nhập "
                                               "lại; chưa nhập.")
                values[key] = ""
                continue
            if _too_long(value):
                length = len(_cleaned(value))
                problems.setdefault(index, f"ô {column_letter((position or 0) + 1)}{index} dài {thousands(length)} ký tự, quá "
                                           f"giới hạn {thousands(EXCEL_CELL_LIMIT)} ký tự của một ô Excel; hãy rút gọn rồi "
                                           "nhập lại; chưa nhập.")
            values[key] = canonical(value)
        if index in problems or any(values[k] for k in ("nguoi", "dia_chi", "linh_vuc", "noi_dung")):
            rows.append((index, values))
    form_id = label(FORM_ID_LABEL)
    return FormData(organisation=organisation, form_id=form_id, rows=rows, file=path.name, unit=unit, province=province,
                    sent_to=sent_to, problems=problems)


def _cleaned(value: Any) -> str:
    from ..core.text import clean_text

    return clean_text(value) if isinstance(value, str) else ""


def _too_long(value: Any) -> bool:
    return isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT and len(_cleaned(value)) > EXCEL_CELL_LIMIT


def check_unit(book: BookData, form: FormData) -> None:
    """Refuse (exit 2) a form made for another unit, naming both; a form that does not say is taken."""
    unit, province = form_unit(book)
    typed = " ".join(x for x in (_setting(book, "loai_don_vi"), _setting(book, "ten_don_vi")) if x)
    if not _setting(book, "ten_don_vi"):
        return  # the workbook does not name its unit yet: nothing to compare (the validator asks for it)
    if form.unit:
        same_unit = name_key(form.unit) in (name_key(unit), name_key(typed))
    elif form.sent_to:  # an older form: the body it went to ends with its unit
        same_unit = any(name_key(form.sent_to).endswith(name_key(x)) for x in (unit, typed) if name_key(x))
    else:
        return  # the form does not say
    same_province = not (form.province and province) or name_key(form.province) == name_key(province)
    if same_unit and same_province:
        return
    theirs = ", ".join(x for x in (form.unit or form.sent_to, form.province) if x)
    ours = ", ".join(x for x in (unit, province) if x) or "(sổ chưa ghi tên đơn vị)"
    raise UnusableFile(f"Mẫu “{form.file}” được tạo cho {theirs}, không phải cho {ours} của sổ này: hãy nhập mẫu đó vào sổ "
                       f"của {theirs}; sổ không bị thay đổi.")


# --------------------------------------------------------------------------------------------------
# Planning what comes in (pure)


@dataclass(frozen=True)
class Outcome:
    form_row: int  # Excel row on the form's `Ý kiến` sheet
    text: str  # the opinion, shortened for messages
    code: str = ""  # the new code (added) or the existing petition it repeats
    reason: str = ""

    @property
    def line(self) -> str:
        where = f"Dòng {self.form_row} của mẫu"
        if self.reason and self.code:
            return f"{where} (“{self.text}”): {self.reason} {self.code}."
        if self.reason:
            return f"{where} (“{self.text}”): {self.reason}"
        return f"{where}: thêm thành {self.code} (“{self.text}”)."


@dataclass
class IntakePlan:
    organisation: str
    source: str
    added: list[Outcome] = field(default_factory=list)
    already: list[Outcome] = field(default_factory=list)  # the same organisation and words: brought in before
    duplicates: list[Outcome] = field(default_factory=list)
    refused: list[Outcome] = field(default_factory=list)
    flagged: list[Outcome] = field(default_factory=list)  # added, but worth a look (out of scope, no field)
    changes: ChangeSet = field(default_factory=ChangeSet)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def list_value(value: str, fields: tuple[str, ...]) -> str | None:
    """The list's own spelling of a field typed on the form ("dat dai" -> "Đất đai"), or None."""
    wanted = list_key(value)
    matches = [f for f in fields if list_key(f) == wanted]
    return matches[0] if len(matches) == 1 else None


def plan_intake(book: BookData, form: FormData) -> IntakePlan:
    from ..validation.duplicates import WordKeys

    plan = IntakePlan(organisation=form.organisation, source=source_of(form.organisation))
    fields = tuple(book.lists.get("linh_vuc") or schema.lookup("linh_vuc").values)
    keys = WordKeys()
    known = _Known.of(book.petitions.records)
    org_key = name_key(form.organisation)
    candidates: list[_Candidate] = []
    for form_row, values in form.rows:
        text = values["noi_dung"]
        shown = _short(text or values["nguoi"] or values["dia_chi"] or values["linh_vuc"])
        refusal, field_name = _refusal(form, form_row, values, fields)
        if refusal is not None:
            plan.refused.append(Outcome(form_row, shown, reason=refusal))
        elif not _repeat(plan, known, keys, org_key, form_row, values, shown):
            candidates.append((form_row, values, field_name))
    kept = _without_near_duplicates(plan, known, keys, candidates)
    _add_petitions(book, form, plan, kept)
    return plan


_Candidate = tuple[int, dict[str, Any], str | None]  # a form's row that may come in: Excel row, values, field (list's spelling)


@dataclass
class _Known:
    """The workbook's petitions a form's rows are compared with. Who: `keys.name_key` (the same person everywhere:
    "Hoà" is "Hòa", "Hùng" is not "Hưng"). What: the words, accents ignored (the content may be retyped; a near repeat
    is caught by `_without_near_duplicates`). Both sides as written (`owned_sheet.canonical`): the form's values are
    already."""

    existing: list[Record]
    same_words: dict[tuple[str, str], Record]  # (petitioner, folded words) -> petition
    any_words: dict[str, Record]  # folded words -> petition
    by_person: dict[str, list[Record]]  # petitioner -> petitions

    @classmethod
    def of(cls, records: list[Record]) -> _Known:
        from ..io.owned_sheet import canonical

        existing = [r for r in records if isinstance(r.get("noi_dung"), str) and canonical(r.get("noi_dung"))]
        folded = {r.row: fold(canonical(r.get("noi_dung"))) for r in existing}
        same_words = {(name_key(canonical(r.get("nguoi_kien_nghi"))), folded[r.row]): r for r in existing}
        any_words = {folded[r.row]: r for r in existing}
        by_person: dict[str, list[Record]] = {}
        for record in existing:
            by_person.setdefault(name_key(canonical(record.get("nguoi_kien_nghi"))), []).append(record)
        return cls(existing, same_words, any_words, by_person)


def _refusal(form: FormData, form_row: int, values: dict[str, Any], fields: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Why a form's row cannot be a petition (None: it can be one), and its field in the list's spelling."""
    text = values["noi_dung"]
    problem = form.problems.get(form_row)
    if problem is None and len(_address(values)) > EXCEL_CELL_LIMIT:
        problem = (f"người nêu và địa chỉ (cột B, C) ghép lại dài {thousands(len(_address(values)))} ký tự, quá giới hạn "
                   f"{thousands(EXCEL_CELL_LIMIT)} ký tự của một ô Excel; hãy rút gọn rồi nhập lại; chưa nhập.")
    if problem is not None:
        return problem, None
    if not text:
        return "không có nội dung ý kiến, kiến nghị; chưa nhập.", None
    if formula_like(text):
        return ("nội dung bắt đầu bằng dấu =, +, - hoặc @ nên Excel sẽ hiểu là công thức; hãy sửa lại rồi nhập lại; "
                "chưa nhập."), None
    if not values["linh_vuc"]:
        return None, None
    field_name = list_value(values["linh_vuc"], fields)
    if field_name is None:
        return f"lĩnh vực “{values['linh_vuc']}” không có trong danh mục ({', '.join(fields)}); chưa nhập.", None
    return None, field_name


def _repeat(plan: IntakePlan, known: _Known, keys: WordKeys, org_key: str, form_row: int, values: dict[str, Any],
            shown: str) -> bool:
    """Whether a row repeats a petition of the workbook (the same organisation and words: brought in before; the same
    words; the same person asking much the same): listed on the plan, and not added."""
    from ..validation.duplicates import _jaccard

    text = values["noi_dung"]
    words = fold(text)
    previous = known.same_words.get((org_key, words))
    if previous is not None:
        plan.already.append(Outcome(form_row, shown, code=str(previous.get("ma_kien_nghi") or f"dòng {previous.row}"),
                                    reason="đã nhập trước đó, là"))
        return True
    same = known.any_words.get(words)
    if same is not None:
        plan.duplicates.append(Outcome(form_row, shown, code=_code(same), reason="trùng nội dung với kiến nghị"))
        return True
    person = name_key(values["nguoi"])
    tokens = keys.words(text)
    asked = known.by_person.get(person, []) if person else []
    repeated = next((r for r in asked if _jaccard(tokens, keys.words(r.get("noi_dung"))) >= SAME_PERSON_SIMILARITY), None)
    if repeated is not None:
        plan.duplicates.append(Outcome(form_row, shown, code=_code(repeated),
                                       reason="cùng người nêu, nội dung tương tự kiến nghị"))
        return True
    return False


def _without_near_duplicates(plan: IntakePlan, known: _Known, keys: WordKeys, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates that are not near duplicates of the workbook's petitions or of an earlier row of the same form
    (those are listed on the plan)."""
    from ..validation.duplicates import similar_pairs

    docs = [(r, keys.words(r.get("noi_dung"))) for r in known.existing]
    incoming = [(Record(row=-form_row, values={"noi_dung": values["noi_dung"]}), keys.words(values["noi_dung"]))
                for form_row, values, _ in candidates]
    near = {later.row: earlier for later, earlier in similar_pairs(docs + incoming) if later.row < 0}
    kept = []
    for form_row, values, field_name in candidates:
        earlier = near.get(-form_row)
        if earlier is None:
            kept.append((form_row, values, field_name))
            continue
        shown = _short(values["noi_dung"])
        if earlier.row < 0:
            plan.duplicates.append(Outcome(form_row, shown, code=f"dòng {-earlier.row} của mẫu", reason="gần giống"))
        else:
            plan.duplicates.append(Outcome(form_row, shown, code=_code(earlier), reason="gần giống kiến nghị"))
    return kept


def _add_petitions(book: BookData, form: FormData, plan: IntakePlan, kept: list[_Candidate]) -> None:
    """The new petitions, with new codes, in the empty rows below the table; those worth a look flagged."""
    from ..validation.scope import out_of_scope_term

    table = book.petitions
    codes = new_codes([r.get("ma_kien_nghi") for r in table.records], len(kept))
    next_row = (table.records[-1].row if table.records else table.spec.header_row) + 1
    columns = table.columns
    status = (book.lists.get("trang_thai") or schema.lookup("trang_thai").values or ("",))[0]
    for offset, ((form_row, values, field_name), code) in enumerate(zip(kept, codes, strict=True)):
        address = _address(values)
        new = {"ma_kien_nghi": code, "nguon": plan.source, "nguoi_kien_nghi": form.organisation, "dia_chi": address or None,
               "linh_vuc": field_name, "noi_dung": values["noi_dung"], "trang_thai": status or None}
        cells = tuple((columns[key], value) for key, value in new.items() if key in columns and value not in (None, ""))
        plan.changes.rows.append(RowWrite(schema.PETITIONS.name, next_row + offset, cells))
        outcome = Outcome(form_row, _short(values["noi_dung"]), code=code)
        plan.added.append(outcome)
        term = out_of_scope_term(values["noi_dung"])
        if term:
            reason = f"có “{term}” (khiếu nại, tố cáo, tranh chấp không thuộc phạm vi đối thoại): đã nhập, hãy xem lại"
            plan.flagged.append(Outcome(form_row, outcome.text, code=code, reason=reason))
        elif field_name is None:
            plan.flagged.append(Outcome(form_row, outcome.text, code=code, reason="chưa có lĩnh vực: đã nhập, hãy phân loại"))


def _address(values: dict[str, Any]) -> str:
    """What goes into `Địa chỉ`: the member or place a row names."""
    return ", ".join(x for x in (values["nguoi"], values["dia_chi"]) if x)


def _code(record: Record) -> str:
    return str(record.get("ma_kien_nghi") or f"ở dòng {record.row}")


# --------------------------------------------------------------------------------------------------
# The job


@dataclass
class IntakeResult:
    file: str
    plan: IntakePlan
    written: bool
    dry_run: bool = False

    @property
    def headline(self) -> str:
        p = self.plan
        verb = "Sẽ thêm" if self.dry_run else "Đã thêm"
        return (f"{p.organisation} ({self.file}): {verb} {len(p.added)} kiến nghị mới vào trang {schema.PETITIONS.name} "
                f"(nguồn “{p.source}”); {len(p.duplicates)} ý kiến có vẻ trùng, chưa thêm; {len(p.refused)} dòng bị từ chối; "
                f"{len(p.already)} ý kiến đã nhập trước đó.")

    @property
    def summary(self) -> str:
        p = self.plan
        lines = [self.headline]
        for title, items in (("Đã thêm", p.added), ("Có vẻ trùng (chưa thêm; nếu thật sự khác, hãy nhập tay)", p.duplicates),
                             ("Bị từ chối", p.refused), ("Cần xem lại", p.flagged)):
            if items:
                lines.append(f"{title}:")
                lines += [f"- {o.line}" for o in items[:15]]
                if len(items) > 15:
                    lines.append(f"- … và {len(items) - 15} dòng khác.")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        def items(outcomes: list[Outcome]) -> list[dict[str, Any]]:
            return [{"row": o.form_row, "code": o.code, "reason": o.reason, "text": o.text} for o in outcomes]

        p = self.plan
        return {"file": self.file, "organisation": p.organisation, "source": p.source, "added": items(p.added),
                "duplicates": items(p.duplicates), "refused": items(p.refused), "already": items(p.already),
                "flagged": items(p.flagged), "written": self.written}


def intake(access: WorkbookAccess, path: Path | str, *, write: bool = True) -> IntakeResult:
    """Bring one returned form in; see the module docstring."""
    form = read_form(path)
    access.progress("Đang đọc sổ…")
    book = access.read()
    check_unit(book, form)
    plan = plan_intake(book, form)
    written = False
    if write and plan.changes:
        access.progress(f"Đang thêm {len(plan.added)} kiến nghị vào trang {schema.PETITIONS.name}…")
        access.write(plan.changes)
        written = True
    return IntakeResult(file=form.file, plan=plan, written=written, dry_run=not write)


def returned_forms(folder: Path) -> list[Path]:
    """The .xlsx files in `Ý kiến gửi về` next to the workbook, oldest first (Excel's own `~$` files aside)."""
    place = Path(folder) / RETURN_FOLDER
    if not place.is_dir():
        return []
    files = [p for p in place.glob("*.xlsx") if not p.name.startswith(("~$", ".~lock"))]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))
