"""Writing results into a workbook file with openpyxl, without touching what a person typed.

Every write is one transaction: refuse if the file is open in Excel, read-only or held by another run, load
(keeping the VBA project of an .xlsm), check every write, apply, save to a temporary file, back up the previous
file, replace. Cells may only be written in the schema's computed columns unless the job is an explicit fix
(`ChangeSet.allow_user_cells`).

Every check that can refuse runs before the first cell changes (`check_writable` even before a job renders its
documents), so a refusal leaves everything as it was. Text is always written as text: a value from a person
that starts with "=" (a typo `=KN-001`, or a planted `=cmd|…`) or looks like an error code stays a string, never
a formula; the control characters Excel's file format forbids (U+0001, vertical tab…) are dropped. Each sheet's
tool-owned columns are found once per write, so a write costs time in proportion to the cells it changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .. import schema
from ..errors import DoithoaiError, ExitStatus, UnusableFile
from ..keys import header_key
from ..model import CellWrite, ChangeSet, ConditionalFormat, RowWrite, SheetWrite, cell_address, column_letter
from ..text import EXCEL_CELL_LIMIT, XLSX_ILLEGAL, thousands
from .files import atomic_save, backup, check_can_write, check_not_open, check_workbook_file
from .tables import find_sheet

T = TypeVar("T")

MARK_TAG = "doithoai-mark"
MARK_FILL = "FFC7CE"
MARK_FONT = "9C0006"
_TAG_PREFIX = '"doithoai-'


def tagged_formula(formula: str, tag: str) -> str:
    """A formula that carries its owner's tag: AND(x, ISTEXT("tag")) is x, and the tag finds it again."""
    return f'AND({formula},ISTEXT("{tag}"))'


def load(path: Path):
    import openpyxl

    path = check_workbook_file(Path(path))
    try:
        return openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=True)
    except Exception as exc:
        raise UnusableFile(f"Không mở được tệp “{path.name}” để ghi: tệp bị hỏng.") from exc


_MERGE = re.compile(r'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def clean_text(value: Any) -> Any:
    """Text with the control characters the file format forbids removed; other values unchanged."""
    if value.__class__ is str and XLSX_ILLEGAL.search(value):
        # Word's manual line break (vertical tab) and page break become line breaks; the rest carry nothing.
        return XLSX_ILLEGAL.sub("", value.replace("\x0b", "\n").replace("\x0c", "\n"))
    return value


def _set(cell, value: Any) -> None:
    """Assign a value; text stays text (openpyxl would make "=…" a formula and "#N/A" an error)."""
    value = clean_text(value)
    cell.value = value
    if value.__class__ is str and cell.data_type != "s":
        cell.data_type = "s"


def check_writable(path: Path, changes: ChangeSet | None = None) -> None:
    """Everything that would make a write refuse, checked without loading the workbook: usable file, not open
    in Excel, not read-only, and (given `changes`) no merged cell over a cell to write."""
    path = Path(path)
    check_workbook_file(path)
    for candidate in {path, path.resolve()}:
        check_not_open(candidate)
    check_can_write(path)
    if changes is not None and changes.cells:
        _check_merges(path, changes.cells)


def merged_ranges(path: Path, sheet_names: list[str]) -> dict[str, list[tuple[int, int, int, int]]]:
    """(first row, first column, last row, last column) of each merged range, by sheet, from the sheet XML."""
    import zipfile

    from .errorcells import _column_index, sheet_parts

    found: dict[str, list[tuple[int, int, int, int]]] = {}
    with zipfile.ZipFile(path) as archive:
        parts = sheet_parts(archive)
        for name in sheet_names:
            actual = find_sheet(list(parts), name)
            if actual is None or parts[actual] not in archive.namelist():
                continue
            xml = archive.read(parts[actual]).decode("utf-8", "replace")
            if "mergeCell" not in xml:
                continue
            found[name] = [
                (int(r1), _column_index(c1), int(r2 or r1), _column_index(c2 or c1)) for c1, r1, c2, r2 in _MERGE.findall(xml)
            ]
    return found


def _check_merges(path: Path, writes: list[CellWrite]) -> None:
    by_sheet: dict[str, list[CellWrite]] = {}
    for write in writes:
        by_sheet.setdefault(write.sheet, []).append(write)
    for sheet, ranges in merged_ranges(path, list(by_sheet)).items():
        blocks = [r for r in ranges if r[0] != r[2] or r[1] != r[3]]
        if not blocks:
            continue
        for write in by_sheet[sheet]:
            for r1, c1, r2, c2 in blocks:
                if c1 <= write.column <= c2 and r1 <= write.row <= r2:
                    raise _merged_refusal(sheet, write.address, f"{cell_address(r1, c1)}:{cell_address(r2, c2)}")


def _merged_refusal(sheet: str, address: str, block: str) -> UnusableFile:
    return UnusableFile(
        f"Trang “{sheet}” có ô gộp {block} trùm lên ô {address}, nơi phần mềm cần ghi kết quả: hãy chọn vùng đó, bấm "
        "Trang đầu → Gộp và Căn giữa để bỏ gộp ô, lưu sổ rồi chạy lại; chưa có gì bị ghi."
    )


def edit_workbook(path: Path, edit: Callable[[Any], T], *, make_backup: bool = True) -> T:
    """Run `edit(openpyxl_workbook)` inside one safe transaction and save the result."""
    path = Path(path)
    check_writable(path)
    workbook = load(path)
    result = edit(workbook)
    if make_backup:
        backup(path)
    atomic_save(path, workbook.save)
    return result


def apply_changes(path: Path, changes: ChangeSet, *, make_backup: bool = True) -> None:
    if not changes:
        return
    edit_workbook(path, lambda wb: apply_to_workbook(wb, changes), make_backup=make_backup)


# --------------------------------------------------------------------------------------------------
# Applying a ChangeSet to an open openpyxl workbook


def _sheet(workbook, name: str):
    actual = find_sheet(workbook.sheetnames, name)
    if actual is None:
        raise UnusableFile(f"Không tìm thấy trang tính “{name}” để ghi kết quả.")
    return workbook[actual]


def _computed_columns(worksheet, sheet_name: str) -> set[int]:
    # Bounded: a stray value far to the right must not make openpyxl create cells across the whole width.
    rows = worksheet.iter_rows(min_row=1, max_row=10, max_col=min(worksheet.max_column, 1000), values_only=True)
    return computed_columns(sheet_name, rows)


def computed_columns(sheet_name: str, top_rows) -> set[int]:
    """1-based columns of this sheet the tool may write: the schema's computed columns, found by header
    in the sheet's first rows (`top_rows`: rows of values, as any reader gives them)."""
    spec = schema.TABLES_BY_NAME.get(sheet_name)
    if spec is None:
        return set()
    computed = {header_key(c.header) for c in spec.columns if c.computed}
    return {index for row in top_rows for index, value in enumerate(row, 1) if header_key(value) in computed}


def apply_to_workbook(workbook, changes: ChangeSet) -> None:
    targets = _checked_targets(workbook, changes)  # every refusal happens here, before the first change
    for write, cell in zip(changes.cells, targets, strict=True):
        _set(cell, write.value)
        if write.number_format:
            cell.number_format = write.number_format
    if changes.rows:
        _append_rows(workbook, changes.rows)
    for sheet in changes.sheets:
        _replace_sheet(workbook, sheet)
    if changes.marks is not None:
        _apply_marks(workbook, changes.marks)
    for fmt in changes.formats:
        _remove_tagged(_sheet(workbook, fmt.sheet), fmt.tag)
    for fmt in changes.formats:
        _add_format(_sheet(workbook, fmt.sheet), fmt)


def _append_rows(workbook, rows: list[RowWrite]) -> None:
    """New records below a table (see `model.RowWrite`): empty rows only, styled like the row above, inside the table."""
    from copy import copy

    from openpyxl.utils.cell import range_boundaries

    by_sheet: dict[str, list[RowWrite]] = {}
    for row in rows:
        by_sheet.setdefault(row.sheet, []).append(row)
    for sheet_name, writes in by_sheet.items():
        worksheet = _sheet(workbook, sheet_name)
        width = worksheet.max_column
        for write in writes:
            if any(worksheet.cell(row=write.row, column=c).value not in (None, "") for c in range(1, width + 1)):
                raise UnusableFile(f"Trang “{sheet_name}”, dòng {write.row} ngay dưới dữ liệu đã có chữ nên không thêm được "
                                   "dòng mới; hãy xóa hoặc chuyển nội dung đó rồi chạy lại. Sổ không bị thay đổi.")
        for write in sorted(writes, key=lambda w: w.row):
            above = write.row - 1
            for column in range(1, width + 1):
                source = worksheet.cell(row=above, column=column)
                if above > 1 and source.has_style:
                    worksheet.cell(row=write.row, column=column)._style = copy(source._style)
            for column, value in write.values:
                _set(worksheet.cell(row=write.row, column=column), value)
            if worksheet.row_dimensions[above].height and above > 1:
                worksheet.row_dimensions[write.row].height = worksheet.row_dimensions[above].height
        last = max(w.row for w in writes)
        first = min(w.row for w in writes)
        for table in worksheet.tables.values():
            min_col, min_row, max_col, max_row = range_boundaries(table.ref)
            if min_row < first <= max_row + 1 and max_row < last:
                table.ref = f"{table.ref.split(':')[0]}:{column_letter(max_col)}{last}"
                if table.autoFilter is not None:
                    table.autoFilter.ref = table.ref


def _checked_targets(workbook, changes: ChangeSet) -> list:
    """The cell of every write, after checking them all: sheet present, tool-owned column (unless a fix),
    not inside merged cells, text within Excel's cell limit. The sheet's columns and merged ranges are
    looked up once per sheet, so this is linear in the writes."""
    from openpyxl.cell.cell import MergedCell

    sheets: dict[str, tuple[Any, set[int], list]] = {}
    targets = []
    for write in changes.cells:
        if write.sheet not in sheets:
            worksheet = _sheet(workbook, write.sheet)
            allowed = set() if changes.allow_user_cells else _computed_columns(worksheet, write.sheet)
            blocks = [b for b in worksheet.merged_cells.ranges if b.min_row != b.max_row or b.min_col != b.max_col]
            sheets[write.sheet] = (worksheet, allowed, blocks)
        worksheet, allowed, blocks = sheets[write.sheet]
        if not changes.allow_user_cells and write.column not in allowed:
            raise ValueError(f"refusing to write {write.sheet}!{write.address}: not a computed column")
        for block in blocks:
            if block.min_row <= write.row <= block.max_row and block.min_col <= write.column <= block.max_col:
                raise _merged_refusal(write.sheet, write.address, block.coord)
        value = clean_text(write.value)
        if value.__class__ is str and len(value) > EXCEL_CELL_LIMIT:
            raise DoithoaiError(
                f"Nội dung cần ghi vào ô {write.sheet}!{write.address} dài {thousands(len(value))} ký tự, quá giới hạn "
                f"{thousands(EXCEL_CELL_LIMIT)} ký tự của một ô Excel: hãy rút gọn nội dung đó rồi chạy lại; chưa có gì bị ghi.",
                status=ExitStatus.DATA_ERRORS,
            )
        cell = worksheet.cell(row=write.row, column=write.column)
        if isinstance(cell, MergedCell):  # inside a one-cell "merge" openpyxl still made read-only
            raise _merged_refusal(write.sheet, write.address, write.address)
        targets.append(cell)
    return targets


def _replace_sheet(workbook, spec: SheetWrite) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    existing = find_sheet(workbook.sheetnames, spec.name)
    index = None
    if existing is not None:
        index = workbook.sheetnames.index(existing)
        del workbook[existing]
    if spec.after is not None and (after := find_sheet(workbook.sheetnames, spec.after)) is not None:
        index = workbook.sheetnames.index(after) + 1
    worksheet = workbook.create_sheet(spec.name, index)
    for row_index, values in enumerate(spec.rows, start=1):
        for column_index, value in enumerate(values, start=1):
            if value is None:
                continue
            if value.__class__ is str and len(value) > EXCEL_CELL_LIMIT:  # a report quoting a very long entry: cut visibly
                value = value[: EXCEL_CELL_LIMIT - 1] + "…"
            _set(worksheet.cell(row=row_index, column=column_index), value)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in worksheet[1] if spec.rows else ():
        cell.font = bold
        cell.fill = fill
    for position, width in enumerate(spec.widths, start=1):
        worksheet.column_dimensions[get_column_letter(position)].width = width
    link_font = Font(color="0563C1", underline="single")
    for (link_row, column), target in spec.links.items():
        cell = worksheet.cell(row=link_row, column=column)
        # An internal link (location), not an external "#..." target, so it works in Excel and LibreOffice.
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=target, display=str(cell.value or ""))
        cell.font = link_font
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in worksheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and len(cell.value) > 40:
                cell.alignment = wrap
    worksheet.freeze_panes = "A2"
    # Printable as it is: A4 landscape, as wide as one page, the header row on every page.
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.orientation = "landscape"
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_setup.fitToWidth, worksheet.page_setup.fitToHeight = 1, 0
    worksheet.print_title_rows = "1:1"


def _remove_tagged(worksheet, tag: str | None) -> None:
    """Drop the conditional-format rules the tool added (all of them when tag is None, else one tag's)."""
    from openpyxl.formatting.formatting import ConditionalFormattingList

    marker = f'"{tag}"' if tag else _TAG_PREFIX
    old = worksheet.conditional_formatting
    fresh = ConditionalFormattingList()
    for cf in old:
        for rule in cf.rules:
            if any(marker in (f or "") for f in (rule.formula or ())):
                continue
            fresh.add(str(cf.sqref), rule)
    worksheet.conditional_formatting = fresh


def _apply_marks(workbook, marks: dict[str, list[str]]) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    for worksheet in workbook.worksheets:
        _remove_tagged(worksheet, MARK_TAG)
    for sheet_name, cells in marks.items():
        if not cells:
            continue
        worksheet = _sheet(workbook, sheet_name)
        rule = FormulaRule(
            formula=[f'ISTEXT("{MARK_TAG}")'],
            fill=PatternFill("solid", fgColor=MARK_FILL, bgColor=MARK_FILL),
            font=Font(color=MARK_FONT),
        )
        worksheet.conditional_formatting.add(" ".join(sorted(set(cells))), rule)


def _add_format(worksheet, fmt: ConditionalFormat) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    rule = FormulaRule(
        formula=[tagged_formula(fmt.formula, fmt.tag)],
        fill=PatternFill("solid", fgColor=fmt.fill, bgColor=fmt.fill),
        font=Font(color=fmt.font_color) if fmt.font_color else None,
    )
    worksheet.conditional_formatting.add(fmt.ref, rule)
