"""The office's documents: Word templates with docxtpl tags, rendered from the workbook.

Layers: `wording` (Vietnamese dates, salutations, safe text; pure), `context` (BookData -> one plain dict
per document; pure), `render` (docxtpl, with a fast batch path for many letters), `chart`, `names`
(safe file names), `pdf` (LibreOffice), `job` (one kind's job and the run's result), `builders` (each kind's
context builder), `jobs` (the run: what the commands and the buttons call), `spread` (a run over the cores).
What each kind is (template, window, number, recipients…) is its entry in `domain/kinds.py`.
"""
