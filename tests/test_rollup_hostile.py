"""The roll-up on a hostile folder (issue 28): loops, FIFOs, unreadable or too deep sub-folders are listed and the rest
rolled up; phone numbers in file and folder names are masked; `--report` decides everything before writing; the same
ward twice is counted once, with a warning naming both; `--out` never replaces a ward's workbook."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from books import petition
from hypothesis import given, settings
from hypothesis import strategies as st
from ordinary_user import environment, open_temporary_folder, ordinary_command

from doithoai.book.builder import build_workbook
from doithoai.cli import main
from doithoai.domain.privacy import fold_digits
from doithoai.rollup import rollup
from doithoai.rollup.job import display_path

TODAY = dt.date(2026, 6, 20)
ROOT = Path(__file__).resolve().parents[1]
UNEXPECTED = "Lỗi không mong đợi"


def ward(path: Path, name: str, *, kind: str = "Phường", province: str = "Tỉnh Hòa Bình",
         conference: dt.date | None = dt.date(2026, 6, 12), petitions: int = 2) -> Path:
    """A ward's workbook with `petitions` petitions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    settings_ = {"ten_don_vi": name, "loai_don_vi": kind, "tinh": province, "ngay_hoi_nghi": conference}
    build_workbook(path, {"settings": settings_, "tables": {"kien_nghi": [petition(i) for i in range(1, petitions + 1)]}})
    return path


@pytest.fixture
def wards(tmp_path) -> Path:
    folder = tmp_path / "Tỉnh"
    ward(folder / "an.xlsx", "An")
    ward(folder / "Cụm 1" / "binh.xlsx", "Bình", kind="Xã", petitions=3)
    return folder


def _failures(result) -> dict[str, str]:
    return {f.file: f.reason for f in result.rollup.failures}


def _sheet_rows(path: Path, name: str) -> list[list]:
    return [list(r) for r in openpyxl.load_workbook(path, read_only=True)[name].iter_rows(values_only=True)]


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "doithoai", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd="/")


# --------------------------------------------------------------------------------------------------
# What the folder holds


def test_link_loops_and_dangling_links_are_listed_and_the_rest_rolled_up(wards):
    (wards / "Cụm 1" / "vong").symlink_to(wards, target_is_directory=True)  # a loop back to the top
    (wards / "chinh no.xlsx").symlink_to(wards / "chinh no.xlsx")  # a link to itself
    (wards / "mat.xlsx").symlink_to(wards / "khong co.xlsx")  # a link to nothing
    (wards / "vong lap").symlink_to(wards / "vong lap")  # a loop that might have been a folder
    result = rollup(wards, today=TODAY, workers=1)
    assert sorted(u.unit for u in result.rollup.units) == ["Phường An", "Xã Bình"]
    failures = _failures(result)
    assert "vòng lặp" in failures["Cụm 1/vong/"] and "vòng lặp" in failures["chinh no.xlsx"]
    assert "không còn tồn tại" in failures["mat.xlsx"] and "vòng lặp" in failures["vong lap"]
    listed = [row[1] for row in _sheet_rows(result.path, "Sổ không đọc được")[2:]]
    assert set(failures) <= set(listed)


def test_a_linked_ward_folder_is_rolled_up_once(wards, tmp_path):
    elsewhere = tmp_path / "Xã Cát"
    ward(elsewhere / "cat.xlsx", "Cát", kind="Xã")
    (wards / "Cát").symlink_to(elsewhere, target_is_directory=True)
    (wards / "Cát lần nữa").symlink_to(elsewhere, target_is_directory=True)
    result = rollup(wards, today=TODAY, workers=1)
    assert sorted(u.unit for u in result.rollup.units) == ["Phường An", "Xã Bình", "Xã Cát"]
    assert "đã đọc" in _failures(result)["Cát lần nữa/"]


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_fifo_or_a_folder_named_like_a_workbook_is_listed_never_opened(wards, kind):
    odd = wards / "Cụm 1" / "la.xlsx"
    if kind == "fifo":
        os.mkfifo(odd)
    else:
        odd.mkdir()
    started = time.monotonic()
    result = _cli("rollup", str(wards), "--today", TODAY.isoformat(), "--workers", "1", "--json", timeout=90)
    assert time.monotonic() - started < 60 and result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["units"]) == 2
    reasons = {f["file"]: f["reason"] for f in data["failures"]}
    if kind == "fifo":
        assert "Không phải một tệp thường" in reasons["Cụm 1/la.xlsx"]


def test_validate_on_a_fifo_named_like_a_workbook_does_not_wait(tmp_path):
    fifo = tmp_path / "so.xlsx"
    os.mkfifo(fifo)
    result = _cli("validate", str(fifo), "--no-write", timeout=60)
    assert result.returncode == 2 and "không phải một tệp thường" in result.stderr


def test_a_folder_past_the_path_limit_is_listed(wards):
    """Sub-folders nested past the system's path limit (4,096 bytes on Linux): listed, the rest rolled up."""
    part = "thư mục lồng nhau rất dài " * 7  # 224 bytes in UTF-8
    fd = os.open(wards, os.O_RDONLY)
    depth = 0
    try:
        while depth * len(part.encode()) < 4600:
            os.mkdir(part, dir_fd=fd)
            inner = os.open(part, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            depth += 1
        with open(os.open("sau.xlsx", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as handle:
            handle.write(b"PK")
    finally:
        os.close(fd)
    result = rollup(wards, today=TODAY, workers=1)
    assert len(result.rollup.units) == 2
    too_long = [f for f in result.rollup.failures if "quá dài" in f.reason]
    assert len(too_long) == 1 and too_long[0].file.startswith(part)


def test_an_unreadable_sub_folder_is_listed_and_the_rest_rolled_up():
    with open_temporary_folder() as place:
        folder = place / "Tỉnh"
        ward(folder / "an.xlsx", "An")
        ward(folder / "Cụm kín" / "binh.xlsx", "Bình")
        os.chmod(folder, 0o777)
        os.chmod(folder / "Cụm kín", 0o000)
        out = place / "ra"
        out.mkdir(mode=0o777)
        os.chmod(out, 0o777)
        command = ordinary_command(["rollup", str(folder), "--out", str(out / "th.xlsx"), "--today", TODAY.isoformat(),
                                    "--workers", "1", "--json"])
        if command is None:
            pytest.skip("no way to run as an ordinary user here")
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=environment(), cwd="/")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert [u["unit"] for u in data["units"]] == ["Phường An"]
        reasons = {f["file"]: f["reason"] for f in data["failures"]}
        assert "không có quyền đọc" in reasons["Cụm kín/"] and "chưa được tổng hợp" in reasons["Cụm kín/"]


# --------------------------------------------------------------------------------------------------
# Phone numbers in names


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(html.unescape(archive.read(n).decode("utf-8", "replace")) for n in archive.namelist()
                         if n.endswith((".xml", ".rels")))


def test_phone_numbers_in_file_and_folder_names_are_masked_everywhere(wards, capsys):
    ward(wards / "Anh Hùng 0912 345 678" / "so 09.87.65.43.21.xlsx", "Cát", kind="Xã")
    (wards / "hong 0987654321.xlsx").write_bytes(b"not a workbook")
    out = wards.parent / "ra" / "th.xlsx"
    assert main(["rollup", str(wards), "--out", str(out), "--report", "--today", TODAY.isoformat(), "--workers", "1",
                 "--json"]) == 0
    printed = capsys.readouterr().out
    texts = [printed, _xml(out), _xml(out.with_suffix(".docx"))]
    for text in texts:
        digits = re.sub(r"\D", "", fold_digits(text))
        for number in ("0912345678", "0987654321"):
            assert number not in digits or not re.search(r"[^\d*]{0,3}".join(number), text), number
    data = json.loads(printed)
    assert any("0912***678" in u["file"] and "0987***321" in u["file"] for u in data["units"])
    assert any("0987***321" in f["file"] for f in data["failures"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), max_size=15), max_size=3),
       st.from_regex(r"0[2-9][0-9]{8}", fullmatch=True), st.sampled_from([" ", ".", "-", "", "_"]))
def test_a_phone_in_any_part_of_a_path_is_masked(parts, number, separator):
    written = separator.join([number[:4], number[4:7], number[7:]])
    folder = Path("/tỉnh")
    for index in range(len(parts) + 1):
        names = [*parts]
        names.insert(index, f"anh Ba {written}")
        path = folder.joinpath(*[n or "x" for n in names], "so.xlsx")
        shown = display_path(path, folder)
        assert number not in re.sub(r"\D", "", fold_digits(shown)), (path, shown)


# --------------------------------------------------------------------------------------------------
# --report decides everything before writing


@pytest.mark.parametrize("settings_file, says", [
    (b'co_quan = "thi\xe1u"\n', "UTF-8"),  # not UTF-8
    ('co_quan = "Ủy ban"\n'.encode("utf-16"), "UTF-8"),  # Notepad's "Unicode"
    (b'co_quan = "thi\xe1\xba\xbfu d\xe1\xba\xa5u ngo\xe1\xba\xb7c\n', "cú pháp"),
    (b"[co_quan\n", "cú pháp"),
    (b'nguoi_ki = "Tr\xe1\xba\xa7n V\xc4\x83n A"\n', "nguoi_ky"),  # misspelled: the closest key is suggested
    (b"co_quan = nan\n", "co_quan"),
    (b"co_quan = 2026-06-12T08:00:00+07:00\n", "co_quan"),
    (b"noi_nhan = [1, 2]\n", "noi_nhan"),
    ("folder", "thư mục"),
])
def test_a_bad_settings_file_is_refused_before_anything_is_written(wards, capsys, settings_file, says):
    path = wards / "bao-cao-cap-tren.toml"
    if settings_file == "folder":
        path.mkdir()
    else:
        path.write_bytes(settings_file)
    before = sorted(p.relative_to(wards) for p in wards.rglob("*"))
    assert main(["rollup", str(wards), "--report", "--today", TODAY.isoformat(), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert says in err and UNEXPECTED not in err and len(err.strip().splitlines()) == 1, err
    assert sorted(p.relative_to(wards) for p in wards.rglob("*")) == before  # no roll-up written


def test_a_settings_file_with_a_byte_order_mark_is_read(wards):
    (wards / "bao-cao-cap-tren.toml").write_bytes('\ufeffnguoi_ky = "Trần Văn Ánh"\n'.encode())
    result = rollup(wards, today=TODAY, report=True, workers=1)
    assert "Trần Văn Ánh" in _xml(result.report)


def test_a_read_only_folder_is_refused_before_anything_is_written(wards, capsys):
    os.chmod(wards, 0o555)
    try:
        assert main(["rollup", str(wards), "--report", "--today", TODAY.isoformat(), "--workers", "1"]) == 2
        err = capsys.readouterr().err
        assert "chỉ cho đọc" in err and "--out" in err and UNEXPECTED not in err
        assert not (wards / "Tổng hợp").exists()
    finally:
        os.chmod(wards, 0o755)


def test_a_read_only_folder_can_still_be_rolled_up_elsewhere_with_its_settings(wards, tmp_path):
    (wards / "bao-cao-cap-tren.toml").write_text('nguoi_ky = "Lê Thị Bé"\n', encoding="utf-8")
    os.chmod(wards, 0o555)
    try:
        result = rollup(wards, tmp_path / "ra" / "th.xlsx", today=TODAY, report=True, workers=1)
        assert result.report and "Lê Thị Bé" in _xml(result.report)
    finally:
        os.chmod(wards, 0o755)


def test_a_control_character_in_a_province_name_does_not_break_the_report(tmp_path):
    folder = tmp_path / "Tỉnh"
    ward(folder / "an.xlsx", "An", province="Tỉnh Bắc\x01 Ninh")
    ward(folder / "binh.xlsx", "Bình", province="Tỉnh Bắc\x01 Ninh")
    for _ in range(2):  # the second run reads the settings file the first one wrote
        assert main(["rollup", str(folder), "--report", "--today", TODAY.isoformat(), "--workers", "1"]) == 0
    settings_text = (folder / "bao-cao-cap-tren.toml").read_text(encoding="utf-8")
    assert "\x01" not in settings_text and 'ten_don_vi = "Bắc Ninh"' in settings_text
    report = next((folder / "Tổng hợp").glob("*.docx"))
    assert "\x01" not in _xml(report) and "BẮC NINH" in _xml(report).upper()


# --------------------------------------------------------------------------------------------------
# The same ward twice


def test_two_workbooks_of_the_same_ward_are_counted_once_with_a_warning(wards, capsys):
    copy = wards / "Gửi lại" / "an (bản sao).xlsx"
    copy.parent.mkdir()
    shutil.copyfile(wards / "an.xlsx", copy)
    old = time.time() - 3600
    os.utime(wards / "an.xlsx", (old, old))  # the copy was saved last: it counts
    other_day = ward(wards / "an-2.xlsx", "An", conference=dt.date(2026, 11, 20))  # a second conference: counts too
    assert other_day.exists()
    out = wards.parent / "th.xlsx"
    assert main(["rollup", str(wards), "--out", str(out), "--today", TODAY.isoformat(), "--workers", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    files = sorted(u["file"] for u in data["units"])
    assert files == ["Cụm 1/binh.xlsx", "Gửi lại/an (bản sao).xlsx", "an-2.xlsx"]
    assert sum(u["petitions"] for u in data["units"]) == 2 + 3 + 2
    duplicate = next(f for f in data["failures"] if f.get("duplicate_of"))
    assert duplicate["file"] == "an.xlsx" and duplicate["duplicate_of"] == "Gửi lại/an (bản sao).xlsx"
    assert "an.xlsx" in duplicate["reason"] or "Gửi lại/an (bản sao).xlsx" in duplicate["reason"]
    cover = {row[0]: row[1] for row in _sheet_rows(out, "Tổng quan") if row and row[0]}
    assert cover["Số sổ đã tổng hợp"] == 3 and cover["Số tệp không đọc được"] == 0
    assert cover["Số sổ trùng đơn vị và ngày hội nghị (không tính)"] == 1
    assert main(["rollup", str(wards), "--out", str(out), "--today", TODAY.isoformat(), "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "- “an.xlsx”: Không tính vì trùng với sổ “Gửi lại/an (bản sao).xlsx”" in printed


# --------------------------------------------------------------------------------------------------
# --out


def test_out_naming_a_ward_s_workbook_is_refused(wards, tmp_path, capsys):
    ward_book = wards / "Cụm 1" / "binh.xlsx"
    stranger = tmp_path / "cua ai do.xlsx"
    shutil.copyfile(wards / "an.xlsx", stranger)
    link = tmp_path / "lien ket.xlsx"
    link.symlink_to(wards / "an.xlsx")
    for out in (ward_book, stranger, link):
        before = out.read_bytes()
        assert main(["rollup", str(wards), "--out", str(out), "--today", TODAY.isoformat(), "--workers", "1"]) == 2
        err = capsys.readouterr().err
        assert "không ghi đè" in err and UNEXPECTED not in err
        assert out.read_bytes() == before
    made = tmp_path / "tong hop.xlsx"  # a roll-up of ours may be made again
    for _ in range(2):
        assert main(["rollup", str(wards), "--out", str(made), "--today", TODAY.isoformat(), "--workers", "1"]) == 0


# --------------------------------------------------------------------------------------------------
# Any file name


_FILE_NAME = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=30)


@settings(max_examples=15, deadline=None)
@given(names=st.lists(_FILE_NAME, min_size=1, max_size=3, unique_by=lambda n: n.casefold()),
       raw=st.binary(min_size=1, max_size=4).filter(lambda b: b"/" not in b and b"\0" not in b and b[:1] not in b".~"))
def test_any_file_name_is_rolled_up_or_listed_never_a_crash(tmp_path_factory, names, raw):
    folder = tmp_path_factory.mktemp("ten")
    source = ward(folder.parent / f"{folder.name}-mau.xlsx", "An")
    made = []
    for index, name in enumerate(names):
        stem = name.strip().lstrip(".~$") or "x"
        path = folder / f"{stem}.xlsx"
        if path in made:
            continue
        try:
            shutil.copyfile(source, path)
        except OSError:  # a name the file system refuses (too long in bytes)
            continue
        made.append(path)
        if index == 0:  # and one name that is not UTF-8 at all, beside it
            odd = os.fsencode(folder) + b"/" + raw + f"{index}.xlsx".encode()
            with open(odd, "wb") as handle:
                handle.write(source.read_bytes())
            made.append(Path(os.fsdecode(odd)))
    result = rollup(folder, folder.parent / f"{folder.name}-th.xlsx", today=TODAY, workers=1)
    assert len(result.rollup.units) + len(result.rollup.failures) == len(made)
    for text in [u.file for u in result.rollup.units] + [f.file + f.reason for f in result.rollup.failures]:
        text.encode("utf-8")  # nothing a document cannot hold
