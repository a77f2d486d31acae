"""Reading a province on several cores gives what reading it on one gives, even when a worker process dies."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from province import TODAY, generate_province

from doithoai.rollup import job


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return generate_province(tmp_path_factory.mktemp("province") / "Tỉnh", 8)


def _read(folder, workers):
    units, failures = job.read_units(job.find_workbooks(folder), folder, TODAY, workers=workers)
    return sorted((u.file, u.unit, len(u.petitions), len(u.overdue), u.present) for u in units), sorted(
        (f.file, f.reason) for f in failures)


def test_parallel_equals_one_core(province):
    one = _read(province.folder, 1)
    assert len(one[0]) == len(province.readable) and len(one[1]) == len(province.unreadable)
    assert _read(province.folder, 2) == one
    assert _read(province.folder, 3) == one


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the dying worker is patched in through fork")
@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")  # the executor's thread must not fail
def test_a_worker_that_dies_is_made_up_for_without_a_traceback(province, monkeypatch, capfd):
    expected = _read(province.folder, 1)
    parent = os.getpid()
    summarize = job._summarize_file

    def dies_in_a_worker(one):
        if os.getpid() != parent:
            os._exit(3)  # killed (out of memory, by the person): the pool breaks
        return summarize(one)

    monkeypatch.setattr(job, "_summarize_file", dies_in_a_worker)
    capfd.readouterr()
    assert _read(province.folder, 2) == expected
    assert "Traceback" not in capfd.readouterr().err


def test_the_smallest_files_damaged_are_each_read_once(province, tmp_path):
    """The main process starts on the smallest files; damaged ones are the smallest and must neither be skipped
    nor read twice."""
    import shutil

    folder = tmp_path / "Tỉnh"
    shutil.copytree(province.folder, folder)
    for i in range(5):
        (folder / f"hỏng-{i}.xlsx").write_bytes(b"PK" * (i + 1))
    one = _read(folder, 1)
    assert len(one[1]) == len(province.unreadable) + 5
    assert _read(folder, 2) == one
    units, failures = job.read_units(job.find_workbooks(folder), folder, TODAY, workers=2)
    assert len(units) + len(failures) == len(job.find_workbooks(folder))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the unpicklable result is patched in through fork")
def test_a_result_a_worker_cannot_send_is_read_here_without_a_traceback(province, monkeypatch, capfd):
    expected = _read(province.folder, 1)
    parent = os.getpid()
    summarize = job._summarize_file

    def unpicklable_in_a_worker(one):
        relative, summary, reason = summarize(one)
        if os.getpid() != parent and summary is not None:
            summary.masked_cells = lambda: 0  # a lambda does not pickle: the worker's sender thread fails
        return relative, summary, reason

    monkeypatch.setattr(job, "_summarize_file", unpicklable_in_a_worker)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)  # the forked worker prints as the CLI's would
    capfd.readouterr()
    assert _read(province.folder, 2) == expected
    assert "Traceback" not in capfd.readouterr().err
