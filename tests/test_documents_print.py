"""The documents as printed: every document rendered, converted by LibreOffice, and read page by page.

A clerk signs what comes out of the printer, so these tests look where a clerk looks: the signer's name
on the page of the signature title and "Nơi nhận:", each letter and invitation numbered as a document
of its own, the memo's codes and dates on one line, no table row cut in two. On the sample conference,
and (`slow`) on a workbook with 300 petitions and long texts.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from doithoai.documents.jobs import make_documents
from doithoai.domain.kinds import KINDS
from doithoai.io.access import FileWorkbook
from tests.pdf_pages import Page, documents_in, need_tools, page_of, read_pages, squeeze, to_pdfs

DATE = dt.date(2026, 6, 5)
SIGNED = ("invitations", "letters", "memo", "notice", "report", "plan", "reminders")
CODE = re.compile(r"^KN-\d{3,}$")
DATE_WORD = re.compile(r"^\d{2}/\d{2}/\d{4}$")


def _render(book: Path, folder: Path) -> dict[str, list[Page]]:
    result = make_documents(FileWorkbook(book), list(KINDS), pdf=False, date=DATE, write=False,
                            now=dt.datetime(2026, 6, 5, 9, 30),
                            force_date=True)  # one date on every kind: what is printed is looked at here, not the dates
    pdfs = to_pdfs(list(result.files.values()), folder / "pdf")
    return {kind: read_pages(pdfs[path]) for kind, path in result.files.items()}


@pytest.fixture(scope="module")
def printed(tmp_path_factory, demo_path) -> dict[str, list[Page]]:
    need_tools()
    folder = tmp_path_factory.mktemp("printed")
    book = folder / "book.xlsm"
    shutil.copyfile(demo_path, book)
    return _render(book, folder)


def _big_book(path: Path) -> Path:
    """The sample conference grown to 300 petitions with long texts, each assigned to a lead and two partners."""
    from doithoai.book.builder import build_workbook
    from doithoai.core import schema
    from doithoai.workflows.sample import sample_conference

    data = sample_conference()
    petitions, assignments = data.tables["kien_nghi"], data.tables["phan_cong"]
    units = list(schema.lookup("don_vi").values)
    base = list(petitions)
    for n in range(len(base) + 1, 301):
        model = dict(base[n % len(base)])
        model.update({"ma_kien_nghi": f"KN-{n:03d}", "ma_phieu": None, "so_van_ban_tra_loi": None,
                      "noi_dung": (model["noi_dung"] + " ") * 4 + f"(ý kiến thứ {n})",
                      "hinh_thuc_xu_ly": schema.HANDLING_LATER})
        if model.get("noi_dung_tra_loi"):
            model["noi_dung_tra_loi"] = (model["noi_dung_tra_loi"] + " ") * 5
        petitions.append(model)
        for offset, role in enumerate((schema.ROLE_LEAD, schema.ROLE_SUPPORT, schema.ROLE_SUPPORT)):
            assignments.append({"ma_kien_nghi": f"KN-{n:03d}", "don_vi": units[(n + offset) % len(units)], "vai_tro": role,
                                "ngay_giao": dt.date(2026, 5, 22), "han_hoan_thanh": None, "ngay_hoan_thanh": None,
                                "ghi_chu": None})
    build_workbook(path, data=data)
    return path


@pytest.fixture(scope="module")
def printed_big(tmp_path_factory) -> dict[str, list[Page]]:
    need_tools()
    folder = tmp_path_factory.mktemp("printed-big")
    return _render(_big_book(folder / "big.xlsx"), folder)


# --------------------------------------------------------------------------------------------------
# The checks, shared by the sample and the big workbook.


def check_signature_on_one_page(pages: list[Page], signer: str = "Nguyễn Thị Sâm") -> int:
    """In every document of the file: "Nơi nhận:", the signature title and the signer's name on one page,
    together with the body's closing line ("./.")."""
    parts = documents_in(pages)
    for part in parts:
        recipients, title, name = (page_of(part, text) for text in ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", signer))
        assert name is not None, f"no signer in the document starting on page {part[0].number}"
        assert recipients == title == name, (
            f"document starting on page {part[0].number}: Nơi nhận on {recipients}, title on {title}, name on {name}")
        closing = max((i for i, page in enumerate(part) if any(line.endswith("./.") for line in page.line_texts())), default=None)
        assert closing == name, f"document starting on page {part[0].number}: the body's last line is not on the signature's page"
    return len(parts)


def check_numbering_restarts(pages: list[Page]) -> None:
    """Each document of a combined file: no number on its first page, then 2, 3… in the top margin."""
    for part in documents_in(pages):
        assert part[0].top_margin_words() == [], f"page {part[0].number} is a first page but shows a page number"
        for expected, page in enumerate(part[1:], start=2):
            shown = [w.text for w in page.top_margin_words()]
            assert shown == [str(expected)], f"page {page.number} should be numbered {expected}, shows {shown}"


def check_memo_codes_and_dates_whole(pages: list[Page], codes: set[str]) -> None:
    """Each row's first line holds its code and both its dates (assigned, due) whole."""
    words = [w.text for page in pages for w in page.words]
    assert codes <= set(words), f"codes not printed whole: {sorted(codes - set(words))[:10]}"
    assert not [w for w in words if re.fullmatch(r"KN-?", w)], "a code split after “KN-”"
    rows = [line for page in pages for line in page.lines() if CODE.match(line[0].text)]
    assert len(rows) >= len(codes)
    for line in rows:
        dates = [w.text for w in line if DATE_WORD.match(w.text)]
        assert len(dates) == 2, f"row {line[0].text}: dates not on the row's first line: {' '.join(w.text for w in line)}"


def check_rows_whole(pages: list[Page], header: str, first_cell: re.Pattern) -> int:
    """Below every (repeated) header row, the next line starts a row: its first word is what a row begins with.

    A row split between pages would put the rest of a cell's text at the top of the next page instead."""
    seen = 0
    for page in pages:
        lines = page.lines()
        texts = [" ".join(w.text for w in line) for line in lines]
        for index, text in enumerate(texts):
            if squeeze(text).startswith(squeeze(header)) and index + 1 < len(lines):
                # A header cell may wrap ("Hạn hoàn / thành"): skip lines that are still inside the header row.
                following = index + 1
                while following < len(lines) and lines[following][0].x0 > lines[index][0].x0 + 20:
                    following += 1
                if following < len(lines):
                    seen += 1
                    assert first_cell.match(lines[following][0].text), (
                        f"page {page.number}: a row continues from the previous page: “{texts[following]}”")
    return seen


# --------------------------------------------------------------------------------------------------
# On the sample conference


@pytest.mark.slow
@pytest.mark.parametrize("kind", SIGNED)
def test_signature_block_stays_with_the_body(printed, kind):
    assert check_signature_on_one_page(printed[kind]) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("kind", ("letters", "invitations", "reminders"))
def test_each_letter_and_invitation_is_numbered_as_its_own_document(printed, kind):
    pages = printed[kind]
    parts = documents_in(pages)
    assert len(parts) > 1
    check_numbering_restarts(pages)
    if kind == "letters":
        assert any(len(part) > 1 for part in parts), "the sample should have a letter over two pages"


@pytest.mark.slow
def test_memo_prints_codes_and_dates_on_one_line(printed, demo_path):
    from doithoai.io.reader import read_book

    codes = {r.get("ma_kien_nghi") for r in read_book(demo_path).assignments}
    check_memo_codes_and_dates_whole(printed["memo"], codes)


@pytest.mark.slow
def test_no_table_row_is_split(printed):
    assert check_rows_whole(printed["memo"], "Mã Nội dung kiến nghị", CODE) >= 2
    assert check_rows_whole(printed["signin"], "STT Họ và tên", re.compile(r"^\d+$")) >= 2


@pytest.mark.slow
def test_agenda_ends_without_a_lone_row(printed):
    last = printed["agenda"][-1]
    rows = [line for line in last.line_texts() if re.match(r"^\d+ \d{2}h\d{2}", line)]
    assert len(rows) != 1, f"the agenda's last page holds a single row: {rows}"


# --------------------------------------------------------------------------------------------------
# On 300 petitions with long texts


@pytest.mark.slow
@pytest.mark.parametrize("kind", SIGNED)
def test_big_workbook_signature_block_stays_with_the_body(printed_big, kind):
    check_signature_on_one_page(printed_big[kind])


@pytest.mark.slow
def test_big_workbook_letters_numbered_per_letter(printed_big):
    check_numbering_restarts(printed_big["letters"])


@pytest.mark.slow
def test_big_workbook_memo_codes_dates_and_rows(printed_big):
    pages = printed_big["memo"]
    codes = {f"KN-{n:03d}" for n in range(81, 301)}
    check_memo_codes_and_dates_whole(pages, codes)
    assert check_rows_whole(pages, "Mã Nội dung kiến nghị", CODE) >= 10
