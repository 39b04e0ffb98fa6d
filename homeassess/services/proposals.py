"""Proposed recommendations, derived, never stored.

A proposal is a function of the responses, the client, the standard and the library: every
answer of the assessment is judged (``ChecklistService.evaluate``) and each finding's
recommendations are collected, one per library entry per room (the first item that proposes an
entry wins). Nothing is written, so recording a measurement is one write, a killed process
can never leave a finding without its proposals, and a change to the client or the standard
re-proposes everything at once.

What a finding proposes is the judge's decision (``homeassess.domain.judge``): the standard's
proposals and the person-fit checks' together, never one that would undo a fit the client already
has, in the client's own words (``homeassess.domain.client_wording``).

Judging a room is cached by what it depends on (the room's texts and the judging context), so
a recommendation decision or a refresh of the review does not re-judge unchanged rooms.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from homeassess.domain.catalogue import Catalogue, Item
from homeassess.domain.judge import JudgeContext
from homeassess.domain.units import MeasurementError
from homeassess.domain.verdicts import Finding, ProposedRecommendation
from homeassess.store.repositories.rooms import ResponseRecord, RoomRecord

CACHE_ROOMS = 256


@dataclass(frozen=True)
class Proposal:
    room_id: int
    item_id: str
    recommendation: ProposedRecommendation
    order: tuple[int, int, int]  # room position, item position, library order within the finding

    @property
    def ref(self) -> str:
        return f"{self.room_id}:{self.recommendation.library_id}"


class ProposalDeriver:
    """Judges rooms and collects their proposals; ``evaluate`` is ChecklistService.evaluate."""

    def __init__(self, catalogue: Catalogue, evaluate: Callable[[Item, str, JudgeContext], Finding | None]) -> None:
        self.catalogue = catalogue
        self.evaluate = evaluate
        self._cache: OrderedDict[tuple, tuple[Proposal, ...]] = OrderedDict()

    def for_rooms(
        self, rooms: list[RoomRecord], responses: dict[int, dict[str, ResponseRecord]],
        context_for: Callable[[RoomRecord], JudgeContext],
    ) -> list[Proposal]:
        out: list[Proposal] = []
        shared: tuple | None = None
        for position, room in enumerate(rooms):
            ctx = context_for(room)
            shared = shared or context_key(ctx)  # the same for every room but its name
            texts = tuple(sorted((k, r.value_text) for k, r in responses.get(room.id, {}).items() if r.value_text))
            key = (room.id, room.room_type, room.name, position, texts, shared)
            cached = self._cache.get(key)
            if cached is None:
                cached = self._cache[key] = self._derive(room, position, texts, ctx)
                if len(self._cache) > CACHE_ROOMS:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(key)
            out.extend(cached)
        return out

    def _derive(self, room: RoomRecord, position: int, texts: tuple[tuple[str, str], ...], ctx: JudgeContext) -> tuple[Proposal, ...]:
        proposals: dict[str, Proposal] = {}
        item_order = {item.id: i for i, item in enumerate(self.catalogue.items_of(room.room_type))}
        for item_id, text in sorted(texts, key=lambda kv: item_order.get(kv[0], len(item_order))):
            finding = self._finding(item_id, text, ctx)
            if finding is None or not finding.verdict.is_finding:
                continue
            for n, rec in enumerate(finding.recommendations):
                order = (position, item_order.get(item_id, len(item_order)), n)
                proposals.setdefault(rec.library_id, Proposal(room.id, item_id, rec, order))
        return tuple(proposals.values())

    def _finding(self, item_id: str, text: str, ctx: JudgeContext) -> Finding | None:
        item = self.catalogue.items.get(item_id)
        if item is None:
            return None
        try:
            return self.evaluate(item, text, ctx)
        except MeasurementError:  # a stored value the catalogue no longer accepts proposes nothing
            return None


def context_key(ctx: JudgeContext) -> tuple:
    """What a judgement depends on besides the answers and the room's name."""
    client = repr(ctx.client)  # the whole profile: any field may change a verdict
    return (ctx.standard, ctx.unit, client, ctx.margins)
