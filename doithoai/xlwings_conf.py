"""The workbook's `xlwings.conf` sheet: which Python this workbook's buttons run, and the settings around it.

xlwings' VBA reads the sheet named `xlwings.conf` (keys in column A from A1 down with no gap, values in
column B; the sheet wins over every config file). Every workbook the package makes carries it, very hidden:
the template with the interpreter keys empty (a copied template is "not connected", and the buttons say so
in Vietnamese instead of running whatever `python` is on PATH), `doithoai new` and `doithoai demo` with this
machine's Python, and `doithoai connect BOOK` rewrites it for a workbook that came from another machine.

Settings that keep paths out of trouble:
- `ADD_WORKBOOK_TO_PYTHONPATH` False: the workbook's folder (maybe a OneDrive URL, maybe holding stray .py
  files) never goes on `sys.path`; xlwings then also skips its URL-to-folder guessing at start-up.
- `PYTHONPATH`, `CONDA PATH`, `CONDA ENV` empty and `USE UDF SERVER`, `SHOW CONSOLE` False: the sheet wins
  over a user-level `%USERPROFILE%\\.xlwings\\xlwings.conf` left by an older xlwings add-in.
- `TEMP DIR` (Windows only, only when `%TEMP%` is not ASCII, e.g. a user named "Nguyễn"): xlwings' VBA writes
  its error log there with ANSI file functions; the public folder has an ASCII path.
- `DOITHOAI_LAUNCHER_WIN`: the `doithoai-click.exe` launcher beside this Python. The buttons' VBA starts it with
  xlwings' `RunFrozenPython`, which does not import xlwings (and pandas, matplotlib) before our code does.
- `DOITHOAI_PYTHON`, `DOITHOAI_VERSION`: which Python and which version connected it, for `doithoai doctor`.

The sheet is rewritten inside the file's zip package (one XML part, plus the sheet's entry when it is
missing), so nothing else in the workbook changes: VBA, buttons, formats stay byte-identical.
"""

from __future__ import annotations

import os
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

CONF_SHEET = "xlwings.conf"
CLICK_SCRIPT = "doithoai-click"  # the console script (pyproject.toml) the Windows buttons run

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_SHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def conf_entries(
    python: str = "", *, platform: str | None = None, click: str = "", temp_dir: str = "", version: str = ""
) -> list[tuple[str, str]]:
    """The sheet's rows, in order. `python` empty gives the template's unconnected sheet."""
    platform = platform or sys.platform
    on_windows, on_mac = platform.startswith("win"), platform == "darwin"
    rows = [
        ("INTERPRETER_WIN", python if on_windows else ""),
        ("INTERPRETER_MAC", python if on_mac else ""),
        ("DOITHOAI_LAUNCHER_WIN", click if on_windows else ""),
        ("ADD_WORKBOOK_TO_PYTHONPATH", "False"),
        ("PYTHONPATH", ""),
        ("USE UDF SERVER", "False"),
        ("SHOW CONSOLE", "False"),
        ("CONDA PATH", ""),
        ("CONDA ENV", ""),
    ]
    if temp_dir and on_windows:
        rows.append(("TEMP DIR", temp_dir))
    rows += [("DOITHOAI_PYTHON", python), ("DOITHOAI_VERSION", version)]
    return rows


TEMPLATE_ENTRIES = conf_entries()


def button_python(executable: str | None = None, platform: str | None = None) -> str:
    """The interpreter the buttons should run: this one, as python.exe rather than pythonw.exe on Windows."""
    path = Path(executable or sys.executable)
    if (platform or sys.platform).startswith("win") and path.name.lower() == "pythonw.exe":
        console = path.with_name("python.exe")
        if console.exists():
            path = console
    return str(path)


def click_launcher(platform: str | None = None) -> str:
    """`doithoai-click.exe` installed with this package, or "" (the buttons then use xlwings' RunPython)."""
    import shutil
    import sysconfig

    if not (platform or sys.platform).startswith("win"):
        return ""
    candidates = [Path(sysconfig.get_path("scripts")) / f"{CLICK_SCRIPT}.exe"]
    try:
        candidates.append(Path(sysconfig.get_path("scripts", f"{os.name}_user")) / f"{CLICK_SCRIPT}.exe")
    except KeyError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return shutil.which(CLICK_SCRIPT) or ""


def safe_temp_dir(environ=None, platform: str | None = None) -> str:
    """An ASCII folder for xlwings' error log when %TEMP% is not ASCII (Windows only), else ""."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("win"):
        return ""
    temp = environ.get("TEMP", "")
    if temp.isascii():
        return ""
    public = environ.get("PUBLIC", "")
    return public if public and public.isascii() else ""


def this_machine() -> list[tuple[str, str]]:
    from . import __version__

    return conf_entries(button_python(), click=click_launcher(), temp_dir=safe_temp_dir(), version=__version__)


# -- reading -------------------------------------------------------------------------------------------------


def read_conf(path: Path) -> dict[str, str] | None:
    """The sheet's settings (keys upper-cased, as xlwings compares them), or None when the sheet is missing."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    if CONF_SHEET not in book.sheet_names:
        return None
    settings: dict[str, str] = {}
    for row in book.get_sheet_by_name(CONF_SHEET).to_python(skip_empty_area=False):
        key = str(row[0]).strip() if row and row[0] not in (None, "") else ""
        if not key:
            break  # xlwings reads down to the first empty cell
        value = row[1] if len(row) > 1 else ""
        settings[key.upper()] = "" if value is None else str(value)
    return settings


# -- writing -------------------------------------------------------------------------------------------------


def sheet_xml(entries: list[tuple[str, str]]) -> bytes:
    def cell(ref: str, text: str) -> str:
        if not text:
            return ""
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'<c r="{ref}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'

    rows = "".join(
        f'<row r="{n}">{cell(f"A{n}", key)}{cell(f"B{n}", value)}</row>' for n, (key, value) in enumerate(entries, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><dimension ref="A1:B{len(entries)}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        '<cols><col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="90" customWidth="1"/></cols>'
        f"<sheetData>{rows}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    ).encode()


def _attribute(tag: str, name: str) -> str | None:
    match = re.search(rf'\s{re.escape(name)}="([^"]*)"', tag)
    return match.group(1) if match else None


def _unescape(text: str) -> str:
    from xml.sax.saxutils import unescape

    return unescape(text, {"&quot;": '"', "&apos;": "'"})


def with_conf(parts: dict[str, bytes], entries: list[tuple[str, str]]) -> dict[str, bytes]:
    """The package's parts with the conf sheet replaced (or added, very hidden, as the last sheet)."""
    parts = dict(parts)
    workbook = parts["xl/workbook.xml"].decode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    sheets = re.findall(r"<sheet\s[^>]*?/>", workbook)
    conf_tag = next((tag for tag in sheets if _unescape(_attribute(tag, "name") or "") == CONF_SHEET), None)
    if conf_tag is not None:
        rel_id = next(v for k, v in re.findall(r'\s([\w:]+)="([^"]*)"', conf_tag) if k.endswith(":id"))
        rel = next(tag for tag in re.findall(r"<Relationship\s[^>]*?/>", rels) if _attribute(tag, "Id") == rel_id)
        target = _attribute(rel, "Target") or ""
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[part] = sheet_xml(entries)
        if _attribute(conf_tag, "state") != "veryHidden":
            tag = re.sub(r'\sstate="[^"]*"', "", conf_tag).replace("<sheet ", '<sheet state="veryHidden" ', 1)
            parts["xl/workbook.xml"] = workbook.replace(conf_tag, tag, 1).encode("utf-8")
        return parts
    numbers = [int(n) for n in re.findall(r"xl/worksheets/sheet(\d+)\.xml", " ".join(parts))]
    part = f"xl/worksheets/sheet{max(numbers, default=0) + 1}.xml"
    rel_numbers = [int(n) for n in re.findall(r'Id="rId(\d+)"', rels)]
    rel_id = f"rId{max(rel_numbers, default=0) + 1}"
    sheet_id = max((int(_attribute(tag, "sheetId") or 0) for tag in sheets), default=0) + 1
    parts[part] = sheet_xml(entries)
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", f'<Relationship Id="{rel_id}" Type="{_SHEET_TYPE}" Target="{part[3:]}"/></Relationships>', 1
    ).encode("utf-8")
    # The relationships namespace declared on the element itself: openpyxl declares it per <sheet>, not on the root.
    entry = f'<sheet xmlns:r="{_REL_NS}" name="{CONF_SHEET}" sheetId="{sheet_id}" state="veryHidden" r:id="{rel_id}"/>'
    parts["xl/workbook.xml"] = workbook.replace("</sheets>", entry + "</sheets>", 1).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/{part}" ContentType="{_SHEET_CONTENT}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>", 1).encode("utf-8")
    return parts


def write_conf(path: Path, entries: list[tuple[str, str]], *, backup: bool = True) -> None:
    """Rewrite the conf sheet of the workbook at `path`: refuses an open workbook, keeps a backup, saves atomically."""
    from .errors import UnusableFile
    from .io import files

    path = Path(path)
    files.check_workbook_file(path)
    files.check_not_open(path)
    files.check_can_write(path)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info) for info in infos}
    if "xl/_rels/workbook.xml.rels" not in parts or "[Content_Types].xml" not in parts:
        raise UnusableFile(f"Tệp “{path.name}” bị hỏng hoặc không phải tệp Excel.")
    new_parts = with_conf(parts, entries)
    if backup:
        files.backup(path)

    def save(temp: Path) -> None:
        with zipfile.ZipFile(temp, "w") as out:
            for info in infos:
                out.writestr(info, new_parts.pop(info.filename))
            for name, data in new_parts.items():  # a part that was added
                out.writestr(zipfile.ZipInfo(name, date_time=infos[0].date_time), data, compress_type=zipfile.ZIP_DEFLATED)

    files.atomic_save(path, save)


def connect(path: Path, entries: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Point the workbook's buttons at this machine's Python (or at `entries`); returns what was written."""
    from .io.lock import hold

    entries = this_machine() if entries is None else entries
    with hold(Path(path), "connect"):  # the tool's lock: no other run may rewrite the workbook meanwhile
        write_conf(Path(path), entries)
    return entries
