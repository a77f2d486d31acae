"""The file writer against a corpus of real workbooks: every writing command, run through the CLI, must leave a
package Excel opens without repair, write exactly what it meant to, and change nothing else.

Corpus (built once per session): the template; the sample conference (.xlsm, and .xlsx from XlsxWriter with the
default namespace); the five presets (`doithoai new --mau`); the sample re-saved by LibreOffice (slow: it takes
LibreOffice to make); a "rich" workbook (the sample plus a picture, a chart, comments, rich-text strings, hyperlinks,
formulas with a shared formula and a calcChain, a list validation pointing at `Danh mục`, a defined name, an extra
table, printer settings, custom XML, an x14 validation: tests/xlsx_corpus.py) and the same with every SpreadsheetML
part under an `x:` prefix; the sample with the implied `r` attributes of rows and cells left out.

Commands: validate, fix, deadlines, letters --no-pdf, conference-sheet, share then merge-back with notes typed into the
copy, intake-form then intake of a returned form. Each runs through `cli.main` on a fresh copy, with a spy on
`io.writer.apply_changes` (the real writer still runs) recording the ChangeSets: that is "what the command meant to
write". Then, per (corpus file, command):
- `check_package` is clean (tests/xlsx_conformance.py);
- values read back with openpyxl AND python-calamine equal the input's with the ChangeSets applied, cell by cell;
- every cell the command did not write keeps its style (font, fill, border, alignment, protection, number format),
  and a written cell keeps its font, fill and border;
- members it had no reason to touch (VBA project, drawings, media, charts, comments and VML, printer settings,
  custom XML, theme) are byte-identical, every relationship of the input is still there, and worksheets it did not
  write are byte-identical (the openpyxl writer this replaced failed all three: it dropped pictures, charts, x14
  extensions and formulas' cached values, and rewrote every part);
- slow: after every command in turn, LibreOffice opens the result and reads the same values.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

from doithoai import cli
from doithoai.io import writer
from doithoai.io.writerules import MARK_TAG
from tests.mttq_copies import fill_notes, header_columns
from tests.workbook_cells import calamine_cells, differences, expected_after, openpyxl_cells
from tests.xlsx_conformance import check_package, resolve
from tests.xlsx_corpus import libreoffice_resave, members, rich_workbook, sheet_parts, with_x_prefix, without_positions
from tests.xlsx_features import lost_features

TODAY = "2026-06-19"
PRESETS = ("chinh-quyen-phuong", "chinh-quyen-xa", "dang-uy", "doan-the", "xa-dong-chu-tri")
ORGANISATION = "Hội Cựu chiến binh"
UNTOUCHABLE = ("xl/vbaProject.bin", "xl/drawings/", "xl/media/", "xl/charts/", "xl/comments", "xl/threadedComments/",
               "xl/persons/", "xl/printerSettings/", "customXml/", "xl/embeddings/", "xl/ctrlProps/", "xl/activeX/",
               "xl/theme/")


# ------------------------------------------------------------------------------------------------ the corpus


def _template(folder: Path) -> Path:
    from doithoai.core.resources import workbook_template

    return Path(shutil.copyfile(workbook_template(), folder / "template.xlsm"))


def _demo(folder: Path) -> Path:
    from doithoai.workflows.demo import build_sample_workbook

    return build_sample_workbook(folder / "demo.xlsm")


def _demo_xlsx(folder: Path) -> Path:
    from doithoai.book.builder import build_workbook
    from doithoai.workflows.sample import sample_conference

    build_workbook(folder / "demo.xlsx", data=sample_conference())
    return folder / "demo.xlsx"


def _preset(name: str):
    def build(folder: Path) -> Path:
        target = folder / f"{name}.xlsm"
        assert cli.main(["new", str(target), "--mau", name]) == 0
        return target

    return build


def _demo_libreoffice(folder: Path) -> Path:
    return libreoffice_resave(_demo(folder), folder / "lo")


def _demo_without_positions(folder: Path) -> Path:
    return without_positions(_demo(folder), folder / "demo-no-positions.xlsm")


def _rich(folder: Path) -> Path:
    return rich_workbook(folder / "rich.xlsm")


def _rich_x(folder: Path) -> Path:
    return with_x_prefix(_rich(folder), folder / "rich-x.xlsm")


CORPUS = {"template": _template, "demo": _demo, "demo-xlsx": _demo_xlsx, "demo-libreoffice": _demo_libreoffice,
          "demo-no-positions": _demo_without_positions, "rich": _rich, "rich-x": _rich_x}
CORPUS |= {f"preset-{name}": _preset(name) for name in PRESETS}
SLOW_CORPUS = {"demo-libreoffice"}


def _corpus_params():
    return [pytest.param(name, marks=pytest.mark.slow) if name in SLOW_CORPUS else name for name in CORPUS]


# ------------------------------------------------------------------------------------------------ the commands


def _fill_form(form: Path) -> None:
    book = openpyxl.load_workbook(form)
    from doithoai.workflows.intake import ROWS_SHEET

    sheet = book[ROWS_SHEET]
    rows = [[1, "Trần Văn Hải", "Tổ dân phố số 3", "Khác",
             "Đề nghị sửa lại đoạn đường bê tông trước nhà văn hóa tổ 3 bị lún sau mùa mưa."],
            [2, None, None, "Khác", "Đề nghị tăng cường tuần tra an ninh khu vực chợ vào buổi tối."]]
    for index, values in enumerate(rows, 2):
        for column, value in enumerate(values, 1):
            sheet.cell(row=index, column=column, value=value)
    book.save(form)


def _type_notes(copy: Path) -> None:
    """The committee types a note against the first two petitions of the copy (if it has any)."""
    from doithoai.core import schema

    sheet = openpyxl.load_workbook(copy)[schema.PETITIONS.name]
    code = header_columns(sheet)["Mã kiến nghị"]
    codes = [sheet.cell(r, code).value for r in range(2, sheet.max_row + 1) if sheet.cell(r, code).value][:2]
    if codes:
        fill_notes(copy, {c: f"Đã giám sát {c}: đề nghị trả lời bằng văn bản trước ngày 30/6." for c in codes},
                   dt.date(2026, 6, 22))


def _share_and_merge(book: Path, work: Path) -> list[int]:
    copy = work / "ban-chia-se.xlsx"
    codes = [cli.main(["share", str(book), "--out", str(copy)])]
    if copy.exists():
        _type_notes(copy)
        codes.append(cli.main(["merge-back", str(book), str(copy)]))
    return codes


def _intake(book: Path, work: Path) -> list[int]:
    codes = [cli.main(["intake-form", str(book), "--org", ORGANISATION, "--out", str(work / "mau")])]
    form = next((work / "mau").glob("*.xlsx"), None)
    if form is not None:
        _fill_form(form)
        codes.append(cli.main(["intake", str(book), str(form)]))
    return codes


COMMANDS = {
    "validate": lambda book, work: [cli.main(["validate", str(book), "--today", TODAY])],
    "fix": lambda book, work: [cli.main(["fix", str(book)])],
    "deadlines": lambda book, work: [cli.main(["deadlines", str(book), "--today", TODAY])],
    "letters": lambda book, work: [cli.main(["letters", str(book), "--no-pdf", "--out", str(work / "vb"), "--date",
                                             "2026-06-25"])],
    "conference-sheet": lambda book, work: [cli.main(["conference-sheet", str(book), "--date", "2026-06-10"])],
    "share-merge-back": _share_and_merge,
    "intake": _intake,
}


@dataclass
class Run:
    before: Path  # the corpus file, never changed
    after: Path  # the copy the command ran on
    codes: list[int]
    changes: list = field(default_factory=list)  # the ChangeSets handed to the file writer, in order

    @property
    def wrote(self) -> bool:
        return self.before.read_bytes() != self.after.read_bytes()


class _Corpus:
    """Corpus files and command runs, each made once per session on demand."""

    def __init__(self, root: Path):
        self.root = root
        self.files: dict[str, Path] = {}
        self.runs: dict[tuple[str, str], Run] = {}
        self.cells: dict[Path, tuple] = {}

    def file(self, name: str) -> Path:
        if name not in self.files:
            folder = self.root / name
            folder.mkdir()
            self.files[name] = CORPUS[name](folder)
        return self.files[name]

    def run(self, name: str, command: str) -> Run:
        key = (name, command)
        if key not in self.runs:
            source = self.file(name)
            work = self.root / f"{name}--{command}"
            work.mkdir()
            book = Path(shutil.copyfile(source, work / source.name))
            run = Run(source, book, [])
            real = writer.apply_changes

            def spy(path, changes, **kwargs):
                run.changes.append(changes)
                return real(path, changes, **kwargs)

            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(writer, "apply_changes", spy)
                run.codes = COMMANDS[command](book, work)
            self.runs[key] = run
        return self.runs[key]

    def read(self, path: Path, reader: str):
        if (path, reader) not in self.cells:
            self.cells[(path, reader)] = openpyxl_cells(path) if reader == "openpyxl" else calamine_cells(path)
        return self.cells[(path, reader)]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> _Corpus:
    return _Corpus(tmp_path_factory.mktemp("fidelity"))


parametrize = pytest.mark.parametrize("name", _corpus_params())
commands = pytest.mark.parametrize("command", list(COMMANDS))


# ------------------------------------------------------------------------------------------------ the assertions

STYLE_PARTS = ("font", "fill", "border", "alignment", "protection", "number format")


@parametrize
def test_corpus_file_is_conformant_to_start_with(corpus, name):
    assert check_package(corpus.file(name)) == []


@parametrize
@commands
def test_command_runs_and_leaves_a_conformant_package(corpus, name, command):
    run = corpus.run(name, command)
    assert set(run.codes) <= {0, 1}, run.codes
    assert check_package(run.after) == []


def value_problems(before, after, changes) -> list[str]:
    """Cells whose value is not the input's with the ChangeSets applied (both {sheet: {(row, col): value}})."""
    expected, _, _ = expected_after(before, changes)
    return differences(expected, after)


def style_problems(before_values, before_styles, after_styles, changes) -> list[str]:
    """Cells whose style changed: any part of it for a cell nobody wrote, font/fill/border for a written cell (it may
    gain a date format). Sheets replaced whole are not compared."""
    _, written, replaced = expected_after(before_values, changes)
    problems = []
    for sheet, styles in before_styles.items():
        if sheet in replaced:
            continue
        for position, style in styles.items():
            got = after_styles.get(sheet, {}).get(position)
            if position in written.get(sheet, ()):
                same = got is not None and got[:3] == style[:3]
            else:
                same = got == style
            if not same:
                what = "gone" if got is None else [STYLE_PARTS[i] for i in range(6) if got[i] != style[i]]
                problems.append(f"{sheet}!R{position[0]}C{position[1]}: {what}")
    return problems[:15]


@parametrize
@commands
@pytest.mark.parametrize("reader", ["openpyxl", "calamine"])
def test_values_are_what_the_command_meant_and_nothing_else_changed(corpus, name, command, reader):
    run = corpus.run(name, command)
    before = corpus.read(run.before, reader)
    after = corpus.read(run.after, reader)
    if reader == "openpyxl":
        before, after = before[0], after[0]
    assert value_problems(before, after, run.changes) == []


@parametrize
@commands
def test_styles_of_typed_cells_are_kept(corpus, name, command):
    run = corpus.run(name, command)
    before_values, before_styles = corpus.read(run.before, "openpyxl")
    assert style_problems(before_values, before_styles, corpus.read(run.after, "openpyxl")[1], run.changes) == []


@parametrize
@commands
def test_new_rows_are_inside_the_excel_table(corpus, name, command):
    run = corpus.run(name, command)
    rows = [row for changes in run.changes for row in changes.rows]
    assert rows or command != "intake"  # intake brings two opinions in as new rows

    book = openpyxl.load_workbook(run.after)
    from openpyxl.utils.cell import range_boundaries

    from doithoai.core.keys import find_sheet

    for row in rows:
        sheet = book[find_sheet(book.sheetnames, row.sheet)]
        areas = [range_boundaries(t.ref) for t in sheet.tables.values()]
        assert any(top < row.row <= bottom for _, top, _, bottom in areas), (row.sheet, row.row, areas)


@parametrize
@commands
def test_what_the_clerk_set_up_is_kept(corpus, name, command):
    """Conditional formats (other than the tool's), validations, merges, links, panes, widths, page setup, tables,
    defined names: every one still there after the command (a sheet the tool replaces whole is its own)."""
    run = corpus.run(name, command)
    _, _, replaced = expected_after({}, run.changes)
    assert lost_features(run.before, run.after, replaced) == []


def lost_members(before: Path, after: Path) -> list[str]:
    """Members a writer had no reason to touch (UNTOUCHABLE) that are missing or changed, and relationships lost."""
    old, new = members(before), members(after)
    lost = [n for n, data in old.items() if n.startswith(UNTOUCHABLE) and new.get(n) != data]
    return lost + [f"relationship {r}" for r in sorted(_relationships(old) - _relationships(new))]


def changed_sheets(before: Path, after: Path, touched: set[str]) -> list[str]:
    """Worksheets outside `touched` whose part is not byte-identical."""
    old, new = members(before), members(after)
    parts_after = sheet_parts(after)
    return [sheet for sheet, part in sheet_parts(before).items()
            if sheet not in touched and new.get(parts_after.get(sheet, "")) != old[part]]


@parametrize
@commands
def test_untouched_members_are_byte_identical_and_still_attached(corpus, name, command):
    run = corpus.run(name, command)
    assert lost_members(run.before, run.after) == []


@parametrize
@commands
def test_worksheets_the_command_did_not_write_are_byte_identical(corpus, name, command):
    run = corpus.run(name, command)
    assert changed_sheets(run.before, run.after, _touched_sheets(run)) == []


def test_the_comparisons_catch_a_writer_that_touches_what_it_should_not(corpus, tmp_path):
    """The assertions above can fail: a typed value changed, a typed cell restyled, a report not written, a picture
    re-encoded, a relationship dropped, an untouched sheet rewritten are each reported."""
    from openpyxl.styles import Font

    from tests.xlsx_corpus import png_bytes, replace_member

    run = corpus.run("rich", "validate")
    tampered = Path(shutil.copyfile(run.after, tmp_path / "tampered.xlsm"))
    book = openpyxl.load_workbook(tampered, keep_vba=True)
    book["Kiến nghị"]["D2"].value = "Người khác"
    book["Kiến nghị"]["E3"].font = Font(name="Arial", bold=True)
    book.save(tampered)
    before_values, before_styles = openpyxl_cells(run.before)
    after_values, after_styles = openpyxl_cells(tampered)
    assert any(p.startswith("Kiến nghị!R2C4: expected") for p in value_problems(before_values, after_values, run.changes))
    assert any(p.startswith("Kiến nghị!R2C4: expected") for p in value_problems(
        calamine_cells(run.before), calamine_cells(tampered), run.changes))
    assert "Kiến nghị!R3C5: ['font']" in style_problems(before_values, before_styles, after_styles, run.changes)
    assert "sheet 'Kiểm tra' missing" in value_problems(before_values, before_values, run.changes)

    picture = replace_member(run.before, tmp_path / "picture.xlsm", "xl/media/image1.png", png_bytes(rgb=(0, 0, 0)))
    assert lost_members(run.before, picture) == ["xl/media/image1.png"]
    drawing_rels = "xl/worksheets/_rels/" + posixpath.basename(sheet_parts(run.before)["Phân công"]) + ".rels"
    detached = replace_member(run.before, tmp_path / "detached.xlsm", drawing_rels,
                              lambda data: re.sub(rb"<Relationship [^>]*/drawing\"[^>]*/>", b"", data))
    assert any("/drawing" in p for p in lost_members(run.before, detached))
    petitions = sheet_parts(run.before)["Kiến nghị"]
    rewritten = replace_member(run.before, tmp_path / "rewritten.xlsm", petitions, lambda data: data.replace(b"/>", b" />"))
    assert changed_sheets(run.before, rewritten, set()) == ["Kiến nghị"]
    unformatted = replace_member(run.before, tmp_path / "unformatted.xlsm", petitions,
                                 lambda data: re.sub(rb"<conditionalFormatting .*?</conditionalFormatting>", b"", data))
    assert [p for p in lost_features(run.before, unformatted) if "conditional format" in p]
    assert changed_sheets(run.before, rewritten, {"Kiến nghị"}) == []


def _relationships(parts: dict[str, bytes]) -> set[tuple[str, str, str]]:
    """(source part, type, target) of every relationship except the calcChain (dropped when a sheet is written)."""
    from lxml import etree

    from tests.xlsx_conformance import PKG_REL

    found = set()
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))  # the source part's folder
        for rel in etree.fromstring(data).iter(f"{{{PKG_REL}}}Relationship"):
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            if kind.endswith("/calcChain"):
                continue
            if rel.get("TargetMode") != "External":  # relative or absolute, as each writer pleases
                target = resolve(folder, target)
            found.add((name, kind, target))
    return found


def _touched_sheets(run: Run) -> set[str]:
    """Sheets a ChangeSet names (cells, rows, replaced sheets, formats, marks) — and, when marks are written, every
    sheet that held the tool's marks before (they are removed there)."""
    names = set(sheet_parts(run.before))
    touched: set[str] = set()
    for changes in run.changes:
        touched |= {w.sheet for w in changes.cells} | {r.sheet for r in changes.rows} | {s.name for s in changes.sheets}
        touched |= {f.sheet for f in changes.formats}
        if changes.marks is not None:
            touched |= set(changes.marks)
            parts = members(run.before)
            touched |= {n for n, part in sheet_parts(run.before).items() if MARK_TAG.encode() in parts[part]}
    from doithoai.core.keys import find_sheet

    return {find_sheet(list(names), t) or t for t in touched}


# ------------------------------------------------------------------------------------------------ LibreOffice


@pytest.mark.slow
@parametrize
def test_libreoffice_opens_the_result_of_every_command_and_reads_the_same_values(corpus, name, tmp_path):
    """Every command in turn on one copy, then LibreOffice opens it (re-saved as .xlsx): same values as calamine."""
    source = corpus.file(name)
    book = Path(shutil.copyfile(source, tmp_path / source.name))
    for command in COMMANDS:
        work = tmp_path / command
        work.mkdir()
        assert set(COMMANDS[command](book, work)) <= {0, 1}, command
    assert check_package(book) == []
    resaved = libreoffice_resave(book, tmp_path / "lo")
    ours, theirs = calamine_cells(book), calamine_cells(resaved)
    assert differences({n: ours[n] for n in theirs}, theirs) == []
