"""A document kind is described once, in `domain/kinds.py` (issue 26).

Proved two ways: a kind added to the registry alone (plus the row of its own number on `Kế hoạch`, which is the
workbook's, not the kind's) is made by `doithoai documents --kind`, dated inside its own window, refused outside it,
numbered from its own setting, addressed with its own recipients, made by the button it names, and its number is
cleared by `doithoai new --from`; and no other module of the package holds a table keyed by kind names (read from the
code), so a second description fails here.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import pytest

from doithoai import buttons
from doithoai.book.builder import build_workbook
from doithoai.book.controls import BUTTONS
from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.resources import vba_project
from doithoai.documents import dates
from doithoai.domain import carry, kinds
from doithoai.domain.kinds import KINDS, ROLLUP_KINDS, DocumentKind, Recipients, Window
from doithoai.io import tables
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.workflows.sample import sample_conference
from tests.docx_reading import text

PACKAGE = Path(__file__).resolve().parent.parent / "doithoai"
SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"

EXTRA = "notice_extra"
NUMBER = "so_thong_bao_bo_sung"
CONFERENCE = dt.date(2026, 6, 12)  # the sample's conference day
RULE = "thông báo bổ sung ban hành trong 30 ngày sau hội nghị"


@pytest.fixture
def extra_kind(monkeypatch):
    """The registry with one more kind (restored after the test): a supplementary results notice that shares the
    notice's template and builder, with its own window, number, recipients and file, made by the notice's button."""
    setting = schema.Setting(NUMBER, "Số thông báo bổ sung", note="Ví dụ: 141/TB-UBND")  # its row on `Kế hoạch`
    monkeypatch.setattr(schema, "SETTINGS", (*schema.SETTINGS, setting))
    monkeypatch.setitem(schema.SETTINGS_BY_KEY, NUMBER, setting)
    tables._settings_by_label.cache_clear()
    spec = DocumentKind("thong-bao-ket-qua.docx", "Thông báo bổ sung kết quả hội nghị", "Thong bao bo sung", "TB-UBND",
                        build="builders:notice", rows="kien_nghi", window=Window(0, 30, 20, RULE), conference_day=True,
                        after_conference=True, required=("ten_don_vi", "nguoi_ky"), number_setting=NUMBER,
                        recipients=Recipients("- Các tổ dân phố (niêm yết);", "- Các chi bộ (niêm yết),"),
                        button="make_notice")
    monkeypatch.setitem(KINDS, EXTRA, spec)
    yield spec
    tables._settings_by_label.cache_clear()


def _book(path: Path) -> Path:
    data = sample_conference()
    data.settings = {**data.settings, NUMBER: "7"}
    build_workbook(path, data=data, vba_project=vba_project())
    return path


def _documents(capsys, *argv: str) -> tuple[int, dict]:
    status = main(["documents", *argv, "--no-pdf", "--json"])
    return status, json.loads(capsys.readouterr().out)


def test_a_kind_added_to_the_registry_alone_is_made_dated_numbered_and_cleared(extra_kind, tmp_path, capsys, monkeypatch):
    book = _book(tmp_path / "so.xlsm")
    assert read_book(book).settings[NUMBER] == "7"  # the workbook has the kind's own number row

    # `documents --kind` knows it, and dates it from its own window: no milestone, so its preferred day D+20.
    status, out = _documents(capsys, str(book), "--kind", EXTRA, "--out", str(tmp_path / "out"))
    assert status == 0 and list(out["files"]) == [EXTRA] and not out["refused"]
    made = Path(out["files"][EXTRA])
    assert made.name == "Thong bao bo sung.docx"
    words = text(made)
    assert "Số: 7/TB-UBND" in words  # its own number setting and symbol, not the notice's `Số thông báo kết quả`
    assert "ngày 02 tháng 7 năm 2026" in words  # D + 20
    assert "- Các tổ dân phố (niêm yết);" in words and "- Lưu: VT, VP." in words  # its own recipients
    assert "- Thường trực Đảng ủy phường Tứ Minh (để báo cáo);" not in words  # not the notice's

    # A date outside its window is refused with its rule; inside, made.
    status, out = _documents(capsys, str(book), "--kind", EXTRA, "--kind", "report_upward", "--out", str(tmp_path / "out"),
                             "--date", "2026-07-20")
    assert status == 1 and list(out["files"]) == ["report_upward"]
    assert RULE in out["refused"][EXTRA] and "muộn hơn ngày 12/07/2026" in out["refused"][EXTRA]
    status, out = _documents(capsys, str(book), "--kind", EXTRA, "--out", str(tmp_path / "out"), "--date", "2026-07-10")
    assert status == 0 and "ngày 10 tháng 7 năm 2026" in text(Path(out["files"][EXTRA]))

    # Its required settings: checked as every kind's are.
    assert dates.missing_settings({"ten_don_vi": "Tứ Minh"}, [EXTRA]) == {"nguoi_ky": [EXTRA]}

    # The button it names makes it beside the notice (no PDF: LibreOffice's copies are tested elsewhere, and slow).
    from doithoai.documents import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    message, failed, _ = buttons.job_report("make_notice", FileWorkbook(book))
    assert not failed and "Thông báo kết quả hội nghị." in message and "Thong bao bo sung" in message

    # The next conference clears its number (the plan's is kept, as before).
    assert NUMBER in carry.cleared_settings() and "so_ke_hoach" not in carry.cleared_settings()
    assert main(["new", str(tmp_path / "next.xlsm"), "--from", str(book)]) == 0
    capsys.readouterr()
    carried = read_book(tmp_path / "next.xlsm").settings
    assert carried[NUMBER] is None and carried["so_ke_hoach"] == read_book(book).settings["so_ke_hoach"]


def test_the_registry_s_own_kinds_are_whole():
    """Every kind names a template the script builds, a builder that exists, its settings on `Kế hoạch`, and a button
    of the workbook; every documents button makes at least one kind."""
    import importlib.util

    spec_ = importlib.util.spec_from_file_location("build_templates", SCRIPTS / "build_templates.py")
    assert spec_ is not None and spec_.loader is not None
    script = importlib.util.module_from_spec(spec_)
    spec_.loader.exec_module(script)
    assert set(kinds.template_names()) == set(script.BUILDERS)
    handlers = {button.handler for button in BUTTONS}
    for kind, spec in KINDS.items():
        assert callable(kinds.builder(kind)), kind
        settings = [spec.number_setting, spec.symbol_setting, spec.recipients_setting, spec.addressees_setting,
                    *spec.required, *spec.cleared]
        assert all(key in schema.SETTINGS_BY_KEY for key in settings if key), kind
        assert spec.button in handlers, kind
        assert spec.addressed_to in ("", kinds.SUPERIORS, kinds.UNITS), kind
    for spec in ROLLUP_KINDS.values():
        assert not spec.number_setting or spec.number_setting in schema.SETTINGS_BY_KEY
    documents_buttons = {spec.button for spec in KINDS.values()}
    source = Path(buttons.__file__).read_text(encoding="utf-8")
    assert documents_buttons == {handler for handler in handlers if f'_documents_of("{handler}")' in source}


# -- no second description -------------------------------------------------------------------------------------------


def kind_tables(files: list[Path], names: set[str], least: int = 3) -> list[str]:
    """Literals describing kinds outside the registry: a dict with `least` or more kind names among its keys, or a
    tuple, list or set made only of kind names, `least` or more of them ("path:line")."""
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
                hit = sum(key in names for key in keys) >= least
            elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                values = [e.value if isinstance(e, ast.Constant) else None for e in node.elts]
                hit = len(values) >= least and all(isinstance(v, str) and v in names for v in values)
            else:
                continue
            if hit:
                found.append(f"{path.name}:{node.lineno}")
    return found


def _sources() -> list[Path]:
    registry = Path(kinds.__file__).resolve()
    return [p for p in sorted([*PACKAGE.rglob("*.py"), *SCRIPTS.glob("*.py")]) if p.resolve() != registry]


def test_no_module_but_the_registry_holds_a_table_of_kinds():
    names = set(KINDS) | set(ROLLUP_KINDS)
    assert kind_tables(_sources(), names) == []


def test_the_reader_finds_a_second_description(tmp_path):
    """The check above can fail: a table keyed by kinds, and a set of kind names, are found; other literals are not."""
    planted = tmp_path / "planted.py"
    planted.write_text('NUMBERS = {"memo": "so_cv", "report": "so_bc", "notice": "so_tb"}\n'
                       'def f(kind):\n    return kind in ("minutes", "notice", "report_upward")\n'
                       'COMMANDS = ("new", "report", "letters", "reminders")\n'
                       'JSON = {"folder": 1, "letters": 2}\n', encoding="utf-8")
    assert kind_tables([planted], set(KINDS)) == ["planted.py:1", "planted.py:3"]
