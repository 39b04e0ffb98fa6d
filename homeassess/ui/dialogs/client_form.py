"""The client profile form: who the home is judged against.

Lengths are typed in the clinician's unit (any form the domain parses) and held in
millimetres; weights as "150 lb" / "68 kg". A value that cannot be read is refused with the
field named. A field left as shown keeps its stored value exactly (``ShownValues``), and every
device the profile lists gets its own editor, so saving without changes changes nothing.
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
from homeassess.domain.units import LengthUnit
from homeassess.ui.dialogs.device_editor import (
    DeviceEditor,
    FormError,
    read_length,
    show_length,
    show_weight,
    typed_weight,
)
from homeassess.ui.dialogs.shown_values import ShownValues
from homeassess.ui.kit.date_field import DateField, UnreadableDate
from homeassess.ui.kit.text_limits import limit_line, limit_paragraph

LIMITATIONS = ("reach", "grip", "balance", "vision", "hearing", "cognition", "endurance", "strength",
               "range of motion", "sensation", "continence", "falls history")
BODY_FIELDS = (("popliteal_height", "Popliteal height"), ("seated_reach_high", "Seated reach, highest"),
               ("seated_reach_low", "Seated reach, lowest"), ("standing_reach_high", "Standing reach, highest"),
               ("height", "Height"))


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
        self.transfer.setPlaceholderText("e.g. stand pivot, sliding board: sets the height the client is fitted to")
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
        dform = QVBoxLayout(device)
        self.main_device = DeviceEditor(lambda: self.unit)
        self.device_kind, self.device_description = self.main_device.kind, self.main_device.description
        self.device_fields, self.device_weight = self.main_device.sizes, self.main_device.weight
        dform.addWidget(self.main_device)
        more = QFormLayout()
        self.usable_side = QComboBox()
        self.usable_side.setAccessibleName("Side of the hand used best")
        for label, value in (("not recorded", ""), ("left", "left"), ("right", "right"), ("both", "both")):
            self.usable_side.addItem(label, value)
        more.addRow("Hand used best:", self.usable_side)
        self.other_devices = self._line(more, "Other aids (comma separated):")
        dform.addLayout(more)
        self.also_uses = QVBoxLayout()  # one editor per further device the profile lists
        dform.addLayout(self.also_uses)
        layout.addWidget(device)

        body_box = QGroupBox("Body measures (for transfers and reach)")
        bform = QFormLayout(body_box)
        self.body_fields = {key: self._line(bform, f"{label}:") for key, label in BODY_FIELDS}
        self.body_weight = self._line(bform, "&Weight:")
        self.body_weight.setPlaceholderText("e.g. 150 lb or 68 kg")
        layout.addWidget(body_box)

        goals = QGroupBox("Goals and priorities")
        gform = QFormLayout(goals)
        self.goals = self._text(gform, "&Goals (one per line):")
        self.activities = self._text(gform, "Priority activities:")
        layout.addWidget(goals)
        layout.addStretch(1)
        self.setWidget(body)
        self._shown = ShownValues()
        self._limitations_given: list[str] = []
        self.device_editors: list[DeviceEditor] = [self.main_device]  # in the profile's order

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

    def set_profile(self, profile: ClientProfile) -> None:
        show = self._shown.show
        for edit, value in ((self.name, profile.name), (self.phone, profile.phone), (self.email, profile.email),
                            (self.address, profile.address), (self.caregiver, profile.caregiver),
                            (self.transfer, profile.transfer_method), (self.diagnosis, profile.diagnosis)):
            show(edit, value, value)
        self.dob.set_date(profile.date_of_birth)
        for edit, values in ((self.conditions, profile.conditions), (self.goals, profile.goals),
                             (self.activities, profile.priority_activities)):
            show(edit, "\n".join(values), list(values))
        self._limitations_given = list(profile.functional_limitations)
        for name, box in self.limitations.items():
            box.setChecked(name in profile.functional_limitations)
        self.usable_side.setCurrentIndex(max(self.usable_side.findData(profile.usable_side), 0))
        show(self.other_devices, ", ".join(profile.other_aids), list(profile.other_aids))
        for editor in self.device_editors[:]:
            if editor is not self.main_device:
                self.also_uses.removeWidget(editor.parentWidget())
                editor.parentWidget().deleteLater()
        main = profile.primary_device()
        self.main_device.set_device(main)
        self.device_editors = []
        for device in profile.devices:
            if device is main:
                self.device_editors.append(self.main_device)
                continue
            box = QGroupBox(f"Also uses: {device.kind.label}")
            editor = DeviceEditor(lambda: self.unit, f"{device.kind.label} ({len(self.device_editors) + 1})")
            QVBoxLayout(box).addWidget(editor)
            editor.set_device(device)
            self.also_uses.addWidget(box)
            self.device_editors.append(editor)
        if main is None:
            self.device_editors.append(self.main_device)
        self._tab_through_devices()
        for key, edit in self.body_fields.items():
            mm = getattr(profile.body, key)
            show(edit, show_length(mm, self.unit), mm)
        show(self.body_weight, show_weight(profile.body.weight_kg, self.unit), profile.body.weight_kg)

    def _tab_through_devices(self) -> None:
        """Tab goes through each further device where it is shown, before the body measures."""
        chain: list[QWidget] = [self.other_devices]
        for editor in self.device_editors:
            if editor is not self.main_device:
                chain += [editor.kind, editor.description, *editor.sizes.values(), editor.weight]
        chain.append(next(iter(self.body_fields.values())))
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _functional_limitations(self) -> list[str]:
        """As given, in its order (with any the form has no box for), changed only where a box was."""
        ticked = {name for name, box in self.limitations.items() if box.isChecked()}
        kept = [n for n in self._limitations_given if n not in self.limitations or n in ticked]
        return kept + [n for n in self.limitations if n in ticked and n not in kept]

    def profile(self) -> ClientProfile:
        """The profile as typed; raises FormError naming the field that cannot be read. A field left as
        shown keeps its stored value exactly, so saving without changes changes nothing."""
        read = self._shown.read
        devices = [device for editor in self.device_editors if (device := editor.device())]
        other_aids = read(self.other_devices, lambda _text: None)  # as given while the field is untouched
        if other_aids is None:
            other_aids = []
            for part in self.other_devices.text().split(","):
                words = part.strip().lower()
                kind = next((k for k in DeviceKind if words.startswith(k.label)), None)
                if kind and kind.value not in {d.kind.value for d in devices}:
                    description = words[len(kind.label):].strip(" ()")
                    devices.append(MobilityDevice(kind=kind, description=description))
                elif part.strip():
                    other_aids.append(part.strip())  # not a new device kind: kept as typed
        unit = self.unit
        lengths = {key: read(edit, lambda text, label=label: read_length(text, unit, label))
                   for (key, label), edit in zip(BODY_FIELDS, self.body_fields.values(), strict=True)}
        body = BodyMeasures(**lengths, weight_kg=read(self.body_weight, lambda text: typed_weight(text, unit)))
        try:
            dob = self.dob.date()
        except UnreadableDate as exc:
            raise FormError(str(exc)) from None
        return ClientProfile(
            name=read(self.name, str.strip),
            date_of_birth=dob,
            phone=read(self.phone, str.strip), email=read(self.email, str.strip), address=read(self.address, str.strip),
            diagnosis=read(self.diagnosis, str.strip), conditions=read(self.conditions, _lines),
            functional_limitations=self._functional_limitations(),
            devices=devices, other_aids=other_aids, usable_side=self.usable_side.currentData() or "", body=body,
            transfer_method=read(self.transfer, str.strip), caregiver=read(self.caregiver, str.strip),
            goals=read(self.goals, _lines), priority_activities=read(self.activities, _lines),
        )
