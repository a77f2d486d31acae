"""Presets and `new --from` as a hostile office writes them (issue 28): every TOML value goes through the one reader
and one parser per kind, so a wrong value, a wrong structure or an unknown key is one Vietnamese sentence naming the
key (exit 2, no workbook made), a byte-order mark is accepted, an absurd letter number does not overflow, and no
text is cut silently."""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

import openpyxl
import pytest
from books import make_book, petition
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.errors import UnusableFile
from doithoai.core.text import EXCEL_CELL_LIMIT
from doithoai.domain.carry import carry_over
from doithoai.io.reader import read_book
from doithoai.io.tomlfile import read_toml
from doithoai.workflows import presets

UNEXPECTED = "Lỗi không mong đợi"


def _new(tmp_path: Path, text: str | bytes, capsys) -> tuple[int, str, Path]:
    preset = tmp_path / "mau.toml"
    if isinstance(text, str):
        preset.write_text(text, encoding="utf-8")
    else:
        preset.write_bytes(text)
    target = tmp_path / "moi.xlsm"
    status = main(["new", str(target), "--mau", str(preset)])
    return status, capsys.readouterr().err, target


@pytest.mark.parametrize("text, named", [
    ('[cai_dat]\n"Số đại biểu dự kiến" = nan\n', "Số đại biểu dự kiến"),
    ('[cai_dat]\n"Số đại biểu dự kiến" = -inf\n', "Số đại biểu dự kiến"),
    ('[cai_dat]\n"Tên phường, xã" = inf\n', "Tên phường, xã"),
    ('[cai_dat]\n"Ngày tổ chức hội nghị" = 2026-06-12T08:00:00+07:00\n', "Ngày tổ chức hội nghị"),
    ('[cai_dat]\n"Ngày tổ chức hội nghị" = 1979-05-27T00:32:00Z\n', "Ngày tổ chức hội nghị"),
    ('[cai_dat]\n"Ngày tổ chức hội nghị" = 12\n', "Ngày tổ chức hội nghị"),
    ('[cai_dat]\n"Ngày tổ chức hội nghị" = 1800-01-01\n', "Ngày tổ chức hội nghị"),
    ('[cai_dat]\n"Số đại biểu dự kiến" = 1000000000000000000\n', "Số đại biểu dự kiến"),
    ('[cai_dat]\n"Tên phường, xã" = true\n', "Tên phường, xã"),
    ('[cai_dat]\n"Tên phường, xã" = ["a"]\n', "Tên phường, xã"),
    ('[cai_dat]\n"Tên phường, xã" = {a = 1}\n', "Tên phường, xã"),
    ('cai_dat = "x"\n', "cai_dat"),
    ('cai_dat = [1, 2]\n', "cai_dat"),
    ('[danh_muc]\n"Đơn vị" = "Công an"\n', "Đơn vị"),
    ('[danh_muc]\n"Đơn vị" = [nan]\n', "Đơn vị"),
    ('[danh_muc]\n"Đơn vị" = [[1]]\n', "Đơn vị"),
    ('danh_muc = 3\n', "danh_muc"),
    ('chuong_trinh = [1, 2]\n', "chuong_trinh"),
    ('chuong_trinh = "x"\n', "chuong_trinh"),
    ('[[chuong_trinh]]\n"Nội dung" = ["a"]\n', "Nội dung"),
    ('[[chuong_trinh]]\n"Số phút" = inf\n', "Số phút"),
    ('[[moc_thoi_gian]]\n"Số ngày" = nan\n', "Số ngày"),
    ('ten = 5\n', "ten"),
    ('[cai_dat]\n"Tên phường, xã" = "An"\n"tên  phường, xã" = "Bình"\n', "hai lần"),  # one row, spelt twice
    ('[danh_muc]\n"Đơn vị" = ["A"]\n"ĐƠN VỊ" = ["B"]\n', "hai lần"),
    ('[cai_dat\n', "dòng 1"),
])
def test_a_wrong_value_or_structure_is_one_sentence_naming_the_key(tmp_path, capsys, text, named):
    status, err, target = _new(tmp_path, text, capsys)
    assert status == 2 and named in err and UNEXPECTED not in err, err
    assert len(err.strip().splitlines()) == 1 and "mau.toml" in err
    assert not target.exists()


@pytest.mark.parametrize("text, unknown, suggested", [
    ('[cai_dat]\n"Ngay to chuc hoi nghi" = 2026-06-12\n', "Ngay to chuc hoi nghi", "Ngày tổ chức hội nghị"),
    ('[cai_dat]\n"Tên phường xã" = "Tứ Minh"\n', "Tên phường xã", "Tên phường, xã"),
    ('ten_mau = "x"\n', "ten_mau", "ten"),
    ('[cai_dt]\n"Tên phường, xã" = "Tứ Minh"\n', "cai_dt", "cai_dat"),
    ('[danh_muc]\n"Don vi" = ["A"]\n', "Don vi", "Đơn vị"),
    ('[[chuong_trinh]]\n"Noi dung" = "Khai mạc"\n', "Noi dung", "Nội dung"),
])
def test_an_unknown_or_misspelled_key_is_refused_with_the_closest_known_one(tmp_path, capsys, text, unknown, suggested):
    status, err, target = _new(tmp_path, text, capsys)
    assert status == 2 and f"“{unknown}”" in err and f"có phải “{suggested}”?" in err, err
    assert not target.exists()


def test_a_preset_saved_with_a_byte_order_mark_is_read_like_one_without(tmp_path, capsys):
    text = '[cai_dat]\n"Tên phường, xã" = "Tứ Minh"\n"Số đại biểu dự kiến" = 150\n'
    status, err, target = _new(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"), capsys)
    assert status == 0, err
    book = read_book(target)
    assert book.settings["ten_don_vi"] == "Tứ Minh" and book.settings["so_dai_bieu_du_kien"] == 150


@pytest.mark.parametrize("make", ["folder", "fifo", "utf16"])
def test_a_preset_that_is_no_text_file_is_refused_plainly(tmp_path, capsys, make):
    import os

    preset = tmp_path / "mau.toml"
    if make == "folder":
        preset.mkdir()
    elif make == "fifo":
        os.mkfifo(preset)
    else:
        preset.write_bytes('[cai_dat]\n"Tên phường, xã" = "Tứ Minh"\n'.encode("utf-16"))  # Notepad's "Unicode"
    assert main(["new", str(tmp_path / "moi.xlsm"), "--mau", str(preset)]) == 2  # a FIFO would hang here
    err = capsys.readouterr().err
    assert UNEXPECTED not in err and "mau.toml" in err


def test_the_roll_up_settings_and_a_preset_share_one_reader(tmp_path):
    from doithoai.rollup import report

    path = tmp_path / "x.toml"
    path.write_bytes(b"\xef\xbb\xbfa = 1\n")
    assert read_toml(path, "tệp") == {"a": 1}
    assert report.read_toml is read_toml and presets.read_toml is read_toml  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------------
# Generated values and keys


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
_TOML_SCALAR = st.one_of(
    _TEXT, st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(), st.datetimes(timezones=st.one_of(st.none(), st.timezones())), st.times(),
)


def _toml(value) -> str:
    import json

    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\u007f", "\\u007f")  # TOML basic strings escape like JSON
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value) if not isinstance(value, (dt.date, dt.time)) else value.isoformat()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(setting=st.sampled_from(schema.SETTINGS), value=_TOML_SCALAR)
def test_any_value_of_any_setting_is_taken_whole_or_refused_by_name(tmp_path_factory, setting, value):
    folder = tmp_path_factory.mktemp("mau")
    path = folder / "mau.toml"
    try:
        path.write_text(f'[cai_dat]\n"{setting.label}" = {_toml(value)}\n', encoding="utf-8")
    except UnicodeEncodeError:
        return
    try:
        loaded = presets.load(str(path))
    except UnusableFile as refused:
        assert setting.label in refused.message or "cú pháp" in refused.message, refused.message
        return
    got = loaded["settings"][setting.key]
    if isinstance(value, str):
        import unicodedata

        assert got == unicodedata.normalize("NFC", value)  # never cut
    assert not (isinstance(got, float) and not math.isfinite(got))
    assert not (isinstance(got, (dt.datetime, dt.time)) and got.tzinfo is not None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=_TEXT.filter(lambda t: t.strip()))
def test_any_key_that_is_no_label_is_refused(tmp_path_factory, label):
    from doithoai.io.tomlfile import key_text

    folder = tmp_path_factory.mktemp("mau")
    path = folder / "mau.toml"
    path.write_text(f'[cai_dat]\n{_toml(label)} = "x"\n', encoding="utf-8")
    known = {key_text(s.label) for s in schema.SETTINGS}
    if key_text(label) in known:
        return
    with pytest.raises(UnusableFile, match="không có dòng"):
        presets.load(str(path))


# --------------------------------------------------------------------------------------------------
# `new --from`: absurd numbers and long text


def _old_book(tmp_path: Path, demo_path: Path, edit) -> Path:
    old = tmp_path / "cu.xlsm"
    shutil.copyfile(demo_path, old)
    workbook = openpyxl.load_workbook(old, keep_vba=True)
    edit(workbook)
    workbook.save(old)
    return old


def _column(sheet, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


@pytest.mark.parametrize("digits", [30, 400, 5000])
def test_an_absurd_letter_number_does_not_overflow_the_next_conference(tmp_path, demo_path, capsys, digits):
    def edit(workbook):
        sheet = workbook[schema.PETITIONS.name]
        sheet.cell(2, _column(sheet, "Số văn bản trả lời")).value = "1" + "0" * digits + "/UBND-VP"

    old = _old_book(tmp_path, demo_path, edit)
    target = tmp_path / "moi.xlsm"
    assert main(["new", str(target), "--from", str(old)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "quá lớn" in out and "không dùng để đánh số tiếp" in out
    counter = read_book(target).settings["so_tra_loi_tiep_theo"]
    assert isinstance(counter, int) and 0 < counter < 100_000


def test_an_absurd_whole_number_setting_is_carried_as_its_text_not_an_overflow(tmp_path):
    book = make_book(settings={"so_dai_bieu_du_kien": "1" + "0" * 400})
    from doithoai.book.builder import build_workbook

    target = tmp_path / "moi.xlsx"
    build_workbook(target, data=carry_over(book))
    assert read_book(target).settings["so_dai_bieu_du_kien"] == "1" + "0" * 400


def test_the_carry_note_is_not_added_to_a_full_cell_and_that_is_said(tmp_path, demo_path, capsys):
    long_text = "Đã trả lời một phần. " * 1560  # 32,760 characters: the note would pass Excel's limit
    assert EXCEL_CELL_LIMIT - 100 < len(long_text) <= EXCEL_CELL_LIMIT

    def edit(workbook):
        sheet = workbook[schema.PETITIONS.name]
        sheet.cell(2, _column(sheet, "Kết quả, hướng giải quyết")).value = long_text
        sheet.cell(2, _column(sheet, "Trạng thái")).value = None  # still open: carried

    old = _old_book(tmp_path, demo_path, edit)
    code = read_book(old).petitions.records[0]["ma_kien_nghi"]
    target = tmp_path / "moi.xlsm"
    assert main(["new", str(target), "--from", str(old)]) == 0, capsys.readouterr().err
    assert "không ghi thêm ghi chú chuyển kỳ" in capsys.readouterr().out
    carried = {r["ma_kien_nghi"]: r for r in read_book(target).petitions}
    assert carried[code]["ket_qua"] == long_text  # whole, not cut


def test_a_text_longer_than_a_cell_is_refused_not_cut(tmp_path):
    from doithoai.book.builder import build_workbook

    book = make_book(tables={"kien_nghi": [petition(1, noi_dung="x" * (EXCEL_CELL_LIMIT + 10))]})
    with pytest.raises(UnusableFile, match="32.767"):
        build_workbook(tmp_path / "moi.xlsx", data=carry_over(book))


def test_a_list_longer_than_the_dropdown_keeps_every_value_and_says_so(tmp_path, demo_path, capsys):
    def edit(workbook):
        sheet = workbook[schema.LISTS_SHEET]
        column = _column(sheet, "Đơn vị")
        for row in range(2, 152):
            sheet.cell(row, column).value = f"Đơn vị {row - 1}"

    old = _old_book(tmp_path, demo_path, edit)
    target = tmp_path / "moi.xlsm"
    assert main(["new", str(target), "--from", str(old)]) == 0
    assert "ô chọn chỉ hiện" in capsys.readouterr().out
    assert len(read_book(target).lists["don_vi"]) == 150
