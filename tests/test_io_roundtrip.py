"""Read the sample workbook, write computed results back, and prove nothing a person typed changed."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile

import openpyxl
import pytest

from doithoai.core import schema
from doithoai.core.model import CellWrite, ChangeSet, ConditionalFormat, SheetWrite
from doithoai.io.reader import read_book, read_frames
from doithoai.io.writer import apply_changes
from doithoai.io.writerules import MARK_TAG
from doithoai.workflows import sample


def snapshot(path):
    """Every cell's value and type, every sheet, plus what must survive: tables, validations, formats, VBA."""
    wb = openpyxl.load_workbook(path, keep_vba=True)
    cells = {}
    structure = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[(ws.title, c.coordinate)] = (c.value, type(c.value).__name__, c.number_format)
        structure[ws.title] = (
            sorted(ws.tables.items()),
            sorted((str(dv.sqref), dv.formula1) for dv in ws.data_validations.dataValidation),
            ws.freeze_panes,
        )
    with zipfile.ZipFile(path) as archive:
        vba = archive.read("xl/vbaProject.bin") if "xl/vbaProject.bin" in archive.namelist() else None
        vml = sorted(n for n in archive.namelist() if n.endswith(".vml"))
    return cells, structure, vba, vml, sorted(wb.defined_names)


def test_demo_counts(demo_path):
    book = read_book(demo_path)
    assert len(book.delegates) == sample.DELEGATES
    assert len(book.slips) == sample.SLIPS
    assert len(book.petitions) == sample.PETITIONS
    assert len(book.assignments) > 0
    assert book.settings["ngay_hoi_nghi"] == dt.date(2026, 6, 12)
    assert book.settings["ten_don_vi"] == "Tứ Minh"


def test_text_stays_text_and_nfc(demo_path):
    book = read_book(demo_path)
    phones = [r["dien_thoai"] for r in book.slips if r["dien_thoai"]]
    assert phones and all(isinstance(p, str) and p.startswith("0") and len(p) == 10 for p in phones)
    years = [r["nam_sinh"] for r in book.slips if r["nam_sinh"]]
    assert years and all(isinstance(y, str) and len(y) == 4 for y in years)
    for table in book.tables.values():
        for record in table:
            for value in record.values.values():
                if isinstance(value, str):
                    assert unicodedata.is_normalized("NFC", value)


def test_frames(demo_path):
    frames = read_frames(demo_path)
    assert len(frames["kien_nghi"]) == sample.PETITIONS
    assert frames["phieu"]["dien_thoai"].str.startswith("0").all()


def test_write_computed_columns_keeps_every_typed_cell(tmp_book):
    before_cells, before_structure, vba, vml, names = snapshot(tmp_book)
    book = read_book(tmp_book)
    table = book.assignments
    column = table.columns["tinh_trang"]
    writes = [CellWrite("Phân công", r.row, column, f"Còn {i} ngày") for i, r in enumerate(table.records)]
    due = table.columns["han_hoan_thanh"]
    writes += [CellWrite("Phân công", r.row, due, dt.date(2026, 6, 5), schema.DATE_FORMAT) for r in table.records]
    first = book.slips.records[0]
    changes = ChangeSet(
        cells=writes,
        sheets=[SheetWrite("Kiểm tra", [["Mức độ", "Ô"], ["Lỗi", "B2"]], links={(2, 2): "'Phiếu đăng ký'!B2"})],
        marks={"Phiếu đăng ký": [book.slips.address("ho_ten", first.row)]},
        formats=[ConditionalFormat("Phân công", "A2:H200", "$E2<TODAY()", "FFC7CE", "doithoai-test")],
    )
    apply_changes(tmp_book, changes)
    after_cells, after_structure, after_vba, after_vml, after_names = snapshot(tmp_book)
    written = {("Phân công", w.address) for w in writes}
    for key, value in before_cells.items():
        if key not in written:
            assert after_cells.get(key) == value, key
    assert after_structure == {**before_structure, "Kiểm tra": after_structure["Kiểm tra"]}
    assert after_vba == vba and after_vml == vml and after_names == names
    reread = read_book(tmp_book)
    assert reread.assignments.records[0]["tinh_trang"] == "Còn 0 ngày"
    assert reread.assignments.records[0]["han_hoan_thanh"] == dt.date(2026, 6, 5)
    wb = openpyxl.load_workbook(tmp_book)
    assert wb["Kiểm tra"]["B2"].hyperlink.location == "'Phiếu đăng ký'!B2"


def test_marks_and_formats_replace_their_previous_run_only(tmp_book):
    wb = openpyxl.load_workbook(tmp_book, keep_vba=True)
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    # A rule the office added by hand must survive.
    wb["Phiếu đăng ký"].conditional_formatting.add("A2:A10", CellIsRule(operator="equal", formula=['"P-001"'],
                                                                        fill=PatternFill("solid", bgColor="00FF00")))
    wb.save(tmp_book)
    apply_changes(tmp_book, ChangeSet(marks={"Phiếu đăng ký": ["C2", "D3"]}))
    apply_changes(tmp_book, ChangeSet(marks={"Phiếu đăng ký": ["E4"]}))
    rules = [(str(cf.sqref),
              r.formula) for cf in openpyxl.load_workbook(tmp_book)["Phiếu đăng ký"].conditional_formatting for r in cf.rules]
    assert ("A2:A10", ['"P-001"']) in rules
    marked = [ref for ref, f in rules if any(MARK_TAG in x for x in f)]
    assert marked == ["E4"]
    apply_changes(tmp_book, ChangeSet(marks={}))
    rules = [r.formula for cf in openpyxl.load_workbook(tmp_book)["Phiếu đăng ký"].conditional_formatting for r in cf.rules]
    assert rules == [['"P-001"']]


def test_writing_a_typed_column_is_refused(tmp_book):
    book = read_book(tmp_book)
    record = book.slips.records[0]
    with pytest.raises(ValueError, match="not a computed column"):
        apply_changes(tmp_book, ChangeSet(cells=[CellWrite("Phiếu đăng ký", record.row, book.slips.columns["ho_ten"], "X")]))
