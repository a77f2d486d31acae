"""Print layout decided after rendering, when the text is known: table column widths and the last rows kept together.

Applied to every bordered table (style `TableGrid`) of a rendered document, in Word's XML:

- **Column widths from content.** A column whose cells are all short (codes, dates, times, roles, counts:
  at most `SHORT` characters per line) gets the width its longest line needs in Times New Roman (never
  less than the template gave it),
  so "KN-007" and "22/05/2026" never wrap; the other columns share what is left in proportion to the
  widths the template gave them, never narrower than their longest word. Widths are measured with the
  Adobe metrics of Times (identical advance widths to Times New Roman and Liberation Serif), so Word and
  LibreOffice lay out the same.
- **Names on one line.** A column of names, places and titles (every line at most `NAME` characters: "Tổ dân phố Cẩm
  Khê A", "Nguyễn Thị Thanh Huyền") gets the width its longest line needs when the remaining text columns can still
  hold their longest word at their share; the narrowest such columns first. So a residential group is never wrapped
  in the sign-in list or the agenda while the long text beside it (content, posts) wraps.
- **No lone last row.** The paragraphs of the rows before the last carry keep-with-next, so the last
  `KEEP_LAST` rows move to the next page together with the row before them rather than one row alone.
- **No lone header.** The header row and the first `KEEP_FIRST` rows keep together (a table never starts with its
  header, or its header and a row or two, at the foot of a page); a table of at most `KEEP_WHOLE` rows of figures
  and names (no line over `NAME` characters: the statistics by field, the attendance by group) keeps whole, so it moves
  to the next page in one piece.

Templates edited by the office get the same treatment. Pure: lxml element in, same element changed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..core.values import ascii_int

if TYPE_CHECKING:
    from lxml.etree import _Element as Element  # a Word XML element (lxml has no type information: Any to mypy)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SHORT = 16  # characters: a line this short is a code, date, time, role or count, never wrapped
NAME = 32  # characters: a column whose lines are all this short holds names, places or titles, kept on one line if it can
KEEP_LAST = 2  # rows at the end of a table that never stand alone on a page
KEEP_FIRST = 3  # rows after the header that never leave it alone at the foot of a page
KEEP_WHOLE = 12  # a table of at most this many rows (header included) is kept on one page
CELL_MARGINS = 2 * 108 + 60  # twips: Word's default left and right cell margins, plus slack for rounding

# Advance widths (1/1000 em) of ASCII 32..126 in Times-Roman and Times-Bold (Adobe AFM, as shipped by matplotlib).
_REGULAR = (250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
            500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722,
            611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444,
            500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
            500, 500, 444, 480, 200, 480, 541)
_BOLD = (250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
         500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
         722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556,
         444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394,
         220, 394, 520)
_SPECIAL = {"đ": "d", "Đ": "D", "ơ": "o", "Ơ": "O", "ư": "u", "Ư": "U", "–": "-", "“": '"', "”": '"', "\u00a0": " "}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of `text` on one line, in twips. Vietnamese letters measure as their base letter (marks sit above or below)."""
    widths = _BOLD_WIDTHS if bold else _REGULAR_WIDTHS
    total = 0
    for char in text:
        width = widths.get(char)
        if width is None:
            width = widths[char] = _advance(char, _BOLD if bold else _REGULAR)
        total += width
    # Horns (ơ, ư) widen a letter a little: measured against Liberation Serif, 4% covers them.
    return total / 1000 * size_pt * 20 * 1.04


def _advance(char: str, table: tuple[int, ...]) -> int:
    base = _SPECIAL.get(char) or unicodedata.normalize("NFD", char)[0]
    code = ord(base)
    return table[code - 32] if 32 <= code <= 126 else 1000 if unicodedata.east_asian_width(base) in "WF" else 556


# Each character's advance, worked out on first sight: a 7,500-row list measures the same few hundred characters
# hundreds of thousands of times.
_REGULAR_WIDTHS: dict[str, int] = {}
_BOLD_WIDTHS: dict[str, int] = {}


_P, _R, _T, _RPR, _SZ, _B, _VAL = (f"{{{W}}}{name}" for name in ("p", "r", "t", "rPr", "sz", "b", "val"))


def _runs(paragraph: Element) -> Iterator[tuple[str, float, bool]]:
    """(text, size_pt, bold) of each run of a paragraph, with the paragraph's own run defaults."""
    for run in paragraph.iter(_R):
        text = "".join(t.text or "" for t in run.iter(_T))
        if not text:
            continue
        props = run.find(_RPR)
        size, bold = 12.0, False
        if props is not None:
            sz = props.find(_SZ)
            half_points = ascii_int(sz.get(_VAL)) if sz is not None else None
            if half_points is not None:
                size = half_points / 2
            b = props.find(_B)
            bold = b is not None and b.get(_VAL, "true") not in ("0", "false")
        yield text, size, bold


def _measure(cell: Element, widths: dict[tuple[str, float, bool], float]) -> tuple[int, float, float]:
    """(longest line in characters, its width, widest word) of a cell, widths in twips. `widths` remembers each
    (text, size, bold) measured in this table: its codes, dates, names and words come back row after row."""

    def width_of(text: str, size: float, bold: bool) -> float:
        key = (text, size, bold)
        width = widths.get(key)
        if width is None:
            width = widths[key] = text_width(text, size, bold)
        return width

    longest, line_width, word_width = 0, 0.0, 0.0
    for paragraph in cell.iter(_P):
        runs = list(_runs(paragraph))
        text = "".join(t for t, _, _ in runs)
        width = sum(width_of(t, s, b) for t, s, b in runs)
        if len(text) > longest or width > line_width:
            longest, line_width = max(longest, len(text)), max(line_width, width)
        for t, s, b in runs:
            for word in t.split():
                word_width = max(word_width, width_of(word, s, b))
    return longest, line_width, word_width


def _is_grid(table: Element) -> bool:
    style = table.find(f"{_w('tblPr')}/{_w('tblStyle')}")
    return style is not None and style.get(_w("val")) == "TableGrid"


def fit_tables(root: Element) -> None:
    """Apply both rules to every bordered table under `root` (a document or body element)."""
    for table in list(root.iter(_w("tbl"))):
        if _is_grid(table):
            fit_columns(table)
            keep_first_rows(table)
            keep_last_rows(table)


def fit_columns(table: Element) -> None:
    grid = table.find(_w("tblGrid"))
    if grid is None:
        return
    columns = grid.findall(_w("gridCol"))
    widths = [int(c.get(_w("w"), "0") or 0) for c in columns]
    rows = table.findall(_w("tr"))
    if not columns or not all(widths) or not rows:
        return
    cells = [row.findall(_w("tc")) for row in rows]
    if any(len(r) != len(columns) for r in cells) or table.find(f".//{_w('gridSpan')}") is not None:
        return  # merged cells: leave the template's widths
    header = {i for i, row in enumerate(rows) if row.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None}
    body = [r for i, r in enumerate(cells) if i not in header]
    if not body:
        return
    total = sum(widths)
    short, need, line_need, lists, cell_lines = [], [], [], [], []
    widths_seen: dict = {}
    for index in range(len(columns)):
        measures = [_measure(row[index], widths_seen) for row in body]
        heads = [_measure(row[index], widths_seen) for i, row in enumerate(cells) if i in header]
        is_short = all(m[0] <= SHORT for m in measures)
        widest = max(m[1] for m in measures) if is_short else max(m[2] for m in measures)
        widest = max([widest] + [h[2] for h in heads])
        short.append(is_short)
        need.append(int(widest) + CELL_MARGINS)
        # A column of names (every line short enough): what its longest line needs, to keep it on one line.
        names = not is_short and all(m[0] <= NAME for m in measures)
        line_need.append(int(max([m[1] for m in measures] + [h[2] for h in heads])) + CELL_MARGINS if names else 0)
        lists.append(names and any("," in (t.text or "") for row in body for t in row[index].iter(_T)))
        cell_lines.append([int(m[1]) + CELL_MARGINS for m in measures] if names else [])
    fixed = sum(n for n, s in zip(need, short, strict=True) if s)
    flexible = [i for i, s in enumerate(short) if not s]
    if not flexible or fixed >= total:
        return  # nothing can give way: keep the template's widths
    # A short column only ever grows: the template's width is the designer's minimum (a header like
    # "Trả lời tại hội nghị" above one-digit counts must not become a column of single words).
    need = [max(n, w) if s else n for n, w, s in zip(need, widths, short, strict=True)]
    fixed = sum(n for n, s in zip(need, short, strict=True) if s)
    if fixed >= total:
        return
    new = _share(total, widths, need, short, set())
    if new is None:
        return  # a long word would not fit: the template's widths are as good as any
    new = _names_whole(total, widths, need, short, line_need, new, lists, cell_lines)
    for column, width in zip(columns, new, strict=True):
        column.set(_w("w"), str(width))
    for row in cells:
        for cell, width in zip(row, new, strict=True):
            props = cell.find(_w("tcPr"))
            if props is None:
                continue
            tc_w = props.find(_w("tcW"))
            if tc_w is not None:
                tc_w.set(_w("w"), str(width))
                tc_w.set(_w("type"), "dxa")


def _names_whole(total: int, widths: list[int], need: list[int], short: list[bool], line_need: list[int],
                 shared: list[int], lists: list[bool], cell_lines: list[list[int]]) -> list[int]:
    """The widths keeping the most cells of names on one line (`cell_lines`: each cell's line width in a column of
    names; `line_need` its longest), each other text column keeping at least two thirds of its `shared` width; `shared`
    itself when no choice does better. A column of lists ("Hạ tầng, giao thông": `lists`) counts half: it breaks well
    after its comma, a person's or a place's name does not. Few columns: every choice is tried."""
    from itertools import combinations

    names = [i for i, n in enumerate(line_need) if n]

    def score(widths_: list[int]) -> float:
        return sum((0.5 if lists[i] else 1.0) * sum(1 for width in cell_lines[i] if width <= widths_[i]) for i in names)

    best, best_score = shared, score(shared)
    candidates = [i for i in names if shared[i] < line_need[i]]
    for size in range(len(candidates), 0, -1):
        for chosen in combinations(candidates, size):
            whole = set(chosen)
            tried = _share(total, widths, [line_need[i] if i in whole else need[i] for i in range(len(widths))], short,
                           whole)
            if tried is None or any(tried[i] * 3 < shared[i] * 2 for i in range(len(widths))
                                    if not short[i] and i not in whole and not line_need[i]):
                continue
            if score(tried) > best_score:
                best, best_score = tried, score(tried)
    return best


def _share(total: int, widths: list[int], need: list[int], short: list[bool], whole: set[int]) -> list[int] | None:
    """Column widths: short columns and `whole` ones get what they need, the other columns share the rest in proportion
    to the template's widths; None when one of those would be narrower than it needs. Widths sum to `total`."""
    count = len(widths)
    fixed = [i for i in range(count) if short[i] or i in whole]
    flexible = [i for i in range(count) if i not in fixed]
    rest = total - sum(max(need[i], widths[i]) if short[i] else need[i] for i in fixed)
    if not flexible or rest <= 0:
        return None
    new = [max(need[i], widths[i]) if short[i] else need[i] if i in whole else 0 for i in range(count)]
    weights = sum(widths[i] for i in flexible)
    for i in flexible:
        new[i] = int(rest * widths[i] / weights)
    if any(new[i] < need[i] for i in flexible):
        return None
    new[flexible[-1]] += total - sum(new)
    return new


def keep_first_rows(table: Element, count: int = KEEP_FIRST, whole: int = KEEP_WHOLE) -> None:
    """Keep-with-next on the header and the first `count` rows (every row but the last for a small table of figures and
    names, at most `whole` rows): a header never stands alone, or with a row or two, at the foot of a page."""
    rows = table.findall(_w("tr"))
    headers = [r for r in rows if r.find(f"{_w('trPr')}/{_w('tblHeader')}") is not None]
    # Whole only a small table of figures and names (no running text: its rows stay short, so it fits a page).
    small = len(rows) <= whole and all(len("".join(t.text or "" for t in p.iter(_T))) <= NAME
                                       for row in rows for p in row.iter(_P))
    kept = rows[:-1] if small else rows[:len(headers) + count]
    for row in kept:
        for paragraph in row.iter(_w("p")):
            _keep_next(paragraph)


def _keep_next(paragraph: Element) -> None:
    props = paragraph.find(_w("pPr"))
    if props is None:
        props = paragraph.makeelement(_w("pPr"), {})
        paragraph.insert(0, props)
    if props.find(_w("keepNext")) is None:
        element = props.makeelement(_w("keepNext"), {})
        # keepNext comes right after pStyle in CT_PPr's order.
        style = props.find(_w("pStyle"))
        if style is not None:
            style.addnext(element)
        else:
            props.insert(0, element)


def keep_last_rows(table: Element, count: int = KEEP_LAST) -> None:
    """Keep-with-next on the paragraphs of the rows before the last `count - 1`: the table never ends with one row alone."""
    rows = [r for r in table.findall(_w("tr")) if r.find(f"{_w('trPr')}/{_w('tblHeader')}") is None]
    if len(rows) < 2:
        return
    for row in rows[-count:-1] if count > 1 else []:
        for paragraph in row.iter(_w("p")):
            _keep_next(paragraph)
