"""`doithoai report BOOK [--out DIR]`: the summary report (Báo cáo tổng hợp) with its table and chart."""

from __future__ import annotations

import argparse

from .documents import add_common_arguments, produce

NAME = "report"
HELP = "produce the summary report of petitions with statistics and chart (Báo cáo tổng hợp)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return produce(args, ["report"])
