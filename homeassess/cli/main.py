"""Argument parsing and dispatch. Commands import what they need lazily, so that
``homeassess check`` never loads Qt, ReportLab or the database layer."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from homeassess.cli.errors import EXIT_REFUSED, EXIT_USAGE, Refused


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="homeassess",
        description="Home-modification assessments. With no command, opens the program.",
    )
    parser.add_argument("--data-dir", type=Path, help="folder of the store (default: your user data folder)")
    parser.add_argument("--passphrase-file", type=Path, help="read the store passphrase from this file")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="judge one measurement against a standard (and a client)")
    check.add_argument("item", help="measurement id, e.g. door_clear_width (see 'check --list')")
    check.add_argument("value", nargs="?", help='the measured value, e.g. "30 1/2", "815 mm", "1:12"')
    check.add_argument("--standard", default=None, help="standards profile: ada2010 (default) or irc")
    check.add_argument("--unit", default="in", help="unit of a bare number: in (default), mm, cm or m")
    check.add_argument("--client", type=Path, help="client profile JSON for person-fit checks")
    check.add_argument("--json", action="store_true", help="print the finding as JSON")

    listing = sub.add_parser("list", help="list assessments in the store")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--search", default="", help="only those whose client or address contains this")
    listing.add_argument("--all", action="store_true", help="include archived assessments")

    sub.add_parser("demo", help="put the demo assessment into the store (idempotent)")
    sub.add_parser("gui", help="open the program (the default)")
    return parser


def _log_unexpected(data_dir: Path | None) -> Path:
    import logging

    from homeassess.logs import configure_logging
    from homeassess.store.location import default_data_dir, log_dir

    path = configure_logging(log_dir(data_dir or default_data_dir()))
    logging.getLogger("homeassess.cli").exception("command failed")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "check":
            from homeassess.cli.check_command import run_check

            return run_check(args)
        if command in ("list", "demo"):
            from homeassess.cli import store_commands

            return getattr(store_commands, f"run_{command}")(args)
        if command == "gui":
            from homeassess.cli.gui_command import run_gui

            return run_gui(args)
    except Refused as exc:
        print(f"homeassess: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_REFUSED
    except Exception:  # noqa: BLE001 - the last resort: a plain line, details in the log
        log_path = _log_unexpected(args.data_dir)
        print(f"homeassess: something went wrong; details (without health information) are in {log_path}", file=sys.stderr)
        return EXIT_REFUSED
    parser.print_usage(sys.stderr)
    return EXIT_USAGE
