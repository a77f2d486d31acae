"""Where a child element goes in a worksheet part, and how a part is written out.

Excel refuses (or "repairs") a sheet whose children are out of the schema's order (CT_Worksheet in ECMA-376 part 1,
18.3.1.99), so every element the patch writer adds is placed with `insert_child`, never appended. New elements take
the namespace of their parent (`make`, `tag_in`), so a part from a .NET tool keeps its `x:` prefix."""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

# An element of a part (lxml ships no type information, so mypy sees Any; the name says what is meant).
Element: TypeAlias = etree._Element

WORKSHEET_ORDER: tuple[str, ...] = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
    "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
    "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
    "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
    "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
    "extLst",
)
_POSITION = {name: index for index, name in enumerate(WORKSHEET_ORDER)}


def local_name(element: Element) -> str | None:
    """The element's name without namespace; None for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    return tag.rpartition("}")[2]


def position(element: Element) -> int | None:
    """The element's place in WORKSHEET_ORDER; None for anything the schema does not list there (mc:AlternateContent,
    comments): such children are never used as an anchor, so they stay where the source put them."""
    name = local_name(element)
    return None if name is None else _POSITION.get(name)


def insert_child(root: Element, element: Element, order: dict[str, int] | None = None) -> None:
    """Insert `element` into `root` before the first known child that the schema puts after it (after every child of
    the same kind: a new <conditionalFormatting> goes after the existing ones). `order` defaults to the worksheet's;
    styles.py passes the stylesheet's."""
    order = _POSITION if order is None else order
    name = local_name(element)
    if name not in order:
        raise ValueError(f"{name!r} has no place in this part's schema order")
    rank = order[name]
    for index, child in enumerate(root):
        child_name = local_name(child)
        if child_name is not None and order.get(child_name, -1) > rank:
            root.insert(index, element)
            return
    root.append(element)


def child(root: Element, name: str) -> Element | None:
    """The first direct child called `name` (any namespace prefix, the part's own namespace), or None."""
    for element in root:
        if local_name(element) == name:
            return element
    return None


def make(parent_or_root: Element, name: str, attrib: dict[str, str] | None = None) -> Element:
    """A new element called `name` in the namespace of `parent_or_root` (so a document using `x:` keeps its prefix),
    not yet attached."""
    return etree.Element(tag_in(parent_or_root, name), attrib or {})


def tag_in(element: Element, name: str) -> str:
    """The tag `name` in `element`'s namespace."""
    namespace = etree.QName(element).namespace
    return f"{{{namespace}}}{name}" if namespace else name


XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def part_bytes(root: Element) -> bytes:
    """A part as Excel writes one: UTF-8 with the declaration in double quotes (lxml's own uses single quotes)."""
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8")
