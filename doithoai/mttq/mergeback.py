"""Bringing the Ủy ban MTTQ's supervision notes home from a returned share copy.

`merge_back(access, copy_path)` reads the copy (`doithoai.mttq.returned`), checks that it is a copy made from
this workbook (its export id is on the workbook's share log, `doithoai.mttq.log`), matches rows by
`Mã kiến nghị`, and writes `Ý kiến giám sát` and `Ngày giám sát` of `Kiến nghị`, nothing else, in one write.
It reports instead of guessing (`doithoai.mttq.result` lists the conflict kinds, `doithoai.mttq.conflicts`
holds one check per kind). Rows with a conflict are not written (a changed locked cell is only reported:
its note is still imported). A second run imports nothing new. A file that is not a share copy of this
workbook, or cannot be read, raises `DoithoaiError` (exit status 2) and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..core import schema
from ..core.errors import DoithoaiError
from ..core.keys import code_key, code_text, same_code
from ..core.model import BookData, CellWrite, ChangeSet, Record, Table
from ..io.access import WorkbookAccess
from . import conflicts as check
from .log import read_log
from .result import Imported, MergeResult
from .returned import read_copy


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
    entry = next((e for e in log if same_code(e.export_id, export_id)), None)
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


_ROW_CHECKS = (check.added_row, check.duplicate_in_copy, check.unknown_code, check.duplicate_in_office)


def plan_merge(
    book: BookData,
    copy_records: list[Record],
    copy_table: Table,
    exported_codes: Iterable[str] | None,
    result: MergeResult,
    fingerprints: dict[str, str] | None = None,
    *,
    codeless_exported: int = 0,
) -> ChangeSet:
    """Fill `result` with imports and conflicts; return the cells to write (notes and dates only).

    `fingerprints` (code key -> `row_fingerprint` when the copy was made) tells which rows the committee left
    as they were: their locked cells are not compared, so what the office updated since is not reported.
    `codeless_exported` petitions had no code when the copy was made (the share warned): as many rows without
    a code and without a note are expected, not added.
    """
    codeless = sum(1 for r in copy_records if not code_key(r.get("ma_kien_nghi")))
    merge = check.Merge(
        book=book,
        copy_records=copy_records,
        copy_table=copy_table,
        exported=None if exported_codes is None else {code_key(c) for c in exported_codes},
        fingerprints=fingerprints or {},
        result=result,
        expected_codeless=codeless <= codeless_exported,
    )
    for record in copy_records:
        key = code_key(record.get("ma_kien_nghi"))
        if not key:
            check.codeless_row(merge, record)
            continue
        code = code_text(record.get("ma_kien_nghi"))
        if any(row_check(merge, record, key, code) for row_check in _ROW_CHECKS):
            continue
        target = merge.office[key][0]
        check.protected_changed(merge, record, key, code, target)
        _merge_notes(merge, code, record, target)
    check.deleted_rows(merge)
    return merge.changes


def _merge_notes(merge: check.Merge, code: str, record: Record, target: Record) -> None:
    note = check.note_text(record.get("y_kien_giam_sat"))
    date = check.note_date(record.get("ngay_giam_sat"))
    if note is None and date is None:
        return
    if (
        check.bad_date(merge, code, record, target, date)
        or check.formula_note(merge, code, record, target, note)
        or check.note_too_long(merge, code, record, target, note)
    ):
        return
    new: list[tuple[str, Any]] = [(k, v) for k, v in (("y_kien_giam_sat", note), ("ngay_giam_sat", date)) if v is not None]
    if check.notes_differ(merge, code, record, target, new):
        return
    columns = merge.book.petitions.columns
    missing = [(k, v) for k, v in new if check.note_text(target.get(k)) is None]
    if not missing:
        merge.result.unchanged += 1
        return
    written: dict[str, Any] = {}
    for key, value in missing:
        number_format = schema.DATE_FORMAT if key == "ngay_giam_sat" else None
        merge.changes.cells.append(CellWrite(schema.PETITIONS.name, target.row, columns[key], value, number_format))
        written[key] = value
    merge.result.imported.append(Imported(code, target.row, written.get("y_kien_giam_sat"), written.get("ngay_giam_sat")))
