"""The documents job: what `doithoai documents|report|letters` and the buttons run.

One run writes one new folder (`Văn bản/2026-06-12 09-30-05/` next to the workbook by default), so a
run never overwrites documents someone already edited or printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.kinds import DEFAULT_KINDS, KINDS
from ..io.access import WorkbookAccess
from . import context as ctx

DEFAULT_FOLDER = "Văn bản"
LETTERS_FOLDER = "tra-loi"


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


def run_folder(parent: Path, now: dt.datetime) -> Path:
    base = parent / now.strftime("%Y-%m-%d %H-%M-%S")
    folder, number = base, 1
    while folder.exists():
        number += 1
        folder = base.with_name(f"{base.name} ({number})")
    folder.mkdir(parents=True)
    return folder


def make_documents(access: WorkbookAccess, kinds: Iterable[str] | None = None, out: Path | None = None, *,
                   pdf: bool | None = None, date: dt.date | None = None, write: bool = True, now: dt.datetime | None = None,
                   slips_per_group: int = 0, today: dt.date | None = None, workers: int | None = None,
                   force_date: bool = False) -> DocumentsResult:
    """Render `kinds` (all by default) from the workbook behind `access` into a new folder under `out`.

    `pdf`: True (refused, before anything is written, when neither Word nor LibreOffice is there), False, or None
    for "when one of them is installed". `write`: record the letters' numbers
    in the workbook. `date`: the documents' date as the person gave it; by default each kind is dated from its own
    milestone or event on the timeline (dates.py), `today` (the clock's by default) being only "now". A given date
    outside a kind's window refuses that kind (`result.refused`; every kind refused: a DoithoaiError, nothing written)
    unless `force_date`, which makes it with a warning. `slips_per_group`: slip forms pre-numbered
    for each residential group (0: one blank slip to photocopy). `workers`: processes the kinds are spread over
    (see spread.py; None: as many as the cores on a large workbook, 0: all in this process).

    Nothing is left behind on a refusal: the documents are rendered into a hidden staging folder, which
    becomes the run's folder only after the workbook write (the letters' numbers) succeeded.
    """
    from ..core.errors import DoithoaiError
    from ..io.files import discard_staging, publish_staging, staging_folder
    from .pdf import pdf_maker

    if pdf and pdf_maker() is None:  # asked for PDF copies (`--pdf`) on a machine that cannot make them: refuse first
        raise DoithoaiError("Máy này chưa có Microsoft Word hay LibreOffice nên không tạo được bản PDF; hãy cài một "
                            "trong hai (LibreOffice miễn phí), hoặc chỉ tạo văn bản Word (bỏ --pdf).")
    now = now or dt.datetime.now()
    parent = Path(out) if out else access.folder / DEFAULT_FOLDER
    staging = staging_folder(parent)
    try:
        result = _render(access, kinds, staging, pdf=pdf, date=date, write=write, now=now, slips_per_group=slips_per_group,
                         today=today, workers=workers, force_date=force_date)
    except BaseException:
        discard_staging(staging)
        raise
    result.relocate(staging, publish_staging(staging, run_folder(parent, now)))
    return result


def _render(access: WorkbookAccess, kinds: Iterable[str] | None, folder: Path, *, pdf: bool | None, date: dt.date | None,
            write: bool, now: dt.datetime, slips_per_group: int = 0, today: dt.date | None = None,
            workers: int | None = None, force_date: bool = False) -> DocumentsResult:
    from ..core.errors import DoithoaiError, ExitStatus
    from ..domain.kinds import template_path
    from . import dates
    from .builders import Job
    from .names import unique
    from .spread import Spread, Task, workers_for

    wanted = [k for k in KINDS if k in set(kinds)] if kinds is not None else list(DEFAULT_KINDS)
    unknown = set(kinds or ()) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown document kinds: {sorted(unknown)}")
    given, today = date, today or now.date()
    access.progress("Đang đọc sổ…")
    book = access.read()
    result = DocumentsResult(folder)
    notes = ctx.Notes()
    taken: set[str] = set()
    # Each kind's date (see dates.py): the one sentence stating it, and its warning, go to the result in its turn; a
    # kind whose given date is outside its window is not made.
    line = dates.timeline(book, today)
    chosen = {kind: dates.choose(kind, line, given, force_date) for kind in wanted}
    result.refused = {kind: choice.refused for kind, choice in chosen.items() if choice.refused}
    wanted = [kind for kind in wanted if kind not in result.refused]
    if not wanted:
        raise DoithoaiError("Chưa tạo văn bản nào. " + " ".join(result.refused.values()), status=ExitStatus.DATA_ERRORS)
    _require(book, wanted)

    def name_file(name: str, suffix: str) -> Path:
        return result.folder / unique(name, taken, suffix)

    def task(kind: str) -> Task:
        return Task(kind, chosen[kind].date, template_path(kind, access.folder), result.folder, write, slips_per_group,
                    given is not None, today)

    count = workers_for(book, wanted, workers)
    spread = Spread(book, [task(k) for k in wanted if not KINDS[k].writes_workbook], count) if count else None
    try:
        for kind in wanted:
            access.progress(f"Đang tạo {KINDS[kind].title.lower()}…")
            choice = chosen[kind]
            if choice.note:
                result.lines.append(choice.note)
            if choice.warning:
                result.warnings.append(choice.warning)
            if spread is not None and kind in spread:
                share = spread.share(kind)
                result.files.update(share.files)
                result.lines.extend(share.lines)
                result.warnings.extend(share.warnings)
                result.texts.extend(share.texts)
                notes.missing.extend(m for m in share.missing if m not in notes.missing)
                taken.update(path.name.casefold() for path in [*share.files.values(), *share.texts])
                continue
            one = task(kind)
            make_kind(Job(kind, access, book, one.date, notes, result, one.template, write, slips_per_group=slips_per_group,
                          name_file=name_file, fixed_date=one.fixed_date, today=today, workers=None if spread is None else 0))
    finally:
        if spread is not None:
            spread.close()

    result.warnings[:0] = notes.missing
    _pdfs(result, pdf)
    return result


def make_kind(job) -> None:
    """Build one kind's context and render it into its file; the summary line and the file go to `job.result`."""
    from ..domain.kinds import builder
    from .render import BatchTemplate, save_atomic

    output = builder(job.kind)(job)
    if output is None:  # nothing to render (a warning says why), or the builder wrote its own files
        return
    file = save_atomic(BatchTemplate(job.template).render(output.context, output.extra), job.target)
    job.result.files[job.kind] = file
    job.result.lines.append(f"{output.line} Tệp: {file.name}")


def letter_contexts(book, date: dt.date, plan) -> tuple[dict, list[tuple[str, dict]]]:
    """What every letter shares, and (file name, context) for each letter of `plan` (`letters.plan_letters`)."""
    from ..core.text import fold
    from .issuer import number_line

    def front(text: str) -> bool:
        folded = fold(text)
        return "mttq" in folded.replace(" ", "") or "mat tran to quoc" in folded

    base = ctx.base_context(book, "letters", date, ctx.Notes())
    place = base["ten_don_vi"]
    here = f"tại {base['ten_hoi_nghi_thuong']}" + (f" ngày {base['ngay_hoi_nghi']}" if base["ngay_hoi_nghi"] else "")
    contexts = []
    for letter in plan.letters:
        one = letter.context(place, here)
        one["so_dong"] = number_line(book.settings, one["so"])
        # A letter to the Fatherland Front: "Như trên" already names it, so its copy line goes.
        to_front = front(letter.person["ho_ten"])
        one["noi_nhan"] = ("\n".join(line for line in base["noi_nhan"].split("\n") if not front(line))
                           if to_front else base["noi_nhan"])
        contexts.append((f"{letter.codes[0]} {letter.person['ho_ten']}", one))
    return base, contexts


def write_letters(template: Path, base: dict, letters: list[tuple[str, dict]], folder: Path, combined: Path,
                  progress=None, workers: int | None = None) -> list[Path]:
    """One .docx per (name, context) in `folder`, and all of them in `combined`, from one prepared template.

    Written straight into place, without a temporary copy each: a run writes into its staging folder, published
    whole or discarded (make_documents). Many letters are spread over the cores (`workers`: None decides by their
    number, 0 keeps them in this process; see spread.py).
    """
    from . import spread
    from .names import safe_name, unique
    from .render import BatchTemplate

    prepared = BatchTemplate(template)
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    items = [(folder / unique(safe_name(name, fallback="tra-loi"), taken), one) for name, one in letters]
    everything = {**base, "thu": [one for _, one in letters]}
    count = spread.letter_workers(len(items), workers)
    if count:
        spread.write_letters_over(count, template, base, items, lambda: combined.write_bytes(prepared.render(everything)),
                                  progress)
    else:
        for index, (file, one) in enumerate(items, 1):
            if progress is not None and index % 50 == 0:
                progress(f"Đang tạo văn bản trả lời {index}/{len(items)}…")
            file.write_bytes(prepared.render({**base, "thu": [one]}))
        combined.write_bytes(prepared.render(everything))
    return [file for file, _ in items]


def _pdfs(result: DocumentsResult, pdf: bool | None) -> None:
    from .pdf import convert, pdf_maker

    if pdf is False or not result.files:
        return
    if pdf_maker() is None:
        result.pdf_skipped = True
        return
    made = convert(list(result.files.values()))
    result.pdfs, result.pdf_makers = made.pdfs, made.makers


def _require(book, kinds: list[str]) -> None:
    """Refuse before rendering anything when a setting a document prints as a fact is blank (a gap in a signed paper)."""
    from ..core import schema
    from ..core.errors import DoithoaiError, ExitStatus
    from .dates import missing_settings

    gaps = missing_settings(book.settings, kinds)
    if not gaps:
        return
    parts = []
    for key, needing in gaps.items():
        row = book.settings_rows.get(key)
        where = f" (ô B{row})" if row else ""
        titles = ", ".join(KINDS[k].title.lower() for k in needing if k in KINDS)
        parts.append(f"“{schema.SETTINGS_BY_KEY[key].label}”{where} — cần cho {titles}")
    raise DoithoaiError(f"Chưa tạo văn bản: trang {schema.SETTINGS_SHEET} còn để trống " + "; ".join(parts)
                        + ". Hãy điền rồi bấm lại.", status=ExitStatus.DATA_ERRORS)
