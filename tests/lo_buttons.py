"""Run by tests/test_vba.py with a Python that has LibreOffice's `uno` (the system /usr/bin/python3).

    python3 lo_buttons.py WORKBOOK PROFILE_DIR

Starts a private headless LibreOffice (profile in PROFILE_DIR), opens WORKBOOK with macros never executed,
and prints one JSON object: the document's Basic libraries, the modules and source of `VBAProject`, and
every form control on every sheet with its label and script event bindings. Stops the LibreOffice it started.
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


def main(argv) -> int:
    workbook, profile = Path(argv[1]), Path(argv[2])
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
        result = inspect(ctx, workbook)
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
