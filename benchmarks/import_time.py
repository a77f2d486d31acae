"""How long does a click wait for Python to import the button handlers? Run: python benchmarks/import_time.py

Each button starts a fresh Python that runs `import doithoai.buttons as b; b.<handler>()`. Measured in this
same run, each the median of several fresh interpreters:

1. bare Python start-up (`python -c pass`), the floor;
2. `import doithoai.buttons` (what the click imports before the job starts);
3. the baseline: the handler module as it would be with its libraries imported at the top
   (xlwings, pandas, openpyxl, docxtpl, matplotlib).

Prints the figures and the ratio of the baseline to ours. Goal: ours within 50 ms of bare start-up.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 7
HEAVY = "import xlwings, pandas, openpyxl, docxtpl, matplotlib.pyplot"


def timed(code: str) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> int:
    bare = timed("pass")
    ours = timed("import doithoai.buttons")
    heavy = timed(f"import doithoai.buttons; {HEAVY}")
    print(f"python start-up: {bare * 1000:.0f} ms")
    print(f"import doithoai.buttons: {ours * 1000:.0f} ms ({(ours - bare) * 1000:.0f} ms above start-up; goal: under 50 ms)")
    print(f"baseline, libraries imported at the top: {heavy * 1000:.0f} ms")
    print(f"ratio: {heavy / ours:.1f}x faster to the start of the job")
    return 0 if ours - bare < 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
