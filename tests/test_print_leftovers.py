"""Print leftovers (issue 24): what the office fixed by hand before printing, now right in the files.

A table's header kept with its first rows (a short table of figures kept whole), names and residential groups on one
line in the sign-in list and the agenda, sign-in rows high enough to sign, the MTTQ copy printable on A4, each message
of the check sheet beside its label, the secretary's sheet wrapping what is typed in it. Checked in the files' XML
and through openpyxl; `tests/test_documents_print.py` checks printed pages.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import openpyxl
from books import delegate, make_book, petition, slip
from lxml import etree

from doithoai.documents import context as ctx
from doithoai.documents.fit import text_width
from doithoai.documents.render import BatchTemplate
from doithoai.domain.kinds import template_path
from doithoai.io.access import FileWorkbook

DAY = dt.date(2026, 6, 5)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GROUP = "Tổ dân phố Cẩm Khê A"
TWIPS_PER_CM = 567


def _tables(kind: str, context: dict, tmp_path) -> list:
    target = tmp_path / f"{kind}.docx"
    target.write_bytes(BatchTemplate(template_path(kind)).render(context))
    with zipfile.ZipFile(target) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return [t for t in root.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblStyle") is not None]


def _widths(table) -> list[int]:
    return [int(c.get(f"{W}w")) for c in table.find(f"{W}tblGrid")]


def _kept(row) -> bool:
    """Every paragraph of the row keeps with the next."""
    return all(p.find(f"{W}pPr/{W}keepNext") is not None for p in row.iter(f"{W}p"))


def _book():
    people = [delegate(n, ho_ten=name, chuc_vu="Tổ trưởng tổ dân phố", don_vi=GROUP, nhom="Đại biểu tổ dân phố, thôn")
              for n, name in enumerate(["Nguyễn Thị Thanh Huyền", "Trần Quang Hòa", "Lê Văn Bình"] * 6, 1)]
    slips = [slip(n, ho_ten=f"Nguyễn Quang Hiếu {n}"[:17], to_dan_pho=GROUP, linh_vuc="Hạ tầng, giao thông") for n in range(1, 9)]
    return make_book({"dai_bieu": people, "phieu": slips})


def test_residential_groups_and_names_are_not_wrapped_in_the_sign_in_list_and_the_agenda(tmp_path):
    book = _book()
    signin = _tables("signin", ctx.signin_context(book, DAY, ctx.Notes()), tmp_path)[0]
    speakers = _tables("agenda", ctx.agenda_context(book, DAY, ctx.Notes()), tmp_path)[1]  # after the programme
    margins = 2 * 108
    # (table, column, its longest text): the residential group in both, the speaker's name in the agenda.
    for table, column, longest in ((signin, 3, GROUP), (speakers, 3, GROUP), (speakers, 2, "Nguyễn Quang Hiếu")):
        assert _widths(table)[column] >= text_width(longest, 12) + margins, (column, _widths(table))


def test_sign_in_rows_leave_room_to_sign(tmp_path):
    table = _tables("signin", ctx.signin_context(_book(), DAY, ctx.Notes()), tmp_path)[0]
    rows = table.findall(f"{W}tr")[1:]
    for row in rows:
        height = row.find(f"{W}trPr/{W}trHeight")
        assert height is not None and int(height.get(f"{W}val")) >= TWIPS_PER_CM and height.get(f"{W}hRule") == "atLeast"


def test_a_tables_header_keeps_with_its_first_rows_and_a_short_table_of_figures_keeps_whole(tmp_path):
    book = _book()
    long_table = _tables("signin", ctx.signin_context(book, DAY, ctx.Notes()), tmp_path)[0]
    rows = long_table.findall(f"{W}tr")
    assert all(_kept(row) for row in rows[:4]), "the header and the first three rows keep together"
    assert not _kept(rows[8])  # a long list may break in its middle
    petitions = [petition(n, linh_vuc=field) for n, field in enumerate(["Đất đai", "Môi trường", "Khác"], 1)]
    stats = _tables("report", {**ctx.report_context(make_book({"kien_nghi": petitions}), DAY, ctx.Notes()), "bieu_do": ""},
                    tmp_path)[0]
    rows = stats.findall(f"{W}tr")
    assert all(_kept(row) for row in rows[:-1]) and len(rows) <= 6


def test_mttq_copy_prints_on_a4_landscape_one_page_wide_with_its_header_on_every_page(tmp_path, demo_path):
    from doithoai.mttq.share import share

    book_path = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, book_path)
    result = share(FileWorkbook(book_path), now=dt.datetime(2026, 6, 20, 9))
    sheet = openpyxl.load_workbook(result.path)["Kiến nghị"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1"
    widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, sheet.max_column + 1)]
    # The stored widths (Excel adds its padding): 451 characters before, printed at a third of the size; now above half.
    assert sheet.max_column == 19 and sum(widths) <= 280, sum(widths)
    # Narrower columns wrap their text instead of hiding it.
    content = [c.value for c in sheet[1]].index("Nội dung kiến nghị") + 1
    assert sheet.cell(2, content).alignment.wrap_text


def test_each_message_of_the_check_sheet_stands_beside_its_label(tmp_path):
    from doithoai.core.model import ChangeSet, Finding
    from doithoai.core.resources import workbook_template
    from doithoai.validation.report import check_sheet

    message = "Ngày tổ chức hội nghị là một khoảng thời gian; hãy ghi ngày cụ thể khi đã định, rồi tạo lại văn bản. " * 2
    finding = Finding(sheet="Kế hoạch", cell="B12", column="Ngày tổ chức hội nghị", row=12, message=message,
                      severity="warning", code="conference_date_pending")
    book = tmp_path / "book.xlsm"
    shutil.copyfile(workbook_template(), book)
    FileWorkbook(book).write(ChangeSet(sheets=[check_sheet([finding])]))
    sheet = openpyxl.load_workbook(book)["Kiểm tra"]
    assert sheet.cell(2, 6).alignment.wrap_text and sheet.cell(2, 6).alignment.vertical == "top"
    # The label ("Cột"), the sheet, the cell and the row sit at the top of the row, beside the message's first line.
    assert all(sheet.cell(2, column).alignment.vertical == "top" for column in (1, 2, 3, 4, 5))


def test_the_secretarys_sheet_wraps_long_answers(tmp_book):
    from doithoai.io.conference_sheet import SHEET, SPEAKERS
    from doithoai.workflows.conference import prepare_sheet

    prepare_sheet(FileWorkbook(tmp_book), date=dt.date(2026, 6, 10))
    sheet = openpyxl.load_workbook(tmp_book)[SHEET]
    answer = [key for key, _ in SPEAKERS].index("tra_loi") + 1
    letter = openpyxl.utils.get_column_letter(answer)
    assert sheet.column_dimensions[letter].alignment.wrap_text  # what the secretary types there later wraps too
    header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, answer).value == SPEAKERS[answer - 1][1])
    assert sheet.cell(header + 1, 2).alignment.wrap_text  # a speaker's name cell below the header
