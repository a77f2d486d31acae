"""Test helpers for the patch writer's building blocks: real workbooks from the tools clerks' files come from
(openpyxl, XlsxWriter, LibreOffice, our template, a .NET-style `x:` prefixed package), and a way to put a generated
part into a copy of one so openpyxl, calamine and LibreOffice read the result as a whole file."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def rewrite(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """A copy of the package `source` at `target` with `parts` replaced (or added)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in parts:
                new.writestr(info, old.read(info.filename))
        for name, data in parts.items():
            new.writestr(name, data)
    return target


def read_part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def first_sheet_part(path: Path) -> str:
    """The part of the workbook's first sheet, through workbook.xml and its relationships."""
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = etree.fromstring(read_part(path, "xl/workbook.xml"))
    sheet = next(e for e in workbook.iter() if etree.QName(e).localname == "sheet")
    rid = sheet.get(f"{{{rel_ns}}}id")
    rels = etree.fromstring(read_part(path, "xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def openpyxl_book(path: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Dữ liệu"
    sheet["A1"] = "Mã"
    sheet["A1"].font = Font(name="Arial", size=10, italic=True)
    sheet["B1"] = dt.date(2026, 6, 19)
    sheet["B1"].number_format = "d/m/yyyy"
    sheet["C1"] = 1.5
    sheet["C1"].fill = PatternFill("solid", fgColor="FFF2CC")
    sheet["C1"].alignment = Alignment(horizontal="center")
    workbook.save(path)
    return path


def xlsxwriter_book(path: Path) -> Path:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Dữ liệu")
    sheet.write("A1", "Mã", workbook.add_format({"bold": True, "font_name": "Times New Roman", "font_size": 13}))
    sheet.write_datetime("B1", dt.datetime(2026, 6, 19), workbook.add_format({"num_format": "dd/mm/yyyy"}))
    sheet.write("C1", 3, workbook.add_format({"bg_color": "#C6EFCE", "border": 1}))
    sheet.conditional_format("A2:A10", {"type": "formula", "criteria": "=$A2>1", "format": workbook.add_format({"bold": True})})
    workbook.close()
    return path


def libreoffice_book(source: Path, out_dir: Path) -> Path | None:
    """`source` saved again by LibreOffice as .xlsx (None without LibreOffice)."""
    from doithoai.documents.pdf import soffice

    program = soffice()
    if program is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", "xlsx", "--outdir", str(out_dir), str(source)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, check=False)
    result = out_dir / (source.stem + ".xlsx")
    return result if result.exists() else None


def prefixed(xml: bytes, prefix: str = "x") -> bytes:
    """The same part with the spreadsheet namespace spelled `x:` (as .NET's Open XML SDK writes it)."""
    root = etree.fromstring(xml)
    nsmap = {(prefix if k is None else k): v for k, v in root.nsmap.items()}
    nsmap[prefix] = MAIN_NS

    def convert(element, parent):
        if not isinstance(element.tag, str):
            return
        new = etree.SubElement(parent, element.tag, dict(element.attrib)) if parent is not None else \
            etree.Element(element.tag, dict(element.attrib), nsmap=nsmap)
        new.text, new.tail = element.text, element.tail
        for c in element:
            convert(c, new)
        return new

    out = convert(root, None)
    data = etree.tostring(out, xml_declaration=True, encoding="UTF-8", standalone=True)
    assert b"<x:" in data
    return data


def dotnet_book(source: Path, target: Path) -> Path:
    """A copy of `source` whose workbook, styles and sheet parts use the `x:` prefix."""
    with zipfile.ZipFile(source) as archive:
        names = [n for n in archive.namelist()
                 if n in ("xl/workbook.xml", "xl/styles.xml") or n.startswith("xl/worksheets/sheet")]
        parts = {n: prefixed(archive.read(n)) for n in names if n.endswith(".xml")}
    return rewrite(source, target, parts)


def copy_to(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


# -- for the package and cell layers' tests (in place, by member)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def raw_members(path: Path) -> dict[str, bytes]:
    """Each member's compressed bytes as stored (to prove a member was copied, not recompressed)."""
    found = {}
    with zipfile.ZipFile(path) as archive, open(path, "rb") as handle:
        for info in archive.infolist():
            handle.seek(info.header_offset)
            header = handle.read(30)
            skip = int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
            handle.seek(info.header_offset + 30 + skip)
            found[info.filename] = handle.read(info.compress_size)
    return found


def edit_parts(path: Path, changes: dict[str, Callable[[bytes], bytes] | bytes | None]) -> None:
    """Rewrite members in place: a function of the old bytes, new bytes, or None to remove; new names are added."""
    old = members(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in old.items():
            change = changes.get(name, data)
            if change is None:
                continue
            archive.writestr(name, change(data) if callable(change) else change)
        for name, data in changes.items():
            if name not in old and isinstance(data, bytes):
                archive.writestr(name, data)


def sheet_part(path: Path, sheet: str) -> str:
    from doithoai.io.errorcells import sheet_parts

    with zipfile.ZipFile(path) as archive:
        return sheet_parts(archive)[sheet]


def without_positions(xml: bytes) -> bytes:
    """Rows and cells without `r` where it is one after the previous one (allowed by the schema; some tools do it)."""
    text = xml.decode("utf-8")
    out = []
    previous_row = 0
    previous_column = 0
    for piece in re.split(r"(<(?:\w+:)?(?:row|c)\b[^>]*>)", text):
        row = re.match(r'<(?:\w+:)?row\b[^>]*\br="(\d+)"', piece)
        cell = re.match(r'<(?:\w+:)?c\b[^>]*\br="([A-Z]+)(\d+)"', piece)
        if row:
            number = int(row.group(1))
            if number == previous_row + 1:
                piece = re.sub(r'\sr="\d+"', "", piece, count=1)
            previous_row, previous_column = number, 0
        elif cell:
            column = 0
            for char in cell.group(1):
                column = column * 26 + ord(char) - 64
            if column == previous_column + 1:
                piece = re.sub(r'\sr="[A-Z]+\d+"', "", piece, count=1)
            previous_column = column
        out.append(piece)
    return "".join(out).encode("utf-8")
