"""Rules inside one row: dates in the wrong order or in the future, a petition marked answered without an answer, a
petition without a handling class, a competence that contradicts the handling class.

The last two say what the documents will do, by the rule they follow (`facts`): a petition whose `Hình thức xử lý`
is blank, or a value the office added to its list, is counted in the class "Chưa phân loại" (`facts.handling_of`) and
gets a warning at that cell (a value off the list already has the list's error there, `not_in_list`); a competence that
contradicts the handling class (`facts.competence_conflict`) is reported at the `Thẩm quyền` cell, and the documents
follow the handling class (only "Ghi nhận, báo cáo cấp trên" is a matter beyond the ward's competence).
"""

from __future__ import annotations

from ..core import schema
from ..core.keys import list_key
from ..core.text import shown
from ..core.values import as_date
from ..domain import facts
from .checker import Checker


def check_consistency(ck: Checker) -> None:
    _slip_dates(ck)
    _assignment_dates(ck)
    _done_dates(ck)
    _answers(ck)
    _classification(ck)


def _slip_dates(ck: Checker) -> None:
    conference = ck.conference_date
    if conference is None:
        return
    slips = ck.book.slips
    for record in slips.records:
        received = as_date(record.values.get("ngay_nhan"))
        if received is not None and received > conference:
            ck.error(
                slips, record, "ngay_nhan", "slip_after_conference",
                f"Ngày nhận {shown(received)} sau ngày hội nghị {shown(conference)}; phiếu đăng ký phải nhận trước hội nghị, hãy "
                     "kiểm tra lại ngày "
                "(ý kiến nêu tại hội nghị thì nhập ở trang Kiến nghị với nguồn “Tại hội nghị”).",
            )


def _assignment_dates(ck: Checker) -> None:
    table = ck.book.assignments
    for record in table.records:
        assigned = as_date(record.values.get("ngay_giao"))
        if assigned is None:
            continue
        due = as_date(record.values.get("han_hoan_thanh"))
        if due is not None and due < assigned:
            ck.error(
                table, record, "han_hoan_thanh", "due_before_assigned",
                f"Hạn hoàn thành {shown(due)} trước ngày giao {shown(assigned)}; hãy sửa lại hạn hoặc ngày giao.",
            )
        done = as_date(record.values.get("ngay_hoan_thanh"))
        if done is not None and done < assigned:
            ck.warning(
                table, record, "ngay_hoan_thanh", "done_before_assigned",
                f"Ngày hoàn thành {shown(done)} trước ngày giao {shown(assigned)}; hãy kiểm tra lại.",
            )


def _done_dates(ck: Checker) -> None:
    """A task cannot have been done on a day that has not come yet."""
    today = ck.today
    for table in (ck.book.assignments, ck.book.milestones):
        for record in table.records:
            done = as_date(record.values.get("ngay_hoan_thanh"))
            if done is not None and done > today:
                ck.error(
                    table, record, "ngay_hoan_thanh", "done_in_future",
                    f"Ngày hoàn thành {shown(done)} chưa đến (hôm nay là {shown(today)}); hãy nhập ngày đã thực hiện xong, hoặc "
                         "để trống nếu chưa xong.",
                )


def _answers(ck: Checker) -> None:
    table = ck.book.petitions
    answered = {list_key(status) for status in schema.ANSWERED_STATUSES}
    for record in table.records:
        status = record.values.get("trang_thai")
        if ck.folded(status) not in answered:
            continue
        answer = record.values.get("noi_dung_tra_loi")
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            ck.warning(
                table, record, "noi_dung_tra_loi", "answer_missing",
                f"Kiến nghị có trạng thái “{shown(status)}” nhưng chưa ghi Nội dung trả lời; hãy nhập nội dung đã trả lời cho "
                       "người dân.",
            )



_CLASSES = f"“{schema.HANDLING_AT_CONFERENCE}”, “{schema.HANDLING_LATER}” hoặc “{schema.HANDLING_UPWARD}”"
_CLASSES_OR = f"“{schema.HANDLING_AT_CONFERENCE}”, “{schema.HANDLING_LATER}” hay “{schema.HANDLING_UPWARD}”"
_OWN_CLASSES = f"“{schema.HANDLING_AT_CONFERENCE}” hoặc “{schema.HANDLING_LATER}”"


def _classification(ck: Checker) -> None:
    """Every petition (`facts.is_petition`) has a handling class, and its competence agrees with it."""
    table = ck.book.petitions
    handled, competent = "hinh_thuc_xu_ly" in table.columns, "tham_quyen" in table.columns
    listed = ck.list_of("hinh_thuc_xu_ly")
    for record in table.records:
        if not facts.is_petition(record):
            continue
        handling = facts.handling_of(record)
        typed = record.values.get("hinh_thuc_xu_ly")
        if handled and handling == facts.UNCLASSIFIED:
            if typed is None or (isinstance(typed, str) and not typed.strip()):
                message = (f"Chưa chọn hình thức xử lý: báo cáo sẽ xếp kiến nghị này vào nhóm “{facts.UNCLASSIFIED}”; "
                           f"hãy chọn {_CLASSES}.")
            elif listed is None or typed in listed.allowed:  # a value the office added to its list: no list error says it
                message = (f"Hình thức xử lý “{shown(typed)}” không phải {_CLASSES_OR}: báo cáo sẽ xếp kiến nghị này vào nhóm "
                           f"“{facts.UNCLASSIFIED}”; hãy chọn một trong ba hình thức đó.")
            else:  # off the list: the list rule reports it at this cell (`not_in_list`), once is enough
                message = ""
            if message:
                ck.warning(table, record, "hinh_thuc_xu_ly", "handling_missing", message)
        conflict = facts.competence_conflict(record) if competent else None
        if conflict is None:
            continue
        competence = shown(record.values.get("tham_quyen"))
        head = f"Thẩm quyền “{competence}” trái với hình thức xử lý “{handling}”: các văn bản theo hình thức xử lý"
        if conflict == "upper_not_upward":
            message = (f"{head}, nên không tính kiến nghị này là nội dung vượt thẩm quyền, báo cáo cấp trên. Nếu đúng là vượt "
                       f"thẩm quyền, hãy chọn hình thức xử lý “{schema.HANDLING_UPWARD}”; nếu không, hãy sửa thẩm quyền thành "
                       f"“{schema.COMPETENCE_LOCAL}”.")
        else:
            message = (f"{head}, nên vẫn tính kiến nghị này là nội dung vượt thẩm quyền, báo cáo cấp trên. Nếu đúng là vượt "
                       f"thẩm quyền, hãy sửa thẩm quyền thành “{schema.COMPETENCE_UPPER}”; nếu không, hãy chọn hình thức xử lý "
                       f"{_OWN_CLASSES}.")
        ck.warning(table, record, "tham_quyen", "competence_conflict", message)
