@echo off
rem Doi thoai - offline installer for Windows (64-bit Python 3.11 to 3.13, no network needed).
rem This file stays ASCII with CRLF line ends: cmd.exe reads it in the console's code page.
rem It only finds a 64-bit Python (installing the bundled python-3.1x.x-amd64.exe when there is none); install.py
rem (beside it) does the rest: private environment in a short ASCII folder, packages from the "wheels" folder with
rem no network, the blank workbook connected, PATH, Excel's trusted location, desktop shortcuts.
rem Per user by default, without administrator rights. "install.bat --all-users" (install-all-users.bat, run as
rem administrator) installs for every Windows account: Python for all users, C:\DoiThoai, the public desktop.
setlocal EnableExtensions
chcp 65001 >nul
cd /d "%~dp0"
set "PY="
set "ALL="
for %%A in (%*) do if /i "%%~A"=="--all-users" set "ALL=1"
set "CHECK=import sys, struct; sys.exit(0 if struct.calcsize('P') == 8 and (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)"

if defined ALL (
  net session >nul 2>&1
  if errorlevel 1 (
    echo.
    echo CAI CHO MOI NGUOI DUNG CAN QUYEN QUAN TRI.
    echo Bam chuot phai vao install-all-users.bat, chon "Run as administrator".
    echo Cai cho rieng tai khoan nay thi bam dup install.bat, khong can quyen quan tri.
    echo.
    pause
    exit /b 1
  )
)

call :find
if not defined PY (
  for %%F in ("%~dp0python-3.1*-amd64.exe") do (
    if not defined PY (
      echo Chua co Python 64-bit. Dang cai Python tu tep %%~nxF ...
      if defined ALL (
        "%%~fF" /passive InstallAllUsers=1 Include_launcher=0 InstallLauncherAllUsers=0 Include_test=0 PrependPath=0 Shortcuts=0 AssociateFiles=0
      ) else (
        "%%~fF" /passive InstallAllUsers=0 Include_launcher=0 InstallLauncherAllUsers=0 Include_test=0 PrependPath=0 Shortcuts=0 AssociateFiles=0
      )
      call :find
    )
  )
)
if not defined PY (
  echo.
  echo KHONG TIM THAY PYTHON 64-BIT, phien ban 3.11, 3.12 hoac 3.13.
  if defined ALL echo Cai cho moi nguoi dung can Python cai cho moi nguoi, trong thu muc Program Files.
  echo Hay chep tep python-3.12.x-amd64.exe - ban "Windows installer 64-bit" tai tu python.org - vao thu muc nay
  echo roi chay lai. Xem them tep "Huong dan cai dat.txt".
  echo.
  pause
  exit /b 1
)
echo Dung Python: %PY%
%PY% "%~dp0install.py" %*
set "RESULT=%ERRORLEVEL%"
echo.
pause
exit /b %RESULT%

:find
rem For all users only a Python installed for all users (Program Files) will do: one in a user's profile cannot be
rem read by the other accounts. Otherwise the py launcher first (it knows every installed Python), then python on
rem PATH (not the Microsoft Store stub, which fails the check), then the usual folders of python.org's installer
rem and of its new install manager.
if defined ALL (
  for %%V in (313 312 311) do (
    if not defined PY if exist "%ProgramFiles%\Python%%V\python.exe" (
      "%ProgramFiles%\Python%%V\python.exe" -c "%CHECK%" >nul 2>&1 && set "PY="%ProgramFiles%\Python%%V\python.exe""
    )
  )
  exit /b 0
)
for %%V in (3.13 3.12 3.11) do (
  if not defined PY (
    py -%%V-64 -c "%CHECK%" >nul 2>&1 && set "PY=py -%%V-64"
  )
)
if not defined PY (
  python -c "%CHECK%" >nul 2>&1 && set "PY=python"
)
for %%V in (313 312 311) do (
  if not defined PY if exist "%LocalAppData%\Programs\Python\Python%%V\python.exe" (
    "%LocalAppData%\Programs\Python\Python%%V\python.exe" -c "%CHECK%" >nul 2>&1 && set "PY="%LocalAppData%\Programs\Python\Python%%V\python.exe""
  )
  if not defined PY if exist "%ProgramFiles%\Python%%V\python.exe" (
    "%ProgramFiles%\Python%%V\python.exe" -c "%CHECK%" >nul 2>&1 && set "PY="%ProgramFiles%\Python%%V\python.exe""
  )
)
for %%V in (3.13 3.12 3.11) do (
  if not defined PY if exist "%LocalAppData%\Python\pythoncore-%%V-64\python.exe" (
    "%LocalAppData%\Python\pythoncore-%%V-64\python.exe" -c "%CHECK%" >nul 2>&1 && set "PY="%LocalAppData%\Python\pythoncore-%%V-64\python.exe""
  )
)
exit /b 0
