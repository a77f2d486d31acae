"""One rule per question, in every engine (issue 23, "One truth per conference").

Which petitions are still open, which assignment belongs to which petition, who is the same person, which number the
next answer letter takes: decided once (`facts`, `keys`) and asked the same way by the carry-over to the next
conference (`new --from`), intake, the secretary's sheet and the letters. Validation says, at the cell, what the
documents will do with a petition that has no handling class or a competence that contradicts it.

Every test runs on a real workbook (.xlsx/.xlsm written by the builder, read back by the reader).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from books import make_book, petition
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.book.builder import build_workbook
from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.keys import code_key
from doithoai.documents.jobs import make_documents
from doithoai.documents.letters import plan_letters
from doithoai.domain import facts
from doithoai.domain.carry import carry_over
from doithoai.io.access import FileWorkbook
from doithoai.io.conference_sheet import SPEAKERS
from doithoai.io.reader import read_book
from doithoai.io.writer import edit_workbook
from doithoai.validation.jobs import validate
from doithoai.workflows.conference import prepare_sheet, record_floor
from doithoai.workflows.intake import ROWS_SHEET, intake, write_intake_forms
from doithoai.workflows.sample import sample_conference
from tests.docx_reading import text as docx_text

TODAY = dt.date(2026, 6, 20)
NOW = dt.datetime(2026, 6, 20, 9, 30)
AT, LATER, UPWARD = schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD
LOCAL, UPPER = schema.COMPETENCE_LOCAL, schema.COMPETENCE_UPPER
FIELD = "Hạ tầng, giao thông"
UNIT = schema.lookup("don_vi").values[0]


def _petition(code: str, person: str, text: str, **values) -> dict:
    return {"ma_kien_nghi": code, "nguon": schema.SOURCE_MTTQ, "nguoi_kien_nghi": person, "dia_chi": "Tổ dân phố số 3",
            "linh_vuc": FIELD, "noi_dung": text, "tham_quyen": LOCAL, "hinh_thuc_xu_ly": LATER, **values}


def _book(path: Path, petitions: list[dict], assignments: list[dict] = (), **settings) -> Path:
    sample = sample_conference()
    build_workbook(path, {"settings": {**sample.settings, **settings},
                          "tables": {"kien_nghi": petitions, "phan_cong": list(assignments), "phieu": []},
                          "calendar": sample.calendar})
    return path


# --------------------------------------------------------------------------------------------------
# Still open, and whose assignment: the carry-over to the next conference


def test_new_from_carries_an_assignment_typed_kn_001_and_a_petition_dang_xu_ly(tmp_path, capsys):
    old = _book(tmp_path / "thang-6.xlsx", [
        _petition("KN-001", "Nguyễn Văn An", "Đề nghị sửa mặt đường ngõ 12 bị sụt lún.", trang_thai="Dang xu ly"),
        _petition("KN-002", "Trần Thị Bình", "Đề nghị lắp đèn chiếu sáng ngõ 14.", trang_thai="da tra loi",
                  noi_dung_tra_loi="Đã lắp xong."),
        _petition("KN-003", "Lê Văn Cường", "Đề nghị nạo vét cống ngõ 16.", trang_thai=None),
    ], [
        {"ma_kien_nghi": "kn-001", "don_vi": UNIT, "vai_tro": schema.ROLE_LEAD, "ngay_giao": dt.date(2026, 6, 15)},
        {"ma_kien_nghi": "KN - 003", "don_vi": UNIT, "vai_tro": schema.ROLE_LEAD, "ngay_giao": dt.date(2026, 6, 15)},
        {"ma_kien_nghi": "kn-002", "don_vi": UNIT, "vai_tro": schema.ROLE_LEAD, "ngay_giao": dt.date(2026, 6, 15)},
    ])
    # `validate` links the assignment typed "kn-001" to petition KN-001: carrying over must agree.
    links = [f for f in validate(FileWorkbook(old), write=False, today=TODAY).findings if f.code == "petition_missing"]
    assert links == []

    new = tmp_path / "thang-11.xlsm"
    assert main(["new", str(new), "--from", str(old)]) == 0
    capsys.readouterr()
    book = read_book(new)
    carried = [code_key(r.get("ma_kien_nghi")) for r in book.petitions]
    assert carried == ["kn-001", "kn-003"]  # "Dang xu ly" is "Đang xử lý", still open; no status is open too
    assert [code_key(r.get("ma_kien_nghi")) for r in book.assignments] == ["kn-001", "kn-003"]
    assert all(facts.is_open(r) for r in book.petitions)


# --------------------------------------------------------------------------------------------------
# The same person: intake and the secretary's sheet


ROADS = "Đề nghị phường sớm sửa chữa mặt đường ngõ chợ bị sụt lún nhiều chỗ gây nguy hiểm cho người đi xe máy."
ASKED_AGAIN = "Đề nghị phường sớm sửa chữa mặt đường ngõ chợ bị sụt lún, bao giờ thì làm xong?"
LIGHTS = "Đề nghị lắp thêm đèn chiếu sáng tại đoạn đường từ cổng trường tiểu học đến chợ, buổi tối rất tối."
LIGHTS_AGAIN = "Đề nghị lắp thêm đèn chiếu sáng đoạn đường từ cổng trường tiểu học đến chợ, khi nào làm?"


def test_the_intake_rows_are_similar_but_not_near_duplicates():
    """The premise of the intake test: the same person asking this would be "much the same", anyone else not."""
    from doithoai.validation.duplicates import SIMILARITY, WordKeys, _jaccard
    from doithoai.workflows.intake import SAME_PERSON_SIMILARITY

    keys = WordKeys()
    for earlier, later in ((ROADS, ASKED_AGAIN), (LIGHTS, LIGHTS_AGAIN)):
        assert SAME_PERSON_SIMILARITY <= _jaccard(keys.words(earlier), keys.words(later)) < SIMILARITY


def test_intake_keeps_hung_and_hung_apart_and_hoa_as_one(tmp_path):
    path = _book(tmp_path / "so.xlsx", [_petition("KN-001", "Nguyễn Văn Hùng", ROADS),
                                        _petition("KN-002", "Lê Thị Hòa", LIGHTS)])
    organisation = "Hội Cựu chiến binh phường Tứ Minh"
    form = write_intake_forms(FileWorkbook(path), [organisation], now=NOW).files[0]
    workbook = openpyxl.load_workbook(form)
    sheet = workbook[ROWS_SHEET]
    for row, values in enumerate([(1, "Nguyễn Văn Hưng", None, FIELD, ASKED_AGAIN),  # another man, the same question
                                  (2, "LÊ THỊ HOÀ", None, FIELD, LIGHTS_AGAIN)], 2):  # Hòa again, old tone placement
        for column, value in enumerate(values, 1):
            sheet.cell(row=row, column=column, value=value)
    filled = tmp_path / "tra-ve.xlsx"
    workbook.save(filled)

    result = intake(FileWorkbook(path), filled)
    assert [(o.form_row, o.code) for o in result.plan.added] == [(2, "KN-003")]
    assert [(o.form_row, o.code) for o in result.plan.duplicates] == [(3, "KN-002")]
    assert "cùng người nêu" in result.plan.duplicates[0].reason
    added = read_book(path).petitions.records[-1]
    assert added.get("noi_dung") == ASKED_AGAIN and "Nguyễn Văn Hưng" in added.get("dia_chi")


def _floor(path: Path, speakers: list[tuple[str, str]]) -> None:
    """The secretary writes floor speakers (name, question) on the prepared sheet."""
    day = read_book(path).conference
    rows = [row for row, values in day.rows if not values.get("ma_phieu")]
    column = {key: index for index, (key, _) in enumerate(SPEAKERS, 1)}

    def edit(workbook):
        sheet = workbook[schema.CONFERENCE_SHEET]
        for position, (name, question) in enumerate(speakers):
            for key, value in (("thu_tu", position + 1), ("ho_ten", name), ("cau_hoi", question)):
                sheet.cell(row=rows[position], column=column[key]).value = value

    edit_workbook(path, edit, make_backup=False)


def test_conference_sheet_keeps_hung_and_hung_apart_and_hoa_as_one(tmp_path):
    question = "Đề nghị cho biết bao giờ sửa xong cống thoát nước ngõ chợ?"
    path = _book(tmp_path / "so.xlsx", [
        _petition("KN-001", "Lê Thị Hòa", LIGHTS, nguon=schema.SOURCE_FLOOR, hinh_thuc_xu_ly=None),
    ])
    prepare_sheet(FileWorkbook(path), date=dt.date(2026, 6, 10))
    _floor(path, [("Nguyễn Văn Hùng", question), ("Nguyễn Văn Hưng", question), ("Lê Thị Hoà", LIGHTS)])

    result = record_floor(FileWorkbook(path))
    assert [(code, s.values["ho_ten"]) for code, s in result.added] == [("KN-002", "Nguyễn Văn Hùng"),
                                                                        ("KN-003", "Nguyễn Văn Hưng")]
    assert [s.values["ho_ten"] for s in result.already] == ["Lê Thị Hoà"]  # recorded before as "Lê Thị Hòa"
    people = [r.get("nguoi_kien_nghi") for r in read_book(path).petitions]
    assert people == ["Lê Thị Hòa", "Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]
    assert not record_floor(FileWorkbook(path)).added  # a second run adds nothing


def test_a_floor_speaker_without_a_name_is_recorded_once(tmp_path):
    path = _book(tmp_path / "so.xlsx", [_petition("KN-001", "Lê Thị Hòa", LIGHTS)])
    prepare_sheet(FileWorkbook(path), date=dt.date(2026, 6, 10))
    _floor(path, [("", "Đề nghị cho biết kế hoạch nâng cấp nhà văn hóa tổ dân phố số 3.")])
    assert len(record_floor(FileWorkbook(path)).added) == 1
    again = record_floor(FileWorkbook(path))
    assert not again.added and len(again.already) == 1


# --------------------------------------------------------------------------------------------------
# Validation at the cell


def _kiem_tra(path: Path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path)[schema.CHECK_SHEET]
    return [tuple(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_validation_flags_a_petition_without_a_handling_class_at_its_cell(tmp_path):
    path = tmp_path / "so.xlsx"
    sample = sample_conference()
    own = "Chuyển cơ quan khác"  # a class the office added to its own list: allowed there, but no report counts it
    build_workbook(path, {"settings": sample.settings, "calendar": sample.calendar,
                          "lists": {"hinh_thuc_xu_ly": (AT, LATER, UPWARD, own)},
                          "tables": {"phieu": [], "kien_nghi": [
        _petition("KN-001", "Nguyễn Văn An", "Đề nghị sửa mặt đường ngõ 12."),
        _petition("KN-002", "Trần Thị Bình", "Đề nghị lắp đèn ngõ 14.", hinh_thuc_xu_ly=None),
        _petition("KN-003", "Lê Văn Cường", "Đề nghị nạo vét cống ngõ 16.", hinh_thuc_xu_ly="Chuyển đi"),
        _petition("KN-004", "Phạm Thị Dung", "Đề nghị trồng cây ngõ 18.", hinh_thuc_xu_ly="kiem tra, tra loi sau"),
        _petition("KN-005", "Vũ Văn Em", "Đề nghị xử lý rác ngõ 20.", hinh_thuc_xu_ly=own),
        {"nguon": schema.SOURCE_MTTQ},  # neither code nor content: an empty line, not a petition
    ]}})
    result = validate(FileWorkbook(path), write=True, today=TODAY)
    found = [f for f in result.findings if f.code == "handling_missing"]
    column = schema.PETITIONS.column("hinh_thuc_xu_ly").header
    assert [(f.sheet, f.column, f.cell, f.severity) for f in found] == [
        (schema.PETITIONS.name, column, "I3", "warning"), (schema.PETITIONS.name, column, "I6", "warning")]
    blank, added = found
    assert blank.message.startswith("Chưa chọn hình thức xử lý: báo cáo sẽ xếp kiến nghị này vào nhóm “Chưa phân loại”")
    assert f"“{own}”" in added.message and "“Chưa phân loại”" in added.message
    # Off the list ("Chuyển đi"): the list's own error at that cell says it, once; "kiem tra…" is a class, misspelt.
    assert [f.cell for f in result.findings if f.code == "not_in_list"] == ["I4", "I5"]
    # The `Kiểm tra` sheet lists them with their cells.
    rows = [row[1:] for row in _kiem_tra(path)]
    assert (schema.PETITIONS.name, "I3", column, 3, blank.message) in rows
    assert (schema.PETITIONS.name, "I6", column, 6, added.message) in rows
    # The documents count exactly those three as unclassified.
    assert facts.petition_facts(read_book(path)).unclassified == 3


def test_validation_flags_a_competence_that_contradicts_the_handling_at_its_cell(tmp_path):
    path = _book(tmp_path / "so.xlsx", [
        _petition("KN-001", "Nguyễn Văn An", "Đề nghị sửa mặt đường ngõ 12.", tham_quyen=UPPER, hinh_thuc_xu_ly=LATER),
        _petition("KN-002", "Trần Thị Bình", "Đề nghị lắp đèn ngõ 14.", tham_quyen=LOCAL, hinh_thuc_xu_ly=UPWARD),
        _petition("KN-003", "Lê Văn Cường", "Đề nghị quy hoạch lại khu đất.", tham_quyen=UPPER, hinh_thuc_xu_ly=UPWARD),
        _petition("KN-004", "Phạm Thị Dung", "Đề nghị trồng cây ngõ 18.", tham_quyen=LOCAL, hinh_thuc_xu_ly=AT),
    ])
    result = validate(FileWorkbook(path), write=True, today=TODAY)
    found = [f for f in result.findings if f.code == "competence_conflict"]
    column = schema.PETITIONS.column("tham_quyen").header
    assert [(f.column, f.cell, f.severity) for f in found] == [(column, "H2", "warning"), (column, "H3", "warning")]
    upper, local = found
    assert f"Thẩm quyền “{UPPER}” trái với hình thức xử lý “{LATER}”" in upper.message
    assert f"Thẩm quyền “{LOCAL}” trái với hình thức xử lý “{UPWARD}”" in local.message
    for finding in found:
        assert "các văn bản theo hình thức xử lý" in finding.message
    assert "không tính kiến nghị này là nội dung vượt thẩm quyền" in upper.message
    assert "vẫn tính kiến nghị này là nội dung vượt thẩm quyền" in local.message
    assert [row[2] for row in _kiem_tra(path) if row[3] == column] == ["H2", "H3"]
    # What the documents follow: the handling class.
    assert [r.get("ma_kien_nghi") for r in facts.petition_facts(read_book(path)).upward] == ["KN-002", "KN-003"]


# --------------------------------------------------------------------------------------------------
# The next letter number


ODD_NUMBERS = ["148/UBND-VP", " 149 / ubnd-vp ", "Số: 151/UBND-VP", "152", "45/BC-UBND", None]


def test_letters_and_new_from_agree_on_the_next_letter_number(tmp_path, capsys):
    """Numbers typed the ways a clerk types them: the letters run and the next conference continue past them all."""
    rows = [_petition(f"KN-{n:03d}", f"Người số {n}", f"Đề nghị số {n} về đường ngõ {n}.", noi_dung_tra_loi=f"Trả lời {n}.",
                      trang_thai="Đã trả lời", so_van_ban_tra_loi=number)
            for n, number in enumerate(ODD_NUMBERS, 1)]
    rows.append(_petition("KN-009", "Người số 9", "Đề nghị số 9.", noi_dung_tra_loi="Trả lời 9.", trang_thai="Đã trả lời"))
    old = _book(tmp_path / "so.xlsx", rows, so_tra_loi_tiep_theo=150)

    expected = 153  # one past "152": "Số: 151/UBND-VP" and a bare 152 were used; "45/BC-UBND" is another series
    before = tmp_path / "truoc.xlsm"
    assert main(["new", str(before), "--from", str(old)]) == 0
    assert read_book(before).settings["so_tra_loi_tiep_theo"] == expected
    assert f"đánh số tiếp từ số {expected}" in capsys.readouterr().out

    result = make_documents(FileWorkbook(old), ["letters"], tmp_path / "out", pdf=False, date=TODAY, write=True, now=NOW)
    numbers = {r.get("ma_kien_nghi"): r.get("so_van_ban_tra_loi") for r in read_book(old).petitions}
    assert numbers["KN-006"] == f"{expected}/UBND-VP" and numbers["KN-009"] == f"{expected + 1}/UBND-VP"
    printed = docx_text(result.files["letters"])
    assert f"Số: {expected}/UBND-VP" in printed and f"Số: {expected + 1}/UBND-VP" in printed
    used = [facts.letter_number(read_book(old).settings, n) for n in numbers.values()]
    assert len([n for n in used if n is not None]) == len(set(n for n in used if n is not None))  # no number twice

    after = tmp_path / "sau.xlsm"
    assert main(["new", str(after), "--from", str(old)]) == 0
    assert read_book(after).settings["so_tra_loi_tiep_theo"] == expected + 2


NUMBER_CELLS = st.one_of(
    st.none(),
    st.integers(1, 400).map(lambda n: f"{n}/UBND-VP"),
    st.integers(1, 400).map(lambda n: f"Số: {n}/ubnd-vp"),
    st.integers(1, 400).map(lambda n: f" {n} / UBND-VP "),
    st.integers(1, 400).map(str),
    st.integers(1, 400).map(lambda n: f"{n}/BC-UBND"),
    st.sampled_from(["", "chưa có số", "UBND-VP", "/UBND-VP"]),
)
_USED = re.compile(r"(?:số\s*:?)?\s*(\d+)\s*(?:/\s*ubnd\s*-\s*vp\s*)?", re.IGNORECASE)


def used_number(cell: str | None) -> int | None:
    """The test's own reading of a letter number of the series "UBND-VP" (the oracle)."""
    match = _USED.fullmatch(cell or "")
    return int(match.group(1)) if match else None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=st.lists(NUMBER_CELLS, max_size=8), counter=st.one_of(st.none(), st.integers(-3, 400), st.just("12a")),
       stray=NUMBER_CELLS)
def test_the_letters_number_from_where_the_next_conference_continues(cells, counter, stray):
    """`stray`: a number left on a row whose code and content were cleared; once used, never given again."""
    rows = [petition(n, hinh_thuc_xu_ly=LATER, noi_dung_tra_loi=f"Trả lời {n}.", trang_thai="Đã trả lời",
                     nguoi_kien_nghi=f"Người số {n}", so_van_ban_tra_loi=cell) for n, cell in enumerate(cells, 1)]
    rows.append(petition(99, hinh_thuc_xu_ly=LATER, noi_dung_tra_loi="Trả lời.", nguoi_kien_nghi="Người mới"))
    rows.append({"so_van_ban_tra_loi": stray})
    book = make_book({"kien_nghi": rows}, {"so_tra_loi_tiep_theo": counter})
    continues = carry_over(book)["settings"]["so_tra_loi_tiep_theo"]
    plan = plan_letters(book, TODAY)
    fresh = [letter.number for letter in plan.letters if letter.new]
    assert fresh == [f"{number}/UBND-VP" for number in range(continues, continues + len(fresh))] and fresh
    used = {used_number(cell) for cell in [*cells, stray]} - {None}
    start = counter if isinstance(counter, int) and counter > 0 else 1
    assert continues == max([start, *(n + 1 for n in used)])


@pytest.mark.parametrize(("typed", "number"), [
    ("150/UBND-VP", 150), (" 150 / ubnd-vp ", 150), ("Số: 150/UBND-VP", 150), ("số 150/UBND-VP", 150), ("150", 150),
    (150, 150), (150.0, 150), ("150/BC-UBND", None), ("UBND-VP", None), ("", None), (None, None), (True, None),
])
def test_letter_number_reads_the_letters_series(typed, number):
    assert facts.letter_number({}, typed) == number
