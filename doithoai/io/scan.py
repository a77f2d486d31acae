"""The reader's look at a workbook's package, besides python-calamine's.

`Package(path)` opens the package once (its bytes and central directory). Then:
- `unsized(names)`: the named sheets whose declared used range (`<dimension>`, in the first bytes of the
  sheet's XML) is too large to read as a grid, or missing: only those are looked at again, by
  `extent.bounded_package`, before calamine may read them. It costs a few kilobytes of inflating a sheet.
- `scan()`: every member read once, its checksum tested (what `ZipFile.testzip` does: a damaged workbook is
  refused), and the error cells of each sheet found (`errorcells`: calamine reports #N/A and the like as
  blanks). The reader runs it while calamine reads the sheets in its thread: inflating and calamine's parsing
  both run without the GIL.

Members are read straight from the file's bytes (offsets from the central directory, raw deflate, CRC-32)
rather than through `ZipFile.read`, whose per-member stream objects cost more than the decompression of a
ward's small parts; any member this fast path does not cover (encrypted, another compression method) goes
through `zipfile`. tests/test_io_scan.py holds both to `zipfile`'s verdict on any changed byte.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from .errorcells import ErrorCells, errors_in, sheet_parts
from .extent import MAX_CELLS, declared_cells
from .files import check_workbook_path, damaged

_LOCAL_HEADER = b"PK\x03\x04"
_NOT_PLAIN = 0x1 | 0x20 | 0x40  # encrypted, compressed patched data, strong encryption
_UTF8 = 0x800
_HEAD = 4096  # where a sheet declares its used range
# What a damaged package raises here. KeyError: the workbook's relationships part is gone (a name changed in the
# central directory); RuntimeError/NotImplementedError: zipfile on an encrypted member or an unknown method.
_DAMAGE = (zipfile.BadZipFile, OSError, EOFError, zlib.error, struct.error, RuntimeError, NotImplementedError, KeyError)


class Package:
    """A workbook's package, opened once; `UnusableFile` (damaged) when it is no zip or has no workbook part."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._data = path.read_bytes()
            self._archive = zipfile.ZipFile(io.BytesIO(self._data))
            self._infos = self._archive.infolist()
            self._by_name = {info.filename: info for info in self._infos}
            if "xl/workbook.xml" not in self._by_name:
                raise damaged(path)
            self.parts = sheet_parts(self._archive)  # sheet name -> part
            self._declared: dict[str, int | None] = {}  # sheet name -> cells its used range spans, once scanned
        except _DAMAGE as exc:
            raise damaged(path) from exc

    def unsized(self, names: Iterable[str]) -> set[str]:
        """The named sheets that declare no used range, or one above `extent.MAX_CELLS`."""
        found = set()
        try:
            for name in names:
                if name in self._declared:  # the scan has seen the whole sheet already
                    declared = self._declared[name]
                else:
                    info = self._by_name.get(self.parts.get(name, ""))
                    if info is None:
                        continue  # no such part: calamine says so when it reads the sheet
                    declared = declared_cells(self._head(info))
                if declared is None or declared > MAX_CELLS:
                    found.add(name)
        except _DAMAGE as exc:
            raise damaged(self.path) from exc
        return found

    def scan(self) -> ErrorCells:
        """Every member read and its checksum tested; the error cells of every sheet, by sheet name."""
        by_part = {part: name for name, part in self.parts.items()}
        errors: ErrorCells = {}
        try:
            for info in self._infos:
                content = self._member(info)
                name = by_part.get(info.filename)
                if name is not None:
                    self._declared[name] = declared_cells(content[:_HEAD])
                    found = errors_in(content)
                    if found is not None:
                        errors[name] = found
        except _DAMAGE as exc:
            raise damaged(self.path) from exc
        return errors

    def _raw(self, info: zipfile.ZipInfo) -> memoryview | None:
        """The member's stored bytes, or None when only zipfile can read it (encrypted, another method)."""
        if info.flag_bits & _NOT_PLAIN or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return None
        data, offset = self._data, info.header_offset
        if data[offset : offset + 4] != _LOCAL_HEADER:
            raise zipfile.BadZipFile(f"bad local header for {info.filename}")
        name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
        name = data[offset + 30 : offset + 30 + name_length]
        if name != info.orig_filename.encode("utf-8" if info.flag_bits & _UTF8 else "cp437"):
            raise zipfile.BadZipFile(f"file name in directory and header differ: {info.filename}")
        start = offset + 30 + name_length + extra_length
        return memoryview(data)[start : start + info.compress_size]

    def _head(self, info: zipfile.ZipInfo) -> bytes:
        raw = self._raw(info)
        if raw is None:
            with self._archive.open(info) as handle:
                return handle.read(_HEAD)
        if info.compress_type == zipfile.ZIP_DEFLATED:
            return zlib.decompressobj(-15).decompress(raw, _HEAD)
        return bytes(raw[:_HEAD])

    def _member(self, info: zipfile.ZipInfo) -> bytes:
        """The member's bytes, its checksum tested; `zipfile.BadZipFile` or `zlib.error` when it is damaged."""
        raw = self._raw(info)
        if raw is None:
            return self._archive.read(info)  # zipfile's own checks and errors
        # As zipfile reads a member: what the deflate data gives (a stream cut short is not an error in itself), at
        # most the declared size, then the checksum of that.
        content = zlib.decompressobj(-15).decompress(raw) if info.compress_type == zipfile.ZIP_DEFLATED else bytes(raw)
        if len(content) > info.file_size:
            content = content[: info.file_size]
        if zlib.crc32(content) != info.CRC:
            raise zipfile.BadZipFile(f"bad CRC-32 for {info.filename}")
        return content


def check_workbook_file(path: Path) -> Path:
    """Raise `UnusableFile` with one Vietnamese sentence unless `path` is a readable .xlsx/.xlsm (`files.check_workbook_path`),
    every member of its package passing its checksum (`Package.scan`: the reader's own test of the package, one
    definition of sound). The writer's test of a workbook before it writes."""
    path = check_workbook_path(path)
    Package(path).scan()
    return path
