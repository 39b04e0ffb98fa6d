"""Which of the clinician's own details a report would go without: name, credentials, licence, contact.

A report takes them from the assessment's visit details, else from Settings (services/reports.py).
The home screen offers to fill them in while Settings lacks any, beside the demo; the Reports
dialog says which ones the report will be missing before it is built.
"""

from __future__ import annotations

from homeassess.services.assessments import AssessmentDetails
from homeassess.services.settings import AppSettings


def missing_details(settings: AppSettings, details: AssessmentDetails | None = None) -> list[str]:
    """The missing ones, in words ("name", "licence number", …); empty when the reports have them all."""
    d = details or AssessmentDetails()
    present = {
        "name": d.clinician or settings.clinician_name,
        "credentials": d.credentials or settings.clinician_credentials,
        "licence number": d.licence or settings.clinician_licence,
        "phone or email": settings.clinician_phone or settings.clinician_email,
    }
    return [label for label, value in present.items() if not value.strip()]


def in_words(missing: list[str]) -> str:
    return missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
