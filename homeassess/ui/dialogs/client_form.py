"""The client profile form: who the home is judged against.

Lengths are typed in the clinician's unit (any form the domain parses) and held in
millimetres; a length that cannot be read is refused with the field named.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.client_profile import BodyMeasures, ClientProfile, DeviceKind, MobilityDevice
from homeassess.domain.units import LengthUnit, MeasurementError, format_length, parse_length
from homeassess.ui.kit.date_field import DateField, UnreadableDate
from homeassess.ui.kit.text_limits import limit_line, limit_paragraph

LIMITATIONS = ("reach", "grip", "balance", "vision", "hearing", "cognition", "endurance", "strength",
               "range of motion", "sensation", "continence", "falls history")
DEVICE_FIELDS = (("overall_width", "Overall width"), ("overall_length", "Overall length"),
                 ("seat_height", "Seat height"), ("turning_diameter", "Turning diameter"))
BODY_FIELDS = (("popliteal_height", "Popliteal height"), ("seated_reach_high", "Seated reach, highest"),
               ("seated_reach_low", "Seated reach, lowest"), ("standing_reach_high", "Standing reach, highest"),
               ("height", "Height"))


class FormError(ValueError):
    """A field that cannot be accepted; the message names the field."""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace(";", "\n").splitlines() if line.strip()]


class ClientForm(QScrollArea):
    def __init__(self, unit: LengthUnit = LengthUnit.INCH, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Client")
        self.unit = unit
        body = QWidget()
        layout = QVBoxLayout(body)

        who = QGroupBox("Client")
        form = QFormLayout(who)
        self.name = self._line(form, "&Name:")
        self.dob = DateField("Date of birth")  # typed, or left empty when not recorded
        self.dob.setAccessibleName("Date of birth")
        form.addRow("Date of &birth:", self.dob)
        self.phone = self._line(form, "&Phone:")
        self.email = self._line(form, "&Email:")
        self.address = self._line(form, "Home &address:")
        self.caregiver = self._line(form, "&Caregiver:")
        self.transfer = self._line(form, "&Transfer method:")
        layout.addWidget(who)

        clinical = QGroupBox("Clinical (clinical report only; never in landlord or contractor documents)")
        cform = QFormLayout(clinical)
        self.diagnosis = self._line(cform, "&Diagnosis:")
        self.conditions = self._text(cform, "Conditions (one per line):")
        grid = QGridLayout()
        self.limitations: dict[str, QCheckBox] = {}
        for i, name in enumerate(LIMITATIONS):
            box = QCheckBox(name)
            self.limitations[name] = box
            grid.addWidget(box, i // 4, i % 4)
        cform.addRow("Functional limitations:", grid)
        layout.addWidget(clinical)

        device = QGroupBox("Main mobility device (person-fit rules use its dimensions)")
        dform = QFormLayout(device)
        self.device_kind = QComboBox()
        self.device_kind.setAccessibleName("Mobility device")
        self.device_kind.addItem("none", "")
        for kind in DeviceKind:
            self.device_kind.addItem(kind.label, kind.value)
        dform.addRow("De&vice:", self.device_kind)
        self.usable_side = QComboBox()
        self.usable_side.setAccessibleName("Side of the hand used best")
        for label, value in (("not recorded", ""), ("left", "left"), ("right", "right"), ("both", "both")):
            self.usable_side.addItem(label, value)
        dform.addRow("Hand used best:", self.usable_side)
        self.device_description = self._line(dform, "Description:")
        self.device_fields = {key: self._line(dform, f"{label}:") for key, label in DEVICE_FIELDS}
        self.other_devices = self._line(dform, "Other aids (comma separated):")
        layout.addWidget(device)

        body_box = QGroupBox("Body measures (for transfers and reach)")
        bform = QFormLayout(body_box)
        self.body_fields = {key: self._line(bform, f"{label}:") for key, label in BODY_FIELDS}
        layout.addWidget(body_box)

        goals = QGroupBox("Goals and priorities")
        gform = QFormLayout(goals)
        self.goals = self._text(gform, "&Goals (one per line):")
        self.activities = self._text(gform, "Priority activities:")
        layout.addWidget(goals)
        layout.addStretch(1)
        self.setWidget(body)
        self._extra_devices: list[MobilityDevice] = []

    def _line(self, form: QFormLayout, label: str) -> QLineEdit:
        edit = limit_line(QLineEdit())
        edit.setAccessibleName(label.replace("&", "").rstrip(":"))
        form.addRow(label, edit)
        return edit

    def _text(self, form: QFormLayout, label: str) -> QPlainTextEdit:
        edit = limit_paragraph(QPlainTextEdit())
        edit.setFixedHeight(64)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(label.replace("&", "").rstrip(":"))
        form.addRow(label, edit)
        return edit

    def _length(self, edit: QLineEdit, label: str) -> float | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_length(text, self.unit)
        except MeasurementError as exc:
            raise FormError(f"{label}: {exc}") from None

    def _show_length(self, mm: float | None) -> str:
        return "" if mm is None else format_length(mm, self.unit.system)

    def set_profile(self, profile: ClientProfile) -> None:
        self.name.setText(profile.name)
        self.dob.set_date(profile.date_of_birth)
        self.phone.setText(profile.phone)
        self.email.setText(profile.email)
        self.address.setText(profile.address)
        self.caregiver.setText(profile.caregiver)
        self.transfer.setText(profile.transfer_method)
        self.diagnosis.setText(profile.diagnosis)
        self.conditions.setPlainText("\n".join(profile.conditions))
        for name, box in self.limitations.items():
            box.setChecked(name in profile.functional_limitations)
        main = profile.primary_device()
        self._extra_devices = [d for d in profile.devices if d is not main and d.overall_width]
        self.device_kind.setCurrentIndex(max(self.device_kind.findData(main.kind.value if main else ""), 0))
        self.device_description.setText(main.description if main else "")
        self.usable_side.setCurrentIndex(max(self.usable_side.findData(profile.usable_side), 0))
        for key, edit in self.device_fields.items():
            edit.setText(self._show_length(getattr(main, key) if main else None))
        self.other_devices.setText(", ".join([
            *(d.kind.label + (f" ({d.description})" if d.description else "")
              for d in profile.devices if d is not main and d not in self._extra_devices),
            *profile.other_aids,
        ]))
        for key, edit in self.body_fields.items():
            edit.setText(self._show_length(getattr(profile.body, key)))
        self.goals.setPlainText("\n".join(profile.goals))
        self.activities.setPlainText("\n".join(profile.priority_activities))

    def profile(self) -> ClientProfile:
        """The profile as typed; raises FormError naming the field that cannot be read."""
        devices = []
        if self.device_kind.currentData():
            sizes = {key: self._length(edit, label) for (key, label), edit in zip(DEVICE_FIELDS, self.device_fields.values(), strict=True)}
            devices.append(MobilityDevice(kind=self.device_kind.currentData(), description=self.device_description.text().strip(), **sizes))
        devices += self._extra_devices
        other_aids = []
        for part in self.other_devices.text().split(","):
            words = part.strip().lower()
            kind = next((k for k in DeviceKind if words.startswith(k.label)), None)
            if kind and kind.value not in {d.kind.value for d in devices}:
                description = words[len(kind.label):].strip(" ()")
                devices.append(MobilityDevice(kind=kind, description=description))
            elif not kind and part.strip():
                other_aids.append(part.strip())  # not a device kind: kept as typed
        body = BodyMeasures(**{key: self._length(edit, label) for (key, label), edit in zip(BODY_FIELDS, self.body_fields.values(), strict=True)})
        try:
            dob = self.dob.date()
        except UnreadableDate as exc:
            raise FormError(str(exc)) from None
        return ClientProfile(
            name=self.name.text().strip(),
            date_of_birth=dob,
            phone=self.phone.text().strip(), email=self.email.text().strip(), address=self.address.text().strip(),
            diagnosis=self.diagnosis.text().strip(), conditions=_lines(self.conditions.toPlainText()),
            functional_limitations=[n for n, b in self.limitations.items() if b.isChecked()],
            devices=devices, other_aids=other_aids, usable_side=self.usable_side.currentData() or "", body=body, transfer_method=self.transfer.text().strip(),
            caregiver=self.caregiver.text().strip(), goals=_lines(self.goals.toPlainText()),
            priority_activities=_lines(self.activities.toPlainText()),
        )
