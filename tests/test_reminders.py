"""Reminders to late units (công văn đôn đốc): documents/reminders.py, its template, its log and its command."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import defaultdict

import pytest

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.keys import list_key
from doithoai.documents.jobs import make_documents
from doithoai.documents.reminders import DEFAULT_WORKDAYS, answer_date, parse_log, plan_reminders
from doithoai.domain.deadlines import SOON_DAYS, plan_deadlines
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book, read_sheets
from doithoai.workflows.sample import DEMO_TODAY
from tests.books import assignment, make_book, petition
from tests.docx_reading import text

LATER = DEMO_TODAY + dt.timedelta(days=7)


def deadlines_json(path, today: dt.date, capsys) -> dict:
    assert main(["deadlines", str(path), "--json", "--no-write", "--today", today.isoformat()]) == 0
    return json.loads(capsys.readouterr().out)


def expected_from(report: dict) -> dict[str, set[str]]:
    """Unit -> petition codes the deadlines command reports overdue or due within SOON_DAYS days."""
    units: dict[str, set[str]] = defaultdict(set)
    for row in report["assignments"]:
        left = row["days_left"]
        if left is not None and left <= SOON_DAYS:
            assert row["status"].startswith(("Quá hạn", "Đến hạn", "Còn"))
            units[row["unit"]].add(row["petition"])
    return dict(units)


def papers(path) -> dict[str, tuple[int, list[str]]]:
    """Unit -> (round, codes in its table), read from the combined .docx: one section, one table per unit."""
    from docx import Document

    content = text(path)
    rounds = [int(n) for n in re.findall(r"V/v đôn đốc trả lời ý kiến, kiến nghị của Nhân dân \(lần (\d+)\)", content)]
    units = re.findall(r"^Kính gửi: (.+)\.$", content, re.MULTILINE)
    tables = Document(str(path)).tables
    codes = [[row.cells[1].text for row in table.rows[1:]] for table in tables if table.rows[0].cells[1].text == "Mã"]
    assert len(rounds) == len(units) == len(codes)
    return {unit: (n, c) for unit, n, c in zip(units, rounds, codes, strict=True)}


def reminders_run(path, out, date, write=True):
    with FileWorkbook(path) as access:
        return make_documents(access, ["reminders"], out, pdf=False, date=date, write=write)


@pytest.fixture(scope="module")
def twice(tmp_path_factory, demo_path):
    folder = tmp_path_factory.mktemp("reminders")
    book = folder / "book.xlsm"
    shutil.copyfile(demo_path, book)
    first = reminders_run(book, folder / "1", DEMO_TODAY)
    second = reminders_run(book, folder / "2", LATER)
    return book, first, second


def test_reminders_list_exactly_what_deadlines_finds_late(twice, capsys):
    book, first, second = twice
    for result, day in ((first, DEMO_TODAY), (second, LATER)):
        expected = expected_from(deadlines_json(book, day, capsys))
        assert expected  # the demo has late units a week after its conference
        found = papers(result.files["reminders"])
        assert {unit: set(codes) for unit, (_, codes) in found.items()} == expected
        for unit, (_, codes) in found.items():
            assert len(codes) == len(set(codes)) and codes == sorted(codes), unit


def rounds(result) -> dict[str, int]:
    return {unit: n for unit, (n, _) in papers(result.files["reminders"]).items()}


def test_the_second_reminder_says_it_is_the_second(twice):
    book, first, second = twice
    assert set(rounds(first).values()) == {1}
    # A unit reminded a week earlier gets its second; one whose answers have only now fallen due, its first.
    assert rounds(second) == {unit: 2 if unit in rounds(first) else 1 for unit in rounds(second)}
    assert 2 in rounds(second).values()
    content = text(second.files["reminders"])
    assert "Đây là lần thứ 2 UBND phường Tứ Minh đôn đốc các nội dung trên (lần trước: ngày 19/06/2026)." in content
    assert "Đây là lần thứ" not in text(first.files["reminders"])
    message = second.texts[0].read_text(encoding="utf-8-sig")
    assert "(đôn đốc lần 2; lần trước ngày 19/06/2026)" in message
    # Both recorded on the log: one row per petition of each reminder.
    log = parse_log(next(iter(read_sheets(book, [schema.REMINDER_LOG_SHEET]).values())))
    for result, day in ((first, DEMO_TODAY), (second, LATER)):
        rows = [e for e in log if e.date == day]
        assert {(e.unit, e.round) for e in rows} == set(rounds(result).items())
        assert {(e.unit, e.code) for e in rows} == {(u, c) for u, (_, codes) in papers(result.files["reminders"]).items()
                                                     for c in codes}
    assert any(e.late and e.late > 0 for e in log)


def test_each_unit_gets_a_message_to_paste(twice):
    _, first, _ = twice
    assert [p.name for p in first.texts] == ["Cong van don doc - tin nhan.txt"]
    blocks = first.texts[0].read_text(encoding="utf-8-sig").strip().split("\n\n")
    found = papers(first.files["reminders"])
    assert [b.splitlines()[0] for b in blocks] == [f"Kính gửi {unit}:" for unit in found]
    for block, (_, codes) in zip(blocks, found.values(), strict=True):
        assert re.findall(r"^- (KN-\d{3}) \(", block, re.MULTILINE) == codes
        assert "trước ngày 26/06/2026" in block  # 5 working days after 19/06/2026
        assert "đôn đốc lần 1" in block


def test_a_run_without_writing_shows_the_next_round_but_records_nothing(twice, tmp_path):
    book, _, _ = twice
    copy = tmp_path / "book.xlsm"
    shutil.copyfile(book, copy)
    before = read_sheets(copy, [schema.REMINDER_LOG_SHEET])
    log = parse_log(next(iter(before.values())))
    preview = reminders_run(copy, tmp_path / "out", LATER + dt.timedelta(days=1), write=False)
    # The next round of each unit: one more than the reminders it has had.
    expected = {unit: 1 + len({e.date for e in log if e.unit == unit}) for unit in rounds(preview)}
    assert rounds(preview) == expected and 3 in expected.values()
    assert read_sheets(copy, [schema.REMINDER_LOG_SHEET]) == before
    again = reminders_run(copy, tmp_path / "out2", LATER + dt.timedelta(days=1))
    assert rounds(again) == expected


def test_the_reminders_command(tmp_book, tmp_path, capsys):
    assert main(["reminders", str(tmp_book), "--out", str(tmp_path), "--no-pdf", "--date", DEMO_TODAY.isoformat(),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["files"]) == {"reminders"} and out["texts"][0].endswith("Cong van don doc - tin nhan.txt")
    assert schema.REMINDER_LOG_SHEET in read_book(tmp_book).sheet_names


# -- pure rules -----------------------------------------------------------------------------------------


def book_with(assignments, **settings):
    return make_book({"kien_nghi": [petition(n) for n in range(1, 6)], "phan_cong": assignments},
                     settings={"so_ngay_giai_quyet": 10, **settings})


def test_only_overdue_and_due_soon_assignments_grouped_by_unit():
    today = dt.date(2026, 6, 20)
    rows = [
        assignment("KN-001", don_vi="Công an phường", han_hoan_thanh=dt.date(2026, 6, 10)),  # overdue
        assignment("KN-002", don_vi="công an  phường", han_hoan_thanh=today + dt.timedelta(days=SOON_DAYS)),  # due soon
        assignment("KN-003", don_vi="Công an phường", han_hoan_thanh=today + dt.timedelta(days=SOON_DAYS + 1)),  # not yet
        assignment("KN-004", don_vi="Công an phường", han_hoan_thanh=dt.date(2026, 6, 1),
                   ngay_hoan_thanh=dt.date(2026, 6, 15)),  # done late: nothing to chase
        assignment("KN-005", don_vi="Phòng Văn hóa - Xã hội", han_hoan_thanh=today),  # due today
    ]
    book = book_with(rows)
    plan = plan_deadlines(book, today)
    units = plan_reminders(book, plan, [])
    assert [(r.unit, [i.code for i in r.items]) for r in units] == [("Phòng Văn hóa - Xã hội", ["KN-005"]),
                                                                   ("Công an phường", ["KN-001", "KN-002"])]
    police = units[1]
    assert [(i.late, i.state) for i in police.items] == [(10, "10 ngày"), (0, f"Còn {SOON_DAYS} ngày")]
    assert units[0].items[0].state == "Đến hạn hôm nay" and police.overdue == 1
    # The one rule: exactly the rows deadlines.py calls overdue or due soon.
    chased = {(list_key(d.unit), d.petition) for d in plan.assignments if d.overdue or d.due_soon}
    assert {(list_key(r.unit), i.code) for r in units for i in r.items} == chased


def test_the_round_comes_from_the_log():
    from doithoai.documents.reminders import LogRow

    today = dt.date(2026, 6, 20)
    book = book_with([assignment("KN-001", don_vi="Công an phường", han_hoan_thanh=dt.date(2026, 6, 10))])
    log = [LogRow("CÔNG AN PHƯỜNG", 1, dt.date(2026, 6, 12), None, "KN-001", None, 2),
           LogRow("Công an phường", 2, dt.date(2026, 6, 16), None, "KN-001", None, 6),
           LogRow("Phòng Văn hóa - Xã hội", 5, dt.date(2026, 6, 16), None, "KN-009", None, 6)]
    (reminder,) = plan_reminders(book, plan_deadlines(book, today), log)
    assert reminder.round == 3 and reminder.earlier == [dt.date(2026, 6, 12), dt.date(2026, 6, 16)]


def test_the_answer_date_is_the_setting_or_five_working_days():
    # 28/04/2026: 30/4 and 1/5 are holidays, 2-3/5 a weekend: five working days later is 07/05/2026.
    assert DEFAULT_WORKDAYS == 5
    assert answer_date(make_book(), dt.date(2026, 4, 28)) == (dt.date(2026, 5, 7), None)
    assert answer_date(make_book(settings={"han_don_doc": dt.date(2026, 5, 20)}), dt.date(2026, 4, 28)) == \
        (dt.date(2026, 5, 20), None)
    chosen, warning = answer_date(make_book(settings={"han_don_doc": dt.date(2026, 4, 1)}), dt.date(2026, 4, 28))
    assert chosen == dt.date(2026, 5, 7) and "Hạn trả lời khi đôn đốc" in warning


def test_nothing_late_means_no_reminder_and_nothing_recorded(tmp_book, tmp_path):
    result = reminders_run(tmp_book, tmp_path, dt.date(2026, 5, 20))
    assert "reminders" not in result.files and any("chưa cần công văn đôn đốc" in w for w in result.warnings)
    assert schema.REMINDER_LOG_SHEET not in read_book(tmp_book).sheet_names


def test_a_run_of_every_document_sends_no_reminder(tmp_book, tmp_path, capsys):
    """Rerunning "all documents" to mend a typo must not record a second reminder to any unit: reminders are made only
    when named (`--kind reminders`, the command, the button)."""
    import json

    from doithoai.cli import main
    from doithoai.io.access import FileWorkbook

    assert main(["documents", str(tmp_book), "--out", str(tmp_path / "all"), "--no-pdf", "--json"]) in (0, 1)
    made = json.loads(capsys.readouterr().out)["files"]
    assert "reminders" not in made and "plan" in made and "report" in made
    assert "Nhật ký đôn đốc" not in FileWorkbook(tmp_book).read().sheet_names
    assert main(["documents", str(tmp_book), "--kind", "reminders", "--out", str(tmp_path / "one"), "--no-pdf", "--json"]) == 0
    assert "reminders" in json.loads(capsys.readouterr().out)["files"]
    assert "Nhật ký đôn đốc" in FileWorkbook(tmp_book).read().sheet_names


def test_the_log_reads_a_round_typed_in_any_digits_without_failing():
    """A round or a count of late days typed as "²" or "①" (digits to str.isdigit, not to int) is no number: the row is
    skipped or its count blank, and the log is read; a round typed "2" or 2.0 still counts."""
    header = list(schema.REMINDER_LOG_HEADER)
    rows = [header,
            ["Phòng Kinh tế", "²", dt.date(2026, 7, 1), None, "KN-001", None, "①"],
            ["Phòng Kinh tế", " 2 ", dt.date(2026, 7, 1), None, "KN-002", None, "①"],
            ["Công an phường", 1.0, dt.date(2026, 7, 1), None, "KN-003", None, 3.0]]
    log = parse_log(rows)
    assert [(r.unit, r.round, r.code, r.late) for r in log] == [
        ("Phòng Kinh tế", 2, "KN-002", None), ("Công an phường", 1, "KN-003", 3)]
