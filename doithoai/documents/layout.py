"""Decree 30/2020/NĐ-CP and HD 36-HD/VPTW page layout, as python-docx calls. Used only to build the Word templates.

Slightly longer than the ~450-line guide: every block the templates share (page, letterhead for both issuing
bodies, tables, signature, recipients, print-layout switches) lives here so each is drawn once.

Each template is an ordinary .docx the office can edit in Word; the `{{ … }}` and `{%p … %}` tags are
docxtpl's. This module draws the parts every document shares: page, fonts, letterhead, recipients and
signature block; `scripts/build_templates.py` composes them into the templates.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

if TYPE_CHECKING:
    from docx.blkcntnr import BlockItemContainer
    from docx.document import Document
    from docx.oxml.section import CT_SectPr
    from docx.styles.style import CharacterStyle
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT = 14
INDENT_CM = 1.27


def set_font(style_or_run: CharacterStyle | Run, size: float | None = None) -> None:
    font = style_or_run.font
    font.name = FONT
    if size:
        font.size = Pt(size)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _at_least_mm(mm: float) -> Twips:
    # Word stores margins in twips; rounding 15 mm to the nearest twip gives 14.99 mm, outside the decree's range.
    return Twips(math.ceil(mm * 1440 / 25.4))


def times_everywhere(document: Document) -> None:
    """Every font python-docx's default template names (theme fonts, Courier for macro text) becomes Times New Roman.

    A style nobody uses still shows in Word's style list, and staff pick from it.
    """
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)


def setup_document(document: Document, *, landscape: bool = False) -> None:
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = _at_least_mm(MARGINS_MM["top"])
    section.bottom_margin = _at_least_mm(MARGINS_MM["bottom"])
    section.left_margin = _at_least_mm(MARGINS_MM["left"])
    section.right_margin = _at_least_mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    for name in ("Normal", "Table Grid"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        set_font(style, BODY_PT if name == "Normal" else 12)
    times_everywhere(document)
    normal = document.styles["Normal"].paragraph_format
    normal.space_after = Pt(6)
    normal.space_before = Pt(0)
    normal.line_spacing = 1.1
    # Page number centred at the top, not on the first page; numbering starts at 1 in every section
    # (a combined file of letters is one section per letter, see `section_break`).
    section.different_first_page_header_footer = True
    restart_numbering(section._sectPr)
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(paragraph, "PAGE")
    for run in paragraph.runs:
        set_font(run, 13)


def add_field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(separate)
    shown = OxmlElement("w:t")
    shown.text = "2"
    run._r.append(shown)
    run._r.append(end)


def para(container: Document | BlockItemContainer, text: str = "", *, size: float = BODY_PT, bold: bool = False,
         italic: bool = False, align: str = "justify", indent: bool = False, after: float = 6, before: float = 0,
         keep: bool = False) -> Paragraph:
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    fmt.first_line_indent = Cm(INDENT_CM) if indent else Cm(0)
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    if keep:
        fmt.keep_with_next = True
    if text:
        run = paragraph.add_run(text)  # one run per tag, so Word users can edit the wording around it
        run.bold = bold
        run.italic = italic
        set_font(run, size)
    return paragraph


def body(container: Document | BlockItemContainer, text: str) -> Paragraph:
    """A body paragraph: 14 pt, justified, first-line indent 1.27 cm, 6 pt after."""
    return para(container, text, indent=True)


def short_rule(paragraph: Paragraph, width_cm: float, cell_width_cm: float) -> None:
    """A short line under a heading: the bottom border of an empty, indented paragraph."""
    side = max((cell_width_cm - width_cm) / 2, 0)
    paragraph.paragraph_format.left_indent = Cm(side)
    paragraph.paragraph_format.right_indent = Cm(side)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _cell_paragraph(cell: _Cell, text: str, *, size: float, bold: bool = False, italic: bool = False,
                    first: bool = False) -> Paragraph:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        set_font(run, size)
    return paragraph


LEFT_CM, RIGHT_CM = 6.0, 10.5  # together the printable width of A4 with the decree's margins
PARTY_LEFT_CM, PARTY_RIGHT_CM = 7.6, 8.9  # HD 36: superior level and issuing body each on one line


def rule(cell: _Cell, width_cm: float, cell_width_cm: float) -> Paragraph:
    """A short line right under the paragraph above: an empty 2-pt paragraph with a bottom border.

    Its height is fixed (exact line spacing, a 1-pt paragraph mark), so the line sits under the text it belongs
    to instead of a full empty line lower.
    """
    paragraph = cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(2)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    ppr = paragraph._p.get_or_add_pPr()
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    ppr.append(mark)
    short_rule(paragraph, width_cm, cell_width_cm)
    return paragraph


def _tag_paragraph(cell: _Cell, tag: str) -> Paragraph:
    """A `{%p … %}` paragraph inside a cell (docxtpl removes it when rendering)."""
    paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.add_run(tag)
    return paragraph


def _head_table(document: Document, widths: tuple[float, float]) -> list[_Cell]:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    set_widths(table, list(widths))
    return table.rows[0].cells


def _number_and_subject(left: _Cell, number: bool, subject_tag: str | None, number_tag: str, size: float) -> None:
    if number:
        # `so_dong` is the whole line, "Số: 12/BC-UBND" or "Số 12-BC/ĐU": the two layouts punctuate it differently.
        _cell_paragraph(left, number_tag, size=size).paragraph_format.space_before = Pt(6)
    if subject_tag:
        _cell_paragraph(left, subject_tag, size=12)


def letterhead(document: Document, number: bool = True, subject_tag: str | None = None, date_tag: str = "{{ noi_ngay }}",
               number_tag: str = "{{ so_dong }}") -> None:
    """The issuing body's heading, for either layout (`la_dang` picks one when rendering).

    Decree 30/2020: issuing body (left) and national title with motto (right), each with its short line; number
    and symbol under the body, place and date under the motto. HD 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM" with its
    line (right), superior level and issuing body with a star (left). `number`: False for papers without one
    (agenda, sign-in list). The tags are the fields of `issuer.issuer_fields`.
    """
    para(document, "{%p if la_dang %}", after=0)
    left, right = _head_table(document, (PARTY_LEFT_CM, PARTY_RIGHT_CM))
    first = left.paragraphs[0]
    first.add_run("{%p if co_quan_cap_tren %}")
    _cell_paragraph(left, "{{ co_quan_cap_tren }}", size=12)
    _tag_paragraph(left, "{%p endif %}")
    _cell_paragraph(left, "{{ co_quan }}", size=14, bold=True)
    _cell_paragraph(left, "*", size=14)
    _number_and_subject(left, number, subject_tag, number_tag, 14)
    _cell_paragraph(right, "{{ quoc_hieu }}", size=15, bold=True, first=True)
    rule(right, 7.0, PARTY_RIGHT_CM)
    _cell_paragraph(right, date_tag, size=13, italic=True).paragraph_format.space_before = Pt(6)
    para(document, "{%p else %}", after=0)
    left, right = _head_table(document, (LEFT_CM, RIGHT_CM))
    left.paragraphs[0].add_run("{%p if co_quan_cap_tren %}")
    _cell_paragraph(left, "{{ co_quan_cap_tren }}", size=12)
    _tag_paragraph(left, "{%p endif %}")
    _cell_paragraph(left, "{{ co_quan }}", size=12, bold=True)
    _cell_paragraph(left, "{{ don_vi }}", size=12, bold=True)
    rule(left, 2.0, LEFT_CM)
    _number_and_subject(left, number, subject_tag, number_tag, 13)
    _cell_paragraph(right, "{{ quoc_hieu }}", size=12, bold=True, first=True)
    _cell_paragraph(right, "{{ tieu_ngu }}", size=13, bold=True)
    rule(right, 5.6, RIGHT_CM)
    _cell_paragraph(right, date_tag, size=14, italic=True).paragraph_format.space_before = Pt(6)
    para(document, "{%p endif %}", after=0)


def title(document: Document, *lines: str) -> None:
    """The document's name and subject, centred; "Nhân dân" and "năm 2026" never break apart (the `lien` filter,
    see render.jinja_env, does the same inside the values)."""
    import re

    for index, line in enumerate(lines):
        line = line.replace("Nhân dân", "Nhân\u00a0dân").replace("năm {{", "năm\u00a0{{")
        line = re.sub(r"\{\{\s*([a-z_.]+)\s*\}\}", r"{{ \1|lien }}", line)
        para(document, line, size=14, bold=True, align="center", after=0 if index < len(lines) - 1 else 12,
             before=12 if index == 0 else 0, keep=True)


def signature(document: Document, *, recipients: bool = True) -> None:
    """"Nơi nhận:" (left: bold italic under Decree 30, underlined under HD 36) and the signature block (right), on one
    page with the body's last paragraph.

    The block is one table row that may not split, and the paragraph before it keeps with it, so the
    signer's name never sits alone on a page (Word and LibreOffice both honour these two properties).
    """
    keep_with_next(last_paragraph(document))
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _no_borders(table)
    rows_do_not_split(table)
    left, right = table.rows[0].cells
    set_widths(table, [7.5, 9.0])
    if recipients:
        left.paragraphs[0].add_run("{%p if la_dang %}")
        heading = left.add_paragraph()
        run = heading.add_run("Nơi nhận:")
        run.underline = True
        set_font(run, 14)
        heading.paragraph_format.space_after = Pt(0)
        _tag_paragraph(left, "{%p else %}")
        heading = left.add_paragraph()
        run = heading.add_run("Nơi nhận:")
        run.bold = run.italic = True
        set_font(run, 12)
        heading.paragraph_format.space_after = Pt(0)
        _tag_paragraph(left, "{%p endif %}")
        item = left.add_paragraph()
        item.paragraph_format.space_after = Pt(0)
        run = item.add_run("{{ noi_nhan }}")
        set_font(run, 11)
    first = True
    for tag in ("{{ ky_dong_1 }}", "{% if ky_dong_2 %}{{ ky_dong_2 }}{% endif %}"):
        _cell_paragraph(right, tag, size=13, bold=True, first=first)
        first = False
    right.add_paragraph().add_run("{%p if ky_dong_3 %}")
    _cell_paragraph(right, "{{ ky_dong_3 }}", size=13, bold=True)
    _tag_paragraph(right, "{%p endif %}")
    for _ in range(4):
        _cell_paragraph(right, "", size=13)
    _cell_paragraph(right, "{{ nguoi_ky }}", size=14, bold=True)
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            keep_with_next(paragraph)


def two_signatures(document: Document, left: tuple[str, str], right: tuple[str, str]) -> None:
    """Two signers side by side, as minutes are signed: (title, name tag) for the secretary and the chair.

    Kept on one page with the body's last paragraph and with the recipients after it, like `signature`.
    """
    keep_with_next(last_paragraph(document))
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _no_borders(table)
    rows_do_not_split(table)
    set_widths(table, [8.0, 8.5])
    for cell, (heading, name) in zip(table.rows[0].cells, (left, right), strict=True):
        _cell_paragraph(cell, heading, size=13, bold=True, first=True)
        _cell_paragraph(cell, "(Ký, ghi rõ họ tên)", size=12, italic=True)
        for _ in range(3):
            _cell_paragraph(cell, "", size=13)
        _cell_paragraph(cell, name, size=14, bold=True)
        for paragraph in cell.paragraphs:
            keep_with_next(paragraph)


def recipients(document: Document) -> None:
    """"Nơi nhận:" and its list on their own, after a signature block that has none (minutes); underlined under HD 36."""
    para(document, "{%p if la_dang %}", after=0)
    heading = para(document, "", align="left", after=0, before=12)
    run = heading.add_run("Nơi nhận:")
    run.underline = True
    set_font(run, 14)
    heading.paragraph_format.keep_with_next = True
    para(document, "{%p else %}", after=0)
    heading = para(document, "Nơi nhận:", size=12, bold=True, italic=True, align="left", after=0, before=12)
    heading.paragraph_format.keep_with_next = True
    para(document, "{%p endif %}", after=0)
    para(document, "{{ noi_nhan }}", size=11, align="left", after=0)


def set_widths(table: Table, widths_cm: list[float]) -> None:
    """Column widths both where Word looks (each cell) and where LibreOffice looks (the table grid), fixed layout."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # the grid
        for cell in column.cells:
            cell.width = Cm(width)
    properties = table._tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    total.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(total)


def grid_table(document: Document, headers: list[str], row_tags: list[str], widths_cm: list[float], *, loop: str,
               size: float = 12, left: tuple[int, ...] | None = None, total: list[str] | None = None,
               min_height_cm: float = 0) -> Table:
    """A bordered table: a header row, then one row repeated by `{%tr for … %}` rows around it.

    `left`: the columns of running text, aligned left; every other column (numbers, codes, dates) is
    centred, in every row alike. By default the columns whose tag is the content. `total`: tags of a
    bold last row after the loop (a total). `min_height_cm`: each repeated row at least this high (room to sign).
    """
    if left is None:
        left = tuple(i for i, tag in enumerate(row_tags) if "noi_dung" in tag)
    table = document.add_table(rows=5 if total else 4, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, widths_cm)
    for column, header in enumerate(headers):
        _cell_paragraph(table.rows[0].cells[column], header, size=size, bold=True, first=True)
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr " + loop + " %}")
    for column, tag in enumerate(row_tags):
        paragraph = table.rows[2].cells[column].paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if column in left else WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(tag)
        set_font(run, size)
    if min_height_cm:
        row_properties = table.rows[2]._tr.get_or_add_trPr()
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(round(min_height_cm * 567)))
        height.set(qn("w:hRule"), "atLeast")
        row_properties.append(height)
        for cell in table.rows[2].cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    for column, tag in enumerate(total or ()):
        paragraph = table.rows[4].cells[column].paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if column in left else WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(tag)
        run.bold = True
        set_font(run, size)
    # Repeat the header row on every page; no row is split between two pages.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    rows_do_not_split(table)
    return table


# --------------------------------------------------------------------------------------------------
# Keep-together helpers, reusable by every template (see coord.md).


def last_paragraph(container: Document | BlockItemContainer) -> Paragraph | None:
    paragraphs = container.paragraphs
    return paragraphs[-1] if paragraphs else None


def keep_with_next(paragraph: Paragraph | None) -> None:
    """This paragraph goes on the page of whatever follows it (a paragraph or a table's first row)."""
    if paragraph is not None:
        paragraph.paragraph_format.keep_with_next = True


def rows_do_not_split(table: Table) -> None:
    """`w:cantSplit` on every row: a row moves whole to the next page instead of breaking in two.

    docxtpl copies a `{%tr for %}` row with its properties, so every generated row inherits it.
    """
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            element = OxmlElement("w:cantSplit")
            # Schema order inside w:trPr puts cantSplit before tblHeader.
            tr_pr.insert(0, element)


def restart_numbering(sect_pr: CT_SectPr) -> None:
    """Page numbers start at 1 in this section."""
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    # Schema order: pgNumType comes after pgMar/paperSrc/pgBorders/lnNumType, before cols.
    cols = sect_pr.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(numbering)
    else:
        sect_pr.append(numbering)


def section_break(document: Document) -> Paragraph:
    """A paragraph ending a section: what follows starts on a new page, numbered from 1, first page without a number.

    For loops that put several documents in one file (letters, invitations): each is a document of its
    own when printed. The section copies the document's page setup and header references.
    """
    import copy

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    sect_pr = copy.deepcopy(document.sections[-1]._sectPr)
    for old in sect_pr.findall(qn("w:type")):
        sect_pr.remove(old)
    kind = OxmlElement("w:type")
    kind.set(qn("w:val"), "nextPage")
    references = [child for child in sect_pr if child.tag in (qn("w:headerReference"), qn("w:footerReference"))]
    (references[-1].addnext if references else lambda e: sect_pr.insert(0, e))(kind)
    restart_numbering(sect_pr)
    paragraph._p.get_or_add_pPr().append(sect_pr)
    return paragraph
