"""How fast is `doithoai validate` on a province-sized workbook? Run: python benchmarks/validate_speed.py [--rows N]

Builds (once, cached in the temp folder) a workbook with 20,000 registration slips and 20,000 petitions, ~2%
of the cells dirty the way real imports are, then prints, measured in this same run:

1. the time for the rules (`validate_book`, goal: under 1 s on a 2-core machine) and its ratio to a plain
   row-by-row implementation of the same rules kept below as the baseline (its row-to-row comparisons,
   lead units, same person, near-duplicate petitions, are timed on the first 1,000 rows and scaled by
   the square of the row count: run in full they would take hours);
2. the time to read the file with the project's reader (`read_book`, python-calamine) and with
   `openpyxl.load_workbook` (goal: 5x faster or better).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doithoai.core import schema
from doithoai.core.legacy import detect_legacy
from doithoai.core.model import BookData, CellError, Record, Table
from doithoai.core.phones import normalize_phone
from doithoai.core.text import clean, fold, formula_like, has_control_chars, is_nfc
from doithoai.workflows.sample import (
    FAMILY,
    FEMALE_GIVEN,
    FEMALE_MIDDLE,
    GROUPS,
    LEAD_UNIT,
    MALE_GIVEN,
    MALE_MIDDLE,
    STREETS,
    TOPICS,
)

TODAY = dt.date(2026, 7, 1)
CONFERENCE = dt.date(2026, 6, 12)
SAMPLE_PAIRS = 1000  # rows the baseline compares pairwise for real


# --------------------------------------------------------------------------------------------------
# The workbook


def dirty(rng: random.Random, value: Any, kind: schema.Kind) -> Any:
    """Spoil ~2% of values the way pasting and importing do."""
    if value is None or rng.random() > 0.02:
        return value
    if not isinstance(value, str):
        return str(value)
    spoil = rng.randrange(5)
    if spoil == 0:
        return unicodedata.normalize("NFD", value)
    if spoil == 1:
        return " " + value.replace(" ", "  ", 1) + " "
    if spoil == 2:
        return value.lower()
    if spoil == 3:
        return value.replace("Đ", "Ð")
    return f"+84 {value[1:4]} {value[4:7]} {value[7:]}" if kind is schema.Kind.PHONE else value + " "


def generate(rows: int, seed: int = 2026) -> dict[str, Any]:
    rng = random.Random(seed)
    fields = list(TOPICS)
    groups = [*GROUPS, *(f"Tổ dân phố số {n}" for n in range(1, 40))]

    def person() -> tuple[str, str]:
        gender = rng.choice(("Nam", "Nữ"))
        middle = rng.choice(MALE_MIDDLE if gender == "Nam" else FEMALE_MIDDLE)
        given = rng.choice(MALE_GIVEN if gender == "Nam" else FEMALE_GIVEN)
        return f"{rng.choice(FAMILY)} {middle} {given}", gender

    details = (
        "Gia đình tôi ở số {n}, {group}, đã phản ánh nhiều lần.",
        "Việc này kéo dài khoảng {n} tháng nay.",
        "Khu vực có khoảng {n} hộ dân bị ảnh hưởng.",
        "Đề nghị trả lời bằng văn bản trước ngày {n}/7.",
        "Đây là ý kiến chung của {n} hộ trong {group}.",
    )

    def content(field: str, group: str) -> str:
        lane = f"ngõ {rng.randrange(2, 400)} {rng.choice(STREETS)}"
        text = rng.choice(TOPICS[field])[0].format(lane=lane, group=group)
        if rng.random() < 0.8:  # real petitions carry their own details; templates alone would repeat
            text += " " + rng.choice(details).format(n=rng.randrange(2, 60), group=group)
        return text

    def phone() -> str:
        return rng.choice("3579") + "".join(rng.choice("0123456789") for _ in range(8))

    slips, petitions, assignments = [], [], []
    for i in range(1, rows + 1):
        name, gender = person()
        group = rng.choice(groups)
        field = rng.choice(fields)
        slips.append({
            "ma_phieu": f"P-{i:05d}", "ngay_nhan": CONFERENCE - dt.timedelta(days=rng.randrange(20, 26)), "ho_ten": name,
            "gioi_tinh": gender, "nam_sinh": str(rng.randrange(1940, 2006)), "dia_chi": f"Số {rng.randrange(1, 300)}, {group}",
            "to_dan_pho": group, "dien_thoai": "0" + phone(), "linh_vuc": field, "noi_dung": content(field, group),
        })
    handling = (schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD)
    units = schema.lookup("don_vi").values
    for i in range(1, rows + 1):
        from_slip = i % 2 == 0
        slip = slips[i - 1]
        field = slip["linh_vuc"] if from_slip else rng.choice(fields)
        how = rng.choice(handling)
        petitions.append({
            "ma_kien_nghi": f"KN-{i:05d}", "ma_phieu": slip["ma_phieu"] if from_slip else None,
            "nguon": "Phiếu đăng ký" if from_slip else rng.choice(("Ủy ban MTTQ", "Tổ chức chính trị - xã hội", "Tại hội nghị")),
            "nguoi_kien_nghi": slip["ho_ten"] if from_slip else person()[0], "dia_chi": slip["dia_chi"], "linh_vuc": field,
            "noi_dung": slip["noi_dung"] if from_slip else content(field, rng.choice(groups)),
            "tham_quyen": "Cấp trên" if how == schema.HANDLING_UPWARD else "Phường, xã", "hinh_thuc_xu_ly": how,
            "trang_thai": "Đang xử lý",
        })
        if how == schema.HANDLING_LATER:
            assigned = dt.date(2026, 5, 22) + dt.timedelta(days=rng.randrange(5))
            lead = LEAD_UNIT[field]
            assignments.append({"ma_kien_nghi": f"KN-{i:05d}", "don_vi": lead, "vai_tro": schema.ROLE_LEAD,
                                "ngay_giao": assigned})
            if rng.random() < 0.3:
                support = rng.choice([u for u in units if u != lead])
                assignments.append({"ma_kien_nghi": f"KN-{i:05d}", "don_vi": support, "vai_tro": schema.ROLE_SUPPORT,
                                    "ngay_giao": assigned})
    tables = {"phieu": slips, "kien_nghi": petitions, "phan_cong": assignments}
    for key, records in tables.items():
        spec = schema.TABLES_BY_KEY[key]
        for record in records:
            for column in spec.columns:
                if column.key in record and column.kind is not schema.Kind.DATE:
                    record[column.key] = dirty(rng, record[column.key], column.kind)
    settings = {
        "ten_don_vi": "Tứ Minh", "ngay_ke_hoach": dt.date(2026, 5, 15), "ngay_hoi_nghi": CONFERENCE,
    }
    return {"settings": settings, "tables": tables}


def workbook(rows: int) -> Path:
    from doithoai.book.builder import build_workbook

    path = Path(tempfile.gettempdir()) / f"doithoai-bench-{rows}.xlsx"
    if not path.exists():
        started = time.perf_counter()
        temp = path.with_suffix(".tmp.xlsx")
        build_workbook(temp, data=generate(rows))
        temp.replace(path)
        print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


# --------------------------------------------------------------------------------------------------
# The baseline: the same rules, written the plain way (row by row, no indexes, every value folded and
# cleaned each time it is compared, every petition compared with every earlier one).


def baseline_rows(book: BookData, today: dt.date) -> list[tuple]:
    """Per-cell rules, unique codes and links: one pass per row, codes looked up in lists."""
    found: list[tuple] = []
    for table in (*book.tables.values(), book.calendar):
        seen_codes: list[str] = []
        for record in table.records:
            for key in table.columns:
                _baseline_cell(found, book, table, record, key, seen_codes)
    slip_codes = [str(r.values.get("ma_phieu")).strip().casefold() for r in book.slips.records]
    petition_codes = [str(r.values.get("ma_kien_nghi")).strip().casefold() for r in book.petitions.records]
    for record in book.petitions.records:
        code = record.values.get("ma_phieu")
        if code and str(code).strip().casefold() not in slip_codes:
            found.append(("petition", record.row, "slip_missing"))
    for record in book.assignments.records:
        if str(record.values.get("ma_kien_nghi")).strip().casefold() not in petition_codes:
            found.append(("assignment", record.row, "petition_missing"))
    return found


def _baseline_cell(found: list[tuple], book: BookData, table: Table, record: Record, key: str, seen_codes: list[str]) -> None:
    """One cell's rules, the plain way; a unique column's code compared with every one seen before."""
    column = table.spec.column(key)
    value = record.values.get(key)
    if value is None:
        if column.required:
            found.append((table.name, record.row, key, "required"))
        return
    if isinstance(value, CellError):
        found.append((table.name, record.row, key, "error_value"))
        return
    if column.list_key:
        options = book.lists.get(column.list_key, ())
        if value not in options:
            matches = [o for o in options if isinstance(value, str) and fold(o) == fold(value)]
            found.append((table.name, record.row, key, "not_in_list", matches))
        return
    if column.kind is schema.Kind.PHONE:
        result = normalize_phone(value)
        if result.kind == "invalid" or result.number != value:
            found.append((table.name, record.row, key, result.kind))
        return
    if column.kind is schema.Kind.DATE:
        if not isinstance(value, dt.date):
            found.append((table.name, record.row, key, "bad_date"))
        elif table.spec is schema.SLIPS and value > CONFERENCE:
            found.append((table.name, record.row, key, "slip_after_conference"))
        return
    if isinstance(value, str):
        _baseline_text(found, table, record, key, value)
    if column.unique:
        code = str(value).strip().casefold()
        if code in seen_codes:
            found.append((table.name, record.row, key, "duplicate_code"))
        seen_codes.append(code)


def _baseline_text(found: list[tuple], table: Table, record: Record, key: str, value: str) -> None:
    if clean(value) != value or not is_nfc(value):
        found.append((table.name, record.row, key, "text"))
    if detect_legacy(value):
        found.append((table.name, record.row, key, "legacy_encoding"))
    if formula_like(value) or has_control_chars(value):
        found.append((table.name, record.row, key, "formula_or_control"))


def baseline_pairs(book: BookData, limit: int) -> list[tuple]:
    """Rules that compare rows with rows, done by comparing each of the first `limit` rows with the others."""
    found: list[tuple] = []
    petitions = book.petitions.records[:limit]
    assignments = book.assignments.records[:limit]
    for record in petitions:  # lead units: scan the assignments for each petition
        code = str(record.values.get("ma_kien_nghi")).strip().casefold()
        leads = [a for a in assignments
                 if str(a.values.get("ma_kien_nghi")).strip().casefold() == code
                 and fold(str(a.values.get("vai_tro"))) == "chu tri"]
        if len(leads) != 1 and record.values.get("hinh_thuc_xu_ly") == schema.HANDLING_LATER:
            found.append(("petition", record.row, "lead"))
    slips = book.slips.records[:limit]
    for i, record in enumerate(slips):  # the same person: compare with every earlier slip
        name = fold(str(record.values.get("ho_ten")))
        for other in slips[:i]:
            if fold(str(other.values.get("ho_ten"))) == name:
                found.append(("slip", record.row, "duplicate_person"))
                break
    words = [set(fold(str(r.values.get("noi_dung"))).split()) for r in petitions]
    for i in range(len(words)):  # near-duplicate petitions: compare with every earlier petition
        for j in range(i):
            union = len(words[i] | words[j])
            if union and len(words[i] & words[j]) / union >= 0.85:
                found.append(("petition", petitions[i].row, "near_duplicate"))
                break
    return found


def timed(function: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="slips and petitions each (default 20,000)")
    parser.add_argument("--skip-baseline", action="store_true", help="time the rules and the readers only")
    args = parser.parse_args()

    import openpyxl

    from doithoai.io.reader import read_book
    from doithoai.validation.engine import validate_book

    path = workbook(args.rows)
    read_time, book = timed(lambda: read_book(path), repeat=3)
    openpyxl_time, _ = timed(lambda: openpyxl.load_workbook(path), repeat=1)
    rules_time, findings = timed(lambda: validate_book(book, TODAY), repeat=5)

    print(f"workbook: {path.name}: {len(book.slips):,} slips, {len(book.petitions):,} petitions, {len(book.assignments):,} "
          "assignments")
    print(f"rules:    {rules_time:.3f} s for {len(findings):,} findings (goal < 1 s)")
    if not args.skip_baseline:
        rows_time, _ = timed(lambda: baseline_rows(book, TODAY), repeat=1)
        sample = min(SAMPLE_PAIRS, len(book.petitions), len(book.slips)) or 1
        pairs_time, _ = timed(lambda: baseline_pairs(book, sample), repeat=1)
        scaled = pairs_time * (max(len(book.petitions), len(book.slips)) / sample) ** 2
        total = rows_time + scaled
        print(f"baseline: {rows_time:.2f} s row by row + {scaled:.0f} s comparing rows "
              f"({pairs_time:.2f} s for {sample:,} rows, scaled by the square) = {total:.0f} s; rules are "
              f"{total / rules_time:.0f}x faster")
    print(f"read:     read_book {read_time:.2f} s, openpyxl.load_workbook {openpyxl_time:.2f} s; ratio "
          f"{openpyxl_time / read_time:.1f}x (goal >= 5x)")


if __name__ == "__main__":
    main()
