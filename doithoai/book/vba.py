"""The workbook's VBA project: xlwings' standalone project with our buttons' macros in `Module1`.

Following what was established for building the workbook on Linux (see docs/architecture.md, "How the buttons
work"): take `xl/vbaProject.bin` from the installed xlwings' `quickstart_standalone.xlsm` (its `xlwings`
module names the DLL by version, so the package and the workbook must agree), replace only Module1's
source with one `Public Sub` per button, stored as compressed source with no compiled code (MODULEOFFSET 0,
so Excel compiles it from source and nothing looks like "VBA stomping"). Every other stream is unchanged.
pyOpenVBA provides the MS-OVBA compression and the compound-file writer; it is needed only to build.

Decision: starting Python is the one place a click can raise a VBA run-time error (xlwings' `WScript.Run` of
cmd.exe), so each way of starting it sits in its own Function with `On Error GoTo`. Error 70 / &H80070005 is
Defender's attack surface rule against Office child processes: said in Vietnamese, no second try (RunPython
starts cmd.exe too). Any other failure of the launcher falls back to RunPython; a failure of RunPython is shown
with its number and text. Messages are generated Functions (ASCII source, `ChrW` for Vietnamese letters).
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

# What a click shows when Python cannot be started (the Sub's error handler; tests/test_vba.py runs each case).
BLOCKED = (
    "Máy này không cho Excel mở chương trình khác (lỗi 70: Permission denied), nên nút không chạy được Python. "
    "Thường là do quy tắc chặn của phần mềm diệt virus: Microsoft Defender, quy tắc “Block all Office applications "
    "from creating child processes”. Cách sửa: báo bộ phận kỹ thuật cho phép Excel chạy Đối thoại trên máy này "
    "(lệnh doithoai doctor cho biết quy tắc nào đang bật). Trong lúc chờ: lưu và đóng sổ, rồi dùng chương trình "
    "“Đối thoại” trên màn hình, làm được mọi việc như các nút."
)
LAUNCHER_MISSING = (
    "Không thấy chương trình khởi động {launcher} (có thể phần mềm diệt virus đã xóa hoặc cách ly tệp này)."
)
LAUNCHER_FAILED = "Không chạy được chương trình khởi động {launcher} (lỗi {error})."
START_FAILED = (
    "Excel không khởi động được Python cho nút này (lỗi {error}). Cách sửa: chạy lại bộ cài install.bat của "
    "Đối thoại, rồi mở lại sổ và bấm nút. Nếu vẫn lỗi: gửi thông báo này cho bộ phận kỹ thuật, và trong lúc chờ "
    "lưu và đóng sổ, rồi dùng chương trình “Đối thoại” trên màn hình."
)


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


def _build_function(name: str, text: str, *, arguments: tuple[str, ...] = ()) -> list[str]:
    """A Function returning `text`, built a few words per line (VBA limits a line's length and continuations).

    `{argument}` in `text` becomes the String argument of that name (as `str.format` would fill it in Python).
    """
    import re

    signature = ", ".join(f"ByVal {argument} As String" for argument in arguments)
    lines = [f"Private Function {name}({signature}) As String", "    Dim s As String"]
    pieces = re.split(r"\{(" + "|".join(map(re.escape, arguments)) + r")\}", text) if arguments else [text]
    for index, piece in enumerate(pieces):
        if index % 2:  # an argument's name
            lines.append(f"    s = s & {piece}")
            continue
        chunk = ""
        for word in re.findall(r"\S*\s*", piece):  # each word with the spaces after it: the text is kept exactly
            if chunk and len(chunk + word.rstrip()) > 60:
                lines.append(f"    s = s & {vba_text(chunk)}")
                chunk = ""
            chunk += word
        if chunk:
            lines.append(f"    s = s & {vba_text(chunk)}")
    lines += [f"    {name} = s", "End Function", ""]
    return lines


# The macros' shared code. Kept free of `#If` and `Declare` so LibreOffice compiles it (tests/test_vba.py runs
# it there with a stand-in for the xlwings module); the helpers' names start with Doithoai to stay clear of
# xlwings' own functions, which they call: GetConfig (the xlwings.conf sheet first), FileExists,
# RunPython and RunFrozenPython.
_RUNNER = """\
Private Sub DoithoaiRun(ByVal handler As String)
    ' Checks the interpreter the workbook is connected to before starting Python, so a missing Python
    ' gives a Vietnamese explanation instead of xlwings' "Could not find Interpreter!". Starting Python
    ' is guarded: a run-time error there (error 70 when an antivirus rule forbids Office to start programs)
    ' becomes a Vietnamese message instead of VBA's End/Debug box.
    Dim problem As String, launcher As String, failure As Long, description As String, note As String
    problem = DoithoaiProblem()
    If problem <> "" Then
        DoithoaiShow problem
        Exit Sub
    End If
    launcher = DoithoaiLauncher()
    If launcher <> "" Then
        ' Windows: doithoai-click.exe starts our handler without xlwings' prelude (import xlwings.utils),
        ' which would import pandas and matplotlib before every click.
        failure = DoithoaiStartLauncher(launcher, handler, description)
        If failure = 0 Then Exit Sub
        If DoithoaiBlocked(failure) Then
            DoithoaiShow DoithoaiBlockedMessage()  ' RunPython goes through cmd.exe too: it would be blocked the same way
            Exit Sub
        End If
        note = DoithoaiLauncherFailed(launcher, DoithoaiError(failure, description)) & " "
    End If
    ' No launcher, or it could not be started: xlwings' RunPython starts the same handler (slower).
    failure = DoithoaiStartPython(handler, description)
    If failure = 0 Then Exit Sub
    If DoithoaiBlocked(failure) Then
        DoithoaiShow DoithoaiBlockedMessage()
    Else
        If launcher = "" Then note = DoithoaiLauncherNote()
        DoithoaiShow note & DoithoaiStartFailed(DoithoaiError(failure, description))
    End If
End Sub

Private Function DoithoaiStartLauncher(ByVal launcher As String, ByVal handler As String, description As String) As Long
    On Error GoTo failed
    RunFrozenPython launcher, handler
    Exit Function
failed:
    DoithoaiStartLauncher = Err.Number
    description = Err.Description
End Function

Private Function DoithoaiStartPython(ByVal handler As String, description As String) As Long
    On Error GoTo failed
    RunPython "import doithoai.buttons as b; b." & handler & "()"
    Exit Function
failed:
    DoithoaiStartPython = Err.Number
    description = Err.Description
End Function

Private Function DoithoaiBlocked(ByVal failure As Long) As Boolean
    ' 70 "Permission denied": Defender's attack surface reduction rule "Block all Office applications from
    ' creating child processes" stopping cmd.exe; -2147024891 (&H80070005) is the same refusal as a COM error.
    DoithoaiBlocked = (failure = 70 Or failure = -2147024891)
End Function

Private Function DoithoaiError(ByVal failure As Long, ByVal description As String) As String
    DoithoaiError = CStr(failure)
    If description <> "" Then DoithoaiError = DoithoaiError & ": " & description
End Function

Private Function DoithoaiLauncherNote() As String
    ' The workbook names a launcher that is gone (an antivirus may have removed it): said only if Python fails too.
    Dim launcher As String
    If DoithoaiOnMac() Then Exit Function
    launcher = GetConfig("DOITHOAI_LAUNCHER_WIN", "")
    If launcher <> "" Then DoithoaiLauncherNote = DoithoaiLauncherMissing(launcher) & " "
End Function

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
    lines += _build_function("DoithoaiMissingPython", MISSING_PYTHON, arguments=("path",))
    lines += _build_function("DoithoaiBlockedMessage", BLOCKED)
    lines += _build_function("DoithoaiLauncherMissing", LAUNCHER_MISSING, arguments=("launcher",))
    lines += _build_function("DoithoaiLauncherFailed", LAUNCHER_FAILED, arguments=("launcher", "error"))
    lines += _build_function("DoithoaiStartFailed", START_FAILED, arguments=("error",))
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


