"""`doithoai reminders BOOK [--out DIR] [--date] [--no-write] [--json]`: the reminders to late units (công văn đôn đốc).

The same command as `documents --kind reminders`: one paper per unit with assignments overdue or due within 3 days,
a plain-text message per unit for Zalo or e-mail, and each reminder recorded on `Nhật ký đôn đốc` (its round).
"""

from __future__ import annotations

import argparse

from .documents import add_common_arguments, produce

NAME = "reminders"
HELP = ("produce the reminders to units with overdue or due-soon assignments (Công văn đôn đốc) and a message per unit; "
        "records each reminder in the workbook")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return produce(args, ["reminders"])
