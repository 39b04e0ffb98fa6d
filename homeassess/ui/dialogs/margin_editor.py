"""A person-fit margin in the clinician's own units, or "Standard" (the margin for the assessment's units)."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox

from homeassess.domain.units import MM_PER_INCH, UnitSystem

MARGIN_FIELDS = ("width_margin_mm", "transfer_tolerance_mm")
STANDARD = -1.0  # the spin box's minimum shows "Standard (…)" and means "no value of my own"


class MarginEditor(QDoubleSpinBox):
    """Inches (to 1/8) or millimetres, as the clinician works; the stored value is millimetres or None."""

    def __init__(self, system: UnitSystem, standard_mm: float, value_mm: float | None) -> None:
        super().__init__()
        self.imperial = system is UnitSystem.IMPERIAL
        if self.imperial:
            self.setDecimals(3)
            self.setSingleStep(0.125)
            self.setRange(STANDARD, 12.0)
            self.setSuffix(" in")
            standard = f"{standard_mm / MM_PER_INCH:g} in"
        else:
            self.setDecimals(0)
            self.setSingleStep(5)
            self.setRange(STANDARD, 300)
            self.setSuffix(" mm")
            standard = f"{standard_mm:g} mm"
        self.setSpecialValueText(f"Standard ({standard})")
        self.setValue(STANDARD if value_mm is None else self.from_mm(value_mm))

    def from_mm(self, mm: float) -> float:
        return mm / MM_PER_INCH if self.imperial else mm

    def margin_mm(self) -> float | None:
        if self.value() <= STANDARD:
            return None
        return self.value() * MM_PER_INCH if self.imperial else self.value()
