"""Merge-back: every note comes home by petition code and nothing else changes; conflicts are reported, never
guessed; a wrong, damaged or foreign file is refused and the workbook stays byte for byte as it was."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from mttq_copies import DATE, NOTE, NOW

from doithoai.commands import merge_back as merge_command
from doithoai.core import schema
from doithoai.core.errors import DoithoaiError, ExitStatus
from doithoai.core.keys import code_key
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book, read_sheets
from doithoai.mttq.log import parse_log
from doithoai.mttq.mergeback import merge_back
from doithoai.mttq.projection import row_fingerprint
from doithoai.mttq.result import (
    ADDED_ROW,
    BAD_DATE,
    DELETED_ROW,
    DUPLICATE_CODE,
    FORMULA_LIKE,
    NOTE_DIFFERS,
    PROTECTED_CHANGED,
    UNKNOWN_CODE,
)
from doithoai.mttq.returned import latest_returned_copy, read_copy
from doithoai.mttq.share import share
from doithoai.mttq.spec import COVER_SHEET, EXPORT_ID_LABEL, RETURN_FOLDER

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def shared(tmp_path_factory, demo_path):
    """The demo workbook after `share`, and its copy; tests work on their own copies of both."""
    folder = tmp_path_factory.mktemp("shared")
    book = folder / "so.xlsm"
    shutil.copyfile(demo_path, book)
    result = share(FileWorkbook(book), folder / "ban chia se.xlsx", now=NOW)
    return book, result.path, result.export_id


@pytest.fixture
def files(tmp_path, shared):
    book, copy, export_id = shared
    shutil.copyfile(book, tmp_path / book.name)
    shutil.copyfile(copy, tmp_path / copy.name)
    return tmp_path / book.name, tmp_path / copy.name, export_id


def codes_of(book: Path) -> list[str]:
    return [r["ma_kien_nghi"] for r in read_book(book).petitions]


def note_for(code: str) -> str:
    return f"Ủy ban MTTQ đề nghị đơn vị báo cáo tiến độ {code}; tiếp tục giám sát.\nLần 2: đã kiểm tra thực tế."


def edit_copy(copy: Path, notes: dict[str, tuple] | None = None, *, out: Path | None = None, edit=None) -> Path:
    """Type notes into the copy like the committee would (openpyxl), optionally edit more; save to `out`."""
    workbook = openpyxl.load_workbook(copy)
    worksheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in worksheet[1]]
    code_col, note_col, date_col = header.index("Mã kiến nghị") + 1, header.index(NOTE) + 1, header.index(DATE) + 1
    rows = {worksheet.cell(r, code_col).value: r for r in range(2, worksheet.max_row + 1)}
    for code, (note, date) in (notes or {}).items():
        worksheet.cell(rows[code], note_col).value = note
        worksheet.cell(rows[code], date_col).value = date
    if edit is not None:
        edit(workbook, worksheet, header, rows)
    target = out or copy
    workbook.save(target)
    return target


def every_note(codes: list[str]) -> dict[str, tuple]:
    notes = {}
    for i, code in enumerate(codes):
        date = dt.date(2026, 7, 1 + i % 28)
        notes[code] = (note_for(code),
                       date if i % 3 == 0
                       else (f"{date.day}/{date.month}/{date.year}" if i % 3 == 1 else dt.datetime(2026, 7, 1 + i % 28)))
    return notes


def without_notes(sheets: dict[str, list[list]]) -> dict[str, list[list]]:
    """All sheets' values with the two note columns of `Kiến nghị` blanked."""
    result = {name: [list(row) for row in rows] for name, rows in sheets.items()}
    rows = result[schema.PETITIONS.name]
    positions = [rows[0].index(NOTE), rows[0].index(DATE)]
    for row in rows[1:]:
        for position in positions:
            if position < len(row):
                row[position] = ""
    return result


def assert_rows_untouched(book: Path, copy: Path) -> None:
    """Every row of the returned copy has the fingerprint recorded when the copy was made."""
    export_id, records, _ = read_copy(copy)
    (entry,) = [e for e in parse_log(read_sheets(book)[schema.SHARE_LOG_SHEET]) if e.export_id == export_id]
    recorded = entry.fingerprint_of()
    assert len(recorded) == len(records) == 80
    assert {code_key(r["ma_kien_nghi"]): row_fingerprint(r.values) for r in records} == recorded


def kinds(result) -> list[str]:
    return sorted(c.kind for c in result.conflicts)


# --------------------------------------------------------------------------------------------------
# The round trip


def test_round_trip_brings_every_note_home_and_changes_nothing_else(files):
    book, copy, export_id = files
    codes = codes_of(book)
    notes = every_note(codes)
    edit_copy(copy, notes)
    assert_rows_untouched(book, copy)
    before = read_sheets(book)
    result = merge_back(FileWorkbook(book), copy)
    assert not result.conflicts, [c.message for c in result.conflicts]
    assert len(result.imported) == len(codes) == 80 and result.written
    assert result.export_id == export_id
    after = read_sheets(book)
    assert set(after) == set(before)
    assert without_notes(after) == without_notes(before)  # every other cell of every sheet
    office = {r["ma_kien_nghi"]: r for r in read_book(book).petitions}
    for code, (note, date) in notes.items():
        expected_date = (date.date() if isinstance(date, dt.datetime)
                         else date if isinstance(date, dt.date) else dt.date(2026, 7, int(date.split("/")[0])))
        assert office[code]["y_kien_giam_sat"] == note
        assert office[code]["ngay_giam_sat"] == expected_date
    # Written as real dates with the workbook's format.
    worksheet = openpyxl.load_workbook(book, keep_vba=True)[schema.PETITIONS.name]
    header = [c.value for c in worksheet[1]]
    cell = worksheet.cell(2, header.index(DATE) + 1)
    assert isinstance(cell.value, dt.datetime) and cell.number_format == schema.DATE_FORMAT
    assert "đã nhập ý kiến của 80 kiến nghị" in result.summary


def test_second_run_imports_nothing_and_writes_nothing(files):
    book, copy, _ = files
    edit_copy(copy, every_note(codes_of(book)[:10]))
    assert len(merge_back(FileWorkbook(book), copy).imported) == 10
    written = book.read_bytes()
    again = merge_back(FileWorkbook(book), copy)
    assert again.imported == [] and again.conflicts == [] and again.unchanged == 10 and not again.written
    assert book.read_bytes() == written
    assert "không có ý kiến mới" in again.summary


def test_no_write_reports_and_leaves_the_file(files):
    book, copy, _ = files
    edit_copy(copy, every_note(codes_of(book)[:3]))
    before = book.read_bytes()
    result = merge_back(FileWorkbook(book), copy, write=False)
    assert len(result.imported) == 3 and not result.written
    assert book.read_bytes() == before
    assert "chạy thử" in result.summary


def test_a_copy_without_notes_imports_nothing(files):
    book, copy, _ = files
    before = book.read_bytes()
    result = merge_back(FileWorkbook(book), copy)
    assert result.imported == [] and result.conflicts == [] and result.unchanged == 0
    assert book.read_bytes() == before


def test_resorted_unprotected_copy_with_extra_sheets_merges(files):
    book, copy, _ = files
    codes = codes_of(book)
    notes = every_note(codes)

    def shuffle(workbook, worksheet, header, rows):
        values = [[c.value for c in row] for row in worksheet.iter_rows(min_row=2)]
        values.sort(key=lambda r: (str(r[header.index("Lĩnh vực")]), str(r[0])), reverse=True)
        for r, row in enumerate(values, start=2):
            for c, value in enumerate(row, start=1):
                worksheet.cell(r, c).value = value
        for sheet in workbook.worksheets:
            sheet.protection.sheet = False
        workbook.create_sheet("Ghi chép của MTTQ", 0)["A1"] = "Tổng hợp riêng"
        workbook.create_sheet("Sheet2")

    edit_copy(copy, notes, edit=shuffle)
    assert_rows_untouched(book, copy)
    result = merge_back(FileWorkbook(book), copy)
    assert not result.conflicts, [c.message for c in result.conflicts]
    assert len(result.imported) == 80
    office = {r["ma_kien_nghi"]: r["y_kien_giam_sat"] for r in read_book(book).petitions}
    assert office == {code: note for code, (note, _) in notes.items()}


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_copy_resaved_by_libreoffice_merges(files, tmp_path):
    book, copy, _ = files
    codes = codes_of(book)
    notes = every_note(codes)
    edit_copy(copy, notes)
    out = tmp_path / "lo"
    out.mkdir()
    env = dict(os.environ, HOME=str(tmp_path))  # a private LibreOffice profile
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to", "xlsx",
         "--outdir", str(out), str(copy)],
        check=True, capture_output=True, timeout=180, env=env,
    )
    resaved = out / copy.name
    assert resaved.exists() and resaved.read_bytes() != copy.read_bytes()
    assert_rows_untouched(book, resaved)
    before = read_sheets(book)
    result = merge_back(FileWorkbook(book), resaved)
    assert not result.conflicts, [c.message for c in result.conflicts]
    assert len(result.imported) == 80
    assert without_notes(read_sheets(book)) == without_notes(before)
    assert merge_back(FileWorkbook(book), resaved).imported == []


def test_dates_typed_as_text_or_as_serials(files):
    book, copy, _ = files
    a, b, c = codes_of(book)[:3]
    edit_copy(copy, {a: ("Ghi nhận", "5/7/2026"), b: (None, "05-07-26"), c: ("Đã xem", 46208)})
    result = merge_back(FileWorkbook(book), copy)
    assert not result.conflicts
    office = {r["ma_kien_nghi"]: r for r in read_book(book).petitions}
    assert office[a]["ngay_giam_sat"] == dt.date(2026, 7, 5)
    assert office[b]["ngay_giam_sat"] == dt.date(2026, 7, 5) and office[b]["y_kien_giam_sat"] is None
    assert office[c]["ngay_giam_sat"] == dt.date(2026, 7, 5)


# --------------------------------------------------------------------------------------------------
# Conflicts, one case each


def test_unknown_code(files):
    book, copy, _ = files
    codes = codes_of(book)
    edit_copy(copy, {codes[4]: ("Ý kiến cho mã đã đổi", None), codes[5]: ("Ý kiến khác", None)})
    # The office renamed KN-005 after sharing.
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    worksheet = workbook[schema.PETITIONS.name]
    for row in worksheet.iter_rows(min_row=2, max_col=1):
        if row[0].value == codes[4]:
            row[0].value = "KN-905"
    workbook.save(book)
    result = merge_back(FileWorkbook(book), copy)
    assert kinds(result) == [UNKNOWN_CODE]
    assert codes[4] in result.conflicts[0].message and "không còn" in result.conflicts[0].message
    assert [i.code for i in result.imported] == [codes[5]]


def test_rows_added_by_the_committee(files):
    book, copy, _ = files

    def add(workbook, worksheet, header, rows):
        last = worksheet.max_row
        worksheet.cell(last + 1, header.index("Nội dung kiến nghị") + 1).value = "Kiến nghị mới do MTTQ thêm"
        worksheet.cell(last + 1, header.index(NOTE) + 1).value = "Đề nghị bổ sung"
        worksheet.cell(last + 2, 1).value = "KN-200"
        worksheet.cell(last + 2, header.index(NOTE) + 1).value = "Mã mới"

    edit_copy(copy, edit=add)
    before = read_sheets(book)
    result = merge_back(FileWorkbook(book), copy)
    assert kinds(result) == [ADDED_ROW, ADDED_ROW]
    assert {c.code for c in result.conflicts} == {"", "KN-200"}
    assert result.imported == []
    assert read_sheets(book) == before
    assert result.summary.startswith(result.headline) and "Có 2 điểm cần xem" in result.headline
    assert result.summary.count("\n- ") == 2  # the buttons show the conflicts in the one message


def test_petitions_shared_without_a_code_are_not_added_rows(tmp_book):
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    worksheet = workbook[schema.PETITIONS.name]
    worksheet["A3"].value = None  # the office forgot a code before sharing
    workbook.save(tmp_book)
    result = share(FileWorkbook(tmp_book), tmp_book.parent / "ban.xlsx", now=NOW)
    assert "chưa có mã (dòng 3)" in result.warnings[0]
    codes = [c for c in codes_of(tmp_book) if c]
    copy = edit_copy(result.path, {codes[0]: ("Ghi nhận", None)})
    merged = merge_back(FileWorkbook(tmp_book), copy)
    assert merged.conflicts == [] and len(merged.imported) == 1

    def note_on_codeless(workbook, worksheet, header, rows):
        worksheet.cell(3, header.index(NOTE) + 1).value = "Ý kiến cho dòng chưa có mã"

    merged = merge_back(FileWorkbook(tmp_book), edit_copy(result.path, edit=note_on_codeless))
    assert kinds(merged) == [ADDED_ROW] and "không nhập được" in merged.conflicts[0].message


def test_rows_deleted_by_the_committee(files):
    book, copy, _ = files
    codes = codes_of(book)

    def delete(workbook, worksheet, header, rows):
        worksheet.delete_rows(rows[codes[10]])

    edit_copy(copy, {codes[0]: ("Ý kiến", None)}, edit=delete)
    result = merge_back(FileWorkbook(book), copy)
    assert kinds(result) == [DELETED_ROW]
    assert result.conflicts[0].code == codes[10] and "xóa" in result.conflicts[0].message
    assert [i.code for i in result.imported] == [codes[0]]


def test_petitions_added_by_the_office_after_sharing_are_not_deleted_rows(files):
    book, copy, _ = files
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    worksheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in worksheet[1]]
    row = worksheet.max_row + 1
    for key, value in {"Mã kiến nghị": "KN-081", "Nguồn": "Tại hội nghị", "Người kiến nghị": "Trần Văn Bình",
                       "Lĩnh vực": "Khác", "Nội dung kiến nghị": "Đề nghị thêm ghế đá"}.items():
        worksheet.cell(row, header.index(key) + 1).value = value
    workbook.save(book)
    result = merge_back(FileWorkbook(book), copy)
    assert result.conflicts == []


def test_protected_cells_changed_anyway(files):
    book, copy, _ = files
    codes = codes_of(book)

    def tamper(workbook, worksheet, header, rows):
        worksheet.protection.sheet = False
        worksheet.cell(rows[codes[2]], header.index("Trạng thái") + 1).value = "Đã giải quyết xong hẳn"
        worksheet.cell(rows[codes[3]], header.index("Kết quả, hướng giải quyết") + 1).value = "MTTQ ghi nhầm vào đây"

    edit_copy(copy, {codes[2]: ("Chưa đồng ý với kết quả", dt.date(2026, 7, 2))}, edit=tamper)
    before = read_sheets(book)
    result = merge_back(FileWorkbook(book), copy)
    assert kinds(result) == [PROTECTED_CHANGED, PROTECTED_CHANGED]
    by_code = {c.code: c for c in result.conflicts}
    assert by_code[codes[2]].column == "Trạng thái" and by_code[codes[2]].copy_value == "Đã giải quyết xong hẳn"
    assert by_code[codes[3]].column == "Kết quả, hướng giải quyết"
    assert "sổ giữ nguyên" in by_code[codes[3]].message
    # The note of the tampered row still comes home; the locked value does not.
    assert [i.code for i in result.imported] == [codes[2]]
    assert without_notes(read_sheets(book)) == without_notes(before)


def test_what_the_office_updated_after_sharing_is_not_a_conflict(files):
    book, copy, _ = files
    codes = codes_of(book)
    edit_copy(copy, {codes[2]: ("Theo dõi tiếp", None)})
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    worksheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in worksheet[1]]
    for row in worksheet.iter_rows(min_row=2, max_row=6):
        row[header.index("Trạng thái")].value = "Đã giải quyết"
        row[header.index("Tiến độ")].value = "Hoàn thành"
    workbook.save(book)
    result = merge_back(FileWorkbook(book), copy)
    assert result.conflicts == [] and [i.code for i in result.imported] == [codes[2]]


def test_a_note_different_from_the_one_already_imported(files, tmp_path):
    book, copy, _ = files
    code = codes_of(book)[7]
    first = edit_copy(copy, {code: ("Ý kiến lần 1", dt.date(2026, 7, 1))}, out=tmp_path / "lan1.xlsx")
    second = edit_copy(copy, {code: ("Ý kiến lần 2", dt.date(2026, 7, 1))}, out=tmp_path / "lan2.xlsx")
    assert len(merge_back(FileWorkbook(book), first).imported) == 1
    written = book.read_bytes()
    result = merge_back(FileWorkbook(book), second)
    assert kinds(result) == [NOTE_DIFFERS]
    conflict = result.conflicts[0]
    assert conflict.copy_value == "Ý kiến lần 2" and conflict.office_value == "Ý kiến lần 1"
    assert result.imported == [] and book.read_bytes() == written
    office = {r["ma_kien_nghi"]: r["y_kien_giam_sat"] for r in read_book(book).petitions}
    assert office[code] == "Ý kiến lần 1"


def test_duplicate_code_bad_date_and_formula(files):
    book, copy, _ = files
    codes = codes_of(book)

    def duplicate(workbook, worksheet, header, rows):
        worksheet.cell(rows[codes[1]], 1).value = codes[0]
        text_formula = worksheet.cell(rows[codes[3]], header.index(NOTE) + 1)
        text_formula.value = '=HYPERLINK("http://x")'
        text_formula.data_type = "s"  # text that looks like a formula (a real formula comes back as its value)
        worksheet.cell(rows[codes[5]], header.index(NOTE) + 1).value = "=1+1"  # a real formula, no cached value

    edit_copy(copy, {codes[0]: ("A", None), codes[1]: ("B", None), codes[2]: ("Ý kiến", "tháng 7"),
                     codes[4]: ("- Đã kiểm tra thực tế", None), codes[6]: ("@SUM(A1)", None)}, edit=duplicate)
    result = merge_back(FileWorkbook(book), copy)
    assert kinds(result) == sorted([DUPLICATE_CODE, DELETED_ROW, BAD_DATE, FORMULA_LIKE, FORMULA_LIKE])
    assert [i.code for i in result.imported] == [codes[4]]  # a dash list item is text, not a formula


# --------------------------------------------------------------------------------------------------
# Refused files: status 2, the workbook byte for byte as it was


def refused(book: Path, copy: Path, text: str) -> DoithoaiError:
    before = book.read_bytes()
    with pytest.raises(DoithoaiError) as info:
        merge_back(FileWorkbook(book), copy)
    assert info.value.status == ExitStatus.UNUSABLE
    assert text in info.value.message, info.value.message
    assert "Sổ chưa bị thay đổi" in info.value.message
    assert book.read_bytes() == before
    return info.value


def test_a_copy_of_another_workbook_is_refused(files, tmp_path, demo_path):
    book, _, _ = files
    other = tmp_path / "khac" / "so-khac.xlsm"
    other.parent.mkdir()
    shutil.copyfile(demo_path, other)
    foreign = share(FileWorkbook(other), tmp_path / "khac.xlsx", now=NOW).path
    edit_copy(foreign, every_note(codes_of(book)[:5]))
    error = refused(book, foreign, "không phải bản chia sẻ được tạo từ sổ")
    assert "so.xlsm" in error.message


def test_a_tampered_export_id_is_refused(files):
    book, copy, _ = files

    def change_id(workbook, worksheet, header, rows):
        for row in workbook[COVER_SHEET].iter_rows():
            if row[0].value == EXPORT_ID_LABEL:
                row[1].value = "MTTQ-20260101-0000-ABCDEF"

    edit_copy(copy, every_note(codes_of(book)[:2]), edit=change_id)
    refused(book, copy, "MTTQ-20260101-0000-ABCDEF")


def test_a_workbook_that_never_shared_refuses(files, tmp_path, demo_path):
    _, copy, _ = files
    fresh = tmp_path / "moi.xlsm"
    shutil.copyfile(demo_path, fresh)
    refused(fresh, copy, "chưa tạo bản chia sẻ nào")


def test_not_a_share_copy_is_refused(files, tmp_path):
    book, _, _ = files
    plain = tmp_path / "bang.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Mã kiến nghị"
    workbook.save(plain)
    refused(book, plain, "không phải bản chia sẻ")
    office_as_copy = tmp_path / "so-ban-sao.xlsm"
    shutil.copyfile(book, office_as_copy)
    refused(book, office_as_copy, "không phải bản chia sẻ")


def test_missing_sheet_or_header_is_refused(files, tmp_path):
    book, copy, _ = files

    def drop_sheet(workbook, worksheet, header, rows):
        del workbook[schema.PETITIONS.name]

    refused(book, edit_copy(copy, edit=drop_sheet, out=tmp_path / "thieu-trang.xlsx"), "không có trang “Kiến nghị”")

    def rename_header(workbook, worksheet, header, rows):
        worksheet.cell(1, header.index(NOTE) + 1).value = "Ý kiến"

    refused(book, edit_copy(copy, edit=rename_header, out=tmp_path / "thieu-cot.xlsx"), "thiếu cột “Ý kiến giám sát”")


def test_truncated_missing_or_other_files_are_refused(files, tmp_path):
    book, copy, _ = files
    data = copy.read_bytes()
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    refused(book, truncated, "cut.xlsx")
    refused(book, tmp_path / "khong-co.xlsx", "Không tìm thấy")
    ods = tmp_path / "ban.ods"
    ods.write_bytes(data)
    refused(book, ods, "không phải sổ Excel")


def test_an_open_workbook_is_not_written(files):
    book, copy, _ = files
    edit_copy(copy, every_note(codes_of(book)[:2]))
    book.with_name("~$" + book.name).write_text("x")
    before = book.read_bytes()
    with pytest.raises(DoithoaiError) as info:
        merge_back(FileWorkbook(book), copy)
    assert info.value.status == ExitStatus.UNUSABLE
    assert book.read_bytes() == before


# --------------------------------------------------------------------------------------------------
# The command and the button's helper


def run_command(book, copy, *, json_output=False, no_write=False) -> int:
    return merge_command.run(argparse.Namespace(book=book, file=copy, json=json_output, no_write=no_write))


def test_merge_back_command_exit_statuses(files, capsys):
    book, copy, _ = files
    codes = codes_of(book)
    edit_copy(copy, {codes[0]: ("Đồng ý", "1/7/2026")})
    assert run_command(book, copy, no_write=True) == ExitStatus.OK
    assert "chạy thử" in capsys.readouterr().out
    assert run_command(book, copy) == ExitStatus.OK
    printed = capsys.readouterr().out
    assert f"- Nhập: {codes[0]}" in printed and "đã nhập ý kiến của 1 kiến nghị" in printed
    edit_copy(copy, {codes[0]: ("Không đồng ý", "1/7/2026")})
    assert run_command(book, copy, json_output=True) == ExitStatus.DATA_ERRORS
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == [] and [c["kind"] for c in data["conflicts"]] == [NOTE_DIFFERS]
    assert data["conflicts"][0]["copy_value"] == "Không đồng ý"


def test_merge_back_command_arguments():
    parser = argparse.ArgumentParser()
    merge_command.add_arguments(parser)
    args = parser.parse_args(["so.xlsm", "ban.xlsx", "--json", "--no-write"])
    assert (args.book, args.file, args.json, args.no_write) == (Path("so.xlsm"), Path("ban.xlsx"), True, True)
    assert merge_command.NAME == "merge-back"


def test_latest_returned_copy(tmp_path):
    with pytest.raises(DoithoaiError) as info:
        latest_returned_copy(tmp_path)
    assert RETURN_FOLDER in info.value.message
    inbox = tmp_path / RETURN_FOLDER
    inbox.mkdir()
    old, new = inbox / "a.xlsx", inbox / "b.xlsx"
    old.write_bytes(b"1")
    new.write_bytes(b"2")
    os.utime(old, (1, 1))
    (inbox / "~$b.xlsx").write_bytes(b"")
    assert latest_returned_copy(tmp_path) == new


def test_odd_office_values_give_no_false_conflicts(tmp_book):
    """NFD text, stray spaces, Windows line breaks, a number in a text column, text in a date column, text
    starting with "=", a tab, an Excel error: the untouched copy matches its fingerprints."""
    import unicodedata

    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    worksheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in worksheet[1]]

    def put(row, column, value, text=False):
        cell = worksheet.cell(row, header.index(column) + 1)
        cell.value = value
        if text:
            cell.data_type = "s"

    put(2, "Nội dung kiến nghị", unicodedata.normalize("NFD", "Đề nghị  sửa đường   ngõ 5\r\nvà thoát nước "))
    put(3, "Người kiến nghị", "  Nguyễn Văn Ánh ")
    put(4, "Thời gian giải quyết", 2026)
    put(5, "Ngày văn bản trả lời", "mùng 5 tháng 7")
    put(6, "Nội dung trả lời", "=không phải công thức", text=True)
    put(7, "Kết quả, hướng giải quyết", "Đã xử lý\txong")
    put(8, "Tiến độ", "#N/A", text=True)
    put(9, "Địa chỉ", "Số 3 ngõ 4 tổ 7 phường Tứ Minh, ĐT 0912345678")
    workbook.save(tmp_book)
    result = share(FileWorkbook(tmp_book), tmp_book.parent / "ban.xlsx", now=NOW)
    copy = edit_copy(result.path, {codes_of(tmp_book)[0]: ("Ghi nhận", "2/7/2026")})
    assert_rows_untouched(tmp_book, copy)
    merged = merge_back(FileWorkbook(tmp_book), copy)
    assert merged.conflicts == [] and len(merged.imported) == 1
    shown = openpyxl.load_workbook(copy)[schema.PETITIONS.name]
    assert shown["E9"].value == "tổ 7"  # the address cut, the phone with it


def test_cover_sheet_deleted_the_id_in_the_properties_still_matches(files):
    book, copy, _ = files

    def drop_cover(workbook, worksheet, header, rows):
        del workbook[COVER_SHEET]

    edit_copy(copy, every_note(codes_of(book)[:4]), edit=drop_cover)
    result = merge_back(FileWorkbook(book), copy)
    assert len(result.imported) == 4 and not result.conflicts
