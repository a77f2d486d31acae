"""The sample conference multiplied K times, with fresh codes: the workload of the scaling benchmark.

Copy j of the sample is `sample_conference(seed=118 + j)` (other people, phones and lanes; the same matters), its slips and
petitions renumbered after the copies before it (`P-0061`, `KN-0081`, …) and its assignments and
petition-to-slip links renumbered with them, so every code stays unique and every link still holds.
K = 50 is 7,500 delegates, 3,000 slips, 4,000 petitions and 4,200 assignments (84 a copy). Stdlib only.
"""

from __future__ import annotations

from typing import Any

from doithoai.workflows.sample import SampleData, sample_conference


def scaled_conference(k: int) -> SampleData:
    base = sample_conference()
    width = max(3, len(str(k * 100)))
    tables: dict[str, list[dict[str, Any]]] = {"dai_bieu": [], "phieu": [], "kien_nghi": [], "phan_cong": []}
    for j in range(k):
        copy = base if j == 0 else sample_conference(seed=118 + j)
        slip_codes: dict[str, str] = {}
        petition_codes: dict[str, str] = {}
        for row in copy.tables["dai_bieu"] or ():
            tables["dai_bieu"].append({**row, "stt": len(tables["dai_bieu"]) + 1})
        for row in copy.tables["phieu"] or ():
            code = slip_codes[row["ma_phieu"]] = f"P-{len(tables['phieu']) + 1:0{width}d}"
            tables["phieu"].append({**row, "ma_phieu": code})
        for row in copy.tables["kien_nghi"] or ():
            code = petition_codes[row["ma_kien_nghi"]] = f"KN-{len(tables['kien_nghi']) + 1:0{width}d}"
            tables["kien_nghi"].append({**row, "ma_kien_nghi": code, "ma_phieu": slip_codes.get(row.get("ma_phieu") or "")})
        for row in copy.tables["phan_cong"] or ():
            tables["phan_cong"].append({**row, "ma_kien_nghi": petition_codes[row["ma_kien_nghi"]]})
    return SampleData(settings=base.settings, tables={**tables, "moc_thoi_gian": None}, calendar=base.calendar)


def build_scaled_workbook(path, k: int):
    """The scaled sample as an .xlsm at `path`, built like the demo workbook (buttons included)."""
    from pathlib import Path

    from doithoai.book.builder import build_workbook
    from doithoai.book.controls import BUTTONS
    from doithoai.book.xlwings_conf import this_machine
    from doithoai.core.resources import vba_project
    from doithoai.io.files import atomic_save

    path = Path(path)
    data, project, conf = scaled_conference(k), vba_project(), this_machine()
    atomic_save(path, lambda temp: build_workbook(temp, data=data, vba_project=project, buttons=BUTTONS, conf=conf))
    return path
