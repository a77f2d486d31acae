"""Drive `doithoai-app` as a person would, on a private X server (Xvfb) with xdotool. Used by tests/test_app.py
and scripts/window_picture.py. Every helper raises `Unavailable` when the tools are missing, so tests can skip."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

RUNNING = "đang chạy"


class Unavailable(Exception):
    pass


class Display:
    """A private Xvfb; `with Display() as d:` gives `d.env` for programs to run on it. Stops the server it started."""

    def __init__(self) -> None:
        if not (shutil.which("Xvfb") and shutil.which("xdotool")):
            raise Unavailable("Xvfb or xdotool is not installed (apt-get install xvfb xdotool)")
        read, write = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                                       pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.server.kill()
            self.server.wait()
            raise Unavailable("Xvfb did not start")
        self.env = {**os.environ, "DISPLAY": f":{number}"}

    def __enter__(self) -> Display:
        return self

    def __exit__(self, *exc) -> None:
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], capture_output=True, text=True, env=self.env, timeout=30).stdout.strip()


class Window:
    """`doithoai-app WORKBOOK` running on `display`; closed (terminated) on exit."""

    def __init__(self, display: Display, workbook: Path, env: dict[str, str] | None = None) -> None:
        self.display = display
        self.process = subprocess.Popen([sys.executable, "-m", "doithoai.app", str(workbook)], env={**display.env, **(env or {})},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        self.id = ""
        while not self.id:
            found = display.xdotool("search", "--class", "DoiThoai").splitlines()
            self.id = next((w for w in found if self.title_of(w).startswith("Đối thoại")), "")
            if self.process.poll() is not None or time.monotonic() > deadline:
                errors = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"the window did not appear: {errors}")
            time.sleep(0.3)
        time.sleep(0.5)  # the first draw

    def title_of(self, window: str) -> str:
        return self.display.xdotool("getwindowname", window)

    @property
    def title(self) -> str:
        return self.title_of(self.id)

    def key(self, *keys: str) -> None:
        self.display.xdotool("key", "--window", self.id, *keys)

    def press(self, caption: str, timeout: float = 300) -> str:
        """Press the focused button (space) and wait for the job named `caption` to end; returns the title."""
        self.key("space")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            title = self.title
            if caption in title and RUNNING not in title:
                return title
            time.sleep(0.2)
        raise TimeoutError(f"{caption}: still {self.title!r} after {timeout} s")

    def screenshot(self, target: Path) -> Path:
        subprocess.run(["import", "-window", self.id, str(target)], env=self.display.env, check=True, timeout=60)
        return target

    def __enter__(self) -> Window:
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
