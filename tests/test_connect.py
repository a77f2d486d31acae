"""The pinned interpreter: the `xlwings.conf` sheet of every workbook the package makes, and `doithoai connect`."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.book import xlwings_conf
from doithoai.book.xlwings_conf import CONF_SHEET, conf_entries, read_conf, write_conf
from doithoai.core.resources import workbook_template


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    from doithoai.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sheet_state(path: Path, name: str) -> str | None:
    workbook = parts(path)["xl/workbook.xml"].decode()
    tag = next(t for t in re.findall(r"<sheet\s[^>]*/>", workbook) if f'name="{name}"' in t)
    match = re.search(r'state="(\w+)"', tag)
    return match.group(1) if match else None


def test_template_sheet_is_very_hidden_and_not_connected(template_path):
    conf = read_conf(template_path)
    assert conf is not None
    assert conf["INTERPRETER_WIN"] == conf["INTERPRETER_MAC"] == conf["DOITHOAI_PYTHON"] == ""
    assert conf["ADD_WORKBOOK_TO_PYTHONPATH"] == "False"
    assert sheet_state(template_path, CONF_SHEET) == "veryHidden"
    # xlwings reads keys from A1 down to the first empty cell: every key must be reached.
    assert list(conf) == [key for key, _ in xlwings_conf.TEMPLATE_ENTRIES]


def test_new_workbook_names_the_interpreter_that_made_it(tmp_path):
    target = tmp_path / "Sổ hội nghị 2026.xlsm"
    status, out, err = run_cli(["new", str(target)])
    assert status == 0, err
    conf = read_conf(target)
    assert conf["DOITHOAI_PYTHON"] == xlwings_conf.button_python()
    assert Path(conf["DOITHOAI_PYTHON"]).exists()
    assert sheet_state(target, CONF_SHEET) == "veryHidden"
    # Everything but the conf sheet is the template's, byte for byte.
    made, template = parts(target), parts(workbook_template())
    assert sorted(made) == sorted(template)
    changed = [n for n in made if made[n] != template[n]]
    assert len(changed) == 1 and re.fullmatch(r"xl/worksheets/sheet\d+\.xml", changed[0]), changed
    assert not list(tmp_path.glob(".doithoai-*")), "a temporary file was left behind"


def test_demo_workbook_is_connected(demo_path):
    assert read_conf(demo_path)["DOITHOAI_PYTHON"] == xlwings_conf.button_python()


def test_connect_rewrites_a_workbook_from_another_machine(tmp_book, tmp_path):
    other = conf_entries(r"C:\Users\Lan\AppData\Local\Programs\Python\Python312\python.exe", platform="win32")
    write_conf(tmp_book, other, backup=False)
    assert read_conf(tmp_book)["INTERPRETER_WIN"].endswith("Python312\\python.exe")
    before = parts(tmp_book)
    status, out, err = run_cli(["connect", str(tmp_book)])
    assert status == 0, err
    assert "Đã kết nối" in out
    conf = read_conf(tmp_book)
    assert conf["INTERPRETER_WIN"] == ""  # Linux: no Excel here, the Windows key is cleared, not left pointing elsewhere
    assert conf["DOITHOAI_PYTHON"] == xlwings_conf.button_python()
    after = parts(tmp_book)
    changed = [n for n in after if after[n] != before[n]]
    assert len(changed) == 1 and changed[0].startswith("xl/worksheets/sheet"), changed
    assert list((tmp_path / "Sao lưu").glob("book *.xlsm")), "no backup before the rewrite"


def test_connect_on_windows_names_python_and_launcher(tmp_book, monkeypatch, tmp_path):
    scripts = tmp_path / "venv" / "Scripts"
    scripts.mkdir(parents=True)
    (scripts / "python.exe").write_bytes(b"MZ")
    (scripts / "pythonw.exe").write_bytes(b"MZ")
    (scripts / "doithoai-click.exe").write_bytes(b"MZ")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", str(scripts / "pythonw.exe"))  # started from the window app
    monkeypatch.setattr("sysconfig.get_path", lambda name, scheme=None: str(scripts))
    monkeypatch.setenv("TEMP", r"C:\Users\Nguyễn\AppData\Local\Temp")
    monkeypatch.setenv("PUBLIC", r"C:\Users\Public")
    xlwings_conf.connect(tmp_book)
    conf = read_conf(tmp_book)
    assert conf["INTERPRETER_WIN"] == str(scripts / "python.exe")  # the console Python, not pythonw
    assert conf["INTERPRETER_MAC"] == ""
    assert conf["DOITHOAI_LAUNCHER_WIN"] == str(scripts / "doithoai-click.exe")
    assert conf["TEMP DIR"] == r"C:\Users\Public"  # xlwings' ANSI file functions cannot reach the user's TEMP


def test_connect_adds_the_sheet_to_an_older_workbook(tmp_path):
    import openpyxl
    from python_calamine import CalamineWorkbook

    from doithoai.book.builder import build_workbook
    from doithoai.workflows.sample import sample_conference

    old = tmp_path / "cũ.xlsx"
    build_workbook(old, data=sample_conference())  # no macros, no conf sheet: what older versions made
    assert read_conf(old) is None
    before = parts(old)
    sheets_before = CalamineWorkbook.from_path(str(old)).sheet_names
    write_conf(old, conf_entries("/opt/python/bin/python3", platform="darwin"), backup=False)
    assert read_conf(old)["INTERPRETER_MAC"] == "/opt/python/bin/python3"
    assert sheet_state(old, CONF_SHEET) == "veryHidden"
    after = parts(old)
    added = [n for n in after if n not in before]
    assert len(added) == 1 and re.fullmatch(r"xl/worksheets/sheet\d+\.xml", added[0]), added
    assert CalamineWorkbook.from_path(str(old)).sheet_names == [*sheets_before, CONF_SHEET]
    book = openpyxl.load_workbook(old)
    assert book.sheetnames[-1] == CONF_SHEET and book[CONF_SHEET].sheet_state == "veryHidden"
    assert book[CONF_SHEET]["A1"].value == "INTERPRETER_WIN"
    # A second connect replaces the sheet rather than adding another.
    write_conf(old, conf_entries("/usr/bin/python3", platform="darwin"), backup=False)
    assert openpyxl.load_workbook(old).sheetnames.count(CONF_SHEET) == 1
    assert read_conf(old)["INTERPRETER_MAC"] == "/usr/bin/python3"


def test_connect_refuses_an_open_workbook_and_writes_nothing(tmp_book):
    (tmp_book.parent / ("~$" + tmp_book.name)).write_text("owner")
    before = tmp_book.read_bytes()
    status, out, err = run_cli(["connect", str(tmp_book)])
    assert status == 2
    assert "đang mở" in err and "Traceback" not in err
    assert tmp_book.read_bytes() == before
    assert not (tmp_book.parent / "Sao lưu").exists()


@pytest.mark.parametrize("name", ["sổ.xlsx", "không-có.xlsm"])
def test_connect_refuses_what_is_not_a_macro_workbook(tmp_path, name):
    status, out, err = run_cli(["connect", str(tmp_path / name)])
    assert status == 2 and err.strip() and "Traceback" not in err


def test_the_commands_keep_the_conf_sheet(tmp_book):
    status, out, err = run_cli(["deadlines", str(tmp_book), "--today", "2026-06-01"])
    assert status in (0, 1), err
    assert read_conf(tmp_book)["DOITHOAI_PYTHON"] == xlwings_conf.button_python()
    assert sheet_state(tmp_book, CONF_SHEET) == "veryHidden"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_any_interpreter_path_round_trips(tmp_path_factory, path):
    book = tmp_path_factory.mktemp("conf") / "b.xlsm"
    shutil.copyfile(workbook_template(), book)
    write_conf(book, conf_entries(path, platform="win32"), backup=False)
    assert read_conf(book)["INTERPRETER_WIN"] == path


def test_connect_adds_the_sheet_to_a_workbook_saved_by_openpyxl(tmp_path):
    """openpyxl declares the relationships namespace on each <sheet>, not on the root: the added entry must be valid alone."""
    import xml.etree.ElementTree as ET

    import openpyxl

    from doithoai.book.builder import build_workbook
    from doithoai.workflows.sample import sample_conference

    book = tmp_path / "resaved.xlsx"
    build_workbook(book, data=sample_conference())
    openpyxl.load_workbook(book).save(book)
    write_conf(book, conf_entries("C:\\DoiThoai\\venv\\Scripts\\python.exe", platform="win32"), backup=False)
    root = ET.fromstring(parts(book)["xl/workbook.xml"])  # raises on an undeclared prefix
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    sheets = root.find("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheets")
    (conf,) = [s for s in sheets if s.get("name") == CONF_SHEET]
    assert conf.get(rel) and conf.get("state") == "veryHidden"
    assert openpyxl.load_workbook(book)[CONF_SHEET]["B1"].value == "C:\\DoiThoai\\venv\\Scripts\\python.exe"
    assert read_conf(book)["INTERPRETER_WIN"] == "C:\\DoiThoai\\venv\\Scripts\\python.exe"
