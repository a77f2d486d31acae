"""The window (`doithoai-app`) under a private X server: every job in the order of the buttons, driven from the
keyboard as a person would, on a copy of the demo workbook; then the files it made are checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from doithoai.book.controls import BUTTONS
from doithoai.core import schema
from doithoai.io.reader import read_book
from tests.window_driver import Display, Unavailable, Window


@pytest.fixture
def display():
    try:
        with Display() as started:
            yield started
    except Unavailable as exc:
        pytest.skip(str(exc))


def no_pdf_env() -> dict[str, str]:
    # Only this Python's folder on PATH: no LibreOffice, so the documents come as .docx only (PDFs are tested elsewhere).
    return {"PATH": str(Path(sys.executable).parent), "XLWINGS_LICENSE_KEY": ""}


@pytest.mark.slow
def test_the_window_runs_every_job_in_order(display, tmp_path, demo_path):
    book = tmp_path / "Hội nghị đối thoại 2026.xlsm"
    shutil.copyfile(demo_path, book)
    titles = {}
    with Window(display, book, env=no_pdf_env()) as window:
        assert window.title == "Đối thoại"
        for index, button in enumerate(BUTTONS):
            if index:
                window.key("Tab")  # the next button, in the order of work
            if button.handler == "import_notes":  # the committee's copy comes back: put the share copy where it goes
                (copy,) = (tmp_path / "Chia sẻ MTTQ").glob("*.xlsx")
                (tmp_path / "MTTQ gửi lại").mkdir(exist_ok=True)
                shutil.copyfile(copy, tmp_path / "MTTQ gửi lại" / copy.name)
            titles[button.handler] = window.press(button.caption)
        if shutil.which("import"):  # ImageMagick: what scripts/window_picture.py uses for the README's picture
            window.screenshot(tmp_path / "window.png")
    assert all(title.startswith("Đối thoại — xong: ") for title in titles.values()), titles
    data = read_book(book)
    assert schema.CHECK_SHEET in data.sheet_names  # 1. the check sheet
    assert all(r.get("han_hoan_thanh") for r in data.assignments)  # 3. deadlines
    runs = sorted((tmp_path / "Văn bản").iterdir())
    assert len(runs) >= 5  # one folder per document button (memo, report, letters, invitations, notice at least)
    assert all(list(run.rglob("*.docx")) for run in runs)
    assert not list((tmp_path / "Văn bản").rglob("*.pdf"))
    (letters,) = [run for run in runs if (run / "tra-loi").is_dir()]
    by_letter = [r for r in data.petitions
                 if r.get("noi_dung_tra_loi") and r.get("hinh_thuc_xu_ly") != schema.HANDLING_AT_CONFERENCE]
    assert len(list(letters.glob("tra-loi/*.docx"))) == len({r.get("nguoi_kien_nghi") for r in by_letter})  # one per petitioner
    assert any(r.get("so_van_ban_tra_loi") for r in data.petitions)
    assert list((tmp_path / "Chia sẻ MTTQ").glob("*.xlsx"))  # 9. the committee's copy
    assert not shutil.which("import") or (tmp_path / "window.png").stat().st_size > 10_000
    assert "Traceback" not in " ".join(titles.values())


@pytest.mark.slow
def test_the_window_refuses_a_workbook_open_elsewhere(display, tmp_path, demo_path):
    book = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, book)
    (tmp_path / ".~o.xlsm").write_text("")  # WPS Office on Linux: ".~" in place of the first character
    before = book.read_bytes()
    with Window(display, book, env=no_pdf_env()) as window:
        window.key("Tab", "Tab")  # 3. Tính hạn, which writes
        title = window.press(BUTTONS[2].caption)
        assert title == f"Đối thoại — chưa làm được: {BUTTONS[2].caption}"
        time.sleep(0.5)
    assert book.read_bytes() == before
    assert not (tmp_path / "Sao lưu").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~o.xlsm", "so.xlsm"]


def test_output_folder_is_the_one_the_job_wrote(tmp_path):
    from doithoai.app import output_folder

    started = time.time()
    (tmp_path / "Sao lưu").mkdir()
    assert output_folder(tmp_path, started) == tmp_path
    run = tmp_path / "Văn bản" / "2026-06-12 09-30-05"
    run.mkdir(parents=True)
    assert output_folder(tmp_path, started) == run
    old = tmp_path / "Chia sẻ MTTQ"
    old.mkdir()
    os.utime(old, (started - 3600, started - 3600))
    assert output_folder(tmp_path, started) == run


def test_help_prints_usage_and_opens_no_window():
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}  # a window would fail here: no display
    run = subprocess.run([sys.executable, "-m", "doithoai.app", "--help"], capture_output=True, text=True, env=env,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: doithoai-app") and "Cửa sổ Đối thoại" in run.stdout
    assert "Không mở được cửa sổ" not in run.stderr + run.stdout
    version = subprocess.run([sys.executable, "-m", "doithoai.app", "--version"], capture_output=True, text=True, env=env,
                             timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("doithoai-app ")


@pytest.mark.slow
def test_help_on_a_display_still_opens_no_window(display):
    run = subprocess.run([sys.executable, "-m", "doithoai.app", "--help"], capture_output=True, text=True,
                         env=display.env, timeout=60)  # before: a window with a workbook called "--help", never ending
    assert run.returncode == 0 and "usage: doithoai-app" in run.stdout
    assert display.xdotool("search", "--class", "DoiThoai") == ""


def clipboard(display) -> str:
    """The X clipboard's text, read by a Tk of this test process on the same display."""
    import tkinter as tk

    root = tk.Tk(screenName=display.env["DISPLAY"])
    try:
        root.withdraw()
        return root.clipboard_get()
    finally:
        root.destroy()


@pytest.mark.slow
def test_the_window_lists_what_the_counts_are_made_of(display, tmp_path, demo_path):
    from doithoai.domain.deadlines import compute_deadlines
    from doithoai.io.access import FileWorkbook

    book = tmp_path / "so.xlsm"
    shutil.copyfile(demo_path, book)
    with FileWorkbook(book) as access:  # what the job will find today (it counts from today, as a click does)
        plan = compute_deadlines(access, write=False).plan
    overdue = plan.overdue()
    assert overdue
    with Window(display, book, env=no_pdf_env()) as window:
        window.key("Tab", "Tab")  # 3. Tính hạn
        assert window.press(BUTTONS[2].caption) == f"Đối thoại — xong: {BUTTONS[2].caption}"
        window.key("alt+c")  # Chép kết quả: the result pane, as the clerk would paste it
        time.sleep(0.5)
        text = clipboard(display)
    assert text.startswith(BUTTONS[2].caption + "\n") and f"{len(overdue)} việc quá hạn" in text
    heading = next(line for line in text.splitlines() if line.startswith("Chi tiết ("))
    listed = [line for line in text.splitlines() if line.startswith("- Quá hạn ")]
    assert len(listed) == len(overdue) and int(heading[len("Chi tiết ("):].split(")")[0]) >= len(overdue)
    for item in overdue:
        assert f"- Quá hạn {-item.days_left} ngày (hạn {item.due:%d/%m/%Y}): {item.name}" in listed
