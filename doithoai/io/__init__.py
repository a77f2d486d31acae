"""The workbook file and Excel: read, write, lock, patch, and the access protocol every job takes. Above core; below
book and everything else.

Inside io, bottom to top. A module imports only from its own line or the lines above it, counting imports inside
functions (tests/test_layers.py reads these lines and holds the code to them):

- disk: `lock` `files` `tomlfile` `registry`
    files as files: the tool's lock beside a workbook; a workbook's path usable, not open, saved atomically, backed
    up; a TOML file a person wrote; what Windows' registry says about this PC.
- package: `errorcells` `extent` `scan`
    the workbook's zip as the reader sees it: error cells calamine reads as blanks, a sheet's declared size, every
    member's checksum (`scan.check_workbook_file`: the test of a workbook before it is read or written).
- sheets: `owned_sheet` `conference_sheet`
    the layout of a sheet the tool writes and people type into (the three-way merge), and the secretary's sheet.
- reading: `tables` `reader`
    raw sheet rows -> `BookData` (pure), python-calamine in a thread.
- writing: `writerules` `xlsxpatch` `writer`
    the rules every write obeys (which columns, not under merged cells, the tool's mark); the package patcher (its
    own order in xlsxpatch/__init__.py); the write transaction that checks, then drives the patcher.
- access: `access` `xlwings_access`
    the workbook-access protocol over a file (`FileWorkbook`) or over the workbook open in Excel.

Shared rules live below both users: the characters a cell cannot hold and the line-break rule in `core.text`
(`clean_text`), a sheet found by its name in `core.keys` (`find_sheet`).
"""
