"""Text a person typed prints as typed in every document, docxtpl's own markers (`{_{`, `}_}`…) included."""

from __future__ import annotations

import openpyxl
from docx import Document

from doithoai.cli import main
from doithoai.core import schema

TYPED = "Tứ {_{Minh}_} {_%x%_}"


def _text(path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts).replace("\u2060", "")  # the word joiner is invisible on the page


def test_docxtpl_markers_typed_in_the_workbook_print_literally(tmp_book, tmp_path):
    label = next(s.label for s in schema.SETTINGS if s.key == "ten_don_vi")
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    sheet = workbook[schema.SETTINGS_SHEET]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == label)
    sheet.cell(row, 2).value = TYPED
    workbook.save(tmp_book)
    out = tmp_path / "ra"
    assert main(["documents", str(tmp_book), "--kind", "letters", "--kind", "report", "--no-pdf", "--no-write",
                 "--out", str(out)]) == 0
    documents = list(out.rglob("*.docx"))
    assert len(documents) > 2
    for document in documents:
        text = _text(document)
        assert "Tứ {_{Minh}_} {_%x%_}" in text, (document.name, text[:300])
        assert "{{Minh}}" not in text
