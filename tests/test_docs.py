"""The documents hold: the README is a front door (at most 250 lines, a compact table of every command and of every
button), the staff's guide explains every button, and every link and repository path the documents name exists.

Read from the real CLI (`doithoai.cli.build_parser`) and the real button list (`BUTTONS`), so a command or a button
added without its documentation fails here, as does a document pointing at a file that was moved or never committed.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

from doithoai.book.controls import BUTTONS
from doithoai.cli import build_parser
from doithoai.core.schema import CONFERENCE_RECORD_SHEET

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "huong-dan.md"
MAX_README_LINES = 250
MAX_ROW = 160  # one line of a wide screen: a table row longer than this is a paragraph, not a table entry


def documents() -> list[Path]:
    return [README, *sorted((ROOT / "docs").glob("*.md")), ROOT / "benchmarks" / "README.md"]


def command_parsers() -> dict[str, object]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return dict(sub.choices)


def section(text: str, heading: str) -> str:
    """The text under a `## heading`, up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"no section “{heading}”"
    return match.group(1)


def table_rows(text: str) -> list[str]:
    """The body rows of the first Markdown table in `text` (header and separator left out)."""
    rows: list[str] = []
    for line in text.splitlines():
        if line.startswith("|"):
            rows.append(line)
        elif rows:
            break
    return rows[2:]


def cells(row: str) -> list[str]:
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row.strip().strip("|"))]


# ---------------------------------------------------------------------------------------------------------------------
# (a) every command in the README's command table, one short line each


def readme_commands() -> dict[str, str]:
    """Command name -> its row, from the README's table under “Commands”."""
    found: dict[str, str] = {}
    for row in table_rows(section(README.read_text(encoding="utf-8"), "Commands")):
        match = re.match(r"`doithoai ([a-z-]+)\b[^`]*`", cells(row)[0])
        assert match, f"a row of the command table that names no command: {row}"
        assert match.group(1) not in found, f"`doithoai {match.group(1)}` twice in the table"
        found[match.group(1)] = row
    return found


def test_every_command_of_the_cli_is_in_the_readme_table_and_nothing_else():
    assert sorted(readme_commands()) == sorted(command_parsers())


def test_each_command_is_one_short_line_whose_options_exist():
    parsers = command_parsers()
    for name, row in readme_commands().items():
        assert len(row) <= MAX_ROW, f"`doithoai {name}`: {len(row)} characters; the details belong in --help and docs/"
        usage = cells(row)[0]
        options = {option for action in parsers[name]._actions for option in action.option_strings}  # type: ignore[attr-defined]
        for option in re.findall(r"(--[a-z][a-z-]*)", usage):
            assert option in options, f"`doithoai {name}` has no option {option}"


# ---------------------------------------------------------------------------------------------------------------------
# (b) every button: explained in the staff's guide by its caption, listed in the README with the command it runs


def test_every_button_is_explained_in_the_guide_as_the_workbook_says_it():
    text = GUIDE.read_text(encoding="utf-8")
    for button in BUTTONS:
        # The caption and the line beside the button on `Hướng dẫn`, word for word: what the clerk reads in the
        # workbook is what the guide explains.
        assert f"| **{button.caption}** | {button.description} |" in text, button.caption


def test_every_button_is_in_the_readme_table_in_order_with_its_command():
    text = README.read_text(encoding="utf-8")
    rows = [cells(row) for row in table_rows(section(text, "Buttons"))]
    assert [row[0] for row in rows] == [button.caption for button in BUTTONS]
    parsers = command_parsers()
    for caption, does in rows:
        command = re.match(r"`([a-z-]+)", does)
        assert command and command.group(1) in parsers, f"{caption}: names no command of the CLI ({does})"
    counted = re.search(r"holds (\d+) buttons", text)
    assert counted and int(counted.group(1)) == len(BUTTONS)


# ---------------------------------------------------------------------------------------------------------------------
# (c) every relative link and every repository path or module the documents name exists

TOP_LEVEL = {line.split("/", 1)[0] for line in subprocess.run(
    ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()}
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src=\"([^\"]+)\"")
CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
MODULE = re.compile(r"^doithoai(?:\.\w+)+(?::\w+)?$")
FILE_NAME = re.compile(r"\.(xlsm|xlsx|docx|pdf|toml|txt|ics|log|lock|png|cmd|bat|exe)$")
NOT_MODULES = {CONFERENCE_RECORD_SHEET}  # a sheet's name that reads like a module: "doithoai.dien_bien_hoi_nghi"


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {slug(m) for m in re.findall(r"^#+ (.*)$", path.read_text(encoding="utf-8"), re.M)}


def broken_links(path: Path) -> list[str]:
    broken = []
    for match in LINK.finditer(path.read_text(encoding="utf-8")):
        target = match.group(1) or match.group(2)
        if re.match(r"^[a-z]+:", target):  # http(s), mailto: not this repository's
            continue
        file, _, anchor = unquote(target).partition("#")
        where = (path.parent / file).resolve() if file else path
        if not where.exists():
            broken.append(target)
        elif anchor and where.suffix == ".md" and anchor not in anchors(where):
            broken.append(target)
    return broken


def named_paths(path: Path) -> list[tuple[str, tuple[Path, ...]]]:
    """Every word inside a code span that names a repository file or folder, a .py or .md file, or a module; each
    with the folders it may be relative to: a table row whose first cell names folders (`doithoai/io/`) lists
    the files in them by their bare names."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        bases: tuple[Path, ...] = ()
        if line.startswith("|"):
            first = cells(line)[0]
            folders = [span for span in CODE_SPAN.findall(line) if span.endswith("/")]
            bases = tuple(ROOT / span for span in CODE_SPAN.findall(first) if span.endswith("/"))
            bases += tuple(base / folder for base in bases for folder in folders)  # `xlsxpatch/` inside `doithoai/io/`
        for span in CODE_SPAN.findall(line):
            for word in span.split():
                word = word.strip("\"'()[],;")
                if "…" in word or "<" in word or "://" in word or word in NOT_MODULES:
                    continue  # a placeholder, an address or a sheet's name, not a path
                first_part = word.split("/", 1)[0]
                if (("/" in word and first_part in TOP_LEVEL) or re.fullmatch(r"[\w./-]*\w\.(py|md)", word)
                        or (MODULE.match(word) and not FILE_NAME.search(word))):
                    found.append((word, bases))
    return found


def exists(word: str, document: Path, bases: tuple[Path, ...] = ()) -> bool:
    if MODULE.match(word) and not FILE_NAME.search(word):
        return resolves(word)
    places = (ROOT, document.parent, *bases)
    if "*" in word:
        return any(any(place.glob(word)) for place in places)
    return any((place / word).exists() for place in places)


def resolves(name: str) -> bool:
    """A module, or an attribute of one: `doithoai.book.vba.XLWINGS_VERSION`, `doithoai.buttons:click`."""
    dotted = name.replace(":", ".")
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module = ".".join(parts[:cut])
        try:
            spec = importlib.util.find_spec(module)
        except ModuleNotFoundError:
            spec = None
        if spec is None:
            continue
        value: object = importlib.import_module(module) if cut < len(parts) else None
        for attribute in parts[cut:]:
            if not hasattr(value, attribute):
                return False
            value = getattr(value, attribute)
        return True
    return False


@pytest.mark.parametrize("document", documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_exists(document):
    assert document.exists()
    assert broken_links(document) == []


@pytest.mark.parametrize("document", documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_repository_path_and_module_named_exists(document):
    assert document.exists()
    missing = sorted({word for word, bases in named_paths(document) if not exists(word, document, bases)})
    assert missing == []


def test_the_path_check_finds_a_missing_file(tmp_path):
    # The checks above can fail: a document naming a file, a link and a module that do not exist.
    document = tmp_path / "x.md"
    document.write_text("See `excel-buttons.md`, `doithoai/nowhere.py`, `doithoai.controls.NOTHING` and [it](gone.md).\n"
                        "# A heading\n[here](#a-heading) [there](#no-such-heading)\n", encoding="utf-8")
    assert [w for w, bases in named_paths(document) if not exists(w, document, bases)] == [
        "excel-buttons.md", "doithoai/nowhere.py", "doithoai.controls.NOTHING"]
    assert broken_links(document) == ["gone.md", "#no-such-heading"]


def test_the_architecture_names_every_module_in_its_layer():
    # docs/architecture.md's table of layers: each row's first cell names a folder of the package, and every module in
    # that folder (sub-packages included, `commands/` by its folder) is named in its row; a module moved to another
    # layer without the document following fails here.
    rows = {cells(row)[0].split("`")[1]: row for row in table_rows(section(
        (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8"), "Layers"))}
    package = ROOT / "doithoai"
    unnamed = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if path.name == "__init__.py" or relative.startswith("doithoai/commands/"):
            continue
        layer = "doithoai/" if path.parent == package else f"doithoai/{path.relative_to(package).parts[0]}/"
        if f"`{path.name}`" not in rows.get(layer, "") and f"/{path.name}`" not in rows.get(layer, ""):
            unnamed.append(relative)
    assert unnamed == []


# ---------------------------------------------------------------------------------------------------------------------
# (d) the README is a front door


def test_readme_is_at_most_250_lines():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, f"README.md has {len(lines)} lines; move details to docs/"


def test_readme_quick_start_is_a_venv_then_two_commands_and_its_test_command_is_the_ci_s():
    text = section(README.read_text(encoding="utf-8"), "Quick start")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    venv = [line for line in blocks[0].splitlines() if line.strip()]
    assert len(venv) == 1 and re.match(r"python3? -m venv \.venv && \. \.venv/bin/activate\b", venv[0])
    commands = [line for line in blocks[1].splitlines() if line.strip()]
    assert commands[0] == 'python -m pip install -e ".[test]" && doithoai demo'
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert commands[1] == ci[-1] == "python -m pytest"  # `.ci/run` ends with the README's test command
    assert 'python -m pip install -q -e ".[test]"' in ci  # and installs as the README does


def test_the_staff_guide_is_vietnamese():
    text = GUIDE.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert text.startswith("# Hướng dẫn sử dụng Đối thoại")
    headings = re.findall(r"^## (.*)$", text, re.M)
    assert "Các nút trong sổ" in headings and "Trình tự làm việc" in headings
