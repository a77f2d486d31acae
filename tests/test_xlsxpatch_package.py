"""The patch writer's package layer: untouched members copied byte for byte, sheets found however the package names
them, the calculation chain dropped, a Strict Open XML file refused with nothing written, report sheets placed
with their defined names, book views and app titles kept in step, and files re-saved by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from xlsx_conformance import check_package
from xlsx_parts import edit_parts, members, raw_members, sheet_part

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.errors import UnusableFile
from doithoai.core.model import CellWrite, ChangeSet, SheetWrite
from doithoai.io.reader import read_book
from doithoai.io.writer import apply_changes
from doithoai.io.xlsxpatch.package import Package

PRINTER = "xl/printerSettings/printerSettings1.bin"


def _letters(book: Path, *numbers: str) -> ChangeSet:
    table = read_book(book).petitions
    column = table.columns["so_van_ban_tra_loi"]
    pairs = zip(table.records, numbers, strict=False)
    return ChangeSet(cells=[CellWrite(schema.PETITIONS.name, r.row, column, n) for r, n in pairs])


def _with_picture_and_printer(book: Path) -> None:
    """The demo as an office leaves it: a picture on a sheet (openpyxl adds it) and printer settings (Excel adds them)."""
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    logo = book.with_name("logo.png")
    Picture.new("RGB", (40, 20), (200, 30, 30)).save(logo)
    workbook = openpyxl.load_workbook(book, keep_vba=True)
    workbook["Hướng dẫn"].add_image(Image(str(logo)), "H2")
    workbook.save(book)
    part = sheet_part(book, "Phân công")
    rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
    printer_rel = ('<Relationship Id="rIdP1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>')
    edit_parts(book, {
        PRINTER: bytes(range(256)) * 8,
        rels: lambda xml: xml.replace(b"</Relationships>", printer_rel.encode()),
        "[Content_Types].xml": lambda xml: xml.replace(
            b"<Default ", b'<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.'
                          b'spreadsheetml.printerSettings"/><Default ', 1) if b'Extension="bin"' not in xml else xml,
    })


def test_untouched_members_are_copied_byte_for_byte(tmp_book):
    _with_picture_and_printer(tmp_book)
    before, raw_before = members(tmp_book), raw_members(tmp_book)
    assert "xl/vbaProject.bin" in before and PRINTER in before and any(n.startswith("xl/media/") for n in before)
    apply_changes(tmp_book, _letters(tmp_book, "1/UBND", "2/UBND"))
    after, raw_after = members(tmp_book), raw_members(tmp_book)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed == {sheet_part(tmp_book, schema.PETITIONS.name), "xl/workbook.xml"}  # workbook: recalculate on open
    assert list(after) == list(before)
    for name in set(before) - changed:  # not even recompressed
        assert raw_after[name] == raw_before[name], name
    with zipfile.ZipFile(tmp_book) as archive:
        assert archive.testzip() is None
    assert check_package(tmp_book) == []
    assert openpyxl.load_workbook(tmp_book, keep_vba=True)["Hướng dẫn"]._images  # the picture is still there


def test_the_calculation_chain_is_dropped_with_its_relationship_and_content_type(tmp_book):
    first = sheet_part(tmp_book, schema.PETITIONS.name)
    chain = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="{schema_main()}">'
             '<c r="A2" i="5"/></calcChain>').encode()
    edit_parts(tmp_book, {
        "xl/calcChain.xml": chain,
        "xl/_rels/workbook.xml.rels": lambda xml: xml.replace(b"</Relationships>", (
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" '
            b'Target="calcChain.xml"/></Relationships>')),
        "[Content_Types].xml": lambda xml: xml.replace(b"</Types>", (
            b'<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            b'spreadsheetml.calcChain+xml"/></Types>')),
    })
    assert first
    apply_changes(tmp_book, _letters(tmp_book, "1/UBND"))
    after = members(tmp_book)
    assert "xl/calcChain.xml" not in after
    assert b"calcChain" not in after["xl/_rels/workbook.xml.rels"] and b"calcChain" not in after["[Content_Types].xml"]
    assert check_package(tmp_book) == []


def schema_main() -> str:
    return "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _strict(path: Path) -> None:
    """The same workbook as Excel's "Strict Open XML Spreadsheet" names it: purl.oclc.org namespaces."""
    swaps = [(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main", b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
             (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              b"http://purl.oclc.org/ooxml/officeDocument/relationships")]

    def strict(xml: bytes) -> bytes:
        for old, new in swaps:
            xml = xml.replace(old, new)
        return xml

    edit_parts(path, {name: strict for name in members(path) if name.endswith((".xml", ".rels"))})


def test_a_strict_open_xml_workbook_is_refused_and_left_as_it_was(tmp_path, capsys):
    path = tmp_path / "so.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Kiểm tra"
    workbook.save(path)
    _strict(path)
    before = path.read_bytes()
    with pytest.raises(UnusableFile, match="Strict Open XML"):
        apply_changes(path, ChangeSet(cells=[CellWrite("Kiểm tra", 1, 1, "x")], allow_user_cells=True))
    assert path.read_bytes() == before and not (tmp_path / "Sao lưu").exists()


def test_sheets_are_found_through_absolute_and_odd_relationship_targets(tmp_book):
    part = sheet_part(tmp_book, schema.PETITIONS.name)
    edit_parts(tmp_book, {"xl/_rels/workbook.xml.rels": lambda xml: xml.replace(
        f'Target="{part[3:]}"'.encode(), f'Target="/{part.upper()}"'.encode())})
    with Package(tmp_book) as package:
        assert package.sheet_part(schema.PETITIONS.name) == part  # case-insensitive, as OPC part names are
    apply_changes(tmp_book, _letters(tmp_book, "4/UBND"))
    assert read_book(tmp_book).petitions.records[0]["so_van_ban_tra_loi"] == "4/UBND"


def _local_names(path: Path) -> list[tuple[str, str]]:
    """(sheet at localSheetId, defined name text) for every sheet-local name."""
    xml = members(path)["xl/workbook.xml"].decode()
    sheets = re.findall(r'<sheet [^>]*name="([^"]*)"', xml)
    return [(sheets[int(i)], text) for i, text in re.findall(r'<definedName [^>]*localSheetId="(\d+)"[^>]*>([^<]*)<', xml)]


def test_a_report_sheet_in_the_middle_keeps_every_local_name_on_its_sheet(tmp_book):
    xml = members(tmp_book)["xl/workbook.xml"]
    edit_parts(tmp_book, {"xl/workbook.xml": xml.replace(b"<workbookView ", b'<workbookView activeTab="5" firstSheet="4" ')})
    before = _local_names(tmp_book)
    assert before and all(sheet in text for sheet, text in before)
    apply_changes(tmp_book, ChangeSet(sheets=[SheetWrite("Kiểm tra", [["Mức độ", "Ô"], ["Lỗi", "B2"]], after="Kế hoạch")]))
    after = _local_names(tmp_book)
    assert all(sheet.replace("'", "''") in text for sheet, text in after), after
    assert set(before) < set(after) and ("Kiểm tra", "'Kiểm tra'!$1:$1") in after
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    assert workbook.sheetnames[:3] == ["Hướng dẫn", "Kế hoạch", "Kiểm tra"]
    xml = members(tmp_book)["xl/workbook.xml"].decode()
    assert 'activeTab="6"' in xml and 'firstSheet="5"' in xml  # still "Phân công" and "Kiến nghị"
    app = members(tmp_book)["docProps/app.xml"].decode()
    if "TitlesOfParts" in app and "Kế hoạch" in app:
        assert app.index("Kế hoạch") < app.index("Kiểm tra") < app.index("Đại biểu")
    # A second run replaces it in place: one sheet, the same names.
    apply_changes(tmp_book, ChangeSet(sheets=[SheetWrite("Kiểm tra", [["Mức độ"], ["Cảnh báo"]], after="Kế hoạch")]))
    assert _local_names(tmp_book) == after
    assert check_package(tmp_book) == []
    assert openpyxl.load_workbook(tmp_book).sheetnames.count("Kiểm tra") == 1


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_workbook_re_saved_by_libreoffice_takes_every_command(tmp_path, demo_path):
    profile = (tmp_path / "lo").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx", "--outdir",
                    str(tmp_path / "lo-out"), str(demo_path)], check=True, capture_output=True, timeout=240)
    book = tmp_path / "lo-out" / "demo.xlsx"
    assert book.exists()
    before = read_book(book)
    assert main(["deadlines", str(book), "--today", "2026-06-20"]) in (0, 1)
    assert main(["validate", str(book), "--today", "2026-06-20"]) in (0, 1)
    after = read_book(book)
    for key, table in before.tables.items():  # nothing a person typed changed
        computed = {c.key for c in table.spec.columns if c.computed}
        for old, new in zip(table.records, after.tables[key].records, strict=True):
            assert {k: v for k, v in old.values.items() if k not in computed} == \
                   {k: v for k, v in new.values.items() if k not in computed}
    assert any(r["tinh_trang"] for r in after.assignments.records)
    assert "Kiểm tra" in openpyxl.load_workbook(book).sheetnames


def test_a_command_on_a_strict_open_xml_workbook_says_how_to_save_it(tmp_book, capsys):
    _strict(tmp_book)
    before = tmp_book.read_bytes()
    assert main(["deadlines", str(tmp_book), "--today", "2026-06-20"]) == 2
    err = capsys.readouterr().err
    assert "Strict Open XML" in err and "Lưu thành" in err and "Lỗi không mong đợi" not in err
    assert tmp_book.read_bytes() == before
