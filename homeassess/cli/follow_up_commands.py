"""Follow-up visits on the command line: ``finalise``, ``followup``, ``installed`` and ``outcome`` (docs/follow-up.md).

Each command is one user action made of service calls; when one of them is refused, those already
made are undone (their ``Change.undo``, newest first), so bad input changes nothing.
"""

from __future__ import annotations

import json
from argparse import Namespace
from collections.abc import Callable
from datetime import date

from homeassess.cli.errors import EXIT_OK, Refused
from homeassess.cli.follow_up_output import item_json, print_item, print_items, print_outcomes
from homeassess.cli.store_commands import open_workspace
from homeassess.domain.follow_up import InstalledItem
from homeassess.domain.refusals import InvalidInput, NotFound
from homeassess.domain.vocabulary import AssessmentStatus, InstallStatus
from homeassess.services.changes import Change
from homeassess.services.follow_up import install_status
from homeassess.services.workspace import Workspace


def run_finalise(args: Namespace) -> int:
    with open_workspace(args) as ws:
        _exists(ws, args.id)
        ws.assessments.set_status(args.id, AssessmentStatus.FINAL)
        link = ws.follow_ups.link(args.id)
        items = ws.follow_ups.items(args.id) if link.original_id is not None else []
    print(f"Assessment {args.id} is final" + (f"; its follow-up is due {link.due.isoformat()}" if link.due else "") + ".")
    unchecked = sum(1 for i in items if i.status is InstallStatus.NOT_CHECKED)
    no_reason = sum(1 for i in items if i.status.needs_reason and i.reason is None)
    if unchecked or no_reason:
        print(f"Recorded as they stand: {unchecked} installed items not checked, {no_reason} not (fully) done without a reason.")
    return EXIT_OK


def run_followup(args: Namespace) -> int:
    with open_workspace(args) as ws:
        _exists(ws, args.id)
        follow_up_id = ws.follow_ups.start(args.id).value
        assert isinstance(follow_up_id, int)
        count = len(ws.follow_ups.items(follow_up_id))
    if args.json:
        print(json.dumps({"id": follow_up_id, "original_id": args.id, "items": count}))
    else:
        print(f"Follow-up of assessment {args.id} started: id {follow_up_id}, {count} installed items to check.")
    return EXIT_OK


def run_installed(args: Namespace) -> int:
    with open_workspace(args) as ws:
        _exists(ws, args.id)
        items = ws.follow_ups.items(args.id)
        if args.list or args.ref is None:
            if args.json:
                print(json.dumps([item_json(n, i) for n, i in enumerate(items, 1)], indent=2, ensure_ascii=False))
            else:
                print_items(items)
            return EXIT_OK
        number, item = _find(items, args.ref)
        _all_or_nothing(_installed_actions(ws, args, item))
        item = ws.follow_ups.item(args.id, item.installation_id)
    if args.json:
        print(json.dumps(item_json(number, item), indent=2, ensure_ascii=False))
    else:
        print_item(number, item)
    return EXIT_OK


def run_outcome(args: Namespace) -> int:
    with open_workspace(args) as ws:
        _exists(ws, args.id)
        _all_or_nothing(_outcome_actions(ws, args))
        outcomes = ws.outcomes.outcomes(args.id)
        original = ws.follow_ups.link(args.id).original_id
        changes = ws.outcomes.compare(args.id) if original is not None else ()
    print_outcomes(args.id, outcomes, changes, as_json=args.json)
    return EXIT_OK


# --- the actions a command makes ------------------------------------------------------------


def _installed_actions(ws: Workspace, args: Namespace, item: InstalledItem) -> list[Callable[[], Change]]:
    fid, iid = args.id, item.installation_id
    actions: list[Callable[[], Change]] = []
    if args.status is not None or args.reason is not None or args.reason_note is not None:
        status = args.status if args.status is not None else item.status.value
        # A new status that needs no reason drops the stored one (a reason typed with it is refused).
        keep = args.status is None or _needs_reason(args.status)
        reason = args.reason if args.reason is not None else (item.reason.value if item.reason and keep else None)
        note = args.reason_note if args.reason_note is not None else (item.reason_note if keep else "")
        actions.append(lambda: ws.follow_ups.set_status(fid, iid, status, reason, note))
    if args.date is not None or args.by is not None:
        on = _date(args.date) if args.date is not None else item.installed_on
        by = args.by if args.by is not None else item.installed_by
        actions.append(lambda: ws.follow_ups.set_installed(fid, iid, on, by))
    if args.note is not None:
        actions.append(lambda: ws.follow_ups.set_note(fid, iid, args.note))
    for given in args.check or []:
        check_id, sep, text = given.partition("=")
        if not sep:
            raise InvalidInput("Give a measurement as CHECK=VALUE, for example height=34.")
        actions.append(_check_action(ws, fid, iid, check_id.strip(), text))
    return actions


def _check_action(ws: Workspace, follow_up_id: int, installation_id: int, check_id: str, text: str) -> Callable[[], Change]:
    return lambda: ws.follow_ups.record_check(follow_up_id, installation_id, check_id, text)


def _outcome_actions(ws: Workspace, args: Namespace) -> list[Callable[[], Change]]:
    aid = args.id
    actions: list[Callable[[], Change]] = []
    scores = (args.performance, args.satisfaction, args.difficulty)
    if args.goal is None and any(s is not None for s in scores):
        raise InvalidInput("Name the goal these scores are for with --goal N (see 'homeassess outcome ID').")
    if args.goal is not None:
        current = ws.outcomes.outcomes(aid).goals
        before = current[args.goal - 1] if 0 < args.goal <= len(current) else None
        performance = args.performance if args.performance is not None else (before.performance if before else None)
        satisfaction = args.satisfaction if args.satisfaction is not None else (before.satisfaction if before else None)
        difficulty = args.difficulty if args.difficulty is not None else (before.difficulty if before else None)
        actions.append(lambda: ws.outcomes.set_goal(aid, args.goal - 1, performance, satisfaction, difficulty))
    measures = (args.falls, args.concern, args.instrument, args.score, args.date)
    if any(m is not None for m in measures):
        now = ws.outcomes.outcomes(aid)
        actions.append(lambda: ws.outcomes.set_measures(
            aid, recorded_on=_date(args.date) if args.date is not None else (now.recorded_on or date.today()),
            falls_3m=args.falls if args.falls is not None else now.falls_3m,
            fall_concern=args.concern if args.concern is not None else now.fall_concern,
            instrument=args.instrument if args.instrument is not None else now.instrument,
            instrument_score=args.score if args.score is not None else now.instrument_score,
        ))
    return actions


def _all_or_nothing(actions: list[Callable[[], Change]]) -> None:
    """Run each action; if one is refused, undo those done (newest first) and pass the refusal on."""
    done: list[Change] = []
    try:
        for action in actions:
            done.append(action())
    except Refused:
        for made in reversed(done):
            if made.undo is not None:
                made.undo()
        raise


def _find(items: list[InstalledItem], ref: str) -> tuple[int, InstalledItem]:
    """An installed item by its number in the list, its recommendation ref, or its library id (when only one has it)."""
    if ref.isdigit():
        if 1 <= int(ref) <= len(items):
            return int(ref), items[int(ref) - 1]
        raise Refused(f"the follow-up has {len(items)} installed items; there is no item {ref}")
    for n, item in enumerate(items, 1):
        if item.ref == ref:
            return n, item
    named = [(n, item) for n, item in enumerate(items, 1) if item.library_id == ref]
    if len(named) == 1:
        return named[0]
    if named:
        raise Refused(f"{len(named)} installed items are {ref}; name one by its number or ref (see 'installed ID --list')")
    raise Refused(f"no installed item {ref!r}; 'homeassess installed ID --list' shows them")


def _needs_reason(status: str) -> bool:
    try:
        return install_status(status).needs_reason
    except Refused:
        return False  # the service refuses the status itself, with the choices


def _exists(ws: Workspace, assessment_id: int) -> None:
    try:
        ws.follow_ups.link(assessment_id)
    except NotFound:
        raise Refused(f"no assessment with id {assessment_id}; 'homeassess list' shows the ids") from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("Give the date as YYYY-MM-DD, for example 2026-11-30.") from None
