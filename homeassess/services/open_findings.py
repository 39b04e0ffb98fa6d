"""Open findings at a follow-up, counted so that they compare with the first visit's.

At the first visit the count is the checklist's failing answers. At the follow-up it starts from
the same answers (matched by room name and item) and then:
- an accepted recommendation that was installed closes the finding it answered; if it was installed
  with deviations, each deviation (at least one) is counted instead;
- work not done, partly done or not yet checked leaves the finding open;
- an item measured again in the follow-up's own checklist takes its new verdict: a pass closes it,
  a failure opens it (a new finding at the follow-up counts too).
So "142 → 131" means eleven findings closed, not two different things subtracted. docs/follow-up.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from homeassess.domain.follow_up import InstalledItem
from homeassess.domain.verdicts import Verdict
from homeassess.domain.vocabulary import InstallStatus

FindingKey = tuple[str, str]  # (room name, checklist item id)


def count_open_at_follow_up(
    first_visit: Mapping[FindingKey, str],
    installed: Iterable[tuple[InstalledItem, FindingKey | None]],
    follow_up: Mapping[FindingKey, str],
) -> int:
    """``first_visit``/``follow_up``: each answer's verdict by key; ``installed``: each item with the key of
    the finding its recommendation answered (None for a custom one without a checklist item)."""
    still_open = {key for key, verdict in first_visit.items() if verdict == Verdict.FAILS.value}
    deviations = 0
    for item, key in installed:
        was_installed = item.status in (InstallStatus.AS_SPECIFIED, InstallStatus.DEVIATIONS) or bool(item.deviations)
        if not was_installed:
            continue
        if key is not None:
            still_open.discard(key)
        if item.is_open:
            deviations += max(1, len(item.deviations))
    for key, verdict in follow_up.items():
        if verdict == Verdict.FAILS.value:
            still_open.add(key)
        elif verdict == Verdict.MEETS.value:
            still_open.discard(key)
    return len(still_open) + deviations
