"""The workbook as a product: its sheets built from the schema (builder), its buttons (controls), its VBA module
(vba) and xlwings' settings sheet (xlwings_conf). Above core and io; below the rules."""
