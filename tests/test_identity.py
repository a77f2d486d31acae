"""One identity for every record, across every engine.

The same workbook, with codes written in the ways offices really type them (`kn-001`, ` KN-002 `, `KN - 003`, an
en dash, a number 7.0 for the code "7", `p-001` for slip `P-001`), gives the same links in validation, deadlines,
the report, the memo, the letters, the MTTQ copy and merge-back. A code the rule does not call equal (`KN0005`
for `KN-005`) is a broken link every engine shows, never a row silently dropped.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from doithoai.book.builder import build_workbook
from doithoai.core import schema
from doithoai.core.keys import code_key, code_text, header_key, list_key, name_key, same_code, same_name
from doithoai.documents.jobs import make_documents
from doithoai.domain.deadlines import compute_deadlines
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.mttq.mergeback import merge_back
from doithoai.mttq.share import share
from doithoai.validation.jobs import validate
from doithoai.workflows.sample import sample_conference
from tests.docx_reading import text as docx_text

TODAY = dt.date(2026, 6, 20)
NOW = dt.datetime(2026, 6, 20, 9, 30)
LATER = schema.HANDLING_LATER
UNITS = schema.lookup("don_vi").values
FIELD = schema.lookup("linh_vuc").values[0]

# (code on `Kiến nghị`, how `Phân công` writes it, slip code on `Kiến nghị`, slip code on `Phiếu đăng ký`)
LINKED = [
    ("KN-001", "kn-001", "p-001", "P-001"),
    ("KN-002", " KN-002 ", "P-002 ", "P-002"),
    ("KN-003", "KN - 003", "P - 003", "P-003"),
    ("KN-004", "KN\u2013004", "P\u2013004", "P-004"),
    ("7", 7.0, 1.0, "1"),  # numeric codes: the petition's code is text, the assignment holds the number
]
BROKEN = ("KN-005", "KN0005")  # not the same code under the rule: a broken link, flagged


def content(code: str) -> str:
    return f"Nội dung kiến nghị số {code_text(code)} về đèn chiếu sáng ngõ {len(code)}."


def conference_data() -> dict:
    sample = sample_conference()
    slips, petitions, assignments = [], [], []
    for position, (code, assigned_as, slip_in_petition, slip_code) in enumerate(LINKED):
        slips.append({"ma_phieu": slip_code, "ngay_nhan": dt.date(2026, 5, 20), "ho_ten": f"Nguyễn Văn Hùng {position}",
                      "gioi_tinh": "Nam", "nam_sinh": "1970", "dia_chi": f"Số {position + 1} ngõ 4",
                      "to_dan_pho": f"Tổ dân phố số {position + 1}", "linh_vuc": FIELD, "noi_dung": content(code)})
        petitions.append({"ma_kien_nghi": code, "ma_phieu": slip_in_petition, "nguon": "Phiếu đăng ký",
                          "nguoi_kien_nghi": f"Nguyễn Văn Hùng {position}", "linh_vuc": FIELD, "noi_dung": content(code),
                          "hinh_thuc_xu_ly": LATER, "noi_dung_tra_loi": f"Trả lời kiến nghị {code_text(code)}."})
        assignments.append({"ma_kien_nghi": assigned_as, "don_vi": UNITS[position % len(UNITS)], "vai_tro": "Chủ trì",
                            "ngay_giao": dt.date(2026, 6, 15)})
    code, typed = BROKEN
    petitions.append({"ma_kien_nghi": code, "nguon": "Tại hội nghị", "nguoi_kien_nghi": "Trần Thị Hoa",
                      "linh_vuc": FIELD, "noi_dung": content(code), "hinh_thuc_xu_ly": schema.HANDLING_AT_CONFERENCE})
    assignments.append({"ma_kien_nghi": typed, "don_vi": UNITS[0], "vai_tro": "Chủ trì", "ngay_giao": dt.date(2026, 6, 15)})
    return {"settings": sample.settings, "tables": {"phieu": slips, "kien_nghi": petitions, "phan_cong": assignments},
            "calendar": sample.calendar}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("identity") / "so.xlsx"
    build_workbook(path, conference_data())
    return path


@pytest.fixture
def book(tmp_path, built) -> Path:
    path = tmp_path / built.name
    shutil.copyfile(built, path)
    return path


def test_validation_links_every_equivalent_code_and_flags_the_broken_one(book):
    findings = validate(FileWorkbook(book), write=False, today=TODAY).findings
    links = [f for f in findings if f.code in ("petition_missing", "slip_missing", "no_lead_unit", "duplicate_code")]
    assert [(f.code, f.sheet, f.cell) for f in links] == [("petition_missing", schema.ASSIGNMENTS.name, f"A{len(LINKED) + 2}")]
    assert BROKEN[1] in links[0].message


def test_deadlines_follow_every_equivalent_code(book):
    plan = compute_deadlines(FileWorkbook(book), today=TODAY, write=False).plan
    for code, *_ in LINKED:
        assert plan.progress[code_key(code)].startswith("Đang thực hiện (0/1"), code
    # The broken link is neither dropped from the assignments nor attached to a petition.
    assert any(d.petition == BROKEN[1] for d in plan.assignments)
    assert plan.progress[code_key(BROKEN[0])] == ""
    written = compute_deadlines(FileWorkbook(book), today=TODAY, write=True)
    assert written.written
    progress = {r["ma_kien_nghi"]: r["tien_do"] for r in read_book(book).petitions}
    assert all(progress[code].startswith("Đang thực hiện") for code, *_ in LINKED)


def test_report_memo_and_letters_follow_every_equivalent_code(book, tmp_path):
    result = make_documents(FileWorkbook(book), ["report", "memo", "letters"], tmp_path / "out", pdf=False,
                            today=TODAY, write=False, now=NOW)
    report = docx_text(result.files["report"])
    # Every petition handled later has its lead unit; only the broken link's petition has none.
    assert report.count("chưa phân công") == 1, report
    memo = docx_text(result.files["memo"])
    for code, *_ in LINKED:
        assert content(code) in memo, code  # the memo found each petition's content through the assignment's code
    assert BROKEN[1] in memo  # the broken link is still assigned in the memo, with no content to guess
    letters = {p.name for p in result.letter_files}
    for code, *_ in LINKED:
        assert any(n.startswith(code_text(code) + " ") for n in letters), (code, letters)
    # The slips were found through the equivalent slip codes: "Ông" from the slip's Nam, the slip's address.
    combined = docx_text(result.files["letters"])
    assert combined.count("Kính gửi: Ông Nguyễn Văn Hùng") == len(LINKED)
    for position in range(len(LINKED)):
        assert f"Số {position + 1} ngõ 4" in combined  # the slip's address, found through the slip code


def test_share_and_merge_back_match_codes_typed_differently(book, tmp_path):
    copy = share(FileWorkbook(book), tmp_path / "ban chia se.xlsx", now=NOW).path
    workbook = openpyxl.load_workbook(copy)
    sheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in sheet[1]]
    code_column, note_column = header.index("Mã kiến nghị") + 1, header.index("Ý kiến giám sát") + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, note_column).value = f"Giám sát {sheet.cell(row, code_column).value}"
    workbook.save(copy)
    # After sharing, the office re-types two codes in an equivalent way: the notes still come home to them.
    office = openpyxl.load_workbook(book)
    petitions = office[schema.PETITIONS.name]
    petitions["A2"].value, petitions["A3"].value = "kn-001", "KN - 002"
    office.save(book)
    result = merge_back(FileWorkbook(book), copy)
    notes = {code_key(r["ma_kien_nghi"]): r["y_kien_giam_sat"] for r in read_book(book).petitions}
    for code, *_ in [*LINKED, BROKEN]:
        assert notes[code_key(code)] == f"Giám sát {code_text(code)}", (code, result)


def test_two_petitions_equal_under_the_rule_are_reported_at_the_cell(tmp_path):
    data = conference_data()
    data["tables"]["kien_nghi"][1]["ma_kien_nghi"] = "kn-001"
    path = tmp_path / "trung.xlsx"
    build_workbook(path, data)
    findings = validate(FileWorkbook(path), write=False, today=TODAY).findings
    [duplicate] = [f for f in findings if f.code == "duplicate_code" and f.sheet == schema.PETITIONS.name]
    assert duplicate.cell == "A3" and "kn-001" in duplicate.message and "dòng 2" in duplicate.message


# --------------------------------------------------------------------------------------------------
# The rule itself


@pytest.mark.parametrize("typed", ["KN-001", "kn-001", " KN-001 ", "KN - 001", "KN\u2013001", "KN\u2014 001", "KN-\u00a0001",
                                   "KN-0\u200b01", "Kn-001\n"])
def test_codes_typed_the_ways_offices_type_them_are_one_code(typed):
    assert code_key(typed) == "kn-001" and same_code(typed, "KN-001")


def test_what_the_rule_does_not_forgive():
    for a, b in [("KN-001", "KN001"), ("KN-001", "KN-1"), ("KN-001", "KN-002"), ("P-001", "KN-001"), ("1", "01"),
                 ("1.5", "15")]:
        assert code_key(a) != code_key(b), (a, b)
    for blank in (None, "", "   ", True, False):
        assert code_key(blank) == "" and not same_code(blank, blank)


def test_numbers_and_their_text_are_one_code():
    assert code_key(1.0) == code_key("1.0") == code_key("1") == code_key(1) == "1"
    assert code_key(12.5) == "12.5" and code_text(7.0) == "7" and code_text(" KN -  001 ") == "KN - 001"
    assert code_key("\u00d0T-01") == code_key("ĐT-01") == code_key("đt-01")


def test_names_lists_and_headers():
    assert same_name("Nguyễn Thị Hoà", "NGUYỄN  THỊ HÒA") and same_name("Lê Thuý", "lê thúy")
    assert not same_name("Nguyễn Văn Hùng", "Nguyễn Văn Hưng") and not same_name("", "")
    assert name_key("\u00d0ỗ Văn An") == name_key("Đỗ Văn An")
    assert list_key("chu tri") == list_key(" Chủ  trì ") != list_key("Phối hợp") and list_key(None) == ""
    assert header_key(" MÃ  KIẾN NGHỊ ") == header_key("Mã kiến nghị") != header_key("Ma kien nghi")


@given(st.text(max_size=20))
def test_code_key_is_stable_and_idempotent(text):
    key = code_key(text)
    assert code_key(key) == key
    assert code_key(text.upper()) == key or text.upper().casefold() != text.casefold()
    assert code_key(f"  {text}\t") == key
