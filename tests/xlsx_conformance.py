"""What Excel would refuse or "repair" in an .xlsx/.xlsm, checked from the package itself (zipfile + lxml).

We cannot run Excel here, so this stands in for its open-time checks: `check_package(path)` returns one English line
per problem (empty = clean). It is an independent oracle for the package writer (doithoai/io/xlsxpatch): it keeps its
own copy of the worksheet child order and reads everything with plain lxml, never with the code it checks.

What it checks, and why each is a refusal or a "repair" in Excel:
- the package: a zip; [Content_Types].xml and every .xml/.rels part well formed; every part has a content type (an
  Override or a Default by extension), no Override names a missing part; the workbook's content type matches the file's
  extension (.xlsm macro-enabled, .xlsx not: Excel refuses the mismatch); every internal relationship target exists,
  relationship ids unique per part;
- workbook.xml: sheet names unique (case-insensitive), 1-31 characters, none of []:*?/\\, not starting or ending with an
  apostrophe; sheetIds unique; every r:id resolves; defined names unique per scope and localSheetId < sheet count;
  bookViews activeTab/firstSheet inside the sheets;
- styles: every xf's fontId/fillId/borderId inside their lists, numFmtId built in (< 164) or declared, xfId inside
  cellStyleXfs; every cell's and row's `s` < cellXfs count; every dxfId (conditional formats) < dxfs count;
- worksheets: children in CT_Worksheet order, none repeated except conditionalFormatting; rows ascending and unique,
  cells ascending, unique and inside their row; cell types known, values parseable, shared-string indexes in range,
  inline strings with their text in <is> (never <v>); shared formulas with a master; merged ranges valid and not overlapping;
  columns ascending and not overlapping; conditional-format rules with unique priorities; list validations within 255
  characters; hyperlinks/drawings/tables with an r:id that resolves in the sheet's relationships;
- tables: ids and names unique across the workbook (and no clash with a defined name); ref valid, header plus at least
  one row; autoFilter inside ref; one tableColumn per column of ref, names unique; header cells equal to the column
  names; tables not overlapping each other or merged cells;
- sharedStrings: uniqueCount equals the entries; calcChain (when present) names only cells holding a formula;
- docProps/app.xml (when present): HeadingPairs counts add up to TitlesOfParts, and the worksheet titles are the
  workbook's sheets (very hidden sheets may be left out: XlsxWriter does; Excel rewrites this part on save anyway).

Run as a script on files to print their problems: `python tests/xlsx_conformance.py BOOK.xlsx ...`.
"""

from __future__ import annotations

import posixpath
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

# CT_Worksheet's child sequence (ECMA-376 Part 1, 18.3.1.99). Kept here on purpose rather than imported from the
# writer: an oracle that shares the code under test cannot catch its mistakes.
WORKSHEET_ORDER = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
    "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
    "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
    "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
    "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
    "extLst",
)
_REPEATABLE = {"conditionalFormatting"}
_CELL_ORDER = ("f", "v", "is", "extLst")
_CELL_TYPES = {"b", "d", "e", "inlineStr", "n", "s", "str"}
_BAD_SHEET_CHARS = set("[]:*?/\\")
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
MAX_ROW, MAX_COL = 1_048_576, 16_384
WORKSHEET_REL = ("/worksheet",)
# Relationship type (its last path segment) -> what the target's content type must contain: a worksheet served as
# plain application/xml is as unreadable to Excel as a missing one.
EXPECTED_TYPES = {
    "worksheet": "spreadsheetml.worksheet+xml", "styles": "spreadsheetml.styles+xml",
    "sharedStrings": "spreadsheetml.sharedStrings+xml", "table": "spreadsheetml.table+xml", "drawing": "drawing+xml",
    "comments": "spreadsheetml.comments+xml", "chart": "drawingml.chart+xml", "calcChain": "spreadsheetml.calcChain+xml",
    "theme": "theme+xml", "vmlDrawing": "vmlDrawing", "image": "image/", "officeDocument": "main+xml",
}


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def parse_ref(ref: str) -> tuple[int, int] | None:
    """(row, column) of an A1 reference, None when it is not one or lies outside the grid."""
    match = _REF.match(ref or "")
    if not match:
        return None
    row, col = int(match.group(2)), column_number(match.group(1))
    return (row, col) if 1 <= row <= MAX_ROW and 1 <= col <= MAX_COL else None


def parse_range(ref: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of "A1" or "A1:C3", None when malformed or reversed."""
    first, _, last = (ref or "").partition(":")
    a, b = parse_ref(first), parse_ref(last or first)
    if a is None or b is None or a[0] > b[0] or a[1] > b[1]:
        return None
    return a[0], a[1], b[0], b[1]


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text or "")


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _ns(tag) -> str:
    return etree.QName(tag).namespace or "" if isinstance(tag, str) else ""


def resolve(folder: str, target: str) -> str:
    """The part a relationship target names, from the source part's folder: absolute ("/xl/a.xml") or relative, with
    ".." beyond the package root dropped as URI resolution does (LibreOffice writes "../customXml/item1.xml" from the
    root)."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    path = posixpath.normpath(posixpath.join("/", folder, target))
    return path.lstrip("/")


class _Package:
    def __init__(self, archive: zipfile.ZipFile, problems: list[str]):
        self.archive = archive
        self.problems = problems
        self.names = {i.filename for i in archive.infolist() if not i.filename.endswith("/")}
        self._xml: dict[str, etree._Element | None] = {}

    def xml(self, name: str):
        if name not in self._xml:
            try:
                self._xml[name] = etree.fromstring(self.archive.read(name))
            except (etree.XMLSyntaxError, KeyError, ValueError) as exc:
                self.problems.append(f"{name}: not well-formed XML ({exc})")
                self._xml[name] = None
        return self._xml[name]

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Relationship id -> (type, resolved target, external) of a part ("" = the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        if rels_name not in self.names:
            return {}
        root = self.xml(rels_name)
        found: dict[str, tuple[str, str, bool]] = {}
        for rel in [] if root is None else root.iter(f"{{{PKG_REL}}}Relationship"):
            rid, target = rel.get("Id", ""), rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = resolve(folder, target)
            found[rid] = (rel.get("Type", ""), target, external)
        return found


def check_package(path) -> list[str]:
    """Every problem Excel would refuse or repair in the .xlsx/.xlsm at `path`, one line each; [] when clean."""
    path = Path(path)
    problems: list[str] = []
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return [f"{path.name}: not a zip package ({exc})"]
    with archive:
        pkg = _Package(archive, problems)
        for name in sorted(pkg.names):
            if name.endswith((".xml", ".rels")):
                pkg.xml(name)
        content_types = _check_content_types(pkg, path)
        _check_relationships(pkg, content_types)
        workbook_part = next((t for ty, t, ext in pkg.rels("").values() if ty.endswith("/officeDocument") and not ext), None)
        if workbook_part is None or workbook_part not in pkg.names:
            problems.append("_rels/.rels: no officeDocument relationship to an existing workbook part")
            return problems
        _check_workbook_type(content_types, workbook_part, path, problems)
        _Workbook(pkg, workbook_part).check()
    return problems


def _check_content_types(pkg: _Package, path: Path) -> dict[str, str]:
    """Part name -> content type; reports parts without one and Overrides naming missing parts."""
    problems = pkg.problems
    if "[Content_Types].xml" not in pkg.names:
        problems.append("[Content_Types].xml is missing")
        return {}
    root = pkg.xml("[Content_Types].xml")
    if root is None:
        return {}
    if root.tag != f"{{{CT_NS}}}Types":
        problems.append(f"[Content_Types].xml: root element is {root.tag}, not Types")
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(f"{{{CT_NS}}}Default")}
    overrides: dict[str, str] = {}
    for override in root.iter(f"{{{CT_NS}}}Override"):
        part = override.get("PartName", "")
        key = part.lstrip("/").lower()
        if key in overrides:
            problems.append(f"[Content_Types].xml: two Overrides for {part}")
        overrides[key] = override.get("ContentType", "")
    lower = {n.lower(): n for n in pkg.names}
    for key in overrides:
        if key not in lower:
            problems.append(f"[Content_Types].xml: Override for missing part /{key}")
    types: dict[str, str] = {}
    for name in pkg.names:
        if name == "[Content_Types].xml":
            continue
        base = posixpath.basename(name)
        kind = overrides.get(name.lower()) or defaults.get(base.rpartition(".")[2].lower() if "." in base else "")
        if not kind:
            problems.append(f"{name}: no content type (neither an Override nor a Default for its extension)")
        else:
            types[name] = kind
    return types


def _check_relationships(pkg: _Package, types: dict[str, str]) -> None:
    for rels_name in sorted(n for n in pkg.names if n.endswith(".rels")):
        folder, base = posixpath.split(rels_name)
        if posixpath.basename(folder) != "_rels":
            pkg.problems.append(f"{rels_name}: relationships part outside a _rels folder")
            continue
        source = posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])
        if source and source not in pkg.names:
            pkg.problems.append(f"{rels_name}: relationships of a missing part {source}")
            continue
        root = pkg.xml(rels_name)
        if root is None:
            continue
        ids = [r.get("Id") for r in root.iter(f"{{{PKG_REL}}}Relationship")]
        for rid in {i for i in ids if ids.count(i) > 1}:
            pkg.problems.append(f"{rels_name}: relationship id {rid} used twice")
        for rid, (kind, target, external) in pkg.rels(source).items():
            if external:
                continue
            if target not in pkg.names:
                pkg.problems.append(f"{rels_name}: {rid} points to missing part {target}")
                continue
            expected = EXPECTED_TYPES.get(kind.rsplit("/", 1)[-1])
            if expected and target in types and expected not in types[target]:
                pkg.problems.append(f"{target}: content type {types[target]!r} for a {kind.rsplit('/', 1)[-1]} part")


def _check_workbook_type(types: dict[str, str], workbook_part: str, path: Path, problems: list[str]) -> None:
    kind = types.get(workbook_part, "")
    macro = "macroEnabled" in kind
    suffix = path.suffix.lower()
    if suffix == ".xlsm" and not macro:
        problems.append(f"{workbook_part}: content type {kind!r} is not macro-enabled in an .xlsm")
    elif suffix == ".xlsx" and macro:
        problems.append(f"{workbook_part}: macro-enabled content type in an .xlsx (Excel refuses the file)")


class _Workbook:
    def __init__(self, pkg: _Package, part: str):
        self.pkg, self.part = pkg, part
        self.problems = pkg.problems
        self.root = pkg.xml(part)
        self.ns = _ns(self.root.tag) if self.root is not None else MAIN
        self.rel_ns = STRICT_REL_NS if self.ns == STRICT_MAIN else REL_NS
        self.rels = pkg.rels(part)
        self.xf_count: int | None = None
        self.dxf_count = 0
        self.shared_strings: list[str] | None = None
        self.defined_names: set[str] = set()
        self.formula_cells: dict[str, set[tuple[int, int]]] = {}  # sheet part -> cells holding <f>
        self.sheet_parts: dict[str, str] = {}  # sheet name -> worksheet part
        self.sheet_values: dict[str, dict[tuple[int, int], str]] = {}  # part -> header candidate texts (for tables)
        self.merges: dict[str, list[tuple[int, int, int, int]]] = {}

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def check(self) -> None:
        if self.root is None:
            return
        sheets = self._check_sheets()
        self._check_defined_names(len(sheets))
        self._check_styles()
        self._read_shared_strings()
        sheet_ids: dict[str, str] = {}
        for name, sheet_id, part, kind in sheets:
            if part is not None and kind.endswith(WORKSHEET_REL):
                self.sheet_parts[name] = part
                sheet_ids[sheet_id] = part
                _Worksheet(self, name, part).check()
        self._check_tables()
        self._check_calc_chain(sheet_ids)
        self._check_app_titles(sheets)

    # ---------------------------------------------------------------- workbook.xml
    def _check_sheets(self) -> list[tuple[str, str, str | None, str]]:
        sheets_el = self.root.find(self.q("sheets"))
        found: list[tuple[str, str, str | None, str]] = []
        names: set[str] = set()
        ids: set[str] = set()
        for sheet in [] if sheets_el is None else sheets_el.findall(self.q("sheet")):
            name, sheet_id = sheet.get("name", ""), sheet.get("sheetId", "")
            where = f"{self.part}: sheet {name!r}"
            if not 1 <= len(name) <= 31:
                self.problems.append(f"{where}: name length {len(name)} (Excel allows 1-31)")
            if _BAD_SHEET_CHARS & set(name) or name.startswith("'") or name.endswith("'"):
                self.problems.append(f"{where}: name holds a character Excel forbids")
            if name.casefold() in names:
                self.problems.append(f"{where}: duplicate sheet name")
            names.add(name.casefold())
            if not sheet_id.isdigit() or int(sheet_id) < 1:
                self.problems.append(f"{where}: sheetId {sheet_id!r} is not a positive integer")
            elif sheet_id in ids:
                self.problems.append(f"{where}: duplicate sheetId {sheet_id}")
            ids.add(sheet_id)
            rid = sheet.get(f"{{{self.rel_ns}}}id")
            rel = self.rels.get(rid or "")
            if rel is None:
                self.problems.append(f"{where}: r:id {rid!r} not in the workbook's relationships")
                found.append((name, sheet_id, None, ""))
            else:
                found.append((name, sheet_id, rel[1] if rel[1] in self.pkg.names else None, rel[0]))
        if not found:
            self.problems.append(f"{self.part}: no sheets")
        for view in self.root.iter(self.q("workbookView")):
            for attribute in ("activeTab", "firstSheet"):
                value = view.get(attribute)
                if value is not None and not (value.isdigit() and int(value) < len(found)):
                    self.problems.append(f"{self.part}: workbookView {attribute}={value} but {len(found)} sheets")
        return found

    def _check_defined_names(self, sheet_count: int) -> None:
        seen: set[tuple[str, str | None]] = set()
        for dn in self.root.iter(self.q("definedName")):
            name, local = dn.get("name", ""), dn.get("localSheetId")
            if local is not None and not (local.isdigit() and int(local) < sheet_count):
                self.problems.append(f"{self.part}: definedName {name!r} localSheetId={local} but {sheet_count} sheets")
            key = (name.casefold(), local)
            if key in seen:
                self.problems.append(f"{self.part}: definedName {name!r} defined twice in the same scope")
            seen.add(key)
            self.defined_names.add(name.casefold())

    def _part_of(self, rel_suffix: str) -> str | None:
        return next((t for ty, t, ext in self.rels.values() if ty.endswith(rel_suffix) and not ext), None)

    # ---------------------------------------------------------------- styles.xml
    def _check_styles(self) -> None:
        part = self._part_of("/styles")
        if part is None or part not in self.pkg.names:
            self.xf_count = 0
            return
        root = self.pkg.xml(part)
        if root is None:
            return

        def children(list_name: str, item: str) -> list:
            element = root.find(self.q(list_name))
            return [] if element is None else element.findall(self.q(item))

        declared = {int(n.get("numFmtId", "-1")) for n in children("numFmts", "numFmt")}
        sizes = {"fontId": len(children("fonts", "font")), "fillId": len(children("fills", "fill")),
                 "borderId": len(children("borders", "border"))}
        style_xfs = children("cellStyleXfs", "xf")
        cell_xfs = children("cellXfs", "xf")
        for list_name, xfs in (("cellStyleXfs", style_xfs), ("cellXfs", cell_xfs)):
            for index, xf in enumerate(xfs):
                where = f"{part}: {list_name}[{index}]"
                for attribute, size in sizes.items():
                    value = xf.get(attribute)
                    if value is not None and not (value.isdigit() and int(value) < size):
                        self.problems.append(f"{where} {attribute}={value} but {size} declared")
                fmt = xf.get("numFmtId")
                if fmt is not None and not (fmt.isdigit() and (int(fmt) < 164 or int(fmt) in declared)):
                    self.problems.append(f"{where} numFmtId={fmt} is neither built in nor declared")
                parent = xf.get("xfId")
                if list_name == "cellXfs" and parent is not None and not (parent.isdigit() and int(parent) < len(style_xfs)):
                    self.problems.append(f"{where} xfId={parent} but {len(style_xfs)} cellStyleXfs")
        for style in children("cellStyles", "cellStyle"):
            parent = style.get("xfId", "")
            if not (parent.isdigit() and int(parent) < len(style_xfs)):
                self.problems.append(f"{part}: cellStyle {style.get('name')!r} xfId={parent} but {len(style_xfs)} cellStyleXfs")
        self.xf_count = len(cell_xfs)
        self.dxf_count = len(children("dxfs", "dxf"))

    def _read_shared_strings(self) -> None:
        part = self._part_of("/sharedStrings")
        if part is None or part not in self.pkg.names:
            return
        root = self.pkg.xml(part)
        if root is None:
            return
        items = root.findall(self.q("si"))
        self.shared_strings = ["".join(t.text or "" for t in si.iter(self.q("t")) if _local(t.getparent().tag) != "rPh")
                               for si in items]
        unique = root.get("uniqueCount")
        if unique is not None and unique != str(len(items)):
            self.problems.append(f"{part}: uniqueCount={unique} but {len(items)} strings")
        count = root.get("count")
        if count is not None and not count.isdigit():
            self.problems.append(f"{part}: count={count!r} is not a number")

    # ---------------------------------------------------------------- tables
    def _check_tables(self) -> None:
        ids: dict[str, str] = {}
        names: dict[str, str] = {}
        placed: dict[str, list[tuple[str, tuple[int, int, int, int]]]] = {}
        for sheet_name, sheet_part in self.sheet_parts.items():
            for _rid, (kind, part, external) in self.pkg.rels(sheet_part).items():
                if external or not kind.endswith("/table") or part not in self.pkg.names:
                    continue
                table = self.pkg.xml(part)
                if table is None:
                    continue
                area = self._check_table(part, table, sheet_part, ids, names)
                if area is None:
                    continue
                for other, other_area in placed.get(sheet_part, []):
                    if _overlap(area, other_area):
                        self.problems.append(f"{part}: overlaps {other} on sheet {sheet_name!r}")
                placed.setdefault(sheet_part, []).append((part, area))
                for merge in self.merges.get(sheet_part, []):
                    if _overlap(area, merge):
                        self.problems.append(f"{part}: overlaps merged cells on sheet {sheet_name!r}")
                        break

    def _check_table(self, part, table, sheet_part, ids, names) -> tuple[int, int, int, int] | None:
        table_id, name = table.get("id", ""), table.get("displayName") or table.get("name") or ""
        if table_id in ids:
            self.problems.append(f"{part}: table id {table_id} also used by {ids[table_id]}")
        ids[table_id] = part
        if name.casefold() in names:
            self.problems.append(f"{part}: table name {name!r} also used by {names[name.casefold()]}")
        elif name.casefold() in self.defined_names:
            self.problems.append(f"{part}: table name {name!r} is also a defined name")
        names[name.casefold()] = part
        area = parse_range(table.get("ref", ""))
        if area is None:
            self.problems.append(f"{part}: ref {table.get('ref')!r} is not a range")
            return None
        header_rows = int(table.get("headerRowCount", "1"))
        totals = int(table.get("totalsRowCount", "0"))
        if area[2] - area[0] + 1 < header_rows + totals + 1:
            self.problems.append(f"{part}: ref {table.get('ref')} holds no data row below the header")
        auto = table.find(self.q("autoFilter"))
        if auto is not None:
            inner = parse_range(auto.get("ref", ""))
            if inner is None or not (area[0] <= inner[0] and inner[2] <= area[2] and area[1] <= inner[1] and inner[3] <= area[3]):
                self.problems.append(f"{part}: autoFilter ref {auto.get('ref')!r} is not inside the table ref {table.get('ref')}")
        columns_el = table.find(self.q("tableColumns"))
        columns = [] if columns_el is None else columns_el.findall(self.q("tableColumn"))
        width = area[3] - area[1] + 1
        if len(columns) != width:
            self.problems.append(f"{part}: {len(columns)} tableColumns for a ref {width} columns wide")
        if columns_el is not None and columns_el.get("count") not in (None, str(len(columns))):
            self.problems.append(f"{part}: tableColumns count={columns_el.get('count')} but {len(columns)} columns")
        column_names = [_unescape(c.get("name", "")) for c in columns]
        folded = [n.casefold() for n in column_names]
        for duplicate in sorted({n for n in folded if folded.count(n) > 1}):
            self.problems.append(f"{part}: column name {duplicate!r} used twice")
        column_ids = [c.get("id") for c in columns]
        if len(set(column_ids)) != len(column_ids):
            self.problems.append(f"{part}: tableColumn ids not unique")
        if header_rows:
            header = self.sheet_values.get(sheet_part, {})
            for offset, column_name in enumerate(column_names[:width]):
                cell = header.get((area[0], area[1] + offset), "")
                if _unescape(cell) != column_name:
                    self.problems.append(
                        f"{part}: header cell row {area[0]} column {area[1] + offset} holds {cell!r}, "
                        f"the table says {column_name!r}"
                    )
        return area

    # ---------------------------------------------------------------- calcChain, app.xml
    def _check_calc_chain(self, sheet_ids: dict[str, str]) -> None:
        part = self._part_of("/calcChain")
        if part is None or part not in self.pkg.names:
            return
        root = self.pkg.xml(part)
        current = None
        for entry in [] if root is None else root.findall(self.q("c")):
            current = entry.get("i", current)
            sheet_part = sheet_ids.get(current or "")
            cell = parse_ref(entry.get("r", ""))
            if sheet_part is None or cell is None:
                self.problems.append(f"{part}: entry r={entry.get('r')!r} i={current!r} names no worksheet cell")
            elif cell not in self.formula_cells.get(sheet_part, set()):
                self.problems.append(f"{part}: {entry.get('r')} on sheet {current} holds no formula")

    def _check_app_titles(self, sheets) -> None:
        part = "docProps/app.xml"
        root = self.pkg.xml(part) if part in self.pkg.names else None
        if root is None:
            return
        pairs = root.find(f"{{{EXTENDED}}}HeadingPairs/{{{VT}}}vector")
        titles_el = root.find(f"{{{EXTENDED}}}TitlesOfParts/{{{VT}}}vector")
        if pairs is None or titles_el is None:
            return
        titles = [t.text or "" for t in titles_el]
        if titles_el.get("size") not in (None, str(len(titles))):
            self.problems.append(f"{part}: TitlesOfParts size={titles_el.get('size')} but {len(titles)} titles")
        variants = [v[0] for v in pairs]
        counts: list[tuple[str, int]] = []
        for heading, count in zip(variants[::2], variants[1::2], strict=False):
            counts.append((heading.text or "", int(count.text or "0") if (count.text or "").isdigit() else -1))
        if sum(c for _, c in counts) != len(titles):
            self.problems.append(f"{part}: HeadingPairs count {sum(c for _, c in counts)} but {len(titles)} TitlesOfParts")
            return
        start = 0
        for heading, count in counts:
            if heading in ("Worksheets", "Trang tính"):
                listed = titles[start : start + count]
                names = [name for name, *_ in sheets]
                hidden = {name for name, *_ in sheets if self._state(name) == "veryHidden"}
                if set(listed) - set(names) or (set(names) - hidden) - set(listed):
                    self.problems.append(f"{part}: worksheet titles {listed} do not match the sheets {names}")
            start += count

    def _state(self, name: str) -> str:
        for sheet in self.root.iter(self.q("sheet")):
            if sheet.get("name") == name:
                return sheet.get("state", "visible")
        return "visible"


class _Worksheet:
    def __init__(self, book: _Workbook, name: str, part: str):
        self.book, self.name, self.part = book, name, part
        self.problems = book.problems
        self.where = f"{part} ({name})"

    def check(self) -> None:
        root = self.book.pkg.xml(self.part)
        if root is None:
            return
        ns = _ns(root.tag)
        if _local(root.tag) != "worksheet":
            self.problems.append(f"{self.where}: root element {root.tag} is not a worksheet")
            return
        self.q = lambda name: f"{{{ns}}}{name}"
        self._check_order(root, ns)
        self.rels = self.book.pkg.rels(self.part)
        sheet_data = root.find(self.q("sheetData"))
        if sheet_data is None:
            self.problems.append(f"{self.where}: no sheetData")
        else:
            self._check_cells(sheet_data)
        self._check_merges(root)
        self._check_cols(root)
        self._check_conditional_formats(root)
        self._check_validations(root)
        self._check_rids(root)

    def _check_order(self, root, ns: str) -> None:
        last, seen = -1, set()
        for child in root:
            name = _local(child.tag)
            if _ns(child.tag) != ns:
                continue  # mc:AlternateContent and the like: Excel places them by their content
            if name not in WORKSHEET_ORDER:
                self.problems.append(f"{self.where}: unknown element <{name}>")
                continue
            position = WORKSHEET_ORDER.index(name)
            if position < last:
                self.problems.append(f"{self.where}: <{name}> after <{WORKSHEET_ORDER[last]}> (schema order broken)")
            elif name in seen and name not in _REPEATABLE:
                self.problems.append(f"{self.where}: <{name}> appears twice")
            last = max(last, position)
            seen.add(name)

    def _check_style(self, value: str | None, what: str) -> None:
        count = self.book.xf_count
        if value is not None and not (value.isdigit() and int(value) < max(count or 0, 1)):
            self.problems.append(f"{self.where}: {what} style s={value} but {count} cellXfs")

    def _check_cells(self, sheet_data) -> None:
        formulas: set[tuple[int, int]] = set()
        header: dict[tuple[int, int], str] = {}
        masters: set[str] = set()
        shared_uses: dict[str, str] = {}
        last_row = 0
        strings = self.book.shared_strings
        for row in sheet_data:
            if _local(row.tag) != "row":
                self.problems.append(f"{self.where}: <{_local(row.tag)}> inside sheetData")
                continue
            r = row.get("r")
            number = int(r) if r and r.isdigit() else (last_row + 1 if r is None else -1)
            if not 1 <= number <= MAX_ROW or number <= last_row:
                self.problems.append(f"{self.where}: row r={r} after row {last_row} (rows must ascend, unique, within the grid)")
            last_row = max(last_row, number)
            if row.get("customFormat") in ("1", "true"):
                self._check_style(row.get("s"), f"row {number}")
            self._check_row(row, number, strings, formulas, header, masters, shared_uses)
        for si, ref in shared_uses.items():
            if si not in masters:
                self.problems.append(f"{self.where}: cell {ref} uses shared formula si={si} with no master cell")
        self.book.formula_cells[self.part] = formulas
        self.book.sheet_values[self.part] = header

    def _check_row(self, row, number: int, strings: list[str] | None, formulas: set[tuple[int, int]],
                   header: dict[tuple[int, int], str], masters: set[str], shared_uses: dict[str, str]) -> None:
        """The cells of row `number`: in the row, ascending, valid styles and values; their formulas and text collected."""
        last_col = 0
        for cell in row:
            if _local(cell.tag) != "c":
                if _local(cell.tag) != "extLst":
                    self.problems.append(f"{self.where}: <{_local(cell.tag)}> inside row {number}")
                continue
            ref = cell.get("r")
            position = parse_ref(ref) if ref is not None else (number, last_col + 1)
            if position is None or position[0] != number:
                self.problems.append(f"{self.where}: cell r={ref} is not in row {number}")
                continue
            if position[1] <= last_col:
                self.problems.append(f"{self.where}: cell {ref} after column {last_col} in row {number} (cells must ascend)")
            last_col = max(last_col, position[1])
            self._check_style(cell.get("s"), f"cell {ref}")
            text = self._check_value(cell, ref or f"R{number}C{position[1]}", strings)
            if text is not None and len(header) < 200_000:
                header[position] = text
            f = cell.find(self.q("f"))
            if f is not None:
                formulas.add(position)
                if f.get("t") == "shared":
                    si = f.get("si", "")
                    if f.get("ref"):
                        masters.add(si)
                    else:
                        shared_uses.setdefault(si, ref or "")

    def _check_value(self, cell, ref: str, strings: list[str] | None) -> str | None:
        kind = cell.get("t", "n")
        if kind not in _CELL_TYPES:
            self.problems.append(f"{self.where}: cell {ref} has unknown type t={kind!r}")
            return None
        order = [_local(c.tag) for c in cell]
        known = all(name in _CELL_ORDER for name in order)
        if not known or order != sorted(order, key=_CELL_ORDER.index) or len(set(order)) != len(order):
            self.problems.append(f"{self.where}: cell {ref} children {order} out of schema order")
            return None
        v = cell.find(self.q("v"))
        value = None if v is None else (v.text or "")
        if kind == "inlineStr":
            inline = cell.find(self.q("is"))
            if inline is None:  # <is> is optional (openpyxl writes "" so); a value in <v> instead is not
                if v is not None:
                    self.problems.append(f"{self.where}: cell {ref} is an inline string with <v> instead of <is>")
                return None
            parts = [_local(c.tag) for c in inline]
            if not parts or any(p not in ("t", "r", "rPh", "phoneticPr") for p in parts) or ("t" in parts and "r" in parts):
                self.problems.append(f"{self.where}: cell {ref} inline string holds {parts}")
            return "".join(t.text or "" for t in inline.iter(self.q("t")) if _local(t.getparent().tag) != "rPh")
        if not value:  # openpyxl writes an empty <v/> for a formula with no cached value; Excel accepts it
            return value
        if kind == "s":
            if not value.isdigit() or strings is None or int(value) >= len(strings):
                self.problems.append(f"{self.where}: cell {ref} shared string {value!r} but {len(strings or [])} strings")
                return None
            return strings[int(value)]
        if kind == "n":
            try:
                float(value)
            except ValueError:
                self.problems.append(f"{self.where}: cell {ref} number {value!r} is not a number")
        elif kind == "b" and value not in ("0", "1"):
            self.problems.append(f"{self.where}: cell {ref} boolean {value!r}")
        return value

    def _check_merges(self, root) -> None:
        merges: list[tuple[int, int, int, int]] = []
        for merge in root.iter(self.q("mergeCell")):
            area = parse_range(merge.get("ref", ""))
            if area is None:
                self.problems.append(f"{self.where}: mergeCell ref {merge.get('ref')!r} is not a range")
                continue
            clash = next((m for m in merges if _overlap(m, area)), None)
            if clash is not None:
                self.problems.append(f"{self.where}: mergeCell {merge.get('ref')} overlaps another merged range")
            merges.append(area)
        self.book.merges[self.part] = merges

    def _check_cols(self, root) -> None:
        last = 0
        for col in root.iter(self.q("col")):
            low, high = col.get("min", ""), col.get("max", "")
            if not (low.isdigit() and high.isdigit() and 1 <= int(low) <= int(high) <= MAX_COL) or int(low) <= last:
                self.problems.append(f"{self.where}: <col min={low} max={high}> overlaps or is out of order")
                continue
            last = int(high)
            self._check_style(col.get("style"), f"column {low}-{high}")

    def _check_conditional_formats(self, root) -> None:
        priorities: dict[str, int] = {}
        for block in root.findall(self.q("conditionalFormatting")):
            if not block.get("sqref"):
                self.problems.append(f"{self.where}: conditionalFormatting without sqref")
            for rule in block.findall(self.q("cfRule")):
                priority = rule.get("priority", "")
                if not priority.lstrip("-").isdigit():
                    self.problems.append(f"{self.where}: cfRule without a numeric priority ({priority!r})")
                else:
                    priorities[priority] = priorities.get(priority, 0) + 1
                dxf = rule.get("dxfId")
                if dxf is not None and not (dxf.isdigit() and int(dxf) < self.book.dxf_count):
                    self.problems.append(f"{self.where}: cfRule dxfId={dxf} but {self.book.dxf_count} dxfs")
                if rule.get("type") == "expression" and rule.find(self.q("formula")) is None:
                    self.problems.append(f"{self.where}: expression cfRule without a formula")
        for priority, times in priorities.items():
            if times > 1:
                self.problems.append(f"{self.where}: cfRule priority {priority} used {times} times")

    def _check_validations(self, root) -> None:
        for validation in root.iter(self.q("dataValidation")):
            if not validation.get("sqref"):
                self.problems.append(f"{self.where}: dataValidation without sqref")
            formula = validation.find(self.q("formula1"))
            text = "" if formula is None else formula.text or ""
            if validation.get("type") == "list" and text.startswith('"') and len(text) - 2 > 255:
                self.problems.append(f"{self.where}: list validation of {len(text) - 2} characters (Excel allows 255)")

    def _check_rids(self, root) -> None:
        rel_ns = self.book.rel_ns
        wanted = {"hyperlink": "/hyperlink", "drawing": "/drawing", "legacyDrawing": "/vmlDrawing",
                  "legacyDrawingHF": "/vmlDrawing", "tablePart": "/table", "picture": "/image"}
        for element in root.iter():
            name = _local(element.tag)
            rid = element.get(f"{{{rel_ns}}}id")
            if name == "hyperlink":
                if not element.get("ref"):
                    self.problems.append(f"{self.where}: hyperlink without ref")
                if rid is None:
                    if element.get("location") is None:
                        self.problems.append(f"{self.where}: hyperlink {element.get('ref')} with neither r:id nor location")
                    continue
            if rid is None or name not in wanted:
                if rid is not None and rid not in self.rels:
                    self.problems.append(f"{self.where}: <{name}> r:id={rid} not in the sheet's relationships")
                continue
            rel = self.rels.get(rid)
            if rel is None:
                self.problems.append(f"{self.where}: <{name}> r:id={rid} not in the sheet's relationships")
            elif not rel[0].endswith(wanted[name]):
                self.problems.append(f"{self.where}: <{name}> r:id={rid} is a {rel[0].rsplit('/', 1)[-1]} relationship")


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        found = check_package(name)
        print(f"{name}: {'clean' if not found else f'{len(found)} problem(s)'}")
        for problem in found:
            print(f"  {problem}")
        status |= bool(found)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
