"""Shared fixtures: the committed template, and the sample conference built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from doithoai.core.resources import workbook_template


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
