"""People as data (issue 23): the chair, co-chair, signer and secretary named and titled the same in every document.

One test per defect the issue saw, each on a real workbook and the real .docx files `documents` writes:
- people changed between documents (the minutes' chair, the Party secretary's name, titles printed as names);
- honorifics doubled ("Ông (Bà) Ông Xa Văn Pọm", "KN-008 Ong Xa Van Pom.docx", "Ông (Bà)" where the gender is known);
- the chair setting pasted into sentences ("báo cáo Ông Hà Văn Tuấn, Chủ tịch UBND xã./.").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from books import delegate, make_book, make_sheets, petition, slip
from docx import Document
from docx_reading import text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.book.builder import build_workbook
from doithoai.core import schema
from doithoai.core.keys import name_key
from doithoai.core.resources import vba_project
from doithoai.documents import context as ctx
from doithoai.documents.builders import letter_contexts
from doithoai.documents.jobs import make_documents
from doithoai.documents.letters import plan_letters
from doithoai.domain import facts
from doithoai.domain.kinds import KINDS
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.io.tables import book_from_sheets
from doithoai.io.writer import edit_workbook
from doithoai.workflows.conference import prepare_sheet
from doithoai.workflows.presets import load

CONFERENCE = dt.date(2026, 6, 12)
TODAY = dt.date(2026, 6, 20)  # after the conference: each kind takes its own date (dates.py)
UNIT = "xã Phong Quang"
CHAIR = "Hà Văn Tuấn"
VICE = "Nguyễn Thị Sâm"
SECRETARY_OF_THE_PARTY = "Trần Văn Quyết"
ANSWER = "UBND xã đã chỉ đạo kiểm tra, giải quyết."
LATER = schema.HANDLING_LATER


def _delegates() -> list[dict]:
    upper, commune, village, citizens = load("chinh-quyen-xa")["lists"]["nhom_dai_bieu"]
    rows = [
        (CHAIR, "Nam", "Chủ tịch UBND", f"UBND {UNIT}", commune),
        (VICE, "Nữ", "Phó Chủ tịch UBND", f"UBND {UNIT}", commune),
        (SECRETARY_OF_THE_PARTY, "Nam", "Bí thư Đảng ủy", f"Đảng ủy {UNIT}", commune),
        ("Phạm Văn Đồng", "Nam", "Phó Chủ tịch UBND", "UBND tỉnh Thái Nguyên", upper),  # another unit's post
        ("Lò Thị Xuân", "Nữ", "Công dân", "Thôn Nà Lừa", citizens),
        ("Xa Văn Pọm", None, "Công dân", "Thôn Nà Lừa", citizens),
        ("Đ/c Vi Văn Khiêm", "Nam", "Trưởng thôn", "Thôn Khuôn Ngục", village),
        ("Lường Văn Pấng", None, "Công dân", "Thôn Khuôn Ngục", citizens),
    ]
    return [{"stt": n, "ho_ten": name, "gioi_tinh": gender, "chuc_vu": post, "don_vi": unit, "nhom": group, "co_mat": "Có"}
            for n, (name, gender, post, unit, group) in enumerate(rows, 1)]


def _petitions() -> list[dict]:
    floor = schema.SOURCE_FLOOR
    rows = [
        ("KN-001", None, floor, "Ông Xa Văn Pọm", "Đề nghị sửa cầu treo thôn Nà Lừa."),
        ("KN-002", None, floor, "Bà Lò Thị Xuân", "Đề nghị làm đường vào điểm trường."),
        ("KN-003", None, floor, "Đinh Công Mạnh", "Đề nghị kéo điện về xóm Khuôn Ngục."),  # his slip says Nam
        ("KN-004", None, floor, "Lường Văn Pấng", "Đề nghị hỗ trợ giống lúa."),  # nobody records his gender
        ("KN-005", "P-001", schema.SOURCE_SLIP, "Vi Thị Hoa", "Đề nghị mở lớp học nghề."),
    ]
    return [{"ma_kien_nghi": code, "ma_phieu": slip_code, "nguon": source, "nguoi_kien_nghi": name, "linh_vuc": "Khác",
             "noi_dung": content, "tham_quyen": "Phường, xã", "hinh_thuc_xu_ly": LATER, "noi_dung_tra_loi": ANSWER,
             "trang_thai": "Đã trả lời"} for code, slip_code, source, name, content in rows]


def commune(folder: Path, settings: dict | None = None, sheet: dict | None = None) -> Path:
    """A commune's workbook from the `chinh-quyen-xa` preset, filled as a clerk would; `sheet`: the secretary's sheet
    prepared, then these facts typed on it (label key -> value)."""
    data = load("chinh-quyen-xa")
    data["settings"].update({
        "ten_don_vi": "Phong Quang", "tinh": "tỉnh Thái Nguyên", "ngay_ke_hoach": dt.date(2026, 5, 15),
        "ngay_hoi_nghi": CONFERENCE, "dia_diem": "Hội trường UBND xã Phong Quang", "nguoi_ky": CHAIR,
        "so_tra_loi_tiep_theo": 1, **(settings or {})})
    data["tables"].update({
        "dai_bieu": _delegates(),
        "phieu": [{"ma_phieu": "P-001", "ngay_nhan": dt.date(2026, 5, 25), "ho_ten": "Vi Thị Hoa", "gioi_tinh": "Nữ",
                   "to_dan_pho": "Thôn Nà Lừa", "linh_vuc": "Khác", "noi_dung": "Đề nghị mở lớp học nghề."},
                  {"ma_phieu": "P-002", "ngay_nhan": dt.date(2026, 5, 26), "ho_ten": "Đinh Công Mạnh", "gioi_tinh": "Nam",
                   "to_dan_pho": "Thôn Khuôn Ngục", "linh_vuc": "Khác", "noi_dung": "Đề nghị kéo điện về xóm."}],
        "kien_nghi": _petitions(),
        "phan_cong": [{"ma_kien_nghi": "KN-001", "don_vi": "Phòng Kinh tế", "vai_tro": schema.ROLE_LEAD,
                       "ngay_giao": dt.date(2026, 5, 28), "ngay_hoan_thanh": dt.date(2026, 6, 5)}],
    })
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "phong-quang.xlsm"
    build_workbook(path, data=data, vba_project=vba_project())
    if sheet is not None:
        prepare_sheet(FileWorkbook(path), date=dt.date(2026, 6, 10))
        rows = read_book(path).conference.facts_rows

        def type_in(workbook) -> None:
            for key, value in sheet.items():
                workbook[schema.CONFERENCE_SHEET].cell(row=rows[key], column=2).value = value

        edit_workbook(path, type_in, make_backup=False)
    return path


def documents(path: Path, kinds: list[str] | None = None) -> tuple[dict[str, str], object]:
    """One run of `documents` (all kinds by default): kind -> the text of its .docx, and the run's result."""
    result = make_documents(FileWorkbook(path), kinds, path.parent / "out", pdf=False, today=TODAY,
                            now=dt.datetime(2026, 6, 20, 9))
    texts = {kind: text(file) for kind, file in result.files.items() if Path(file).suffix == ".docx"}
    return texts, result


def signatures(path: Path) -> list[str]:
    """The names under the signatures: the last line of each signing cell (capitals on top, room to sign below them);
    "" where the name line is blank."""
    names = []
    for table in Document(str(path)).tables:
        for cell in table.rows[-1].cells:
            lines = [p.text.replace("\u00a0", " ").strip() for p in cell.paragraphs]
            blanks = sum(1 for line in lines if not line)
            if lines and lines[0].isupper() and blanks >= 3:
                names.append(lines[-1])
    return names


def chaired(texts: dict[str, str]) -> dict[str, str]:
    """Who chaired, as the minutes, the notice and the report upward each say it (chair, then co-chair)."""
    minutes = re.search(r"^Chủ trì: (.+?)(?:; đồng chủ trì: (.+))?\.$", texts["minutes"], re.MULTILINE)
    assert minutes, texts["minutes"][:800]
    said = {"minutes": minutes.group(1) + (f" cùng {minutes.group(2)}" if minutes.group(2) else "")}
    for kind in ("notice", "report_upward"):
        found = re.search(r", do (.+?) chủ trì\.", texts[kind])
        assert found, kind
        said[kind] = found.group(1)
    return {kind: re.sub(r"(^| cùng )(\w)", lambda m: m.group(1) + m.group(2).lower(), words)
            for kind, words in said.items()}


# --------------------------------------------------------------------------------------------------
# People change between documents


def test_the_minutes_notice_and_report_upward_name_the_same_chair_from_the_plan(tmp_path):
    """Nothing typed on the secretary's sheet: every document names the plan's chair, picked from `Đại biểu` (the
    setting says only "Chủ tịch UBND"), name and title, and the Party secretary by the delegates sheet's name."""
    path = commune(tmp_path, {"chu_tri": "Chủ tịch UBND", "dong_chu_tri": "Bí thư Đảng ủy"}, sheet={})
    day = read_book(path).conference
    assert day.facts["chu_tri"] == f"{CHAIR}, Chủ tịch UBND {UNIT}"  # the sheet starts from the same people
    assert day.facts["dong_chu_tri"] == f"{SECRETARY_OF_THE_PARTY}, Bí thư Đảng ủy {UNIT}"
    texts, _ = documents(path)
    chair = f"ông {CHAIR}, Chủ tịch UBND {UNIT} cùng ông {SECRETARY_OF_THE_PARTY}, Bí thư Đảng ủy {UNIT}"
    assert chaired(texts) == {"minutes": chair, "notice": chair, "report_upward": chair}
    assert f"do {chair} chủ trì" in texts["invitations"]
    minutes = next(file for kind, file in _files(path).items() if kind == "minutes")
    assert signatures(minutes)[-1] == CHAIR


def _files(path: Path) -> dict[str, Path]:
    runs = sorted((path.parent / "out").iterdir())
    return {kind: next(runs[-1].glob(f"{KINDS[kind].output}*")) for kind in ("minutes", "notice", "report_upward")
            if list(runs[-1].glob(f"{KINDS[kind].output}*"))}


def test_a_chair_the_secretary_writes_is_who_chaired_in_every_document_after_the_conference(tmp_path):
    """The secretary writes the Vice-Chairman as chair: the minutes, the notice and the report upward all say so (the
    notice and the report upward used to keep the Chairman); the invitations, made before, keep the plan's chair."""
    typed = f"Đồng chí {VICE}, Phó Chủ tịch UBND xã (được Chủ tịch ủy quyền)"
    path = commune(tmp_path, {"chu_tri": f"Ông {CHAIR}, Chủ tịch UBND xã"}, sheet={"chu_tri": typed})
    texts, result = documents(path)
    vice = f"đồng chí {VICE}, Phó Chủ tịch UBND {UNIT} (được Chủ tịch ủy quyền)"
    assert chaired(texts) == {"minutes": vice, "notice": vice, "report_upward": vice}
    assert f"Phó Chủ tịch UBND {UNIT} kết luận các nội dung" in texts["notice"]
    programme = texts["minutes"].split("II. CHƯƠNG TRÌNH HỘI NGHỊ")[1].split("III.")[0]
    assert f"(Phó Chủ tịch UBND {UNIT})" in programme and f"(Chủ tịch UBND {UNIT}" not in programme
    assert CHAIR not in texts["notice"].split("kết luận các nội dung")[0]
    assert f"do ông {CHAIR}, Chủ tịch UBND {UNIT} chủ trì" in texts["invitations"]
    assert signatures(_files(path)["minutes"])[-1] == VICE
    assert any(VICE in warning and "khác kế hoạch" in warning for warning in result.warnings)


def test_the_demo_names_one_chair_across_minutes_notice_and_report_upward(tmp_book):
    """The demo's conference day as the demo writes it, then one run of every kind: one chair, one way."""
    from doithoai.workflows import demo

    with FileWorkbook(tmp_book) as access:
        outcome = demo.DemoResult(workbook=tmp_book)
        demo._conference_day(access, tmp_book.parent, TODAY, outcome)
    texts, _ = documents(tmp_book)
    said = chaired(texts)
    assert said["minutes"] == said["notice"] == said["report_upward"], said
    chairs = facts.who_chaired(read_book(tmp_book))
    assert chairs.chair.name and f"{chairs.chair.name}, {chairs.chair.title}" in said["minutes"]
    assert signatures(_files(tmp_book)["minutes"])[-1] == chairs.chair.name


def test_the_party_secretary_is_one_name_and_a_second_name_is_reported(tmp_path):
    """The sheet names the Party secretary by another name than `Đại biểu`: the documents follow the sheet (the
    secretary was there) and the run says that one post has two names."""
    path = commune(tmp_path, {"dong_chu_tri": "Bí thư Đảng ủy"},
                   sheet={"dong_chu_tri": "Đồng chí Nông Văn Dũng, Bí thư Đảng ủy xã"})
    texts, result = documents(path, ["minutes", "notice"])
    assert "Nông Văn Dũng, Bí thư Đảng ủy xã Phong Quang" in texts["minutes"]
    assert "Nông Văn Dũng, Bí thư Đảng ủy xã Phong Quang" in texts["notice"]
    assert any("Nông Văn Dũng" in w and SECRETARY_OF_THE_PARTY in w for w in result.warnings), result.warnings


def test_signature_lines_carry_names_never_titles_or_honorifics(tmp_path):
    """The secretary typed "Bà …, chuyên viên …", the chair setting is a title, the signer typed with "Ông": every
    signature prints a bare name."""
    path = commune(tmp_path, {"chu_tri": "Chủ tịch UBND xã", "nguoi_ky": f"Ông {CHAIR}"},
                   sheet={"thu_ky": "Bà Lê Thị Hạnh, chuyên viên Văn phòng HĐND và UBND"})
    texts, result = documents(path, ["minutes", "notice", "memo"])
    files = {kind: file for kind, file in result.files.items()}
    assert signatures(files["minutes"]) == ["Lê Thị Hạnh", CHAIR]
    assert f"Thư ký: Bà Lê Thị Hạnh, chuyên viên Văn phòng HĐND và UBND {UNIT}." in texts["minutes"]
    for kind in ("notice", "memo"):
        assert signatures(files[kind]) == [CHAIR], kind


def test_a_title_typed_as_the_signer_s_name_gives_the_holder_s_name(tmp_path):
    path = commune(tmp_path, {"nguoi_ky": "Chủ tịch UBND xã"})
    _, result = documents(path, ["memo"])
    assert signatures(result.files["memo"]) == [CHAIR]


def test_a_party_document_calls_the_chair_comrade(tmp_path):
    """Under HD 36 the chair is "đồng chí", whatever the setting's honorific; one person holding two posts is one title."""
    book = make_book({"dai_bieu": [delegate(1, ho_ten=CHAIR, gioi_tinh="Nam", chuc_vu="Bí thư Đảng ủy, Chủ tịch UBND")]},
                     {"khoi_ban_hanh": schema.ISSUER_PARTY, "loai_don_vi": "Xã", "ten_don_vi": "Vĩnh Bảo",
                      "chu_tri": "Bí thư Đảng ủy, Chủ tịch UBND", "nguoi_ky": "Bùi Thị Lý", "chuc_vu_ky": "PHÓ BÍ THƯ"})
    context = ctx.base_context(book, "invitations", TODAY, ctx.Notes())
    assert context["chu_tri_nguoi"] == f"đồng chí {CHAIR}, Bí thư Đảng ủy, Chủ tịch UBND xã Vĩnh Bảo"
    assert context["nguoi_ky"] == "Bùi Thị Lý" and facts.signer(book).title == "Phó Bí thư Đảng ủy xã Vĩnh Bảo"


# --------------------------------------------------------------------------------------------------
# Honorifics doubled


def test_letters_to_people_typed_with_an_honorific_greet_them_once_and_name_the_file_without_it(tmp_path):
    path = commune(tmp_path)
    _, result = documents(path, ["letters"])
    by_code = {file.name.split()[0]: file for file in result.letter_files}
    assert by_code["KN-001"].name == "KN-001 Xa Van Pom.docx"
    assert by_code["KN-002"].name == "KN-002 Lo Thi Xuan.docx"
    assert "Kính gửi: Ông Xa Văn Pọm" in text(by_code["KN-001"])
    assert "Kính gửi: Bà Lò Thị Xuân" in text(by_code["KN-002"])
    for file in result.letter_files:
        assert not re.search(r"(Ông|Bà)( \(Bà\))? (Ông|Bà)\b", text(file)), file.name


def test_the_gender_known_anywhere_in_the_workbook_replaces_ong_ba(tmp_path):
    """Đinh Công Mạnh's petition has no slip code, but his slip records "Nam"; Lường Văn Pấng's gender is recorded
    nowhere: only his letter and invitation say "Ông (Bà)"."""
    path = commune(tmp_path)
    texts, result = documents(path, ["letters", "invitations"])
    by_code = {file.name.split()[0]: text(file) for file in result.letter_files}
    assert "Kính gửi: Ông Đinh Công Mạnh" in by_code["KN-003"]
    assert "Kính gửi: Ông (Bà) Lường Văn Pấng" in by_code["KN-004"]
    assert "Kính gửi: Bà Vi Thị Hoa" in by_code["KN-005"]
    invited = re.findall(r"trân trọng kính mời: (.+)", texts["invitations"])
    assert "Bà Lò Thị Xuân" in invited and "Ông Vi Văn Khiêm" in invited
    assert "Ông Xa Văn Pọm" in invited  # the delegates sheet has no gender; the honorific the secretary typed tells
    assert [i for i in invited if "(Bà)" in i] == ["Ông (Bà) Lường Văn Pấng"]


HONORIFICS = [("Ông", "Nam"), ("ông", "Nam"), ("ÔNG", "Nam"), ("Ô.", "Nam"), ("ô.", "Nam"), ("Anh", "Nam"),
              ("Bà", "Nữ"), ("bà", "Nữ"), ("BÀ", "Nữ"), ("B.", "Nữ"), ("Chị", "Nữ"), ("CHỊ", "Nữ"),
              ("Đồng chí", None), ("đồng chí", None), ("Đ/c", None), ("đ/c", None), ("Ông (Bà)", None), ("ông/bà", None)]
FAMILY = ["Xa", "Lò", "Nguyễn", "Hà", "Vi", "Lường", "Đinh", "Nông", "Hoàng", "Trần"]
MIDDLE = ["Văn", "Thị", "Công", "Đức", "Thu", "Minh"]
GIVEN = ["Pọm", "Xuân", "Tuấn", "Hoa", "Khiêm", "Pấng", "Mạnh", "Dũng", "Ánh", "Ước"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(honorific=st.sampled_from(HONORIFICS), family=st.sampled_from(FAMILY), middle=st.sampled_from(MIDDLE),
       given_name=st.sampled_from(GIVEN), gap=st.sampled_from([" ", "  ", "\u00a0", " ", ""]),
       form=st.sampled_from(["NFC", "NFD"]), twice=st.booleans())
def test_no_honorific_is_ever_printed_twice(honorific, family, middle, given_name, gap, form, twice):
    """Any honorific, in any case and Unicode form, typed before a name (even twice): the letter greets the bare name
    once, with "Ông"/"Bà" from the honorific ("Thị" when it gives none), and the invitation likewise."""
    word, gender = honorific
    if gap == "" and not word.endswith("."):
        gap = " "
    bare = f"{family} {middle} {given_name}"
    typed = f"{word}{gap}{bare}"
    if twice:
        typed = f"Ông (Bà) {typed}"
    typed = unicodedata.normalize(form, typed)
    expected = {"Nam": "Ông", "Nữ": "Bà"}.get(gender or "", "Bà" if middle == "Thị" else "Ông (Bà)")
    book = make_book({"kien_nghi": [petition(1, ma_phieu=None, nguon=schema.SOURCE_FLOOR, nguoi_kien_nghi=typed,
                                             hinh_thuc_xu_ly=LATER, noi_dung_tra_loi=ANSWER)],
                      "dai_bieu": [delegate(1, ho_ten=typed, chuc_vu="Công dân")]},
                     {"nguoi_ky": "Đặng Quốc Khánh", "dia_diem": "Nhà văn hóa"})
    _, letters = letter_contexts(book, TODAY, plan_letters(book, TODAY))
    (name, letter), = letters
    assert letter["kinh_gui"] == f"{expected} {bare}"
    assert name == f"KN-001 {bare}"
    cards = ctx.invitations_context(book, TODAY, ctx.Notes())["giay_moi"]
    assert [card["kinh_moi"].replace(ctx.NBSP, " ") for card in cards] == [f"{expected} {bare}"]


# --------------------------------------------------------------------------------------------------
# The chair setting is not pasted into sentences


TYPED_CHAIRS = [
    ("Ông Hà Văn Tuấn, Chủ tịch UBND xã", "ông"),  # what the setting's help text asks for
    ("Chủ tịch UBND", "ông"),  # the preset's default: the name from `Đại biểu`
    ("chủ tịch ubnd xã Phong Quang", "ông"),
    ("đồng chí Hà Văn Tuấn - Chủ tịch UBND xã", "đồng chí"),
    ("Hà Văn Tuấn", "ông"),  # a name alone: the post from `Đại biểu`
    ("Chủ tịch UBND xã - Ông Hà Văn Tuấn", "ông"),
    ("Hà Văn Tuấn Chủ tịch UBND xã", "ông"),
]


@pytest.mark.parametrize(("typed", "address"), TYPED_CHAIRS)
def test_each_way_of_typing_the_chair_reads_right(tmp_path, typed, address):
    path = commune(tmp_path, {"chu_tri": typed})
    texts, _ = documents(path, ["memo", "invitations", "agenda", "announcement", "notice", "report_upward"])
    assert f"để tổng hợp, báo cáo Chủ tịch UBND {UNIT}./." in texts["memo"]
    person = f"do {address} {CHAIR}, Chủ tịch UBND {UNIT} chủ trì."
    for kind in ("invitations", "notice", "report_upward"):
        assert person in texts[kind], kind
    assert f"Chủ tịch UBND {UNIT} kết luận các nội dung" in texts["notice"]
    assert f"3. Nội dung: Chủ tịch UBND {UNIT} thông tin" in texts["announcement"]
    tables = Document(str(next((path.parent / "out").iterdir()) / "Chuong trinh hoi nghi.docx")).tables
    agenda = next(t for t in tables if t.rows[0].cells[-1].text == "Người thực hiện")
    doers = {row.cells[3].text for row in agenda.rows[1:]}
    assert f"Chủ tịch UBND {UNIT}" in doers and not any(typed in doer for doer in doers if typed != "Chủ tịch UBND")
    for kind, body in texts.items():
        assert not re.search(r"[a-zà-ỹ,] (Ông|Bà|Đồng chí) [A-ZĐ]", body), (kind, re.findall(r".{30}[a-z,] Ông .{30}", body))
        assert typed not in body or typed in (CHAIR, "Chủ tịch UBND"), kind


# --------------------------------------------------------------------------------------------------
# The rules themselves (pure)


@pytest.mark.parametrize(("typed", "name", "title", "gender"), [
    ("Ông Hà Văn Tuấn, Chủ tịch UBND xã", CHAIR, "Chủ tịch UBND xã", "Nam"),
    ("Chủ tịch UBND", "", "Chủ tịch UBND", None),
    ("đồng chí Nguyễn Văn A - Bí thư Đảng ủy", "Nguyễn Văn A", "Bí thư Đảng ủy", None),
    ("Nguyễn Văn A", "Nguyễn Văn A", "", None),
    ("Bí thư Đảng ủy, Chủ tịch UBND", "", "Bí thư Đảng ủy, Chủ tịch UBND", None),
    ("Chủ tịch UBND xã - Bà Hà Thị Tâm", "Hà Thị Tâm", "Chủ tịch UBND xã", "Nữ"),
    ("Hà Văn Tuấn – Chủ tịch UBND xã", CHAIR, "Chủ tịch UBND xã", None),
    ("Bà Lê Thị Hạnh, chuyên viên Văn phòng HĐND và UBND", "Lê Thị Hạnh", "chuyên viên Văn phòng HĐND và UBND", "Nữ"),
    ("Trương Văn Trưởng", "Trương Văn Trưởng", "", None),
    ("Ông (Bà)", "", "Ông (Bà)", None),
])
def test_parse_person(typed, name, title, gender):
    for form in ("NFC", "NFD"):
        person = facts.parse_person(unicodedata.normalize(form, typed))
        assert (person.name, person.title, person.gender) == (name, title, gender)


def test_a_remark_in_brackets_is_kept_apart():
    person = facts.parse_person("Đồng chí Nguyễn Thị Sâm, Phó Chủ tịch UBND phường (được Chủ tịch ủy quyền)")
    assert (person.name, person.title, person.note, person.comrade) == (
        "Nguyễn Thị Sâm", "Phó Chủ tịch UBND phường", "(được Chủ tịch ủy quyền)", True)


def test_known_genders_come_from_every_sheet_and_two_people_of_one_name_stay_unknown():
    sheets = make_sheets({
        "dai_bieu": [delegate(1, ho_ten="Lò Thị Xuân", gioi_tinh="Nữ"), delegate(2, ho_ten="Vi Văn Khiêm"),
                     delegate(3, ho_ten="Nông Văn Dũng", gioi_tinh="Nam")],
        "phieu": [slip(1, ho_ten="Nông Văn Dũng", gioi_tinh="Nữ"), slip(2, ho_ten="Đinh Công Mạnh", gioi_tinh="nam")],
        "kien_nghi": [petition(1, nguoi_kien_nghi="Ông Vi Văn Khiêm"), petition(2, nguoi_kien_nghi="Bà Lò Thị Xuân")],
    })
    known = facts.known_genders(book_from_sheets("x.xlsm", sheets))
    key = name_key
    assert known[key("Lò Thị Xuân")] == "Nữ" and known[key("Đinh Công Mạnh")] == "Nam"
    assert known[key("Vi Văn Khiêm")] == "Nam"  # from the honorific on a petition
    assert key("Nông Văn Dũng") not in known


def test_the_chair_is_picked_from_the_delegates_of_this_unit_only():
    book = make_book({"dai_bieu": [
        delegate(1, ho_ten="Phạm Văn Đồng", gioi_tinh="Nam", chuc_vu="Chủ tịch UBND", don_vi="UBND thành phố Hải Phòng"),
        delegate(2, ho_ten="Trần Văn Hòa", gioi_tinh="Nam", chuc_vu="Chủ tịch", don_vi="UBND phường Tứ Minh"),
        delegate(3, ho_ten="Lê Văn A", chuc_vu="Phó Chủ tịch UBND"), delegate(4, ho_ten="Lê Văn B", chuc_vu="Phó Chủ tịch UBND"),
    ]}, {"chu_tri": "Chủ tịch UBND", "dong_chu_tri": "Phó Chủ tịch UBND"})
    assert facts.chair(book) == facts.Person("Trần Văn Hòa", "Chủ tịch UBND phường Tứ Minh", "Nam")
    assert facts.co_chair(book) == facts.Person("", "Phó Chủ tịch UBND phường Tứ Minh")  # two hold it: no name guessed


def test_a_delegate_typed_with_an_honorific_in_any_form_is_found_by_name_and_by_post():
    typed = unicodedata.normalize("NFD", "ĐỒNG CHÍ Trần Văn Quyết")
    book = make_book({"dai_bieu": [delegate(1, ho_ten=typed, gioi_tinh="Nam", chuc_vu="Bí thư Đảng ủy",
                                            don_vi="Đảng ủy phường Tứ Minh")]},
                     {"chu_tri": "Trần Văn Quyết", "dong_chu_tri": "Bí thư Đảng ủy phường"})
    expected = facts.Person("Trần Văn Quyết", "Bí thư Đảng ủy phường Tứ Minh", "Nam")
    assert facts.chair(book) == expected and facts.co_chair(book) == expected
