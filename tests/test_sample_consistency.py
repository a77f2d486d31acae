"""The demo holds together (issue 23, point 5): read as the ward's Chairman would, the sample conference and the demo
built on it never contradict themselves.

Checked on the real workbooks: the sample as `doithoai demo` writes it, and the same workbook after the demo's steps
up to the documents (intake of the Veterans' form, the conference day, the office classifying what came in), read
back from the .xlsm. The cheap properties are also checked on the sample drawn from other seeds (the scaled benchmark
copies it with seeds 118 + j).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter, defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.core import schema
from doithoai.core.keys import list_key, name_key
from doithoai.domain import facts
from doithoai.io.access import FileWorkbook
from doithoai.io.reader import read_book
from doithoai.validation.duplicates import WordKeys, similar_pairs
from doithoai.validation.jobs import validate
from doithoai.workflows import demo, sample
from doithoai.workflows.intake import default_organisations

TODAY = sample.DEMO_TODAY
AFTER_THE_DOCUMENTS = {"_documents", "_share", "_calendar"}  # the demo's steps that only write files
# An answer to a matter reported upward says whose it is: a level above the ward, or a body the law gives it to.
WHOSE = re.compile(r"(thẩm quyền của|\bdo) (ubnd |hđnd |thủ tướng )?(thành phố|chính phủ|nhà nước|trung ương|bộ |sở |"
                   r"cơ quan quản lý)", re.IGNORECASE)
_HONORIFIC = {"ông": "Nam", "bà": "Nữ"}


# --------------------------------------------------------------------------------------------------
# The workbooks


@pytest.fixture(scope="module")
def book(demo_path):
    return read_book(demo_path)


@pytest.fixture(scope="module")
def cycled(tmp_path_factory, demo_path):
    """The demo's workbook after every step that changes it (validate … the office's classification), read back."""
    folder = tmp_path_factory.mktemp("demo-cycle")
    path = folder / demo.DEMO_WORKBOOK
    shutil.copyfile(demo_path, path)
    result = demo.DemoResult(workbook=path)
    with FileWorkbook(path, command="demo") as access:
        for step in demo._steps():
            if step.__name__ not in AFTER_THE_DOCUMENTS:
                step(access, folder, TODAY, result)
    return read_book(path)


def petitions(book):
    return [r for r in book.petitions.records if facts.is_petition(r)]


def text(value) -> str:
    return facts.text_of(value)


# --------------------------------------------------------------------------------------------------
# Handling class and competence


def test_every_petition_has_a_handling_class_and_a_competence_that_agrees(book, cycled):
    for workbook in (book, cycled):
        rows = petitions(workbook)
        assert [r["ma_kien_nghi"] for r in rows if facts.handling_of(r) == facts.UNCLASSIFIED] == []
        assert [(r["ma_kien_nghi"], facts.competence_conflict(r)) for r in rows if facts.competence_conflict(r)] == []
        assert all(text(r.get("tham_quyen")) for r in rows)
    counted = facts.petition_facts(cycled)
    assert counted.unclassified == 0 and "chưa phân loại" not in counted.summary_sentence()
    assert counted.total.tong == len(petitions(cycled)) == sample.PETITIONS + 5  # the Veterans' three, the floor's two
    assert sum(len(members) for _, members in counted.classes) == counted.total.tong


def test_only_matters_beyond_a_ward_are_reported_upward(book, cycled):
    for workbook in (book, cycled):
        upward = [r for r in petitions(workbook) if facts.is_upward(r)]
        assert upward
        for record in upward:
            answer = text(record.get("noi_dung_tra_loi"))
            assert WHOSE.search(answer), (record["ma_kien_nghi"], text(record["noi_dung"]), answer)
            assert record["tham_quyen"] == schema.COMPETENCE_UPPER and record["trang_thai"] == schema.STATUS_UPWARD
            assert text(record.get("cap_giai_quyet")) != "Phường"
        local = [r for r in petitions(workbook) if not facts.is_upward(r)]
        assert all(r["tham_quyen"] == schema.COMPETENCE_LOCAL for r in local)


# --------------------------------------------------------------------------------------------------
# Statuses and dates as of the demo's today


_MONTH = re.compile(r"tháng (\d{1,2})/(20\d\d)", re.IGNORECASE)
_QUARTER = re.compile(r"quý (I{1,3}|IV)/(20\d\d)", re.IGNORECASE)
_QUARTERS = {"I": 1, "II": 4, "III": 7, "IV": 10}


_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")


def periods(value) -> list[tuple[dt.date, dt.date]]:
    """Every day, month and quarter a text names, as (first day, last day)."""
    found = [(day, day) for day in (dt.date(int(y), int(m), int(d)) for d, m, y in _DAY.findall(text(value)))]
    for month, year in _MONTH.findall(text(value)):
        first = dt.date(int(year), int(month), 1)
        found.append((first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)))
    for quarter, year in _QUARTER.findall(text(value)):
        first = dt.date(int(year), _QUARTERS[quarter.upper()], 1)
        found.append((first, (first + dt.timedelta(days=92)).replace(day=1) - dt.timedelta(days=1)))
    return found


def test_statuses_agree_with_the_demo_s_today(book, cycled):
    for workbook in (book, cycled):
        for record in petitions(workbook):
            code, status, answer = record["ma_kien_nghi"], record["trang_thai"], record.get("noi_dung_tra_loi")
            when = periods(record.get("thoi_gian_giai_quyet"))
            resolved = status == schema.STATUS_RESOLVED
            assert resolved == (text(record.get("ket_qua")) == "Đã giải quyết xong"), code
            if resolved:  # done: nothing it names is still to come
                assert all(first <= TODAY for first, _ in periods(answer)), (code, answer)
                assert all(last <= TODAY for _, last in when), code
            if any(first > TODAY for first, _ in periods(answer)):  # something still to come: not closed
                assert status in (schema.STATUS_IN_PROGRESS, schema.STATUS_UPWARD), (code, status, answer)
            if status == schema.STATUS_IN_PROGRESS:  # open: says until when, and that is not past
                assert when and all(last > TODAY for _, last in when), (code, record.get("thoi_gian_giai_quyet"))
            if status in schema.ANSWERED_STATUSES:
                assert text(answer) and not when, code
        for record in workbook.assignments.records:
            assert record["ngay_giao"] <= TODAY
            assert record["ngay_hoan_thanh"] is None or record["ngay_giao"] <= record["ngay_hoan_thanh"] <= TODAY
        assert all(r["ngay_hoan_thanh"] is None or r["ngay_hoan_thanh"] <= TODAY for r in workbook.milestones.records)
        # One assignment memo, one day: the one the timeline says the memo went out.
        memo = next(r for r in workbook.milestones.records if "Công văn phân công" in r["moc"])
        assert {r["ngay_giao"] for r in workbook.assignments.records} == {memo["ngay_hoan_thanh"]}


def test_an_assignment_is_done_exactly_when_its_petition_has_an_answer(book):
    done = defaultdict(set)
    for record in book.assignments.records:
        done[record["ma_kien_nghi"]].add(record["ngay_hoan_thanh"] is not None)
    for record in petitions(book):
        if record["ma_kien_nghi"] in done:
            assert done[record["ma_kien_nghi"]] == {facts.answered(record)}, record["ma_kien_nghi"]
        if record["hinh_thuc_xu_ly"] == schema.HANDLING_LATER:
            assert record["ma_kien_nghi"] in done  # a unit answers what is checked later


# --------------------------------------------------------------------------------------------------
# Nothing written twice


def shape(value, names: list[str]) -> str:
    """A text with its places, numbers, groups and organisations taken out: what a copy-paste leaves the same."""
    folded = list_key(text(value))
    for name in sorted((list_key(n) for n in names), key=len, reverse=True):
        folded = folded.replace(name, "#")
    return re.sub(r"\d+", "#", folded)


def test_no_two_petitions_and_no_two_answers_alike(cycled):
    rows = petitions(cycled)
    organisations = {r["nguoi_kien_nghi"] for r in rows if r["nguon"] in schema.ORGANISATION_SOURCES}
    names = [*sample.STREETS, *sample.GROUPS, *organisations]
    for column in ("noi_dung", "noi_dung_tra_loi"):
        texts = [r.get(column) for r in rows if text(r.get(column))]
        for key in (list_key, lambda value: shape(value, names)):
            repeated = [t for t, n in Counter(key(t) for t in texts).items() if n > 1]
            assert repeated == [], (column, repeated)
        keys = WordKeys()
        assert similar_pairs([(r, keys.words(text(r.get(column)))) for r in rows if text(r.get(column))]) == []


def test_validate_finds_no_error_and_only_what_the_sample_shows_on_purpose(demo_path):
    result = validate(FileWorkbook(demo_path), write=False, today=TODAY)
    codes = Counter(f.code for f in result.findings)
    # More speakers than time, two slips outside the dialogue's scope: nothing else, no near duplicate.
    assert codes == {"speakers_exceed_time": 1, "out_of_scope": 2}, codes


# --------------------------------------------------------------------------------------------------
# People: one name, one title, one gender


def delegate(book, name: str):
    found = [r for r in book.delegates.records if name_key(r["ho_ten"]) == name_key(name)]
    assert len(found) == 1, (name, len(found))
    return found[0]


def spoken(written: str) -> tuple[str, str | None]:
    """"Ông Đỗ Văn Thịnh" -> ("Đỗ Văn Thịnh", "Nam"): a name as a secretary writes it, and the gender it says."""
    first, _, rest = written.partition(" ")
    gender = _HONORIFIC.get(first.casefold())
    return (rest, gender) if gender else (written, None)


def test_each_person_has_one_name_one_title_and_one_gender(book, cycled):
    names = Counter(name_key(r["ho_ten"]) for r in book.delegates.records)
    assert names.most_common(1)[0][1] == 1
    chairs = [r for r in book.delegates.records if r["chuc_vu"] == "Chủ tịch UBND"]
    assert [r["co_mat"] for r in chairs] == ["Có"]  # one Chairman, and he came: he chairs (plan 118, 3.1)
    assert book.settings["chu_tri"].startswith("Chủ tịch UBND")
    signer = delegate(book, book.settings["nguoi_ky"])
    assert signer["co_mat"] == "Có" and signer["chuc_vu"].casefold() == book.settings["chuc_vu_ky"].casefold() + " ubnd"
    # Every slip's person is on `Đại biểu` with the same gender and group, and so is each petitioner of a slip.
    slips = {r["ma_phieu"]: r for r in book.slips.records}
    for slip in slips.values():
        person = delegate(book, slip["ho_ten"])
        assert (person["gioi_tinh"], person["don_vi"]) == (slip["gioi_tinh"], slip["to_dan_pho"]), slip["ma_phieu"]
    for record in petitions(book):
        if record.get("ma_phieu"):
            assert record["nguoi_kien_nghi"] == slips[record["ma_phieu"]]["ho_ten"]
    # The people the demo writes as a secretary would ("Bà Lê Thị Hạnh, chuyên viên …", "Ông Đỗ Văn Thịnh").
    written = [tuple(demo.DAY_FACTS[1].partition(", ")[::2]), *((f[0], "") for f in demo.FLOOR),
               *((o[0], "") for o in demo.VETERANS_OPINIONS if o[0])]
    if demo.DAY_FACTS[0]:  # a co-chair the secretary writes down is a delegate with that title
        written.append(tuple(re.sub(r"^Đồng chí ", "", demo.DAY_FACTS[0]).partition(", ")[::2]))
    for who, title in written:
        name, gender = spoken(who)
        person = delegate(book, name)
        assert gender in (None, person["gioi_tinh"]) and person["co_mat"] == "Có", who
        assert not title or title.casefold().startswith(person["chuc_vu"].casefold()), (who, person["chuc_vu"])
    for speaker in cycled.conference.speakers:  # the minutes name each speaker as `Đại biểu` does
        name, gender = spoken(speaker.values["ho_ten"])
        person = delegate(cycled, name)
        assert gender in (None, person["gioi_tinh"]) and person["co_mat"] == "Có"
    chair = text(cycled.conference.facts.get("chu_tri"))
    assert book.settings["nguoi_ky"] not in chair and "ủy quyền" not in chair  # the Chairman chaired, as everywhere


def test_each_organisation_has_one_name(book, cycled):
    names = set(default_organisations(book))  # the names intake gives the Front and the organisations
    for workbook in (book, cycled):
        for record in petitions(workbook):
            if record["nguon"] in schema.ORGANISATION_SOURCES:
                assert record["nguoi_kien_nghi"] in names, record["nguoi_kien_nghi"]
    leaders = {r["don_vi"] for r in book.delegates.records if r["chuc_vu"].startswith(("Chủ tịch Hội", "Chủ tịch Ủy ban MTTQ",
                                                                                         "Bí thư Đoàn"))}
    assert leaders <= names and len(leaders) == len(names)


# --------------------------------------------------------------------------------------------------
# Places: one address each


_LANE = re.compile(r"ngõ \d+ (?:" + "|".join(map(re.escape, sample.STREETS)) + ")")
_HOUSE = re.compile(r"nhà văn hóa tổ dân phố (cẩm khê [ab]),? (?:ở|tại) (" + _LANE.pattern + ")", re.IGNORECASE)


def places(data) -> dict[str, set[str]]:
    """Each cultural house -> the places texts put it; each lane -> the residential groups it is said to be in."""
    found: dict[str, set[str]] = defaultdict(set)
    for slip in data["phieu"]:
        for lane in _LANE.findall(slip["dia_chi"]):
            found[lane].add(slip["to_dan_pho"])
    for table in ("phieu", "kien_nghi"):
        for record in data[table]:
            for column in ("noi_dung", "noi_dung_tra_loi"):
                for house, place in _HOUSE.findall(text(record.get(column))):
                    found["nhà văn hóa " + house.casefold()].add(place.casefold())
    return found


def first_person_lanes(data) -> list[tuple[str, str, str]]:
    """(slip, lane in its petition, its address) for each petition that speaks of the petitioner's own family or house."""
    slips = {s["ma_phieu"]: s for s in data["phieu"]}
    wrong = []
    for record in data["kien_nghi"]:
        slip = slips.get(record.get("ma_phieu"))
        content = text(record["noi_dung"])
        if slip and re.search(r"\b(tôi|nhà tôi|gia đình tôi)\b", content):
            wrong += [(slip["ma_phieu"], lane, slip["dia_chi"]) for lane in _LANE.findall(content) if lane not in slip["dia_chi"]]
    return wrong


def as_data(book) -> dict[str, list[dict]]:
    return {"phieu": [r.values for r in book.slips.records], "kien_nghi": [r.values for r in book.petitions.records]}


def test_one_address_per_place(book):
    data = as_data(book)
    assert {place: where for place, where in places(data).items() if len(where) > 1} == {}
    assert first_person_lanes(data) == []


# --------------------------------------------------------------------------------------------------
# Any seed: the scaled benchmark's copies hold together too


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=100_000))
def test_the_sample_holds_together_for_any_seed(seed):
    data = sample.sample_conference(seed).tables
    assert [len(data[k] or ()) for k in ("dai_bieu", "phieu", "kien_nghi", "phan_cong")] == [
        sample.DELEGATES, sample.SLIPS, sample.PETITIONS, 84]
    rows = data["kien_nghi"]
    assert len({list_key(r["noi_dung"]) for r in rows}) == len(rows)
    answers = [r["noi_dung_tra_loi"] for r in rows if r["noi_dung_tra_loi"]]
    assert len({list_key(a) for a in answers}) == len(answers)
    assert {place: where for place, where in places(data).items() if len(where) > 1} == {}
    assert first_person_lanes(data) == []
    people = {name_key(d["ho_ten"]): d for d in data["dai_bieu"]}
    assert len(people) == sample.DELEGATES
    assert all(people[name_key(s["ho_ten"])]["gioi_tinh"] == s["gioi_tinh"] for s in data["phieu"])
    assert all(facts.handling_of(r) != facts.UNCLASSIFIED and not facts.competence_conflict(r) for r in rows)


def test_the_sample_is_deterministic():
    assert sample.sample_conference() == sample.sample_conference()
    assert sample.sample_conference(119).tables["phieu"] != sample.sample_conference().tables["phieu"]
