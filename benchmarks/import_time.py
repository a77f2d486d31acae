"""How long does a click wait for Python before its job starts? Run: python benchmarks/import_time.py

A click starts a fresh Python. What it imports before the job, measured as each path really runs (each
figure the median of several fresh interpreters, all in this same run):

1. bare Python start-up (`python -c pass`), the floor;
2. a Windows button (the `doithoai-click` launcher, xlwings' RunFrozenPython): `doithoai.buttons`, then
   xlwings for `Book.caller()` with its optional libraries held back (`buttons.import_xlwings`);
3. the RunPython path (macOS, or Windows when the launcher is missing): xlwings' own prelude
   `import xlwings.utils` runs first, so xlwings imports pandas and matplotlib before our code can hold them back;
4. the baseline: what every click imported before (the RunPython path, xlwings imported the usual way).

Windows also loads pywin32 for `Book.caller()`, which this Linux measurement cannot include.
Goal: the Windows button within 300 ms of bare start-up. Prints the figures and the ratio to the baseline.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

RUNS = 7
LAUNCHER = "import doithoai.buttons as b; b.import_xlwings()"
RUNPYTHON = "import xlwings.utils; import doithoai.buttons as b; b.import_xlwings()"
BASELINE = "import xlwings.utils; import doithoai.buttons; import xlwings"
ENV = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}  # the office has no xlwings PRO licence


def timed(code: str) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> int:
    bare = timed("pass")
    launcher = timed(LAUNCHER)
    runpython = timed(RUNPYTHON)
    baseline = timed(BASELINE)
    print(f"python start-up: {bare * 1000:.0f} ms")
    above = (launcher - bare) * 1000
    print(f"Windows button (doithoai-click): {launcher * 1000:.0f} ms ({above:.0f} ms above start-up; goal: under 300 ms)")
    print(f"RunPython path (macOS, no launcher): {runpython * 1000:.0f} ms ({(runpython - bare) * 1000:.0f} ms above start-up)")
    print(f"baseline, before (RunPython, xlwings with pandas and matplotlib): {baseline * 1000:.0f} ms")
    print(f"ratio: {baseline / launcher:.1f}x faster to the start of the job on Windows")
    return 0 if launcher - bare < 0.3 else 1


if __name__ == "__main__":
    sys.exit(main())
