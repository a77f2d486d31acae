"""The scaled sample used by benchmarks/scaling.py: K times the rows, every code unique, every link kept."""

from __future__ import annotations

from collections import Counter

from scaled import scaled_conference

from doithoai.workflows.sample import sample_conference


def test_scaled_sample_multiplies_rows_with_fresh_codes():
    base = sample_conference()
    data = scaled_conference(3)
    for key in ("dai_bieu", "phieu", "kien_nghi"):
        assert len(data.tables[key]) == 3 * len(base.tables[key])
    assert len(data.tables["phan_cong"]) > 2 * len(base.tables["phan_cong"])  # each copy draws its own assignments
    slips = [r["ma_phieu"] for r in data.tables["phieu"]]
    petitions = [r["ma_kien_nghi"] for r in data.tables["kien_nghi"]]
    assert len(set(slips)) == len(slips) and len(set(petitions)) == len(petitions)
    assert set(r["ma_phieu"] for r in data.tables["kien_nghi"] if r["ma_phieu"]) <= set(slips)
    assert set(r["ma_kien_nghi"] for r in data.tables["phan_cong"]) <= set(petitions)
    # each copy's petitions keep their own slips: the person on the petition is the one on the slip
    by_code = {r["ma_phieu"]: r for r in data.tables["phieu"]}
    linked = [r for r in data.tables["kien_nghi"] if r["ma_phieu"]]
    assert linked and all(by_code[r["ma_phieu"]]["ho_ten"] == r["nguoi_kien_nghi"] for r in linked)
    assert Counter(r["stt"] for r in data.tables["dai_bieu"]).most_common(1)[0][1] == 1
