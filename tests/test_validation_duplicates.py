"""The same person twice, near-duplicate petitions, and matters outside the dialogue."""

from __future__ import annotations

import random

from books import at, cells, delegate, findings, make_book, petition, slip

from doithoai.core.model import WARNING
from doithoai.validation.duplicates import similar_pairs, words


def test_same_person_by_name_with_other_tone_placement_and_case():
    book = make_book({"phieu": [slip(1, ho_ten="Lê Thị Hòa", nam_sinh="1960"), slip(2, ho_ten="Lê Thị Thủy"),
                                slip(3, ho_ten="LÊ THỊ HOÀ", nam_sinh="1960")]})
    [finding] = findings(book, "duplicate_person")
    assert (finding.sheet, finding.cell, finding.severity) == (*at("phieu", "ho_ten", 4), WARNING)
    assert "dòng 2 (P-001)" in finding.message


def test_same_name_typed_without_accents():
    book = make_book({"phieu": [slip(1, ho_ten="Lê Thị Hòa"), slip(2, ho_ten="Le Thi Hoa", nam_sinh=None)]})
    assert cells(book, "duplicate_person") == {at("phieu", "ho_ten", 3)}


def test_names_differing_by_a_vowel_are_two_people():
    book = make_book({"phieu": [slip(1, ho_ten="Nguyễn Văn Hùng"), slip(2, ho_ten="Nguyễn Văn Hưng")]})
    assert findings(book, "duplicate_person") == []


def test_same_name_born_in_different_years_is_two_people():
    book = make_book({"phieu": [slip(1, ho_ten="Nguyễn Văn Hùng", nam_sinh="1960"),
                                slip(2, ho_ten="Nguyễn Văn Hùng", nam_sinh="1985")]})
    assert findings(book, "duplicate_person") == []


def test_same_person_by_phone_in_another_format():
    book = make_book({"phieu": [slip(1, dien_thoai="0912345678"), slip(2), slip(3, dien_thoai="+84 912 345 678")]})
    [finding] = findings(book, "duplicate_person")
    assert (finding.sheet, finding.cell) == at("phieu", "dien_thoai", 4)
    assert "0912345678" in finding.message and "dòng 2" in finding.message


def test_same_delegate_twice():
    book = make_book({"dai_bieu": [delegate(1), delegate(2), delegate(3, ho_ten=delegate(1)["ho_ten"])]})
    assert cells(book, "duplicate_person") == {at("dai_bieu", "ho_ten", 4)}


def test_near_duplicate_petitions_name_both_rows():
    text = "Mỗi khi mưa lớn, ngõ 12 đường Cẩm Khê bị ngập sâu khoảng 30 cm do cống thoát nước nhỏ; đề nghị phường sớm cải tạo."
    similar = ("Mỗi khi mưa lớn ngõ 12 đường Cẩm Khê bị ngập sâu khoảng 30 cm do cống thoát nước quá nhỏ, "
               "đề nghị phường sớm cải tạo")
    book = make_book({"kien_nghi": [petition(1, noi_dung=text), petition(2), petition(3, noi_dung=similar)]})
    [finding] = findings(book, "near_duplicate_petition")
    assert (finding.sheet, finding.cell, finding.severity) == (*at("kien_nghi", "noi_dung", 4), WARNING)
    assert "dòng 2 (KN-001)" in finding.message


def test_same_words_typed_without_accents_are_duplicates():
    book = make_book({"kien_nghi": [petition(1, noi_dung="Đề nghị sửa đèn đường"),
                                    petition(2, noi_dung="de nghi sua den duong")]})
    assert cells(book, "near_duplicate_petition") == {at("kien_nghi", "noi_dung", 3)}


def test_petitions_about_different_places_are_not_duplicates():
    template = ("Mỗi khi mưa lớn, ngõ {} đường Cẩm Khê bị ngập sâu khoảng 30 cm do cống thoát nước nhỏ; "
                "đề nghị phường sớm cải tạo.")
    book = make_book({"kien_nghi": [petition(1, noi_dung=template.format(12)), petition(2, noi_dung=template.format(35))]})
    assert findings(book, "near_duplicate_petition") == []


def test_different_petitions_are_not_duplicates():
    book = make_book({"kien_nghi": [petition(1, noi_dung="Đề nghị nạo vét mương thoát nước dọc đường Cẩm Khê."),
                                    petition(2, noi_dung="Đề nghị lắp camera an ninh tại các ngõ trong tổ dân phố.")]})
    assert findings(book, "near_duplicate_petition") == []


def test_similar_pairs_matches_a_brute_force_search():
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(600)]
    docs = []
    for n in range(300):
        if docs and rng.random() < 0.3:  # a variant of an earlier text
            base = set(rng.choice(docs)[1])
            base.discard(rng.choice(sorted(base)))
            base.add(rng.choice(vocabulary))
            tokens = frozenset(base)
        else:
            tokens = frozenset(rng.sample(vocabulary, rng.randrange(4, 25)))
        docs.append((n, tokens))

    def similar(a, b):
        common = len(a & b)
        return common / (len(a) + len(b) - common) >= 0.85

    found = {later for later, _ in similar_pairs(docs)}
    expected = {n for n, tokens in docs if any(similar(tokens, other) for m, other in docs[:n])}
    assert found == expected


def test_words_ignore_case_accents_and_punctuation():
    assert words("Đề nghị, SỬA đường!") == words("de nghi sua  duong")


def test_complaints_denunciations_and_disputes_are_out_of_scope():
    book = make_book({
        "phieu": [slip(1), slip(2, noi_dung="Tôi khiếu nại việc thu hồi đất của gia đình.")],
        "kien_nghi": [petition(1, noi_dung="Đề nghị giải quyết TRANH CHẤP ranh giới đất giữa hai hộ."),
                      petition(2, noi_dung="Cây xanh to cao trước nhà văn hóa có nguy cơ đổ, đề nghị cắt tỉa."),
                      petition(3, noi_dung="Toi to cao can bo phuong")],
    })
    found = findings(book, "out_of_scope")
    assert {(f.sheet, f.cell) for f in found} == {at("phieu", "noi_dung", 3), at("kien_nghi", "noi_dung", 2),
                                                  at("kien_nghi", "noi_dung", 4)}
    assert all(f.severity == WARNING for f in found)
    assert "“khiếu nại”" in found[0].message
