"""The MTTQ copy: nothing personal leaks into any XML part, values only, only the supervision cells unlocked,
the export id recorded in the office's workbook; the address cutting and the masking of numbers in text."""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from books import assignment, make_book, petition, slip
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.commands import share as share_command
from doithoai.core import schema
from doithoai.core.errors import DoithoaiError, ExitStatus
from doithoai.domain.privacy import ID_NUMBER, PHONE, looks_like_group_name, mask_id_number, mask_text, residential_area
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book, read_sheets
from doithoai.mttq.log import parse_log
from doithoai.mttq.share import share
from doithoai.mttq.spec import COVER_SHEET, EXPORT_ID_LABEL, NOTE_KEYS, SHARE_FOLDER, SHARED_PETITIONS, SHARED_SLIPS

NOW = dt.datetime(2026, 6, 20, 9, 30)


# --------------------------------------------------------------------------------------------------
# Addresses cut to the residential group


@pytest.mark.parametrize("address, expected", [
    ("Số 5, ngõ 12 đường Cẩm Khê, Tổ dân phố Cẩm Khê A", "Tổ dân phố Cẩm Khê A"),
    ("Số 5, ngõ 12 đường Cẩm Khê, Tổ dân phố Cẩm Khê A, phường Tứ Minh, TP Hải Phòng", "Tổ dân phố Cẩm Khê A"),
    ("xóm 3, thôn Đông, xã Yên Lạc", "xóm 3, thôn Đông"),
    ("số 12 ngõ 3 tổ 7 phường Quang Trung", "tổ 7"),
    ("12/3 hẻm 5 đường Xóm Chiếu, Khu phố 3, P. 14, Q.4", "Khu phố 3"),
    ("Tổ dân phố số 3, phường Đức Thắng", "Tổ dân phố số 3"),
    ("Ấp 2, xã Tân Phú, tỉnh Đồng Nai", "Ấp 2"),
    ("Bản Mường Lay - xã Mường Tè", "Bản Mường Lay"),
    ("Thôn Bản Lác, xã Chiềng Châu", "Thôn Bản Lác"),
    ("TDP Cẩm Khê B", "TDP Cẩm Khê B"),
    ("Tổ 5 khu phố 3 phường Linh Trung", "Tổ 5, khu phố 3"),
    ("Số 7 phố Huế, Hà Nội", None),
    ("Phường Tứ Minh", None),
    ("", None),
    (None, None),
    (1965, None),
    (unicodedata.normalize("NFD", "Số 2, Thôn Đoài, xã Phong Quang"), "Thôn Đoài"),
])
def test_residential_area(address, expected):
    assert residential_area(address) == expected


_GROUP_KINDS = ("Tổ dân phố", "tổ dân phố", "TDP", "Thôn", "thôn", "Khu phố", "Ấp", "Bản", "Xóm", "Tổ", "Khóm", "Làng", "Buôn")
_GROUP_NAMES = ("Cẩm Khê A", "Cẩm Khê B", "Đông", "Đoài", "Trung Hòa", "3", "số 5", "12", "Mường Lay", "Phú Lợi 2", "An Bình")
_STREETS = ("ngõ {k} đường Cẩm Khê", "hẻm {k} đường Lê Lợi", "ngách {k}/{j} phố Cẩm Thượng", "kiệt {k} Trần Phú",
            "đường Nguyễn Lương Bằng", "phố Huế", "đường Xóm Chiếu", "đường Tổ Hữu")
_HOUSES = ("Số {n}", "số nhà {n}", "{n}", "{n}/{j}", "Nhà {n}", "Số {n}A")
_ADMIN = ("", "phường Tứ Minh", "xã Phong Quang", "P. Linh Trung, TP Thủ Đức", "thị trấn Vĩnh Bảo, huyện Vĩnh Bảo",
          "tỉnh Nghệ An")


@st.composite
def structured_addresses(draw):
    n, j, k = draw(st.integers(1, 999)), draw(st.integers(1, 99)), draw(st.integers(2, 199))
    house = draw(st.sampled_from(_HOUSES)).format(n=n, j=j)
    street = draw(st.sampled_from(_STREETS)).format(k=k, j=j)
    group = f"{draw(st.sampled_from(_GROUP_KINDS))} {draw(st.sampled_from(_GROUP_NAMES))}"
    admin = draw(st.sampled_from(_ADMIN))
    separator = draw(st.sampled_from((", ", " ", " - ", "; ")))
    parts = [house, street, group] + ([admin] if admin else [])
    return separator.join(parts), group, house, street


@settings(max_examples=300, deadline=None)
@given(structured_addresses())
def test_structured_addresses_keep_only_the_group(example):
    address, group, house, street = example
    result = residential_area(address)
    assert result == group  # the house number and the street are gone, the group is whole


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | structured_addresses().map(lambda e: e[0]))
def test_residential_area_is_pure_idempotent_and_only_cuts(address):
    result = residential_area(address)
    assert result is None or (isinstance(result, str) and result.strip())
    if result is not None:
        assert residential_area(result) == result
        flat = " ".join(unicodedata.normalize("NFC", address).split())
        for part in result.split(", "):
            assert part in flat


def test_bare_group_names():
    assert looks_like_group_name("Cẩm Khê A")
    assert not looks_like_group_name("Số 5 ngõ 12 Cẩm Khê")
    assert not looks_like_group_name("5, đường Lê Lợi")
    assert not looks_like_group_name("")


# --------------------------------------------------------------------------------------------------
# Numbers inside free text


def test_mask_text_examples():
    text, found = mask_text(
        "Gọi 0912 345 678, +84 988.123.456 hoặc (024) 3825 1234; CCCD 001085012345, CMND 123456789, "
        "thẻ 001 085 012 345. Diện tích 30 m2, 1.500.000 đồng, ngày 12/6/2026, năm 1993."
    )
    assert text == (
        "Gọi 0912***678, 0988***456 hoặc 0243***234; CCCD 001*******45, CMND 123****89, "
        "thẻ 001*******45. Diện tích 30 m2, 1.500.000 đồng, ngày 12/6/2026, năm 1993."
    )
    assert [m.kind for m in found] == [PHONE, PHONE, PHONE, ID_NUMBER, ID_NUMBER, ID_NUMBER]
    assert mask_text("Không có số nào") == ("Không có số nào", [])
    assert mask_id_number("001085012345") == "001*******45"


_FILLER = st.text(alphabet="abcdđêôơưạảấầẩẫậ ĐÂ,.;:", max_size=20)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"0[35789][0-9]{8}", fullmatch=True), st.integers(0, 5), _FILLER, _FILLER)
def test_any_mobile_in_any_format_is_masked(number, style, before, after):
    formats = (
        number, "+84" + number[1:], "84" + number[1:], f"{number[:4]} {number[4:7]} {number[7:]}",
        f"{number[:4]}.{number[4:7]}.{number[7:]}", f"{number[:4]}-{number[4:7]}-{number[7:]}",
    )
    text, found = mask_text(f"{before} {formats[style]} {after}")
    digits = re.sub(r"\D", "", text)
    assert number not in digits and number[1:] not in digits
    assert "0" + number[1:4] + "***" + number[-3:] in text
    assert [m.kind for m in found] == [PHONE]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 .-+()abđ,"), max_size=60))
def test_masking_is_idempotent_and_leaves_no_long_number(text):
    once, _ = mask_text(text)
    assert mask_text(once) == (once, [])
    assert not re.search(r"(?<!\d)(\d{12}|\d{9}|0\d{9})(?!\d)", once)


# --------------------------------------------------------------------------------------------------
# The demo workbook's copy


@pytest.fixture(scope="module")
def demo_share(tmp_path_factory, demo_path):
    folder = tmp_path_factory.mktemp("share")
    book_path = folder / "so-doi-thoai.xlsm"
    shutil.copyfile(demo_path, book_path)
    before = read_sheets(book_path)
    book = read_book(book_path)
    result = share(FileWorkbook(book_path), now=NOW)
    return book_path, book, before, result


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def _text_of(xml: str) -> str:
    """Every text node of an XML part, unescaped, each followed by a separator."""
    return "\u241e".join(html.unescape(t) for t in re.findall(r">([^<]+)<", xml))


def _phone_variants(number: str) -> set[str]:
    return {
        number, number[1:], "84" + number[1:], "+84" + number[1:],
        f"{number[:4]} {number[4:7]} {number[7:]}", f"{number[:4]}.{number[4:7]}.{number[7:]}",
    }


def test_default_target_and_summary(demo_share):
    book_path, book, _, result = demo_share
    assert result.path == book_path.parent / SHARE_FOLDER / "so-doi-thoai - ban chia se MTTQ 2026-06-20.xlsx"
    assert result.path.exists()
    assert result.counts == {"kien_nghi": 80, "phan_cong": len(book.assignments), "moc_thoi_gian": len(book.milestones),
                             "phieu": 60}
    assert re.fullmatch(r"MTTQ-20260620-0930-[0-9A-F]{6}", result.export_id)
    assert "Hãy đọc lại nội dung kiến nghị trước khi gửi" in result.summary
    assert result.export_id in result.summary
    data = result.to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False))["export_id"] == result.export_id


def test_no_phone_birth_year_or_full_address_in_any_xml_part(demo_share):
    book_path, book, _, result = demo_share
    parts = _parts(result.path)
    assert parts, "empty archive"
    texts = {name: (xml, _text_of(xml)) for name, xml in parts.items()}
    phones = {r["dien_thoai"] for r in book.slips} | {r["dien_thoai"] for r in book.delegates if r["dien_thoai"]}
    assert len(phones) > 150
    addresses = {r["dia_chi"] for r in book.slips} | {r["dia_chi"] for r in book.petitions if str(r["dia_chi"]).startswith("Số")}
    streets = {a.rsplit(", Tổ dân phố", 1)[0] for a in addresses}
    assert len(addresses) > 50 and all(s != a for s, a in zip(sorted(streets), sorted(addresses), strict=False))
    for name, (xml, text) in texts.items():
        for number in phones:
            for variant in _phone_variants(number):
                assert variant not in xml and variant not in text, f"{variant} in {name}"
        for address in addresses | streets:
            assert address not in text, f"{address!r} in {name}"
        assert not re.search(r"Số \d+, ngõ", text), name
        assert str(book_path.parent) not in xml and "Sao lưu" not in text
    # Masked forms are there instead.
    some = next(iter(r["dien_thoai"] for r in book.slips))
    assert any(some[:4] + "***" + some[-3:] in text for _, text in texts.values())


def test_no_birth_year_in_the_slip_sheet(demo_share):
    _, book, _, result = demo_share
    workbook = openpyxl.load_workbook(result.path)
    worksheet = workbook[schema.SLIPS.name]
    header = [c.value for c in worksheet[1]]
    assert schema.SLIPS.column("nam_sinh").header not in header
    assert schema.SLIPS.column("dia_chi").header not in header
    years = {r["nam_sinh"] for r in book.slips}
    by_code = {r["ma_phieu"]: r for r in book.slips}
    for row in worksheet.iter_rows(min_row=2, values_only=True):
        slip_record = by_code[row[0]]
        values = {str(v) for v in row if v is not None}
        assert slip_record["nam_sinh"] not in values
        assert not (values & years)
        assert row[header.index("Tổ dân phố, thôn")] == slip_record["to_dan_pho"]
        phone = row[header.index("Số điện thoại (đã che)")]
        assert phone == slip_record["dien_thoai"][:4] + "***" + slip_record["dien_thoai"][-3:]
    # The raw XML of that sheet holds no year as a cell value either.
    sheet_xml = _sheet_xml(result.path, schema.SLIPS.name)
    cell_values = set(re.findall(r"<(?:v|t)(?: [^>]*)?>([^<]*)</(?:v|t)>", sheet_xml))
    assert not (cell_values & years)


def _sheet_xml(path: Path, sheet_name: str) -> str:
    parts = _parts(path)
    rels = {}
    for tag in re.findall(r"<Relationship [^>]*>", parts["xl/_rels/workbook.xml.rels"]):
        rid = re.search(r'Id="([^"]+)"', tag).group(1)
        rels[rid] = re.search(r'Target="([^"]+)"', tag).group(1).lstrip("/").removeprefix("xl/")
    for tag in re.findall(r"<sheet [^>]*>", parts["xl/workbook.xml"]):
        if html.unescape(re.search(r'name="([^"]+)"', tag).group(1)) == sheet_name:
            return parts["xl/" + rels[re.search(r'r:id="([^"]+)"', tag).group(1)]]
    raise AssertionError(f"no sheet {sheet_name}")


def test_values_only_no_macros_names_comments_or_hidden_sheets(demo_share):
    _, _, _, result = demo_share
    parts = _parts(result.path)
    names = set(parts)
    unwanted = r"vbaProject|comments|drawings|vmlDrawing|externalLink|customXml|printerSettings|threadedComments|persons"
    assert not any(re.search(unwanted, n, re.I) for n in names), names
    workbook_xml = parts["xl/workbook.xml"]
    # No names but Excel's built-in print titles (each table's header row on every printed page).
    names = re.findall(r'<definedName name="([^"]+)"', workbook_xml)
    assert set(names) <= {"_xlnm.Print_Titles"} and "<definedName>" not in workbook_xml
    assert 'state="hidden"' not in workbook_xml and "veryHidden" not in workbook_xml
    for name, xml in parts.items():
        if name.startswith("xl/worksheets/"):
            assert "<f>" not in xml and "<f " not in xml, name
            assert 'hidden="1"' not in xml, name
    core = parts["docProps/core.xml"]
    assert re.search(r"<dc:creator[^>]*>Đối thoại</dc:creator>", core)
    assert "Đối thoại</cp:lastModifiedBy>" in core
    texts = [t for t in re.findall(r">([^<]+)<", core) if t.strip() and not re.fullmatch(r"[\dT:Z-]+", t)]
    assert sorted(texts) == sorted(["Đối thoại", "Đối thoại", "Bản chia sẻ cho Ủy ban MTTQ", result.export_id])
    assert "Nguyễn Thị Sâm" not in core + parts["docProps/app.xml"]  # the signer of the office's papers
    workbook = openpyxl.load_workbook(result.path)
    assert workbook.sheetnames == [COVER_SHEET, "Kiến nghị", "Phân công", "Mốc thời gian", "Phiếu đăng ký"]
    assert all(ws.sheet_state == "visible" for ws in workbook.worksheets)
    assert not workbook.defined_names
    assert workbook.properties.creator == "Đối thoại"


def test_sheets_protected_only_supervision_cells_unlocked(demo_share):
    _, book, _, result = demo_share
    workbook = openpyxl.load_workbook(result.path)
    note_headers = {SHARED_PETITIONS.column(k).header for k in NOTE_KEYS}
    unlocked = set()
    for worksheet in workbook.worksheets:
        assert worksheet.protection.sheet, worksheet.title
        for row in worksheet.iter_rows():
            for cell in row:
                if not cell.protection.locked:
                    unlocked.add((worksheet.title, cell.coordinate))
    petitions = workbook[schema.PETITIONS.name]
    header = [c.value for c in petitions[1]]
    expected = {
        (schema.PETITIONS.name, f"{openpyxl.utils.get_column_letter(header.index(h) + 1)}{r}")
        for h in note_headers
        for r in range(2, len(book.petitions) + 2)
    }
    assert unlocked == expected


def test_cover_sheet(demo_share):
    book_path, _, _, result = demo_share
    workbook = openpyxl.load_workbook(result.path)
    cover = workbook[COVER_SHEET]
    labels = {row[0]: row[1] for row in cover.iter_rows(values_only=True) if row[0]}
    assert labels[EXPORT_ID_LABEL] == result.export_id
    assert labels["Tạo từ sổ"] == book_path.name
    assert labels["Đơn vị"] == "UBND phường Tứ Minh"
    assert labels["Kế hoạch"] == "118/KH-UBND ngày 15/05/2026"
    assert labels["Thời điểm tạo"] == "09:30 ngày 20/06/2026"
    text = " ".join(str(v) for row in cover.iter_rows(values_only=True) for v in row if v)
    assert "Ý kiến giám sát" in text and "Ngày giám sát" in text and "91/2025/QH15" in text
    assert str(book_path.parent) not in text
    assert unicodedata.is_normalized("NFC", text)


def test_petitions_keep_what_supervision_needs(demo_share):
    _, book, _, result = demo_share
    workbook = openpyxl.load_workbook(result.path)
    worksheet = workbook[schema.PETITIONS.name]
    header = [c.value for c in worksheet[1]]
    assert header == [c.header for c in SHARED_PETITIONS.columns]
    rows = list(worksheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(book.petitions)
    for record, row in zip(book.petitions, rows, strict=True):
        shown = dict(zip([c.key for c in SHARED_PETITIONS.columns], row, strict=True))
        for key in ("ma_kien_nghi", "nguoi_kien_nghi", "noi_dung", "noi_dung_tra_loi", "trang_thai", "linh_vuc"):
            assert shown[key] == record[key]
        if str(record["dia_chi"]).startswith("Số"):
            assert shown["dia_chi"].startswith("Tổ dân phố Cẩm Khê ")


def test_the_office_workbook_gains_only_the_share_log(demo_share):
    book_path, book, before, result = demo_share
    after = read_sheets(book_path)
    assert set(after) == set(before) | {schema.SHARE_LOG_SHEET}
    for name, rows in before.items():
        assert after[name] == rows, name
    entries = parse_log(after[schema.SHARE_LOG_SHEET])
    assert len(entries) == 1
    assert entries[0].export_id == result.export_id
    assert entries[0].file_name == result.path.name
    assert entries[0].count == 80
    assert entries[0].codes == tuple(r["ma_kien_nghi"] for r in book.petitions)
    assert len(entries[0].fingerprints) == 80 and all(re.fullmatch(r"[0-9a-f]{10}", f) for f in entries[0].fingerprints)
    assert list(after[schema.SHARE_LOG_SHEET][0]) == list(schema.SHARE_LOG_HEADER)
    backups = list((book_path.parent / "Sao lưu").iterdir())
    assert backups, "the previous workbook is kept"


def test_second_share_appends_to_the_log_and_numbers_the_file(tmp_book):
    first = share(FileWorkbook(tmp_book), now=NOW)
    second = share(FileWorkbook(tmp_book), now=NOW)
    assert first.export_id != second.export_id
    assert second.path.name == f"{tmp_book.stem} - ban chia se MTTQ 2026-06-20 (2).xlsx"
    entries = parse_log(read_sheets(tmp_book)[schema.SHARE_LOG_SHEET])
    assert [e.export_id for e in entries] == [first.export_id, second.export_id]


# --------------------------------------------------------------------------------------------------
# Small books through an in-memory access object


class MemoryAccess:
    """Satisfies `WorkbookAccess` without a file (like a new workbook open in Excel, never saved)."""

    path = None

    def __init__(self, book, folder: Path):
        self.book = book
        self.source = book.source
        self.folder = Path(folder)
        self.writes = []
        self.messages = []

    def read(self):
        return self.book

    def write(self, changes):
        self.writes.append(changes)

    def progress(self, message):
        self.messages.append(message)

    def read_sheet(self, name):
        return []


def test_numbers_in_free_text_are_masked_and_listed(tmp_path):
    book = make_book({
        "phieu": [slip(1, dia_chi="Số 9, ngõ 3 đường Tứ Minh, Tổ dân phố Cẩm Khê B", to_dan_pho=None, dien_thoai="0912 345 678",
                       ghi_chu="Con gái: 0988.111.222")],
        "kien_nghi": [
            petition(1, noi_dung="Liên hệ ông Ba 0912345678, CCCD 001085012345 để kiểm tra.",
                     dia_chi="Số 9, ngõ 3 đường Tứ Minh, Tổ dân phố Cẩm Khê B"),
            petition(2, noi_dung="=1+1 không phải công thức", ma_phieu="P-001", dia_chi=None),
        ],
        "phan_cong": [assignment("KN-001", ghi_chu="gọi 0903 123 456")],
    })
    access = MemoryAccess(book, tmp_path)
    result = share(access, tmp_path / "ban.xlsx", now=NOW)
    found = {(m.sheet, m.cell, m.kind) for m in result.masked}
    noi_dung = "G"  # column of `Nội dung kiến nghị` in a book built by make_book
    assert found == {
        ("Kiến nghị", f"{noi_dung}2", PHONE), ("Kiến nghị", f"{noi_dung}2", ID_NUMBER),
        ("Phiếu đăng ký", "K2", PHONE), ("Phân công", "H2", PHONE),
    }
    assert all(m.description.startswith("Trang “") for m in result.masked)
    assert "Cảnh báo: đã che 4 số" in result.summary and "Kiến nghị!G2" in result.summary
    workbook = openpyxl.load_workbook(result.path)
    petitions = workbook["Kiến nghị"]
    assert petitions["G2"].value == "Liên hệ ông Ba 0912***678, CCCD 001*******45 để kiểm tra."
    assert petitions["G3"].value == "=1+1 không phải công thức" and petitions["G3"].data_type == "s"
    assert petitions["E2"].value == "Tổ dân phố Cẩm Khê B"
    assert petitions["E3"].value == "Tổ dân phố Cẩm Khê B"  # from its slip
    slips = workbook["Phiếu đăng ký"]
    header = [c.value for c in slips[1]]
    assert header == [c.header for c in SHARED_SLIPS.columns]
    row = [c.value for c in slips[2]]
    assert row[header.index("Tổ dân phố, thôn")] == "Tổ dân phố Cẩm Khê B"
    assert row[header.index("Số điện thoại (đã che)")] == "0912***678"
    assert row[header.index("Ghi chú")] == "Con gái: 0988***222"
    assert workbook["Phân công"]["H2"].value == "gọi 0903***456"
    # The log went to the workbook in one write.
    (changes,) = access.writes
    (sheet,) = changes.sheets
    assert sheet.name == schema.SHARE_LOG_SHEET and sheet.rows[1][0] == result.export_id
    assert [row[4] for row in sheet.rows[1:]] == ["KN-001", "KN-002"]  # one row per shared petition
    assert {row[0] for row in sheet.rows[1:]} == {result.export_id}
    assert not changes.cells


def test_petitions_without_or_with_duplicate_codes_are_warned(tmp_path):
    book = make_book({"kien_nghi": [petition(1), petition(2, ma_kien_nghi=None), petition(3, ma_kien_nghi="KN-001")]})
    result = share(MemoryAccess(book, tmp_path), tmp_path / "ban.xlsx", now=NOW)
    assert len(result.warnings) == 2
    assert "chưa có mã (dòng 3)" in result.warnings[0]
    assert "KN-001" in result.warnings[1]


@pytest.mark.parametrize("name", ["ban.xlsm", "ban.ods", "thu.xlsx"])
def test_refuses_a_bad_target(tmp_path, name):
    book = make_book({"kien_nghi": [petition(1)]})
    access = MemoryAccess(book, tmp_path)  # the book is "thu.xlsm" in tmp_path
    access.source = "thu.xlsx"
    with pytest.raises(DoithoaiError) as info:
        share(access, tmp_path / name, now=NOW)
    assert info.value.status == ExitStatus.UNUSABLE
    assert not access.writes and not (tmp_path / name).exists()


def test_refuses_to_overwrite_the_workbook_itself(tmp_book):
    before = tmp_book.read_bytes()
    target = tmp_book.with_suffix(".xlsx")
    tmp_book.rename(target)
    with pytest.raises(DoithoaiError):
        share(FileWorkbook(target), target, now=NOW)
    assert target.read_bytes() == before


def test_refuses_when_the_workbook_is_open(tmp_book):
    lock = tmp_book.with_name("~$" + tmp_book.name)
    lock.write_text("x")
    before = tmp_book.read_bytes()
    with pytest.raises(DoithoaiError):
        share(FileWorkbook(tmp_book), tmp_book.parent / "ban.xlsx", now=NOW)
    assert tmp_book.read_bytes() == before
    assert not (tmp_book.parent / "ban.xlsx").exists()


# --------------------------------------------------------------------------------------------------
# The command


def test_share_command(tmp_book, capsys):
    out = tmp_book.parent / "gui MTTQ.xlsx"
    assert share_command.run(argparse.Namespace(book=tmp_book, out=out, json=False)) == ExitStatus.OK
    printed = capsys.readouterr().out
    assert "Đã tạo bản chia sẻ cho Ủy ban MTTQ" in printed and str(out) in printed
    assert out.exists()
    assert share_command.run(argparse.Namespace(book=tmp_book, out=out, json=True)) == ExitStatus.OK
    data = json.loads(capsys.readouterr().out)
    assert data["path"] == str(out) and data["counts"]["kien_nghi"] == 80 and data["masked"] == []


def test_share_command_arguments():
    parser = argparse.ArgumentParser()
    share_command.add_arguments(parser)
    args = parser.parse_args(["so.xlsm", "--out", "x.xlsx", "--json"])
    assert args.book == Path("so.xlsm") and args.out == Path("x.xlsx") and args.json
    assert share_command.NAME == "share"
