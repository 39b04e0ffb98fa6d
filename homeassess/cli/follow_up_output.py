"""What the follow-up commands print: installed items and outcomes, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from homeassess.domain.follow_up import CheckResult, InstalledItem, OutcomeChange, Outcomes

NOT_RECORDED = "Not recorded"  # as the comparison prints a measure missing at one visit; rows missing at both are left out


def item_json(number: int, item: InstalledItem) -> dict[str, object]:
    return {
        "number": number, "installation_id": item.installation_id, "recommendation_id": item.recommendation_id,
        "ref": item.ref, "room": item.room_name, "title": item.title, "library_id": item.library_id,
        "status": item.status.value, "reason": item.reason.value if item.reason else None, "reason_note": item.reason_note,
        "installed_on": item.installed_on.isoformat() if item.installed_on else None, "installed_by": item.installed_by,
        "note": item.note, "open": item.is_open, "checks": [_check_json(c) for c in item.checks],
        "before_photos": list(item.before_photos), "after_photos": list(item.after_photos),
    }


def _check_json(check: CheckResult) -> dict[str, object]:
    return {
        "id": check.check.id, "label": check.check.label, "target": check.check.target, "value_text": check.value_text,
        "verdict": check.verdict.value, "message": check.message, "correction": check.correction,
    }


def print_items(items: Sequence[InstalledItem]) -> None:
    if not items:
        print("This follow-up has no installed items (its original had no accepted recommendations).")
        return
    print(f"{'no':>3}  {'status':<28} {'room':<22} {'recommendation':<44} checks")
    for n, item in enumerate(items, 1):
        measured = sum(1 for c in item.checks if c.measured)
        checks = f"{measured}/{len(item.checks)} measured" + (f", {len(item.deviations)} deviating" if item.deviations else "")
        print(f"{n:>3}  {_status(item):<28.28} {item.room_name:<22.22} {item.title:<44.44} {checks if item.checks else '-'}")


def print_item(number: int, item: InstalledItem) -> None:
    print(f"{number}. {item.title} ({item.room_name}) [{item.ref}]")
    print(f"   Status: {_status(item)}" + (f"; {item.reason_note}" if item.reason_note else ""))
    if item.installation_shown:
        on = item.installed_on.isoformat() if item.installed_on else "date not recorded"
        print(f"   Installed: {on}" + (f" by {item.installed_by}" if item.installed_by else ""))
    if item.note:
        print(f"   Note: {item.note}")
    for check in item.checks:
        if check.measured:
            print(f"   {check.check.label}: {check.verdict.label.upper()}: {check.message}")
            if check.correction:
                print(f"      Correction: {check.correction}")
        else:
            print(f"   {check.check.label}: not measured (specified {check.check.target})")
    print("   Still open." if item.is_open else "   Complete.")


def _status(item: InstalledItem) -> str:
    reason = f" ({item.reason.label.lower()})" if item.reason else ""
    return item.status.label + reason


def print_outcomes(assessment_id: int, outcomes: Outcomes, changes: Sequence[OutcomeChange], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps({
            "id": assessment_id, "recorded_on": outcomes.recorded_on.isoformat() if outcomes.recorded_on else None,
            "goals": [{"number": n, "goal": g.goal, "performance": g.performance, "satisfaction": g.satisfaction,
                       "difficulty": g.difficulty.value if g.difficulty else None} for n, g in enumerate(outcomes.goals, 1)],
            "falls_3m": outcomes.falls_3m, "fall_concern": outcomes.fall_concern, "instrument": outcomes.instrument,
            "instrument_score": outcomes.instrument_score, "open_findings": outcomes.open_findings,
            "changes": [{"label": c.label, "baseline": c.baseline, "follow_up": c.follow_up, "direction": c.direction.value}
                        for c in changes],
        }, indent=2, ensure_ascii=False))
        return
    print(f"Outcomes of assessment {assessment_id}" + (f", recorded {outcomes.recorded_on.isoformat()}" if outcomes.recorded_on else ""))
    if not outcomes.goals:
        print("  No goals in the client profile.")
    for n, goal in enumerate(outcomes.goals, 1):
        print(f"  Goal {n}: {goal.goal}")
        print(f"     performance {_or_dash(goal.performance)}, satisfaction {_or_dash(goal.satisfaction)}, "
              f"difficulty {goal.difficulty.label.lower() if goal.difficulty else '-'}")
    print(f"  Falls in the last 3 months: {_or_dash(outcomes.falls_3m)}")
    print(f"  Concern about falling (0-10): {_or_dash(outcomes.fall_concern)}")
    if outcomes.instrument or outcomes.instrument_score:
        print(f"  {outcomes.instrument or 'Instrument'}: {outcomes.instrument_score or '-'}")
    print(f"  Open findings: {outcomes.open_findings}")
    recorded = [c for c in changes if NOT_RECORDED not in (c.baseline, c.follow_up) or c.baseline != c.follow_up]
    if recorded:
        print("Change since the first visit:")
        for c in recorded:
            print(f"  {c.label}: {c.baseline} -> {c.follow_up}, {c.direction.label.lower()}")


def _or_dash(value: int | None) -> str:
    return "-" if value is None else str(value)
