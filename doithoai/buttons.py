"""The workbook's buttons: one handler per button in `doithoai.controls.BUTTONS`, run by xlwings.

Each macro in `macros/doithoai.bas` is one line, `RunPython "import doithoai.buttons as b; b.<handler>()"`.
A handler takes the workbook (`xw.Book.caller()` when Excel calls it, any xlwings `Book` otherwise), calls
the same job function as the matching command, shows one Vietnamese message box, and returns that text.
A problem the office can act on is shown as its Vietnamese sentence; anything else as a short apology,
with the traceback appended to `doithoai-loi.log` beside the workbook.

Every click starts a fresh Python, so this module imports only the standard library at the top: xlwings,
pandas, docxtpl and matplotlib load inside the job that needs them (`benchmarks/import_time.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

TITLE = "Đối thoại"
LOG_FILE = "doithoai-loi.log"
MAX_MESSAGE = 900  # Excel's message box shows about 1,024 characters


# -- the buttons, in the order of work (names as in controls.BUTTONS) ---------------------------------------


def check_data(book=None) -> str:
    return _click(book, _validate)


def fix_data(book=None) -> str:
    return _click(book, _fix)


def compute_deadlines(book=None) -> str:
    return _click(book, _deadlines)


def make_memo(book=None) -> str:
    return _click(book, _documents("memo"))


def make_report(book=None) -> str:
    return _click(book, _documents("report"))


def make_letters(book=None) -> str:
    return _click(book, _documents("letters"))


def make_invitations(book=None) -> str:
    return _click(book, _documents("invitations", "agenda", "signin"))


def make_notice(book=None) -> str:
    return _click(book, _documents("notice"))


def share_copy(book=None) -> str:
    return _click(book, _share)


def import_notes(book=None) -> str:
    return _click(book, _merge_back)


# -- the jobs: the functions the commands call -------------------------------------------------------------


def _validate(access) -> str:
    from .validation.jobs import validate

    return validate(access, write=True).summary


def _fix(access) -> str:
    from .validation.jobs import fix

    return fix(access).summary


def _deadlines(access) -> str:
    from .deadlines import compute_deadlines as compute

    return compute(access, write=True).summary


def _documents(*kinds: str) -> Callable[[Any], str]:
    def job(access) -> str:
        from .documents.jobs import make_documents

        return make_documents(access, list(kinds)).summary

    return job


def _share(access) -> str:
    from .mttq.share import share

    return share(access).summary


def _merge_back(access) -> str:
    from .mttq.mergeback import merge_back
    from .mttq.returned import latest_returned_copy
    from .mttq.spec import RETURN_FOLDER

    # Made on the first click, so staff find where to put the committee's copy.
    (access.folder / RETURN_FOLDER).mkdir(exist_ok=True)
    copy = latest_returned_copy(access.folder)
    result = merge_back(access, copy)
    return f"Tệp: {copy.name}\n{result.summary}"


# -- the frame every click runs in -----------------------------------------------------------------------


def _click(book, job: Callable[[Any], str]) -> str:
    from .errors import DoithoaiError
    from .xlwings_access import XlwingsWorkbook

    if book is None:
        import xlwings as xw

        book = xw.Book.caller()
    access = XlwingsWorkbook(book)
    try:
        message = job(access)
    except DoithoaiError as exc:
        _log(access.folder, exc)
        message = exc.message
    except Exception as exc:  # a defect: a sentence for the person, the details for whoever fixes it
        log = _log(access.folder, exc)
        message = (f"Có lỗi không mong đợi ({type(exc).__name__}): {exc}. Dữ liệu trong sổ không bị thay đổi dở dang. "
                   f"Chi tiết đã ghi vào tệp “{log}”; hãy gửi tệp đó cho bộ phận kỹ thuật.")
    finally:
        access.done()
    _alert(book, message)
    return message


def _alert(book, message: str) -> None:
    shown = message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE].rsplit("\n", 1)[0] + "\n…"
    try:
        book.app.alert(shown, title=TITLE)
    except Exception:  # no message box on this engine: the returned text is all there is
        pass


def _log(folder: Path, exc: BaseException) -> Path:
    import traceback

    path = Path(folder) / LOG_FILE
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        with path.open("a", encoding="utf-8") as log:
            log.write(f"=== {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n{text}\n")
    except OSError:
        pass
    return path
