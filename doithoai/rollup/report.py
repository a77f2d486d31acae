"""The Word report for the level above (`doithoai rollup --report`): one report on every ward's conference.

- Its issuing body comes from a small settings file in the rolled-up folder, `SETTINGS_FILE` (TOML), holding the
  same keys as a ward's `Kế hoạch` (`khoi_ban_hanh`, `co_quan_cap_tren`, `co_quan`, `loai_don_vi`, `ten_don_vi`,
  `nguoi_ky`, …), so the letterhead, number, signature and recipients are the documents' own issuing body
  (`documents.issuer.issuer_fields`): Decree 30 for a People's Committee, HD 36-HD/VPTW for a Party committee.
  A missing file is written with defaults (the province the wards name) for the office to complete.
- `report_context(rollup, settings, date)` is pure: the roll-up's figures -> the template's fields.
- A chart per concern: conferences, petitions, overdue assignments, matters sent upward.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections import Counter
from pathlib import Path
from typing import Any

from ..core import schema
from ..core.errors import UnusableFile
from ..core.schema import Kind
from ..core.text import clean, strip_control
from ..core.values import format_date
from ..domain import facts
from ..domain.facts import count_petitions
from ..io.tomlfile import ValueProblem, read_toml, typed_value, unknown_key
from .aggregate import UNCLASSIFIED, Rollup, is_upward
from .unit import HELD, LATE, MISSING, NOT_RECORDED, NOT_YET, ON_TIME

KIND = "rollup_report"
SETTINGS_FILE = "bao-cao-cap-tren.toml"
SETTING_KEYS = ("khoi_ban_hanh", "co_quan_cap_tren", "co_quan", "loai_don_vi", "ten_don_vi", "ky_hieu_co_quan", "so_bao_cao",
                "nguoi_ky", "chuc_vu_ky", "tham_quyen_ky", "tap_the_ky", "noi_nhan")
_TEMPLATE_NOTE = """# Cài đặt báo cáo tổng hợp gửi cấp trên (lệnh: doithoai rollup THƯ MỤC --report).
# Sửa các dòng dưới đây bằng Notepad rồi chạy lại lệnh; giữ nguyên dấu ngoặc kép.
# khoi_ban_hanh: "Chính quyền" (thể thức Nghị định 30/2020/NĐ-CP) hoặc "Đảng" (Hướng dẫn 36-HD/VPTW).
# Ví dụ cấp ủy: khoi_ban_hanh = "Đảng", co_quan_cap_tren = "ĐẢNG BỘ TỈNH ...", co_quan = "BAN THƯỜNG VỤ TỈNH ỦY".
"""


def _toml_string(value: str) -> str:
    """`value` as a TOML string; control characters escaped (TOML forbids them raw), a multi-line value on its lines."""
    escaped = "".join(f"\\u{ord(c):04x}" if (ord(c) < 0x20 and c not in "\n\t") or ord(c) == 0x7F else c
                      for c in value.replace("\\", "\\\\"))
    if "\n" in value:
        return '"""\n' + escaped.replace('"""', '\\"\\"\\"') + '"""'
    return '"' + escaped.replace('"', '\\"') + '"'


def default_settings(rollup: Rollup) -> dict[str, str]:
    """A People's Committee of the province most wards name (`Tỉnh, thành phố` on their `Kế hoạch`)."""
    provinces = Counter(clean(strip_control(u.province)) for u in rollup.units if u.province)
    provinces.pop("", None)
    province = provinces.most_common(1)[0][0] if provinces else ""
    kind, _, name = province.partition(" ")
    if kind.casefold() == "thành" and name.casefold().startswith("phố "):
        kind, name = "Thành phố", name[4:]
    return {
        "khoi_ban_hanh": schema.ISSUER_GOVERNMENT,
        "co_quan_cap_tren": "",
        "co_quan": "ỦY BAN NHÂN DÂN",
        "loai_don_vi": kind or "Tỉnh",
        "ten_don_vi": name,
        "so_bao_cao": "",
        "nguoi_ky": "",
        "chuc_vu_ky": "CHỦ TỊCH",
        "tham_quyen_ky": "TM.",
        "noi_nhan": "- Thường trực Tỉnh ủy (b/c);\n- Thường trực HĐND tỉnh (b/c);\n- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh;\n"
                    "- UBND các xã, phường;\n- Lưu: VT.",
    }


def settings_text(settings: dict[str, str]) -> str:
    """The settings file as written the first time: a note on how to fill it, then one line per key."""
    return _TEMPLATE_NOTE + "".join(f"{key} = {_toml_string(value)}\n" for key, value in settings.items())


def read_settings_file(folder: Path) -> dict[str, Any] | None:
    """The office's settings from `SETTINGS_FILE` in `folder`, checked whole (readable, UTF-8 with or without a
    byte-order mark, valid TOML, known keys, each value a text): None when there is no such file. Raises
    `UnusableFile` with one sentence; the roll-up calls it before writing anything."""
    path = folder / SETTINGS_FILE
    if not os.path.lexists(path):
        return None
    data = read_toml(path, "tệp cài đặt báo cáo")
    typed: dict[str, Any] = {}
    for key, value in data.items():
        if key not in SETTING_KEYS:
            raise UnusableFile(f"Tệp cài đặt báo cáo “{path.name}” có tên {unknown_key(key, SETTING_KEYS)} không dùng được; "
                               f"các tên dùng được: {', '.join(SETTING_KEYS)}. Hãy sửa lại hoặc xóa tệp để phần mềm tạo lại.")
        try:
            text = typed_value(Kind.LONG_TEXT, value)
        except ValueProblem as problem:
            raise UnusableFile(f"Tệp cài đặt báo cáo “{path.name}”: “{key}” {problem}; hãy sửa lại hoặc xóa tệp để "
                               "phần mềm tạo lại.") from None
        typed[key] = strip_control(text)
    return typed


def _pairs(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [(label, n) for label, n in pairs if n or label != UNCLASSIFIED]


def report_context(rollup: Rollup, settings: dict[str, Any], date: dt.date, rollup_file: str) -> dict[str, Any]:
    """Pure: the template's fields (issuing body excluded, see `issuer`)."""
    units = rollup.units
    petitions = [p for u in units for p in u.petitions]
    counts = rollup.counts

    # The same counts as each ward's own documents (facts.count_petitions): the parts add up to the total.
    pf = count_petitions(petitions)
    still_open = len(pf.open)
    moved = sum(1 for p in petitions if facts.is_petition(p) and not facts.is_open(p) and facts.moved_upward(p))
    upward = [(u, p) for u in units for p in u.petitions if is_upward(p)]
    overdue_units = [u for u in units if u.overdue]
    return {
        "nam": date.year,
        "ngay_tong_hop": format_date(rollup.today),
        "so_don_vi": len(units),
        "so_khong_doc": sum(1 for f in rollup.failures if not f.duplicate_of),
        "so_da_to_chuc": sum(u.state == HELD for u in units),
        "so_chua_den_ngay": sum(u.state == NOT_YET for u in units),
        "so_chua_ghi_nhan": sum(u.state == NOT_RECORDED for u in units),
        "so_cong_khai_dung_han": sum(u.announce_state == ON_TIME for u in units),
        "so_cong_khai_muon": sum(u.announce_state == LATE for u in units),
        "so_cong_khai_chua_co": sum(u.announce_state == MISSING for u in units),
        "so_ket_qua_dung_han": sum(u.notice_state == ON_TIME for u in units),
        "so_ket_qua_muon": sum(u.notice_state == LATE for u in units),
        "so_ket_qua_chua_co": sum(u.notice_state == MISSING for u in units),
        "cac_don_vi": [{
            "stt": i, "ten": u.unit, "ngay": format_date(u.conference), "tinh_trang": u.state, "co_mat": u.present or "",
            "cong_khai": u.announce_state + (f" ({u.announce_days} ngày)" if u.announce_days is not None else ""),
            "ket_qua": u.notice_state + (f" ({u.notice_days} ngày)" if u.notice_days is not None else ""),
        } for i, u in enumerate(units, start=1)],
        "tong_kien_nghi": pf.total.tong,
        "tong_hop_xu_ly": pf.summary_sentence(),
        "so_tai_hoi_nghi": pf.count(schema.HANDLING_AT_CONFERENCE),
        "so_tra_loi_sau": pf.count(schema.HANDLING_LATER),
        "so_cap_tren": pf.count(schema.HANDLING_UPWARD),
        "so_da_tra_loi": pf.total.tong - still_open - moved,
        "so_da_chuyen": moved,
        "so_dang_xu_ly": still_open,
        "linh_vuc": [{"ten": label, "so": n} for label, n in _pairs(counts.get("linh_vuc", []))],
        "so_phan_cong": sum(u.assignments for u in units),
        "so_qua_han": sum(len(u.overdue) for u in units),
        "so_don_vi_qua_han": len(overdue_units),
        "qua_han": [{
            "stt": i, "ten": u.unit, "phan_cong": u.assignments, "qua_han": len(u.overdue),
            "co_quan": "; ".join(f"{d} ({c[1]})" for d, c in sorted(u.by_department.items(), key=lambda x: -x[1][1]) if c[1]),
        } for i, u in enumerate(overdue_units, start=1)],
        "so_len_cap_tren": len(upward),
        "len_cap_tren": [{
            "stt": i, "don_vi": u.unit, "ma": p.get("ma_kien_nghi") or "", "linh_vuc": p.get("linh_vuc") or "",
            "noi_dung": p.get("noi_dung") or "",
        } for i, (u, p) in enumerate(upward, start=1)],
        "khong_doc": [{"stt": i, "tep": f.file, "ly_do": f.reason} for i, f in enumerate(rollup.failures, start=1)],
        "tep_tong_hop": rollup_file,
    }


def charts(rollup: Rollup) -> dict[str, bytes]:
    from ..documents.chart import panels_png

    units, counts = rollup.units, rollup.counts
    upward_fields = Counter(p.get("linh_vuc") or UNCLASSIFIED for u in units for p in u.petitions if is_upward(p))
    upward_units = Counter(u.unit_type for u in units for p in u.petitions if is_upward(p))
    return {
        "bieu_do_hoi_nghi": panels_png("Tổ chức hội nghị đối thoại", [
            ("Tình trạng", counts.get("hoi_nghi", [])),
            ("Thông báo", [(label.replace("Thông báo ", "TB "), n) for label, n in counts.get("thong_bao", [])])]),
        "bieu_do_kien_nghi": panels_png("Số ý kiến, kiến nghị", [
            ("Theo lĩnh vực", _pairs(counts.get("linh_vuc", []))), ("Theo trạng thái", _pairs(counts.get("trang_thai", [])))]),
        "bieu_do_qua_han": panels_png("Phân công quá hạn", [
            ("Theo loại đơn vị", counts.get("qua_han", [])),
            ("Đơn vị nhiều việc quá hạn nhất", sorted(((u.unit, len(u.overdue)) for u in units if u.overdue),
                                                      key=lambda x: -x[1])[:8])]),
        "bieu_do_cap_tren": panels_png("Kiến nghị đề xuất cấp trên", [
            ("Theo lĩnh vực", upward_fields.most_common()), ("Theo loại đơn vị", sorted(upward_units.items()))]),
    }


def render_report(path: Path, rollup: Rollup, folder: Path, rollup_file: str, settings: dict[str, Any],
                  date: dt.date | None = None) -> None:
    """Render the report to `path` with these settings (the office's template in `folder` first)."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    from ..documents.issuer import issuer_fields
    from ..documents.render import render_file
    from ..domain.kinds import template_path

    date = date or rollup.today
    context = {**report_context(rollup, settings, date, rollup_file),
               **issuer_fields(settings, KIND, date)}  # its number: the registry's `number_setting` (so_bao_cao)
    pictures = charts(rollup)
    render_file(template_path(KIND, folder), _without_control(context), path,
                extra=lambda template: {k: InlineImage(template, io.BytesIO(v), width=Mm(160)) for k, v in pictures.items()})


def _without_control(value: Any) -> Any:
    """Every text of the context without the control characters a Word document cannot hold (a ward's workbook may
    carry one in its province or unit name)."""
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, dict):
        return {k: _without_control(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_control(v) for v in value]
    return value
