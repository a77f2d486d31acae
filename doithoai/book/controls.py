"""The workbook's buttons, in the order of work: one VBA Sub and one Python handler each. Stdlib only.

`doithoai.book.vba` generates `macros/doithoai.bas` from this list; `doithoai.book.builder` draws the buttons on
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
    ButtonSpec("TinhHan", "3. Tính hạn", "Tính hạn, tình trạng các mốc thời gian và các phân công; tô đỏ việc quá hạn, vàng "
               "việc sắp đến hạn.", "compute_deadlines"),
    ButtonSpec("KeHoach", "4. Kế hoạch tổ chức hội nghị", "Tạo kế hoạch tổ chức hội nghị: mục đích, yêu cầu, nội dung, thành "
               "phần, chương trình, nhiệm vụ từng đơn vị theo mốc thời gian, kinh phí.", "make_plan"),
    ButtonSpec("PhieuDangKy", "5. Phiếu đăng ký phát biểu", "Tạo mẫu phiếu đăng ký phát biểu để in, gửi các tổ dân phố, thôn "
               "(thư mục “Văn bản”).", "make_slips"),
    ButtonSpec("MauGuiToChuc", "6. Mẫu gửi các tổ chức", "Tạo mẫu tổng hợp ý kiến (Excel) gửi Ủy ban MTTQ và các tổ chức chính "
               "trị - xã hội (thư mục “Mẫu gửi tổ chức”).", "make_intake_forms"),
    ButtonSpec("NhapYKienToChuc", "7. Nhập ý kiến các tổ chức", "Nhập các mẫu đã điền trong thư mục “Ý kiến gửi về” vào trang "
               "Kiến nghị; báo ý kiến trùng, dòng bị từ chối.", "import_intake"),
    ButtonSpec("CongVanPhanCong", "8. Công văn phân công", "Tạo công văn phân công đơn vị trả lời kiến nghị (thư mục “Văn bản” "
               "bên cạnh sổ).", "make_memo"),
    ButtonSpec("BaoCaoTongHop", "9. Báo cáo tổng hợp", "Tạo báo cáo tổng hợp ý kiến, kiến nghị, kèm bảng thống kê và biểu đồ.",
               "make_report"),
    ButtonSpec("DonDocDonVi", "10. Đôn đốc đơn vị trả lời", "Tạo công văn đôn đốc từng đơn vị có kiến nghị quá hạn, sắp đến hạn "
               "và tin nhắn gửi Zalo; ghi lần đôn đốc vào trang “Nhật ký đôn đốc”.", "make_reminders"),
    ButtonSpec("VanBanTraLoi", "11. Văn bản trả lời", "Tạo văn bản trả lời từng người kiến nghị và một tệp in gộp; ghi số, ngày "
               "văn bản vào trang Kiến nghị.", "make_letters"),
    ButtonSpec("GiayMoiChuongTrinh", "12. Giấy mời, chương trình", "Tạo giấy mời đại biểu, chương trình hội nghị (thứ tự phát "
               "biểu) và danh sách ký tên.", "make_invitations"),
    ButtonSpec("ThongBaoCongKhai", "13. Thông báo công khai", "Tạo thông báo thời gian, địa điểm, nội dung hội nghị (trước 07 "
               "ngày) và bản đọc trên loa truyền thanh.", "make_announcement"),
    ButtonSpec("TrangThuKy", "14. Trang thư ký hội nghị", "Chuẩn bị trang “Diễn biến hội nghị”: chương trình, người đăng ký "
               "phát biểu theo thứ tự, dòng trống cho hội trường.", "prepare_conference"),
    ButtonSpec("YKienTaiHoiNghi", "15. Ghi ý kiến tại hội nghị", "Đưa ý kiến phát biểu tại hội trường (trang “Diễn biến hội "
               "nghị”) vào trang Kiến nghị, nguồn “Tại hội nghị”.", "record_floor_petitions"),
    ButtonSpec("BienBanHoiNghi", "16. Biên bản hội nghị", "Tạo biên bản hội nghị từ trang “Diễn biến hội nghị”: người phát "
               "biểu, câu hỏi, trả lời, kết luận.", "make_minutes"),
    ButtonSpec("ThongBaoKetQua", "17. Thông báo kết quả", "Tạo thông báo kết quả hội nghị đối thoại.", "make_notice"),
    ButtonSpec("BaoCaoCapTren", "18. Báo cáo cấp trên", "Tạo báo cáo kết quả tổ chức hội nghị gửi cấp trên: số liệu, nội dung "
               "vượt thẩm quyền, tình hình giải quyết.", "make_report_upward"),
    ButtonSpec("ChiaSeMTTQ", "19. Bản chia sẻ cho MTTQ", "Tạo bản sao cho Ủy ban MTTQ: che số điện thoại, rút gọn địa chỉ, bỏ "
               "năm sinh (thư mục “Chia sẻ MTTQ”).", "share_copy"),
    ButtonSpec("NhapYKienMTTQ", "20. Nhập ý kiến MTTQ", "Nhập ý kiến giám sát từ bản chia sẻ mới nhất trong thư mục “MTTQ gửi "
               "lại” bên cạnh sổ.", "import_notes"),
)
