"""``homeassess export ID -o FILE`` and ``homeassess import FILE [--keep-both|--replace]``.

The file's passphrase is its own secret (``cli/passphrase.py``): ``--export-passphrase-file``,
else HOMEASSESS_EXPORT_PASSPHRASE, else typed on the terminal (twice for an export). It never
defaults to the store passphrase; choosing the same one on purpose works, with a warning.
Never from an argument. Messages carry no health information: no client names, and no file
names in the audit trail.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from homeassess.cli.errors import EXIT_OK, Refused
from homeassess.cli.passphrase import EXPORT_ENV_VAR, read_export_passphrase, read_passphrase
from homeassess.cli.store_commands import open_workspace
from homeassess.services.bundle_transfer import BundleError, BundleService, DuplicateAssessment
from homeassess.store.location import default_data_dir
from homeassess.store.store import Store

__all__ = ["EXPORT_ENV_VAR", "run_export", "run_import"]

SAME_PASSPHRASE = ("homeassess: warning: the export file has the same passphrase as your store; anyone who gets the file "
                   "can try guesses against it offline")
DUPLICATE = "this assessment is already in the store; use --keep-both or --replace"


def _passphrases(args: Namespace, *, creating: bool, exporting: bool) -> tuple[str, str]:
    """(store passphrase, export-file passphrase): two secrets, asked for separately."""
    store = read_passphrase(args.passphrase_file, creating=creating)
    file_passphrase = read_export_passphrase(args.export_passphrase_file, new_file=exporting)
    if exporting and file_passphrase == store:
        print(SAME_PASSPHRASE, file=sys.stderr)
    return store, file_passphrase


def _size(n: int) -> str:
    return f"{n / 1024**2:.1f} MB" if n >= 1024**2 else f"{max(1, round(n / 1024))} KB"


def run_export(args: Namespace) -> int:
    store_passphrase, file_passphrase = _passphrases(args, creating=False, exporting=True)
    with open_workspace(args, passphrase=store_passphrase, create=False) as ws:
        service = BundleService(ws)
        try:
            target = args.output
            if target is None or target.is_dir():
                name = service.suggested_file_name(args.id)
                target = target / name if target is not None else Path(name)
            result = service.export(args.id, target, file_passphrase)
        except BundleError as exc:
            raise Refused(str(exc)) from None
    print(f"Exported assessment {args.id} to {result.path} ({result.rooms} rooms, {result.photos} photos, {_size(result.size)})")
    return EXIT_OK


def run_import(args: Namespace) -> int:
    data_dir = args.data_dir or default_data_dir()
    creating = not Store.exists(data_dir)
    store_passphrase, file_passphrase = _passphrases(args, creating=creating, exporting=False)
    mode = "replace" if args.replace else "keep_both" if args.keep_both else "ask"
    with open_workspace(args, passphrase=store_passphrase, create=True) as ws:
        try:
            result = BundleService(ws).import_file(args.file, file_passphrase, mode)
        except DuplicateAssessment:
            raise Refused(DUPLICATE) from None
        except BundleError as exc:
            raise Refused(str(exc)) from None
    if result.replaced_id is not None:
        print(f"Imported assessment as id {result.assessment_id}, replacing id {result.replaced_id}")
    elif result.new_uid:
        print(f"Imported assessment as id {result.assessment_id}, a second copy beside the one already in the store")
    else:
        print(f"Imported assessment as id {result.assessment_id}")
    return EXIT_OK
