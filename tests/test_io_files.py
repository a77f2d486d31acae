"""Files that cannot be used end in one Vietnamese sentence and exit code 2, and nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from doithoai.cli import main
from doithoai.core.errors import UnusableFile
from doithoai.io import files
from doithoai.io.reader import read_book


def _encrypted_copy(source: Path, target: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, target.open("wb") as out:
        OOXMLFile(plain).encrypt("matkhau", out)
    return target


def _bad_files(tmp_path: Path, template_path: Path) -> dict[str, tuple[Path, str]]:
    text = tmp_path / "ghi-chu.xlsx"
    text.write_text("đây không phải tệp Excel", encoding="utf-8")
    corrupt = tmp_path / "hong.xlsm"
    data = template_path.read_bytes()
    corrupt.write_bytes(data[: len(data) // 2])
    not_book = tmp_path / "khong-phai-so.xlsx"
    with zipfile.ZipFile(not_book, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    return {
        "missing": (tmp_path / "khong-co.xlsm", "Không tìm thấy tệp"),
        "folder": (tmp_path, "thư mục"),
        "wrong suffix": (tmp_path / "a.csv", "không phải sổ Excel"),
        "text file": (text, "bị hỏng hoặc không phải tệp Excel"),
        "corrupt zip": (corrupt, "bị hỏng"),
        "zip that is not a workbook": (not_book, "bị hỏng hoặc không phải tệp Excel"),
        "password": (_encrypted_copy(template_path, tmp_path / "mat-khau.xlsm"), "mật khẩu"),
    }


@pytest.mark.parametrize("case", ["missing", "folder", "wrong suffix", "text file", "corrupt zip", "zip that is not a workbook",
                                  "password"])
def test_unusable_files_give_one_sentence(tmp_path, template_path, case, capsys):
    if case == "wrong suffix":
        (tmp_path / "a.csv").write_text("a,b")
    path, expected = _bad_files(tmp_path, template_path)[case]
    with pytest.raises(UnusableFile, match=expected):
        read_book(path)
    before = sorted(p.name for p in tmp_path.iterdir())
    from doithoai.cli import COMMAND_MODULES

    if "validate" not in COMMAND_MODULES:
        return
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert expected in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_lock_file_of_an_open_workbook_refuses_writes(tmp_book):
    from doithoai.io.writer import edit_workbook

    before = tmp_book.read_bytes()
    lock = tmp_book.with_name("~$" + tmp_book.name)
    lock.write_bytes(b"owner")
    with pytest.raises(UnusableFile, match="đang mở trong Excel"):
        edit_workbook(tmp_book, lambda wb: wb.active.cell(1, 1, "x"))
    assert tmp_book.read_bytes() == before
    assert not (tmp_book.parent / files.BACKUP_FOLDER).exists()


def test_libreoffice_lock_is_detected_too(tmp_book):
    tmp_book.with_name(".~lock." + tmp_book.name + "#").write_text("x")
    with pytest.raises(UnusableFile):
        files.check_not_open(tmp_book)


def test_atomic_save_leaves_original_when_saving_fails(tmp_book):
    before = tmp_book.read_bytes()

    def broken(temp):
        Path(temp).write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        files.atomic_save(tmp_book, broken)
    assert tmp_book.read_bytes() == before
    assert [p.name for p in tmp_book.parent.iterdir() if p.name.startswith(".doithoai-")] == []


def test_backup_keeps_previous_versions(tmp_book):
    from doithoai.io.writer import edit_workbook

    original = tmp_book.read_bytes()
    edit_workbook(tmp_book, lambda wb: None)
    backups = list((tmp_book.parent / files.BACKUP_FOLDER).iterdir())
    assert len(backups) == 1 and backups[0].read_bytes() == original
