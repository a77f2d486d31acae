"""The one renderer of every document: docxtpl's templates, autoescaping on, prepared once per template.

`BatchTemplate(path)` does once what docxtpl does on every render (read the .docx, clean its XML for Jinja,
compile it); `render(context)` is then one Jinja render of the body plus docxtpl's own post-processing (line
breaks, tabs, page breaks: `resolve_listing`, only where a value holds one), the tables fitted (fit.py), written
into a copy of the template's zip whose other parts were compressed once: headers, styles and settings are the
template's own bytes. A document with pictures (`extra`: the report's chart) takes its package from python-docx
after docxtpl's picture calls. `render_file` renders a template once into a file.

The result is docxtpl's own, part for part (tests/test_documents_same.py compares every part of every document
with docxtpl's documented load-render-save), at about a millisecond for a letter instead of tens.

Broken tags in a template the office edited become a `TemplateError` naming the template and the tag.
"""

from __future__ import annotations

import itertools
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.errors import TemplateError

if TYPE_CHECKING:
    from docxtpl import DocxTemplate
    from jinja2 import Environment

_BODY = re.compile(r"<w:body\b[^>]*>.*</w:body>", re.DOTALL)
_MARKERS = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))
# docxtpl turns those markers into tags in the whole rendered document (its way of writing a literal tag in a
# template), so a value a person typed as "{_{" would print "{{". Every string of a context gets a word joiner
# (U+2060: zero width, invisible, not a space) after the first character of such a marker, here where every
# document is rendered, whichever module built the value.
_VALUE_MARKER = re.compile(r"([{}%])(?=_[{}%])")


def literal_values(value: Any) -> Any:
    """The context with docxtpl's markers in its strings neutralised (see `_VALUE_MARKER`); other values as they are."""
    if value.__class__ is str:
        return _VALUE_MARKER.sub("\\1\u2060", value) if "_" in value else value
    if isinstance(value, dict):
        return {key: literal_values(item) for key, item in value.items()}
    if value.__class__ in (list, tuple):
        return value.__class__(literal_values(item) for item in value)
    return value


def jinja_env() -> Environment:
    from jinja2 import Environment, StrictUndefined

    # StrictUndefined: a misspelt tag in an edited template is reported, not printed as a silent blank.
    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters["lien"] = keep_phrases
    return env


_PHRASES = ("Nhân dân", "nhân dân")
_YEAR = re.compile(r"\b(năm) (\d{4})\b")


def keep_phrases(value: Any) -> Any:
    """Title text whose set phrases never break across lines: "Nhân dân", "năm 2026" (non-breaking spaces)."""
    if not isinstance(value, str):
        return value
    for phrase in _PHRASES:
        value = value.replace(phrase, phrase.replace(" ", "\u00a0"))
    return _YEAR.sub("\\1\u00a0\\2", value)


def _snippet(source: str, lineno: int | None) -> str:
    if not lineno:
        return ""
    lines = source.splitlines()
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]) if 0 < lineno <= len(lines) else ""
    text = " ".join(text.split())
    return text[:120] + ("…" if len(text) > 120 else "")


def template_problem(name: str, exc: Exception, source: str = "") -> TemplateError:
    """A Vietnamese sentence for what Jinja (or the XML behind it) found wrong in template `name`."""
    from jinja2 import TemplateSyntaxError, UndefinedError

    detail = str(getattr(exc, "message", None) or exc)
    if isinstance(exc, UndefinedError):
        match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", detail)
        tag = (match.group(1) or match.group(2)) if match else detail
        return TemplateError(f"Mẫu văn bản “{name}” có thẻ “{tag}” mà sổ không có dữ liệu tương ứng: "
                             f"hãy sửa lại thẻ trong mẫu (viết đúng như mẫu gốc) hoặc xóa mẫu này khỏi thư mục “Mẫu văn bản”.")
    if isinstance(exc, TemplateSyntaxError):
        where = _snippet(source, exc.lineno)
        at = f" ở đoạn “{where}”" if where else ""
        return TemplateError(f"Mẫu văn bản “{name}” có thẻ viết sai{at}: mỗi thẻ phải đủ cặp dấu {{{{ … }}}} hoặc {{% … %}} "
                             f"và mỗi {{% for %}}, {{% if %}} phải có {{% endfor %}}, {{% endif %}} tương ứng "
                             f"(chi tiết: {detail}).")
    return TemplateError(f"Không tạo được văn bản từ mẫu “{name}”: {detail}.")


_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_DELIMITER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}


def check_delimiters(name: str, xml: str) -> None:
    """Every tag opened in a paragraph is closed in it, before Jinja sees anything.

    docxtpl joins a tag's pieces across Word's runs by deleting the XML between `{{` and the next `}}`:
    a tag missing one brace would silently swallow the text up to the next tag.
    """
    for paragraph in _PARAGRAPH.findall(xml):
        text = "".join(_TEXT.findall(paragraph))
        expected = None
        for match in _DELIMITER.finditer(text):
            token = match.group()
            if expected is None and token in _CLOSER:
                expected = _CLOSER[token]
            elif token == expected:
                expected = None
            else:
                expected = "broken"
                break
        if expected is not None:
            from html import unescape

            shown = unescape(text if len(text) <= 120 else text[:117] + "…")
            raise TemplateError(f"Mẫu văn bản “{name}” có thẻ viết sai ở đoạn “{shown}”: mỗi thẻ phải đủ cặp dấu "
                                f"{{{{ … }}}} hoặc {{% … %}} trong cùng một đoạn văn; hãy sửa lại như mẫu gốc.")


def load(path: Path) -> DocxTemplate:
    from docxtpl import DocxTemplate

    try:
        template = DocxTemplate(str(path))
        template.init_docx()
    except Exception as exc:  # a template Word cannot have saved: not a zip, no document part
        raise TemplateError(f"Mẫu văn bản “{Path(path).name}” không mở được ({type(exc).__name__}): "
                            f"hãy mở lại bằng Word và lưu dạng .docx, hoặc xóa khỏi thư mục “Mẫu văn bản”.") from exc
    check_delimiters(Path(path).name, template.get_xml())
    return template


def save_atomic(data: bytes | Callable[[Path], None], target: Path) -> Path:
    """Write next to the target, then rename: a crash never leaves half a document."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".~{target.stem}.{os.getpid()}.tmp")
    try:
        if callable(data):
            data(temporary)
        else:
            temporary.write_bytes(data)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()
    return target


def render_file(path: Path, context: dict[str, Any], target: Path,
                extra: Callable[[Any], dict[str, Any]] | None = None) -> Path:
    """Render template `path` once into `target`. `extra(template)` adds values that need the template (pictures)."""
    return save_atomic(BatchTemplate(path).render(context, extra), target)


_LISTING_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # docxtpl's own pattern
_LISTING_CHARS = re.compile("[\t\a\n\f]")


def resolve_listing(template: DocxTemplate, xml: str, resolved: dict[str, str] | None = None) -> str:
    """docxtpl's `resolve_listing` (a value's tab, line break, new paragraph or page break becomes Word's XML), run
    only on the paragraphs that hold one of those characters.

    docxtpl runs three nested regex substitutions over every paragraph and run of the document, which for a
    7,500-page set of invitations is most of the render; a paragraph without those characters comes out of them
    unchanged, so skipping it gives the same XML. Without text boxes a paragraph never holds another, so the
    paragraph around a character is the last `<w:p>` before it, exactly the match docxtpl's pattern finds; with
    text boxes, docxtpl's own scan decides. `resolved` remembers paragraphs already done (the same copy list comes
    back on every page and in every letter).
    """
    if "\n" not in xml and "\t" not in xml and "\a" not in xml and "\f" not in xml:
        return xml
    resolve = template.resolve_listing  # docxtpl's own function, on one paragraph: its pattern matches it whole again
    if "<w:txbxContent" in xml:
        return _LISTING_PARAGRAPH.sub(lambda m: resolve(m.group()) if _LISTING_CHARS.search(m.group()) else m.group(), xml)
    out: list[str] = []
    done = 0
    if resolved is None:
        resolved = {}
    for at in _positions(xml, "\t\a\n\f"):
        if at < done:
            continue
        start = xml.rfind("<w:p", done, at)
        while start >= 0 and xml[start + 4] not in " >":  # <w:pPr>, <w:pStyle …>: look further back
            start = xml.rfind("<w:p", done, start)
        end = xml.find("</w:p>", at) if start >= 0 else -1
        if end < 0 or xml.find("</w:p>", start, at) >= 0:
            continue  # outside any paragraph: docxtpl leaves it
        end += len("</w:p>")
        paragraph = xml[start:end]
        if paragraph not in resolved:
            resolved[paragraph] = resolve(paragraph)
        out += (xml[done:start], resolved[paragraph])
        done = end
    out.append(xml[done:])
    return "".join(out)


def _positions(text: str, chars: str) -> list[int]:
    """Every index in `text` of any of `chars`, in order (str.find per character: far faster than a regex scan)."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    return sorted(found)


class BatchTemplate:
    """One template prepared once, rendered to .docx bytes as often as needed."""

    def __init__(self, path: Path) -> None:
        from jinja2 import TemplateError as JinjaError

        self.name, self.path = Path(path).name, Path(path)
        self._template = load(path)
        with zipfile.ZipFile(path) as archive:
            parts = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
        document = next((data for name, data in parts if name == "word/document.xml"), None)
        if document is None:
            raise TemplateError(f"Mẫu văn bản “{self.name}” không có nội dung văn bản (word/document.xml).")
        # Every other part is the same in every letter: compressed once here, copied as bytes afterwards.
        self._parts = [None if name == "word/document.xml" else _ZipPart.of(name, data) for name, data in parts]
        xml = document.decode("utf-8")
        body = _BODY.search(xml)
        if body is None:
            raise TemplateError(f"Mẫu văn bản “{self.name}” không có phần thân văn bản (w:body).")
        self._head, self._tail = xml[: body.start()], xml[body.end():]
        self._resolved: dict[str, str] = {}
        # Exactly docxtpl's preparation (DocxTemplate.build_xml / render_xml_part), done once.
        self._source = re.sub(r"<w:p([ >])", r"\n<w:p\1", self._template.patch_xml(self._template.get_xml()))
        try:
            self._jinja = jinja_env().from_string(self._source)
        except JinjaError as exc:
            raise template_problem(self.name, exc, self._source) from exc

    def body(self, context: dict[str, Any]) -> str:
        from jinja2 import TemplateError as JinjaError

        try:
            xml = self._jinja.render(literal_values(context))
        except JinjaError as exc:
            raise template_problem(self.name, exc, self._source) from exc
        # Undo the line breaks the preparation put before each paragraph (docxtpl's re.sub, as two plain replaces).
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        for marker, tag in _MARKERS:
            xml = xml.replace(marker, tag)
        if len(self._resolved) > 2000:  # letters' answers are all different: keep what repeats, not every answer
            self._resolved.clear()
        return resolve_listing(self._template, xml, self._resolved)

    def render(self, context: dict[str, Any], extra: Callable[[Any], dict[str, Any]] | None = None) -> bytes:
        """The document for `context`, as .docx bytes. `extra(template)` adds values that need docxtpl's template
        object (pictures: `docxtpl.InlineImage(template, …)`)."""
        if extra is not None:
            return self._with_pictures(context, extra)
        document = _ZipPart.of("word/document.xml", self._document(self.body(context)))
        return _zip([document if part is None else part for part in self._parts])

    def _document(self, body: str) -> bytes:
        xml = (self._head + body + self._tail).encode("utf-8")
        if b'w:val="TableGrid"' in xml:  # letters have no bordered table: no second parse for them
            from lxml import etree

            from .fit import fit_tables

            root = etree.fromstring(xml)
            fit_tables(root)
            xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return xml

    def _with_pictures(self, context: dict[str, Any], extra: Callable[[Any], dict[str, Any]]) -> bytes:
        """A document with pictures (the report's chart). The body is rendered as every other document; a picture
        adds a part and a relationship to the package, so the package around the body is the one python-docx
        writes after docxtpl's picture calls (one document per run: its cost does not matter)."""
        import io

        template = load(self.path)
        template.render_init()
        template.current_rendering_part = template.docx._part  # where docxtpl's InlineImage adds its picture
        body = self.body({**context, **extra(template)})
        if "<wp:docPr " in body:  # docxtpl renumbers every drawing from 1001 (fix_docpr_ids)
            numbers = itertools.count(1001)
            body = _DOCPR_ID.sub(lambda match: f"{match.group(1)}{next(numbers)}\"", body)
        package = io.BytesIO()
        template.docx.save(package)
        with zipfile.ZipFile(package) as archive:
            parts = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
        return _zip([_ZipPart.of(name, self._document(body) if name == "word/document.xml" else data)
                     for name, data in parts])


_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")\d+"')


class _ZipPart(NamedTuple):
    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate

    @classmethod
    def of(cls, name: str, data: bytes) -> _ZipPart:
        # Level 1: letters are small and many; better compression would cost more time than it saves space.
        compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
        return cls(name.encode("utf-8"), zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


_DOS_DATE = (1 << 5) | 1  # 1 January 1980, 00:00: fixed, so the same letter gives the same bytes


def _zip(parts: list[_ZipPart]) -> bytes:
    """A plain ZIP archive (the format Word reads) from parts already compressed."""
    out, directory = bytearray(), bytearray()
    for part in parts:
        fields = (20, 0x800, 8, 0, _DOS_DATE, part.crc, len(part.data), part.size, len(part.name))
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, len(out)) + part.name
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + part.name + part.data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), len(out), 0)
    return bytes(out + directory + end)
