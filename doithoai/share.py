"""The copy for the Ủy ban MTTQ: what supervision needs, nothing the committee must not see.

`share(access)` builds a new .xlsx from the workbook's values only (no macros, formulas, hidden sheets,
defined names, comments, or document properties naming staff or local paths):

- `Giới thiệu`: what the copy is, when and from which workbook (file name only) it was made, its export id,
  how to fill it in;
- `Kiến nghị`, `Phân công`, `Mốc thời gian`: as in the workbook, the petitioner's address cut to the
  residential group;
- `Phiếu đăng ký`: without address (only the residential group), birth year or phone number (masked:
  "0912***678");
- every text cell with phone or identity-card numbers in it masked, and the list of what was masked handed
  back to the person who shares (a warning: free text can hide anything);
- every sheet protected; only `Ý kiến giám sát` and `Ngày giám sát` of `Kiến nghị` can be typed in.

The export id also goes into the office's workbook, one row per copy on the tool-owned sheet
`schema.SHARE_LOG_SHEET` with the petition codes the copy holds and a short fingerprint of each row:
`mergeback.merge_back` accepts a returned copy only when its id is there, knows which rows the committee
deleted, and which rows it left as they were (what the office updated since is then not reported).

The log is read with `access.read_sheet(name)` when the access object has it (`XlwingsWorkbook`), else from
the file at `access.path` (`FileWorkbook`): `BookData` does not carry tool-owned sheets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .access import WorkbookAccess
from .errors import DoithoaiError, UnusableFile
from .io.tables import find_sheet, header_key
from .model import BookData, CellError, ChangeSet, Record, SheetWrite, cell_address
from .phones import mask_phone, normalize_phone
from .privacy import KIND_LABELS, looks_like_group_name, mask_text, residential_area
from .schema import Column, Kind, TableSheet
from .text import clean
from .values import coerce, format_date, is_blank

SHARE_FOLDER = "Chia sẻ MTTQ"  # beside the workbook: the copies made
RETURN_FOLDER = "MTTQ gửi lại"  # beside the workbook: where the office puts the copies the committee sent back
COVER_SHEET = "Giới thiệu"
COVER_TITLE = "BẢN CHIA SẺ CHO ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"
KIND_LABEL = "Loại tệp"
KIND_VALUE = "Bản chia sẻ cho Ủy ban MTTQ, do phần mềm Đối thoại tạo"
EXPORT_ID_LABEL = "Mã bản chia sẻ"
PROGRAM = "Đối thoại"
NOTE_KEYS = ("y_kien_giam_sat", "ngay_giam_sat")  # the only cells the committee types in

NOTE_FILL = "FFF2CC"
HEADER_FILL = "DDEBF7"
NOTE_HEADER_FILL = "FFE699"


def _column(spec: TableSheet, key: str, **changes: Any) -> Column:
    return dataclasses.replace(spec.column(key), **changes)


# The copy's sheets, derived from the workbook's: same sheet names and headers, so the committee recognises
# them, except where the content changed meaning (a cut address, a masked phone). Hidden helper columns and
# the columns holding personal data are left out.
SHARED_PETITIONS = dataclasses.replace(
    schema.PETITIONS,
    columns=tuple(
        _column(schema.PETITIONS, c.key, header="Tổ dân phố, thôn", note="")
        if c.key == "dia_chi"
        else c
        for c in schema.PETITIONS.columns
    ),
)
SHARED_ASSIGNMENTS = dataclasses.replace(schema.ASSIGNMENTS, columns=tuple(c for c in schema.ASSIGNMENTS.columns if not c.hidden))
SHARED_MILESTONES = schema.MILESTONES
_SLIP_DROPPED = ("nam_sinh", "dia_chi")
SHARED_SLIPS = dataclasses.replace(
    schema.SLIPS,
    columns=tuple(
        _column(schema.SLIPS, c.key, header="Số điện thoại (đã che)", kind=Kind.TEXT)
        if c.key == "dien_thoai"
        else c
        for c in schema.SLIPS.columns
        if c.key not in _SLIP_DROPPED
    ),
)
SHARED_SHEETS: tuple[TableSheet, ...] = (SHARED_PETITIONS, SHARED_ASSIGNMENTS, SHARED_MILESTONES, SHARED_SLIPS)

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters an .xlsx cannot hold


# --------------------------------------------------------------------------------------------------
# What one record looks like in the copy (also used by merge-back to tell what the committee changed)


@dataclass(frozen=True)
class MaskedCell:
    """A text cell of the office's workbook in which the copy masks a phone or identity-card number."""

    sheet: str
    row: int  # Excel row in the office's workbook
    column: str  # header
    cell: str  # address in the office's workbook
    kind: str  # privacy.PHONE or privacy.ID_NUMBER
    masked: str  # what the copy shows

    @property
    def description(self) -> str:
        return f"Trang “{self.sheet}”, ô {self.cell} ({self.column}): đã che {KIND_LABELS[self.kind]} thành {self.masked}"

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "cell": self.cell, "kind": self.kind, "masked": self.masked}


def _masked_phone(value: Any) -> str | None:
    if is_blank(value):
        return None
    result = normalize_phone(value)
    if result.number:
        return mask_phone(result.number)
    digits = re.sub(r"\D", "", str(value))
    return mask_phone(digits) if digits else None


def _slip_area(record: Record) -> str | None:
    """The slip's residential group: its `Tổ dân phố, thôn` cell if that is only a group, else from the address."""
    group = record.get("to_dan_pho")
    if isinstance(group, str) and group.strip():
        cut = residential_area(group)
        if cut:
            return cut
        if looks_like_group_name(group):
            return " ".join(group.split())
    return residential_area(record.get("dia_chi"))


def slips_by_code(book: BookData) -> dict[str, Record]:
    slips: dict[str, Record] = {}
    for record in book.slips:
        code = record.get("ma_phieu")
        if isinstance(code, str) and code.strip():
            slips.setdefault(code_key(code), record)
    return slips


def _petition_area(record: Record, slips: dict[str, Record]) -> str | None:
    area = residential_area(record.get("dia_chi"))
    if area:
        return area
    slip = slips.get(code_key(record.get("ma_phieu")))
    return _slip_area(slip) if slip is not None else None


def code_key(code: Any) -> str:
    """How petition and slip codes are matched: NFC, spaces trimmed, case-insensitive."""
    if code is None:
        return ""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return " ".join(clean(str(code)).split()).casefold()


def cell_value(value: Any) -> Any:
    """A value as the copy stores it: dates, numbers and booleans as they are, everything else as text."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        return str(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, (dt.date, int, float, bool)):
        return value
    return _ILLEGAL.sub("", str(value))


def compare_value(value: Any) -> Any:
    """A cell value as compared between a copy and the workbook (what re-saving may change is forgiven)."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return clean(value)
    return value


def row_fingerprint(values: dict[str, Any]) -> str:
    """A short fingerprint of what a `Kiến nghị` row of the copy shows outside the two supervision columns.

    Taken when the copy is made and again from the returned copy: equal means the committee changed no
    locked cell of that row, whatever the office changed in its workbook since.
    """
    parts = []
    for column in SHARED_PETITIONS.columns:
        if column.key in NOTE_KEYS:
            continue
        value = compare_value(coerce(column.kind, values.get(column.key)))
        parts.append(value.isoformat() if isinstance(value, dt.date) else repr(value))
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def project_record(book: BookData, spec: TableSheet, record: Record, slips: dict[str, Record] | None = None) -> tuple[dict[str, Any], list[MaskedCell]]:
    """The values one office record shows in the copy's sheet `spec`, and the cells in which text was masked."""
    table = book.tables[spec.key]  # the shared specs keep their table's key
    values: dict[str, Any] = {}
    masked: list[MaskedCell] = []
    for column in spec.columns:
        key = column.key
        if spec is SHARED_PETITIONS and key == "dia_chi":
            value = _petition_area(record, slips if slips is not None else slips_by_code(book))
        elif spec is SHARED_SLIPS and key == "to_dan_pho":
            value = _slip_area(record)
        elif spec is SHARED_SLIPS and key == "dien_thoai":
            value = _masked_phone(record.get(key))
        else:
            value = record.get(key)
        value = cell_value(value)
        if isinstance(value, str) and not (spec is SHARED_SLIPS and key == "dien_thoai"):
            value, found = mask_text(value)
            office_column = table.columns.get(key)
            for item in found:
                masked.append(
                    MaskedCell(
                        sheet=table.spec.name,
                        row=record.row,
                        column=table.spec.column(key).header,
                        cell=cell_address(record.row, office_column) if office_column else "",
                        kind=item.kind,
                        masked=item.masked,
                    )
                )
        values[key] = value
    return values, masked


# --------------------------------------------------------------------------------------------------
# The share log on the office's workbook


FINGERPRINT_VERSION = "v1"
CREATED_FORMAT = "%d/%m/%Y %H:%M"


def _parse_created(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, CREATED_FORMAT)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class LogEntry:
    export_id: str
    created: str
    file_name: str
    count: int | None
    codes: tuple[str, ...] | None  # petition codes the copy holds (None: not recorded)
    fingerprints: tuple[str, ...] | None = None  # `row_fingerprint` of each, in the same order

    def row(self) -> list[Any]:
        # The fingerprints carry a version word so Excel never reads the cell as a number.
        prints = " ".join((FINGERPRINT_VERSION, *self.fingerprints)) if self.fingerprints else ""
        created = _parse_created(self.created) or self.created
        return [self.export_id, created, self.file_name, self.count, ", ".join(self.codes or ()), prints]

    def fingerprint_of(self) -> dict[str, str]:
        """code_key -> fingerprint, empty when not recorded or not matching the codes."""
        if not self.codes or not self.fingerprints or len(self.codes) != len(self.fingerprints):
            return {}
        return {code_key(c): f for c, f in zip(self.codes, self.fingerprints, strict=False)}


def read_sheet_rows(access: WorkbookAccess, name: str, book: BookData | None = None) -> list[list[Any]] | None:
    """Raw rows of a sheet the `BookData` does not carry (the share log), or None when the workbook lacks it.

    Uses `access.read_sheet(name)` when the access object offers it (an open workbook in Excel), else reads
    the file at `access.path`.
    """
    if book is not None:
        actual = find_sheet(book.sheet_names, name)
        if actual is None:
            return None
        name = actual  # the workbook's own spelling
    reader = getattr(access, "read_sheet", None)
    if callable(reader):
        return reader(name)
    path = getattr(access, "path", None)
    if path is None:
        raise UnusableFile(f"Không đọc được trang “{name}” của sổ “{access.source}”.")
    from .io.reader import read_sheets

    sheets = read_sheets(Path(path), [name])
    return next(iter(sheets.values()), None)


def parse_log(rows: Sequence[Sequence[Any]] | None) -> list[LogEntry]:
    if not rows:
        return []
    wanted = [header_key(h) for h in schema.SHARE_LOG_HEADER]
    header_index, positions = None, {}
    for index, row in enumerate(rows[:10]):
        found = {header_key(cell): i for i, cell in enumerate(row) if header_key(cell) in wanted}
        if wanted[0] in found:
            header_index, positions = index, found
            break
    if header_index is None:
        return []

    def get(row: Sequence[Any], position: int) -> Any:
        i = positions.get(wanted[position])
        return row[i] if i is not None and i < len(row) else None

    entries = []
    for row in rows[header_index + 1 :]:
        export_id = get(row, 0)
        if is_blank(export_id):
            continue
        count = get(row, 3)
        codes_text = get(row, 4)
        codes = None
        if isinstance(codes_text, str) and codes_text.strip():
            codes = tuple(c.strip() for c in codes_text.split(",") if c.strip())
        elif wanted[4] in positions:
            codes = ()
        prints_text = get(row, 5)
        fingerprints = None
        if isinstance(prints_text, str) and prints_text.split()[:1] == [FINGERPRINT_VERSION]:
            fingerprints = tuple(prints_text.split()[1:])
        created = get(row, 1)
        if isinstance(created, dt.datetime):
            created = created.strftime(CREATED_FORMAT)
        entries.append(
            LogEntry(
                export_id=str(export_id).strip(),
                created=str(created or ""),
                file_name=str(get(row, 2) or ""),
                count=int(count) if isinstance(count, (int, float)) and not isinstance(count, bool) else None,
                codes=codes,
                fingerprints=fingerprints,
            )
        )
    return entries


def read_log(access: WorkbookAccess, book: BookData) -> list[LogEntry] | None:
    """The copies made from this workbook, oldest first; None when it has no share log yet."""
    rows = read_sheet_rows(access, schema.SHARE_LOG_SHEET, book)
    return None if rows is None else parse_log(rows)


def _log_changes(entries: list[LogEntry]) -> ChangeSet:
    rows: list[list[Any]] = [list(schema.SHARE_LOG_HEADER)] + [e.row() for e in entries]
    return ChangeSet(sheets=[SheetWrite(name=schema.SHARE_LOG_SHEET, rows=rows, widths=[24, 18, 48, 12, 80, 40])])


# --------------------------------------------------------------------------------------------------
# The job


SUMMARY_CELLS = 10  # masked cells named in the summary (the buttons show only the summary)


@dataclass
class ShareResult:
    path: Path
    export_id: str
    source: str
    counts: dict[str, int]
    masked: list[MaskedCell] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        c = self.counts
        text = (
            f"Đã tạo bản chia sẻ cho Ủy ban MTTQ: {self.path} (mã {self.export_id}; {c['kien_nghi']} kiến nghị, "
            f"{c['phan_cong']} phân công, {c['moc_thoi_gian']} mốc thời gian, {c['phieu']} phiếu đăng ký). "
            "Số điện thoại đã được che, địa chỉ rút gọn còn tổ dân phố, thôn, năm sinh đã bỏ."
        )
        if self.masked:
            shown = ", ".join(f"{m.sheet}!{m.cell}" for m in self.masked[:SUMMARY_CELLS])
            more = f" và {len(self.masked) - SUMMARY_CELLS} ô nữa" if len(self.masked) > SUMMARY_CELLS else ""
            text += (
                f" Cảnh báo: đã che {len(self.masked)} số điện thoại, số CCCD/CMND nằm trong nội dung tự do, "
                f"ở các ô {shown}{more} của sổ; hãy xem lại các ô này."
            )
        for warning in self.warnings:
            text += f" Lưu ý: {warning}"
        text += " Hãy đọc lại nội dung kiến nghị trước khi gửi: nội dung do người dân viết có thể còn thông tin cá nhân khác."
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "export_id": self.export_id,
            "counts": dict(self.counts),
            "masked": [m.to_dict() for m in self.masked],
            "warnings": list(self.warnings),
        }


def new_export_id(now: dt.datetime) -> str:
    return f"MTTQ-{now:%Y%m%d-%H%M}-{secrets.token_hex(3).upper()}"


def default_target(access: WorkbookAccess, now: dt.datetime) -> Path:
    """`<folder>/Chia sẻ MTTQ/<stem> - ban chia se MTTQ YYYY-MM-DD.xlsx`, numbered when that name is taken."""
    folder = Path(access.folder) / SHARE_FOLDER
    stem = Path(access.source).stem
    base = f"{stem} - ban chia se MTTQ {now:%Y-%m-%d}"
    target = folder / f"{base}.xlsx"
    number = 2
    while target.exists():
        target = folder / f"{base} ({number}).xlsx"
        number += 1
    return target


def _check_target(access: WorkbookAccess, target: Path) -> Path:
    from .io.files import check_not_open

    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise DoithoaiError(f"Bản chia sẻ phải là tệp .xlsx (không có macro); “{target.name}” không phải.")
    if target.is_dir():
        raise DoithoaiError(f"“{target}” là một thư mục; hãy ghi tên tệp .xlsx cho bản chia sẻ.")
    workbook_path = getattr(access, "path", None)
    same = (
        Path(workbook_path).resolve() == target.resolve()
        if workbook_path is not None
        else (target.resolve().parent == Path(access.folder).resolve() and target.name == access.source)
    )
    if same:
        raise DoithoaiError("Không thể ghi bản chia sẻ đè lên chính sổ làm việc; hãy chọn tên tệp khác.")
    if target.exists():
        check_not_open(target)
    return target


def share(access: WorkbookAccess, target: Path | str | None = None, *, now: dt.datetime | None = None) -> ShareResult:
    """Write the MTTQ copy (to `default_target` unless `target` is given) and record its export id in the workbook."""
    from .io.files import atomic_save

    now = (now or dt.datetime.now()).replace(microsecond=0)
    access.progress("Đang đọc sổ…")
    book = access.read()
    target = _check_target(access, Path(target) if target is not None else default_target(access, now))
    export_id = new_export_id(now)
    access.progress("Đang tạo bản chia sẻ…")
    workbook, masked, counts, codes, fingerprints, warnings = build_copy(book, export_id, now)
    result = ShareResult(path=target, export_id=export_id, source=access.source, counts=counts, masked=masked, warnings=warnings)
    # The id goes into the workbook first: a copy whose id is not recorded could never be merged back.
    entries = read_log(access, book) or []
    entries.append(LogEntry(export_id, now.strftime(CREATED_FORMAT), target.name, counts["kien_nghi"], tuple(codes), tuple(fingerprints)))
    access.progress(f"Đang ghi mã bản chia sẻ vào trang “{schema.SHARE_LOG_SHEET}”…")
    access.write(_log_changes(entries))
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_save(target, workbook.save)
    return result


# --------------------------------------------------------------------------------------------------
# Building the copy


def _set(cell, value: Any, number_format: str | None = None) -> None:
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, never a formula
    if number_format and isinstance(value, (dt.date, dt.datetime)):
        cell.number_format = number_format


def _organisation(book: BookData) -> str:
    unit = book.settings.get("ten_don_vi")
    kind = book.settings.get("loai_don_vi") or "Phường"
    if not unit:
        return ""
    return f"UBND {str(kind).strip().lower()} {str(unit).strip()}"


def _cover_rows(book: BookData, export_id: str, now: dt.datetime, counts: dict[str, int]) -> list[tuple[str, Any]]:
    plan = book.settings.get("so_ke_hoach")
    plan_date = book.settings.get("ngay_ke_hoach")
    plan_text = str(plan or "")
    if isinstance(plan_date, dt.date):
        plan_text = f"{plan_text} ngày {format_date(plan_date)}".strip()
    conference = book.settings.get("ngay_hoi_nghi")
    rows: list[tuple[str, Any]] = [
        (KIND_LABEL, KIND_VALUE),
        ("Đơn vị", _organisation(book)),
        ("Kế hoạch", plan_text),
        ("Ngày hội nghị", format_date(conference) if isinstance(conference, dt.date) else ""),
        ("Tạo từ sổ", book.source),
        ("Thời điểm tạo", f"{now:%H:%M} ngày {format_date(now.date())}"),
        (EXPORT_ID_LABEL, export_id),
        (
            "Nội dung",
            f"{counts['kien_nghi']} kiến nghị, {counts['phan_cong']} phân công, {counts['moc_thoi_gian']} mốc thời gian, "
            f"{counts['phieu']} phiếu đăng ký",
        ),
    ]
    return rows


_HOW_TO = (
    "Cách điền",
    "1. Mở trang “Kiến nghị”. Mỗi dòng là một kiến nghị, có “Mã kiến nghị” riêng.",
    "2. Chỉ nhập vào hai cột nền vàng: “Ý kiến giám sát” (nhận xét, đề nghị của Ủy ban MTTQ) và “Ngày giám sát” "
    "(ngày/tháng/năm, ví dụ 12/6/2026). Các ô khác đã khóa.",
    "3. Không thêm, xóa dòng, không sửa “Mã kiến nghị”: Văn phòng nhập ý kiến về sổ theo mã này.",
    "4. Lưu tệp dưới dạng Excel (.xlsx), giữ nguyên tên trang, rồi gửi lại cho Văn phòng HĐND và UBND.",
    "Văn phòng dùng lệnh “Nhập ý kiến MTTQ” để đưa ý kiến vào sổ; phần mềm chỉ nhận bản chia sẻ có đúng mã ở trên.",
)
_PRIVACY = (
    "Dữ liệu cá nhân",
    "Bản này đã che số điện thoại, chỉ giữ tổ dân phố, thôn của địa chỉ và bỏ năm sinh của công dân (Luật Bảo vệ dữ liệu cá nhân "
    "số 91/2025/QH15). Nội dung kiến nghị do người dân viết có thể còn thông tin cá nhân: chỉ dùng bản này cho việc giám sát, "
    "không chuyển tiếp, không đăng tải.",
)


def build_copy(book: BookData, export_id: str, now: dt.datetime):
    """The copy as an openpyxl workbook (not saved), what was masked, counts, the petition codes with their
    row fingerprints, and warnings."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    slips = slips_by_code(book)
    workbook = Workbook()
    cover = workbook.active
    cover.title = COVER_SHEET
    masked: list[MaskedCell] = []
    counts: dict[str, int] = {}
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    note_header_fill = PatternFill("solid", fgColor=NOTE_HEADER_FILL)
    note_fill = PatternFill("solid", fgColor=NOTE_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    unlocked = Protection(locked=False)
    fingerprints: dict[int, str] = {}  # office row -> fingerprint of its `Kiến nghị` row in the copy

    for spec in SHARED_SHEETS:
        worksheet = workbook.create_sheet(spec.name)
        table = book.tables[spec.key]
        counts[spec.key] = len(table.records)
        for position, column in enumerate(spec.columns, start=1):
            cell = worksheet.cell(row=1, column=position)
            _set(cell, column.header)
            cell.font = header_font
            cell.fill = note_header_fill if (spec is SHARED_PETITIONS and column.key in NOTE_KEYS) else header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            worksheet.column_dimensions[get_column_letter(position)].width = column.width
        for row_index, record in enumerate(table.records, start=2):
            values, found = project_record(book, spec, record, slips)
            masked.extend(found)
            if spec is SHARED_PETITIONS:
                fingerprints[record.row] = row_fingerprint(values)
            for position, column in enumerate(spec.columns, start=1):
                cell = worksheet.cell(row=row_index, column=position)
                _set(cell, values[column.key], schema.DATE_FORMAT)
                if column.kind is Kind.DATE:
                    cell.number_format = schema.DATE_FORMAT
                elif column.kind in (Kind.CODE, Kind.PHONE, Kind.YEAR, Kind.TIME):
                    cell.number_format = schema.TEXT_FORMAT
                cell.alignment = wrap if column.kind is Kind.LONG_TEXT else top
                if spec is SHARED_PETITIONS and column.key in NOTE_KEYS:
                    cell.protection = unlocked
                    cell.fill = note_fill
            lines = max(_lines(values[c.key], c.width) for c in spec.columns if c.kind is Kind.LONG_TEXT) if any(
                c.kind is Kind.LONG_TEXT for c in spec.columns) else 1
            if lines > 1:
                worksheet.row_dimensions[row_index].height = _row_height(lines)
        worksheet.row_dimensions[1].height = _row_height(max(_lines(c.header, c.width) for c in spec.columns))
        worksheet.freeze_panes = "B2"
        _protect(worksheet)

    coded, warnings = _petition_codes(book)
    codes = [code for code, _ in coded]
    prints = [fingerprints[row] for _, row in coded]
    _write_cover(cover, _cover_rows(book, export_id, now, counts), header_font)
    _protect(cover, landscape=False)
    props = workbook.properties
    props.creator = PROGRAM
    props.lastModifiedBy = PROGRAM
    props.title = "Bản chia sẻ cho Ủy ban MTTQ"
    props.identifier = export_id
    props.created = props.modified = now
    return workbook, masked, counts, codes, prints, warnings


def _petition_codes(book: BookData) -> tuple[list[tuple[str, int]], list[str]]:
    """(code, office row) of each petition that has a code, and warnings about missing or duplicate codes."""
    codes: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    missing: list[int] = []
    for record in book.petitions:
        code = record.get("ma_kien_nghi")
        if is_blank(code):
            missing.append(record.row)
            continue
        text = " ".join(clean(str(code)).split())
        seen[code_key(text)] = seen.get(code_key(text), 0) + 1
        codes.append((text, record.row))
    warnings = []
    if missing:
        rows = ", ".join(str(r) for r in missing)
        warnings.append(
            f"Trang “{schema.PETITIONS.name}”: {len(missing)} kiến nghị chưa có mã (dòng {rows}); ý kiến giám sát cho các kiến nghị này sẽ không nhập về sổ được."
        )
    duplicated = sorted(c for c, n in seen.items() if n > 1)
    if duplicated:
        names = ", ".join(c.upper() for c in duplicated)
        warnings.append(
            f"Trang “{schema.PETITIONS.name}”: mã kiến nghị bị trùng ({names}); ý kiến giám sát cho các mã này sẽ không nhập về sổ được cho đến khi sửa mã."
        )
    return codes, warnings


def _write_cover(worksheet, rows: list[tuple[str, Any]], bold) -> None:
    from openpyxl.styles import Alignment, Font

    worksheet.column_dimensions["A"].width = 24
    worksheet.column_dimensions["B"].width = 80
    title = worksheet.cell(row=1, column=1)
    _set(title, COVER_TITLE)
    title.font = Font(bold=True, size=14)
    row = 3
    for label, value in rows:
        _set(worksheet.cell(row=row, column=1), label)
        worksheet.cell(row=row, column=1).font = bold
        _set(worksheet.cell(row=row, column=2), value)
        if label == EXPORT_ID_LABEL:
            worksheet.cell(row=row, column=2).font = bold
        row += 1
    for block in (_HOW_TO, _PRIVACY):
        row += 1
        heading = worksheet.cell(row=row, column=1)
        _set(heading, block[0])
        heading.font = bold
        row += 1
        for line in block[1:]:
            cell = worksheet.cell(row=row, column=2)
            _set(cell, line)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            worksheet.row_dimensions[row].height = _row_height(_lines(line, 80))
            row += 1


def _lines(text: Any, width: float) -> int:
    """How many lines a wrapped cell needs at this column width (openpyxl cannot autofit rows)."""
    if not isinstance(text, str) or not text:
        return 1
    per_line = max(int(width * 1.1), 1)
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))


def _row_height(lines: int) -> float:
    return 15.0 * min(max(lines, 1), 12)


def _protect(worksheet, *, landscape: bool = True) -> None:
    """Protect the sheet and make it print one page wide (no print titles: they would be defined names)."""
    from openpyxl.worksheet.properties import PageSetupProperties

    worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    worksheet.page_setup.orientation = "landscape" if landscape else "portrait"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    protection = worksheet.protection
    protection.sheet = True
    # Still allowed: widening columns and rows, selecting cells.
    protection.formatColumns = False
    protection.formatRows = False
