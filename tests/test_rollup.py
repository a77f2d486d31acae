"""The roll-up for the level above, checked against a generated province whose content is known."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from province import TODAY, generate_province

from doithoai.cli import main
from doithoai.core import schema
from doithoai.rollup import rollup
from doithoai.rollup.aggregate import UNCLASSIFIED, aggregate
from doithoai.rollup.unit import UnitSummary

COUNT = 12


@pytest.fixture(scope="session")
def province(tmp_path_factory):
    return generate_province(tmp_path_factory.mktemp("province") / "Tỉnh", COUNT)


@pytest.fixture(scope="session")
def rolled(province):
    return rollup(province.folder, today=TODAY, workers=2)


def _sheet(path: Path, name: str) -> tuple[list[str], list[list]]:
    """(headers, rows) of a roll-up sheet: the header is the row whose first cell is "STT" or the first header."""
    ws = openpyxl.load_workbook(path, read_only=True)[name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] in ("STT", "Loại đơn vị", "Nội dung"))
    return [str(h) for h in rows[start]], rows[start + 1 :]


def _by_unit(rows: list[list], headers: list[str]) -> dict[str, dict[str, object]]:
    return {r[1]: dict(zip(headers, r, strict=False)) for r in rows if r[1] and r[1] != "Tổng cộng"}


def test_the_generated_province_is_varied(province):
    wards = province.readable
    assert len(province.wards) == COUNT and len(province.unreadable) >= 1
    sizes = sorted(w.petitions for w in wards)
    assert sizes[0] < 30 and sizes[-1] > 100
    assert any(w.overdue for w in wards) and any(not w.held for w in wards) or len(wards) < 12
    assert {w.unit_type for w in wards} == {"Phường", "Xã"}


def test_counts_per_unit_equal_the_workbooks(province, rolled):
    assert rolled.path.exists()
    headers, rows = _sheet(rolled.path, "Kiến nghị theo đơn vị")
    table = _by_unit(rows, headers)
    assert set(table) == {w.unit for w in province.readable}
    for ward in province.readable:
        row = table[ward.unit]
        assert row["Tổng số"] == ward.petitions
        for value, count in (ward.by_field + ward.by_handling + ward.by_status).items():
            assert row[value] == count, (ward.unit, value)
        assert row[UNCLASSIFIED] in (0, None)
    total = rows[-1]
    assert total[1] == "Tổng cộng" and total[3] == sum(w.petitions for w in province.readable)


def test_conferences_and_deadlines_per_unit(province, rolled):
    headers, rows = _sheet(rolled.path, "Hội nghị")
    table = _by_unit(rows, headers)
    for ward in province.readable:
        row = table[ward.unit]
        assert row["Đại biểu có mặt"] == ward.present
        assert row["Ngày hội nghị"].date() == ward.conference
        assert row["Tình trạng"] == ("Đã tổ chức" if ward.held else "Chưa đến ngày")
        assert row["Số ngày trước hội nghị"] == ward.announce_days
        if ward.announce_days is not None:
            assert row["Thông báo trước ≥ 7 ngày"] == ("Đúng hạn" if ward.announce_days >= 7 else "Muộn")
        assert row["Số ngày sau hội nghị"] == ward.notice_days
        if ward.held and ward.conference + dt.timedelta(days=10) < TODAY and ward.notice_days is None:
            assert row["Thông báo kết quả ≤ 10 ngày"] == "Chưa có"

    headers, rows = _sheet(rolled.path, "Quá hạn theo đơn vị")
    table = _by_unit(rows, headers)
    for ward in province.readable:
        assert table[ward.unit]["Quá hạn"] == ward.overdue
        assert table[ward.unit]["Số phân công"] == ward.assignments
    headers, rows = _sheet(rolled.path, "Việc quá hạn")
    found = Counter((r[1], r[4]) for r in rows)
    assert found == Counter({(w.unit, unit): n for w in province.readable for unit, n in w.overdue_by_unit.items()})
    headers, rows = _sheet(rolled.path, "Quá hạn theo loại đơn vị")
    by_type = {r[0]: r for r in rows}
    for unit_type in ("Phường", "Xã"):
        assert by_type[unit_type][4] == sum(w.overdue for w in province.readable if w.unit_type == unit_type)


def test_matters_sent_upward_keep_their_unit(province, rolled):
    headers, rows = _sheet(rolled.path, "Kiến nghị lên cấp trên")
    found = sorted((r[1], r[3]) for r in rows)
    assert found == sorted((w.unit, code) for w in province.readable for code in w.upward)


def test_all_petitions_with_their_unit(province, rolled):
    headers, rows = _sheet(rolled.path, "Tất cả kiến nghị")
    assert headers[:4] == ["STT", "Đơn vị", "Loại", "Mã kiến nghị"]
    assert Counter(r[1] for r in rows) == Counter({w.unit: w.petitions for w in province.readable if w.petitions})


def test_an_unreadable_workbook_is_listed_and_the_rest_rolled_up(province, rolled):
    headers, rows = _sheet(rolled.path, "Sổ không đọc được")
    assert sorted(r[1] for r in rows) == sorted(w.file for w in province.unreadable)
    assert all(isinstance(r[2], str) and len(r[2]) > 20 for r in rows)
    assert len(rolled.rollup.units) == len(province.readable)


def _xml_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def test_no_personal_data_in_any_part(province, rolled):
    text = _xml_text(rolled.path)
    assert "<f>" not in text and "<f " not in text  # nothing became a formula
    for ward in province.readable:
        for phone in ward.phones:
            assert phone not in text and f"{phone[:4]} {phone[4:7]} {phone[7:]}" not in text
        for year in ward.birth_years:  # neither as text nor as a number cell (shared-string indexes are not years)
            assert not re.search(rf"<t[^>]*>{year}</t>|<c r=\"[A-Z]+\d+\"(?: s=\"\d+\")?><v>{year}</v>", text)
        for address in ward.addresses:
            assert address not in text
            assert address.split(",")[0] + "," not in text  # the house number
    assert schema.SLIPS.column("nam_sinh").header not in text
    assert re.search(r"0\d{3}\*{3}\d{3}", text)  # masked numbers from petition text are there


def test_a_second_run_gives_the_same_file_and_a_later_workbook_is_picked_up(province, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(province.folder, folder, ignore=shutil.ignore_patterns("Tổng hợp"))
    first = rollup(folder, today=TODAY, workers=2)
    saved = first.path.read_bytes()
    second = rollup(folder, today=TODAY, workers=1)
    assert second.path == first.path and second.path.read_bytes() == saved
    assert [u.unit for u in second.rollup.units] == [u.unit for u in first.rollup.units]

    later = generate_province(tmp_path / "later", 1, seed=99).wards[0]
    shutil.copyfile(tmp_path / "later" / later.file, folder / "sổ gửi muộn.xlsx")
    third = rollup(folder, today=TODAY)
    assert {u.unit for u in third.rollup.units} == {u.unit for u in first.rollup.units} | {later.unit}
    assert not any("Tổng hợp" in f.file for f in third.rollup.failures)


def test_text_that_looks_like_a_formula_stays_text(tmp_path, demo_path):
    folder = tmp_path / "wards"
    folder.mkdir()
    book = openpyxl.load_workbook(demo_path, keep_vba=True)
    ws = book[schema.PETITIONS.name]
    ws.cell(2, 7).value = '=HYPERLINK("http://x","bấm")'
    ws.cell(2, 7).data_type = "s"
    book.save(folder / "demo.xlsm")
    result = rollup(folder, today=TODAY, workers=1)
    text = _xml_text(result.path)
    assert "<f>" not in text and "HYPERLINK" in text


def test_command_line(province, tmp_path, capsys):
    out = tmp_path / "tong-hop.xlsx"
    args = ["rollup", str(province.folder), "--out", str(out), "--today", TODAY.isoformat(), "--json", "--workers", "1"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["path"] == str(out) and out.exists()
    assert {f["file"] for f in data["failures"]} == {w.file for w in province.unreadable}
    assert main(["rollup", str(tmp_path / "không có")]) == 2
    assert "Không tìm thấy thư mục" in capsys.readouterr().err
    empty = tmp_path / "trống"
    empty.mkdir()
    assert main(["rollup", str(empty)]) == 2


def _unit(name: str, petitions: list[dict]) -> UnitSummary:
    return UnitSummary(file=name + ".xlsx", unit=name, unit_type="Xã", issuer="", province="",
                       conference=None, state="", invited=0, present=0,
                       expected=None, announced=None, announce_days=None, announce_state="", notice=None, notice_days=None,
                       notice_state="", petitions=petitions)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.sampled_from(["Đất đai", "đất  đai", "ĐẤT ĐAI", "Khác"]), st.text(max_size=8)),
                         max_size=6), min_size=1, max_size=4))
def test_every_petition_is_counted_once_whatever_its_field(fields):
    units = [_unit(f"Xã {i}", [{"linh_vuc": f} for f in values]) for i, values in enumerate(fields)]
    result = aggregate(units, [], folder="x", today=TODAY)
    sheet = next(s for s in result.sheets if s.name == "Kiến nghị theo đơn vị")
    first, last = sheet.groups[0][1], sheet.groups[0][2]
    for row in sheet.rows:
        assert sum(row[first : last + 1]) == row[3]
    assert dict(result.counts["linh_vuc"]).get("Đất đai", 0) == sum(
        1 for values in fields for f in values if isinstance(f, str) and " ".join(f.split()).casefold() == "đất đai")


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".xml"))


def test_the_report_for_the_level_above(province, tmp_path):
    import docx

    folder = tmp_path / "wards"
    shutil.copytree(province.folder, folder, ignore=shutil.ignore_patterns("Tổng hợp"))
    result = rollup(folder, today=TODAY, report=True, workers=1)
    settings_file = folder / "bao-cao-cap-tren.toml"
    assert settings_file.exists() and "bao-cao-cap-tren.toml" in result.summary  # written with defaults, and said so
    document = docx.Document(str(result.report))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "BÁO CÁO" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "TỈNH HÒA BÌNH MỚI" in text
    for ward in province.readable:
        assert ward.unit in text
    assert len(document.inline_shapes) == 4  # a chart per concern
    xml = _docx_text(result.report)
    for ward in province.readable:
        for phone in ward.phones:
            assert phone not in xml and f"{phone[:4]} {phone[4:7]} {phone[7:]}" not in xml
        for address in ward.addresses:
            assert address.split(",")[0] + "," not in xml
    assert "{{" not in text and "{%" not in text
    # One truth (issue 23): the province's numbers are the sum of what each ward's own documents count (facts), and
    # the sentence's parts add up to its total.
    from doithoai.domain import facts
    from doithoai.io.access import FileWorkbook

    wards = [facts.petition_facts(FileWorkbook(folder / w.file).read()) for w in province.readable]
    total = sum(w.total.tong for w in wards)
    parts = [sum(w.count(h) for w in wards) for h in facts.CLASS_ORDER]
    stated = re.search(r"Tổng số ý kiến, kiến nghị: (\d+), trong đó: trả lời tại hội nghị (\d+); kiểm tra, trả lời sau "
                       r"(\d+); ghi nhận, báo cáo cấp trên (\d+)(?:; chưa phân loại hình thức xử lý (\d+))?\. Đã trả lời "
                       r"hoặc đã giải quyết (\d+)(?:; đã chuyển cấp trên (\d+))?; chưa xử lý xong (\d+)\.", text)
    assert stated, "the roll-up's breakdown sentence"
    numbers = [int(n or 0) for n in stated.groups()]
    assert numbers[:5] == [total, *parts] and sum(numbers[1:5]) == total
    assert sum(numbers[5:]) == total and numbers[7] == sum(len(w.open) for w in wards)
    assert f"đề xuất {sum(len(w.upward) for w in wards)} kiến nghị vượt thẩm quyền" in text

    settings_file.write_text(settings_file.read_text(encoding="utf-8").replace('"Chính quyền"', '"Đảng"')
                             .replace('"ỦY BAN NHÂN DÂN"', '"BAN THƯỜNG VỤ TỈNH ỦY"'), encoding="utf-8")
    party = rollup(folder, today=TODAY, report=True, workers=1)
    party_text = "\n".join(c.text for t in docx.Document(str(party.report)).tables for row in t.rows for c in row.cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in party_text and "CỘNG HÒA XÃ HỘI" not in party_text

    settings_file.write_text('co_quan = "thiếu dấu ngoặc\n', encoding="utf-8")
    assert main(["rollup", str(folder), "--report", "--today", TODAY.isoformat()]) == 2


def test_reading_only_the_columns_the_summary_uses_changes_nothing(province, demo_path):
    """`rollup.job.COLUMNS` cuts the delegates and slips to what the summary reads: every summary (petitions
    masked with their slips' groups, attendance, counts) equals the one made from a whole read."""
    from doithoai.io.reader import read_book
    from doithoai.rollup.job import COLUMNS, TABLES, find_workbooks
    from doithoai.rollup.unit import summarize

    compared = 0
    for path in [demo_path, *find_workbooks(province.folder)]:
        try:
            whole = summarize(read_book(path, TABLES), path.name, TODAY)
        except Exception:  # the province's unreadable ones
            continue
        assert summarize(read_book(path, TABLES, columns=COLUMNS), path.name, TODAY) == whole
        compared += 1
    assert compared >= COUNT - len(province.unreadable)


def test_the_roll_up_counts_handling_classes_as_the_ward_does(demo_path, tmp_path):
    """A handling class typed off the list is "unclassified" in the ward's own report, so in the roll-up too (not a
    column of its own), and a row with neither code nor content is no petition in either."""
    from doithoai.domain import facts
    from doithoai.io.access import FileWorkbook
    from doithoai.io.writer import edit_workbook

    folder = tmp_path / "wards"
    folder.mkdir()
    ward = folder / "ward.xlsm"
    shutil.copy(demo_path, ward)
    spec = schema.TABLES_BY_KEY["kien_nghi"]

    def edit(workbook):
        sheet = workbook[spec.name]
        headers = [c.value for c in sheet[1]]
        sheet.cell(2, headers.index(spec.column("hinh_thuc_xu_ly").header) + 1, "Chờ xem xét")
        sheet.cell(sheet.max_row + 1, headers.index(spec.column("linh_vuc").header) + 1, "Đất đai")  # no code, no content

    edit_workbook(ward, edit, make_backup=False)
    own = facts.petition_facts(FileWorkbook(ward).read())
    result = rollup(folder, today=TODAY, workers=1)
    headers, rows = _sheet(result.path, "Kiến nghị theo đơn vị")
    assert "Chờ xem xét" not in headers
    row = rows[0]
    assert row[headers.index("Tổng số")] == own.total.tong
    handling = [headers.index(h) for h in facts.HANDLING_ORDER]
    assert headers[handling[-1] + 1] == UNCLASSIFIED  # the handling group's own unclassified column
    assert [row[i] for i in handling] == [own.count(h) for h in facts.HANDLING_ORDER]
    assert row[handling[-1] + 1] == own.unclassified >= 1
