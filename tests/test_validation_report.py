"""The `Kiểm tra` sheet, its links and the marks, written into real workbooks and re-run."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import openpyxl
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill

from doithoai.book.builder import build_workbook
from doithoai.core import schema
from doithoai.core.model import Finding
from doithoai.io.access import FileWorkbook
from doithoai.io.writerules import MARK_TAG
from doithoai.validation.jobs import validate
from doithoai.validation.report import HEADER, NOTHING_FOUND, marks_for

TODAY = dt.date(2026, 7, 1)


def rules(worksheet):
    """[(sqref, formula)] of every conditional format on a sheet."""
    return [(str(cf.sqref), (rule.formula or [""])[0]) for cf in worksheet.conditional_formatting for rule in cf.rules]


def marked(workbook) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for ws in workbook.worksheets:
        for sqref, formula in rules(ws):
            if MARK_TAG in formula:
                found.setdefault(ws.title, set()).update(sqref.split())
    return found


def expand(ranges: set[str]) -> set[str]:
    cells = set()
    for item in ranges:
        if ":" in item:
            first, last = item.split(":")
            letters = first.rstrip("0123456789")
            cells.update(f"{letters}{r}" for r in range(int(first[len(letters):]), int(last[len(letters):]) + 1))
        else:
            cells.add(item)
    return cells


def test_demo_workbook_has_no_errors(demo_path):
    result = validate(FileWorkbook(demo_path), write=False, today=TODAY)
    assert result.counts["error"] == 0, [f.message for f in result.findings if f.is_error]
    # What the sample gives on purpose: more speakers than time, two slips outside the dialogue's scope; similar
    # petitions from different people may be flagged as near duplicates.
    codes = Counter(f.code for f in result.findings)
    assert set(codes) <= {"near_duplicate_petition", "speakers_exceed_time", "out_of_scope"} and codes["out_of_scope"] == 2


def test_check_sheet_links_and_marks_after_a_rerun(tmp_book):
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    slips = workbook[schema.SLIPS.name]
    slips["D2"] = "nam"  # not in the list
    slips["H3"] = "12345"  # not a phone
    # A person's own conditional format, which marks must never disturb.
    slips.conditional_formatting.add(
        "A2:A100", CellIsRule(operator="equal", formula=['"P-001"'], fill=PatternFill("solid", bgColor="FFFF00")))
    workbook.save(tmp_book)
    access = FileWorkbook(tmp_book)

    first = validate(access, today=TODAY)
    assert first.has_errors and first.written
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    sheet = workbook[schema.CHECK_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADER and len(rows) == len(first.findings) + 1
    for index, finding in enumerate(first.findings, start=2):
        assert rows[index - 1][2] == finding.cell and rows[index - 1][5] == finding.message
        link = sheet.cell(row=index, column=3).hyperlink
        if finding.cell:
            sheet_name, cell = link.location.rsplit("!", 1)
            assert sheet_name.strip("'") == finding.sheet and cell == finding.cell
            assert sheet_name.strip("'") in workbook.sheetnames
    assert {"D2", "H3"} <= expand(marked(workbook)[schema.SLIPS.name])
    assert ("A2:A100", '"P-001"') in rules(workbook[schema.SLIPS.name])

    # The person corrects one cell; the next run forgets the old finding and its mark.
    slips = workbook[schema.SLIPS.name]
    slips["D2"] = "Nam"
    workbook.save(tmp_book)
    second = validate(access, today=TODAY)
    assert len(second.findings) == len(first.findings) - 1
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    assert workbook.sheetnames.count(schema.CHECK_SHEET) == 1
    assert len(list(workbook[schema.CHECK_SHEET].iter_rows())) == len(second.findings) + 1
    slip_marks = expand(marked(workbook)[schema.SLIPS.name])
    assert "D2" not in slip_marks and "H3" in slip_marks
    assert sum(MARK_TAG in formula for _, formula in rules(workbook[schema.SLIPS.name])) == 1
    assert ("A2:A100", '"P-001"') in rules(workbook[schema.SLIPS.name])


def test_no_findings_says_so_and_clears_the_marks(tmp_path):
    path = tmp_path / "sach.xlsx"
    settings = {"ten_don_vi": "Tứ Minh", "ngay_ke_hoach": dt.date(2026, 5, 15), "ngay_hoi_nghi": dt.date(2026, 6, 12)}
    build_workbook(path, data={"settings": settings, "tables": {}})
    workbook = openpyxl.load_workbook(path)
    workbook[schema.SLIPS.name].conditional_formatting.add(
        "C5", CellIsRule(operator="equal", formula=['"x"'], fill=PatternFill("solid", bgColor="FFC7CE"))
    )
    workbook.save(path)
    result = validate(FileWorkbook(path), today=TODAY)
    assert result.findings == [] and "không có lỗi hay cảnh báo nào" in result.summary
    workbook = openpyxl.load_workbook(path)
    rows = list(workbook[schema.CHECK_SHEET].iter_rows(values_only=True))
    assert rows[0] == HEADER and len(rows) == 2 and rows[1][5] == NOTHING_FOUND
    assert marked(workbook) == {}
    assert ("C5", '"x"') in rules(workbook[schema.SLIPS.name])


def test_no_write_leaves_the_file_alone(tmp_book):
    content = tmp_book.read_bytes()
    result = validate(FileWorkbook(tmp_book), write=False, today=TODAY)
    assert not result.written and tmp_book.read_bytes() == content


def test_marks_merge_runs_of_cells():
    findings = [Finding("Phiếu đăng ký", r, "Giới tính", f"D{r}", "error", "x", "m") for r in (2, 3, 4, 7)]
    findings.append(Finding("Phiếu đăng ký", 2, "Mã phiếu", "AA2", "error", "x", "m"))
    findings.append(Finding("Kế hoạch", None, "Tên phường, xã", "", "error", "x", "m"))
    assert marks_for(findings) == {"Phiếu đăng ký": ["D2:D4", "D7", "AA2"]}
