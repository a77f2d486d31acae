"""Cells of one parsed worksheet, found and changed in place: the cell layer of the patch writer.

Rows and cells are looked up by number once (a dict per sheet, a dict per touched row), so a write costs time in
proportion to the cells it changes, not to the sheet. Files from other tools may leave out a row's or a cell's `r`
(its position is then one after the previous one): every row gets an explicit `r` when the sheet is indexed, and
every cell of a row we touch, so inserting a row or a cell never shifts what follows.

Decisions:
- A written cell keeps its style (`s`); a date landing in a style that is not a date format gets a derived style with
  the date format (schema.DATE_FORMAT, dd/mm/yyyy: what the office reads), and `CellWrite.number_format` derives one
  with that format.
- Overwriting a formula removes it. Overwriting the master cell of a shared formula would orphan the cells sharing it
  (they hold only a reference to the master): its dependents are first given their own formula, translated to their
  position (openpyxl's formula translator, imported only then), so they keep computing what they computed.
- A new record row (`RowWrite`) copies the styles of the row above and its height, and stretches the sheet's Excel
  tables (their `ref` and autoFilter) over it, exactly as the openpyxl writer did.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable
from typing import Any

from lxml import etree

from ...core.errors import UnusableFile
from ...core.model import RowWrite, cell_address
from ...core.values import ascii_int
from .cellvalue import set_cell
from .order import local_name, part_bytes
from .package import q

_ROW = q("row")
_CELL = q("c")
_COLUMNS: dict[str, int] = {}  # "AB" -> 28, filled as columns are met
_TAIL_MARK = "doithoai-appended-rows"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$")


def column_index(letters: str) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index


def parse_ref(ref: str) -> tuple[int, int] | None:
    """(row, column) of "B12" (absolute markers allowed), None for anything else."""
    match = _REF.match(ref.strip())
    return (int(match.group(2)), column_index(match.group(1))) if match else None


def parse_range(ref: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of "A1:C9" or "B2"."""
    match = _RANGE.match(ref.strip())
    if not match:
        return None
    c1, r1, c2, r2 = match.groups()
    return int(r1), column_index(c1), int(r2 or r1), column_index(c2 or c1)


def range_ref(r1: int, c1: int, r2: int, c2: int) -> str:
    first, last = cell_address(r1, c1), cell_address(r2, c2)
    return first if first == last else f"{first}:{last}"


class SheetCells:
    """A worksheet part's XML, indexed by row and column for patching. `strings(i)` gives shared string i."""

    def __init__(self, root: Any, strings: Callable[[int], str]) -> None:
        self.root = root
        self._strings = strings
        data = root.find(q("sheetData"))
        if data is None:
            data = etree.Element(q("sheetData"))
            from .order import insert_child

            insert_child(root, data)
        self.data = data
        self.rows: dict[int, Any] = {}
        number = 0
        for row in data.iterchildren(_ROW):
            given = row.get("r")
            given_number = ascii_int(given)
            number = given_number if given_number is not None else number + 1
            if not given:
                row.set("r", str(number))
            self.rows[number] = row
        self._numbers = sorted(self.rows)
        self._cells: dict[int, tuple[dict[int, Any], list[int]]] = {}  # touched rows: column -> <c>, sorted columns
        self._extent: list[int] | None = None  # rows and columns written: min row, min col, max row, max col
        self._shared: dict[str, list[Any]] | None = None  # shared formula group (si) -> its <f> elements, found once
        self._tail: list[bytes] = []  # rows appended below the last one, as XML (`append_rows`)
        self.changed = False

    # -- reading

    def row_cells(self, number: int) -> dict[int, Any]:
        """Column -> <c> of a row (explicit `r` given to each cell that lacked one)."""
        if number not in self._cells:
            cells: dict[int, Any] = {}
            row = self.rows.get(number)
            column = 0
            for cell in () if row is None else row.iterchildren(_CELL):
                ref = cell.get("r")
                letters = ref.rstrip("0123456789") if ref else ""
                if letters:
                    known = _COLUMNS.get(letters)
                    column = known if known is not None else _COLUMNS.setdefault(letters, column_index(letters))
                else:  # no position: one after the previous cell
                    column += 1
                    cell.set("r", cell_address(number, column))
                cells[column] = cell
            self._cells[number] = (cells, sorted(cells))
        return self._cells[number][0]

    def value(self, cell: Any) -> Any:
        """The cell's value as a reader sees it: text, a number, a bool, "=formula", or None."""
        kind = cell.get("t")
        formula = cell.find(q("f"))
        if kind == "inlineStr":
            inline = cell.find(q("is"))
            return None if inline is None else _text(inline)
        number = cell.find(q("v"))
        text = None if number is None else number.text
        if text is None:
            return None if formula is None or not (formula.text or formula.get("t")) else "=" + (formula.text or "")
        if kind == "s":
            try:
                return self._strings(int(text))
            except (ValueError, IndexError):
                return text
        if kind in ("str", "e"):
            return text
        if kind == "b":
            return text == "1"
        try:
            return float(text) if any(ch in text for ch in ".eE") else int(text)
        except ValueError:
            return text

    def top_rows(self, count: int = 10, width: int = 1000) -> list[list[Any]]:
        """Values of the first `count` rows (the header search), at most `width` columns."""
        rows = []
        for number in range(1, count + 1):
            cells = self.row_cells(number)
            line: list[Any] = [None] * min(max(cells, default=0), width)
            for column, cell in cells.items():
                if column <= width:
                    line[column - 1] = self.value(cell)
            rows.append(line)
        return rows

    def merged_blocks(self) -> list[tuple[int, int, int, int]]:
        """Merged ranges of more than one cell: (first row, first column, last row, last column)."""
        merges = self.root.find(q("mergeCells"))
        blocks = []
        for merge in [] if merges is None else merges:
            bounds = parse_range(merge.get("ref", ""))
            if bounds and (bounds[0] != bounds[2] or bounds[1] != bounds[3]):
                blocks.append(bounds)
        return blocks

    # -- writing

    def cell(self, number: int, column: int) -> Any:
        """The <c> at (row, column), created in order (with its row) when absent."""
        row = self.rows.get(number)
        if row is None:
            row = self.data.makeelement(q("row"), {"r": str(number)})
            index = bisect_left(self._numbers, number)
            if index < len(self._numbers):
                self.rows[self._numbers[index]].addprevious(row)
            else:
                self.data.append(row)
            insort(self._numbers, number)
            self.rows[number] = row
        cells = self.row_cells(number)
        found = cells.get(column)
        if found is not None:
            return found
        found = row.makeelement(q("c"), {"r": cell_address(number, column)})
        columns = self._cells[number][1]
        index = bisect_left(columns, column)
        if index < len(columns):
            cells[columns[index]].addprevious(found)
        else:
            if columns:
                cells[columns[-1]].addnext(found)
            else:
                row.insert(0, found)
        columns.insert(index, column)
        cells[column] = found
        _widen_spans(row, column)
        return found

    def set(self, number: int, column: int, value: Any) -> tuple[Any, str | None]:
        """Write `value` at (row, column); returns the cell and the date format the value needs (None: not a date)."""
        cell = self.cell(number, column)
        formula = cell.find(q("f"))
        if formula is not None and formula.get("t") == "shared" and formula.get("ref"):
            self._expand_shared(cell, formula)
        date_format = set_cell(cell, value)
        self._note(number, column)
        return cell, date_format

    def _note(self, number: int, column: int) -> None:
        self.changed = True
        if self._extent is None:
            self._extent = [number, column, number, column]
        else:
            extent = self._extent
            extent[0], extent[1] = min(extent[0], number), min(extent[1], column)
            extent[2], extent[3] = max(extent[2], number), max(extent[3], column)

    def array_blocks(self) -> list[tuple[int, int, int, int]]:
        """Ranges of array formulas and data tables over more than one cell (their first cell holds the formula):
        Excel recomputes every cell of them, so a value written inside one would be lost on the next calculation."""
        blocks = []
        for formula in self.root.iter(q("f")):
            if formula.get("t") in ("array", "dataTable") and formula.get("ref"):
                bounds = parse_range(formula.get("ref", ""))
                if bounds and (bounds[0] != bounds[2] or bounds[1] != bounds[3]):
                    blocks.append(bounds)
        return blocks

    def _expand_shared(self, master: Any, formula: Any) -> None:
        """Give every cell sharing this master's formula its own copy before the master is overwritten. The groups are
        indexed once per sheet: scanning the sheet per master made overwriting a column of small groups quadratic."""
        from openpyxl.formula.translate import Translator

        if self._shared is None:
            self._shared = self._shared_groups()
        group = formula.get("si", "")
        origin = master.get("r", "")
        text = "=" + (formula.text or "")
        for other in self._shared.pop(group, []):
            cell = other.getparent()
            if other is formula or cell is None or other.get("t") != "shared" or other.get("si") != group:
                continue  # the master itself, or a dependent overwritten since (its <f> is gone)
            target = cell.get("r") or ""
            try:
                translated = Translator(text, origin=origin).translate_formula(target)
            except Exception:  # a formula the translator cannot read: the cell keeps its last value instead
                cell.remove(other)
                continue
            for attribute in ("t", "si", "ref"):
                other.attrib.pop(attribute, None)
            other.text = translated[1:]

    def _shared_groups(self) -> dict[str, list[Any]]:
        """Every shared formula's <f> elements by group (si), from one scan of the sheet."""
        groups: dict[str, list[Any]] = {}
        for found in self.root.iter(q("f")):
            if found.get("t") == "shared" and found.get("si") is not None:
                groups.setdefault(found.get("si", ""), []).append(found)
        return groups

    def is_empty_row(self, number: int) -> bool:
        return all(self.value(cell) in (None, "") for cell in self.row_cells(number).values())

    def append_rows(self, sheet: str, writes: list[RowWrite], put: Callable[[int, int, Any], None],
                    style: Callable[[int, str | None], int] | None = None) -> tuple[int, int]:
        """New records in empty rows (`model.RowWrite`); `put(row, column, value)` writes a value. Returns the first and
        last row written. Refuses (before changing anything) a target row that holds anything.

        Rows below every row of the sheet (the usual case: records added under a table) are built as XML text and
        spliced in when the sheet is serialised (`style(base, date_format)`: the cell format a value needs over the
        format `base` copied from above), so 100,000 new rows cost no element objects: time and memory in proportion
        to the text written. Anything else goes cell by cell through `put`."""
        for write in writes:
            if not self.is_empty_row(write.row):
                raise UnusableFile(f"Trang “{sheet}”, dòng {write.row} ngay dưới dữ liệu đã có chữ nên không thêm được "
                                   "dòng mới; hãy xóa hoặc chuyển nội dung đó rồi chạy lại. Sổ không bị thay đổi.")
        if style is not None and writes and min(w.row for w in writes) > max(self._numbers, default=0) and \
                len({w.row for w in writes}) == len(writes):
            return self._append_below(writes, style)
        for write in sorted(writes, key=lambda w: w.row):
            above = write.row - 1
            if above > 1:
                for column, source in list(self.row_cells(above).items()):
                    style = source.get("s")
                    if style and style != "0":
                        self.cell(write.row, column).set("s", style)
                        self._note(write.row, column)
            for column, value in write.values:
                put(write.row, column, value)
            height = self.rows[above].get("ht") if above > 1 and above in self.rows else None
            if height and write.row in self.rows:
                self.rows[write.row].set("ht", height)
                self.rows[write.row].set("customHeight", "1")
        return min(w.row for w in writes), max(w.row for w in writes)

    def _append_below(self, writes: list[RowWrite], style: Callable[[int, str | None], int]) -> tuple[int, int]:
        """`append_rows` for rows below the last row, as text (see there): each cell takes the format of the cell
        above it (the row above the first new row, then each new row's own), a date its date format."""
        from functools import lru_cache

        from ...core.model import column_letter
        from .cellvalue import encode, inner_xml

        letters = lru_cache(maxsize=None)(column_letter)
        prefix = f"{self.data.prefix}:" if self.data.prefix else ""
        ordered = sorted(writes, key=lambda w: w.row)
        first = ordered[0].row
        above: dict[int, int] = {}
        height = None
        if first - 1 > 1 and first - 1 in self.rows:
            for column, source in self.row_cells(first - 1).items():
                base = source.get("s")
                base_style = ascii_int(base)
                if base != "0" and base_style is not None:  # a style other than the default
                    above[column] = base_style
            height = self.rows[first - 1].get("ht")
        parts: list[str] = []
        low, high = None, None
        previous = first - 1
        for write in ordered:
            values = dict(write.values)
            if write.row - 1 != previous:  # an empty row between: nothing to copy from it
                above, height = {}, None
            styles = above
            previous = write.row
            cells: list[str] = []
            row_styles: dict[int, int] = {}
            number = str(write.row)
            for column in sorted(styles.keys() | values.keys()) if values else sorted(styles):
                value = values.get(column)
                s = styles.get(column, 0)
                if value is None:  # a blank taking the format of the cell above
                    if s:
                        row_styles[column] = s
                        cells.append(f'<{prefix}c r="{letters(column)}{number}" s="{s}"/>')
                    continue
                t, text, date_format = encode(value)
                if date_format:
                    s = style(s, date_format)
                if s:
                    row_styles[column] = s
                if text is None and not s:
                    continue
                attributes = f' r="{letters(column)}{number}"' + (f' s="{s}"' if s else "") + (f' t="{t}"' if t else "")
                body = inner_xml(t, text, prefix)
                cells.append(f"<{prefix}c{attributes}/>" if not body else f"<{prefix}c{attributes}>{body}</{prefix}c>")
            if row_styles or cells:
                columns = [*row_styles, *values]
                low = min(columns) if low is None else min(low, *columns)
                high = max(columns) if high is None else max(high, *columns)
            above = row_styles
            attributes = f' ht="{height}" customHeight="1"' if height and cells else ""
            if not cells:
                height = None  # the slow path creates no row here, so the next row has none to copy
            parts.append(f'<{prefix}row r="{write.row}"{attributes}>{"".join(cells)}</{prefix}row>')
        self._tail.append("".join(parts).encode("utf-8"))
        del parts
        if low is not None and high is not None:
            self._note(first, low)
            self._note(ordered[-1].row, high)
        self.changed = True
        return first, ordered[-1].row

    def to_bytes(self) -> bytes:
        self.finish()
        if not self._tail:
            return part_bytes(self.root)
        mark = etree.Comment(_TAIL_MARK)
        self.data.append(mark)
        try:
            out = part_bytes(self.root)
        finally:
            self.data.remove(mark)
        mark_bytes = b"<!--" + _TAIL_MARK.encode() + b"-->"
        at = out.index(mark_bytes)
        return b"".join([out[:at], *self._tail, out[at + len(mark_bytes):]])

    def finish(self) -> None:
        """Bring <dimension> over the cells written."""
        dimension = self.root.find(q("dimension"))
        if self._extent is None or dimension is None:
            return
        bounds = parse_range(dimension.get("ref", "A1")) or (1, 1, 1, 1)
        r1, c1, r2, c2 = self._extent
        if bounds == (1, 1, 1, 1) and not any(self.rows):  # an empty sheet says A1
            new = (r1, c1, r2, c2)
        else:
            new = (min(bounds[0], r1), min(bounds[1], c1), max(bounds[2], r2), max(bounds[3], c2))
        dimension.set("ref", range_ref(*new))


class SheetFrame:
    """A worksheet part parsed without its cells: <sheetData> is cut out as bytes before parsing and put back when
    serialising, so changing the sheet's conditional formats costs the same on a 4,000-row sheet as on an empty one."""

    _OPEN = re.compile(rb"<((?:[\w.-]+:)?)sheetData\b[^>]*?(/?)>")

    def __init__(self, data: bytes) -> None:
        from .package import parse_xml

        self._cells: bytes | None = None
        self._placeholder = b""
        opening = self._OPEN.search(data)
        end = -1
        if opening is not None:
            prefix = opening.group(1)
            end = opening.end() if opening.group(2) else data.find(b"</" + prefix + b"sheetData>", opening.end())
        if opening is None or end < 0:
            self.root = parse_xml(data)
        else:
            if not opening.group(2):
                end += len(b"</" + prefix + b"sheetData>")
            self._cells = data[opening.start():end]
            self._placeholder = b"<" + prefix + b"sheetData/>"
            self.root = parse_xml(data[:opening.start()] + self._placeholder + data[end:])
        self.changed = False

    def to_bytes(self) -> bytes:
        out = part_bytes(self.root)
        if self._cells is None:
            return out
        at = out.find(self._placeholder)
        if at < 0:
            raise ValueError("the worksheet lost its sheetData")
        return out[:at] + self._cells + out[at + len(self._placeholder):]


def stretch_table(table: Any, first: int, last: int) -> bool:
    """Stretch an Excel table (its root) over new rows first..last right below it; True when it changed."""
    bounds = parse_range(table.get("ref", ""))
    if bounds is None:
        return False
    min_row, min_col, max_row, max_col = bounds
    if not (min_row < first <= max_row + 1 and max_row < last):
        return False
    if table.get("totalsRowCount", "0") not in ("0", ""):
        # Stretched, the table's last row (the new record) would become its totals row and the autoFilter would cover
        # the old one: the new rows stay right below the table, which the clerk can widen by dragging its corner.
        return False
    ref = range_ref(min_row, min_col, last, max_col)
    table.set("ref", ref)
    auto_filter = table.find(q("autoFilter"))
    if auto_filter is not None:
        auto_filter.set("ref", ref)
    return True


def _text(item: Any) -> str:
    """The text of a string item (<si> or <is>): plain or rich runs, phonetic guides left out."""
    parts = []
    for leaf in item.iter(q("t")):
        parent = leaf.getparent()
        if parent is not None and local_name(parent) == "rPh":
            continue
        parts.append(leaf.text or "")
    return "".join(parts)


def _widen_spans(row: Any, column: int) -> None:
    spans = row.get("spans")
    if not spans:
        return
    try:
        low, high = (int(part) for part in spans.split(":"))
    except ValueError:
        row.attrib.pop("spans")
        return
    if not low <= column <= high:
        row.set("spans", f"{min(low, column)}:{max(high, column)}")
