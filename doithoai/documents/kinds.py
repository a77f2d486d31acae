"""Which template each document uses, and where it is found.

The bundled templates live in the repository's `templates/` (built by `scripts/build_templates.py`).
An office that reworded a template in Word puts its copy, under the same file name, in a folder
`Mẫu văn bản` next to the workbook; that copy wins. Stdlib only.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

OVERRIDE_FOLDER = "Mẫu văn bản"


class DocumentKind(NamedTuple):
    template: str  # file name in templates/
    title: str  # what staff call it, for messages
    output: str  # the generated file's name, without extension
    symbol: str  # the symbol after the number when `Kế hoạch` leaves the number blank


KINDS: dict[str, DocumentKind] = {
    "slips": DocumentKind("phieu-dang-ky.docx", "Phiếu đăng ký phát biểu", "Phieu dang ky phat bieu", ""),
    "memo": DocumentKind("cong-van-phan-cong.docx", "Công văn phân công", "Cong van phan cong", "UBND-VP"),
    "report": DocumentKind("bao-cao-tong-hop.docx", "Báo cáo tổng hợp ý kiến, kiến nghị", "Bao cao tong hop", "BC-UBND"),
    "letters": DocumentKind("van-ban-tra-loi.docx", "Văn bản trả lời", "Van ban tra loi - in gop", "UBND-VP"),
    "invitations": DocumentKind("giay-moi.docx", "Giấy mời", "Giay moi", "GM-UBND"),
    "agenda": DocumentKind("chuong-trinh-hoi-nghi.docx", "Chương trình hội nghị", "Chuong trinh hoi nghi", ""),
    "signin": DocumentKind("danh-sach-dai-bieu.docx", "Danh sách đại biểu ký tên", "Danh sach dai bieu", ""),
    "announcement": DocumentKind("thong-bao-hoi-nghi.docx", "Thông báo tổ chức hội nghị", "Thong bao to chuc hoi nghi",
                                 "TB-UBND"),
    "minutes": DocumentKind("bien-ban-hoi-nghi.docx", "Biên bản hội nghị", "Bien ban hoi nghi", "BB-UBND"),
    "notice": DocumentKind("thong-bao-ket-qua.docx", "Thông báo kết quả hội nghị", "Thong bao ket qua", "TB-UBND"),
    "report_upward": DocumentKind("bao-cao-ket-qua-hoi-nghi.docx", "Báo cáo kết quả tổ chức hội nghị", "Bao cao ket qua hoi nghi",
                                  "BC-UBND"),
}

TEMPLATES: dict[str, str] = {kind: spec.template for kind, spec in KINDS.items()}


def template_path(kind: str, workbook_folder: Path | None = None) -> Path:
    """The office's own copy when there is one, else the bundled template."""
    from ..resources import templates_dir

    name = KINDS[kind].template
    if workbook_folder is not None:
        own = Path(workbook_folder) / OVERRIDE_FOLDER / name
        if own.is_file():
            return own
    return templates_dir() / name
