"""The workbook's cell formats (xl/styles.xml), read and extended by the patch writer.

A written cell keeps the look the person gave it; only what a job asks changes (a date format for a date, the
report sheet's bold header, a conditional format's colours). `Styles.derive` copies a cell format (an xf of
<cellXfs>) with those changes, reusing an identical font, fill, number format or xf when the file already has one,
so a second run adds nothing. Derived fonts start from the base format's font (a new report sheet uses the workbook's
own typeface and size, not openpyxl's Calibri). Unknown elements, extLst and the namespace prefix of the source
document (`x:` from .NET tools) are kept as they are.

Decisions: `wrap=True` means wrapped text aligned to the top of the cell (the only wrapping the tool writes); a
conditional format's fill is solid with the same colour as pattern and background (what openpyxl wrote and what
both Excel and LibreOffice show); colours are opaque ARGB ("DDEBF7", "#DDEBF7" and "FFDDEBF7" are the same colour).
"""

from __future__ import annotations

import copy
import re
from functools import partial

from lxml import etree

from .order import Element, child, insert_child, local_name, make, part_bytes, tag_in

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

STYLESHEET_ORDER = {name: i for i, name in enumerate((
    "numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors",
    "extLst"))}
FONT_ORDER = {name: i for i, name in enumerate((
    "b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family",
    "charset", "scheme"))}
XF_ORDER = {name: i for i, name in enumerate(("alignment", "protection", "extLst"))}

# Excel's built-in number formats that mean the same in every locale, by code (others get a custom numFmt).
BUILTIN_FORMATS = {
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "# ?/?": 12,
    "# ??/??": 13, "mm-dd-yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19,
    "h:mm": 20, "h:mm:ss": 21, "m/d/yy h:mm": 22, "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47, "##0.0E+0": 48, "@": 49,
}
_BUILTIN_CODES = {number: code for code, number in BUILTIN_FORMATS.items()}
# Built-in ids Excel shows as a date or time: 14-22 and 45-47 everywhere, 27-36 and 50-58 in East Asian locales.
DATE_IDS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
_DATE_CODES = re.compile(r"[dmyhs]", re.IGNORECASE)

MINIMAL = (
    f'<styleSheet xmlns="{MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1">'
    '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>'
).encode()

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


def argb(color: str) -> str:
    """"DDEBF7", "#ddebf7" or "FFDDEBF7" -> "FFDDEBF7"."""
    value = color.strip().lstrip("#").upper()
    if re.fullmatch(r"[0-9A-F]{6}", value):
        return "FF" + value
    if re.fullmatch(r"[0-9A-F]{8}", value):
        return value
    raise ValueError(f"not an RGB colour: {color!r}")


def is_date_format(code: str) -> bool:
    """A number format code that shows a serial number as a date or a time."""
    return bool(_DATE_CODES.search(_NOT_DATE_PARTS.sub("", code))) and code.lower() != "general"


def _key(element: Element) -> tuple:
    """What makes two style entries the same, whatever the prefixes: names, attributes, text, children."""
    attrs = tuple(sorted((etree.QName(k).localname if k.startswith("{") else k, v) for k, v in element.attrib.items()))
    children = tuple(_key(c) for c in element if isinstance(c.tag, str))
    return local_name(element), attrs, (element.text or "").strip(), children


class Styles:
    """xl/styles.xml of one workbook (a minimal one when it has none: `created` is then True and the package layer
    adds the part, its relationship and its content type)."""

    def __init__(self, data: bytes | None) -> None:
        self.created = data is None
        self.changed = self.created
        self._root = etree.fromstring(data if data is not None else MINIMAL, _PARSER)
        self._keys: dict[str, dict[tuple, int]] = {}
        self._derived: dict[tuple, int] = {}
        # Section name -> its entries, listed once: a clerk's book may hold 60,000 cell formats, and every date written
        # asks for its cell's format (listing them per call made the write quadratic). Kept in step by every change.
        self._lists: dict[str, list] = {}
        if not self._entries("cellXfs"):
            self._ensure_defaults()

    # -- reading -------------------------------------------------------------------------------------------

    def _section(self, name: str) -> Element | None:
        return child(self._root, name)

    def _made_section(self, name: str) -> Element:
        """The section called `name`, added (empty, in the schema's order) when the file has none."""
        section = child(self._root, name)
        if section is None:
            section = make(self._root, name, {"count": "0"})
            insert_child(self._root, section, STYLESHEET_ORDER)
        return section

    def _entries(self, name: str) -> list:
        if name not in self._lists:
            section = self._section(name)
            self._lists[name] = [] if section is None else [e for e in section if isinstance(e.tag, str)]
        return self._lists[name]

    def xf(self, index: int) -> Element:
        xfs = self._entries("cellXfs")
        return xfs[index] if 0 <= index < len(xfs) else xfs[0]

    def number_format(self, xf: int) -> str:
        """The number format code of cell format `xf` ("General" when unknown)."""
        number = int(self.xf(xf).get("numFmtId", "0") or 0)
        for entry in self._entries("numFmts"):
            if entry.get("numFmtId") == str(number):
                return entry.get("formatCode", "General")
        return _BUILTIN_CODES.get(number, "General")

    def is_date(self, xf: int) -> bool:
        """Whether Excel shows a number in cell format `xf` as a date or time (built-in ids 14-22, 27-36, 45-47,
        50-58; custom codes with d, m, y, h or s outside quotes and colour/locale brackets)."""
        number = int(self.xf(xf).get("numFmtId", "0") or 0)
        for entry in self._entries("numFmts"):
            if entry.get("numFmtId") == str(number):
                return is_date_format(entry.get("formatCode", ""))
        return number in DATE_IDS

    # -- adding --------------------------------------------------------------------------------------------

    def _add(self, section_name: str, element: Element) -> int:
        """Index of an entry equal to `element` in the section, appending it when there is none."""
        section = self._made_section(section_name)
        keys = self._keys.get(section_name)
        if keys is None:
            keys = {}
            for index, entry in enumerate(e for e in section if isinstance(e.tag, str)):
                keys.setdefault(_key(entry), index)
            self._keys[section_name] = keys
        key = _key(element)
        if key in keys:
            return keys[key]
        index = len(self._entries(section_name))
        section.append(element)
        self._entries(section_name).append(element)
        section.set("count", str(index + 1))
        keys[key] = index
        self.changed = True
        return index

    def number_format_id(self, code: str) -> int:
        """The numFmtId of format `code`: the file's own custom entry, else a built-in id, else a new custom entry."""
        entries = self._entries("numFmts")
        for entry in entries:
            if entry.get("formatCode") == code:
                return int(entry.get("numFmtId", "0"))
        if code in BUILTIN_FORMATS:
            return BUILTIN_FORMATS[code]
        section = self._made_section("numFmts")
        number = max([163, *(int(e.get("numFmtId", "0")) for e in entries)]) + 1
        section.append(make(section, "numFmt", {"numFmtId": str(number), "formatCode": code}))
        self._lists.pop("numFmts", None)
        section.set("count", str(len(entries) + 1))
        self.changed = True
        return number

    def _font(self, base_font: int, bold: bool, underline: bool, font_color: str | None) -> int:
        fonts = self._entries("fonts")
        font = copy.deepcopy(fonts[base_font] if 0 <= base_font < len(fonts) else fonts[0])
        wanted: dict[str, dict[str, str]] = {}
        if bold:
            wanted["b"] = {}
        if underline:
            wanted["u"] = {}
        if font_color:
            wanted["color"] = {"rgb": argb(font_color)}
        for name, attrib in wanted.items():
            old = child(font, name)
            if old is not None:
                font.remove(old)
            insert_child(font, make(font, name, attrib), FONT_ORDER)
        return self._add("fonts", font)

    def _fill(self, color: str) -> Element:
        fill = make(self._root, "fill")
        pattern = etree.SubElement(fill, tag_in(fill, "patternFill"), patternType="solid")
        etree.SubElement(pattern, tag_in(fill, "fgColor"), rgb=argb(color))
        etree.SubElement(pattern, tag_in(fill, "bgColor"), indexed="64")
        return fill

    def derive(self, base_xf: int, *, number_format: str | None = None, bold: bool = False, fill: str | None = None,
               font_color: str | None = None, underline: bool = False, wrap: bool = False, top: bool = False) -> int:
        """A cellXfs index: cell format `base_xf` with these changes (the same index when nothing changes). `wrap`:
        wrapped and aligned to the top; `top`: aligned to the top only (a cell beside a wrapped one)."""
        request = (base_xf, number_format, bold, fill, font_color, underline, wrap, top)
        if request in self._derived:
            return self._derived[request]
        if number_format is None and not (bold or fill or font_color or underline or wrap or top):
            return base_xf
        base = self.xf(base_xf)
        xf = copy.deepcopy(base)
        if number_format is not None:
            xf.set("numFmtId", str(self.number_format_id(number_format)))
            xf.set("applyNumberFormat", "1")
        if bold or underline or font_color:
            xf.set("fontId", str(self._font(int(base.get("fontId", "0") or 0), bold, underline, font_color)))
            xf.set("applyFont", "1")
        if fill:
            xf.set("fillId", str(self._add("fills", self._fill(fill))))
            xf.set("applyFill", "1")
        if wrap or top:
            alignment = child(xf, "alignment")
            if alignment is None:
                alignment = make(xf, "alignment")
                insert_child(xf, alignment, XF_ORDER)
            if wrap:
                alignment.set("wrapText", "1")
            alignment.set("vertical", "top")
            xf.set("applyAlignment", "1")
        index = self._add("cellXfs", xf)
        self._derived[request] = index
        return index

    def dxf(self, fill: str, font_color: str | None = None) -> int:
        """A <dxfs> index (differential format of a conditional format): solid `fill`, optional font colour."""
        dxf = make(self._root, "dxf")
        tag = partial(tag_in, dxf)
        if font_color:
            font = etree.SubElement(dxf, tag("font"))
            etree.SubElement(font, tag("color"), rgb=argb(font_color))
        pattern = etree.SubElement(etree.SubElement(dxf, tag("fill")), tag("patternFill"), patternType="solid")
        etree.SubElement(pattern, tag("fgColor"), rgb=argb(fill))
        etree.SubElement(pattern, tag("bgColor"), rgb=argb(fill))
        return self._add("dxfs", dxf)

    def _ensure_defaults(self) -> None:
        """A styles.xml without cell formats (some generators write one): the minimal defaults, so index 0 exists."""
        minimal = etree.fromstring(MINIMAL, _PARSER)
        for name in ("fonts", "fills", "borders", "cellStyleXfs", "cellXfs"):
            if not self._entries(name):
                old = self._section(name)
                if old is not None:
                    self._root.remove(old)
                section = self._made_section(name)
                self._lists.pop(name, None)
                defaults = child(minimal, name)
                assert defaults is not None  # MINIMAL has every section this loop names
                for entry in defaults:
                    section.append(_renamespaced(entry, etree.QName(section).namespace))
                section.set("count", str(len(section)))
                self._lists.pop(name, None)
        self.changed = True

    def to_bytes(self) -> bytes:
        return part_bytes(self._root)


def _renamespaced(element: Element, namespace: str | None) -> Element:
    """A copy of `element` (from MINIMAL's namespace) in `namespace`."""
    out = copy.deepcopy(element)
    for node in out.iter():
        if isinstance(node.tag, str):
            name = etree.QName(node).localname
            node.tag = f"{{{namespace}}}{name}" if namespace else name
    return out
