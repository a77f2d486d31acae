@echo off
rem Doi thoai - offline installer for Windows (64-bit Python 3.11 to 3.13, no network needed).
rem This file stays ASCII with CRLF line ends: cmd.exe reads it in the console's code page.
rem It only finds a 64-bit Python; install.py (beside it) does the rest: private environment in a short
rem ASCII folder, packages from the "wheels" folder with no network, the blank workbook connected, desktop shortcuts.
setlocal EnableExtensions
chcp 65001 >nul
cd /d "%~dp0"
set "PY="
set "CHECK=import sys, struct; sys.exit(0 if struct.calcsize('P') == 8 and (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)"

call :find
if not defined PY (
  for %%F in ("%~dp0python-3.1*-amd64.exe") do (
    echo Chua co Python 64-bit. Dang cai Python tu tep %%~nxF ...
    "%%~fF" /passive InstallAllUsers=0 Include_launcher=1 Include_test=0 PrependPath=0
    call :find
  )
)
if not defined PY (
  echo.
  echo KHONG TIM THAY PYTHON 64-BIT, phien ban 3.11, 3.12 hoac 3.13.
  echo Hay cai Python 3.12 ban 64-bit "Windows installer 64-bit" tu python.org,
  echo hoac chep tep python-3.12.x-amd64.exe vao thu muc nay, roi chay lai install.bat.
  echo Xem them tep "Huong dan cai dat.txt".
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
rem The py launcher first (it knows every installed Python), then python on PATH (not the Microsoft Store stub,
rem which fails the check), then the usual folders of python.org's installer and of its new install manager.
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
