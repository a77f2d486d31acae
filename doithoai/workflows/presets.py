"""Presets: one plain TOML file per kind of plan, read into the data `book.builder.build_workbook` takes.

The bundled presets live in the repository's `presets/` (shipped as `doithoai/_bundled/presets`), one per seed plan's
style; an office copies one, edits it and passes its path. Keys are what the clerk sees in the workbook:

    ten, mo_ta                       name and one line about it (for `doithoai new --mau` without a name)
    [cai_dat]  "Label" = value       settings by their label on `Kế hoạch`
    [danh_muc] "Header" = [values]   lookup lists by their header on `Danh mục`
    [[chuong_trinh]] / [[moc_thoi_gian]]  rows by the sheet's column headers

Anything unknown is refused with a Vietnamese sentence naming the file and the key (and the closest known key, for a
misspelling), never half-applied. The file is read by the one reader of a person's TOML (`io.tomlfile.read_toml`:
UTF-8 with or without a byte-order mark, no folder, FIFO or oversized file), and each value by the cell kind it goes
into (`io.tomlfile.typed_value`: no nan/inf, no time zone, no true/false, numbers within ±100,000, dates within
1900–2199, no text longer than an Excel cell — refused, never cut). A list on `Danh mục` holds at most
`book.builder.LIST_LAST_ROW - 1` values (the dropdowns' range): a longer one is refused, not cut.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from ..core import schema
from ..core.errors import UnusableFile
from ..core.keys import header_key
from ..io.tomlfile import ValueProblem, read_toml, typed_value, unknown_key

# Bundled preset name -> file; the Vietnamese names are what the office types, the English ones aliases.
ALIASES = {
    "phuong": "chinh-quyen-phuong", "ward": "chinh-quyen-phuong",
    "xa": "chinh-quyen-xa", "commune": "chinh-quyen-xa",
    "dang": "dang-uy", "party": "dang-uy",
    "doan-the": "doan-the", "organisations": "doan-the", "mass-organisations": "doan-the",
    "dong-chu-tri": "xa-dong-chu-tri", "co-chaired": "xa-dong-chu-tri",
}


def presets_dir() -> Path:
    from ..core.resources import presets_dir as where

    return where()


def bundled() -> dict[str, Path]:
    """Name -> file of every bundled preset."""
    return {path.stem: path for path in sorted(presets_dir().glob("*.toml"))}


def find(name: str) -> Path:
    """A bundled preset by name (or alias), or a .toml file the office made."""
    path = Path(name)
    if path.suffix.lower() == ".toml" and os.path.lexists(path):
        return path  # whatever it is (a folder, a FIFO), the reader says so
    presets = bundled()
    stem = ALIASES.get(header_key(name), header_key(name))
    if stem in presets:
        return presets[stem]
    if path.suffix.lower() == ".toml":
        raise UnusableFile(f"Không tìm thấy mẫu sổ “{name}”.")
    names = ", ".join(presets)
    raise UnusableFile(f"Không có mẫu sổ “{name}”. Các mẫu có sẵn: {names}; hoặc ghi đường dẫn tới tệp .toml của văn phòng.")


def describe() -> list[tuple[str, str, str]]:
    """(name, title, description) of every bundled preset."""
    rows = []
    for name, path in bundled().items():
        data = _read(path)
        rows.append((name, str(data.get("ten", name)), str(data.get("mo_ta", ""))))
    return rows


_TOP_KEYS = ("ten", "mo_ta", "cai_dat", "danh_muc", "chuong_trinh", "moc_thoi_gian")
_TABLES = (("chuong_trinh", schema.PROGRAMME), ("moc_thoi_gian", schema.MILESTONES))


def _read(path: Path) -> dict[str, Any]:
    data = read_toml(path, "mẫu sổ")
    for key in data:
        if key not in _TOP_KEYS:
            _refuse(path, f"không có mục {_unknown(key, _TOP_KEYS)}; các mục dùng được: {', '.join(_TOP_KEYS)}")
    for key in ("ten", "mo_ta"):
        if key in data and not isinstance(data[key], str):
            _refuse(path, f"mục “{key}” phải là chữ, đặt trong ngoặc kép")
    return data


def _refuse(path: Path, problem: str) -> NoReturn:
    raise UnusableFile(f"Mẫu sổ “{path.name}”: {problem}; hãy sửa lại theo một mẫu có sẵn rồi chạy lại.")


def _unknown(key: Any, known: Iterable[str]) -> str:
    return unknown_key(key, known)


def _value(path: Path, where: str, kind: schema.Kind, value: Any) -> Any:
    try:
        return typed_value(kind, value)
    except ValueProblem as problem:
        _refuse(path, f"{where} {problem}")


def _table(path: Path, data: dict[str, Any], section: str) -> dict[str, Any]:
    value = data.get(section, {})
    if not isinstance(value, dict):
        _refuse(path, f"mục [{section}] phải là một bảng (dòng [{section}] rồi các dòng “Tên” = giá trị)")
    return value


def _rows(path: Path, section: str, spec: schema.TableSheet, rows: Any) -> list[dict[str, Any]]:
    by_header = {header_key(c.header): c for c in spec.columns}
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        _refuse(path, f"mục “{section}” (trang {spec.name}) phải là các dòng [[{section}]], mỗi dòng “Cột” = giá trị")
    records = []
    for number, row in enumerate(rows, 1):
        record: dict[str, Any] = {}
        for header, value in row.items():
            column = by_header.get(header_key(header))
            if column is None or column.computed:
                known = [c.header for c in spec.columns if not c.computed]
                _refuse(path, f"[[{section}]] dòng {number}: trang {spec.name} không có cột {_unknown(header, known)}")
            if column.key in record:
                _refuse(path, f"[[{section}]] dòng {number}: cột “{column.header}” được ghi hai lần (“{header}”)")
            record[column.key] = _value(path, f"[[{section}]] dòng {number}, cột “{column.header}”", column.kind, value)
        records.append(record)
    return records


def load(name: str) -> dict[str, Any]:
    """The preset as `{"settings", "lists", "tables"}` (tables: only the sheets it names)."""
    from ..book.builder import LIST_LAST_ROW

    path = find(name)
    data = _read(path)
    by_label = {header_key(s.label): s for s in schema.SETTINGS}
    settings: dict[str, Any] = {}
    for label, value in _table(path, data, "cai_dat").items():
        setting = by_label.get(header_key(label))
        if setting is None:
            _refuse(path, f"trang Kế hoạch không có dòng {_unknown(label, [s.label for s in schema.SETTINGS])}")
        if setting.key in settings:
            _refuse(path, f"[cai_dat] dòng “{setting.label}” được ghi hai lần (“{label}”)")
        settings[setting.key] = _value(path, f"[cai_dat] “{setting.label}”", setting.kind, value)
    by_header = {header_key(lst.header): lst for lst in schema.LISTS}
    lists: dict[str, tuple[str, ...]] = {}
    for header, values in _table(path, data, "danh_muc").items():
        lookup = by_header.get(header_key(header))
        if lookup is None:
            _refuse(path, f"trang Danh mục không có danh sách {_unknown(header, [lst.header for lst in schema.LISTS])}")
        where = f"[danh_muc] “{lookup.header}”"
        if lookup.key in lists:
            _refuse(path, f"{where} được ghi hai lần (“{header}”)")
        if not isinstance(values, list):
            _refuse(path, f"{where} phải là một danh sách trong ngoặc vuông, ví dụ [\"A\", \"B\"]")
        if len(values) > LIST_LAST_ROW - 1:
            _refuse(path, f"{where} có {len(values)} giá trị, danh sách chọn chỉ chứa được {LIST_LAST_ROW - 1}")
        lists[lookup.key] = tuple(_value(path, f"{where}, giá trị thứ {i}", schema.Kind.TEXT, v) for i, v in enumerate(values, 1))
    tables: dict[str, list[dict[str, Any]] | None] = {}
    for section, spec in _TABLES:
        if section in data:
            records = _rows(path, section, spec, data[section])
            if spec is schema.PROGRAMME:
                for number, record in enumerate(records, 1):
                    record.setdefault("stt", number)
                    record.setdefault("loai_muc", schema.ITEM_PLAIN)
            tables[spec.key] = records
    return {"settings": settings, "lists": lists, "tables": tables}
