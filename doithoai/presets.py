"""Presets: one plain TOML file per kind of plan, read into the data `workbook_builder.build_workbook` takes.

The bundled presets live in the repository's `presets/` (shipped as `doithoai/_bundled/presets`), one per seed plan's
style; an office copies one, edits it and passes its path. Keys are what the clerk sees in the workbook:

    ten, mo_ta                       name and one line about it (for `doithoai new --mau` without a name)
    [cai_dat]  "Label" = value       settings by their label on `Kế hoạch`
    [danh_muc] "Header" = [values]   lookup lists by their header on `Danh mục`
    [[chuong_trinh]] / [[moc_thoi_gian]]  rows by the sheet's column headers

Anything unknown is refused with a Vietnamese sentence naming the file and the key, never half-applied.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from . import schema
from .errors import UnusableFile

# Bundled preset name -> file; the Vietnamese names are what the office types, the English ones aliases.
ALIASES = {
    "phuong": "chinh-quyen-phuong", "ward": "chinh-quyen-phuong",
    "xa": "chinh-quyen-xa", "commune": "chinh-quyen-xa",
    "dang": "dang-uy", "party": "dang-uy",
    "doan-the": "doan-the", "organisations": "doan-the", "mass-organisations": "doan-the",
    "dong-chu-tri": "xa-dong-chu-tri", "co-chaired": "xa-dong-chu-tri",
}


def _key(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).split()).casefold()


def presets_dir() -> Path:
    from .resources import presets_dir as where

    return where()


def bundled() -> dict[str, Path]:
    """Name -> file of every bundled preset."""
    return {path.stem: path for path in sorted(presets_dir().glob("*.toml"))}


def find(name: str) -> Path:
    """A bundled preset by name (or alias), or a .toml file the office made."""
    path = Path(name)
    if path.suffix.lower() == ".toml" and path.is_file():
        return path
    presets = bundled()
    stem = ALIASES.get(_key(name), _key(name))
    if stem in presets:
        return presets[stem]
    names = ", ".join(presets)
    raise UnusableFile(f"Không có mẫu sổ “{name}”. Các mẫu có sẵn: {names}; hoặc ghi đường dẫn tới tệp .toml của văn phòng.")


def describe() -> list[tuple[str, str, str]]:
    """(name, title, description) of every bundled preset."""
    rows = []
    for name, path in bundled().items():
        data = _read(path)
        rows.append((name, str(data.get("ten", name)), str(data.get("mo_ta", ""))))
    return rows


def _read(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UnusableFile(f"Không đọc được mẫu sổ “{path.name}”: {exc}.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UnusableFile(f"Mẫu sổ “{path.name}” viết sai cú pháp ({exc}); hãy sửa lại theo một mẫu có sẵn.") from exc


def _rows(path: Path, spec: schema.TableSheet, rows: Any) -> list[dict[str, Any]]:
    by_header = {_key(c.header): c for c in spec.columns}
    if not isinstance(rows, list):
        raise UnusableFile(f"Mẫu sổ “{path.name}”: mục “{spec.name}” phải là danh sách các dòng [[...]].")
    records = []
    for number, row in enumerate(rows, 1):
        record: dict[str, Any] = {}
        for header, value in dict(row).items():
            column = by_header.get(_key(header))
            if column is None:
                raise UnusableFile(f"Mẫu sổ “{path.name}”, {spec.name} dòng {number}: không có cột “{header}”.")
            record[column.key] = value
        records.append(record)
    return records


def load(name: str) -> dict[str, Any]:
    """The preset as `{"settings", "lists", "tables"}` (tables: only the sheets it names)."""
    path = find(name)
    data = _read(path)
    by_label = {_key(s.label): s for s in schema.SETTINGS}
    settings: dict[str, Any] = {}
    for label, value in dict(data.get("cai_dat", {})).items():
        setting = by_label.get(_key(label))
        if setting is None:
            raise UnusableFile(f"Mẫu sổ “{path.name}”: trang Kế hoạch không có dòng “{label}”.")
        settings[setting.key] = value
    by_header = {_key(lst.header): lst for lst in schema.LISTS}
    lists: dict[str, tuple[str, ...]] = {}
    for header, values in dict(data.get("danh_muc", {})).items():
        lookup = by_header.get(_key(header))
        if lookup is None:
            raise UnusableFile(f"Mẫu sổ “{path.name}”: trang Danh mục không có danh sách “{header}”.")
        lists[lookup.key] = tuple(str(v) for v in values)
    tables: dict[str, list[dict[str, Any]] | None] = {}
    for section, spec in (("chuong_trinh", schema.PROGRAMME), ("moc_thoi_gian", schema.MILESTONES)):
        if section in data:
            records = _rows(path, spec, data[section])
            if spec is schema.PROGRAMME:
                for number, record in enumerate(records, 1):
                    record.setdefault("stt", number)
                    record.setdefault("loai_muc", schema.ITEM_PLAIN)
            tables[spec.key] = records
    return {"settings": settings, "lists": lists, "tables": tables}
