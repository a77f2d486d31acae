"""Intake from the Front and the organisations: the form, a returned form brought in, and what is refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.keys import new_codes
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book, read_sheets
from doithoai.workflows.intake import COVER_SHEET, LIST_SHEET, ROWS_SHEET, intake, read_form, source_of, write_intake_forms

NOW = dt.datetime(2026, 5, 20, 9, 0)
FIRE = "Đề nghị tổ chức lớp tập huấn phòng cháy chữa cháy cho các hộ kinh doanh nhỏ lẻ trong khu dân cư."


def _form(book: Path, org: str = "Hội Nông dân phường Tứ Minh") -> Path:
    result = write_intake_forms(FileWorkbook(book), [org], now=NOW)
    return result.files[0]


def _fill(form: Path, rows: list[list], target: Path) -> Path:
    workbook = openpyxl.load_workbook(form)
    sheet = workbook[ROWS_SHEET]
    for index, values in enumerate(rows, 2):
        for column, value in enumerate(values, 1):
            sheet.cell(row=index, column=column, value=value)
    workbook.save(target)
    return target


def _existing(book: Path, n: int) -> str:
    return read_book(book).petitions.records[n].values["noi_dung"]


def test_form_names_the_organisation_and_offers_the_fields_as_a_dropdown(tmp_book):
    form = _form(tmp_book)
    workbook = openpyxl.load_workbook(form)
    assert workbook.sheetnames[:2] == [COVER_SHEET, ROWS_SHEET]
    cover = {row[0]: row[1] for row in workbook[COVER_SHEET].iter_rows(values_only=True) if row[0]}
    assert cover["Tổ chức gửi"] == "Hội Nông dân phường Tứ Minh"
    assert workbook[COVER_SHEET].protection.sheet
    validations = workbook[ROWS_SHEET].data_validations.dataValidation
    assert len(validations) == 1 and validations[0].type == "list" and "D2:D301" in str(validations[0].sqref)
    fields = [c.value for c in workbook[LIST_SHEET]["A"][1:]]
    assert fields == list(schema.lookup("linh_vuc").values)
    assert workbook[LIST_SHEET].sheet_state == "hidden"


def test_round_trip_adds_new_reports_duplicate_refuses_bad_row_and_changes_nothing_else(tmp_book, tmp_path):
    before = read_sheets(tmp_book)
    old = read_book(tmp_book).petitions
    duplicate = _existing(tmp_book, 3)
    filled = _fill(_form(tmp_book), [
        [1, "Nguyễn Văn Tư", "Tổ dân phố Cẩm Khê A", "Đất đai",
         "Đề nghị sớm cấp giấy chứng nhận cho các hộ khu tái định cư Cẩm Khê A đã chờ hai năm."],
        [2, None, None, "moi truong", "Đề nghị lắp thêm thùng rác công cộng tại chợ Cẩm Khê và khu vực công viên."],
        [3, None, None, "Khác", duplicate],
        [4, None, None, "Không biết", "Một ý kiến có lĩnh vực không có trong danh mục."],
    ], tmp_path / "tra-ve.xlsx")

    result = intake(FileWorkbook(tmp_book), filled)

    assert [o.code for o in result.plan.added] == ["KN-081", "KN-082"]
    assert [(o.form_row, o.code) for o in result.plan.duplicates] == [(4, old.records[3].values["ma_kien_nghi"])]
    assert [o.form_row for o in result.plan.refused] == [5] and "Không biết" in result.plan.refused[0].reason
    after = read_book(tmp_book).petitions
    new = after.records[len(old.records):]
    assert [r.values["ma_kien_nghi"] for r in new] == ["KN-081", "KN-082"]
    assert {r.values["nguon"] for r in new} == {schema.SOURCE_ORGANISATION}
    assert {r.values["nguoi_kien_nghi"] for r in new} == {"Hội Nông dân phường Tứ Minh"}
    assert new[0].values["dia_chi"] == "Nguyễn Văn Tư, Tổ dân phố Cẩm Khê A"
    assert new[1].values["linh_vuc"] == "Môi trường"  # typed without accents, matched to the list's spelling
    # Nothing else changed: every other sheet identical, and the petitions' earlier rows identical.
    now = read_sheets(tmp_book)
    for name, rows in before.items():
        if name == schema.PETITIONS.name:
            assert now[name][: len(rows)][: old.records[-1].row] == rows[: old.records[-1].row]
        else:
            assert now[name] == rows, name
    # The new rows are inside the Excel table, so they sort and filter with the others.
    table = openpyxl.load_workbook(tmp_book, keep_vba=True)[schema.PETITIONS.name].tables[schema.PETITIONS.table]
    assert table.ref.endswith(str(new[-1].row))

    # A second run adds nothing and does not even rewrite the file.
    stamp = tmp_book.stat().st_mtime_ns, tmp_book.read_bytes()
    again = intake(FileWorkbook(tmp_book), filled)
    assert again.plan.added == [] and len(again.plan.already) == 2 and not again.written
    assert (tmp_book.stat().st_mtime_ns, tmp_book.read_bytes()) == stamp


def test_near_duplicate_and_same_person_are_reported_not_added(tmp_book, tmp_path):
    text = _existing(tmp_book, 10)
    book = read_book(tmp_book)
    slip_person = next(r for r in book.petitions.records if r.values["ma_phieu"])
    edited = text.rstrip(".") + " ạ."
    filled = _fill(_form(tmp_book, "Ủy ban MTTQ Việt Nam phường Tứ Minh"), [
        [1, None, None, None, edited],
        [2, slip_person.values["nguoi_kien_nghi"], None, None, "Xin hỏi lại: " + slip_person.values["noi_dung"][:80]],
        [3, None, None, None, FIRE],
        [4, None, None, None, FIRE.replace("cháy chữa", "cháy, chữa").replace(".", "!")],
    ], tmp_path / "mttq.xlsx")
    result = intake(FileWorkbook(tmp_book), filled, write=False)
    assert result.plan.source == schema.SOURCE_MTTQ
    reported = {o.form_row: o for o in result.plan.duplicates}
    assert set(reported) == {2, 3, 5}
    assert reported[2].code == book.petitions.records[10].values["ma_kien_nghi"]
    assert reported[3].code == slip_person.values["ma_kien_nghi"]
    assert reported[5].code == "dòng 4 của mẫu"
    assert [o.form_row for o in result.plan.added] == [4]
    assert [o.form_row for o in result.plan.flagged] == [4]  # no field chosen: added, to be classified


@pytest.mark.parametrize("make", ["workbook", "other", "text", "no_header"])
def test_refuses_a_file_that_is_not_an_intake_form_and_writes_nothing(tmp_book, tmp_path, capsys, make):
    if make == "workbook":
        target = tmp_book
    elif make == "other":
        target = tmp_path / "khac.xlsx"
        workbook = openpyxl.Workbook()
        workbook.active.append(["Họ tên", "Nội dung"])
        workbook.save(target)
    elif make == "text":
        target = tmp_path / "ghi-chu.xlsx"
        target.write_text("không phải Excel", encoding="utf-8")
    else:
        target = tmp_path / "sua-cot.xlsx"
        workbook = openpyxl.load_workbook(_form(tmp_book))
        workbook[ROWS_SHEET]["E1"] = "Ý kiến"
        workbook.save(target)
    stamp = tmp_book.read_bytes()
    assert main(["intake", str(tmp_book), str(target)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    assert tmp_book.read_bytes() == stamp


def test_cli_json_and_exit_status(tmp_book, tmp_path, capsys):
    assert main(["intake-form", str(tmp_book), "--org", "Đoàn Thanh niên phường", "--out", str(tmp_path / "mau")]) == 0
    form = next((tmp_path / "mau").glob("*.xlsx"))
    text = "Đề nghị mở thêm sân chơi thể thao cho thanh thiếu niên tổ dân phố Cẩm Khê B."
    filled = _fill(form, [[1, None, None, "Khác", text]], tmp_path / "doan.xlsx")
    capsys.readouterr()
    assert main(["intake", str(tmp_book), str(filled), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["code"] for a in data["added"]] == ["KN-081"] and data["written"] is True
    assert read_form(filled).organisation == "Đoàn Thanh niên phường"


def test_default_forms_one_per_organisation_never_overwrite(tmp_book):
    first = write_intake_forms(FileWorkbook(tmp_book), now=NOW)
    assert len(first.files) == 5 and any("MTTQ" in p.name for p in first.files)
    second = write_intake_forms(FileWorkbook(tmp_book), now=NOW)
    assert not set(first.files) & set(second.files)


def test_source_of_organisation():
    assert source_of("Ủy ban MTTQ Việt Nam phường Tứ Minh") == schema.SOURCE_MTTQ
    assert source_of("Ban Thường trực Ủy ban Mặt trận Tổ quốc xã") == schema.SOURCE_MTTQ
    assert source_of("Hội Cựu chiến binh") == schema.SOURCE_ORGANISATION


def test_new_codes_follow_the_workbook():
    assert new_codes(["KN-001", "KN-009", None, "x"], 2) == ["KN-010", "KN-011"]
    assert new_codes([], 1) == ["KN-001"]
    assert new_codes(["YK0099"], 1) == ["YK0100"]


CODES = st.one_of(st.none(), st.text(max_size=8), st.integers(0, 10_000).map(lambda n: f"KN-{n:03d}"))


@given(st.lists(CODES), st.integers(0, 20))
def test_new_codes_are_unique_and_new(existing, count):
    codes = new_codes(existing, count)
    taken = {str(e).strip().casefold() for e in existing if e}
    assert len(codes) == count == len(set(codes))
    assert not {c.casefold() for c in codes} & taken
