"""Deadlines on the sample workbook: seed 000's own dates, statuses, typed due dates kept, bad rows."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from doithoai.cli import main
from doithoai.core import schema
from doithoai.domain.deadlines import compute_deadlines, plan_deadlines, status_text
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book

D = dt.date
SEED_000 = {  # plan 118/KH-UBND, conference 12/6/2026
    "Văn bản chỉ đạo các đơn vị báo cáo kết quả thực hiện nhiệm vụ": D(2026, 5, 18),
    "Phát phiếu đăng ký phát biểu tới Nhân dân": D(2026, 5, 18),
    "Thu phiếu đăng ký phát biểu về Văn phòng": D(2026, 5, 22),
    "Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công": D(2026, 5, 26),
    "Các đơn vị báo cáo kết quả thực hiện nhiệm vụ": D(2026, 6, 2),
    "Các đơn vị tham mưu văn bản trả lời kiến nghị": D(2026, 6, 5),
    "Phát hành giấy mời, chuẩn bị điều kiện tổ chức hội nghị": D(2026, 6, 5),
    "Thông báo công khai thời gian, địa điểm, nội dung đối thoại": D(2026, 6, 5),
    "Chuẩn bị địa điểm, cơ sở vật chất nhà văn hóa": D(2026, 6, 10),
    "Tổ chức hội nghị đối thoại": D(2026, 6, 12),
    "Thông báo kết quả hội nghị đến Tổ trưởng tổ dân phố": D(2026, 6, 22),
}


def test_seed_000_dates(demo_path):
    plan = plan_deadlines(read_book(demo_path), D(2026, 6, 1))
    due = {m.name: m.due for m in plan.milestones}
    for name, expected in SEED_000.items():
        assert due[name] == expected, name
    assert plan.findings == []
    conference = D(2026, 6, 12)
    assert (conference - due["Thông báo công khai thời gian, địa điểm, nội dung đối thoại"]).days >= 7
    assert (due["Thông báo kết quả hội nghị đến Tổ trưởng tổ dân phố"] - conference).days <= 10


@pytest.mark.parametrize("due, done, today, expected", [
    (D(2026, 6, 5), None, D(2026, 6, 5), ("Đến hạn hôm nay", 0)),
    (D(2026, 6, 5), None, D(2026, 6, 2), ("Còn 3 ngày", 3)),
    (D(2026, 6, 5), None, D(2026, 6, 8), ("Quá hạn 3 ngày", -3)),
    (D(2026, 6, 5), D(2026, 6, 4), D(2026, 6, 8), ("Đã hoàn thành", None)),
    (D(2026, 6, 5), D(2026, 6, 7), D(2026, 6, 8), ("Hoàn thành trễ 2 ngày", None)),
    (None, None, D(2026, 6, 8), ("", None)),
])
def test_status_text(due, done, today, expected):
    assert status_text(due, done, today) == expected


def test_write_keeps_typed_due_dates_and_recomputes_its_own(tmp_book):
    book = read_book(tmp_book)
    first, second = book.assignments.records[:2]
    wb = openpyxl.load_workbook(tmp_book, keep_vba=True)
    ws = wb["Phân công"]
    ws.cell(first.row, book.assignments.columns["han_hoan_thanh"]).value = dt.datetime(2026, 7, 1)  # typed by a person
    wb.save(tmp_book)
    compute_deadlines(FileWorkbook(tmp_book), today=D(2026, 6, 1))
    after = read_book(tmp_book)
    a1, a2 = after.assignments.records[:2]
    assert a1["han_hoan_thanh"] == D(2026, 7, 1) and a1["han_tu_tinh"] is None
    workdays = after.settings["so_ngay_giai_quyet"]
    from doithoai.core.workdays import WorkCalendar

    expected = WorkCalendar().add_working_days(a2["ngay_giao"], workdays)
    assert a2["han_hoan_thanh"] == expected == a2["han_tu_tinh"]
    # The person moves the assignment date: the tool's due date follows.
    wb = openpyxl.load_workbook(tmp_book, keep_vba=True)
    wb["Phân công"].cell(second.row, after.assignments.columns["ngay_giao"]).value = dt.datetime(2026, 6, 1)
    wb.save(tmp_book)
    compute_deadlines(FileWorkbook(tmp_book), today=D(2026, 6, 1))
    moved = read_book(tmp_book).assignments.records[1]
    assert moved["han_hoan_thanh"] == WorkCalendar().add_working_days(D(2026, 6, 1), workdays)
    assert read_book(tmp_book).assignments.records[0]["han_hoan_thanh"] == D(2026, 7, 1)
    milestone = read_book(tmp_book).milestones.records[0]
    # The sample marks its early milestones done (its timeline as of a week after the conference).
    assert milestone["han"] == D(2026, 5, 18)
    assert milestone["tinh_trang"].startswith("Đã hoàn thành" if milestone["ngay_hoan_thanh"] else "Quá hạn")
    progress = [r["tien_do"] for r in read_book(tmp_book).petitions]
    assert "Đã hoàn thành" in progress and "Chưa phân công" in progress or any(p and "đơn vị" in p for p in progress)
    rules = [r.formula[0] for cf in openpyxl.load_workbook(tmp_book)["Phân công"].conditional_formatting for r in cf.rules]
    assert sum("doithoai-deadline" in f for f in rules) == 2  # a re-run replaced, not added


def _set_milestones(path, rows):
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb["Mốc thời gian"]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value
    wb.save(path)


def test_bad_milestones_each_give_a_finding_and_the_rest_compute(tmp_book):
    _set_milestones(tmp_book, [
        ("Tự tham chiếu", "Tự tham chiếu", 1, schema.DAYS_CALENDAR),
        ("Vòng A", "Vòng B", 1, schema.DAYS_CALENDAR),
        ("Vòng B", "Vòng A", 1, schema.DAYS_CALENDAR),
        ("Tên lạ", "Không có mốc này", 1, schema.DAYS_CALENDAR),
        ("Số ngày chữ", schema.BASE_CONFERENCE, "bảy", schema.DAYS_CALENDAR),
        ("Loại lạ", schema.BASE_CONFERENCE, -7, "Ngày âm lịch"),
        ("Bình thường", schema.BASE_CONFERENCE, -7, schema.DAYS_CALENDAR),
    ])
    plan = plan_deadlines(read_book(tmp_book), D(2026, 6, 1))
    codes = {(f.cell, f.code) for f in plan.findings}
    assert ("B2", "base_cycle") in codes
    assert ("B3", "base_cycle") in codes or ("B4", "base_cycle") in codes
    assert ("B5", "base_unknown") in codes
    assert ("C6", "days_not_number") in codes
    assert ("D7", "unknown_day_kind") in codes
    due = {m.name: m.due for m in plan.milestones}
    assert due["Bình thường"] == D(2026, 6, 5)


def test_missing_conference_date(tmp_book):
    wb = openpyxl.load_workbook(tmp_book, keep_vba=True)
    ws = wb["Kế hoạch"]
    row = next(c.row for c in ws["A"] if c.value == schema.SETTINGS_BY_KEY["ngay_hoi_nghi"].label)
    ws.cell(row, 2).value = "Quý III/2026"
    timeline = wb[schema.MILESTONES.name]  # planning stage: nothing done yet (the sample has its early milestones done)
    done = next(c.column for c in timeline[1] if c.value == schema.MILESTONES.column("ngay_hoan_thanh").header)
    for line in range(2, timeline.max_row + 1):
        timeline.cell(line, done).value = None
    wb.save(tmp_book)
    plan = plan_deadlines(read_book(tmp_book), D(2026, 6, 1))
    [finding] = [f for f in plan.findings if f.code == "conference_date_pending"]
    assert finding.cell == f"B{row}" and "Quý III/2026" in finding.message and "Tổ chức hội nghị đối thoại" in finding.message
    assert [f for f in plan.findings if f.code == "base_date_missing"] == []  # one warning, not one error per milestone
    due = {m.name: m.due for m in plan.milestones}
    status = {m.name: m.status for m in plan.milestones}
    assert due["Văn bản chỉ đạo các đơn vị báo cáo kết quả thực hiện nhiệm vụ"] == D(2026, 5, 18)  # plan-date based
    assert due["Tổ chức hội nghị đối thoại"] is None and status["Tổ chức hội nghị đối thoại"] == "Chờ ngày hội nghị"
    # Chained on a milestone that waits: waits too.
    assert status["Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công"] == "Chờ ngày hội nghị"
    assert main(["deadlines", str(tmp_book), "--no-write"]) == 0


def test_cli_json(tmp_book, capsys):
    assert main(["deadlines", str(tmp_book), "--today", "2026-06-03", "--json", "--no-write"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"milestones", "assignments"}
    assert data["milestones"][0] == {"name": "Văn bản chỉ đạo các đơn vị báo cáo kết quả thực hiện nhiệm vụ",
                                     "due": "2026-05-18", "status": "Đã hoàn thành", "days_left": None}  # done 18/5
    assert any(m["status"].startswith("Quá hạn") or m["days_left"] is not None for m in data["milestones"])
    assert set(data["assignments"][0]) == {"petition", "unit", "due", "status", "days_left"}


def test_ics_parses_with_an_independent_reader(tmp_book, tmp_path):
    import icalendar

    out = tmp_path / "lich.ics"
    assert main(["calendar", str(tmp_book), "--out", str(out)]) == 0
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = [e for e in calendar.walk("VEVENT")]
    summaries = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
    assert summaries["Hạn: Thông báo kết quả hội nghị đến Tổ trưởng tổ dân phố"] == D(2026, 6, 22)
    assert len({str(e["UID"]) for e in events}) == len(events)
    raw = out.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
