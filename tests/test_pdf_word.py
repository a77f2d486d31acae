"""PDF copies through Microsoft Word (COM), against a fake Word that records every call; LibreOffice for the rest.

The real Word is in the README's Windows checklist; here the dispatcher is handed in (`documents.pdf.convert`'s
`dispatch`, or `pdf._dispatch` for the documents run), so the calls a Windows run makes are checked one by one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from doithoai.documents import pdf
from doithoai.documents.jobs import make_documents
from doithoai.io.access import FileWorkbook

PDF = b"%PDF-1.7 made by the fake Word\n"


class FakeDocument:
    def __init__(self, word: FakeWord, path: str) -> None:
        self.word, self.path = word, path

    def ExportAsFixedFormat(self, **kwargs) -> None:  # Word's names
        self.word.calls.append(("ExportAsFixedFormat", Path(self.path).name, kwargs))
        if Path(self.path).name in self.word.export_fails:
            raise OSError("The export failed because of an unexpected error.")
        Path(kwargs["OutputFileName"]).write_bytes(PDF)

    def Close(self, **kwargs) -> None:
        self.word.calls.append(("Close", Path(self.path).name, kwargs))
        self.word.open_documents -= 1


class FakeDocuments:
    def __init__(self, word: FakeWord) -> None:
        self.word = word

    def Open(self, **kwargs) -> FakeDocument:
        name = Path(kwargs["FileName"]).name
        self.word.calls.append(("Open", name, kwargs))
        if name in self.word.open_fails:
            raise OSError("Word experienced an error trying to open the file.")
        self.word.open_documents += 1
        return FakeDocument(self.word, kwargs["FileName"])


class FakeWord:
    """What `win32com.client.DispatchEx("Word.Application")` gives, as far as documents/pdf.py uses it."""

    def __init__(self, *, open_fails=(), export_fails=()) -> None:
        self.calls: list[tuple] = []
        self.open_fails, self.export_fails = set(open_fails), set(export_fails)
        self.open_documents = 0
        self.Documents = FakeDocuments(self)

    def __setattr__(self, name, value) -> None:
        if name in ("Visible", "DisplayAlerts"):
            self.calls.append(("set", name, value))
        super().__setattr__(name, value)

    def Quit(self, **kwargs) -> None:
        self.calls.append(("Quit", None, kwargs))


class Dispatcher:
    def __init__(self, word: FakeWord | None = None, error: Exception | None = None) -> None:
        self.word, self.error, self.progids = word, error, []

    def __call__(self, progid: str) -> FakeWord:
        self.progids.append(progid)
        if self.error is not None:
            raise self.error
        assert self.word is not None
        return self.word


def documents(folder: Path, *names: str) -> list[Path]:
    files = []
    for name in names:
        path = folder / name
        path.write_bytes(b"PK not really a docx")
        files.append(path)
    return files


@pytest.fixture
def no_libreoffice(monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)


def test_word_exports_each_document_read_only_and_quits(tmp_path, no_libreoffice):
    files = documents(tmp_path, "Báo cáo tổng hợp.docx", "Thông báo kết quả.docx")
    word = FakeWord()
    dispatch = Dispatcher(word)
    run = pdf.convert(files, dispatch=dispatch)
    assert dispatch.progids == ["Word.Application"]
    assert run.makers == [pdf.WORD]
    assert run.pdfs == [tmp_path / "Báo cáo tổng hợp.pdf", tmp_path / "Thông báo kết quả.pdf"]
    assert all(p.read_bytes() == PDF for p in run.pdfs)
    assert word.calls[:2] == [("set", "Visible", False), ("set", "DisplayAlerts", 0)]
    calls = word.calls[2:]
    for index, file in enumerate(files):
        opened, exported, closed = calls[3 * index: 3 * index + 3]
        assert opened == ("Open", file.name, {"FileName": str(file.resolve()), "ConfirmConversions": False, "ReadOnly": True,
                                              "AddToRecentFiles": False, "Visible": False})
        assert exported == ("ExportAsFixedFormat", file.name,
                            {"OutputFileName": str((tmp_path / f"{file.stem}.pdf").resolve()), "ExportFormat": 17})
        assert closed == ("Close", file.name, {"SaveChanges": 0})  # never saved: the .docx stays as rendered
    assert calls[-1] == ("Quit", None, {"SaveChanges": 0}) and len(calls) == 3 * len(files) + 1
    assert word.open_documents == 0
    assert all(f.read_bytes() == b"PK not really a docx" for f in files)


def test_word_into_another_folder(tmp_path, no_libreoffice):
    files = documents(tmp_path, "a.docx")
    out = tmp_path / "pdf"
    out.mkdir()
    run = pdf.convert(files, out, dispatch=Dispatcher(FakeWord()))
    assert run.pdfs == [out / "a.pdf"] and not (tmp_path / "a.pdf").exists()


def test_a_document_word_cannot_export_is_closed_and_word_still_quits(tmp_path, no_libreoffice):
    files = documents(tmp_path, "a.docx", "b.docx", "c.docx")
    word = FakeWord(open_fails={"a.docx"}, export_fails={"b.docx"})
    run = pdf.convert(files, dispatch=Dispatcher(word))
    assert run.pdfs == [tmp_path / "c.pdf"] and run.makers == [pdf.WORD]
    assert [c[:2] for c in word.calls if c[0] != "set"] == [
        ("Open", "a.docx"), ("Open", "b.docx"), ("ExportAsFixedFormat", "b.docx"), ("Close", "b.docx"),
        ("Open", "c.docx"), ("ExportAsFixedFormat", "c.docx"), ("Close", "c.docx"), ("Quit", None)]
    assert len(run.problems) == 2 and word.open_documents == 0


def test_what_word_could_not_make_goes_to_libreoffice(tmp_path, monkeypatch):
    files = documents(tmp_path, "a.docx", "b.docx")
    handed: list[list[Path]] = []

    def libreoffice(rest, out_dir=None):
        handed.append(list(rest))
        made = [f.with_suffix(".pdf") for f in rest]
        for path in made:
            path.write_bytes(b"%PDF LibreOffice")
        return made

    monkeypatch.setattr(pdf, "via_libreoffice", libreoffice)
    run = pdf.convert(files, dispatch=Dispatcher(FakeWord(export_fails={"a.docx"})))
    assert handed == [[files[0]]]
    assert run.pdfs == [tmp_path / "a.pdf", tmp_path / "b.pdf"]  # in the documents' order
    assert run.makers == [pdf.WORD, pdf.LIBREOFFICE]


def test_word_that_will_not_start_leaves_everything_to_libreoffice(tmp_path, monkeypatch):
    files = documents(tmp_path, "a.docx")
    monkeypatch.setattr(pdf, "via_libreoffice", lambda rest, out_dir=None: [])
    run = pdf.convert(files, dispatch=Dispatcher(error=OSError("Server execution failed")))
    assert run.pdfs == [] and run.makers == [] and "Server execution failed" in run.problems[0]


def test_without_word_nothing_is_dispatched(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "_dispatch", lambda progid: pytest.fail("Word dispatched on a machine without it"))
    monkeypatch.setattr(pdf, "via_libreoffice", lambda rest, out_dir=None: [])
    assert pdf.word_installed("linux") is False
    assert pdf.convert(documents(tmp_path, "a.docx")).makers == []


def test_the_documents_run_says_word_made_the_pdfs(tmp_book, tmp_path, monkeypatch):
    word = FakeWord()
    monkeypatch.setattr(pdf, "word_installed", lambda platform=None: True)
    monkeypatch.setattr(pdf, "_dispatch", Dispatcher(word))
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result = make_documents(FileWorkbook(tmp_book), ["notice", "memo"], tmp_path / "out", today=dt.date(2026, 6, 20),
                            now=dt.datetime(2026, 6, 20, 9, 0))  # each dated from its milestone (20/6 is after the memo's)
    assert sorted(result.files) == ["memo", "notice"]
    assert sorted(p.name for p in result.pdfs) == sorted(f.with_suffix(".pdf").name for f in result.files.values())
    assert all(p.exists() and p.parent == result.folder for p in result.pdfs)  # moved with the run's folder
    assert "tệp (tạo bằng Microsoft Word)." in result.summary
    assert result.to_json()["pdf_made_by"] == ["Microsoft Word"]
    assert [c[0] for c in word.calls].count("Quit") == 1


def test_pdf_required_with_word_only_is_not_refused(tmp_book, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "word_installed", lambda platform=None: True)
    monkeypatch.setattr(pdf, "_dispatch", Dispatcher(FakeWord()))
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result = make_documents(FileWorkbook(tmp_book), ["notice"], tmp_path / "out", pdf=True, date=dt.date(2026, 6, 20))
    assert len(result.pdfs) == 1


def test_no_word_and_no_libreoffice_says_so(tmp_book, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result = make_documents(FileWorkbook(tmp_book), ["notice"], tmp_path / "out", date=dt.date(2026, 6, 20))
    assert result.pdfs == [] and "chưa có Microsoft Word hay LibreOffice" in result.summary
