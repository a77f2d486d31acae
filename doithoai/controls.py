"""The workbook's buttons, in the order of work: one VBA Sub and one Python handler each. Stdlib only.

`doithoai.vba` generates `macros/doithoai.bas` from this list; `doithoai.workbook_builder` draws the buttons on
`Hướng dẫn`; `doithoai.buttons` holds the handlers. Macro names stay ASCII: the VBA module is stored in
code page 1252, and the Vietnamese belongs to the captions.
"""

from __future__ import annotations

from typing import NamedTuple


class ButtonSpec(NamedTuple):
    macro: str  # the VBA Sub the button is bound to
    caption: str  # what the button says
    description: str  # the line beside it: what it does and what it writes
    handler: str  # the function in doithoai.buttons


BUTTONS: tuple[ButtonSpec, ...] = (
    ButtonSpec("KiemTraDuLieu", "1. Kiểm tra dữ liệu", "Kiểm tra mọi trang; ghi danh sách lỗi vào trang “Kiểm tra” và tô đỏ các "
               "ô có lỗi.", "check_data"),
    ButtonSpec("SuaLoiAnToan", "2. Sửa lỗi an toàn", "Chỉ sửa lỗi chắc chắn (khoảng trắng, dấu tiếng Việt, số điện thoại, phông "
               "chữ cũ); liệt kê từng ô đã sửa.", "fix_data"),
    ButtonSpec("TinhHan", "3. Tính hạn", "Tính hạn, tình trạng các mốc thời gian và các phân công; tô đỏ việc quá hạn, vàng việc "
               "sắp đến hạn.", "compute_deadlines"),
    ButtonSpec("CongVanPhanCong", "4. Công văn phân công", "Tạo công văn phân công đơn vị trả lời kiến nghị (thư mục “Văn bản” "
               "bên cạnh sổ).", "make_memo"),
    ButtonSpec("BaoCaoTongHop", "5. Báo cáo tổng hợp", "Tạo báo cáo tổng hợp ý kiến, kiến nghị, kèm bảng thống kê và biểu đồ.",
               "make_report"),
    ButtonSpec("VanBanTraLoi", "6. Văn bản trả lời", "Tạo văn bản trả lời từng người kiến nghị và một tệp in gộp; ghi số, ngày "
               "văn bản vào trang Kiến nghị.", "make_letters"),
    ButtonSpec("GiayMoiChuongTrinh", "7. Giấy mời, chương trình",
               "Tạo giấy mời đại biểu, chương trình hội nghị (thứ tự phát biểu) và danh sách ký tên.", "make_invitations"),
    ButtonSpec("ThongBaoKetQua", "8. Thông báo kết quả", "Tạo thông báo kết quả hội nghị đối thoại.", "make_notice"),
    ButtonSpec("ChiaSeMTTQ", "9. Bản chia sẻ cho MTTQ", "Tạo bản sao cho Ủy ban MTTQ: che số điện thoại, rút gọn địa chỉ, bỏ năm "
               "sinh (thư mục “Chia sẻ MTTQ”).", "share_copy"),
    ButtonSpec("NhapYKienMTTQ", "10. Nhập ý kiến MTTQ", "Nhập ý kiến giám sát từ bản chia sẻ mới nhất trong thư mục “MTTQ gửi "
               "lại” bên cạnh sổ.", "import_notes"),
)
