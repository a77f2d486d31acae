"""Rules across rows and sheets: unique codes, a petition's slip, an assignment's petition, lead units."""

from __future__ import annotations

from ..core import schema
from ..core.keys import code_key, list_key
from ..core.model import Record, Table
from ..core.text import shown
from ..domain.facts import handling_of
from .checker import Checker, row_ref


def check_links(ck: Checker) -> None:
    book = ck.book
    slips = unique_codes(ck, book.slips, "ma_phieu", "phiếu")
    petitions = unique_codes(ck, book.petitions, "ma_kien_nghi", "kiến nghị")
    _petition_slips(ck, book.petitions, slips)
    _assignments(ck, book.assignments, book.petitions, petitions)


def unique_codes(ck: Checker, table: Table, key: str, what: str) -> dict[str, Record]:
    """code -> the first record holding it; every later record with the same code is an error."""
    first: dict[str, Record] = {}
    if key not in table.columns:
        return first
    header = table.header(key)
    for record in table.records:
        code = code_key(record.values.get(key))
        if not code:
            continue
        seen = first.setdefault(code, record)
        if seen is not record:
            ck.error(
                table, record, key, "duplicate_code",
                f"{header} “{shown(record.values.get(key))}” trùng với {row_ref(table, seen)}; mỗi {what} cần một mã riêng, hãy "
                     "đổi mã ở một trong hai dòng.",
            )
    return first


def _petition_slips(ck: Checker, petitions: Table, slips: dict[str, Record]) -> None:
    slip_source = list_key(schema.lookup("nguon").values[0])  # "Phiếu đăng ký"
    slip_sheet = ck.book.slips.name
    for record in petitions.records:
        value = record.values.get("ma_phieu")
        code = code_key(value)
        if code:
            if code not in slips:
                ck.error(
                    petitions, record, "ma_phieu", "slip_missing",
                    f"Mã phiếu “{shown(value)}” không có ở trang {slip_sheet}; hãy kiểm tra lại mã hoặc nhập phiếu đó.",
                )
        elif ck.folded(record.values.get("nguon")) == slip_source:
            ck.warning(
                petitions, record, "ma_phieu", "slip_code_blank",
                "Kiến nghị có nguồn “Phiếu đăng ký” nhưng chưa ghi Mã phiếu; hãy ghi mã phiếu để biết ai đã đăng ký.",
            )


def _assignments(ck: Checker, assignments: Table, petitions: Table, by_code: dict[str, Record]) -> None:
    lead = list_key(schema.ROLE_LEAD)
    petition_sheet = petitions.name
    leads: dict[str, list[Record]] = {}
    assigned: set[str] = set()
    units: dict[tuple[str, str], Record] = {}
    for record in assignments.records:
        value = record.values.get("ma_kien_nghi")
        code = code_key(value)
        if not code:
            continue
        assigned.add(code)
        if code not in by_code:
            ck.error(
                assignments, record, "ma_kien_nghi", "petition_missing",
                f"Mã kiến nghị “{shown(value)}” không có ở trang {petition_sheet}; hãy kiểm tra lại mã.",
            )
        unit = ck.folded(record.values.get("don_vi"))
        if unit:
            earlier = units.setdefault((code, unit), record)
            if earlier is not record:
                ck.warning(
                    assignments, record, "don_vi", "duplicate_assignment",
                    f"Đơn vị “{shown(record.values.get('don_vi'))}” đã được giao kiến nghị “{shown(value)}” ở "
                           f"{row_ref(assignments, earlier)}; hãy xóa dòng thừa.",
                )
        if ck.folded(record.values.get("vai_tro")) == lead:
            leads.setdefault(code, []).append(record)
    for records in leads.values():
        first = records[0]
        for record in records[1:]:
            ck.error(
                assignments, record, "vai_tro", "many_lead_units",
                f"Kiến nghị “{shown(record.values.get('ma_kien_nghi'))}” đã có đơn vị chủ trì "
                     f"“{shown(first.values.get('don_vi'))}” ở dòng {first.row}; "
                "mỗi kiến nghị chỉ có một đơn vị chủ trì, hãy đổi dòng này thành “Phối hợp”.",
            )
    for record in petitions.records:
        code = code_key(record.values.get("ma_kien_nghi"))
        if not code or code in leads:
            continue
        handled_later = handling_of(record) == schema.HANDLING_LATER
        if handled_later or code in assigned:
            reason = f"có hình thức xử lý “{schema.HANDLING_LATER}”" if handled_later else "đã có đơn vị phối hợp"
            ck.error(
                petitions, record, "ma_kien_nghi", "no_lead_unit",
                f"Kiến nghị “{shown(record.values.get('ma_kien_nghi'))}” {reason} nhưng chưa có đơn vị chủ trì; "
                f"hãy thêm ở trang {assignments.name} một dòng có Vai trò “{schema.ROLE_LEAD}”.",
            )

