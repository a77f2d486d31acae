"""What people type renders literally; broken templates give a message, not a traceback."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from doithoai.cli import main
from doithoai.core import schema
from doithoai.core.errors import TemplateError
from doithoai.documents.jobs import make_documents
from doithoai.domain.kinds import OVERRIDE_FOLDER, template_path
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.io.writer import edit_workbook
from tests.docx_reading import paragraphs, text

DATE = dt.date(2026, 6, 5)
TRICKY = ("A & B <b>đậm</b> \"ngoặc kép\" 'đơn' {{ so }} {% if x %}lệnh{% endif %} {#chú thích#}\n"
          "dòng hai\tsau tab 🎉🇻🇳 Nguye\u0302\u0303n ]]> &amp; \\n")
LONG = "Nội dung rất dài, " * 300  # about 5,400 characters


def set_cells(path: Path, sheet_key: str, row: int, values: dict) -> None:
    sheet = schema.TABLES_BY_KEY[sheet_key]

    def edit(workbook):
        worksheet = workbook[sheet.name]
        headers = [c.value for c in worksheet[1]]
        for key, value in values.items():
            worksheet.cell(row, headers.index(sheet.column(key).header) + 1, value)

    edit_workbook(path, edit, make_backup=False)


@pytest.fixture(scope="module")
def tricky(tmp_path_factory, demo_path):
    folder = tmp_path_factory.mktemp("tricky")
    book = folder / "book.xlsm"
    shutil.copyfile(demo_path, book)
    # The first petition answered by letter (one answered at the conference gets none).
    first = next(r for r in read_book(book).petitions.records
                 if r.get("hinh_thuc_xu_ly") == schema.HANDLING_LATER and r.get("noi_dung_tra_loi"))
    set_cells(book, "kien_nghi", first.row, {"noi_dung": TRICKY, "noi_dung_tra_loi": LONG + TRICKY})
    result = make_documents(FileWorkbook(book), ["letters", "report", "memo"], pdf=False)
    return result, first.get("ma_kien_nghi")


def expected(value: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", value).strip()


def test_special_characters_survive_a_letter(tricky):
    result, code = tricky
    letter = next(p for p in result.letter_files if p.name.startswith(f"{code} "))
    content = text(letter)
    assert expected(TRICKY) in content  # \n as a line break, \t as a tab, everything else literally
    assert expected(LONG + TRICKY) in content
    document = Document(str(letter))
    xml = document.element.xml
    assert "<w:br/>" in xml and "<w:tab/>" in xml


@pytest.mark.parametrize("kind", ["report", "memo", "letters"])
def test_special_characters_survive_every_document(tricky, kind):
    result, _ = tricky
    content = text(result.files[kind])
    assert expected(TRICKY) in content, kind


def test_the_combined_file_holds_the_tricky_letter_once(tricky):
    result, _ = tricky
    assert text(result.files["letters"]).count(expected(TRICKY)) == 2  # the petition and its answer


def break_template(folder: Path, kind: str, old: str, new: str) -> Path:
    source = template_path(kind)
    target = folder / OVERRIDE_FOLDER / source.name
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode()
                assert old in xml
                data = xml.replace(old, new, 1).encode()
            zout.writestr(info, data)
    return target


def test_the_office_s_own_template_wins(tmp_book):
    break_template(tmp_book.parent, "notice", "THÔNG BÁO", "THÔNG BÁO (MẪU RIÊNG)")
    result = make_documents(FileWorkbook(tmp_book), ["notice"], pdf=False)
    assert "THÔNG BÁO (MẪU RIÊNG)" in text(result.files["notice"])


@pytest.mark.parametrize(
    ("old", "new", "tag"),
    [
        ("{{ nguoi_ky }}", "{{ nguoi_ky }", "nguoi_ky"),  # a brace deleted
        ("{{ nguoi_ky }}", "{{ nguoi_kyy }}", "nguoi_kyy"),  # a misspelt name
        ("{{ nguoi_ky }}", "{{ nguoi_ky", "nguoi_ky"),  # both braces deleted
        ("{{ nguoi_ky }}", "{% if x %}{{ nguoi_ky }}", "endfor"),  # an if never closed: found at the loop's end
    ],
)
def test_a_broken_tag_names_the_template_and_the_tag(tmp_book, old, new, tag):
    break_template(tmp_book.parent, "letters", old, new)
    before = tmp_book.read_bytes()
    with pytest.raises(TemplateError) as caught:
        make_documents(FileWorkbook(tmp_book), ["letters"], pdf=False)
    message = caught.value.message
    assert "van-ban-tra-loi.docx" in message and tag in message, message
    assert "Traceback" not in message
    assert tmp_book.read_bytes() == before  # no letter numbers recorded


def test_a_broken_tag_from_the_command_line(tmp_book, capsys):
    break_template(tmp_book.parent, "report", "{{ nguoi_ky }}", "{{ nguoi_ky }")
    status = main(["report", str(tmp_book), "--no-pdf"])
    err = capsys.readouterr().err
    assert status == 2
    assert "bao-cao-tong-hop.docx" in err and "Traceback" not in err


def test_a_template_that_is_not_a_docx(tmp_book):
    target = tmp_book.parent / OVERRIDE_FOLDER / "giay-moi.docx"
    target.parent.mkdir()
    target.write_text("not a document")
    with pytest.raises(TemplateError, match="giay-moi.docx"):
        make_documents(FileWorkbook(tmp_book), ["invitations"], pdf=False)


def test_a_letter_paragraph_per_petition(tricky):
    result, code = tricky
    letter = next(p for p in result.letter_files if p.name.startswith(f"{code} "))
    lines = [p.text for p in paragraphs(Document(str(letter)))]
    assert sum(1 for line in lines if re.match(r"\d+\. Nội dung kiến nghị \(KN-\d+\)", line)) >= 1


def test_batch_output_is_a_sound_zip_and_deterministic():
    import io

    from doithoai.documents.render import BatchTemplate

    template = BatchTemplate(template_path("letters"))
    context = {"co_quan_cap_tren": "", "co_quan": "ỦY BAN NHÂN DÂN", "don_vi": "PHƯỜNG TỨ MINH", "ten_day_du": "phường Tứ Minh",
               "ten_don_vi": "Tứ Minh", "noi_nhan": "- Lưu: VT.", "ky_dong_1": "TM. ỦY BAN NHÂN DÂN", "ky_dong_2": "CHỦ TỊCH",
               "ky_dong_3": "", "nguoi_ky": "Nguyễn Văn A", "ten_hoi_nghi": "Hội nghị", "ngay_hoi_nghi": "12/06/2026",
               "nam": 2026,
               "thu": []}
    first, second = template.render(context), template.render(context)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        with zipfile.ZipFile(template_path("letters")) as original:
            assert archive.namelist() == original.namelist()
            for name in original.namelist():
                if name != "word/document.xml":
                    assert archive.read(name) == original.read(name)
