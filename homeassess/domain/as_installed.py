"""Judging one as-installed measurement at a follow-up visit against what was specified.

A library entry lists the measurements that verify its installed work (``VerifyCheck``, from the
``[[recommendations.verify]]`` tables of ``resources/recommendations/library.toml``). The clinician
types the value as at the checklist (a bare number in the assessment's unit, "38 in", "965 mm",
"1:12"); it is judged against the specified range and, where the check names a catalogue item,
against the standard and the client's fit as the checklist judges that item. The worst verdict
wins and the message names the rule that failed:
"Grab bar installed at 38 in: specified 33–36 in to the top of the gripping surface".
"""

from __future__ import annotations

from homeassess.domain.catalogue import measure_for
from homeassess.domain.follow_up import CheckResult
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.readings import READINGS, Reading
from homeassess.domain.units import (
    LengthUnit,
    MeasurementError,
    Quantity,
    UnitSystem,
    metric_high_limit,
    metric_low_limit,
    typed_number_and_unit,
    unit_slip_hint,
)
from homeassess.domain.verdicts import Finding, Verdict
from homeassess.domain.verify_check import VerifyCheck

_EPS = 1e-6
COUNT = "count"
READING_KINDS = ("length", "slope", COUNT, *READINGS)
NO_RANGE_TARGET = "as the standard and the client's fit require"


class _Count:
    """A whole number typed as digits (bars fitted, steps); printed as typed."""

    def parse(self, text: str, default_unit: LengthUnit) -> float:
        cleaned = text.strip()
        if not cleaned.isdigit():
            raise MeasurementError(f"{cleaned} is not a whole number")
        return float(int(cleaned))

    def format(self, value: float, system: UnitSystem) -> str:
        return f"{value:.0f}"

    def bare_unit(self, default_unit: LengthUnit) -> str:
        return ""  # a count has no unit to switch


def measure_of(reading: str) -> Quantity | Reading | _Count:
    """How a check's value is typed, stored and printed."""
    return _Count() if reading == COUNT else measure_for(reading)


def range_text(reading: str, low: float | None, high: float | None, system: UnitSystem) -> str:
    """The specified range as a reader sees it: "33–36 in", "838–914 mm", "at least 42 in", "no steeper than 1:12 (8.3%)"."""
    low_text = _figure(reading, low, system) if low is not None else ""
    high_text = _figure(reading, high, system) if high is not None else ""
    if low_text and high_text:
        low_number, _, low_unit = low_text.rpartition(" ")
        high_number, _, high_unit = high_text.rpartition(" ")
        if reading != "slope" and low_unit == high_unit and low_number:
            return f"{low_number}–{high_text}"
        return f"{low_text} to {high_text}"
    if high_text:
        return f"no steeper than {high_text}" if reading == "slope" else f"at most {high_text}"
    return f"at least {low_text}" if low_text else ""


def _figure(reading: str, value: float, system: UnitSystem) -> str:
    """One specified figure; a temperature, force, light level or weight in whole units (49 °C prints as
    120 °F, as the specification writes it, not 120.2 °F)."""
    text = measure_of(reading).format(value, system)
    if reading not in READINGS:
        return text
    number, _, unit = text.partition(" ")
    return f"{round(float(number))} {unit}"


def target_text(reading: str, low: float | None, high: float | None, measured_to: str, system: UnitSystem) -> str:
    """The range with where it is measured: "33–36 in to the top of the gripping surface"."""
    figure = range_text(reading, low, high, system)
    if not figure:
        return NO_RANGE_TARGET
    return f"{figure} {measured_to}".strip()


def unmeasured(check: VerifyCheck) -> CheckResult:
    """A check the clinician has not measured yet."""
    return CheckResult(check=check, value_text="", value=None, verdict=Verdict.NOT_APPLICABLE,
                       message=f"{check.label}: not measured yet")


def _opening(check: VerifyCheck, measured: str) -> str:
    """ "Grab bar installed at 38 in" (the check's own words), else "Door clear width 31 in as installed"."""
    return f"{check.installed} {measured}" if check.installed else f"{check.label} {measured} as installed"


def judge_installed(check: VerifyCheck, text: str, ctx: JudgeContext, judge: Judge) -> CheckResult:
    """One typed as-installed value judged against the specification, the standard and the client.

    Raises :class:`MeasurementError` for text that cannot be read (as the checklist does); a value
    outside the plausible range is kept with the verdict IMPLAUSIBLE and a unit-slip hint.
    """
    typed = " ".join(text.split())
    if not typed:
        return unmeasured(check)
    measure = measure_of(check.reading)
    item = judge.catalogue.item(check.item_id) if check.item_id else None
    value = measure.parse(typed, ctx.unit)
    system = ctx.system
    plausible = item.plausible_bounds() if item is not None and item.plausible else check.plausible
    number_and_unit = typed_number_and_unit(typed, ctx.unit) if check.reading == "length" else None
    if plausible is not None and not (plausible[0] - _EPS <= value <= plausible[1] + _EPS):
        hint = unit_slip_hint(*number_and_unit, *plausible) if number_and_unit else "check the units"
        noun = item.plausible_noun if item is not None else check.label.lower()
        return CheckResult(check, typed, None, Verdict.IMPLAUSIBLE, f"{typed} is not a plausible {noun}; {hint}")
    metric = system is UnitSystem.METRIC or bool(number_and_unit and number_and_unit[1] in ("mm", "cm", "m"))
    low, high = check.low, check.high
    if metric and check.reading == "length":
        low = metric_low_limit(low) if low is not None else None
        high = metric_high_limit(high) if high is not None else None
    outside = (low is not None and value < low - _EPS) or (high is not None and value > high + _EPS)
    finding = judge.judge_value(item, value, ctx, metric=metric) if item is not None else None
    measured = measure.format(value, system)
    target = target_text(check.reading, check.low, check.high, check.measured_to, system)
    reasons, correction = _failures(check, finding, outside, target, judge)
    if outside:  # the check's own correction, with the bare range: "so its top is 33–36 in above the floor"
        own = check.correction.format(target=range_text(check.reading, check.low, check.high, system), measured=measured)
        correction = f"{own} {correction}".strip()
    ranged = check.low is not None or check.high is not None
    verdicts = [Verdict.FAILS if outside else Verdict.MEETS] if ranged else []
    if finding is not None:
        verdicts += _counted_verdicts(finding)
    verdict = max(verdicts, key=lambda v: v.severity) if verdicts else Verdict.NOT_APPLICABLE
    if reasons:
        message = f"{_opening(check, measured)}: " + "; ".join(reasons)
    elif ranged:
        message = f"{_opening(check, measured)}: as specified ({target})"
    else:  # judged by its item alone: what it met, or that nothing sets a figure ("ADA 2010 sets no figure")
        message = f"{_opening(check, measured)}: " + (_met(finding) if verdicts else finding.required if finding else target)
    return CheckResult(check, typed, value, verdict, message, correction if verdict is Verdict.FAILS else "")


def _counted_verdicts(finding: Finding) -> list[Verdict]:
    """The standard's verdict (none when it sets no figure) and each person-fit check's."""
    verdicts = [] if finding.standard_verdict is Verdict.NOT_APPLICABLE else [finding.standard_verdict]
    return verdicts + [c.verdict for c in finding.person_fit]


def _met(finding: Finding | None) -> str:
    """ "meets at least 32 in (815 mm) clear, door open 90° (ADA 2010 §404.2.3); meets the client's fit rule …"."""
    if finding is None:
        return ""
    parts = []
    if finding.standard_verdict is Verdict.MEETS:
        parts.append(f"meets {finding.required}" + (f" ({finding.citation})" if finding.citation else ""))
    parts += [f"meets the client's fit rule \u201c{c.title}\u201d" for c in finding.person_fit if c.verdict is Verdict.MEETS]
    return "; ".join(parts)


def _failures(
    check: VerifyCheck, finding: Finding | None, outside: bool, target: str, judge: Judge
) -> tuple[list[str], str]:
    """What the message names (the specification first; the standard only where the specification is met
    or gives no figure; every client fit rule that fails) and the corrections for the standard and the fit."""
    templates = judge.library.corrections
    reasons: list[str] = []
    corrections: list[str] = []
    if outside:
        reasons.append(f"specified {target}")
    if finding is not None:
        label = check.label[:1].lower() + check.label[1:]
        if not outside and finding.standard_verdict.is_finding:
            word = "fails" if finding.standard_verdict is Verdict.FAILS else "advisory"
            cite = finding.citation or finding.standard
            reasons.append(f"{word} {cite}, {finding.required}")
            corrections.append(templates["standard"].format(label=label, required=finding.required, citation=cite))
        for fit in finding.person_fit:
            if fit.verdict.is_finding:
                word = "fails" if fit.verdict is Verdict.FAILS else "advisory"
                reasons.append(f"{word} the client's fit rule \u201c{fit.title}\u201d: {fit.message}; needs {fit.required}")
                corrections.append(templates["client_fit"].format(label=label, required=fit.required, rule=fit.title))
    return reasons, " ".join(corrections)

