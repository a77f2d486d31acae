"""Legacy Vietnamese 8-bit encodings that show as garbage in Unicode fonts: TCVN3 (ABC) and VNI-Windows.

Old files typed with the .VnTime (TCVN3) or VNI-Times fonts store one Latin-1 character per code the font
draws as a Vietnamese letter: "Nguyễn Văn" reads "NguyÔn V¨n" (TCVN3) or "Nguyeãn Vaên" (VNI) once the
font is Unicode. The tables below are TCVN 5712:1993 (the ABC code) and the VNI-Windows code page as
used by the Unikey/Vietkey converters. TCVN3 draws capitals with tone marks in a separate font
(.VnTimeH) using the lowercase codes; those convert to lowercase, which is the best that can be known.

Detection compares how many words are valid Vietnamese syllables before and after conversion, so real
Unicode Vietnamese, English and French (café, Hélène) are left alone. Stdlib only.
"""

from __future__ import annotations

import re
import unicodedata

# --- TCVN3 ------------------------------------------------------------------------------------------
# Each row: the plain letter's code, then its five tones in the order huyền, hỏi, ngã, sắc, nặng.
_TCVN3_ROWS = {
    "a": "a\u00b5\u00b6\u00b7\u00b8\u00b9",
    "ă": "\u00a8\u00bb\u00bc\u00bd\u00be\u00c6",
    "â": "\u00a9\u00c7\u00c8\u00c9\u00ca\u00cb",
    "e": "e\u00cc\u00ce\u00cf\u00d0\u00d1",
    "ê": "\u00aa\u00d2\u00d3\u00d4\u00d5\u00d6",
    "i": "i\u00d7\u00d8\u00dc\u00dd\u00de",
    "o": "o\u00df\u00e1\u00e2\u00e3\u00e4",
    "ô": "\u00ab\u00e5\u00e6\u00e7\u00e8\u00e9",
    "ơ": "\u00ac\u00ea\u00eb\u00ec\u00ed\u00ee",
    "u": "u\u00ef\u00f1\u00f2\u00f3\u00f4",
    "ư": "\u00ad\u00f5\u00f6\u00f7\u00f8\u00f9",
    "y": "y\u00fa\u00fb\u00fc\u00fd\u00fe",
}
_TCVN3_EXTRA = {"đ": "\u00ae", "Ă": "\u00a1", "Â": "\u00a2", "Ê": "\u00a3", "Ô": "\u00a4", "Ơ": "\u00a5", "Ư": "\u00a6",
                "Đ": "\u00a7"}
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # none, huyền, hỏi, ngã, sắc, nặng


def _tcvn3_table() -> dict[str, str]:
    """Unicode letter -> TCVN3 code."""
    table: dict[str, str] = {}
    for base, codes in _TCVN3_ROWS.items():
        for tone, code in zip(_TONES, codes, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            table[letter] = code
            upper = letter.upper()
            if not tone and upper != letter:
                table.setdefault(upper, _TCVN3_EXTRA.get(upper, upper))
    table.update(_TCVN3_EXTRA)
    return {k: v for k, v in table.items() if k != v}


# --- VNI-Windows ------------------------------------------------------------------------------------
# A letter is its base (a, e, o, u, y, or ô/ö for ơ/ư) followed by a mark character; i with tones and ỵ
# are single codes.
_VNI_TONE = {"\u0301": "\u00f9", "\u0300": "\u00f8", "\u0309": "\u00fb", "\u0303": "\u00f5", "\u0323": "\u00ef"}
_VNI_TONE_UPPER = {"\u0301": "\u00d9", "\u0300": "\u00d8", "\u0309": "\u00db", "\u0303": "\u00d5", "\u0323": "\u00cf"}
_VNI_CIRCUMFLEX = {"": "\u00e2", "\u0301": "\u00e1", "\u0300": "\u00e0", "\u0309": "\u00e5", "\u0303": "\u00e3",
                   "\u0323": "\u00e4"}
_VNI_CIRCUMFLEX_UPPER = {"": "\u00c2", "\u0301": "\u00c1", "\u0300": "\u00c0", "\u0309": "\u00c5", "\u0303": "\u00c3",
                         "\u0323": "\u00c4"}
_VNI_BREVE = {"": "\u00ea", "\u0301": "\u00e9", "\u0300": "\u00e8", "\u0309": "\u00fa", "\u0303": "\u00fc", "\u0323": "\u00eb"}
_VNI_BREVE_UPPER = {"": "\u00ca", "\u0301": "\u00c9", "\u0300": "\u00c8", "\u0309": "\u00da", "\u0303": "\u00dc",
                    "\u0323": "\u00cb"}
_VNI_I = {"\u0301": "\u00ed", "\u0300": "\u00ec", "\u0309": "\u00e6", "\u0303": "\u00f3", "\u0323": "\u00f2"}
_VNI_I_UPPER = {"\u0301": "\u00cd", "\u0300": "\u00cc", "\u0309": "\u00c6", "\u0303": "\u00d3", "\u0323": "\u00d2"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {"đ": "\u00f1", "Đ": "\u00d1"}
    for upper in (False, True):
        tone_marks = _VNI_TONE_UPPER if upper else _VNI_TONE
        circ = _VNI_CIRCUMFLEX_UPPER if upper else _VNI_CIRCUMFLEX
        breve = _VNI_BREVE_UPPER if upper else _VNI_BREVE
        case = str.upper if upper else str.lower
        for tone in _TONES:
            for base in "aeouy":
                b = case(base)
                if tone:
                    table[unicodedata.normalize("NFC", b + tone)] = b + tone_marks[tone]
            for base in "aeo":  # â ê ô
                b = case(base)
                table[unicodedata.normalize("NFC", b + "\u0302" + tone)] = b + circ[tone]
            table[unicodedata.normalize("NFC", case("a") + "\u0306" + tone)] = case("a") + breve[tone]
            horn_o, horn_u = ("\u00d4", "\u00d6") if upper else ("\u00f4", "\u00f6")
            table[unicodedata.normalize("NFC", case("o") + "\u031b" + tone)] = horn_o + (tone_marks[tone] if tone else "")
            table[unicodedata.normalize("NFC", case("u") + "\u031b" + tone)] = horn_u + (tone_marks[tone] if tone else "")
            if tone:
                table[unicodedata.normalize("NFC", case("i") + tone)] = (_VNI_I_UPPER if upper else _VNI_I)[tone]
    table["ỵ"], table["Ỵ"] = "\u00ee", "\u00ce"
    return table


ENCODE: dict[str, dict[str, str]] = {"tcvn3": _tcvn3_table(), "vni": _vni_table()}
_DECODE: dict[str, dict[str, str]] = {}
_DECODE_RE: dict[str, re.Pattern] = {}
for _name, _table in ENCODE.items():
    inverse: dict[str, str] = {}
    for letter, code in _table.items():
        # TCVN3 reuses lowercase codes for toned capitals: keep the lowercase reading.
        if code not in inverse or letter.islower():
            inverse[code] = letter
    _DECODE[_name] = inverse
    _DECODE_RE[_name] = re.compile("|".join(re.escape(c) for c in sorted(inverse, key=len, reverse=True)))


def to_unicode(s: str, encoding: str) -> str:
    inverse = _DECODE[encoding]
    return _DECODE_RE[encoding].sub(lambda m: inverse[m.group()], s)


def from_unicode(s: str, encoding: str) -> str:
    table = ENCODE[encoding]
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", s))


# --- detection --------------------------------------------------------------------------------------
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
# Every vowel cluster Vietnamese spelling allows, without tone marks.
_NUCLEI = (
    "uyê uya uyu iêu yêu oai oay oao oeo uây uôi ươi ươu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ưu ươ uy yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(rf"{_ONSET}(?:{'|'.join(_NUCLEI)})(?:ng|nh|ch|[cmnpt])?")
# Letters, and Latin-1's upper half, where every legacy code lies (TCVN3 writes ô as "«", ư as a soft hyphen).
_WORD = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00ff])+")


_VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"


def _syllable_ok(word: str) -> bool:
    """A plausible Vietnamese syllable: onset, one to three vowels, a final consonant, at most one tone."""
    if len(word) > 1 and not word.isupper() and any(ch.isupper() for ch in word[1:]):
        return False  # "NguyÔn": a capital inside a lowercase word is a legacy code, not a letter
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in decomposed if ch in _TONES[1:]) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES[1:]))
    if any(ord(ch) > 0x7F and ch not in "ăâêôơưđ" for ch in bare):
        return False
    return bool(_SYLLABLE.fullmatch(bare))


def _score(words: list[str]) -> int:
    return sum(1 for w in words if _syllable_ok(w))


def detect_legacy(s: str) -> str | None:
    """"tcvn3", "vni" or None: whether converting makes markedly more words valid Vietnamese."""
    if not isinstance(s, str) or not any(0xA0 <= ord(ch) <= 0xFF for ch in s):
        return None  # every legacy code lies in Latin-1's upper half
    if any(ord(ch) > 0xFF and ch.isalpha() for ch in s):
        return None  # legacy text is pure Latin-1: a real "ư" or "ệ" means the text is already Unicode
    words = [w for w in _WORD.findall(s) if any(ord(ch) > 0x7F for ch in w) and any(ch.isalpha() for ch in w)]
    if not words:
        return None
    before = _score(words)
    best, best_score = None, (before, 0, 0)
    for encoding in ("tcvn3", "vni"):
        converted = to_unicode(" ".join(words), encoding)
        # Ties between the two codes go to the one that leaves fewer Latin-1 leftovers, then to the one
        # that merged more characters (VNI writes a letter as base + mark: "Leâ" is "Lê", not "Leõ").
        leftovers = sum(1 for ch in converted if 0xA0 <= ord(ch) <= 0xFF and ch not in _VIETNAMESE_LATIN1)
        score = (_score(_WORD.findall(converted)), -leftovers, len(" ".join(words)) - len(converted))
        if score > best_score:
            best, best_score = encoding, score
    if best is None or best_score[0] <= before or best_score[0] < 0.8 * len(words):
        return None
    return best
