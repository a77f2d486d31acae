"""`doctor` and `connect` on hostile workbooks: a stray cell far away in the conf sheet, a conf sheet named as Excel
would still match it, single-quoted attributes, an `x:`-prefixed package, a relationship id that names nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from xlsx_parts import edit_parts, members, prefixed

from doithoai.book.xlwings_conf import CONF_SHEET, conf_entries, read_conf

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "doithoai", *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture
def book(tmp_path, template_path) -> Path:
    target = tmp_path / "so.xlsm"
    shutil.copyfile(template_path, target)
    return target


def _conf_part(path: Path) -> str:
    parts = members(path)
    workbook = etree.fromstring(parts["xl/workbook.xml"])
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    sheet = next(e for e in workbook.iter(f"{{{MAIN}}}sheet") if e.get("name").strip("'").lower() == CONF_SHEET)
    target = next(r.get("Target") for r in rels if r.get("Id") == sheet.get(f"{{{REL}}}id"))
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _sheets(path: Path) -> list[tuple[str, str | None]]:
    workbook = etree.fromstring(members(path)["xl/workbook.xml"])
    return [(e.get("name"), e.get("state")) for e in workbook.iter(f"{{{MAIN}}}sheet")]


def test_doctor_reads_a_conf_sheet_with_a_stray_cell_at_the_last_cell(book):
    part = _conf_part(book)

    def stray(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                                            b"</sheetData>")

    edit_parts(book, {part: stray})
    done = _run("doctor", book)
    assert done.returncode in (0, 1), (done.returncode, done.stderr[-500:])
    assert "Traceback" not in done.stderr and "bị hỏng" not in done.stdout
    assert "chưa kết nối" in done.stdout  # the template's sheet, read: not connected
    assert read_conf(book)["ADD_WORKBOOK_TO_PYTHONPATH"] == "False"


@pytest.mark.parametrize("spelling", ["XLWINGS.CONF", "'xlwings.conf'", " Xlwings.Conf "])
def test_connect_finds_the_conf_sheet_however_it_is_spelled(book, spelling):
    edit_parts(book, {"xl/workbook.xml": lambda xml: xml.replace(f'name="{CONF_SHEET}"'.encode(),
                                                                     f'name="{spelling}"'.encode())})
    count = len(_sheets(book))
    done = _run("connect", book)
    assert done.returncode == 0, done.stderr
    sheets = _sheets(book)
    assert len(sheets) == count and (CONF_SHEET, "veryHidden") in sheets
    assert read_conf(book)["DOITHOAI_VERSION"]


def test_connect_reads_single_quoted_attributes(book):
    def single(xml: bytes) -> bytes:
        return re.sub(rb'<sheet ([^>]*)/>', lambda m: b"<sheet " + re.sub(rb'="([^"]*)"', rb"='\1'", m.group(1)) + b"/>", xml)

    edit_parts(book, {"xl/workbook.xml": single})
    assert b"name='xlwings.conf'" in members(book)["xl/workbook.xml"]
    count = len(_sheets(book))
    done = _run("connect", book)
    assert done.returncode == 0, done.stderr
    assert len(_sheets(book)) == count
    assert read_conf(book)["DOITHOAI_VERSION"]


def test_connect_writes_into_an_x_prefixed_workbook(book):
    edit_parts(book, {"xl/workbook.xml": prefixed})
    assert b"<x:sheet " in members(book)["xl/workbook.xml"]
    count = len(_sheets(book))
    done = _run("connect", book)
    assert done.returncode == 0, done.stderr
    conf = read_conf(book)
    assert conf is not None and conf["DOITHOAI_PYTHON"] and conf["DOITHOAI_VERSION"]
    assert len(_sheets(book)) == count
    with zipfile.ZipFile(book) as archive:
        assert archive.testzip() is None
        etree.fromstring(archive.read("xl/workbook.xml"))


def test_connect_adds_the_sheet_to_an_x_prefixed_workbook_without_one(tmp_path):
    from doithoai.book.builder import build_workbook
    from doithoai.book.xlwings_conf import write_conf
    from doithoai.workflows.sample import sample_conference

    old = build_workbook(tmp_path / "cu.xlsx", data=sample_conference()) or tmp_path / "cu.xlsx"
    edit_parts(old, {"xl/workbook.xml": prefixed})
    write_conf(old, conf_entries("/usr/bin/python3", platform="darwin"), backup=False)
    assert read_conf(old)["INTERPRETER_MAC"] == "/usr/bin/python3"
    assert _sheets(old)[-1] == (CONF_SHEET, "veryHidden")
    import openpyxl

    assert openpyxl.load_workbook(old).sheetnames.count(CONF_SHEET) == 1


def test_a_sheet_whose_relationship_names_nothing_is_refused_clearly(book):
    edit_parts(book, {"xl/workbook.xml": lambda xml: re.sub(
        rb'(<sheet [^>]*name="xlwings.conf"[^>]*r:id=")[^"]*"', rb'\1rId999"', xml)})
    assert b'rId999' in members(book)["xl/workbook.xml"]
    before = book.read_bytes()
    done = _run("connect", book)
    assert done.returncode == 2
    assert "bị hỏng" in done.stderr and "xlwings.conf" in done.stderr and "Lỗi không mong đợi" not in done.stderr
    assert book.read_bytes() == before


def test_connect_reads_the_sheet_list_as_xml_not_as_text(book):
    """What a program other than Excel may write and the old text edits of workbook.xml missed (they looked for
    `<sheet …/>` with `r:id` and a target under xl/): the conf sheet's element closed by its own end tag, its attributes
    in another order, the relationships namespace under another prefix, an absolute target. Found all the same and
    rewritten in place: no second conf sheet, nothing else in the list changed."""
    from doithoai.book.xlwings_conf import write_conf

    part = _conf_part(book)

    def rewritten(xml: bytes) -> bytes:
        root = etree.fromstring(xml)
        sheet = next(e for e in root.iter(f"{{{MAIN}}}sheet") if e.get("name") == CONF_SHEET)
        rel_id, sheet_id = sheet.get(f"{{{REL}}}id"), sheet.get("sheetId")
        text = xml.decode()
        old = re.search(r'<sheet [^>]*name="xlwings\.conf"[^>]*/>', text).group(0)
        new = (f'<sheet xmlns:rel="{REL}" rel:id="{rel_id}" state="hidden" sheetId="{sheet_id}" name="XLWINGS.CONF">'
               "</sheet>")
        return text.replace(old, new).encode()

    def absolute(xml: bytes) -> bytes:
        return xml.replace(f'Target="{part[3:]}"'.encode(), f'Target="/{part}"'.encode())

    edit_parts(book, {"xl/workbook.xml": rewritten, "xl/_rels/workbook.xml.rels": absolute})
    assert b'name="XLWINGS.CONF"></sheet>' in members(book)["xl/workbook.xml"]
    assert f'Target="/{part}"'.encode() in members(book)["xl/_rels/workbook.xml.rels"]
    before = _sheets(book)
    write_conf(book, conf_entries("C:\\Python\\python.exe", platform="win32", version="9.9"), backup=False)
    after = _sheets(book)
    assert len(after) == len(before) and after[-1] == (CONF_SHEET, "veryHidden")
    assert after[:-1] == before[:-1]
    conf = read_conf(book)
    assert conf is not None and conf["INTERPRETER_WIN"] == "C:\\Python\\python.exe" and conf["DOITHOAI_VERSION"] == "9.9"
    assert _conf_part(book) == part  # the same part, rewritten in place
