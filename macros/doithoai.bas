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

Public Sub KeHoach()
    DoithoaiRun "make_plan"
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

Public Sub DonDocDonVi()
    DoithoaiRun "make_reminders"
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
    ' gives a Vietnamese explanation instead of xlwings' "Could not find Interpreter!". Starting Python
    ' is guarded: a run-time error there (error 70 when an antivirus rule forbids Office to start programs)
    ' becomes a Vietnamese message instead of VBA's End/Debug box.
    Dim problem As String, launcher As String, failure As Long, description As String, note As String
    problem = DoithoaiProblem()
    If problem <> "" Then
        DoithoaiShow problem
        Exit Sub
    End If
    launcher = DoithoaiLauncher()
    If launcher <> "" Then
        ' Windows: doithoai-click.exe starts our handler without xlwings' prelude (import xlwings.utils),
        ' which would import pandas and matplotlib before every click.
        failure = DoithoaiStartLauncher(launcher, handler, description)
        If failure = 0 Then Exit Sub
        If DoithoaiBlocked(failure) Then
            DoithoaiShow DoithoaiBlockedMessage()  ' RunPython goes through cmd.exe too: it would be blocked the same way
            Exit Sub
        End If
        note = DoithoaiLauncherFailed(launcher, DoithoaiError(failure, description)) & " "
    End If
    ' No launcher, or it could not be started: xlwings' RunPython starts the same handler (slower).
    failure = DoithoaiStartPython(handler, description)
    If failure = 0 Then Exit Sub
    If DoithoaiBlocked(failure) Then
        DoithoaiShow DoithoaiBlockedMessage()
    Else
        If launcher = "" Then note = DoithoaiLauncherNote()
        DoithoaiShow note & DoithoaiStartFailed(DoithoaiError(failure, description))
    End If
End Sub

Private Function DoithoaiStartLauncher(ByVal launcher As String, ByVal handler As String, description As String) As Long
    On Error GoTo failed
    RunFrozenPython launcher, handler
    Exit Function
failed:
    DoithoaiStartLauncher = Err.Number
    description = Err.Description
End Function

Private Function DoithoaiStartPython(ByVal handler As String, description As String) As Long
    On Error GoTo failed
    RunPython "import doithoai.buttons as b; b." & handler & "()"
    Exit Function
failed:
    DoithoaiStartPython = Err.Number
    description = Err.Description
End Function

Private Function DoithoaiBlocked(ByVal failure As Long) As Boolean
    ' 70 "Permission denied": Defender's attack surface reduction rule "Block all Office applications from
    ' creating child processes" stopping cmd.exe; -2147024891 (&H80070005) is the same refusal as a COM error.
    DoithoaiBlocked = (failure = 70 Or failure = -2147024891)
End Function

Private Function DoithoaiError(ByVal failure As Long, ByVal description As String) As String
    DoithoaiError = CStr(failure)
    If description <> "" Then DoithoaiError = DoithoaiError & ": " & description
End Function

Private Function DoithoaiLauncherNote() As String
    ' The workbook names a launcher that is gone (an antivirus may have removed it): said only if Python fails too.
    Dim launcher As String
    If DoithoaiOnMac() Then Exit Function
    launcher = GetConfig("DOITHOAI_LAUNCHER_WIN", "")
    If launcher <> "" Then DoithoaiLauncherNote = DoithoaiLauncherMissing(launcher) & " "
End Function

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

Private Function DoithoaiBlockedMessage() As String
    Dim s As String
    s = s & "M" & ChrW(225) & "y n" & ChrW(224) & "y kh" & ChrW(244) & "ng cho Excel m" & ChrW(7903) & " ch" & ChrW(432) & ChrW(417) & "ng tr" & ChrW(236) & "nh kh" & ChrW(225) & "c (l" & ChrW(7895) & "i 70: "
    s = s & "Permission denied), n" & ChrW(234) & "n n" & ChrW(250) & "t kh" & ChrW(244) & "ng ch" & ChrW(7841) & "y " & ChrW(273) & ChrW(432) & ChrW(7907) & "c Python. Th" & ChrW(432) & ChrW(7901) & "ng "
    s = s & "l" & ChrW(224) & " do quy t" & ChrW(7855) & "c ch" & ChrW(7863) & "n c" & ChrW(7911) & "a ph" & ChrW(7847) & "n m" & ChrW(7873) & "m di" & ChrW(7879) & "t virus: Microsoft "
    s = s & "Defender, quy t" & ChrW(7855) & "c " & ChrW(8220) & "Block all Office applications from "
    s = s & "creating child processes" & ChrW(8221) & ". C" & ChrW(225) & "ch s" & ChrW(7917) & "a: b" & ChrW(225) & "o b" & ChrW(7897) & " ph" & ChrW(7853) & "n k" & ChrW(7929) & " thu" & ChrW(7853) & "t "
    s = s & "cho ph" & ChrW(233) & "p Excel ch" & ChrW(7841) & "y " & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i tr" & ChrW(234) & "n m" & ChrW(225) & "y n" & ChrW(224) & "y (l" & ChrW(7879) & "nh doithoai "
    s = s & "doctor cho bi" & ChrW(7871) & "t quy t" & ChrW(7855) & "c n" & ChrW(224) & "o " & ChrW(273) & "ang b" & ChrW(7853) & "t). Trong l" & ChrW(250) & "c ch" & ChrW(7901) & ": l" & ChrW(432) & "u v" & ChrW(224) & " "
    s = s & ChrW(273) & ChrW(243) & "ng s" & ChrW(7893) & ", r" & ChrW(7891) & "i d" & ChrW(249) & "ng ch" & ChrW(432) & ChrW(417) & "ng tr" & ChrW(236) & "nh " & ChrW(8220) & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i" & ChrW(8221) & " tr" & ChrW(234) & "n m" & ChrW(224) & "n h" & ChrW(236) & "nh, "
    s = s & "l" & ChrW(224) & "m " & ChrW(273) & ChrW(432) & ChrW(7907) & "c m" & ChrW(7885) & "i vi" & ChrW(7879) & "c nh" & ChrW(432) & " c" & ChrW(225) & "c n" & ChrW(250) & "t."
    DoithoaiBlockedMessage = s
End Function

Private Function DoithoaiLauncherMissing(ByVal launcher As String) As String
    Dim s As String
    s = s & "Kh" & ChrW(244) & "ng th" & ChrW(7845) & "y ch" & ChrW(432) & ChrW(417) & "ng tr" & ChrW(236) & "nh kh" & ChrW(7903) & "i " & ChrW(273) & ChrW(7897) & "ng "
    s = s & launcher
    s = s & " (c" & ChrW(243) & " th" & ChrW(7875) & " ph" & ChrW(7847) & "n m" & ChrW(7873) & "m di" & ChrW(7879) & "t virus " & ChrW(273) & ChrW(227) & " x" & ChrW(243) & "a ho" & ChrW(7863) & "c c" & ChrW(225) & "ch ly t" & ChrW(7879) & "p n" & ChrW(224) & "y)."
    DoithoaiLauncherMissing = s
End Function

Private Function DoithoaiLauncherFailed(ByVal launcher As String, ByVal error As String) As String
    Dim s As String
    s = s & "Kh" & ChrW(244) & "ng ch" & ChrW(7841) & "y " & ChrW(273) & ChrW(432) & ChrW(7907) & "c ch" & ChrW(432) & ChrW(417) & "ng tr" & ChrW(236) & "nh kh" & ChrW(7903) & "i " & ChrW(273) & ChrW(7897) & "ng "
    s = s & launcher
    s = s & " (l" & ChrW(7895) & "i "
    s = s & error
    s = s & ")."
    DoithoaiLauncherFailed = s
End Function

Private Function DoithoaiStartFailed(ByVal error As String) As String
    Dim s As String
    s = s & "Excel kh" & ChrW(244) & "ng kh" & ChrW(7903) & "i " & ChrW(273) & ChrW(7897) & "ng " & ChrW(273) & ChrW(432) & ChrW(7907) & "c Python cho n" & ChrW(250) & "t n" & ChrW(224) & "y (l" & ChrW(7895) & "i "
    s = s & error
    s = s & "). C" & ChrW(225) & "ch s" & ChrW(7917) & "a: ch" & ChrW(7841) & "y l" & ChrW(7841) & "i b" & ChrW(7897) & " c" & ChrW(224) & "i install.bat c" & ChrW(7911) & "a " & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i, r" & ChrW(7891) & "i "
    s = s & "m" & ChrW(7903) & " l" & ChrW(7841) & "i s" & ChrW(7893) & " v" & ChrW(224) & " b" & ChrW(7845) & "m n" & ChrW(250) & "t. N" & ChrW(7871) & "u v" & ChrW(7851) & "n l" & ChrW(7895) & "i: g" & ChrW(7917) & "i th" & ChrW(244) & "ng b" & ChrW(225) & "o n" & ChrW(224) & "y cho b" & ChrW(7897) & " "
    s = s & "ph" & ChrW(7853) & "n k" & ChrW(7929) & " thu" & ChrW(7853) & "t, v" & ChrW(224) & " trong l" & ChrW(250) & "c ch" & ChrW(7901) & " l" & ChrW(432) & "u v" & ChrW(224) & " " & ChrW(273) & ChrW(243) & "ng s" & ChrW(7893) & ", r" & ChrW(7891) & "i d" & ChrW(249) & "ng "
    s = s & "ch" & ChrW(432) & ChrW(417) & "ng tr" & ChrW(236) & "nh " & ChrW(8220) & ChrW(272) & ChrW(7889) & "i tho" & ChrW(7841) & "i" & ChrW(8221) & " tr" & ChrW(234) & "n m" & ChrW(224) & "n h" & ChrW(236) & "nh."
    DoithoaiStartFailed = s
End Function
