"""The stand-in for Excel's open-time checks (tests/xlsx_conformance.py) must pass what real tools write and fail
every kind of broken package it claims to catch: a checker that cannot fail is a defect."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests.xlsx_conformance import MAIN, PKG_REL, check_package
from tests.xlsx_corpus import libreoffice_resave, members, replace_member, rich_workbook, sheet_parts, with_x_prefix

PETITIONS = "Kiến nghị"


@pytest.fixture(scope="module")
def rich(tmp_path_factory) -> Path:
    return rich_workbook(tmp_path_factory.mktemp("rich") / "rich.xlsm")


def _clean(path: Path) -> None:
    assert check_package(path) == []


def test_clean_on_the_built_template(template_path):
    _clean(template_path)


def test_clean_on_the_demo_workbook(demo_path):
    _clean(demo_path)


def test_clean_on_the_rich_workbook_and_with_an_x_prefix(rich, tmp_path):
    _clean(rich)
    prefixed = with_x_prefix(rich, tmp_path / "x.xlsm")
    assert b"<x:worksheet" in members(prefixed)["xl/worksheets/sheet5.xml"]
    _clean(prefixed)


def test_clean_on_files_saved_by_openpyxl(demo_path, rich, tmp_path):
    import openpyxl

    for source in (demo_path, rich):
        book = openpyxl.load_workbook(source, keep_vba=True)
        target = tmp_path / f"openpyxl-{source.name}"
        book.save(target)
        _clean(target)


def test_clean_on_a_file_written_by_xlsxwriter(tmp_path):
    import xlsxwriter

    target = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(target)
    sheet = book.add_worksheet("Số liệu")
    sheet.write_row(0, 0, ["Tên", "Số"])
    sheet.write_row(1, 0, ["Một", 1])
    sheet.merge_range("D1:E2", "gộp")
    sheet.conditional_format("B2:B9", {"type": "cell", "criteria": ">", "value": 0, "format": book.add_format({"bold": True})})
    sheet.add_table("A4:B6", {"columns": [{"header": "A"}, {"header": "B"}]})
    book.close()
    _clean(target)


@pytest.mark.slow
def test_clean_on_a_file_saved_by_libreoffice(rich, tmp_path):
    _clean(libreoffice_resave(rich, tmp_path))


# ------------------------------------------------------------------------------------------ broken copies


def _xml_edit(edit: Callable[[etree._Element], None]) -> Callable[[bytes], bytes]:
    def run(data: bytes) -> bytes:
        root = etree.fromstring(data)
        edit(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return run


def _text_edit(pattern: str, replacement: str, count: int = 1) -> Callable[[bytes], bytes]:
    def run(data: bytes) -> bytes:
        text, done = re.subn(pattern, replacement, data.decode("utf-8"), count=count)
        assert done, f"pattern {pattern!r} not found"
        return text.encode("utf-8")

    return run


def q(name: str) -> str:
    return f"{{{MAIN}}}{name}"


def swap_cells(root):
    row = next(r for r in root.iter(q("row")) if len(r) >= 2)
    first = row[0]
    row.remove(first)
    row.insert(1, first)


def descending_rows(root):
    data = root.find(q("sheetData"))
    first = data[0]
    data.remove(first)
    data.append(first)


def cell_outside_row(root):
    row = next(r for r in root.iter(q("row")) if len(r) >= 2)
    row[-1].set("r", re.sub(r"\d+", "99999", row[-1].get("r")))


def cf_after_validations(root):
    validations = root.find(q("dataValidations"))
    cf = etree.Element(q("conditionalFormatting"), sqref="A2:A9")
    rule = etree.SubElement(cf, q("cfRule"), type="expression", priority="1")
    etree.SubElement(rule, q("formula")).text = "TRUE"
    validations.addnext(cf)


def cf_rule(dxf: str, priority: str, twice: bool = False):
    def edit(root):
        cf = etree.Element(q("conditionalFormatting"), sqref="A2:A9")
        for _ in range(2 if twice else 1):
            rule = etree.SubElement(cf, q("cfRule"), type="expression", dxfId=dxf, priority=priority)
            etree.SubElement(rule, q("formula")).text = "TRUE"
        root.find(q("dataValidations")).addprevious(cf)

    return edit


def bad_style(root):
    next(root.iter(q("c"))).set("s", "9999")


def inline_without_is(root):
    cell = next(root.iter(q("c")))
    for child in list(cell):
        cell.remove(child)
    cell.set("t", "inlineStr")
    etree.SubElement(cell, q("v")).text = "x"


def shared_string_out_of_range(root):
    cell = next(c for c in root.iter(q("c")) if c.get("t") == "s")
    cell.find(q("v")).text = "999999"


def overlapping_merges(root):
    merges = etree.Element(q("mergeCells"))
    etree.SubElement(merges, q("mergeCell"), ref="T1:U3")
    etree.SubElement(merges, q("mergeCell"), ref="U2:V4")
    root.find(q("dataValidations")).addprevious(merges)


def merge_over_table(root):
    merges = etree.Element(q("mergeCells"))
    etree.SubElement(merges, q("mergeCell"), ref="A3:B3")
    root.find(q("dataValidations")).addprevious(merges)


def dangling_hyperlink(root):
    links = etree.Element(q("hyperlinks"))
    link = etree.SubElement(links, q("hyperlink"), ref="A2")
    link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "rId77")
    root.find(q("pageMargins")).addprevious(links)


def header_renamed(root):
    cell = next(c for c in root.iter(q("c")) if c.get("r") == "A1")
    cell.attrib.pop("t", None)
    for child in list(cell):
        cell.remove(child)
    cell.set("t", "inlineStr")
    etree.SubElement(etree.SubElement(cell, q("is")), q("t")).text = "Mã KN"


def formula_master_dropped(root):
    master = next(c for c in root.iter(q("c")) if c.get("r") == "C2")
    master.find(q("f")).attrib.pop("ref")


def duplicate_sheet_id(root):
    sheets = list(root.iter(q("sheet")))
    sheets[1].set("sheetId", sheets[0].get("sheetId"))


def duplicate_sheet_name(root):
    sheets = list(root.iter(q("sheet")))
    sheets[1].set("name", sheets[0].get("name").upper())


def forbidden_sheet_name(root):
    list(root.iter(q("sheet")))[2].set("name", "Đại biểu: 2026")


def local_sheet_id_out_of_range(root):
    next(d for d in root.iter(q("definedName")) if d.get("localSheetId")).set("localSheetId", "42")


def active_tab_out_of_range(root):
    next(root.iter(q("workbookView"))).set("activeTab", "42")  # past the last sheet however many the demo has


def defined_name_twice(root):
    names = root.find(q("definedNames"))
    names.append(etree.fromstring(etree.tostring(names[0])))


def dangling_sheet_rid(root):
    list(root.iter(q("sheet")))[3].set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "rId99")


def dangling_relationship(root):
    rel = etree.SubElement(root, f"{{{PKG_REL}}}Relationship")
    rel.attrib.update({"Id": "rId50", "Target": "../tables/table99.xml",
                       "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"})


def table_id_reused(data: bytes) -> bytes:
    return re.sub(rb' id="\d+"', b' id="1"', data, count=1)


# (why, member: a part name or "sheet:<name>", edit, expected fragment of a problem line, base: "demo" | "rich")
BREAKS = [
    ("cells out of order", f"sheet:{PETITIONS}", _xml_edit(swap_cells), "cells must ascend", "demo"),
    ("rows out of order", f"sheet:{PETITIONS}", _xml_edit(descending_rows), "rows must ascend", "demo"),
    ("cell outside its row", f"sheet:{PETITIONS}", _xml_edit(cell_outside_row), "is not in row", "demo"),
    ("conditionalFormatting after dataValidations", f"sheet:{PETITIONS}", _xml_edit(cf_after_validations),
     "<conditionalFormatting> after <dataValidations>", "demo"),
    ("bad style index", f"sheet:{PETITIONS}", _xml_edit(bad_style), "style s=9999", "demo"),
    ("dxfId out of range", f"sheet:{PETITIONS}", _xml_edit(cf_rule("500", "1")), "dxfId=500", "demo"),
    ("duplicate cf priority", f"sheet:{PETITIONS}", _xml_edit(cf_rule("0", "3", twice=True)), "priority 3 used 2 times",
     "demo"),
    ("inline string in <v>", f"sheet:{PETITIONS}", _xml_edit(inline_without_is), "with <v> instead of <is>", "demo"),
    ("shared string index out of range", f"sheet:{PETITIONS}", _xml_edit(shared_string_out_of_range), "shared string",
     "demo"),
    ("overlapping merged ranges", f"sheet:{PETITIONS}", _xml_edit(overlapping_merges), "overlaps another merged", "demo"),
    ("merged cells inside a table", f"sheet:{PETITIONS}", _xml_edit(merge_over_table), "overlaps merged cells", "demo"),
    ("hyperlink r:id unresolved", f"sheet:{PETITIONS}", _xml_edit(dangling_hyperlink), "r:id=rId77", "demo"),
    ("table header cell differs from its column", f"sheet:{PETITIONS}", _xml_edit(header_renamed), "the table says",
     "demo"),
    ("shared formula without master", "sheet:Phụ lục", _xml_edit(formula_master_dropped), "no master cell", "rich"),
    ("dangling relationship", "xl/worksheets/_rels/sheet5.xml.rels", _xml_edit(dangling_relationship),
     "missing part xl/tables/table99.xml", "demo"),
    ("duplicate sheetId", "xl/workbook.xml", _xml_edit(duplicate_sheet_id), "duplicate sheetId", "demo"),
    ("duplicate sheet name (case-insensitive)", "xl/workbook.xml", _xml_edit(duplicate_sheet_name), "duplicate sheet name",
     "demo"),
    ("forbidden character in a sheet name", "xl/workbook.xml", _xml_edit(forbidden_sheet_name), "character Excel forbids",
     "demo"),
    ("localSheetId out of range", "xl/workbook.xml", _xml_edit(local_sheet_id_out_of_range), "localSheetId=42", "demo"),
    ("activeTab out of range", "xl/workbook.xml", _xml_edit(active_tab_out_of_range), "activeTab=42", "demo"),
    ("defined name twice", "xl/workbook.xml", _xml_edit(defined_name_twice), "defined twice", "demo"),
    ("sheet r:id unresolved", "xl/workbook.xml", _xml_edit(dangling_sheet_rid), "r:id 'rId99'", "demo"),
    ("table ref not covering rows", "xl/tables/table3.xml", _text_edit(r'ref="A1:S\d+"', 'ref="A1:S1"', 2),
     "no data row", "demo"),
    ("table ref narrower than its columns", "xl/tables/table3.xml", _text_edit(r'ref="A1:S(\d+)"', r'ref="A1:R\1"', 2),
     "tableColumns for a ref 18 columns wide", "demo"),
    ("autoFilter outside the table", "xl/tables/table3.xml",
     _text_edit(r'<autoFilter ref="A1:S(\d+)"', r'<autoFilter ref="A1:T\1"'), "autoFilter ref", "demo"),
    ("table id reused", "xl/tables/table3.xml", table_id_reused, "table id 1 also used", "demo"),
    ("table name reused", "xl/tables/table3.xml", _text_edit(r'displayName="\w+"', 'displayName="tblDaiBieu"'),
     "table name 'tblDaiBieu'", "demo"),
    ("xf fontId out of range", "xl/styles.xml", _text_edit(r'(<cellXfs[^>]*>(?:<xf[^>]*>(?:.*?</xf>)?)*?<xf[^>]*?)fontId="\d+"',
                                                           r'\1fontId="77"'), "fontId=77", "demo"),
    ("xf numFmtId neither built in nor declared", "xl/styles.xml", _text_edit(r'(<cellXfs[^>]*><xf[^>]*?)numFmtId="\d+"',
                                                                              r'\1numFmtId="300"'), "numFmtId=300", "demo"),
    ("sharedStrings uniqueCount wrong", "xl/sharedStrings.xml", _text_edit(r'uniqueCount="\d+"', 'uniqueCount="3"'),
     "uniqueCount=3", "demo"),
    ("missing content type", "[Content_Types].xml", _text_edit(r'<Default Extension="png"[^>]*/>', ""),
     "no content type", "rich"),
    ("worksheet served as plain XML", "[Content_Types].xml", _text_edit(r'<Override PartName="/xl/worksheets/sheet5.xml"[^>]*/>',
                                                                        ""), "for a worksheet part", "demo"),
    ("Override naming a missing part", "[Content_Types].xml",
     _text_edit("</Types>", '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/xml"/></Types>'),
     "Override for missing part", "demo"),
    ("[Content_Types].xml not well formed", "[Content_Types].xml", _text_edit("</Types>", "</Type>"), "not well-formed",
     "demo"),
    ("macro workbook type in an .xlsm lost", "[Content_Types].xml", _text_edit(r"sheet\.macroEnabled\.main\+xml",
                                                                               "sheet.main+xml"), "not macro-enabled", "demo"),
    ("calcChain names a cell without formula", "xl/calcChain.xml", _text_edit(r'<c r="C3"', '<c r="A3"'),
     "holds no formula", "rich"),
    ("app.xml titles disagree with the sheets", "docProps/app.xml", _text_edit("<vt:lpstr>Kế hoạch</vt:lpstr>",
                                                                               "<vt:lpstr>Kế hoạch cũ</vt:lpstr>"),
     "worksheet titles", "demo"),
]


@pytest.mark.parametrize(("member", "edit", "expected", "base"), [b[1:] for b in BREAKS], ids=[b[0] for b in BREAKS])
def test_fails_on_a_hand_broken_copy(member, edit, expected, base, demo_path, rich, tmp_path):
    source = demo_path if base == "demo" else rich
    if member.startswith("sheet:"):
        member = sheet_parts(source)[member[len("sheet:"):]]
    broken = replace_member(source, tmp_path / f"broken{source.suffix}", member, edit)
    problems = check_package(broken)
    assert any(expected in p for p in problems), problems


def test_fails_on_a_renamed_xlsx_with_macros_and_a_non_zip(demo_path, tmp_path):
    renamed = tmp_path / "book.xlsx"
    shutil.copyfile(demo_path, renamed)
    assert any("macro-enabled content type in an .xlsx" in p for p in check_package(renamed))
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    assert check_package(junk) and "not a zip" in check_package(junk)[0]


def test_fails_on_a_dropped_part_still_referenced(demo_path, tmp_path):
    broken = replace_member(demo_path, tmp_path / "b.xlsm", "xl/styles.xml", None)
    problems = check_package(broken)
    assert any("points to missing part xl/styles.xml" in p for p in problems)
    assert any("Override for missing part /xl/styles.xml" in p for p in problems)


def test_relationship_targets_resolve_like_uris():
    from tests.xlsx_conformance import resolve

    assert resolve("xl/worksheets", "../drawings/drawing1.xml") == "xl/drawings/drawing1.xml"
    assert resolve("xl", "/xl/styles.xml") == "xl/styles.xml"
    assert resolve("", "../customXml/item1.xml") == "customXml/item1.xml"  # LibreOffice writes this from the root
