"""The same person registered twice, and petitions that say nearly the same thing.

Both run in about linear time: people are grouped by a name key and by phone number; petitions are compared
only with the few earlier petitions that share one of their rarest words (prefix filtering for a Jaccard
threshold), with a cap on how many earlier petitions one word may point at, so 20,000 templated petitions
cannot turn it quadratic. Identical word sets are always found. Two texts whose numbers differ ("ngõ 35",
"ngõ 22") are about different places or amounts and are not near duplicates.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from ..core.keys import name_key
from ..core.model import Record, Table
from ..core.text import fold, nfc, shown
from .cells import year_of
from .checker import Checker, row_ref

SIMILARITY = 0.85  # share of distinct words two petitions have in common (Jaccard) to be called near duplicates
MIN_WORDS = 4  # shorter texts are compared for identical words only
MAX_BUCKET = 32  # a word in more earlier petitions than this is too common to find candidates with
_NO_WORD = frozenset({""})  # what a piece made only of punctuation folds to
_PUNCTUATION = ".,;:!?…\"'“”‘’()[]{}<>«»-–—/\\|*#&%+=_~`^@$"


def check_duplicates(ck: Checker) -> None:
    keys = WordKeys()
    people(ck, ck.book.slips, code_key="ma_phieu", what="phiếu", years=True, keys=keys)
    people(ck, ck.book.delegates, code_key=None, what="đại biểu", years=False, keys=keys)
    petitions(ck, ck.book.petitions, keys)


# --------------------------------------------------------------------------------------------------
# People


class WordKeys:
    """Comparison keys built word by word, each distinct word worked out once: names and petitions reuse a
    few thousand words, so 20,000 rows cost a few thousand calls to the text helpers, not 20,000."""

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._pieces: dict[str, str] = {}  # a space-separated piece of text -> its folded word
        self._names: dict[str, tuple[str, str]] = {}
        self._texts: dict[str, frozenset[str]] = {}  # a whole text -> its words (repeated texts are what this looks for)

    def exact(self, word: str) -> str:
        """Case and the old or new tone placement ignored: "HOÀ" -> "hòa"."""
        key = self._exact.get(word)
        if key is None:
            key = self._exact[word] = name_key(word)
        return key

    def folded(self, word: str) -> str:
        """Every accent ignored too: "Hòa" -> "hoa"."""
        key = self._folded.get(word)
        if key is None:
            key = self._folded[word] = fold(word)
        return key

    def name(self, name: str) -> tuple[str, str]:
        """(exact key, folded key) of a full name."""
        keys = self._names.get(name)
        if keys is None:
            parts = nfc(name).split()
            keys = self._names[name] = (" ".join(map(self.exact, parts)), " ".join(map(self.folded, parts)))
        return keys

    def words(self, text: str) -> frozenset[str]:
        """The distinct words of a text, accents, case and punctuation ignored.

        Split on spaces, each distinct piece ("đường," "(ngõ") folded once with its punctuation trimmed:
        much cheaper than a regular expression over every text."""
        known = self._texts.get(text)
        if known is None:
            known = self._texts[text] = self._words(text)
        return known

    def _words(self, text: str) -> frozenset[str]:
        found = set(text.split())
        cache = self._pieces
        for piece in found.difference(cache):
            cache[piece] = self.folded(piece.strip(_PUNCTUATION))
        keys = frozenset(map(cache.__getitem__, found))
        return keys - _NO_WORD if "" in keys else keys


def phone_key(ck: Checker, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    if len(value) == 10 and value.isdigit() and value.isascii() and value[0] == "0" and value[1] in "35789":
        return value  # a mobile number written as it should be: its own key, as `normalize_phone` finds
    result = ck.phone(value)
    if result.kind == "old_mobile":
        return result.suggestion
    return result.number if result.kind in ("mobile", "landline") else None


def people(ck: Checker, table: Table, *, code_key: str | None, what: str, years: bool, keys: WordKeys | None = None) -> None:
    keys = keys or WordKeys()
    by_name: dict[str, list[tuple[Record, str, bool, int | None]]] = {}
    by_phone: dict[str, Record] = {}
    name_keys = keys.name
    for record in table.records:
        values = record.values
        name = values.get("ho_ten")
        earlier = None
        if isinstance(name, str) and name.strip():
            exact, folded = name_keys(name)
            unaccented = exact == folded  # typed without any accent: match it against accented spellings
            year = year_of(values.get("nam_sinh")) if years else None
            group = by_name.get(folded)
            if group is None:
                group = by_name[folded] = []
            for other, other_exact, other_unaccented, other_year in group:
                if exact != other_exact and not (unaccented or other_unaccented):
                    continue
                if year is not None and other_year is not None and year != other_year:
                    continue  # same name, born in different years: two people
                earlier = other
                break
            group.append((record, exact, unaccented, year))
            if earlier is not None:
                ck.warning(
                    table, record, "ho_ten", "duplicate_person",
                    f"“{shown(name)}” trùng họ tên với {what} ở {row_ref(table, earlier, code_key)}; có thể một người được ghi "
                           "hai lần, hãy kiểm tra và gộp lại nếu trùng.",
                )
        phone = phone_key(ck, values.get("dien_thoai"))
        if phone is None:
            continue
        first = by_phone.setdefault(phone, record)
        if first is not record and first is not earlier:
            ck.warning(
                table, record, "dien_thoai", "duplicate_person",
                f"Số điện thoại {phone} trùng với {what} của “{shown(first.values.get('ho_ten'))}” ở "
                       f"{row_ref(table, first, code_key)}; "
                "có thể một người được ghi hai lần, hãy kiểm tra.",
            )


# --------------------------------------------------------------------------------------------------
# Petitions


def words(text: str) -> frozenset[str]:
    return WordKeys().words(text)


def petitions(ck: Checker, table: Table, keys: WordKeys | None = None) -> None:
    keys = keys or WordKeys()
    docs: list[tuple[Record, frozenset[str]]] = []
    for record in table.records:
        text = record.values.get("noi_dung")
        if isinstance(text, str) and text.strip():
            tokens = keys.words(text)
            if tokens:
                docs.append((record, tokens))
    for record, other in similar_pairs(docs):
        ck.warning(
            table, record, "noi_dung", "near_duplicate_petition",
            f"Nội dung kiến nghị gần giống kiến nghị ở {row_ref(table, other, 'ma_kien_nghi')}; "
            "nếu là cùng một ý kiến, hãy gộp lại (ghi chung các người kiến nghị) hoặc ghi rõ điểm khác nhau.",
        )


def similar_pairs(docs: list[tuple[Record, frozenset[str]]], threshold: float = SIMILARITY) -> list[tuple[Record, Record]]:
    """(later, earlier) for each document that nearly repeats an earlier one (the first such earlier one).

    Near: the same numbers ("ngõ 35" and "ngõ 22" are two different places), and a share of common words
    (Jaccard) of at least `threshold`. Candidates are the earlier documents with the same numbers that
    share one of the (n - ceil(t*n) + 1) rarest words, which any pair above the threshold must (prefix
    filtering); the words are ranked once for all.
    """
    frequency: Counter[str] = Counter()
    for _, tokens in docs:
        frequency.update(tokens)
    digits = frozenset(word for word in frequency if word.isdigit())
    numbers = [tokens & digits for _, tokens in docs]
    shared = {key for key, count in Counter(numbers).items() if count > 1}  # a text whose numbers no other has is unique
    rank = {word: position for position, word in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}.__getitem__
    exact: dict[frozenset[str], int] = {}
    index: dict[tuple[frozenset[str], str], list[int]] = {}
    pairs: list[tuple[Record, Record]] = []
    for position, (record, tokens) in enumerate(docs):
        if numbers[position] not in shared:
            continue
        match: int | None = exact.setdefault(tokens, position)
        if match == position:
            match = None
            size = len(tokens)
            if size >= MIN_WORDS:
                key = numbers[position]
                smallest, largest = threshold * size, size / threshold
                checked: set[int] = set()
                for word in sorted(tokens, key=rank)[: size - math.ceil(threshold * size) + 1]:
                    bucket = index.setdefault((key, word), [])
                    if match is None and len(bucket) <= MAX_BUCKET:
                        for other in bucket:
                            if other in checked:
                                continue
                            checked.add(other)
                            other_tokens = docs[other][1]
                            if smallest <= len(other_tokens) <= largest and _jaccard(tokens, other_tokens) >= threshold:
                                match = other
                                break
                    bucket.append(position)
        if match is not None:
            pairs.append((record, docs[match][0]))
    return pairs


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    common = len(a & b)
    return common / (len(a) + len(b) - common)
