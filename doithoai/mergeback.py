"""Bringing the Ủy ban MTTQ's supervision notes home from a returned share copy.

`merge_back(access, copy_path)` reads the copy (see `doithoai.share`), checks that it is a copy made from
this workbook (its export id is on the workbook's share log), matches rows by `Mã kiến nghị`, and writes
`Ý kiến giám sát` and `Ngày giám sát` of `Kiến nghị`, nothing else, in one write. It reports instead of
guessing:

- `unknown_code`: a code of the copy the workbook no longer has;
- `added_row`: a row the committee added (no code, or a code the copy did not hold);
- `deleted_row`: a row of the copy the committee deleted;
- `duplicate_code`: a code twice in the copy or in the workbook;
- `protected_changed`: a locked cell the committee changed anyway (its row differs from what the copy held
  when it was made, by the fingerprint on the share log), named by comparing with the workbook's current values;
- `note_differs`: a note (or date) different from the one already imported;
- `bad_date`: a `Ngày giám sát` that is not a date; `formula_like`: a note Excel would take for a formula.

Such rows are not written (a changed locked cell is only reported: its note is still imported). A second run
imports nothing new. A file that is not a share copy of this workbook, or cannot be read, raises
`DoithoaiError` (exit status 2) and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .access import WorkbookAccess
from .errors import DoithoaiError, UnusableFile
from .io.tables import find_sheet, header_key, parse_table
from .model import CellWrite, ChangeSet, Record
from .share import (
    COVER_SHEET,
    EXPORT_ID_LABEL,
    NOTE_KEYS,
    RETURN_FOLDER,
    SHARED_PETITIONS,
    code_key,
    compare_value,
    project_record,
    read_log,
    row_fingerprint,
    slips_by_code,
)
from .text import clean, formula_like
from .values import coerce, format_date, is_blank, parse_date

UNKNOWN_CODE = "unknown_code"
ADDED_ROW = "added_row"
DELETED_ROW = "deleted_row"
DUPLICATE_CODE = "duplicate_code"
PROTECTED_CHANGED = "protected_changed"
NOTE_DIFFERS = "note_differs"
BAD_DATE = "bad_date"
FORMULA_LIKE = "formula_like"

_PETITIONS = schema.PETITIONS.name
SUMMARY_CONFLICTS = 5  # conflicts listed in `MergeResult.summary`


@dataclass(frozen=True)
class Imported:
    code: str
    row: int  # Excel row in the office's workbook
    note: str | None  # written to `Ý kiến giám sát` (None: left as it was)
    date: dt.date | None  # written to `Ngày giám sát` (None: left as it was)

    @property
    def description(self) -> str:
        parts = []
        if self.note is not None:
            parts.append(f"ý kiến “{_short(self.note)}”")
        if self.date is not None:
            parts.append(f"ngày {format_date(self.date)}")
        return f"{self.code} (dòng {self.row}): " + ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "row": self.row, "note": self.note, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Conflict:
    kind: str
    code: str  # the petition code ("" for a row without one)
    message: str  # one Vietnamese sentence
    copy_row: int | None = None  # Excel row in the copy's `Kiến nghị`
    row: int | None = None  # Excel row in the office's workbook
    column: str | None = None  # header
    copy_value: Any = None
    office_value: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "code": self.code,
            "copy_row": self.copy_row,
            "row": self.row,
            "column": self.column,
            "copy_value": _json_value(self.copy_value),
            "office_value": _json_value(self.office_value),
            "message": self.message,
        }


@dataclass
class MergeResult:
    source: str  # the office's workbook
    copy: str  # the copy's file name
    export_id: str
    imported: list[Imported] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0  # notes already in the workbook
    written: bool = False

    @property
    def has_conflicts(self) -> bool:
        return bool(self.conflicts)

    @property
    def headline(self) -> str:
        """What was imported and how many conflicts, without listing them (the command lists them above it)."""
        head = f"Nhập ý kiến giám sát từ “{self.copy}” (mã {self.export_id}) vào sổ “{self.source}”: "
        if self.imported:
            verb = "đã nhập" if self.written else "sẽ nhập (chạy thử, chưa ghi)"
            text = head + f"{verb} ý kiến của {len(self.imported)} kiến nghị"
        else:
            text = head + "không có ý kiến mới để nhập"
        if self.unchanged:
            text += f"; {self.unchanged} kiến nghị đã có ý kiến này từ trước"
        text += "."
        if self.conflicts:
            text += (
                f" Có {len(self.conflicts)} điểm cần xem: phần mềm không tự quyết định thay anh chị; "
                "dòng có xung đột chưa được nhập, ô bị khóa mà bị sửa thì sổ giữ nguyên giá trị của mình."
            )
        if self.written:
            text += " Bản cũ của sổ được lưu trong thư mục “Sao lưu”."
        return text

    @property
    def summary(self) -> str:
        """The headline and the first conflicts, for a front-end that shows one message (the buttons)."""
        text = self.headline
        if self.conflicts:
            lines = [f"- {c.message}" for c in self.conflicts[:SUMMARY_CONFLICTS]]
            if len(self.conflicts) > SUMMARY_CONFLICTS:
                lines.append(f"… và {len(self.conflicts) - SUMMARY_CONFLICTS} điểm nữa (lệnh “doithoai merge-back” liệt kê đủ).")
            text += "\n" + "\n".join(lines)
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "export_id": self.export_id,
            "imported": [i.to_dict() for i in self.imported],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "unchanged": self.unchanged,
            "written": self.written,
        }


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------------
# Reading the copy


def _copy_error(copy_name: str, reason: str) -> DoithoaiError:
    return DoithoaiError(f"Tệp “{copy_name}” không dùng được: {reason} Sổ chưa bị thay đổi.")


def _export_id_of(path: Path, sheets: dict[str, list[list[Any]]]) -> str | None:
    cover = find_sheet(list(sheets), COVER_SHEET)
    if cover is not None:
        wanted = header_key(EXPORT_ID_LABEL)
        for row in sheets[cover]:
            for index, cell in enumerate(row[:-1]):
                if header_key(cell) == wanted and not is_blank(row[index + 1]):
                    return str(row[index + 1]).strip()
    # The cover sheet deleted or re-made: the id is also in the document properties.
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    match = re.search(r"<dc:identifier[^>]*>\s*([^<]+?)\s*</dc:identifier>", core)
    return match.group(1) if match and match.group(1).startswith("MTTQ-") else None


def read_copy(path: Path | str) -> tuple[str, list[Record], Any]:
    """(export id, the copy's `Kiến nghị` records, its table) or `DoithoaiError` when it is not a usable share copy."""
    from .io.reader import read_sheets

    path = Path(path)
    try:
        sheets = read_sheets(path)
    except UnusableFile as exc:
        raise DoithoaiError(exc.message + " Sổ chưa bị thay đổi.") from exc
    export_id = _export_id_of(path, sheets)
    if not export_id:
        raise _copy_error(
            path.name,
            f"đây không phải bản chia sẻ cho Ủy ban MTTQ do phần mềm tạo (không thấy “{EXPORT_ID_LABEL}” ở trang “{COVER_SHEET}”).",
        )
    name = find_sheet(list(sheets), SHARED_PETITIONS.name)
    if name is None:
        raise _copy_error(path.name, f"không có trang “{SHARED_PETITIONS.name}” (trang này đã bị xóa hoặc đổi tên).")
    try:
        table = parse_table(SHARED_PETITIONS, sheets[name], source=path.name)
    except UnusableFile as exc:
        raise _copy_error(path.name, exc.message) from exc
    return export_id, table.records, table


# --------------------------------------------------------------------------------------------------
# Comparing values


def _note_text(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value if not isinstance(value, dt.datetime) else value.date())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean(str(value))
    return text or None


_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _note_date(value: Any) -> dt.date | None | str:
    """The date, None when blank, or the text as typed when it is not a date."""
    if is_blank(value):
        return None
    parsed = parse_date(value)
    if parsed is not None:
        return parsed
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 <= value <= 80000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))  # a date serial that lost its format
    return str(value)


def _display(value: Any) -> str:
    if value is None:
        return "(trống)"
    if isinstance(value, dt.date):
        return format_date(value)
    return f"“{_short(str(value))}”"


# --------------------------------------------------------------------------------------------------
# The job


def merge_back(access: WorkbookAccess, copy_path: Path | str, write: bool = True) -> MergeResult:
    """Import the committee's notes from `copy_path`; with `write=False`, only report what would be imported."""
    copy_path = Path(copy_path)
    access.progress("Đang đọc sổ…")
    book = access.read()
    access.progress(f"Đang đọc bản chia sẻ “{copy_path.name}”…")
    export_id, copy_records, copy_table = read_copy(copy_path)
    log = read_log(access, book)
    if log is None:
        raise DoithoaiError(
            f"Sổ “{access.source}” chưa tạo bản chia sẻ nào (không có trang “{schema.SHARE_LOG_SHEET}”), nên không nhận tệp "
            f"“{copy_path.name}” (mã {export_id}); hãy chọn đúng sổ đã tạo bản chia sẻ này. Sổ chưa bị thay đổi."
        )
    entry = next((e for e in log if e.export_id.casefold() == export_id.casefold()), None)
    if entry is None:
        raise DoithoaiError(
            f"Tệp “{copy_path.name}” (mã {export_id}) không phải bản chia sẻ được tạo từ sổ “{access.source}”: mã này không có "
            f"trong trang “{schema.SHARE_LOG_SHEET}”. Hãy chọn đúng tệp Ủy ban MTTQ gửi lại. Sổ chưa bị thay đổi."
        )
    result = MergeResult(source=access.source, copy=copy_path.name, export_id=export_id)
    codeless = entry.count - len(entry.codes) if entry.count is not None and entry.codes is not None else 0
    changes = plan_merge(book, copy_records, copy_table, entry.codes, result, entry.fingerprint_of(), codeless_exported=codeless)
    if write and changes.cells:
        access.progress(f"Đang ghi ý kiến giám sát của {len(result.imported)} kiến nghị…")
        access.write(changes)
        result.written = True
    return result


def plan_merge(
    book,
    copy_records: list[Record],
    copy_table,
    exported_codes,
    result: MergeResult,
    fingerprints: dict[str, str] | None = None,
    *,
    codeless_exported: int = 0,
) -> ChangeSet:
    """Fill `result` with imports and conflicts; return the cells to write (notes and dates only).

    `fingerprints` (code_key -> `row_fingerprint` when the copy was made) tells which rows the committee left
    as they were: their locked cells are not compared, so what the office updated since is not reported.
    `codeless_exported` petitions had no code when the copy was made (the share warned): as many rows without
    a code and without a note are expected, not added.
    """
    fingerprints = fingerprints or {}
    table = book.petitions
    header = {c.key: c.header for c in SHARED_PETITIONS.columns}
    office: dict[str, list[Record]] = {}
    for record in table.records:
        key = code_key(record.get("ma_kien_nghi"))
        if key:
            office.setdefault(key, []).append(record)
    exported = None if exported_codes is None else {code_key(c) for c in exported_codes}
    in_copy: dict[str, list[Record]] = {}
    for record in copy_records:
        in_copy.setdefault(code_key(record.get("ma_kien_nghi")), []).append(record)

    changes = ChangeSet()
    conflicts = result.conflicts
    slips = None
    codeless = [r for r in copy_records if not code_key(r.get("ma_kien_nghi"))]
    expected_codeless = len(codeless) <= codeless_exported
    for record in copy_records:
        raw_code = record.get("ma_kien_nghi")
        key = code_key(raw_code)
        code = " ".join(clean(str(raw_code)).split()) if key else ""
        if not key:
            has_note = _note_text(record.get("y_kien_giam_sat")) is not None or _note_date(record.get("ngay_giam_sat")) is not None
            if has_note or not expected_codeless:
                conflicts.append(Conflict(ADDED_ROW, "", f"Dòng {record.row} của bản chia sẻ không có mã kiến nghị (có thể Ủy ban MTTQ đã thêm dòng này), nên không nhập được; hãy nhập tay nếu cần.", copy_row=record.row))
            continue
        if exported is not None and key not in exported:
            conflicts.append(Conflict(ADDED_ROW, code, f"{code} (dòng {record.row} của bản chia sẻ) không có trong bản đã gửi đi: có thể Ủy ban MTTQ đã thêm dòng hoặc sửa mã; chưa nhập.", copy_row=record.row))
            continue
        if len(in_copy[key]) > 1:
            if record is in_copy[key][0]:
                rows = ", ".join(str(r.row) for r in in_copy[key])
                conflicts.append(Conflict(DUPLICATE_CODE, code, f"{code} xuất hiện nhiều lần trong bản chia sẻ (dòng {rows}); chưa nhập, hãy giữ lại một dòng.", copy_row=record.row))
            continue
        targets = office.get(key, [])
        if not targets:
            conflicts.append(Conflict(UNKNOWN_CODE, code, f"{code} (dòng {record.row} của bản chia sẻ) không còn trong trang “{_PETITIONS}” của sổ (có thể đã bị xóa hoặc đổi mã); chưa nhập.", copy_row=record.row))
            continue
        if len(targets) > 1:
            rows = ", ".join(str(r.row) for r in targets)
            conflicts.append(Conflict(DUPLICATE_CODE, code, f"{code} bị trùng trong trang “{_PETITIONS}” của sổ (dòng {rows}); hãy sửa mã rồi nhập lại; chưa nhập.", copy_row=record.row))
            continue
        target = targets[0]
        # Locked cells changed anyway: reported, never written back.
        untouched = key in fingerprints and row_fingerprint(record.values) == fingerprints[key]
        if slips is None:
            slips = slips_by_code(book)
        shown, _ = project_record(book, SHARED_PETITIONS, target, slips)
        for column in () if untouched else SHARED_PETITIONS.columns:
            if column.key in NOTE_KEYS or column.key == "ma_kien_nghi" or column.key not in copy_table.columns:
                continue
            expected = compare_value(coerce(column.kind, shown[column.key]))
            got = compare_value(record.get(column.key))
            if expected != got:
                conflicts.append(Conflict(
                    PROTECTED_CHANGED, code,
                    f"{code}, cột “{column.header}”: bản chia sẻ ghi {_display(got)}, sổ hiện ghi {_display(expected)}; ô này bị khóa "
                    "nhưng đã bị sửa trong bản chia sẻ, sổ giữ nguyên giá trị của mình.",
                    copy_row=record.row, row=target.row, column=column.header, copy_value=got, office_value=expected,
                ))
        _merge_notes(code, record, target, table, header, result, changes)

    present = set(in_copy)
    for key in exported or ():
        if key not in present and key in office:
            for target in office[key]:
                code = " ".join(clean(str(target.get("ma_kien_nghi"))).split())
                conflicts.append(Conflict(DELETED_ROW, code, f"{code} có trong bản đã gửi đi nhưng không còn trong bản chia sẻ gửi lại: có thể Ủy ban MTTQ đã xóa dòng này.", row=target.row))
    return changes


def _merge_notes(code: str, record: Record, target: Record, table, header: dict[str, str], result: MergeResult, changes: ChangeSet) -> None:
    note = _note_text(record.get("y_kien_giam_sat"))
    date = _note_date(record.get("ngay_giam_sat"))
    if note is None and date is None:
        return
    conflicts = result.conflicts
    if isinstance(date, str):
        conflicts.append(Conflict(
            BAD_DATE, code, f"{code}: “{header['ngay_giam_sat']}” trong bản chia sẻ là “{_short(date)}”, không phải ngày (cần ngày/tháng/năm, ví dụ 12/6/2026); chưa nhập dòng này.",
            copy_row=record.row, row=target.row, column=header["ngay_giam_sat"], copy_value=date,
        ))
        return
    if note is not None and formula_like(note):
        conflicts.append(Conflict(
            FORMULA_LIKE, code, f"{code}: ý kiến giám sát bắt đầu bằng “{note[:1]}”, Excel sẽ hiểu là công thức; chưa nhập, hãy bỏ dấu này ở đầu trong bản chia sẻ rồi nhập lại.",
            copy_row=record.row, row=target.row, column=header["y_kien_giam_sat"], copy_value=note,
        ))
        return
    office_note = _note_text(target.get("y_kien_giam_sat"))
    office_date = _note_date(target.get("ngay_giam_sat"))
    write_note = write_date = False
    differs: list[tuple[str, Any, Any]] = []
    if note is not None:
        if office_note is None:
            write_note = True
        elif office_note != note:
            differs.append((header["y_kien_giam_sat"], note, office_note))
    if date is not None:
        if office_date is None:
            write_date = True
        elif office_date != date:
            differs.append((header["ngay_giam_sat"], date, office_date))
    if differs:
        for column, got, had in differs:
            conflicts.append(Conflict(
                NOTE_DIFFERS, code,
                f"{code}, cột “{column}”: bản chia sẻ ghi {_display(got)}, khác với {_display(had)} đã có trong sổ; chưa nhập. "
                "Nếu muốn dùng nội dung mới, hãy xóa ô đó trong sổ rồi nhập lại.",
                copy_row=record.row, row=target.row, column=column, copy_value=got, office_value=had,
            ))
        return
    if not (write_note or write_date):
        result.unchanged += 1
        return
    if write_note:
        changes.cells.append(CellWrite(_PETITIONS, target.row, table.columns["y_kien_giam_sat"], note))
    if write_date:
        changes.cells.append(CellWrite(_PETITIONS, target.row, table.columns["ngay_giam_sat"], date, schema.DATE_FORMAT))
    result.imported.append(Imported(code, target.row, note if write_note else None, date if write_date else None))


def latest_returned_copy(folder: Path | str) -> Path:
    """The newest .xlsx in `<folder>/MTTQ gửi lại` (for the button), or `DoithoaiError` naming the folder."""
    inbox = Path(folder) / RETURN_FOLDER
    candidates = [p for p in inbox.glob("*.xlsx") if p.is_file() and not p.name.startswith(("~$", ".~lock."))] if inbox.is_dir() else []
    if not candidates:
        raise DoithoaiError(
            f"Chưa có bản chia sẻ nào trong thư mục “{inbox}”: hãy lưu tệp Ủy ban MTTQ gửi lại vào thư mục này rồi bấm lại."
        )
    return max(candidates, key=lambda p: p.stat().st_mtime)
