"""The secretary's sheet `Diễn biến hội nghị` as the workbook holds it: its layout (facts block, programme, speakers)
and `parse_sheet`, which reads it back as plain data (`ConferenceDay`) for the reader and the minutes. Preparing the
sheet and recording floor questions are `workflows.conference`; this module is the part the reader needs, below it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.keys import header_key, list_key
from ..core.text import cell_text
from ..core.values import whole_number
from .owned_sheet import Grid, grid, read_record

SHEET = schema.CONFERENCE_SHEET
RECORD_SHEET = schema.CONFERENCE_RECORD_SHEET
TITLE = "DIỄN BIẾN HỘI NGHỊ ĐỐI THOẠI (thư ký ghi trong hội nghị)"
HOW_TO = ("Phần mềm chuẩn bị trang này trước hội nghị; thư ký ghi trực tiếp vào đây. Người phát biểu được tính khi cột "
          "“Thứ tự” có số; người đăng ký nhưng không phát biểu: xóa số thứ tự. Người phát biểu tại hội trường: ghi vào các "
          "dòng trống (để trống Mã phiếu), rồi bấm nút ghi kiến nghị tại hội nghị.")
FLOOR_ROWS = 15
UNKNOWN_SPEAKER = "Không rõ người"  # the petitioner of a floor question whose speaker was not written down
_NO = list_key(schema.YES_NO[1])
# The facts block: (key, label). Values in column B.
FACTS: tuple[tuple[str, str], ...] = (
    ("ngay", "Ngày hội nghị"),
    ("dia_diem", "Địa điểm"),
    ("gio_khai_mac", "Giờ khai mạc"),
    ("gio_be_mac", "Giờ bế mạc"),
    ("chu_tri", "Chủ trì"),
    ("dong_chu_tri", "Đồng chủ trì"),
    ("thu_ky", "Thư ký"),
    ("ket_luan", "Kết luận của chủ trì"),
)
PROGRAMME_TITLE = "CHƯƠNG TRÌNH"
PROGRAMME: tuple[tuple[str, str], ...] = (("stt", "STT"), ("noi_dung", "Nội dung"), ("gio", "Thời gian"),
                                          ("nguoi", "Người thực hiện"), ("da_thuc_hien", "Đã thực hiện"))
SPEAKERS_TITLE = "NGƯỜI PHÁT BIỂU"
SPEAKERS: tuple[tuple[str, str], ...] = (
    ("thu_tu", "Thứ tự"),
    ("ho_ten", "Người phát biểu"),
    ("ma_phieu", "Mã phiếu"),
    ("dia_chi", "Địa chỉ, tổ dân phố"),
    ("linh_vuc", "Lĩnh vực"),
    ("cau_hoi", "Nội dung câu hỏi, ý kiến"),
    ("nguoi_tra_loi", "Người trả lời"),
    ("tra_loi", "Trả lời, kết luận của chủ trì"),
    ("ghi_chu", "Ghi chú"),
)
WIDTHS = [22, 40, 12, 24, 18, 60, 22, 60, 16]
# The columns the secretary writes sentences in (facts, names, addresses, questions, answers, notes): wrapped, so a long
# answer typed during the conference shows whole.
WRAP_COLUMNS = (2, 4, 6, 7, 8, 9)


@dataclass
class Speaker:
    order: int
    row: int  # Excel row on the sheet
    values: dict[str, str]

    @property
    def from_floor(self) -> bool:
        return not self.values.get("ma_phieu")


@dataclass
class ConferenceDay:
    facts: dict[str, Any]
    facts_rows: dict[str, int]
    programme: list[dict[str, str]] = field(default_factory=list)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # every non-blank speaker row
    cells: list[list[Any]] = field(default_factory=list)  # the sheet as read, row by row
    columns: dict[str, int] = field(default_factory=dict)  # speaker column key -> 1-based column on the sheet
    record: Grid | None = None  # what the tool wrote there last (`owned_sheet`); None: no record, not the tool's sheet

    @property
    def speakers(self) -> list[Speaker]:
        """Who spoke, in the order of `Thứ tự`."""
        found = []
        for row, values in self.rows:
            order = _number(values.get("thu_tu"))
            if order is not None and (values.get("ho_ten") or values.get("cau_hoi")):
                found.append(Speaker(order, row, values))
        return sorted(found, key=lambda s: (s.order, s.row))

    @property
    def held(self) -> list[dict[str, str]]:
        return [item for item in self.programme if list_key(item.get("da_thuc_hien")) != _NO and item.get("noi_dung")]

    def typed(self) -> bool:
        """Has anybody written on the sheet since the tool last wrote it (True when there is no record of that)?"""
        return self.record is None or grid(self.cells) != self.record


def _number(value: Any) -> int | None:
    """A speaker's order: a whole number, or one typed as "3" or "3." (the one number parser: "①", "²" are none)."""
    if isinstance(value, str):
        value = cell_text(value).rstrip(".")
    return whole_number(value)


def parse_sheet(rows: Sequence[Sequence[Any]], record: Sequence[Sequence[Any]] | None = None) -> ConferenceDay:
    """The secretary's sheet as plain data; labels and headers found by name, wherever they are. `record`: the rows of
    the tool's record sheet beside it, if any."""
    labels = {header_key(label): key for key, label in FACTS}
    facts: dict[str, Any] = {key: None for key, _ in FACTS}
    facts_rows: dict[str, int] = {}
    day = ConferenceDay(facts, facts_rows, cells=[list(row) for row in rows], record=read_record(record))
    section: tuple[str, dict[str, int]] | None = None
    programme_headers = {header_key(h): k for k, h in PROGRAMME}
    speaker_headers = {header_key(h): k for k, h in SPEAKERS}
    for index, row in enumerate(rows, 1):
        cells = [header_key(c) for c in row]
        if header_key(SPEAKERS[1][1]) in cells and header_key(SPEAKERS[0][1]) in cells:
            section = ("speakers", {speaker_headers[c]: i for i, c in enumerate(cells) if c in speaker_headers})
            day.columns = {key: i + 1 for key, i in section[1].items()}
            continue
        if header_key("Người thực hiện") in cells and header_key("Nội dung") in cells:
            section = ("programme", {programme_headers[c]: i for i, c in enumerate(cells) if c in programme_headers})
            continue
        key = labels.get(cells[0]) if cells else None
        if key is not None and key not in facts_rows:
            facts_rows[key] = index
            facts[key] = row[1] if len(row) > 1 else None
            continue
        if section is None or not any(cell_text(c) for c in row):
            continue
        kind, positions = section
        values = {k: cell_text(row[i]) if i < len(row) else "" for k, i in positions.items()}
        if kind == "programme":
            if values.get("noi_dung"):
                day.programme.append(values)
        else:
            day.rows.append((index, values))
    return day
