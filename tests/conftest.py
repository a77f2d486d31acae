"""Shared fixtures: the committed template, and the sample conference built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from doithoai.core.resources import workbook_template

# Every property test runs under this profile (each test still sets its own max_examples): no per-example deadline,
# since a slow example on 2 shared cores, with the run spread over them (pytest-xdist), is load and not a finding;
# print_blob so a failure seen in CI can be replayed with @reproduce_failure.
settings.register_profile("doithoai", deadline=None, print_blob=True)
settings.load_profile("doithoai")


@pytest.fixture(scope="session")
def template_path() -> Path:
    return workbook_template()


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory) -> Path:
    """The sample conference workbook (plan 118/KH-UBND), built fresh; no job has run on it. Do not modify."""
    from doithoai.workflows.demo import build_sample_workbook

    return build_sample_workbook(tmp_path_factory.mktemp("demo") / "demo.xlsm")


@pytest.fixture
def tmp_book(tmp_path, demo_path) -> Path:
    """A private copy of the sample workbook that a test may change."""
    target = tmp_path / "book.xlsm"
    shutil.copyfile(demo_path, target)
    return target
