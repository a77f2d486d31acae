"""Build `workbook/doithoai.xlsm`, the template, from the schema and the buttons' VBA.

    python scripts/build_workbook.py          # write workbook/doithoai.xlsm
    python scripts/build_workbook.py --check  # exit 1 if the committed file differs from a fresh build

The build is reproducible (fixed timestamps), so the committed workbook must equal a fresh build.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "workbook" / "doithoai.xlsm"


def stock_vba_project() -> bytes:
    """xlwings' own standalone VBA project, unmodified (no buttons): the fallback before `doithoai.vba` exists."""
    import zipfile

    import xlwings

    with zipfile.ZipFile(Path(xlwings.__file__).parent / "quickstart_standalone.xlsm") as archive:
        return archive.read("xl/vbaProject.bin")


def build() -> bytes:
    from doithoai.template import build_workbook

    try:
        from doithoai import controls, vba
    except ImportError:
        vba_project, buttons = stock_vba_project(), ()
    else:
        vba_project, buttons = vba.build_vba_project(), controls.BUTTONS
    buffer = io.BytesIO()
    build_workbook(buffer, vba_project=vba_project, buttons=buttons)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed workbook instead of writing")
    args = parser.parse_args()
    data = build()
    if args.check:
        if not TARGET.exists() or TARGET.read_bytes() != data:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python scripts/build_workbook.py and commit it.", file=sys.stderr)
            return 1
        print(f"{TARGET.relative_to(ROOT)} is up to date.")
        return 0
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_bytes(data)
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
