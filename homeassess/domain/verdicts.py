"""What judging a measurement or an answer produces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    MEETS = "meets"
    FAILS = "fails"
    ADVISORY = "advisory"
    NOT_APPLICABLE = "not_applicable"
    IMPLAUSIBLE = "implausible"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_finding(self) -> bool:
        """A finding is something the report should act on."""
        return self in (Verdict.FAILS, Verdict.ADVISORY)

    @property
    def severity(self) -> int:
        return _SEVERITIES[self]


# Read for every check of every value judged: looked up by member, not rebuilt per call.
_LABELS = {Verdict.MEETS: "Meets", Verdict.FAILS: "Fails", Verdict.ADVISORY: "Advisory",
           Verdict.NOT_APPLICABLE: "No standard", Verdict.IMPLAUSIBLE: "Check value"}
_SEVERITIES = {Verdict.IMPLAUSIBLE: 4, Verdict.FAILS: 3, Verdict.ADVISORY: 2, Verdict.MEETS: 1, Verdict.NOT_APPLICABLE: 0}

@dataclass(frozen=True)
class FitCheck:
    """One person-fit comparison: the home against this client.

    ``basis`` names what the rule compared with (``"manual wheelchair seat height (primary
    device)"``); ``low_mm``/``high_mm`` is the range that fits this client; ``direction`` is
    ``"below"`` (the home must rise or widen) or ``"above"`` (it must come down) when it fails;
    ``holds_level`` marks a check whose met value is the client's target, so no change of it is
    proposed.
    """

    rule_id: str
    kind: str
    title: str
    verdict: Verdict
    message: str
    required: str
    shortfall_mm: float
    basis: str = ""
    shortfall: str = ""
    direction: str | None = None
    low_mm: float | None = None
    high_mm: float | None = None
    holds_level: bool = False


@dataclass(frozen=True)
class ProposedRecommendation:
    library_id: str
    title: str
    specification: str
    rationale: str
    plain: str
    category: str
    priority: str
    responsible: str
    cost_low: int
    cost_high: int
    cost_source: str
    severity: str = ""  # of the finding that proposed it: life_safety, falls or function (catalogue.Severity)


@dataclass(frozen=True)
class Finding:
    """A judged response: measured value, what is required, the gap, the citation."""

    item_id: str
    item: str
    verdict: Verdict
    standard_verdict: Verdict
    measured: str
    measured_value: float | None
    required: str
    shortfall: str | None
    shortfall_value: float | None
    direction: str | None
    citation: str
    message: str
    standard: str = ""
    note: str = ""
    severity: str = ""  # of the item: life_safety, falls or function (catalogue.Severity); the summary ranks by it
    person_fit: tuple[FitCheck, ...] = ()
    recommendations: tuple[ProposedRecommendation, ...] = field(default=())
    headline: str = ""  # the overall verdict, naming the check(s) that failed
    failed_checks: tuple[str, ...] = ()  # the standard's citation and/or the person-fit rule ids that failed

    def to_json(self) -> dict:
        data = asdict(self)
        data["verdict"] = self.verdict.value
        data["standard_verdict"] = self.standard_verdict.value
        data["person_fit"] = [{**asdict(c), "verdict": c.verdict.value} for c in self.person_fit]
        data["failed_checks"] = list(self.failed_checks)
        return data


def headline(verdict: Verdict, standard: str, standard_verdict: Verdict, fit: tuple[FitCheck, ...]) -> str:
    """The overall verdict first, then each check by name, failed ones first:
    ``FAILS: fails person-fit device_clear_width (Mobility device passes through); meets ADA 2010``."""
    if standard_verdict is Verdict.NOT_APPLICABLE:
        parts = [(0, f"no figure in {standard}")]
    else:
        parts = [(standard_verdict.severity, f"{standard_verdict.label.lower()} {standard}")]
    parts += [(c.verdict.severity, f"{c.verdict.label.lower()} person-fit {c.rule_id} ({c.title})") for c in fit]
    ordered = [text for _, text in sorted(parts, key=lambda p: -p[0])]
    return f"{verdict.label.upper()}: " + "; ".join(ordered)
