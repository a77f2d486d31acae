"""A new workbook for the office: the jobs behind `doithoai new` (and anything else that makes one).

`new_workbook`: the blank template. `new_from`: built from a preset (`presets.py`) and/or the previous conference's
workbook (`carry.py`). Both build under a temporary name and give the result its name only if nothing has taken it
meanwhile (`io.files.atomic_create`): a workbook saved at PATH while the new one was built is never replaced.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..core.errors import UnusableFile


def new_workbook(path: Path) -> Path:
    """Copy the template to `path` and connect its buttons to this Python; never replaces an existing file."""
    from ..book.xlwings_conf import this_machine, write_conf
    from ..core.resources import workbook_template
    from ..io.files import atomic_create

    path = target_path(path)
    # Copied to a temporary name first: a half-made workbook never carries the final name.
    def make(temp: Path) -> None:
        shutil.copyfile(workbook_template(), temp)
        write_conf(temp, this_machine(), backup=False)

    atomic_create(path, make)  # a file saved at `path` meanwhile is never replaced
    return path


def target_path(path: Path) -> Path:
    path = Path(path)
    if path.suffix == "":
        path = path.with_suffix(".xlsm")
    if path.suffix.lower() != ".xlsm":
        raise UnusableFile(f"Tên tệp “{path.name}” phải có đuôi .xlsm (sổ có nút bấm chạy macro).")
    if os.path.lexists(path):  # a file, a folder, or a link (even one whose target is gone)
        raise UnusableFile(f"Tệp “{path}” đã có; không ghi đè. Hãy chọn tên khác.")
    if not path.parent.exists():
        raise UnusableFile(f"Không có thư mục “{path.parent}”.")
    return path


def new_from(path: Path, *, preset: str | None = None, previous: Path | None = None) -> tuple[Path, list[str]]:
    """A new workbook built from a preset and/or the previous conference's workbook; lines saying what it holds.

    Everything is read and checked before anything is written; the file appears whole or not at all.
    """
    from ..book.builder import build_workbook
    from ..book.controls import BUTTONS
    from ..book.xlwings_conf import this_machine
    from ..core.resources import vba_project
    from ..io.files import atomic_create

    path = target_path(path)
    data: dict = {"settings": {}, "lists": {}, "tables": {}, "calendar": []}
    lines: list[str] = []
    if preset:
        from .presets import find, load

        loaded = load(preset)
        for part in ("settings", "lists", "tables"):
            data[part].update(loaded[part])
        lines.append(f"Theo mẫu sổ “{find(preset).stem}”.")
    if previous is not None:
        from ..domain.carry import carry_over
        from ..io.access import FileWorkbook

        old = FileWorkbook(Path(previous)).read()
        carried = carry_over(old, Path(previous).name)
        data["settings"].update(carried["settings"])
        data["lists"].update(carried["lists"])
        data["tables"].update({k: v for k, v in carried["tables"].items() if v is not None or k not in data["tables"]})
        data["calendar"] = carried["calendar"]
        tables = carried["tables"]
        lines.append(f"Từ sổ “{Path(previous).name}”: {len(tables['dai_bieu'])} đại biểu, {len(tables['kien_nghi'])} kiến nghị "
                     f"còn mở (nguồn “Kỳ trước”, giữ mã cũ), {len(tables['phan_cong'])} phân công chưa xong; văn bản trả lời "
                     f"đánh số tiếp từ số {carried['settings']['so_tra_loi_tiep_theo']}.")
        lines.append("Hãy nhập ngày tổ chức hội nghị mới và số các văn bản (lấy từ sổ đăng ký văn bản đi) ở trang Kế hoạch.")
        lines.extend(carried.get("notes", ()))
        lines.extend(_long_lists(data["lists"]))
    project, conf = vba_project(), this_machine()
    atomic_create(path, lambda temp: build_workbook(temp, data=data, vba_project=project, buttons=BUTTONS, conf=conf))
    return path, lines


def _long_lists(lists: dict) -> list[str]:
    """Lines for lists longer than the dropdowns reach: every value is kept on `Danh mục`, the dropdown shows the first."""
    from ..book.builder import LIST_LAST_ROW
    from ..core import schema

    room = LIST_LAST_ROW - 1
    return [f"Danh sách “{lookup.header}” có {len(lists[lookup.key])} giá trị; tất cả được giữ ở trang {schema.LISTS_SHEET}, "
            f"nhưng ô chọn chỉ hiện {room} giá trị đầu." for lookup in schema.LISTS if len(lists.get(lookup.key) or ()) > room]
