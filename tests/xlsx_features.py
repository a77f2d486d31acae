"""What a person set up in a workbook besides cell values and styles, read from the package with lxml, so a test can
ask whether a writer kept it: conditional formats (the tool's own, tagged "doithoai-…", left out), data validations,
merged ranges, hyperlinks, frozen panes, column widths, page setup, tables (name and top-left corner: a table may grow)
and defined names, and Excel 2010's extensions (extLst). `features(path) -> {sheet name or "(workbook)": {(kind, ...), ...}}`.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from tests.xlsx_conformance import MAIN, PKG_REL, REL_NS, parse_range, resolve
from tests.xlsx_corpus import sheet_parts

TOOL_TAG = '"doithoai-'


def _q(name: str) -> str:
    return f"{{{MAIN}}}{name}"


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, base = posixpath.split(part)
    name = posixpath.join(folder, "_rels", base + ".rels")
    if name not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read(name))
    found = {}
    for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = resolve(folder, target)
        found[rel.get("Id")] = target
    return found


def _sqref(text: str | None) -> tuple[str, ...]:
    return tuple(sorted((text or "").split()))


def _signature(element) -> tuple:
    """An element's content independent of where its namespaces are declared: names, attributes and text, in order."""
    return tuple((etree.QName(e).localname, tuple(sorted((etree.QName(k).localname, v) for k, v in e.attrib.items())),
                  (e.text or "").strip()) for e in element.iter() if isinstance(e.tag, str))


def _name_text(name: str | None, text: str) -> str:
    """Print titles list rows and columns in either order ("'S'!$1:$1,'S'!$A:$A" is "'S'!$A:$A,'S'!$1:$1")."""
    return ",".join(sorted(text.split(","))) if name == "_xlnm.Print_Titles" else text


def features(path: Path) -> dict[str, set[tuple]]:
    found: dict[str, set[tuple]] = {}
    with zipfile.ZipFile(path) as archive:
        parts = sheet_parts(path)
        for sheet, part in parts.items():
            root = etree.fromstring(archive.read(part))
            rels = _rels(archive, part)
            items: set[tuple] = set()
            for block in root.iter(_q("conditionalFormatting")):
                for rule in block.iter(_q("cfRule")):
                    formulas = tuple(f.text or "" for f in rule.iter(_q("formula")))
                    if not any(TOOL_TAG in f for f in formulas):
                        items.add(("conditional format", _sqref(block.get("sqref")), rule.get("type"), rule.get("operator"),
                                   rule.get("text"), formulas))
            for validation in root.iter(_q("dataValidation")):
                items.add(("validation", _sqref(validation.get("sqref")), validation.get("type"),
                           tuple(f.text or "" for f in validation if etree.QName(f).localname.startswith("formula"))))
            items |= {("merged", m.get("ref")) for m in root.iter(_q("mergeCell"))}
            for link in root.iter(_q("hyperlink")):
                items.add(("hyperlink", link.get("ref"), link.get("location"), rels.get(link.get(f"{{{REL_NS}}}id"))))
            for pane in root.iter(_q("pane")):
                items.add(("frozen", pane.get("xSplit"), pane.get("ySplit"), pane.get("state")))
            for col in root.iter(_q("col")):
                for number in range(int(col.get("min", "0")), min(int(col.get("max", "0")), 200) + 1):
                    items.add(("column", number, col.get("width"), col.get("hidden")))
            for setup in root.iter(_q("pageSetup")):
                items.add(("page setup", setup.get("paperSize"), setup.get("orientation"), setup.get("fitToWidth")))
            for ext in root.iter(_q("ext")):  # Excel 2010+ additions (x14 validations and formats...), kept whole
                items.add(("ext", ext.get("uri"), _signature(ext)))
            for table_part in root.iter(_q("tablePart")):
                table = etree.fromstring(archive.read(rels[table_part.get(f"{{{REL_NS}}}id")]))
                area = parse_range(table.get("ref", ""))
                items.add(("table", table.get("displayName"), area[:2] if area else None))
            found[sheet] = items
        names = {index: name for index, name in enumerate(parts)}
        book_part = next(p for p in archive.namelist() if p.endswith("workbook.xml"))
        book = etree.fromstring(archive.read(book_part))
        found["(workbook)"] = {
            ("defined name", d.get("name"), names.get(int(d.get("localSheetId"))) if d.get("localSheetId") else None,
             _name_text(d.get("name"), d.text or ""))
            for d in book.iter(_q("definedName"))
        }
    return found


def lost_features(before: Path, after: Path, replaced: set[str] = frozenset()) -> list[str]:
    """Features of `before` missing from `after`, for every sheet not replaced whole (and its print titles)."""
    old, new = features(before), features(after)
    lost = []
    for sheet, items in old.items():
        if sheet in replaced:
            continue
        for item in sorted(items - new.get(sheet, set()), key=repr):
            if item[0] == "defined name" and item[2] in replaced:
                continue
            lost.append(f"{sheet}: {item}")
    return lost
