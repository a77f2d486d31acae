"""A whole report sheet the tool owns (`model.SheetWrite`: `Kiểm tra`, the share log, the secretary's sheet) as one
worksheet part, built as a string: a 4,000-row sheet costs no element objects at all.

It looks exactly as the openpyxl writer made it: the header row bold on a light-blue fill (DDEBF7) across the
sheet's width, the given column widths, internal hyperlinks by `location` (no relationship, so they work in Excel and
LibreOffice) in the link colour, underlined, text longer than 40 characters below the header wrapped and aligned to
the top (and every other cell of that row with it, so a label stays beside its message), the columns named in
`wrap_columns` wrapped whole (what a person types there later too), text over Excel's cell limit cut visibly with "…",
the first row frozen, A4 landscape one page wide. One
difference on purpose: derived fonts keep the workbook's own typeface and size (openpyxl's were Calibri 11). Print
titles are a defined name in workbook.xml: the package layer writes `PRINT_TITLES` = `print_titles(name)`.
"""

from __future__ import annotations

from typing import Any

from ...core.model import SheetWrite, cell_address, column_letter, quoted_sheet
from ...core.text import EXCEL_CELL_LIMIT, clean_text
from .cellvalue import encode, inner_xml, xml_attribute
from .lines import row_height, text_lines
from .order import XML_DECLARATION
from .styles import MAIN_NS, Styles

HEADER_FILL = "DDEBF7"
LINK_COLOR = "0563C1"
WRAP_OVER = 40  # characters of text below the header beyond which the cell wraps
PRINT_TITLES = "_xlnm.Print_Titles"

_HEAD = (
    f'<worksheet xmlns="{MAIN_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="{{dimension}}"/>'
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
)
_TAIL = (
    '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
)


def print_titles(sheet_name: str) -> str:
    """The value of the sheet's `_xlnm.Print_Titles` defined name: its first row on every printed page."""
    return f"{quoted_sheet(sheet_name)}!$1:$1"


def _value(value: Any) -> Any:
    if isinstance(value, str):
        if len(value) > EXCEL_CELL_LIMIT:  # a report quoting a very long entry: cut visibly
            value = value[: EXCEL_CELL_LIMIT - 1] + "…"
        return clean_text(value)
    return value


def sheet_xml(spec: SheetWrite, styles: Styles) -> bytes:
    """The complete worksheet part of `spec`; the cell formats it needs are derived in `styles`."""
    links = spec.links
    width = max([len(row) for row in spec.rows] + [column for _, column in links] + [0])
    height = max([len(spec.rows)] + [row for row, _ in links])
    cache: dict[tuple[bool, bool, bool, str | None, bool], int] = {}
    wrapped_columns = set(spec.wrap_columns)

    def style(header: bool, link: bool, wrap: bool, number_format: str | None, top: bool = False) -> int:
        key = (header, link, wrap, number_format, top)
        found = cache.get(key)
        if found is None:
            found = cache[key] = styles.derive(
                0, number_format=number_format, bold=header and not link, fill=HEADER_FILL if header else None,
                font_color=LINK_COLOR if link else None, underline=link, wrap=wrap, top=top and not wrap)
        return found

    link_reach: dict[int, int] = {}
    for row_index, column in links:
        link_reach[row_index] = max(link_reach.get(row_index, 0), column)
    displays: dict[tuple[int, int], str] = {}
    letters = [column_letter(column) for column in range(width + 1)]
    parts: list[str] = []
    for row_index in range(1, height + 1):
        values = spec.rows[row_index - 1] if row_index <= len(spec.rows) else []
        header = row_index == 1 and bool(spec.rows)
        last = width if header else max(len(values), link_reach.get(row_index, 0))
        cells: list[str] = []
        lines = 1
        found: list[tuple[int, Any, bool, bool]] = []  # (column, value, link, wrap) of each cell written
        for column in range(1, last + 1):
            value = _value(values[column - 1]) if column <= len(values) else None
            link = (row_index, column) in links
            if value is None and not (header or link):
                continue
            wrap = row_index > 1 and ((isinstance(value, str) and len(value) > WRAP_OVER) or column in wrapped_columns)
            if wrap and isinstance(value, str):
                lines = max(lines, text_lines(value, spec.widths[column - 1] if column <= len(spec.widths) else 0))
            found.append((column, value, link, wrap))
        # A row with a wrapped cell aligns every cell to the top: a label stays beside its message.
        top = any(wrap for _, _, _, wrap in found)
        for column, value, link, wrap in found:
            t, text, number_format = encode(value)
            s = (style(header, link, wrap, number_format, top) if (header or link or wrap or number_format or top) else 0)
            if link:
                displays[(row_index, column)] = "" if value is None else str(value)
            attributes = f' r="{letters[column]}{row_index}"' + (f' s="{s}"' if s else "") + (f' t="{t}"' if t else "")
            cells.append(f"<c{attributes}/>" if text is None else f"<c{attributes}>{inner_xml(t, text)}</c>")
        if cells:
            parts.append(f'<row r="{row_index}"{row_height(lines)}>{"".join(cells)}</row>')

    corner = cell_address(max(height, 1), max(width, 1))
    out = [_HEAD.replace("{dimension}", "A1" if corner == "A1" else f"A1:{corner}")]
    if spec.widths:
        wrap_style = style(False, False, True, None) if wrapped_columns else 0
        cols = "".join(f'<col min="{i}" max="{i}" width="{w!r}"'
                       + (f' style="{wrap_style}"' if i in wrapped_columns else "") + ' customWidth="1"/>'
                       for i, w in enumerate(spec.widths, 1) if w)
        if cols:
            out.append(f"<cols>{cols}</cols>")
    out.append(f"<sheetData>{''.join(parts)}</sheetData>" if parts else "<sheetData/>")
    if links:
        out.append("<hyperlinks>")
        for (row_index, column), target in sorted(links.items()):
            out.append(f'<hyperlink ref="{cell_address(row_index, column)}" location="{xml_attribute(target)}" '
                       f'display="{xml_attribute(displays.get((row_index, column), ""))}"/>')
        out.append("</hyperlinks>")
    out.append(_TAIL)
    return XML_DECLARATION + "".join(out).encode("utf-8")
