"""Turning the domain's client profile and findings into report data.

Lengths are formatted in the clinician's unit system; ``length`` rewrites a formatted
text (the millimetre option passes :func:`homeassess.report.millimetres.to_millimetres`).
Outside the clinical report the client block holds the name only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.readings import READINGS
from homeassess.domain.units import UnitSystem, format_length
from homeassess.domain.verdicts import Finding
from homeassess.report.report_data import BodyMeasure, ClientBlock, Device, FindingRow

DEVICE_SIZES = (
    ("width", "overall_width"),
    ("length", "overall_length"),
    ("seat height", "seat_height"),
    ("turning diameter", "turning_diameter"),
    ("weight", "weight_kg"),  # the device's own weight, in lb or kg
)


def client_block(client: ClientProfile, visit: date, system: UnitSystem, clinical: bool,
                 body_measures: tuple[BodyMeasure, ...] = ()) -> ClientBlock:
    if not clinical:
        return ClientBlock(name=client.name)
    devices = []
    for d in client.devices:
        sizes = [(label, getattr(d, name)) for label, name in DEVICE_SIZES]
        dims = ", ".join(f"{label} {READINGS['weight'].format(v, system) if label == 'weight' else format_length(v, system)}"
                         for label, v in sizes if v)
        devices.append(Device(d.kind.label, d.description, dims))
    devices += [Device("other aid", aid, "") for aid in client.other_aids]  # kept as typed on intake
    age = client.age_on(visit)
    return ClientBlock(
        name=client.name,
        date_of_birth=client.date_of_birth.isoformat() if client.date_of_birth else "",
        age=str(age) if age is not None else "",
        address=client.address,
        phone=client.phone,
        diagnosis=client.diagnosis,
        conditions=tuple(client.conditions),
        functional_limitations=tuple(client.functional_limitations),
        devices=tuple(devices),
        transfer_method=client.transfer_method,
        caregiver=client.caregiver,
        goals=tuple(client.goals),
        priority_activities=tuple(client.priority_activities),
        body_measures=body_measures,
    )


def finding_row(finding: Finding, note: str, length: Callable[[str], str]) -> FindingRow:
    """One findings-table row; ``note`` is the clinician's note (pass "" outside the clinical report).

    The gap reads "short by" below a minimum and "over by" above a maximum. A value that
    meets the standard but not this client is labelled "Client fit" and shows what the
    client needs instead of the standard's figure.
    """
    failed_fit = [c for c in finding.person_fit if c.verdict.is_finding]
    standard_failed = finding.standard_verdict.is_finding
    verdict = finding.verdict.label
    required = finding.required
    if not standard_failed and failed_fit:
        verdict = "Client fit"
        required = failed_fit[0].required
    gap = ""
    if finding.shortfall and standard_failed:
        gap = f"{'short by' if finding.direction == 'below' else 'over by'} {finding.shortfall}"
    return FindingRow(
        item=finding.item,
        measured=length(finding.measured),
        required=length(required),
        verdict=verdict,
        # A client-fit finding rests on the client's measurements; the standard's clause is one it meets, and says so
        # (not "at most 13 mm for a scooter — ADA 2010 §504.3", which reads as the ADA's figure).
        citation=finding.citation if standard_failed or not failed_fit else "Client's own measurements" + (
            f"; meets {finding.citation}" if finding.citation else ""),
        shortfall=length(gap),
        person_fit=tuple(length(c.message) for c in failed_fit),
        note=note,
        standard_note=finding.note if standard_failed else "",
        item_id=finding.item_id,
        severity=finding.severity,
    )
