"""The conditional formats the tool owns, on a parsed worksheet (lxml root of any namespace prefix).

The tool's rules carry a tag in their formula (`io.writerules.tagged_formula`, `ISTEXT("doithoai-mark")`), so a re-run finds
and replaces exactly its own rules. Everything else stays as the person or another tool made it: other rules of the
same block, other blocks, and the x14 conditional formats inside extLst (data bars, icon sets: never touched, though
their priorities are counted so a new rule's is unique in the sheet).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...core.values import ascii_int
from .order import Element, child, insert_child, local_name, make, tag_in


def _rules(root: Element) -> Iterator[Element]:
    """Every cfRule of the sheet, x14 ones in extLst included (they share the sheet's priorities). Only the blocks and
    the extension list are walked, never the cells: a 4,000-row sheet has ~100,000 elements."""
    for element in root:
        name = local_name(element)
        if name == "conditionalFormatting":
            yield from (rule for rule in element if local_name(rule) == "cfRule")
        elif name == "extLst":
            yield from (e for e in element.iter() if isinstance(e.tag, str) and local_name(e) == "cfRule")


def remove_tagged(root: Element, marker: str) -> bool:
    """Drop the rules whose formula contains `marker` (e.g. '"doithoai-mark"', or '"doithoai-' for all of the
    tool's), and the <conditionalFormatting> blocks left empty. True when anything was removed."""
    removed = False
    for block in [e for e in root if local_name(e) == "conditionalFormatting"]:
        for rule in [e for e in block if local_name(e) == "cfRule"]:
            if any(marker in (f.text or "") for f in rule if local_name(f) == "formula"):
                block.remove(rule)
                removed = True
        if not any(local_name(e) == "cfRule" for e in block):
            root.remove(block)
    return removed


def next_priority(root: Element) -> int:
    priorities = [p for p in (ascii_int(r.get("priority"), signed=True) for r in _rules(root)) if p is not None]
    return max(priorities, default=0) + 1


def add_rule(root: Element, sqref: str, formula: str, dxf_id: int) -> int:
    """Add an expression rule (`formula` without "=") over `sqref` with differential format `dxf_id`; returns its
    priority, one more than any in the sheet. It joins a block of exactly the same range (as openpyxl grouped them),
    or a new block goes at its schema position, after the sheet's other blocks."""
    priority = next_priority(root)
    block = next((e for e in root if local_name(e) == "conditionalFormatting" and e.get("sqref") == sqref
                  and e.get("pivot") is None), None)
    if block is None:
        block = make(root, "conditionalFormatting", {"sqref": sqref})
        insert_child(root, block)
    rule = make(block, "cfRule", {"type": "expression", "dxfId": str(dxf_id), "priority": str(priority)})
    etree.SubElement(rule, tag_in(block, "formula")).text = formula
    # the block's own extLst (CT_ConditionalFormatting: cfRule+, extLst?) stays last
    extension = child(block, "extLst")
    if extension is not None:
        extension.addprevious(rule)
    else:
        block.append(rule)
    return priority
