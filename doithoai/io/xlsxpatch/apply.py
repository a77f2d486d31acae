"""Apply a `ChangeSet` to a workbook file by patching its package (see the package docstring for why).

One transaction, in the order the openpyxl writer used: every cell write is checked first (sheet present, a
tool-owned column unless the job is a fix, not under merged cells, within Excel's cell limit) and nothing is written
when one fails; then cells, new record rows, whole report sheets, marks, conditional formats; then the package is
saved beside the file, the file backed up, and the result moved over it.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from ...core.errors import DoithoaiError, ExitStatus, UnusableFile
from ...core.model import CellWrite, ChangeSet, RowWrite, cell_address
from ...core.text import EXCEL_CELL_LIMIT, clean_text, thousands
from ..files import atomic_save, backup
from ..writerules import (
    MARK_FILL,
    MARK_FONT,
    MARK_TAG,
    computed_columns,
    refuse_if_merged,
    refuse_rows_if_merged,
    tagged_formula,
)
from .cells import SheetCells, SheetFrame, stretch_table
from .package import CT_STYLES, REL_SHARED_STRINGS, REL_STYLES, REL_TABLE, Package, parse_xml

_MARK_BYTES = MARK_TAG.encode()


def apply(path: Path, changes: ChangeSet, *, make_backup: bool = True) -> None:
    """Write `changes` into the workbook at `path` (the caller has checked the file may be written)."""
    path = Path(path)
    with Package(path) as package:
        patch = _Patch(package)
        patch.run(changes)
        patch.finish()
        if make_backup:
            backup(path)
        atomic_save(path, package.save)


class _SharedStrings:
    """The workbook's shared strings, decoded one at a time when asked for (only header cells ever are): the items
    are located with one scan of the part, and an item's text is read from its own bytes."""

    _ITEM = re.compile(rb"<(?:[\w.-]+:)?si\b")
    _PHONETIC = re.compile(rb"<((?:[\w.-]+:)?)rPh\b.*?</\1rPh>", re.S)
    _TEXT = re.compile(rb"<((?:[\w.-]+:)?)t(?:\s[^>]*)?(?:/>|>(.*?)</\1t>)", re.S)

    def __init__(self, package: Package) -> None:
        self._package = package
        self._data: bytes | None = None
        self._starts: list[int] = []

    def __call__(self, index: int) -> str:
        if self._data is None:
            part = self._package.workbook_related(REL_SHARED_STRINGS)
            self._data = self._package.read(part) if part else b""
            self._starts = [m.start() for m in self._ITEM.finditer(self._data)]
        if not 0 <= index < len(self._starts):
            raise IndexError(index)
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._data)
        item = self._PHONETIC.sub(b"", self._data[self._starts[index]:end])
        return unescape("".join(m.group(2).decode("utf-8", "replace") for m in self._TEXT.finditer(item) if m.group(2)))


class _Patch:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.strings = _SharedStrings(package)
        self._parsed: dict[str, SheetCells | SheetFrame] = {}  # part -> the sheet parsed with or without its cells
        self._styles: Any = None
        self.values_changed = False
        self.sheets_changed = False

    # -- parts

    def part(self, name: str) -> str:
        part = self.package.sheet_part(name)
        if part is None:
            raise UnusableFile(f"Không tìm thấy trang tính “{name}” để ghi kết quả.")
        return part

    def sheet(self, name: str) -> SheetCells:
        """A sheet whose cells are written: parsed whole."""
        part = self.part(name)
        parsed = self._parsed.get(part)
        if not isinstance(parsed, SheetCells):
            data = parsed.to_bytes() if parsed is not None and parsed.changed else self.package.read(part)
            parsed = self._parsed[part] = SheetCells(parse_xml(data), self.strings)
        return parsed

    def frame(self, part: str) -> SheetCells | SheetFrame:
        """A sheet whose conditional formats change: without its cells, unless it was parsed whole already."""
        if part not in self._parsed:
            self._parsed[part] = SheetFrame(self.package.read(part))
        return self._parsed[part]

    @property
    def styles(self) -> Any:
        if self._styles is None:
            from .styles import Styles

            part = self.package.workbook_related(REL_STYLES)
            self._styles = Styles(self.package.read(part) if part else None)
        return self._styles

    # -- the transaction

    def run(self, changes: ChangeSet) -> None:
        targets = self._checked(changes)  # every refusal of the cell writes happens here, before the first change
        for write, cells in zip(changes.cells, targets, strict=True):
            self._put(cells, write.row, write.column, write.value, write.number_format)
        if changes.rows:
            self._append_rows(changes.rows)
        for spec in changes.sheets:
            self._put_sheet(spec)
        if changes.marks is not None:
            self._marks(changes.marks)
        if changes.formats:
            self._formats(changes.formats)

    def _formats(self, formats: list[Any]) -> None:
        from .condformat import add_rule, remove_tagged

        for fmt in formats:
            cells = self.frame(self.part(fmt.sheet))
            cells.changed = remove_tagged(cells.root, f'"{fmt.tag}"') or cells.changed
        for fmt in formats:
            cells = self.frame(self.part(fmt.sheet))
            add_rule(cells.root, fmt.ref, tagged_formula(fmt.formula, fmt.tag), self.styles.dxf(fmt.fill, fmt.font_color))
            cells.changed = True

    def _checked(self, changes: ChangeSet) -> list[SheetCells]:
        checked: dict[str, tuple[SheetCells, set[int], list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]]] = {}
        targets = []
        for write in changes.cells:
            if write.sheet not in checked:
                cells = self.sheet(write.sheet)
                allowed = set() if changes.allow_user_cells else computed_columns(write.sheet, cells.top_rows())
                checked[write.sheet] = (cells, allowed, cells.merged_blocks(), cells.array_blocks())
            cells, allowed, blocks, arrays = checked[write.sheet]
            _check(write, allowed, blocks, changes.allow_user_cells)
            _check_arrays(write, arrays)
            targets.append(cells)
        return targets

    def _put(self, cells: SheetCells, row: int, column: int, value: Any, number_format: str | None = None) -> None:
        cell, date_format = cells.set(row, column, value)
        base = int(cell.get("s", "0") or 0)
        if number_format:
            cell.set("s", str(self.styles.derive(base, number_format=number_format)))
        elif date_format and not self.styles.is_date(base):
            cell.set("s", str(self.styles.derive(base, number_format=date_format)))
        self.values_changed = True

    def _date_style(self, base: int, date_format: str | None) -> int:
        """The cell format a value needs over `base`: a date's format when `base` shows no date (as `_put` decides)."""
        if date_format and not self.styles.is_date(base):
            return int(self.styles.derive(base, number_format=date_format))
        return base

    def _append_rows(self, rows: list[RowWrite]) -> None:
        by_sheet: dict[str, list[RowWrite]] = {}
        for row in rows:
            by_sheet.setdefault(row.sheet, []).append(row)
        for sheet, writes in by_sheet.items():
            part = self.package.sheet_part(sheet)
            cells = self.sheet(sheet)
            refuse_rows_if_merged(sheet, [w.row for w in writes], cells.merged_blocks())
            for write in writes:
                for column, value in write.values:
                    _check_length(sheet, CellWrite(sheet, write.row, column, value))

            def put(row: int, column: int, value: Any, cells: SheetCells = cells) -> None:
                self._put(cells, row, column, value)

            first, last = cells.append_rows(sheet, writes, put, self._date_style)
            for _, kind, target in self.package.relationships(part or ""):
                if kind == REL_TABLE and self.package.has(target):
                    if stretch_table(self.package.xml(target), first, last):
                        self.package.edit(target)
            self.values_changed = True

    def _put_sheet(self, spec: Any) -> None:
        from .sheetxml import PRINT_TITLES, print_titles, sheet_xml

        data = sheet_xml(spec, self.styles)
        if spec.hidden:
            part = self.package.put_sheet(spec.name, data, after=spec.after, state="veryHidden")
        else:
            part = self.package.put_sheet(spec.name, data, after=spec.after,
                                          local_names={PRINT_TITLES: print_titles(spec.name)})
        self._parsed.pop(part, None)  # cells written there before are replaced with the sheet
        self.sheets_changed = True

    def _marks(self, marks: dict[str, list[str]]) -> None:
        from .condformat import add_rule, remove_tagged

        for part in self.package.sheets().values():
            if part in self._parsed or _MARK_BYTES in self.package.read(part):
                cells = self.frame(part)
                cells.changed = remove_tagged(cells.root, f'"{MARK_TAG}"') or cells.changed
        for sheet, refs in marks.items():
            if not refs:
                continue
            cells = self.frame(self.part(sheet))
            add_rule(cells.root, " ".join(sorted(set(refs))), f'ISTEXT("{MARK_TAG}")', self.styles.dxf(MARK_FILL, MARK_FONT))
            cells.changed = True

    def finish(self) -> None:
        """Serialise what changed into the package."""
        for part, cells in self._parsed.items():
            if cells.changed:
                self.package.write(part, cells.to_bytes())
        if self._styles is not None and self._styles.changed:
            styles = self.package.workbook_related(REL_STYLES)
            if styles is None:
                styles = "xl/styles.xml"
                self.package.add_relationship(self.package.workbook_part, REL_STYLES, styles)
            self.package.add_part(styles, self._styles.to_bytes(), CT_STYLES)
        if self.values_changed or self.sheets_changed:
            self.package.drop_calc_chain()
        if self.values_changed:
            self.package.recalculate_on_open()


def _check(write: CellWrite, allowed: set[int], blocks: list[tuple[int, int, int, int]], user_cells: bool) -> None:
    if not user_cells and write.column not in allowed:
        raise ValueError(f"refusing to write {write.sheet}!{write.address}: not a computed column")
    refuse_if_merged(write, blocks)
    _check_length(write.sheet, write)


def _check_length(sheet: str, write: CellWrite) -> None:
    value = clean_text(write.value)
    if value.__class__ is str and len(value) > EXCEL_CELL_LIMIT:
        raise DoithoaiError(
            f"Nội dung cần ghi vào ô {write.sheet}!{write.address} dài {thousands(len(value))} ký tự, quá giới hạn "
            f"{thousands(EXCEL_CELL_LIMIT)} ký tự của một ô Excel: hãy rút gọn nội dung đó rồi chạy lại; chưa có gì bị ghi.",
            status=ExitStatus.DATA_ERRORS,
        )



def _check_arrays(write: CellWrite, arrays: list[tuple[int, int, int, int]]) -> None:
    """Refuse a write inside an array formula's or a data table's range (but its first cell, which holds the formula and
    is simply overwritten): Excel recalculates the whole range on open and the value written there would be lost."""
    for r1, c1, r2, c2 in arrays:
        if r1 <= write.row <= r2 and c1 <= write.column <= c2 and (write.row, write.column) != (r1, c1):
            raise UnusableFile(
                f"Trang “{write.sheet}” có công thức mảng (hoặc bảng dữ liệu) {cell_address(r1, c1)}:{cell_address(r2, c2)} "
                f"trùm lên ô {write.address}, nơi phần mềm cần ghi kết quả: Excel sẽ tính lại vùng đó và xóa mất giá trị được "
                f"ghi. Hãy chọn vùng {cell_address(r1, c1)}:{cell_address(r2, c2)}, bấm Delete để xóa công thức đó, lưu sổ "
                "rồi chạy lại; chưa có gì bị ghi."
            )
