"""xlsxpatch.condformat on real sheet XML: the sample workbook's sheets carrying the tool's rules next to a person's
own, and an XlsxWriter sheet with an x14 data bar. Only the tool's tagged rules go; priorities stay unique; the
schema order holds; the result reads back in openpyxl with the asked formula and colours."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from lxml import etree
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import PatternFill

from doithoai.core import schema
from doithoai.io.writerules import MARK_FILL, MARK_FONT, MARK_TAG, tagged_formula
from doithoai.io.xlsxpatch.condformat import add_rule, next_priority, remove_tagged
from doithoai.io.xlsxpatch.order import WORKSHEET_ORDER, local_name
from doithoai.io.xlsxpatch.styles import Styles
from tests import xlsx_parts
from tests.xlsx_conformance import check_package

MARK = f'"{MARK_TAG}"'
OVERDUE = tagged_formula('AND($F2<>"",$G2="",$F2<TODAY())', "doithoai-deadline-overdue")


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> part, through workbook.xml and its relationships."""
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = etree.fromstring(xlsx_parts.read_part(path, "xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(xlsx_parts.read_part(path, "xl/_rels/workbook.xml.rels"))}
    return {s.get("name"): "xl/" + rels[s.get(f"{{{rel_ns}}}id")].removeprefix("/xl/")
            for s in workbook.iter() if etree.QName(s).localname == "sheet"}


@pytest.fixture(scope="module")
def marked(tmp_path_factory, demo_path) -> Path:
    """The sample workbook as the tool leaves it after `validate` and `deadlines` (made with openpyxl, as the tool's
    old writer did), plus a rule the person made on the assignments sheet."""
    workbook = openpyxl.load_workbook(demo_path, keep_vba=True)
    slips = workbook[schema.SLIPS.name]
    slips.conditional_formatting.add("J57 J60", FormulaRule(formula=[f"ISTEXT({MARK})"],
                                                           fill=PatternFill("solid", fgColor=MARK_FILL, bgColor=MARK_FILL)))
    assignments = workbook[schema.ASSIGNMENTS.name]
    assignments.conditional_formatting.add("A2:I1000", CellIsRule(operator="equal", formula=['"Xong"'],
                                                                  fill=PatternFill("solid", bgColor="C6EFCE")))
    assignments.conditional_formatting.add("A2:I1000", FormulaRule(formula=[OVERDUE],
                                                                   fill=PatternFill("solid", bgColor="FFC7CE")))
    assignments.data_validations.append(openpyxl.worksheet.datavalidation.DataValidation(type="whole", sqref="Z1"))
    target = tmp_path_factory.mktemp("cf") / "marked.xlsm"
    workbook.save(target)
    return target


def _root(path: Path, sheet: str):
    return etree.fromstring(xlsx_parts.read_part(path, _sheet_parts(path)[sheet]))


def _rules(root) -> list[tuple[str, str]]:
    return [(block.get("sqref"), "".join(f.text or "" for f in rule if local_name(f) == "formula"))
            for block in root if local_name(block) == "conditionalFormatting" for rule in block if local_name(rule) == "cfRule"]


def _in_order(root) -> bool:
    ranks = [WORKSHEET_ORDER.index(local_name(e)) for e in root if local_name(e) in WORKSHEET_ORDER]
    return ranks == sorted(ranks)


def test_removing_marks_keeps_every_other_rule(marked):
    slips = _root(marked, schema.SLIPS.name)
    assert remove_tagged(slips, MARK)
    assert _rules(slips) == [] and not any(local_name(e) == "conditionalFormatting" for e in slips)
    assignments = _root(marked, schema.ASSIGNMENTS.name)
    before = _rules(assignments)
    assert not remove_tagged(assignments, MARK) and _rules(assignments) == before
    assert remove_tagged(assignments, '"doithoai-')
    assert _rules(assignments) == [("A2:I1000", '"Xong"')]  # the person's rule, in its block


def test_adding_rules_unique_priorities_schema_order_and_read_back(marked, tmp_path):
    styles = Styles(xlsx_parts.read_part(marked, "xl/styles.xml"))
    part = _sheet_parts(marked)[schema.ASSIGNMENTS.name]
    root = _root(marked, schema.ASSIGNMENTS.name)
    remove_tagged(root, '"doithoai-')
    first = add_rule(root, "A2:I1000", OVERDUE, styles.dxf("FFC7CE", "9C0006"))
    second = add_rule(root, "B5 C7:C9", f"ISTEXT({MARK})", styles.dxf(MARK_FILL, MARK_FONT))
    priorities = [int(r.get("priority")) for r in root.iter() if isinstance(r.tag, str) and local_name(r) == "cfRule"]
    assert len(priorities) == len(set(priorities)) and second == first + 1 == next_priority(root) - 1
    assert _in_order(root)
    blocks = [e for e in root if local_name(e) == "conditionalFormatting"]
    assert [b.get("sqref") for b in blocks] == ["A2:I1000", "B5 C7:C9"]  # same range joins the person's block
    path = xlsx_parts.rewrite(marked, tmp_path / "added.xlsm", {part: etree.tostring(root), "xl/styles.xml": styles.to_bytes()})
    assert check_package(path) == []
    sheet = openpyxl.load_workbook(path, keep_vba=True)[schema.ASSIGNMENTS.name]
    found = {str(cf.sqref): [(r.formula, r.dxf.fill.bgColor.rgb if r.dxf and r.dxf.fill else None,
                              r.dxf.font.color.rgb if r.dxf and r.dxf.font and r.dxf.font.color else None) for r in cf.rules]
             for cf in sheet.conditional_formatting}
    assert found["B5 C7:C9"] == [([f"ISTEXT({MARK})"], "FF" + MARK_FILL, "FF" + MARK_FONT)]
    assert ([OVERDUE], "FFFFC7CE", "FF9C0006") in found["A2:I1000"]


def test_x14_rules_in_extlst_are_untouched(tmp_path):
    path = tmp_path / "x14.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("S")
    for i in range(10):
        sheet.write(i, 0, i)
    sheet.conditional_format("A1:A10", {"type": "data_bar", "data_bar_2010": True})
    bold = workbook.add_format({"bold": True})
    sheet.conditional_format("A1:A10", {"type": "formula", "criteria": '=ISTEXT("doithoai-x")', "format": bold})
    sheet.data_validation("B1:B5", {"validate": "list", "source": ["a", "b"]})
    workbook.close()
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    extension = etree.tostring(next(e for e in root if local_name(e) == "extLst"), method="c14n")
    assert remove_tagged(root, '"doithoai-')
    assert [local_name(r) for b in root if local_name(b) == "conditionalFormatting" for r in b] == ["cfRule"]  # the data bar
    add_rule(root, "C1:C3", f"ISTEXT({MARK})", 0)
    assert etree.tostring(next(e for e in root if local_name(e) == "extLst"), method="c14n") == extension
    assert _in_order(root)
    names = [local_name(e) for e in root]
    assert names.index("conditionalFormatting") < names.index("dataValidations")


def test_a_sheet_without_rules_and_the_x_prefix(marked):
    dotnet = etree.fromstring(xlsx_parts.prefixed(xlsx_parts.read_part(marked, _sheet_parts(marked)[schema.DELEGATES.name])))
    assert not remove_tagged(dotnet, MARK)
    assert add_rule(dotnet, "A2", f"ISTEXT({MARK})", 3) == 1
    data = etree.tostring(dotnet)
    assert b"<x:conditionalFormatting" in data and b"<x:formula>" in data and _in_order(dotnet)
