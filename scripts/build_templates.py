"""Build the Word templates in `templates/` (docxtpl tags; Decree 30/2020/NĐ-CP or HD 36-HD/VPTW letterhead by `la_dang`).

    python scripts/build_templates.py          # write templates/*.docx
    python scripts/build_templates.py --check  # exit 1 if a committed template differs from a fresh build

The office may edit the committed templates in Word; a template in a folder `Mẫu văn bản` next to the
workbook overrides the bundled one of the same name (see doithoai/domain/kinds.py).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from doithoai.documents import layout as L  # noqa: E402
from doithoai.domain.kinds import template_names  # noqa: E402

OUT = ROOT / "templates"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def new_document(*, landscape: bool = False):
    document = Document()
    L.setup_document(document, landscape=landscape)
    document.core_properties.author = "Đối thoại"
    document.core_properties.last_modified_by = "Đối thoại"
    return document


def stats_table(d, total: str = "") -> None:
    """The statistics by field (`facts.PetitionFacts.table`): a column of petitions not yet classified only when there
    is one, so that in every row the number of petitions is the sum of its handling columns. `total`: the context key of
    a bold total row after the loop (the report upward's list ends with its own)."""
    columns = [("Lĩnh vực", "ten", 4.6), ("Số ý kiến", "tong", 1.8), ("Trả lời tại hội nghị", "tai_hoi_nghi", 2.3),
               ("Kiểm tra, trả lời sau", "tra_loi_sau", 2.3), ("Báo cáo cấp trên", "cap_tren", 2.2)]
    last = ("Chưa có trả lời", "chua_tra_loi", 2.2)
    unclassified = ("Chưa phân loại", "chua_phan_loai", 1.9)
    for index, extra in enumerate(([unclassified, last], [last])):
        L.para(d, "{%p if so_chua_phan_loai %}" if index == 0 else "{%p else %}")
        cols = columns + extra
        widths = [w for _, _, w in cols]
        if index == 0:  # the same width on the page: the text columns give up what the extra column takes
            widths = [3.9, 1.6, 2.1, 2.1, 2.0, 1.9, 1.8]
        L.grid_table(d, [h for h, _, _ in cols], ["{{ tk." + k + " }}" for _, k, _ in cols], widths, loop="for tk in thong_ke",
                     left=(0,), total=["{{ " + total + "." + k + " }}" for _, k, _ in cols] if total else None)
    L.para(d, "{%p endif %}")


def addressed(d, *, before: float = 0) -> None:
    """"Kính gửi:" and the list `kinh_gui` (`issuer.addressees`): one addressee on the line, several one per line."""
    L.para(d, "{%p for kg in kinh_gui %}")
    first = L.para(d, "{% if loop.first %}Kính gửi: {% else %}- {% endif %}{{ kg }}{% if loop.last %}.{% else %};{% endif "
                      "%}", align="center", after=0)
    first.paragraph_format.space_before = L.Pt(before)
    L.para(d, "{%p endfor %}")


def report():
    d = new_document()
    L.letterhead(d)
    L.title(d, "BÁO CÁO", "Tổng hợp ý kiến, kiến nghị của {{ doi_tuong }} tại {{ ten_hoi_nghi_thuong }}")
    L.body(d, "Thực hiện Kế hoạch số {{ so_ke_hoach }} ngày {{ ngay_ke_hoach }} của {{ co_quan_viet_tat }} về tổ chức {{ "
              "ten_hoi_nghi_thuong }}, {{ co_quan_viet_tat }} tổng hợp ý kiến, kiến nghị của {{ doi_tuong }} như sau:")
    L.para(d, "I. KẾT QUẢ TỔNG HỢP", bold=True, keep=True)
    L.body(d, "Tổng số ý kiến, kiến nghị: {{ tong_hop_xu_ly }}. Đã có nội dung trả lời {{ so_da_tra_loi }}; "
           "chưa có nội dung trả lời {{ so_chua_tra_loi }}.")
    stats_table(d, "tong_cong")
    chart = L.para(d, "{{ bieu_do }}", align="center")
    chart.paragraph_format.space_before = L.Pt(6)
    L.para(d, "II. NỘI DUNG Ý KIẾN, KIẾN NGHỊ VÀ KẾT QUẢ TRẢ LỜI", bold=True, keep=True)
    L.para(d, "{%p for nhom in nhom_xu_ly %}")
    L.para(d, "{{ nhom.so }}. {{ nhom.ten }} ({{ nhom.so_luong }} ý kiến)", bold=True, keep=True)
    L.para(d, "{%p for lv in nhom.linh_vuc %}")
    L.para(d, "{{ lv.ten }}", bold=True, italic=True, keep=True, indent=True)
    L.para(d, "{%p for kn in lv.kien_nghi %}")
    L.body(d, "{{ kn.stt }}. {{ kn.ma }} – {{ kn.nguoi }}{% if kn.dia_chi %} ({{ kn.dia_chi }}){% endif %}: {{ kn.noi_dung }}")
    L.body(d, "{% if kn.chu_tri %}Đơn vị chủ trì: {{ kn.chu_tri }}. {% endif %}Trả lời: {{ kn.tra_loi }}{% if kn.huong %} "
           "Hướng giải quyết: {{ kn.huong }}.{% endif %}{% if kn.thoi_gian %} Thời gian giải quyết: {{ kn.thoi_gian }}."
           "{% endif %}{% if kn.cap %} Cấp giải quyết: {{ kn.cap }}.{% endif %}")
    L.para(d, "{%p endfor %}")
    L.para(d, "{%p endfor %}")
    L.para(d, "{%p endfor %}")
    L.para(d, "III. ĐỀ XUẤT", bold=True, keep=True)
    L.body(d, "{{ so_chua_tra_loi }} ý kiến, kiến nghị đang được các cơ quan, đơn vị kiểm tra, xử lý (đánh dấu “Đang xử lý” ở "
              "phần II). {{ co_quan_viet_tat }} chỉ đạo các cơ quan, đơn vị khẩn trương trả lời bằng văn bản theo đúng thời "
              "hạn; đề nghị Ủy ban MTTQ Việt Nam {{ ten_day_du }} phối hợp giám sát việc giải quyết.")
    L.body(d, "Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của {{ doi_tuong }} tại {{ ten_hoi_nghi_thuong }}./.")
    L.signature(d)
    return d


def memo():
    d = new_document()
    L.letterhead(d, subject_tag="V/v phân công trả lời ý kiến, kiến nghị của {{ doi_tuong }}")
    addressed(d, before=12)
    L.body(d, "Thực hiện Kế hoạch số {{ so_ke_hoach }} ngày {{ ngay_ke_hoach }} của {{ co_quan_viet_tat }} về tổ chức {{ "
              "ten_hoi_nghi_thuong }}, trên cơ sở tổng hợp ý kiến, kiến nghị của {{ doi_tuong }}, {{ co_quan_viet_tat }} phân "
              "công các cơ quan, đơn vị chủ trì, phối hợp tham mưu trả lời như sau:").paragraph_format.space_before = L.Pt(12)
    L.para(d, "{%p for dv in don_vi_giao %}")
    L.para(d, "{{ dv.stt }}. {{ dv.ten }} ({{ dv.so_luong }} kiến nghị)", bold=True, keep=True)
    L.grid_table(d, ["Mã", "Nội dung kiến nghị", "Vai trò", "Ngày giao", "Hạn hoàn thành"],
                 ["{{ kn.ma }}", "{{ kn.noi_dung }}{% if kn.cung_giao %}\n{{ kn.cung_giao }}{% endif %}", "{{ kn.vai_tro }}",
                  "{{ kn.ngay_giao }}", "{{ kn.han }}"],
                 [1.7, 8.2, 1.8, 2.0, 2.3], loop="for kn in dv.kien_nghi")
    L.para(d, "{%p endfor %}")
    L.body(d, "Đề nghị Thủ trưởng các cơ quan, đơn vị chủ trì nghiên cứu, phối hợp với các đơn vị liên quan tham mưu văn bản "
              "trả lời, gửi về {{ ten_van_phong }} trước hạn nêu trên để tổng hợp, báo cáo {{ nguoi_chu_tri }}./.")
    L.signature(d)
    return d


def end_loop_with_page_breaks(d) -> None:
    """Close a `{%p for %}` loop that puts each item (letter, invitation) in its own section.

    A section per item: each starts on a new page, its pages are numbered from 1 and its first page
    has no number, as if printed alone.
    """
    L.para(d, "{%p if not loop.last %}")
    L.section_break(d)
    L.para(d, "{%p endif %}")
    L.para(d, "{%p endfor %}")


def letters():
    d = new_document()
    L.para(d, "{%p for tl in thu %}")
    L.para(d, "{%p set noi_nhan = tl.noi_nhan %}")
    L.letterhead(d, number_tag="{{ tl.so_dong }}", subject_tag="V/v trả lời ý kiến, kiến nghị của {{ tl.ten_goi }}",
                 date_tag="{{ tl.noi_ngay }}")
    L.para(d, "Kính gửi: {{ tl.kinh_gui }}", align="center", before=12, after=0)
    L.para(d, "{% if tl.dia_chi %}Địa chỉ: {{ tl.dia_chi }}{% endif %}", align="center", after=12)
    L.body(d, "{{ co_quan_ten }} nhận được ý kiến, kiến nghị của {{ tl.ten_goi }} {{ tl.noi_neu }}. Sau khi xem xét, "
              "{{ co_quan_viet_tat }} trả lời như sau:")
    L.para(d, "{%p for kn in tl.kien_nghi %}")
    L.body(d, "{{ loop.index }}. Nội dung kiến nghị ({{ kn.ma }}): {{ kn.noi_dung }}")
    L.body(d, "Trả lời: {{ kn.tra_loi }}")
    L.para(d, "{%p endfor %}")
    L.body(d, "{{ co_quan_ten }} trả lời để {{ tl.xung_ho }} được biết./.")
    L.signature(d)
    end_loop_with_page_breaks(d)
    return d


def invitations():
    d = new_document()
    L.para(d, "{%p for gm in giay_moi %}")
    L.letterhead(d)
    L.title(d, "GIẤY MỜI", "Dự {{ ten_hoi_nghi_thuong }}")
    L.para(d, "{{ co_quan_ten }} trân trọng kính mời: {{ gm.kinh_moi }}", indent=True, bold=True)
    L.body(d, "{% if gm.chuc_vu_don_vi %}Chức vụ, đơn vị: {{ gm.chuc_vu_don_vi }}{% endif %}")
    L.body(d, "Tới dự {{ ten_hoi_nghi_thuong }}, do {{ chu_tri_nguoi }} chủ trì.")
    L.body(d, "Thời gian: {{ thoi_gian }}.")
    L.body(d, "Địa điểm: {{ dia_diem }}.")
    L.body(d, "Rất mong {{ gm.xung_ho }} tham dự đúng thời gian, thành phần./.")
    L.signature(d)
    end_loop_with_page_breaks(d)
    return d


def agenda():
    d = new_document()
    L.letterhead(d, number=False)
    L.title(d, "CHƯƠNG TRÌNH", "{{ ten_hoi_nghi }}")
    L.para(d, "Thời gian: {{ thoi_gian }}. Địa điểm: {{ dia_diem }}.", italic=True, align="center", after=12)
    L.grid_table(d, ["STT", "Thời gian", "Nội dung", "Người thực hiện"], ["{{ m.stt }}", "{{ m.gio }}", "{{ m.noi_dung }}",
                                                                          "{{ m.nguoi }}"],
                 [1.2, 2.4, 7.8, 4.6], loop="for m in muc")
    L.para(d, "THỨ TỰ PHÁT BIỂU THEO ĐĂNG KÝ (mỗi ý kiến không quá {{ so_phut }} phút)", bold=True, align="center", before=12,
           keep=True)
    L.grid_table(d, ["STT", "Thời gian", "Người phát biểu", "{{ khu_dan_cu_hoa }}", "Lĩnh vực"],
                 ["{{ p.stt }}", "{{ p.gio }}", "{{ p.ho_ten }}", "{{ p.noi_o }}", "{{ p.linh_vuc }}"], [1.2, 2.4, 5.0, 4.2, 3.2],
                 loop="for p in phat_bieu")
    L.body(d, "{% if phat_bieu_con_lai %}Còn {{ phat_bieu_con_lai }} người đăng ký chưa bố trí được thời gian phát biểu; chủ "
              "trì hội nghị xem xét trả lời bằng văn bản.{% endif %}")
    return d


def signin():
    d = new_document()
    L.letterhead(d, number=False)
    L.title(d, "DANH SÁCH ĐẠI BIỂU", "Dự {{ ten_hoi_nghi_thuong }}")
    L.para(d, "Thời gian: {{ thoi_gian }}. Địa điểm: {{ dia_diem }}.", italic=True, align="center", after=12)
    L.para(d, "{%p for nhom in nhom_dai_bieu %}")
    L.para(d, "{{ nhom.so }}. {{ nhom.ten }} ({{ nhom.so_luong }} người)", bold=True, keep=True)
    L.grid_table(d, ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Ký tên"], ["{{ db.stt }}", "{{ db.ho_ten }}", "{{ db.chuc_vu }}",
                                                                          "{{ db.don_vi }}", ""],
                 [1.2, 4.6, 3.8, 4.4, 2.4], loop="for db in nhom.dai_bieu", min_height_cm=1.0)
    L.para(d, "{%p endfor %}")
    return d


def notice():
    d = new_document()
    L.letterhead(d)
    L.title(d, "THÔNG BÁO", "Kết quả {{ ten_hoi_nghi_thuong }}")
    L.body(d, "Thực hiện Kế hoạch số {{ so_ke_hoach }} ngày {{ ngay_ke_hoach }} của {{ co_quan_viet_tat }}, "
              "{{ vao_hoi }}{% if dia_diem %}, tại {{ dia_diem }}{% endif %}, {{ co_quan_viet_tat }} đã tổ chức "
              "{{ ten_hoi_nghi_thuong }}, "
              "do {{ chu_tri_nguoi }} chủ trì. Dự hội nghị có {{ so_co_mat }} đại biểu.")
    L.body(d, "Tại hội nghị và qua phiếu đăng ký, {{ doi_tuong }} đã nêu {{ tong_so }} ý kiến, kiến nghị, trong đó: {{ "
              "so_tai_hoi_nghi }} ý kiến được trả lời trực tiếp tại hội nghị; {{ so_tra_loi_sau }} ý kiến được giao các cơ "
              "quan, đơn vị kiểm tra, trả lời bằng văn bản; {{ so_cap_tren }} ý kiến vượt thẩm quyền được tổng hợp, báo cáo cấp "
              "trên{% if so_chua_phan_loai %}; {{ so_chua_phan_loai }} ý kiến chưa phân loại hình thức xử lý{% endif %}.")
    L.body(d, "{{ chu_tri }} kết luận các nội dung theo từng lĩnh vực như sau:")
    L.para(d, "{%p for lv in ket_luan %}")
    L.para(d, "{{ lv.so }}. {{ lv.ten }} ({{ lv.so_luong }} ý kiến)", bold=True, keep=True, indent=True)
    L.para(d, "{%p for y in lv.y_kien %}")
    L.body(d, "- {{ y.noi_dung }}{% if y.nguoi %} ({{ y.nguoi }}){% endif %}")
    L.para(d, "{{ y.ket_luan }}", italic=True, indent=True)
    L.para(d, "{%p endfor %}")
    L.para(d, "{%p endfor %}")
    L.body(d, "{{ chu_tri }} giao các cơ quan, đơn vị khẩn trương giải quyết các kiến nghị thuộc thẩm quyền, "
              "trả lời bằng văn bản cho người có kiến nghị; đề nghị Ủy ban MTTQ Việt Nam {{ ten_day_du }} giám sát việc thực "
              "hiện các kết luận tại hội nghị.")
    L.body(d, "{{ co_quan_ten }} thông báo để {{ doi_tuong }} được biết./.")
    L.signature(d)
    return d


def dotted(d, label: str, *, after: float = 3):
    """A line to write on: the label, then dots to the right margin (a dot-leader tab, so it is always full width)."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    paragraph = L.para(d, label + "\t", after=after)
    paragraph.paragraph_format.tab_stops.add_tab_stop(L.Cm(16.4), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    return paragraph


def slips():
    """Seed 004's slip: one page per slip, numbered per residential group when the clerk asks."""
    d = new_document()
    L.para(d, "{%p for ph in phieu %}")
    L.letterhead(d, number=False, date_tag="{{ noi_ngay_trong }}")
    L.title(d, "PHIẾU ĐĂNG KÝ", "THAM GIA Ý KIẾN TẠI {{ ten_hoi_nghi_hoa }}")
    L.para(d, "{% if ph.so %}Số phiếu: {{ ph.so }}{% if ph.to_dan_pho %} – {{ ph.to_dan_pho }}{% endif %}{% endif "
              "%}", align="right", italic=True)
    dotted(d, "Họ và tên: ")
    dotted(d, "Giới tính:   □ Nam    □ Nữ        Năm sinh: ")
    dotted(d, "Địa chỉ: ")
    dotted(d, "Số điện thoại liên hệ: ")
    L.para(d, "Phạm vi, nội dung câu hỏi để đăng ký:", bold=True, keep=True)
    L.body(d, "{{ pham_vi }}")
    L.body(d, "LƯU Ý: {{ ngoai_pham_vi }}").runs[0].italic = True
    L.para(d, "NỘI DUNG CÂU HỎI CỤ THỂ", bold=True, align="center", before=4, keep=True)
    for _ in range(6):
        dotted(d, "", after=4)
    L.body(d, "Lưu ý: Người đăng ký gửi phiếu này về {{ co_quan_viet_tat }} (qua {{ ten_van_phong }}){% if han_nop %} trước "
              "ngày {{ han_nop }}{% endif %}, hoặc gửi trực tiếp bộ phận thư ký, tổng hợp trước khi hội nghị bắt đầu để tiện "
              "theo dõi, tổng hợp và đăng ký phát biểu.").runs[0].italic = True
    signer = L.para(d, "NGƯỜI ĐĂNG KÝ", bold=True, align="right", before=6, after=0)
    signer.paragraph_format.right_indent = L.Cm(2)
    note = L.para(d, "(Ký, ghi rõ họ và tên)", italic=True, align="right")
    note.paragraph_format.right_indent = L.Cm(1.6)
    end_loop_with_page_breaks(d)
    return d


def announcement():
    d = new_document()
    L.letterhead(d)
    L.title(d, "THÔNG BÁO", "Về việc tổ chức {{ ten_hoi_nghi_thuong }}")
    L.body(d, "Thực hiện Kế hoạch số {{ so_ke_hoach }} ngày {{ ngay_ke_hoach }} của {{ co_quan_viet_tat }} về tổ chức {{ "
              "ten_hoi_nghi_thuong }}, {{ co_quan_ten }} thông báo như sau:")
    L.body(d, "1. Thời gian: {{ thoi_gian }}.")
    L.body(d, "2. Địa điểm: {{ dia_diem }}.")
    L.body(d, "3. Nội dung: {{ chu_tri_day_du }} thông tin tình hình kinh tế - xã hội, quốc phòng - an ninh của địa phương; "
              "lắng nghe và trả lời trực tiếp ý kiến, kiến nghị của {{ doi_tuong }} về {{ linh_vuc }} và những vấn đề {{ "
              "doi_tuong }} quan tâm.")
    L.body(d, "4. Thành phần: đại biểu được mời và {{ doi_tuong }} trên địa bàn {{ ten_day_du }} quan tâm đến dự.")
    L.body(d, "5. Đăng ký phát biểu: ghi ý kiến, kiến nghị vào Phiếu đăng ký phát biểu (nhận tại {{ khu_dan_cu }} hoặc "
              "{{ ten_van_phong }}), gửi về {{ ten_van_phong }} {{ ten_day_du }}{% if han_phieu %} trước ngày {{ "
              "han_phieu }}{% endif %}, hoặc đăng ký trực tiếp tại hội nghị. Mỗi ý kiến không quá {{ so_phut }} phút. Khiếu "
              "nại, tố cáo và tranh chấp giữa các cá nhân không thuộc phạm vi hội nghị đối thoại.")
    L.body(d, "{{ co_quan_ten }} trân trọng thông báo để {{ doi_tuong }} biết, tham dự./.")
    L.signature(d)
    return d


def minutes():
    d = new_document()
    L.letterhead(d)
    L.title(d, "BIÊN BẢN", "{{ ten_hoi_nghi }}")
    L.body(d, "Thời gian bắt đầu: {{ thoi_gian_hop }}.")
    L.body(d, "Địa điểm: {{ dia_diem }}.")
    L.body(d, "Chủ trì: {{ chu_tri_hop }}{% if dong_chu_tri %}; đồng chủ trì: {{ dong_chu_tri }}{% endif %}.")
    L.body(d, "Thư ký: {{ thu_ky }}.")
    L.para(d, "I. THÀNH PHẦN THAM DỰ", bold=True, keep=True)
    L.body(d, "Đại biểu được mời: {{ tong_moi }} người; có mặt: {{ tong_co_mat }} người, gồm:")
    L.grid_table(d, ["Nhóm đại biểu", "Được mời", "Có mặt"], ["{{ g.ten }}", "{{ g.moi }}", "{{ g.co_mat }}"], [9.0, 3.5, 3.5],
                 loop="for g in nhom_tham_du")
    L.para(d, "II. CHƯƠNG TRÌNH HỘI NGHỊ", bold=True, keep=True, before=6)
    L.para(d, "{%p for m in chuong_trinh %}")
    L.body(d, "{{ m.stt }}. {{ m.noi_dung }}{% if m.nguoi %} ({{ m.nguoi }}){% endif %}.")
    L.para(d, "{%p endfor %}")
    L.para(d, "III. Ý KIẾN, KIẾN NGHỊ VÀ TRẢ LỜI TẠI HỘI NGHỊ", bold=True, keep=True)
    L.body(d, "Có {{ so_phat_bieu }} lượt phát biểu ({{ so_tu_phieu }} lượt theo phiếu đăng ký, {{ so_tai_hoi_truong }} lượt "
              "tại hội trường):")
    L.para(d, "{%p for p in phat_bieu %}")
    L.para(d, "{{ p.thu_tu }}. {{ p.ho_ten }}{% if p.noi_o %} ({{ p.noi_o }}){% endif %}{% if p.tai_hoi_truong %}, phát biểu "
              "tại hội trường{% endif %}", bold=True, indent=True, keep=True)
    L.body(d, "Ý kiến: {{ p.cau_hoi }}")
    L.body(d, "Trả lời{% if p.nguoi_tra_loi %} ({{ p.nguoi_tra_loi }}){% endif %}: {{ p.tra_loi }}")
    L.para(d, "{%p endfor %}")
    L.para(d, "IV. KẾT LUẬN CỦA CHỦ TRÌ", bold=True, keep=True)
    L.body(d, "{{ ket_luan }}")
    L.body(d, "Hội nghị kết thúc vào {{ gio_be_mac }} cùng ngày. Biên bản đã được thông qua tại hội nghị./.")
    L.two_signatures(d, ("THƯ KÝ", "{{ thu_ky_ten }}"), ("CHỦ TRÌ", "{{ chu_tri_ten }}"))
    L.recipients(d)
    return d


def report_upward():
    d = new_document()
    L.letterhead(d)
    L.title(d, "BÁO CÁO", "Kết quả tổ chức {{ ten_hoi_nghi_thuong }}")
    addressed(d)
    L.body(d, "Thực hiện Kế hoạch số {{ so_ke_hoach }} ngày {{ ngay_ke_hoach }} của {{ co_quan_viet_tat }}{% if ngay_hoi_nghi "
              "%}, ngày {{ ngay_hoi_nghi }}{% endif %}, {{ co_quan_viet_tat }} đã tổ chức {{ ten_hoi_nghi_thuong }}. "
              "{{ co_quan_viet_tat }} báo cáo kết quả như sau:").paragraph_format.space_before = L.Pt(12)
    L.para(d, "I. CÔNG TÁC TỔ CHỨC", bold=True, keep=True)
    L.body(d, "Hội nghị được tổ chức {{ thoi_gian_cau }}, tại {{ dia_diem }}, do {{ chu_tri_nguoi }} chủ trì. Trước hội nghị, "
              "{{ co_quan_viet_tat }} đã ban hành kế hoạch, thông báo công khai thời gian, địa điểm, nội dung đối thoại; tiếp "
              "nhận {{ "
              "so_phieu }} phiếu đăng ký phát biểu và ý kiến do Ủy ban MTTQ, các tổ chức chính trị - xã hội tổng hợp gửi về.")
    L.body(d, "Đại biểu được mời: {{ tong_moi }} người; có mặt: {{ tong_co_mat }} người. Tại hội nghị có {{ so_phat_bieu }} "
              "lượt phát biểu.")
    L.grid_table(d, ["Nhóm đại biểu", "Được mời", "Có mặt"], ["{{ g.ten }}", "{{ g.moi }}", "{{ g.co_mat }}"], [9.0, 3.5, 3.5],
                 loop="for g in nhom_tham_du")
    L.para(d, "II. KẾT QUẢ ĐỐI THOẠI", bold=True, keep=True, before=6)
    L.body(d, "Tổng số ý kiến, kiến nghị: {{ tong_hop_xu_ly }}. Đã có nội dung trả lời {{ so_da_tra_loi }}; chưa có nội "
              "dung trả lời {{ so_chua_tra_loi }}.")
    L.body(d, "Theo nguồn: {% for n in nguon %}{{ n.ten }} {{ n.so_luong }}{% if not loop.last %}; {% endif %}{% endfor %}.")
    stats_table(d)
    L.para(d, "III. NHỮNG NỘI DUNG VƯỢT THẨM QUYỀN, ĐỀ NGHỊ CẤP TRÊN XEM XÉT", bold=True, keep=True, before=6)
    L.body(d, "{% if not cap_tren %}Không có nội dung vượt thẩm quyền của {{ co_quan_viet_tat }}.{% else %}Có {{ "
              "cap_tren|length }} nội dung vượt thẩm quyền, {{ co_quan_viet_tat }} kính đề nghị cấp trên xem xét, giải quyết:{% "
              "endif %}")
    L.para(d, "{%p for kn in cap_tren %}")
    L.body(d, "{{ kn.stt }}. {{ kn.ma }} – {{ kn.nguoi }} ({{ kn.linh_vuc }}): {{ kn.noi_dung }}")
    L.para(d, "{%p endfor %}")
    L.para(d, "IV. TÌNH HÌNH GIẢI QUYẾT SAU HỘI NGHỊ (đến ngày {{ ngay_bao_cao }})", bold=True, keep=True)
    L.grid_table(d, ["Đơn vị", "Được giao", "Đã hoàn thành", "Đang thực hiện, trong hạn", "Quá hạn"],
                 ["{{ dv.ten }}", "{{ dv.giao }}", "{{ dv.xong }}", "{{ dv.trong_han "
                                                                    "}}", "{{ dv.qua_han }}"], [6.4, 2.2, 2.6, 2.8, 2.0],
                 loop="for dv in theo_doi")
    L.para(d, "V. ĐỀ XUẤT", bold=True, keep=True, before=6)
    L.body(d, "{{ co_quan_viet_tat }} tiếp tục chỉ đạo các cơ quan, đơn vị giải quyết dứt điểm các kiến nghị thuộc thẩm quyền, "
              "trả lời bằng văn bản cho người có kiến nghị; phối hợp với Ủy ban MTTQ Việt Nam {{ ten_day_du }} giám sát việc "
              "thực hiện các kết luận tại hội nghị.")
    L.body(d, "Trên đây là báo cáo kết quả tổ chức {{ ten_hoi_nghi_thuong }}./.")
    L.signature(d)
    return d


def bullets(d, items: str, *, dash: bool = False) -> None:
    """One body paragraph per item of a list in the context (the plan's paragraphs, each with its own mark)."""
    L.para(d, "{%p for item in " + items + " %}")
    L.body(d, "{{ item }}")
    L.para(d, "{%p endfor %}")


def plan():
    """The plan (kế hoạch), as the seed plans are laid out: I. purpose and requirements; II. content, time, venue, who;
    III. each unit's tasks with their dates; IV. budget (documents/plan.py)."""
    d = new_document()
    L.letterhead(d)
    L.title(d, "KẾ HOẠCH", "Tổ chức {{ ten_hoi_nghi_thuong }}")
    bullets(d, "can_cu")
    L.body(d, "{{ co_quan_ten }} xây dựng Kế hoạch tổ chức {{ ten_hoi_nghi_thuong }}, cụ thể như sau:")
    L.para(d, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, keep=True)
    L.para(d, "1. Mục đích", bold=True, keep=True, indent=True)
    bullets(d, "muc_dich")
    L.para(d, "2. Yêu cầu", bold=True, keep=True, indent=True)
    bullets(d, "yeu_cau")
    L.para(d, "II. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", bold=True, keep=True)
    L.para(d, "1. Nội dung đối thoại", bold=True, keep=True, indent=True)
    bullets(d, "noi_dung_doi_thoai")
    L.para(d, "2. Thời gian, địa điểm", bold=True, keep=True, indent=True)
    L.body(d, "- Thời gian: {{ thoi_gian_hop }}.")
    L.body(d, "- Địa điểm: {{ dia_diem }}.")
    L.para(d, "3. Thành phần", bold=True, keep=True, indent=True)
    L.body(d, "- Chủ trì: {{ chu_tri_day_du }}.")
    L.body(d, "- Đối tượng đối thoại: {{ doi_tuong }}.")
    L.body(d, "- Thành phần mời:{% if not nhom_moi %} đại biểu theo các nhóm {{ nhom_du_kien }} (danh sách cụ thể do {{ "
              "ten_van_phong }} lập).{% endif %}")
    L.para(d, "{%p for nhom in nhom_moi %}")
    L.para(d, "* {{ nhom.ten }} ({{ nhom.so_luong }} người):", bold=True, italic=True, indent=True, keep=True)
    L.para(d, "{%p for dong in nhom.dong %}")
    L.body(d, "- {{ dong }}{% if loop.last %}.{% else %};{% endif %}")
    L.para(d, "{%p endfor %}")
    L.para(d, "{%p endfor %}")
    L.body(d, "Tổng số đại biểu dự kiến: {{ so_dai_bieu }} đại biểu.")
    L.para(d, "4. Chương trình hội nghị", bold=True, keep=True, indent=True)
    L.grid_table(d, ["STT", "Nội dung", "Người thực hiện"], ["{{ m.stt }}", "{{ m.noi_dung }}", "{{ m.nguoi }}"],
                 [1.2, 9.6, 5.2], loop="for m in chuong_trinh", left=(1, 2))
    L.para(d, "III. TỔ CHỨC THỰC HIỆN", bold=True, keep=True, before=6)
    L.para(d, "{%p for dv in don_vi_thuc_hien %}")
    L.para(d, "{{ dv.stt }}. {{ dv.ten }}", bold=True, keep=True, indent=True)
    L.para(d, "{%p for v in dv.viec %}")
    L.body(d, "- {{ v.noi_dung }}.")
    L.para(d, "{%p endfor %}")
    L.para(d, "{%p endfor %}")
    L.para(d, "IV. KINH PHÍ", bold=True, keep=True)
    L.body(d, "{{ kinh_phi.nguon }}{% if kinh_phi.khoan %} Dự toán các khoản chi:{% endif %}")
    L.para(d, "{%p if kinh_phi.khoan %}")
    money = L.grid_table(d, ["STT", "Nội dung chi", "Số tiền (đồng)"], ["{{ k.stt }}", "{{ k.noi_dung }}", "{{ k.so_tien }}"],
                         [1.2, 10.8, 4.0], loop="for k in kinh_phi.khoan", total=["", "Tổng cộng", "{{ kinh_phi.tong }}"])
    for row in (2, 4):  # amounts line up on the right, as in a budget estimate
        money.rows[row].cells[2].paragraphs[0].alignment = L.WD_ALIGN_PARAGRAPH.RIGHT
    L.body(d, "Tổng cộng: {{ kinh_phi.tong_cong }}.").paragraph_format.space_before = L.Pt(6)
    L.para(d, "{%p endif %}")
    L.body(d, "Trên đây là Kế hoạch tổ chức {{ ten_hoi_nghi_thuong }}. {{ co_quan_ten }} đề nghị các cơ quan, đơn vị "
              "triển khai thực hiện; trong quá trình thực hiện, nếu có vướng mắc, báo cáo {{ co_quan_viet_tat }} (qua {{ "
              "ten_van_phong }}) để chỉ đạo giải quyết./.")
    L.signature(d)
    return d


def reminders():
    """One reminder (công văn đôn đốc) per late unit, each in its own section (documents/reminders.py)."""
    d = new_document()
    L.para(d, "{%p for dd in don_doc %}")
    L.letterhead(d, subject_tag="V/v đôn đốc trả lời ý kiến, kiến nghị của {{ doi_tuong }} (lần {{ dd.lan }})")
    L.para(d, "Kính gửi: {{ dd.don_vi }}.", align="center", before=12, after=12)
    L.body(d, "Thực hiện {% if cong_van_phan_cong %}Công văn số {{ cong_van_phan_cong }} của {{ co_quan_viet_tat }} về việc "
              "{% endif %}phân công trả lời ý kiến, kiến nghị của {{ doi_tuong }} tại {{ ten_hoi_nghi_thuong }}, đến ngày {{ "
              "ngay_don_doc }}, {{ dd.don_vi }} còn {{ dd.so_luong }} kiến nghị chưa hoàn thành việc tham mưu trả lời{% if "
              "dd.so_qua_han %}, trong đó {{ dd.so_qua_han }} kiến nghị đã quá hạn{% endif %}, cụ thể:")
    L.grid_table(d, ["STT", "Mã", "Nội dung kiến nghị", "Hạn hoàn thành", "Quá hạn"],
                 ["{{ kn.stt }}", "{{ kn.ma }}", "{{ kn.noi_dung }}", "{{ kn.han }}", "{{ kn.qua_han }}"],
                 [1.1, 1.8, 8.4, 2.4, 2.3], loop="for kn in dd.kien_nghi")
    L.body(d, "{% if dd.lan > 1 %}Đây là lần thứ {{ dd.lan }} {{ co_quan_viet_tat }} đôn đốc các nội dung trên (lần trước: {{ "
              "dd.lan_truoc }}). {% endif %}Đề nghị {{ dd.don_vi }} khẩn trương tham mưu văn bản trả lời các kiến nghị nêu "
              "trên, gửi về {{ ten_van_phong }} trước ngày {{ han_moi }} để tổng hợp, báo cáo {{ nguoi_chu_tri }}; trường "
              "hợp chưa thể hoàn thành, báo cáo rõ lý do và thời hạn hoàn thành./.").paragraph_format.space_before = L.Pt(6)
    L.signature(d)
    end_loop_with_page_breaks(d)
    return d


def rollup_report():
    """The level above's report on every ward's and commune's conference (`doithoai rollup --report`)."""
    d = new_document()
    L.letterhead(d)
    L.title(d, "BÁO CÁO", "Tổng hợp kết quả tổ chức hội nghị đối thoại",
            "giữa Chủ tịch UBND xã, phường với Nhân dân năm {{ nam }}")
    L.body(d, "Tổng hợp từ sổ theo dõi hội nghị đối thoại của {{ so_don_vi }} xã, phường gửi về "
           "(tính đến ngày {{ ngay_tong_hop }}){% if so_khong_doc %}; {{ so_khong_doc }} tệp chưa đọc được, "
           "danh sách ở mục V{% endif %}, kết quả như sau:")
    L.para(d, "I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ", bold=True, keep=True)
    L.body(d, "Đã tổ chức hội nghị: {{ so_da_to_chuc }}/{{ so_don_vi }} đơn vị; chưa đến ngày tổ chức: {{ so_chua_den_ngay }}; "
           "quá ngày nhưng chưa ghi nhận đã tổ chức: {{ so_chua_ghi_nhan }}. Thông báo công khai trước ít nhất 07 ngày: "
           "{{ so_cong_khai_dung_han }} đơn vị; muộn: {{ so_cong_khai_muon }}; chưa có: {{ so_cong_khai_chua_co }}. "
           "Thông báo kết quả trong 10 ngày sau hội nghị: {{ so_ket_qua_dung_han }} đơn vị; muộn: {{ so_ket_qua_muon }}; "
           "chưa có: {{ so_ket_qua_chua_co }}.")
    L.grid_table(d, ["STT", "Đơn vị", "Ngày hội nghị", "Tình trạng", "Có mặt", "Thông báo công khai", "Thông báo kết quả"],
                 ["{{ dv.stt }}", "{{ dv.ten }}", "{{ dv.ngay }}", "{{ dv.tinh_trang }}", "{{ dv.co_mat }}", "{{ dv.cong_khai }}",
                  "{{ dv.ket_qua }}"], [1.1, 3.9, 2.2, 2.6, 1.6, 2.3, 2.3], loop="for dv in cac_don_vi", size=11)
    L.para(d, "{{ bieu_do_hoi_nghi }}", align="center", before=6)
    L.para(d, "II. Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN", bold=True, keep=True)
    L.body(d, "Tổng số ý kiến, kiến nghị: {{ tong_hop_xu_ly }}. Đã trả lời hoặc đã giải quyết {{ so_da_tra_loi }}{% if "
           "so_da_chuyen %}; đã chuyển cấp trên {{ so_da_chuyen }}{% endif %}; chưa xử lý xong {{ so_dang_xu_ly }}.")
    L.grid_table(d, ["Lĩnh vực", "Số ý kiến"], ["{{ lv.ten }}", "{{ lv.so }}"], [9.0, 4.0], loop="for lv in linh_vuc",
                 size=12)
    L.para(d, "{{ bieu_do_kien_nghi }}", align="center", before=6)
    L.para(d, "III. PHÂN CÔNG TRẢ LỜI QUÁ HẠN", bold=True, keep=True)
    L.body(d, "Có {{ so_qua_han }}/{{ so_phan_cong }} phân công quá hạn chưa hoàn thành, tại {{ so_don_vi_qua_han }} đơn vị"
           "{% if qua_han %}, cụ thể:{% else %}.{% endif %}")
    L.grid_table(d, ["STT", "Đơn vị", "Số phân công", "Quá hạn", "Cơ quan có việc quá hạn (số việc)"],
                 ["{{ qh.stt }}", "{{ qh.ten }}", "{{ qh.phan_cong }}", "{{ qh.qua_han }}", "{{ qh.co_quan }}"],
                 [1.1, 3.9, 2.0, 1.8, 7.2], loop="for qh in qua_han", size=11)
    L.para(d, "{{ bieu_do_qua_han }}", align="center", before=6)
    L.para(d, "IV. KIẾN NGHỊ ĐỀ XUẤT CẤP TRÊN XEM XÉT, GIẢI QUYẾT", bold=True, keep=True)
    L.body(d, "Các xã, phường đề xuất {{ so_len_cap_tren }} kiến nghị vượt thẩm quyền"
           "{% if len_cap_tren %}:{% else %}.{% endif %}")
    L.grid_table(d, ["STT", "Đơn vị", "Mã", "Lĩnh vực", "Nội dung kiến nghị"],
                 ["{{ kn.stt }}", "{{ kn.don_vi }}", "{{ kn.ma }}", "{{ kn.linh_vuc }}", "{{ kn.noi_dung }}"],
                 [1.1, 3.2, 1.8, 2.8, 7.1], loop="for kn in len_cap_tren", size=11)
    L.para(d, "{{ bieu_do_cap_tren }}", align="center", before=6)
    L.para(d, "{%p if khong_doc %}")
    L.para(d, "V. SỔ CHƯA ĐỌC ĐƯỢC", bold=True, keep=True)
    L.grid_table(d, ["STT", "Tệp", "Lý do"], ["{{ f.stt }}", "{{ f.tep }}", "{{ f.ly_do }}"], [1.1, 5.5, 9.4],
                 loop="for f in khong_doc", size=11)
    L.para(d, "{%p endif %}")
    L.body(d, "Số liệu chi tiết (không kèm thông tin cá nhân của công dân) ở sổ tổng hợp {{ tep_tong_hop }} gửi kèm./.")
    L.signature(d)
    return d


# Template file (a kind's `template` in doithoai/domain/kinds.py) -> the function that builds it. Kinds sharing a
# template share its function; a template no kind names is not built.
BUILDERS = {"ke-hoach.docx": plan, "cong-van-don-doc.docx": reminders, "phieu-dang-ky.docx": slips,
            "thong-bao-hoi-nghi.docx": announcement, "bien-ban-hoi-nghi.docx": minutes,
            "bao-cao-ket-qua-hoi-nghi.docx": report_upward, "bao-cao-tong-hop.docx": report,
            "cong-van-phan-cong.docx": memo, "van-ban-tra-loi.docx": letters, "giay-moi.docx": invitations,
            "chuong-trinh-hoi-nghi.docx": agenda, "danh-sach-dai-bieu.docx": signin, "thong-bao-ket-qua.docx": notice,
            "bao-cao-tong-hop-cac-xa-phuong.docx": rollup_report}


def build_bytes(filename: str) -> bytes:
    """A template as bytes, with fixed timestamps inside so two builds are identical."""
    import datetime as dt

    document = BUILDERS[filename]()
    document.core_properties.created = dt.datetime(*FIXED_TIME)
    document.core_properties.modified = dt.datetime(*FIXED_TIME)
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    OUT.mkdir(exist_ok=True)
    for filename in template_names():
        data = build_bytes(filename)
        target = OUT / filename
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(filename)
        else:
            target.write_bytes(data)
            print(f"wrote templates/{filename}")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python scripts/build_templates.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
