"""The file writer: a `ChangeSet` applied by patching the .xlsx/.xlsm package in place (`apply`).

Why patching, not openpyxl: every writing command used to load and save the whole workbook with openpyxl (4.7 s at
50 times the demo, more than any job's own work) even to change a few cells, and openpyxl's round trip silently drops
what it does not model from the office's own workbook (pictures, charts, shapes, threaded comments, x14 data
validations and conditional formats, slicers, custom XML…). Patching costs time in proportion to what changes.

Decisions:
- Copied raw: every zip member the write does not change keeps its bytes, compressed bytes included (no inflate
  and deflate again): the VBA project, the buttons' drawings, pictures, printer settings, untouched sheets, the
  shared strings. Parsed and re-serialised (lxml): only the sheets written, and the small parts a change needs
  (workbook.xml, relationships, [Content_Types].xml, styles.xml, the tables a new row stretches, docProps/app.xml).
- Text is written as inline strings (`cellvalue.py`): the shared-string table is never rewritten (it holds every
  typed text of the workbook), and Excel turns inline strings into shared ones on its next save.
- The calculation chain (xl/calcChain.xml) is dropped whenever a sheet is written, and a workbook whose values
  changed asks Excel to recalculate on open (`fullCalcOnLoad`, as openpyxl's saves always did): a stale chain naming
  a cell whose formula we overwrote makes Excel "repair" the file, and Excel rebuilds the chain itself.
- A workbook saved as "Strict Open XML" (purl.oclc.org namespaces) is refused with a sentence saying how to save it
  as an ordinary workbook (exit 2, nothing written): the openpyxl writer could not write one either.
- Excel requires a worksheet's children in schema order: every element added goes in its place (`order.py`).

Modules, bottom to top: `order.py` a part's children in schema order, `lines.py` row heights, `cellvalue.py` a value
as a cell, `package.py` parts and relationships, `styles.py` cell formats, `cells.py` cells and new rows of a sheet,
`condformat.py` the tool's conditional formats, `sheetxml.py` a whole report sheet, `apply.py` the transaction. The
patcher imports nothing of the writer that drives it (`io.writer.apply_changes` calls `apply.apply`): the rules both
keep are `io.writerules`, the text a cell can hold is `core.text.clean_text`, a sheet is found by `core.keys.find_sheet`.
Importing a module of the package does not import lxml and the transaction with it (`from
doithoai.io.xlsxpatch.apply import apply`), as the roll-up's and the reports' cell encoding needs `cellvalue` only.
"""
