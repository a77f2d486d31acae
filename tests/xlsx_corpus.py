"""Input workbooks for the writer-fidelity and conformance tests, and small package surgery to make or break them.

- `rich_workbook(path)`: the sample conference built as the template is (XlsxWriter, default namespace), plus what
  clerks and other tools put in workbooks: a picture on `Phân công`, a chart on `Mốc thời gian`, a comment on
  `Kiến nghị`, and a sheet `Phụ lục` with rich-text strings, external and internal hyperlinks, formulas, a list
  validation pointing at `Danh mục`, a defined name, its own Excel table, a picture, a chart and a comment; then
  `with_shared_formulas_and_calc_chain` turns its formulas into a shared formula and adds a calcChain (XlsxWriter
  writes neither).
- `without_positions(src, dst)`: rows and cells without their implied `r` attributes.
- `with_x_prefix(src, dst)`: the same package with every SpreadsheetML part using an `x:` prefix instead of the default
  namespace (as some generators and .NET libraries write it).
- `replace_member(src, dst, name, edit)`: copy a package changing (or dropping, or adding) one member.
- `libreoffice_resave(src, out_dir, ext)`: the file saved by LibreOffice Calc.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from tests.xlsx_conformance import MAIN, PKG_REL, REL_NS

EXTRA_SHEET = "Phụ lục"
CALC_CHAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"
CALC_CHAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain"


def png_bytes(width: int = 8, height: int = 6, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A small solid PNG, made by hand so no imaging library is needed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _extras(workbook) -> None:
    """What the rich workbook adds on top of the sample (an XlsxWriter workbook, before close)."""
    import io

    picture = {"image_data": io.BytesIO(png_bytes()), "x_scale": 4, "y_scale": 4}
    assign = workbook.get_worksheet_by_name("Phân công")
    assign.insert_image("L3", "anh.png", picture)
    timeline = workbook.get_worksheet_by_name("Mốc thời gian")
    chart = workbook.add_chart({"type": "column"})
    chart.add_series({"name": "Số ngày", "values": "='Mốc thời gian'!$C$2:$C$6", "categories": "='Mốc thời gian'!$A$2:$A$6"})
    timeline.insert_chart("L2", chart)
    assign.write_url("L1", "https://thuvienphapluat.vn/", string="Văn bản hướng dẫn")
    petitions = workbook.get_worksheet_by_name("Kiến nghị")
    petitions.write_comment("A1", "Ghi chú của văn phòng: mã theo thứ tự nhận.", {"author": "Văn phòng"})
    # The clerk's own conditional format on a sheet the tool writes: it must survive the tool's own formats.
    petitions.conditional_format("K2:K500", {"type": "text", "criteria": "containing", "value": "Chưa",
                                             "format": workbook.add_format({"bg_color": "#FFEB9C"})})

    extra = workbook.add_worksheet(EXTRA_SHEET)
    bold, red = workbook.add_format({"bold": True}), workbook.add_format({"font_color": "red", "italic": True})
    extra.write_rich_string("A1", "Bảng ", bold, "phụ lục", " do ", red, "văn phòng", " tự lập")
    extra.write_url("A2", "https://dichvucong.gov.vn/", string="Cổng dịch vụ công")
    extra.write_url("A3", "internal:'Kiến nghị'!A1", string="Về trang Kiến nghị")
    for row in range(5):
        extra.write_number(row + 1, 1, (row + 1) * 10)  # B2:B6
        extra.write_formula(row + 1, 2, f"=B{row + 2}*2", None, (row + 1) * 20)  # C2:C6
    extra.write_formula("C7", "=SUM(C2:C6)", None, 300)
    extra.write("D1", "Lĩnh vực")
    extra.data_validation("D2:D20", {"validate": "list", "source": "='Danh mục'!$D$2:$D$20"})
    workbook.define_name("tong_phu_luc", f"='{EXTRA_SHEET}'!$B$2:$B$6")
    extra.add_table("F1:G4", {"name": "tblPhuLuc", "columns": [{"header": "Việc"}, {"header": "Người làm"}],
                              "data": [["Chuẩn bị hội trường", "Anh Nam"], ["In tài liệu", "Chị Lan"], ["Loa đài", "Anh Bình"]]})
    extra.insert_image("I2", "logo.png", {"image_data": io.BytesIO(png_bytes(rgb=(30, 90, 200)))})
    chart2 = workbook.add_chart({"type": "line"})
    chart2.add_series({"values": f"='{EXTRA_SHEET}'!$B$2:$B$6"})
    extra.insert_chart("I10", chart2)
    extra.write_comment("B1", "Số liệu mẫu")


def rich_workbook(path: Path) -> Path:
    """The sample conference (.xlsm with the VBA project, or .xlsx without) plus the extras above, shared formulas
    and a calcChain."""
    from doithoai.book import builder as workbook_builder
    from doithoai.book.controls import BUTTONS
    from doithoai.core.resources import vba_project
    from doithoai.workflows.sample import sample_conference

    path = Path(path)
    original = workbook_builder._Builder.build

    def build(self, *args, **kwargs):
        original(self, *args, **kwargs)
        _extras(self.wb)

    workbook_builder._Builder.build = build  # type: ignore[method-assign]
    try:
        project = vba_project() if path.suffix.lower() == ".xlsm" else None
        raw = path.with_name(path.stem + "-raw" + path.suffix)
        workbook_builder.build_workbook(raw, data=sample_conference(), vba_project=project, buttons=BUTTONS if project else ())
    finally:
        workbook_builder._Builder.build = original  # type: ignore[method-assign]
    with_shared_formulas_and_calc_chain(raw, path)
    raw.unlink()
    with_printer_settings_and_custom_xml(path)
    with_x14_validation(path)
    return path


# --------------------------------------------------------------------------------------------------- package surgery


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_members(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return Path(path)


def replace_member(src: Path, dst: Path, name: str, edit: Callable[[bytes], bytes | None] | bytes | None) -> Path:
    """A copy of `src` whose member `name` is edit(old bytes) (None drops it); bytes add or replace it outright."""
    parts = members(src)
    new = edit if isinstance(edit, bytes) or edit is None else edit(parts[name])
    if new is None:
        parts.pop(name, None)
    else:
        parts[name] = new
    return write_members(dst, parts)


def sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> worksheet part, read from workbook.xml and its relationships (default-namespace or prefixed)."""
    parts = members(path)
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    targets = {}
    for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    book = etree.fromstring(parts["xl/workbook.xml"])
    return {s.get("name"): targets[s.get(f"{{{REL_NS}}}id")] for s in book.iter(f"{{{MAIN}}}sheet")}


def with_shared_formulas_and_calc_chain(src: Path, dst: Path) -> Path:
    """`Phụ lục`'s C2:C6 as one shared formula (master C2) and a calcChain naming every formula cell."""
    parts = members(src)
    part = sheet_parts(src)[EXTRA_SHEET]
    book = etree.fromstring(parts["xl/workbook.xml"])
    sheet_id = next(s.get("sheetId") for s in book.iter(f"{{{MAIN}}}sheet") if s.get("name") == EXTRA_SHEET)
    root = etree.fromstring(parts[part])
    formulas = []
    for cell in root.iter(f"{{{MAIN}}}c"):
        f = cell.find(f"{{{MAIN}}}f")
        if f is None:
            continue
        ref = cell.get("r")
        formulas.append(ref)
        if ref == "C2":
            f.set("t", "shared")
            f.set("ref", "C2:C6")
            f.set("si", "0")
        elif ref in ("C3", "C4", "C5", "C6"):
            f.attrib.update({"t": "shared", "si": "0"})
            f.text = None
    parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    chain = "".join(f'<c r="{ref}" i="{sheet_id}"/>' for ref in formulas)
    parts["xl/calcChain.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 f'<calcChain xmlns="{MAIN}">{chain}</calcChain>').encode()
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    rel = etree.SubElement(rels, f"{{{PKG_REL}}}Relationship")
    rel.attrib.update({"Id": "rIdCalc1", "Type": CALC_CHAIN_REL, "Target": "calcChain.xml"})
    parts["xl/_rels/workbook.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = etree.fromstring(parts["[Content_Types].xml"])
    override = etree.SubElement(types, "{http://schemas.openxmlformats.org/package/2006/content-types}Override")
    override.attrib.update({"PartName": "/xl/calcChain.xml", "ContentType": CALC_CHAIN_TYPE})
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_members(dst, parts)


def with_printer_settings_and_custom_xml(path: Path) -> Path:
    """In place: printer settings for `Kiến nghị` (a sheet the tool writes: its pageSetup r:id must survive) and a
    custom XML item linked from the workbook, as Excel and SharePoint leave them."""
    parts = members(path)
    part = sheet_parts(path)["Kiến nghị"]
    rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    rels = etree.fromstring(parts[rels_name])
    rel = etree.SubElement(rels, f"{{{PKG_REL}}}Relationship")
    rel.attrib.update({"Id": "rIdPrinter1", "Target": "../printerSettings/printerSettings1.bin",
                       "Type": f"{REL_NS}/printerSettings"})
    parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    sheet = etree.fromstring(parts[part])
    setup = sheet.find(f"{{{MAIN}}}pageSetup")
    setup.set(f"{{{REL_NS}}}id", "rIdPrinter1")
    parts[part] = etree.tostring(sheet, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["xl/printerSettings/printerSettings1.bin"] = bytes(range(256)) * 4  # a DEVMODE stand-in: opaque bytes
    parts["customXml/item1.xml"] = b'<?xml version="1.0" encoding="UTF-8"?><hoSo xmlns="urn:doithoai:test"><ma>118</ma></hoSo>'
    parts["customXml/itemProps1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6E1F7C55-2D52-4A39-9E0B-'
        b'3C0B9A1D2F01}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/>'
        b"</ds:datastoreItem>")
    parts["customXml/_rels/item1.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{REL_NS}/customXmlProps" Target="itemProps1.xml"/></Relationships>').encode()
    book_rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    rel = etree.SubElement(book_rels, f"{{{PKG_REL}}}Relationship")
    rel.attrib.update({"Id": "rIdCustom1", "Target": "../customXml/item1.xml", "Type": f"{REL_NS}/customXml"})
    parts["xl/_rels/workbook.xml.rels"] = etree.tostring(book_rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = etree.fromstring(parts["[Content_Types].xml"])
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    for name, kind in (("/xl/printerSettings/printerSettings1.bin",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
                       ("/customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")):
        etree.SubElement(types, f"{ct}Override").attrib.update({"PartName": name, "ContentType": kind})
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_members(path, parts)


X14_VALIDATION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" '
    'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" '
    "showInputMessage=\"1\" showErrorMessage=\"1\"><x14:formula1><xm:f>'Danh mục'!$H$2:$H$20</xm:f></x14:formula1>"
    "<xm:sqref>T2:T50</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
)


def with_x14_validation(path: Path) -> Path:
    """In place: on `Kiến nghị` (a sheet the tool writes), a list validation in Excel 2010's extLst form (x14), as Excel
    writes one whose list lies on another sheet; a writer that rebuilds the sheet from a model loses it."""
    parts = members(path)
    part = sheet_parts(path)["Kiến nghị"]
    root = etree.fromstring(parts[part])
    root.append(etree.fromstring(X14_VALIDATION.replace("<extLst>", f'<extLst xmlns="{MAIN}">', 1)))
    parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_members(path, parts)


def without_positions(src: Path, dst: Path) -> Path:
    """Every worksheet with the `r` attribute left out wherever it is implied (a row right after the previous one, a
    cell right after the previous one), as some generators write: positions must be computed, not read."""
    from tests.xlsx_conformance import parse_ref

    parts = members(src)
    for part in sheet_parts(src).values():
        root = etree.fromstring(parts[part])
        last_row = 0
        for row in root.iter(f"{{{MAIN}}}row"):
            number = int(row.get("r", last_row + 1))
            if number == last_row + 1:
                row.attrib.pop("r", None)
            last_row, last_col = number, 0
            for cell in row.iter(f"{{{MAIN}}}c"):
                column = parse_ref(cell.get("r"))[1] if cell.get("r") else last_col + 1
                if column == last_col + 1:
                    cell.attrib.pop("r", None)
                last_col = column
        parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_members(dst, parts)


def _reprefixed(element, nsmap):
    """A copy of `element` (and its subtree) whose tree declares `nsmap` at the root."""
    copy = etree.Element(element.tag, attrib=dict(element.attrib), nsmap=nsmap)
    copy.text, copy.tail = element.text, element.tail

    def fill(source, target):
        for child in source:
            if not isinstance(child.tag, str):
                continue
            new = etree.SubElement(target, child.tag, attrib=dict(child.attrib))
            new.text, new.tail = child.text, child.tail
            fill(child, new)

    fill(element, copy)
    return copy


def with_x_prefix(src: Path, dst: Path) -> Path:
    """Every part in the SpreadsheetML main namespace rewritten with the prefix `x:` (same content)."""
    parts = members(src)
    for name, data in parts.items():
        if not name.endswith(".xml"):
            continue
        root = etree.fromstring(data)
        if root.nsmap.get(None) != MAIN:
            continue
        nsmap = {("x" if prefix is None else prefix): uri for prefix, uri in root.nsmap.items()}
        parts[name] = etree.tostring(_reprefixed(root, nsmap), xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_members(dst, parts)


def libreoffice_resave(src: Path, out_dir: Path, ext: str = "xlsx") -> Path:
    """`src` opened and saved by LibreOffice Calc as `ext` (xlsx, csv, pdf) in `out_dir`, with a private profile."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / f"lo-profile-{os.getpid()}"
    filters = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "csv": "csv:Text - txt - csv (StarCalc):44,34,76,1", "pdf": "pdf"}
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", filters.get(ext, ext),
         "--outdir", str(out_dir), str(src)],
        capture_output=True, text=True, timeout=240,
    )
    shutil.rmtree(profile, ignore_errors=True)
    target = out_dir / (Path(src).stem + "." + ext)
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"LibreOffice could not convert {src}: {result.stdout} {result.stderr}")
    return target
