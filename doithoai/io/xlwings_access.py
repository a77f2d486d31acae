"""The workbook-access object for a workbook open in Excel, through xlwings.

Same contract as `doithoai.io.access.FileWorkbook`: `read()` gives a `BookData`, `write(ChangeSet)` applies a
job's results. It takes any xlwings `Book` (desktop Excel through `xw.Book.caller()`, or xlwings' remote
engine in the tests), and talks to it in whole ranges:

- reading: one `used_range` read per sheet the job needs, whatever the number of rows;
- writing: for each changed column one range write per run of rows. Rows between two changed cells are
  bridged when they are blank or belong to a computed column the tool owns (their current value is written
  back), so a job that fills a column writes it in one go; a cell a person typed is never rewritten.
- a report sheet (`Kiểm tra`) is replaced by one bulk write; its links are `HYPERLINK` formulas inside
  that write, not one call per link.

Cell marks and conditional formats (overdue rows) need Excel's own FormatConditions, which only the
Windows engine exposes (`sheet.api`); elsewhere they are skipped: the `Kiểm tra` sheet still lists and
links every cell, and `doithoai deadlines` on the saved file adds the colours.

Before the first write the saved file (when there is one) is copied to `Sao lưu/` beside it: Excel's undo
does not cover macros.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Collection
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.model import BookData, CellWrite, ChangeSet, ConditionalFormat, RowWrite, SheetWrite

if TYPE_CHECKING:
    import xlwings as xw

_FORMULA_START = ("=", "+", "-", "@")
_XL_EXPRESSION = 2  # XlFormatConditionType.xlExpression
_XL_LIST_SEPARATOR = 5  # XlApplicationInternational.xlListSeparator
_XL_TOP = -4160  # XlVAlign.xlVAlignTop
_MAX_AREA_TEXT = 250  # Excel refuses a multi-area address longer than 255 characters


def literal(value: Any) -> Any:
    """A text Excel must not read as a formula or a number sign gets the apostrophe that keeps it text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def hyperlink_formula(target: str, text: Any) -> str:
    def quoted(value: Any) -> str:
        return '"' + str(value).replace('"', '""') + '"'

    return f"=HYPERLINK({quoted('#' + target)},{quoted(text)})"


def _top_level_split(text: str) -> list[str]:
    """`text` split at the commas outside quotes and parentheses."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        elif not quoted and depth == 0 and char == ",":
            parts.append(text[start:index])
            start = index + 1
    return parts + [text[start:]]


def without_list_separator(formula: str) -> str | None:
    """The formula with every AND(a,b,…) written (a)*(b)*…, so it has no argument separator; None if one remains.

    Excel's COM `FormatConditions.Add` reads Formula1 in the user's regional format: the argument separator is
    ";" on many Vietnamese machines. A product of conditions is true exactly when every factor is (a conditional
    format takes any non-zero number as true), and needs no separator in any region.
    """
    out, index = "", 0
    upper = formula.upper()
    quoted = False
    while index < len(formula):
        char = formula[index]
        if char == '"':
            quoted = not quoted
        before = formula[index - 1] if index else " "
        starts_and = upper.startswith("AND(", index) and not (before.isalnum() or before == "_")
        if not quoted and starts_and:
            depth, end = 0, index + 3
            inner_quoted = False
            for end in range(index + 3, len(formula)):
                if formula[end] == '"':
                    inner_quoted = not inner_quoted
                elif not inner_quoted and formula[end] == "(":
                    depth += 1
                elif not inner_quoted and formula[end] == ")":
                    depth -= 1
                    if depth == 0:
                        break
            arguments = [without_list_separator(a.strip()) for a in _top_level_split(formula[index + 4: end])]
            if any(a is None for a in arguments):
                return None
            out += "(" + "*".join(f"({a})" for a in arguments) + ")"
            index = end + 1
            continue
        out += char
        index += 1
    return None if _has_inner_separator(out) else out


def _has_inner_separator(text: str) -> bool:
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            return True
    return False


def localized(formula: str, separator: str) -> str:
    """The formula with its argument separators (commas outside quotes) replaced by the region's `separator`."""
    out, quoted = [], False
    for char in formula:
        if char == '"':
            quoted = not quoted
        out.append(separator if char == "," and not quoted else char)
    return "".join(out)


def runs(writes: list[CellWrite], bridgeable: Callable[[int], bool]) -> list[list[CellWrite]]:
    """Consecutive groups of one column's writes, sorted by row; a gap joins when every row in it is bridgeable."""
    groups: list[list[CellWrite]] = []
    for write in sorted(writes, key=lambda w: w.row):
        if groups:
            last = groups[-1][-1].row
            if write.row == last:
                groups[-1][-1] = write  # the later write wins, as with the file writer
                continue
            if all(bridgeable(row) for row in range(last + 1, write.row)):
                groups[-1].append(write)
                continue
        groups.append([write])
    return groups


class XlwingsWorkbook:
    def __init__(self, book: xw.Book, *, folder: Path | None = None) -> None:
        self.book = book
        self.source = book.name
        fullname = Path(book.fullname)
        self.path = fullname if fullname.is_absolute() and fullname.is_file() else None
        self.folder = Path(folder) if folder else (fullname.parent if fullname.is_absolute() else Path.cwd())
        self._raw: dict[str, list[list[Any]]] = {}
        self._backed_up = False

    # -- reading -----------------------------------------------------------------------------------

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def read_sheet(self, name: str) -> list[list[Any]]:
        """The sheet's values from A1 to its last used cell, in one range read."""
        used = self.book.sheets[name].used_range
        values = used.options(ndim=2, err_to_str=True).value
        width = used.column - 1 + (len(values[0]) if values else 0)
        rows = [[None] * width for _ in range(used.row - 1)]
        rows += [[None] * (used.column - 1) + [_plain(v) for v in row] for row in values]
        self._raw[name] = rows
        return rows

    def read(self, tables: Collection[str] | None = None) -> BookData:
        from ..core.keys import find_sheet
        from .tables import book_from_sheets, sheets_for

        names = self.sheet_names()
        wanted = {find_sheet(names, n) for n in sheets_for(tables)} - {None}
        sheets = {name: self.read_sheet(name) for name in names if name in wanted}
        return book_from_sheets(self.source, sheets, names=names, tables=tables)

    # -- writing -----------------------------------------------------------------------------------

    def write(self, changes: ChangeSet) -> None:
        if not changes:
            return
        self._backup()
        for sheet_name, writes in groupby(sorted(changes.cells, key=lambda w: w.sheet), key=lambda w: w.sheet):
            self._write_cells(sheet_name, list(writes), changes.allow_user_cells)
        if changes.rows:
            self._append_rows(changes.rows)
        for spec in changes.sheets:
            self._replace_sheet(spec)
        if changes.marks is not None:
            self._marks(changes.marks)
        for fmt in changes.formats:
            self._format(fmt)

    def _sheet(self, name: str) -> xw.Sheet:
        from ..core.errors import UnusableFile
        from ..core.keys import find_sheet

        actual = find_sheet(self.sheet_names(), name)
        if actual is None:
            raise UnusableFile(f"Không tìm thấy trang tính “{name}” để ghi kết quả.")
        return self.book.sheets[actual]

    def _rows_of(self, sheet: xw.Sheet) -> list[list[Any]]:
        if sheet.name not in self._raw:
            self.read_sheet(sheet.name)
        return self._raw[sheet.name]

    def _write_cells(self, sheet_name: str, writes: list[CellWrite], allow_user_cells: bool) -> None:
        from .writerules import computed_columns

        sheet = self._sheet(sheet_name)
        rows = self._rows_of(sheet)
        computed = computed_columns(sheet.name, rows[:10])
        if not allow_user_cells:
            for write in writes:
                if write.column not in computed:
                    raise ValueError(f"refusing to write {sheet_name}!{write.address}: not a computed column")
        for column, in_column in groupby(sorted(writes, key=lambda w: w.column), key=lambda w: w.column):

            def current(row: int, column: int = column) -> Any:
                line = rows[row - 1] if row - 1 < len(rows) else []
                return line[column - 1] if column - 1 < len(line) else None

            def bridgeable(row: int, column: int = column) -> bool:
                return column in computed or current(row) is None

            for group in runs(list(in_column), bridgeable):
                first, last = group[0].row, group[-1].row
                by_row = {w.row: w for w in group}
                values = [[literal(by_row[r].value if r in by_row else current(r))] for r in range(first, last + 1)]
                target = sheet.range((first, column), (last, column))
                formats = {w.number_format for w in group if w.number_format}
                if len(formats) == 1:  # before the values, so a text format keeps "0912…" as text
                    target.number_format = formats.pop()
                target.value = values
                for row, (value,) in zip(range(first, last + 1), values, strict=True):
                    while len(rows) < row:
                        rows.append([])
                    line = rows[row - 1]
                    line.extend([None] * (column - len(line)))
                    line[column - 1] = value

    def _append_rows(self, writes: list[RowWrite]) -> None:
        """New records below a table (`model.RowWrite`): one range write per run of rows, then the table stretched."""
        from ..core.errors import UnusableFile

        for sheet_name, group in groupby(sorted(writes, key=lambda w: (w.sheet, w.row)), key=lambda w: w.sheet):
            sheet = self._sheet(sheet_name)
            rows = self._rows_of(sheet)
            items = list(group)
            for write in items:
                line = rows[write.row - 1] if write.row - 1 < len(rows) else []
                if any(v not in (None, "") for v in line):
                    raise UnusableFile(f"Trang “{sheet_name}”, dòng {write.row} ngay dưới dữ liệu đã có chữ nên không thêm được "
                                   "dòng mới; hãy xóa hoặc chuyển nội dung đó rồi chạy lại. Sổ không bị thay đổi.")
            width = max(c for w in items for c, _ in w.values)
            first, last = items[0].row, items[-1].row
            block = [[None] * width for _ in range(first, last + 1)]
            for write in items:
                for column, value in write.values:
                    block[write.row - first][column - 1] = literal(value)
            sheet.range((first, 1), (last, width)).value = block
            while len(rows) < last:
                rows.append([])
            for offset, values in enumerate(block):
                rows[first - 1 + offset] = list(values)
            try:  # Excel stretches a table typed into below; over COM it must be told
                for table in sheet.tables:
                    top_left = table.range[0, 0]
                    if table.range.last_cell.row < last:
                        table.resize(sheet.range(top_left, (last, table.range.last_cell.column)))
            except Exception:  # an engine without tables (the remote engine): the values are written all the same
                pass

    def _replace_sheet(self, spec: SheetWrite) -> None:
        from ..core.keys import find_sheet

        names = self.sheet_names()
        existing = find_sheet(names, spec.name)
        after_name = find_sheet(names, spec.after) if spec.after else None
        app = self.book.app
        alerts = _get(app, "display_alerts")
        _set(app, "display_alerts", False)  # deleting a sheet asks "are you sure?" otherwise
        try:
            if existing is not None:
                self.book.sheets[existing].delete()
                names.remove(existing)
            after = self.book.sheets[after_name] if after_name in names else self.book.sheets[len(names) - 1]
            sheet = self.book.sheets.add(spec.name, after=after)
        finally:
            _set(app, "display_alerts", alerts)
        width = max((len(r) for r in spec.rows), default=0)
        rows = [[literal(v) for v in row] + [None] * (width - len(row)) for row in spec.rows]
        for (row, column), target in spec.links.items():
            rows[row - 1][column - 1] = hyperlink_formula(target, spec.rows[row - 1][column - 1])
        if rows and width:
            sheet.range((1, 1), (len(rows), width)).value = rows
            header = sheet.range((1, 1), (1, width))
            header.font.bold = True
            header.color = "#DDEBF7"
        for column, size in enumerate(spec.widths, start=1):
            sheet.range((1, column)).column_width = size
        for column in spec.wrap_columns:  # what the secretary types there later wraps too (Excel only; best effort)
            try:
                native = sheet.range((1, column)).api.EntireColumn
                native.WrapText = True
                native.VerticalAlignment = _XL_TOP
            except Exception:
                pass
        if spec.hidden:
            _hide(sheet)
        self._raw[sheet.name] = rows

    # Conditional formats: Windows Excel only (see the module's docstring).

    def _native(self, sheet: xw.Sheet) -> Any:  # the COM Worksheet object (Windows), else None
        if sys.platform != "win32":
            return None
        try:
            return sheet.api
        except Exception:
            return None

    def _remove_tagged(self, native: Any, tag: str) -> None:
        conditions = native.Cells.FormatConditions
        for index in range(conditions.Count, 0, -1):
            try:
                if f'"{tag}"' in (conditions.Item(index).Formula1 or ""):
                    conditions.Item(index).Delete()
            except Exception:  # a colour scale or data bar has no Formula1
                continue

    def _add_condition(self, native: Any, address: str, formula: str, fill: str, font: str | None) -> None:
        local = without_list_separator(formula)
        if local is None:  # a formula the rewrite does not know: the region's own separator instead
            local = localized(formula, str(native.Application.International(_XL_LIST_SEPARATOR)))
        condition = native.Range(address).FormatConditions.Add(Type=_XL_EXPRESSION, Formula1="=" + local)
        condition.Interior.Color = _bgr(fill)
        if font:
            condition.Font.Color = _bgr(font)

    def _marks(self, marks: dict[str, list[str]]) -> None:
        from .writerules import MARK_FILL, MARK_FONT, MARK_TAG, tagged_formula

        for name in self.sheet_names():
            native = self._native(self.book.sheets[name])
            if native is None:
                return
            self._remove_tagged(native, MARK_TAG)
            cells = sorted(set(marks.get(name, ())))
            for chunk in _address_chunks(cells):
                self._add_condition(native, chunk, tagged_formula("TRUE", MARK_TAG), MARK_FILL, MARK_FONT)

    def _format(self, fmt: ConditionalFormat) -> None:
        from .writerules import tagged_formula

        native = self._native(self._sheet(fmt.sheet))
        if native is None:
            return
        self._remove_tagged(native, fmt.tag)
        self._add_condition(native, fmt.ref, tagged_formula(fmt.formula, fmt.tag), fmt.fill, fmt.font_color)

    # -- the rest of the access contract -----------------------------------------------------------

    def check_writable(self, changes: ChangeSet | None = None) -> None:
        """The workbook is open in this Excel, which can always write to it: nothing to refuse in advance."""

    def progress(self, message: str) -> None:
        _set(self.book.app, "status_bar", message)

    def done(self) -> None:
        _set(self.book.app, "status_bar", False)  # gives the status bar back to Excel

    def _backup(self) -> None:
        if self._backed_up or self.path is None:
            return
        from .files import backup

        backup(self.path)
        self._backed_up = True

    def __repr__(self) -> str:
        return f"XlwingsWorkbook({self.source!r})"


def _hide(sheet: xw.Sheet) -> None:
    """Very hidden (xlSheetVeryHidden) where Excel is driven over COM; hidden elsewhere."""
    try:
        sheet.api.Visible = 2
    except Exception:  # another engine: hidden is the most it offers
        try:
            sheet.visible = False
        except Exception:
            pass


def _plain(value: Any) -> Any:
    # xlwings gives every date as a datetime; a date without a time is what calamine gives, and the parsers expect.
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _get(app: xw.App, name: str) -> Any:
    try:
        return getattr(app, name)
    except Exception:  # an engine without that setting (xlwings' remote engine has no status bar)
        return None


def _set(app: xw.App, name: str, value: Any) -> None:
    try:
        setattr(app, name, value)
    except Exception:
        pass


def _bgr(hex_rgb: str) -> int:
    """"FFC7CE" -> the BGR integer Excel's COM colours use."""
    red, green, blue = (int(hex_rgb[i: i + 2], 16) for i in (0, 2, 4))
    return red + (green << 8) + (blue << 16)


def _address_chunks(cells: list[str]) -> list[str]:
    chunks, current = [], ""
    for cell in cells:
        candidate = f"{current},{cell}" if current else cell
        if len(candidate) > _MAX_AREA_TEXT:
            chunks.append(current)
            candidate = cell
        current = candidate
    return chunks + ([current] if current else [])


if TYPE_CHECKING:  # satisfies the jobs' protocol (checked by mypy)
    from .access import WorkbookAccess

    _xlwings: type[WorkbookAccess] = XlwingsWorkbook
