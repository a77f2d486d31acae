"""The sample conference end to end: plan 118/KH-UBND of phường Tứ Minh, every step run on it.

`make_demo(out)` builds the filled workbook, then runs the same jobs the buttons and commands run, in the
order of work, and returns what it wrote. Used by `doithoai demo` and by the tests' `demo_path` fixture.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

DEMO_WORKBOOK = "doi-thoai-tu-minh-2026.xlsm"


@dataclass
class DemoResult:
    workbook: Path
    outputs: list[tuple[str, Path]] = field(default_factory=list)  # (what, where)
    notes: list[str] = field(default_factory=list)  # one Vietnamese line per step


def build_sample_workbook(path: Path) -> Path:
    """Write the sample conference into a new workbook at `path` (built like the template, with its buttons)."""
    from .controls import BUTTONS
    from .io.files import atomic_save
    from .resources import vba_project
    from .sample import sample_conference
    from .workbook_builder import build_workbook
    from .xlwings_conf import this_machine

    path = Path(path)
    conf = this_machine()  # the buttons run the Python that made the demo
    data, project = sample_conference(), vba_project()
    atomic_save(path, lambda temp: build_workbook(temp, data=data, vba_project=project, buttons=BUTTONS, conf=conf))
    return path


def make_demo(out: Path, *, today: dt.date | None = None, steps: bool = True) -> DemoResult:
    """Build the sample workbook in `out` and, with `steps`, run every job on it."""
    from .access import FileWorkbook
    from .io.files import backup

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / DEMO_WORKBOOK
    if path.exists():  # a previous demo; keep it in `Sao lưu` rather than lose anything typed into it
        backup(path)
    build_sample_workbook(path)
    result = DemoResult(workbook=path)
    result.notes.append(f"Đã tạo sổ mẫu: {path}")
    if steps:
        with FileWorkbook(path, command="demo") as access:
            for step in _steps():
                step(access, out, today, result)
    return result


def _steps():
    return (_validate, _deadlines, _documents, _share, _calendar)


def _validate(access, out, today, result) -> None:
    from .validation.jobs import validate

    outcome = validate(access, write=True, today=today)
    result.notes.append(outcome.summary)


def _deadlines(access, out, today, result) -> None:
    from .deadlines import compute_deadlines

    outcome = compute_deadlines(access, today=today, write=True)
    result.notes.append(outcome.summary)


def _documents(access, out, today, result) -> None:
    from .documents.jobs import make_documents

    outcome = make_documents(access, out=out / "Văn bản", date=today)
    result.outputs.append(("Văn bản", outcome.folder))
    result.notes.append(outcome.summary)


def _share(access, out, today, result) -> None:
    from .mttq.share import share

    outcome = share(access)
    result.outputs.append(("Bản chia sẻ cho Ủy ban MTTQ", outcome.path))
    result.notes.append(outcome.summary)


def _calendar(access, out, today, result) -> None:
    from .deadlines import export_calendar

    target = export_calendar(access, out / "lich-hoi-nghi.ics")
    result.outputs.append(("Lịch các mốc (iCalendar)", target))
