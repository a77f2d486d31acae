"""The office's documents: Word templates with docxtpl tags, rendered from the workbook.

Layers: `wording` (Vietnamese dates, salutations, safe text; pure), `context` (BookData -> one plain dict
per document; pure), `render` (docxtpl, with a fast batch path for many letters), `chart`, `names`
(safe file names), `pdf` (LibreOffice), `jobs` (what the commands and the buttons call).
"""
