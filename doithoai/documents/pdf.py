"""PDF copies through LibreOffice, when it is installed; silently nothing otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 600


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.exists(candidate):
            return candidate
    return None


def to_pdf(files: list[Path], out_dir: Path | None = None) -> list[Path]:
    """Convert in one LibreOffice run; returns the PDFs that exist afterwards ([] without LibreOffice).

    A private user profile keeps this run apart from a LibreOffice the person has open.
    """
    program = soffice()
    if not program or not files:
        return []
    with tempfile.TemporaryDirectory(prefix="doithoai-lo-") as profile:
        groups: dict[Path, list[Path]] = {}
        for file in files:
            groups.setdefault(out_dir or file.parent, []).append(file)
        for folder, members in groups.items():
            command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", str(folder), *map(str, members)]
            try:
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=TIMEOUT_SECONDS,
                               check=False)
            except (OSError, subprocess.TimeoutExpired):
                return []
    return [p for p in ((out_dir or f.parent) / (f.stem + ".pdf") for f in files) if p.exists()]
