"""The command line: help, version, exit codes, no tracebacks (every command documented: tests/test_docs.py)."""

from __future__ import annotations

import importlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from doithoai import __version__
from doithoai.cli import COMMAND_MODULES, build_parser, main


def command_names() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return list(sub.choices)


COMMANDS_FOLDER = Path(__file__).resolve().parents[1] / "doithoai" / "commands"


def test_every_command_file_is_a_command_of_the_parser():
    # Read from the files in doithoai/commands/, not from the tuple the parser is built from: a command module
    # someone adds but forgets to register (or registers twice, or leaves behind) fails here.
    files = sorted(p.stem for p in COMMANDS_FOLDER.glob("*.py") if p.stem != "__init__")
    assert sorted(COMMAND_MODULES) == files
    names = [importlib.import_module(f"doithoai.commands.{stem}").NAME for stem in files]
    assert sorted(command_names()) == sorted(names) and len(set(names)) == len(names)


def test_help_and_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in command_names():
        assert name in out


def test_console_script_runs_in_a_fresh_interpreter():
    result = subprocess.run([sys.executable, "-m", "doithoai", "--version"], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0 and __version__ in result.stdout


def test_new_copies_the_template_and_never_overwrites(tmp_path, template_path, capsys):
    target = tmp_path / "so-moi.xlsm"
    assert main(["new", str(target)]) == 0
    # The template's parts, except the xlwings.conf sheet that now names this Python (tests/test_connect.py).
    with zipfile.ZipFile(target) as made, zipfile.ZipFile(template_path) as template:
        assert made.namelist() == template.namelist()
        changed = [n for n in made.namelist() if made.read(n) != template.read(n)]
    assert len(changed) == 1 and changed[0].startswith("xl/worksheets/sheet"), changed
    assert main(["new", str(target)]) == 2
    assert "không ghi đè" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "so.xlsx")]) == 2


def test_new_workbook_reads_as_empty(tmp_path):
    from doithoai.io.reader import read_book

    target = tmp_path / "trong.xlsm"
    main(["new", str(target)])
    book = read_book(target)
    assert all(len(book.tables[k]) == 0 for k in ("dai_bieu", "phieu", "kien_nghi", "phan_cong"))
    assert len(book.milestones) > 0  # the default timeline of plan 118/KH-UBND


def test_every_command_name_is_its_module_name():
    # `main` builds the parser of the one command it runs, finding its module from the name typed.
    for stem in COMMAND_MODULES:
        assert importlib.import_module(f"doithoai.commands.{stem}").NAME == stem.replace("_", "-")


# What the read-only commands must never import (a click on a ward's book runs the same code): the other
# commands' modules, and libraries the check and the deadlines do not use. (json stays: the workbook's lock
# file, written by every run, is JSON; ~1 ms.)
NOT_FOR_READING = ("holidays", "openpyxl", "pandas", "numpy", "matplotlib", "docx", "docxtpl", "jinja2", "lxml",
                   "xlwings", "PIL", "xlsxwriter")


def _modules_after(argv: list[str]) -> list[str]:
    """Every module a fresh Python has imported once `doithoai ARGV` has run."""
    code = f"import sys; from doithoai.cli import main; main({argv!r}); print('MODULES', *sorted(sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True)
    return run.stdout.split("MODULES", 1)[1].split()


@pytest.mark.parametrize("command", ["validate", "deadlines"])
def test_reading_commands_import_only_what_they_use(command, tmp_book):
    modules = _modules_after([command, str(tmp_book), "--no-write", "--today", "2026-06-01"])
    top = {m.split(".")[0] for m in modules}
    assert not top & set(NOT_FOR_READING), sorted(top & set(NOT_FOR_READING))
    commands = {m.rsplit(".", 1)[1] for m in modules if m.startswith("doithoai.commands.")}
    assert commands == {command}, commands
    assert "doithoai.documents" not in modules and "doithoai.io.writer" not in modules


def test_the_rollup_imports_no_xml_library_nor_writer(tmp_path):
    """The roll-up writes its workbook from strings (`rollup.workbook`): no lxml, openpyxl or package writer in its
    processes (importing one module of `io.xlsxpatch` once brought the whole writer and lxml, ~20 ms a start)."""
    from province import TODAY, generate_province

    folder = generate_province(tmp_path / "tinh", 3).folder
    modules = _modules_after(["rollup", str(folder), "--today", TODAY.isoformat()])
    top = {m.split(".")[0] for m in modules}
    assert not top & {"lxml", "openpyxl", "pandas", "docx", "docxtpl", "holidays", "decimal"}, sorted(top)
    assert "doithoai.io.xlsxpatch.apply" not in modules and "doithoai.io.writer" not in modules


def test_one_command_help_and_unknown_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--debug", "validate", "--help"])  # the one command's parser, after a top-level option
    assert "--no-write" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["validat"])  # not a command: the whole parser says which ones there are
    assert exit_info.value.code == 2
    assert "merge-back" in capsys.readouterr().err
