"""Helpers for the patch-writer tests: workbook packages as other tools write them, made by rewriting the members of
a real workbook (a prefix on every element like .NET tools, rows and cells without `r`, a calcChain, rich text…)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def raw_members(path: Path) -> dict[str, bytes]:
    """Each member's compressed bytes as stored (to prove a member was copied, not recompressed)."""
    found = {}
    with zipfile.ZipFile(path) as archive, open(path, "rb") as handle:
        for info in archive.infolist():
            handle.seek(info.header_offset)
            header = handle.read(30)
            skip = int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
            handle.seek(info.header_offset + 30 + skip)
            found[info.filename] = handle.read(info.compress_size)
    return found


def rewrite(path: Path, changes: dict[str, Callable[[bytes], bytes] | bytes | None]) -> None:
    """Rewrite members in place: a function of the old bytes, new bytes, or None to remove; new names are added."""
    old = members(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in old.items():
            change = changes.get(name, data)
            if change is None:
                continue
            archive.writestr(name, change(data) if callable(change) else change)
        for name, data in changes.items():
            if name not in old and isinstance(data, bytes):
                archive.writestr(name, data)


def sheet_part(path: Path, sheet: str) -> str:
    from doithoai.io.errorcells import sheet_parts

    with zipfile.ZipFile(path) as archive:
        return sheet_parts(archive)[sheet]


def prefixed(xml: bytes, prefix: str = "x") -> bytes:
    """The same part with the spreadsheet namespace bound to `prefix` on every element (as .NET's Open XML SDK does)."""
    text = xml.decode("utf-8")
    text = text.replace(f'xmlns="{MAIN}"', f'xmlns:{prefix}="{MAIN}"')
    text = re.sub(r"<(/?)([A-Za-z][\w.]*)(?=[\s/>])", lambda m: f"<{m.group(1)}{prefix}:{m.group(2)}", text)
    return text.encode("utf-8")


def without_positions(xml: bytes) -> bytes:
    """Rows and cells without `r` where it is one after the previous one (allowed by the schema; some tools do it)."""
    text = xml.decode("utf-8")
    out = []
    previous_row = 0
    previous_column = 0
    for piece in re.split(r"(<(?:\w+:)?(?:row|c)\b[^>]*>)", text):
        row = re.match(r'<(?:\w+:)?row\b[^>]*\br="(\d+)"', piece)
        cell = re.match(r'<(?:\w+:)?c\b[^>]*\br="([A-Z]+)(\d+)"', piece)
        if row:
            number = int(row.group(1))
            if number == previous_row + 1:
                piece = re.sub(r'\sr="\d+"', "", piece, count=1)
            previous_row, previous_column = number, 0
        elif cell:
            column = 0
            for char in cell.group(1):
                column = column * 26 + ord(char) - 64
            if column == previous_column + 1:
                piece = re.sub(r'\sr="[A-Z]+\d+"', "", piece, count=1)
            previous_column = column
        out.append(piece)
    return "".join(out).encode("utf-8")
