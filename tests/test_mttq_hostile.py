"""Share and merge-back with hostile values: codes that look like formulas, invisible control characters, a
returned note longer than an Excel cell. Real files, read back with openpyxl and calamine."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from mttq_copies import CODE, NOTE, NOW, fill_notes, header_columns
from openpyxl.utils import get_column_letter

from doithoai.core import schema
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book, read_sheets
from doithoai.mttq.mergeback import merge_back
from doithoai.mttq.result import NOTE_TOO_LONG
from doithoai.mttq.share import share

NOTED_ON = dt.date(2026, 7, 2)


def set_codes(book: Path, codes: dict[int, str]) -> None:
    """Type petition codes into the office's workbook by position (0 = first petition), as text."""
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    worksheet = workbook[schema.PETITIONS.name]
    column = header_columns(worksheet)[CODE]
    for index, code in codes.items():
        cell = worksheet.cell(index + 2, column)
        cell.value = code
        cell.data_type = "s"  # typed with an apostrophe in Excel: text, not a formula
    workbook.save(book)


def replace_in_parts(path: Path, replacements: dict[bytes, bytes]) -> None:
    """Rewrite the XML parts with `replacements` (how control characters and over-long text get into a real file:
    openpyxl refuses to write them itself)."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            for old, new in replacements.items():
                data = data.replace(old, new)
            archive.writestr(info, data)


def office_notes(book: Path) -> dict[str, str]:
    return {r["ma_kien_nghi"]: r["y_kien_giam_sat"] for r in read_book(book).petitions if r.get("y_kien_giam_sat")}


def test_codes_that_look_like_formulas_stay_text_in_the_copy_and_the_log_and_come_home(tmp_book, tmp_path):
    hostile = {0: "=KN-001", 1: "=cmd|' /C calc'!A0", 2: "+KN-003", 3: "@KN-004"}
    set_codes(tmp_book, hostile)
    shared = share(FileWorkbook(tmp_book), tmp_path / "ban.xlsx", now=NOW)

    log = openpyxl.load_workbook(tmp_book)[schema.SHARE_LOG_SHEET]
    logged = {c.value: c.data_type for row in log.iter_rows(min_row=2) for c in row if c.value in hostile.values()}
    assert logged == {code: "s" for code in hostile.values()}  # text, not formulas
    copy = openpyxl.load_workbook(shared.path)[schema.PETITIONS.name]
    in_copy = {c.value: c.data_type for row in copy.iter_rows(min_row=2, max_col=1) for c in row if c.value in hostile.values()}
    assert in_copy == {code: "s" for code in hostile.values()}
    with zipfile.ZipFile(shared.path) as archive:
        assert not any(b"<f>" in archive.read(name) or b"<f " in archive.read(name) for name in archive.namelist())

    notes = {code: f"Đã giám sát kiến nghị {i}" for i, code in enumerate(hostile.values())}
    fill_notes(shared.path, notes, NOTED_ON)
    result = merge_back(FileWorkbook(tmp_book), shared.path)
    assert result.conflicts == []
    assert sorted(i.code for i in result.imported) == sorted(hostile.values())
    assert {code: office_notes(tmp_book)[code] for code in hostile.values()} == notes


def test_control_characters_in_a_code_and_a_returned_note(tmp_book, tmp_path):
    codes = [r["ma_kien_nghi"] for r in read_book(tmp_book).petitions]
    first, second = codes[0], codes[1]
    set_codes(tmp_book, {0: first[:3] + "CTRLA" + first[3:], 1: second + "CTRLV"})
    replace_in_parts(tmp_book, {b"CTRLA": b"_x0001_", b"CTRLV": b"_x000B_"})
    assert read_book(tmp_book).petitions.records[0]["ma_kien_nghi"] == first[:3] + "\x01" + first[3:]

    shared = share(FileWorkbook(tmp_book), tmp_path / "ban.xlsx", now=NOW)  # no IllegalCharacterError
    assert any("ký tự điều khiển" in w and "ô A2" in w and "ô A3" in w for w in shared.warnings)
    copy_codes = [row[0] for row in read_sheets(shared.path)[schema.PETITIONS.name][1:3]]
    assert copy_codes == [first, second]
    logged = {row[4] for row in read_sheets(tmp_book)[schema.SHARE_LOG_SHEET][1:]}
    assert {first, second} <= logged

    fill_notes(shared.path, {first: "Đã kiểm tra CTRLVthực tế", second: "Đồng ý CTRLAvới đơn vị"}, NOTED_ON)
    replace_in_parts(shared.path, {b"CTRLA": b"_x0001_", b"CTRLV": b"_x000B_"})
    result = merge_back(FileWorkbook(tmp_book), shared.path)  # no IllegalCharacterError
    assert result.conflicts == []
    assert [i.note for i in result.imported] == ["Đã kiểm tra thực tế", "Đồng ý với đơn vị"]
    notes = [r.get("y_kien_giam_sat") for r in read_book(tmp_book).petitions.records[:2]]
    assert notes == ["Đã kiểm tra thực tế", "Đồng ý với đơn vị"]


def test_a_returned_note_longer_than_a_cell_is_reported_not_cut(tmp_book, tmp_path):
    shared = share(FileWorkbook(tmp_book), tmp_path / "ban.xlsx", now=NOW)
    codes = [r["ma_kien_nghi"] for r in read_book(tmp_book).petitions]
    fill_notes(shared.path, {codes[0]: "LONGNOTE", codes[1]: "Ý kiến ngắn"}, NOTED_ON)
    replace_in_parts(shared.path, {b"LONGNOTE": ("Ý kiến dài " * 4000)[:40000].encode("ascii", "xmlcharrefreplace")})
    rows = read_sheets(shared.path)[schema.PETITIONS.name]
    position = rows[0].index(NOTE)
    assert len(rows[1][position]) == 40000  # the file really holds it

    result = merge_back(FileWorkbook(tmp_book), shared.path)
    (conflict,) = result.conflicts
    assert conflict.kind == NOTE_TOO_LONG and conflict.code == codes[0]
    assert "40.000 ký tự" in conflict.message and "32.767" in conflict.message
    assert f"ô {get_column_letter(position + 1)}2" in conflict.message
    assert [i.code for i in result.imported] == [codes[1]]
    assert office_notes(tmp_book) == {codes[1]: "Ý kiến ngắn"}  # nothing cut and written


@pytest.mark.parametrize("note", ["=HYPERLINK(\"http://x\")", "=1+1"])
def test_a_formula_like_note_is_never_written_as_a_formula(tmp_book, tmp_path, note):
    shared = share(FileWorkbook(tmp_book), tmp_path / "ban.xlsx", now=NOW)
    code = read_book(tmp_book).petitions.records[0]["ma_kien_nghi"]
    fill_notes(shared.path, {code: note}, NOTED_ON)
    result = merge_back(FileWorkbook(tmp_book), shared.path)
    assert [c.kind for c in result.conflicts] == ["formula_like"] and not result.imported
    worksheet = openpyxl.load_workbook(tmp_book)[schema.PETITIONS.name]
    assert not any(c.data_type == "f" for row in worksheet.iter_rows() for c in row)
