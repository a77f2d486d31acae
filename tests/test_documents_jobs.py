"""The documents job on the sample conference: content, numbering, file names, Decree 30 format."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from collections import Counter

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from doithoai.core import schema
from doithoai.documents.jobs import make_documents
from doithoai.domain.kinds import KINDS
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from tests.docx_reading import fonts, paragraphs, text

DATE = dt.date(2026, 6, 5)


@pytest.fixture(scope="module")
def run(tmp_path_factory, demo_path):
    folder = tmp_path_factory.mktemp("documents")
    book = folder / "book.xlsm"
    shutil.copyfile(demo_path, book)
    # One date for every kind, each one's window aside (--force-date): the format is what these tests look at; the
    # dates themselves are tests/test_document_dates.py's.
    result = make_documents(FileWorkbook(book), list(KINDS), pdf=False, date=DATE, now=dt.datetime(2026, 6, 5, 9, 30),
                            force_date=True)  # every kind by name: reminders are made only when named
    return book, result


def test_every_kind_is_written_in_one_folder_per_run(run):
    book, result = run
    assert result.folder == book.parent / "Văn bản" / "2026-06-05 09-30-00"
    assert set(result.files) == set(KINDS)
    for path in result.files.values():
        assert path.parent == result.folder and path.suffix == ".docx"
    assert not list(result.folder.rglob(".~*"))  # no temporary file left behind
    assert "Đã tạo văn bản" in result.summary


def test_a_second_run_gets_its_own_folder(run, tmp_path):
    book, _ = run
    copy = tmp_path / "book.xlsm"
    shutil.copyfile(book, copy)
    now = dt.datetime(2026, 6, 5, 9, 30)
    first = make_documents(FileWorkbook(copy), ["notice"], pdf=False, now=now)
    second = make_documents(FileWorkbook(copy), ["notice"], pdf=False, now=now)
    assert first.folder != second.folder and second.folder.name == "2026-06-05 09-30-00 (2)"
    assert first.files["notice"].exists()


def test_report_lists_every_petition_exactly_once(run, demo_path):
    _, result = run
    book = read_book(demo_path)
    codes = [r.get("ma_kien_nghi") for r in book.petitions]
    content = text(result.files["report"])
    listed = Counter(re.findall(r"^\d+\. (KN-\d+) –", content, re.MULTILINE))
    assert listed == Counter(codes) and len(codes) == 80
    pending = [r.get("ma_kien_nghi") for r in book.petitions if not r.get("noi_dung_tra_loi")]
    assert len(pending) == 6
    for code in pending:
        line = next(p for p in content.splitlines() if p.startswith(tuple(f"{n}. {code} –" for n in range(1, 81))))
        index = content.index(line)
        assert "Đang xử lý, chưa có nội dung trả lời." in content[index: index + 2000].split("\n\n")[0] or \
               "Đang xử lý" in content[index: content.find("\n", content.find("\n", index) + 1)]
    assert "Tổng cộng" in content
    document = Document(str(result.files["report"]))
    assert document.inline_shapes and document.inline_shapes[0].width > Mm(100)  # the chart


def test_every_answered_petitioner_gets_exactly_one_letter(run, demo_path):
    _, result = run
    book = read_book(demo_path)
    # Seed 000: matters answered at the conference get no letter unless the office asks for one.
    answered = [r for r in book.petitions
                if r.get("noi_dung_tra_loi") and r.get("hinh_thuc_xu_ly") != schema.HANDLING_AT_CONFERENCE]
    letters = sorted(result.letter_files)
    assert letters and all(p.parent.name == "tra-loi" for p in letters)
    seen: Counter[str] = Counter()
    for path in letters:
        assert re.fullmatch(r"KN-\d{3} [A-Za-z .()\-0-9]+\.docx", path.name), path.name
        content = text(path)
        assert content.count("Kính gửi:") == 1
        seen.update(re.findall(r"\((KN-\d+)\)", content))
    assert seen == Counter(r.get("ma_kien_nghi") for r in answered)
    combined = text(result.files["letters"])
    assert combined.count("Kính gửi:") == len(letters)
    assert Counter(re.findall(r"\((KN-\d+)\)", combined)) == seen
    for record in book.petitions:
        if not record.get("noi_dung_tra_loi"):
            assert f"({record.get('ma_kien_nghi')})" not in combined


def test_salutation_comes_from_the_slip(run, demo_path):
    _, result = run
    book = read_book(demo_path)
    slips = {s.get("ma_phieu"): s for s in book.slips}
    checked = 0
    for path in result.letter_files:
        code = path.name.split()[0]
        record = next(r for r in book.petitions if r.get("ma_kien_nghi") == code)
        slip = slips.get(record.get("ma_phieu"))
        if slip is None or slip.get("gioi_tinh") not in ("Nam", "Nữ"):
            continue
        title = "Ông" if slip.get("gioi_tinh") == "Nam" else "Bà"
        assert f"Kính gửi: {title} {record.get('nguoi_kien_nghi')}" in text(path)
        checked += 1
    assert checked > 20


def test_letters_are_numbered_once_and_recorded_in_the_workbook(run, tmp_path):
    book_path, result = run
    book = read_book(book_path)
    numbers = {r.get("ma_kien_nghi"): (r.get("so_van_ban_tra_loi"), r.get("ngay_van_ban_tra_loi")) for r in book.petitions}
    answered = {code: value for code, value in numbers.items() if value[0]}
    by_letter = [r for r in book.petitions
                 if r.get("noi_dung_tra_loi") and r.get("hinh_thuc_xu_ly") != schema.HANDLING_AT_CONFERENCE]
    assert len(answered) == len(by_letter) and all(date == DATE for _, date in answered.values())
    used = sorted({int(number.split("/")[0]) for number, _ in answered.values()})
    assert used == list(range(150, 150 + len(result.letter_files)))
    assert all(number.endswith("/UBND-VP") for number, _ in answered.values())

    copy = tmp_path / "again.xlsm"
    shutil.copyfile(book_path, copy)
    again = make_documents(FileWorkbook(copy), ["letters"], pdf=False, date=dt.date(2026, 7, 1))
    after = {r.get("ma_kien_nghi"): (r.get("so_van_ban_tra_loi"),
                                     r.get("ngay_van_ban_tra_loi")) for r in read_book(copy).petitions}
    assert after == numbers  # nothing renumbered, nothing redated
    assert "không có số mới" in again.summary
    first = next(p for p in again.letter_files if p.name.startswith(f"{min(answered)} "))  # the first letter
    assert "ngày 05 tháng 6 năm 2026" in text(first)  # reprinted with its own date


def test_no_write_leaves_the_workbook_alone(tmp_book):
    before = tmp_book.read_bytes()
    make_documents(FileWorkbook(tmp_book), ["letters"], tmp_book.parent / "out", pdf=False, date=DATE, write=False,
                   force_date=True)
    assert tmp_book.read_bytes() == before


def test_speakers_in_registered_order_with_time_slots(run, demo_path):
    _, result = run
    content = text(result.files["agenda"]).split("THỨ TỰ PHÁT BIỂU")[1]
    slots = re.findall(r"(\d{2}h\d{2}) - (\d{2}h\d{2})", content)
    assert len(slots) > 10
    assert all(end == start for (_, end), (start, _) in itertools.pairwise(slots))  # back to back
    # 5 minutes each, after the programme's items before the speakers (default programme: 10 + 20 + 15 minutes from 08h00)
    assert slots[0][0] == "08h45" and slots[1][0] == "08h50"
    book = read_book(demo_path)
    order = [s.get("ho_ten") for s in sorted(book.slips, key=lambda s: (s.get("ngay_nhan"), s.row))]
    positions = [content.find(name) for name in order[:5]]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)


def test_invitations_and_sign_in_list_cover_every_delegate(run, demo_path):
    _, result = run
    book = read_book(demo_path)
    names = [d.get("ho_ten") for d in book.delegates]
    invitations = text(result.files["invitations"]).replace("\u00a0", " ")
    signin = text(result.files["signin"])
    hosts = {book.settings["nguoi_ky"]} | {d.get("ho_ten") for d in book.delegates if d.get("chuc_vu") == "Chủ tịch UBND"}
    invited = re.findall(r"trân trọng kính mời: (?:Ông \(Bà\)|Ông|Bà) (.+)", invitations)
    for name in names:
        assert name in signin
        assert (name in invited) == (name not in hosts), name
    assert invitations.count("GIẤY MỜI") == len(set(names) - hosts)


# -- Decree 30/2020/NĐ-CP format ---------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(KINDS))
def test_page_and_fonts(run, kind):
    _, result = run
    document = Document(str(result.files[kind]))
    assert fonts(document) == {"Times New Roman"}
    for section in document.sections:
        short, long = sorted((section.page_width, section.page_height))
        assert abs(short - Mm(210)) < Mm(1) and abs(long - Mm(297)) < Mm(1)  # A4
        assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25)
        assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20)


@pytest.mark.parametrize("kind", list(KINDS))
def test_letterhead_and_signature(run, kind):
    _, result = run
    document = Document(str(result.files[kind]))
    lines = [p.text for p in paragraphs(document)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Độc lập - Tự do - Hạnh phúc" in lines
    assert "ỦY BAN NHÂN DÂN" in lines and "PHƯỜNG TỨ MINH" in lines
    # The slip's date is the citizen's to fill in; the plan carries the day `Kế hoạch` says it was issued; every other
    # kind carries the run's (forced) date.
    dated = {"slips": "Tứ Minh, ngày …… tháng …… năm 2026", "plan": "Tứ Minh, ngày 15 tháng 5 năm 2026"}
    date = next(p for p in paragraphs(document) if p.text == dated.get(kind, "Tứ Minh, ngày 05 tháng 6 năm 2026"))
    assert all(run.italic for run in date.runs if run.text.strip())
    if KINDS[kind].symbol:
        assert any(re.fullmatch(r"Số: .*/" + re.escape(KINDS[kind].symbol.split("-")[0]) + r".*", line) for line in lines), kind
    if kind == "slips":
        assert "NGƯỜI ĐĂNG KÝ" in lines and "Nơi nhận:" not in lines
    elif kind == "minutes":  # signed by the secretary and the chair (Decree 30's minutes)
        assert "THƯ KÝ" in lines and "CHỦ TRÌ" in lines and "Nơi nhận:" in lines
    elif kind not in ("agenda", "signin"):
        heading = next(p for p in paragraphs(document) if p.text == "Nơi nhận:")
        assert heading.runs[0].bold and heading.runs[0].italic
        assert "Nguyễn Thị Sâm" in lines
        assert "KT. CHỦ TỊCH" in lines and "PHÓ CHỦ TỊCH" in lines


@pytest.mark.parametrize("kind", list(KINDS))
def test_page_numbers_centred_at_the_top_from_page_two(run, kind):
    _, result = run
    document = Document(str(result.files[kind]))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_header._element.xml
    header = section.header
    field = [p for p in header.paragraphs if "PAGE" in p._p.xml]
    assert field and field[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert any(instr.text and instr.text.strip() == "PAGE" for instr in header._element.iter(qn("w:instrText"))) or \
        any("PAGE" in (f.get(qn("w:instr")) or "") for f in header._element.iter(qn("w:fldSimple")))


def test_every_kind_in_the_registry_has_a_template_a_builder_and_its_own_file():
    from doithoai.core.resources import templates_dir
    from doithoai.domain.kinds import builder

    assert len({spec.output.casefold() for spec in KINDS.values()}) == len(KINDS)
    for kind, spec in KINDS.items():
        assert (templates_dir() / spec.template).is_file(), kind
        assert callable(builder(kind)), kind


def test_an_unknown_kind_is_an_error_not_a_notice(tmp_book, tmp_path):
    with pytest.raises(ValueError, match="unknown document kinds"):
        make_documents(FileWorkbook(tmp_book), ["memo", "bien-ban"], tmp_path / "out", pdf=False)
    assert not any((tmp_path / "out").rglob("*.docx"))


def test_pdf_required_without_libreoffice_is_refused_by_the_job(tmp_book, tmp_path, monkeypatch):
    # The rule lives in the job, so the buttons and every command get it, not only `documents --pdf`.
    from doithoai.core.errors import DoithoaiError
    from doithoai.documents import pdf as pdf_module

    monkeypatch.setattr(pdf_module, "soffice", lambda: None)
    with pytest.raises(DoithoaiError, match="LibreOffice"):
        make_documents(FileWorkbook(tmp_book), ["notice"], tmp_path / "out", pdf=True)
    assert not (tmp_path / "out").exists()
