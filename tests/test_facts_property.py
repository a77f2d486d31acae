"""One truth per conference (issue 23): the numbers every document prints add up, and equal what the workbook holds.

Generated workbooks (hypothesis) go through the real context builders and the real Word templates; the rendered .docx
is read back with python-docx, and its sentences and tables are checked against an oracle computed here from the
generated rows, independently of `doithoai.domain.facts`: each stated total is the sum of its parts, each table row and
column adds up, the matters said to go upward are the ones listed, and the summary report, the results notice and the
report upward give the same numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections import Counter

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.core import schema
from doithoai.documents import context as ctx
from doithoai.documents import cycle
from doithoai.documents.render import BatchTemplate
from doithoai.domain.kinds import template_path
from tests.books import delegate, make_book, petition
from tests.docx_reading import paragraphs

DATE = dt.date(2026, 6, 20)
AT, LATER, UP = schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD
FIELDS = ("Đất đai", "Môi trường", "Hạ tầng, giao thông", "Chính sách xã hội")

# How people really leave the handling class: the list's spelling, another case, no accents, blank, a word off the list.
HANDLINGS = st.sampled_from([AT, LATER, UP, AT.upper(), "kiem tra, tra loi sau", " " + UP + " ", None, "", "Chờ xem xét"])
COMPETENCES = st.sampled_from([schema.COMPETENCE_LOCAL, schema.COMPETENCE_UPPER, "cap tren", None])
STATUSES = st.sampled_from([schema.STATUS_NEW, schema.STATUS_IN_PROGRESS, "Dang xu ly", schema.STATUS_ANSWERED,
                            schema.STATUS_RESOLVED, schema.STATUS_UPWARD, None])
FIELD_VALUES = st.sampled_from([*FIELDS, "đất đai", "MÔI TRƯỜNG", None, "Nông nghiệp"])
SOURCES = st.sampled_from(["Ủy ban MTTQ", "Phiếu đăng ký", "Tại hội nghị", None])


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def expected_class(value: str | None) -> str:
    """The oracle's own reading of `Hình thức xử lý`: the list's value whatever its case and accents, else unclassified."""
    for handling in (AT, LATER, UP):
        if value is not None and _fold(value) == _fold(handling):
            return handling
    return "?"


@st.composite
def workbooks(draw):
    count = draw(st.integers(min_value=0, max_value=24))
    rows = []
    for n in range(1, count + 1):
        answer = draw(st.sampled_from([None, f"Đã kiểm tra, trả lời nội dung số {n}."]))
        rows.append(petition(n, hinh_thuc_xu_ly=draw(HANDLINGS), tham_quyen=draw(COMPETENCES), trang_thai=draw(STATUSES),
                             linh_vuc=draw(FIELD_VALUES), nguon=draw(SOURCES), noi_dung_tra_loi=answer))
    if draw(st.booleans()):  # an empty line between petitions is not a petition
        rows.insert(len(rows) // 2, {"ma_kien_nghi": None, "noi_dung": None})
    people = [delegate(n, nhom=draw(st.sampled_from(["Nhân dân", "Đại biểu phường", None])),
                       co_mat=draw(st.sampled_from(["Có", "có", "Không", None])))
              for n in range(1, draw(st.integers(min_value=0, max_value=8)) + 1)]
    return rows, people


def render(kind: str, context: dict) -> list[str]:
    """The document's paragraphs as printed (tables included, in order), and its tables as rows of cell texts."""
    data = BatchTemplate(template_path(kind)).render({**context, "bieu_do": ""})
    document = Document(io.BytesIO(data))
    return [p.text.replace("\u00a0", " ") for p in paragraphs(document)], [
        [[cell.text.strip() for cell in row.cells] for row in table.rows] for table in document.tables]


def numbers_after(text: str, label: str) -> int:
    match = re.search(re.escape(label) + r"\s*(\d+)", text)
    assert match, f"“{label}” not found in: {text}"
    return int(match.group(1))


def check_breakdown(text: str, total: int, classes: Counter) -> None:
    """"Tổng số ý kiến, kiến nghị: N, trong đó: trả lời tại hội nghị a; kiểm tra, trả lời sau b; ghi nhận, báo cáo cấp
    trên c[; chưa phân loại hình thức xử lý d]": N is the total and a + b + c + d = N."""
    stated = numbers_after(text, "Tổng số ý kiến, kiến nghị:")
    parts = [numbers_after(text, "trả lời tại hội nghị"), numbers_after(text, "kiểm tra, trả lời sau"),
             numbers_after(text, "ghi nhận, báo cáo cấp trên")]
    assert parts == [classes[AT], classes[LATER], classes[UP]]
    if classes["?"]:
        parts.append(numbers_after(text, "chưa phân loại hình thức xử lý"))
        assert parts[-1] == classes["?"]
    else:
        assert "chưa phân loại" not in text
    assert stated == total == sum(parts)
    # The answer texts, a count of its own: never called "đang xử lý", the status the chart counts under that name.
    done, waiting = numbers_after(text, "Đã có nội dung trả lời"), numbers_after(text, "chưa có nội dung trả lời")
    assert done + waiting == total
    assert "đang xử lý, chưa có trả lời" not in text and not re.search(r"; đang xử lý \d", text)


def stats_table(tables: list[list[list[str]]]) -> list[list[str]]:
    found = [t for t in tables if t[0][:2] == ["Lĩnh vực", "Số ý kiến"]]
    assert len(found) == 1, "one statistics table"
    return found[0]


def check_stats_table(table: list[list[str]], total: int, classes: Counter, *, answered: int) -> None:
    header, *body = table
    assert header[:2] == ["Lĩnh vực", "Số ý kiến"]
    class_columns = [i for i, h in enumerate(header) if h in ("Trả lời tại hội nghị", "Kiểm tra, trả lời sau",
                                                            "Báo cáo cấp trên", "Chưa phân loại")]
    assert ("Chưa phân loại" in header) == bool(classes["?"])
    *rows, last = body
    assert last[0] == "Tổng cộng"
    for row in body:
        assert int(row[1]) == sum(int(row[i]) for i in class_columns), row  # each row adds up
    for column in range(1, len(header)):
        assert sum(int(row[column]) for row in rows) == int(last[column]), header[column]  # each column adds up
    assert int(last[1]) == total
    assert [int(last[i]) for i in class_columns][:3] == [classes[AT], classes[LATER], classes[UP]]
    assert int(last[header.index("Chưa có trả lời")]) == total - answered


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_every_printed_number_adds_up_and_equals_the_workbook(generated):
    rows, people = generated
    book = make_book(tables={"kien_nghi": rows, "dai_bieu": people})
    real = [r for r in rows if r.get("ma_kien_nghi") or r.get("noi_dung")]
    total = len(real)
    classes = Counter(expected_class(r.get("hinh_thuc_xu_ly")) for r in real)
    answered = sum(1 for r in real if r.get("noi_dung_tra_loi"))
    invited = sum(1 for p in people if p.get("ho_ten"))
    present = sum(1 for p in people if (p.get("co_mat") or "").casefold() == "có")

    # The summary report: the sentence, the table, and section II's groups and items.
    lines, tables = render("report", ctx.report_context(book, DATE, ctx.Notes()))
    text = "\n".join(lines)
    check_breakdown(text, total, classes)
    check_stats_table(stats_table(tables), total, classes, answered=answered)
    groups = [int(m.group(1)) for m in re.finditer(r"^\d+\. .+ \((\d+) ý kiến\)$", text, re.MULTILINE)]
    assert sum(groups) == total
    assert len(re.findall(r"^\d+\. KN-\d{3} – ", text, re.MULTILINE)) == total  # every petition listed once

    # The results notice: the same breakdown, and its fields add up to the total.
    lines, _ = render("notice", ctx.notice_context(book, DATE, ctx.Notes()))
    text = "\n".join(lines)
    stated = numbers_after(text, "đã nêu")
    parts = [numbers_after(text, "trong đó:"), numbers_after(text, "trực tiếp tại hội nghị;"),
             numbers_after(text, "bằng văn bản;")]
    assert stated == total and parts == [classes[AT], classes[LATER], classes[UP]]
    if classes["?"]:
        assert numbers_after(text, "cấp trên;") == classes["?"]
    assert sum(parts) + classes["?"] == total
    fields = [int(m.group(1)) for m in re.finditer(r"^\d+\. .+ \((\d+) ý kiến\)$", text, re.MULTILINE)]
    assert sum(fields) == total
    if present:
        assert numbers_after(text, "Dự hội nghị có") == present

    # The report upward: the breakdown, the table ending with its total, the matters upward (as many as counted),
    # the sources and the attendance.
    lines, tables = render("report_upward", cycle.report_upward_context(book, DATE, ctx.Notes()))
    text = "\n".join(lines)
    check_breakdown(text, total, classes)
    check_stats_table(stats_table(tables), total, classes, answered=answered)
    if classes[UP]:
        assert re.search(rf"^Có {classes[UP]} nội dung vượt thẩm quyền", text, re.MULTILINE)
        assert len(re.findall(r"^\d+\. KN-\d{3} – ", text, re.MULTILINE)) == classes[UP]
    else:
        assert "Không có nội dung vượt thẩm quyền" in text
    sources = re.search(r"Theo nguồn: (.*)\.$", text, re.MULTILINE)
    assert sources is not None
    assert sum(int(n) for n in re.findall(r" (\d+)(?:;|$)", sources.group(1))) == total
    assert numbers_after(text, "Đại biểu được mời:") == invited
    assert numbers_after(text, "có mặt:") == present
    attendance = next(t for t in tables if t[0] == ["Nhóm đại biểu", "Được mời", "Có mặt"])
    assert sum(int(r[1]) for r in attendance[1:]) == invited and sum(int(r[2]) for r in attendance[1:]) == present


def test_a_competence_upward_handled_by_the_ward_is_counted_once():
    """Issue 23: competence "Cấp trên" but handling "Kiểm tra, trả lời sau" printed "báo cáo cấp trên 9" and "Có 10 nội
    dung vượt thẩm quyền" in one report. The handling class decides (validation names the contradiction at the cell)."""
    rows = [petition(1, hinh_thuc_xu_ly=UP, tham_quyen=schema.COMPETENCE_UPPER),
            petition(2, hinh_thuc_xu_ly=LATER, tham_quyen=schema.COMPETENCE_UPPER), petition(3)]
    book = make_book(tables={"kien_nghi": rows})
    lines, _ = render("report_upward", cycle.report_upward_context(book, DATE, ctx.Notes()))
    text = "\n".join(lines)
    assert "ghi nhận, báo cáo cấp trên 1." in text
    assert "Có 1 nội dung vượt thẩm quyền" in text
    assert "KN-002" not in text


def test_petitions_without_a_handling_class_are_counted_in_the_total(tmp_path):
    """Issue 23: "Tổng số ý kiến, kiến nghị: 85, trong đó: … 33; … 40; … 9" (= 82): three petitions had no class."""
    rows = [petition(1), petition(2, hinh_thuc_xu_ly=None), petition(3, hinh_thuc_xu_ly="Xem xét"),
            petition(4, hinh_thuc_xu_ly=LATER)]
    book = make_book(tables={"kien_nghi": rows})
    for kind, build in (("report", ctx.report_context), ("report_upward", cycle.report_upward_context)):
        lines, tables = render(kind, build(book, DATE, ctx.Notes()))
        text = "\n".join(lines)
        assert ("Tổng số ý kiến, kiến nghị: 4, trong đó: trả lời tại hội nghị 1; kiểm tra, trả lời sau 1; ghi nhận, báo cáo "
                "cấp trên 0; chưa phân loại hình thức xử lý 2.") in text, kind
        header, row, *_ = stats_table(tables)
        assert header[5] == "Chưa phân loại" and row[1] == "4" and row[5] == "2"
    assert "3. Chưa phân loại hình thức xử lý (2 ý kiến)" in "\n".join(render("report", ctx.report_context(book, DATE,
                                                                                             ctx.Notes()))[0])
    lines, _ = render("notice", ctx.notice_context(book, DATE, ctx.Notes()))
    assert "2 ý kiến chưa phân loại hình thức xử lý" in "\n".join(lines)
