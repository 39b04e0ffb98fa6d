"""Judging one response against a standards profile and, where given, the client.

:class:`Judge` bundles the loaded catalogue, standards, person-fit rules and
recommendation library; it is pure and holds no state between calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from homeassess.domain.catalogue import Answer, Catalogue, Item, ItemKind
from homeassess.domain.person_fit import FitMargins, PersonFitRules
from homeassess.domain.ramp_figures import ramp_figures
from homeassess.domain.recommendations import LibraryEntry, RecommendationLibrary, template_filler
from homeassess.domain.standards import StandardsLibrary, StandardsProfile
from homeassess.domain.units import (
    LengthUnit,
    MeasurementError,
    UnitSystem,
    format_length,
    metric_high_limit,
    metric_low_limit,
    read_length,
    typed_number_and_unit,
    unit_slip_hint,
)
from homeassess.domain.verdicts import Finding, FitCheck, ProposedRecommendation, Verdict, headline

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
    room_type: str = ""  # the catalogue's room type: some proposals do not apply in some rooms

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

    def parse(self, item: Item, text: str, unit: LengthUnit) -> tuple[float, str]:
        """Parse and range-check a typed value: the value and the unit a length was typed in ("" for other
        quantities); raise MeasurementError/ImplausibleValue."""
        measure = item.measure
        value, typed_unit = read_length(text, unit) if measure.kind == "length" else (measure.parse(text, unit), "")
        low, high = item.plausible_bounds()
        if not (low - _EPS <= value <= high + _EPS):
            typed = typed_number_and_unit(text, unit) if item.measure.kind == "length" else None
            hint = unit_slip_hint(*typed, low, high) if typed else "check the units"
            raise ImplausibleValue(f"{text.strip()} is not a plausible {item.plausible_noun}; {hint}")
        return value, typed_unit

    def judge_measurement(self, item_id: str, text: str, ctx: JudgeContext) -> Finding:
        if (item := self.catalogue.item(item_id)).kind is not ItemKind.MEASUREMENT:
            raise KeyError(f"{item_id} is not a measurement")
        profile = self.standards.profile(ctx.standard)
        try:
            value, typed_unit = self.parse(item, text, ctx.unit)
        except ImplausibleValue as exc:
            return Finding(
                item_id=item.id, item=item.prompt, verdict=Verdict.IMPLAUSIBLE, standard_verdict=Verdict.IMPLAUSIBLE,
                measured=text.strip(), measured_value=None, required="", shortfall=None, shortfall_value=None,
                direction=None, citation="", message=str(exc), standard=profile.short, severity=_severity(item),
            )
        # Judged in the system it was measured in: a length typed in mm (or bare, in a metric visit) against the
        # metric figures, "32 in" against the inch figure even in a metric visit.
        metric = typed_unit in ("mm", "cm", "m") if typed_unit else ctx.system is UnitSystem.METRIC
        return self.judge_value(item, value, ctx, profile, metric=metric)

    def judge_value(
        self, item: Item, value: float, ctx: JudgeContext, profile: StandardsProfile | None = None, metric: bool | None = None
    ) -> Finding:
        """``metric``: the value was measured in metric units, so the standard's own metric figure meets
        (1220 mm against 48 in); by default, when the assessment is metric."""
        profile = profile or self.standards.profile(ctx.standard)
        system = ctx.system
        metric = system is UnitSystem.METRIC if metric is None else metric
        measure = item.measure
        measured = measure.format(value, system)
        limits = profile.limits_for(item.id, value)
        direction: str | None = None
        gap: float | None = None
        low = high = None
        if limits is None:
            standard_verdict, required, citation, note = Verdict.NOT_APPLICABLE, f"{profile.short} sets no figure", "", ""
        else:
            rule = limits.rule
            required, citation = rule.requirement, rule.citation
            note = " ".join(part for part in (limits.fallback, rule.note) if part)
            low, high = limits.low, limits.high
            if metric and measure.kind == "length":
                from homeassess.domain.millimetres import requirement_in_millimetres  # not imported in inches

                low = metric_low_limit(low) if low is not None else None
                high = metric_high_limit(high) if high is not None else None
                applied = [(exact, shown) for exact, shown in ((limits.low, low), (limits.high, high)) if exact and shown]
                required = requirement_in_millimetres(required, applied)  # the figures shown are the figures applied
            if low is not None and value < low - _EPS:
                direction, gap = "below", low - value
            elif high is not None and value > high + _EPS:
                direction, gap = "above", value - high
            if direction is None:
                standard_verdict = Verdict.MEETS
            else:
                standard_verdict = Verdict.FAILS if rule.binding_in(ctx.room_type) else Verdict.ADVISORY
                if not rule.verified:
                    note = (note + " " if note else "") + "Figure not verified against the published text: advisory only."
        if system is UnitSystem.METRIC and note:
            from homeassess.domain.millimetres import to_millimetres

            note = to_millimetres(note)  # a metric visit reads no inches ("handrails if the rise exceeds 6 in")
        worked_out = ramp_figures(item.id, value, profile, system)
        note = " ".join(part for part in (worked_out, note) if part)
        shortfall = measure.format_difference(gap, system) if gap is not None else None
        fit: tuple[FitCheck, ...] = ()
        if ctx.client is not None and measure.kind in ("length", "weight"):
            margins = ctx.margins or FitMargins.defaults(system)
            fit = tuple(self.fit_rules.check(item.id, value, ctx.client, margins, system, item.plausible_noun))
        verdict = max([standard_verdict, *(c.verdict for c in fit)], key=lambda v: v.severity)
        if standard_verdict is Verdict.NOT_APPLICABLE and fit and all(c.verdict is Verdict.MEETS for c in fit):
            verdict = Verdict.MEETS
        message = _message(item, measured, standard_verdict, direction, shortfall, required, citation)
        failed = tuple(
            ([citation or profile.short] if standard_verdict.is_finding else [])
            + [f"person-fit {c.rule_id}" for c in fit if c.verdict.is_finding]
        )
        finding = Finding(
            item_id=item.id, item=item.prompt, verdict=verdict, standard_verdict=standard_verdict, measured=measured,
            measured_value=value, required=required, shortfall=shortfall, shortfall_value=gap, direction=direction,
            citation=citation, message=message, standard=profile.short, note=note, person_fit=fit,
            severity=_severity(item), headline=headline(verdict, citation or profile.short, standard_verdict, fit),
            failed_checks=failed,
        )
        proposals: list[tuple[LibraryEntry, FitCheck | None]] = []
        library_item = limits.recommendation_item if limits is not None else item.id
        if direction is not None and not any(undoes(c, direction, low, high) or outgrows(c, direction, gap) for c in fit):
            needed = low if direction == "below" else high  # a fix that cannot reach it is not proposed
            proposals += [(e, None) for e in self.library.for_measurement(library_item, direction, gap, ctx.room_type, needed)]
        for check in fit:
            if check.verdict is Verdict.FAILS:
                if check.direction is not None:
                    fit_item = self.fit_rules.recommend_as(check.rule_id, item.id) or library_item
                    found = self.library.for_measurement(fit_item, check.direction, check.shortfall_mm, ctx.room_type,
                                                         check.low_mm if check.direction == "below" else check.high_mm)
                    proposals += [(e, check) for e in found]
                proposals += [(e, check) for e in self.library.for_fit(check.kind, check.shortfall_mm)]
        recommendations: dict[str, ProposedRecommendation] = {}
        fillers: dict[int, Callable[[str], str]] = {}  # one per trigger (by identity): its entries share the values
        for entry, by in proposals:
            if entry.id not in recommendations:  # the first trigger wins: the standard's, then each check's
                fill = fillers.get(id(by)) or fillers.setdefault(id(by), self.filler(finding, ctx, by))
                recommendations[entry.id] = entry.proposed(fill, finding.severity)
        return replace(finding, recommendations=tuple(recommendations.values())) if recommendations else finding

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
        if not concern:
            return finding
        fill, entries = self.filler(finding, ctx), self.library.for_answer(item.id, answer, ctx.room_type)
        return replace(finding, recommendations=tuple(e.proposed(fill, finding.severity) for e in entries))

    def propose(
        self, entry: LibraryEntry, finding: Finding, ctx: JudgeContext, check: FitCheck | None = None
    ) -> ProposedRecommendation:
        """The entry's texts filled for this finding and client; ``check``: the person-fit check that proposed it."""
        return entry.proposed(self.filler(finding, ctx, check), finding.severity)

    def filler(self, finding: Finding, ctx: JudgeContext, check: FitCheck | None = None) -> Callable[[str], str]:
        """Fills a library text for this finding and client (``check``: the person-fit check proposing it)."""
        values = {
            "room": ctx.room_name,
            "item": finding.item.lower(),
            "measured": finding.measured,
            "required": check.required if check else finding.required,
            "shortfall": (check.shortfall if check else finding.shortfall) or "",
            "citation": f"person-fit: {check.title}" if check else finding.citation,  # the client's need, not a clause
            "device_width": _device_width(ctx),
            "target": check.required if check else finding.required,
            **self.fit_rules.wording.values(ctx.client),
        }
        fill = template_filler(values)
        if ctx.system is UnitSystem.METRIC:  # the library writes its lengths in inches; a metric visit reads mm
            from homeassess.domain.millimetres import to_millimetres  # not imported by `homeassess check` in inches

            return lambda template: to_millimetres(fill(template))
        return fill


def undoes(check: FitCheck, direction: str, low: float | None, high: float | None) -> bool:
    """Whether the standard's change (raise to ``low`` when ``below``, lower to ``high`` when ``above``) works
    against this person-fit check: it takes away a fit the client has, or moves away from the fit they need."""
    if check.verdict is Verdict.FAILS:
        return check.direction is not None and check.direction != direction
    if check.verdict is not Verdict.MEETS:
        return False
    if check.holds_level:
        return True
    if direction == "below":
        return check.high_mm is not None and low is not None and low > check.high_mm + _EPS
    return check.low_mm is not None and high is not None and high < check.low_mm - _EPS


def outgrows(check: FitCheck, direction: str, gap: float | None) -> bool:
    """Whether this client needs more change than the standard, the same way: the client's need then sets
    the proposals (a door 2 in short of ADA but 5 in short of the client's wheelchair is not re-hinged)."""
    return (check.verdict is Verdict.FAILS and check.direction == direction and gap is not None
            and check.shortfall_mm > gap + _EPS)


def _device_width(ctx: JudgeContext) -> str:
    """The client's widest device for ``{device_width}``, read after "client's widest device:"."""
    if ctx.client is not None and not ctx.client.devices:
        return "no mobility device"
    device = ctx.client.widest_device() if ctx.client else None
    return format_length(device.overall_width, ctx.system) if device and device.overall_width else "not recorded"


def _severity(item: Item) -> str:
    return item.severity.value if item.severity else ""


def _message(item: Item, measured: str, verdict: Verdict, direction: str | None, shortfall: str | None, required: str, citation: str) -> str:
    cite = f" ({citation})" if citation else ""
    if verdict is Verdict.MEETS:
        return f"{item.prompt} {measured} meets: {required}{cite}"
    if verdict is Verdict.NOT_APPLICABLE:
        return f"{item.prompt} {measured}: {required}"
    word = "short by" if direction == "below" else "over by"
    label = "fails" if verdict is Verdict.FAILS else "advisory"
    return f"{item.prompt} {measured} {label}, {word} {shortfall}: {required}{cite}"
