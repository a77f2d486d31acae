"""One truth per conference (issue 23), people: however the office types the chair and the signer, one run's documents
name each person the same way, with the same title, never with a doubled honorific, and sign with a bare name.

Each example builds a commune's workbook (the `chinh-quyen-xa` preset, as tests/test_people.py fills it) with the chair
and the signer typed in one of the ways offices type them, runs every document kind once, and reads the .docx back.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_people import CHAIR, UNIT, commune, documents, signatures

TITLE = "Chủ tịch UBND"
HONORIFICS = ["", "Ông ", "ông ", "Đồng chí ", "đ/c ", "Ô. ", "ÔNG "]
SEPARATORS = [", ", " - ", " – ", " "]
TITLES = [TITLE, f"{TITLE} xã", f"{TITLE} {UNIT}", "chủ tịch ubnd xã", "CHỦ TỊCH UBND XÃ"]


@st.composite
def typed_chairs(draw):
    """The chair as offices type `Người chủ trì`: a title alone, a name alone, or both in either order, with or without
    an honorific, in NFC or NFD."""
    shape = draw(st.sampled_from(["title", "name", "name-title", "title-name"]))
    honorific, separator, title = draw(st.sampled_from(HONORIFICS)), draw(st.sampled_from(SEPARATORS)), draw(
        st.sampled_from(TITLES))
    name = honorific + CHAIR
    text = {"title": title, "name": name, "name-title": name + separator + title, "title-name": title + separator + name}[shape]
    if shape == "title-name" and separator == " ":
        text = title + " - " + name  # a title then a bare name needs a mark between them to be read at all
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


SIGNERS = st.sampled_from([CHAIR, f"Ông {CHAIR}", f"đồng chí {CHAIR}", TITLE, f"{CHAIR}, {TITLE} xã"])
DOUBLED = re.compile(r"\b(?:Ông|Bà|ông|bà|Đồng chí|đồng chí)(?: \((?:Bà|bà)\))? "
                     r"(?:Ông|Bà|ông|bà|Đồng chí|đồng chí|Ô\.|Đ/c|đ/c)\s")


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(typed_chairs(), SIGNERS)
def test_one_run_names_each_person_one_way(chair, signer):
    with tempfile.TemporaryDirectory() as folder:
        path = commune(Path(folder), {"chu_tri": chair, "nguoi_ky": signer})
        texts, result = documents(path)
        full = f"{TITLE} {UNIT}"
        for kind, body in texts.items():
            assert not DOUBLED.search(body), (kind, DOUBLED.findall(body))
            # The chair's name, wherever a document gives it with a post, carries the one full post.
            for match in re.finditer(re.escape(CHAIR) + r", ([^.;\n]+)", body):
                assert match.group(1).startswith(full), (kind, match.group(0))
            # An honorific typed into the setting is not pasted mid-sentence with its capital ("báo cáo Ông Hà…").
            assert not re.search(r"[a-zà-ỹ,] (?:Ông|Bà|Đồng chí|Ô\.|Đ/c) [A-ZĐ]", body), kind
        for kind, file in result.files.items():
            if Path(file).suffix != ".docx":
                continue
            for name in signatures(Path(file)):
                # A signature carries a bare name: the signer's, or in the minutes the chair's and the secretary's.
                assert name == name.strip() and not re.match(r"(?i)(ông|bà|đồng chí|đ/c)\b", name), (kind, name)
                assert TITLE.casefold() not in name.casefold(), (kind, name)
