"""Which audience a report is for, and the audiences a home cannot have."""

from __future__ import annotations

from homeassess.domain.refusals import Refused
from homeassess.report import report_data as rd


class UnknownAudience(ValueError):
    def __init__(self, audience: str) -> None:
        choices = ", ".join(a.value for a in rd.Audience)
        super().__init__(f"unknown audience {audience!r}; use one of {choices}")


class NoLandlord(Refused):
    """A landlord's request for a home its occupant owns: there is nobody to ask."""

    title = "No landlord"

    def __init__(self) -> None:
        super().__init__("this home is owner-occupied, so there is no landlord to ask; if it is rented, "
                         "set its tenure in Client & visit first")


def parse_audience(audience: str | rd.Audience) -> rd.Audience:
    try:
        return rd.Audience(str(audience).strip().lower())
    except ValueError:
        raise UnknownAudience(str(audience)) from None


def refuse_without_audience(audience: rd.Audience, tenure: str) -> None:
    """Refuse a report its reader cannot have: a landlord's request for an owner-occupied home."""
    if audience is rd.Audience.LANDLORD and tenure == "owner":
        raise NoLandlord()
