"""Plain data passed between the layers: what a workbook holds, and what a job wants written back.

Readers (calamine, xlwings) produce a `BookData`; domain logic reads it and returns plain results and a
`ChangeSet`; writers (the file patcher `io.xlsxpatch`, xlwings) apply the `ChangeSet`. Nothing here touches a file or Excel.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from .schema import TableSheet


def column_letter(index: int) -> str:
    """1 -> "A", 28 -> "AB"."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_address(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


def quoted_sheet(name: str) -> str:
    """A sheet name as a formula or reference spells it: "'Phiếu đăng ký'" (quotes always, inner ' doubled)."""
    return "'" + name.replace("'", "''") + "'"



# -- what a check found: one problem, at one cell, in one Vietnamese sentence ---------------------------
# The validator, the deadline engine and any other job that points a person at a cell use this type, so the
# `Kiểm tra` sheet, the JSON output and the marks treat them all alike.

ERROR = "error"  # must be corrected before anything leaves the office (exit status 1)
WARNING = "warning"  # worth a look; may be right as it is
SEVERITIES = (ERROR, WARNING)
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo"}


@dataclass(frozen=True)
class Finding:
    sheet: str  # sheet name as the schema spells it
    row: int | None  # Excel row number; None when the problem has no row (a missing setting row)
    column: str  # the column header (or, on `Kế hoạch`, the setting's label)
    cell: str  # "E12"; "" when there is no cell to point at
    severity: str  # ERROR or WARNING
    code: str  # stable ASCII code, e.g. "not_in_list"
    message: str  # one Vietnamese sentence: what is wrong and what to do

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


@dataclass(frozen=True)
class CellError:
    """An Excel error value such as #N/A or #DIV/0! found in a cell."""

    code: str

    def __str__(self) -> str:
        return self.code


EXCEL_ERRORS = frozenset({"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!",
                          "#CALC!"})


@dataclass
class Record:
    """One data row of a table sheet. `row` is the Excel row number; `values` maps column keys to values.

    Values are NFC text, `datetime.date`, int, float, bool, `CellError` or None (blank). A value that should
    have been a date but could not be read as one stays as the text the person typed, for the validator.
    """

    row: int
    values: dict[str, Any]
    # What the person typed, for the few cells reading turned into different text (NFD text made NFC, a
    # phone or a year stored as a number made text): the validator and the safe fixes need it.
    raw: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        return default if value is None else value


@dataclass
class Table:
    spec: TableSheet
    columns: dict[str, int]  # column key -> 1-based Excel column index, as found in the header row
    records: list[Record] = field(default_factory=list)
    extra_headers: dict[str, int] = field(default_factory=dict)  # headers the schema does not know
    last_row: int = 0  # last Excel row of the table's area (header row when empty)

    @property
    def name(self) -> str:
        return self.spec.name

    def address(self, key: str, row: int) -> str:
        return cell_address(row, self.columns[key])

    def header(self, key: str) -> str:
        return self.spec.column(key).header

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


@dataclass
class BookData:
    """Everything read from one workbook."""

    source: str  # file name or the Excel book's name, for messages
    settings: dict[str, Any]  # setting key -> value (typed like table values)
    settings_rows: dict[str, int]  # setting key -> Excel row on `Kế hoạch` (value in column B)
    tables: dict[str, Table]  # TableSheet.key -> Table
    lists: dict[str, tuple[str, ...]]  # LookupList.key -> the workbook's own values
    calendar: Table  # the office's extra days off and make-up working days on `Danh mục`
    sheet_names: tuple[str, ...] = ()
    conference: Any = None  # `io.conference_sheet.ConferenceDay` when the workbook has the secretary's sheet

    def table(self, key: str) -> Table:
        return self.tables[key]

    @property
    def delegates(self) -> Table:
        return self.tables["dai_bieu"]

    @property
    def slips(self) -> Table:
        return self.tables["phieu"]

    @property
    def petitions(self) -> Table:
        return self.tables["kien_nghi"]

    @property
    def assignments(self) -> Table:
        return self.tables["phan_cong"]

    @property
    def programme(self) -> Table:
        """`Chương trình`; empty (no columns) in a workbook made before the sheet existed."""
        return self.tables["chuong_trinh"]

    @property
    def milestones(self) -> Table:
        return self.tables["moc_thoi_gian"]


# --------------------------------------------------------------------------------------------------
# What a job asks a writer to do. Backend-neutral: the file writer (io.xlsxpatch) and the xlwings writer both
# apply it.


@dataclass(frozen=True)
class CellWrite:
    sheet: str
    row: int
    column: int  # 1-based
    value: Any
    number_format: str | None = None

    @property
    def address(self) -> str:
        return cell_address(self.row, self.column)


@dataclass
class SheetWrite:
    """Replace (or create) a whole report sheet the tool owns, such as `Kiểm tra`."""

    name: str
    rows: list[list[Any]]  # first row is the header
    widths: list[float] = field(default_factory=list)
    links: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) 1-based -> "'Sheet'!E12"
    after: str | None = None  # place it after this sheet (default: last)
    hidden: bool = False  # very hidden: a record the tool keeps for itself (`owned_sheet`), never shown in Excel
    # Columns (1-based) whose cells always wrap, top-aligned, those a person types in later included (the secretary's
    # answers): the column itself carries the format.
    wrap_columns: tuple[int, ...] = ()


@dataclass(frozen=True)
class ConditionalFormat:
    """A formula-based conditional format the tool owns. `tag` identifies it so a re-run replaces it."""

    sheet: str
    ref: str  # "A2:H200"
    formula: str  # relative to the top-left cell of ref, without "="
    fill: str  # "FFC7CE"
    tag: str  # e.g. "doithoai-deadline-overdue"
    font_color: str | None = None


@dataclass(frozen=True)
class RowWrite:
    """A new record in an empty row just below a table sheet's records (petitions brought in from outside).

    The writers refuse a row that holds anything, copy the formats of the row above and stretch the sheet's
    Excel table over it, so a new row looks and filters like the ones the office typed.
    """

    sheet: str
    row: int
    values: tuple[tuple[int, Any], ...]  # (1-based column, value)


@dataclass
class ChangeSet:
    cells: list[CellWrite] = field(default_factory=list)
    rows: list[RowWrite] = field(default_factory=list)
    sheets: list[SheetWrite] = field(default_factory=list)
    # Cells to mark as having problems, by sheet. None: leave marks alone. A dict (even empty): clear the
    # previous run's marks everywhere, then mark these.
    marks: dict[str, list[str]] | None = None
    formats: list[ConditionalFormat] = field(default_factory=list)
    # Cells a person typed that this job may change (safe fixes, imported notes); everything else in
    # `cells` must land in a computed column.
    allow_user_cells: bool = False

    def __bool__(self) -> bool:
        return bool(self.cells or self.rows or self.sheets or self.marks is not None or self.formats)
