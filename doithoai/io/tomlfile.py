"""Reading a TOML file a person wrote (a preset, the roll-up report's settings): bounded, validated, one sentence.

Every TOML file the tool reads goes through `read_toml`, and every value taken from one through `typed_value` (one
parser per kind of value), so a preset and the roll-up's settings accept and refuse the same things:

- The file: a regular file (a folder, a FIFO or a device is refused without being opened, so nothing waits), at
  most `MAX_BYTES`, UTF-8 with or without a byte-order mark (Notepad writes one), valid TOML. A syntax error is
  named by its line and column.
- The values: `nan` and `inf`, a date-time with a time zone (`2026-06-12T08:00:00+07:00`), true/false, a table or
  a list where one value is expected, a number where a date is expected, a date outside 1900–2199 (what the reader
  accepts), a whole number beyond ±100,000 (`values.INT_LIMIT`), or a text longer than an Excel cell (32,767
  characters: refused, never cut) are refused with a sentence naming the file and the key.
- Unknown keys are refused by the caller with `unknown_key`, which suggests the closest known one
  ("“Ngay hoi nghi” — có phải “Ngày tổ chức hội nghị”?").

Stdlib only (`tomllib`): presets are read by `doithoai new`, the settings by the roll-up.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..core.errors import UnusableFile
from ..core.keys import header_key
from ..core.schema import Kind
from ..core.text import EXCEL_CELL_LIMIT, thousands
from ..core.values import DATE_MAX, DATE_MIN, INT_LIMIT, number_text

MAX_BYTES = 1_000_000  # a preset is a few kilobytes; a larger "settings file" is something else
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_TEXT_KINDS = (Kind.TEXT, Kind.LONG_TEXT, Kind.CODE, Kind.LIST, Kind.YEAR, Kind.PHONE)


class ValueProblem(ValueError):
    """A value a TOML file holds cannot be used; `str()` is the Vietnamese reason (without the key)."""


def read_toml(path: Path | str, what: str) -> dict[str, Any]:
    """The TOML document at `path`, as a dict; `UnusableFile` with one sentence otherwise. `what` names the file in
    Vietnamese ("mẫu sổ", "tệp cài đặt báo cáo") for the sentence."""
    import tomllib

    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as exc:
        raise UnusableFile(f"Không tìm thấy {what} “{path}”.") from exc
    except OSError as exc:
        raise UnusableFile(f"Không đọc được {what} “{path.name}”: {_reason(exc)}.") from exc
    if stat.S_ISDIR(mode):
        raise UnusableFile(f"“{path}” là một thư mục, không phải {what} (tệp .toml): hãy ghi đường dẫn tới tệp.")
    if not stat.S_ISREG(mode):
        raise UnusableFile(f"“{path}” không phải một tệp thường (có thể là ống dẫn hay thiết bị), không phải {what}.")
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise UnusableFile(f"“{path}” không phải một tệp thường, không phải {what}.")
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UnusableFile(f"Không đọc được {what} “{path.name}”: {_reason(exc)}.") from exc
    if len(data) > MAX_BYTES:
        raise UnusableFile(f"{_cap(what)} “{path.name}” quá lớn (hơn {thousands(MAX_BYTES)} byte): đây không phải một {what}.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnusableFile(
            f"{_cap(what)} “{path.name}” không được lưu dạng văn bản UTF-8: hãy mở bằng Notepad, chọn File → Save As, ở ô "
            "Encoding chọn UTF-8 rồi lưu và chạy lại."
        ) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        at = f" ở dòng {where.group(1)}, cột {where.group(2)}" if where else ""
        raise UnusableFile(
            f"{_cap(what)} “{path.name}” viết sai cú pháp{at}: mỗi dòng dạng tên = \"giá trị\" (chữ trong ngoặc kép), "
            "tên có dấu cũng đặt trong ngoặc kép; hãy sửa lại rồi chạy lại."
        ) from exc
    except RecursionError as exc:  # thousands of nested brackets
        raise UnusableFile(f"{_cap(what)} “{path.name}” lồng quá nhiều tầng ngoặc: đây không phải một {what}.") from exc


def _reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền đọc tệp"
    return exc.strerror or str(exc)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def typed_value(kind: Kind, value: Any) -> Any:
    """A TOML value for a cell of `kind`, as the workbook builder writes it; raises `ValueProblem` (its text is the
    Vietnamese reason) for what cannot go there. Text is never cut."""
    _refuse_unusable(value)
    if isinstance(value, str):
        if len(value) > EXCEL_CELL_LIMIT:
            raise ValueProblem(f"dài {thousands(len(value))} ký tự, quá giới hạn {thousands(EXCEL_CELL_LIMIT)} ký tự của một "
                               "ô Excel; hãy rút gọn (phần mềm không tự cắt)")
        return unicodedata.normalize("NFC", value)
    if kind is Kind.DATE:
        return _typed_date(value)
    if kind is Kind.TIME:
        if isinstance(value, dt.time) and not isinstance(value, dt.datetime):
            return value
        raise ValueProblem("phải là một giờ, dạng \"08:00\"")
    if kind is Kind.INT:
        return _typed_int(value)
    if kind in _TEXT_KINDS and isinstance(value, (int, float)):
        return number_text(value)
    raise ValueProblem("phải là chữ, đặt trong ngoặc kép")


def _refuse_unusable(value: Any) -> None:
    """What TOML can hold but no cell of any kind takes: true/false, a table or list, nan/inf, a time zone."""
    if isinstance(value, bool):
        raise ValueProblem("là giá trị đúng/sai (true/false), không dùng được ở đây; hãy ghi chữ trong ngoặc kép")
    if isinstance(value, (dict, list)):
        raise ValueProblem("phải là một giá trị, không phải một bảng hay một danh sách")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueProblem("không phải một số (nan hoặc inf)")
    if isinstance(value, (dt.datetime, dt.time)) and value.tzinfo is not None:
        raise ValueProblem("có múi giờ (ví dụ +07:00), không dùng được: hãy ghi ngày dạng 2026-06-12 hoặc \"12/06/2026\"")


def _typed_date(value: Any) -> dt.date:
    if isinstance(value, (dt.date, dt.datetime)):
        day = value.date() if isinstance(value, dt.datetime) else value
        if not DATE_MIN <= day <= DATE_MAX:
            raise ValueProblem(f"là ngày {day:%d/%m/%Y}, nằm ngoài khoảng {DATE_MIN:%Y}–{DATE_MAX:%Y}")
        return value
    raise ValueProblem("phải là một ngày, dạng 2026-06-12 hoặc \"12/06/2026\"")


def _typed_int(value: Any) -> int:
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        number = int(value)
        if -INT_LIMIT <= number <= INT_LIMIT:
            return number
        raise ValueProblem(f"quá lớn (số nguyên chỉ đến {thousands(INT_LIMIT)})")
    raise ValueProblem("phải là một số nguyên")


def key_text(text: Any) -> str:
    """How keys are compared: as the workbook's headers and labels are (`keys.header_key`: NFC, "Ð"→"Đ", spaces
    collapsed, any case), whatever the key's type."""
    return header_key(str(text))


def unknown_key(key: Any, known: Iterable[str]) -> str:
    """“key” and, when one is close, the known key it was probably meant to be: for the refusal's sentence."""
    known = list(known)
    by_key = {key_text(k): k for k in known}
    close = difflib.get_close_matches(key_text(key), list(by_key), n=1, cutoff=0.6)
    if not close:  # typed without accents: compare the bare letters too
        bare = {_bare(k): k for k in known}
        close_bare = difflib.get_close_matches(_bare(key), list(bare), n=1, cutoff=0.6)
        return f"“{key}” (có phải “{bare[close_bare[0]]}”?)" if close_bare else f"“{key}”"
    return f"“{key}” (có phải “{by_key[close[0]]}”?)"


def _bare(text: Any) -> str:
    decomposed = unicodedata.normalize("NFD", key_text(text)).replace("đ", "d")
    return "".join(c for c in decomposed if not unicodedata.combining(c))
