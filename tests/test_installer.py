"""The offline installer's files and the Python versions it promises (scripts/build_installer.py builds the folder;
.ci/run resolves the wheel set for every version and runs install.py on Linux with the network off)."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
import unicodedata
from importlib import metadata
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from doithoai import vba

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder():
    return load(ROOT / "scripts" / "build_installer.py", "build_installer")


@pytest.fixture(scope="module")
def install():
    return load(INSTALLER / "install.py", "doithoai_install")


def test_install_bat_is_ascii_and_becomes_crlf(builder, tmp_path):
    target = tmp_path / "install.bat"
    builder.crlf_ascii(INSTALLER / "install.bat", target)
    data = target.read_bytes()
    data.decode("ascii")
    assert b"\n" not in data.replace(b"\r\n", b"")  # every line ends CRLF, none bare LF
    text = data.decode("ascii")
    assert '"%~dp0install.py"' in text
    # It looks for exactly the versions the wheels are built for, newest first, 64-bit only.
    assert re.search(r"for %%V in \(([\d. ]+)\) do", text).group(1).split() == list(reversed(builder.PYTHONS))
    assert "py -%%V-64" in text
    assert "struct.calcsize('P') == 8 and (3, 11) <= sys.version_info[:2] <= (3, 13)" in text


def test_supported_pythons_agree(builder, install):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requires = SpecifierSet(project["requires-python"].split("#")[0].strip())
    assert install.SUPPORTED == ((3, 11), (3, 13))
    assert [f"{v[0]}.{v[1]}" for v in (install.SUPPORTED[0], install.SUPPORTED[1])] == [builder.PYTHONS[0], builder.PYTHONS[-1]]
    for version in builder.PYTHONS:
        assert requires.contains(f"{version}.0"), version
    assert not requires.contains("3.10.14")


def test_requires_python_matches_the_dependencies():
    """No supported Python may be refused by a dependency: doithoai's lower bound is at least each of theirs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ours = SpecifierSet(project["requires-python"].split("#")[0].strip())
    candidates = ("3.9", "3.10", "3.11", "3.12", "3.13")
    lowest = next(v for v in candidates if ours.contains(f"{v}.0"))
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0]
        theirs = metadata.metadata(name).get("Requires-Python")
        if theirs:
            assert SpecifierSet(theirs).contains(f"{lowest}.0"), (name, theirs, lowest)
    assert SpecifierSet(metadata.metadata("xlwings")["Requires-Python"]).contains(f"{lowest}.0")


def test_windows_only_dependencies_are_named(builder):
    extra = builder.windows_only("3.12")
    names = {re.split(r"[<>=!~ ]", e, maxsplit=1)[0].lower() for e in extra}
    assert {"pywin32", "tzdata"} <= names


def test_guide_is_vietnamese_and_names_what_the_installer_makes(install):
    guide = (INSTALLER / "Huong dan cai dat.txt").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", guide) == guide
    assert len(guide.splitlines()) <= 60  # one page
    source = (INSTALLER / "install.py").read_text(encoding="utf-8")
    for shortcut in ("Đối thoại", "Sổ Đối thoại", "Kết nối sổ Đối thoại"):
        assert f'"{shortcut}"' in source and (f"“{shortcut}”" in guide or f'"{shortcut}"' in guide), shortcut
    assert str(install.WORKBOOK).replace("/", "\\") in guide
    assert "install.bat" in guide and "Unblock" in guide and "doctor" in guide
    # The buttons' VBA sends the person to the same shortcut.
    assert "“Kết nối sổ Đối thoại”" in vba.NOT_CONNECTED and "“Kết nối sổ Đối thoại”" in vba.MISSING_PYTHON
