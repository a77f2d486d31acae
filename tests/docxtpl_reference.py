"""docxtpl as its documentation shows (load the template, render, save), one template load per document: the
reference the project's renderer must equal (tests/test_documents_same.py) and the baseline it is timed against
(benchmarks/documents_speed.py). Same interface as `doithoai.documents.render.BatchTemplate`."""

from __future__ import annotations

import io
from pathlib import Path


class DocxtplReference:
    def __init__(self, path: Path) -> None:
        self.path = path

    def render(self, context: dict, extra=None) -> bytes:
        from docxtpl import DocxTemplate

        from doithoai.documents import render
        from doithoai.documents.fit import fit_tables

        template = DocxTemplate(str(self.path))
        context = render.literal_values(context)
        if extra is not None:  # pictures: docxtpl.InlineImage objects made on this template
            context = {**context, **extra(template)}
        template.render(context, render.jinja_env(), autoescape=True)
        fit_tables(template.docx.element)
        out = io.BytesIO()
        template.save(out)
        return out.getvalue()
