"""``homeassess check ITEM VALUE``: judge one measurement, no store needed."""

from __future__ import annotations

import json
from argparse import Namespace

from pydantic import ValidationError

from homeassess.cli.errors import EXIT_OK, Refused
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.data_files import CatalogueError
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.units import LengthUnit, MeasurementError
from homeassess.domain.verdicts import Finding, Verdict


def _client(args: Namespace) -> ClientProfile | None:
    if args.client is None:
        return None
    try:
        return ClientProfile.model_validate_json(args.client.read_text(encoding="utf-8"))
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
    if args.item not in judge.catalogue.items:
        raise Refused(f"unknown measurement {args.item!r}; for example: {', '.join(judge.catalogue.measurement_ids[:6])}")
    if args.value is None:
        raise Refused("give the measured value, e.g. homeassess check door_clear_width \"30 1/2\"")
    try:
        unit = LengthUnit.parse(args.unit)
        judge.standards.profile(args.standard)
        ctx = JudgeContext(standard=args.standard, unit=unit, client=_client(args))
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


def render_finding(finding: Finding) -> str:
    lines = [f"{finding.standard_verdict.value.upper():<11} {finding.message}"]
    if finding.note:
        lines.append(f"            note: {finding.note}")
    for check in finding.person_fit:
        lines.append(f"PERSON-FIT  {check.verdict.value}: {check.message} (needs {check.required})")
    for rec in finding.recommendations:
        cost = f"${rec.cost_low:,}-${rec.cost_high:,}"
        lines.append(f"  propose: {rec.title} [{rec.priority} priority, {rec.responsible}, {cost}]")
    return "\n".join(lines)
