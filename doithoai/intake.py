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
- a row that cannot be a petition (no content, a field not on the list, text Excel would run as a formula)
  is refused with its reason; out-of-scope complaints are added and flagged, as the validator flags them.

Like merge-back it writes nothing but the new rows (`model.RowWrite`: empty rows below the records, in
the table), refuses (exit 2) a file that is not an intake form, and writes nothing when refusing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .errors import UnusableFile
from .keys import list_key, name_key, new_codes
from .model import BookData, ChangeSet, Record, RowWrite
from .text import clean, fold, formula_like

FORM_MARK_PREFIX = "MẪU TỔNG HỢP Ý KIẾN, KIẾN NGHỊ"  # what the cover's title starts with, whoever it is sent to
FORM_MARK = f"{FORM_MARK_PREFIX} GỬI ỦY BAN NHÂN DÂN"  # a government plan's title (and the forms made before issue 24)
COVER_SHEET = "Thông tin"
ROWS_SHEET = "Ý kiến"
LIST_SHEET = schema.LISTS_SHEET  # the form's own list sheet, named like the workbook's
ORG_LABEL = "Tổ chức gửi"
FORM_ID_LABEL = "Mã mẫu"
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


def build_form(book: BookData, organisation: str, now: dt.datetime):
    """The intake form for one organisation, as an openpyxl workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    font, bold = Font(name="Times New Roman", size=12), Font(name="Times New Roman", size=12, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    workbook = Workbook()
    cover = workbook.active
    cover.title = COVER_SHEET
    # The conference as `Kế hoạch` describes it, worded as the documents word it: its name, its audience, the body that
    # issues it and the office that collects (a Party committee's survey goes to the Đảng ủy, not to a People's Committee).
    from .conference_settings import audience, conference_name, office
    from .documents.issuer import body_in_text

    body, short = body_in_text(book.settings)
    deadline = _return_deadline(book)
    lines: list[tuple[str, Any]] = [
        (f"{FORM_MARK_PREFIX} GỬI {_body_caps(book)}", None),
        ("", None),
        (ORG_LABEL, organisation),
        ("Gửi", f"{body} (qua {office(book.settings)})"),
        ("Hội nghị", conference_name(book.settings, now.date())),
        ("Ý kiến của", f"{audience(book.settings)} (qua {organisation})"),
        ("Hạn gửi về", deadline or f"Theo văn bản của {short}"),
        (FORM_ID_LABEL, f"YK-{now:%Y%m%d-%H%M%S}"),
        ("", None),
        ("Cách điền", f"Mỗi ý kiến, kiến nghị ghi một dòng ở trang “{ROWS_SHEET}”; chọn lĩnh vực trong danh sách. "
                      "Không sửa tên cột, không thêm trang. Khiếu nại, tố cáo và tranh chấp giữa các cá nhân không thuộc "
                      "phạm vi hội nghị đối thoại."),
    ]
    for index, (label, value) in enumerate(lines, 1):
        cover.cell(row=index, column=1, value=label or None).font = bold
        if value is not None:
            cell = cover.cell(row=index, column=2, value=value)
            cell.font, cell.alignment = font, wrap
    cover["A1"].font = Font(name="Times New Roman", size=14, bold=True)
    cover.column_dimensions["A"].width, cover.column_dimensions["B"].width = 18, 80
    cover.row_dimensions[len(lines)].height = 48
    for row in (4, 5, 6):  # the body, the conference's name and the audience may run to two lines
        cover.row_dimensions[row].height = 33
    cover.protection.sheet = True  # the organisation's name and the form's id are the office's

    rows = workbook.create_sheet(ROWS_SHEET)
    header_fill = PatternFill("solid", fgColor="1F4E79")
    for position, (_, header, width) in enumerate(FORM_COLUMNS, 1):
        cell = rows.cell(row=1, column=position, value=header)
        cell.font = Font(name="Times New Roman", size=12, bold=True, color="FFFFFF")
        cell.fill, cell.alignment = header_fill, Alignment(wrap_text=True, vertical="center", horizontal="center")
        rows.column_dimensions[get_column_letter(position)].width = width
        for row in range(2, FORM_ROWS + 2):
            target = rows.cell(row=row, column=position)
            target.font, target.alignment, target.number_format = font, wrap, "@"
            target.protection = Protection(locked=False)
    rows.row_dimensions[1].height = 33
    rows.freeze_panes = "A2"
    fields = list(book.lists.get("linh_vuc") or schema.lookup("linh_vuc").values)
    lists = workbook.create_sheet(LIST_SHEET)
    lists.cell(row=1, column=1, value="Lĩnh vực").font = bold
    for index, value in enumerate(fields, 2):
        lists.cell(row=index, column=1, value=value)
    lists.sheet_state = "hidden"
    field_column = get_column_letter([k for k, _, _ in FORM_COLUMNS].index("linh_vuc") + 1)
    validation = DataValidation(type="list", formula1=f"='{LIST_SHEET}'!$A$2:$A${len(fields) + 1}", allow_blank=True,
                                showErrorMessage=True, errorTitle="Lĩnh vực", error="Hãy chọn lĩnh vực trong danh sách.")
    validation.add(f"{field_column}2:{field_column}{FORM_ROWS + 1}")
    rows.add_data_validation(validation)
    workbook.active = 1
    workbook.properties.creator = "Đối thoại"
    workbook.properties.title = lines[0][0]
    return workbook


def _body_caps(book: BookData) -> str:
    """The body the form goes to, in the title's capitals: "ỦY BAN NHÂN DÂN", "ĐẢNG ỦY"."""
    from .conference_settings import unit_name
    from .documents.issuer import body_in_text

    body = body_in_text(book.settings)[0]
    unit = unit_name(book.settings)
    return (body[: -len(unit)].strip() if unit and body.endswith(unit) else body).upper()


def _return_deadline(book: BookData) -> str:
    """When the organisations' summaries are due: the timeline's milestone for them, else the slips' return."""
    from .documents.cycle import SLIP_COLLECTION, milestone_due
    from .values import format_date

    today = dt.date.today()
    due = milestone_due(book, today, ("mttq", "to chuc chinh tri")) or milestone_due(book, today, SLIP_COLLECTION)
    return format_date(due) if due else ""


def form_file_name(organisation: str) -> str:
    from .documents.names import safe_name

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


def write_intake_forms(access, organisations: list[str] | None = None, out: Path | None = None, *,
                       now: dt.datetime | None = None) -> FormsResult:
    """One form per organisation (the Front and the usual socio-political organisations when none is named)."""
    from .io.files import atomic_save

    now = now or dt.datetime.now()
    book = access.read()
    names = [clean(n) for n in (organisations or default_organisations(book)) if clean(n)]
    if not names:
        raise UnusableFile("Chưa có tên tổ chức để tạo mẫu tổng hợp ý kiến.")
    folder = Path(out) if out else access.folder / FORMS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    result = FormsResult()
    for name in names:
        target = folder / form_file_name(name)
        if target.exists():  # never overwrite a form someone may have started filling
            stem, number = target.stem, 2
            while target.exists():
                target = folder / f"{stem} ({number}).xlsx"
                number += 1
        workbook = build_form(book, name, now)
        atomic_save(target, workbook.save)
        result.files.append(target)
    return result


# --------------------------------------------------------------------------------------------------
# Reading a returned form


@dataclass
class FormData:
    organisation: str
    form_id: str
    rows: list[tuple[int, dict[str, Any]]]  # (Excel row, form column key -> value) for each non-blank row
    file: str


def read_form(path: Path | str) -> FormData:
    """A returned form's organisation and rows; `UnusableFile` when the file is not an intake form."""
    from .io.reader import read_sheets
    from .io.tables import find_sheet
    from .keys import header_key

    path = Path(path)
    sheets = read_sheets(path)  # refuses a missing, damaged or password-protected file
    names = list(sheets)
    not_form = (f"Tệp “{path.name}” không phải mẫu tổng hợp ý kiến do phần mềm tạo (cần trang “{COVER_SHEET}” "
                f"có dòng “{ORG_LABEL}” và trang “{ROWS_SHEET}”); sổ không bị thay đổi.")
    cover_name, rows_name = find_sheet(names, COVER_SHEET), find_sheet(names, ROWS_SHEET)
    if cover_name is None or rows_name is None:
        raise UnusableFile(not_form)
    cover = sheets[cover_name]
    labels = {header_key(r[0]): (r[1] if len(r) > 1 else None) for r in cover if r and isinstance(r[0], str)}
    marked = any(isinstance(r[0], str) and header_key(r[0]).startswith(header_key(FORM_MARK_PREFIX)) for r in cover if r)
    organisation = clean(str(labels.get(header_key(ORG_LABEL)) or ""))
    if not marked or not organisation:
        raise UnusableFile(not_form)
    raw = sheets[rows_name]
    header = raw[0] if raw else []
    positions = {header_key(h): i for i, h in enumerate(header) if isinstance(h, str)}
    missing = [h for h in REQUIRED_HEADERS if header_key(h) not in positions]
    if missing:
        raise UnusableFile(f"Trang “{ROWS_SHEET}” của tệp “{path.name}” thiếu cột " + ", ".join(f"“{h}”" for h in missing)
                           + " ở dòng 1: có thể tên cột đã bị sửa; sổ không bị thay đổi.")
    rows = []
    for index, line in enumerate(raw[1:], 2):
        values = {}
        for key, header_text, _ in FORM_COLUMNS:
            position = positions.get(header_key(header_text))
            value = line[position] if position is not None and position < len(line) else None
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            values[key] = clean(str(value)) if value not in (None, "") else ""
        if any(values[k] for k in ("nguoi", "dia_chi", "linh_vuc", "noi_dung")):
            rows.append((index, values))
    form_id = clean(str(labels.get(header_key(FORM_ID_LABEL)) or ""))
    return FormData(organisation=organisation, form_id=form_id, rows=rows, file=path.name)


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
    from .validation.duplicates import WordKeys, _jaccard, similar_pairs
    from .validation.scope import out_of_scope_term

    table = book.petitions
    source = source_of(form.organisation)
    plan = IntakePlan(organisation=form.organisation, source=source)
    fields = tuple(book.lists.get("linh_vuc") or schema.lookup("linh_vuc").values)
    keys = WordKeys()
    # Who: `keys.name_key` (the same person everywhere: "Hoà" is "Hòa", "Hùng" is not "Hưng"). What: the words,
    # accents ignored (the content may be retyped; a near repeat is caught below).
    org_key = name_key(form.organisation)
    existing = [r for r in table.records if isinstance(r.get("noi_dung"), str) and r.get("noi_dung").strip()]
    same_words = {(name_key(r.get("nguoi_kien_nghi")), fold(r.get("noi_dung"))): r for r in existing}
    any_words = {fold(r.get("noi_dung")): r for r in existing}
    by_person: dict[str, list[Record]] = {}
    for record in existing:
        by_person.setdefault(name_key(record.get("nguoi_kien_nghi")), []).append(record)

    candidates: list[tuple[int, dict[str, Any], str | None]] = []
    for form_row, values in form.rows:
        text = values["noi_dung"]
        shown = _short(text or values["nguoi"] or values["dia_chi"] or values["linh_vuc"])
        if not text:
            plan.refused.append(Outcome(form_row, shown, reason="không có nội dung ý kiến, kiến nghị; chưa nhập."))
            continue
        if formula_like(text):
            plan.refused.append(Outcome(form_row, shown, reason="nội dung bắt đầu bằng dấu =, +, - hoặc @ nên Excel sẽ hiểu là "
                                                                "công thức; hãy sửa lại rồi nhập lại; chưa nhập."))
            continue
        field_name = None
        if values["linh_vuc"]:
            field_name = list_value(values["linh_vuc"], fields)
            if field_name is None:
                plan.refused.append(Outcome(form_row, shown, reason=f"lĩnh vực “{values['linh_vuc']}” không có trong danh mục "
                                                                    f"({', '.join(fields)}); chưa nhập."))
                continue
        previous = same_words.get((org_key, fold(text)))
        if previous is not None:
            plan.already.append(Outcome(form_row, shown, code=str(previous.get("ma_kien_nghi") or f"dòng {previous.row}"),
                                        reason="đã nhập trước đó, là"))
            continue
        same = any_words.get(fold(text))
        if same is not None:
            plan.duplicates.append(Outcome(form_row, shown, code=_code(same), reason="trùng nội dung với kiến nghị"))
            continue
        person = name_key(values["nguoi"])
        tokens = keys.words(text)
        asked = by_person.get(person, []) if person else []
        repeated = next((r for r in asked if _jaccard(tokens, keys.words(r.get("noi_dung"))) >= SAME_PERSON_SIMILARITY), None)
        if repeated is not None:
            plan.duplicates.append(Outcome(form_row, shown, code=_code(repeated),
                                           reason="cùng người nêu, nội dung tương tự kiến nghị"))
            continue
        candidates.append((form_row, values, field_name))

    # Near duplicates, of the workbook's petitions or of an earlier row of the same form.
    docs = [(r, keys.words(r.get("noi_dung"))) for r in existing]
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

    codes = new_codes([r.get("ma_kien_nghi") for r in table.records], len(kept))
    next_row = (table.records[-1].row if table.records else table.spec.header_row) + 1
    columns = table.columns
    status = (book.lists.get("trang_thai") or schema.lookup("trang_thai").values or ("",))[0]
    for offset, ((form_row, values, field_name), code) in enumerate(zip(kept, codes, strict=True)):
        address = ", ".join(x for x in (values["nguoi"], values["dia_chi"]) if x)
        new = {"ma_kien_nghi": code, "nguon": source, "nguoi_kien_nghi": form.organisation, "dia_chi": address or None,
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
    return plan


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


def intake(access, path: Path | str, *, write: bool = True) -> IntakeResult:
    """Bring one returned form in; see the module docstring."""
    form = read_form(path)
    access.progress("Đang đọc sổ…")
    book = access.read()
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
