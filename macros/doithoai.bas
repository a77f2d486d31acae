Attribute VB_Name = "Module1"
Option Explicit

Public Sub KiemTraDuLieu()
    RunPython "import doithoai.buttons as b; b.check_data()"
End Sub

Public Sub SuaLoiAnToan()
    RunPython "import doithoai.buttons as b; b.fix_data()"
End Sub

Public Sub TinhHan()
    RunPython "import doithoai.buttons as b; b.compute_deadlines()"
End Sub

Public Sub CongVanPhanCong()
    RunPython "import doithoai.buttons as b; b.make_memo()"
End Sub

Public Sub BaoCaoTongHop()
    RunPython "import doithoai.buttons as b; b.make_report()"
End Sub

Public Sub VanBanTraLoi()
    RunPython "import doithoai.buttons as b; b.make_letters()"
End Sub

Public Sub GiayMoiChuongTrinh()
    RunPython "import doithoai.buttons as b; b.make_invitations()"
End Sub

Public Sub ThongBaoKetQua()
    RunPython "import doithoai.buttons as b; b.make_notice()"
End Sub

Public Sub ChiaSeMTTQ()
    RunPython "import doithoai.buttons as b; b.share_copy()"
End Sub

Public Sub NhapYKienMTTQ()
    RunPython "import doithoai.buttons as b; b.import_notes()"
End Sub
