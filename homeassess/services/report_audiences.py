"""Which audience a report is for, what each is given, and the audiences a home cannot have."""

from __future__ import annotations

from homeassess.domain.refusals import Refused
from homeassess.domain.vocabulary import Category, Responsible
from homeassess.report import report_data as rd
from homeassess.services.recommendation_views import RecommendationView


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


BUILT = (Category.EQUIPMENT, Category.MINOR_MODIFICATION, Category.MAJOR_MODIFICATION)
CHANGES_TO_THE_HOME = (Category.MINOR_MODIFICATION, Category.MAJOR_MODIFICATION)


def given_to(audience: rd.Audience, recommendation: RecommendationView) -> bool:
    """Whether an accepted recommendation is in this audience's report. The contractor builds and installs
    (not training or routines); the landlord is asked about changes to the property, and for what the library
    has the landlord provide (a fire extinguisher), which the client's plan tells the client to ask for. The
    clinical report and the client's plan have everything; a follow-up's reports their installed items."""
    if audience is rd.Audience.CONTRACTOR:
        return recommendation.category in BUILT
    if audience is rd.Audience.LANDLORD:
        return recommendation.category in CHANGES_TO_THE_HOME or recommendation.responsible is Responsible.LANDLORD
    return True


class ReportNotSaved(Refused):
    """The PDF could not be written where asked; nothing was left half-written."""
