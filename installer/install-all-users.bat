@echo off
rem Doi thoai - install for every Windows account of this PC. Right click, "Run as administrator".
rem ASCII with CRLF line ends, like install.bat (the builder writes both so).
call "%~dp0install.bat" --all-users %*
