"""The roll-up job: find every ward's workbook under a folder, read them in parallel, write one workbook.

`rollup(folder)` is what the command and the window call. Reading and summarising a workbook
(`_summarize_file`) runs on every core, in this process and in worker processes (`read_units`): each gives a
picklable `UnitSummary`, or the Vietnamese reason the file could not be used, which is listed and never stops the
others. The pure parts are `unit.summarize` and `aggregate.aggregate`; this module only finds, reads and writes files.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import schema
from ..core.errors import DoithoaiError, UnusableFile
from .aggregate import Failure, Rollup, aggregate
from .unit import UnitSummary

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext
    from multiprocessing.sharedctypes import Synchronized

ROLLUP_FOLDER = "Tổng hợp"  # inside the rolled-up folder: the roll-ups made (never read back as a ward)
# Folders the tool itself creates beside a workbook: their files are copies, not wards.
_TOOL_FOLDERS = frozenset(
    f.casefold() for f in (ROLLUP_FOLDER, "Sao lưu", "Chia sẻ MTTQ", "MTTQ gửi lại", "Văn bản", "Mẫu văn bản")
)
_SUFFIXES = (".xlsx", ".xlsm")
# The tables a unit's summary reads (with `Kế hoạch` and `Danh mục`, always read): not the programme, not the
# secretary's sheet.
TABLES = frozenset({schema.DELEGATES.key, schema.SLIPS.key, schema.PETITIONS.key, schema.ASSIGNMENTS.key,
                    schema.MILESTONES.key})
# Of the two largest tables, only what the summary reads: the delegates are counted and their attendance tallied
# (`unit._conference_facts`), a slip gives its petitions a residential group (`mttq.projection._petition_area`).
# tests/test_rollup.py checks the summaries equal those of a whole read.
COLUMNS = {schema.DELEGATES.key: ("ho_ten", "co_mat"), schema.SLIPS.key: ("ma_phieu", "to_dan_pho", "dia_chi")}


def find_workbooks(folder: Path) -> list[Path]:
    """Every .xlsx/.xlsm under `folder` that can be read as a file (see `scan_folder`), in the order of their paths."""
    return scan_folder(folder)[0]


def scan_folder(folder: Path) -> tuple[list[Path], list[Failure]]:
    """Every .xlsx/.xlsm under `folder` (owner files of open workbooks, hidden files and folders, and the tool's own
    output folders left out), in the order of their paths so every run sees the same list; and what could not be
    looked into, each with its reason, for `Sổ không đọc được`.

    Nothing found is opened here, and nothing stops the scan: a sub-folder that cannot be read (no permission, a path
    past the system's limit) is listed and the rest scanned; a symbolic link is followed to a folder or a file, but a
    link that loops, points nowhere, or leads back to a folder already scanned is listed, never followed again; a
    FIFO, a device or a folder named like a workbook is listed, never opened (a FIFO would make the reader wait
    forever). Names are listed as `display_path` shows them (phone numbers masked)."""
    folder = Path(folder)
    found: list[Path] = []
    failures: list[Failure] = []
    try:
        top = os.stat(folder)
    except OSError as exc:
        raise UnusableFile(f"Không mở được thư mục “{folder}”: {_os_reason(exc)}.") from exc
    seen = {(top.st_dev, top.st_ino)}
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            failures.append(Failure(display_path(current, folder) + "/", _folder_reason(exc)))
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = Path(entry.path)
            workbook_name = name.lower().endswith(_SUFFIXES) and not name.startswith("~$")
            try:
                link = entry.is_symlink()
                info = os.stat(path)  # through a link
            except OSError as exc:
                if link or workbook_name or not isinstance(exc, FileNotFoundError):
                    failures.append(Failure(display_path(path, folder), _entry_reason(exc, link)))
                continue
            if stat.S_ISDIR(info.st_mode):
                if name.casefold() in _TOOL_FOLDERS:
                    continue
                identity = (info.st_dev, info.st_ino)
                if identity in seen:
                    if link:
                        failures.append(Failure(display_path(path, folder) + "/", _LOOP_FOLDER))
                    continue
                seen.add(identity)
                subfolders.append(path)
            elif workbook_name:
                if stat.S_ISREG(info.st_mode):
                    found.append(path)
                else:
                    failures.append(Failure(display_path(path, folder), _NOT_A_FILE))
        stack.extend(reversed(subfolders))
    found.sort(key=lambda p: p.relative_to(folder).as_posix())
    failures.sort(key=lambda f: f.file)
    return found, failures


_LOOP_FOLDER = ("Liên kết (symbolic link) trỏ về một thư mục đã đọc (vòng lặp hoặc trùng): không đọc lại, các sổ trong đó "
                "chỉ được tính một lần.")
_NOT_A_FILE = ("Không phải một tệp thường (có thể là ống dẫn FIFO, thiết bị hay thư mục mang đuôi .xlsx): không mở; hãy đề "
               "nghị đơn vị gửi lại sổ.")


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền đọc"
    if exc.errno == errno.ENAMETOOLONG:
        return "đường dẫn quá dài để hệ thống mở được"
    if exc.errno == errno.ELOOP:
        return "liên kết (symbolic link) vòng lặp"
    return exc.strerror or type(exc).__name__


def _folder_reason(exc: OSError) -> str:
    import errno

    way = ("hãy chuyển thư mục lên gần thư mục tổng hợp hơn (đường dẫn ngắn hơn)" if exc.errno == errno.ENAMETOOLONG
           else "hãy cấp quyền đọc hoặc chép các sổ ra chỗ khác")
    return f"Thư mục không mở được ({_os_reason(exc)}): các sổ trong đó (nếu có) chưa được tổng hợp; {way}."


def _entry_reason(exc: OSError, link: bool) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "Liên kết (symbolic link) vòng lặp, không trỏ tới tệp hay thư mục nào: không đọc."
    if link and isinstance(exc, FileNotFoundError):
        return "Liên kết (symbolic link) trỏ tới nơi không còn tồn tại: không đọc."
    return f"Không mở được ({_os_reason(exc)}): chưa được tổng hợp."


def display_path(path: Path, folder: Path) -> str:
    """`path` relative to `folder`, "/"-separated, as every output of the roll-up names a file: phone numbers and other
    personal numbers in each folder and file name masked as in the MTTQ copy (`privacy.mask_text`)."""
    from ..domain.privacy import mask_text

    try:
        parts = path.relative_to(folder).parts
    except ValueError:
        parts = path.parts
    return "/".join(mask_text(_printable(part))[0] for part in parts) or "."


def _printable(text: str) -> str:
    """A name as text that can be written anywhere: bytes the file system holds but UTF-8 cannot decode (kept by
    Python as lone surrogates, which no .xlsx or .docx can hold) shown as "\ufffd"."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def _summarize_file(job: tuple[str, str, dt.date]) -> tuple[str, UnitSummary | None, str | None]:
    """(relative path, summary or None, reason or None): runs in a worker process."""
    path, relative, today = job
    from ..io.reader import read_book
    from .unit import summarize

    try:
        # threaded=False: every core has a reading process already; a reading thread in each would only take turns
        # with it (measured on the province, idle 2-core machine: 1.12-1.13 s against 1.18-1.25 s threaded).
        book = read_book(Path(path), TABLES, columns=COLUMNS, threaded=False)
        return relative, summarize(book, relative, today), None
    except DoithoaiError as exc:
        return relative, None, _masked(exc.message)
    except Exception as exc:  # a damaged file must not stop the others; say what happened
        return relative, None, _masked(f"Lỗi không mong đợi khi đọc sổ ({type(exc).__name__}): {exc}")


def _masked(reason: str) -> str:
    """A reader's sentence names the file: masked like the file's own name."""
    from ..domain.privacy import mask_text

    return mask_text(_printable(reason))[0]


def _pool_context() -> ForkContext | None:
    """Fork where it is safe (Linux): the workers then start with everything the first read imported, instead of
    importing the package again each (0.3 s a worker). Elsewhere None: the platform's default (spawn)."""
    import multiprocessing
    import sys

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def read_units(paths: Sequence[Path], folder: Path, today: dt.date, *, workers: int | None = None,
               progress: Callable[[str], None] | None = None,
               meanwhile: Callable[[], None] | None = None) -> tuple[list[UnitSummary], list[Failure]]:
    """Read and summarise every workbook, on `workers` cores (default: all). `meanwhile` is run in this process
    once the workers have started (what comes after reading imports there: not before the fork, delaying the
    workers, nor after reading, while the other cores wait).

    This process reads too, with `workers - 1` worker processes: it reads a first workbook before any worker
    starts (which imports what reading needs, once, for the forked workers to inherit). The order of the
    results does not matter: `aggregate` sorts.
    """
    jobs = [(str(p), display_path(p, folder), today) for p in paths]
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    results: list[Result] = []

    def done(result: Result) -> None:
        results.append(result)
        if progress and len(results) % 25 == 0:
            progress(f"Đã đọc {len(results)}/{len(jobs)} sổ…")

    if workers <= 1 or len(jobs) < 4:
        for job in jobs:
            done(_summarize_file(job))
        if meanwhile:
            meanwhile()
    else:
        # Largest first: the last files taken are the smallest, so no core waits long for another at the end.
        jobs.sort(key=lambda job: -_size(job[0]))
        # This process's first file: a small one, but one it can read (a damaged file, often the smallest, stops
        # before importing what reading needs); up to ten tried.
        first = len(jobs)
        while first > max(len(jobs) - 10, 1):
            first -= 1
            done(result := _summarize_file(jobs[first]))
            if result[1] is not None:
                break
        _read_in_parallel(jobs[:first], workers - 1, done, meanwhile)
    units = [s for _, s, _ in results if s is not None]
    failures = [Failure(rel, reason or "") for rel, s, reason in results if s is None]
    return units, failures


Job = tuple[str, str, dt.date]
Result = tuple[str, UnitSummary | None, str | None]


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _take(counter: Synchronized[int]) -> int:
    """The index of the next job nobody has taken (the counter is shared by every process)."""
    with counter.get_lock():
        index = counter.value
        counter.value = index + 1
    return index


def _worker(jobs: list[Job], counter: Synchronized[int], connection: Connection) -> None:
    """A worker process: summarise the next job nobody has taken until none is left, sending back each
    (index, result) from a thread, so that reading never waits for the main process to take a result.

    Quiet whatever happens: when the main process stops listening (an error, Ctrl+C) or a result cannot be sent,
    the worker stops, and the main process reads itself whatever it has not received."""
    import queue
    import threading

    gc.disable()  # as in `rollup` (a spawned worker does not inherit it)
    outbox: queue.SimpleQueue = queue.SimpleQueue()
    stopped = threading.Event()

    def send() -> None:
        try:
            while (item := outbox.get()) is not None:
                connection.send(item)
        except Exception:  # the main process has gone, or a result would not pickle: it reads them itself
            stopped.set()
        finally:
            connection.close()

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        while not stopped.is_set() and (index := _take(counter)) < len(jobs):
            outbox.put((index, _summarize_file(jobs[index])))
        outbox.put(None)
        sender.join()
    except KeyboardInterrupt:  # Ctrl+C reaches every process of the group: the main process says it
        pass


def _read_in_parallel(jobs: list[Job], children: int, done: Callable[[Result], None],
                      meanwhile: Callable[[], None] | None = None) -> None:
    """`children` worker processes and this one take the jobs one at a time, in order, from a shared counter;
    this process collects the workers' results between its own. A worker that dies (out of memory, killed)
    closes its pipe: whatever has no result at the end is done here."""
    import multiprocessing
    from multiprocessing.connection import wait

    context = _pool_context() or multiprocessing.get_context()
    counter = context.Value("i", 0)
    finished: set[int] = set()
    readers: list[Any] = []  # Connection, or PipeConnection on Windows
    processes = []

    def collect(timeout: float | None) -> None:
        ready: list[Any] = wait(readers, timeout)
        for reader in ready:
            try:
                index, result = reader.recv()
            except (EOFError, OSError):  # the worker ended (or died)
                readers.remove(reader)
                reader.close()
                continue
            finished.add(index)
            done(result)

    try:
        for _ in range(children):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(jobs, counter, writer), daemon=True)
            try:
                process.start()
            except OSError:  # no process to be had (memory): this one reads what the others do not
                reader.close()
                break
            finally:
                writer.close()
            processes.append(process)
            readers.append(reader)
        if meanwhile:
            meanwhile()
        while (index := _take(counter)) < len(jobs):
            finished.add(index)
            done(_summarize_file(jobs[index]))
            collect(0)
        while readers:
            collect(None)
        for index, job in enumerate(jobs):  # taken by a worker that died before sending it back
            if index not in finished:
                done(_summarize_file(job))
    finally:
        for reader in readers:
            reader.close()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()


def _import_writer() -> None:
    from . import workbook  # noqa: F401


@dataclass
class RollupResult:
    path: Path
    rollup: Rollup
    report: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        r = self.rollup
        text = (f"Đã tổng hợp {len(r.units)} sổ của thư mục “{r.folder}” vào {self.path} "
                f"({sum(len(u.petitions) for u in r.units)} kiến nghị, {sum(len(u.overdue) for u in r.units)} phân công quá hạn "
                f"tính đến ngày {r.today:%d/%m/%Y}).")
        unread = sum(1 for f in r.failures if not f.duplicate_of)
        if unread:
            text += f" {unread} tệp không đọc được, xem trang “Sổ không đọc được”."
        if self.report:
            text += f" Báo cáo: {self.report}."
        return " ".join([text, *self.notes])

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "report": str(self.report) if self.report else None,
            "today": self.rollup.today.isoformat(),
            "units": [{"file": u.file, "unit": u.unit, "petitions": len(u.petitions), "overdue": len(u.overdue)}
                      for u in self.rollup.units],
            "failures": [{"file": f.file, "reason": f.reason, **({"duplicate_of": f.duplicate_of} if f.duplicate_of else {})}
                         for f in self.rollup.failures],
        }


def default_target(folder: Path, today: dt.date) -> Path:
    return folder / ROLLUP_FOLDER / f"Tổng hợp đối thoại {today:%Y-%m-%d}.xlsx"


def _save(target: Path, write: Callable[[Path], None]) -> None:
    from ..io.files import _permission_error, atomic_save, backup, check_not_open

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _permission_error(target, exc) from exc
    if target.exists():
        check_not_open(target)
        backup(target)  # a roll-up someone annotated is kept in `Sao lưu`
    atomic_save(target, write)


ROLLUP_TITLE = "<dc:title>Tổng hợp kết quả hội nghị đối thoại</dc:title>"  # in every roll-up's docProps/core.xml


def _is_rollup(path: Path) -> bool:
    """Whether an existing file is a roll-up this tool wrote (Excel keeps the title when it saves one again)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            return info.file_size < 100_000 and ROLLUP_TITLE in archive.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError, EOFError):
        return False


def _writable_folder(folder: Path) -> None:
    """Refuse, before anything is written, a folder (or its nearest existing parent) this user cannot write in."""
    from ..io.files import _read_only

    existing = folder
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise UnusableFile(f"“{existing}” không phải một thư mục nên không ghi được tệp tổng hợp vào đó; chưa có gì bị ghi.")
    if _read_only(existing):
        raise UnusableFile(
            f"Thư mục “{existing}” chỉ cho đọc nên phần mềm không ghi được tệp tổng hợp vào đó: hãy chọn nơi khác bằng "
            "--out (ví dụ trong thư mục Tài liệu) rồi chạy lại; chưa có gì bị ghi."
        )


def _check_target(target: Path, workbooks: list[Path], *, kind: str) -> None:
    """Refuse an output that is a ward's workbook, another file the tool did not make, a folder, or open in Excel."""
    from ..io.files import check_not_open

    real = os.path.realpath(target)
    if any(os.path.realpath(p) == real for p in workbooks) and not _is_rollup(target):
        raise UnusableFile(f"“{target}” là sổ của một đơn vị trong thư mục tổng hợp: phần mềm không ghi đè lên nó; hãy chọn "
                           "tên khác cho tệp tổng hợp (--out); chưa có gì bị ghi.")
    if os.path.lexists(target):
        if os.path.isdir(target):
            raise UnusableFile(f"“{target}” là một thư mục, không phải tệp {kind}: hãy chọn tên tệp khác; chưa có gì bị ghi.")
        if not os.path.isfile(target) or (kind == "Excel" and not _is_rollup(target)):
            raise UnusableFile(f"Tệp “{target.name}” đã có và không phải bản tổng hợp do Đối thoại làm: phần mềm không ghi đè "
                               "lên nó; hãy chọn tên khác (--out); chưa có gì bị ghi.")
        check_not_open(target)
    _writable_folder(target.parent)


def _duplicates(units: list[UnitSummary], modified: dict[str, float]) -> tuple[list[UnitSummary], list[Failure]]:
    """The units with one workbook per unit and conference, and a `Failure` for each other one.

    Two workbooks are of the same conference when they name the same unit (`keys.name_key` of the unit's type and
    name, and of the province) and the same conference day, or neither has a day: a copy kept in another folder, a
    file sent twice. The one saved last (modification time, then path) is counted, the others listed, naming it: a
    second conference of a ward has its own day. Units without a name are never taken for one another."""
    from ..core.keys import name_key
    from ..core.values import format_date

    groups: dict[tuple[str, str, dt.date | None], list[UnitSummary]] = {}
    for unit in units:
        if not name_key(unit.unit):
            continue
        groups.setdefault((name_key(unit.province), name_key(unit.unit), unit.conference), []).append(unit)
    dropped: dict[int, Failure] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        kept = max(group, key=lambda u: (modified.get(u.file, 0.0), u.file))
        for unit in group:
            if unit is kept:
                continue
            day = f"hội nghị ngày {format_date(unit.conference)}" if unit.conference else "chưa có ngày hội nghị"
            dropped[id(unit)] = Failure(
                unit.file,
                f"Không tính vì trùng với sổ “{kept.file}” (cùng {unit.unit}, {day}): chỉ tính sổ được lưu sau cùng là "
                f"“{kept.file}”; nếu đây là một hội nghị khác, hãy ghi đúng ngày hội nghị trong sổ rồi tổng hợp lại.",
                duplicate_of=kept.file,
            )
    return [u for u in units if id(u) not in dropped], list(dropped.values())


def rollup(folder: Path | str, out: Path | str | None = None, *, today: dt.date | None = None, report: bool = False,
           workers: int | None = None, progress: Callable[[str], None] | None = None) -> RollupResult:
    """Roll up every workbook under `folder` into one .xlsx, and with `report` the Word report beside it.

    Everything that could refuse is decided before anything is written: the outputs (not a ward's workbook, not a
    file the tool did not make, not open, in a folder this user can write), and with `report` the settings file
    (read and checked whole) and the report itself, rendered to a temporary file first. Then the roll-up workbook is
    saved, the settings file written if it was missing, and the report put in place."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UnusableFile(f"Không tìm thấy thư mục “{folder}” chứa sổ của các xã, phường.")
    today = today or dt.date.today()
    target = Path(out) if out else default_target(folder, today)
    if target.suffix.lower() != ".xlsx":
        raise UnusableFile(f"Tệp tổng hợp “{target.name}” phải có đuôi .xlsx.")
    found, unlisted = scan_folder(folder)
    _check_target(target, found, kind="Excel")
    # A roll-up written inside the folder is never read back as a ward's workbook.
    paths = [p for p in found if os.path.realpath(p) != os.path.realpath(target)]
    if not paths:
        raise UnusableFile(f"Thư mục “{folder}” không có sổ Excel (.xlsx, .xlsm) nào để tổng hợp.")
    report_target = target.with_suffix(".docx")
    office_settings = None
    if report:
        from .report import SETTINGS_FILE, read_settings_file

        _check_target(report_target, paths, kind="Word")
        office_settings = read_settings_file(folder)  # refuses a bad file now, before any reading or writing
        if office_settings is None:
            _writable_folder(folder)  # the settings file is written there with defaults
            if os.path.lexists(folder / SETTINGS_FILE):
                raise UnusableFile(f"“{folder / SETTINGS_FILE}” không phải tệp cài đặt báo cáo; chưa có gì bị ghi.")
    if progress:
        progress(f"Đang đọc {len(paths)} sổ…")
    modified = {display_path(p, folder): _mtime(p) for p in paths}
    # Reading, summarising and writing build millions of short-lived lists, dicts and strings and no reference
    # cycle: the cyclic garbage collector would only walk them again and again as they pile up (~5-10 % of the
    # roll-up). Paused here, so in the forked workers too; reference counting still frees everything.
    collecting = gc.isenabled()
    gc.disable()
    try:
        units, failures = read_units(paths, folder, today, workers=workers, progress=progress, meanwhile=_import_writer)
        units, duplicates = _duplicates(units, modified)
        from .workbook import write_rollup

        data = aggregate(units, failures + unlisted + duplicates, folder=display_path(folder, folder.parent),
                         today=today)
        result = RollupResult(path=target, rollup=data)
        if duplicates:
            result.notes.append(f"{len(duplicates)} sổ trùng đơn vị và ngày hội nghị với một sổ khác nên không tính "
                                "(xem trang “Sổ không đọc được”).")
        if report:
            _with_report(result, folder, report_target, office_settings,
                         lambda: _save(target, lambda temp: write_rollup(temp, data)))
        else:
            _save(target, lambda temp: write_rollup(temp, data))
    finally:
        if collecting:
            gc.enable()
    return result


def _with_report(result: RollupResult, folder: Path, report_target: Path, office_settings: dict[str, Any] | None,
                 save_workbook: Callable[[], None]) -> None:
    """Render the report to a temporary file, then save the workbook, the settings file (when missing) and the report."""
    import shutil
    import tempfile

    from ..io.files import _permission_error
    from .report import SETTINGS_FILE, default_settings, render_report, settings_text

    data = result.rollup
    defaults = default_settings(data)
    settings = {**defaults, **(office_settings or {})}
    with tempfile.TemporaryDirectory(prefix="doithoai-bao-cao-") as scratch:
        rendered = Path(scratch) / "bao-cao.docx"
        render_report(rendered, data, folder, result.path.name, settings)
        save_workbook()
        if office_settings is None:
            path = folder / SETTINGS_FILE
            try:
                with open(path, "x", encoding="utf-8") as handle:  # never over a file written meanwhile
                    handle.write(settings_text(defaults))
            except FileExistsError:
                pass
            except OSError as exc:
                raise _permission_error(path, exc) from exc
            else:
                result.notes.append(f"Đã tạo tệp cài đặt báo cáo “{path}” (cơ quan ban hành, người ký, nơi nhận): "
                                    "hãy sửa cho đúng rồi chạy lại lệnh.")

        def publish(temp: Path) -> None:
            shutil.copyfile(rendered, temp)

        _save(report_target, publish)
        result.report = report_target


def _mtime(path: Path) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0
