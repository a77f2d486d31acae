"""The issuing body of every document: letterhead, number and symbol, place and date, signature, recipients. Pure.

One piece for every document kind. `issuer_fields(settings, kind, date)` returns the template fields the shared
blocks of `layout.letterhead` and `layout.signature` print, following `Khối ban hành`:

| field | Chính quyền (Decree 30/2020) | Đảng (Hướng dẫn 36-HD/VPTW) |
|---|---|---|
| `la_dang` | False | True |
| `quoc_hieu`, `tieu_ngu` | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc | ĐẢNG CỘNG SẢN VIỆT NAM / "" |
| `co_quan_cap_tren` | "" (or the superior body) | ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG |
| `co_quan`, `don_vi` | ỦY BAN NHÂN DÂN / PHƯỜNG TỨ MINH | ĐẢNG ỦY XÃ VĨNH BẢO / "" |
| `so_dong` (the whole number line) | Số: 12/BC-UBND | Số 12-BC/ĐU |
| `so` (number and symbol alone, for older templates) | 12/BC-UBND | 12-BC/ĐU |
| `noi_ngay` | Tứ Minh, ngày 05 tháng 6 năm 2026 | same |
| `ky_dong_1..3`, `nguoi_ky` | TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH | T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / "" |
| `noi_nhan` | the kind's recipients, last line "- Lưu: VT, VP." | last line "- Lưu Văn phòng Đảng ủy." |

A kind's number comes from its setting (`NUMBER_SETTINGS`); its type abbreviation from the registry's symbol
(`KINDS[kind].symbol`: "BC-UBND" -> BC, "UBND-VP" -> an official letter, "" -> the document has no number).
Recipients: the kind's own setting (`schema.RECIPIENT_SETTINGS`), else the general `Nơi nhận`.
Stdlib only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from .. import schema
from ..conference_settings import is_party, office, unit_words
from ..facts import Person, parse_person
from .wording import place_date, safe_text

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
GOVERNMENT_BODY, PARTY_BODY = "UBND", "ĐU"
GOVERNMENT_COLLECTIVE, PARTY_COLLECTIVE = "ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ"
OFFICIAL_LETTER = "CV"  # the Party's type for an official letter; government letters carry the office's symbol instead
BLANK_NUMBER = "       "  # room for the number the clerk writes in at issue
STORE_GOVERNMENT = "- Lưu: VT, VP."
DEFAULT_RECIPIENTS = "- Như trên;\n" + STORE_GOVERNMENT

# Document kind -> the setting holding its number ("125/BC-UBND" or just "125"). Kinds added later add theirs.
NUMBER_SETTINGS: dict[str, str] = {
    "plan": "so_ke_hoach",
    "report": "so_bao_cao",
    "memo": "so_cong_van_phan_cong",
    "invitations": "so_giay_moi",
    "notice": "so_thong_bao",
}


def _clean(value: Any) -> str:
    return safe_text(value)


def body_symbol(settings: Mapping[str, Any]) -> str:
    """"UBND" or "ĐU": the issuing body's part of every number."""
    return _clean(settings.get("ky_hieu_co_quan")).replace(" ", "") or (PARTY_BODY if is_party(settings) else GOVERNMENT_BODY)


def type_symbol(kind: str) -> str | None:
    """The registry's symbol as a type: "BC", "GM", "TB"; OFFICIAL_LETTER for a letter; None: no number at all."""
    from .kinds import KINDS, ROLLUP_KINDS

    spec = KINDS.get(kind) or ROLLUP_KINDS.get(kind)
    symbol = spec.symbol if spec else ""
    if not symbol:
        return None
    head = symbol.split("-")[0].split("/")[0].strip()
    return OFFICIAL_LETTER if head.upper() in ("UBND", "CV", "") else head


def symbol_for(settings: Mapping[str, Any], kind: str) -> str:
    """What follows the number: "BC-UBND" / "UBND-VP" (government), "BC/ĐU" / "CV/ĐU" (Party). "" for unnumbered kinds."""
    kind_type = type_symbol(kind)
    if kind_type is None:
        return ""
    body = body_symbol(settings)
    if kind == "letters":
        typed = _clean(settings.get("ky_hieu_tra_loi")).replace(" ", "")
        if typed:
            return typed
    if is_party(settings):
        return f"{kind_type}/{body}"
    return f"{body}-VP" if kind_type == OFFICIAL_LETTER else f"{kind_type}-{body}"


def join_number(settings: Mapping[str, Any], number: int | str, symbol: str) -> str:
    """12 + "BC-UBND" -> "12/BC-UBND"; Party: 12 + "BC/ĐU" -> "12-BC/ĐU"."""
    return f"{number}-{symbol}" if is_party(settings) else f"{number}/{symbol}"


_NUMBER_WORD = re.compile(r"^\s*số\s*:?\s*", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"[0-9]+")
_NUMBER_AND_SYMBOL = re.compile(r"\s*(\d+)\s*[/-]\s*(.+?)\s*")


def number_of(settings: Mapping[str, Any], text: Any, symbol: str) -> int | None:
    """150 for "150/UBND-VP" (or "150-CV/ĐU" in a Party workbook) when the symbol matches, case and spaces aside, also
    typed "Số: 150/UBND-VP"; 150 for a bare "150" too (the series' own number, as `number_text` gives it the
    symbol); None otherwise (another symbol: another series)."""
    value = _NUMBER_WORD.sub("", unicodedata.normalize("NFC", _clean(text)))
    if _BARE_NUMBER.fullmatch(value):
        return int(value)
    match = _NUMBER_AND_SYMBOL.fullmatch(value)
    if match and match.group(2).replace(" ", "").casefold() == symbol.replace(" ", "").casefold():
        return int(match.group(1))
    return None


def number_text(settings: Mapping[str, Any], kind: str, typed: Any = None) -> str:
    """The number and symbol alone: typed as a whole ("125/BC-UBND") it stays; a bare number gets the symbol;
    blank leaves room for the clerk ("       /BC-UBND"). "" for a kind without a number."""
    symbol = symbol_for(settings, kind)
    if not symbol:
        return ""
    if typed is None and kind in NUMBER_SETTINGS:
        typed = settings.get(NUMBER_SETTINGS[kind])
    text = _NUMBER_WORD.sub("", unicodedata.normalize("NFC", _clean(typed)))
    if isinstance(typed, (int, float)) and not isinstance(typed, bool):
        text = str(int(typed))
    if text.isdigit():
        return join_number(settings, text, symbol)
    return text or join_number(settings, BLANK_NUMBER, symbol)


def number_line(settings: Mapping[str, Any], number: str) -> str:
    """"Số: 12/BC-UBND" (Decree 30) or "Số 12-BC/ĐU" (HD 36); "" when there is no number."""
    if not number:
        return ""
    return f"Số {number}" if is_party(settings) else f"Số: {number}"


def issuing_body(settings: Mapping[str, Any]) -> tuple[str, str, str]:
    """(superior level, issuing body, second line of the issuing body), in capitals.

    Government: ("", "ỦY BAN NHÂN DÂN", "PHƯỜNG TỨ MINH"). Party: the body and the unit make one line
    ("ĐẢNG ỦY XÃ VĨNH BẢO"), under the superior level ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG").
    """
    superior = _clean(settings.get("co_quan_cap_tren")).upper()
    unit = f"{unit_words(settings).level} {_clean(settings.get('ten_don_vi'))}".strip().upper()
    if is_party(settings):
        body = _clean(settings.get("co_quan")) or "ĐẢNG ỦY"
        if body.upper() == GOVERNMENT_COLLECTIVE:  # the blank template's default, never a Party body
            body = "ĐẢNG ỦY"
        body = body.upper()
        return superior, body if unit and unit in body else f"{body} {unit}".strip(), ""
    return superior, (_clean(settings.get("co_quan")) or GOVERNMENT_COLLECTIVE).upper(), unit


def _authority(settings: Mapping[str, Any]) -> str:
    """"TM", "KT" or "" (the chair signs in their own name)."""
    text = _clean(settings.get("tham_quyen_ky")).upper().replace("/", "").replace(".", "").replace(" ", "")
    if not text:
        return "TM"
    if text.startswith("KT"):
        return "KT"
    if text.startswith("TM"):
        return "TM"
    return ""


def signature_lines(settings: Mapping[str, Any]) -> tuple[str, str, str]:
    """The bold lines above the signer's name.

    Government: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH";
    or "CHỦ TỊCH" alone. Party: "T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ" (a deputy secretary signs for the committee
    directly); "K/T BÍ THƯ" only when asked for.
    """
    party = is_party(settings)
    title = _clean(settings.get("chuc_vu_ky")).upper() or (schema.SIGNER_SECRETARY if party else schema.SIGNER_CHAIR)
    collective = _clean(settings.get("tap_the_ky")).upper() or (PARTY_COLLECTIVE if party else GOVERNMENT_COLLECTIVE)
    on_behalf, deputy = ("T/M", "K/T") if party else (schema.SIGN_ON_BEHALF, schema.SIGN_DEPUTY)
    head = title.removeprefix("PHÓ ").strip() or title
    authority = _authority(settings)
    if authority == "KT":
        return f"{on_behalf} {collective}", f"{deputy} {head}", title
    if authority == "TM":
        return f"{on_behalf} {collective}", title, ""
    return title, "", ""


def store_line(settings: Mapping[str, Any]) -> str:
    return f"- Lưu {office(settings)}." if is_party(settings) else STORE_GOVERNMENT


def recipients(settings: Mapping[str, Any], kind: str, default: str = "") -> str:
    """The kind's own `Nơi nhận …` setting, else `default` (a kind's own list built in code), else the general
    `Nơi nhận`; ending with the layout's "Lưu" line."""
    key = schema.RECIPIENT_SETTINGS.get(kind)
    text = _clean(settings.get(key)) if key else ""
    text = text or default or _clean(settings.get("noi_nhan")) or DEFAULT_RECIPIENTS
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if is_party(settings):
        # The blank template's government storage line means nothing in a Party document.
        lines = [line for line in lines if line.rstrip(".;, ") != STORE_GOVERNMENT.rstrip(".")]
    if not any(re.match(r"^-?\s*lưu\b", line, re.IGNORECASE) for line in lines):
        lines.append(store_line(settings))
    return "\n".join(lines)


def issuer_fields(settings: Mapping[str, Any], kind: str, date: dt.date, *, number: Any = None,
                  default_recipients: str = "", signer: Person | None = None) -> dict[str, Any]:
    """Everything the shared letterhead, signature and recipients blocks print, for document `kind` dated `date`.

    `number`: this document's number when it is not the kind's setting (each answer letter has its own).
    `signer`: who signs (`facts.signer`, completed from the delegates); without it, the name in `Họ tên người ký`.
    Either way the name under the signature is a bare name: never an honorific, never a title.
    """
    party = is_party(settings)
    superior, body, unit = issuing_body(settings)
    shown_number = number_text(settings, kind, number)
    lines = signature_lines(settings)
    return {
        "la_dang": party,
        "quoc_hieu": PARTY_TITLE if party else NATIONAL_TITLE,
        "tieu_ngu": "" if party else MOTTO,
        "co_quan_cap_tren": superior,
        "co_quan": body,
        "don_vi": unit,
        "so": shown_number,
        "so_dong": number_line(settings, shown_number),
        "noi_ngay": place_date(_clean(settings.get("ten_don_vi")), date),
        "ky_dong_1": lines[0],
        "ky_dong_2": lines[1],
        "ky_dong_3": lines[2],
        "nguoi_ky": (signer if signer is not None else parse_person(settings.get("nguoi_ky"))).name,
        "noi_nhan": recipients(settings, kind, default_recipients),
    }
