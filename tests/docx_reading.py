"""Reading generated .docx files with python-docx, independently of how they were written."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def paragraphs(document) -> list[Paragraph]:
    """Every paragraph of the body, tables included, in document order."""
    body = document.element.body
    return [Paragraph(p, document) for p in body.iter(qn("w:p"))]


def text(path: Path) -> str:
    """The document's words; non-breaking spaces (titles keep "Nhân dân", names keep whole) read as spaces."""
    return "\n".join(p.text for p in paragraphs(Document(str(path)))).replace("\u00a0", " ")


def fonts(document) -> set[str]:
    """Every font named anywhere in the document part and its styles."""
    names: set[str] = set()
    for element in (document.element, document.styles.element):
        for node in element.iter(qn("w:rFonts")):
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                value = node.get(qn(attr))
                if value:
                    names.add(value)
            names.update(f"theme {value}" for attr, value in node.attrib.items() if attr.lower().endswith("theme"))
    return names
