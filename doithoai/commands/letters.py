"""`doithoai letters BOOK [--out DIR]`: one answer letter per petitioner, plus one combined print file."""

from __future__ import annotations

import argparse

from .documents import add_common_arguments, produce

NAME = "letters"
HELP = "produce the answer letters, one file each and one combined print file (Văn bản trả lời); numbers them in the workbook"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return produce(args, ["letters"])
