"""The built wheel carries every subpackage, the workbook template and the Word templates."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "doithoai").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml: {sorted(found - listed)}"


@pytest.mark.slow
def test_wheel_contains_the_bundled_files(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("doithoai-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "doithoai/_bundled/workbook/doithoai.xlsm" in names
    docx = [n for n in names if n.startswith("doithoai/_bundled/templates/") and n.endswith(".docx")]
    assert docx == sorted(
        "doithoai/_bundled/templates/" + p.name for p in (ROOT / "templates").glob("*.docx")
    )
    assert "doithoai/core/schema.py" in names and "doithoai/io/reader.py" in names
