"""The registry of document kinds: each kind declares, in one entry of `KINDS`, its template, its title, its
output file, its number symbol and the function that builds its context. `documents.jobs.make_documents` loops over
this registry; nothing else dispatches on a kind's name, and an unknown kind is an error.

Adding a document kind (e.g. "minutes"):
1. an entry here: `"minutes": DocumentKind("bien-ban-hoi-nghi.docx", "Biên bản hội nghị", "Bien ban hoi nghi",
   "BB-UBND", build="builders:minutes")` (the order of `KINDS` is the order of a run's files and of `--kind`'s list);
2. the builder `minutes(job: builders.Job) -> builders.Output | None` in `documents/builders.py` (or in another
   module of this package, named as "module:function"), returning the docxtpl context and the summary's line;
3. the template in `scripts/build_templates.py` (then `python scripts/build_templates.py` and commit the .docx).
The command line (`doithoai documents --kind …`) and the JSON output pick the new kind up from here.

The bundled templates live in the repository's `templates/` (built by `scripts/build_templates.py`).
An office that reworded a template in Word puts its copy, under the same file name, in a folder
`Mẫu văn bản` next to the workbook; that copy wins. Stdlib only (builders are imported when a run needs them).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

OVERRIDE_FOLDER = "Mẫu văn bản"


class DocumentKind(NamedTuple):
    template: str  # file name in templates/
    title: str  # what staff call it, for messages
    output: str  # the generated file's name, without extension
    symbol: str  # the symbol after the number when `Kế hoạch` leaves the number blank
    build: str  # "module:function" in doithoai.documents that builds the context (see documents/builders.py)
    # The table (schema key) whose rows the document grows with: a run spread over the cores starts the largest first.
    rows: str = ""
    # The builder writes into the workbook through `job.access` (the letters' numbers): it runs in the main process.
    writes_workbook: bool = False
    # Made only when asked for by name (`--kind`, its command, its button), never by a run of "all documents": a
    # reminder is recorded as sent, so rerunning every document to mend a typo must not send a unit a second one.
    on_request: bool = False


KINDS: dict[str, DocumentKind] = {
    "plan": DocumentKind("ke-hoach.docx", "Kế hoạch tổ chức hội nghị", "Ke hoach to chuc hoi nghi", "KH-UBND",
                         build="plan:plan", rows="moc_thoi_gian"),
    "slips": DocumentKind("phieu-dang-ky.docx", "Phiếu đăng ký phát biểu", "Phieu dang ky phat bieu", "",
                          build="builders:slips", rows="phieu"),
    "memo": DocumentKind("cong-van-phan-cong.docx", "Công văn phân công", "Cong van phan cong", "UBND-VP",
                         build="builders:memo", rows="phan_cong"),
    "reminders": DocumentKind("cong-van-don-doc.docx", "Công văn đôn đốc", "Cong van don doc", "UBND-VP",
                              build="reminders:reminders", rows="phan_cong", writes_workbook=True,
                              on_request=True),
    "report": DocumentKind("bao-cao-tong-hop.docx", "Báo cáo tổng hợp ý kiến, kiến nghị", "Bao cao tong hop", "BC-UBND",
                           build="builders:report", rows="kien_nghi"),
    "letters": DocumentKind("van-ban-tra-loi.docx", "Văn bản trả lời", "Van ban tra loi - in gop", "UBND-VP",
                            build="builders:letters", rows="kien_nghi", writes_workbook=True),
    "invitations": DocumentKind("giay-moi.docx", "Giấy mời", "Giay moi", "GM-UBND", build="builders:invitations",
                                rows="dai_bieu"),
    "agenda": DocumentKind("chuong-trinh-hoi-nghi.docx", "Chương trình hội nghị", "Chuong trinh hoi nghi", "",
                           build="builders:agenda", rows="phieu"),
    "signin": DocumentKind("danh-sach-dai-bieu.docx", "Danh sách đại biểu ký tên", "Danh sach dai bieu", "",
                           build="builders:signin", rows="dai_bieu"),
    "announcement": DocumentKind("thong-bao-hoi-nghi.docx", "Thông báo tổ chức hội nghị", "Thong bao to chuc hoi nghi",
                                 "TB-UBND", build="builders:announcement"),
    "minutes": DocumentKind("bien-ban-hoi-nghi.docx", "Biên bản hội nghị", "Bien ban hoi nghi", "BB-UBND",
                            build="builders:minutes", rows="kien_nghi"),
    "notice": DocumentKind("thong-bao-ket-qua.docx", "Thông báo kết quả hội nghị", "Thong bao ket qua", "TB-UBND",
                           build="builders:notice", rows="kien_nghi"),
    "report_upward": DocumentKind("bao-cao-ket-qua-hoi-nghi.docx", "Báo cáo kết quả tổ chức hội nghị",
                                  "Bao cao ket qua hoi nghi", "BC-UBND", build="builders:report_upward",
                                  rows="kien_nghi"),
}
# Documents of the level above, made from a folder of wards' workbooks (`doithoai rollup --report`), not from one
# workbook: `documents` never makes them, so they are kept apart from KINDS.
ROLLUP_KINDS: dict[str, DocumentKind] = {
    "rollup_report": DocumentKind("bao-cao-tong-hop-cac-xa-phuong.docx", "Báo cáo tổng hợp kết quả đối thoại của các xã, phường",
                                  "Bao cao tong hop doi thoai", "BC-UBND", build=""),  # built by doithoai.rollup.report
}

DEFAULT_KINDS: tuple[str, ...] = tuple(kind for kind, spec in KINDS.items() if not spec.on_request)  # "all documents"

TEMPLATES: dict[str, str] = {kind: spec.template for kind, spec in {**KINDS, **ROLLUP_KINDS}.items()}


def kind_spec(kind: str) -> DocumentKind:
    return KINDS[kind] if kind in KINDS else ROLLUP_KINDS[kind]


def builder(kind: str) -> Callable[[Any], Any]:
    """The function that builds `kind`'s context (`KINDS[kind].build`, imported on first use)."""
    module, _, function = KINDS[kind].build.partition(":")
    return getattr(importlib.import_module(f"doithoai.documents.{module}"), function)


def template_path(kind: str, workbook_folder: Path | None = None) -> Path:
    """The office's own copy when there is one, else the bundled template."""
    from ..core.resources import templates_dir

    name = kind_spec(kind).template
    if workbook_folder is not None:
        own = Path(workbook_folder) / OVERRIDE_FOLDER / name
        if own.is_file():
            return own
    return templates_dir() / name
