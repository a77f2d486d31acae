"""The conference day: the secretary's sheet `Diễn biến hội nghị`, and what was raised in the room.

Seeds 002-004 name a secretary who keeps the minutes. Before the conference `prepare_sheet` writes the
sheet from the workbook: the conference's facts (time, place, chair, co-chair, secretary, the chair's
conclusions), the programme (the same items as the agenda document), and the speakers in registered order
from `Phiếu đăng ký` with their question, then blank rows for people who speak from the floor. On the day
the secretary types who spoke in what order, the question and the chair's answer or conclusion.

The chair and co-chair start as the plan's people (`facts.planned_chairs`: name and title), so the sheet names the
same people as every document; a chair the secretary writes instead is who chaired for the minutes, the notice and
the report upward (`facts.who_chaired`).

Rules the secretary reads on the sheet itself: a row is a speaker when `Thứ tự` holds a number and the row
names a person or a question; speakers are taken in the order of that number (a registered speaker who did
not come: clear the number). A programme item is held unless `Đã thực hiện` says "Không".

`record_floor` turns the floor speakers (no `Mã phiếu`) into petitions with source "Tại hội nghị", the
chair's answer as the answer ("Trả lời tại hội nghị" when there is one); a second run adds nothing (the
same person, by `keys.name_key`, and words are already there: "Hoà" is "Hòa", but "Hùng" and "Hưng" asking the
same are two petitions). `parse_sheet` (pure) reads the sheet back for the minutes.

Preparing again never replaces what the secretary typed (`owned_sheet`: a three-way merge with what the tool wrote last,
kept in a very hidden record sheet `schema.CONFERENCE_RECORD_SHEET`): rows nobody typed into take the new values,
rows the tool would write as before keep whatever was typed (times, venue, chair, "Không", a cleared or renumbered
order, a rewritten question, notes in, beside and below the grid, the title), and a row typed into that the tool would
now write differently is refused (exit 1), naming the cells. A sheet of that name without the record is the office's
own (or was prepared by a version before the record) and is never written: the refusal says to rename it. A sheet
nobody typed into is replaced whole.

Floor questions are compared as they will be written (`owned_sheet.fit`, the writer's cleaning: control characters
the file cannot hold dropped), so the second run sees what the first wrote; a speaker whose name is blank, spaces or
control characters only is `UNKNOWN_SPEAKER`. Numbers in "Thứ tự" are read by `values.whole_number` ("①" or "²"
is no number). Text over Excel's cell limit is refused, naming the secretary's cell, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core import schema
from ..core.errors import DoithoaiError, ExitStatus
from ..core.keys import name_key
from ..core.model import BookData, ChangeSet, RowWrite, SheetWrite, cell_address
from ..core.text import EXCEL_CELL_LIMIT, cell_text, fold, thousands
from ..io.access import WorkbookAccess
from ..io.conference_sheet import (  # the sheet's layout and its reader, below the reader of the workbook
    FACTS,
    FLOOR_ROWS,
    HOW_TO,
    PROGRAMME,
    PROGRAMME_TITLE,
    RECORD_SHEET,
    SHEET,
    SPEAKERS,
    SPEAKERS_TITLE,
    TITLE,
    UNKNOWN_SPEAKER,
    WIDTHS,
    WRAP_COLUMNS,
    ConferenceDay,
    Speaker,
)
from ..io.owned_sheet import NotOurs, canonical, conflict_error, grid, plan_merge, record_write

# --------------------------------------------------------------------------------------------------
# Preparing the sheet before the conference


def sheet_rows(book: BookData, date: dt.date) -> list[list[Any]]:
    """The prepared sheet, row by row (row 1 is its title)."""
    from ..documents import context as ctx
    from ..documents.wording import short_date

    notes = ctx.Notes()
    agenda = ctx.agenda_context(book, date, notes)
    s = book.settings
    facts = {
        "ngay": short_date(ctx.parse_date(s.get("ngay_hoi_nghi"))),
        "dia_diem": cell_text(s.get("dia_diem")),
        "gio_khai_mac": cell_text(s.get("gio_bat_dau")) or "08:00",
        "gio_be_mac": cell_text(s.get("gio_ket_thuc")),
        **prepared_chairs(book),
    }
    rows: list[list[Any]] = [[TITLE], [HOW_TO], []]
    rows += [[label, facts.get(key, "")] for key, label in FACTS]
    rows += [[], [PROGRAMME_TITLE], [h for _, h in PROGRAMME]]
    rows += [[item["stt"], item["noi_dung"], item["gio"], item["nguoi"], "Có"] for item in agenda["muc"]]
    rows += [[], [SPEAKERS_TITLE], [h for _, h in SPEAKERS]]
    order = 0
    for record in ctx.speaking_order(book):
        order += 1
        text = cell_text
        rows.append([order, text(record.get("ho_ten")), text(record.get("ma_phieu")),
                     text(record.get("to_dan_pho")) or text(record.get("dia_chi")), text(record.get("linh_vuc")),
                     text(record.get("noi_dung")), "", "", ""])
    rows += [["", "", "", "", "", "", "", "", "Phát biểu tại hội trường"] for _ in range(FLOOR_ROWS)]
    return rows


def prepared_chairs(book: BookData) -> dict[str, str]:
    """The chair and co-chair as the sheet starts: the people of the plan (`facts.planned_chairs`), name and title."""
    from ..domain.facts import planned_chairs

    chairs = planned_chairs(book)
    return {"chu_tri": chairs.chair.text, "dong_chu_tri": chairs.co_chair.text if chairs.co_chair else ""}


@dataclass
class PrepareResult:
    speakers: int
    replaced: bool
    merged: bool = False  # the secretary had typed into the sheet: only rows nobody typed into were written
    updated: int = 0  # cells written when merging
    kept: int = 0  # rows the secretary typed into, left as they are

    @property
    def summary(self) -> str:
        if self.merged:
            done = f"đã cập nhật {self.updated} ô" if self.updated else "không có gì cần cập nhật"
            return (f"Trang “{SHEET}” đã có và thư ký đã ghi vào {self.kept} dòng: giữ nguyên mọi nội dung đã ghi, {done} ở "
                    f"những dòng chưa ai ghi ({self.speakers} người đăng ký phát biểu).")
        again = " (thay trang cũ, chưa ai ghi vào)" if self.replaced else ""
        return (f"Đã chuẩn bị trang “{SHEET}”{again}: chương trình, {self.speakers} người đăng ký phát biểu theo thứ tự và "
                f"{FLOOR_ROWS} dòng trống cho người phát biểu tại hội trường. Thư ký ghi trực tiếp vào trang này trong hội nghị.")


def plan_sheet(book: BookData, date: dt.date) -> tuple[PrepareResult, ChangeSet]:
    """What preparing the sheet comes to (pure): the whole sheet when there is none or nobody typed into it, else the
    merge of `owned_sheet`; raises `NotOurs` for the office's own sheet of that name and the conflicts' refusal."""
    rows = sheet_rows(book, date)
    speakers = sum(1 for r in rows if r and isinstance(r[0], int) and len(r) == len(SPEAKERS))
    record = record_write(RECORD_SHEET, SHEET, rows)
    whole = ChangeSet(sheets=[SheetWrite(SHEET, rows, widths=list(WIDTHS), after=schema.MILESTONES.name,
                                         wrap_columns=WRAP_COLUMNS), record])
    existing = book.conference
    if existing is None:
        return PrepareResult(speakers=speakers, replaced=False), whole
    if existing.record is None:
        if grid(existing.cells) != grid(rows):
            raise NotOurs(SHEET)
        return PrepareResult(speakers=speakers, replaced=True), whole  # exactly what the tool writes: adopted
    plan = plan_merge(SHEET, existing.cells, existing.record, rows)
    if plan.replace:
        return PrepareResult(speakers=speakers, replaced=True), whole
    if plan.conflicts:
        raise conflict_error(SHEET, plan.conflicts)
    result = PrepareResult(speakers=speakers, replaced=False, merged=True, updated=len(plan.cells), kept=len(plan.kept_rows))
    if not plan.cells and existing.record == grid(rows):
        return result, ChangeSet()
    return result, ChangeSet(cells=plan.cells, sheets=[record], allow_user_cells=True)


def prepare_sheet(access: WorkbookAccess, *, date: dt.date | None = None, write: bool = True) -> PrepareResult:
    book = access.read()
    result, changes = plan_sheet(book, date or dt.date.today())
    if write and changes:
        access.write(changes)
    return result


# --------------------------------------------------------------------------------------------------
# After the conference: what was raised from the floor becomes petitions


@dataclass
class FloorResult:
    added: list[tuple[str, Speaker]] = field(default_factory=list)
    already: list[Speaker] = field(default_factory=list)
    written: bool = False

    @property
    def summary(self) -> str:
        lines = [f"Ý kiến nêu tại hội trường: thêm {len(self.added)} kiến nghị (nguồn “{schema.SOURCE_FLOOR}”) vào trang "
                 f"{schema.PETITIONS.name}; {len(self.already)} ý kiến đã có từ lần trước."]
        lines += [f"- {code}: {s.values.get('ho_ten') or UNKNOWN_SPEAKER} (thứ tự {s.order})" for code, s in self.added[:20]]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {"added": [{"code": c, "order": s.order, "name": s.values.get("ho_ten")} for c, s in self.added],
                "already": [s.order for s in self.already], "written": self.written}


def plan_floor(book: BookData) -> tuple[FloorResult, ChangeSet]:
    from ..core.keys import new_codes
    from .intake import list_value

    result, changes = FloorResult(), ChangeSet()
    day = book.conference
    if day is None:
        raise DoithoaiError(f"Sổ chưa có trang “{SHEET}”: hãy bấm nút chuẩn bị trang thư ký (lệnh conference-sheet) "
                            "trước hội nghị.")
    table = book.petitions
    # The same person (`keys.name_key`: "Hoà" is "Hòa", "Hùng" and "Hưng" are two people) and the same words, both as
    # they are (or will be) written: the first run's petitions are compared with what the second run would write.
    seen = {_floor_key(r.get("nguoi_kien_nghi"), r.get("noi_dung")) for r in table.records}
    fresh = []
    for speaker in day.speakers:
        if not speaker.from_floor or not canonical(speaker.values.get("cau_hoi")):
            continue
        key = _floor_key(_speaker_name(speaker), speaker.values.get("cau_hoi"))
        if key in seen:
            result.already.append(speaker)
        else:
            seen.add(key)
            fresh.append(speaker)
    codes = new_codes([r.get("ma_kien_nghi") for r in table.records], len(fresh))
    next_row = (table.records[-1].row if table.records else table.spec.header_row) + 1
    fields = tuple(book.lists.get("linh_vuc") or schema.lookup("linh_vuc").values)
    for offset, (speaker, code) in enumerate(zip(fresh, codes, strict=True)):
        v = speaker.values
        _check_length(day, speaker, ("ho_ten", "dia_chi", "cau_hoi", "tra_loi"))
        answer = canonical(v.get("tra_loi"))
        field_typed = canonical(v.get("linh_vuc"))
        new = {"ma_kien_nghi": code, "nguon": schema.SOURCE_FLOOR, "nguoi_kien_nghi": _speaker_name(speaker),
               "dia_chi": canonical(v.get("dia_chi")), "linh_vuc": list_value(field_typed, fields) if field_typed else None,
               "noi_dung": canonical(v.get("cau_hoi")), "hinh_thuc_xu_ly": schema.HANDLING_AT_CONFERENCE if answer else None,
               "noi_dung_tra_loi": answer or None}
        cells = tuple((table.columns[k], val) for k, val in new.items() if k in table.columns and val)
        changes.rows.append(RowWrite(schema.PETITIONS.name, next_row + offset, cells))
        result.added.append((code, speaker))
    return result, changes


def _speaker_name(speaker: Speaker) -> str:
    return canonical(speaker.values.get("ho_ten")) or UNKNOWN_SPEAKER


def _floor_key(name: Any, question: Any) -> tuple[str, str]:
    return name_key(canonical(name)), fold(canonical(question))


def _check_length(day: ConferenceDay, speaker: Speaker, keys: tuple[str, ...]) -> None:
    """Refuse (nothing written) a cell whose text would pass Excel's cell limit, naming the secretary's cell."""
    from ..core.text import clean_text

    for key in keys:
        value = clean_text(speaker.values.get(key) or "")
        if len(value) > EXCEL_CELL_LIMIT:
            column = day.columns.get(key)
            where = f"ô {cell_address(speaker.row, column)}" if column else f"dòng {speaker.row}"
            raise DoithoaiError(
                f"Trang “{SHEET}”, {where}: nội dung dài {thousands(len(value))} ký tự, quá giới hạn "
                f"{thousands(EXCEL_CELL_LIMIT)} ký tự của một ô Excel, nên không ghi được thành kiến nghị: hãy rút gọn rồi "
                "chạy lại; chưa có gì bị ghi.",
                status=ExitStatus.DATA_ERRORS,
            )


def record_floor(access: WorkbookAccess, *, write: bool = True) -> FloorResult:
    book = access.read()
    result, changes = plan_floor(book)
    if write and changes:
        access.write(changes)
        result.written = True
    return result
