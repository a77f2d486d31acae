"""The roll-up's tables from the units' summaries. Pure: `UnitSummary` list in, `Rollup` (sheets of plain rows) out.

Units are listed in Vietnamese alphabet order of their names (then by file), so the same folder gives the
same tables whatever order the workers finished in. Categories (fields, handling classes, statuses) are
the schema's lists in their order, then any other value a workbook holds, then "(Chưa phân loại)" for a
blank; values are matched to the list case- and accent-insensitively, so "đất đai" counts as "Đất đai".
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..core import schema
from ..core.keys import list_key
from ..core.text import clean
from ..core.text import place_key as _place_key
from ..domain.facts import UNCLASSIFIED as facts_unclassified
from ..domain.facts import handling_of
from ..domain.facts import is_upward as facts_is_upward
from .privacy import PETITION_COLUMNS
from .unit import ANNOUNCE_MIN_DAYS, HELD, LATE, MISSING, NOTICE_MAX_DAYS, ON_TIME, UnitSummary

UNCLASSIFIED = "(Chưa phân loại)"
# Units, departments and values sort by their Vietnamese alphabet key, the same names again and again.
place_key = lru_cache(maxsize=4096)(_place_key)


TOTAL = "Tổng cộng"


@dataclass
class Sheet:
    name: str  # sheet name (≤ 31 characters)
    title: str  # the line above the table
    headers: list[str]
    rows: list[list[Any]]  # text, numbers, dates or None
    widths: Sequence[float]
    groups: list[tuple[str, int, int]] = field(default_factory=list)  # (label, first, last) 0-based columns above headers
    total_row: bool = False  # the last row sums the others
    wrap: tuple[int, ...] = ()  # columns holding long text


@dataclass
class Failure:
    file: str
    reason: str  # one Vietnamese sentence
    duplicate_of: str = ""  # read, but not counted: another workbook of the same unit and conference is (job.py)


@dataclass
class Rollup:
    folder: str
    today: dt.date
    units: list[UnitSummary]
    failures: list[Failure]
    sheets: list[Sheet]
    counts: dict[str, list[tuple[str, int]]]  # for the report's charts: concern -> [(label, count)]


def _categories(list_values: Sequence[str], found: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """Column labels in order, and list_key(value) -> label."""
    labels = list(list_values)
    by_fold = {list_key(v): v for v in labels}
    others = sorted({clean(v) for v in found if v and list_key(v) not in by_fold}, key=place_key)
    for other in others:
        by_fold.setdefault(list_key(other), other)
        if by_fold[list_key(other)] == other:
            labels.append(other)
    labels.append(UNCLASSIFIED)
    return labels, by_fold


def _label(value: Any, by_fold: dict[str, str]) -> str:
    if not isinstance(value, str) or not value.strip():
        return UNCLASSIFIED
    label = by_fold.get(list_key(value))
    return clean(value) if label is None else label


# Which matters went upward is the conference's own fact (one rule for the ward's report upward and the roll-up).
is_upward = facts_is_upward


def _tally(petitions: list[dict[str, Any]], key: str) -> Counter:
    """How many petitions hold each value of `key` (anything that is not text counted as None)."""
    return Counter([value if isinstance(value := p.get(key), str) else None for p in petitions])


def _handling_tally(petitions: list[dict[str, Any]]) -> Counter:
    """Petitions by handling class as each ward's own documents count them (facts.handling_of): a value off the list is
    unclassified there, so it is not a column of its own here."""
    return Counter([None if (h := handling_of(p)) == facts_unclassified else h for p in petitions])


def _conference_sheet(units: list[UnitSummary]) -> Sheet:
    rows: list[list[Any]] = []
    for i, u in enumerate(units, start=1):
        rows.append([i, u.unit, u.unit_type, u.conference, u.state, u.expected, u.invited, u.present,
                     u.announced, u.announce_days, u.announce_state, u.notice, u.notice_days, u.notice_state, u.file])
    headers = ["STT", "Đơn vị", "Loại", "Ngày hội nghị", "Tình trạng", "Đại biểu dự kiến", "Đại biểu được mời", "Đại biểu có mặt",
               "Ngày thông báo công khai", "Số ngày trước hội nghị", f"Thông báo trước ≥ {ANNOUNCE_MIN_DAYS} ngày",
               "Ngày thông báo kết quả", "Số ngày sau hội nghị", f"Thông báo kết quả ≤ {NOTICE_MAX_DAYS} ngày", "Tệp"]
    return Sheet("Hội nghị", "Tình hình tổ chức hội nghị đối thoại của các đơn vị", headers, rows,
                 [6, 26, 9, 13, 20, 11, 11, 11, 13, 11, 14, 13, 11, 14, 40])


def _petition_sheet(units: list[UnitSummary]) -> tuple[Sheet, dict[str, list[tuple[str, int]]]]:
    concerns = (("linh_vuc", "Theo lĩnh vực", schema.lookup("linh_vuc").values),
                ("hinh_thuc_xu_ly", "Theo hình thức xử lý", schema.lookup("hinh_thuc_xu_ly").values),
                ("trang_thai", "Theo trạng thái", schema.lookup("trang_thai").values))
    headers = ["STT", "Đơn vị", "Loại", "Tổng số"]
    groups = []
    plans = []
    # Each unit's petitions counted by value once: a handful of distinct values each, labelled once a value.
    tallies = [[_handling_tally(u.petitions) if key == "hinh_thuc_xu_ly" else _tally(u.petitions, key) for key, _, _ in concerns]
               for u in units]
    for c, (key, label, values) in enumerate(concerns):
        found = {value for unit_tallies in tallies for value in unit_tallies[c] if value is not None}
        labels, by_fold = _categories(values, found)
        groups.append((label, len(headers), len(headers) + len(labels) - 1))
        headers += labels
        plans.append((key, labels, by_fold))
    rows: list[list[Any]] = []
    totals = [0] * (len(headers) - 3)
    for i, (u, unit_tallies) in enumerate(zip(units, tallies, strict=True), start=1):
        row: list[Any] = [i, u.unit, u.unit_type, len(u.petitions)]
        for (_, labels, by_fold), tally in zip(plans, unit_tallies, strict=True):
            counts = dict.fromkeys(labels, 0)
            for value, n in tally.items():
                counts[_label(value, by_fold)] += n
            row += [counts[label] for label in labels]
        rows.append(row)
        totals = [a + b for a, b in zip(totals, row[3:], strict=True)]
    rows.append(["", TOTAL, "", *totals])
    chart: dict[str, list[tuple[str, int]]] = {}
    position = 1
    for key, labels, _ in plans:
        counted = [(label, totals[position + j]) for j, label in enumerate(labels)]
        chart[key] = [(label, n) for label, n in counted if n or label != UNCLASSIFIED]
        position += len(labels)
    widths = [6, 26, 9, 9] + [11] * (len(headers) - 4)
    return Sheet("Kiến nghị theo đơn vị", "Số ý kiến, kiến nghị của từng đơn vị theo lĩnh vực, hình thức xử lý và trạng thái",
                 headers, rows, widths, groups=groups, total_row=True), chart


def _overdue_sheets(units: list[UnitSummary]) -> tuple[list[Sheet], list[tuple[str, int]]]:
    rows: list[list[Any]] = []
    for i, u in enumerate(units, start=1):
        worst = max((o.days for o in u.overdue), default=None)
        late_departments = sorted(((d, c[1]) for d, c in u.by_department.items() if c[1]), key=lambda x: (-x[1], place_key(x[0])))
        rows.append([i, u.unit, u.unit_type, u.assignments, u.pending, len(u.overdue), worst,
                     "; ".join(f"{d} ({n})" for d, n in late_departments)])
    rows.append(["", TOTAL, "", sum(u.assignments for u in units), sum(u.pending for u in units),
                 sum(len(u.overdue) for u in units), max((o.days for u in units for o in u.overdue), default=None), ""])
    by_unit = Sheet("Quá hạn theo đơn vị", "Phân công trả lời kiến nghị quá hạn của từng đơn vị",
                    ["STT", "Đơn vị", "Loại", "Số phân công", "Chưa hoàn thành", "Quá hạn", "Quá hạn lâu nhất (ngày)",
                     "Cơ quan có việc quá hạn (số việc)"], rows, [6, 26, 9, 11, 12, 10, 13, 60], total_row=True, wrap=(7,))

    types = sorted({u.unit_type for u in units}, key=place_key)
    type_rows: list[list[Any]] = []
    for unit_type in types + [TOTAL]:
        members = units if unit_type == TOTAL else [u for u in units if u.unit_type == unit_type]
        assignments = sum(u.assignments for u in members)
        overdue = sum(len(u.overdue) for u in members)
        type_rows.append([unit_type, len(members), sum(1 for u in members if u.overdue), assignments, overdue,
                          round(100 * overdue / assignments, 1) if assignments else None])
    by_type = Sheet("Quá hạn theo loại đơn vị", "Phân công quá hạn theo loại đơn vị hành chính",
                    ["Loại đơn vị", "Số đơn vị", "Đơn vị có việc quá hạn", "Số phân công", "Quá hạn", "Tỷ lệ quá hạn (%)"],
                    type_rows, [16, 10, 14, 12, 10, 12], total_row=True)

    detail: list[list[Any]] = []
    for u in units:
        for o in sorted(u.overdue, key=lambda o: (-o.days, o.code, o.department)):
            detail.append([len(detail) + 1, u.unit, u.unit_type, o.code, o.department, o.role, o.due, o.days])
    items = Sheet("Việc quá hạn", "Danh sách phân công quá hạn (chưa có ngày hoàn thành)",
                  ["STT", "Đơn vị", "Loại", "Mã kiến nghị", "Cơ quan được giao", "Vai trò", "Hạn hoàn thành", "Số ngày quá hạn"],
                  detail, [6, 26, 9, 12, 34, 10, 13, 11])
    chart = [(str(r[0]), int(r[4])) for r in type_rows[:-1]]
    return [by_unit, by_type, items], chart


def _upward_sheet(units: list[UnitSummary]) -> Sheet:
    keys = ("ma_kien_nghi", "linh_vuc", "noi_dung", "tham_quyen", "hinh_thuc_xu_ly", "trang_thai", "noi_dung_tra_loi",
            "ket_qua", "cap_giai_quyet")
    columns = {c.key: c for c in PETITION_COLUMNS}
    rows: list[list[Any]] = []
    for u in units:
        for p in u.petitions:
            if is_upward(p):
                rows.append([len(rows) + 1, u.unit, u.unit_type, *(p.get(k) for k in keys)])
    return Sheet("Kiến nghị lên cấp trên", "Các kiến nghị vượt thẩm quyền, đề xuất cấp trên xem xét, giải quyết",
                 ["STT", "Đơn vị", "Loại", *(columns[k].header for k in keys)], rows,
                 [6, 24, 9, 11, 16, 60, 12, 20, 40, 16, 30, 14], wrap=(5, 9))


def _all_petitions_sheet(units: list[UnitSummary]) -> Sheet:
    rows: list[list[Any]] = []
    keys = [c.key for c in PETITION_COLUMNS]
    for u in units:
        unit, unit_type = u.unit, u.unit_type
        for p in u.petitions:
            rows.append([len(rows) + 1, unit, unit_type, *map(p.get, keys)])
    wrap = tuple(3 + i for i, c in enumerate(PETITION_COLUMNS) if c.kind is schema.Kind.LONG_TEXT)
    title = "Toàn bộ ý kiến, kiến nghị của các đơn vị (đã che số điện thoại, địa chỉ rút gọn còn tổ dân phố, thôn)"
    return Sheet("Tất cả kiến nghị", title,
                 ["STT", "Đơn vị", "Loại", *(c.header for c in PETITION_COLUMNS)], rows,
                 [6, 24, 9, *(min(c.width, 50) for c in PETITION_COLUMNS)], wrap=wrap)


def _failures_sheet(failures: list[Failure]) -> Sheet:
    return Sheet("Sổ không đọc được", "Các tệp không đọc được (chưa được tổng hợp): hãy đề nghị đơn vị gửi lại",
                 ["STT", "Tệp", "Lý do"], [[i, f.file, f.reason] for i, f in enumerate(failures, start=1)], [6, 50, 90],
                 wrap=(2,))


def _cover(folder: str, today: dt.date, units: list[UnitSummary], failures: list[Failure], upward: int) -> Sheet:
    held = sum(1 for u in units if u.state == HELD)
    rows: list[list[Any]] = [
        ["Thư mục tổng hợp", folder],
        ["Ngày tổng hợp (tính quá hạn đến ngày)", today],
        ["Số sổ đã tổng hợp", len(units)],
        ["Số tệp không đọc được", sum(1 for f in failures if not f.duplicate_of)],
        *([["Số sổ trùng đơn vị và ngày hội nghị (không tính)", duplicates]]
          if (duplicates := sum(1 for f in failures if f.duplicate_of)) else []),
        ["Số đơn vị đã tổ chức hội nghị", held],
        ["Thông báo công khai đúng hạn", sum(1 for u in units if u.announce_state == ON_TIME)],
        ["Thông báo công khai muộn hoặc chưa có", sum(1 for u in units if u.announce_state in (LATE, MISSING))],
        ["Thông báo kết quả đúng hạn", sum(1 for u in units if u.notice_state == ON_TIME)],
        ["Thông báo kết quả muộn hoặc chưa có", sum(1 for u in units if u.notice_state in (LATE, MISSING))],
        ["Tổng số ý kiến, kiến nghị", sum(len(u.petitions) for u in units)],
        ["Kiến nghị lên cấp trên", upward],
        ["Phân công quá hạn", sum(len(u.overdue) for u in units)],
        ["Lưu ý", "Bảng tổng hợp không chứa số điện thoại, năm sinh, địa chỉ chi tiết của công dân: số điện thoại đã che, "
                  "địa chỉ rút gọn còn tổ dân phố, thôn, như bản chia sẻ cho Ủy ban MTTQ. Nội dung do người dân viết "
                  "có thể còn thông tin cá nhân khác: hãy đọc lại trước khi chuyển tiếp."],
    ]
    return Sheet("Tổng quan", "TỔNG HỢP KẾT QUẢ HỘI NGHỊ ĐỐI THOẠI CỦA CÁC XÃ, PHƯỜNG", ["Nội dung", "Giá trị"], rows, [40, 90],
                 wrap=(1,))


def aggregate(units: Sequence[UnitSummary], failures: Sequence[Failure], *, folder: str, today: dt.date) -> Rollup:
    """The roll-up's sheets and chart figures; the units in Vietnamese alphabet order of their names."""
    ordered = sorted(units, key=lambda u: (place_key(u.unit), u.file))
    failed = sorted(failures, key=lambda f: f.file)
    petitions, petition_chart = _petition_sheet(ordered)
    overdue, overdue_chart = _overdue_sheets(ordered)
    held_chart = [(label, sum(1 for u in ordered if u.state == label)) for label in sorted({u.state for u in ordered})]
    upward = _upward_sheet(ordered)
    sheets = [_cover(folder, today, ordered, failed, len(upward.rows)), _conference_sheet(ordered), petitions, *overdue,
              upward, _all_petitions_sheet(ordered), _failures_sheet(failed)]
    states = (ON_TIME, LATE, MISSING)
    counts = {
        "hoi_nghi": held_chart,
        "thong_bao": [(f"Thông báo công khai: {s.lower()}", sum(1 for u in ordered if u.announce_state == s)) for s in states]
        + [(f"Thông báo kết quả: {s.lower()}", sum(1 for u in ordered if u.notice_state == s)) for s in states],
        **petition_chart,
        "qua_han": overdue_chart,
    }
    return Rollup(folder=folder, today=today, units=ordered, failures=failed, sheets=sheets, counts=counts)
