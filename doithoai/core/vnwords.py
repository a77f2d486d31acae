"""Amounts of money as Vietnamese offices write them: "5.500.000 đồng (Năm triệu năm trăm nghìn đồng)". Pure, stdlib only.

`number_words(n)` reads a whole number 0 ≤ n < 10^15 the way accounting and budget papers do:

- digits: không, một, hai, ba, bốn, năm, sáu, bảy, tám, chín;
- tens: "mười" for 10–19, "X mươi" from 20 ("hai mươi", never "một mươi");
- after "mươi": 1 is "mốt" (21 "hai mươi mốt"; but 11 "mười một"), 4 is "tư" (24 "hai mươi tư"; but 14 "mười bốn");
- after "mười" or "mươi", 5 is "lăm" (15 "mười lăm", 25 "hai mươi lăm"); elsewhere it stays "năm" (105 "một trăm linh năm");
- a zero ten before a unit is "linh" (105 "một trăm linh năm", 2.009 "hai nghìn không trăm linh chín");
- groups of three digits: nghìn, triệu, tỷ; above 999 tỷ the count of tỷ is read as a number itself
  (10^12 "một nghìn tỷ");
- a group after the first that is not all zeros is read whole, its zero hundreds included ("một triệu không trăm linh
  năm nghìn"); a group of zeros is not read at all (2.000.500 "hai triệu năm trăm").

Decisions: **"linh", not "lẻ"**, **"nghìn", not "ngàn"**, **"tỷ", not "tỉ"**: the northern forms, which the seed plans'
provinces (Hải Phòng, Hà Nội, Thái Nguyên) and the budget papers of the state treasury use. "tư" after "mươi" is the
written form of accounting documents ("hai mươi tư triệu"); "bốn" stays after "mười" and "linh".
`tests/test_vietnamese_numbers.py` reads every output back with an independent parser and checks these rules.
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
ZERO_TEN = "linh"
THOUSAND, MILLION, BILLION = "nghìn", "triệu", "tỷ"
LIMIT = 10**15  # a thousand million million: no budget of a ward comes near it


def _tens_and_units(tens: int, units: int) -> list[str]:
    """The last two digits of a group whose hundreds are read (or which stands alone when `tens` > 0)."""
    if tens == 0:
        return [DIGITS[units]] if units else []
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _group(value: int, whole: bool) -> list[str]:
    """0 < value < 1000. `whole`: a group after the first, read with its zero hundreds and "linh"."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or whole:
        words += [DIGITS[hundreds], "trăm"]
        if tens == 0 and units:
            return words + [ZERO_TEN, DIGITS[units]]
    return words + _tens_and_units(tens, units)


def _below_billion(value: int, first: bool) -> list[str]:
    """0 ≤ value < 10^9, as groups of millions, thousands and units. `first`: nothing is read before it."""
    words: list[str] = []
    for scale, name in ((10**6, MILLION), (10**3, THOUSAND), (1, "")):
        group, value = divmod(value, scale)
        if group:
            words += _group(group, whole=not first)
            if name:
                words.append(name)
        if group or words:
            first = False
    return words


def number_words(number: int) -> str:
    """0 ≤ number < 10^15 in words, lower case: 5500000 -> "năm triệu năm trăm nghìn"."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"a whole number is read, not {number!r}")
    if not 0 <= number < LIMIT:
        raise ValueError(f"{number} is outside 0 … {LIMIT - 1}")
    if number == 0:
        return DIGITS[0]
    billions, rest = divmod(number, 10**9)
    words: list[str] = []
    if billions:
        words += _below_billion(billions, first=True) + [BILLION]
    words += _below_billion(rest, first=not billions)
    return " ".join(words)


def figures(number: int) -> str:
    """5500000 -> "5.500.000" (a dot between thousands, as Vietnamese papers write amounts)."""
    return f"{number:,}".replace(",", ".")


def amount_in_words(number: int, unit: str = "đồng") -> str:
    """"Năm triệu năm trăm nghìn đồng": capitalised, with the currency."""
    words = number_words(number)
    return f"{words[0].upper()}{words[1:]} {unit}".strip()


def amount(number: int, unit: str = "đồng") -> str:
    """"5.500.000 đồng (Năm triệu năm trăm nghìn đồng)"."""
    return f"{figures(number)} {unit} ({amount_in_words(number, unit)})"
