"""The programme on `Chương trình`, timed: items in order, the speakers row expanded into registered speakers."""

from __future__ import annotations

import datetime as dt

from books import make_book, slip

from doithoai.core import schema
from doithoai.documents.programme import items_of, timetable

T8, T1130 = dt.time(8, 0), dt.time(11, 30)


def row(n, content, minutes=None, kind=schema.ITEM_PLAIN, who=""):
    return {"stt": n, "noi_dung": content, "nguoi_thuc_hien": who, "so_phut": minutes, "loai_muc": kind}


def test_a_workbook_without_a_programme_gets_the_default():
    items = items_of(make_book())
    assert [i.content for i in items] == [p[0] for p in schema.DEFAULT_PROGRAMME]
    assert sum(i.kind == schema.ITEM_SPEAKERS for i in items) == 1


def test_items_follow_stt_then_row_and_run_back_to_back():
    book = make_book({"chuong_trinh": [row(2, "Hai", 10), row(1, "Một", 15), row(None, "Cuối", 5)]})
    table = timetable(items_of(book), [], T8, T1130, 5)
    assert [(m["noi_dung"], m["gio"]) for m in table.items] == [("Một", "08h00 - 08h15"), ("Hai", "08h15 - 08h25"),
                                                                ("Cuối", "08h25 - 08h30")]


def test_speakers_row_expands_and_counts_who_does_not_fit():
    slips = [slip(n) for n in range(1, 41)]
    book = make_book({"phieu": slips, "chuong_trinh": [row(1, "Khai mạc", 30), row(2, "Phát biểu", None, schema.ITEM_SPEAKERS),
                                                       row(3, "Kết luận", 30)]})
    table = timetable(items_of(book), list(book.slips), T8, dt.time(10, 0), 5)
    assert len(table.speakers) == 12 and table.left_out == 28  # 60 minutes left for 5-minute turns
    assert table.speakers[0]["gio"] == "08h30 - 08h35" and table.speakers[-1]["gio"] == "09h25 - 09h30"
    assert [m["gio"] for m in table.items] == ["08h00 - 08h30", "08h30 - 09h30", "09h30 - 10h00"]


def test_seed_002_eight_items_fit():
    """Seed 002's programme: 8 numbered items, speeches in registered order (item 5), answers (item 6)."""
    items = [
        row(1, "Tuyên bố lý do, giới thiệu đại biểu; thông qua chương trình, nội quy; giới thiệu chủ tọa, thư ký", 10),
        row(2, "Thông báo mục đích, yêu cầu, chương trình, nội dung của Hội nghị đối thoại", 5),
        row(3, "Thông qua báo cáo phát triển KT - XH 9 tháng, kế hoạch 3 tháng cuối năm 2025", 20),
        row(4, "Thông qua báo cáo trả lời các ý kiến, kiến nghị đã được tổng hợp trước Hội nghị", 20, schema.ITEM_ANSWERS),
        row(5, "Điều hành phát biểu ý kiến theo thứ tự, nội dung, thời gian đã đăng ký", None, schema.ITEM_SPEAKERS),
        row(6, "Trả lời, làm rõ những kiến nghị thuộc thẩm quyền", 40, schema.ITEM_ANSWERS),
        row(7, "Trao đổi, phát biểu ý kiến thêm (nếu có)", 15),
        row(8, "Kết luận buổi tiếp xúc, đối thoại", 15),
    ]
    book = make_book({"phieu": [slip(n) for n in range(1, 6)], "chuong_trinh": items})
    table = timetable(items_of(book), list(book.slips), T8, T1130, 5, chair="Chủ tịch UBND phường Việt Hòa")
    assert [m["stt"] for m in table.items] == list(range(1, 9))
    assert len(table.speakers) == 5 and table.left_out == 0
    assert table.items[4]["gio"] == "08h55 - 09h20"


def test_neutral_words_become_the_conference_s_own():
    table = timetable(items_of(make_book()), [], T8, T1130, 5, chair="Chủ tịch UBND xã Phong Quang", office="Văn phòng UBND")
    people = [m["nguoi"] for m in table.items]
    assert people[0] == "Văn phòng UBND" and "Chủ tịch UBND xã Phong Quang" in people
