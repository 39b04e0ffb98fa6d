"""The dialog that edits one recommendation, or writes a new one by hand.

``edit_recommendation(parent, initial, rooms=None)`` is the one entry point (tests
monkeypatch it). It returns the fields by the service's names (``FIELDS``), plus
``room_id`` when ``rooms`` is given (adding), or None when cancelled. The dialog
catches obvious slips (no title, a cost that is not a whole number, high below low);
the service stays the authority and the caller reopens the dialog if it refuses.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.vocabulary import FUNDING_HINT, Category, Funding, Installer, Priority
from homeassess.services.recommendations import CUSTOM_DEFAULTS
from homeassess.ui.kit.form_snapshot import ask_before_discarding, form_snapshot
from homeassess.ui.kit.text_limits import limit_line, limit_paragraph
from homeassess.ui.kit.wheel_guard import guard_wheels_in

NEW_RECOMMENDATION: dict[str, object] = {"title": "", **CUSTOM_DEFAULTS}


def parse_cost(text: str) -> int | None:
    """"1,200", "$1200" or "" (no estimate); raises ValueError for anything else."""
    cleaned = text.strip().replace(",", "").replace("$", "").strip()
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError(f"“{text.strip()}” is not a whole number of dollars")
    return int(cleaned)


class RecommendationEditor(QDialog):
    def __init__(
        self, initial: dict[str, object], rooms: list[tuple[int | None, str]] | None = None,
        heading: str = "Edit recommendation", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        self.setMinimumWidth(560)
        values = {**NEW_RECOMMENDATION, **initial}

        self.room = None
        if rooms is not None:
            self.room = QComboBox()
            self.room.setAccessibleName("Room")
            for room_id, name in rooms:
                self.room.addItem(name, room_id)
            if "room_id" in values:
                self.room.setCurrentIndex(next((i for i, (rid, _) in enumerate(rooms) if rid == values["room_id"]), 0))

        self.title = self._line(str(values["title"]), "Recommendation title", "e.g. Install a grab bar beside the toilet")
        self.specification = self._text(str(values["specification"]), "Specification",
                                        "What, where, height above finished floor, length, clearances")
        self.rationale = self._text(str(values["rationale"]), "Clinical rationale", "Why the client needs it")
        self.plain = self._text(str(values["plain"]), "Plain wording", "For the landlord and the client, without jargon")
        self.category = self._combo("Category", [(c.value, c.label) for c in Category], str(values["category"]))
        self.priority = self._combo("Priority", [(p.value, p.label) for p in Priority], str(values["priority"]))
        installer = values["installer"] or Installer.suggested_by(values["responsible"]).value
        self.installer = self._combo("Installer", [(i.value, i.label) for i in Installer], str(installer))
        self.funding = self._combo("Funding", [(f.value, f.label) for f in Funding],
                                   str(values["funding"] or Funding.TO_BE_AGREED.value))
        self.funding_program = self._line(str(values["funding_program"] or ""), "Grant or program name",
                                          "The grant, insurer or waiver program, when one pays")
        funding_hint = QLabel(FUNDING_HINT)
        funding_hint.setWordWrap(True)
        funding_hint.setObjectName("fundingHint")
        self.cost_low = self._line(_cost_text(values["cost_low"]), "Lowest cost in dollars", "e.g. 150")
        self.cost_high = self._line(_cost_text(values["cost_high"]), "Highest cost in dollars", "e.g. 400")
        self.cost_source = self._line(str(values["cost_source"]), "Cost source", "Quote, supplier or published range, and year")

        costs = QHBoxLayout()
        costs.addWidget(QLabel("$"))
        costs.addWidget(self.cost_low, 1)
        costs.addWidget(QLabel("to $"))
        costs.addWidget(self.cost_high, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        if self.room is not None:
            form.addRow("&Room:", self.room)
        form.addRow("&Title:", self.title)
        form.addRow("&Specification:", self.specification)
        form.addRow("R&ationale:", self.rationale)
        form.addRow("&Plain wording:", self.plain)
        form.addRow("&Category:", self.category)
        form.addRow("Priorit&y:", self.priority)
        form.addRow("I&nstaller:", self.installer)
        form.addRow("&Funding:", self.funding)
        form.addRow("Pro&gram:", self.funding_program)
        form.addRow("", funding_hint)
        form.addRow("C&ost range:", costs)
        form.labelForField(costs).setBuddy(self.cost_low)
        form.addRow("Cost so&urce:", self.cost_source)

        self.problem = QLabel("")
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet("font-weight: bold;")
        self.problem.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        guard_wheels_in(self)
        (self.room or self.title).setFocus()
        self.opened_with = form_snapshot(self)

    def reject(self) -> None:
        """Esc or Cancel: what was typed is only thrown away when the clinician says so."""
        if ask_before_discarding(self, self.opened_with):
            super().reject()

    def _line(self, text: str, name: str, placeholder: str) -> QLineEdit:
        edit = limit_line(QLineEdit(text))
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _text(self, text: str, name: str, placeholder: str) -> QPlainTextEdit:
        edit = limit_paragraph(QPlainTextEdit(text))
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        return edit

    def _combo(self, name: str, choices: list[tuple[str, str]], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        if current not in {value for value, _ in choices}:
            combo.addItem("(not set)", current)
        for value, label in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def values(self) -> dict[str, object]:
        """The fields as typed; raises ValueError with a plain message for a slip."""
        title = self.title.text().strip()
        if not title:
            raise ValueError("A recommendation needs a title.")
        low = parse_cost(self.cost_low.text())
        high = parse_cost(self.cost_high.text())
        if low is not None and high is not None and high < low:
            raise ValueError("The highest cost must not be below the lowest cost.")
        fields: dict[str, object] = {
            "title": title,
            "specification": self.specification.toPlainText().strip(),
            "rationale": self.rationale.toPlainText().strip(),
            "plain": self.plain.toPlainText().strip(),
            "category": self.category.currentData(),
            "priority": self.priority.currentData(),
            "installer": self.installer.currentData(),
            "funding": self.funding.currentData(),
            "funding_program": self.funding_program.text().strip(),
            "cost_low": low,
            "cost_high": high,
            "cost_source": self.cost_source.text().strip(),
        }
        if self.room is not None:
            fields["room_id"] = self.room.currentData()
        return fields

    def accept(self) -> None:
        try:
            self.values()
        except ValueError as exc:
            message = str(exc)
            self.problem.setText(message[0].upper() + message[1:] + ("" if message.endswith(".") else "."))
            self.problem.show()
            return
        super().accept()


def _cost_text(value: object) -> str:
    return "" if value is None else str(value)


def edit_recommendation(
    parent: QWidget | None, initial: dict[str, object], rooms: list[tuple[int | None, str]] | None = None,
    heading: str = "Edit recommendation",
) -> dict[str, object] | None:
    """Show the editor modally; the fields typed, or None if cancelled."""
    dialog = RecommendationEditor(initial, rooms, heading, parent)
    try:
        return dialog.values() if dialog.exec() == QDialog.Accepted else None
    finally:
        dialog.deleteLater()
