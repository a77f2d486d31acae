"""The level above: one workbook rolling up every ward's and commune's workbook in a folder.

- `unit.summarize(book, file, today)`: pure, one workbook's `BookData` -> `UnitSummary` (plain, masked data);
- `aggregate.aggregate(units, failures, …)`: pure, the summaries -> the roll-up's sheets and chart figures;
- `job.rollup(folder, …)`: finds the workbooks, reads them in parallel, writes the .xlsx (`workbook.py`) and,
  on request, the Word report (`report.py`). The command `doithoai rollup` and the window call it.
"""

from __future__ import annotations

from .job import RollupResult, rollup

__all__ = ["RollupResult", "rollup"]
