"""The bottom layer: plain values and the rules that need no file — the workbook's schema, the data model, value
parsing and text, identity (keys), errors, bundled resources, phone numbers, Vietnamese number words, old encodings,
working days and holidays, calendar files. Imports nothing else of the package."""
