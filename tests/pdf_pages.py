"""Reading printed pages: .docx -> PDF through LibreOffice (one call), then words and lines with positions (`pdftotext -bbox`).

What a clerk sees when the document is printed, as data a test can assert on.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from doithoai.documents.pdf import soffice


def need_tools() -> None:
    if soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice and poppler-utils (pdftotext) are needed to look at printed pages")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    number: int  # 1-based in the PDF
    height: float
    words: list[Word]

    def lines(self) -> list[list[Word]]:
        """Words grouped into printed lines (same baseline within 2 pt), top to bottom, left to right."""
        rows: list[list[Word]] = []
        for word in sorted(self.words, key=lambda w: (round(w.y1), w.x0)):
            if rows and abs(rows[-1][0].y1 - word.y1) <= 2:
                rows[-1].append(word)
            else:
                rows.append([word])
        return [sorted(row, key=lambda w: w.x0) for row in rows]

    def line_texts(self) -> list[str]:
        return [" ".join(w.text for w in row) for row in self.lines()]

    @property
    def text(self) -> str:
        return "\n".join(self.line_texts())

    def top_margin_words(self, limit_pt: float = 50) -> list[Word]:
        """Words printed in the top margin (the page header): the decree's margin is 20 mm = 57 pt."""
        return [w for w in self.words if w.y1 < limit_pt]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def read_pages(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for number, match in enumerate(_PAGE.finditer(out), 1):
        words = [Word(unicodedata.normalize("NFC", html.unescape(m.group(5))), *(float(m.group(i)) for i in range(1, 5)))
                 for m in _WORD.finditer(match.group(3))]
        pages.append(Page(number, float(match.group(2)), words))
    return pages


def to_pdfs(files: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert in one LibreOffice call (the product's own `to_pdf`); docx -> pdf."""
    from doithoai.documents.pdf import to_pdf

    out_dir.mkdir(parents=True, exist_ok=True)
    pdfs = to_pdf(files, out_dir)
    by_stem = {p.stem: p for p in pdfs}
    return {f: by_stem[f.stem] for f in files if f.stem in by_stem}


def squeeze(text: str) -> str:
    """Text compared without spaces: LibreOffice's PDFs often cut a word where a Vietnamese mark is positioned."""
    return "".join(unicodedata.normalize("NFC", text).split())


def has_line(page: Page, text: str) -> bool:
    wanted = squeeze(text)
    return any(wanted in squeeze(line) for line in page.line_texts())


def page_of(pages: list[Page], text: str, start: int = 0) -> int | None:
    """Index of the first page (from `start`) with a line containing `text`."""
    for index in range(start, len(pages)):
        if has_line(pages[index], text):
            return index
    return None


def documents_in(pages: list[Page], first_line: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") -> list[list[Page]]:
    """A combined file cut into its documents: each starts on a page carrying the national title."""
    parts: list[list[Page]] = []
    for page in pages:
        if has_line(page, first_line) or not parts:
            parts.append([page])
        else:
            parts[-1].append(page)
    return parts
