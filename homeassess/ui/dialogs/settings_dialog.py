"""Settings, generated from the one declaration in services/settings.py (AppSettings).

The dialog checks the values against that declaration and keeps them in ``result_settings``;
the caller saves them through the operation helper.
"""

from __future__ import annotations

import base64

from pydantic import ValidationError
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.person_fit import FitMargins
from homeassess.domain.standards import StandardsLibrary
from homeassess.domain.units import LengthUnit
from homeassess.services.settings import AppSettings
from homeassess.ui.dialogs.margin_editor import MARGIN_FIELDS, MarginEditor
from homeassess.ui.kit import prompts
from homeassess.ui.kit.form_snapshot import ask_before_discarding, form_snapshot
from homeassess.ui.kit.palette import Tone, show_in_tone
from homeassess.ui.kit.wheel_guard import guard_wheels_in

LABELS = {
    "clinician_name": "Clinician name",
    "clinician_credentials": "Credentials (e.g. OTR/L)",
    "clinician_licence": "Licence number",
    "clinician_phone": "Clinician phone",
    "clinician_email": "Clinician email",
    "signature_png_b64": "Signature image",
    "agency_name": "Agency name",
    "agency_address": "Agency address",
    "agency_phone": "Agency phone",
    "agency_logo_png_b64": "Agency logo",
    "default_unit": "Default units",
    "default_standard": "Default standard",
    "width_margin_mm": "Person-fit: clearance beyond device width",
    "transfer_tolerance_mm": "Person-fit: transfer height tolerance",
    "idle_lock_minutes": "Lock after idle (minutes)",
    "backups_to_keep": "Backups to keep",
    "followup_weeks": "Follow-up due after (weeks)",
    "paper_size": "Report paper size",
}
IMAGE_FIELDS = ("signature_png_b64", "agency_logo_png_b64")


def image_to_png_b64(image: QImage) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return base64.b64encode(bytes(data)).decode("ascii")


class ImageField(QWidget):
    def __init__(self, label: str) -> None:
        super().__init__()
        self.value = ""
        self.preview = QLabel("none")
        self.preview.setFixedHeight(48)
        choose = QPushButton("Choose…")
        choose.setAccessibleName(f"Choose {label.lower()}")
        choose.clicked.connect(self._choose)
        clear = QPushButton("Clear")
        clear.setAccessibleName(f"Clear {label.lower()}")
        clear.clicked.connect(lambda: self.set_value(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview, 1)
        row.addWidget(choose)
        row.addWidget(clear)

    def _choose(self) -> None:
        path = prompts.pick_open_path(self, "Choose an image", "Images (*.png *.jpg *.jpeg)")
        if not path:
            return
        image = QImage(str(path))
        if image.isNull():
            prompts.show_error(self, "Image not read", "That file is not an image HomeAssess can read (PNG or JPEG).")
            return
        if image.width() > 1200:
            image = image.scaledToWidth(1200, Qt.SmoothTransformation)
        self.set_value(image_to_png_b64(image))

    def set_value(self, value: str) -> None:
        self.value = value
        if value:
            pixmap = QPixmap()
            pixmap.loadFromData(base64.b64decode(value), "PNG")
            self.preview.setPixmap(pixmap.scaledToHeight(44, Qt.SmoothTransformation))
        else:
            self.preview.setText("none")


class SettingsDialog(QDialog):
    def __init__(self, current: AppSettings, standards: StandardsLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.standards = standards
        self.setWindowTitle("Settings")
        self.resize(620, 640)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        self.system = LengthUnit(current.default_unit).system
        for name, field in AppSettings.model_fields.items():
            editor = self._editor(name, field.annotation, getattr(current, name))
            editor.setAccessibleName(LABELS.get(name, name))
            self.editors[name] = editor
            form.addRow(LABELS.get(name, name) + ":", editor)
        self.message = QLabel("")
        show_in_tone(self.message, Tone.REFUSED)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.result_settings: AppSettings | None = None
        guard_wheels_in(self)
        next(iter(self.editors.values())).setFocus()  # the first field
        self.opened_with = form_snapshot(self)

    def reject(self) -> None:
        """Esc or Cancel: what was typed is only thrown away when the clinician says so."""
        if ask_before_discarding(self, self.opened_with):
            super().reject()

    def _editor(self, name: str, annotation: object, value: object) -> QWidget:
        if name in IMAGE_FIELDS:
            widget = ImageField(LABELS[name])
            widget.set_value(value)
            return widget
        if name == "default_unit":
            combo = QComboBox()
            for unit in LengthUnit:
                combo.addItem(unit.value, unit.value)
            combo.setCurrentIndex(combo.findData(value.value if hasattr(value, "value") else value))
            return combo
        if name == "default_standard":
            combo = QComboBox()
            for profile in self.standards.profiles.values():
                combo.addItem(profile.name, profile.id)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        if name == "paper_size":
            combo = QComboBox()
            combo.addItem("US Letter", "letter")
            combo.addItem("A4", "a4")
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        if name in MARGIN_FIELDS:
            return MarginEditor(self.system, getattr(FitMargins.defaults(self.system), name), value)
        if annotation is int:
            spin = QSpinBox(maximum=1000)
            spin.setValue(int(value))
            return spin
        if annotation is float:
            spin = QDoubleSpinBox(maximum=1000, decimals=1)
            spin.setValue(float(value))
            return spin
        return QLineEdit(str(value))

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, MarginEditor):
                out[name] = editor.margin_mm()
            elif isinstance(editor, ImageField):
                out[name] = editor.value
            elif isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                out[name] = editor.value()
            else:
                out[name] = editor.text().strip()
        return out

    def try_accept(self) -> None:
        try:
            self.result_settings = AppSettings.model_validate(self.values())
        except ValidationError as exc:
            error = exc.errors()[0]
            self.message.setText(f"{LABELS.get(str(error['loc'][0]), error['loc'][0])}: {error['msg']}")
            return
        self.accept()
