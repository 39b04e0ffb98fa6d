"""``homeassess check ITEM VALUE``: judge one measurement, no store needed.

This path is kept light (a test asserts it through ``sys.modules``): no pydantic, SQLAlchemy,
Qt or ReportLab. The catalogue, standards and library come from their validated snapshot
(``homeassess.domain.resource_snapshot``). Only ``--client FILE`` imports pydantic, to read the
client file with the one client-profile model the store and the bundles use.
"""

from __future__ import annotations

import json
from argparse import Namespace
from typing import TYPE_CHECKING

from homeassess.cli.errors import EXIT_OK, Refused
from homeassess.domain.data_files import CatalogueError
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.units import LengthUnit, MeasurementError
from homeassess.domain.verdicts import Finding, Verdict
from homeassess.domain.vocabulary import format_cost

if TYPE_CHECKING:
    from homeassess.domain.client_profile import ClientProfile


def _client(args: Namespace, unit: LengthUnit) -> ClientProfile | None:
    """The client file, lengths without a unit read in ``--unit`` like the measured value."""
    if args.client is None:
        return None
    from pydantic import ValidationError

    from homeassess.domain.client_profile import ClientProfile

    try:
        return ClientProfile.model_validate_json(args.client.read_text(encoding="utf-8"), context={"unit": unit.value})
    except OSError:
        raise Refused("the client file cannot be read") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"]) or "(file)"
        raise Refused(f"the client file is not valid: {field}: {error['msg']}") from None


def run_check(args: Namespace) -> int:
    try:
        judge = Judge.load()
    except CatalogueError as exc:
        raise Refused(str(exc)) from None
    if args.list or args.item is None:
        print_measurements(judge)
        return EXIT_OK
    if args.item not in judge.catalogue.measurement_ids:
        raise Refused(unknown_item_message(args.item, judge.catalogue.measurement_ids, "measurement", "homeassess check --list"))
    if args.value is None:
        raise Refused("give the measured value, e.g. homeassess check door_clear_width \"30 1/2\"")
    try:
        unit = LengthUnit.parse(args.unit)
        judge.standards.profile(args.standard)
        ctx = JudgeContext(standard=args.standard, unit=unit, client=_client(args, unit))
        finding = judge.judge_measurement(args.item, args.value, ctx)
    except (MeasurementError, KeyError) as exc:
        raise Refused(str(exc).strip("'\"")) from None
    if args.json:
        print(json.dumps(finding.to_json(), indent=2, ensure_ascii=False))
    if finding.verdict is Verdict.IMPLAUSIBLE:
        raise Refused(finding.message)
    if not args.json:
        print(render_finding(finding))
    return EXIT_OK


def unknown_item_message(item_id: str, known: list[str], kind: str, listing: str) -> str:
    import difflib

    close = difflib.get_close_matches(item_id, known, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    return f"unknown {kind} {item_id!r}; {hint}'{listing}' lists them all"


def print_measurements(judge: Judge) -> None:
    """Every measurement id with its wording and the rooms it belongs to."""
    rooms: dict[str, list[str]] = {}
    for room_type in judge.catalogue.room_types:
        for item_id in room_type.item_ids:
            rooms.setdefault(item_id, []).append(room_type.name.lower())
    for item_id in judge.catalogue.measurement_ids:
        item = judge.catalogue.item(item_id)
        print(f"{item_id:<34} {item.prompt}  [{', '.join(rooms.get(item_id, []))}]")


def _why_nothing_proposed(finding: Finding) -> str:
    """A standard's change held back by a fit the client has, or an advisory the clinician specifies."""
    if finding.standard_verdict.is_finding and any(c.verdict is Verdict.MEETS for c in finding.person_fit):
        return "it would undo the fit this client already has"
    return "the clinician specifies what this client needs from the checks above"


def render_finding(finding: Finding) -> str:
    """The overall verdict first, naming the checks; then the standard's finding, each person-fit check
    with the rule and the client measure it used, and the proposals."""
    lines = [finding.headline or finding.verdict.label.upper()]
    lines.append(f"  STANDARD    {finding.standard_verdict.value.upper():<9} {finding.message}")
    if finding.note:
        lines.append(f"              note: {finding.note}")
    for check in finding.person_fit:
        lines.append(f"  PERSON-FIT  {check.verdict.value.upper():<9} rule {check.rule_id} ({check.title}): {check.message}")
        lines.append(f"              compared with the client's {check.basis}; needs {check.required}")
    for rec in finding.recommendations:
        cost = format_cost(rec.cost_low, rec.cost_high)
        lines.append(f"  propose: {rec.title} [{rec.priority} priority, {rec.responsible}, {cost}]")
    if finding.verdict.is_finding and not finding.recommendations:
        lines.append(f"  no change proposed: {_why_nothing_proposed(finding)}")
    return "\n".join(lines)
