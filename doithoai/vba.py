"""The workbook's VBA project: xlwings' standalone project with our buttons' macros in `Module1`.

Following what was established for building the workbook on Linux (see README, "How the buttons are
built"): take `xl/vbaProject.bin` from the installed xlwings' `quickstart_standalone.xlsm` (its `xlwings`
module names the DLL by version, so the package and the workbook must agree), replace only Module1's
source with one `Public Sub` per button, stored as compressed source with no compiled code (MODULEOFFSET 0,
so Excel compiles it from source and nothing looks like "VBA stomping"). Every other stream is unchanged.
pyOpenVBA provides the MS-OVBA compression and the compound-file writer; it is needed only to build.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .controls import BUTTONS, ButtonSpec

XLWINGS_VERSION = "0.37.8"  # must equal the pin in pyproject.toml
MODULE = "Module1"
MACROS_FILE = Path(__file__).resolve().parents[1] / "macros" / "doithoai.bas"


def run_python_line(button: ButtonSpec) -> str:
    return f'RunPython "import doithoai.buttons as b; b.{button.handler}()"'


def module_source(buttons: tuple[ButtonSpec, ...] = BUTTONS) -> str:
    """Module1's text, CRLF line ends as the VBA editor writes them; ASCII only (code page 1252)."""
    lines = [f'Attribute VB_Name = "{MODULE}"', "Option Explicit", ""]
    for button in buttons:
        lines += [f"Public Sub {button.macro}()", f"    {run_python_line(button)}", "End Sub", ""]
    text = "\r\n".join(lines)
    text.encode("ascii")  # a non-ASCII macro would be mangled by the 1252 module stream
    return text


def installed_xlwings_version() -> str:
    import xlwings

    return xlwings.__version__


def stock_project() -> bytes:
    import xlwings

    version = installed_xlwings_version()
    if version != XLWINGS_VERSION:
        raise RuntimeError(
            f"xlwings {version} is installed but the workbook is pinned to {XLWINGS_VERSION}: "
            "install the pinned version (pip install -e .) before building the workbook"
        )
    with zipfile.ZipFile(Path(xlwings.__file__).parent / "quickstart_standalone.xlsm") as archive:
        return archive.read("xl/vbaProject.bin")


def build_vba_project(buttons: tuple[ButtonSpec, ...] = BUTTONS) -> bytes:
    from pyopenvba import cfb, vba

    compound = cfb.CFB.from_bytes(stock_project())
    project = vba.parse_vba_project(compound)
    module = next(m for m in project.modules if m.name == MODULE)
    module.source = module_source(buttons)
    module.attribute_header = f'Attribute VB_Name = "{MODULE}"\r\n'
    module.dirty = True
    vba.write_back_modules(compound, project)  # source only, text offset 0
    if project.dir_structure_dirty:
        compound.write_stream_in_storage("VBA", "dir", vba.compress(vba.serialize_dir_stream(project)))
    return compound.to_bytes()


def write_macros_file(path: Path = MACROS_FILE) -> Path:
    """`macros/doithoai.bas`: the module's text, as a developer reads and diffs it."""
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(module_source().encode("ascii"))
    return path
