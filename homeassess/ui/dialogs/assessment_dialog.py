"""New assessment, and editing the client and visit of an existing one."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from homeassess.domain.catalogue import Catalogue
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.standards import StandardsLibrary
from homeassess.domain.units import LengthUnit
from homeassess.services.assessments import AssessmentDetails, NewAssessment
from homeassess.services.settings import AppSettings
from homeassess.ui.dialogs.client_form import ClientForm, FormError
from homeassess.ui.dialogs.room_picker import RoomPicker
from homeassess.ui.dialogs.visit_form import VisitForm
from homeassess.ui.kit.form_snapshot import ask_before_discarding, form_snapshot
from homeassess.ui.kit.palette import Tone, show_in_tone
from homeassess.ui.kit.read_only import show_read_only
from homeassess.ui.kit.wheel_guard import guard_wheels_in


class AssessmentDialog(QDialog):
    """With ``details=None`` it creates an assessment (its visit filled from ``settings``); otherwise it
    edits that one's client and visit. It only collects the values: the caller saves them."""

    def __init__(self, standards: StandardsLibrary, catalogue: Catalogue, settings: AppSettings,
                 parent: QWidget | None = None, client: ClientProfile | None = None,
                 details: AssessmentDetails | None = None) -> None:
        super().__init__(parent)
        self.creating = details is None
        self.setWindowTitle("New assessment" if self.creating else "Client and visit")
        self.resize(760, 720)
        if details is None:
            details = AssessmentDetails(
                clinician=settings.clinician_name, credentials=settings.clinician_credentials,
                licence=settings.clinician_licence, standard=settings.default_standard, unit=settings.default_unit,
            )
        self.visit = VisitForm(standards)
        self.visit.set_details(details)
        self.client = ClientForm(LengthUnit(details.unit))
        self.client.set_profile(client or ClientProfile())
        self.visit.unit.currentIndexChanged.connect(lambda _: setattr(self.client, "unit", LengthUnit(self.visit.unit.currentData())))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Client, home and visit" + (", rooms" if self.creating else ""))
        self.tabs.addTab(self.client, "&1 Client")
        self.tabs.addTab(self.visit, "&2 Home and visit")
        self.rooms: RoomPicker | None = None
        if self.creating:
            self.rooms = RoomPicker(catalogue)
            self.tabs.addTab(self.rooms, "&3 Rooms")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        show_in_tone(self.message, Tone.REFUSED, "font-weight: 600;")
        self.message.setAccessibleName("Form message")
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Create assessment" if self.creating else "Save")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.result_client: ClientProfile | None = None
        self.result_details: AssessmentDetails | None = None
        self.result_new: NewAssessment | None = None
        guard_wheels_in(self)
        self._offer_client_address()
        self.client.name.setFocus()  # the first field, not the tab bar
        self.opened_with = form_snapshot(self)

    def _offer_client_address(self) -> None:
        """The client's address is offered as the home's (and the other way round) while that one is empty or
        still holds what was offered: the address is typed once."""
        client_address, home_address = self.client.address, self.visit.fields["address"]
        offered = {id(client_address): "", id(home_address): ""}  # what each was given, not typed

        def offer(source, target) -> None:
            if target.text() in ("", offered[id(target)]):
                offered[id(target)] = source.text()
                target.setText(source.text())

        client_address.textEdited.connect(lambda _: offer(client_address, home_address))
        home_address.textEdited.connect(lambda _: offer(home_address, client_address))

    def reject(self) -> None:
        """Esc or Cancel: what was typed is only thrown away when the clinician says so."""
        if self.buttons.button(QDialogButtonBox.Ok).isHidden() or ask_before_discarding(self, self.opened_with):
            super().reject()

    def set_read_only(self) -> None:
        """A final assessment's client and visit: read like a document, nothing to save."""
        show_read_only(self.tabs)
        self.message.setText("This assessment is final and read-only.")
        show_in_tone(self.message, None, "font-weight: 600;")
        self.buttons.button(QDialogButtonBox.Ok).hide()
        self.buttons.button(QDialogButtonBox.Cancel).setText("Close")

    def try_accept(self) -> None:
        try:
            client = self.client.profile()
            details = self.visit.details()
        except FormError as exc:
            self.message.setText(str(exc))
            self.tabs.setCurrentIndex(1 if str(exc).startswith("Visit date") else 0)
            return
        except ValidationError as exc:
            error = exc.errors()[0]
            self.message.setText(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}")
            return
        if self.creating:
            rooms = self.rooms.rooms() if self.rooms else []
            if not client.name:
                self.message.setText("Give the client's name (it stays in this encrypted store and the clinical report).")
                self.tabs.setCurrentIndex(0)
                self.client.name.setFocus()
                return
            self.result_new = NewAssessment(client=client, details=details, rooms=rooms)
        self.result_client, self.result_details = client, details
        self.accept()
