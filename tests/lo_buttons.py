"""Run by tests/test_vba.py with a Python that has LibreOffice's `uno` (the system /usr/bin/python3).

    python3 lo_buttons.py WORKBOOK PROFILE_DIR
    python3 lo_buttons.py --run PROFILE_DIR WORKBOOK...

Starts a private headless LibreOffice (profile in PROFILE_DIR). The first form opens WORKBOOK with macros
never executed and prints one JSON object: the document's Basic libraries, the modules and source of
`VBAProject`, and every form control on every sheet with its label and script event bindings.

`--run` opens each WORKBOOK with macros allowed, replaces xlwings' modules (LibreOffice cannot compile them)
by STUB below, which records what the buttons' VBA calls (GetConfig reads the real `xlwings.conf` sheet;
xlwings' FileExists is answered by LibreOffice Basic's own FileExists, which checks the real file system;
RunPython and RunFrozenPython raise the run-time error a test puts in the conf sheet as
`STUB_RUNPYTHON_ERROR` / `STUB_RUNFROZENPYTHON_ERROR` = "number|description", as xlwings' would when Windows
refuses to start cmd.exe),
swaps Module1's message box for a recorder, clicks every form button (invokes its bound script) and prints
{workbook: {caption: [recorded calls in order]}}. Stops the LibreOffice it started.
"""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path


def connect(pipe: str, office: subprocess.Popen, timeout: float = 120.0):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if office.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def prop(name, value):
    from com.sun.star.beans import PropertyValue

    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def inspect(ctx, workbook: Path) -> dict:
    import uno

    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    never = uno.getConstantByName("com.sun.star.document.MacroExecMode.NEVER_EXECUTE")
    args = (prop("Hidden", True), prop("ReadOnly", True), prop("MacroExecutionMode", never))
    doc = desktop.loadComponentFromURL(workbook.resolve().as_uri(), "_blank", 0, args)
    if doc is None:
        raise SystemExit(f"LibreOffice could not open {workbook}")
    try:
        result = {"libraries": list(doc.BasicLibraries.getElementNames()), "modules": {}, "controls": []}
        if doc.BasicLibraries.hasByName("VBAProject"):
            doc.BasicLibraries.loadLibrary("VBAProject")
            library = doc.BasicLibraries.getByName("VBAProject")
            result["modules"] = {name: library.getByName(name) for name in library.getElementNames()}
        sheets = doc.Sheets
        for s in range(sheets.Count):
            sheet = sheets.getByIndex(s)
            forms = sheet.DrawPage.Forms
            for f in range(forms.Count):
                form = forms.getByIndex(f)
                for c in range(form.Count):
                    model = form.getByIndex(c)
                    events = [
                        {"listener": e.ListenerType, "method": e.EventMethod, "type": e.ScriptType, "code": e.ScriptCode}
                        for e in form.getScriptEvents(c)
                    ]
                    label = model.Label if model.getPropertySetInfo().hasPropertyByName("Label") else None
                    result["controls"].append({"sheet": sheet.Name, "name": model.Name, "label": label, "events": events})
        return result
    finally:
        doc.close(True)


STUB = """Option VBASupport 1
Option Explicit
Public Recorded As String

Sub StubRecord(ByVal what As String)
    Recorded = Recorded & what & Chr(10)
End Sub

Function StubTake() As String
    StubTake = Recorded
    Recorded = ""
End Function

Function GetConfig(ByVal configKey As String, Optional ByVal fallback As String = "") As Variant
    Dim sh As Object, r As Long, k As String
    StubRecord "GetConfig:" & configKey
    GetConfig = fallback
    If Not ThisComponent.Sheets.hasByName("xlwings.conf") Then Exit Function
    Set sh = ThisComponent.Sheets.getByName("xlwings.conf")
    For r = 0 To 200
        k = sh.getCellByPosition(0, r).getString()
        If k = "" Then Exit Function
        If UCase(k) = configKey Then
            GetConfig = sh.getCellByPosition(1, r).getString()
            Exit Function
        End If
    Next r
End Function

Function StubSetting(ByVal key As String) As String
    ' A test's instruction in the conf sheet, read without being recorded.
    Dim sh As Object, r As Long
    If Not ThisComponent.Sheets.hasByName("xlwings.conf") Then Exit Function
    Set sh = ThisComponent.Sheets.getByName("xlwings.conf")
    For r = 0 To 200
        If sh.getCellByPosition(0, r).getString() = "" Then Exit Function
        If UCase(sh.getCellByPosition(0, r).getString()) = key Then
            StubSetting = sh.getCellByPosition(1, r).getString()
            Exit Function
        End If
    Next r
End Function

Sub StubFail(ByVal key As String)
    ' "70|Permission denied" in the conf sheet under `key`: raise run-time error 70 as xlwings' WScript.Run would.
    Dim setting As String, bar As Long
    setting = StubSetting(key)
    If setting = "" Then Exit Sub
    bar = InStr(setting, "|")
    Err.Raise CLng(Left(setting, bar - 1)), "xlwings", Mid(setting, bar + 1)
End Sub

Function RunPython(ByVal command As String)
    StubRecord "RunPython:" & command
    StubFail "STUB_RUNPYTHON_ERROR"
End Function

Function RunFrozenPython(ByVal executable As String, Optional ByVal args As String = "")
    StubRecord "RunFrozenPython:" & executable & "|" & args
    StubFail "STUB_RUNFROZENPYTHON_ERROR"
End Function
"""


def run_buttons(ctx, workbook: Path) -> dict:
    import re

    import uno

    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    always = uno.getConstantByName("com.sun.star.document.MacroExecMode.ALWAYS_EXECUTE_NO_WARN")
    args = (prop("Hidden", True), prop("MacroExecutionMode", always))
    doc = desktop.loadComponentFromURL(workbook.resolve().as_uri(), "_blank", 0, args)
    if doc is None:
        raise SystemExit(f"LibreOffice could not open {workbook}")
    try:
        doc.BasicLibraries.loadLibrary("VBAProject")
        library = doc.BasicLibraries.getByName("VBAProject")
        for name in ("xlwings", "Dictionary"):
            if library.hasByName(name):
                library.removeByName(name)
        library.insertByName("Stub", STUB)
        module = library.getByName("Module1")
        shown = 'Private Sub DoithoaiShow(ByVal message As String)\n    StubRecord "Show:" & message\nEnd Sub'
        source = module.replace("\r\n", "\n")
        module, count = re.subn(r"Private Sub DoithoaiShow\(.*?\nEnd Sub", lambda _: shown, source, flags=re.S)
        if count != 1:
            raise SystemExit("Module1 has no DoithoaiShow to replace")
        library.replaceByName("Module1", module)
        provider = doc.getScriptProvider()
        take = provider.getScript("vnd.sun.star.script:VBAProject.Stub.StubTake?language=Basic&location=document")
        take.invoke((), (), ())
        clicks = {}
        sheets = doc.Sheets
        for s in range(sheets.Count):
            forms = sheets.getByIndex(s).DrawPage.Forms
            for f in range(forms.Count):
                form = forms.getByIndex(f)
                for c in range(form.Count):
                    label = form.getByIndex(c).Label
                    for event in form.getScriptEvents(c):
                        if event.EventMethod == "actionPerformed":
                            provider.getScript(event.ScriptCode).invoke((), (), ())
                            result = take.invoke((), (), ())
                            recorded = result[0] if isinstance(result, tuple) else result
                            clicks[label] = [line for line in str(recorded).split("\n") if line]
        return clicks
    finally:
        doc.close(True)


def main(argv) -> int:
    if argv[1] == "--run":
        profile, workbooks = Path(argv[2]), [Path(a) for a in argv[3:]]
    else:
        workbooks, profile = [Path(argv[1])], Path(argv[2])
    pipe = f"doithoai_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    office = subprocess.Popen(
        [
            os.environ.get("SOFFICE", "soffice"),
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(pipe, office)
        if argv[1] == "--run":
            result = {str(w): run_buttons(ctx, w) for w in workbooks}
        else:
            result = inspect(ctx, workbooks[0])
        try:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
        except Exception:  # the bridge drops as LibreOffice quits
            pass
        print(json.dumps(result, ensure_ascii=False))
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
