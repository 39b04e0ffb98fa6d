"""``homeassess report ID --audience clinical|contractor|landlord|client|completion|followup -o FILE.pdf [--confirm-text]``.

``completion`` (the completion record) and ``followup`` (the follow-up clinical report) are a
follow-up's: for any other assessment they are refused with one sentence.
Contractor, landlord and completion documents are checked for clinical wording first: each field found is
listed on stderr and the build is refused, unless ``--confirm-text`` lets the text print.

Builds one audience's PDF from the encrypted store, writes it atomically and records it.
Progress goes to stderr ("building clinical report: 40%"); the written path to stdout.
A refused input (unknown id or audience, a folder that cannot be written) exits 1 with
one line that carries no health information.
"""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from pathlib import Path

from homeassess.cli.errors import EXIT_OK, Refused
from homeassess.cli.store_commands import open_workspace
from homeassess.domain.refusals import NotFound
from homeassess.report.privacy import ClinicalWording

AUDIENCES = ("clinical", "contractor", "landlord", "client", "completion", "followup")
PAPERS = ("letter", "a4")


class _ProgressLines:
    """Prints a line each time the build passes another tenth."""

    def __init__(self, audience: str) -> None:
        self.audience = audience
        self.last = -1

    def __call__(self, fraction: float, _message: str) -> None:
        step = int(fraction * 10)
        if step > self.last:
            self.last = step
            print(f"building {self.audience} report: {step * 10}%", file=sys.stderr, flush=True)


def _writable_target(path: Path) -> Path:
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise Refused(f"{path} is a folder; give a file name ending in .pdf")
    if not folder.is_dir():
        raise Refused(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise Refused(f"cannot write {path}: the folder {folder} is not writable")
    return path


def run_report(args: Namespace) -> int:
    audience = args.audience.strip().lower()
    if audience not in AUDIENCES:
        raise Refused(f"unknown audience {args.audience!r}; use one of {', '.join(AUDIENCES)}")
    paper = args.paper.strip().lower() if args.paper else None
    if paper is not None and paper not in PAPERS:
        raise Refused(f"unknown paper size {args.paper!r}; use letter or a4")
    target = _writable_target(Path(args.output)) if args.output else None
    from homeassess.services.reports import ReportService

    with open_workspace(args) as ws:
        service = ReportService(ws)
        try:
            name = service.suggested_file_name(args.id, audience)
        except NotFound:
            raise Refused(f"no assessment with id {args.id}; 'homeassess list' shows the ids") from None
        target = target or _writable_target(Path(name))
        try:
            pdf = service.build(
                args.id,
                audience,
                include_photos=not args.no_photos,
                paper_size=paper,
                millimetres=args.mm,
                progress=_ProgressLines(audience),
                confirm_text=args.confirm_text,
            )
        except ClinicalWording as found:  # each field, then the refusal (the text itself is never printed)
            for hit in found.hits:
                print(f"  {hit}", file=sys.stderr)
            raise Refused(f"{found} with --confirm-text") from None
        row = service.save(args.id, audience, pdf, target).value  # refused (ReportNotSaved) when it cannot be written
    print(f"{target} ({row.page_count} pages)")
    return EXIT_OK
