"""The offline installer's Windows steps (a front-end, with its stable name: install.py and the registry's Active Setup
entry run `python -m doithoai.windows`). What the registry says is read through `doithoai.io.registry`. Standard
library only.

Read by `doithoai doctor` (Office versions, Excel's trusted locations, Word, Excel, the program that opens .xlsm,
Defender's attack surface reduction rules, fonts) and by `documents/pdf.py` (Word); written by the offline
installer through `python -m doithoai.windows` (install.py runs it once the package is installed):

- `bin\\doithoai.cmd` in the install folder, and that folder on PATH (the user's, or the machine's for all
  users), so every command a message names (`doithoai connect`, `doithoai doctor`, `doithoai new`) works in a
  new Command Prompt;
- the workbook folder as an Excel **trusted location** (`HKCU\\Software\\Microsoft\\Office\\<version>\\Excel\\
  Security\\Trusted Locations\\LocationN`: `Path`, `AllowSubfolders`, `Description`, `Date`) for every Office version
  present (16.0 when none is found): a workbook saved there runs its macros even when it came by e-mail, Zalo or
  a browser (mark of the web) and shows no yellow bar;
- desktop shortcuts: “Sổ Đối thoại” opens the workbook **with Excel** (`excel.exe` from App Paths, so WPS as the
  default for .xlsm does not take it), “Đối thoại” the window, “Kết nối sổ Đối thoại” the drop target;
- all users (`--all-users`, administrator): PATH in the machine's environment, shortcuts on the public desktop,
  the workbook folder writable by every user (BUILTIN\\Users, by SID), and the per-user part (trusted location)
  done for the installing account now and for every other account at its next sign-in through Active Setup
  (`HKLM\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\DoiThoai`, `StubPath` running
  `pythonw -m doithoai.windows --user-setup`).

Every registry access goes through a `Registry` (winreg here; tests hand in a fake), shortcuts through a
`ShortcutMaker` (PowerShell's WScript.Shell here), so the steps are checked on what they write.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .io.registry import (
    DEFAULT_OFFICE,
    OFFICE,
    TRUST_DESCRIPTION,
    TRUSTED,
    Registry,
    WinRegistry,
    excel_path,
    expand,
    folder_key,
    office_versions,
)

if TYPE_CHECKING:
    import argparse


class ShortcutMaker(Protocol):
    def __call__(self, path: Path, target: str, arguments: str, folder: str, description: str, icon: str) -> None: ...


def powershell_shortcut(path: Path, target: str, arguments: str, folder: str, description: str, icon: str) -> None:
    """A .lnk through PowerShell and WScript.Shell; the script goes base64 (UTF-16) so any name survives."""
    import base64

    def quoted(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    script = (f"$s=(New-Object -ComObject WScript.Shell).CreateShortcut({quoted(str(path))});"
              f"$s.TargetPath={quoted(target)};$s.Arguments={quoted(arguments)};$s.WorkingDirectory={quoted(folder)};"
              f"$s.Description={quoted(description)};" + (f"$s.IconLocation={quoted(icon)};" if icon else "") + "$s.Save()")
    encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
    subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded],
                   check=False, capture_output=True)


# -- the installer's steps ---------------------------------------------------------------------------------------

USER_PATH = "HKCU\\Environment"
MACHINE_PATH = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"
ACTIVE_SETUP = "HKLM\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\DoiThoai"
USER_ACTIVE_SETUP = "HKCU\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\DoiThoai"
DESKTOP_USER = ("HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders", "Desktop",
                "%USERPROFILE%\\Desktop")
DESKTOP_ALL = ("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders", "Common Desktop",
               "%PUBLIC%\\Desktop")
CONNECT_BAT = "ket-noi-so.bat"
USERS_SID = "*S-1-5-32-545"  # BUILTIN\Users, named by SID so a Vietnamese Windows finds it too
SHORTCUTS = ("Sổ Đối thoại", "Đối thoại", "Kết nối sổ Đối thoại")


@dataclass
class Setup:
    """What the steps need to know about the installation; `registry`, `shortcut` and `grant` are the layers."""

    target: Path  # the install folder (ASCII)
    python: Path  # the environment's python.exe
    workbook: Path
    registry: Registry
    shortcut: ShortcutMaker
    environ: dict[str, str]
    all_users: bool = False
    shortcuts: bool = True
    grant: Any = None  # callable(folder): make the folder writable by every user (icacls); all users only
    say: Any = print

    @property
    def scripts(self) -> Path:
        return self.python.parent


def command_wrappers(setup: Setup) -> Path:
    """`bin\\doithoai.cmd` (and the drop target `ket-noi-so.bat`) in the install folder; returns the bin folder."""
    folder = setup.target / "bin"
    folder.mkdir(parents=True, exist_ok=True)
    exe = setup.scripts / "doithoai.exe"
    (folder / "doithoai.cmd").write_bytes(f'@echo off\r\n"{exe}" %*\r\n'.encode("ascii"))
    (setup.target / CONNECT_BAT).write_bytes((
        "@echo off\r\nchcp 65001 >nul\r\n"
        'if "%~1"=="" (\r\n'
        "  echo Hay keo tep so Excel tha vao bieu tuong nay de ket noi so voi may nay.\r\n  pause\r\n  exit /b 1\r\n)\r\n"
        f'"{exe}" connect "%~1"\r\npause\r\n'
    ).encode("ascii"))
    return folder


def add_to_path(setup: Setup, folder: Path) -> bool:
    """Append `folder` to the user's PATH (the machine's for all users), keeping the value's type; False when there."""
    key = MACHINE_PATH if setup.all_users else USER_PATH
    current = setup.registry.value(key, "Path")
    current = current if isinstance(current, str) else ""
    parts = [p for p in current.split(";") if p]
    if any(folder_key(expand(p, setup.environ)) == folder_key(str(folder)) for p in parts):
        return False
    kind = setup.registry.kind(key, "Path") or "REG_EXPAND_SZ"
    setup.registry.set_value(key, "Path", ";".join([*parts, str(folder)]), kind)
    return True


def trust_folder(registry: Registry, folder: Path, *, today: dt.date | None = None) -> list[str]:
    """Make `folder` (and its subfolders) an Excel trusted location for every Office version present; returns the keys.

    A location already naming the folder is reused (a second install adds nothing); a new one takes the first free
    `LocationN` from 20 up (Office's own defaults take the low numbers)."""
    written = []
    wanted = folder_key(str(folder))
    for version in office_versions(registry) or [DEFAULT_OFFICE]:
        base = f"HKCU\\{OFFICE}\\{version}\\{TRUSTED}"
        names = registry.subkeys(base)
        same = [n for n in names if isinstance(registry.value(f"{base}\\{n}", "Path"), str)
                and folder_key(registry.value(f"{base}\\{n}", "Path")) == wanted]
        if same:
            name = same[0]
        else:
            taken = {n.lower() for n in names}
            name = next(f"Location{n}" for n in range(20, 1000) if f"location{n}" not in taken)
        key = f"{base}\\{name}"
        registry.set_value(key, "Path", str(folder).rstrip("\\") + "\\", "REG_SZ")
        registry.set_value(key, "AllowSubfolders", 1, "REG_DWORD")
        registry.set_value(key, "Description", TRUST_DESCRIPTION, "REG_SZ")
        registry.set_value(key, "Date", f"{today or dt.date.today():%d/%m/%Y}", "REG_SZ")
        written.append(key)
    return written


def desktop(setup: Setup) -> Path:
    key, name, fallback = DESKTOP_ALL if setup.all_users else DESKTOP_USER
    value = setup.registry.value(key, name)
    return Path(expand(value if isinstance(value, str) and value else fallback, setup.environ))


def make_shortcuts(setup: Setup) -> list[Path]:
    """The three desktop shortcuts; “Sổ Đối thoại” opens the workbook with Excel when Excel is installed."""
    folder = desktop(setup)
    folder.mkdir(parents=True, exist_ok=True)
    excel = excel_path(setup.registry)
    book = (excel, f'"{setup.workbook}"') if excel else (str(setup.workbook), "")
    app = setup.scripts / "doithoai-app.exe"
    made = []
    for name, (target, arguments), description, icon in (
        (SHORTCUTS[0], book, "Sổ theo dõi hội nghị đối thoại (mở bằng Excel)", excel or ""),
        (SHORTCUTS[1], (str(app), ""), "Cửa sổ Đối thoại: chạy các việc không cần macro", ""),
        (SHORTCUTS[2], (str(setup.target / CONNECT_BAT), ""), "Kéo tệp sổ thả vào đây để kết nối sổ với máy này", ""),
    ):
        path = folder / f"{name}.lnk"
        setup.shortcut(path, target, arguments, str(setup.workbook.parent if name == SHORTCUTS[0] else setup.target),
                       description, icon)
        made.append(path)
    return made


def active_setup(setup: Setup, now: dt.datetime | None = None) -> str:
    """Every other account gets the per-user steps at its next sign-in (Windows' Active Setup); returns the version."""
    now = now or dt.datetime.now()
    version = f"{now.year},{now.month},{now.day},{now.hour * 100 + now.minute}"
    pythonw = setup.python.with_name("pythonw.exe")
    command = (f'"{pythonw}" -m doithoai.windows --user-setup --target "{setup.target}" --workbook "{setup.workbook}"')
    setup.registry.set_value(ACTIVE_SETUP, "", "Đối thoại", "REG_SZ")
    setup.registry.set_value(ACTIVE_SETUP, "StubPath", command, "REG_SZ")
    setup.registry.set_value(ACTIVE_SETUP, "Version", version, "REG_SZ")
    setup.registry.set_value(ACTIVE_SETUP, "IsInstalled", 1, "REG_DWORD")
    setup.registry.set_value(USER_ACTIVE_SETUP, "Version", version, "REG_SZ")  # this account: done below, now
    return version


def user_setup(setup: Setup) -> list[str]:
    """The part of the installation that belongs to one Windows account: Excel's trusted location."""
    return trust_folder(setup.registry, setup.workbook.parent)


def run_setup(setup: Setup) -> None:
    """Everything after the package is installed and the workbook made; each step said in Vietnamese."""
    say = setup.say
    bin_folder = command_wrappers(setup)
    if add_to_path(setup, bin_folder):
        scope = "mọi người dùng" if setup.all_users else "tài khoản này"
        say(f"   Thêm {bin_folder} vào PATH ({scope}): lệnh doithoai chạy được trong cửa sổ Command Prompt mới.")
        broadcast_environment()
    keys = user_setup(setup)
    versions = ", ".join(k.split("\\")[4] for k in keys)
    say(f"   Đặt thư mục {setup.workbook.parent} là nơi tin cậy của Excel (Office {versions}): macro của sổ trong thư mục "
        "này luôn chạy.")
    if setup.all_users:
        if setup.grant is not None:
            setup.grant(setup.workbook.parent)
        active_setup(setup)
        say("   Các tài khoản Windows khác: nơi tin cậy được đặt khi họ đăng nhập lần sau.")
    if setup.shortcuts:
        made = make_shortcuts(setup)
        where = "màn hình chung (mọi người dùng)" if setup.all_users else "màn hình"
        say(f"   Tạo {len(made)} biểu tượng trên {where}: {', '.join(SHORTCUTS)}.")


def broadcast_environment() -> None:
    """Tell running programs (Explorer) that the environment changed, so a new Command Prompt sees the PATH."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        result = ctypes.c_ulong()
        ctypes.windll.user32.SendMessageTimeoutW(0xFFFF, 0x001A, 0, "Environment", 0x0002, 5000, ctypes.byref(result))
    except Exception:
        pass


def grant_users(folder: Path) -> None:
    subprocess.run(["icacls", str(folder), "/grant", f"{USERS_SID}:(OI)(CI)M", "/T", "/Q"], check=False, capture_output=True)


def parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(description="Đối thoại: các bước cài đặt trên Windows (PATH, nơi tin cậy, biểu tượng).")
    parser.add_argument("--target", type=Path, required=True)
    parser.add_argument("--workbook", type=Path, required=True)
    parser.add_argument("--all-users", action="store_true")
    parser.add_argument("--no-shortcuts", action="store_true")
    parser.add_argument("--user-setup", action="store_true", help="only this account's part (Active Setup runs it)")
    return parser


def main(argv: list[str] | None = None) -> int:
    from .cli import utf8_streams

    utf8_streams()
    args = parser().parse_args(argv)
    if sys.platform != "win32":
        print("Chỉ dùng trên Windows.", file=sys.stderr)
        return 2
    python = Path(sys.executable)
    if python.name.lower() == "pythonw.exe" and python.with_name("python.exe").exists():
        python = python.with_name("python.exe")
    setup = Setup(target=args.target, python=python, workbook=args.workbook, registry=WinRegistry(),
                  shortcut=powershell_shortcut, environ=dict(os.environ), all_users=args.all_users,
                  shortcuts=not args.no_shortcuts, grant=grant_users)
    if args.user_setup:
        user_setup(setup)
        return 0
    run_setup(setup)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
