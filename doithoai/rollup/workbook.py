"""Writing the roll-up workbook: a fresh .xlsx, values only, text always written as text.

The roll-up's sheets are plain grids (values, seven cell styles, column widths, a frozen header, a filter,
print setup), up to a few hundred thousand cells for a province. A general writer spends ~7 µs a cell on
them (XlsxWriter: 1.4 s for the 150-ward province, more than reading the 150 workbooks), so this module
writes the SpreadsheetML parts itself, a row at a time from f-strings (~0.15 s), with the part layout
XlsxWriter gives (the same XML elements, styles and order; no theme part, the fonts are named).

- Every string is a shared string, escaped as text: a petition typed as "=HYPERLINK(…)", "+84…" or "<r>…"
  stays text and never becomes a formula, a number or markup. Characters an .xlsx cannot hold are left out,
  a carriage return and a literal "_x0041_" are escaped the way Excel reads them back, and a cell keeps
  Excel's 32,767 characters at most.
- Deterministic: the properties carry the roll-up date, the zip entries a fixed time, so the same folder on
  the same day gives the same bytes.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..core.model import column_letter, quoted_sheet
from ..core.text import EXCEL_CELL_LIMIT, clean_text
from ..io.xlsxpatch.cellvalue import INLINE, encode, excel_text, xml_attribute
from ..io.xlsxpatch.cellvalue import xml_escape as _xml_escape
from ..io.xlsxpatch.lines import row_height, text_lines
from .aggregate import Rollup, Sheet

FONT = "Times New Roman"
# Cell styles (indexes into cellXfs below).
TITLE, HEADER, PLAIN, WRAP, DATE, TOTAL = 1, 2, 3, 4, 5, 6
_THIN = '<color auto="1"/>'
_FONT_TAGS = f'<name val="{FONT}"/><family val="1"/>'
_ALIGNED = 'fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"'
_STYLES = "".join([
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>',
    '<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
    f'<font><b/><sz val="13"/>{_FONT_TAGS}</font>',  # TITLE
    f'<font><b/><sz val="11"/>{_FONT_TAGS}</font>',  # HEADER, TOTAL
    f'<font><sz val="11"/>{_FONT_TAGS}</font>',  # the rest
    '</fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>',
    '<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>',
    f'<border><left style="thin">{_THIN}</left><right style="thin">{_THIN}</right><top style="thin">{_THIN}</top>',
    f'<bottom style="thin">{_THIN}</bottom><diagonal/></border>',
    f'<border><left/><right/><top style="thin">{_THIN}</top><bottom/><diagonal/></border></borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7">',
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',  # default
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',  # TITLE
    '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">'
    '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>',  # HEADER
    f'<xf numFmtId="0" fontId="3" {_ALIGNED}><alignment vertical="top"/></xf>',  # PLAIN
    f'<xf numFmtId="0" fontId="3" {_ALIGNED}><alignment vertical="top" wrapText="1"/></xf>',  # WRAP
    f'<xf numFmtId="164" fontId="3" {_ALIGNED} applyNumberFormat="1"><alignment vertical="top"/></xf>',  # DATE
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="2" xfId="0" applyFont="1" applyBorder="1"/>',  # TOTAL
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>',
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>',
])

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _quoteattr(text: str) -> str:
    return '"' + xml_attribute(text) + '"'


def _width(chars: float) -> str:
    """A column width in characters as Excel stores it (XlsxWriter's conversion through pixels)."""
    pixels = int(chars * 12 + 0.5) if chars < 1 else int(chars * 7 + 0.5) + 5
    return f"{pixels * 256 // 7 / 256:.16g}"


def _shared_text(value: str) -> str:
    """A shared string's <si> element: the text as the project writes any cell's text (`io.xlsxpatch.cellvalue`:
    control characters the format forbids dropped, a literal "_x0041_" escaped as Excel reads it, a carriage
    return kept), at most Excel's cell limit."""
    text = _xml_escape(excel_text(clean_text(value)[:EXCEL_CELL_LIMIT]))
    return f'<si><t xml:space="preserve">{text}</t></si>'


class _Strings:
    """The shared-string table: each distinct text once, in order of first use."""

    def __init__(self) -> None:
        self.index: dict[str, str] = {}  # text -> its index, as the text of a <v>
        self.count = 0  # cells that refer to the table

    def ref(self, text: str) -> str:
        """The index of `text` in the table (added on first use), counting one more cell that holds it."""
        self.count += 1
        n = self.index.get(text)
        if n is None:
            n = self.index[text] = str(len(self.index))
        return n

    def xml(self) -> str:
        items = "".join(_shared_text(s) for s in self.index)
        return f'{_XML}<sst {_MAIN} count="{self.count}" uniqueCount="{len(self.index)}">{items}</sst>'


class _Columns:
    """A sheet's columns as its cells start: per column `<c r="B`, and what follows the row number for a shared
    string or a number in the column's style. Built once a sheet, so that a cell costs one f-string."""

    def __init__(self, letters: list[str], styles: list[int]) -> None:
        self.letters, self.styles = letters, styles
        self.cells = [(f'<c r="{letter}', f'" s="{style}" t="s"><v>', f'" s="{style}"><v>')
                      for letter, style in zip(letters, styles, strict=True)]


def _cells(row: list[Any], r: int, columns: _Columns, strings: _Strings) -> str:
    """One row's <c> elements; blank values have none."""
    index = strings.index
    out = []
    texts = 0
    for col, value in enumerate(row):
        cls = value.__class__
        if cls is str:
            if not value:
                continue
            n = index.get(value)
            if n is None:
                n = index[value] = str(len(index))
            texts += 1
            head, text, _ = columns.cells[col]
            out.append(f"{head}{r}{text}{n}</v></c>")
        elif value is None:
            continue
        elif cls is int:
            head, _, number = columns.cells[col]
            out.append(f"{head}{r}{number}{value}</v></c>")
        else:
            out.append(_other_cell(value, f"{columns.letters[col]}{r}", columns.styles[col], strings))
    strings.count += texts
    return "".join(out)


def _other_cell(value: Any, ref: str, style: int, strings: _Strings) -> str:
    """Dates, floats, booleans and anything else, encoded as every writer of the project encodes a cell
    (`io.xlsxpatch.cellvalue.encode`), except that a boolean reads "Có"/"Không" and a date or a date and time
    shows as a day (dd/mm/yyyy); a value that cannot be a cell (NaN, an object) is written as its text."""
    if isinstance(value, bool):
        value = "Có" if value else "Không"
    if not isinstance(value, str):
        try:
            kind, text, date_format = encode(value)
        except (TypeError, ValueError):
            kind, text, date_format = INLINE, str(value), None
        if text is None:
            return ""
        if kind != INLINE:
            return f'<c r="{ref}" s="{DATE if date_format else style}"><v>{text}</v></c>'
        value = text  # a date Excel cannot show, as its text
    value = str(value)
    if not value:
        return ""
    return f'<c r="{ref}" s="{style}" t="s"><v>{strings.ref(value)}</v></c>'


_ROWS_A_CHUNK = 1000  # rows joined and handed to the compressing thread at a time


def _layout(sheet: Sheet) -> tuple[list[str], int]:
    """(the column letters the sheet uses, the 1-based row of its headers)."""
    width = max([len(sheet.headers), *(len(row) for row in sheet.rows)])
    return [column_letter(i) for i in range(1, max(width, 1) + 1)], (3 if sheet.groups else 2)


def _filter_range(sheet: Sheet) -> str | None:
    """The filter's range ("$A$2:$H$40"), None for a sheet without one."""
    if not sheet.rows or len(sheet.headers) <= 1:
        return None
    letters, head = _layout(sheet)
    data_last = head + len(sheet.rows) - (1 if sheet.total_row else 0)
    return f"${letters[0]}${head}:${letters[len(sheet.headers) - 1]}${max(data_last, head)}"


def _sheet_xml(sheet: Sheet, strings: _Strings, selected: bool) -> Iterator[str]:
    """The worksheet part, in pieces of `_ROWS_A_CHUNK` rows: each is compressed while the next is built."""
    letters, head = _layout(sheet)

    def text_cell(col: int, r: int, text: str, style: int) -> str:
        return f'<c r="{letters[col]}{r}" s="{style}" t="s"><v>{strings.ref(text)}</v></c>'

    cols = "".join(f'<col min="{c + 1}" max="{c + 1}" width="{_width(w)}" customWidth="1"/>' for c, w in enumerate(sheet.widths))
    view = ' tabSelected="1"' if selected else ""
    rows = [
        f'{_XML}<worksheet {_MAIN} xmlns:r="{_REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
        f'<dimension ref="A1:{letters[-1]}{head + len(sheet.rows)}"/>',
        f'<sheetViews><sheetView{view} workbookViewId="0"><pane ySplit="{head}" topLeftCell="A{head + 1}" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>',
        '<sheetFormatPr defaultRowHeight="15"/>',
        f"<cols>{cols}</cols>" if cols else "",
        "<sheetData>",
        f'<row r="1">{text_cell(0, 1, sheet.title, TITLE)}</row>',
    ]
    merges = []
    if sheet.groups:
        cells: dict[int, str] = {}
        for label, first, last in sheet.groups:
            cells[first] = text_cell(first, 2, label, HEADER)
            for col in range(first + 1, last + 1):
                cells[col] = f'<c r="{letters[col]}2" s="{HEADER}"/>'
            if last > first:
                merges.append(f'<mergeCell ref="{letters[first]}2:{letters[last]}2"/>')
        rows.append(f'<row r="2">{"".join(cells[c] for c in sorted(cells))}</row>')
    rows.append(f'<row r="{head}" ht="45" customHeight="1">'
                + "".join(text_cell(col, head, h, HEADER) for col, h in enumerate(sheet.headers)) + "</row>")
    styles = _Columns(letters, [WRAP if col in sheet.wrap else PLAIN for col in range(len(letters))])
    totals = _Columns(letters, [TOTAL] * len(letters))
    wrapped = [(col, sheet.widths[col] if col < len(sheet.widths) else 0) for col in sheet.wrap]
    last = len(sheet.rows) - 1
    for i, row in enumerate(sheet.rows):
        r = head + 1 + i
        lines = max([text_lines(row[col], width) for col, width in wrapped if col < len(row) and row[col].__class__ is str],
                    default=1)
        row_cells = _cells(row, r, totals if sheet.total_row and i == last else styles, strings)
        rows.append(f'<row r="{r}"{row_height(lines)}>{row_cells}</row>')
        if len(rows) >= _ROWS_A_CHUNK:
            yield "".join(rows)
            rows = []
    rows.append("</sheetData>")
    filter_range = _filter_range(sheet)
    if filter_range:
        rows.append(f'<autoFilter ref="{filter_range.replace("$", "")}"/>')
    if merges:
        rows.append(f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>')
    rows.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/></worksheet>')
    yield "".join(rows)


def _workbook_xml(sheets: list[Sheet], filters: list[str | None]) -> str:
    entries = "".join(f'<sheet name={_quoteattr(s.name)} sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, start=1))
    names = []
    for i, (sheet, filter_range) in enumerate(zip(sheets, filters, strict=True)):
        quoted = _xml_escape(quoted_sheet(sheet.name))
        head = 3 if sheet.groups else 2
        if filter_range:
            names.append(("_xlnm._FilterDatabase", sheet.name, f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" '
                          f'hidden="1">{quoted}!{filter_range}</definedName>'))
        names.append(("_xlnm.Print_Titles", sheet.name,
                      f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{quoted}!${head}:${head}</definedName>'))
    defined = "".join(xml for _, _, xml in sorted(names))
    return (f'{_XML}<workbook {_MAIN} xmlns:r="{_REL}"><workbookPr/><bookViews><workbookView xWindow="240" yWindow="15" '
            f'windowWidth="16095" windowHeight="9660"/></bookViews><sheets>{entries}</sheets>'
            f'<definedNames>{defined}</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _package_parts(rollup: Rollup) -> Iterator[tuple[str, Iterable[str]]]:
    """Each part's name and its text in pieces, in the package's order; a sheet is built as it is written (its
    texts enter the shared-string table, written last, in order of first use)."""
    count = len(rollup.sheets)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
                        for i in range(1, count + 1))
    content_types = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>{overrides}'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/></Types>')
    root_rels = (
        f'{_XML}<Relationships xmlns="{_PACKAGE_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{_PACKAGE_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>')
    book_rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                        for i in range(1, count + 1))
    book_rels = (f'{_XML}<Relationships xmlns="{_PACKAGE_REL}">{book_rels}'
                 f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
                 f'<Relationship Id="rId{count + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    stamp = f"{rollup.today:%Y-%m-%d}T00:00:00Z"
    core = (
        f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Tổng hợp kết quả hội nghị đối thoại</dc:title><dc:creator>Đối thoại</dc:creator>"
        "<dc:description>Tạo bằng phần mềm Đối thoại</dc:description><cp:lastModifiedBy>Đối thoại</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')
    app = (f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel'
           "</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company></Company>"
           "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
           "<AppVersion>12.0000</AppVersion></Properties>")
    yield "[Content_Types].xml", (content_types,)
    yield "_rels/.rels", (root_rels,)
    yield "docProps/app.xml", (app,)
    yield "docProps/core.xml", (core,)
    yield "xl/workbook.xml", (_workbook_xml(rollup.sheets, [_filter_range(sheet) for sheet in rollup.sheets]),)
    yield "xl/_rels/workbook.xml.rels", (book_rels,)
    yield "xl/styles.xml", (_STYLES,)
    strings = _Strings()
    for i, sheet in enumerate(rollup.sheets):
        yield f"xl/worksheets/sheet{i + 1}.xml", _sheet_xml(sheet, strings, selected=i == 0)
    yield "xl/sharedStrings.xml", (strings.xml(),)


def write_rollup(path: Path, rollup: Rollup) -> None:
    """The roll-up workbook at `path`. Each part is deflated in a second thread while this one builds the next
    piece (zlib lets go of the interpreter while it compresses: ~40 ms of the province's write overlap)."""
    import queue
    import threading

    pieces: queue.SimpleQueue = queue.SimpleQueue()  # a part's name (str), its pieces (bytes), then None; _DONE last
    failed: list[BaseException] = []

    def deflate(archive: zipfile.ZipFile) -> None:
        member: Any = None
        while (piece := pieces.get()) is not _DONE:
            if failed:
                continue  # drain what this thread is still sent; the error is raised below
            try:
                if isinstance(piece, str):
                    member = archive.open(piece, "w")  # at the archive's date (1980-01-01), level and permissions
                elif piece is None:
                    member, done = None, member
                    done.close()
                else:
                    member.write(piece)
            except BaseException as exc:  # noqa: B036 - handed to the building thread, which raises it
                failed.append(exc)
        if member is not None:  # stopped halfway (an error): closed, so that the archive closes and the error shows
            with contextlib.suppress(Exception):
                member.close()

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        thread = threading.Thread(target=deflate, args=(archive,), daemon=True)
        thread.start()
        try:
            for name, texts in _package_parts(rollup):
                pieces.put(name)
                for text in texts:
                    pieces.put(text.encode("utf-8"))
                pieces.put(None)
        finally:
            pieces.put(_DONE)
            thread.join()
        if failed:
            raise failed[0]


_DONE = object()
