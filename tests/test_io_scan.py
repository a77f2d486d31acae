"""The reader's one pass over the package (`io.scan`): it refuses exactly what `zipfile`'s own test refuses.

The pass reads members straight from the file's bytes instead of through `ZipFile.read`; these tests hold it to
`ZipFile.testzip` as the oracle, on hand-made damage and on damage nobody thought of (hypothesis).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doithoai.core.errors import UnusableFile
from doithoai.io.errorcells import sheet_parts
from doithoai.io.reader import read_book
from doithoai.io.scan import Package, check_workbook_file


def _zipfile_verdict(path: Path) -> bool:
    """The oracle: True when zipfile's own test finds every member sound and the workbook part and the workbook's
    relationships are there (without them no sheet can be found). Any error zipfile raises on the way is a no."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None or "xl/workbook.xml" not in archive.namelist():
                return False
            sheet_parts(archive)
    except Exception:  # BadZipFile, zlib.error, NotImplementedError, KeyError…: a damaged package
        return False
    return True


def _scan_verdict(path: Path) -> bool:
    """The reader's and the writer's test (`scan.check_workbook_file`: the package's test behind the path checks)."""
    try:
        check_workbook_file(path)
    except UnusableFile:
        return False
    return True


def _member_span(data: bytes, member: str) -> tuple[int, int]:
    """(start, end) of a member's compressed bytes in the package."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    return start, start + info.compress_size


@pytest.mark.parametrize("member", ["xl/worksheets/sheet3.xml", "xl/styles.xml", "xl/vbaProject.bin", "docProps/app.xml"])
def test_a_damaged_member_is_refused_before_anything_is_read(tmp_path, template_path, member):
    data = bytearray(template_path.read_bytes())
    start, end = _member_span(bytes(data), member)
    data[(start + end) // 2] ^= 0x55
    broken = tmp_path / "hong.xlsm"
    broken.write_bytes(bytes(data))
    assert not _zipfile_verdict(broken)
    with pytest.raises(UnusableFile, match="bị hỏng hoặc không phải tệp Excel"):
        read_book(broken)


def test_stored_and_other_methods_are_tested_too(tmp_path, template_path):
    """Stored members are tested on the fast path, other methods through zipfile; a stored package reads as the
    original (calamine itself reads only stored and deflated members, as Excel writes them)."""
    original = read_book(template_path)
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2):
        copy = tmp_path / f"copy-{method}.xlsm"
        with zipfile.ZipFile(template_path) as source, zipfile.ZipFile(copy, "w", method) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info), compress_type=method)
        assert _scan_verdict(copy) and _zipfile_verdict(copy)
        if method == zipfile.ZIP_STORED:
            assert read_book(copy).settings == original.settings


def test_a_stored_member_with_a_changed_byte_is_refused(tmp_path, template_path):
    copy = tmp_path / "stored.xlsm"
    with zipfile.ZipFile(template_path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    data = bytearray(copy.read_bytes())
    start, end = _member_span(bytes(data), "xl/workbook.xml")
    data[start + 10] ^= 0x01
    copy.write_bytes(bytes(data))
    assert not _scan_verdict(copy)
    assert not _zipfile_verdict(copy)


def test_sizes_come_from_the_first_bytes_of_each_sheet(tmp_path, demo_path):
    package = Package(demo_path)
    assert package.unsized(package.parts) == set()  # every sheet of the demo declares a sane used range
    huge = tmp_path / "huge.xlsm"
    with zipfile.ZipFile(demo_path) as source, zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == package.parts["Kiến nghị"]:
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data, count=1)
            if info.filename == package.parts["Phân công"]:
                data = re.sub(rb'<dimension ref="[^"]*"/>', b"", data, count=1)
            target.writestr(info, data)
    assert Package(huge).unsized(Package(huge).parts) == {"Kiến nghị", "Phân công"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.floats(min_value=0, max_value=1, exclude_max=True), flip=st.integers(min_value=1, max_value=255))
def test_same_verdict_as_zipfile_for_any_changed_byte(tmp_path, template_path, position, flip):
    data = bytearray(template_path.read_bytes())
    index = int(position * len(data))
    data[index] ^= flip
    path = tmp_path / "changed.xlsm"
    path.write_bytes(bytes(data))
    assert _scan_verdict(path) == _zipfile_verdict(path), f"byte {index} of {len(data)} xor {flip}"


def test_sheet_parts_whatever_order_each_writer_puts_attributes_in():
    """Excel writes Id before Target; the package writer's added sheets and some other tools put Target first. One
    relationship in each order in the same part (which once left a sheet without its part)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets>'
                         '<sheet name="Kế hoạch" sheetId="1" r:id="rId1"/>'
                         '<sheet r:id="rId2" sheetId="2" name="Kiểm tra &amp; sửa"/>'
                         '<sheet name="Không có" sheetId="3" r:id="rId9"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", '<Relationships>'
                         '<Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>'
                         '<Relationship Target="/xl/worksheets/sheet2.xml" Type="t/worksheet" Id="rId2"/>'
                         '</Relationships>')
    with zipfile.ZipFile(buffer) as archive:
        assert sheet_parts(archive) == {"Kế hoạch": "xl/worksheets/sheet1.xml", "Kiểm tra & sửa": "xl/worksheets/sheet2.xml"}
