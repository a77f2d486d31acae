"""The share log: one row per shared petition, so no Excel cell limit can cut it; logs in the older layout (every
code in one cell) still read, and rewritten in the new layout by the next share; a 5,000-petition round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from books import petition
from mttq_copies import CODE, NOW, fill_notes, header_columns

from doithoai.core import schema
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book, read_sheets
from doithoai.mttq.log import OLD_HEADER, LogEntry, parse_log
from doithoai.mttq.mergeback import merge_back
from doithoai.mttq.share import share


def test_entries_round_trip_through_rows():
    entries = [
        LogEntry("MTTQ-1", "20/06/2026 09:30", "a.xlsx", 3, ("KN-001", "KN, 002", "=KN-3"), ("a1", "b2", "c3")),
        LogEntry("MTTQ-2", "21/06/2026 10:00", "b.xlsx", 2, (), None),  # no petition had a code
        LogEntry("MTTQ-3", "22/06/2026 11:00", "c.xlsx", 5, None, None),  # the oldest logs did not record codes
        LogEntry("MTTQ-4", "23/06/2026 12:00", "d.xlsx", 1, ("KN-001",), None),  # fingerprints not recorded
    ]
    rows: list[list] = [list(schema.SHARE_LOG_HEADER)]
    for entry in entries:
        rows.extend(entry.rows())
    assert parse_log(rows) == entries  # a code with a comma stays one code: one cell per code


def test_old_layout_is_still_read():
    rows = [
        list(OLD_HEADER),
        ["MTTQ-A", dt.datetime(2026, 6, 1, 8, 0), "a.xlsx", 2, "KN-001, KN-002", "v1 aaaa bbbb"],
        ["MTTQ-B", "02/06/2026 08:00", "b.xlsx", 0, None, None],
    ]
    first, second = parse_log(rows)
    assert first == LogEntry("MTTQ-A", "01/06/2026 08:00", "a.xlsx", 2, ("KN-001", "KN-002"), ("aaaa", "bbbb"))
    assert first.fingerprint_of() == {"kn-001": "aaaa", "kn-002": "bbbb"}
    assert second.codes == () and second.fingerprints is None


def _to_old_layout(book: Path) -> None:
    """Rewrite the workbook's share log the way the tool wrote it before: one row per copy."""
    entries = parse_log(read_sheets(book)[schema.SHARE_LOG_SHEET])
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    del workbook[schema.SHARE_LOG_SHEET]
    worksheet = workbook.create_sheet(schema.SHARE_LOG_SHEET)
    worksheet.append(list(OLD_HEADER))
    for e in entries:
        prints = "v1 " + " ".join(e.fingerprints or ())
        worksheet.append([e.export_id, e.created, e.file_name, e.count, ", ".join(e.codes or ()), prints])
    workbook.save(book)


def test_a_workbook_with_an_old_log_merges_and_the_next_share_converts_it(tmp_book, tmp_path):
    first = share(FileWorkbook(tmp_book), tmp_path / "mot.xlsx", now=NOW)
    _to_old_layout(tmp_book)
    assert read_sheets(tmp_book)[schema.SHARE_LOG_SHEET][0] == list(OLD_HEADER)
    codes = [r["ma_kien_nghi"] for r in read_book(tmp_book).petitions]
    fill_notes(first.path, {codes[0]: "Ghi nhận lần 1"})
    result = merge_back(FileWorkbook(tmp_book), first.path, write=False)
    assert result.conflicts == [] and [i.code for i in result.imported] == [codes[0]]

    second = share(FileWorkbook(tmp_book), tmp_path / "hai.xlsx", now=NOW)
    rows = read_sheets(tmp_book)[schema.SHARE_LOG_SHEET]
    assert rows[0] == list(schema.SHARE_LOG_HEADER)
    assert len(rows) == 1 + 2 * len(codes)
    assert [e.export_id for e in parse_log(rows)] == [first.export_id, second.export_id]
    result = merge_back(FileWorkbook(tmp_book), first.path)
    assert result.conflicts == [] and [i.code for i in result.imported] == [codes[0]]


def _grow(book: Path, count: int) -> list[str]:
    """Add `count` petitions to the workbook (codes KN-10001…), as a ward keeping several years in one book."""
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    worksheet = workbook[schema.PETITIONS.name]
    columns = header_columns(worksheet)
    start = max(r for r in range(1, worksheet.max_row + 1) if worksheet.cell(r, columns[CODE]).value) + 1
    codes = []
    for i in range(count):
        values = petition(10001 + i, ma_kien_nghi=f"KN-{10001 + i}")
        values["noi_dung"] += f" Hộ số {i} ở Tổ dân phố số {i % 40}."
        for key, value in values.items():
            column = columns.get(schema.PETITIONS.column(key).header)
            if column is not None and value is not None:
                worksheet.cell(start + i, column).value = value
        codes.append(values["ma_kien_nghi"])
    workbook.save(book)
    return codes


@pytest.mark.slow
def test_a_5000_petition_round_trip_imports_exactly_the_edited_notes(tmp_book, tmp_path):
    added = _grow(tmp_book, 5200)
    every = [r["ma_kien_nghi"] for r in read_book(tmp_book).petitions]
    assert len(every) > 5200
    shared = share(FileWorkbook(tmp_book), tmp_path / "ban.xlsx", now=NOW)
    rows = read_sheets(tmp_book)[schema.SHARE_LOG_SHEET]
    assert max(len(str(v)) for row in rows for v in row if v is not None) < 100  # no cell grows with the petitions
    (entry,) = parse_log(rows)
    assert list(entry.codes or ()) == every and len(entry.fingerprint_of()) == len(every)

    edited = {code: f"Đã giám sát {code}" for code in (every[0], added[2999], added[3500], added[-2], added[-1])}
    fill_notes(shared.path, edited)
    result = merge_back(FileWorkbook(tmp_book), shared.path)
    assert result.conflicts == []  # no later row reported as "added by the committee"
    assert {i.code: i.note for i in result.imported} == edited
    notes = {r["ma_kien_nghi"]: r["y_kien_giam_sat"] for r in read_book(tmp_book).petitions if r.get("y_kien_giam_sat")}
    assert notes == edited
