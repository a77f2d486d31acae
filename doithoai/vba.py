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


TITLE = "Đối thoại"
NOT_CONNECTED = (
    "Sổ này chưa được kết nối với Python trên máy này, nên nút chưa chạy được. Cách sửa: lưu và đóng sổ, "
    "kéo tệp sổ thả vào biểu tượng “Kết nối sổ Đối thoại” trên màn hình (hoặc chạy lệnh: doithoai connect "
    "\"đường dẫn tới sổ\"), rồi mở lại sổ và bấm nút."
)
MISSING_PYTHON = (
    "Không tìm thấy Python mà sổ này dùng ({path}): có thể sổ được chép từ máy khác hoặc Python đã bị gỡ. "
    "Cách sửa: nếu máy chưa cài Đối thoại, chạy bộ cài install.bat; sau đó lưu và đóng sổ, kéo tệp sổ thả vào "
    "biểu tượng “Kết nối sổ Đối thoại” trên màn hình (hoặc chạy lệnh: doithoai connect \"đường dẫn tới sổ\"), "
    "rồi mở lại sổ. Nếu Excel không chạy được macro, dùng chương trình “Đối thoại” trên màn hình thay cho các nút."
)


def python_command(button: ButtonSpec) -> str:
    """What RunPython runs for a button (macOS, and Windows when the launcher is missing)."""
    return f"import doithoai.buttons as b; b.{button.handler}()"


def vba_text(text: str) -> str:
    """A VBA expression for `text` that keeps the module ASCII: runs of ASCII in quotes, the rest as ChrW(n)."""
    parts: list[str] = []
    run = ""
    for char in text:
        if char.isascii() and char.isprintable():
            run += char
            continue
        if run:
            parts.append('"' + run.replace('"', '""') + '"')
            run = ""
        parts.append(f"ChrW({ord(char)})")
    if run or not parts:
        parts.append('"' + run.replace('"', '""') + '"')
    return " & ".join(parts)


def _build_function(name: str, text: str, *, argument: str = "") -> list[str]:
    """A Function returning `text`, built a few words per line (VBA limits a line's length and continuations)."""
    signature = f"Private Function {name}({'ByVal ' + argument + ' As String' if argument else ''}) As String"
    lines = [signature, "    Dim s As String"]
    pieces = text.split("{path}")
    for index, piece in enumerate(pieces):
        words, chunk = piece.split(" "), ""
        for word in words:
            candidate = f"{chunk} {word}" if chunk else word
            if len(candidate) > 60:
                lines.append(f"    s = s & {vba_text(chunk + ' ')}")
                candidate = word
            chunk = candidate
        if chunk:
            lines.append(f"    s = s & {vba_text(chunk)}")
        if index < len(pieces) - 1:
            lines.append(f"    s = s & {argument}")
    lines += [f"    {name} = s", "End Function", ""]
    return lines


# The macros' shared code. Kept free of `#If` and `Declare` so LibreOffice compiles it (tests/test_vba.py runs
# it there with a stand-in for the xlwings module); the helpers' names start with Doithoai to stay clear of
# xlwings' own functions, which they call: GetConfig (the xlwings.conf sheet first), FileExists,
# RunPython and RunFrozenPython.
_RUNNER = """\
Private Sub DoithoaiRun(ByVal handler As String)
    ' Checks the interpreter the workbook is connected to before starting Python, so a missing Python
    ' gives a Vietnamese explanation instead of xlwings' "Could not find Interpreter!".
    Dim problem As String, launcher As String
    problem = DoithoaiProblem()
    If problem <> "" Then
        DoithoaiShow problem
        Exit Sub
    End If
    launcher = DoithoaiLauncher()
    If launcher <> "" Then
        ' Windows: doithoai-click.exe starts our handler without xlwings' prelude (import xlwings.utils),
        ' which would import pandas and matplotlib before every click.
        RunFrozenPython launcher, handler
    Else
        RunPython "import doithoai.buttons as b; b." & handler & "()"
    End If
End Sub

Private Function DoithoaiProblem() As String
    Dim interpreter As String
    If DoithoaiOnMac() Then
        interpreter = GetConfig("INTERPRETER_MAC", "")
    Else
        interpreter = GetConfig("INTERPRETER_WIN", "")
    End If
    If interpreter = "" Then
        DoithoaiProblem = DoithoaiNotConnected()
    ElseIf Not FileExists(interpreter) Then
        DoithoaiProblem = DoithoaiMissingPython(interpreter)
    End If
End Function

Private Function DoithoaiLauncher() As String
    Dim launcher As String
    If DoithoaiOnMac() Then Exit Function
    launcher = GetConfig("DOITHOAI_LAUNCHER_WIN", "")
    If launcher <> "" Then
        If FileExists(launcher) Then DoithoaiLauncher = launcher
    End If
End Function

Private Function DoithoaiOnMac() As Boolean
    On Error Resume Next
    DoithoaiOnMac = (InStr(1, Application.OperatingSystem, "Mac", vbTextCompare) > 0)
End Function

Private Sub DoithoaiShow(ByVal message As String)
    ' WScript.Shell's Popup shows Vietnamese on any Windows; VBA's MsgBox only in the system code page.
    Dim host As Object
    On Error Resume Next
    If Not DoithoaiOnMac() Then Set host = CreateObject("WScript.Shell")
    If host Is Nothing Then
        MsgBox message, vbExclamation, DoithoaiTitle()
    Else
        host.Popup message, 0, DoithoaiTitle(), 48
    End If
End Sub
"""


def module_source(buttons: tuple[ButtonSpec, ...] = BUTTONS) -> str:
    """Module1's text, CRLF line ends as the VBA editor writes them; ASCII only (code page 1252)."""
    lines = [f'Attribute VB_Name = "{MODULE}"', "Option Explicit", ""]
    for button in buttons:
        lines += [f"Public Sub {button.macro}()", f'    DoithoaiRun "{button.handler}"', "End Sub", ""]
    lines += _RUNNER.splitlines() + [""]
    lines += ["Private Function DoithoaiTitle() As String", f"    DoithoaiTitle = {vba_text(TITLE)}", "End Function", ""]
    lines += _build_function("DoithoaiNotConnected", NOT_CONNECTED)
    lines += _build_function("DoithoaiMissingPython", MISSING_PYTHON, argument="path")
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


