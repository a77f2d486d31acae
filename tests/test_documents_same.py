"""The fast renderer writes the same documents as docxtpl does (load, render, save, as its documentation shows).

Every document of a run (every kind, every letter and the combined letters file) is rendered twice from the same
workbook: once by the project's renderer (`documents.render`), once with `render.BatchTemplate` replaced by
`DocxtplReference`, plain docxtpl. Every part of every .docx is then compared: XML parts in canonical form (C14N 2.0:
the same elements, attributes, namespaces and text, whatever the quoting or escaping), other parts byte for byte.

One allowed difference: docxtpl's `render_properties` writes empty `dc:identifier`/`dc:language` elements into
docProps/core.xml that the template does not have; core properties are compared by their non-empty values.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from docxtpl_reference import DocxtplReference
from lxml import etree
from scaled import build_scaled_workbook

from doithoai.documents import render
from doithoai.documents.jobs import make_documents
from doithoai.domain.kinds import KINDS
from doithoai.io.access import FileWorkbook
from doithoai.workflows.demo import build_sample_workbook

NOW = dt.datetime(2026, 6, 25, 9, 30)


def _core(data: bytes) -> dict[str, str]:
    return {element.tag: element.text for element in etree.fromstring(data) if element.text}


def _canonical(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n2")


def differences(fast: Path, reference: Path) -> list[str]:
    found = []
    names = sorted(p.relative_to(fast) for p in fast.rglob("*.docx"))
    assert names == sorted(p.relative_to(reference) for p in reference.rglob("*.docx"))
    for name in names:
        with zipfile.ZipFile(fast / name) as ours, zipfile.ZipFile(reference / name) as theirs:
            if set(ours.namelist()) != set(theirs.namelist()):
                found.append(f"{name}: parts {sorted(set(ours.namelist()) ^ set(theirs.namelist()))}")
                continue
            for part in ours.namelist():
                a, b = ours.read(part), theirs.read(part)
                if a == b:
                    continue
                if part == "docProps/core.xml":
                    same = _core(a) == _core(b)
                elif part.endswith((".xml", ".rels")):
                    same = _canonical(a) == _canonical(b)
                else:
                    same = False
                if not same:
                    found.append(f"{name}: {part}")
    return found


def both_ways(monkeypatch, book: Path, out: Path, workers: int = 0, **options) -> tuple[Path, Path]:
    fast = make_documents(FileWorkbook(book), out=out / "fast", pdf=False, write=False, now=NOW, workers=workers, **options)
    with monkeypatch.context() as patch:
        patch.setattr(render, "BatchTemplate", DocxtplReference)
        reference = make_documents(FileWorkbook(book), out=out / "docxtpl", pdf=False, write=False, now=NOW, workers=0,
                                   **options)
    assert set(fast.files) == set(reference.files)
    assert fast.summary.replace(str(fast.folder), "") == reference.summary.replace(str(reference.folder), "")
    return fast.folder, reference.folder


@pytest.mark.parametrize("workers", [0, 2])
def test_the_demo_documents_are_docxtpls(tmp_path, monkeypatch, workers):
    """Rendered in this process, and spread over two worker processes (spread.py)."""
    book = build_sample_workbook(tmp_path / "demo.xlsm")
    fast, reference = both_ways(monkeypatch, book, tmp_path, today=dt.date(2026, 6, 25), workers=workers)
    assert len(list(fast.rglob("*.docx"))) > len(KINDS)  # every kind, and a file per letter
    assert differences(fast, reference) == []


def test_a_scaled_book_and_numbered_slips_are_docxtpls(tmp_path, monkeypatch):
    book = build_scaled_workbook(tmp_path / "k2.xlsm", 2)
    fast, reference = both_ways(monkeypatch, book, tmp_path, date=dt.date(2026, 7, 1), force_date=True,
                                slips_per_group=2)
    assert differences(fast, reference) == []


@pytest.mark.parametrize("seed", ["000", "001"])
def test_the_seed_documents_are_docxtpls(tmp_path, monkeypatch, seed):
    from test_seeds import seed_book

    if seed == "000":
        book = seed_book(tmp_path, "tu-minh", "chinh-quyen-phuong", {
            "ten_don_vi": "Tứ Minh", "loai_don_vi": "Phường", "tinh": "Thành phố Hải Phòng", "so_ke_hoach": "118/KH-UBND",
            "ngay_ke_hoach": dt.date(2026, 5, 15), "ngay_hoi_nghi": dt.date(2026, 6, 12), "dia_diem": "Nhà văn hóa",
            "nguoi_ky": "Nguyễn Thị Sâm", "chuc_vu_ky": "PHÓ CHỦ TỊCH", "tham_quyen_ky": "KT.", "so_bao_cao": "125"},
            ["Văn phòng HĐND và UBND", "Công an phường", "Phòng Văn hóa - Xã hội"],
            ["Đại biểu thành phố", "Đại biểu phường", "Đại biểu Tổ dân phố", "Nhân dân"], "Tổ dân phố Cẩm Khê")
    else:
        book = seed_book(tmp_path, "vinh-bao", "dang-uy", {
            "ten_don_vi": "Vĩnh Bảo", "loai_don_vi": "Xã", "co_quan_cap_tren": "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
            "tinh": "Thành phố Hải Phòng", "ngay_ke_hoach": dt.date(2026, 2, 2), "ngay_hoi_nghi": "Quý III/2026",
            "dia_diem": "Trung tâm Văn hoá", "nguoi_ky": "Bùi Thị Lý", "so_bao_cao": "12"},
            ["Ban Xây dựng Đảng", "Văn phòng Đảng ủy", "Công an xã", "Ủy ban MTTQ Việt Nam xã"],
            ["Đại biểu thành phố", "Đại biểu xã", "Đại biểu thôn", "Nhân dân"], "Thôn")
    fast, reference = both_ways(monkeypatch, book, tmp_path, today=dt.date(2026, 11, 30))
    assert differences(fast, reference) == []


def test_the_comparison_sees_a_changed_word(tmp_path, monkeypatch):
    """The check itself can fail: one word changed in one letter is found."""
    book = build_sample_workbook(tmp_path / "demo.xlsm")
    fast, reference = both_ways(monkeypatch, book, tmp_path, kinds=["letters"], today=dt.date(2026, 6, 25))
    letter = next(fast.rglob("tra-loi/*.docx"))
    with zipfile.ZipFile(letter) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace("Nội dung".encode(), "Nôi dung".encode(), 1)
    with zipfile.ZipFile(letter, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert differences(fast, reference) == [f"{letter.relative_to(fast)}: word/document.xml"]


def test_a_broken_template_in_a_worker_is_the_same_message_and_leaves_nothing(tmp_path):
    from doithoai.core.errors import TemplateError
    from doithoai.domain.kinds import OVERRIDE_FOLDER

    book = build_sample_workbook(tmp_path / "demo.xlsm")
    broken = tmp_path / OVERRIDE_FOLDER / "giay-moi.docx"
    broken.parent.mkdir()
    broken.write_text("not a document")
    out = tmp_path / "out"
    with pytest.raises(TemplateError, match="giay-moi.docx"):
        make_documents(FileWorkbook(book), out=out, pdf=False, write=False, now=NOW, workers=2)
    assert not out.exists() or list(out.iterdir()) == []


def test_letters_spread_over_workers_are_the_same_files(tmp_path):
    """write_letters in slices over two worker processes writes the same bytes as in one process."""
    from doithoai.documents.builders import letter_contexts, write_letters
    from doithoai.documents.letters import plan_letters
    from doithoai.domain.kinds import template_path
    from doithoai.io.reader import read_book

    book = read_book(build_scaled_workbook(tmp_path / "k2.xlsm", 2))
    base, letters = letter_contexts(book, dt.date(2026, 7, 1), plan_letters(book, dt.date(2026, 7, 1)))
    assert len(letters) > 50
    written = {}
    for workers in (0, 2):
        out = tmp_path / f"w{workers}"
        files = write_letters(template_path("letters"), base, letters, out / "tra-loi", out / "in-gop.docx", workers=workers)
        written[workers] = {f.name: f.read_bytes() for f in [*files, out / "in-gop.docx"]}
    assert len(written[0]) == len(letters) + 1
    assert written[0] == written[2]
