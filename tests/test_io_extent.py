"""A stray value far from the table must not make the reader allocate the whole sheet's grid.

The read runs in a subprocess under an address-space limit (`resource.setrlimit`): before the fix,
python-calamine asked for 512 GB on `Kiến nghị!XFD1048576` and the process aborted.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from doithoai.core import schema
from doithoai.io import extent
from doithoai.io.reader import read_book

LIMIT = 1536 * 1024 * 1024  # bytes of address space for the reading process

_READ = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from doithoai.io.reader import read_book
book = read_book(sys.argv[1])
print(json.dumps({{"petitions": len(book.petitions), "last": book.petitions.records[-1].values.get("ma_kien_nghi"),
                  "delegates": len(book.delegates)}}))
"""


def _with_stray(demo_path: Path, target: Path, cells: dict[str, object]) -> Path:
    shutil.copyfile(demo_path, target)
    workbook = openpyxl.load_workbook(target, keep_vba=True)
    sheet = workbook[schema.PETITIONS.name]
    for address, value in cells.items():
        sheet[address] = value
    workbook.save(target)
    return target


def _read_limited(path: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", _READ.format(limit=LIMIT), str(path)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize("stray", ["XFD1048576", "XFD5000", "A1048576", "ZZ200000"])
def test_a_far_stray_value_is_read_under_a_memory_limit(tmp_path, demo_path, stray):
    expected = read_book(demo_path)
    book = _with_stray(demo_path, tmp_path / "so.xlsm", {stray: "lạc chỗ"})
    read = _read_limited(book)
    assert read["petitions"] == len(expected.petitions) and read["delegates"] == len(expected.delegates)
    assert read["last"] == expected.petitions.records[-1]["ma_kien_nghi"]


def test_an_error_value_far_away_does_not_grow_the_rows(tmp_path, demo_path):
    book = _with_stray(demo_path, tmp_path / "so.xlsm", {"XFD1048576": "=1/0"})
    assert _read_limited(book)["petitions"] == len(read_book(demo_path).petitions)


def test_a_normal_workbook_is_read_as_is(demo_path):
    from doithoai.io.errorcells import sheet_parts

    assert extent.bounded_package(demo_path) is None
    import zipfile

    with zipfile.ZipFile(demo_path) as archive:
        xml = archive.read(sheet_parts(archive)[schema.PETITIONS.name])
    assert extent.trim(xml).count(b"<c ") == xml.count(b"<c ")  # nothing near the table is ever dropped


def test_trim_keeps_the_table_and_drops_what_lies_beyond_the_gaps():
    cells = "".join(f'<c r="{c}{r}" t="inlineStr"><is><t>{c}{r}</t></is></c>' for r in (1, 2, 3) for c in ("A", "B", "C"))
    far = '<c r="XFD1048576" s="1"/><c r="A90000"><v>1</v></c><c r="DZ2"><v>2</v></c>'
    xml = f'<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1">{cells}{far}</row></sheetData></worksheet>'
    trimmed = extent.trim(xml.encode()).decode()
    assert '<dimension ref="A1:C3"' in trimmed and trimmed.count("<c ") == 9
    assert "XFD" not in trimmed.split("</dimension>")[-1].replace('ref="A1:C3"', "")
