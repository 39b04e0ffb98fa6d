"""``homeassess`` with no command: open the program."""

from __future__ import annotations

from argparse import Namespace


def run_gui(args: Namespace) -> int:
    from homeassess.app import run_app

    return run_app(data_dir=args.data_dir)
