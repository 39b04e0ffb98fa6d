"""Outcome scores: checking one is in range, and comparing a follow-up with the baseline.

The clinician records the client's own ratings (performance and satisfaction for each goal, 1–10),
falls in the last 3 months, concern about falling (0–10) and the difficulty of the activities tied
to the goals, at the first visit and again at the follow-up. :func:`compare` lays them side by side
with the direction of each change: higher performance and satisfaction are better; fewer falls,
lower concern, less difficulty and fewer open findings are better. No standardised instrument's
items or wording are used; a score the clinician took with one is kept as typed.
"""

from __future__ import annotations

from homeassess.domain.follow_up import Direction, GoalScore, OutcomeChange, Outcomes
from homeassess.domain.refusals import InvalidInput
from homeassess.domain.vocabulary import Difficulty

NOT_RECORDED = "Not recorded"
_DIFFICULTY_ORDER = {Difficulty.NONE: 0, Difficulty.SOME: 1, Difficulty.MUCH: 2, Difficulty.UNABLE: 3}


def validate_score(name: str, value: int | None, low: int, high: int) -> int | None:
    """``value`` if it is a whole number in ``low``..``high`` (None: not recorded), else :class:`InvalidInput`
    with one sentence naming the measure and its range: "Performance is scored 1 to 10; 11 is out of range."."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{name} is scored {low} to {high} in whole numbers")
    if not low <= value <= high:
        raise InvalidInput(f"{name} is scored {low} to {high}; {value} is out of range.")
    return value


def _direction(before: int | None, after: int | None, higher_is_better: bool) -> Direction:
    if before is None or after is None:
        return Direction.UNKNOWN
    if before == after:
        return Direction.SAME
    return Direction.BETTER if (after > before) == higher_is_better else Direction.WORSE


def _shown(value: int | None) -> str:
    return NOT_RECORDED if value is None else str(value)


def _row(label: str, before: int | None, after: int | None, higher_is_better: bool) -> OutcomeChange:
    return OutcomeChange(label, _shown(before), _shown(after), _direction(before, after, higher_is_better))


def _difficulty_row(label: str, before: Difficulty | None, after: Difficulty | None) -> OutcomeChange:
    rank = _DIFFICULTY_ORDER.get
    direction = _direction(rank(before) if before else None, rank(after) if after else None, higher_is_better=False)
    return OutcomeChange(label, before.label if before else NOT_RECORDED, after.label if after else NOT_RECORDED, direction)


def _by_words(goals: tuple[GoalScore, ...]) -> dict[tuple[str, int], GoalScore]:
    """Goals keyed by their words (spacing and case aside) and, for a goal written twice, which one it is."""
    keyed: dict[tuple[str, int], GoalScore] = {}
    for goal in goals:
        words = " ".join(goal.goal.split()).casefold()
        keyed[(words, sum(1 for w, _ in keyed if w == words))] = goal
    return keyed


def _goal_rows(goal: str, before: GoalScore | None, after: GoalScore | None) -> list[OutcomeChange]:
    """Performance, satisfaction and difficulty of one goal; a goal on one side only is not comparable."""
    rows = []
    for measure in ("performance", "satisfaction"):
        b = getattr(before, measure) if before else None
        a = getattr(after, measure) if after else None
        rows.append(_row(f"{goal}: {measure}", b, a, higher_is_better=True))
    rows.append(_difficulty_row(f"{goal}: difficulty", before.difficulty if before else None,
                                after.difficulty if after else None))
    if before is None or after is None:  # the goal changed between visits: printed, but never compared
        rows = [OutcomeChange(r.label, r.baseline, r.follow_up, Direction.UNKNOWN) for r in rows]
    return rows


def compare(baseline: Outcomes, follow_up: Outcomes) -> tuple[OutcomeChange, ...]:
    """The outcome table: each goal (matched by its words, in the baseline's order, then the follow-up's new
    goals), then falls in the last 3 months, concern about falling and open findings."""
    before, after = _by_words(baseline.goals), _by_words(follow_up.goals)
    rows: list[OutcomeChange] = []
    for key in [*before, *(k for k in after if k not in before)]:
        goal = (before.get(key) or after[key]).goal
        rows += _goal_rows(" ".join(goal.split()), before.get(key), after.get(key))
    rows.append(_row("Falls in the last 3 months", baseline.falls_3m, follow_up.falls_3m, higher_is_better=False))
    rows.append(_row("Concern about falling (0–10)", baseline.fall_concern, follow_up.fall_concern, higher_is_better=False))
    rows.append(_row("Open findings", baseline.open_findings, follow_up.open_findings, higher_is_better=False))
    return tuple(rows)
