"""``homeassess photos add ID --room ROOM FILE...``: import photos, progress on stderr."""

from __future__ import annotations

import sys
from argparse import Namespace

from homeassess.cli.check_command import unknown_item_message
from homeassess.cli.errors import EXIT_OK, EXIT_REFUSED, Refused
from homeassess.cli.store_commands import open_workspace
from homeassess.domain.refusals import NotFound
from homeassess.photos import photo_files_in
from homeassess.store.engine import StoreError


def run_photos_add(args: Namespace) -> int:
    with open_workspace(args) as ws:
        try:
            view = ws.assessments.open(args.id, audit=False)
        except NotFound:
            raise Refused(f"no assessment with id {args.id}; 'homeassess list' shows the ids") from None
        room = next((r for r in view.rooms if str(r.id) == args.room or r.name.lower() == args.room.lower()), None)
        if room is None:
            raise Refused(f"no room {args.room!r} in assessment {args.id}; rooms: {', '.join(r.name for r in view.rooms)}")
        if args.item and args.item not in ws.judge.catalogue.items:
            raise Refused(unknown_item_message(args.item, sorted(ws.judge.catalogue.items), "checklist item", "homeassess check --list"))
        paths = []
        for path in args.files:
            paths += photo_files_in(path) if path.is_dir() else [path]
        generator = ws.photo_import.import_files(args.id, room.id, args.item, paths)
        try:
            while True:
                progress = next(generator)
                print(f"importing photos: {progress.fraction:.0%} {progress.message}", file=sys.stderr)
        except StopIteration as done:
            summary = done.value
        except StoreError as exc:
            raise Refused(str(exc)) from None
    for name, reason in summary.refused:
        print(f"homeassess: {name}: {reason}", file=sys.stderr)
    for name in summary.skipped:
        print(f"homeassess: {name}: already added here; skipped", file=sys.stderr)
    print(f"{summary.headline} ({room.name})")
    return EXIT_REFUSED if summary.refused or summary.stopped else EXIT_OK
