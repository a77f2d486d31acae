"""The sample conference end to end: plan 118/KH-UBND of phường Tứ Minh, every step run on it.

`make_demo(out)` builds the filled workbook, then runs the same jobs the buttons and commands run, in the
order of work, and returns what it wrote. Used by `doithoai demo` and by the tests' `demo_path` fixture.

What the demo types is the sample's people and nothing else (issue 23): the secretary's sheet keeps the chair it was
prepared with (the Chairman, who chairs in plan 118; no co-chair), its secretary and floor speakers are on `Đại biểu`
under the same name and gender (`sample.SECRETARY`, `sample.FLOOR_SPEAKERS`). What comes in after the sample (the
Veterans' form, the floor) is classified by the office in one step (`_classify`, `CLASSIFIED`), by the sample's own
rule (`sample.handled`), and what is checked later is assigned in the memo of 26/5 with the written answers' deadline,
so the demo's documents print no "chưa phân loại" and the memo keeps its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import schema
from .sample import ASSIGNED, LATER_DUE, SECRETARY, SPEAKERS_ON_THE_DAY

if TYPE_CHECKING:
    import openpyxl

    from ..io.access import FileWorkbook

DEMO_WORKBOOK = "doi-thoai-tu-minh-2026.xlsm"
SLIPS_PER_GROUP = 5  # pre-numbered slip forms printed for each residential group
RETURNED_FORM = "Hoi Cuu chien binh - da dien.xlsx"
# What the Veterans' Association writes on its form: (person, address, field, opinion). The demo adds one row
# repeating a petition of the workbook and one row with a field that is not on the list.
VETERANS_OPINIONS = (
    ("Ông Phạm Văn Lộc", "Tổ dân phố Cẩm Khê A", "Chính sách xã hội",
     "Đề nghị phường rà soát, hỗ trợ kịp thời chế độ cho cựu chiến binh có hoàn cảnh khó khăn, ốm đau dài ngày."),
    ("", "Tổ dân phố Cẩm Khê B", "An ninh, trật tự",
     "Đề nghị tăng cường tuần tra ban đêm tại khu vực bãi đất trống cuối đường Lê Thanh Nghị, nơi thanh niên tụ tập."),
    ("", "", "Hạ tầng, giao thông",
     "Đề nghị sớm lắp đặt đèn tín hiệu giao thông tại nút giao đường Tứ Minh với đường Nguyễn Lương Bằng."),
)
# The secretary's notes on the day: (co-chair, secretary, closing time, conclusions), and who spoke from the floor.
# Plan 118 names no co-chair: the Chairman chairs (the settings' `chu_tri`, `sample.CHAIRMAN` on `Đại biểu`), and the
# secretary is `sample.SECRETARY`, as she is on `Đại biểu`.
DAY_FACTS = (
    "",
    f"Bà {SECRETARY[0]}, chuyên viên Văn phòng HĐND và UBND phường",
    "11:20",
    "Chủ tịch UBND phường ghi nhận các ý kiến của Nhân dân; giao Phòng Kinh tế, Hạ tầng và Đô thị kiểm tra, đề xuất "
    "cải tạo thoát nước, chiếu sáng trong quý III/2026; giao Công an phường tăng cường tuần tra; các ý kiến chưa trả lời "
    "tại hội nghị, các đơn vị trả lời bằng văn bản trong 10 ngày làm việc; đề nghị Ủy ban MTTQ Việt Nam phường giám sát.",
)
# (speaker as the secretary writes it, residential group, field, question, who answered, answer): the people of
# `sample.FLOOR_SPEAKERS`, on `Đại biểu` with the same name and gender.
FLOOR = (
    ("Ông Đỗ Văn Thịnh", "Tổ dân phố Cẩm Khê B", "Môi trường",
     "Đề nghị phường cho biết lộ trình di dời các cơ sở sản xuất gây ô nhiễm ra khỏi khu dân cư.",
     "Trưởng phòng Kinh tế, Hạ tầng và Đô thị", "Phường đang rà soát các cơ sở; lộ trình sẽ được công bố trong quý IV/2026."),
    ("Bà Vũ Thị Mai", "Tổ dân phố Cẩm Khê A", "Y tế, giáo dục",
     "Đề nghị bố trí thêm bác sĩ khám bệnh cho người cao tuổi tại trạm y tế phường vào buổi chiều thứ Bảy.",
     "Chủ tịch UBND phường", "Giao Trạm Y tế phường bố trí lịch khám chiều thứ Bảy từ tháng 7/2026."),
)
LATER_ON_THE_DAY = "Chủ tịch UBND phường ghi nhận, giao đơn vị kiểm tra, trả lời bằng văn bản."  # not answered there
# How the office classifies what came in after the sample was written, by content: (handling, status, answer, time of
# resolution, lead unit). The Veterans' first two matters are the ward's to check; a traffic light at a junction of
# the city's roads is the city's; the floor's two were answered on the spot and are followed up.
CLASSIFIED = {
    VETERANS_OPINIONS[0][3]: (schema.HANDLING_LATER, schema.STATUS_IN_PROGRESS, None, "Tháng 7/2026",
                              "Phòng Văn hóa - Xã hội"),
    VETERANS_OPINIONS[1][3]: (schema.HANDLING_LATER, schema.STATUS_IN_PROGRESS, None, "Tháng 7/2026", "Công an phường"),
    VETERANS_OPINIONS[2][3]: (
        schema.HANDLING_UPWARD, schema.STATUS_UPWARD,
        "Nút giao đường Tứ Minh với đường Nguyễn Lương Bằng thuộc các tuyến đường do thành phố quản lý, việc lắp đèn tín "
        "hiệu giao thông thuộc thẩm quyền của thành phố; UBND phường ghi nhận, báo cáo UBND thành phố (qua Sở Xây dựng) xem "
        "xét.", None, None),
    FLOOR[0][3]: (schema.HANDLING_AT_CONFERENCE, schema.STATUS_IN_PROGRESS, FLOOR[0][5], "Quý IV/2026", None),
    FLOOR[1][3]: (schema.HANDLING_AT_CONFERENCE, schema.STATUS_IN_PROGRESS, FLOOR[1][5], "Tháng 7/2026", None),
}


@dataclass
class DemoResult:
    workbook: Path
    outputs: list[tuple[str, Path]] = field(default_factory=list)  # (what, where)
    notes: list[str] = field(default_factory=list)  # one Vietnamese line per step


def build_sample_workbook(path: Path) -> Path:
    """Write the sample conference into a new workbook at `path` (built like the template, with its buttons)."""
    from ..book.builder import build_workbook
    from ..book.controls import BUTTONS
    from ..book.xlwings_conf import this_machine
    from ..core.resources import vba_project
    from ..io.files import atomic_save
    from .sample import sample_conference

    path = Path(path)
    conf = this_machine()  # the buttons run the Python that made the demo
    data, project = sample_conference(), vba_project()
    atomic_save(path, lambda temp: build_workbook(temp, data=data, vba_project=project, buttons=BUTTONS, conf=conf))
    return path


def make_demo(out: Path, *, today: dt.date | None = None, steps: bool = True) -> DemoResult:
    """Build the sample workbook in `out` and, with `steps`, run every job on it.

    `today`: the day the jobs take as today; by default the sample's own (`sample.DEMO_TODAY`, a week
    after its conference), so the demo always shows the same year: part done, part still to do.
    """
    from ..io.access import FileWorkbook
    from ..io.files import backup
    from .sample import DEMO_TODAY

    today = today or DEMO_TODAY
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / DEMO_WORKBOOK
    if path.exists():  # a previous demo; keep it in `Sao lưu` rather than lose anything typed into it
        backup(path)
    build_sample_workbook(path)
    result = DemoResult(workbook=path)
    result.notes.append(f"Đã tạo sổ mẫu: {path}")
    if steps:
        with FileWorkbook(path, command="demo") as access:
            for step in _steps():
                step(access, out, today, result)
    return result


def _steps() -> tuple[Callable[[FileWorkbook, Path, dt.date, DemoResult], None], ...]:
    return (_validate, _deadlines, _intake, _conference_day, _classify, _documents, _share, _calendar)


def _intake(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    """Forms for the Front and the organisations; the Veterans' Association fills its form and it is brought in twice."""
    import openpyxl

    from .intake import ROWS_SHEET, intake, write_intake_forms

    forms = write_intake_forms(access)
    result.outputs.append(("Mẫu tổng hợp ý kiến gửi các tổ chức", forms.files[0].parent))
    veterans = next(p for p in forms.files if "Cuu chien binh" in p.name)
    book = access.read()
    repeated = book.petitions.records[3].values["noi_dung"]
    workbook = openpyxl.load_workbook(veterans)
    sheet = workbook[ROWS_SHEET]
    rows = [*VETERANS_OPINIONS, ("", "", "Khác", repeated), ("", "", "Nhà ở", "Đề nghị hỗ trợ sửa chữa nhà văn hóa tổ dân phố.")]
    for index, row in enumerate(rows, 2):
        for column, value in enumerate((index - 1, *row), 1):
            sheet.cell(row=index, column=column, value=value or None)
    returned = veterans.parent.parent / "Ý kiến gửi về" / RETURNED_FORM
    returned.parent.mkdir(exist_ok=True)
    workbook.save(returned)
    first = intake(access, returned)
    again = intake(access, returned)
    result.outputs.append(("Mẫu đã điền của Hội Cựu chiến binh", returned))
    result.notes.append(first.summary)
    result.notes.append("Nhập lại lần hai: " + again.headline)


def _conference_day(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    """The secretary's sheet prepared before the conference, then filled in as the secretary would on the day."""
    from ..domain import facts
    from ..io.conference_sheet import SPEAKERS
    from ..io.writer import edit_workbook
    from .conference import prepare_sheet, record_floor

    prepared = prepare_sheet(access, date=today)
    result.notes.append(prepared.summary)
    book = access.read()
    day = book.conference
    answers = {r.values.get("ma_phieu"): r.values.get("noi_dung_tra_loi") for r in book.petitions
               if r.values.get("ma_phieu") and facts.at_conference(r)}
    column = {key: index for index, (key, _) in enumerate(SPEAKERS, 1)}
    co_chair, secretary, closing, conclusions = DAY_FACTS

    def fill(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[schema.CONFERENCE_SHEET]
        for key, value in (("dong_chu_tri", co_chair), ("thu_ky", secretary), ("gio_be_mac", closing), ("ket_luan", conclusions)):
            if value:  # the chair stays as the sheet was prepared: the Chairman chaired
                sheet.cell(row=day.facts_rows[key], column=2, value=value)
        registered = [(row, values) for row, values in day.rows if values.get("ma_phieu")]
        for position, (row, values) in enumerate(registered):
            if position < SPEAKERS_ON_THE_DAY:
                sheet.cell(row=row, column=column["nguoi_tra_loi"], value="Chủ tịch UBND phường")
                answer = answers.get(values["ma_phieu"]) or LATER_ON_THE_DAY
                sheet.cell(row=row, column=column["tra_loi"], value=answer)
            else:
                sheet.cell(row=row, column=column["thu_tu"]).value = None  # did not come to speak
        floor = [row for row, values in day.rows if not values.get("ma_phieu")]
        for offset, (person, place, field_name, question, who, answer) in enumerate(FLOOR):
            row = floor[offset]
            values = {"thu_tu": SPEAKERS_ON_THE_DAY + offset + 1, "ho_ten": person, "dia_chi": place, "linh_vuc": field_name,
                      "cau_hoi": question, "nguoi_tra_loi": who, "tra_loi": answer}
            for key, value in values.items():
                sheet.cell(row=row, column=column[key], value=value)

    edit_workbook(access.path, fill)
    floor = record_floor(access)
    result.notes.append(floor.summary)


def _classify(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    """The office classifies the petitions that came in after the sample (`CLASSIFIED`), as a clerk would: a handling
    class and the competence that goes with it, a status, and a lead unit for what is checked and answered later."""
    from ..core.keys import code_key, list_key
    from ..core.model import CellWrite, ChangeSet, RowWrite
    from ..domain import facts
    from .sample import handled

    book = access.read()
    petitions, assignments = book.petitions, book.assignments
    known = {list_key(text): how for text, how in CLASSIFIED.items()}
    changes = ChangeSet(allow_user_cells=True)
    classified: list[str] = []
    assigned = {code_key(r.values.get("ma_kien_nghi")) for r in assignments.records}
    next_row = (assignments.records[-1].row if assignments.records else assignments.spec.header_row) + 1
    for record in petitions.records:
        how = known.get(list_key(record.values.get("noi_dung") or ""))
        if how is None or (facts.handling_of(record) != facts.UNCLASSIFIED and record.values.get("tham_quyen")):
            continue
        handling, status, answer, when, lead = how
        values = handled(handling, status, answer or record.values.get("noi_dung_tra_loi"), when)
        for key, value in values.items():
            if value is not None and key in petitions.columns:
                changes.cells.append(CellWrite(petitions.name, record.row, petitions.columns[key], value))
        code = record.values.get("ma_kien_nghi")
        classified.append(f"{code} ({handling.lower()})")
        if lead and code_key(code) not in assigned:
            # Given to its unit with the others in the assignment memo (its day, so the memo keeps its date), with
            # the deadline the Chairman set for written answers.
            row = {"ma_kien_nghi": code, "don_vi": lead, "vai_tro": schema.ROLE_LEAD, "ngay_giao": ASSIGNED,
                   "han_hoan_thanh": LATER_DUE}
            changes.rows.append(RowWrite(assignments.name, next_row,
                                         tuple((assignments.columns[k], v) for k, v in row.items())))
            next_row += 1
    if changes:
        access.write(changes)
        result.notes.append("Văn phòng phân loại kiến nghị mới nhận: " + "; ".join(classified) + ".")


def _validate(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    from ..validation.jobs import validate

    outcome = validate(access, write=True, today=today)
    result.notes.append(outcome.summary)


def _deadlines(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    from ..domain.deadlines import compute_deadlines

    outcome = compute_deadlines(access, today=today, write=True)
    result.notes.append(outcome.summary)


def _documents(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    from ..documents.jobs import make_documents
    from ..domain.kinds import KINDS

    # The documents date themselves (dates.py) from the demo's today, as they would on that day.
    outcome = make_documents(access, list(KINDS), out=out / "Văn bản", today=today,  # every kind, reminders included
                             slips_per_group=SLIPS_PER_GROUP)
    result.outputs.append(("Văn bản", outcome.folder))
    result.notes.append(outcome.summary)


def _share(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    from ..mttq.share import share

    outcome = share(access)
    result.outputs.append(("Bản chia sẻ cho Ủy ban MTTQ", outcome.path))
    result.notes.append(outcome.summary)


def _calendar(access: FileWorkbook, out: Path, today: dt.date, result: DemoResult) -> None:
    from ..domain.deadlines import export_calendar

    target = export_calendar(access, out / "lich-hoi-nghi.ics")
    result.outputs.append(("Lịch các mốc (iCalendar)", target))
