"""The rules every write into a workbook obeys, whoever writes it (the package patcher `io.xlsxpatch`, Excel through
`io.xlwings_access`, the writer's early checks in `io.writer`): which columns the tool may write, where a merged
range forbids a write, and the tag that finds the tool's own conditional formats again. Below every writer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..core import schema
from ..core.errors import UnusableFile
from ..core.keys import header_key
from ..core.model import CellWrite, cell_address

MARK_TAG = "doithoai-mark"
MARK_FILL = "FFC7CE"
MARK_FONT = "9C0006"


def tagged_formula(formula: str, tag: str) -> str:
    """A formula that carries its owner's tag: AND(x, ISTEXT("tag")) is x, and the tag finds it again."""
    return f'AND({formula},ISTEXT("{tag}"))'


def computed_columns(sheet_name: str, top_rows: Iterable[Iterable[Any]]) -> set[int]:
    """1-based columns of this sheet the tool may write: the schema's computed columns, found by header
    in the sheet's first rows (`top_rows`: rows of values, as any reader gives them)."""
    spec = schema.TABLES_BY_NAME.get(sheet_name)
    if spec is None:
        return set()
    computed = {header_key(c.header) for c in spec.columns if c.computed}
    return {index for row in top_rows for index, value in enumerate(row, 1) if header_key(value) in computed}


def refuse_rows_if_merged(sheet: str, rows: list[int], blocks: list[tuple[int, int, int, int]]) -> None:
    """Refuse new records (`model.RowWrite`) on rows a merged range covers, in any column: the merged cell would hide
    what is written there (Excel shows only a merged range's first cell)."""
    wanted = sorted(set(rows))
    for r1, c1, r2, c2 in blocks:
        hit = next((row for row in wanted if r1 <= row <= r2), None)
        if hit is not None:
            raise UnusableFile(
                f"Trang “{sheet}” có ô gộp {cell_address(r1, c1)}:{cell_address(r2, c2)} ở dòng {hit}, nơi phần mềm cần thêm "
                "dòng mới dưới dữ liệu: nội dung ghi vào đó sẽ bị ô gộp che mất. Hãy chọn vùng đó, bấm Trang đầu → Gộp và "
                "Căn giữa để bỏ gộp ô (hoặc chuyển nội dung đó đi chỗ khác), lưu sổ rồi chạy lại; chưa có gì bị ghi."
            )


def refuse_if_merged(write: CellWrite, blocks: list[tuple[int, int, int, int]]) -> None:
    """Refuse `write` when it lands in one of `blocks`, merged ranges as (first row, first column, last row, last
    column): the early check here and the package writer's own check at write time share it."""
    for r1, c1, r2, c2 in blocks:
        if r1 <= write.row <= r2 and c1 <= write.column <= c2:
            raise UnusableFile(
                f"Trang “{write.sheet}” có ô gộp {cell_address(r1, c1)}:{cell_address(r2, c2)} trùm lên ô {write.address}, "
                "nơi phần mềm cần ghi kết quả: hãy chọn vùng đó, bấm Trang đầu → Gộp và Căn giữa để bỏ gộp ô, lưu sổ rồi "
                "chạy lại; chưa có gì bị ghi."
            )
