"""Each document's date comes from the conference's timeline and never contradicts itself, the law or the run's own
notes (issue 23, "Dates that contradict"; doithoai/documents/dates.py)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
from collections import defaultdict

import pytest
from books import CONFERENCE, assignment, make_book, petition
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.cli import main
from doithoai.core import schema
from doithoai.documents import context as ctx
from doithoai.documents import cycle, dates
from doithoai.documents.jobs import make_documents
from doithoai.domain import facts
from doithoai.domain.deadlines import plan_deadlines
from doithoai.domain.kinds import KINDS
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from tests.docx_reading import text

AFTER = dt.date(2026, 11, 30)  # long after the demo's conference (12/6/2026): documents made late
SHOWN = "%d/%m/%Y"
PLACE_DATE = re.compile(r"Tứ Minh, ngày (\d\d) tháng (\d\d?) năm (\d{4})")
# Every name a run has used for a kind when it states its date (the announcement had two).
NAMES = {kind: (spec.title,) for kind, spec in KINDS.items()} | {"announcement": ("Thông báo tổ chức hội nghị",
                                                                                  "Thông báo công khai")}


def day(offset: int) -> dt.date:
    return CONFERENCE + dt.timedelta(offset)


def printed(path) -> dt.date:
    """The date on a document's place-date line ("Tứ Minh, ngày 26 tháng 5 năm 2026")."""
    found = PLACE_DATE.search(text(path))
    assert found, path
    return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))


def said(messages: list[str]) -> dict[str, set[dt.date]]:
    """kind -> every date the run's messages say it carries ("Giấy mời ghi ngày …", "Thông báo … (ngày …)")."""
    dated: dict[str, set[dt.date]] = defaultdict(set)
    for kind, names in NAMES.items():
        if kind == "letters":  # each letter has its own date (the day its answer existed)
            continue
        pattern = re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?: ghi ngày| \(ngày) (\d\d/\d\d/\d{4})")
        for message in messages:
            for found in pattern.finditer(message):
                dated[kind].add(dt.datetime.strptime(found.group(1), SHOWN).date())
    return dated


def messages(result) -> list[str]:
    return [*result.lines, *result.warnings, *refused(result).values()]


def refused(result) -> dict[str, str]:
    return getattr(result, "refused", {})  # (a run before refusals existed refused nothing)


def timeline_rows(**days: int) -> list[dict]:
    """The default timeline (`schema.DEFAULT_MILESTONES`), with some rows' `Số ngày` changed: {name start: days}."""
    rows = []
    for values in schema.DEFAULT_MILESTONES:
        row = dict(zip(schema.MILESTONE_KEYS, values, strict=True))
        for start, count in days.items():
            if row["moc"].startswith(start):
                row["so_ngay"] = count
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def late_run(tmp_path_factory, demo_path):
    """Every kind made on the demo long after its conference, without --date."""
    folder = tmp_path_factory.mktemp("late")
    book = folder / "book.xlsm"
    shutil.copyfile(demo_path, book)
    return book, make_documents(FileWorkbook(book), pdf=False, write=False, today=AFTER)


# --------------------------------------------------------------------------------------------------
# The memo


def test_the_memo_made_after_the_conference_is_dated_its_assignment_day(late_run):
    path, result = late_run
    book = read_book(path)
    memo = printed(result.files["memo"])
    assigned = max(r.get("ngay_giao") for r in book.assignments if r.get("ngay_giao"))
    assert memo == assigned != AFTER
    # It asks for answers "trước hạn nêu trên": every deadline it lists is on or after its own date.
    listed = {r.row for r in book.assignments if r.get("ma_kien_nghi") and r.get("don_vi")}
    dues = [a.due for a in plan_deadlines(book, AFTER).assignments if a.row in listed and a.due]
    assert dues and memo <= min(dues)
    assert "trước hạn nêu trên" in text(result.files["memo"])
    assert f"Công văn phân công ghi ngày {memo:{SHOWN}}" in "\n".join(result.lines)


def test_the_memo_takes_the_latest_assignment_day_then_its_milestone():
    rows = [petition(1), petition(2)]
    book = make_book({"kien_nghi": rows, "moc_thoi_gian": timeline_rows(), "phan_cong": [
        assignment("KN-001", ngay_giao=dt.date(2026, 5, 22)), assignment("KN-002", ngay_giao=dt.date(2026, 5, 25))]},
        settings={"so_ngay_giai_quyet": 8})
    choice = dates.choose("memo", dates.timeline(book, AFTER))
    assert choice.date == dt.date(2026, 5, 25) and "ngày giao việc muộn nhất" in choice.note
    # A date after a deadline the memo lists is refused, naming the petition; one before the last assignment too.
    refused = dates.choose("memo", dates.timeline(book, AFTER), AFTER).refused
    assert refused and "KN-001" in refused and "--force-date" in refused
    assert dates.choose("memo", dates.timeline(book, AFTER), dt.date(2026, 5, 23)).refused
    assert dates.choose("memo", dates.timeline(book, AFTER), dt.date(2026, 5, 27)).refused is None

    undated = make_book({"kien_nghi": rows, "moc_thoi_gian": timeline_rows(),
                         "phan_cong": [assignment("KN-001", ngay_giao=None)]})
    choice = dates.choose("memo", dates.timeline(undated, AFTER))
    # "Thu phiếu…" is 21 days before (22/5, a Friday); the memo's row 2 working days after it.
    assert choice.date == dt.date(2026, 5, 26)
    assert "Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công" in choice.note


# --------------------------------------------------------------------------------------------------
# --date outside a window: refused, or made with --force-date


def test_a_date_after_the_conference_refuses_invitations_agenda_and_signin(tmp_book, tmp_path, capsys):
    kinds = ["--kind", "invitations", "--kind", "agenda", "--kind", "signin", "--kind", "report_upward"]
    argv = ["documents", str(tmp_book), *kinds, "--date", "2026-11-30", "--no-pdf", "--no-write", "--json"]
    assert main([*argv, "--out", str(tmp_path / "refused")]) == 1
    out = json.loads(capsys.readouterr().out)
    assert set(out["refused"]) == {"invitations", "agenda", "signin"} and list(out["files"]) == ["report_upward"]
    assert ("Không tạo giấy mời: ngày 30/11/2026 muộn hơn ngày 11/06/2026 (hội nghị ngày 12/06/2026: giấy mời phải phát "
            "hành trước ngày hội nghị)") in out["refused"]["invitations"]
    assert "danh sách ký tên lập trước hoặc trong ngày hội nghị" in out["refused"]["signin"]
    assert all("--force-date" in why for why in out["refused"].values())

    assert main([*argv, "--out", str(tmp_path / "forced"), "--force-date"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sorted(out["files"]) == ["agenda", "invitations", "report_upward", "signin"] and out["refused"] == {}
    assert {printed(path) for path in out["files"].values()} == {AFTER}
    for name in ("Giấy mời", "Chương trình hội nghị", "Danh sách đại biểu ký tên"):
        assert any(w.startswith(f"{name} ghi ngày 30/11/2026, muộn hơn") for w in out["warnings"]), name


def test_when_every_kind_is_refused_nothing_is_written(tmp_book, tmp_path, capsys):
    before = tmp_book.read_bytes()
    out = tmp_path / "out"
    assert main(["documents", str(tmp_book), "--kind", "announcement", "--date", "2026-06-09", "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert "Không tạo thông báo tổ chức hội nghị: ngày 09/06/2026 muộn hơn ngày 05/06/2026" in error
    assert "Điều 43" in error
    assert not out.exists() or not any(out.rglob("*.docx"))
    assert tmp_book.read_bytes() == before


# --------------------------------------------------------------------------------------------------
# One date per document in a run


@pytest.mark.parametrize("given, force", [(None, False), (dt.date(2026, 6, 3), False), (AFTER, False),
                                          (dt.date(2026, 6, 1), True), (AFTER, True)])
def test_a_run_states_one_date_per_document_and_the_document_carries_it(tmp_book, tmp_path, given, force):
    forced = {"force_date": True} if force else {}
    result = make_documents(FileWorkbook(tmp_book), out=tmp_path, pdf=False, write=False, today=AFTER, date=given, **forced)
    dated = said(messages(result))
    assert {kind: days for kind, days in dated.items() if len(days) > 1} == {}  # no kind said to carry two dates
    for kind, path in result.files.items():
        if kind in ("slips", "letters"):
            continue
        assert dated[kind] == {printed(path)}, (kind, dated[kind])
    for kind in refused(result):
        assert kind not in result.files and dated[kind] == set()
    if "announcement" in result.files:
        (loudspeaker,) = [path for path in result.texts if "doc tren loa" in path.name]
        assert f"thông báo ngày {printed(result.files['announcement']):{SHOWN}}" in loudspeaker.read_text("utf-8-sig")


def test_the_announcement_is_never_moved():
    book = make_book({"moc_thoi_gian": timeline_rows()})
    line = dates.timeline(book, AFTER)
    assert dates.choose("announcement", line, day(-9)).date == day(-9)  # inside its window: as given
    refused = dates.choose("announcement", line, day(-3)).refused
    assert refused and "ít nhất 7 ngày trước ngày hội nghị" in refused and "Điều 43" in refused
    forced = dates.choose("announcement", line, day(-3), force=True)
    assert forced.date == day(-3) and forced.warning and said([forced.note, forced.warning])["announcement"] == {day(-3)}
    context = cycle.announcement_context(book, day(-3), ctx.Notes())
    assert context["ngay_thong_bao"] == day(-3).strftime(SHOWN)
    # A milestone typed too late (3 days before) is not followed past the law: the window's last day, and said so.
    late = dates.choose("announcement", dates.timeline(make_book({"moc_thoi_gian": timeline_rows(**{"Thông báo công": -3})}),
                                                       AFTER))
    assert late.date == day(-7) and "09/06/2026" in late.note and "Điều 43" in late.note
    assert said([late.note])["announcement"] == {day(-7)}


# --------------------------------------------------------------------------------------------------
# Defaults from the timeline


def test_the_notice_defaults_into_its_window():
    def notice(rows, today=AFTER):
        return dates.choose("notice", dates.timeline(make_book({"moc_thoi_gian": rows}), today))

    assert notice(timeline_rows()).date == day(10)  # "Thông báo kết quả hội nghị…": 10 days after
    assert notice(timeline_rows(), today=day(1)).date == day(10)  # whatever today is
    assert notice(timeline_rows(**{"Thông báo kết quả": 4})).date == day(4)
    moved = notice(timeline_rows(**{"Thông báo kết quả": 20}))
    assert moved.date == day(10) and "02/07/2026" in moved.note and "10 ngày" in moved.note
    assert notice([]).date == day(3)  # no milestone: the offset the plan would use
    done = timeline_rows()
    next(r for r in done if r["moc"].startswith("Thông báo kết quả"))["ngay_hoan_thanh"] = day(5)
    assert notice(done).date == day(5)  # done on that day: the paper says so


@pytest.mark.parametrize("kind, row", [("invitations", "Phát hành giấy mời"), ("agenda", "Phát hành giấy mời"),
                                       ("announcement", "Thông báo công khai"), ("signin", "Tổ chức hội nghị"),
                                       ("minutes", "Tổ chức hội nghị"), ("notice", "Thông báo kết quả")])
def test_the_demo_s_documents_carry_their_milestone_dates(late_run, kind, row):
    path, result = late_run
    book = read_book(path)
    milestone = next(m for m in plan_deadlines(book, AFTER).milestones if m.name.startswith(row))
    assert printed(result.files[kind]) == (milestone.done or milestone.due)


def test_the_report_upward_is_dated_on_its_milestone_or_today_and_counts_as_of_now():
    book = make_book({"kien_nghi": [petition(1, hinh_thuc_xu_ly=schema.HANDLING_LATER)], "moc_thoi_gian": timeline_rows(),
                      "phan_cong": [assignment("KN-001", ngay_giao=dt.date(2026, 6, 13), han_hoan_thanh=dt.date(2026, 6, 19),
                                               ngay_hoan_thanh=dt.date(2026, 6, 25))]})
    # The notice's row is 22/6; the report upward's 5 working days after it.
    early = dates.choose("report_upward", dates.timeline(book, day(8)))
    assert early.date == dt.date(2026, 6, 29) and "hạn của mốc" in early.note
    late = dates.choose("report_upward", dates.timeline(book, AFTER))
    assert late.date == AFTER and "sau hạn 29/06/2026" in late.note
    # Dated ahead on its milestone, it states what is known today (20/6): the assignment done on 25/6 is still overdue.
    context = cycle.report_upward_context(book, early.date, ctx.Notes(), today=day(8))
    assert context["ngay_bao_cao"] == "20/06/2026"
    assert context["theo_doi"][-1] | {"ten": ""} == {"ten": "", "giao": 1, "xong": 0, "trong_han": 0, "qua_han": 1}
    context = cycle.report_upward_context(book, AFTER, ctx.Notes(), today=AFTER)
    assert context["theo_doi"][-1]["xong"] == 1


# --------------------------------------------------------------------------------------------------
# One rule recognises the timeline's rows, for the documents and the roll-up


def test_one_rule_names_each_kind_s_row_of_the_default_timeline():
    rows = timeline_rows()
    expected = {"memo": "Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công",
                "report": "Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công",
                "invitations": "Phát hành giấy mời, chuẩn bị điều kiện tổ chức hội nghị",
                "agenda": "Phát hành giấy mời, chuẩn bị điều kiện tổ chức hội nghị",
                "announcement": "Thông báo công khai thời gian, địa điểm, nội dung đối thoại",
                "signin": "Tổ chức hội nghị đối thoại", "minutes": "Tổ chức hội nghị đối thoại",
                "conference": "Tổ chức hội nghị đối thoại",
                "notice": "Thông báo kết quả hội nghị đến các khu dân cư",
                "report_upward": "Báo cáo kết quả tổ chức hội nghị lên cấp trên"}
    for kind, name in expected.items():
        found = facts.milestone_of(kind, rows)
        assert found is not None and found["moc"] == name, kind
    # Renamed by the office, without accents and in capitals: still recognised.
    assert facts.milestone_of("invitations", [{"moc": "GUI GIAY MOI DAI BIEU", "can_cu": "Ngày hội nghị", "so_ngay": -5}])


def test_the_roll_up_does_not_take_the_invitations_row_for_the_conference():
    from doithoai.rollup.unit import NOT_YET, summarize

    rows = timeline_rows()
    next(r for r in rows if r["moc"].startswith("Phát hành giấy mời"))["ngay_hoan_thanh"] = dt.date(2026, 6, 5)
    book = make_book({"moc_thoi_gian": rows})
    assert summarize(book, "so.xlsm", dt.date(2026, 6, 8)).state == NOT_YET  # invitations sent; not held yet


# --------------------------------------------------------------------------------------------------
# Every choice, every given date: what is made carries what is said


@functools.cache
def _line() -> dates.Timeline:
    return dates.timeline(make_book({"moc_thoi_gian": timeline_rows(), "kien_nghi": [petition(1)],
                                     "phan_cong": [assignment("KN-001")]}, settings={"so_ngay_giai_quyet": 8}), AFTER)


_DATED = [kind for kind in KINDS if kind != "slips"]  # the slip form's date is the citizen's to fill in


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(_DATED), offset=st.one_of(st.none(), st.integers(-60, 200)), force=st.booleans())
def test_a_choice_is_made_where_it_fits_refused_where_not_and_says_its_one_date(kind, offset, force):
    line = _line()
    chosen = day(offset) if offset is not None else None
    choice = dates.choose(kind, line, chosen, force)
    wrong = dates.problem(kind, line, chosen) if chosen is not None else None
    if kind in line.issued:  # the plan bears the date `Kế hoạch` says it was issued, whatever the run is given
        issued = line.issued[kind]
        assert choice.date == issued and choice.refused is None
        assert (choice.warning is not None) == (dates.problem(kind, line, issued) is not None)
        assert said([choice.note, choice.warning or ""])[kind] == {issued}
        return
    if choice.refused:
        assert chosen is not None and wrong and not force and not choice.note
        return
    if chosen is not None:
        assert choice.date == chosen and (choice.warning is not None) == (wrong is not None)
    else:
        assert dates.problem(kind, line, choice.date) is None and choice.warning is None
    if kind != "letters":
        assert said([choice.note, choice.warning or ""])[kind] == {choice.date}


def test_force_date_without_a_date_is_refused_before_anything_is_made(tmp_book, tmp_path, capsys):
    """--force-date alone would do nothing: the run says so (exit 2) instead of ignoring it, and makes nothing."""
    assert main(["documents", str(tmp_book), "--kind", "memo", "--out", str(tmp_path / "out"), "--no-pdf",
                 "--force-date"]) == 2
    assert "--force-date chỉ dùng cùng --date" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
