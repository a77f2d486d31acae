"""`doithoai documents|report|letters`, PDF copies through LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from doithoai.cli import main
from doithoai.documents import pdf as pdf_module
from doithoai.documents.pdf import soffice, to_pdf
from tests.docx_reading import text


def run_json(capsys, *argv: str) -> dict:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_report_command(tmp_book, tmp_path, capsys):
    out = run_json(capsys, "report", str(tmp_book), "--out", str(tmp_path / "out"), "--no-pdf", "--date", "2026-06-15")
    assert list(out["files"]) == ["report"] and out["letters"] == [] and out["pdf"] == []
    report = Path(out["files"]["report"])
    assert report.parent.parent == tmp_path / "out"
    assert "BÁO CÁO" in text(report)


def test_letters_command_writes_numbers_unless_told_not_to(tmp_book, tmp_path, capsys):
    before = tmp_book.read_bytes()
    out = run_json(capsys, "letters", str(tmp_book), "--out", str(tmp_path), "--no-pdf", "--no-write")
    assert tmp_book.read_bytes() == before
    letters = len(out["letters"])
    assert letters > 20 and Path(out["files"]["letters"]).name == "Van ban tra loi - in gop.docx"
    assert main(["letters", str(tmp_book), "--out", str(tmp_path), "--no-pdf"]) == 0
    printed = capsys.readouterr().out
    assert f"mới đánh số {letters}" in printed and "Đã ghi số, ngày văn bản" in printed
    assert tmp_book.read_bytes() != before


def test_documents_command_with_kinds(tmp_book, tmp_path, capsys):
    out = run_json(capsys, "documents", str(tmp_book), "--kind", "memo", "--kind", "notice", "--out", str(tmp_path), "--no-pdf")
    assert sorted(out["files"]) == ["memo", "notice"]


def test_documents_command_refuses_an_unknown_kind(tmp_book, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["documents", str(tmp_book), "--kind", "poem"])
    assert exit_.value.code == 2


def test_documents_of_a_missing_workbook(tmp_path, capsys):
    assert main(["documents", str(tmp_path / "none.xlsm"), "--no-pdf"]) == 2
    err = capsys.readouterr().err
    assert "none.xlsm" in err and "Traceback" not in err


def test_without_libreoffice_pdf_is_skipped_quietly(tmp_book, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf_module, "soffice", lambda: None)
    assert main(["documents", str(tmp_book), "--kind", "notice", "--out", str(tmp_path)]) == 0
    assert "không tạo bản PDF" in capsys.readouterr().out
    assert main(["documents", str(tmp_book), "--kind", "notice", "--out", str(tmp_path), "--pdf"]) == 2
    assert "LibreOffice" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_every_document(tmp_book, tmp_path, capsys):
    out = run_json(capsys, "documents", str(tmp_book), "--out", str(tmp_path), "--pdf")
    pdfs = [Path(p) for p in out["pdf"]]
    assert sorted(p.stem for p in pdfs) == sorted(Path(p).stem for p in out["files"].values())
    letters = [Path(p) for p in out["letters"][:3]]
    pdfs += to_pdf(letters)
    assert len(pdfs) == len(out["files"]) + 3
    for path in pdfs:
        data = path.read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:] and len(data) > 5000, path
    if shutil.which("pdftotext"):
        combined = next(p for p in pdfs if p.stem == "Van ban tra loi - in gop")
        words = subprocess.run(["pdftotext", str(combined), "-"], capture_output=True, text=True).stdout
        assert words.count("Kính gửi:") == len(out["letters"]) and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in words
