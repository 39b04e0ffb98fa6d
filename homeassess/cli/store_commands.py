"""Commands that open the encrypted store: list, demo."""

from __future__ import annotations

import json
from argparse import Namespace
from collections.abc import Iterator
from contextlib import contextmanager

from homeassess.cli.errors import EXIT_OK, Refused
from homeassess.cli.passphrase import read_passphrase
from homeassess.domain.judge import Judge
from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.workspace import Workspace
from homeassess.store.engine import StoreError
from homeassess.store.location import default_data_dir
from homeassess.store.repositories import AssessmentSummary
from homeassess.store.store import Store, StoreNotFound


@contextmanager
def open_workspace(args: Namespace, *, create: bool = False, passphrase: str | None = None) -> Iterator[Workspace]:
    """The store named by ``--data-dir``, unlocked; the passphrase is read unless one is given."""
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    creating = create and not Store.exists(data_dir)
    if passphrase is None:
        passphrase = read_passphrase(getattr(args, "passphrase_file", None), creating=creating)
    try:
        store = Store.open(data_dir, passphrase, create=create, spares=0)
    except StoreNotFound:
        raise Refused(f"no store in {data_dir} yet; run 'homeassess demo' or open the program to create one") from None
    except StoreError as exc:
        raise Refused(str(exc)) from None
    workspace = Workspace.build(store, Judge.load())
    try:
        yield workspace
    finally:
        workspace.close()


def run_list(args: Namespace) -> int:
    statuses = tuple(AssessmentStatus) if args.all else (AssessmentStatus.DRAFT, AssessmentStatus.FINAL)
    with open_workspace(args) as ws:
        rows = ws.assessments.list(args.search, statuses)
        due = getattr(args, "due", False)
        waiting = sorted(r.followup_due for r in rows if r.followup_due and not r.final_follow_ups) if due else []
        if due:
            rows = [r for r in rows if r.follow_up_due]
        follow_ups = {r.id: ws.follow_ups.link(r.id).follow_up_ids for r in rows if r.follow_ups}
    if args.json:
        print(json.dumps([
            {"id": r.id, "uid": r.uid, "client": r.client_name, "address": r.address, "visit_date": r.visit_date.isoformat(),
             "status": r.status, "findings": r.findings, "accepted": r.accepted,
             "followup_due": r.followup_due.isoformat() if r.followup_due else None, "original_id": r.parent_id,
             "follow_up_ids": list(follow_ups.get(r.id, ()))}
            for r in rows
        ], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows and due:
        print(f"No follow-up is due yet; the next is due on {waiting[0].isoformat()}." if waiting
              else "No follow-up is due: none is waiting for a final assessment.")
        return EXIT_OK
    if not rows:
        print("No assessments match." if args.search else "No assessments yet. 'homeassess demo' adds an example to explore.")
        return EXIT_OK
    print(f"{'id':>5}  {'visit':<10}  {'status':<8} {'client':<28} {'address':<40} findings accepted  follow-up")
    for r in rows:
        print(f"{r.id:>5}  {r.visit_date.isoformat()}  {r.status:<8} {r.client_name:<28.28} {r.address:<40.40} {r.findings:>8} "
              f"{r.accepted:>8}  {_visit_link(r)}")
    return EXIT_OK


def _visit_link(row: AssessmentSummary) -> str:
    """"follow-up of 3", "due 2027-01-27", "done (5)" or nothing."""
    if row.parent_id is not None:
        return f"follow-up of {row.parent_id}"
    if row.final_follow_ups:
        return "done"
    if row.followup_due is not None:
        return ("DUE " if row.follow_up_due else "due ") + row.followup_due.isoformat()
    return ""


def run_demo(args: Namespace) -> int:
    from homeassess.services.demo import install_demo
    from homeassess.services.demo_follow_up import install_demo_follow_up

    with open_workspace(args, create=True) as ws:
        assessment_id, added = install_demo(ws)
        original_id, follow_up_id, follow_up_added = install_demo_follow_up(ws)
    print(f"Demo assessment {'added' if added else 'already in the store'}: id {assessment_id}")
    print(f"Demo follow-up {'added' if follow_up_added else 'already in the store'}: id {follow_up_id} "
          f"(follow-up of the finalised visit {original_id})")
    return EXIT_OK
