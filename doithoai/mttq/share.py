"""The share job: the copy for the Ủy ban MTTQ, what supervision needs and nothing the committee must not see.

`share(access)` builds the copy from the workbook's values only (`CopyBook`, plain data) and has
`doithoai.mttq.sharecopy` write it as a new .xlsx (no macros, formulas, hidden sheets, defined names,
comments, or document properties naming staff or local paths):

- `Giới thiệu`: what the copy is, when and from which workbook (file name, numbers in it masked) it was
  made, its export id, how to fill it in;
- `Kiến nghị`, `Phân công`, `Mốc thời gian`: as in the workbook, the petitioner's address cut to the
  residential group;
- `Phiếu đăng ký`: without address (only the residential group), birth year or phone number (masked:
  "0912***678");
- every text cell with phone or ID-card numbers, e-mail addresses or house numbers in it masked, and the
  list of what was masked handed back to the person who shares (a warning: free text can hide anything);
- every sheet protected; only `Ý kiến giám sát` and `Ngày giám sát` of `Kiến nghị` can be typed in.

The export id also goes into the office's workbook (`doithoai.mttq.log`, one row per shared petition with
its code and row fingerprint): the copy is written beside its final name first, the id recorded, then the copy
takes its name, so a copy whose id is not recorded (it could never be merged back) never appears, and the log never
names a copy that was not written. The copy's name is decided, and refused when too long, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import schema
from ..core.errors import DoithoaiError
from ..core.keys import code_key, code_text
from ..core.model import BookData
from ..core.values import format_date, is_blank
from ..domain.privacy import mask_text
from ..io.access import WorkbookAccess
from .log import CREATED_FORMAT, LogEntry, log_changes, read_log
from .projection import MaskedCell, StrippedCell, project_record, row_fingerprint, slips_by_code
from .spec import (
    EXPORT_ID_LABEL,
    HOW_TO,
    KIND_LABEL,
    KIND_VALUE,
    PRIVACY,
    SHARE_FOLDER,
    SHARED_PETITIONS,
    SHARED_SHEETS,
    SOURCE_LABEL,
    CopyBook,
    CopyTable,
    copy_columns,
    lines_needed,
    row_height,
)

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
                f" Cảnh báo: đã che {len(self.masked)} số điện thoại, số CCCD/CMND, địa chỉ thư điện tử hoặc số nhà nằm trong "
                f"nội dung tự do, ở các ô {shown}{more} của sổ; hãy xem lại các ô này."
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
    """`<folder>/Chia sẻ MTTQ/<stem> - ban chia se MTTQ YYYY-MM-DD.xlsx`, numbered when that name is taken.

    The copy's own name travels with it: numbers in the workbook's name (a phone…) are masked there too.
    A long workbook name is shortened (`fitted_name`, as the backups' names are) so the copy's name fits the
    file system's 255-byte limit with its date and number.
    """
    from ..io.files import fitted_name

    folder = Path(access.folder) / SHARE_FOLDER
    stem, _ = mask_text(Path(access.source).stem)
    stem = stem.replace("*", "x")
    tail = f" - ban chia se MTTQ {now:%Y-%m-%d}"
    target = folder / fitted_name("", stem, f"{tail}.xlsx")
    number = 2
    while target.exists():
        target = folder / fitted_name("", stem, f"{tail} ({number}).xlsx")
        number += 1
    return target


def _check_target(access: WorkbookAccess, target: Path) -> Path:
    from ..io.files import check_not_open
    from ..io.lock import NAME_BYTES

    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise DoithoaiError(f"Bản chia sẻ phải là tệp .xlsx (không có macro); “{target.name}” không phải.")
    size = len(target.name.encode("utf-8"))
    if size > NAME_BYTES:
        raise DoithoaiError(f"Tên tệp “{target.name}” dài {size} byte, quá giới hạn {NAME_BYTES} byte của tên tệp: hãy chọn "
                            "tên ngắn hơn cho bản chia sẻ; chưa có gì bị ghi.")
    if target.is_dir():
        raise DoithoaiError(f"“{target}” là một thư mục; hãy ghi tên tệp .xlsx cho bản chia sẻ.")
    workbook_path = access.path
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
    from ..io.files import atomic_save
    from .sharecopy import save_copy

    now = (now or dt.datetime.now()).replace(microsecond=0)
    access.progress("Đang đọc sổ…")
    book = access.read()
    target = _check_target(access, Path(target) if target is not None else default_target(access, now))
    export_id = new_export_id(now)
    access.progress("Đang tạo bản chia sẻ…")
    built = build_copy(book, export_id, now)
    result = ShareResult(
        path=target, export_id=export_id, source=access.source, counts=built.counts, masked=built.masked, warnings=built.warnings
    )
    # The id goes into the workbook first: a copy whose id is not recorded could never be merged back.
    entries = read_log(access, book) or []
    created = now.strftime(CREATED_FORMAT)
    count = built.counts["kien_nghi"]
    entries.append(LogEntry(export_id, created, target.name, count, tuple(built.codes), tuple(built.fingerprints)))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DoithoaiError(f"Không tạo được thư mục “{target.parent}” cho bản chia sẻ ({exc.strerror}); chưa có gì bị "
                            "ghi.") from exc

    def save(temporary: Path) -> None:
        # The copy is written first, beside its final name; its id is recorded before it takes that name, so the log
        # never names a copy that was not written and no copy appears whose id is not recorded.
        save_copy(built.copy, temporary)
        access.progress(f"Đang ghi mã bản chia sẻ vào trang “{schema.SHARE_LOG_SHEET}”…")
        access.write(log_changes(entries))

    atomic_save(target, save)
    return result


# --------------------------------------------------------------------------------------------------
# Building the copy (pure)


@dataclass
class BuiltCopy:
    copy: CopyBook
    counts: dict[str, int]
    masked: list[MaskedCell]
    codes: list[str]  # petition codes, as the copy shows them
    fingerprints: list[str]  # `row_fingerprint` of each, same order
    warnings: list[str]


def _organisation(book: BookData) -> str:
    """The body that made the copy: "UBND phường Tứ Minh", or "Đảng ủy xã Phong Quang" for a Party-led plan."""
    from ..documents.issuer import is_party
    from ..domain.conference_settings import unit_name

    if not str(book.settings.get("ten_don_vi") or "").strip():
        return ""
    return f"{'Đảng ủy' if is_party(book.settings) else 'UBND'} {unit_name(book.settings)}"


def _cover_rows(book: BookData, export_id: str, now: dt.datetime, counts: dict[str, int]) -> list[tuple[str, Any]]:
    plan = book.settings.get("so_ke_hoach")
    plan_date = book.settings.get("ngay_ke_hoach")
    plan_text = str(plan or "")
    if isinstance(plan_date, dt.date):
        plan_text = f"{plan_text} ngày {format_date(plan_date)}".strip()
    conference = book.settings.get("ngay_hoi_nghi")
    source, _ = mask_text(book.source)  # a file named after a person's phone number is not shown either
    return [
        (KIND_LABEL, KIND_VALUE),
        ("Đơn vị", _organisation(book)),
        ("Kế hoạch", plan_text),
        ("Ngày hội nghị", format_date(conference) if isinstance(conference, dt.date) else ""),
        (SOURCE_LABEL, source),
        ("Thời điểm tạo", f"{now:%H:%M} ngày {format_date(now.date())}"),
        (EXPORT_ID_LABEL, export_id),
        (
            "Nội dung",
            f"{counts['kien_nghi']} kiến nghị, {counts['phan_cong']} phân công, {counts['moc_thoi_gian']} mốc thời gian, "
            f"{counts['phieu']} phiếu đăng ký",
        ),
    ]


def build_copy(book: BookData, export_id: str, now: dt.datetime) -> BuiltCopy:
    """The copy as plain data, what was masked, counts, the petition codes with their row fingerprints, and warnings."""
    slips = slips_by_code(book)
    masked: list[MaskedCell] = []
    stripped: list[StrippedCell] = []
    counts: dict[str, int] = {}
    tables: list[CopyTable] = []
    fingerprints: dict[int, str] = {}  # office row -> fingerprint of its `Kiến nghị` row in the copy
    for spec in SHARED_SHEETS:
        table = book.tables[spec.key]
        counts[spec.key] = len(table.records)
        columns = copy_columns(spec)
        # Heights for the copy's own widths (`spec.copy_width`): every wrapped column counts.
        long_text = [(c.key, shown.width) for c, shown in zip(spec.columns, columns, strict=True) if shown.wrap]
        out = CopyTable(
            name=spec.name,
            columns=columns,
            header_height=row_height(max(lines_needed(c.header, c.width) for c in columns)),
        )
        for record in table.records:
            values, found = project_record(book, spec, record, slips, stripped)
            masked.extend(found)
            if spec is SHARED_PETITIONS:
                fingerprints[record.row] = row_fingerprint(values)
            out.rows.append([values[c.key] for c in spec.columns])
            lines = max((lines_needed(values[key], width) for key, width in long_text), default=1)
            out.heights.append(row_height(lines) if lines > 1 else None)
        tables.append(out)

    coded, warnings = _petition_codes(book)
    if stripped:
        cells = ", ".join(s.description for s in stripped[:SUMMARY_CELLS])
        more = f" và {len(stripped) - SUMMARY_CELLS} ô nữa" if len(stripped) > SUMMARY_CELLS else ""
        warnings.append(
            f"đã bỏ ký tự điều khiển ẩn (không in ra được, tệp Excel không chứa được) ở {cells}{more}; "
            "bấm “Sửa lỗi an toàn” để bỏ chúng khỏi sổ."
        )
    copy = CopyBook(
        export_id=export_id,
        created=now,
        cover=_cover_rows(book, export_id, now, counts),
        blocks=(HOW_TO, PRIVACY),
        tables=tables,
    )
    return BuiltCopy(
        copy=copy,
        counts=counts,
        masked=masked,
        codes=[code for code, _ in coded],
        fingerprints=[fingerprints[row] for _, row in coded],
        warnings=warnings,
    )


def _petition_codes(book: BookData) -> tuple[list[tuple[str, int]], list[str]]:
    """(code, office row) of each petition that has a code, and warnings about missing or duplicate codes."""
    codes: list[tuple[str, int]] = []
    seen: dict[str, list[str]] = {}
    missing: list[int] = []
    for record in book.petitions:
        text = code_text(record.get("ma_kien_nghi"))
        if is_blank(text):
            missing.append(record.row)
            continue
        seen.setdefault(code_key(text), []).append(text)
        codes.append((text, record.row))
    warnings = []
    if missing:
        rows = ", ".join(str(r) for r in missing)
        warnings.append(
            f"Trang “{schema.PETITIONS.name}”: {len(missing)} kiến nghị chưa có mã (dòng {rows}); ý kiến giám sát cho các "
            "kiến nghị này sẽ không nhập về sổ được."
        )
    duplicated = sorted(texts[0] for texts in seen.values() if len(texts) > 1)
    if duplicated:
        names = ", ".join(duplicated)
        warnings.append(
            f"Trang “{schema.PETITIONS.name}”: mã kiến nghị bị trùng ({names}); ý kiến giám sát cho các mã này sẽ không nhập "
            "về sổ được cho đến khi sửa mã."
        )
    return codes, warnings
