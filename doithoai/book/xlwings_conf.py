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

The sheet is rewritten inside the file's zip package through the package writer (`io.xlsxpatch.package`: one XML part,
plus the sheet's entry when it is missing), so nothing else in the workbook changes: VBA, buttons, formats stay
byte-identical. The existing sheet is found as Excel matches names (`XLWINGS.CONF`, quoted `'xlwings.conf'`: renamed
to `xlwings.conf`), never added twice; an `x:`-prefixed workbook (.NET's Open XML SDK) is handled; a sheet whose
relationship names nothing is a damaged workbook (exit 2); the result is read back before it replaces the workbook.
Reading goes through the workbook reader's bounded path (a stray cell at XFD1048576 costs nothing).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..io.xlsxpatch.package import Package

CONF_SHEET = "xlwings.conf"
CLICK_SCRIPT = "doithoai-click"  # the console script (pyproject.toml) the Windows buttons run

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


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


def safe_temp_dir(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
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
    from .. import __version__

    return conf_entries(button_python(), click=click_launcher(), temp_dir=safe_temp_dir(), version=__version__)


# -- reading -------------------------------------------------------------------------------------------------


def read_conf(path: Path) -> dict[str, str] | None:
    """The sheet's settings (keys upper-cased, as xlwings compares them), or None when the sheet is missing.

    Read through the workbook reader (`io.reader.read_sheets`): a stray cell far away (XFD1048576) is trimmed by its
    bounded path instead of making python-calamine allocate the sheet's whole grid; the sheet is found as Excel finds
    it (case, NFC and stray spaces forgiven)."""
    from ..io.reader import read_sheets

    sheets = read_sheets(Path(path), [CONF_SHEET])
    if not sheets:
        return None
    settings: dict[str, str] = {}
    for row in next(iter(sheets.values())):
        key = str(row[0]).strip() if row and row[0] not in (None, "") else ""
        if not key:
            break  # xlwings reads down to the first empty cell
        value = row[1] if len(row) > 1 else ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        settings[key.upper()] = "" if value is None else str(value)
    return settings


# -- writing -------------------------------------------------------------------------------------------------


def sheet_xml(entries: list[tuple[str, str]]) -> bytes:
    from ..core.text import clean_text
    from ..io.xlsxpatch.cellvalue import excel_text, xml_escape

    def cell(ref: str, text: str) -> str:
        text = clean_text(text)
        if not text:
            return ""
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xml_escape(excel_text(text))}</t></is></c>'

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


def _is_conf(name: str) -> bool:
    """Is this the conf sheet's name, as Excel would match it (case, NFC, spaces), quotes around it forgiven?"""
    from ..core.keys import header_key

    return header_key(name.strip().strip("'").strip()) == header_key(CONF_SHEET)


def put_conf(package: Package, entries: list[tuple[str, str]]) -> str:
    """Write the conf sheet into `package` (`io.xlsxpatch.package.Package`), very hidden: the existing one found by
    its name as Excel matches it (`XLWINGS.CONF`, `'xlwings.conf'`) is rewritten in place (only its part changes when
    its name and state are already right); otherwise a sheet is added last. Every sheet must name an existing part:
    a relationship id that names nothing is a damaged workbook, refused (exit 2) before anything changes. Returns the
    conf sheet's part."""
    from lxml import etree

    from ..core.errors import UnusableFile
    from ..io.xlsxpatch.order import local_name
    from ..io.xlsxpatch.package import NS_R, q

    targets = {rel_id: target for rel_id, _, target in package.relationships(package.workbook_part)}
    found = None
    for element in package.workbook.iter(etree.Element):
        if local_name(element) != "sheet":
            continue
        name = element.get("name", "")
        target = targets.get(element.get(q("id", NS_R), ""))
        if target is None or not package.has(target):
            raise UnusableFile(
                f"Tệp “{package.path.name}” bị hỏng: trang “{name}” trỏ tới một phần không có trong tệp (mã "
                f"“{element.get(q('id', NS_R), '')}”), nên không kết nối được; hãy mở sổ bằng Excel (Excel sửa tệp), lưu lại "
                "rồi chạy lại, hoặc dùng bản sao lưu gần nhất; chưa có gì bị ghi."
            )
        if found is None and _is_conf(name):
            found = (element, target)
    data = sheet_xml(entries)
    if found is None:
        return package.put_sheet(CONF_SHEET, data, state="veryHidden")
    element, part = found
    package.write(part, data)
    if element.get("name") != CONF_SHEET or element.get("state") != "veryHidden":
        package.edit(package.workbook_part)
        element.set("name", CONF_SHEET)
        element.set("state", "veryHidden")
    return part


def write_conf(path: Path, entries: list[tuple[str, str]], *, backup: bool = True) -> None:
    """Rewrite the conf sheet of the workbook at `path`: refuses an open workbook, keeps a backup, saves atomically.

    The package is patched (`io.xlsxpatch.package.Package`: any namespace prefix, relationships resolved as OPC says,
    every other member copied byte for byte), and the result is read back before it replaces the workbook: a sheet
    that did not come out as written is an error, never a success."""
    from ..core.errors import UnusableFile
    from ..io import files
    from ..io.scan import check_workbook_file
    from ..io.xlsxpatch.package import Package

    path = Path(path)
    check_workbook_file(path)
    files.check_not_open(path)
    files.check_can_write(path)
    with Package(path) as package:
        put_conf(package, entries)
        if backup:
            files.backup(path)

        def save(temp: Path) -> None:
            package.save(temp)
            written = read_conf(temp)
            expected = {key.upper(): value for key, value in entries}
            if written is None or any(written.get(key, "") != clean_value for key, clean_value in _as_read(expected).items()):
                raise UnusableFile(f"Không ghi được trang {CONF_SHEET} vào tệp “{path.name}” (đọc lại không thấy đúng nội dung "
                                   "vừa ghi); sổ không bị thay đổi. Hãy mở sổ bằng Excel, lưu lại rồi chạy lại.")

        files.atomic_save(path, save)


def _as_read(entries: dict[str, str]) -> dict[str, str]:
    """The settings as `read_conf` gives them back (text the file cannot hold dropped)."""
    from ..core.text import clean_text

    return {key: clean_text(value) for key, value in entries.items()}


def connect(path: Path, entries: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Point the workbook's buttons at this machine's Python (or at `entries`); returns what was written."""
    from ..io.lock import hold

    entries = this_machine() if entries is None else entries
    with hold(Path(path), "connect"):  # the tool's lock: no other run may rewrite the workbook meanwhile
        write_conf(Path(path), entries)
    return entries
