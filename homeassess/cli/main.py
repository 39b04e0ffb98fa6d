"""Argument parsing and dispatch. Commands import what they need lazily, so that
``homeassess check`` never loads Qt, ReportLab, pydantic or the database layer; and only the
parser of the command being run is built (building all of them cost more than judging a value)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from homeassess.cli.errors import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Refused

COMMANDS = ("check", "list", "demo", "export", "import", "report", "photos", "finalise", "followup", "installed", "outcome",
            "selftest", "gui")
FOLLOW_UP_COMMANDS = ("finalise", "followup", "installed", "outcome")
GLOBAL_OPTIONS_WITH_VALUE = ("--data-dir", "--passphrase-file")


def command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs ("gui" when it names none); None when every parser is needed (help, a typo)."""
    values_to_skip = 0
    for token in argv:
        if values_to_skip:
            values_to_skip -= 1
        elif token in ("-h", "--help"):
            return None
        elif token in GLOBAL_OPTIONS_WITH_VALUE:
            values_to_skip = 1
        elif not token.startswith("-"):
            return token if token in COMMANDS else None
    return "gui"


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, as wide as the terminal. argparse makes one of these for every option it adds
    and sizes it with ``shutil.get_terminal_size``; importing ``shutil`` (with ``bz2`` and ``lzma``) was a
    twentieth of ``homeassess check``. The same rule without it: ``COLUMNS``, else the terminal, else 80."""

    def __init__(self, prog: str, **kwargs) -> None:  # argparse's
        kwargs.setdefault("width", _terminal_columns() - 2)
        super().__init__(prog, **kwargs)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` the global options and that one command's parser."""
    parser = argparse.ArgumentParser(
        prog="homeassess",
        description="Home-modification assessments. With no command, opens the program.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--data-dir", type=Path, help="folder of the store (default: your user data folder)")
    parser.add_argument("--passphrase-file", type=Path, help="read the store passphrase from this file")
    parser.add_argument("--selftest", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # The global options are accepted after the command too (homeassess list --data-dir X).
    common = argparse.ArgumentParser(add_help=False, formatter_class=HelpFormatter)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--passphrase-file", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    def command(subparsers, name: str, **kwargs) -> argparse.ArgumentParser:  # argparse's action
        return subparsers.add_parser(name, parents=[common], formatter_class=HelpFormatter, **kwargs)

    def wanted(name: str) -> bool:
        return only is None or only == name

    if wanted("check"):
        check = command(sub, "check", help="judge one measurement against a standard (and a client)")
        check.add_argument("item", nargs="?", help="measurement id, e.g. door_clear_width (see 'check --list')")
        check.add_argument("--list", action="store_true", help="list every measurement id and exit")
        check.add_argument("value", nargs="?", help='the measured value, e.g. "30 1/2", "815 mm", "1:12"')
        check.add_argument("--standard", default=None, help="standards profile: ada2010 (default), irc, a117_type_a, a117_type_b or fhag")
        check.add_argument("--unit", default="in", help="unit of a bare number: in (default), mm, cm or m")
        check.add_argument("--client", type=Path, help="client profile JSON for person-fit checks")
        check.add_argument("--json", action="store_true", help="print the finding as JSON")

    if wanted("list"):
        listing = command(sub, "list", help="list assessments in the store")
        listing.add_argument("--json", action="store_true")
        listing.add_argument("--search", default="", help="only those whose client or address contains this")
        listing.add_argument("--all", action="store_true", help="include archived assessments")
        listing.add_argument("--due", action="store_true", help="only assessments whose follow-up is due (today or earlier)")

    if wanted("demo"):
        command(sub, "demo", help="put the demo assessment into the store (idempotent)")

    bundle_commands = []
    if wanted("export"):
        export = command(sub, "export", help="write one assessment to an encrypted file another HomeAssess can import")
        export.add_argument("id", type=int, help="assessment id (see 'list')")
        export.add_argument("-o", "--output", type=Path, help="file or folder to write to (default: homeassess-ID-DATE.hax here)")
        bundle_commands.append(export)
    if wanted("import"):
        imported = command(sub, "import", help="add an assessment from an exported file to the store")
        imported.add_argument("file", type=Path, help="the .hax file")
        on_duplicate = imported.add_mutually_exclusive_group()
        on_duplicate.add_argument("--keep-both", action="store_true", help="if it is already here, add it as a second copy")
        on_duplicate.add_argument("--replace", action="store_true", help="if it is already here, replace the copy in the store")
        bundle_commands.append(imported)
    for bundle_command in bundle_commands:
        bundle_command.add_argument(
            "--export-passphrase-file", type=Path,
            help="read the file's own passphrase from this file (else HOMEASSESS_EXPORT_PASSPHRASE, else the terminal)",
        )

    if wanted("report"):
        report = command(sub, "report", help="write an assessment's report as PDF")
        report.add_argument("id", type=int, help="assessment id (see 'list')")
        report.add_argument("--audience", required=True, help="clinical, contractor, landlord or client; completion or followup for a follow-up")
        report.add_argument("-o", "--output", help="PDF file to write (default: homeassess-ID-AUDIENCE-DATE.pdf here)")
        report.add_argument("--paper", help="letter or a4 (default: from Settings)")
        report.add_argument("--no-photos", action="store_true", help="leave the photos out")
        report.add_argument("--mm", action="store_true", help="every length in millimetres")
        report.add_argument("--confirm-text", action="store_true",
                            help="print free text the clinical-wording check found (contractor, landlord, completion)")
    if wanted("photos"):
        photos = command(sub, "photos", help="photos of an assessment")
        photos_sub = photos.add_subparsers(dest="photos_command", metavar="ACTION", required=True)
        photos_add = command(photos_sub, "add", help="import photos into a room (JPEG, PNG, HEIC, WebP)")
        photos_add.add_argument("id", type=int, help="assessment id (see 'list')")
        photos_add.add_argument("--room", required=True, help="room name or room id")
        photos_add.add_argument("--item", help="attach to one checklist item (its id)")
        photos_add.add_argument("files", nargs="+", type=Path, help="photo files or folders")

    add_follow_up_parsers(sub, command, wanted)

    if wanted("selftest"):
        selftest = command(sub, "selftest", help="exercise store, photos, reports and export in a temporary store")
        selftest.add_argument("--no-gui", action="store_true", help="skip the Qt window and PDF preview step")
    if wanted("gui"):
        command(sub, "gui", help="open the program (the default)")
    return parser


def add_follow_up_parsers(sub, command, wanted) -> None:  # argparse's objects, as build_parser has them
    if wanted("finalise"):
        finalise = command(sub, "finalise", help="finalise an assessment (read-only; an original gets its follow-up due date)")
        finalise.add_argument("id", type=int, help="assessment id (see 'list')")
    if wanted("followup"):
        followup = command(sub, "followup", help="start the follow-up visit of a final assessment; prints its id")
        followup.add_argument("id", type=int, help="the final assessment's id (see 'list')")
        followup.add_argument("--json", action="store_true")
    if wanted("installed"):
        installed = command(sub, "installed", help="what a follow-up found of each accepted recommendation")
        installed.add_argument("id", type=int, help="the follow-up's id")
        installed.add_argument("ref", nargs="?", help="the item's number (see --list), its recommendation ref or library id")
        installed.add_argument("--list", action="store_true", help="list the installed items")
        installed.add_argument("--json", action="store_true")
        installed.add_argument("--status", help="not_checked, as_specified, deviations, partly or not_done")
        installed.add_argument("--reason", help="why not (fully) done: cost, landlord_declined, client_declined, "
                                                "awaiting_funding or other")
        installed.add_argument("--reason-note", help="the reason in a few words")
        installed.add_argument("--date", help="installed on (YYYY-MM-DD)")
        installed.add_argument("--by", help="who installed it")
        installed.add_argument("--note", help="a note about the item")
        installed.add_argument("--check", action="append", metavar="CHECK=VALUE",
                               help='an as-installed measurement, e.g. height="38 in" (repeat for more; CHECK= clears)')
    if wanted("outcome"):
        outcome = command(sub, "outcome", help="outcome measures of a visit (baseline or follow-up), and their change")
        outcome.add_argument("id", type=int, help="assessment id (an original: the baseline; a follow-up)")
        outcome.add_argument("--goal", type=int, metavar="N", help="the goal scored (its number in the client profile)")
        outcome.add_argument("--performance", type=int, metavar="P", help="the client's rating of performance, 1-10")
        outcome.add_argument("--satisfaction", type=int, metavar="S", help="the client's rating of satisfaction, 1-10")
        outcome.add_argument("--difficulty", metavar="D", help="difficulty of the activity: none, some, much or unable")
        outcome.add_argument("--falls", type=int, metavar="N", help="falls in the last 3 months")
        outcome.add_argument("--concern", type=int, metavar="N", help="concern about falling, 0-10")
        outcome.add_argument("--instrument", metavar="NAME", help="a standardised instrument used (its name)")
        outcome.add_argument("--score", metavar="TEXT", help="its score, as recorded")
        outcome.add_argument("--date", help="when these were recorded (YYYY-MM-DD; default today)")
        outcome.add_argument("--json", action="store_true")


def _log_unexpected(data_dir: Path | None) -> Path:
    import logging

    from homeassess.logs import configure_logging
    from homeassess.store.location import default_data_dir, log_dir

    path = configure_logging(log_dir(data_dir or default_data_dir()))
    logging.getLogger("homeassess.cli").exception("command failed")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    command = "selftest" if args.selftest else (args.command or "gui")
    if args.selftest and not hasattr(args, "no_gui"):
        args.no_gui = False
    try:
        if command == "check":
            from homeassess.cli.check_command import run_check

            return run_check(args)
        if command in ("list", "demo"):
            from homeassess.cli import store_commands

            return getattr(store_commands, f"run_{command}")(args)
        if command == "report":
            from homeassess.cli.report_command import run_report

            return run_report(args)
        if command in ("export", "import"):
            from homeassess.cli import bundle_commands

            return getattr(bundle_commands, f"run_{command}")(args)
        if command == "photos":
            from homeassess.cli.photos_command import run_photos_add

            return run_photos_add(args)
        if command in FOLLOW_UP_COMMANDS:
            from homeassess.cli import follow_up_commands

            return getattr(follow_up_commands, f"run_{command}")(args)
        if command == "selftest":
            from homeassess.cli.selftest_command import run_selftest_command

            return run_selftest_command(args)
        if command == "gui":
            from homeassess.cli.gui_command import run_gui

            return run_gui(args)
    except Refused as exc:
        print(f"homeassess: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_REFUSED
    except BrokenPipeError:  # the reader went away (homeassess check ... | head -1): nothing to report
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the interpreter's final flush stays quiet
        return EXIT_OK
    except Exception:  # the last resort: a plain line, details in the log
        log_path = _log_unexpected(args.data_dir)
        print(f"homeassess: something went wrong; details (without health information) are in {log_path}", file=sys.stderr)
        return EXIT_REFUSED
    parser.print_usage(sys.stderr)
    return EXIT_USAGE
