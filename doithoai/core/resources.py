"""Where the files shipped with the package are: the workbook template and the Word templates.

In a source checkout (and an editable install) they are the repository's `workbook/` and `templates/`
folders; a built wheel carries the same files under `doithoai/_bundled/` (see pyproject.toml).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # doithoai/, this module being doithoai/core/resources.py
WORKBOOK_NAME = "doithoai.xlsm"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


def workbook_template() -> Path:
    return _first_existing(_PACKAGE / "_bundled" / "workbook" / WORKBOOK_NAME, _PACKAGE.parent / "workbook" / WORKBOOK_NAME)


def templates_dir() -> Path:
    return _first_existing(_PACKAGE / "_bundled" / "templates", _PACKAGE.parent / "templates")


def presets_dir() -> Path:
    """The bundled presets (`presets/*.toml`): one plain data file per kind of plan, see `doithoai.workflows.presets`."""
    return _first_existing(_PACKAGE / "_bundled" / "presets", _PACKAGE.parent / "presets")


def vba_project() -> bytes:
    """The VBA project embedded in the committed template (the buttons' macros)."""
    with zipfile.ZipFile(workbook_template()) as archive:
        return archive.read("xl/vbaProject.bin")
