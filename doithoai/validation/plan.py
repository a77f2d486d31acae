"""Rules on `Kế hoạch`: every setting well formed, and the plan itself coherent (dates, delegates, speaking time)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core import schema
from ..core.model import ERROR, WARNING, CellError
from ..core.schema import Kind
from ..core.text import shown
from ..core.values import is_blank, parse_time
from ..domain.conference_settings import is_period
from .cells import SHORT_LIMIT, SOFT_LIMITS, bad_date_message, bad_number_message, not_in_list_message, text_problems
from .checker import Checker

ANNOUNCE_DAYS = 7  # the public announcement comes at least 7 days before the conference (Law 2025, Art. 43)
DELEGATE_TOLERANCE = 0.10  # the list may differ this much from the planned number without a warning
UNIT_TYPES = ("Phường", "Xã", "Đặc khu")
# Number settings: (smallest, largest) sensible value.
NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "so_dai_bieu_du_kien": (1, 100_000),
    "so_phut_moi_luot": (1, 60),
    "so_ngay_giai_quyet": (1, 365),
    "so_tra_loi_tiep_theo": (1, 1_000_000),
}


def check_plan(ck: Checker) -> None:
    for setting in schema.SETTINGS:
        _setting(ck, setting)
    _dates(ck)
    _unit_type(ck)
    _signer(ck)
    _delegates(ck)
    _speaking_time(ck)


def _setting(ck: Checker, setting: schema.Setting) -> None:
    key = setting.key
    value = ck.book.settings.get(key)
    if key not in ck.book.settings_rows:
        if setting.required:
            ck.setting(
                key, ERROR, "required",
                f"Trang {schema.SETTINGS_SHEET} thiếu dòng “{setting.label}”; hãy thêm lại dòng này (cột A ghi đúng tên, cột B "
                       "ghi giá trị).",
            )
        return
    if is_blank(value):
        _blank_setting(ck, setting)
        return
    if isinstance(value, CellError):
        ck.setting(key, ERROR, "error_value", f"Ô có giá trị lỗi {value.code}; hãy nhập lại giá trị đúng.")
        return
    _setting_value(ck, setting, value)


def _setting_value(ck: Checker, setting: schema.Setting, value: Any) -> None:
    """A setting that holds a value: is it one its kind takes?"""
    key, kind = setting.key, setting.kind
    if key == "ngay_hoi_nghi" and not isinstance(value, dt.date) and is_period(value):
        ck.setting(key, WARNING, "conference_date_pending",
                   f"Ngày hội nghị mới ghi khoảng thời gian “{shown(value)}”: các mốc tính từ ngày hội nghị, giấy mời, chương "
                   "trình chờ ngày cụ thể. Khi có ngày, hãy nhập theo dạng ngày/tháng/năm, ví dụ 12/06/2026.")
    elif kind is Kind.DATE:
        if not isinstance(value, dt.date):
            ck.setting(key, ERROR, "bad_date", bad_date_message(value))
    elif kind is Kind.INT:
        low, high = NUMBER_RANGES.get(key, (None, None))
        if value.__class__ is not int:
            ck.setting(key, ERROR, "bad_number", bad_number_message(value, setting.default or 5))
        elif low is not None and high is not None and not low <= value <= high:
            ck.setting(key, ERROR, "bad_number", f"Giá trị {value} không hợp lý; hãy nhập số từ {low} đến {high}.")
    elif kind is Kind.TIME:
        if parse_time(value) is None:
            ck.setting(key, ERROR, "bad_time", f"“{shown(value)}” không phải là giờ hợp lệ; hãy nhập giờ:phút, ví dụ 08:00.")
    elif setting.list_key and (index := ck.list_of(setting.list_key)) is not None:
        if not (isinstance(value, str) and value in index.allowed):
            ck.setting(key, ERROR, "not_in_list", not_in_list_message(value, index))
    elif isinstance(value, str):
        limit = SOFT_LIMITS.get(kind, SHORT_LIMIT)
        for severity, code, message in text_problems(value, limit=limit):
            ck.setting(key, severity, code, message)


def _blank_setting(ck: Checker, setting: schema.Setting) -> None:
    key = setting.key
    if key == "ngay_hoi_nghi":  # allowed while planning (seeds 001, 004): a warning, the rest still works
        ck.setting(key, WARNING, "conference_date_missing",
                   "Chưa nhập ngày tổ chức hội nghị: các mốc tính từ ngày hội nghị, giấy mời, chương trình chờ ngày này. "
                   "Khi có ngày, hãy nhập, ví dụ 12/06/2026 (có thể ghi tạm khoảng thời gian, ví dụ Quý III/2026).")
    elif setting.required:
        ck.setting(key, ERROR, "required", f"Chưa nhập “{setting.label}”; đây là thông tin bắt buộc.")


def _dates(ck: Checker) -> None:
    conference, plan = ck.conference_date, ck.plan_date
    if conference is None or plan is None:
        return
    if conference <= plan:
        ck.setting(
            "ngay_hoi_nghi", ERROR, "conference_before_plan",
            f"Ngày hội nghị {shown(conference)} không sau ngày ban hành kế hoạch {shown(plan)}; hãy kiểm tra lại hai ngày này.",
        )
    elif (conference - plan).days < ANNOUNCE_DAYS:
        ck.setting(
            "ngay_hoi_nghi", WARNING, "conference_too_soon",
            f"Ngày hội nghị {shown(conference)} chỉ cách ngày kế hoạch {(conference - plan).days} ngày; "
            f"thông báo công khai phải đăng ít nhất {ANNOUNCE_DAYS} ngày trước hội nghị.",
        )


def _unit_type(ck: Checker) -> None:
    value = ck.book.settings.get("loai_don_vi")
    if isinstance(value, str) and value.strip() and ck.folded(value) not in {ck.folded(t) for t in UNIT_TYPES}:
        options = ", ".join(f"“{t}”" for t in UNIT_TYPES)
        ck.setting("loai_don_vi", WARNING, "unit_type", f"Loại đơn vị hành chính “{shown(value)}” không phải {options}; văn bản "
                   "sẽ in đúng như đã ghi, hãy kiểm tra lại.")


def _signer(ck: Checker) -> None:
    authority, title = ck.book.settings.get("tham_quyen_ky"), ck.book.settings.get("chuc_vu_ky")
    if not (isinstance(authority, str) and isinstance(title, str)):
        return
    expected = schema.SIGNERS.get(authority.strip())
    if expected is not None and title.strip() in schema.SIGNERS.values() and title.strip() != expected:
        ck.setting(
            "chuc_vu_ky", WARNING, "signer_mismatch",
            f"Thẩm quyền ký “{authority.strip()}” đi với chức vụ “{expected}”, nhưng chức vụ người ký đang là “{title.strip()}”; "
                   "hãy kiểm tra lại.",
        )


def _delegates(ck: Checker) -> None:
    planned = ck.book.settings.get("so_dai_bieu_du_kien")
    if planned.__class__ is not int or planned <= 0:
        return
    listed = len(ck.book.delegates)
    if abs(listed - planned) > DELEGATE_TOLERANCE * planned:
        fewer = "ít hơn" if listed < planned else "nhiều hơn"
        ck.setting(
            "so_dai_bieu_du_kien", WARNING, "delegates_vs_planned",
            f"Số đại biểu dự kiến là {planned} nhưng trang {ck.book.delegates.name} có {listed} người, {fewer} đáng kể; hãy bổ "
                   "sung danh sách hoặc sửa số dự kiến.",
        )


def minutes_between(start: Any, end: Any) -> int | None:
    first, last = parse_time(start), parse_time(end)
    if first is None or last is None:
        return None
    minutes = (int(last[:2]) * 60 + int(last[3:])) - (int(first[:2]) * 60 + int(first[3:]))
    return minutes


def _speaking_time(ck: Checker) -> None:
    settings = ck.book.settings
    length = minutes_between(settings.get("gio_bat_dau"), settings.get("gio_ket_thuc"))
    if length is not None and length <= 0:
        ck.setting("gio_ket_thuc", ERROR, "bad_time", f"Giờ kết thúc {shown(settings.get('gio_ket_thuc'))} không sau giờ bắt đầu "
                   f"{shown(settings.get('gio_bat_dau'))}; hãy sửa lại.")
        return
    per_speaker = settings.get("so_phut_moi_luot")
    speakers = len(ck.book.slips)
    if length is None or per_speaker.__class__ is not int or per_speaker <= 0 or speakers == 0:
        return
    needed = speakers * per_speaker
    if needed > length:
        ck.setting(
            "so_phut_moi_luot", WARNING, "speakers_exceed_time",
            f"Có {speakers} phiếu đăng ký phát biểu, mỗi lượt {per_speaker} phút, cần {needed} phút, nhiều hơn thời gian hội "
                   f"nghị {length} phút "
            f"({parse_time(settings.get('gio_bat_dau'))}–{parse_time(settings.get('gio_ket_thuc'))}); không thể để tất cả phát "
                   "biểu: "
            "hãy chọn ý kiến tiêu biểu theo lĩnh vực, các ý kiến còn lại trả lời bằng văn bản.",
        )
