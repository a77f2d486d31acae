"""The `doithoai` command: a thin layer of commands over the package's job functions.

Each command lives in `doithoai/commands/<module>.py` with NAME, HELP, add_arguments(parser) and
run(args) -> exit status; NAME is the module's name with "-" for "_" (tests/test_cli.py checks it). Modules are
imported to build --help, so they import nothing heavy at top level. A run of one command (`doithoai validate
BOOK`, what every button and script does) builds the parser of that command only: importing the other
seventeen modules cost a fresh Python ~20 ms for nothing.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .core.errors import DoithoaiError, ExitStatus

# In the order of work, which is also the order `doithoai --help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "new",
    "demo",
    "connect",
    "doctor",
    "validate",
    "fix",
    "deadlines",
    "calendar",
    "intake_form",
    "intake",
    "conference_sheet",
    "documents",
    "report",
    "letters",
    "reminders",
    "conference_petitions",
    "share",
    "merge_back",
    "rollup",
)


def utf8_streams() -> None:
    """Standard output and error in UTF-8 (the command line and the installer's steps print Vietnamese)."""
    # A Windows console may default to a legacy code page that cannot print Vietnamese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # absent when a test replaced the stream
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="replace")
        except ValueError:
            pass


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `only` (a module of COMMAND_MODULES) the parser of that one command."""
    parser = argparse.ArgumentParser(
        prog="doithoai",
        description="Đối thoại: sổ theo dõi hội nghị đối thoại giữa Chủ tịch UBND xã, phường với Nhân dân.",
    )
    parser.add_argument("--version", action="version", version=f"doithoai {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an unexpected error")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES if only is None else (only,):
        module = importlib.import_module(f".commands.{module_name}", __package__)
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def _command_module(argv: Sequence[str]) -> str | None:
    """The module of the command `argv` runs, when it names one after nothing but --debug; else None (whole parser)."""
    for token in argv:
        if token == "--debug":
            continue
        module = token.replace("-", "_")
        return module if not token.startswith("-") and module in COMMAND_MODULES else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    utf8_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_command_module(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return ExitStatus.OK
    try:
        return int(args._run(args))
    except DoithoaiError as exc:
        if args.debug:
            import traceback

            traceback.print_exc()
        print(exc.message, file=sys.stderr)
        return int(exc.status)
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu; chưa có gì bị ghi dở.", file=sys.stderr)
        return 130
    except Exception as exc:  # a defect: say so in one sentence, the traceback only with --debug
        if args.debug:
            raise
        print(
            f"Lỗi không mong đợi ({type(exc).__name__}): {exc}. "
            "Chạy lại với --debug để xem chi tiết và báo cho bộ phận kỹ thuật.",
            file=sys.stderr,
        )
        return ExitStatus.UNUSABLE


if __name__ == "__main__":
    raise SystemExit(main())
