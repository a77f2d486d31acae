"""Typing into a workbook as a person would, whatever the text: control characters included (Excel stores them as
`_xHHHH_` escapes), through the package writer and then the sheet part itself."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from xlsx_parts import edit_parts, sheet_part

from doithoai.core.model import CellWrite, ChangeSet
from doithoai.io.xlsxpatch.cellvalue import excel_text, xml_escape

_C0 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def excel_escaped(text: str) -> str:
    """Text as Excel writes it into a string item: literal escapes escaped, then control characters as `_xHHHH_`."""
    return _C0.sub(lambda m: f"_x{ord(m.group()):04X}_", xml_escape(excel_text(text)))


def type_cells(path: Path, sheet: str, cells: dict[tuple[int, int], Any]) -> None:
    """Put `cells` ((row, column) -> value; None clears) into `sheet` of the workbook at `path`, text kept exactly."""
    from doithoai.io.writer import apply_changes

    marks: dict[str, str] = {}
    writes = []
    for number, ((row, column), value) in enumerate(sorted(cells.items())):
        if isinstance(value, str) and value:
            token = f"QQTYPED{number}QQ"
            marks[token] = value
            value = token
        writes.append(CellWrite(sheet, row, column, value))
    apply_changes(path, ChangeSet(cells=writes, allow_user_cells=True), make_backup=False)
    if marks:
        part = sheet_part(path, sheet)

        def put(xml: bytes) -> bytes:
            text = xml.decode("utf-8")
            for token, value in marks.items():
                text = text.replace(token, excel_escaped(value), 1)
            return text.encode("utf-8", "surrogatepass")

        edit_parts(path, {part: put})
