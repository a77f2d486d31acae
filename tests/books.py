"""Building `BookData` for tests without a file: records as dicts, through the same parsing the readers use.

`make_book(tables={"phieu": [{...}, ...]}, settings={...})` returns what `read_book` would return for a
workbook holding those rows: records start on Excel row 2, values go through `values.coerce`. Settings
default to a coherent conference (plan 15/5/2026, conference 12/6/2026).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from doithoai.core import schema
from doithoai.core.model import BookData
from doithoai.io.tables import book_from_sheets

TODAY = dt.date(2026, 6, 20)
CONFERENCE = dt.date(2026, 6, 12)
PLAN = dt.date(2026, 5, 15)

BASE_SETTINGS: dict[str, Any] = {
    "ten_don_vi": "Tứ Minh",
    "so_ke_hoach": "118/KH-UBND",
    "ngay_ke_hoach": PLAN,
    "ngay_hoi_nghi": CONFERENCE,
    "so_dai_bieu_du_kien": None,
}
_MISSING = object()


def settings_rows(values: Mapping[str, Any], drop: Sequence[str] = ()) -> list[list[Any]]:
    rows: list[list[Any]] = [list(schema.SETTINGS_HEADER)]
    for setting in schema.SETTINGS:
        if setting.key in drop:
            continue
        value = values.get(setting.key, _MISSING)
        rows.append([setting.label, setting.default if value is _MISSING else value, ""])
    return rows


def table_rows(spec: schema.TableSheet, records: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    rows: list[list[Any]] = [[c.header for c in spec.columns]]
    for record in records:
        unknown = set(record) - {c.key for c in spec.columns}
        assert not unknown, f"{spec.name} has no column {unknown}"
        rows.append([record.get(c.key) for c in spec.columns])
    return rows


def lists_rows(lists: Mapping[str, Sequence[str]] | None = None, calendar: Sequence[Mapping[str, Any]] = ()) -> list[list[Any]]:
    lists = {lst.key: tuple(lst.values) for lst in schema.LISTS} | dict(lists or {})
    height = max(len(v) for v in lists.values())
    width = schema.CALENDAR_FIRST_COLUMN - 1 + len(schema.CALENDAR.columns)
    rows = [[None] * width for _ in range(max(height, len(calendar)) + 1)]
    for position, lst in enumerate(schema.LISTS):
        rows[0][position] = lst.header
        for index, value in enumerate(lists[lst.key], start=1):
            rows[index][position] = value
    for offset, column in enumerate(schema.CALENDAR.columns):
        rows[0][schema.CALENDAR_FIRST_COLUMN - 1 + offset] = column.header
        for index, record in enumerate(calendar, start=1):
            rows[index][schema.CALENDAR_FIRST_COLUMN - 1 + offset] = record.get(column.key)
    return rows


def make_sheets(
    tables: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    settings: Mapping[str, Any] | None = None,
    *,
    lists: Mapping[str, Sequence[str]] | None = None,
    calendar: Sequence[Mapping[str, Any]] = (),
    drop_settings: Sequence[str] = (),
) -> dict[str, list[list[Any]]]:
    """Raw sheets (name -> rows of values), as a reader would hand them to `book_from_sheets`."""
    tables = dict(tables or {})
    sheets: dict[str, list[list[Any]]] = {schema.GUIDE_SHEET: [["Hướng dẫn"]]}
    sheets[schema.SETTINGS_SHEET] = settings_rows({**BASE_SETTINGS, **dict(settings or {})}, drop_settings)
    for spec in schema.TABLE_SHEETS:
        sheets[spec.name] = table_rows(spec, tables.get(spec.key, ()))
    sheets[schema.LISTS_SHEET] = lists_rows(lists, calendar)
    return sheets


def make_book(
    tables: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    settings: Mapping[str, Any] | None = None,
    **options: Any,
) -> BookData:
    return book_from_sheets("thu.xlsm", make_sheets(tables, settings, **options))


# Valid rows to start from; tests override the fields they are about.


def slip(n: int = 1, **values: Any) -> dict[str, Any]:
    return {
        "ma_phieu": f"P-{n:03d}", "ngay_nhan": dt.date(2026, 5, 20), "ho_ten": f"Nguyễn Văn {_GIVEN[n % len(_GIVEN)]}",
        "gioi_tinh": "Nam", "nam_sinh": str(1950 + n % 40), "dia_chi": "Số 5, ngõ 12 đường Cẩm Khê",
        "to_dan_pho": "Tổ dân phố Cẩm Khê A", "dien_thoai": f"0912{n:06d}", "linh_vuc": "Môi trường",
        "noi_dung": f"Đề nghị nạo vét mương thoát nước số {n} dọc đường Cẩm Khê trước mùa mưa.", **values,
    }


def petition(n: int = 1, **values: Any) -> dict[str, Any]:
    return {
        "ma_kien_nghi": f"KN-{n:03d}", "ma_phieu": None, "nguon": "Ủy ban MTTQ", "nguoi_kien_nghi": "Ủy ban MTTQ phường",
        "linh_vuc": "Hạ tầng, giao thông", "noi_dung": f"Đề nghị sửa chữa {n} bóng đèn chiếu sáng hỏng tại ngõ {n + 100}.",
        "tham_quyen": "Phường, xã", "hinh_thuc_xu_ly": schema.HANDLING_AT_CONFERENCE, "trang_thai": "Chưa xử lý", **values,
    }


def assignment(code: str = "KN-001", **values: Any) -> dict[str, Any]:
    return {
        "ma_kien_nghi": code, "don_vi": "Công an", "vai_tro": schema.ROLE_LEAD,
        "ngay_giao": dt.date(2026, 5, 22), **values,
    }


def delegate(n: int = 1, **values: Any) -> dict[str, Any]:
    return {
        "stt": n, "ho_ten": f"Trần Thị {_GIVEN[n % len(_GIVEN)]}", "nhom": "Nhân dân",
        "dien_thoai": f"0988{n:06d}", "xac_nhan": "Có", **values,
    }


_GIVEN = ("Lan", "Hương", "Hà", "Mai", "Nga", "Hoa", "Thủy", "Yến", "Linh", "Trang", "Huyền", "Thảo", "Loan")


def findings(book: BookData, code: str | None = None, today: dt.date = TODAY) -> list:
    from doithoai.validation.engine import validate_book

    return [f for f in validate_book(book, today) if code is None or f.code == code]


def cells(book: BookData, code: str, today: dt.date = TODAY) -> set[tuple[str, str]]:
    """{(sheet, cell)} of the findings with `code`."""
    return {(f.sheet, f.cell) for f in findings(book, code, today)}


def at(table_key: str, column_key: str, row: int) -> tuple[str, str]:
    """(sheet, cell) of a column in an Excel row of a table built by `make_book` (schema column order)."""
    spec = schema.TABLES_BY_KEY[table_key]
    position = [c.key for c in spec.columns].index(column_key) + 1
    from doithoai.core.model import cell_address

    return spec.name, cell_address(row, position)


def setting_at(key: str) -> tuple[str, str]:
    """(sheet, cell) of a setting's value in a book built by `make_book` with no settings dropped."""
    row = [s.key for s in schema.SETTINGS].index(key) + schema.SETTINGS_FIRST_ROW
    return schema.SETTINGS_SHEET, f"B{row}"
