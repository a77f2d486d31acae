"""Đối thoại's offline installer: the steps after a suitable Python is found (install.bat finds it on Windows).

    python install.py [--target DIR] [--wheels DIR] [--no-shortcuts] [--all-users]

Standard library only (it runs on the bare Python it installs into). Steps, each printed in Vietnamese:
1. check this Python: 3.11 to 3.13, 64-bit (for all users: installed for all users, and run as administrator);
2. a private environment in a short ASCII folder (Windows: C:\\DoiThoai when this account can write there, else
   %LOCALAPPDATA%\\DoiThoai when that path is ASCII, else %PUBLIC%\\DoiThoai; for all users C:\\DoiThoai; elsewhere
   ~/doithoai): xlwings' VBA starts Python through cmd.exe and ANSI file functions, which a user name with
   diacritics or a OneDrive folder would break;
3. `pip install --no-index --find-links wheels doithoai` with pip isolated from any configuration: no network,
   nothing but the folder's wheels;
4. the blank workbook `So\\doi-thoai.xlsm` made with `doithoai new` (hence connected to this environment's Python;
   made on this computer, so Windows puts no "downloaded from the Internet" mark on it) or, when it is already
   there from an earlier install, connected again with `doithoai connect` (nothing in it changes but that); the
   staff's guide `Huong dan su dung.html`, when the folder has it, copied into the installation folder;
5. Windows: `python -m doithoai.windows` (the installed package, see doithoai/windows.py): `bin\\doithoai.cmd` on PATH,
   the workbook folder as Excel's trusted location, `ket-noi-so.bat` (drop a workbook on it to connect it), desktop
   shortcuts "Sổ Đối thoại" (the workbook, opened with Excel), "Đối thoại" (the window), "Kết nối sổ Đối thoại";
   for all users: the machine's PATH, the public desktop, the workbook folder writable by every user, and each
   other account's trusted location at its next sign-in (Active Setup).
Per user by default: no administrator rights needed. `--all-users` (install-all-users.bat) for every account.
The same script runs in CI on Linux from a wheel folder with the network off (scripts/build_installer.py).
"""

from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
import venv
from pathlib import Path

SUPPORTED = ((3, 11), (3, 13))
WINDOWS = sys.platform == "win32"
WORKBOOK = Path("So") / "doi-thoai.xlsm"
USER_GUIDE = "Huong dan su dung.html"  # the staff's guide scripts/build_installer.py writes beside this script


def say(text: str) -> None:
    print(text, flush=True)


def target_candidates(all_users: bool, environ: dict[str, str]) -> list[Path]:
    """Where to install, best first: a short ASCII folder this account can write (C:\\DoiThoai for all users)."""
    candidates = [Path("C:/DoiThoai")]
    if not all_users:
        local = environ.get("LOCALAPPDATA", "")
        if local and local.isascii():
            candidates.append(Path(local) / "DoiThoai")
        candidates.append(Path(environ.get("PUBLIC", "C:/Users/Public")) / "DoiThoai")
    return candidates


def default_target(all_users: bool = False) -> Path:
    if not WINDOWS:
        return Path.home() / "doithoai"
    for candidate in target_candidates(all_users, dict(os.environ)):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            probe = candidate / ".probe"
            probe.write_text("ok")
            probe.unlink()
            return candidate
        except OSError:
            continue
    raise SystemExit("Không tạo được thư mục cài đặt C:\\DoiThoai. Hãy chọn thư mục khác: install.bat --target D:\\DoiThoai.")


def shared_python_problem(base_prefix: str, environ: dict[str, str]) -> str | None:
    """Why this Python cannot serve every account (it lives in one user's profile), or None."""
    base = base_prefix.replace("/", "\\").rstrip("\\").lower() + "\\"
    for name in ("USERPROFILE", "LOCALAPPDATA", "APPDATA"):
        home = environ.get(name, "").replace("/", "\\").rstrip("\\").lower()
        if home and base.startswith(home + "\\"):
            return (f"Python đang dùng ({base_prefix}) chỉ được cài cho tài khoản này, nên các tài khoản khác không dùng được. "
                    "Cài cho mọi người dùng cần Python cài cho mọi người: để tệp python-3.12.x-amd64.exe trong thư mục bộ "
                    "cài rồi chạy lại install-all-users.bat (bộ cài tự cài Python vào C:\\Program Files), hoặc bỏ chế độ "
                    "cài cho mọi người dùng (chạy install.bat).")
    return None


def copy_guide(folder: Path, target: Path) -> Path | None:
    """The staff's guide from the installer's folder into the installation, where it stays; None when not shipped."""
    source = folder / USER_GUIDE
    if not source.is_file():
        return None
    copy = target / USER_GUIDE
    copy.write_bytes(source.read_bytes())
    return copy


def is_admin() -> bool:
    try:
        import ctypes

        return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
    except Exception:
        return False


def env_python(target: Path) -> Path:
    return target / "venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")


def run(command: list[str], what: str) -> None:
    # pip and doithoai print UTF-8; an isolated pip reads no configuration file and no PIP_* variable.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PYTHONUTF8="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    result = subprocess.run(command, env=env)
    if result.returncode != 0:
        raise SystemExit(f"Lỗi khi {what} (mã {result.returncode}). Hãy chụp màn hình này và gửi cho bộ phận kỹ thuật.")


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
    parser.add_argument("--all-users", action="store_true",
                        help="cài cho mọi tài khoản Windows trên máy (cần quyền quản trị, Python cài cho mọi người)")
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
    if args.all_users and WINDOWS:
        if not is_admin():
            say("Cài cho mọi người dùng cần quyền quản trị: bấm chuột phải vào install-all-users.bat → Run as administrator. "
                "(Cài cho riêng tài khoản này thì chạy install.bat, không cần quyền quản trị.)")
            return 1
        problem = shared_python_problem(sys.base_prefix, dict(os.environ))
        if problem:
            say(problem)
            return 1
    target = (args.target or default_target(args.all_users)).resolve()
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
    guide = copy_guide(Path(__file__).resolve().parent, target)
    if WINDOWS:  # the target is ASCII (checked above), so the .bat files can be
        say("5/5. Lệnh doithoai, nơi tin cậy của Excel, biểu tượng trên màn hình…")
        command = [str(python), "-m", "doithoai.windows", "--target", str(target), "--workbook", str(workbook)]
        command += ["--all-users"] * args.all_users + ["--no-shortcuts"] * args.no_shortcuts
        run(command, "đặt PATH, nơi tin cậy và biểu tượng")
    else:
        say("5/5. Không phải Windows: không có biểu tượng, nơi tin cậy của Excel.")
    say("")
    say("Đã cài xong Đối thoại" + (" cho mọi tài khoản trên máy." if args.all_users else " cho tài khoản này."))
    say(f"- Sổ trắng: {workbook}. Mở bằng biểu tượng “Sổ Đối thoại” (luôn mở bằng Excel); thư mục {workbook.parent} là nơi "
        "tin cậy nên macro chạy ngay, kể cả sổ nhận qua thư điện tử hay Zalo được lưu vào đây.")
    say("- Máy không chạy được macro (WPS, LibreOffice, macro bị chặn): dùng biểu tượng “Đối thoại” trên màn hình.")
    say("- Sổ chép từ máy khác: kéo tệp sổ thả vào biểu tượng “Kết nối sổ Đối thoại”.")
    say("- Lệnh doithoai (ví dụ doithoai doctor \"đường dẫn tới sổ\") chạy được trong cửa sổ Command Prompt mở sau khi cài.")
    if guide:
        say(f"- Hướng dẫn sử dụng (mở bằng trình duyệt): {guide}")
    if args.all_users:
        say("- Tài khoản Windows khác: đăng xuất rồi đăng nhập lại một lần để Excel tin cậy thư mục sổ.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
