"""A sheet the tool writes and a person then types into: writing it again merges, never replaces what was typed.

Used by the secretary's sheet (`conference.py`); any tool-written sheet a person may type into can use it. Pure: rows
in, a plan out; nothing here touches a file.

How the tool knows what it wrote (decision): beside the sheet it keeps a *record* sheet, very hidden (the office never
sees it, Excel keeps it through every save; only VBA can show it), named by the schema (the secretary's sheet's:
`schema.CONFERENCE_RECORD_SHEET`). Its first row marks it
as the tool's (`MARK`, the version, the sheet's name); every other row is one non-blank cell the tool wrote: its
row, its column and a 16-hex-digit digest (SHA-256) of its text as read back. Digests, not the text: the record holds no
personal data and no cell is ever near Excel's limit. The record sheet is also the marker of ownership: a sheet of that
name without a record is the office's own, and is never written (`NotOurs`).

Writing again is a three-way merge, row by row, between what the tool wrote last (the record), what the sheet holds
now, and what the tool would write now:
- a row nobody typed into (it holds exactly what the tool wrote) takes the new values;
- a row the tool would write as before is left as it is, whatever a person typed there (title, times, "Không", a
  cleared or renumbered order, notes beside or below the grid);
- a row a person typed into *and* the tool would now write differently is a conflict: nothing is written, and the
  refusal names the cells (a row is one unit: a speaker's answer must not end up beside another speaker's name).
When nobody typed anything at all the sheet is replaced whole, as it was the first time.

Comparing "as read back": a value's text the way the writer stores it (`core.text.clean_text`: the control characters
the file format cannot hold dropped, text over Excel's cell limit cut visibly) and the way the reader gives it back
(numbers without ".0", NFC, single spaces, trimmed lines): `canonical`. So "08:00" typed again as a time, or a number
typed again as 1.0, is still what the tool wrote.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import DoithoaiError, ExitStatus
from ..core.model import CellWrite, SheetWrite, cell_address
from ..core.text import EXCEL_CELL_LIMIT, cell_text, clean_text

MARK = "doithoai: ô phần mềm đã ghi"  # A1 of a record sheet
VERSION = 1
SHOWN = 12  # rows named in a refusal


def fit(value: Any) -> Any:
    """A value as the writer stores it: text without the characters an .xlsx cannot hold, cut visibly to Excel's
    limit (what `io.xlsxpatch.sheetxml` does with a whole sheet's text)."""
    if isinstance(value, str):
        if len(value) > EXCEL_CELL_LIMIT:
            value = value[: EXCEL_CELL_LIMIT - 1] + "…"
        return clean_text(value)
    return value


def canonical(value: Any) -> str:
    """A cell's text as the writer will store it and the reader give it back: `cell_text` of what `fit` keeps ("" for a
    blank; control characters the file cannot hold dropped, NFC, single spaces). What a run compares with the next."""
    return cell_text(fit(value))


def digest(value: Any) -> str:
    """The record's digest of a cell ("" for a blank cell)."""
    text = canonical(value)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16] if text else ""


Grid = dict[tuple[int, int], str]  # (row, column), 1-based -> digest of a non-blank cell


def grid(rows: Sequence[Sequence[Any]]) -> Grid:
    found: Grid = {}
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            mark = digest(value)
            if mark:
                found[(r, c)] = mark
    return found


def record_rows(sheet: str, rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """The record sheet's rows for `rows` as the tool writes them."""
    return [[MARK, VERSION, sheet]] + [[r, c, mark] for (r, c), mark in sorted(grid(rows).items())]


def read_record(rows: Sequence[Sequence[Any]] | None) -> Grid | None:
    """The digests a record sheet holds; None when it is no record of ours."""
    from ..core.values import whole_number

    if not rows or not rows[0] or rows[0][0] != MARK:
        return None
    found: Grid = {}
    for row in rows[1:]:
        if len(row) < 3 or not isinstance(row[2], str) or not row[2]:
            continue
        r, c = whole_number(row[0]), whole_number(row[1])
        if r is not None and c is not None and r > 0 and c > 0:
            found[(r, c)] = row[2]
    return found


@dataclass
class Conflict:
    row: int
    typed: list[tuple[str, str]]  # (address, what is there now) of the cells a person changed
    wanted: list[tuple[str, str]]  # (address, what the tool would write) of the cells the tool would change


@dataclass
class MergePlan:
    """What writing `new` over the sheet comes to. `replace`: write the whole sheet (nobody typed into it);
    otherwise `cells` are the writes (may be empty: nothing to change)."""

    replace: bool
    cells: list[CellWrite] = field(default_factory=list)
    kept_rows: list[int] = field(default_factory=list)  # rows a person typed into, left as they are
    conflicts: list[Conflict] = field(default_factory=list)


def _short(value: Any, limit: int = 40) -> str:
    text = " ".join(canonical(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plan_merge(sheet: str, current: Sequence[Sequence[Any]], record: Grid, new: Sequence[Sequence[Any]]) -> MergePlan:
    """The three-way merge of the module docstring."""
    now = grid(current)
    wanted = grid(new)
    if now == record:
        return MergePlan(replace=True)
    plan = MergePlan(replace=False)
    rows = {r for r, _ in now} | {r for r, _ in record} | {r for r, _ in wanted}
    by_row: dict[int, tuple[dict[int, str], dict[int, str], dict[int, str]]] = {r: ({}, {}, {}) for r in rows}
    for source, index in ((record, 0), (now, 1), (wanted, 2)):
        for (r, c), mark in source.items():
            by_row[r][index][c] = mark
    for r in sorted(rows):
        old, cur, new_row = by_row[r]
        if cur == new_row:  # already what the tool would write (typed so, or nothing to change)
            continue
        if new_row == old:
            if cur != old:
                plan.kept_rows.append(r)
            continue
        changed = sorted(c for c in set(old) | set(new_row) if old.get(c) != new_row.get(c))
        if cur == old:
            for c in changed:
                if cur.get(c) != new_row.get(c):
                    value = new[r - 1][c - 1] if r <= len(new) and c <= len(new[r - 1]) else None
                    plan.cells.append(CellWrite(sheet, r, c, fit(value) if digest(value) else None))
            continue
        typed = sorted(c for c in set(old) | set(cur) if old.get(c) != cur.get(c))
        plan.conflicts.append(Conflict(
            r,
            [(cell_address(r, c), _short(_at(current, r, c))) for c in typed],
            [(cell_address(r, c), _short(_at(new, r, c))) for c in changed],
        ))
    return plan


def _at(rows: Sequence[Sequence[Any]], r: int, c: int) -> Any:
    return rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else None


class NotOurs(DoithoaiError):
    def __init__(self, sheet: str) -> None:
        super().__init__(
            f"Sổ đã có trang “{sheet}” nhưng đó không phải trang phần mềm đã ghi (trang của văn phòng, hoặc trang do phiên bản "
            f"cũ tạo rồi đã được sửa): phần mềm không ghi đè lên nó; chưa có gì bị ghi. Muốn phần mềm chuẩn bị trang mới, hãy "
            f"đổi tên trang đó (ví dụ “{sheet[:24]} (cũ)”) rồi chạy lại.",
            status=ExitStatus.DATA_ERRORS,
        )


def conflict_error(sheet: str, conflicts: list[Conflict]) -> DoithoaiError:
    """The refusal naming the cells a person typed that the tool would need to write."""
    lines = []
    for conflict in conflicts[:SHOWN]:
        typed = ", ".join(f"{a} (“{v}”)" if v else f"{a} (đã xóa)" for a, v in conflict.typed)
        wanted = ", ".join(f"{a} (“{v}”)" if v else f"{a} (để trống)" for a, v in conflict.wanted)
        lines.append(f"- dòng {conflict.row}: đã ghi {typed}; phần mềm cần ghi {wanted}")
    more = [f"- … và {len(conflicts) - SHOWN} dòng khác."] if len(conflicts) > SHOWN else []
    return DoithoaiError(
        "\n".join([
            f"Trang “{sheet}” có ô đã được ghi tay ở đúng những dòng phần mềm cần ghi nội dung mới, nên phần mềm không ghi đè; "
            "chưa có gì bị ghi:",
            *lines,
            *more,
            "Hãy tự sửa những ô đó cho đúng, hoặc đổi tên trang rồi chạy lại để phần mềm chuẩn bị trang mới.",
        ]),
        status=ExitStatus.DATA_ERRORS,
    )


def record_write(record_sheet: str, sheet: str, rows: Sequence[Sequence[Any]]) -> SheetWrite:
    """The record sheet of `rows` written on `sheet`: very hidden, after every other sheet."""
    return SheetWrite(record_sheet, record_rows(sheet, rows), hidden=True)
