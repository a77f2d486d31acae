"""What the writer protects: text stays text, forbidden characters never crash a save, a refusal happens before
the first change, permissions and links survive, long names and read-only places get a plain sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.errors import DoithoaiError, UnusableFile
from doithoai.core.model import CellWrite, ChangeSet, SheetWrite
from doithoai.io import files
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.io.scan import check_workbook_file
from doithoai.io.writer import apply_changes, check_writable

PLANTED = "=cmd|' /C calc'!A0"


def _column(book: Path, sheet: str, header: str) -> int:
    workbook = openpyxl.load_workbook(book, read_only=True)
    row = next(workbook[sheet].iter_rows(min_row=1, max_row=1, values_only=True))
    workbook.close()
    return list(row).index(header) + 1


def _letter_write(book: Path, row: int, value) -> CellWrite:
    return CellWrite(schema.PETITIONS.name, row, _column(book, schema.PETITIONS.name, "Số văn bản trả lời"), value)


def _sheet_xml(book: Path, sheet_index: int | None = None, name: str | None = None) -> str:
    from doithoai.io.errorcells import sheet_parts

    with zipfile.ZipFile(book) as archive:
        return archive.read(sheet_parts(archive)[name]).decode("utf-8")


def test_text_from_a_person_is_written_as_text_never_a_formula(tmp_book):
    changes = ChangeSet(
        cells=[_letter_write(tmp_book, 2, PLANTED), _letter_write(tmp_book, 3, "#N/A")],
        sheets=[SheetWrite("Báo cáo thử", [["Mã", "Nội dung"], ["=KN-001", PLANTED], ["+1+2", "@SUM(A1)"]])],
    )
    apply_changes(tmp_book, changes)
    petitions = _sheet_xml(tmp_book, name=schema.PETITIONS.name)
    report = _sheet_xml(tmp_book, name="Báo cáo thử")
    assert "<f>" not in report and "<f>" not in petitions
    workbook = openpyxl.load_workbook(tmp_book)
    assert workbook["Báo cáo thử"]["B2"].value == PLANTED and workbook["Báo cáo thử"]["B2"].data_type == "s"
    column = _column(tmp_book, schema.PETITIONS.name, "Số văn bản trả lời")
    assert workbook[schema.PETITIONS.name].cell(2, column).value == PLANTED
    assert workbook[schema.PETITIONS.name].cell(3, column).data_type == "s"


def test_control_characters_are_dropped_not_a_crash(tmp_book):
    changes = ChangeSet(cells=[_letter_write(tmp_book, 2, "12\x01/VB\x0b-UBND")],
                        sheets=[SheetWrite("Kiểm tra", [["Ô", "Giá trị"], ["A2", "Nguyễn\x01 Văn\x0bA\x1f"]])])
    apply_changes(tmp_book, changes)
    workbook = openpyxl.load_workbook(tmp_book)
    assert workbook["Kiểm tra"]["B2"].value == "Nguyễn Văn\nA"  # a vertical tab is Word's line break
    column = _column(tmp_book, schema.PETITIONS.name, "Số văn bản trả lời")
    assert workbook[schema.PETITIONS.name].cell(2, column).value == "12/VB\n-UBND"


def test_a_cell_longer_than_excel_allows_is_refused_naming_it(tmp_book):
    before = tmp_book.read_bytes()
    with pytest.raises(DoithoaiError, match=r"Kiến nghị!\w+2 dài 40\.000 ký tự"):
        apply_changes(tmp_book, ChangeSet(cells=[_letter_write(tmp_book, 2, "x" * 40000)]))
    assert tmp_book.read_bytes() == before


def _merge_over_letters(book: Path, row: int = 3) -> str:
    column = _column(book, schema.PETITIONS.name, "Số văn bản trả lời")
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(column)
    workbook[schema.PETITIONS.name].merge_cells(f"{letter}{row}:{letter}{row + 1}")
    workbook.save(book)
    return f"{letter}{row}:{letter}{row + 1}"


def test_merged_cells_over_a_tool_column_refuse_before_anything_is_written(tmp_book):
    block = _merge_over_letters(tmp_book)
    before = tmp_book.read_bytes()
    changes = ChangeSet(cells=[_letter_write(tmp_book, 2, "1/UBND"), _letter_write(tmp_book, 4, "2/UBND")])
    with pytest.raises(UnusableFile, match=f"ô gộp {block}"):
        check_writable(tmp_book, changes)  # decided from the file, before a job renders anything
    with pytest.raises(UnusableFile, match=f"ô gộp {block}"):
        apply_changes(tmp_book, changes)
    assert tmp_book.read_bytes() == before


def test_letters_with_merged_cells_write_no_letter(tmp_book, tmp_path, capsys):
    by_letter = next(r for r in read_book(tmp_book).petitions.records
                     if r.get("noi_dung_tra_loi") and r.get("hinh_thuc_xu_ly") == schema.HANDLING_LATER)
    _merge_over_letters(tmp_book, by_letter.row)  # over a row that gets a letter number
    before = tmp_book.read_bytes()
    out = tmp_path / "van-ban"
    assert main(["letters", str(tmp_book), "--no-pdf", "--out", str(out)]) == 2
    assert "ô gộp" in capsys.readouterr().err
    assert tmp_book.read_bytes() == before
    assert not out.exists() or not any(out.rglob("*.docx"))


def test_letters_refused_by_an_owner_file_write_no_letter(tmp_book, tmp_path, capsys):
    owner = tmp_book.with_name("~$" + tmp_book.name)
    owner.write_bytes(b"x")
    out = tmp_path / "van-ban"
    assert main(["letters", str(tmp_book), "--no-pdf", "--out", str(out)]) == 2
    assert "đang mở trong Excel" in capsys.readouterr().err
    assert not out.exists() or not any(out.rglob("*.docx"))


def test_a_write_keeps_the_file_mode(tmp_book):
    os.chmod(tmp_book, 0o664)
    apply_changes(tmp_book, ChangeSet(cells=[_letter_write(tmp_book, 2, "5/UBND")]))
    assert oct(os.stat(tmp_book).st_mode & 0o777) == oct(0o664)


def test_a_new_file_gets_the_usual_mode_not_a_temporary_files(tmp_path):
    target = tmp_path / "moi.xlsx"
    files.atomic_save(target, lambda temp: openpyxl.Workbook().save(temp))
    mask = os.umask(0)
    os.umask(mask)
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~mask


def test_a_read_only_workbook_is_refused_with_a_plain_sentence(tmp_book, capsys):
    os.chmod(tmp_book, 0o444)
    before = tmp_book.read_bytes()
    assert main(["deadlines", str(tmp_book), "--today", "2026-06-20"]) == 2
    err = capsys.readouterr().err
    assert "chỉ đọc" in err and "Read-only" in err and "Lỗi không mong đợi" not in err
    assert tmp_book.read_bytes() == before and os.stat(tmp_book).st_mode & 0o777 == 0o444


def test_a_read_only_folder_is_refused_with_a_plain_sentence(tmp_path, demo_path, capsys):
    folder = tmp_path / "chung"
    folder.mkdir()
    book = folder / "so.xlsm"
    shutil.copyfile(demo_path, book)
    os.chmod(folder, 0o555)
    try:
        assert main(["deadlines", str(book), "--today", "2026-06-20"]) == 2
        err = capsys.readouterr().err
        assert "chỉ cho đọc" in err and "Lỗi không mong đợi" not in err
    finally:
        os.chmod(folder, 0o755)


def test_a_symlinked_workbook_is_written_through_to_its_target(tmp_path, demo_path):
    real = tmp_path / "that" / "so.xlsm"
    real.parent.mkdir()
    shutil.copyfile(demo_path, real)
    link = tmp_path / "so.xlsm"
    link.symlink_to(real)
    with FileWorkbook(link) as access:
        access.write(ChangeSet(cells=[_letter_write(real, 2, "7/UBND")]))
    assert link.is_symlink() and link.resolve() == real
    assert read_book(real).petitions.records[0]["so_van_ban_tra_loi"] == "7/UBND"


LONG = ("Sổ theo dõi hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường Tứ Minh với Nhân dân năm 2026 "
        "- bản chính thức đã được Chủ tịch duyệt, tổng hợp kiến nghị cử tri tháng 6")


def test_a_long_vietnamese_name_is_written_with_a_shorter_backup_name(tmp_path, demo_path):
    book = tmp_path / f"{LONG}.xlsm"
    assert len(book.name) > 100 and 255 - 27 < len(book.name.encode("utf-8")) <= 255  # a backup name would pass 255
    shutil.copyfile(demo_path, book)
    for number in ("1/UBND", "2/UBND"):
        apply_changes(book, ChangeSet(cells=[_letter_write(book, 2, number)]))
    backups = list((tmp_path / files.BACKUP_FOLDER).iterdir())
    assert len(backups) == 2 and all(len(b.name.encode("utf-8")) <= 255 for b in backups)
    assert read_book(book).petitions.records[0]["so_van_ban_tra_loi"] == "2/UBND"


def test_old_temporaries_of_a_killed_save_are_cleaned_up(tmp_book):
    old = tmp_book.with_name(".doithoai-abc123.xlsm")
    old.write_bytes(b"half a save")
    stamp = time.time() - 2 * files.STALE_TEMP
    os.utime(old, (stamp, stamp))
    fresh = tmp_book.with_name(".doithoai-def456.xlsm")  # another save may be under way: left alone
    fresh.write_bytes(b"in progress")
    apply_changes(tmp_book, ChangeSet(cells=[_letter_write(tmp_book, 2, "3/UBND")]))
    assert not old.exists() and fresh.exists()


def _ole(tmp_path: Path, name: str, stream: str) -> Path:
    path = tmp_path / name
    path.write_bytes(files._OLE_MAGIC + b"\0" * 504 + stream.encode("utf-16-le") + b"\0" * 600)
    return path


def test_an_old_xls_renamed_xlsx_is_named_as_such(tmp_path):
    with pytest.raises(UnusableFile, match=r"sổ Excel đời cũ \(\.xls\)") as refused:
        check_workbook_file(_ole(tmp_path, "so.xlsx", "Workbook"))
    assert "mật khẩu" not in refused.value.message
    with pytest.raises(UnusableFile, match="mật khẩu"):
        check_workbook_file(_ole(tmp_path, "khoa.xlsx", "EncryptedPackage"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice makes the real .xls")
def test_a_real_xls_renamed_xlsx_is_named_as_such(tmp_path):
    source = tmp_path / "cu.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Kiến nghị"
    workbook.save(source)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "xls",
                    "--outdir", str(tmp_path / "xls"), str(source)], check=True, capture_output=True, timeout=180)
    renamed = tmp_path / "so.xlsx"
    (tmp_path / "xls" / "cu.xls").rename(renamed)
    with pytest.raises(UnusableFile, match=r"\.xls"):
        read_book(renamed)


def test_fix_removes_control_characters_and_a_second_run_changes_nothing(tmp_book, capsys):
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    delegates, petitions = workbook[schema.DELEGATES.name], workbook[schema.PETITIONS.name]
    name_column = [c.value for c in delegates[1]].index("Họ và tên") + 1
    content_column = [c.value for c in petitions[1]].index("Nội dung kiến nghị") + 1
    name = delegates.cell(2, name_column).value
    # How a worksheet stores control characters (Excel writes them so; every reader decodes them).
    delegates.cell(2, name_column).value = name.replace(" ", "_x0001_ ", 1)
    petitions.cell(2, content_column).value = "Dòng một_x000B_dòng hai"
    workbook.save(tmp_book)
    assert "\x01" in read_book(tmp_book).delegates.records[0]["ho_ten"]
    assert main(["fix", str(tmp_book)]) == 0
    out = capsys.readouterr().out
    assert "bỏ ký tự điều khiển không in được" in out
    book = read_book(tmp_book)
    assert book.delegates.records[0]["ho_ten"] == name
    assert book.petitions.records[0]["noi_dung"] == "Dòng một\ndòng hai"
    assert main(["fix", str(tmp_book)]) == 0
    assert "bỏ ký tự điều khiển" not in capsys.readouterr().out


def test_a_staging_folder_left_by_a_killed_run_is_cleaned_up(tmp_path):
    parent = tmp_path / "Văn bản"
    old = files.staging_folder(parent)
    (old / "thu.docx").write_bytes(b"half")
    stamp = time.time() - 2 * files.STALE_TEMP
    os.utime(old, (stamp, stamp))
    fresh = files.staging_folder(parent)
    assert not old.exists() and fresh.is_dir()
    final = files.publish_staging(fresh, parent / "2026-06-12 09-30-05")
    assert final.is_dir() and not fresh.exists() and [p.name for p in parent.iterdir()] == [final.name]


def test_deadlines_with_merged_cells_over_its_column_change_nothing(tmp_book, capsys):
    column = _column(tmp_book, schema.ASSIGNMENTS.name, "Tình trạng")
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    letter = get_column_letter(column)
    workbook[schema.ASSIGNMENTS.name].merge_cells(f"{letter}5:{letter}7")
    workbook.save(tmp_book)
    before = tmp_book.read_bytes()
    assert main(["deadlines", str(tmp_book), "--today", "2026-06-20"]) == 2
    err = capsys.readouterr().err
    assert f"ô gộp {letter}5:{letter}7" in err and "Lỗi không mong đợi" not in err
    assert tmp_book.read_bytes() == before
