"""Rules on one cell at a time: blanks, error values, lists, dates, numbers, years, phones, and the text itself.

Rules run column by column so each column's kind is looked at once, and every test on a value starts with
the cheapest question: most cells are fine and leave after one comparison. The text repairs here are the
ones `fixes` applies, so a finding and its fix never disagree.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import methodcaller
from typing import Any

from ..core import schema
from ..core.legacy import detect_legacy, to_unicode
from ..core.model import ERROR, WARNING, CellError, Record, Table
from ..core.schema import Column, Kind
from ..core.text import EXCEL_CELL_LIMIT, clean, formula_like, has_control_chars, is_nfc, nfc, shown
from ..core.values import DATE_MAX, DATE_MIN, INT_LIMIT, any_date
from .checker import Checker, ListIndex

# The button (and `doithoai fix`) that applies the safe fixes, as messages name it.
FIX_BUTTON = "Sửa lỗi an toàn"
SOFT_LIMITS = {Kind.LONG_TEXT: 5000}  # longer than a page of petition: probably pasted by mistake
SHORT_LIMIT = 255  # a name, an address, a code
YEAR_MIN = 1900
ADULT_AGE = 16
LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC, phông .VnTime)", "vni": "VNI-Windows (phông VNI-Times)"}
TEXT_KINDS = (Kind.TEXT, Kind.LONG_TEXT, Kind.CODE)

# Something `clean` might change: whitespace other than one plain space, two spaces, a space at either
# end, "Ð"/"ð", control or zero-width characters, or a combining mark (NFC Vietnamese has none: every
# letter is precomposed, so a combining mark means NFD). A cell matching none of these is already clean.
_SUSPECT = re.compile(r"[^\S ]|  |^ | "
                      r"$|[\x00-\x1f\x7f-\x9f\u00d0\u00f0\u0300-\u036f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
# The same characters as one class, for the fast path (double and edge spaces are tested without a regex).
_BAD_CHAR = re.compile("[\x00-\x1f\x7f-\xa0\u00d0\u00f0\u0300-\u036f\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]")
# Letters only Unicode Vietnamese has: text holding one is not TCVN3/VNI read as Latin-1.
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_FORMULA_START = frozenset("=+-@ \t\u00a0")
_YEAR = re.compile(r"\s*(\d{4})\s*")


# --------------------------------------------------------------------------------------------------
# Repairs shared with `fixes`


def legacy_of(text: str) -> str | None:
    """"tcvn3" / "vni" when `text` is legacy-encoded Vietnamese showing as garbage, else None."""
    if text.isascii() or _UNICODE_VIETNAMESE.search(text):
        return None
    return _detect_legacy(text)


@functools.lru_cache(maxsize=16384)
def _detect_legacy(text: str) -> str | None:
    # Text with only Latin-1 accents ("Lê Kim Mai", "Hoàng Thu Linh") still needs the full test, which
    # scores every word; names repeat down a column, so each is scored once.
    return detect_legacy(text)


def repaired_text(value: str) -> tuple[str, str | None]:
    """The safe repair of a text: cleaned, and converted to Unicode when it is TCVN3/VNI. (text, encoding)."""
    new = clean(value)
    encoding = legacy_of(new)
    if encoding:
        converted = clean(to_unicode(new, encoding))
        if legacy_of(converted) is None:  # converting must settle it, or `fix` would not be idempotent
            return converted, encoding
    return new, None


def year_of(value: Any) -> int | None:
    if isinstance(value, str):
        match = _YEAR.fullmatch(value)
        return int(match.group(1)) if match else None
    return None


# --------------------------------------------------------------------------------------------------
# The rules


def check_cells(ck: Checker) -> None:
    for table in (*ck.book.tables.values(), ck.book.calendar):
        for key in table.columns:
            column = table.spec.column(key)
            if column.computed and column.kind is not Kind.DATE:  # the tool's own text: only error values
                _check_column(ck, table, column, ColumnCheck(lambda v: v.__class__ is not CellError, None), required=False)
            else:  # a computed date may be a person's own deadline: checked like any date
                _check_column(ck, table, column, _checker_for(ck, table, column))


@dataclass(frozen=True)
class ColumnCheck:
    fine: Callable[[Any], bool]  # the common case, decided cheaply: True means nothing to say
    check: Callable[[Record, Any], None] | None  # the full rule, for the rest


def _checker_for(ck: Checker, table: Table, column: Column) -> ColumnCheck:
    kind = column.kind
    if kind is Kind.LIST and column.list_key:
        index = ck.list_of(column.list_key)
        return _list_values(ck, table, column, index) if index else _texts(ck, table, column)
    if kind is Kind.DATE:
        return _dates(ck, table, column)
    if kind is Kind.INT:
        return _ints(ck, table, column)
    if kind is Kind.MONEY:
        return _money(ck, table, column)
    if kind is Kind.YEAR:
        return _years(ck, table, column)
    if kind is Kind.PHONE:
        return _phones(ck, table, column)
    return _texts(ck, table, column)


def _check_column(ck: Checker, table: Table, column: Column, rule: ColumnCheck, *, required: bool | None = None) -> None:
    key = column.key
    required = column.required if required is None else required
    fine, check = rule.fine, rule.check
    closer = _closer(ck, table, key, fine, required, distinct=column.kind in _REPEATED_TEXT)
    message = f"Chưa nhập “{column.header}”; đây là thông tin bắt buộc, hãy nhập vào ô này."
    for record in closer:
        value = record.values.get(key)
        if value is None or (value.__class__ is str and not value.strip()):
            if required:
                ck.error(table, record, key, "required", message)
            continue
        if value.__class__ is CellError:
            ck.error(table, record, key, "error_value", f"Ô có giá trị lỗi {value.code}; hãy xóa công thức hoặc nhập lại giá trị "
                     "đúng.")
            continue
        if check is not None and not (fine(value) and key not in record.raw):
            check(record, value)


_NUMBERS = frozenset({bool, int, float})  # 1 == 1.0 == True: a set of cells would keep only one of them
# Free text whose `fine` runs regular expressions and whose values repeat down a column (names, units, titles,
# places, answers): judged once per distinct value. Codes are unique, lists and numbers are judged in C or by a
# comparison: cell by cell is cheaper for them than hashing every value.
_REPEATED_TEXT = frozenset({Kind.TEXT, Kind.LONG_TEXT})


def _closer(ck: Checker, table: Table, key: str, fine: Callable[[Any], bool], required: bool, *,
            distinct: bool) -> list[Record]:
    """The records whose `key` cell needs a closer look, in order: blank when required, not `fine`, or changed on reading.

    With `distinct`, each distinct value is judged once and the column is walked by C-level passes (`map`, `set`);
    a Python loop over the rows runs only when some value is not fine. `record.raw` is set only where reading
    changed the value (NFD text, a number in a text column).
    """
    records = table.records
    values: set[Any] | None = None
    if distinct:
        column = list(map(methodcaller("get", key), ck.values_of(table)))
        try:
            values = set(column)
        except TypeError:  # an unhashable value (never read from a workbook): judge cell by cell
            values = None
    if values is None or len(set(map(type, values)) & _NUMBERS) > 1:
        if required:
            return [r for r in records if (v := r.values.get(key)) is None or r.raw or not fine(v)]
        return [r for r in records if (v := r.values.get(key)) is not None and (r.raw or not fine(v))]
    bad = {v for v in values if v is not None and not fine(v)}
    if required and None in values:
        bad.add(None)
    if not bad:
        changed = ck.changed_records(table)
        return changed if required else [r for r in changed if r.values.get(key) is not None]
    return [r for r, v in zip(records, column, strict=True) if v in bad or (r.raw and (required or v is not None))]


def _list_values(ck: Checker, table: Table, column: Column, index: ListIndex) -> ColumnCheck:
    key = column.key

    def check(record: Record, value: Any) -> None:
        if value.__class__ is str and value in index.allowed:
            return
        ck.error(table, record, key, "not_in_list", not_in_list_message(value, index))

    return ColumnCheck(index.allowed.__contains__, check)


def not_in_list_message(value: Any, index: ListIndex) -> str:
    head = f"Giá trị “{shown(value)}” không có trong danh sách {index.header}"
    found = index.candidates(value)
    if len(found) == 1:
        return f"{head}; có phải là “{found[0]}”? Nút “{FIX_BUTTON}” sửa được."
    if found:
        options = " hay ".join(f"“{v}”" for v in found)
        return f"{head}; có phải là {options}? Hãy chọn đúng giá trị trong danh sách."
    close = index.closest(value)
    if close:
        return f"{head}; có phải là “{close}”? Hãy chọn đúng giá trị trong danh sách."
    if len(index.values) <= 5:
        options = ", ".join(f"“{v}”" for v in index.values)
        return f"{head}; hãy chọn một trong các giá trị {options}."
    return f"{head}; hãy chọn một giá trị trong danh sách (xem trang {schema.LISTS_SHEET})."


def _dates(ck: Checker, table: Table, column: Column) -> ColumnCheck:
    key = column.key
    anchor = ck.conference_date or ck.today
    # The calendar may list any year; elsewhere a date years away from the conference is a slip of the keyboard.
    bounded = table.spec is not schema.CALENDAR
    first, last = (anchor.year - 2, anchor.year + 3) if bounded else (dt.MINYEAR, dt.MAXYEAR)

    def check(record: Record, value: Any) -> None:
        if isinstance(value, dt.date):
            if not first <= value.year <= last:
                ck.warning(
                    table, record, key, "date_out_of_range",
                    f"Ngày {shown(value)} cách xa năm tổ chức hội nghị ({anchor.year}); hãy kiểm tra lại năm.",
                )
            return
        ck.error(table, record, key, "bad_date", bad_date_message(value))

    return ColumnCheck(lambda v: v.__class__ is dt.date and first <= v.year <= last, check)


def bad_date_message(value: Any) -> str:
    """What is wrong with a value that should be a date: not a date at all, or one too far away to compute with."""
    far = any_date(value)
    if far is not None:
        return (f"Ngày {far.day:02d}/{far.month:02d}/{far.year} nằm ngoài khoảng phần mềm tính được (từ năm {DATE_MIN.year} "
                f"đến năm {DATE_MAX.year}); hãy kiểm tra lại năm.")
    return f"“{shown(value)}” không phải là ngày hợp lệ; hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 12/06/2026."


_DIGITS = re.compile(r"\s*[-+]?\d+\s*")


def bad_number_message(value: Any, example: Any = 5) -> str:
    """What is wrong with a value that should be a whole number: not one, or one too large to compute with."""
    if value.__class__ is str and _DIGITS.fullmatch(value):
        limit = f"{INT_LIMIT:,}".replace(",", ".")
        return f"Số {value.strip()} quá lớn; số ở ô này phải trong khoảng từ -{limit} đến {limit}, hãy kiểm tra lại."
    return f"“{shown(value)}” không phải là số nguyên; hãy nhập một số, ví dụ {example}."


def _ints(ck: Checker, table: Table, column: Column) -> ColumnCheck:
    key = column.key

    def check(record: Record, value: Any) -> None:
        if value.__class__ is not int:
            ck.error(table, record, key, "bad_number", bad_number_message(value))

    return ColumnCheck(lambda v: v.__class__ is int, check)


def _money(ck: Checker, table: Table, column: Column) -> ColumnCheck:
    """An amount of đồng: reading turned every amount it understood into an int (values.money)."""
    key = column.key

    def check(record: Record, value: Any) -> None:
        ck.error(table, record, key, "bad_amount",
                 f"Số tiền “{shown(value)}” không đọc được; hãy nhập số tiền bằng số, không âm, ví dụ 2500000 hoặc 2.500.000.")

    return ColumnCheck(lambda v: v.__class__ is int, check)


def _years(ck: Checker, table: Table, column: Column) -> ColumnCheck:
    key = column.key
    this_year = ck.today.year

    def check(record: Record, value: Any) -> None:
        year = year_of(value)
        if year is None:
            ck.error(table, record, key, "bad_year", f"Năm sinh “{shown(value)}” không đúng; hãy ghi đủ bốn chữ số, ví dụ 1965.")
        elif not YEAR_MIN <= year <= this_year:
            ck.error(
                table, record, key, "birth_year_range",
                f"Năm sinh {year} không hợp lý; năm sinh phải từ {YEAR_MIN} đến {this_year}.",
            )
        elif this_year - year < ADULT_AGE:
            ck.warning(
                table, record, key, "under_16",
                f"Năm sinh {year}: người này mới khoảng {this_year - year} tuổi (dưới {ADULT_AGE} tuổi); hãy kiểm tra lại.",
            )

    adult = this_year - ADULT_AGE
    # The fast path: four ASCII digits of an adult's year ("¹⁹⁶⁵" is digits to isdigit() but not to int()).
    return ColumnCheck(
        lambda v: v.__class__ is str and len(v) == 4 and v.isascii() and v.isdigit() and YEAR_MIN <= int(v) <= adult, check)


PHONE_RULE = "số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định gồm 11 chữ số bắt đầu bằng 02"


def _phones(ck: Checker, table: Table, column: Column) -> ColumnCheck:
    key = column.key

    def check(record: Record, value: Any) -> None:
        result = ck.phone(value)
        if result.kind in ("mobile", "landline"):
            if result.number != value:
                ck.warning(
                    table, record, key, "phone_format",
                    f"Số điện thoại “{shown(value)}” nên ghi là “{result.number}”; nút “{FIX_BUTTON}” sửa được.",
                )
        elif result.kind == "old_mobile":
            ck.warning(
                table, record, key, "old_phone",
                f"Số điện thoại “{shown(value)}” là số di động 11 chữ số cũ (trước năm 2018); số mới là “{result.suggestion}”, "
                       "hãy hỏi lại người dân và cập nhật.",
            )
        elif result.kind != "blank":
            ck.error(table, record, key, "bad_phone", f"Số điện thoại “{shown(value)}” không đúng: {PHONE_RULE}.")

    def fine(value: Any) -> bool:
        if value.__class__ is not str:
            return False
        if len(value) == 10 and value.isdigit() and value.isascii() and value[0] == "0" and value[1] in "35789":
            return True  # a mobile number written as it should be: what the steps below find, without them
        result = ck.phone(value)
        return result.number == value and result.kind != "old_mobile"

    return ColumnCheck(fine, check)


def _texts(ck: Checker, table: Table, column: Column) -> ColumnCheck:
    key = column.key
    limit = SOFT_LIMITS.get(column.kind, SHORT_LIMIT)
    formulas = column.kind in TEXT_KINDS

    def check(record: Record, value: Any) -> None:
        if value.__class__ is not str:
            return  # a number or a date in a text column is read as its text: nothing to say
        for severity, code, message in text_problems(value, record.raw.get(key), limit=limit, formulas=formulas):
            ck.cell(table, record.row, key, severity, code, message)

    bad_char, vietnamese = _BAD_CHAR.search, _UNICODE_VIETNAMESE.search

    def fine(value: Any) -> bool:
        """The common case, needing no closer look: clean Unicode text of a sensible length, no formula start."""
        # Plain string tests first; one character-class search after (faster than one regex with alternatives).
        return (
            value.__class__ is str
            and 0 < len(value) <= limit
            and value[0] not in _FORMULA_START
            and value[-1] != " "
            and "  " not in value
            and bad_char(value) is None
            # not legacy-encoded: plain ASCII, a letter only Unicode Vietnamese has, or ("Lê Kim Mai": Latin-1 accents
            # only) the full test, cached per text
            and (value.isascii() or vietnamese(value) is not None or _detect_legacy(value) is None)
        )

    return ColumnCheck(fine, check)


def text_problems(value: str, raw: Any = None, *, limit: int = SHORT_LIMIT, formulas: bool = True) -> list[tuple[str, str, str]]:
    """(severity, code, message) for what is wrong with a piece of text as text. Empty for clean text."""
    problems: list[tuple[str, str, str]] = []
    size = len(value)
    if size > EXCEL_CELL_LIMIT:
        problems.append((ERROR, "too_long", f"Nội dung dài {size:,} ký tự, quá giới hạn {EXCEL_CELL_LIMIT:,} ký tự của một ô "
                         "Excel; hãy rút gọn.".replace(",", ".")))
    elif size > limit:
        problems.append((WARNING, "too_long", f"Nội dung dài {size:,} ký tự, dài bất thường cho cột này (quá {limit:,} ký tự); "
                         "hãy kiểm tra có dán nhầm không.".replace(",", ".")))
    decomposed = (isinstance(raw, str) and not is_nfc(raw)) or not is_nfc(value)
    suspect = decomposed or _SUSPECT.search(value) is not None
    if suspect:
        if has_control_chars(value):
            problems.append((WARNING, "control_chars", "Ô chứa ký tự điều khiển không in được (thường do sao chép từ phần mềm "
                             "khác); nút “Sửa lỗi an toàn” (lệnh doithoai fix) sẽ xóa các ký tự đó."))
        if decomposed:
            problems.append((WARNING, "nfd", "Chữ trong ô được mã hóa kiểu tổ hợp (NFD) nên có thể không tìm thấy, không sắp "
                             f"xếp đúng; nút “{FIX_BUTTON}” chuyển về dạng chuẩn."))
        target = clean(value)
        composed = nfc(value)
        fixed_d = composed
        if "Ð" in composed and "Ð" not in target:
            fixed_d = fixed_d.replace("Ð", "Đ")
        if "ð" in composed and "ð" not in target:
            fixed_d = fixed_d.replace("ð", "đ")
        if fixed_d != composed:
            problems.append((WARNING, "wrong_d", f"Ô dùng chữ “Ð” (chữ eth) thay cho chữ “Đ”: nên là “{shown(target)}”; nút "
                             f"“{FIX_BUTTON}” sửa được."))
        if fixed_d != target:
            problems.append((WARNING, "spaces", "Ô có khoảng trắng thừa (ở đầu, ở cuối hoặc nhiều dấu cách liền nhau): nên là "
                             f"“{shown(target)}”; nút “{FIX_BUTTON}” sửa được."))
    encoding = legacy_of(value)
    if encoding:
        converted, used = repaired_text(value)
        hint = f": nên là “{shown(converted)}”; nút “{FIX_BUTTON}” sửa được" if used else "; hãy gõ lại bằng bảng mã Unicode"
        problems.append((ERROR, "legacy_encoding", f"Chữ trong ô được gõ bằng bảng mã cũ {LEGACY_NAMES.get(encoding, encoding)} "
                         f"nên hiển thị sai{hint}."))
    if formulas and value[:1] in _FORMULA_START and formula_like(value):
        first = value.lstrip()[:1]
        problems.append((WARNING, "formula_like", f"Nội dung bắt đầu bằng “{first}”: khi dán hoặc nhập sang tệp khác, Excel có "
                         f"thể hiểu là công thức; hãy bỏ dấu “{first}” ở đầu hoặc thêm chữ phía trước."))
    return problems
