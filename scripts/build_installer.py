"""The offline Windows installer: a folder (and zip) with the package and every dependency as win_amd64 wheels.

    python scripts/build_installer.py --zip --python-installer python-3.12.10-amd64.exe [--out dist/doithoai-offline]
    python scripts/build_installer.py --zip --no-python  # a folder without Python (only for PCs that have one)
    python scripts/build_installer.py --resolve         # CI: the wheel set resolves for every Python and platform
    python scripts/build_installer.py --linux-offline   # CI: the same install steps on Linux, network off

The folder holds `install.bat` and `install-all-users.bat` (ASCII, CRLF), `install.py` (the steps, standard
library only), python.org's 64-bit installer (`--python-installer`: install.bat installs it, per user or for all
users, when the PC has no suitable Python; a build without it must say `--no-python`), the Vietnamese one-page
guide, `wheels/` (doithoai's wheel plus every dependency for CPython 3.11, 3.12 and 3.13 on win_amd64,
downloaded with `pip download --only-binary=:all: --platform win_amd64 --python-version 3.1x`) and `MANIFEST.txt`
(sha256 of every file). A build ends by resolving the folder offline for each Python version (`pip install
--dry-run --no-index --find-links wheels --platform win_amd64 --python-version …`).

pip 23.3 or newer builds it (`--dry-run --report` for another platform); an older pip is refused at the start with
that sentence instead of failing halfway.

pip evaluates environment markers on the machine that downloads, not for the target, so the Windows-only
dependencies of the tree (pywin32 for xlwings, tzdata for pandas) are found from the installed packages'
metadata evaluated for Windows and named explicitly.

Decision for CI (`.ci/run`): a full build downloads about 3 × 45 MB, too much for every run, so CI resolves the
same requirement set against the package index for each version with `--dry-run --report` (pip reads the
wheels' metadata only), and proves the offline path by running the same `install.py` on Linux from a folder of
Linux wheels (cached in ~/.cache/doithoai-installer) inside a network namespace with no network (`unshare -n`;
without it, pip's `--no-index` alone keeps the network out). The release build (`--zip`) is done by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
PYTHONS = ("3.11", "3.12", "3.13")
PLATFORM = "win_amd64"
GUIDE = "Huong dan cai dat.txt"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "doithoai-installer"
MIN_PIP = (23, 3)
BATCH_FILES = ("install.bat", "install-all-users.bat")
PYTHON_INSTALLER = re.compile(r"^python-(3\.\d+)\.\d+-amd64\.exe$", re.IGNORECASE)  # what install.bat looks for


def pip_problem(version: str) -> str | None:
    """Why this pip cannot build the installer, or None."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:2])
    if numbers >= MIN_PIP:
        return None
    return (f"pip {version} is too old to build the installer: it needs pip {MIN_PIP[0]}.{MIN_PIP[1]} or newer "
            f"(`{Path(sys.executable).name} -m pip install --upgrade pip`).")


def check_pip() -> None:
    from importlib import metadata

    try:
        version = metadata.version("pip")
    except metadata.PackageNotFoundError:
        raise SystemExit("pip is not installed for this Python: it is needed to build the installer.") from None
    problem = pip_problem(version)
    if problem:
        raise SystemExit(problem)


def python_installer_problem(path: Path) -> str | None:
    """Why install.bat would not use this file as the Python to install, or None."""
    match = PYTHON_INSTALLER.match(path.name)
    if not path.is_file():
        return f"{path}: no such file"
    if match is None:
        return (f"{path.name}: install.bat installs python.org's 64-bit Windows installer named like "
                f"python-3.12.10-amd64.exe; give that file (not renamed)")
    if match.group(1) not in PYTHONS:
        return f"{path.name}: Python {match.group(1)} is not one the wheels are built for ({', '.join(PYTHONS)})"
    return None


def pip(*args: str, quiet: bool = True) -> subprocess.CompletedProcess:
    # --isolated: no configuration file, no PIP_* variable (this machine's extra indexes must not leak into the set).
    command = [sys.executable, "-m", "pip", "--isolated", *args] + (["-q"] if quiet else [])
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    return subprocess.run(command, check=True, capture_output=True, text=True, env={**env, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})


def build_wheel(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("doithoai-*.whl"):
        old.unlink()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(folder), str(ROOT)],
                   check=True, capture_output=True, text=True)
    (wheel,) = folder.glob("doithoai-*.whl")
    return wheel


def windows_only(python: str) -> list[str]:
    """Requirements in doithoai's dependency tree that only a Windows machine's markers switch on."""
    from importlib import metadata

    from packaging.markers import default_environment
    from packaging.requirements import Requirement

    environment = {**default_environment(), "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "python_version": python, "python_full_version": f"{python}.0", "extra": ""}
    host = {**default_environment(), "extra": ""}
    found, seen, todo = [], set(), ["doithoai"]
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for text in requires:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or marker.evaluate(host):
                todo.append(requirement.name)
            elif marker.evaluate(environment):
                found.append(f"{requirement.name}{requirement.specifier}")
    return sorted(set(found))


def requirements(wheel: Path, python: str) -> list[str]:
    return [str(wheel), *windows_only(python)]


def resolve(wheel: Path, python: str, *, find_links: Path | None = None) -> list[str]:
    """The files pip would install for `python` on win_amd64, binary wheels only; raises when it cannot resolve."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        offline = ["--no-index", "--find-links", str(find_links)] if find_links else []
        try:
            pip("install", "--dry-run", "--ignore-installed", "--only-binary=:all:", "--platform", PLATFORM,
                "--python-version", python, "--implementation", "cp", "--target", str(Path(folder) / "target"),
                "--report", str(report), *offline, *requirements(wheel, python))
        except subprocess.CalledProcessError as exc:
            raise SystemExit(f"Python {python} on {PLATFORM}: the wheel set does not resolve:\n{exc.stderr[-3000:]}") from exc
        data = json.loads(report.read_text(encoding="utf-8"))
    return sorted(item["download_info"]["url"].rsplit("/", 1)[-1] for item in data["install"])


def crlf_ascii(source: Path, target: Path) -> None:
    text = source.read_text(encoding="ascii")  # raises on any non-ASCII byte: cmd.exe reads it in the console's code page
    target.write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii"))


def build(out: Path, python_installer: Path | None) -> Path:
    if out.exists():
        shutil.rmtree(out)
    wheels = out / "wheels"
    wheel = build_wheel(wheels)
    for python in PYTHONS:
        print(f"downloading the wheels for CPython {python} {PLATFORM}…", flush=True)
        pip("download", "--only-binary=:all:", "--platform", PLATFORM, "--python-version", python, "--implementation", "cp",
            "-d", str(wheels), *requirements(wheel, python))
    for name in BATCH_FILES:
        crlf_ascii(INSTALLER / name, out / name)
    shutil.copyfile(INSTALLER / "install.py", out / "install.py")
    guide = (INSTALLER / GUIDE).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
    (out / GUIDE).write_bytes(b"\xef\xbb\xbf" + guide.encode("utf-8"))  # Notepad needs the BOM to show Vietnamese
    if python_installer:
        shutil.copyfile(python_installer, out / python_installer.name)
    for python in PYTHONS:  # the folder alone, no index: what install.bat will do
        files = resolve(wheel, python, find_links=wheels)
        print(f"CPython {python} {PLATFORM}: resolves offline to {len(files)} wheels")
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(out).as_posix()}"
             for p in sorted(out.rglob("*")) if p.is_file()]
    (out / "MANIFEST.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {out} ({size / 1e6:.0f} MB, {len(lines)} files)")
    return out


def make_zip(folder: Path) -> Path:
    archive = folder.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as target:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                target.write(path, Path(folder.name) / path.relative_to(folder))
    print(f"wrote {archive}")
    return archive


def check_resolve() -> int:
    with tempfile.TemporaryDirectory() as folder:
        wheel = build_wheel(Path(folder))
        for python in PYTHONS:
            files = resolve(wheel, python)
            binary = [f for f in files if f.endswith(".whl")]
            assert binary == files, f"not all wheels: {files}"
            windows = [f for f in files if f.endswith(f"-{PLATFORM}.whl")]
            print(f"CPython {python} {PLATFORM}: {len(files)} wheels ({len(windows)} built for {PLATFORM}), "
                  f"Windows-only: {', '.join(windows_only(python)) or 'none'}")
            if not any(f.startswith("pywin32-") for f in files):
                raise SystemExit(f"CPython {python}: pywin32 (xlwings on Windows) is missing from the set")
    return 0


def check_linux_offline() -> int:
    """install.py on this Linux from a folder of wheels, with no network; then the result is checked."""
    wheels = CACHE / f"linux-cp{sys.version_info[0]}{sys.version_info[1]}"
    wheel = build_wheel(wheels)
    pip("download", "--only-binary=:all:", "-d", str(wheels), str(wheel))  # network: preparing the folder (cached)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "DoiThoai"
        command = [sys.executable, str(INSTALLER / "install.py"), "--wheels", str(wheels), "--target", str(target),
                   "--no-shortcuts"]
        isolated = shutil.which("unshare") is not None and subprocess.run(
            ["unshare", "-n", "true"], capture_output=True).returncode == 0
        prefix = ["unshare", "-n"] if isolated else []
        how = "no network: unshare -n" if isolated else "pip --no-index, network not cut"
        print(f"installing from {wheels} ({how})", flush=True)
        for attempt in ("first install", "second install (keeps the workbook, connects it again)"):
            run = subprocess.run(prefix + command, capture_output=True, text=True)
            if run.returncode != 0:
                raise SystemExit(f"{attempt} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
            print(f"{attempt}: ok")
        python = target / "venv" / "bin" / "python"
        probe = ("import sys; from doithoai.book.xlwings_conf import read_conf, button_python; import xlwings, pandas, docxtpl; "
                 "conf = read_conf(sys.argv[1]); assert conf['DOITHOAI_PYTHON'] == button_python(), conf; "
                 "print(xlwings.__version__)")
        check = subprocess.run([str(python), "-c", probe, str(target / "So" / "doi-thoai.xlsm")], capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"the installed environment does not work:\n{check.stderr[-3000:]}")
        print(f"offline install on Linux: ok (xlwings {check.stdout.strip()}, workbook connected to {python})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "doithoai-offline")
    parser.add_argument("--zip", action="store_true", help="also write OUT.zip")
    parser.add_argument("--python-installer", type=Path, help="python.org's 64-bit Windows installer, to ship in the folder")
    parser.add_argument("--no-python", action="store_true", help="build without a Python installer (PCs that have one)")
    parser.add_argument("--resolve", action="store_true", help="only check that the set resolves for every Python (CI)")
    parser.add_argument("--linux-offline", action="store_true", help="only run the install steps on Linux, network off (CI)")
    args = parser.parse_args(argv)
    check_pip()
    if args.resolve or args.linux_offline:
        return (check_resolve() if args.resolve else 0) or (check_linux_offline() if args.linux_offline else 0)
    if args.python_installer is None and not args.no_python:
        parser.error("give --python-installer python-3.12.x-amd64.exe (python.org's 64-bit Windows installer), so a PC "
                     "without Python can install from the folder alone; or --no-python to build without it")
    if args.python_installer is not None:
        problem = python_installer_problem(args.python_installer)
        if problem:
            parser.error(problem)
    out = build(args.out, args.python_installer)
    if args.zip:
        make_zip(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
