"""Program settings, declared once with their types and defaults, kept in the store.

The person-fit margins are None until the clinician sets them, which means the standard margin
for the assessment's units (``FitMargins.defaults``: 2 in and 1 in, or 50 mm and 25 mm), the
same figures ``homeassess check`` uses, so the window and the command line agree. Saving
is one user action: it returns a ``Change`` (scope SETTINGS) whose ``undo`` puts the previous
settings back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from homeassess.domain.person_fit import FitMargins
from homeassess.domain.standards import DEFAULT_PROFILE
from homeassess.domain.units import LengthUnit, UnitSystem
from homeassess.services.changes import Change, Scope, change
from homeassess.store.repositories import SettingsRepository


class AppSettings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    clinician_name: str = ""
    clinician_credentials: str = ""
    clinician_licence: str = ""
    clinician_phone: str = ""
    clinician_email: str = ""
    signature_png_b64: str = Field(default="", description="signature image, PNG, base64")
    agency_name: str = ""
    agency_address: str = ""
    agency_phone: str = ""
    agency_logo_png_b64: str = ""
    default_unit: LengthUnit = LengthUnit.INCH
    default_standard: str = DEFAULT_PROFILE
    width_margin_mm: float | None = Field(default=None, ge=0, le=300)  # None: the standard margin for the units
    transfer_tolerance_mm: float | None = Field(default=None, ge=0, le=200)
    idle_lock_minutes: int = Field(default=10, ge=1, le=240)
    backups_to_keep: int = Field(default=10, ge=1, le=100)
    paper_size: Literal["letter", "a4"] = "letter"
    followup_weeks: int = Field(default=8, ge=1, le=104)  # a final assessment's follow-up is due this many weeks later

    def margins(self, system: UnitSystem) -> FitMargins:
        """The margins to judge with in ``system``: the clinician's, or the standard ones for those units."""
        standard = FitMargins.defaults(system)
        return FitMargins(
            width_margin_mm=standard.width_margin_mm if self.width_margin_mm is None else self.width_margin_mm,
            transfer_tolerance_mm=standard.transfer_tolerance_mm if self.transfer_tolerance_mm is None
            else self.transfer_tolerance_mm,
        )


class SettingsService:
    def __init__(self, repository: SettingsRepository) -> None:
        self._repository = repository
        self._cached: AppSettings | None = None

    def load(self) -> AppSettings:
        if self._cached is None:
            stored = self._repository.load_all()
            try:
                self._cached = AppSettings.model_validate(stored)
            except ValidationError:
                # A bad stored value falls back to its default rather than locking the clinician out.
                valid = {}
                for key, value in stored.items():
                    try:
                        AppSettings.model_validate({key: value})
                        valid[key] = value
                    except ValidationError:
                        continue
                self._cached = AppSettings.model_validate(valid)
        return self._cached

    def save(self, settings: AppSettings, verdicts: Mapping[int, str] | None = None) -> Change:
        """Store these settings, with ``verdicts`` re-judged under them (response id -> verdict) in the same
        transaction; the Change's value is the settings as stored, its undo restores the previous ones."""
        previous = self.load()
        settings = AppSettings.model_validate(settings.model_dump())
        self._repository.save(settings.model_dump(mode="json"), verdicts)
        self._cached = settings
        return change(Scope.SETTINGS, label="change settings", value=settings, undo=lambda: self.save(previous))
