"""The rest of the cycle from the demo: intake round trip, the conference day, and the documents checked against the workbook."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter

import pytest
from docx import Document

from doithoai.core import schema
from doithoai.documents.jobs import make_documents
from doithoai.domain.facts import strip_honorific
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.workflows import demo
from tests.docx_reading import text

REPORT_DATE = dt.date(2026, 6, 20)
CONFERENCE = dt.date(2026, 6, 12)
KINDS = ["slips", "announcement", "minutes", "report_upward"]


@pytest.fixture(scope="module")
def cycle(tmp_path_factory, demo_path):
    """The demo's steps for the cycle on a copy of the sample: intake, the conference day, the office classifying what
    came in, then the documents."""
    folder = tmp_path_factory.mktemp("cycle")
    path = folder / "book.xlsm"
    shutil.copyfile(demo_path, path)
    before = read_book(path)
    outcome = demo.DemoResult(workbook=path)
    with FileWorkbook(path) as access:
        demo._intake(access, folder, REPORT_DATE, outcome)
        demo._conference_day(access, folder, REPORT_DATE, outcome)
        demo._classify(access, folder, REPORT_DATE, outcome)
        documents = make_documents(access, KINDS, folder / "Văn bản", pdf=False, today=REPORT_DATE,
                                   slips_per_group=demo.SLIPS_PER_GROUP, now=dt.datetime(2026, 6, 20, 9, 0))
    return before, read_book(path), outcome, documents


def test_intake_round_trip_in_the_demo(cycle):
    before, after, outcome, _ = cycle
    first, again = outcome.notes[0], outcome.notes[1]
    assert "Đã thêm 3 kiến nghị" in first and "1 ý kiến có vẻ trùng" in first and "1 dòng bị từ chối" in first
    assert "“Nhà ở” không có trong danh mục" in first
    assert "Đã thêm 0 kiến nghị" in again and "3 ý kiến đã nhập trước đó" in again
    added = after.petitions.records[len(before.petitions.records):]
    veterans = [r for r in added if r.values["nguon"] == schema.SOURCE_ORGANISATION]
    assert [r.values["noi_dung"] for r in veterans] == [o[3] for o in demo.VETERANS_OPINIONS]
    # Nothing else changed on the petitions that were there.
    for old, new in zip(before.petitions.records, after.petitions.records, strict=False):
        assert {k: v for k, v in old.values.items()} == {k: v for k, v in new.values.items()}, old.row


def test_conference_day_filled_in(cycle):
    _, after, _, _ = cycle
    day = after.conference
    assert day.facts["thu_ky"] == demo.DAY_FACTS[1]
    speakers = day.speakers
    assert len(speakers) == demo.SPEAKERS_ON_THE_DAY + len(demo.FLOOR)
    assert [s.values["ho_ten"] for s in speakers[-2:]] == [f[0] for f in demo.FLOOR]
    floor = [r for r in after.petitions.records if r.values["nguon"] == schema.SOURCE_FLOOR
             and r.values["nguoi_kien_nghi"] in {f[0] for f in demo.FLOOR}]
    assert [r.values["noi_dung_tra_loi"] for r in floor] == [f[5] for f in demo.FLOOR]


def test_minutes_list_every_speaker_in_order_with_question_and_answer(cycle):
    _, after, _, documents = cycle
    content = text(documents.files["minutes"])
    speakers = after.conference.speakers
    positions = []
    for number, speaker in enumerate(speakers, 1):
        # Named as the letters name them: "Ông"/"Bà" when the gender is known, never twice (the floor's "Ông Đỗ Văn Thịnh").
        bare = strip_honorific(speaker.values["ho_ten"])[1]
        heading = re.search(rf"^{number}\. (Ông |Bà )?{re.escape(bare)}\b.*$", content, re.MULTILINE)
        assert heading, speaker.values["ho_ten"]
        positions.append(heading.start())
        after_heading = content[heading.end():]
        assert after_heading.lstrip().startswith(f"Ý kiến: {speaker.values['cau_hoi']}")
        assert f"{speaker.values['tra_loi']}" in after_heading.split("\n", 3)[2]
    assert positions == sorted(positions)
    counted = f"Có {len(speakers)} lượt phát biểu ({demo.SPEAKERS_ON_THE_DAY} lượt theo phiếu đăng ký, {len(demo.FLOOR)} lượt"
    assert counted in content
    assert demo.DAY_FACTS[3] in content and "Thư ký: " + demo.DAY_FACTS[1] in content
    assert "Hội nghị kết thúc vào 11 giờ 20" in content
    assert "Tứ Minh, ngày 12 tháng 6 năm 2026" in content  # dated the day it was held
    present = Counter(r.values["nhom"] for r in after.delegates if r.values["co_mat"] == "Có")
    table = Document(str(documents.files["minutes"])).tables[1]
    rows = {row.cells[0].text: row.cells[2].text for row in table.rows[1:]}
    assert {k: int(v) for k, v in rows.items()} == dict(present)
    assert "THƯ KÝ" in content and "CHỦ TRÌ" in content


def test_report_upward_counts_equal_the_workbook(cycle):
    _, after, _, documents = cycle
    content = text(documents.files["report_upward"])
    petitions = [r for r in after.petitions.records if r.values["ma_kien_nghi"]]
    assert f"Tổng số ý kiến, kiến nghị: {len(petitions)}," in content
    # Every petition has its class (the office classified what came in): the parts on the page add up to the total.
    parts = re.search(r"Tổng số ý kiến, kiến nghị: (\d+), trong đó: trả lời tại hội nghị (\d+); kiểm tra, trả lời sau (\d+); "
                      r"ghi nhận, báo cáo cấp trên (\d+)\.", " ".join(content.split()))
    assert parts and int(parts[1]) == sum(map(int, parts.groups()[1:])) and "chưa phân loại" not in content
    fields = Counter(r.values["linh_vuc"] for r in petitions)
    tables = Document(str(documents.files["report_upward"])).tables
    by_field = next(t for t in tables if t.rows[0].cells[0].text == "Lĩnh vực")
    shown = {row.cells[0].text: int(row.cells[1].text) for row in by_field.rows[1:]}
    assert shown.pop("Tổng cộng") == len(petitions)
    assert shown == dict(fields)
    handling = Counter(r.values["hinh_thuc_xu_ly"] for r in petitions)
    assert f"ghi nhận, báo cáo cấp trên {handling[schema.HANDLING_UPWARD]}" in content
    upward = [r.values["ma_kien_nghi"] for r in petitions
              if r.values["hinh_thuc_xu_ly"] == schema.HANDLING_UPWARD or r.values["tham_quyen"] == "Cấp trên"]
    listed = re.findall(r"^\d+\. (KN-\d+) – ", content.split("III. NHỮNG NỘI DUNG")[1].split("IV. ")[0], re.MULTILINE)
    assert listed == upward and upward
    follow = next(t for t in tables if t.rows[0].cells[0].text == "Đơn vị")
    total = follow.rows[-1].cells
    assignments = [r for r in after.assignments if r.values["don_vi"] and r.values["ma_kien_nghi"]]
    done = sum(1 for r in assignments if r.values["ngay_hoan_thanh"])
    assert total[0].text == "Tổng cộng" and int(total[1].text) == len(assignments) and int(total[2].text) == done
    assert int(total[3].text) + int(total[4].text) == len(assignments) - done
    assert "(đến ngày 20/06/2026)" in content


def test_announcement_dated_within_its_window_with_a_loudspeaker_text(cycle):
    _, after, _, documents = cycle
    content = text(documents.files["announcement"])
    dated = re.search(r"Tứ Minh, ngày (\d\d) tháng (\d+) năm (\d{4})", content)
    issued = dt.date(int(dated.group(3)), int(dated.group(2)), int(dated.group(1)))
    assert issued <= CONFERENCE - dt.timedelta(days=7)
    assert "Từ 08 giờ 00 đến 11 giờ 30, thứ Sáu, ngày 12 tháng 6 năm 2026" in content and after.settings["dia_diem"] in content
    # Made after the conference, it carries its own milestone's day, and the run says that one date only.
    assert f"Thông báo tổ chức hội nghị ghi ngày {issued:%d/%m/%Y}" in "\n".join(documents.lines)
    assert not any("Thông báo tổ chức hội nghị" in w or "Thông báo công khai" in w for w in documents.warnings)
    (loudspeaker,) = documents.texts
    spoken = loudspeaker.read_text(encoding="utf-8-sig")
    assert after.settings["dia_diem"] in spoken and "ngày 12 tháng 6 năm 2026" in spoken
    assert len(spoken) < 2000 and not re.search(r"\d{9,}", spoken)


def test_slip_forms_numbered_per_residential_group_after_the_workbook_s_codes(cycle):
    _, after, _, documents = cycle
    content = text(documents.files["slips"])
    numbers = re.findall(r"^Số phiếu: (P-\d+) – (.+)$", content, re.MULTILINE)
    groups = list(dict.fromkeys(r.values["to_dan_pho"] for r in after.slips))
    assert [code for code, _ in numbers] == [f"P-{n:03d}" for n in range(61, 61 + demo.SLIPS_PER_GROUP * len(groups))]
    assert [group for _, group in numbers] == [g for g in groups for _ in range(demo.SLIPS_PER_GROUP)]
    assert content.count("PHIẾU ĐĂNG KÝ") == len(numbers)
    assert content.count("không thuộc phạm vi đối thoại") == len(numbers)
    assert "trước ngày 22/05/2026" in content  # the timeline's "Thu phiếu" milestone


# -- as printed (LibreOffice): what the clerk looks at (slow) ------------------------------------------------


@pytest.fixture(scope="module")
def printed(cycle, tmp_path_factory):
    from tests.pdf_pages import need_tools, read_pages, to_pdfs

    need_tools()
    _, _, _, documents = cycle
    pdfs = to_pdfs([documents.files[k] for k in KINDS], tmp_path_factory.mktemp("cycle-pdf"))
    return {kind: read_pages(pdfs[documents.files[kind]]) for kind in KINDS}


@pytest.mark.slow
def test_printed_one_page_per_slip(printed, cycle):
    from tests.pdf_pages import has_line

    pages = printed["slips"]
    codes = re.findall(r"Số phiếu: (P-\d+)", text(cycle[3].files["slips"]))
    assert len(pages) == len(codes) == 10
    for page, code in zip(pages, codes, strict=True):
        assert has_line(page, f"Số phiếu: {code}") and has_line(page, "NGƯỜI ĐĂNG KÝ")


@pytest.mark.slow
def test_printed_signatures_sit_with_their_titles(printed):
    from tests.pdf_pages import has_line, page_of

    announcement = printed["announcement"]
    assert len(announcement) == 1 and has_line(announcement[0], "Nguyễn Thị Sâm")
    minutes = printed["minutes"]
    last = minutes[-1]
    # The secretary signs with her name alone: the sheet's "Bà Lê Thị Hạnh, chuyên viên …" is not a signature name.
    assert has_line(last, "THƯ KÝ") and has_line(last, "Lê Thị Hạnh") and has_line(last, "Nơi nhận:")
    assert not has_line(last, "Bà Lê Thị Hạnh") and not has_line(last, "chuyên viên")
    report = printed["report_upward"]
    # The body names Nguyễn Thị Sâm too (she chaired): the signature's name is looked for on the signature's page.
    title = page_of(report, "PHÓ CHỦ TỊCH")
    assert title is not None and has_line(report[title], "Nguyễn Thị Sâm")
