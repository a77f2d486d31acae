"""`doithoai doctor [BOOK]`: check this machine (and a workbook) for what stops the buttons; one line per problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import ExitStatus

NAME = "doctor"
HELP = "check this machine and a workbook for what stops the buttons (Kiểm tra máy)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", type=Path, nargs="?", help="the workbook whose buttons to check (.xlsm)")


def run(args: argparse.Namespace) -> int:
    from ..workflows.doctor import Machine, diagnose

    report = diagnose(Machine.here(), args.workbook)
    for line in report.checked:
        print(f"• {line}")
    for finding in report.findings:
        print(finding.line())
    if not report.findings:
        print("✓ Không thấy vấn đề gì: các nút và lệnh chạy được trên máy này.")
        return ExitStatus.OK
    print(f"Có {len(report.findings)} vấn đề cần sửa (mỗi dòng ✗ ở trên kèm cách sửa).")
    return ExitStatus.DATA_ERRORS
