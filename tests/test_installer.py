"""The offline installer's files and the Python versions it promises (scripts/build_installer.py builds the folder;
.ci/run resolves the wheel set for every version and runs install.py on Linux with the network off)."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import re
import shlex
import sys
import tomllib
import unicodedata
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from doithoai import windows
from doithoai.book import vba
from doithoai.book.controls import BUTTONS
from doithoai.io import registry as machine  # what the registry says; `registry` is the fake one in these tests
from tests.fake_windows import FakeRegistry, FakeShortcuts, read_shortcut

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
    loops = [found.split() for found in re.findall(r"for %%V in \(([\d. ]+)\) do", text)]
    assert len(loops) >= 3
    for versions in loops:
        assert versions in (list(reversed(builder.PYTHONS)), [v.replace(".", "") for v in reversed(builder.PYTHONS)])
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
    assert sorted(windows.SHORTCUTS) == sorted(("Đối thoại", "Sổ Đối thoại", "Kết nối sổ Đối thoại"))
    for shortcut in windows.SHORTCUTS:
        assert f"“{shortcut}”" in guide or f'"{shortcut}"' in guide, shortcut
    assert str(install.WORKBOOK).replace("/", "\\") in guide
    assert "install.bat" in guide and "Unblock" in guide and "doithoai doctor" in guide
    assert "install-all-users.bat" in guide and "Run as administrator" in guide and "nơi tin cậy" in guide
    assert "lỗi 70" in guide and "lỗi 70" in vba.BLOCKED  # the message a blocked button shows is the one the guide names
    # The buttons' VBA sends the person to the same shortcut.
    assert "“Kết nối sổ Đối thoại”" in vba.NOT_CONNECTED and "“Kết nối sổ Đối thoại”" in vba.MISSING_PYTHON


# --------------------------------------------------------------------------------------------------
# The Windows steps (doithoai/windows.py, run by install.py), checked on what they write: a fake registry, shortcuts
# written as files, the .cmd/.bat files themselves.

OFFICE16 = "HKCU\\Software\\Microsoft\\Office\\16.0"
USER_SHELL = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders"
EXCEL = r"C:\Program Files\Microsoft Office\root\Office16\EXCEL.EXE"


def office_pc(tmp_path: Path, **extra) -> FakeRegistry:
    """A clerk's PC: Microsoft 365 (Click-to-Run), Excel run once (Office's own trusted locations), a user PATH."""
    trusted = f"{OFFICE16}\\Excel\\Security\\Trusted Locations"
    values = {
        f"{OFFICE16}\\Excel\\Options": {},
        "HKLM\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\Configuration": {"Platform": "x64"},
        f"{trusted}\\Location0": {"Path": "%APPDATA%\\Microsoft\\Excel\\XLSTART\\", "Description": "User StartUp"},
        f"{trusted}\\Location1": {"Path": r"C:\Program Files\Microsoft Office\root\Templates\\", "AllowSubfolders": 1},
        windows.USER_PATH: {"Path": ("%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;", "REG_EXPAND_SZ")},
        USER_SHELL: {"Desktop": ("%USERPROFILE%/Desktop", "REG_EXPAND_SZ")},
        "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe": {"": EXCEL},
    }
    for key, named in extra.items():
        values[key] = named
    return FakeRegistry(values)


def setup_for(tmp_path: Path, registry: FakeRegistry, **options) -> windows.Setup:
    target = tmp_path / "DoiThoai"
    python = target / "venv" / "Scripts" / "python.exe"
    python.parent.mkdir(parents=True)
    workbook = target / "So" / "doi-thoai.xlsm"
    workbook.parent.mkdir(parents=True)
    environ = {"USERPROFILE": str(tmp_path / "Users" / "lan"), "APPDATA": str(tmp_path / "Users" / "lan" / "AppData"),
               "PUBLIC": str(tmp_path / "Users" / "Public")}
    said: list[str] = []
    return windows.Setup(target=target, python=python, workbook=workbook, registry=registry, shortcut=FakeShortcuts(),
                         environ=environ, say=said.append, **options)


def test_per_user_setup_writes_only_this_accounts_keys(tmp_path):
    registry = office_pc(tmp_path)
    setup = setup_for(tmp_path, registry)
    windows.run_setup(setup)
    # No administrator rights: nothing outside the user's hive is written.
    assert registry.written and all(key.startswith("HKCU\\") for key, *_ in registry.written)
    # PATH: the bin folder appended to the user's PATH, the value's type kept (it holds %USERPROFILE%).
    bin_folder = setup.target / "bin"
    assert registry.value(windows.USER_PATH, "Path") == f"%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;{bin_folder}"
    assert registry.kind(windows.USER_PATH, "Path") == "REG_EXPAND_SZ"
    # `doithoai` in a new Command Prompt runs this environment's doithoai.exe with every argument.
    assert (bin_folder / "doithoai.cmd").read_bytes() == f'@echo off\r\n"{setup.scripts / "doithoai.exe"}" %*\r\n'.encode()
    bat = (setup.target / windows.CONNECT_BAT).read_bytes()
    bat.decode("ascii")
    assert f'"{setup.scripts / "doithoai.exe"}" connect "%~1"'.encode() in bat and b"\n" not in bat.replace(b"\r\n", b"")
    # The workbook folder is Excel's trusted location, beside Office's own (kept), under a fresh LocationN.
    trusted = f"{OFFICE16}\\Excel\\Security\\Trusted Locations"
    assert registry.subkeys(trusted) == ["Location0", "Location1", "Location20"]
    assert registry.key_values(f"{trusted}\\Location20") == {
        "Path": f"{setup.workbook.parent}\\", "AllowSubfolders": 1, "Description": machine.TRUST_DESCRIPTION,
        "Date": f"{dt.date.today():%d/%m/%Y}"}
    assert registry.kind(f"{trusted}\\Location20", "AllowSubfolders") == "REG_DWORD"
    assert machine.is_trusted(str(setup.workbook.parent / "2026"), machine.trusted_locations(registry, setup.environ))
    # Three shortcuts on this user's desktop; the workbook's opens it with Excel even when WPS owns .xlsm.
    desktop = tmp_path / "Users" / "lan" / "Desktop"
    assert sorted(p.name for p in desktop.iterdir()) == sorted(f"{name}.lnk" for name in windows.SHORTCUTS)
    book = read_shortcut(desktop / "Sổ Đối thoại.lnk")
    assert (book["target"], book["arguments"], book["folder"]) == (EXCEL, f'"{setup.workbook}"', str(setup.workbook.parent))
    assert read_shortcut(desktop / "Đối thoại.lnk")["target"] == str(setup.scripts / "doithoai-app.exe")
    assert read_shortcut(desktop / "Kết nối sổ Đối thoại.lnk")["target"] == str(setup.target / windows.CONNECT_BAT)


def test_a_second_install_adds_nothing(tmp_path):
    registry = office_pc(tmp_path)
    setup = setup_for(tmp_path, registry)
    windows.run_setup(setup)
    path = registry.value(windows.USER_PATH, "Path")
    locations = machine.trusted_locations(registry, setup.environ)
    windows.run_setup(setup)
    assert registry.value(windows.USER_PATH, "Path") == path
    assert machine.trusted_locations(registry, setup.environ) == locations


def test_every_office_version_present_gets_the_location(tmp_path):
    registry = office_pc(tmp_path, **{
        "HKCU\\Software\\Microsoft\\Office\\15.0\\Excel\\Security": {},  # Office 2013 used once by this account
        "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\14.0\\Excel\\InstallRoot": {"Path": "C:\\Office14\\"},
        "HKCU\\Software\\Microsoft\\Office\\Common": {},  # not a version
    })
    assert machine.office_versions(registry) == ["16.0", "15.0", "14.0"]
    setup = setup_for(tmp_path, registry)
    keys = windows.user_setup(setup)
    assert [k.split("\\")[4] for k in keys] == ["16.0", "15.0", "14.0"]
    for key in keys:
        assert registry.value(key, "Path") == f"{setup.workbook.parent}\\" and registry.value(key, "AllowSubfolders") == 1


def test_no_office_found_still_trusts_the_folder_for_office_16(tmp_path):
    registry = FakeRegistry()
    setup = setup_for(tmp_path, registry, shortcuts=False)
    windows.run_setup(setup)
    (key,) = [k for k, name, *_ in registry.written if name == "Path" and "Trusted Locations" in k]
    assert key == f"{OFFICE16}\\Excel\\Security\\Trusted Locations\\Location20"
    # no PATH value yet: created as REG_EXPAND_SZ holding only the bin folder
    assert registry.value(windows.USER_PATH, "Path") == str(setup.target / "bin")
    assert registry.kind(windows.USER_PATH, "Path") == "REG_EXPAND_SZ"
    assert not (tmp_path / "Users").exists()  # no shortcuts asked for


def test_without_excel_the_workbook_shortcut_opens_the_file(tmp_path):
    registry = office_pc(tmp_path)
    del registry.keys["hklm\\software\\microsoft\\windows\\currentversion\\app paths\\excel.exe"]
    setup = setup_for(tmp_path, registry)
    windows.make_shortcuts(setup)
    book = read_shortcut(tmp_path / "Users" / "lan" / "Desktop" / "Sổ Đối thoại.lnk")
    assert (book["target"], book["arguments"]) == (str(setup.workbook), "")


def test_all_users_setup(tmp_path):
    registry = office_pc(tmp_path)
    registry.add(windows.MACHINE_PATH)
    registry.set_value(windows.MACHINE_PATH, "Path", r"%SystemRoot%\system32;%SystemRoot%", "REG_EXPAND_SZ")
    granted: list[Path] = []
    setup = setup_for(tmp_path, registry, all_users=True, grant=granted.append)
    windows.run_setup(setup)
    bin_folder = setup.target / "bin"
    assert registry.value(windows.MACHINE_PATH, "Path") == rf"%SystemRoot%\system32;%SystemRoot%;{bin_folder}"
    assert registry.value(windows.USER_PATH, "Path") == "%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;"  # untouched
    assert granted == [setup.workbook.parent]  # every account can save the workbook
    # shortcuts on the public desktop (no registry value: %PUBLIC%\Desktop)
    public = Path(machine.expand(windows.DESKTOP_ALL[2], setup.environ))
    assert sorted(p.name for p in public.iterdir()) == sorted(f"{name}.lnk" for name in windows.SHORTCUTS)
    # every other account gets its trusted location at its next sign-in, through Active Setup
    stub = registry.value(windows.ACTIVE_SETUP, "StubPath")
    argv = shlex.split(stub, posix=False)
    assert argv[0] == f'"{setup.python.with_name("pythonw.exe")}"' and argv[1:3] == ["-m", "doithoai.windows"]
    parsed = windows.parser().parse_args([a.strip('"') for a in argv[3:]])
    assert parsed.user_setup and parsed.target == setup.target and parsed.workbook == setup.workbook
    assert registry.value(windows.ACTIVE_SETUP, "IsInstalled") == 1
    version = registry.value(windows.ACTIVE_SETUP, "Version")
    assert re.fullmatch(r"\d{4},\d{1,2},\d{1,2},\d{1,4}", version)
    assert registry.value(windows.USER_ACTIVE_SETUP, "Version") == version  # the installing account: done already
    assert machine.is_trusted(str(setup.workbook.parent), machine.trusted_locations(registry, setup.environ))


def test_user_setup_for_another_account_writes_its_trusted_location_only(tmp_path):
    registry = office_pc(tmp_path)
    setup = setup_for(tmp_path, registry)
    windows.user_setup(setup)
    assert {key.split("\\Trusted Locations\\")[0] for key, *_ in registry.written} == {
        f"{OFFICE16}\\Excel\\Security"}


def test_install_py_asks_the_windows_steps_what_they_understand(install):
    source = (INSTALLER / "install.py").read_text(encoding="utf-8")
    assert '"-m", "doithoai.windows", "--target"' in source
    parsed = windows.parser().parse_args(["--target", "C:\\DoiThoai", "--workbook", "C:\\DoiThoai\\So\\doi-thoai.xlsm",
                                          "--all-users", "--no-shortcuts"])
    assert parsed.all_users and parsed.no_shortcuts


def test_python_is_installed_per_user_without_the_launcher(builder, tmp_path):
    target = tmp_path / "install.bat"
    builder.crlf_ascii(INSTALLER / "install.bat", target)
    text = target.read_text(encoding="ascii")
    lines = [line.strip() for line in text.splitlines() if "/passive" in line]
    assert len(lines) == 2
    per_user, all_users = sorted(lines, key=lambda line: "InstallAllUsers=1" in line)
    for line in lines:  # the py launcher would ask for administrator rights
        assert "Include_launcher=0" in line and "InstallLauncherAllUsers=0" in line and "PrependPath=0" in line
    assert "InstallAllUsers=0" in per_user and "InstallAllUsers=1" in all_users
    assert "Include_launcher=1" not in text
    # All users: administrator checked first, and only a Python in Program Files is taken.
    assert "net session" in text and '"%ProgramFiles%\\Python%%V\\python.exe"' in text
    all_bat = (INSTALLER / "install-all-users.bat").read_text(encoding="ascii")
    assert 'call "%~dp0install.bat" --all-users %*' in all_bat


@pytest.mark.parametrize("base, problem", [
    (r"C:\Users\lan\AppData\Local\Programs\Python\Python312", True),
    (r"C:\Program Files\Python312", False),
    (r"c:\users\LAN\anaconda3", True),
])
def test_all_users_refuses_a_python_inside_one_profile(install, base, problem):
    environ = {"USERPROFILE": r"C:\Users\lan", "LOCALAPPDATA": r"C:\Users\lan\AppData\Local"}
    found = install.shared_python_problem(base, environ)
    assert (found is not None) == problem
    if found:
        assert "install-all-users.bat" in found and "python-3.12" in found


def test_install_folders_per_user_and_for_all(install):
    environ = {"LOCALAPPDATA": r"C:\Users\lan\AppData\Local", "PUBLIC": r"C:\Users\Public"}
    assert install.target_candidates(False, environ) == [
        Path("C:/DoiThoai"), Path(r"C:\Users\lan\AppData\Local") / "DoiThoai", Path(r"C:\Users\Public") / "DoiThoai"]
    assert install.target_candidates(True, environ) == [Path("C:/DoiThoai")]
    vietnamese = {**environ, "LOCALAPPDATA": r"C:\Users\Nguyễn\AppData\Local"}
    assert Path(r"C:\Users\Nguyễn\AppData\Local") / "DoiThoai" not in install.target_candidates(False, vietnamese)


@pytest.mark.parametrize("version, ok", [("23.2.1", False), ("9.0.3", False), ("23.3", True), ("24.0", True), ("26.3", True)])
def test_the_build_refuses_an_old_pip_saying_why(builder, version, ok):
    problem = builder.pip_problem(version)
    assert (problem is None) == ok
    if problem:
        assert version in problem and "23.3" in problem


def test_the_build_takes_only_an_installer_install_bat_uses(builder, tmp_path):
    good = tmp_path / "python-3.12.10-amd64.exe"
    good.write_bytes(b"MZ")
    assert builder.python_installer_problem(good) is None
    for name in ("python-3.12.10.exe", "python-3.10.11-amd64.exe", "python-installer.exe"):
        (tmp_path / name).write_bytes(b"MZ")
        assert builder.python_installer_problem(tmp_path / name), name
    with pytest.raises(SystemExit):
        builder.main(["--zip"])  # neither --python-installer nor --no-python


def test_documented_build_commands_ship_python():
    # Every build command the README and the guides give names python.org's installer (install.bat installs it).
    for document in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))):
        text = document.read_text(encoding="utf-8")
        commands = re.findall(r"python scripts/build_installer\.py[^`]*", text)
        assert all("--python-installer python-3.12" in c for c in commands if "--zip" in c), (document, commands)
    assert "--python-installer python-3.12" in (ROOT / "docs" / "huong-dan.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# The staff's guide in the folder (decision in scripts/build_installer.py): docs/huong-dan.md as one HTML page.


class _Page(HTMLParser):
    """An HTML page read back: its text outside <style>, <title> and <nav>, its tags balanced, its pictures."""

    VOID = {"meta", "img", "br", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.code: list[str] = []
        self.sources: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.sources.append(dict(attrs)["src"])
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-3:])
        self.open.pop()

    def handle_data(self, data):
        if not {"style", "title", "nav"} & set(self.open):
            (self.code if "code" in self.open else self.text).append(data)


def markdown_words(markdown: str) -> list[str]:
    """The guide's words as a reader sees them: without pictures, list numbers and table rules."""
    markdown = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", markdown)
    markdown = re.sub(r"^\s*(\d+\.|-)\s", " ", markdown, flags=re.M)
    markdown = re.sub(r"^\|[-| :]+\|$", " ", markdown, flags=re.M)
    return re.findall(r"\w+", markdown)


def test_the_folder_ships_the_staff_guide_as_one_html_page(builder, install, tmp_path):
    written = builder.write_texts(tmp_path / "doithoai-offline")
    page_path = tmp_path / "doithoai-offline" / builder.USER_GUIDE
    assert page_path in written and (tmp_path / "doithoai-offline" / builder.GUIDE) in written
    assert builder.USER_GUIDE == install.USER_GUIDE and builder.USER_GUIDE.isascii()
    source = builder.USER_GUIDE_SOURCE.read_text(encoding="utf-8")
    html_text = page_path.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html_text and '<html lang="vi">' in html_text
    page = _Page()
    page.feed(html_text)
    page.close()
    assert page.open == []  # every element closed, in order
    # Nothing of the guide lost or added: the same words in the same order (code spans included).
    shown = " ".join(page.text + page.code)
    assert re.findall(r"\w+", " ".join(_in_order(page_path))) == markdown_words(source)
    # Nothing left as Markdown outside code: no emphasis stars (one or two against a word on one side only; a masked
    # number's stars, "0912***678", "số *** ngõ", are text), no table rules, no link brackets.
    prose = "".join(page.text)
    emphasis = re.compile(r".{0,30}((?<![\w*])\*{1,2}(?=[^\s*])|(?<=[^\s*])\*{1,2}(?![\w*@])).{0,30}")
    assert emphasis.search(prose) is None, emphasis.search(prose)
    for leftover in ("|---", "](", "`"):
        assert leftover not in prose, leftover
    # Every button with the line the workbook shows beside it, every section as a heading, every picture inside.
    for button in BUTTONS:
        assert f"<td><strong>{html.escape(button.caption, quote=False)}</strong></td>" in html_text, button.caption
        assert button.description in html.unescape(shown)
    headings = re.findall(r"^## (.*)$", source, re.M)
    assert page.tags.count("h2") == len(headings) >= 8
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source)
    assert len(page.sources) == len(pictures) >= 1
    assert all(src.startswith("data:image/png;base64,") for src in page.sources)  # no file beside it, no network


def _in_order(path: Path) -> list[str]:
    """The page's body text, code included, in document order (the table of contents left out)."""
    class Body(_Page):
        def handle_data(self, data):
            if not {"style", "title", "nav"} & set(self.open):
                self.text.append(data)

    body = Body()
    body.feed(path.read_text(encoding="utf-8"))
    return [html.unescape(t) for t in body.text]


def test_the_guide_page_keeps_what_markdown_means(builder, tmp_path):
    (tmp_path / "p.png").write_bytes(b"\x89PNG")
    page = builder.guide_html(
        "# Tiêu đề\n\nĐoạn **đậm** và *nghiêng*, `mã **không** đậm`, 0912***678, 001*******45, n***@gmail.com,\n"
        "dòng tiếp theo <b>.\n\n## Mục\n\n0. không\n1. một\n   tiếp\n\n- a\n- b\n\n| A | B |\n|---|---|\n| **x** | y \\| z |\n\n"
        "![ảnh](p.png)\n", tmp_path)
    assert "<p>Đoạn <strong>đậm</strong> và <em>nghiêng</em>, <code>mã **không** đậm</code>, 0912***678, 001*******45, " \
           "n***@gmail.com, dòng tiếp theo &lt;b&gt;.</p>" in page
    assert '<ol start="0">\n<li>không</li>\n<li>một tiếp</li>\n</ol>' in page
    assert "<ul>\n<li>a</li>\n<li>b</li>\n</ul>" in page
    assert "<tr><th>A</th><th>B</th></tr>" in page and "<td><strong>x</strong></td>" in page
    assert '<h2 id="muc-1">Mục</h2>' in page and '<a href="#muc-1">Mục</a>' in page
    assert '<img alt="ảnh" src="data:image/png;base64,iVBORw==">' in page


def test_install_copies_the_guide_into_the_installation(install, tmp_path):
    folder, target = tmp_path / "bo-cai", tmp_path / "DoiThoai"
    folder.mkdir()
    target.mkdir()
    assert install.copy_guide(folder, target) is None  # an older folder without it: nothing to copy, no error
    (folder / install.USER_GUIDE).write_text("<!DOCTYPE html>", encoding="utf-8")
    copy = install.copy_guide(folder, target)
    assert copy == target / install.USER_GUIDE and copy.read_text(encoding="utf-8") == "<!DOCTYPE html>"


def test_the_installation_guide_sends_the_clerk_to_the_whole_guide(builder):
    guide = (INSTALLER / builder.GUIDE).read_text(encoding="utf-8")
    assert builder.USER_GUIDE in guide
