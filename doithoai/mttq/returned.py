"""Reading the copy the committee sent back: its export id, its `Kiến nghị` rows; finding the newest one."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ..core.errors import DoithoaiError, UnusableFile
from ..core.keys import find_sheet, header_key
from ..core.model import Record, Table
from ..core.values import is_blank
from ..io.tables import parse_table
from .spec import COVER_SHEET, EXPORT_ID_LABEL, RETURN_FOLDER, SHARED_PETITIONS


def _copy_error(copy_name: str, reason: str) -> DoithoaiError:
    return DoithoaiError(f"Tệp “{copy_name}” không dùng được: {reason} Sổ chưa bị thay đổi.")


def _export_id_of(path: Path, sheets: dict[str, list[list[Any]]]) -> str | None:
    cover = find_sheet(list(sheets), COVER_SHEET)
    if cover is not None:
        wanted = header_key(EXPORT_ID_LABEL)
        for row in sheets[cover]:
            for index, cell in enumerate(row[:-1]):
                if header_key(cell) == wanted and not is_blank(row[index + 1]):
                    return str(row[index + 1]).strip()
    # The cover sheet deleted or re-made: the id is also in the document properties.
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    # Copies carry it as keywords (XlsxWriter); the first copies, written with openpyxl, as the identifier.
    for tag in ("cp:keywords", "dc:identifier"):
        match = re.search(rf"<{tag}[^>]*>\s*([^<]+?)\s*</{tag}>", core)
        if match and match.group(1).startswith("MTTQ-"):
            return match.group(1)
    return None


def read_copy(path: Path | str) -> tuple[str, list[Record], Table]:
    """(export id, the copy's `Kiến nghị` records, its table) or `DoithoaiError` when it is not a usable share copy."""
    from ..io.reader import read_sheets

    path = Path(path)
    try:
        sheets = read_sheets(path)
    except UnusableFile as exc:
        raise DoithoaiError(exc.message + " Sổ chưa bị thay đổi.") from exc
    export_id = _export_id_of(path, sheets)
    if not export_id:
        raise _copy_error(
            path.name,
            "đây không phải bản chia sẻ cho Ủy ban MTTQ do phần mềm tạo "
            f"(không thấy “{EXPORT_ID_LABEL}” ở trang “{COVER_SHEET}”).",
        )
    name = find_sheet(list(sheets), SHARED_PETITIONS.name)
    if name is None:
        raise _copy_error(path.name, f"không có trang “{SHARED_PETITIONS.name}” (trang này đã bị xóa hoặc đổi tên).")
    try:
        table = parse_table(SHARED_PETITIONS, sheets[name], source=path.name)
    except UnusableFile as exc:
        raise _copy_error(path.name, exc.message) from exc
    return export_id, table.records, table


def latest_returned_copy(folder: Path | str) -> Path:
    """The newest .xlsx in `<folder>/MTTQ gửi lại` (for the button), or `DoithoaiError` naming the folder."""
    inbox = Path(folder) / RETURN_FOLDER
    found = inbox.glob("*.xlsx") if inbox.is_dir() else ()
    candidates = [p for p in found if p.is_file() and not p.name.startswith(("~$", ".~lock."))]
    if not candidates:
        raise DoithoaiError(
            f"Chưa có bản chia sẻ nào trong thư mục “{inbox}”: hãy lưu tệp Ủy ban MTTQ gửi lại vào thư mục này rồi bấm lại."
        )
    return max(candidates, key=lambda p: p.stat().st_mtime)
