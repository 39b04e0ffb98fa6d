"""The review's list: proposals joined with the clinician's decisions, as plain views.

``ReviewList`` is one assessment's list at one version of the assessment (its ``updated_at`` and
the judging margins). The service keeps the last one: a refresh with nothing changed is free,
and a decision patches only the views it names (``patched``), so accepting one recommendation
among 250 does not rebuild the other 249.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import SupportsInt, TypeVar

from homeassess.domain.catalogue import Catalogue
from homeassess.domain.data_files import read_toml, resources_dir
from homeassess.domain.vocabulary import Category, Funding, Installer, Priority, RecommendationStatus, Responsible
from homeassess.services.proposals import Proposal
from homeassess.store.repositories.recommendations import FIELDS, Decision

WHOLE_HOME = "Whole home"
CUSTOM_DEFAULTS: dict[str, object] = {
    "specification": "", "rationale": "", "plain": "", "category": Category.MINOR_MODIFICATION.value,
    "priority": Priority.MEDIUM.value, "responsible": Responsible.CLIENT.value,
    "cost_low": None, "cost_high": None, "cost_source": "",
    "installer": None, "funding": None, "funding_program": "",
}
ENUMS = Category | Priority | Responsible | Installer | Funding | RecommendationStatus


@dataclass(frozen=True)
class RecommendationView:
    """One recommendation as the review, the reports and the command line see it."""

    ref: str
    assessment_id: int
    room_id: int | None
    room_name: str
    item_id: str | None
    item_prompt: str
    library_id: str | None
    title: str
    specification: str
    rationale: str
    plain: str
    category: Category
    priority: Priority
    responsible: Responsible
    cost_low: int | None
    cost_high: int | None
    cost_source: str
    installer: Installer  # chosen, or as the library's party suggests
    funding: Funding  # chosen, or to be agreed
    funding_program: str
    status: RecommendationStatus
    custom: bool
    position: int
    edited: frozenset[str] = frozenset()  # fields the clinician changed from the library's text

    def field(self, name: str) -> object:
        value = getattr(self, name)
        return value.value if isinstance(value, ENUMS) else value

    @property
    def payer(self) -> str:
        """Who pays, as chosen: "To be agreed" until the clinician chooses."""
        return self.funding.described(self.funding_program)


class ReviewList:
    """The views of one assessment at one version, in review order (proposals by room, then custom)."""

    def __init__(self, version: tuple, assessment_id: int, catalogue: Catalogue, room_names: Mapping[int, str],
                 proposals: list[Proposal], decisions: list[Decision], owner_occupied: bool = False) -> None:
        self.version = version
        self.assessment_id = assessment_id
        self.owner_occupied = owner_occupied  # the library's "landlord" is then the client, and a builder does it
        self.catalogue = catalogue
        self.room_names = dict(room_names)
        self.proposals = {p.ref: p for p in proposals}
        by_ref = {d.ref: d for d in decisions}
        self.views: dict[str, RecommendationView] = {p.ref: self._proposed(p, by_ref.get(p.ref)) for p in proposals}
        self.custom: dict[str, Decision] = {d.ref: d for d in decisions if d.custom}
        self._add_custom_views()

    def library_fields(self, ref: str) -> dict[str, object]:
        """What the library and the finding say for a proposal, before any edit."""
        proposal = self.proposals.get(ref)
        return fields_of(proposal) if proposal is not None else {}

    def patched(self, version: tuple, decisions: Mapping[str, Decision | None]) -> ReviewList:
        """This list after ``decisions`` were stored (ref → its decision now, None for none)."""
        copy = object.__new__(ReviewList)
        copy.__dict__.update(self.__dict__, version=version, custom=dict(self.custom))
        copy.views = {ref: view for ref, view in self.views.items() if not view.custom}
        for ref, decision in decisions.items():
            if ref in self.proposals:
                copy.views[ref] = copy._proposed(self.proposals[ref], decision)
            elif decision is None:
                copy.custom.pop(ref, None)
            elif decision.custom:
                copy.custom[ref] = decision
        copy._add_custom_views()
        return copy

    def _add_custom_views(self) -> None:
        """The clinician's own recommendations after the proposals, oldest first."""
        start = len(self.views)
        for n, decision in enumerate(sorted(self.custom.values(), key=lambda d: d.id or 0)):
            self.views[decision.ref] = self._custom(decision, start + n)

    def _proposed(self, p: Proposal, d: Decision | None) -> RecommendationView:
        overrides = dict(d.overrides) if d else {}
        status = d.status if d else RecommendationStatus.PROPOSED
        return self._view(p.ref, p.room_id, p.item_id, p.recommendation.library_id, {**fields_of(p), **overrides},
                          status, False, p.order[0] * 10_000 + p.order[1] * 10 + p.order[2], frozenset(overrides))

    def _custom(self, d: Decision, position: int) -> RecommendationView:
        return self._view(d.ref, d.room_id, d.item_id, None, {**CUSTOM_DEFAULTS, **d.overrides},
                          d.status, True, position, frozenset())

    def _view(self, ref: str, room_id: int | None, item_id: str | None, library_id: str | None,
              fields: Mapping[str, object], status: RecommendationStatus, custom: bool, position: int,
              edited: frozenset[str]) -> RecommendationView:
        items = self.catalogue.items
        party = _enum(Responsible, fields.get("responsible"), Responsible.CLIENT)
        responsible = Responsible.in_own_home(party) if self.owner_occupied and "responsible" not in edited else party
        return RecommendationView(
            ref=ref, assessment_id=self.assessment_id, room_id=room_id,
            room_name=self.room_names.get(room_id, WHOLE_HOME) if room_id is not None else WHOLE_HOME,
            item_id=item_id, item_prompt=items[item_id].prompt if item_id in items else "", library_id=library_id,
            title=str(fields["title"]), specification=str(fields.get("specification") or ""),
            rationale=str(fields.get("rationale") or ""), plain=str(fields.get("plain") or ""),
            category=_enum(Category, fields.get("category"), Category.MINOR_MODIFICATION),
            priority=_enum(Priority, fields.get("priority"), Priority.MEDIUM),
            responsible=responsible,
            cost_low=_int(fields.get("cost_low")), cost_high=_int(fields.get("cost_high")),
            cost_source=str(fields.get("cost_source") or ""),
            installer=_enum(Installer, fields.get("installer"), Installer.suggested_by(party, self.owner_occupied)),
            funding=_enum(Funding, fields.get("funding"), Funding.TO_BE_AGREED),
            funding_program=str(fields.get("funding_program") or ""), status=status, custom=custom, position=position,
            edited=edited,
        )


@cache
def alternative_groups() -> tuple[frozenset[str], ...]:
    """Library entries that answer one finding in different ways, of which one is built
    (``resources/reports/work_items.toml``, ``alternatives``)."""
    data = read_toml(resources_dir() / "reports" / "work_items.toml")
    return tuple(frozenset(group) for group in data.get("alternatives", ()))


def alternatives(first: str | None, other: str | None) -> bool:
    """Whether two library entries are alternatives to each other (one of them is built)."""
    return bool(first and other) and first != other and any(
        first in group and other in group for group in alternative_groups())


def options(views: Sequence[RecommendationView]) -> dict[str, RecommendationView]:
    """The options among accepted recommendations, each with the chosen one it is an option to.

    Two or more recommendations for one finding (one room, one checklist item) whose library entries
    are alternatives: the first of the highest priority (in review order) is the chosen one, the others
    are options, listed beside it and counted in no total. The one rule for the review's totals and
    every report's."""
    accepted = [v for v in views if v.status is RecommendationStatus.ACCEPTED]
    chosen: dict[tuple[int | None, str], list[RecommendationView]] = {}  # by finding: an accept stays O(n)
    out: dict[str, RecommendationView] = {}
    for view in sorted(accepted, key=lambda v: v.priority.rank):  # stable: review order within a priority
        finding = chosen.setdefault((view.room_id, view.item_id or ""), [])
        first = next((c for c in finding if c.item_id and alternatives(c.library_id, view.library_id)), None)
        if first is None:
            finding.append(view)
        else:
            out[view.ref] = first
    return out


def fields_of(p: Proposal) -> dict[str, object]:
    rec = p.recommendation
    return {name: getattr(rec, name, None) for name in FIELDS}  # the library chooses no installer or funding


LabelT = TypeVar("LabelT", bound=StrEnum)


def _enum(kind: type[LabelT], value: object, default: LabelT) -> LabelT:
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    return default


def _int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, str | SupportsInt):
        return int(value)
    raise TypeError("a cost is stored as a whole number")
