"""`doithoai doctor` against prepared machines and workbooks: each problem it knows gives its own line and fix."""

from __future__ import annotations

import contextlib
import io
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from doithoai import vba
from doithoai.doctor import Machine, diagnose, vba_xlwings_version, zone_identifier
from doithoai.xlwings_conf import conf_entries, write_conf

PACKAGES = {"xlwings": vba.XLWINGS_VERSION, "openpyxl": "3.1.5", "pandas": "2.2.3", "matplotlib": "3.9.2"}


@pytest.fixture
def windows(tmp_path) -> Machine:
    python = tmp_path / "DoiThoai" / "venv" / "Scripts" / "python.exe"
    python.parent.mkdir(parents=True)
    python.write_bytes(b"MZ")
    (python.parent / "doithoai-click.exe").write_bytes(b"MZ")
    return Machine(
        python=str(python), version=(3, 12, 7), bits=64, platform="win32",
        environ={"TEMP": r"C:\Users\lan\AppData\Local\Temp", "PUBLIC": r"C:\Users\Public"},
        packages=dict(PACKAGES), required={name: name for name in PACKAGES},
        soffice=r"C:\Program Files\LibreOffice\program\soffice.exe",
    )


def connected_book(folder: Path, machine: Machine, template_path: Path, name: str = "so.xlsm") -> Path:
    book = folder / name
    shutil.copyfile(template_path, book)
    launcher = str(Path(machine.python).with_name("doithoai-click.exe"))
    write_conf(book, conf_entries(machine.python, platform=machine.platform, click=launcher), backup=False)
    return book


def problems(machine: Machine, book: Path | None = None) -> list[str]:
    return [f.line() for f in diagnose(machine, book).findings]


def only(lines: list[str], *words: str) -> str:
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert "Cách sửa:" in lines[0]
    return lines[0]


def test_a_healthy_machine_and_workbook_have_no_problem(windows, tmp_path, template_path):
    book = connected_book(tmp_path, windows, template_path)
    assert problems(windows, book) == []


def test_old_python(windows):
    only(problems(replace(windows, version=(3, 10, 11))), "3.10.11", "3.11")


def test_32_bit_python(windows):
    only(problems(replace(windows, bits=32)), "32-bit")


def test_missing_library_and_wrong_xlwings(windows):
    lines = problems(replace(windows, packages={**PACKAGES, "pandas": None, "xlwings": "0.33.1"}))
    assert len(lines) == 2, lines
    assert any("pandas" in line for line in lines) and any("0.33.1" in line and vba.XLWINGS_VERSION in line for line in lines)


def test_no_libreoffice(windows):
    only(problems(replace(windows, soffice=None)), "LibreOffice", "PDF")


def test_not_connected_workbook(windows, tmp_path, template_path):
    book = tmp_path / "mau.xlsm"
    shutil.copyfile(template_path, book)
    only(problems(windows, book), "chưa được kết nối", "doithoai connect")


def test_workbook_from_another_machine(windows, tmp_path, template_path):
    book = tmp_path / "so.xlsm"
    shutil.copyfile(template_path, book)
    write_conf(book, conf_entries(r"C:\Python311\python.exe", platform="win32"), backup=False)
    lines = problems(windows, book)
    assert any("C:\\Python311\\python.exe" in line and "không có trên máy" in line for line in lines), lines


def test_buttons_run_another_python_than_the_installed_one(windows, tmp_path, template_path):
    other = tmp_path / "Python312" / "python.exe"
    other.parent.mkdir()
    other.write_bytes(b"MZ")
    (other.parent / "doithoai-click.exe").write_bytes(b"MZ")
    book = connected_book(tmp_path, replace(windows, python=str(other)), template_path)
    line = only(problems(windows, book), str(other), windows.python)
    assert "doithoai connect" in line


def test_non_ascii_interpreter_and_temp(windows, tmp_path, template_path):
    python = tmp_path / "Người dùng" / "python.exe"
    python.parent.mkdir()
    python.write_bytes(b"MZ")
    machine = replace(windows, python=str(python), environ={"TEMP": r"C:\Users\Nguyễn\AppData\Local\Temp"})
    book = tmp_path / "so.xlsm"
    shutil.copyfile(template_path, book)
    write_conf(book, conf_entries(str(python), platform="win32"), backup=False)  # no TEMP DIR, no launcher
    lines = problems(machine, book)
    assert any("có dấu" in line and "Người dùng" in line for line in lines), lines
    assert any("Thư mục tạm" in line for line in lines), lines
    assert any("doithoai-click" in line for line in lines), lines


def test_mark_of_the_web(windows, tmp_path, template_path):
    book = connected_book(tmp_path, windows, template_path)
    Path(f"{book}:Zone.Identifier").write_text("[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=https://mail.example/\r\n")
    assert zone_identifier(book) == 3
    only(problems(windows, book), "Internet", "Unblock")


def test_onedrive_folder(windows, tmp_path, template_path):
    folder = tmp_path / "OneDrive - UBND phuong"
    folder.mkdir()
    book = connected_book(folder, windows, template_path)
    only(problems(windows, book), "OneDrive")


def test_open_in_wps(windows, tmp_path, template_path):
    book = connected_book(tmp_path, windows, template_path, name="hoinghi.xlsm")
    (tmp_path / ".~oinghi.xlsm").write_text("")  # WPS on Linux replaces the first character
    only(problems(windows, book), "đang mở", "WPS")


def test_older_workbook_without_conf_sheet(windows, tmp_path, template_path):
    book = tmp_path / "cu.xlsm"
    with zipfile.ZipFile(template_path) as source, zipfile.ZipFile(book, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                import re

                data = re.sub(rb'<sheet name="xlwings\.conf"[^>]*/>', b"", data)
            target.writestr(info, data)
    only(problems(windows, book), "xlwings.conf")


def test_workbook_module_of_another_xlwings_version(windows, tmp_path, template_path):
    book = connected_book(tmp_path, windows, template_path)
    assert vba_xlwings_version(zipfile.ZipFile(book).read("xl/vbaProject.bin")) == vba.XLWINGS_VERSION
    machine = replace(windows, packages={**PACKAGES, "xlwings": "0.38.0"})
    lines = problems(machine, book)
    assert any(f"xlwings {vba.XLWINGS_VERSION}" in line and "0.38.0" in line and "không chạy" in line for line in lines), lines


def test_command_prints_one_line_per_problem(tmp_path, template_path):
    from doithoai.cli import main

    book = tmp_path / "mau.xlsm"
    shutil.copyfile(template_path, book)
    Path(f"{book}:Zone.Identifier").write_text("[ZoneTransfer]\nZoneId=3\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["doctor", str(book)])
    lines = out.getvalue().splitlines()
    assert status == 1
    assert [line for line in lines if line.startswith("✗")] and all("Cách sửa:" in line for line in lines if line.startswith("✗"))
    assert any("Internet" in line for line in lines)
