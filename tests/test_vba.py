"""The workbook's VBA project and buttons, checked on Linux the way excel-buttons.md describes.

The committed `workbook/doithoai.xlsm` is inspected with tools other than the one that built it (pyOpenVBA):
oletools (olevba, pcodedmp, mraptor), olefile, a hand-written reader of the `VBA/dir` stream, the sheets' VML,
openpyxl and LibreOffice through UNO. The headless commands must leave the project and the buttons alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import posixpath
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from doithoai.book import vba
from doithoai.book.controls import BUTTONS

ROOT = Path(__file__).resolve().parents[1]
LO_SCRIPT = Path(__file__).with_name("lo_buttons.py")
TODAY = "2026-06-01"

NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "v": "urn:schemas-microsoft-com:vml",
    "x": "urn:schemas-microsoft-com:office:excel",
}
PUBLIC_SUB = re.compile(r"^[ \t]*Public[ \t]+Sub[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\([ \t]*\)", re.MULTILINE | re.IGNORECASE)
FMLA_MACRO = re.compile(r"^(?:\[0\]!)?([A-Za-z_][A-Za-z0-9_]*)$")  # XlsxWriter writes `[0]!Name`: this workbook's macro
MACRO_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
VBA_REL_TYPE = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


# --------------------------------------------------------------------------------------------------
# Helpers


@pytest.fixture(scope="module")
def book(template_path) -> Path:
    return template_path


@pytest.fixture(scope="module")
def project(book) -> bytes:
    with zipfile.ZipFile(book) as archive:
        return archive.read("xl/vbaProject.bin")


@pytest.fixture(scope="module")
def modules(book) -> dict[str, str]:
    """olevba's view: VBA stream path -> module text. Parses the file on disk (pcode analysis needs a path)."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(book))
    try:
        found: dict[str, str] = {}
        for _, stream, _, code in parser.extract_macros():
            assert stream not in found, f"olevba extracted {stream} twice"
            found[stream] = code
        return found
    finally:
        parser.close()


def ole_streams(data: bytes) -> dict[str, bytes]:
    import olefile

    with olefile.OleFileIO(data) as ole:
        return {"/".join(entry): ole.openstream(entry).read() for entry in ole.listdir(streams=True, storages=False)}


def dir_modules(dir_stream: bytes) -> list[dict]:
    """The module records of a decompressed `VBA/dir` stream (MS-OVBA 2.3.4.2), read independently of pyOpenVBA.

    Every record is Id (u16), Size (u32), Size bytes of data; PROJECTVERSION (0x0009) alone carries 6 bytes
    after a Size of 4. A module starts at MODULENAME (0x0019) and ends at its Terminator (0x002B).
    """
    modules, current, position = [], None, 0
    while position < len(dir_stream):
        record_id, size = struct.unpack_from("<HI", dir_stream, position)
        position += 6
        if record_id == 0x0009:
            size = 6
        data = dir_stream[position : position + size]
        assert len(data) == size, f"dir record 0x{record_id:04X} runs past the end of the stream"
        position += size
        if record_id == 0x0019:  # MODULENAME
            current = {"name": data.decode("cp1252")}
        elif current is not None and record_id == 0x001A:  # MODULESTREAMNAME (its unicode twin, 0x0032, follows)
            current["stream"] = data.decode("cp1252")
        elif current is not None and record_id == 0x0031:  # MODULEOFFSET
            assert size == 4
            current["offset"] = struct.unpack("<I", data)[0]
        elif current is not None and record_id == 0x002B:  # the module's Terminator
            modules.append(current)
            current = None
        elif record_id == 0x0010:  # the dir stream's Terminator
            break
    assert current is None, "dir stream ends inside a module record"
    return modules


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part) of `part`."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", name + ".rels")
    if rels_part not in archive.namelist():
        return {}
    root = ET.fromstring(archive.read(rels_part))
    found = {}
    for rel in root.findall("rel:Relationship", NS):
        target = rel.get("Target")  # relative to the part's folder, or absolute ("/xl/...") as openpyxl writes it
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[rel.get("Id")] = (rel.get("Type"), posixpath.normpath(target))
    return found


def vml_buttons(vml: bytes) -> list[tuple[str, str]]:
    """(caption, FmlaMacro) of every form button in one VML drawing."""
    buttons = []
    for shape in ET.fromstring(vml).iter(f"{{{NS['v']}}}shape"):
        data = shape.find("x:ClientData", NS)
        if data is None or data.get("ObjectType") != "Button":
            continue
        textbox = shape.find("v:textbox", NS)
        caption = "".join(textbox.itertext()).strip() if textbox is not None else ""
        macro = data.findtext("x:FmlaMacro", default="", namespaces=NS)
        buttons.append((caption, macro))
    return buttons


def sheet_buttons(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Sheet name -> its buttons, following workbook.xml -> sheet -> <legacyDrawing r:id> -> VML, as Excel does."""
    result: dict[str, list[tuple[str, str]]] = {}
    with zipfile.ZipFile(path) as archive:
        workbook_rels = _rels(archive, "xl/workbook.xml")
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        for sheet in workbook.findall("main:sheets/main:sheet", NS):
            part = workbook_rels[sheet.get(f"{{{NS['r']}}}id")][1]
            sheet_xml = ET.fromstring(archive.read(part))
            legacy = sheet_xml.find("main:legacyDrawing", NS)
            if legacy is None:
                continue
            vml_part = _rels(archive, part)[legacy.get(f"{{{NS['r']}}}id")][1]
            buttons = vml_buttons(archive.read(vml_part))
            if buttons:
                result[sheet.get("name")] = buttons
    return result


def all_fmla_macros(path: Path) -> list[str]:
    """Every <x:FmlaMacro> in every VML part of the package, referenced or not."""
    with zipfile.ZipFile(path) as archive:
        texts = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.lower().endswith(".vml")]
    return [m for text in texts for m in re.findall(r"<x:FmlaMacro>(.*?)</x:FmlaMacro>", text, re.DOTALL)]


def vba_wiring(path: Path) -> dict:
    """What makes Excel load the project: the part, its content type, the workbook's relationship, the code name."""
    with zipfile.ZipFile(path) as archive:
        types = ET.fromstring(archive.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
        defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        pr = workbook.find("main:workbookPr", NS)
        return {
            "project": hashlib.sha256(archive.read("xl/vbaProject.bin")).hexdigest(),
            "main type": overrides.get("/xl/workbook.xml"),
            "project type": overrides.get("/xl/vbaProject.bin", defaults.get("bin")),
            "rels": sorted(t for t, target in _rels(archive, "xl/workbook.xml").values() if target == "xl/vbaProject.bin"),
            "code name": pr.get("codeName") if pr is not None else None,
        }


def expected_binding(macro: str) -> str:
    return f"vnd.sun.star.script:VBAProject.Module1.{macro}?language=Basic&location=document"


# --------------------------------------------------------------------------------------------------
# The VBA project


def test_committed_project_is_a_fresh_build(project):
    """Everything below inspects the committed file; it must be what `doithoai.book.vba` builds today."""
    assert project == vba.build_vba_project()


def test_module1_text_is_the_generated_source(modules):
    # olevba decodes the module stream (code page 1252) and returns its text as stored, CRLF line ends
    # included; no normalisation is needed, so the comparison is exact.
    assert "VBA/Module1" in modules, sorted(modules)
    assert modules["VBA/Module1"] == vba.module_source()
    # macros/doithoai.bas is the developer's copy of the same text.
    assert (ROOT / "macros" / "doithoai.bas").read_bytes() == vba.module_source().encode("ascii")


def test_module1_calls_run_python_of_the_xlwings_module(modules):
    module = modules["VBA/Module1"]
    assert PUBLIC_SUB.findall(module) == [b.macro for b in BUTTONS]
    for button in BUTTONS:
        body = re.search(rf"Public Sub {button.macro}\(\)\r\n(.*?)\r\nEnd Sub", module, re.S)
        assert body and body.group(1).strip() == f'DoithoaiRun "{button.handler}"'
    runner = re.search(r"Private Sub DoithoaiRun\(.*?End Sub", module, re.S).group(0)
    # The interpreter check comes first; only then is Python started, one way or the other, each through a guard.
    assert runner.index("DoithoaiProblem()") < runner.index("DoithoaiStartLauncher(") < runner.index("DoithoaiStartPython(")
    assert "Exit Sub" in runner[: runner.index("DoithoaiStartLauncher(")]
    assert "RunFrozenPython launcher, handler" in re.search(r"Private Function DoithoaiStartLauncher\(.*?End Function",
                                                              module, re.S).group(0)
    assert 'RunPython "import doithoai.buttons as b; b." & handler' in re.search(
        r"Private Function DoithoaiStartPython\(.*?End Function", module, re.S).group(0)
    for name in ("RunPython", "RunFrozenPython", "GetConfig", "FileExists"):  # what Module1 calls in xlwings' module
        declared = rf"^[ \t]*(Public[ \t]+)?(Sub|Function)[ \t]+{name}[ \t]*\("
        assert re.search(declared, modules["VBA/xlwings"], re.MULTILINE | re.IGNORECASE), name
    assert "#If" not in module and "Declare" not in module  # LibreOffice must compile it (the run test below)


def test_no_vba_stomping(book):
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(book))  # a path: olevba cannot analyse p-code of a file in memory and then says "no"
    try:
        assert parser.detect_vba_stomping() is False
        dump = parser.pcodedmp_output
    finally:
        parser.close()
    # The analysis did run (it disassembled xlwings' precompiled Dictionary class) ...
    assert "VBA/Dictionary" in dump and "Line #" in dump
    # ... and Module1 has no p-code at all for it to disagree with.
    section = re.search(r"^VBA/Module1 - \d+ bytes$(.*?)(?=^VBA/|\Z)", dump, re.MULTILINE | re.DOTALL)
    assert section is not None, dump[:2000]
    assert "Line #" not in section.group(1)


def test_mraptor_verdict_matches_xlwings_stock(modules):
    import xlwings
    from oletools.mraptor import MacroRaptor
    from oletools.olevba import VBA_Parser

    def verdict(code: str) -> tuple[str, bool]:
        raptor = MacroRaptor(code)
        raptor.scan()
        return raptor.get_flags(), raptor.suspicious

    stock = VBA_Parser(str(Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"))
    try:
        stock_code = "\n".join(code for _, _, _, code in stock.extract_macros())
    finally:
        stock.close()
    assert verdict("\n".join(modules.values())) == verdict(stock_code)


def test_dir_stream_module1_offset_zero_and_no_performance_cache(project):
    from oletools.olevba import decompress_stream

    streams = ole_streams(project)
    records = dir_modules(bytes(decompress_stream(bytearray(streams["VBA/dir"]))))
    by_name = {m["name"]: m for m in records}
    assert set(by_name) == {"ThisWorkbook", "Sheet1", "Sheet2", "Module1", "xlwings", "Dictionary"}
    module1 = by_name["Module1"]
    assert module1["stream"] == "Module1"
    assert module1["offset"] == 0  # source only: Excel compiles it, nothing to look stomped
    # From offset 0 the module stream is exactly the compressed source, bytes as generated.
    assert bytes(decompress_stream(bytearray(streams["VBA/Module1"][module1["offset"] :]))) == vba.module_source().encode("ascii")
    assert streams["VBA/_VBA_PROJECT"][:4] == bytes.fromhex("cc61ffff")  # version 0xFFFF: recompile from source
    assert streams["VBA/_VBA_PROJECT"] == bytes.fromhex("cc61ffff000100")  # and no performance cache after it


def test_only_module1_and_dir_differ_from_xlwings_stock(project):
    import xlwings

    with zipfile.ZipFile(Path(xlwings.__file__).parent / "quickstart_standalone.xlsm") as archive:
        stock = ole_streams(archive.read("xl/vbaProject.bin"))
    built = ole_streams(project)
    assert sorted(built) == sorted(stock)
    assert sorted(name for name in built if built[name] != stock[name]) == ["VBA/Module1", "VBA/dir"]


def test_olefile_strict_parse(project):
    import olefile

    ole = olefile.OleFileIO(project, raise_defects=olefile.DEFECT_POTENTIAL)  # raises on any defect
    try:
        assert ole.parsing_issues == []  # nor anything below that level
        for entry in ole.listdir(streams=True, storages=False):
            assert len(ole.openstream(entry).read()) == ole.get_size(entry)
    finally:
        ole.close()


def test_xlwings_version_is_the_pinned_one(modules):
    import tomllib

    import xlwings

    text = modules["VBA/xlwings"]
    dlls = re.findall(r"xlwings(?:32|64)-(\d+\.\d+\.\d+)\.dll", text)
    constants = re.findall(r'XLWINGS_VERSION\s+As\s+String\s*=\s*"([^"]+)"', text)
    comment = re.findall(r"^'Version:\s*(\S+)", text, re.MULTILINE)
    assert dlls and constants and comment, "the xlwings module no longer names its version where expected"
    assert set(dlls) | set(constants) | set(comment) == {vba.XLWINGS_VERSION}
    assert xlwings.__version__ == vba.XLWINGS_VERSION
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = [d.replace(" ", "") for d in dependencies if re.match(r"xlwings\b", d, re.IGNORECASE)]
    assert pins == [f"xlwings=={vba.XLWINGS_VERSION}"]


# --------------------------------------------------------------------------------------------------
# The buttons


def test_every_button_runs_a_public_sub_of_module1(book, modules):
    subs = set(PUBLIC_SUB.findall(modules["VBA/Module1"]))
    macros = all_fmla_macros(book)
    assert macros, "no <x:FmlaMacro> in the workbook"
    for macro in macros:
        match = FMLA_MACRO.match(macro)
        assert match, f"button bound to {macro!r}: not the plain name of a macro"
        assert match.group(1) in subs, f"button bound to {macro!r}: no Public Sub {match.group(1)} in Module1"


def test_one_button_per_spec_with_its_caption(book):
    sheets = sheet_buttons(book)
    assert list(sheets) == ["Hướng dẫn"], sheets
    buttons = sheets["Hướng dẫn"]
    assert len(buttons) == len(BUTTONS)
    for spec in BUTTONS:
        matching = [(caption, macro) for caption, macro in buttons if caption == spec.caption]
        assert matching == [(spec.caption, f"[0]!{spec.macro}")], (spec, buttons)


@pytest.mark.slow
def test_libreoffice_resolves_every_button(book, tmp_path):
    copy = tmp_path / "doithoai.xlsm"  # LibreOffice may leave a lock file beside what it opens
    shutil.copyfile(book, copy)
    assert_libreoffice_buttons(copy, tmp_path)


def uno_python() -> str | None:
    candidates = ["/usr/bin/python3", shutil.which("python3", path="/usr/bin:/usr/local/bin:/bin"), "/usr/bin/python3.11"]
    for candidate in dict.fromkeys(c for c in candidates if c and os.path.exists(c)):
        probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, env=clean_env(), timeout=60)
        if probe.returncode == 0:
            return candidate
    return None


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYENV_VERSION", "VIRTUAL_ENV")}


def libreoffice_view(path: Path, work: Path) -> dict:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    python = uno_python()
    if python is None:
        pytest.skip("no Python with LibreOffice's `uno` module (python3-uno)")
    env = {**clean_env(), "SOFFICE": soffice}
    try:
        run = subprocess.run(
            [python, str(LO_SCRIPT), str(path), str(work / "lo-profile")], capture_output=True, text=True, env=env, timeout=240
        )
    except subprocess.TimeoutExpired:
        pytest.fail("LibreOffice did not answer within 240 s")
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def assert_libreoffice_buttons(path: Path, work: Path) -> None:
    view = libreoffice_view(path, work)
    assert "VBAProject" in view["libraries"]
    assert "Module1" in view["modules"], sorted(view["modules"])
    assert PUBLIC_SUB.findall(view["modules"]["Module1"]) == [b.macro for b in BUTTONS]
    controls = view["controls"]
    assert len(controls) == len(BUTTONS), controls
    for spec in BUTTONS:
        (control,) = [c for c in controls if c["label"] == spec.caption]
        assert control["sheet"] == "Hướng dẫn"
        actions = [e for e in control["events"] if e["method"] == "actionPerformed"]
        assert [(e["listener"], e["type"], e["code"]) for e in actions] == [("XActionListener", "Script",
                                                                             expected_binding(spec.macro))]


def run_clicks(tmp_path: Path, cases: dict[str, list[tuple[str, str]] | None]) -> dict[str, dict[str, list[str]]]:
    """Every button of a copy of the template per case (its conf sheet's entries, None: as shipped), clicked in
    LibreOffice with the stand-in for xlwings' module (tests/lo_buttons.py): case -> caption -> recorded calls."""
    from doithoai.book.xlwings_conf import write_conf

    books = []
    for name, entries in cases.items():
        path = tmp_path / f"{name}.xlsm"
        shutil.copyfile(ROOT / "workbook" / "doithoai.xlsm", path)
        if entries is not None:
            write_conf(path, entries, backup=False)
        books.append(path)
    if not (shutil.which("soffice") and uno_python()):
        pytest.skip("LibreOffice with python3-uno is not installed")
    run = subprocess.run([uno_python(), str(LO_SCRIPT), "--run", str(tmp_path / "lo-profile"), *map(str, books)],
                         capture_output=True, text=True, env={**clean_env(), "SOFFICE": shutil.which("soffice")}, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    clicks = {Path(k).stem: v for k, v in json.loads(run.stdout).items()}
    for name in cases:
        assert sorted(clicks[name]) == sorted(b.caption for b in BUTTONS), name
    return clicks


@pytest.mark.slow
def test_buttons_check_the_interpreter_and_never_leave_an_error_to_vba(tmp_path):
    """Every button's bound Sub, run in LibreOffice with a stand-in for xlwings' module (tests/lo_buttons.py): the
    interpreter is checked before Python starts, and a run-time error while starting it (error 70 when Defender's
    rule forbids Office to start programs) becomes a Vietnamese message or a fallback, never VBA's End/Debug box
    (an unhandled error would stop the Basic run and fail lo_buttons.py)."""
    from doithoai.book.xlwings_conf import conf_entries

    python = sys.executable
    launcher = tmp_path / "doithoai-click.exe"
    launcher.write_bytes(b"MZ")
    gone = tmp_path / "quarantined" / "doithoai-click.exe"
    connected = conf_entries(python, platform="win32", click=str(launcher))
    blocked = ("70", "Permission denied")
    cases = {
        "template": None,  # not connected
        "missing": conf_entries(str(tmp_path / "gone" / "python.exe"), platform="win32"),
        "launcher": connected,
        "runpython": conf_entries(python, platform="win32"),  # no launcher named
        "launcher_gone": conf_entries(python, platform="win32", click=str(gone)),
        # Defender's attack surface rule: cmd.exe refused, whichever way Python is started
        "blocked": connected + [("STUB_RUNFROZENPYTHON_ERROR", "|".join(blocked))],
        "blocked_runpython": conf_entries(python, platform="win32") + [("STUB_RUNPYTHON_ERROR", "|".join(blocked))],
        "blocked_com": connected + [("STUB_RUNFROZENPYTHON_ERROR", "-2147024891|Method 'Run' of object 'IWshShell3' failed")],
        # the launcher cannot be started (not the rule): RunPython starts the handler instead
        "launcher_fails": connected + [("STUB_RUNFROZENPYTHON_ERROR", "-2147024894|The system cannot find the file specified.")],
        "both_fail": connected + [("STUB_RUNFROZENPYTHON_ERROR", "53|File not found"),
                                  ("STUB_RUNPYTHON_ERROR", "429|ActiveX component can't create object")],
        "gone_and_fails": conf_entries(python, platform="win32", click=str(gone))
        + [("STUB_RUNPYTHON_ERROR", "5|Invalid procedure call or argument")],
    }
    clicks = run_clicks(tmp_path, cases)
    check = ["GetConfig:INTERPRETER_WIN", "GetConfig:DOITHOAI_LAUNCHER_WIN"]
    for button in BUTTONS:
        frozen = f"RunFrozenPython:{launcher}|{button.handler}"
        run_python = f"RunPython:import doithoai.buttons as b; b.{button.handler}()"
        template = clicks["template"][button.caption]
        assert template[0] == "GetConfig:INTERPRETER_WIN"
        assert [c for c in template if c.startswith("Show:")] == [f"Show:{vba.NOT_CONNECTED}"]
        assert not any(c.startswith(("RunPython", "RunFrozenPython")) for c in template)
        missing = clicks["missing"][button.caption]
        assert missing[-1] == "Show:" + vba.MISSING_PYTHON.format(path=tmp_path / "gone" / "python.exe")
        assert not any(c.startswith(("RunPython", "RunFrozenPython")) for c in missing)
        assert clicks["launcher"][button.caption] == [*check, frozen]
        assert clicks["runpython"][button.caption] == [*check, run_python]
        # a launcher named but gone: Python starts the slower way, and nothing is said while that works
        assert clicks["launcher_gone"][button.caption] == [*check, run_python]
        for case in ("blocked", "blocked_com"):  # no second try: RunPython would be refused the same way
            assert clicks[case][button.caption] == [*check, frozen, f"Show:{vba.BLOCKED}"], case
        assert clicks["blocked_runpython"][button.caption] == [*check, run_python, f"Show:{vba.BLOCKED}"]
        assert clicks["launcher_fails"][button.caption] == [*check, frozen, run_python]
        both = vba.LAUNCHER_FAILED.format(launcher=launcher, error="53: File not found") + " " + vba.START_FAILED.format(
            error="429: ActiveX component can't create object")
        assert clicks["both_fail"][button.caption] == [*check, frozen, run_python, f"Show:{both}"]
        gone_and_fails = vba.LAUNCHER_MISSING.format(launcher=gone) + " " + vba.START_FAILED.format(
            error="5: Invalid procedure call or argument")
        assert clicks["gone_and_fails"][button.caption] == [
            *check, run_python, "GetConfig:DOITHOAI_LAUNCHER_WIN", f"Show:{gone_and_fails}"]


def vba_message(source: str, name: str, **arguments: str) -> str:
    """What the generated message Function `name` returns, its `s = s & …` lines evaluated here."""
    body = re.search(rf"Private Function {name}\(.*?End Function", source, re.S).group(0)
    text = ""
    for line in body.splitlines():
        match = re.match(r"    s = s & (.*)$", line)
        if match:
            for part in re.findall(r'"(?:[^"]|"")*"|ChrW\(\d+\)|[A-Za-z_]\w*', match.group(1)):
                if part.startswith('"'):
                    text += part[1:-1].replace('""', '"')
                elif part.startswith("ChrW("):
                    text += chr(int(part[5:-1]))
                else:
                    text += arguments[part]
    return text


@pytest.mark.parametrize("name, message, arguments", [
    ("DoithoaiNotConnected", vba.NOT_CONNECTED, ()),
    ("DoithoaiMissingPython", vba.MISSING_PYTHON, ("path",)),
    ("DoithoaiBlockedMessage", vba.BLOCKED, ()),
    ("DoithoaiLauncherMissing", vba.LAUNCHER_MISSING, ("launcher",)),
    ("DoithoaiLauncherFailed", vba.LAUNCHER_FAILED, ("launcher", "error")),
    ("DoithoaiStartFailed", vba.START_FAILED, ("error",)),
])
def test_generated_message_functions_return_the_messages_exactly(name, message, arguments):
    values = {argument: f"<{argument}>" for argument in arguments}
    assert vba_message(vba.module_source(), name, **values) == message.format(**values)


def test_messages_when_python_cannot_start_are_vietnamese_and_name_the_way_out():
    assert "70" in vba.BLOCKED and "Block all Office applications from creating child processes" in vba.BLOCKED
    for message in (vba.BLOCKED, vba.START_FAILED):
        assert "“Đối thoại”" in message  # the window, which needs no macro
    assert "{error}" in vba.START_FAILED and "{launcher}" in vba.LAUNCHER_MISSING
    source = vba.module_source()
    for name in ("DoithoaiBlockedMessage", "DoithoaiLauncherMissing", "DoithoaiLauncherFailed", "DoithoaiStartFailed"):
        assert f"Private Function {name}(" in source
    runner = re.search(r"Private Sub DoithoaiRun\(.*?End Sub", source, re.S).group(0)
    assert "On Error" not in runner  # the guarded calls live in their own functions, each with its handler
    for guarded in ("DoithoaiStartLauncher", "DoithoaiStartPython"):
        body = re.search(rf"Private Function {guarded}\(.*?End Function", source, re.S).group(0)
        assert body.index("On Error GoTo failed") < body.index("Run")


# --------------------------------------------------------------------------------------------------
# Writers keep the project and the buttons


def test_openpyxl_keeps_the_project_and_buttons(book, project, tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(book, keep_vba=True)
    assert wb.vba_archive is not None
    assert wb.vba_archive.read("xl/vbaProject.bin") == project
    copy = tmp_path / "resaved.xlsm"
    wb.save(copy)
    assert vba_wiring(copy) == vba_wiring(book)
    assert sheet_buttons(copy) == sheet_buttons(book)


def _seed_a_safe_fix(path: Path) -> None:
    """Put a double space into one petitioner's name, editing only the shared strings: `fix` must then write."""
    import openpyxl

    from doithoai.core import schema

    column = 1 + [c.key for c in schema.PETITIONS.columns].index("nguoi_kien_nghi")
    wb = openpyxl.load_workbook(path, read_only=True)
    name = wb[schema.PETITIONS.name].cell(2, column).value
    wb.close()
    assert isinstance(name, str) and " " in name, name
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    old = f"<t>{escape(name)}</t>".encode()
    new = f"<t>{escape(name.replace(' ', '  ', 1))}</t>".encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, data in parts:
            if info.filename == "xl/sharedStrings.xml":
                assert data.count(old) == 1, name
                data = data.replace(old, new)
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def _run(argv: list[str]) -> tuple[int, str]:
    from doithoai.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(argv)
    return status, out.getvalue()


@pytest.fixture
def worked_book(tmp_book, tmp_path) -> tuple[Path, dict, dict]:
    """The sample after validate, fix, deadlines and letters: (path, wiring before, buttons before)."""
    wiring, buttons = vba_wiring(tmp_book), sheet_buttons(tmp_book)
    assert buttons == {"Hướng dẫn": [(b.caption, f"[0]!{b.macro}") for b in BUTTONS]}
    _seed_a_safe_fix(tmp_book)
    commands = (
        (["validate", str(tmp_book), "--today", TODAY], (0, 1)),  # 1: the sample has errors to report
        (["fix", str(tmp_book), "--json", "--today", TODAY], (0,)),
        (["deadlines", str(tmp_book), "--today", TODAY], (0, 1)),
        (["letters", str(tmp_book), "--no-pdf", "--out", str(tmp_path / "out"), "--date", "2026-06-20"], (0,)),
    )
    for argv, statuses in commands:
        before = tmp_book.read_bytes()
        status, output = _run(argv)
        assert status in statuses, (argv, status, output[-2000:])
        assert tmp_book.read_bytes() != before, f"`doithoai {argv[0]}` did not write the workbook: nothing was tested"
        if argv[0] == "fix":
            assert json.loads(output)["count"] > 0
        assert vba_wiring(tmp_book) == wiring, f"`doithoai {argv[0]}` changed the VBA project or how it is wired in"
        assert sheet_buttons(tmp_book) == buttons, f"`doithoai {argv[0]}` changed the buttons"
    return tmp_book, wiring, buttons


def test_commands_keep_the_project_and_buttons(worked_book, demo_path):
    path, wiring, buttons = worked_book
    with zipfile.ZipFile(path) as worked, zipfile.ZipFile(demo_path) as demo:
        assert worked.read("xl/vbaProject.bin") == demo.read("xl/vbaProject.bin")
    assert vba_wiring(path) == wiring
    assert sorted(all_fmla_macros(path)) == sorted(all_fmla_macros(demo_path))
    assert sheet_buttons(path) == buttons


@pytest.mark.slow
def test_libreoffice_resolves_every_button_after_the_commands(worked_book, tmp_path):
    assert_libreoffice_buttons(worked_book[0], tmp_path)
