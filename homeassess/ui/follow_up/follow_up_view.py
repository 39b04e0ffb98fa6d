"""The Follow-up tab of a follow-up assessment: each accepted recommendation of the first visit, as found now.

One card per installed item (item_card.py): status, the reason when work was not (fully) done,
when and by whom it was installed, a note, its as-installed measurements with the verdict beside
each, and the before and after photos. Keyboard first: Enter saves the field and moves to the
next one that takes input, across the cards, scrolled into view with its verdict.

Every edit is one ``FollowUpService`` action run through ``Operations`` (so Edit → Undo takes it
back), decided from the store at that moment: a value equal to the stored one is not saved again.
The tab follows the announced changes (an edit here, an undo, a photo added), like the other views;
while hidden it only notes that it is out of date. A final follow-up is shown read-only.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from homeassess.domain.follow_up import InstalledItem
from homeassess.domain.refusals import InvalidInput, Refused
from homeassess.domain.units import MeasurementError, UnitSystem
from homeassess.domain.vocabulary import InstallStatus
from homeassess.services.changes import Change, Scope
from homeassess.services.follow_up import FollowUpService
from homeassess.ui.follow_up.after_photos import AfterPhotos
from homeassess.ui.follow_up.item_card import InstalledItemCard, refused_html
from homeassess.ui.kit.date_field import UnreadableDate
from homeassess.ui.kit.field_walk import FieldWalk
from homeassess.ui.kit.operations import Operations
from homeassess.ui.kit.palette import theme

FIRST_CARDS, MORE_CARDS = 6, 6  # cards built at once, then in each later step
SHOWN_BESIDE = (MeasurementError, InvalidInput)  # a value that cannot be taken: told beside its field only


class FollowUpView(QWidget):
    def __init__(self, follow_ups: FollowUpService, photos: AfterPhotos, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_ups = follow_ups
        self.photos = photos
        self.ops = ops
        self.follow_up_id: int | None = None
        self.read_only = True
        self.system = UnitSystem.IMPERIAL  # the visit's units: targets and examples are shown in them
        self.cards: dict[int, InstalledItemCard] = {}
        self._pending: list[InstalledItem] = []  # items whose cards are still to be built
        self._generation = 0  # a refresh starts a new generation: cards still due from an older one are dropped
        self._thumbnails: dict[int, bytes] = {}
        self._column = QVBoxLayout()
        self._stale = False
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setObjectName("followUpSummary")
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.scroll.setAccessibleName("Installed items")
        self.walk = FieldWalk(self.scroll, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        photos.imported.connect(lambda _assessment_id: self._show_photos())
        ops.bus.changed.connect(self._on_change)
        theme().changed.connect(self.redraw)  # a bound method: disconnected when the view goes

    # --- what is shown ---------------------------------------------------------------------------

    def set_assessment(self, follow_up_id: int, read_only: bool, system: UnitSystem = UnitSystem.IMPERIAL) -> None:
        self.follow_up_id, self.read_only, self.system = follow_up_id, read_only, system
        self.refresh()

    def refresh(self) -> None:
        """Every card built again from the store: the first few at once, the rest just after (a long list
        of items shows without waiting for all of them; Enter and the changes follow each card as it comes)."""
        if self.follow_up_id is None:
            return
        self._stale = False
        items = self.follow_ups.items(self.follow_up_id)
        self.cards.clear()
        self.walk.clear()
        self._generation += 1
        self._pending = list(items)
        self._thumbnails = self._read_thumbnails(items)
        body = QWidget()
        self._column = QVBoxLayout(body)
        if not items:
            self._column.addWidget(QLabel("No accepted recommendations were carried into this follow-up."))
        self._column.addStretch(1)
        self._build(FIRST_CARDS)
        self.scroll.setWidget(body)
        self._show_summary(items)
        if self._pending:
            QTimer.singleShot(0, lambda generation=self._generation: self._build_rest(generation))

    def _build(self, count: int) -> None:
        """The next ``count`` cards, after those already built."""
        for item in self._pending[:count]:
            card = InstalledItemCard(item, self.read_only, self.system)
            self._connect(card)
            self.cards[item.installation_id] = card
            self._column.insertWidget(self._column.count() - 1, card)  # above the closing stretch
            self._show_card_photos(card, item)
        del self._pending[:count]

    def _build_rest(self, generation: int) -> None:
        if generation != self._generation or not self._pending:  # built again meanwhile, or done
            return
        self._build(MORE_CARDS)
        if self._pending:
            QTimer.singleShot(0, lambda: self._build_rest(generation))

    def redraw(self, _scheme: object = None) -> None:
        """The verdicts again in the tones of the scheme shown now (the system switched light or dark)."""
        if self.follow_up_id is not None and self.cards:
            for item in self.follow_ups.items(self.follow_up_id):
                if (card := self.cards.get(item.installation_id)) is not None:
                    card.show_item(item, set_fields=False)

    def take_up(self) -> None:
        """The clinician starts here: the status of the first item not yet checked (else the first field)."""
        unchecked = next((c for c in self.cards.values() if c.chosen_status() is InstallStatus.NOT_CHECKED), None)
        while unchecked is None and self._pending:  # further down the list: built now, to be focused
            self._build(MORE_CARDS)
            unchecked = next((c for c in self.cards.values() if c.chosen_status() is InstallStatus.NOT_CHECKED), None)
        if unchecked is not None and self.walk.takes_input(unchecked.status):
            self.walk.focus(unchecked.status)
        else:
            self.walk.focus_first()

    def _connect(self, card: InstalledItemCard) -> None:
        walk = self.walk
        status, installed, note = (lambda: self.save_status(card)), (lambda: self.save_installed(card)), (lambda: self.save_note(card))
        for field, commit in ((card.status, status), (card.reason, status), (card.reason_note, status),
                              (card.installed_on, installed), (card.installed_by, installed), (card.note, note)):
            walk.add(field, None if self.read_only else commit)
        for check_id, (edit, _) in card.checks.items():
            walk.add(edit, None if self.read_only else self._check_saver(card, check_id))
        if self.read_only:
            return
        card.status.activated.connect(lambda _=0: status())
        card.reason.activated.connect(lambda _=0: status())
        card.reason_note.editingFinished.connect(status)
        card.installed_on.editingFinished.connect(installed)
        card.installed_by.editingFinished.connect(installed)
        card.note.editingFinished.connect(note)
        for check_id, (edit, _) in card.checks.items():
            edit.editingFinished.connect(self._check_saver(card, check_id))
        card.add_photo.clicked.connect(lambda: self.photos.add(self.follow_up_id, self._stored(card.installation_id), self))

    def _check_saver(self, card: InstalledItemCard, check_id: str) -> Callable[[], None]:
        return lambda: self.record_check(card, check_id)

    def _show_summary(self, items: list[InstalledItem]) -> None:
        counts = {status: sum(1 for i in items if i.status is status) for status in InstallStatus}
        parts = [f"{n} {status.label.lower()}" for status, n in counts.items() if n]
        deviating = sum(1 for i in items if i.deviations)
        open_items = sum(1 for i in items if i.is_open)
        text = f"<b>{len(items)} item{'s' if len(items) != 1 else ''} to check</b>: {html.escape(', '.join(parts))}."
        if items:
            text += f" Still open: {open_items}" + (f", {deviating} with a measurement off the specification." if deviating else ".")
        if self.read_only:
            text += " <i>This follow-up is final: read-only.</i>"
        self.summary.setText(text)

    def _read_thumbnails(self, items: list[InstalledItem]) -> dict[int, bytes]:
        """The thumbnails these items show, read from the rooms that hold them only."""
        original = self.follow_ups.link(self.follow_up_id).original_id
        before = {i.room_name for i in items if i.before_photos}
        after = {i.room_name for i in items if i.after_photos}
        rooms = {original: before} if original is not None and before else {}
        return self.photos.thumbnails({**rooms, self.follow_up_id: after} if after else rooms)

    def _show_card_photos(self, card: InstalledItemCard, item: InstalledItem) -> None:
        shown = self._thumbnails
        card.show_photos([shown[p] for p in item.before_photos if p in shown],
                         [shown[p] for p in item.after_photos if p in shown])

    def _show_photos(self, items: list[InstalledItem] | None = None) -> None:
        if self.follow_up_id is None:
            return
        items = items if items is not None else self.follow_ups.items(self.follow_up_id)
        self._thumbnails = self._read_thumbnails(items)
        for item in items:
            if (card := self.cards.get(item.installation_id)) is not None:
                self._show_card_photos(card, item)

    # --- saving, through the operation path -----------------------------------------------------

    def _stored(self, installation_id: int) -> InstalledItem:
        return self.follow_ups.item(self.follow_up_id, installation_id)

    def _run(self, card: InstalledItemCard, action: Callable[[], Change],
             refused: Callable[[Refused], None] | None = None) -> None:
        def shown(refusal: Refused) -> None:
            if refused is not None:
                refused(refusal)
            else:
                card.show_message(refused_html(refusal.sentence))
            if not isinstance(refusal, SHOWN_BESIDE):
                self.ops.show_refusal(refusal, "Not saved")

        card.show_message("")
        self.ops.run(action, on_refused=shown, initiator=self)

    def save_status(self, card: InstalledItemCard) -> None:
        follow_up_id, installation_id = self.follow_up_id, card.installation_id
        status = card.chosen_status()
        card.set_reason_asked(status.needs_reason)
        reason = card.chosen_reason()
        note = card.reason_note.text().strip() if status.needs_reason else ""
        stored = self._stored(installation_id)
        if (status, reason, note) == (stored.status, stored.reason, stored.reason_note):
            return

        def refused(refusal: Refused) -> None:  # the choice shown goes back to the stored one, with the sentence
            card.show_chosen(stored.status, stored.reason)
            card.show_message(refused_html(refusal.sentence))

        self._run(card, lambda: self.follow_ups.set_status(follow_up_id, installation_id, status, reason, note), refused)

    def save_installed(self, card: InstalledItemCard) -> None:
        follow_up_id, installation_id = self.follow_up_id, card.installation_id
        try:
            installed_on = card.installed_on.date()
        except UnreadableDate as unreadable:
            card.show_message(refused_html(str(unreadable)))
            return
        installed_by = card.installed_by.text().strip()
        stored = self._stored(installation_id)
        if (installed_on, installed_by) == (stored.installed_on, stored.installed_by):
            return
        self._run(card, lambda: self.follow_ups.set_installed(follow_up_id, installation_id, installed_on, installed_by))

    def save_note(self, card: InstalledItemCard) -> None:
        follow_up_id, installation_id = self.follow_up_id, card.installation_id
        note = card.note.text().strip()
        if note == self._stored(installation_id).note:
            return
        self._run(card, lambda: self.follow_ups.set_note(follow_up_id, installation_id, note))

    def record_check(self, card: InstalledItemCard, check_id: str) -> None:
        follow_up_id, installation_id = self.follow_up_id, card.installation_id
        text = card.checks[check_id][0].text().strip()
        stored = next((c for c in self._stored(installation_id).checks if c.check.id == check_id), None)
        if stored is not None and text == stored.value_text:
            return
        self._run(card, lambda: self.follow_ups.record_check(follow_up_id, installation_id, check_id, text),
                  refused=lambda refusal: card.show_check(check_id, refused_html(refusal.sentence)))

    # --- following the announced changes ---------------------------------------------------------

    def _on_change(self, change: Change, initiator: object) -> None:
        if self.follow_up_id is None or change.assessment_id != self.follow_up_id:
            return
        if change.touches(Scope.ASSESSMENT):
            self._stale = True  # finalised or returned to draft: the screen opens it afresh
        if not change.touches(Scope.FOLLOW_UP, Scope.PHOTOS):
            return
        if not self.isVisible():
            self._stale = True
            return
        items = self.follow_ups.items(self.follow_up_id)
        own = initiator is self
        for item in items:
            card = self.cards.get(item.installation_id)
            if card is not None and not (own and item.installation_id not in change.ids):
                card.show_item(item, set_fields=not own)  # typed here: the field already holds it
        self._show_summary(items)
        if change.touches(Scope.PHOTOS):
            self._show_photos(items)
        changed = self.cards.get(change.ids[0]) if change.ids and change.touches(Scope.FOLLOW_UP) else None
        if changed is not None and not own:  # an undo or a redo: the item it changed is brought into view
            self.scroll.ensureWidgetVisible(changed, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

