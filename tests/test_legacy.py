"""TCVN3 and VNI text: detected, converted back, and never confused with Unicode, English or French."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doithoai.core.legacy import detect_legacy, from_unicode, to_unicode
from doithoai.workflows.sample import sample_conference

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("encoding, garbled", [("tcvn3", "NguyÔn V¨n A"), ("vni", "Nguyeãn Vaên A")])
def test_known_examples(encoding, garbled):
    assert detect_legacy(garbled) == encoding
    assert to_unicode(garbled, encoding) == "Nguyễn Văn A"


def _reads_as_vietnamese(text: str) -> bool:
    from doithoai.core.legacy import _WORD, _score

    words = _WORD.findall(text)
    return _score(words) == len(words)


def sample_texts() -> list[str]:
    data = sample_conference()
    texts = [r["ho_ten"] for r in data.tables["dai_bieu"]]
    texts += [r["noi_dung"] for r in data.tables["phieu"]] + [r["dia_chi"] for r in data.tables["phieu"]]
    return texts


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_round_trip_on_the_sample(encoding):
    for text in sample_texts():
        garbled = from_unicode(text, encoding)
        if garbled == text or _reads_as_vietnamese(garbled):
            continue  # "Vò", "Hoà": garbled text that is itself good Vietnamese cannot be told apart
        assert detect_legacy(garbled) == encoding, (text, garbled)
        assert to_unicode(garbled, encoding) == text


def test_no_false_positive_on_unicode_english_french():
    texts = sample_texts() + ["café Hélène", "Renée", "José Martínez", "Crème brûlée", "½ ngày", "Naïve résumé"]
    if SEEDS.exists():
        texts += [p for f in SEEDS.glob("*.txt") for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    assert [t for t in texts if detect_legacy(t)] == []


LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
syllables = st.sampled_from(["Nguyễn", "Trần", "Thị", "Hòa", "Hương", "phường", "đường", "nghị", "Quỳnh", "Tứ", "Minh", "khỏe",
                             "ước", "Đặng", "yêu", "chuyện"])


@settings(max_examples=100, deadline=None)
@given(st.lists(syllables, min_size=1, max_size=8))
def test_generated_round_trip(words):
    text = " ".join(words)
    for encoding in ("tcvn3", "vni"):
        assert to_unicode(from_unicode(text.lower(), encoding), encoding) == text.lower()
