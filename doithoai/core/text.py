"""Vietnamese text as staff type, paste and import it: normal forms, comparison keys, name order; and `cell_text`, the
one way a cell's value becomes the text a person sees. Stdlib and `values` (dates and times of day) only."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from .values import EXCEL_EPOCH, format_date, parse_time

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# The one set of characters a file cannot hold: an .xlsx and a .docx are XML 1.0, which forbids the C0 controls but
# tab, line feed and carriage return (openpyxl raises on them), lone surrogates and U+FFFE, U+FFFF (lxml refuses them).
_XML_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
XLSX_ILLEGAL = re.compile(f"[{_XML_FORBIDDEN}]")
# Control characters: those, and DEL and the C1 controls, which a file could hold but no person sees or means.
_CONTROL = re.compile(f"[{_XML_FORBIDDEN}\x7f-\x9f]")
EXCEL_CELL_LIMIT = 32767  # characters Excel keeps in one cell
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def is_nfc(s: str) -> bool:
    return unicodedata.is_normalized("NFC", s)


def has_control_chars(s: str) -> bool:
    """C0 and C1 control characters other than tab, line feed and carriage return (and the other code points a file
    cannot hold: lone surrogates, U+FFFE, U+FFFF)."""
    return bool(_CONTROL.search(s))


def strip_control(s: str) -> str:
    """The text without the control characters of `has_control_chars` (an .xlsx cannot hold C0 ones)."""
    return _CONTROL.sub("", s)


def line_breaks(s: str) -> str:
    """The one line-break rule: a vertical tab or form feed (Word's manual line and page break, pasted or exported)
    becomes a line break, since nobody typing in a cell means anything else by one."""
    if "\x0b" in s or "\x0c" in s:
        return s.replace("\x0b", "\n").replace("\x0c", "\n")
    return s


def without_control(s: str) -> str:
    """`strip_control` after `line_breaks`."""
    return strip_control(line_breaks(s))


def clean_text(value: Any) -> Any:
    """A value as a workbook cell can store it: text after `line_breaks`, without the characters the file cannot
    hold (`XLSX_ILLEGAL`); other values unchanged. Every writer of cells (the package writer, the roll-up's own, the
    xlwings settings sheet) stores text through this."""
    if value.__class__ is str and XLSX_ILLEGAL.search(value):
        return XLSX_ILLEGAL.sub("", line_breaks(value))
    return value


def thousands(number: int) -> str:
    """12345 -> "12.345": Vietnamese groups thousands with dots."""
    return f"{number:,}".replace(",", ".")


def fix_d(s: str) -> str:
    """"Ð" (U+00D0, Icelandic eth) typed or converted where the Vietnamese "Đ" (U+0110) was meant.

    Lowercase "ð" is replaced too: Icelandic text does not occur in a ward's registers.
    """
    return s.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")


def clean(s: str) -> str:
    """The safe fix of a text cell: NFC, "Ð"→"Đ", no zero-width characters, single spaces, trimmed lines.

    Line breaks a person typed (Alt+Enter) are kept. Idempotent.
    """
    s = fix_d(nfc(_ZERO_WIDTH.sub("", s)))  # zero-width characters out first: one between a letter and its mark
    lines = [_SPACES.sub(" ", line).strip() for line in s.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def cell_text(value: Any, *, one_line: bool = False) -> str:
    """A cell's value as the text a person sees in it: the one conversion every reader of display text uses.

    - blank (None) is "";
    - text is `clean`ed (NFC, "Ð"→"Đ", no zero-width characters, single spaces, trimmed lines, typed line breaks kept);
    - a whole float is the whole number Excel shows (3.0 → "3"), any other number its digits (3.5 → "3.5");
    - a time of day, or a datetime on Excel's day 0 (how a time alone arrives), is "08:30";
    - a date, or a datetime at midnight, is "12/06/2026"; a datetime with a time of day "12/06/2026 08:30";
    - TRUE and FALSE are written as Excel shows them; an error value is its code ("#N/A").

    `one_line`: line breaks become single spaces too (labels, names, grouping keys). Control characters are not touched:
    what a file cannot hold is the writer's rule (`clean_text`). Idempotent on its own result.
    """
    if value.__class__ is str:  # the common case first
        if one_line:
            if not value.isascii():
                value = fix_d(nfc(_ZERO_WIDTH.sub("", value)))
            return " ".join(value.split())  # what `clean` gives, on one line, without its per-line work
        return clean(value) if value else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.time) or (isinstance(value, dt.datetime) and value.date() == EXCEL_EPOCH):
        return parse_time(value) or ""
    if isinstance(value, dt.datetime):
        day = format_date(value.date())
        return day if value.time() == dt.time() else f"{day} {parse_time(value)}"
    if isinstance(value, dt.date):
        return format_date(value)
    return cell_text(str(value), one_line=one_line)


# After NFD, Vietnamese text is ASCII and combining diacritical marks (U+0300-U+036F, all of combining class > 0 but the
# grapheme joiner U+034F): when nothing else is there, dropping every non-ASCII character is exactly dropping the marks,
# done in C; any other text takes the test of each character.
_NOT_LATIN = re.compile("[^\x00-\x7f\u0300-\u034e\u0350-\u036f]")


def strip_marks(s: str) -> str:
    """Every diacritic removed, "đ" → "d"."""
    decomposed = unicodedata.normalize("NFD", fix_d(s)).replace("đ", "d").replace("Đ", "D")
    if _NOT_LATIN.search(decomposed) is None:
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(s: str) -> str:
    """Comparison key without case and accents: "Hòa" == "Hoà" == "HOA" == "hoa"."""
    return " ".join(strip_marks(s).casefold().split())


# Old ("hoà", "thuý", "khoẻ", "uỷ") and new ("hòa", "thúy", "khỏe", "ủy") tone placement: in oa, oe, uy
# without a final consonant, today's official style puts the mark on the first vowel.
_OLD_STYLE = re.compile(r"(?<![gq])([oO])([aAeE])([\u0300\u0301\u0303\u0309\u0323])(?![a-zA-Z\u0300-\u036f])|"
                        r"(?<![q])([uU])([yY])([\u0300\u0301\u0303\u0309\u0323])(?![a-zA-Z\u0300-\u036f])")


def tone_normalize(s: str) -> str:
    """One tone placement for oa/oe/uy at the end of a syllable: the new style ("hòa", "thúy", "khỏe", "ủy")."""
    decomposed = unicodedata.normalize("NFD", s)

    def move(match: re.Match) -> str:
        if match.group(1):
            return match.group(1) + match.group(3) + match.group(2)
        return match.group(4) + match.group(6) + match.group(5)

    return nfc(_OLD_STYLE.sub(move, decomposed))


# The Vietnamese alphabet's order, and tones in their dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONE_RANK = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_BASE_MARKS = {"\u0306": "ă", "\u0302": "â"}


def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in nfc(tone_normalize(fix_d(word))).casefold():
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = next((m for m in marks if m in _TONE_RANK), "")
        shape = "".join(m for m in marks if m not in _TONE_RANK)
        letter = nfc(base + shape)
        letters.append(_LETTER_RANK.get(letter, 100 + ord(letter[0])))
        tones.append(_TONE_RANK[tone])
    return tuple(letters), tuple(tones)


def sort_key(full_name: str) -> tuple:
    """Vietnamese name order: given name, then family name, then middle names, in the Vietnamese alphabet;
    tones only break ties (a à ả ã á ạ)."""
    words = clean(full_name).split()
    if not words:
        return ((), (), ())
    order = [words[-1], words[0], *words[1:-1]] if len(words) > 1 else words
    keys = [_word_key(w) for w in order]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys), clean(full_name)


def place_key(name: str) -> tuple:
    """Vietnamese alphabet order for place and unit names, word by word from the first ("Phường An Bình");
    tones only break ties."""
    keys = [_word_key(w) for w in clean(name).split()]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys), clean(name)


def formula_like(s: str) -> bool:
    """Text that Excel would run as a formula if it were typed or imported as is.

    Flags a leading "=" or "@", and "+" or "-" followed by something that is neither a digit nor a space:
    "-5" is a number, "- Như trên;" is a list item a person typed, "+84 912…" is a phone number (checked
    as a phone, not here), while "=SUM(A1)", "+cmd|…", "-2+3" (a formula) and "@SUM(…)" are flagged.
    """
    t = s.lstrip()
    if not t:
        return False
    first = t[0]
    if first in "=@":
        return len(t) > 1
    if first in "+-" and len(t) > 1:
        rest = t[1:]
        if rest[0].isspace():
            return False
        if rest[0].isdigit():
            # "-5", "+84 912 345 678" are numbers; "-2+3" or "+1*A1" are arithmetic Excel would evaluate.
            return bool(re.search(r"[+*/^&=()]|[-](?=\d)", rest)) and not re.fullmatch(r"[\d .\-()]+", rest)
        return True
    return False


def shown(value: Any, limit: int = 60) -> str:
    """A cell value as a message quotes it: short, on one line, never a wall of text.

    Not `cell_text`: a message quotes the cell as it is, not as cleaned (a fix's message shows the text before the fix).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    text = (value if isinstance(value, str) else str(value))[: limit * 4]
    # Control characters cannot be written into a worksheet (and print as nothing anyway).
    text = " ".join(_CONTROL.sub("", text).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def safe_text(value: Any) -> str:
    """Any cell value as text a Word document can hold, rendered literally.

    A number, date or time is `cell_text`'s; text is kept as typed inside its lines (not `clean`ed: the document
    prints what the clerk wrote), NFC, line breaks kept (docxtpl turns "\\n" into a line break, "\\t" into a tab),
    `line_breaks` applied, control characters dropped (`strip_control`: none can be meant in a document, XML cannot
    carry most, docxtpl would turn \\a and \\f into paragraph and page breaks).
    """
    text = unicodedata.normalize("NFC", value if isinstance(value, str) else cell_text(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_control(line_breaks(text)).strip()
