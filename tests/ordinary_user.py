"""Running a real `doithoai` process as a user whom permission bits stop.

The tests run as root here, where `chmod` stops nothing. `ordinary_command(args)` gives the command line that runs
`python -m doithoai args` as the unprivileged user `nobody` (`setpriv`), without any capability: the interpreter
under /root cannot be reached then, so the system's Python of the same version runs it, with this worktree and the
virtualenv's libraries on its path. As an ordinary user (CI) the command runs as it is. `None` when neither works
(the caller skips).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534


def _system_python() -> str | None:
    for candidate in (f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}", "/usr/bin/python3"):
        if not os.path.exists(candidate):
            continue
        probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True)
        if probe.stdout.strip() == str(tuple(sys.version_info[:2])):
            return candidate
    return None


def environment() -> dict[str, str]:
    site = sysconfig.get_paths()["purelib"]
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.pathsep.join([str(ROOT), site]), "PYTHONIOENCODING": "utf-8",
            "HOME": "/tmp", "LANG": "C.UTF-8"}


def ordinary_command(args: list[str]) -> list[str] | None:
    """`python -m doithoai *args` as an ordinary user, or None when this machine cannot run one."""
    if os.geteuid() != 0:
        return [sys.executable, "-m", "doithoai", *args]
    setpriv, python = shutil.which("setpriv"), _system_python()
    if setpriv is None or python is None:
        return None
    nobody = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", python]
    probe = subprocess.run([*nobody, "-c", "import python_calamine, xlsxwriter, doithoai.cli"], capture_output=True,
                           env=environment(), cwd="/")
    return [*nobody, "-m", "doithoai", *args] if probe.returncode == 0 else None


@contextlib.contextmanager
def open_temporary_folder() -> Iterator[Path]:
    """A temporary folder any user can reach (pytest's own are in root's 0700 folder), removed afterwards whatever
    permissions a test left in it."""
    folder = Path(tempfile.mkdtemp(prefix="doithoai-test-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o755)
        shutil.rmtree(folder, ignore_errors=True)
