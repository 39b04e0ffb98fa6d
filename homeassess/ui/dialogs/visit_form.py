"""The home and visit details: address, tenure, landlord, visit, standard and units."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from homeassess.domain.standards import StandardsLibrary
from homeassess.domain.units import LengthUnit
from homeassess.services.assessments import AssessmentDetails
from homeassess.ui.dialogs.client_form import FormError
from homeassess.ui.kit.date_field import DateField, UnreadableDate
from homeassess.ui.kit.text_limits import limit_line

TENURES = (("", ""), ("Owner", "owner"), ("Renter", "renter"), ("Other", "other"))
UNITS = (("Inches (imperial)", "in"), ("Millimetres", "mm"), ("Centimetres", "cm"), ("Metres", "m"))


class VisitForm(QWidget):
    def __init__(self, standards: StandardsLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}

        def line(key: str, label: str) -> QLineEdit:
            edit = limit_line(QLineEdit())
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, edit)
            self.fields[key] = edit
            return edit

        self.visit_date = DateField("Visit date", date.today())
        self.visit_date.setAccessibleName("Visit date")
        form.addRow("&Visit date:", self.visit_date)
        line("address", "Home &address:")
        line("dwelling_type", "&Dwelling type:")
        self.tenure = QComboBox()
        self.tenure.setAccessibleName("Owner or renter")
        for label, value in TENURES:
            self.tenure.addItem(label, value)
        form.addRow("Owner or &renter:", self.tenure)
        line("landlord_name", "&Landlord:")
        line("landlord_contact", "Landlord &contact:")
        line("access_contact", "Site access contact:")
        line("clinician", "Clinic&ian:")
        line("credentials", "Credentials:")
        line("licence", "Licence number:")
        line("referral", "Re&ferral:")
        self.standard = QComboBox()
        self.standard.setAccessibleName("Standards profile")
        for profile in standards.profiles.values():
            self.standard.addItem(profile.name, profile.id)
        form.addRow("&Standard:", self.standard)
        self.unit = QComboBox()
        self.unit.setAccessibleName("Units")
        for label, value in UNITS:
            self.unit.addItem(label, value)
        form.addRow("&Units:", self.unit)

    def set_details(self, details: AssessmentDetails) -> None:
        self.visit_date.set_date(details.visit_date)
        for key, edit in self.fields.items():
            edit.setText(getattr(details, key))
        self.tenure.setCurrentIndex(max(self.tenure.findData(details.tenure), 0))
        self.standard.setCurrentIndex(max(self.standard.findData(details.standard), 0))
        self.unit.setCurrentIndex(max(self.unit.findData(details.unit.value), 0))

    def details(self) -> AssessmentDetails:
        """The details as typed; raises FormError when the visit date is missing or cannot be read."""
        try:
            visit_date = self.visit_date.date()
        except UnreadableDate as exc:
            raise FormError(str(exc)) from None
        if visit_date is None:
            raise FormError("Visit date: type the date of the visit, like 14 Mar 2026.")
        return AssessmentDetails(
            visit_date=visit_date, tenure=self.tenure.currentData(),
            standard=self.standard.currentData(), unit=LengthUnit(self.unit.currentData()),
            **{key: edit.text() for key, edit in self.fields.items()},
        )
