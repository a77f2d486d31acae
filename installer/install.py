"""Đối thoại's offline installer: the steps after a suitable Python is found (install.bat finds it on Windows).

    python install.py [--target DIR] [--wheels DIR] [--no-shortcuts]

Standard library only (it runs on the bare Python it installs into). Steps, each printed in Vietnamese:
1. check this Python: 3.11 to 3.13, 64-bit;
2. a private environment in a short ASCII folder (Windows: C:\\DoiThoai, else %PUBLIC%\\DoiThoai; elsewhere
   ~/doithoai): xlwings' VBA starts Python through cmd.exe and ANSI file functions, which a user name with
   diacritics or a OneDrive folder would break;
3. `pip install --no-index --find-links wheels doithoai` with pip isolated from any configuration: no network,
   nothing but the folder's wheels;
4. the blank workbook `So\\doi-thoai.xlsm` made with `doithoai new` (hence connected to this environment's Python;
   made on this computer, so Windows puts no "downloaded from the Internet" mark on it) or, when it is already
   there from an earlier install, connected again with `doithoai connect` (nothing in it changes but that);
5. `ket-noi-so.bat`: drop a workbook on it to connect that workbook (`doithoai connect`);
6. Windows: desktop shortcuts "Đối thoại" (the window), "Sổ Đối thoại" (the workbook), "Kết nối sổ Đối thoại".
The same script runs in CI on Linux from a wheel folder with the network off (scripts/build_installer.py).
"""

from __future__ import annotations

import argparse
import base64
import os
import struct
import subprocess
import sys
import venv
from pathlib import Path

SUPPORTED = ((3, 11), (3, 13))
WINDOWS = sys.platform == "win32"
WORKBOOK = Path("So") / "doi-thoai.xlsm"
CONNECT_BAT = "ket-noi-so.bat"


def say(text: str) -> None:
    print(text, flush=True)


def default_target() -> Path:
    if not WINDOWS:
        return Path.home() / "doithoai"
    for candidate in (Path("C:/DoiThoai"), Path(os.environ.get("PUBLIC", "C:/Users/Public")) / "DoiThoai"):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            probe = candidate / ".probe"
            probe.write_text("ok")
            probe.unlink()
            return candidate
        except OSError:
            continue
    raise SystemExit("Không tạo được thư mục cài đặt C:\\DoiThoai. "
                     "Hãy chạy lại install.bat bằng quyền quản trị (Run as administrator).")


def env_python(target: Path) -> Path:
    return target / "venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")


def run(command: list[str], what: str) -> None:
    # pip and doithoai print UTF-8; an isolated pip reads no configuration file and no PIP_* variable.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PYTHONUTF8="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    result = subprocess.run(command, env=env)
    if result.returncode != 0:
        raise SystemExit(f"Lỗi khi {what} (mã {result.returncode}). Hãy chụp màn hình này và gửi cho bộ phận kỹ thuật.")


def shortcut(name: str, target: Path, folder: Path, description: str) -> None:
    """A desktop shortcut through PowerShell and WScript.Shell; the script goes base64 (UTF-16) so any name survives."""
    script = (
        "$d=[Environment]::GetFolderPath('Desktop');"
        f"$s=(New-Object -ComObject WScript.Shell).CreateShortcut((Join-Path $d '{name}.lnk'));"
        f"$s.TargetPath='{target}';$s.WorkingDirectory='{folder}';$s.Description='{description}';$s.Save()"
    )
    encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
    subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded],
                   check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass
    parser = argparse.ArgumentParser(description="Cài Đối thoại không cần mạng.")
    parser.add_argument("--target", type=Path, help="thư mục cài đặt (mặc định C:\\DoiThoai)")
    parser.add_argument("--wheels", type=Path, default=Path(__file__).resolve().parent / "wheels", help="thư mục các gói .whl")
    parser.add_argument("--no-shortcuts", action="store_true", help="không tạo biểu tượng trên màn hình")
    args = parser.parse_args(argv)

    version = sys.version_info[:2]
    if not (SUPPORTED[0] <= version <= SUPPORTED[1]) or struct.calcsize("P") != 8:
        bits = struct.calcsize("P") * 8
        say(f"Python {version[0]}.{version[1]} ({bits}-bit) không dùng được: cần Python 3.11 đến 3.13, bản 64-bit.")
        return 1
    wheels = args.wheels.resolve()
    if not any(wheels.glob("doithoai-*.whl")):
        say(f"Không thấy gói doithoai trong thư mục {wheels}: bộ cài bị thiếu tệp, hãy chép lại cả thư mục.")
        return 1
    target = (args.target or default_target()).resolve()
    if WINDOWS and not str(target).isascii():
        say(f"Thư mục cài đặt {target} có chữ có dấu: hãy chọn thư mục không dấu, ví dụ C:\\DoiThoai.")
        return 1
    say(f"1/5. Cài vào thư mục: {target}")
    target.mkdir(parents=True, exist_ok=True)
    python = env_python(target)
    if not python.exists():
        say("2/5. Tạo môi trường Python riêng cho Đối thoại…")
        venv.EnvBuilder(with_pip=True, clear=False).create(target / "venv")
    else:
        say("2/5. Dùng lại môi trường Python riêng đã có.")
    say("3/5. Cài các gói từ thư mục wheels (không cần mạng)…")
    run([str(python), "-m", "pip", "--isolated", "install", "--no-index", "--find-links", str(wheels), "--only-binary=:all:",
         "--upgrade", "doithoai"], "cài các gói")
    workbook = target / WORKBOOK
    workbook.parent.mkdir(exist_ok=True)
    if workbook.exists():
        say(f"4/5. Sổ {workbook} đã có: kết nối lại với Python vừa cài (dữ liệu giữ nguyên).")
        run([str(python), "-m", "doithoai", "connect", str(workbook)], "kết nối sổ")
    else:
        say(f"4/5. Tạo sổ trắng: {workbook}")
        run([str(python), "-m", "doithoai", "new", str(workbook)], "tạo sổ trắng")
    bat = target / CONNECT_BAT
    if WINDOWS:  # the target is ASCII (checked above), so the .bat can be
        bat.write_bytes((
            "@echo off\r\nchcp 65001 >nul\r\n"
            'if "%~1"=="" (\r\n'
            "  echo Hay keo tep so Excel tha vao bieu tuong nay de ket noi so voi may nay.\r\n  pause\r\n  exit /b 1\r\n)\r\n"
            f'"{python}" -m doithoai connect "%~1"\r\npause\r\n'
        ).encode("ascii"))
    if WINDOWS and not args.no_shortcuts:
        say("5/5. Tạo biểu tượng trên màn hình: Đối thoại, Sổ Đối thoại, Kết nối sổ Đối thoại.")
        scripts = python.parent
        shortcut("Đối thoại", scripts / "doithoai-app.exe", target, "Cửa sổ Đối thoại: chạy các việc không cần macro")
        shortcut("Sổ Đối thoại", workbook, workbook.parent, "Sổ theo dõi hội nghị đối thoại")
        shortcut("Kết nối sổ Đối thoại", bat, target, "Kéo tệp sổ thả vào đây để kết nối sổ với máy này")
    else:
        say("5/5. Không tạo biểu tượng trên màn hình.")
    say("")
    say("Đã cài xong Đối thoại.")
    say(f"- Sổ trắng: {workbook} (mở bằng Excel, bấm Enable Content, rồi dùng các nút trên trang Hướng dẫn).")
    say("- Máy không chạy được macro (WPS, LibreOffice, macro bị chặn): dùng biểu tượng “Đối thoại” trên màn hình.")
    say("- Sổ chép từ máy khác: kéo tệp sổ thả vào biểu tượng “Kết nối sổ Đối thoại”.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
