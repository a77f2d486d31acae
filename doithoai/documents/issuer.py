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

Every per-kind piece below is the kind's entry in the registry (`domain/kinds.py`). A kind's number comes from its
setting (`number_setting`); its type abbreviation from its symbol (`symbol`: "BC-UBND" -> BC, "UBND-VP" -> an
official letter, "" -> the document has no number).
Recipients ("Nơi nhận", `recipients`): the kind's own setting (`recipients_setting`); blank, the kind's own list for
its issuing body (`recipients`: the invitations and the memo "- Như trên;", never the plan's upward list); a kind
without one of its own (the province's roll-up report, the plan) takes the general `Nơi nhận`, which is the plan's
own list. In every list `{đơn vị}` is the unit ("phường Tứ Minh"), and a line naming the Front's
committee or an organisation of the unit without its place ("- Ủy ban MTTQ Việt Nam xã (giám sát);") gets the
unit's name (`wording.with_place`). The layout's "Lưu" line is added when missing.
Addressees ("Kính gửi", `addressees`): the kind's own setting (`addressees_setting`), one per line; blank, by its
`addressed_to`: the report upward (SUPERIORS) goes to the Party standing committee of the unit and the People's
Committee of the province (a Party report: the standing committee of the superior Party committee, "Ban Thường vụ
Thành ủy Hải Phòng", named from `Cơ quan cấp trên` or the province, so it always has one), the memo (UNITS) to the
units of the issuing body.
Stdlib only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from ..core import schema
from ..domain.conference_settings import fill_placeholders, is_party, office, unit_name, unit_words
from ..domain.facts import Person, parse_person
from ..domain.kinds import SUPERIORS, UNITS, spec_of
from ..domain.numbering import (  # the number grammar, below the documents: facts and carry-over read it too
    NUMBER_WORD,
    join_number,
    symbol_for,
)
from .wording import from_capitals, in_sentence, place_date, safe_text, unabbreviated, with_place

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
GOVERNMENT_COLLECTIVE, PARTY_COLLECTIVE = "ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ"
BLANK_NUMBER = "       "  # room for the number the clerk writes in at issue
STORE_GOVERNMENT = "- Lưu: VT, VP."
DEFAULT_RECIPIENTS = "- Như trên;\n" + STORE_GOVERNMENT


def number_text(settings: Mapping[str, Any], kind: str, typed: Any = None) -> str:
    """The number and symbol alone: typed as a whole ("125/BC-UBND") it stays; a bare number gets the symbol;
    blank leaves room for the clerk ("       /BC-UBND"). "" for a kind without a number."""
    symbol = symbol_for(settings, kind)
    if not symbol:
        return ""
    spec = spec_of(kind)
    if typed is None and spec is not None and spec.number_setting:
        typed = settings.get(spec.number_setting)
    text = NUMBER_WORD.sub("", unicodedata.normalize("NFC", safe_text(typed)))
    if isinstance(typed, (int, float)) and not isinstance(typed, bool):
        text = str(int(typed))
    if text.isdigit():  # a bare number gets the symbol; 0 is no document's number (they start at 01): room is left
        # Not int(text): "²" or "①" are digits to isdigit() but not to int(), and print as typed, as before.
        return join_number(settings, text if text.strip("0") else BLANK_NUMBER, symbol)
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
    superior = safe_text(settings.get("co_quan_cap_tren")).upper()
    unit = f"{unit_words(settings).level} {safe_text(settings.get('ten_don_vi'))}".strip().upper()
    if is_party(settings):
        body = safe_text(settings.get("co_quan")) or "ĐẢNG ỦY"
        if body.upper() == GOVERNMENT_COLLECTIVE:  # the blank template's default, never a Party body
            body = "ĐẢNG ỦY"
        body = body.upper()
        return superior, body if unit and unit in body else f"{body} {unit}".strip(), ""
    return superior, (safe_text(settings.get("co_quan")) or GOVERNMENT_COLLECTIVE).upper(), unit


def body_in_text(settings: Mapping[str, Any]) -> tuple[str, str]:
    """The issuing body as running text names it, in full and short: ("Ủy ban nhân dân phường Tứ Minh", "UBND phường Tứ
    Minh"); a Party plan ("Đảng ủy xã Vĩnh Bảo", the same). `Cơ quan ban hành` is typed in capitals for the letterhead:
    written as running text (`wording.from_capitals`), "Ủy ban nhân dân" never naming a Party committee."""
    party = is_party(settings)
    typed = safe_text(settings.get("co_quan"))
    body = from_capitals(typed) if typed else ("Đảng ủy" if party else "Ủy ban nhân dân")
    if body.casefold() in ("ủy ban nhân dân", "uỷ ban nhân dân"):
        body = "Đảng ủy" if party else "Ủy ban nhân dân"
    short = "UBND" if body.casefold() == "ủy ban nhân dân" else body
    unit = unit_name(settings)
    place = safe_text(settings.get("ten_don_vi"))

    def named(text: str) -> str:
        return text if place and place.casefold() in text.casefold() else f"{text} {unit}".strip()

    return named(body), named(short)


def _authority(settings: Mapping[str, Any]) -> str:
    """"TM", "KT" or "" (the chair signs in their own name)."""
    text = safe_text(settings.get("tham_quyen_ky")).upper().replace("/", "").replace(".", "").replace(" ", "")
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
    title = safe_text(settings.get("chuc_vu_ky")).upper() or (schema.SIGNER_SECRETARY if party else schema.SIGNER_CHAIR)
    collective = safe_text(settings.get("tap_the_ky")).upper() or (PARTY_COLLECTIVE if party else GOVERNMENT_COLLECTIVE)
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


_LINE_BODY = re.compile(r"^(\s*-?\s*)(.*?)(\s*(?:\([^)]*\))?\s*[;,.]?\s*)$")


def _complete(line: str, settings: Mapping[str, Any]) -> str:
    """A recipient line naming an organisation of the unit without its place gets the unit's name: "- Ủy ban MTTQ
    Việt Nam xã (giám sát);" -> "- Ủy ban MTTQ Việt Nam xã Phong Quang (giám sát);" (abbreviations as typed)."""
    match = _LINE_BODY.match(line)
    place = safe_text(settings.get("ten_don_vi"))
    if not match or not place:
        return line
    lead, body, tail = match.groups()
    full = unabbreviated(body)  # recognised written out, printed with the office's own abbreviations
    completed = with_place(full, unit_words(settings).level, place)
    return f"{lead}{body}{completed[len(full):]}{tail}" if completed != full and completed.startswith(full) else line


def recipients(settings: Mapping[str, Any], kind: str, default: str = "") -> str:
    """"Nơi nhận": the kind's own `Nơi nhận …` setting, else its own list (`default`, else the registry's `recipients`
    for the issuing body), else the general `Nơi nhận`; placeholders filled, organisations named with the unit, ending
    with the layout's "Lưu" line."""
    spec = spec_of(kind)
    key = spec.recipients_setting if spec is not None else ""
    text = safe_text(settings.get(key)) if key else ""
    own = spec.recipients if spec is not None else None
    if not text and not default and own is not None:
        default = own.party if is_party(settings) else own.government
    text = text or default
    text = text or safe_text(settings.get("noi_nhan")) or DEFAULT_RECIPIENTS
    text = fill_placeholders(text, settings)
    lines = [_complete(line.strip(), settings) for line in text.split("\n") if line.strip()]
    if is_party(settings):
        # The blank template's government storage line means nothing in a Party document.
        lines = [line for line in lines if line.rstrip(".;, ") != STORE_GOVERNMENT.rstrip(".")]
    if not any(re.match(r"^-?\s*lưu\b", line, re.IGNORECASE) for line in lines):
        lines.append(store_line(settings))
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Kính gửi


def party_committee(superior: str) -> str:
    """The Party committee of a superior Party organisation, as an addressee names it: "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" ->
    "Thành ủy Hải Phòng", "Đảng bộ tỉnh Thái Nguyên" -> "Tỉnh ủy Thái Nguyên"; any other body as running text prints it."""
    text = from_capitals(superior)
    match = re.match(r"^đảng bộ (thành phố|tỉnh|huyện|quận|thị xã) (.+)$", text, re.IGNORECASE)
    if match:
        committee = {"thành phố": "Thành ủy", "tỉnh": "Tỉnh ủy", "huyện": "Huyện ủy", "quận": "Quận ủy",
                     "thị xã": "Thị ủy"}[match.group(1).casefold()]
        return f"{committee} {match.group(2)}"
    return text


def _province_committee(province: str) -> str:
    """"Thành phố Hải Phòng" -> "Thành ủy Hải Phòng", "tỉnh Thái Nguyên" -> "Tỉnh ủy Thái Nguyên"."""
    match = re.match(r"^(thành phố|tỉnh)\s+(.+)$", province, re.IGNORECASE)
    if not match:
        return ""
    return ("Thành ủy " if match.group(1).casefold() == "thành phố" else "Tỉnh ủy ") + match.group(2)


def default_addressees(settings: Mapping[str, Any], kind: str) -> list[str]:
    """Whom a kind is addressed to when its `Kính gửi` setting is blank (see the module's docstring)."""
    spec = spec_of(kind)
    to = spec.addressed_to if spec is not None else ""
    unit = unit_name(settings)
    province = safe_text(settings.get("tinh"))
    party = is_party(settings)
    if to == SUPERIORS:
        if party:
            superior = safe_text(settings.get("co_quan_cap_tren"))
            committee = party_committee(superior) if superior else _province_committee(province)
            return [f"Ban Thường vụ {committee}" if committee else "Ban Thường vụ cấp ủy cấp trên"]
        return [f"Ban Thường vụ Đảng ủy {unit}"] + ([f"Ủy ban nhân dân {in_sentence(province)}"] if province else [])
    if to == UNITS:
        body = "Đảng ủy" if party else "UBND"
        return [f"Các cơ quan, đơn vị thuộc {body} {unit}".strip()]
    return []


def addressees(settings: Mapping[str, Any], kind: str) -> list[str]:
    """"Kính gửi": the kind's own setting (one addressee a line, its dashes and end punctuation dropped; `{đơn vị}`
    filled), else `default_addressees`."""
    spec = spec_of(kind)
    key = spec.addressees_setting if spec is not None else ""
    text = fill_placeholders(safe_text(settings.get(key)), settings) if key else ""
    lines = [line.strip().lstrip("-+•").strip().rstrip(";,.").strip() for line in text.split("\n")]
    return [line for line in lines if line] or default_addressees(settings, kind)


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
        "noi_ngay": place_date(safe_text(settings.get("ten_don_vi")), date),
        "ky_dong_1": lines[0],
        "ky_dong_2": lines[1],
        "ky_dong_3": lines[2],
        "nguoi_ky": (signer if signer is not None else parse_person(settings.get("nguoi_ky"))).name,
        "noi_nhan": recipients(settings, kind, default_recipients),
    }
