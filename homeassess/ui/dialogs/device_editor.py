"""One mobility device on the client form: kind, description, sizes and its own weight.

Sizes are typed in the clinician's unit (any form a measurement accepts); the weight as "150 lb"
or "68 kg", a bare number in the clinician's unit system. A field left as shown keeps the stored
value exactly, and the primary mark is carried as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from homeassess.domain.client_profile import DeviceKind, MobilityDevice
from homeassess.domain.readings import READINGS
from homeassess.domain.units import LengthUnit, MeasurementError, UnitSystem, format_length, parse_length
from homeassess.ui.dialogs.shown_values import ShownValues
from homeassess.ui.kit.text_limits import limit_line

DEVICE_FIELDS = (("overall_width", "Overall width"), ("overall_length", "Overall length"),
                 ("seat_height", "Seat height"), ("turning_diameter", "Turning diameter"))


class FormError(ValueError):
    """A field that cannot be accepted; the message names the field."""


def show_length(mm: float | None, unit: LengthUnit) -> str:
    return "" if mm is None else format_length(mm, unit.system)


def show_weight(kg: float | None, unit: LengthUnit) -> str:
    return "" if kg is None else READINGS["weight"].format(kg, unit.system)


def read_length(text: str, unit: LengthUnit, label: str) -> float | None:
    if not text.strip():
        return None
    try:
        return parse_length(text.strip(), unit)
    except MeasurementError as exc:
        raise FormError(f"{label}: {exc}") from None


def typed_weight(text: str, unit: LengthUnit) -> str | None:
    """The weight as the profile reads it ("150 lb"): a bare number is in the clinician's unit system."""
    text = text.strip()
    if not text:
        return None
    try:
        float(text)
    except ValueError:
        return text  # with its unit, or refused by the profile with the field named
    return f"{text} {'lb' if unit.system is UnitSystem.IMPERIAL else 'kg'}"


class DeviceEditor(QWidget):
    """The fields of one device; ``device()`` is None when its kind is set to none."""

    def __init__(self, unit: Callable[[], LengthUnit], name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unit = unit
        self._shown = ShownValues()
        self._original: MobilityDevice | None = None
        prefix = f"{name} " if name else ""
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setAccessibleName(f"{prefix}mobility device".capitalize())
        self.kind.addItem("none", "")
        for kind in DeviceKind:
            self.kind.addItem(kind.label, kind.value)
        form.addRow("De&vice:" if not name else "Device:", self.kind)
        self.description = self._line(f"{prefix}description", "Description:")
        self.sizes = {key: self._line(f"{prefix}{label.lower()}", f"{label}:") for key, label in DEVICE_FIELDS}
        self.weight = self._line(f"{prefix}weight (the device's own)", "Weight:")
        self.weight.setPlaceholderText("e.g. 35 lb or 16 kg")

    def _line(self, accessible: str, label: str) -> QLineEdit:
        edit = limit_line(QLineEdit())
        edit.setAccessibleName(accessible[:1].upper() + accessible[1:])
        self.form.addRow(label, edit)
        return edit

    def set_device(self, device: MobilityDevice | None) -> None:
        self._original = device
        unit = self._unit()
        self.kind.setCurrentIndex(max(self.kind.findData(device.kind.value if device else ""), 0))
        self._shown.show(self.description, device.description if device else "", device.description if device else "")
        for key, edit in self.sizes.items():
            mm = getattr(device, key) if device else None
            self._shown.show(edit, show_length(mm, unit), mm)
        kg = device.weight_kg if device else None
        self._shown.show(self.weight, show_weight(kg, unit), kg)

    def device(self) -> MobilityDevice | None:
        """The device as typed; raises FormError (or the profile's ValidationError) naming the field."""
        kind = self.kind.currentData()
        if not kind:
            return None
        unit = self._unit()
        labels = dict(DEVICE_FIELDS)
        sizes = {key: self._shown.read(edit, lambda text, key=key: read_length(text, unit, labels[key]))
                 for key, edit in self.sizes.items()}
        return MobilityDevice(
            kind=kind,
            description=self._shown.read(self.description, str.strip),
            primary=bool(self._original and self._original.primary),
            weight_kg=self._shown.read(self.weight, lambda text: typed_weight(text, unit)),
            **sizes,
        )
