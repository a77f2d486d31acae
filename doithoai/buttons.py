"""The workbook's buttons: one handler per button in `doithoai.book.controls.BUTTONS`, run by xlwings.

Each macro in `macros/doithoai.bas` checks the workbook's interpreter (`xlwings.conf`), then starts Python:
on Windows through the `doithoai-click` launcher (`click()` below, via xlwings' `RunFrozenPython`), else with
`RunPython "import doithoai.buttons as b; b.<handler>()"`. A handler takes the workbook (`xw.Book.caller()`
when Excel calls it, any xlwings `Book` otherwise), calls the same job function as the matching command,
shows one Vietnamese message box, and returns that text. A problem the office can act on is shown as its
Vietnamese sentence; anything else as a short apology, with the traceback appended to `doithoai-loi.log`
beside the workbook. A failure before the job (no caller, an unsaved or OneDrive-URL workbook, a missing
library) is one Vietnamese sentence too.

Every click starts a fresh Python, so this module imports only the standard library at the top, and imports
xlwings with the optional libraries it would pull in for converters the buttons never use (pandas, numpy,
matplotlib, PIL, plotly) held back; docxtpl, openpyxl and matplotlib load inside the job that needs them
(`benchmarks/import_time.py`, `tests/test_buttons.py` checks the list of modules a click imports).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import xlwings

    from .core.model import Finding
    from .io.access import WorkbookAccess
    from .io.xlwings_access import XlwingsWorkbook

TITLE = "Đối thoại"
LOG_FILE = "doithoai-loi.log"
MAX_MESSAGE = 900  # Excel's message box shows about 1,024 characters

# xlwings imports these at its own import when they are installed, only to register converters (DataFrame,
# ndarray, figures) that XlwingsWorkbook never uses: it reads and writes plain lists. About 1.4 s per click.
OPTIONAL_FOR_XLWINGS = ("pandas", "numpy", "matplotlib", "PIL", "plotly")


# What a handler is given: the workbook whose button was clicked (None: the caller, found by `_caller`), or the
# access object `job_report` wraps (the window, the tests).
Clicked: TypeAlias = "xlwings.Book | _Direct | None"


# -- the buttons, in the order of work (names as in controls.BUTTONS) ---------------------------------------


def check_data(book: Clicked = None) -> str:
    return _click(book, _validate)


def fix_data(book: Clicked = None) -> str:
    return _click(book, _fix)


def compute_deadlines(book: Clicked = None) -> str:
    return _click(book, _deadlines)


def make_plan(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_plan"))


def make_slips(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_slips"))


def make_intake_forms(book: Clicked = None) -> str:
    return _click(book, _intake_forms)


def import_intake(book: Clicked = None) -> str:
    return _click(book, _intake)


def make_memo(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_memo"))


def make_report(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_report"))


def make_reminders(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_reminders"))


def make_letters(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_letters"))


def make_invitations(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_invitations"))


def make_announcement(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_announcement"))


def prepare_conference(book: Clicked = None) -> str:
    return _click(book, _prepare_conference)


def record_floor_petitions(book: Clicked = None) -> str:
    return _click(book, _record_floor)


def make_minutes(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_minutes"))


def make_notice(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_notice"))


def make_report_upward(book: Clicked = None) -> str:
    return _click(book, _documents_of("make_report_upward"))


def share_copy(book: Clicked = None) -> str:
    return _click(book, _share)


def import_notes(book: Clicked = None) -> str:
    return _click(book, _merge_back)


# -- the jobs: the functions the commands call -------------------------------------------------------------


# A job returns its message, or (message, details): the lines its counts are made of (each finding, each overdue
# task, each masked cell). A click's message box shows the message only; the window lists the details under it.
Job = Callable[["WorkbookAccess"], "str | tuple[str, list[str]]"]


def _finding_lines(findings: Iterable[Finding]) -> list[str]:
    ordered = sorted(findings, key=lambda f: not f.is_error)  # errors first, each group in the order found
    return [f"{'Lỗi' if f.is_error else 'Cảnh báo'} {f.sheet}{'!' + f.cell if f.cell else ''}: {f.message}"
            for f in ordered]


def _validate(access: WorkbookAccess) -> tuple[str, list[str]]:
    from .validation.jobs import validate

    result = validate(access, write=True)
    return result.summary, _finding_lines(result.findings)


def _fix(access: WorkbookAccess) -> str:
    from .validation.jobs import fix

    return fix(access).summary


def _deadlines(access: WorkbookAccess) -> tuple[str, list[str]]:
    from .domain.deadlines import compute_deadlines as compute

    result = compute(access, write=True)
    plan = result.plan
    overdue = sorted(plan.overdue(), key=lambda d: (d.days_left, d.kind, d.row))
    lines = [f"Quá hạn {-(d.days_left or 0)} ngày (hạn {d.due:%d/%m/%Y}): {d.name}" for d in overdue if d.due]
    lines += [f"Đến hạn {d.due:%d/%m/%Y} ({d.status.lower()}): {d.name}" for d in plan.upcoming(result.today) if d.due]
    return result.summary, lines + _finding_lines(plan.findings)


def _documents_of(handler: str) -> Job:
    """A documents button's job: the kinds whose registry entry names `handler` as their `button` (domain/kinds.py),
    looked up when clicked."""
    def job(access: WorkbookAccess) -> str:
        from .documents.jobs import make_documents
        from .domain.kinds import KINDS

        return make_documents(access, [kind for kind, spec in KINDS.items() if spec.button == handler]).summary

    return job


def _intake_forms(access: WorkbookAccess) -> str:
    from .workflows.intake import write_intake_forms

    return write_intake_forms(access).summary


def _intake(access: WorkbookAccess) -> str:
    from .workflows.intake import RETURN_FOLDER, intake, returned_forms

    # Made on the first click, so staff find where to put the returned forms.
    (access.folder / RETURN_FOLDER).mkdir(exist_ok=True)
    files = returned_forms(access.folder)
    if not files:
        return (f"Thư mục “{RETURN_FOLDER}” bên cạnh sổ chưa có mẫu nào đã điền. Lưu các mẫu các tổ chức gửi lại vào thư mục "
                "đó rồi bấm lại nút này.")
    # Every returned form, oldest first: one already brought in adds nothing, so a click never duplicates.
    return "\n\n".join(intake(access, path).summary for path in files)


def _prepare_conference(access: WorkbookAccess) -> str:
    from .workflows.conference import prepare_sheet

    return prepare_sheet(access).summary


def _record_floor(access: WorkbookAccess) -> str:
    from .workflows.conference import record_floor

    return record_floor(access).summary


def _share(access: WorkbookAccess) -> tuple[str, list[str]]:
    from .mttq.share import share

    result = share(access)
    return result.summary, [m.description for m in result.masked]


def _merge_back(access: WorkbookAccess) -> str:
    from .mttq.mergeback import merge_back
    from .mttq.returned import latest_returned_copy
    from .mttq.spec import RETURN_FOLDER

    # Made on the first click, so staff find where to put the committee's copy.
    (access.folder / RETURN_FOLDER).mkdir(exist_ok=True)
    copy = latest_returned_copy(access.folder)
    result = merge_back(access, copy)
    return f"Tệp: {copy.name}\n{result.summary}"


# -- the frame every click runs in -----------------------------------------------------------------------


def import_xlwings() -> ModuleType:
    """xlwings, imported with its optional libraries held back (see OPTIONAL_FOR_XLWINGS).

    Safe because the buttons use only list values; each library is held back only while xlwings imports and
    only when nothing has imported it yet, so a job that needs pandas or matplotlib later imports it as usual.
    """
    if "xlwings" in sys.modules:
        return sys.modules["xlwings"]
    held = [name for name in OPTIONAL_FOR_XLWINGS if name not in sys.modules]
    for name in held:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" raises ImportError, which xlwings expects
    try:
        import xlwings
    finally:
        for name in held:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return xlwings


def _caller() -> xlwings.Book:
    """The workbook whose button was clicked, or a DoithoaiError saying in Vietnamese why there is none."""
    from .core.errors import UnusableFile

    try:
        xw = import_xlwings()
    except ImportError as exc:
        raise UnusableFile(
            f"Máy này thiếu thư viện xlwings mà các nút cần ({exc}). Hãy chạy lại bộ cài Đối thoại (install.bat), "
            "hoặc dùng chương trình “Đối thoại” trên màn hình."
        ) from exc
    arguments = caller_arguments(sys.argv)
    name = arguments.get("wb", "")
    if "=" in name:  # xlwings' Book.caller() cuts the name at its second "=": find the book by its whole name
        book = _book_named(xw, name, arguments.get("hwnd", ""))
        if book is not None:
            return book
        raise UnusableFile(f"Không nhận ra sổ “{name}” đang bấm nút (tên tệp có dấu “=”). Hãy lưu sổ với tên không có "
                           "dấu “=”, mở lại rồi bấm nút lần nữa.")
    try:
        book = xw.Book.caller()
    except Exception as exc:
        raise UnusableFile(
            "Không nhận ra sổ đang bấm nút. Hãy đóng các cửa sổ Excel khác, mở lại sổ rồi bấm nút lần nữa."
        ) from exc
    return book


def caller_arguments(argv: list[str]) -> dict[str, str]:
    """What Excel's VBA puts on the command line (`--wb=NAME --from_xl=1 --app=… --hwnd=…`), split at the first "="."""
    found: dict[str, str] = {}
    for argument in argv:
        if argument.startswith("--") and "=" in argument:
            key, _, value = argument[2:].partition("=")
            found.setdefault(key, value.strip().strip('"'))
    return found


def _book_named(xw: ModuleType, name: str, hwnd: str) -> xlwings.Book | None:
    """The open workbook called `name` (case-blind, as Excel compares), in the Excel window `hwnd` when given."""
    try:
        apps = list(xw.apps)
    except Exception:
        return None
    for app in apps:
        if hwnd:
            try:
                if str(app.hwnd) != hwnd:
                    continue
            except Exception:  # no window handle on this platform: any Excel
                pass
        try:
            books = list(app.books)
        except Exception:
            continue
        for book in books:
            if str(book.name).lower() == name.lower():
                return book
    return None


def _folder_access(book: xlwings.Book) -> XlwingsWorkbook:
    """XlwingsWorkbook over the clicked workbook, refusing one without a folder on this computer."""
    from .core.errors import UnusableFile
    from .io.xlwings_access import XlwingsWorkbook

    try:
        fullname = str(book.fullname)
    except Exception as exc:  # xlwings could not turn a OneDrive/SharePoint address into a folder
        raise UnusableFile(_ONLINE) from exc
    if "://" in fullname:
        raise UnusableFile(_ONLINE)
    if not Path(fullname).is_absolute():
        raise UnusableFile("Sổ chưa được lưu vào máy: hãy lưu sổ (Ctrl+S) vào một thư mục, rồi bấm nút lần nữa.")
    return XlwingsWorkbook(book)


_ONLINE = (
    "Sổ đang mở từ OneDrive hoặc SharePoint dưới dạng địa chỉ web, nên phần mềm không biết thư mục để ghi văn bản. "
    "Hãy lưu một bản sổ vào thư mục trên máy (ví dụ D:\\DoiThoai), mở bản đó rồi bấm nút lần nữa."
)


class _Direct:
    """A workbook-access object handed to a handler instead of an xlwings Book (`run_job`)."""

    def __init__(self, access: WorkbookAccess) -> None:
        self.access = access
        self.failed = False
        self.details: list[str] = []


def run_job(handler: str, access: WorkbookAccess) -> str:
    return job_outcome(handler, access)[0]


def job_outcome(handler: str, access: WorkbookAccess) -> tuple[str, bool]:
    """Run button `handler`'s job on `access` (any WorkbookAccess): its message and whether it failed."""
    message, failed, _ = job_report(handler, access)
    return message, failed


def job_report(handler: str, access: WorkbookAccess) -> tuple[str, bool, list[str]]:
    """Run button `handler`'s job on `access` and return its message, whether it failed, and the lines its counts are
    made of (each finding, overdue task, masked cell); no Excel, no message box.

    The window app (`doithoai.app`) calls this, so every button, including one added later, runs the same job
    with the same messages and the same error handling (log file beside the workbook) as its Excel click.
    """
    from .book.controls import BUTTONS

    if handler not in {button.handler for button in BUTTONS}:
        raise ValueError(f"no button runs {handler!r}")
    direct = _Direct(access)
    message = globals()[handler](direct)
    return message, direct.failed, direct.details


def _click(book: Clicked, job: Job) -> str:
    from .core.errors import DoithoaiError
    from .io.xlwings_access import XlwingsWorkbook

    name = _button_name(sys._getframe(1).f_code.co_name)  # the handler that called: named in the lock file
    if isinstance(book, _Direct):
        message, book.failed, book.details = _run(book.access, job, name)
        return message
    try:  # everything before the job: its failures are sentences too, never a traceback
        if book is None:
            book = _caller()
            access = _folder_access(book)
        else:
            access = XlwingsWorkbook(book)
    except DoithoaiError as exc:
        _alert(book, exc.message)
        return exc.message
    except Exception as exc:
        message = (f"Không bắt đầu được ({type(exc).__name__}: {exc}). Hãy lưu sổ vào một thư mục trên máy, mở lại "
                   "rồi bấm nút lần nữa; nếu vẫn lỗi, chạy “doithoai doctor” và gửi kết quả cho bộ phận kỹ thuật.")
        _alert(book, message)
        return message
    try:
        message, _, _ = _run(access, job, name)
    finally:
        access.done()
    _alert(book, message)
    return message


def _run(access: WorkbookAccess, job: Job, name: str) -> tuple[str, bool, list[str]]:
    """The job's message, whether it failed, and the lines its counts are made of."""
    from .core.errors import DoithoaiError
    from .io.lock import hold

    try:
        # The tool's lock on the saved file, for the whole job: a double click or a command run at the same
        # time is refused with a sentence instead of one of them losing the other's writes.
        with hold(access.path, name):
            done = job(access)
        message, details = done if isinstance(done, tuple) else (done, [])
        return message, False, list(details)
    except DoithoaiError as exc:
        _log(access.folder, exc)
        return exc.message, True, []
    except Exception as exc:  # a defect: a sentence for the person, the details for whoever fixes it
        log = _log(access.folder, exc)
        return (f"Có lỗi không mong đợi ({type(exc).__name__}): {exc}. Dữ liệu trong sổ không bị thay đổi dở dang. "
                f"Chi tiết đã ghi vào tệp “{log}”; hãy gửi tệp đó cho bộ phận kỹ thuật."), True, []


def click(argv: list[str] | None = None) -> int:
    """`doithoai-click HANDLER --wb=… --from_xl=1 …`: what a Windows button runs (xlwings' RunFrozenPython).

    Always exits 0: a non-zero exit would make xlwings show its log file, read in the ANSI code page.
    """
    from .book.controls import BUTTONS

    args = sys.argv[1:] if argv is None else argv
    handlers = {button.handler for button in BUTTONS}
    name = next((a for a in args if not a.startswith("-")), "")
    if name not in handlers:
        _native_alert(f"Nút không hợp lệ: “{name}”. Hãy dùng sổ mới tạo bằng lệnh doithoai new.")
        return 0
    globals()[name]()
    return 0


def _native_alert(message: str) -> None:
    """A message box without xlwings (Windows' own, Unicode), else stderr."""
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.user32.MessageBoxW(0, message, TITLE, 0x30 | 0x40000)  # warning icon, on top of Excel
            return
        except Exception:
            pass
    print(message, file=sys.stderr)


def _button_name(handler: str) -> str:
    from .book.controls import BUTTONS

    caption = next((b.caption for b in BUTTONS if b.handler == handler), "")
    return f"nút “{caption}”" if caption else "một nút trong sổ"


def _alert(book: xlwings.Book | None, message: str) -> None:
    shown = message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE].rsplit("\n", 1)[0] + "\n…"
    if book is None:
        _native_alert(shown)
        return
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
