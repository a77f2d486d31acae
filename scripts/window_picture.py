"""Draw the README's picture of the window: `doithoai-app` on the sample workbook after "1. Kiểm tra dữ liệu".

    python scripts/window_picture.py [docs/app.png]

Needs Xvfb, xdotool and ImageMagick's `import` (apt-get install xvfb xdotool imagemagick).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    from doithoai.book.controls import BUTTONS
    from doithoai.workflows.demo import build_sample_workbook
    from tests.window_driver import Display, Window

    target = Path(argv[0]) if argv else ROOT / "docs" / "app.png"
    with tempfile.TemporaryDirectory() as folder, Display() as display:
        book = build_sample_workbook(Path(folder) / "doi-thoai-2026.xlsm")
        with Window(display, book) as window:
            window.press(BUTTONS[0].caption)
            target.parent.mkdir(parents=True, exist_ok=True)
            window.screenshot(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
