"""Checking every entry of a workbook: findings that point at a cell, and the safe fixes.

`engine.validate_book` runs the rules on a `BookData`; `jobs.validate` and `jobs.fix` are what the command
line and the buttons call. Submodules import nothing heavy.
"""
