"""`doithoai doctor` against prepared machines and workbooks: each problem it knows gives its own line and fix."""

from __future__ import annotations

import contextlib
import io
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from doithoai.book import vba
from doithoai.book.xlwings_conf import conf_entries, write_conf
from doithoai.io import registry as win
from doithoai.io.registry import ASR_CHILD_PROCESSES, ASR_WIN32_API, TRUST_DESCRIPTION, TrustedLocation
from doithoai.workflows.doctor import Machine, diagnose, vba_xlwings_version, zone_identifier
from tests.fake_windows import FakeRegistry

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
        xlsm_opener=("Excel.SheetMacroEnabled.12", r'"C:\Program Files\Microsoft Office\Root\Office16\EXCEL.EXE" "%1"'),
        trusted=[TrustedLocation("16.0", "HKCU\\…\\Location20", str(tmp_path), True, TRUST_DESCRIPTION)],
        fonts={"Times New Roman", "Arial", "Calibri"},
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
    only(problems(replace(windows, trusted=None), book), "Internet", "Unblock")
    # in a trusted location Excel runs the macros despite the mark: nothing to fix
    assert problems(windows, book) == []
    assert any("nơi tin cậy" in line for line in diagnose(windows, book).checked)


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


def test_a_workbook_that_is_missing_damaged_or_without_macros_gives_one_line(windows, tmp_path, template_path):
    only(problems(windows, tmp_path / "khong-co.xlsm"), "Không thấy tệp sổ", "đường dẫn")
    damaged = tmp_path / "hong.xlsm"
    damaged.write_bytes(template_path.read_bytes()[:5000])
    only(problems(windows, damaged), "bị hỏng", "Sao lưu")
    plain = tmp_path / "khong-macro.xlsm"
    with zipfile.ZipFile(template_path) as source, zipfile.ZipFile(plain, "w") as target:
        for info in source.infolist():
            if info.filename != "xl/vbaProject.bin":
                target.writestr(info, source.read(info))
    only(problems(windows, plain), "không có macro", "doithoai new")


def test_where_no_excel_runs_the_buttons_the_workbook_says_whom_it_was_connected_to(windows, tmp_path, template_path):
    linux = replace(windows, platform="linux", trusted=None)
    book = connected_book(tmp_path, windows, template_path)
    report = diagnose(linux, book)
    assert [f.line() for f in report.findings] == []  # a Windows path that is not on this machine is no problem here
    assert any("kết nối lần cuối" in line and windows.python in line for line in report.checked), report.checked
    unconnected = tmp_path / "mau.xlsm"
    shutil.copyfile(template_path, unconnected)
    assert any("kết nối lần cuối với: (chưa kết nối)" in line for line in diagnose(linux, unconnected).checked)


def test_workbook_module_of_another_xlwings_version_does_not_stop_the_buttons(windows, tmp_path, template_path):
    """The module names its DLL by version; only user-defined functions load it, the buttons do not."""
    book = connected_book(tmp_path, windows, template_path)
    assert vba_xlwings_version(zipfile.ZipFile(book).read("xl/vbaProject.bin")) == vba.XLWINGS_VERSION
    machine = replace(windows, packages={**PACKAGES, "xlwings": "0.38.0"})
    lines = problems(machine, book)
    assert not any(f"xlwings {vba.XLWINGS_VERSION}" in line for line in lines), lines  # only the package pin is a problem
    only(lines, "0.38.0")
    (said,) = [line for line in diagnose(machine, book).checked if f"xlwings {vba.XLWINGS_VERSION}" in line]
    assert "0.38.0" in said and "vẫn chạy" in said and "không chạy" not in said


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


# --------------------------------------------------------------------------------------------------
# This Windows PC: Defender's rules, WPS, trusted locations, PDFs, fonts (Machine fields as doithoai.io.registry reads them)


@pytest.mark.parametrize("state, words", [(1, ("chế độ chặn", "lỗi 70")), (6, ("chế độ cảnh báo", "cho phép"))])
def test_defender_rule_against_office_child_processes(windows, tmp_path, template_path, state, words):
    book = connected_book(tmp_path, windows, template_path)
    line = only(problems(replace(windows, asr={ASR_CHILD_PROCESSES: state}), book), ASR_CHILD_PROCESSES,
                "Block all Office applications from creating child processes", *words)
    assert "Audit" in line and "“Đối thoại”" in line


def test_defender_rule_in_audit_mode_is_not_a_problem(windows):
    machine = replace(windows, asr={ASR_CHILD_PROCESSES: 2, ASR_WIN32_API: 0})
    assert problems(machine) == []
    assert any("Audit" in line for line in diagnose(machine).checked)


def test_defender_rule_against_win32_api_calls(windows):
    only(problems(replace(windows, asr={ASR_WIN32_API: 1})), ASR_WIN32_API, "Declare")


def test_defender_rules_read_from_each_place_microsoft_describes():
    policy, local = win.ASR_KEYS
    registry = FakeRegistry({
        policy: {"{D4F940AB-401B-4EFC-AADC-AD5F3C50688A}": "1", "3b576869-a4ec-4529-8536-b80a7769e899": "2"},
        local: {ASR_WIN32_API: 6, ASR_CHILD_PROCESSES: 0},  # Group Policy wins over the local setting
        win.ASR_MDM[0]: {win.ASR_MDM[1]: "be9ba2d9-53ea-4cdc-84e5-9b1eeee46550=1|" + ASR_WIN32_API + "=2"},
    })
    assert win.asr_rules(registry) == {ASR_CHILD_PROCESSES: 1, "3b576869-a4ec-4529-8536-b80a7769e899": 2,
                                           ASR_WIN32_API: 6, "be9ba2d9-53ea-4cdc-84e5-9b1eeee46550": 1}
    assert win.asr_rules(FakeRegistry()) == {}


WPS = r'"C:\Users\lan\AppData\Local\Kingsoft\WPS Office\ksolaunch.exe" /et "%1"'


def test_wps_opens_xlsm(windows):
    line = only(problems(replace(windows, xlsm_opener=("KET.xlsm", WPS))), "WPS", "KET.xlsm", "“Sổ Đối thoại”")
    assert "Excel" in line


def test_which_program_opens_xlsm_read_from_the_registry():
    user_choice = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\FileExts\\.xlsm\\UserChoice"
    registry = FakeRegistry({user_choice: {"ProgId": "KET.xlsm"}, "HKCR\\KET.xlsm\\shell\\open\\command": {"": WPS},
                             "HKCR\\.xlsm": {"": "Excel.SheetMacroEnabled.12"}})
    assert win.xlsm_opener(registry) == ("KET.xlsm", WPS) and win.is_wps(win.xlsm_opener(registry))
    excel = r'"C:\Program Files\Microsoft Office\Root\Office16\EXCEL.EXE" "%1"'
    registry = FakeRegistry({"HKCR\\.xlsm": {"": "Excel.SheetMacroEnabled.12"},
                             "HKCR\\Excel.SheetMacroEnabled.12\\shell\\open\\command": {"": excel}})
    assert win.xlsm_opener(registry) == ("Excel.SheetMacroEnabled.12", excel)
    assert not win.is_wps(win.xlsm_opener(registry)) and not win.is_wps(None)


def test_workbook_outside_the_trusted_locations(windows, tmp_path, template_path):
    ours = TrustedLocation("16.0", "HKCU\\…\\Location20", r"C:\DoiThoai\So", True, TRUST_DESCRIPTION)
    office = TrustedLocation("16.0", "HKCU\\…\\Location1", str(tmp_path.parent), False, "Templates")
    book = connected_book(tmp_path, windows, template_path)
    line = only(problems(replace(windows, trusted=[office, ours]), book), "không phải nơi tin cậy", str(tmp_path))
    assert r"C:\DoiThoai\So" in line  # the installer's folder, found by its description
    # no trusted location at all (Office never configured): the installer's usual folder is named
    assert r"C:\DoiThoai\So" in only(problems(replace(windows, trusted=[]), book), "nơi tin cậy")


def test_trusted_locations_read_from_the_registry(tmp_path):
    base = "HKCU\\Software\\Microsoft\\Office\\16.0\\Excel\\Security\\Trusted Locations"
    policy = "HKCU\\Software\\Policies\\Microsoft\\Office\\16.0\\Excel\\Security\\Trusted Locations"
    registry = FakeRegistry({
        f"{base}\\Location0": {"Path": "%APPDATA%\\Microsoft\\Excel\\XLSTART\\"},
        f"{base}\\Location20": {"Path": "C:\\DoiThoai\\So\\", "AllowSubfolders": 1, "Description": TRUST_DESCRIPTION},
        f"{policy}\\Location1": {"Path": "D:\\HoiNghi", "AllowSubfolders": 0},
    })
    found = win.trusted_locations(registry, {"APPDATA": "C:\\Users\\lan\\AppData\\Roaming"})
    assert [(t.path, t.subfolders) for t in found] == [
        ("C:\\Users\\lan\\AppData\\Roaming\\Microsoft\\Excel\\XLSTART\\", False), ("C:\\DoiThoai\\So\\", True),
        ("D:\\HoiNghi", False)]
    assert win.is_trusted("c:\\doithoai\\so\\2026", found)
    assert win.is_trusted("D:\\HoiNghi\\", found) and not win.is_trusted("D:\\HoiNghi\\2026", found)
    assert not win.is_trusted("C:\\DoiThoai", found)


def test_pdfs_through_word_without_libreoffice(windows):
    machine = replace(windows, soffice=None, word=True)
    assert problems(machine) == []
    assert any("Microsoft Word" in line for line in diagnose(machine).checked)
    only(problems(replace(machine, word=False)), "Microsoft Word", "LibreOffice", "PDF")


def test_no_times_new_roman(windows):
    only(problems(replace(windows, fonts={"Arial", "Calibri"})), "Times New Roman")
    linux = replace(windows, platform="linux", fonts={"Liberation Serif", "DejaVu Sans"})
    assert problems(linux) == []
    assert any("Liberation Serif" in line for line in diagnose(linux).checked)
    only(problems(replace(linux, fonts={"DejaVu Sans"})), "Times New Roman", "fonts-liberation2")
    assert problems(replace(windows, fonts=None)) == []  # not known: nothing said


def test_a_times_font_without_vietnamese_letters_is_not_enough_where_pdfs_are_made(windows):
    """Debian's fonts-liberation 1.07: a "Liberation Serif" without ạ, ệ, ờ…; LibreOffice mixes two typefaces in a word."""
    linux = replace(windows, platform="linux", word=False, fonts={"Liberation Serif", "DejaVu Sans"},
                    vietnamese_fonts={"DejaVu Sans"})
    only(problems(linux), "Liberation Serif", "tiếng Việt", "fonts-liberation2", "fonts-croscore")
    for family in ("Liberation Serif", "Tinos", "Times New Roman"):
        fixed = replace(linux, fonts={family, "DejaVu Sans"}, vietnamese_fonts={family, "DejaVu Sans"})
        assert problems(fixed) == [], family
        assert any(family in line for line in diagnose(fixed).checked)


def test_fonts_read_from_the_registry():
    registry = FakeRegistry({
        "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts": {
            "Times New Roman (TrueType)": "times.ttf", "Times New Roman Bold (TrueType)": "timesbd.ttf",
            "Cambria & Cambria Math (TrueType)": "cambria.ttc"},
        "HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts": {"UVN Saigon (TrueType)": "C:\\x.ttf"},
    })
    assert {"Times New Roman", "Cambria", "Cambria Math", "UVN Saigon"} <= win.font_families(registry)


def test_this_machine_is_described():
    machine = Machine.here()
    assert machine.trusted is None and machine.word is False and machine.asr == {}  # not Windows
    if shutil.which("fc-list"):
        assert machine.fonts
