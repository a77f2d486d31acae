"""Build `workbook/doithoai.xlsm`, the template, from the schema and the buttons' VBA.

    python scripts/build_workbook.py          # write workbook/doithoai.xlsm and macros/doithoai.bas
    python scripts/build_workbook.py --check  # exit 1 if a committed file differs from a fresh build
    python scripts/build_workbook.py --picture docs/workbook.png  # the README's picture (LibreOffice, poppler)

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
MACROS = ROOT / "macros" / "doithoai.bas"


def build() -> bytes:
    from doithoai.book import controls, vba
    from doithoai.book.builder import build_workbook

    buffer = io.BytesIO()
    build_workbook(buffer, vba_project=vba.build_vba_project(), buttons=controls.BUTTONS)
    return buffer.getvalue()


def macros_text() -> bytes:
    """`macros/doithoai.bas`: the VBA module's text as a developer reads and diffs it (the same text the workbook holds)."""
    from doithoai.book import vba

    return vba.module_source().encode("ascii")


def picture(target: Path, sheet: str = "Kiến nghị", resolution: int = 80) -> None:
    """A PNG of the first printed page of `sheet` in the sample conference, for the README.

    Needs LibreOffice (`soffice`) and poppler (`pdftotext`, `pdftoppm`). Each printed page carries its sheet
    name in the header, which is how the sheet's first page is found.
    """
    import shutil
    import subprocess
    import tempfile

    from doithoai.book.builder import build_workbook
    from doithoai.workflows.sample import sample_conference

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        book = work / "mau.xlsx"
        build_workbook(book, sample_conference())
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--convert-to", "pdf", "--outdir",
             str(work), str(book)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = work / "mau.pdf"
        page = 1
        while True:
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True)
            if text.returncode != 0:
                raise SystemExit(f"no page of {sheet!r} in the PDF")
            if text.stdout.strip().splitlines()[:1] == [sheet]:
                break
            page += 1
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-singlefile", "-png", "-r", str(resolution), str(pdf),
                        str(work / "page")], check=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "page.png", target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare a fresh build with the committed workbook instead of "
                        "writing")
    parser.add_argument("--output", type=Path, default=TARGET, help=f"where to write (default {TARGET.relative_to(ROOT)})")
    parser.add_argument("--picture", type=Path, metavar="PNG",
                        help="instead, draw the sample's `Kiến nghị` sheet (needs LibreOffice, poppler)")
    args = parser.parse_args(argv)
    if args.picture:
        picture(args.picture)
        print(f"wrote {args.picture}")
        return 0
    outputs = {args.output: build()}
    if args.output == TARGET:  # the developer's copy of the VBA module goes with the committed workbook
        outputs[MACROS] = macros_text()
    if args.check:
        stale = [target for target, data in outputs.items() if not target.exists() or target.read_bytes() != data]
        for target in stale:
            print(f"{target} is out of date: run python scripts/build_workbook.py and commit it.", file=sys.stderr)
        if not stale:
            print(f"{args.output} is up to date.")
        return 1 if stale else 0
    for target, data in outputs.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
