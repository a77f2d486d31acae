"""The documents job: what `doithoai documents|report|letters` and the buttons run.

One run writes one new folder (`Văn bản/2026-06-12 09-30-05/` next to the workbook by default), so a
run never overwrites documents someone already edited or printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.kinds import KINDS, default_kinds
from ..io.access import WorkbookAccess
from . import context as ctx
from .job import DocumentsResult, Job, make_kind

if TYPE_CHECKING:
    from ..core.model import BookData

DEFAULT_FOLDER = "Văn bản"


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
    from .names import unique
    from .spread import Spread, Task, workers_for

    wanted = [k for k in KINDS if k in set(kinds)] if kinds is not None else default_kinds()
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


def _pdfs(result: DocumentsResult, pdf: bool | None) -> None:
    from .pdf import convert, pdf_maker

    if pdf is False or not result.files:
        return
    if pdf_maker() is None:
        result.pdf_skipped = True
        return
    made = convert(list(result.files.values()))
    result.pdfs, result.pdf_makers = made.pdfs, made.makers


def _require(book: BookData, kinds: list[str]) -> None:
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
