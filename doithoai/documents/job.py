"""One kind's share of a documents run, and what the run gathers: the pieces every part of a run shares.

`Job` is what a builder gets (named by the kind's registry entry, `domain/kinds.py`), `Output` what it returns, and
`make_kind` builds one kind's context and renders it into the run's `DocumentsResult`. The run (`jobs.make_documents`),
the builders (`builders.py`, `plan.py`, `reminders.py`) and the spread over the cores (`spread.py`) import this module;
it imports none of them, so the run's imports point one way (issue 26: builders -> jobs -> spread -> builders was a
circle).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.kinds import KINDS, builder
from ..io.access import WorkbookAccess
from . import context as ctx

if TYPE_CHECKING:
    from ..core.model import BookData


@dataclass
class DocumentsResult:
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)  # kind -> the document (letters: the combined print file)
    letter_files: list[Path] = field(default_factory=list)
    texts: list[Path] = field(default_factory=list)  # plain-text companions (the loudspeaker announcement)
    pdfs: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # kind -> why it was not made (its date outside its window)
    pdf_skipped: bool = False
    pdf_makers: list[str] = field(default_factory=list)  # the programs that made the PDFs (documents/pdf.py)

    @property
    def summary(self) -> str:
        text = [f"Đã tạo văn bản trong thư mục: {self.folder}"] + [f"- {line}" for line in self.lines]
        if self.pdfs:
            made_by = f" (tạo bằng {' và '.join(self.pdf_makers)})" if self.pdf_makers else ""
            text.append(f"- Bản PDF để in, gửi: {len(self.pdfs)} tệp{made_by}.")
        elif self.pdf_skipped:
            text.append("- Máy chưa có Microsoft Word hay LibreOffice nên không tạo bản PDF (văn bản Word vẫn đầy đủ).")
        if self.refused:
            text.append("Không tạo:")
            text.extend(f"- {why}" for why in self.refused.values())
        if self.warnings:
            text.append("Lưu ý:")
            text.extend(f"- {w}" for w in self.warnings)
        return "\n".join(text)

    def relocate(self, old: Path, new: Path) -> None:
        """Point every path at `new` after the run's folder moved there from `old`."""
        def moved(path: Path) -> Path:
            return new / path.relative_to(old) if path.is_relative_to(old) else path

        self.folder = moved(self.folder)
        self.files = {kind: moved(path) for kind, path in self.files.items()}
        self.letter_files = [moved(path) for path in self.letter_files]
        self.pdfs = [moved(path) for path in self.pdfs]
        self.texts = [moved(path) for path in self.texts]

    def to_json(self) -> dict:
        return {"folder": str(self.folder), "files": {k: str(v) for k, v in self.files.items()},
                "letters": [str(p) for p in self.letter_files],
                "texts": [str(p) for p in self.texts], "pdf": [str(p) for p in self.pdfs], "pdf_made_by": self.pdf_makers,
                "warnings": self.warnings, "refused": self.refused}


@dataclass
class Job:
    """One document kind's share of a documents run."""

    kind: str
    # What the run reads (and, for the letters' numbers, writes); None in a worker process, where only kinds that do not
    # write the workbook are rendered (`spread.workers_for`).
    access: WorkbookAccess | None
    book: BookData
    date: dt.date
    notes: ctx.Notes
    result: DocumentsResult
    template: Path  # the office's own copy of the template when there is one, else the bundled one
    write: bool  # record what the documents number (the letters) in the workbook
    slips_per_group: int = 0
    fixed_date: bool = False  # the date was given by the person (`--date`), not chosen by dates.py
    today: dt.date | None = None  # "now" (None: the document's date), for what is counted as of today
    # Worker processes this kind may start (None: its own choice, 0: none). A run already spread over the cores (spread.py)
    # gives 0: its other kinds keep the cores busy, and no pool is forked from a process whose pool threads are running.
    workers: int | None = None
    name_file: Callable[[str, str], Path] = field(default=lambda name, suffix: Path(name + suffix))
    _target: Path | None = None

    @property
    def target(self) -> Path:
        """The kind's .docx in the run's folder (a unique name, reserved on first use)."""
        if self._target is None:
            self._target = self.name_file(KINDS[self.kind].output, ".docx")
        return self._target


@dataclass
class Output:
    context: dict[str, Any]
    line: str  # what the summary says about it; the job adds the file's name
    extra: Callable[[Any], dict[str, Any]] | None = None  # docxtpl objects that need the template (the report's chart)


def make_kind(job: Job) -> None:
    """Build one kind's context and render it into its file; the summary line and the file go to `job.result`."""
    from .render import BatchTemplate, save_atomic

    output = builder(job.kind)(job)
    if output is None:  # nothing to render (a warning says why), or the builder wrote its own files
        return
    file = save_atomic(BatchTemplate(job.template).render(output.context, output.extra), job.target)
    job.result.files[job.kind] = file
    job.result.lines.append(f"{output.line} Tệp: {file.name}")
