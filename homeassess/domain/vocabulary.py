"""The one vocabulary: statuses, priorities, parties and categories, each with its label and rank.

Every layer speaks these enums; the store keeps their values, the window and the reports
show their labels, lists sort by their rank. ``format_money`` is the one money formatter.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Self


class _Labelled(StrEnum):
    """A value with a label for people and a rank for sorting (declaration order)."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())

    @property
    def rank(self) -> int:
        return _ranks(type(self))[self]

    @classmethod
    def parse(cls, value: object) -> Self:
        """The member for a stored or typed value; ``InvalidInput`` names the allowed ones."""
        from homeassess.domain.refusals import InvalidInput

        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return cls(value)
        except ValueError:
            allowed = ", ".join(m.label.lower() for m in cls)
            raise InvalidInput(f"choose one of: {allowed}") from None


class AssessmentStatus(_Labelled):
    DRAFT = "draft"
    FINAL = "final"
    ARCHIVED = "archived"


class RecommendationStatus(_Labelled):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"

    @property
    def is_open(self) -> bool:
        """Proposed or accepted: still part of the plan."""
        return self is not RecommendationStatus.DISMISSED


class Priority(_Labelled):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Responsible(_Labelled):
    CLIENT = "client"
    FAMILY = "family"
    LANDLORD = "landlord"
    CONTRACTOR = "contractor"
    AGENCY = "agency"
    FUNDER = "funder"

    @classmethod
    def in_own_home(cls, responsible: Responsible) -> Responsible:
        """Who it falls to in a home its occupant owns: the library's landlord is then the client."""
        return cls.CLIENT if responsible is cls.LANDLORD else responsible


class Installer(_Labelled):
    """Who carries out the work (not who pays for it: that is ``Funding``)."""

    CONTRACTOR = "contractor"
    LANDLORD = "landlord"
    FAMILY = "family"
    CLIENT = "client"
    AGENCY = "agency"

    @classmethod
    def suggested_by(cls, responsible: object, owner_occupied: bool = False) -> Installer:
        """The installer a library entry's party suggests: a funded item is a contractor's work, and so is the
        building work a landlord would arrange (``Responsible.LANDLORD``) in a home its occupant owns."""
        if owner_occupied and str(responsible) == Responsible.LANDLORD:
            return cls.CONTRACTOR
        try:
            return cls(str(responsible))
        except ValueError:
            return cls.CONTRACTOR


class Funding(_Labelled):
    """Who pays. "To be agreed" until the clinician chooses: no report states a payer nobody chose."""

    TO_BE_AGREED = "to_be_agreed"
    TENANT = "tenant"
    LANDLORD = "landlord"
    GRANT = "grant"
    INSURANCE = "insurance"
    VA = "va"
    MEDICAID_WAIVER = "medicaid_waiver"


    def described(self, program: str = "") -> str:
        """"Grant program: County Home Repair"; the program's name only where a program pays."""
        named = self not in (Funding.TO_BE_AGREED, Funding.TENANT, Funding.LANDLORD) and program.strip()
        return f"{self.label}: {' '.join(program.split())}" if named else self.label


# Where the clinician chooses funding: the Fair Housing default, in one sentence.
FUNDING_HINT = (
    "Under the Fair Housing Act the tenant pays for a modification in private housing; in federally"
    " assisted housing the landlord pays under Section 504. Leave it to be agreed until someone has agreed."
)


class Category(_Labelled):
    EQUIPMENT = "equipment"
    MINOR_MODIFICATION = "minor_modification"
    MAJOR_MODIFICATION = "major_modification"
    BEHAVIOUR_EDUCATION = "behaviour_education"


class InstallStatus(_Labelled):
    """What a follow-up found of one accepted recommendation (docs/follow-up.md)."""

    NOT_CHECKED = "not_checked"
    AS_SPECIFIED = "as_specified"
    DEVIATIONS = "deviations"
    PARTLY = "partly"
    NOT_DONE = "not_done"

    @property
    def is_complete(self) -> bool:
        """Installed as specified: the only status that closes the recommendation."""
        return self is InstallStatus.AS_SPECIFIED

    @property
    def needs_reason(self) -> bool:
        """Work not (fully) done carries a reason."""
        return self in (InstallStatus.PARTLY, InstallStatus.NOT_DONE)


class NotDoneReason(_Labelled):
    """Why accepted work was not done, or only partly."""

    COST = "cost"
    LANDLORD_DECLINED = "landlord_declined"
    CLIENT_DECLINED = "client_declined"
    AWAITING_FUNDING = "awaiting_funding"
    OTHER = "other"


class Difficulty(_Labelled):
    """How hard an activity tied to a goal is for the client, in the clinician's own plain words."""

    NONE = "none"
    SOME = "some"
    MUCH = "much"
    UNABLE = "unable"


_LABELS = {
    "behaviour_education": "Behaviour or education",
    "grant": "Grant program",
    "va": "VA",
    "medicaid_waiver": "Medicaid waiver",
    "not_checked": "Not yet checked",
    "as_specified": "Installed as specified",
    "deviations": "Installed with deviations",
    "partly": "Partly done",
    "not_done": "Not done",
    "awaiting_funding": "Awaiting funding",
    "none": "No difficulty",
    "some": "Some difficulty",
    "much": "Great difficulty",
    "unable": "Cannot do it",
}

# The fields of a recommendation a clinician can write or change, declared once: the library fills
# them for a proposal, the store keeps those the clinician changed, the review edits them, the
# reports and the export carry them. ``responsible`` is the library's suggested party; the
# clinician's choices are ``installer`` and ``funding`` (with the program's name, ``funding_program``).
RECOMMENDATION_FIELDS = (
    "title", "specification", "rationale", "plain", "category", "priority", "responsible",
    "cost_low", "cost_high", "cost_source", "installer", "funding", "funding_program",
)

CURRENCY_SYMBOLS = {"USD": "$", "AUD": "A$", "CAD": "C$", "GBP": "£", "EUR": "€"}


@cache
def _ranks(kind: type[_Labelled]) -> dict[_Labelled, int]:
    """Each member's place in its declaration (sorting reads it for every row)."""
    return {member: i for i, member in enumerate(kind)}


def format_money(amount: int, currency: str = "USD") -> str:
    """"$1,200"; "1,200 NZD" for a currency without a symbol here."""
    symbol = CURRENCY_SYMBOLS.get(currency, "")
    return f"{symbol}{amount:,}" if symbol else f"{amount:,} {currency}"


def format_cost(low: int | None, high: int | None, currency: str = "USD", *, spoken: bool = False) -> str:
    """"$1,200–$3,000", "$60", "from $14", "up to $60", or "—" ("no cost estimate" spoken)."""
    if low is None and high is None:
        return "no cost estimate" if spoken else "—"
    if low is None:
        return f"up to {format_money(high, currency)}"  # type: ignore[arg-type]
    if high is None:
        return f"from {format_money(low, currency)}"
    if low == high:
        return format_money(low, currency)
    if spoken:
        return f"from {format_money(low, currency)} to {format_money(high, currency)}"
    return f"{format_money(low, currency)}–{format_money(high, currency)}"
