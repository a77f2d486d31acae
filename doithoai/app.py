"""`doithoai-app`: a small window for offices where the workbook's buttons cannot run (WPS, LibreOffice, macros blocked).

Standard-library tkinter only (the offline installer needs nothing more). The person picks a saved workbook (or
drops it on the desktop shortcut: the path arrives as the first argument); the window offers the same jobs as
the buttons, in the same order, with the same captions (`controls.BUTTONS`), and runs each through
`buttons.run_job` on the file (`FileWorkbook`): same job functions, same messages, same error log.

Decisions:
- A workbook open in Excel, LibreOffice or WPS (their owner files, `io.files.lock_files`) is refused before the job
  starts, with a sentence saying to save and close it; nothing is written.
- No modal dialog boxes: the result, good or bad, goes to the result pane (a problem in red), and the window title
  says what is happening (`Đối thoại — đang chạy…`, `— xong: <caption>`, `— chưa làm được: <caption>`), which is
  also how the tests under Xvfb follow a job.
- One job at a time, in a worker thread so the window keeps answering; the worker talks to Tk only through a queue
  read by `after` (Tk is not thread-safe).
- "Mở thư mục kết quả" opens the folder the last job wrote into (the newest folder under the workbook's folder
  that changed during the job, `Sao lưu` excepted), else the workbook's folder.
- The result pane lists what the counts are made of (`buttons.job_report`'s details: each finding of the check,
  each overdue or coming task, each masked cell of the MTTQ copy) under the job's message, with a scroll bar;
  "Chép kết quả" (Alt+C) puts the whole result on the clipboard, to paste into a message or a document.
- `doithoai-app --help` prints its usage and opens no window.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    import tkinter

TITLE = "Đối thoại"
RUNNING = f"{TITLE} — đang chạy…"
DETAILS = "Chi tiết"
WORKBOOK_TYPES = [("Sổ Excel", "*.xlsm *.xlsx"), ("Mọi tệp", "*.*")]


def output_folder(folder: Path, since: float) -> Path:
    """The newest, deepest folder under `folder` (two levels) changed since `since`; else `folder`."""
    from .io.files import BACKUP_FOLDER

    best: tuple[int, float, Path] | None = None
    try:
        children = [p for p in folder.iterdir() if p.is_dir() and p.name != BACKUP_FOLDER]
    except OSError:
        return folder
    for child in children:
        for depth, candidate in [(1, child)] + [(2, p) for p in child.iterdir() if p.is_dir()]:
            mtime = candidate.stat().st_mtime
            if mtime >= since - 1 and (best is None or (depth, mtime) > best[:2]):
                best = (depth, mtime, candidate)
    return best[2] if best else folder


def open_folder(path: Path) -> None:
    if sys.platform == "win32":
        os.startfile(str(path))  # type: ignore[attr-defined]  # Windows only
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    try:
        subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        pass


def refusal(path: Path) -> str | None:
    """Why the job must not start on `path`, as one sentence; None when it may."""
    from .io.files import lock_files

    if not path.is_file():
        return f"Không thấy tệp sổ “{path}”. Hãy bấm “Chọn sổ…” và chọn lại."
    if path.suffix.lower() not in (".xlsm", ".xlsx"):
        return f"Tệp “{path.name}” không phải sổ Excel (.xlsm hoặc .xlsx)."
    if lock_files(path):
        return (f"Sổ “{path.name}” đang mở trong Excel, LibreOffice hoặc WPS. Hãy lưu và đóng sổ ở đó rồi bấm lại; "
                "chưa có gì bị ghi.")
    return None


class App:
    def __init__(self, root: Any, workbook: Path | None = None) -> None:
        import tkinter as tk
        from tkinter import ttk

        from .book.controls import BUTTONS

        self.root = root
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.busy = False
        self.last_output: Path | None = None
        root.title(TITLE)
        root.minsize(900, 600)
        frame = ttk.Frame(root, padding=12)
        frame.pack(fill="both", expand=True)
        frame.columnconfigure(1, weight=1)
        frame.rowconfigure(3, weight=1)

        ttk.Label(frame, text="Sổ theo dõi hội nghị đối thoại", font=("TkDefaultFont", 13, "bold")).grid(
            row=0, column=0, columnspan=2, sticky="w", pady=(0, 8))
        top = ttk.Frame(frame)
        top.grid(row=1, column=0, columnspan=2, sticky="ew")
        top.columnconfigure(1, weight=1)
        ttk.Label(top, text="Sổ:").grid(row=0, column=0, sticky="w")
        self.path_var = tk.StringVar(value=str(workbook) if workbook else "")
        ttk.Entry(top, textvariable=self.path_var).grid(row=0, column=1, sticky="ew", padx=6)
        ttk.Button(top, text="Chọn sổ…", command=self.choose, takefocus=False).grid(row=0, column=2, sticky="e")
        hint = ("Lưu và đóng sổ trong Excel, LibreOffice hoặc WPS trước khi bấm. "
                "Mỗi nút làm một việc; làm theo thứ tự từ trên xuống.")
        ttk.Label(frame, text=hint, wraplength=860).grid(row=2, column=0, columnspan=2, sticky="w", pady=(8, 6))

        # The buttons in one column, in the order of work (as many as controls.BUTTONS holds); what the button under
        # the mouse or the keyboard focus does is shown on the right, above the progress and the result.
        jobs = ttk.Frame(frame)
        jobs.grid(row=3, column=0, sticky="nw")
        self.job_buttons = []
        for index, spec in enumerate(BUTTONS):
            button = ttk.Button(jobs, text=spec.caption, width=30, command=self._starter(spec.handler, spec.caption))
            button.grid(row=index, column=0, sticky="w", pady=1)
            for event in ("<Enter>", "<FocusIn>"):
                button.bind(event, self._describer(spec.description), add="+")
            self.job_buttons.append(button)

        side = ttk.Frame(frame)
        side.grid(row=3, column=1, sticky="nsew", padx=(12, 0))
        side.columnconfigure(0, weight=1)
        side.rowconfigure(4, weight=1)
        self.description = tk.StringVar(value=BUTTONS[0].description)
        ttk.Label(side, text="Việc của nút:", font=("TkDefaultFont", 10, "bold")).grid(row=0, column=0, sticky="w")
        ttk.Label(side, textvariable=self.description, wraplength=520).grid(row=1, column=0, sticky="nw", pady=(0, 8))
        self.progress = ttk.Progressbar(side, mode="determinate", value=0)  # indeterminate only while a job runs
        self.progress.grid(row=2, column=0, sticky="ew", pady=(4, 2))
        self.status = tk.StringVar(value="Chọn sổ rồi bấm một nút." if not workbook else "Bấm một nút để bắt đầu.")
        ttk.Label(side, textvariable=self.status, wraplength=520).grid(row=3, column=0, sticky="w")
        pane = ttk.Frame(side)
        pane.grid(row=4, column=0, sticky="nsew", pady=4)
        pane.columnconfigure(0, weight=1)
        pane.rowconfigure(0, weight=1)
        self.result = tk.Text(pane, height=12, width=60, wrap="word", relief="solid", borderwidth=1, takefocus=0,
                              font="TkDefaultFont")
        self.result.grid(row=0, column=0, sticky="nsew")
        scroll = ttk.Scrollbar(pane, orient="vertical", command=self.result.yview)
        scroll.grid(row=0, column=1, sticky="ns")
        self.result.configure(yscrollcommand=scroll.set)
        self.result.tag_configure("heading", font=("TkDefaultFont", 10, "bold"))
        self.result.tag_configure("problem", foreground="#B00020")
        self.result.configure(state="disabled")
        bottom = ttk.Frame(side)
        bottom.grid(row=5, column=0, sticky="ew")
        bottom.columnconfigure(1, weight=1)
        self.open_button = ttk.Button(bottom, text="Mở thư mục kết quả", command=self.open_output, takefocus=False)
        self.open_button.state(["disabled"])
        self.open_button.grid(row=0, column=0, sticky="w")
        self.copy_button = ttk.Button(bottom, text="Chép kết quả", underline=0, command=self.copy_result, takefocus=False)
        self.copy_button.state(["disabled"])
        self.copy_button.grid(row=0, column=1, sticky="w", padx=6)
        root.bind("<Alt-c>", lambda _event: self.copy_result())
        ttk.Button(bottom, text="Đóng", command=root.destroy, takefocus=False).grid(row=0, column=2, sticky="e")
        self.job_buttons[0].focus_set()
        root.after(100, self.poll)

    # -- actions ------------------------------------------------------------------------------------------

    def _starter(self, handler: str, caption: str) -> Callable[[], None]:
        return lambda: self.start(handler, caption)

    def _describer(self, description: str) -> Callable[[tkinter.Event], None]:
        return lambda _event: self.description.set(description)

    def choose(self) -> None:
        from tkinter import filedialog

        name = filedialog.askopenfilename(title="Chọn sổ Đối thoại", filetypes=WORKBOOK_TYPES)
        if name:
            self.path_var.set(name)
            self.status.set("Bấm một nút để bắt đầu.")

    def start(self, handler: str, caption: str) -> None:
        if self.busy:
            return
        path = Path(self.path_var.get().strip().strip('"'))
        problem = refusal(path) if self.path_var.get().strip() else "Chưa chọn sổ: bấm “Chọn sổ…”."
        if problem:
            self.show(caption, problem, problem=True)
            self.root.title(f"{TITLE} — chưa làm được: {caption}")
            return
        self.busy = True
        self.root.title(RUNNING)
        for button in self.job_buttons:
            button.state(["disabled"])
        self.status.set(f"Đang chạy: {caption}…")
        self.progress.configure(mode="indeterminate")
        self.progress.start(12)
        started = time.time()
        threading.Thread(target=self.work, args=(handler, caption, path, started), daemon=True).start()

    def work(self, handler: str, caption: str, path: Path, started: float) -> None:
        from .buttons import job_report
        from .io.access import FileWorkbook

        try:
            access = FileWorkbook(path, on_progress=lambda message: self.events.put(("progress", message)))
            message, failed, details = job_report(handler, access)
            self.events.put(("done", (caption, message, failed, output_folder(access.folder, started), details)))
        except BaseException as exc:  # job_report turns job failures into sentences; this is only a last resort
            self.events.put(("done", (caption, f"Có lỗi không mong đợi: {exc}", True, path.parent, [])))

    def poll(self) -> None:
        try:
            while True:
                kind, payload = self.events.get_nowait()
                if kind == "progress":
                    self.status.set(str(payload))
                else:
                    self.finish(*payload)
        except queue.Empty:
            pass
        self.root.after(100, self.poll)

    def finish(self, caption: str, message: str, failed: bool, folder: Path, details: list[str]) -> None:
        self.progress.stop()
        self.progress.configure(mode="determinate", value=0 if failed else 100)
        for button in self.job_buttons:
            button.state(["!disabled"])
        self.busy = False
        self.last_output = folder
        self.open_button.state(["!disabled"])
        self.show(caption, message, problem=failed, details=details)
        self.root.title(f"{TITLE} — {'chưa làm được' if failed else 'xong'}: {caption}")

    def show(self, caption: str, message: str, *, problem: bool = False, details: list[str] | None = None) -> None:
        self.status.set(f"Xong: {caption}." if not problem else f"Chưa làm được: {caption}.")
        self.result.configure(state="normal")
        self.result.delete("1.0", "end")
        self.result.insert("end", f"{caption}\n", ())
        self.result.insert("end", message, ("problem",) if problem else ())
        if details:
            self.result.insert("end", f"\n\n{DETAILS} ({len(details)}):\n", ("heading",))
            self.result.insert("end", "\n".join(f"- {line}" for line in details))
        self.result.configure(state="disabled")
        self.copy_button.state(["!disabled"])

    def result_text(self) -> str:
        return self.result.get("1.0", "end-1c")

    def copy_result(self) -> None:
        text = self.result_text()
        if not text:
            return
        self.root.clipboard_clear()
        self.root.clipboard_append(text)
        self.status.set("Đã chép kết quả: dán (Ctrl+V) vào tin nhắn hoặc văn bản.")

    def open_output(self) -> None:
        if self.last_output is not None:
            open_folder(self.last_output)


def parser() -> argparse.ArgumentParser:
    import argparse

    from . import __version__

    parser = argparse.ArgumentParser(
        prog="doithoai-app",
        description="Cửa sổ Đối thoại: chạy các việc của các nút trong sổ (kiểm tra, tính hạn, văn bản, bản chia sẻ MTTQ…) "
                    "trên sổ đã lưu và đóng, khi Excel không chạy được macro (WPS, LibreOffice, macro bị chặn).")
    parser.add_argument("workbook", nargs="?", type=Path, help="sổ Đối thoại (.xlsm hoặc .xlsx) để chọn sẵn")
    parser.add_argument("--version", action="version", version=f"doithoai-app {__version__}")
    return parser


def _console_for_text(argv: list[str]) -> None:
    """doithoai-app.exe is a windowed program (pythonw: no stdout): --help goes to the console that started it."""
    if sys.platform != "win32" or sys.stdout is not None or not any(a.startswith("-") for a in argv):
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # open for the life of the process
    except Exception:
        pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _console_for_text(argv)
    args = parser().parse_args(argv)  # --help, --version: printed, no window
    import tkinter as tk

    workbook = args.workbook.resolve() if args.workbook else None
    try:
        root = tk.Tk(className="DoiThoai")
    except tk.TclError as exc:  # no display (a server, an SSH session)
        print(f"Không mở được cửa sổ ({exc}). Hãy dùng lệnh doithoai trong cửa sổ dòng lệnh.", file=sys.stderr)
        return 2
    App(root, workbook)
    root.mainloop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
