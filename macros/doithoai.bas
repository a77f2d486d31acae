Attribute VB_Name = "Module1"
Option Explicit

Public Sub KiemTraDuLieu()
    DoithoaiRun "check_data"
End Sub

Public Sub SuaLoiAnToan()
    DoithoaiRun "fix_data"
End Sub

Public Sub TinhHan()
    DoithoaiRun "compute_deadlines"
End Sub

Public Sub PhieuDangKy()
    DoithoaiRun "make_slips"
End Sub

Public Sub MauGuiToChuc()
    DoithoaiRun "make_intake_forms"
End Sub

Public Sub NhapYKienToChuc()
    DoithoaiRun "import_intake"
End Sub

Public Sub CongVanPhanCong()
    DoithoaiRun "make_memo"
End Sub

Public Sub BaoCaoTongHop()
    DoithoaiRun "make_report"
End Sub

Public Sub VanBanTraLoi()
    DoithoaiRun "make_letters"
End Sub

Public Sub GiayMoiChuongTrinh()
    DoithoaiRun "make_invitations"
End Sub

Public Sub ThongBaoCongKhai()
    DoithoaiRun "make_announcement"
End Sub

Public Sub TrangThuKy()
    DoithoaiRun "prepare_conference"
End Sub

Public Sub YKienTaiHoiNghi()
    DoithoaiRun "record_floor_petitions"
End Sub

Public Sub BienBanHoiNghi()
    DoithoaiRun "make_minutes"
End Sub

Public Sub ThongBaoKetQua()
    DoithoaiRun "make_notice"
End Sub

Public Sub BaoCaoCapTren()
    DoithoaiRun "make_report_upward"
End Sub

Public Sub ChiaSeMTTQ()
    DoithoaiRun "share_copy"
End Sub

Public Sub NhapYKienMTTQ()
    DoithoaiRun "import_notes"
End Sub

Private Sub DoithoaiRun(ByVal handler As String)
    ' Checks the interpreter the workbook is connected to before starting Python, so a missing Python
    ' gives a Vietnamese explanation instead of xlwings' "Could not find Interpreter!".
    Dim problem As String, launcher As String
    problem = DoithoaiProblem()
    If problem <> "" Then
        DoithoaiShow problem
        Exit Sub
    End If
    launcher = DoithoaiLauncher()
    If launcher <> "" Then
        ' Windows: doithoai-click.exe starts our handler without xlwings' prelude (import xlwings.utils),
        ' which would import pandas and matplotlib before every click.
        RunFrozenPython launcher, handler
    Else
        RunPython "import doithoai.buttons as b; b." & handler & "()"
    End If
End Sub

Private Function DoithoaiProblem() As String
    Dim interpreter As String
    If DoithoaiOnMac() Then
        interpreter = GetConfig("INTERPRETER_MAC", "")
    Else
        interpreter = GetConfig("INTERPRETER_WIN", "")
    End If
    If interpreter = "" Then
        DoithoaiProblem = DoithoaiNotConnected()
    ElseIf Not FileExists(interpreter) Then
        DoithoaiProblem = DoithoaiMissingPython(interpreter)
    End If
End Function

Private Function DoithoaiLauncher() As String
    Dim launcher As String
    If DoithoaiOnMac() Then Exit Function
    launcher = GetConfig("DOITHOAI_LAUNCHER_WIN", "")
    If launcher <> "" Then
        If FileExists(launcher) Then DoithoaiLauncher = launcher
    End If
End Function

Private Function DoithoaiOnMac() As Boolean
    On Error Resume Next
    DoithoaiOnMac = (InStr(1, Application.OperatingSystem, "Mac", vbTextCompare) > 0)
End Function

Private Sub DoithoaiShow(ByVal message As String)
    ' WScript.Shell's Popup shows Vietnamese on any Windows; VBA's MsgBox only in the system code page.
    Dim host As Object
    On Error Resume Next
    If Not DoithoaiOnMac() Then Set host = CreateObject("WScript.Shell")
    If host Is Nothing Then
        MsgBox message, vbExclamation, DoithoaiTitle()
    Else
        host.Popup message, 0, DoithoaiTitle(), 48
    End If
End Sub

Private Function DoithoaiTitle() As String
    DoithoaiTitle = ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i"
End Function

Private Function DoithoaiNotConnected() As String
    Dim s As String
    s = s & "S" & ChrW(7893) & " n" & ChrW(224) & "y ch" & ChrW(432) & "a " & ChrW(273) & ChrW(432) & ChrW(7907) & "c k" & ChrW(7871) & "t n" & ChrW(7889) & "i v" & ChrW(7899) & "i Python tr" & ChrW(234) & "n m" & ChrW(225) & "y n" & ChrW(224) & "y, n" & ChrW(234) & "n n" & ChrW(250) & "t "
    s = s & "ch" & ChrW(432) & "a ch" & ChrW(7841) & "y " & ChrW(273) & ChrW(432) & ChrW(7907) & "c. C" & ChrW(225) & "ch s" & ChrW(7917) & "a: l" & ChrW(432) & "u v" & ChrW(224) & " " & ChrW(273) & ChrW(243) & "ng s" & ChrW(7893) & ", k" & ChrW(233) & "o t" & ChrW(7879) & "p s" & ChrW(7893) & " th" & ChrW(7843) & " v" & ChrW(224) & "o "
    s = s & "bi" & ChrW(7875) & "u t" & ChrW(432) & ChrW(7907) & "ng " & ChrW(8220) & "K" & ChrW(7871) & "t n" & ChrW(7889) & "i s" & ChrW(7893) & " " & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i" & ChrW(8221) & " tr" & ChrW(234) & "n m" & ChrW(224) & "n h" & ChrW(236) & "nh (ho" & ChrW(7863) & "c ch" & ChrW(7841) & "y "
    s = s & "l" & ChrW(7879) & "nh: doithoai connect """ & ChrW(273) & ChrW(432) & ChrW(7901) & "ng d" & ChrW(7851) & "n t" & ChrW(7899) & "i s" & ChrW(7893) & """), r" & ChrW(7891) & "i m" & ChrW(7903) & " l" & ChrW(7841) & "i s" & ChrW(7893) & " v" & ChrW(224) & " "
    s = s & "b" & ChrW(7845) & "m n" & ChrW(250) & "t."
    DoithoaiNotConnected = s
End Function

Private Function DoithoaiMissingPython(ByVal path As String) As String
    Dim s As String
    s = s & "Kh" & ChrW(244) & "ng t" & ChrW(236) & "m th" & ChrW(7845) & "y Python m" & ChrW(224) & " s" & ChrW(7893) & " n" & ChrW(224) & "y d" & ChrW(249) & "ng ("
    s = s & path
    s = s & "): c" & ChrW(243) & " th" & ChrW(7875) & " s" & ChrW(7893) & " " & ChrW(273) & ChrW(432) & ChrW(7907) & "c ch" & ChrW(233) & "p t" & ChrW(7915) & " m" & ChrW(225) & "y kh" & ChrW(225) & "c ho" & ChrW(7863) & "c Python " & ChrW(273) & ChrW(227) & " b" & ChrW(7883) & " g" & ChrW(7905) & ". "
    s = s & "C" & ChrW(225) & "ch s" & ChrW(7917) & "a: n" & ChrW(7871) & "u m" & ChrW(225) & "y ch" & ChrW(432) & "a c" & ChrW(224) & "i " & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i, ch" & ChrW(7841) & "y b" & ChrW(7897) & " c" & ChrW(224) & "i "
    s = s & "install.bat; sau " & ChrW(273) & ChrW(243) & " l" & ChrW(432) & "u v" & ChrW(224) & " " & ChrW(273) & ChrW(243) & "ng s" & ChrW(7893) & ", k" & ChrW(233) & "o t" & ChrW(7879) & "p s" & ChrW(7893) & " th" & ChrW(7843) & " v" & ChrW(224) & "o bi" & ChrW(7875) & "u "
    s = s & "t" & ChrW(432) & ChrW(7907) & "ng " & ChrW(8220) & "K" & ChrW(7871) & "t n" & ChrW(7889) & "i s" & ChrW(7893) & " " & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i" & ChrW(8221) & " tr" & ChrW(234) & "n m" & ChrW(224) & "n h" & ChrW(236) & "nh (ho" & ChrW(7863) & "c ch" & ChrW(7841) & "y l" & ChrW(7879) & "nh: "
    s = s & "doithoai connect """ & ChrW(273) & ChrW(432) & ChrW(7901) & "ng d" & ChrW(7851) & "n t" & ChrW(7899) & "i s" & ChrW(7893) & """), r" & ChrW(7891) & "i m" & ChrW(7903) & " l" & ChrW(7841) & "i s" & ChrW(7893) & ". N" & ChrW(7871) & "u "
    s = s & "Excel kh" & ChrW(244) & "ng ch" & ChrW(7841) & "y " & ChrW(273) & ChrW(432) & ChrW(7907) & "c macro, d" & ChrW(249) & "ng ch" & ChrW(432) & ChrW(417) & "ng tr" & ChrW(236) & "nh " & ChrW(8220) & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i" & ChrW(8221) & " "
    s = s & "tr" & ChrW(234) & "n m" & ChrW(224) & "n h" & ChrW(236) & "nh thay cho c" & ChrW(225) & "c n" & ChrW(250) & "t."
    DoithoaiMissingPython = s
End Function
