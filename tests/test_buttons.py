"""Every button's handler, run against xlwings' own object model (its remote engine), no Excel needed."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai import buttons
from doithoai.book.controls import BUTTONS
from doithoai.core import schema
from doithoai.core.model import CellWrite
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.io.xlwings_access import XlwingsWorkbook, hyperlink_formula, literal, runs
from tests.xlwings_books import actions, remote_book, written

CODE_COLUMNS = ("Mã phiếu", "Mã kiến nghị")
LIST_SHEETS = ("Đại biểu", "Phiếu đăng ký", "Kiến nghị", "Phân công")


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """The remote engine's book has no folder: output goes to the working directory. No PDF here (tested elsewhere)."""
    from doithoai.documents import pdf

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    return tmp_path


def column_of(rows, header: str) -> int:
    return [str(v) for v in rows[0]].index(header) + 1


def double(sheets) -> None:
    """Every list sheet twice as long: a copy of each row with its codes made unique."""
    for name in LIST_SHEETS:
        rows = sheets[name]
        codes = [i for i, h in enumerate(rows[0]) if h in CODE_COLUMNS]
        copies = []
        for row in rows[1:]:
            if not any(v not in (None, "") for v in row):
                continue
            copy = list(row)
            for i in codes:
                if copy[i]:
                    copy[i] = f"{copy[i]}-2"
            copies.append(copy)
        rows.extend(copies)


def date_of(value):
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value.date() if isinstance(value, dt.datetime) else value


def alert_text(book) -> str:
    (alert,) = actions(book, "alert")
    return alert["args"][0]


# -- the handlers ---------------------------------------------------------------------------------------


def test_every_button_has_its_handler():
    for button in BUTTONS:
        handler = getattr(buttons, button.handler)
        assert callable(handler), button


def test_importing_the_handlers_stays_light():
    code = ("import sys, doithoai.buttons; "
            "print([m for m in ('pandas', 'numpy', 'docxtpl', 'docx', 'matplotlib', 'openpyxl', 'xlwings', 'jinja2') "
            "if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


HEAVY = ("pandas", "numpy", "matplotlib", "PIL", "plotly", "openpyxl", "docxtpl", "docx", "jinja2", "lxml", "holidays")


def test_a_click_imports_xlwings_without_the_heavy_libraries():
    """What a click imports before its job starts: the handler module and xlwings (Book.caller), nothing heavy."""
    code = (
        "import json, sys; import doithoai.buttons as b; b.import_xlwings(); "
        # and what the click frame imports before calling the job (launcher, caller, access object, lock)
        "import doithoai.book.controls, doithoai.core.errors, doithoai.io.xlwings_access, doithoai.io.lock; "
        "b.click(['check_data', '--wb=so.xlsm', '--from_xl=1', '--hwnd=1']); "  # no Excel here: stops at Book.caller()
        "before = sorted(sys.modules); import pandas, matplotlib; "  # a job that needs them can still import them
        "print(json.dumps([before, pandas.__name__, matplotlib.__name__]))"
    )
    # As on the office's machine: no xlwings PRO licence (the tests set one for the remote engine; with it xlwings
    # also imports its PRO reports, which need jinja2).
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    modules, pandas, matplotlib = json.loads(run.stdout)
    assert "xlwings" in modules and "xlwings.main" in modules
    top = {m.split(".")[0] for m in modules}
    assert not top & set(HEAVY), sorted(top & set(HEAVY))
    assert (pandas, matplotlib) == ("pandas", "matplotlib")


def test_handlers_work_on_xlwings_imported_the_light_way(tmp_path, demo_path):
    """The held-back libraries are not needed by what the buttons do through xlwings (a whole job, its own process)."""
    code = (
        "import os, sys; os.environ.setdefault('XLWINGS_LICENSE_KEY', 'noncommercial'); "
        "import doithoai.buttons as b; b.import_xlwings(); "
        "from doithoai.documents import pdf; pdf.soffice = lambda: None; "
        "from tests.xlwings_books import remote_book, actions; from pathlib import Path; "
        "book = remote_book(Path(sys.argv[1])); print(b.check_data(book)); print(b.make_notice(book)); "
        "print('numpy' in sys.modules, len(actions(book, 'alert')))"
    )
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([sys.executable, "-c", code, str(demo_path)], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(root)})
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.strip().splitlines()
    assert lines[-1].endswith(" 2"), lines
    assert any("Kiểm tra" in line or "lỗi" in line for line in lines[:-1]), lines
    assert list((tmp_path / "Văn bản").rglob("*.docx")), "the notice was not made"


class _FakeApp:
    def __init__(self) -> None:
        self.alerts: list[str] = []

    def alert(self, prompt, title=None):
        self.alerts.append(prompt)


class _ExcelBook:
    """What Excel hands over in the cases a real Excel is needed for (a OneDrive URL, an unsaved book)."""

    def __init__(self, fullname) -> None:
        self._fullname = fullname
        self.app = _FakeApp()
        self.name = "so.xlsm"

    @property
    def fullname(self):
        if isinstance(self._fullname, Exception):
            raise self._fullname
        return self._fullname


@pytest.mark.parametrize(
    "fullname, words",
    [
        ("https://d.docs.live.net/4f1c/Documents/Sổ đối thoại.xlsm", ("OneDrive", "thư mục")),
        (RuntimeError("Couldn't find your local OneDrive file"), ("OneDrive",)),
        ("Book1", ("chưa được lưu",)),
    ],
)
def test_failures_before_the_job_are_one_vietnamese_sentence(monkeypatch, fullname, words):
    book = _ExcelBook(fullname)
    monkeypatch.setattr(buttons, "_caller", lambda: book)
    message = buttons.check_data()
    assert book.app.alerts == [message]
    for word in words:
        assert word in message
    assert "Traceback" not in message and "\n" not in message


def test_no_caller_is_a_sentence_too(capsys):
    message = buttons.fix_data()  # not started by Excel: xlwings has no calling workbook
    assert message.startswith("Không nhận ra sổ")
    assert capsys.readouterr().err.strip() == message  # no Excel: the sentence goes to stderr, no traceback


def test_the_launcher_runs_only_known_handlers(capsys, monkeypatch):
    called = []
    monkeypatch.setattr(buttons, "make_memo", lambda: called.append("memo"))
    assert buttons.click(["make_memo", "--wb=so.xlsm", "--from_xl=1", "--app=C:\\Excel", "--hwnd=1"]) == 0
    assert called == ["memo"]
    assert buttons.click(["__import__", "--wb=so.xlsm"]) == 0
    assert called == ["memo"] and "không hợp lệ" in capsys.readouterr().err


def test_check_data_writes_the_check_sheet_with_links(demo_path):
    def spoil(sheets):
        rows = sheets["Phiếu đăng ký"]
        rows[1][column_of(rows, "Họ và tên") - 1] = None

    book = remote_book(demo_path, edit=spoil)
    message = buttons.check_data(book)
    assert "lỗi" in message and alert_text(book) == message
    (added,) = actions(book, "addSheet")
    assert added["args"][1] == schema.CHECK_SHEET
    cells = written(book, schema.CHECK_SHEET)
    assert cells[(1, 1)] == "Mức độ"
    name_column = column_of(read_rows(demo_path, "Phiếu đăng ký"), "Họ và tên")
    target = f"'Phiếu đăng ký'!{chr(64 + name_column)}2"
    assert hyperlink_formula(target, f"{chr(64 + name_column)}2") in cells.values()
    # nothing a person typed was written
    for sheet in LIST_SHEETS:
        assert not written(book, sheet)


def read_rows(path, name):
    from doithoai.io.reader import read_rows as rows

    return rows(path, name)


def test_compute_deadlines_writes_what_the_command_writes(demo_path, tmp_book):
    book = remote_book(demo_path)
    message = buttons.compute_deadlines(book)
    assert message.startswith("Tính hạn") and alert_text(book) == message
    from doithoai.domain.deadlines import compute_deadlines

    compute_deadlines(FileWorkbook(tmp_book), write=True)
    expected = read_book(tmp_book)
    cells = written(book, "Phân công")
    table = expected.assignments
    for record in table:
        typed = record.get("han_tu_tinh") is None and record.get("han_hoan_thanh") is not None
        for key in ("han_hoan_thanh", "tinh_trang"):
            if key == "han_hoan_thanh" and typed and (record.row, table.columns[key]) not in cells:
                continue  # a due date the office typed (the sample has some) is kept: written again as it is, or not
            value = cells[(record.row, table.columns[key])]
            want = record.get(key)
            assert (date_of(value) if isinstance(want, dt.date) else value) == want, (record.row, key)
    milestones = written(book, "Mốc thời gian")
    for record in expected.milestones:
        assert date_of(milestones[(record.row, expected.milestones.columns["han"])]) == record.get("han")


def test_make_letters_writes_files_and_numbers(demo_path, in_tmp):
    book = remote_book(demo_path)
    message = buttons.make_letters(book)
    (folder,) = (in_tmp / "Văn bản").iterdir()
    count = len(list((folder / "tra-loi").glob("*.docx")))
    assert count > 20 and f"{count} văn bản" in message  # one per petitioner not answered at the conference
    assert (folder / "Van ban tra loi - in gop.docx").is_file()
    table = read_book(demo_path).petitions
    cells = written(book, "Kiến nghị")
    by_letter = [r for r in table if r.get("noi_dung_tra_loi") and r.get("hinh_thuc_xu_ly") != "Trả lời tại hội nghị"]
    numbers = {cells[(r.row, table.columns["so_van_ban_tra_loi"])] for r in by_letter}
    assert numbers == {f"{n}/UBND-VP" for n in range(150, 150 + count)}
    for record in table:
        if record not in by_letter:
            assert cells.get((record.row, table.columns["so_van_ban_tra_loi"])) in (None, "")
    # only the two columns the tool owns
    assert {column for _, column in cells} == {table.columns["so_van_ban_tra_loi"], table.columns["ngay_van_ban_tra_loi"]}


@pytest.mark.parametrize(
    ("handler", "files"),
    [
        ("make_memo", ["Cong van phan cong.docx"]),
        ("make_report", ["Bao cao tong hop.docx"]),
        ("make_invitations", ["Giay moi.docx", "Chuong trinh hoi nghi.docx", "Danh sach dai bieu.docx"]),
        ("make_notice", ["Thong bao ket qua.docx"]),
    ],
)
def test_document_buttons(demo_path, in_tmp, handler, files):
    book = remote_book(demo_path)
    message = getattr(buttons, handler)(book)
    (folder,) = (in_tmp / "Văn bản").iterdir()
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    assert str(folder) in message
    assert not actions(book, "setValues")  # these buttons write no cell


def test_fix_data_changes_only_the_cells_it_fixes(demo_path):
    def spoil(sheets):
        rows = sheets["Phiếu đăng ký"]
        rows[3][column_of(rows, "Số điện thoại") - 1] = 912345678.0  # the leading zero lost
        rows[5][column_of(rows, "Họ và tên") - 1] = "  Nguye\u0302\u0303n  Văn   Bình "

    book = remote_book(demo_path, edit=spoil)
    message = buttons.fix_data(book)
    assert "2" in message
    rows = read_rows(demo_path, "Phiếu đăng ký")
    cells = {k: v for k, v in written(book, "Phiếu đăng ký").items() if v not in (None, "")}
    assert cells == {(4, column_of(rows, "Số điện thoại")): "0912345678", (6, column_of(rows, "Họ và tên")): "Nguyễn Văn Bình"}


def test_import_notes_without_a_returned_copy_says_where_to_put_it(demo_path, in_tmp):
    book = remote_book(demo_path)
    message = buttons.import_notes(book)
    assert "MTTQ gửi lại" in message and (in_tmp / "MTTQ gửi lại").is_dir()
    assert not actions(book, "setValues")


# -- errors ---------------------------------------------------------------------------------------------


def test_a_missing_sheet_is_a_sentence_not_a_traceback(demo_path, in_tmp):
    book = remote_book(demo_path, edit=lambda sheets: sheets.pop("Phân công"))
    message = buttons.check_data(book)
    assert "Phân công" in message and "Traceback" not in message
    assert alert_text(book) == message


def test_an_unexpected_error_goes_to_the_log(demo_path, in_tmp, monkeypatch):
    from doithoai.validation import jobs

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(jobs, "validate", broken)
    book = remote_book(demo_path)
    message = buttons.check_data(book)
    assert buttons.LOG_FILE in message and "RuntimeError" in message
    log = (in_tmp / buttons.LOG_FILE).read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: hỏng" in log
    assert not actions(book, "setValues")


# -- range calls do not grow with the rows --------------------------------------------------------------


@pytest.mark.parametrize("handler", ["check_data", "compute_deadlines", "make_letters"])
def test_range_calls_do_not_grow_with_rows(demo_path, monkeypatch, handler):
    reads: list[str] = []
    original = XlwingsWorkbook.read_sheet

    def counting(self, name):
        reads.append(name)
        return original(self, name)

    monkeypatch.setattr(XlwingsWorkbook, "read_sheet", counting)
    counts = []
    for edit in (None, double):
        reads.clear()
        book = remote_book(demo_path, edit=edit)
        getattr(buttons, handler)(book)
        calls = [a for a in book.json()["actions"] if a["func"] != "alert"]
        counts.append((len(reads), len(calls), sorted({a["func"] for a in calls})))
    (small_reads, small_calls, funcs), (big_reads, big_calls, _) = counts
    assert small_reads == big_reads <= len(schema.DATA_SHEETS)  # one read per sheet at most, whatever the rows
    assert small_calls == big_calls, counts
    if handler != "check_data":
        assert small_calls <= 12


# -- the access layer's pure helpers ----------------------------------------------------------------------


def test_literal_keeps_formula_like_text_as_text():
    assert literal("=1+1") == "'=1+1" and literal("-5 hộ") == "'-5 hộ" and literal("@a") == "'@a"
    assert literal("Nguyễn") == "Nguyễn" and literal(5) == 5 and literal(None) is None


def test_hyperlink_formula_quotes():
    assert hyperlink_formula("'Kiến nghị'!E12", "E12") == '=HYPERLINK("#\'Kiến nghị\'!E12","E12")'
    assert hyperlink_formula("A1", 'say "hi"') == '=HYPERLINK("#A1","say ""hi""")'


def test_runs_bridge_only_what_may_be_written():
    writes = [CellWrite("S", row, 3, row) for row in (2, 3, 5, 9, 10)]
    assert [[w.row for w in g] for g in runs(writes, lambda row: row != 7)] == [[2, 3, 5], [9, 10]]
    assert [[w.row for w in g] for g in runs(writes, lambda row: True)] == [[2, 3, 5, 9, 10]]


def test_share_copy_writes_the_copy_next_to_the_workbook(demo_path, in_tmp):
    book = remote_book(demo_path)
    message = buttons.share_copy(book)
    (copy,) = (in_tmp / "Chia sẻ MTTQ").glob("*.xlsx")
    assert copy.name in message and "MTTQ-" in message
    (added,) = actions(book, "addSheet")
    assert added["args"][1] == schema.SHARE_LOG_SHEET
    for sheet in LIST_SHEETS:
        assert not written(book, sheet)  # the office's own data is not touched


def test_import_notes_brings_the_committee_s_notes_into_the_open_workbook(tmp_book, in_tmp):
    import openpyxl

    from doithoai.mttq.share import share

    shared = share(FileWorkbook(tmp_book), in_tmp / "ban.xlsx")
    returned = in_tmp / "MTTQ gửi lại" / "ban MTTQ gui lai.xlsx"
    returned.parent.mkdir()
    workbook = openpyxl.load_workbook(shared.path)
    worksheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in worksheet[1]]
    notes = {}
    for row in range(2, 6):
        code = worksheet.cell(row, header.index("Mã kiến nghị") + 1).value
        notes[code] = f"MTTQ đã giám sát {code}: đơn vị trả lời đúng hạn."
        worksheet.cell(row, header.index("Ý kiến giám sát") + 1).value = notes[code]
        worksheet.cell(row, header.index("Ngày giám sát") + 1).value = "15/7/2026"
    workbook.save(returned)

    book = remote_book(tmp_book)
    message = buttons.import_notes(book)
    assert returned.name in message
    table = read_book(tmp_book).petitions
    cells = written(book, "Kiến nghị")
    note_column, date_column = table.columns["y_kien_giam_sat"], table.columns["ngay_giam_sat"]
    imported = {r.get("ma_kien_nghi"): cells.get((r.row, note_column)) for r in table}
    assert {code: note for code, note in imported.items() if note} == notes
    dates = {date_of(cells[(r.row, date_column)]) for r in table if r.get("ma_kien_nghi") in notes}
    assert dates == {dt.date(2026, 7, 15)}
    assert {column for _, column in cells} <= {note_column, date_column}


# -- conditional formats through COM: no list separator, whatever the region ---------------------------------------


def _python(formula: str) -> str:
    """The formulas used for conditional formats, as Python (cells D2 and F2, TODAY(), AND, ISTEXT)."""
    import re

    text = formula.replace("$D2", "d").replace("$F2", "f").replace("TODAY()", "today")
    text = re.sub(r'ISTEXT\("[^"]*"\)', "True", text).replace("TRUE", "True").replace("AND(", "all_(")
    text = text.replace("<>", "!=").replace("<=", "@le@").replace(">=", "@ge@")
    text = re.sub(r"(?<![=!<>])=(?!=)", "==", text)
    return text.replace("@le@", "<=").replace("@ge@", ">=")


@settings(max_examples=200, deadline=None)
@given(due=st.one_of(st.just(""), st.integers(-5, 5)), finished=st.sampled_from(["", "x"]))
def test_com_formulas_have_no_separator_and_the_same_truth(due, finished):
    from doithoai.domain.deadlines import SOON_DAYS
    from doithoai.io.writerules import tagged_formula
    from doithoai.io.xlwings_access import without_list_separator

    formulas = [
        tagged_formula('AND($D2<>"",$F2="",$D2<TODAY())', "qua_han"),
        tagged_formula(f'AND($D2<>"",$F2="",$D2>=TODAY(),$D2-TODAY()<={SOON_DAYS})', "sap_han"),
        tagged_formula("TRUE", "danh_dau"),
    ]
    for formula in formulas:
        rewritten = without_list_separator(formula)
        assert rewritten is not None
        assert "," not in rewritten.replace('"qua_han"', "").replace('"sap_han"', "") and ";" not in rewritten
        scope = {"d": due, "f": finished, "today": 0, "all_": lambda *a: all(a)}
        if due == "":  # Excel compares text and numbers without failing; Python needs the text side short-circuited
            scope["d"] = ""
        try:
            expected = bool(eval(_python(formula), scope))
        except TypeError:  # "" < 0: the AND is already false on its first argument in Excel
            expected = False
        try:
            got = bool(eval(_python(rewritten), scope))
        except TypeError:
            got = False
        assert got == expected, (formula, rewritten, due, finished)


def test_formulas_the_rewrite_does_not_know_use_the_regions_separator():
    from doithoai.io.xlwings_access import localized, without_list_separator

    assert without_list_separator('IF(A1>0,"a,b",2)') is None
    assert localized('IF(A1>0,"a,b",2)', ";") == 'IF(A1>0;"a,b";2)'
    assert without_list_separator('AND(A1="x,y",B1)') == '((A1="x,y")*(B1))'


# -- what the counts are made of (the window lists them) ------------------------------------------------------


def test_job_report_lists_what_the_counts_are_made_of(tmp_book):
    from doithoai.domain.deadlines import compute_deadlines
    from doithoai.validation.jobs import validate

    today = dt.date.today()  # the handlers count from today, as a click does
    with FileWorkbook(tmp_book) as access:
        plan = compute_deadlines(access, today=today, write=False).plan
    message, failed, details = buttons.job_report("compute_deadlines", FileWorkbook(tmp_book))
    overdue = plan.overdue()
    assert not failed and overdue and f"{len(overdue)} việc quá hạn" in message
    late = [line for line in details if line.startswith("Quá hạn ")]
    assert len(late) == len(overdue)
    assert sorted(late) == sorted(f"Quá hạn {-d.days_left} ngày (hạn {d.due:%d/%m/%Y}): {d.name}" for d in overdue)
    assert len(details) == len(overdue) + len(plan.upcoming(today)) + len(plan.findings)

    with FileWorkbook(tmp_book) as access:
        findings = validate(access, write=False).findings
    message, failed, details = buttons.job_report("check_data", FileWorkbook(tmp_book))
    assert findings and len(details) == len(findings)
    assert all(line.startswith(("Lỗi ", "Cảnh báo ")) for line in details)
    assert details == sorted(details, key=lambda line: not line.startswith("Lỗi "))  # errors first
    assert any(f"{f.sheet}!{f.cell}: {f.message}" in line for f in findings for line in details if f.cell)
    # the click's message box keeps the short message; job_outcome is what it was
    assert buttons.job_outcome("check_data", FileWorkbook(tmp_book))[0] == message


def test_share_details_name_every_masked_cell(tmp_book):
    import openpyxl

    wb = openpyxl.load_workbook(tmp_book, keep_vba=True)  # two petitions give a phone number in their text
    sheet = wb[schema.PETITIONS.name]
    column = 1 + [c.key for c in schema.PETITIONS.columns].index("noi_dung")
    for row in (2, 3):
        sheet.cell(row, column).value = f"{sheet.cell(row, column).value} Liên hệ 0912 345 67{row}."
    wb.save(tmp_book)
    message, failed, details = buttons.job_report("share_copy", FileWorkbook(tmp_book))
    assert not failed and "đã che 2 " in message
    assert len(details) == 2 and all(line.startswith(f"Trang “{schema.PETITIONS.name}”") and "0912***67" in line
                                     for line in details)


# -- a workbook whose name has "=" (xlwings' Book.caller() cuts it at the second "=") ----------------------------


class _NamedBook:
    def __init__(self, name: str) -> None:
        self.name = name


class _NamedApp:
    def __init__(self, hwnd: int, *names: str) -> None:
        self.hwnd = hwnd
        self.books = [_NamedBook(name) for name in names]


class _FakeXlwings:
    def __init__(self, *apps: _NamedApp) -> None:
        self.apps = list(apps)
        self.Book = self

    def caller(self):  # what xlwings does with "--wb=Sổ a=b.xlsm": looks for "Sổ a"
        raise KeyError("Sổ a")


@pytest.mark.parametrize("argv_name", ["Sổ hội nghị a=b.xlsm", "x==y.xlsm"])
def test_a_workbook_name_with_an_equals_sign_is_found(monkeypatch, argv_name):
    wanted = _NamedApp(202, "Khác.xlsx", argv_name.upper())  # Excel compares names case-blind
    xw = _FakeXlwings(_NamedApp(101, argv_name), wanted)
    monkeypatch.setattr(buttons, "import_xlwings", lambda: xw)
    monkeypatch.setattr(sys, "argv", ["doithoai-click", "check_data", f"--wb={argv_name}", "--from_xl=1",
                                      "--app=C:\\Excel\\EXCEL.EXE", "--hwnd=202"])
    assert buttons._caller() is wanted.books[1]  # the Excel window that called, not the other one


def test_a_workbook_name_with_an_equals_sign_not_open_says_so(monkeypatch):
    from doithoai.core.errors import DoithoaiError

    monkeypatch.setattr(buttons, "import_xlwings", lambda: _FakeXlwings(_NamedApp(1, "khac.xlsm")))
    monkeypatch.setattr(sys, "argv", ["doithoai-click", "check_data", "--wb=a=b.xlsm", "--from_xl=1", "--hwnd=1"])
    with pytest.raises(DoithoaiError) as raised:
        buttons._caller()
    assert "“=”" in raised.value.message and "đóng các cửa sổ Excel khác" not in raised.value.message


def test_caller_arguments_split_at_the_first_equals_sign():
    assert buttons.caller_arguments(["x", '--wb=a=b=c.xlsm', "--from_xl=1", '--app="C:\\E x\\EXCEL.EXE"', "--hwnd=7"]) == {
        "wb": "a=b=c.xlsm", "from_xl": "1", "app": "C:\\E x\\EXCEL.EXE", "hwnd": "7"}
