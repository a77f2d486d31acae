"""PDF copies of the documents: through Microsoft Word on Windows when it is installed, else through LibreOffice.

Most office PCs have Word and not LibreOffice, so on Windows Word makes the PDFs (COM automation through pywin32,
which comes with xlwings there): a private Word (`DispatchEx`, not the one the person may have open), each
document opened read-only, `ExportAsFixedFormat(OutputFileName, 17)` (wdExportFormatPDF), closed without saving,
and Word quit in a `finally`, whatever happened. A document Word could not export, or every document when Word
cannot be started, goes to LibreOffice when that is installed. `convert` says which program made the PDFs, and
the documents run prints it.

Decisions:
- Word counts as installed when the registry knows `Word.Application` (HKEY_CLASSES_ROOT), without starting it;
  `doctor` reads the same fact.
- The COM dispatcher is a parameter (`dispatch`), so tests hand in a fake Word that records the calls.
- A PDF counts only when its file exists afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TIMEOUT_SECONDS = 600
WORD = "Microsoft Word"
LIBREOFFICE = "LibreOffice"
WD_EXPORT_FORMAT_PDF = 17
WD_DO_NOT_SAVE_CHANGES = 0
WD_ALERTS_NONE = 0


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.exists(candidate):
            return candidate
    return None


def word_installed(platform: str | None = None) -> bool:
    """Whether Windows knows Word's automation object (`Word.Application` in the registry), without starting Word."""
    if not (platform or sys.platform).startswith("win"):
        return False
    from ..io import registry as windows

    try:
        return windows.word_installed(windows.WinRegistry())
    except ImportError:
        return False


def pdf_maker() -> str | None:
    """The program that will make PDF copies on this machine (Word first), or None when there is none."""
    if word_installed():
        return WORD
    return LIBREOFFICE if soffice() else None


@dataclass
class PdfRun:
    pdfs: list[Path] = field(default_factory=list)
    makers: list[str] = field(default_factory=list)  # the programs that made them, in the order they worked
    problems: list[str] = field(default_factory=list)  # why Word could not make some (for the log, not the person)


def _target(file: Path, out_dir: Path | None) -> Path:
    return (out_dir or file.parent) / (file.stem + ".pdf")


def _dispatch(progid: str) -> Any:
    """A new, private instance of a COM server (Windows, pywin32), usable from any thread."""
    import pythoncom  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import win32com.client  # type: ignore[import-untyped,import-not-found,unused-ignore]

    pythoncom.CoInitialize()  # a worker thread (the window's) has COM uninitialized; harmless when already done
    return win32com.client.DispatchEx(progid)


def via_word(files: list[Path], out_dir: Path | None, dispatch: Callable[[str], Any]) -> tuple[list[Path], list[str]]:
    """Export `files` through a private Word; returns the PDFs made and what went wrong (raises when Word won't start)."""
    word = dispatch("Word.Application")
    made: list[Path] = []
    problems: list[str] = []
    try:
        for setting, value in (("Visible", False), ("DisplayAlerts", WD_ALERTS_NONE)):
            try:
                setattr(word, setting, value)
            except Exception:
                pass
        for file in files:
            target = _target(file, out_dir)
            try:
                document = word.Documents.Open(FileName=str(file.resolve()), ConfirmConversions=False, ReadOnly=True,
                                               AddToRecentFiles=False, Visible=False)
            except Exception as exc:
                problems.append(f"{file.name}: {exc}")
                continue
            try:
                document.ExportAsFixedFormat(OutputFileName=str(target.resolve()), ExportFormat=WD_EXPORT_FORMAT_PDF)
            except Exception as exc:
                problems.append(f"{file.name}: {exc}")
            finally:
                try:
                    document.Close(SaveChanges=WD_DO_NOT_SAVE_CHANGES)
                except Exception:
                    pass
            if target.exists():
                made.append(target)
    finally:
        try:
            word.Quit(SaveChanges=WD_DO_NOT_SAVE_CHANGES)
        except Exception:
            pass
    return made, problems


def via_libreoffice(files: list[Path], out_dir: Path | None = None) -> list[Path]:
    """Convert in one LibreOffice run per folder; returns the PDFs that exist afterwards ([] without LibreOffice).

    A private user profile keeps this run apart from a LibreOffice the person has open.
    """
    program = soffice()
    if not program or not files:
        return []
    with tempfile.TemporaryDirectory(prefix="doithoai-lo-") as profile:
        groups: dict[Path, list[Path]] = {}
        for file in files:
            groups.setdefault(out_dir or file.parent, []).append(file)
        for folder, members in groups.items():
            command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", str(folder), *map(str, members)]
            try:
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=TIMEOUT_SECONDS,
                               check=False)
            except (OSError, subprocess.TimeoutExpired):
                return []
    return [p for p in (_target(f, out_dir) for f in files) if p.exists()]


def convert(files: list[Path], out_dir: Path | None = None, *, dispatch: Callable[[str], Any] | None = None) -> PdfRun:
    """PDF copies of `files` (beside each, or in `out_dir`): Word when installed (or `dispatch` given), LibreOffice for
    the rest; the run says which made them."""
    run = PdfRun()
    rest = list(files)
    if rest and (dispatch is not None or word_installed()):
        try:
            made, run.problems = via_word(rest, out_dir, dispatch or _dispatch)
        except Exception as exc:  # Word would not start (not licensed, broken install, COM refused)
            made, run.problems = [], [f"Word: {exc}"]
        if made:
            run.pdfs += made
            run.makers.append(WORD)
        rest = [f for f in rest if _target(f, out_dir) not in made]
    if rest:
        made = via_libreoffice(rest, out_dir)
        if made:
            run.pdfs += made
            run.makers.append(LIBREOFFICE)
    order = {_target(f, out_dir): index for index, f in enumerate(files)}
    run.pdfs.sort(key=lambda p: order.get(p, len(order)))
    return run


def to_pdf(files: list[Path], out_dir: Path | None = None) -> list[Path]:
    """The PDFs `convert` made (Word or LibreOffice), in the order of `files`."""
    return convert(files, out_dir).pdfs
