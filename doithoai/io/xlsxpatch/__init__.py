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

Modules: `package.py` parts and relationships, `cells.py` cells and new rows of a sheet, `cellvalue.py` a value as a
cell, `styles.py` cell formats, `sheetxml.py` a whole report sheet, `condformat.py` the tool's conditional formats,
`apply.py` the transaction (`from doithoai.io.xlsxpatch.apply import apply`: importing a module of the package
does not import the writer and lxml with it, as the roll-up's and the reports' cell encoding needs `cellvalue` only).
"""
