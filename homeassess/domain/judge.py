"""Judging one response against a standards profile and, where given, the client.

:class:`Judge` bundles the loaded catalogue, standards, person-fit rules and
recommendation library; it is pure and holds no state between calls.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from homeassess.domain.catalogue import Answer, Catalogue, Item, ItemKind
from homeassess.domain.person_fit import FitMargins, PersonFitRules
from homeassess.domain.ramp_figures import ramp_figures
from homeassess.domain.recommendations import LibraryEntry, RecommendationLibrary, fill_template
from homeassess.domain.standards import StandardsLibrary, StandardsProfile
from homeassess.domain.units import LengthUnit, MeasurementError, UnitSystem, format_length
from homeassess.domain.verdicts import Finding, FitCheck, ProposedRecommendation, Verdict

if TYPE_CHECKING:  # a pydantic model: judging without a client (homeassess check) must not import pydantic
    from homeassess.domain.client_profile import ClientProfile

_EPS = 1e-6


class ImplausibleValue(MeasurementError):
    """A parsed value outside the item's plausible range: most likely a unit slip."""


@dataclass(frozen=True)
class JudgeContext:
    """Who and what a response is judged for."""

    standard: str | None = None
    unit: LengthUnit = LengthUnit.INCH
    client: ClientProfile | None = None
    margins: FitMargins | None = None
    room_name: str = ""

    @property
    def system(self) -> UnitSystem:
        return self.unit.system


class Judge:
    def __init__(
        self,
        catalogue: Catalogue,
        standards: StandardsLibrary,
        fit_rules: PersonFitRules,
        library: RecommendationLibrary,
    ) -> None:
        self.catalogue = catalogue
        self.standards = standards
        self.fit_rules = fit_rules
        self.library = library

    @classmethod
    def load(cls, resources: Path | None = None) -> Judge:
        """Catalogue, standards, person-fit rules and library of ``resources/`` (or another resources folder).

        They are validated once per content version; every later load builds them from the
        validated snapshot (``homeassess.domain.resource_snapshot``) without pydantic.
        """
        from homeassess.domain.resource_snapshot import validated_resources

        data = validated_resources(resources)
        return cls(
            Catalogue.from_data(data["catalogue"]), StandardsLibrary.from_data(data["standards"]),
            PersonFitRules.from_data(data["person_fit"]), RecommendationLibrary.from_data(data["library"]),
        )

    # --- measurements --------------------------------------------------------------------

    def parse(self, item: Item, text: str, unit: LengthUnit) -> float:
        """Parse and range-check a typed value; raise MeasurementError/ImplausibleValue."""
        value = item.measure.parse(text, unit)
        low, high = item.plausible_bounds()
        if not (low - _EPS <= value <= high + _EPS):
            raise ImplausibleValue(f"{text.strip()} is not a plausible {item.plausible_noun}; check the units")
        return value

    def judge_measurement(self, item_id: str, text: str, ctx: JudgeContext) -> Finding:
        item = self.catalogue.item(item_id)
        if item.kind is not ItemKind.MEASUREMENT:
            raise KeyError(f"{item_id} is not a measurement")
        profile = self.standards.profile(ctx.standard)
        try:
            value = self.parse(item, text, ctx.unit)
        except ImplausibleValue as exc:
            return Finding(
                item_id=item.id, item=item.prompt, verdict=Verdict.IMPLAUSIBLE, standard_verdict=Verdict.IMPLAUSIBLE,
                measured=text.strip(), measured_value=None, required="", shortfall=None, shortfall_value=None,
                direction=None, citation="", message=str(exc), standard=profile.short, severity=_severity(item),
            )
        return self.judge_value(item, value, ctx, profile)

    def judge_value(self, item: Item, value: float, ctx: JudgeContext, profile: StandardsProfile | None = None) -> Finding:
        profile = profile or self.standards.profile(ctx.standard)
        system = ctx.system
        measure = item.measure
        measured = measure.format(value, system)
        limits = profile.limits_for(item.id, value)
        direction: str | None = None
        gap: float | None = None
        if limits is None:
            standard_verdict, required, citation, note = Verdict.NOT_APPLICABLE, f"{profile.short} sets no figure", "", ""
        else:
            rule = limits.rule
            required, citation = rule.requirement, rule.citation
            note = " ".join(part for part in (limits.fallback, rule.note) if part)
            if limits.low is not None and value < limits.low - _EPS:
                direction, gap = "below", limits.low - value
            elif limits.high is not None and value > limits.high + _EPS:
                direction, gap = "above", value - limits.high
            if direction is None:
                standard_verdict = Verdict.MEETS
            else:
                standard_verdict = Verdict.FAILS if rule.verified else Verdict.ADVISORY
                if not rule.verified:
                    note = (note + " " if note else "") + "Figure not verified against the published text: advisory only."
        worked_out = ramp_figures(item.id, value, profile, system)
        note = " ".join(part for part in (worked_out, note) if part)
        shortfall = measure.format_difference(gap, system) if gap is not None else None
        fit: tuple[FitCheck, ...] = ()
        if ctx.client is not None and measure.kind == "length":
            margins = ctx.margins or FitMargins.defaults(system)
            fit = tuple(self.fit_rules.check(item.id, value, ctx.client, margins, system, item.plausible_noun))
        verdict = max([standard_verdict, *(c.verdict for c in fit)], key=lambda v: v.severity)
        if standard_verdict is Verdict.NOT_APPLICABLE and fit and all(c.verdict is Verdict.MEETS for c in fit):
            verdict = Verdict.MEETS
        message = _message(item, measured, standard_verdict, direction, shortfall, required, citation)
        finding = Finding(
            item_id=item.id, item=item.prompt, verdict=verdict, standard_verdict=standard_verdict, measured=measured,
            measured_value=value, required=required, shortfall=shortfall, shortfall_value=gap, direction=direction,
            citation=citation, message=message, standard=profile.short, note=note, person_fit=fit,
            severity=_severity(item),
        )
        entries: list[LibraryEntry] = []
        if direction is not None and limits is not None:
            entries += self.library.for_measurement(limits.recommendation_item, direction, gap)
        for check in fit:
            if check.verdict is Verdict.FAILS:
                entries += [e for e in self.library.for_fit(check.kind) if e not in entries]
        return replace(finding, recommendations=tuple(self.propose(e, finding, ctx) for e in _unique(entries)))

    # --- answers -------------------------------------------------------------------------

    def judge_answer(self, item_id: str, answer: str, ctx: JudgeContext) -> Finding:
        """Yes/no and choice items: the concern answer is a finding with its recommendations."""
        item = self.catalogue.item(item_id)
        concern = False
        if item.kind is ItemKind.YES_NO:
            concern = answer == item.concern
            shown = {"yes": "Yes", "no": "No", "na": "Not applicable"}.get(answer, answer)
        elif item.kind is ItemKind.CHOICE:
            choice = item.choice(answer)
            concern = bool(choice and choice.concern)
            shown = choice.label if choice else answer
        else:
            raise KeyError(f"{item_id} takes no answer")
        if answer == Answer.NOT_APPLICABLE:
            verdict = Verdict.NOT_APPLICABLE
        else:
            verdict = Verdict.FAILS if concern else Verdict.MEETS
        finding = Finding(
            item_id=item.id, item=item.prompt, verdict=verdict, standard_verdict=verdict, measured=shown,
            measured_value=None, required="", shortfall=None, shortfall_value=None, direction=None,
            citation=item.citation if concern else "", message=f"{item.prompt}: {shown}", standard="",
            severity=_severity(item),
        )
        entries = self.library.for_answer(item.id, answer) if concern else []
        return replace(finding, recommendations=tuple(self.propose(e, finding, ctx) for e in entries))

    def propose(self, entry: LibraryEntry, finding: Finding, ctx: JudgeContext) -> ProposedRecommendation:
        device = ctx.client.widest_device() if ctx.client else None
        values = {
            "room": ctx.room_name or "this room",
            "item": finding.item.lower(),
            "measured": finding.measured,
            "required": finding.required,
            "shortfall": finding.shortfall or "",
            "citation": finding.citation,
            "device_width": self._length(device.overall_width, ctx) if device and device.overall_width else "",
            "target": finding.required,
        }
        return ProposedRecommendation(
            library_id=entry.id, title=entry.title,
            specification=fill_template(entry.specification, values),
            rationale=fill_template(entry.rationale, values),
            plain=fill_template(entry.plain, values),
            category=entry.category.value, priority=entry.priority.value, responsible=entry.responsible.value,
            cost_low=entry.cost.low, cost_high=entry.cost.high,
            cost_source=f"{entry.cost.source} ({entry.cost.year})", severity=finding.severity,
        )

    @staticmethod
    def _length(mm: float, ctx: JudgeContext) -> str:
        return format_length(mm, ctx.system)


def _severity(item: Item) -> str:
    return item.severity.value if item.severity else ""


def _unique(entries: list[LibraryEntry]) -> list[LibraryEntry]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.id not in seen:
            seen.add(entry.id)
            out.append(entry)
    return out


def _message(item: Item, measured: str, verdict: Verdict, direction: str | None, shortfall: str | None, required: str, citation: str) -> str:
    cite = f" ({citation})" if citation else ""
    if verdict is Verdict.MEETS:
        return f"{item.prompt} {measured} meets: {required}{cite}"
    if verdict is Verdict.NOT_APPLICABLE:
        return f"{item.prompt} {measured}: {required}"
    word = "short by" if direction == "below" else "over by"
    label = "fails" if verdict is Verdict.FAILS else "advisory"
    return f"{item.prompt} {measured} {label}, {word} {shortfall}: {required}{cite}"
