"""No cell value can crash the validator or the fixer: hypothesis over every sheet, and one real file."""

from __future__ import annotations

import datetime as dt
import json

from books import make_sheets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.book.builder import build_workbook
from doithoai.core import schema
from doithoai.core.model import EXCEL_ERRORS, SEVERITIES, BookData, CellError, Record, Table
from doithoai.io.access import FileWorkbook
from doithoai.io.tables import book_from_sheets
from doithoai.validation.engine import validate_book
from doithoai.validation.fixes import fix_changes, plan_fixes
from doithoai.validation.jobs import fix, validate
from doithoai.validation.report import report_changes

TODAY = dt.date(2026, 7, 1)
SPECS = (*schema.TABLE_SHEETS, schema.CALENDAR)
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÐ "

texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=VIETNAMESE, max_size=40),
    st.text(alphabet="0123456789 .+()-", max_size=16),
    st.sampled_from(["=SUM(A1)", "+84 912 345 678", "@x", "-", "nu", "NAM", "12/6/2026", "32/13/2026", "Ðặng", "NguyÔn V¨n",
                     "Nguyeãn Vaên", "khiếu nại", "Chủ trì", "KN-001", "P-001", "\x00\x07\x1f", "\u200b", " ", "1965"]),
    st.builds(lambda n: "x" * n, st.sampled_from([255, 256, 5001, 30000, 32768])),
)
values = st.one_of(
    st.none(),
    texts,
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(sorted(EXCEL_ERRORS)).map(CellError),
)


@st.composite
def books(draw) -> BookData:
    """A BookData with random values in random columns of every sheet, built directly (no coercion, no file)."""
    tables = {}
    for spec in SPECS:
        keys = [c.key for c in spec.columns]
        present = draw(st.lists(st.sampled_from(keys), unique=True,
                                max_size=len(keys))) if spec is not schema.CALENDAR or draw(st.booleans()) else []
        columns = {key: position for position, key in enumerate(present, start=1)}
        rows = draw(st.lists(st.fixed_dictionaries({key: values for key in present}), max_size=6))
        records = [Record(row=r, values=v) for r, v in enumerate(rows, start=2)]
        tables[spec.key] = Table(spec=spec, columns=columns, records=records, last_row=len(rows) + 1)
    calendar = tables.pop(schema.CALENDAR.key)
    settings_keys = draw(st.lists(st.sampled_from([s.key for s in schema.SETTINGS]), unique=True))
    book_settings = {s.key: None for s in schema.SETTINGS} | {key: draw(values) for key in settings_keys}
    rows = {key: position for position, key in enumerate(settings_keys, start=2)}
    lists = {lst.key: tuple(draw(st.lists(st.text(alphabet=VIETNAMESE, min_size=1, max_size=12),
                                          max_size=4)) or lst.values) for lst in schema.LISTS}
    return BookData("ngau-nhien.xlsm", book_settings, rows, tables, lists, calendar)


def check(findings) -> None:
    for finding in findings:
        assert finding.severity in SEVERITIES and finding.code.isascii() and finding.message
        json.dumps(finding.to_dict(), ensure_ascii=False)
    report_changes(findings)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(books())
def test_any_values_in_any_columns(book):
    check(validate_book(book, TODAY))
    fix_changes(plan_fixes(book))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_any_raw_values_through_the_reader_parsing(data):
    tables = {}
    for spec in schema.TABLE_SHEETS:
        rows = data.draw(st.lists(st.fixed_dictionaries({c.key: values for c in spec.columns}), max_size=4))
        tables[spec.key] = rows
    settings_values = data.draw(st.fixed_dictionaries({s.key: values for s in schema.SETTINGS}))
    book = book_from_sheets("tho.xlsm", make_sheets(tables, settings_values))
    check(validate_book(book, TODAY))
    fixes = plan_fixes(book)
    fix_changes(fixes)


def test_nasty_values_through_a_real_file(tmp_path):
    path = tmp_path / "xau.xlsx"
    nasty = ["", "   ", "=SUM(A1)", "+84 912 345 678", "x" * 30000, "Đề nghị\x07\x1f sửa", "\u200bnu", True, dt.date(1900, 1, 1),
             dt.datetime(2026, 6, 12, 8, 30), "#N/A", 3.5, 0, -1, "NguyÔn V¨n A", "1965", "khiếu nại", "Ðặng  "]
    tables = {}
    for spec in schema.TABLE_SHEETS:
        tables[spec.key] = [
            {c.key: nasty[(i + j) % len(nasty)] for j, c in enumerate(spec.columns)} for i in range(len(nasty))
        ]
    settings_values = {s.key: nasty[i % len(nasty)] for i, s in enumerate(schema.SETTINGS)}
    build_workbook(path, data={"settings": settings_values, "tables": tables})
    access = FileWorkbook(path)
    result = validate(access, today=TODAY)
    assert result.has_errors and result.written
    check(result.findings)
    first = fix(access, today=TODAY)
    assert fix(access, today=TODAY).fixes == [], first.fixes
    validate(access, today=TODAY)  # and it still reads after the fixes
