"""One assessment: the room walk (rooms, checklist, photos), the recommendation review, and for a
follow-up the installed items (Follow-up tab); the outcome measures of any visit (Outcomes tab).

This screen lays them out, opens an assessment in them, and follows the announced changes to the
assessment itself (the title). The review, the Follow-up and the Outcomes tabs are filled in when
their tab is first shown, so opening an assessment or typing in a room never waits for them; from
then on each follows the changes itself. The room walk (room_walk.py) follows the rest.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.judge import Judge
from homeassess.services.assessments import AssessmentService, AssessmentView
from homeassess.services.changes import Change, Scope
from homeassess.services.checklist import ChecklistService
from homeassess.services.follow_up import FollowUpService
from homeassess.services.outcomes import OutcomeService
from homeassess.services.photo_import import PhotoImportService
from homeassess.services.recommendations import RecommendationService
from homeassess.ui.follow_up.after_photos import AfterPhotos
from homeassess.ui.follow_up.follow_up_view import FollowUpView
from homeassess.ui.follow_up.outcomes_view import OutcomesView
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.operations import Operations
from homeassess.ui.kit.palette import theme
from homeassess.ui.photos.photo_strip import PhotoStrip
from homeassess.ui.recommendations.review import RecommendationsView
from homeassess.ui.visit.checklist_view import ChecklistView
from homeassess.ui.visit.room_panel import RoomPanel
from homeassess.ui.visit.room_walk import RoomWalk

REVIEW_TAB, FOLLOW_UP_TAB, OUTCOMES_TAB = 1, 2, 3
COLLAPSE_BELOW = 760  # a window shorter than this opens with the photo strip collapsed


class AssessmentScreen(QWidget):
    back_requested = Signal()
    report_requested = Signal(int)
    details_requested = Signal(int)

    def __init__(self, assessments: AssessmentService, checklist: ChecklistService,
                 recommendations: RecommendationService, photos: PhotoImportService, judge: Judge,
                 ops: Operations, registry: ActionRegistry, follow_ups: FollowUpService, outcomes: OutcomeService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assessments = assessments
        self.judge = judge
        self.ops = ops
        self.view: AssessmentView | None = None
        self.follow_ups = follow_ups
        self._shown_for: dict[int, int | None] = {}  # tab -> the assessment it was last filled in for
        self.original_visit: date | None = None  # a follow-up's: the visit it follows

        self.title = QLabel("")
        self.title.setObjectName("assessmentTitle")
        self.title.setTextFormat(Qt.RichText)
        self.title.setWordWrap(True)  # a long address wraps: it never widens the window
        self.title.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.back_button = QPushButton("◀ All assessments")
        self.back_button.setAccessibleName("Back to all assessments")
        self.back_button.clicked.connect(self.back_requested)
        self.details_button = QPushButton("Client && visit…")
        self.details_button.clicked.connect(lambda: self.details_requested.emit(self.view.id))
        self.report_button = QPushButton("Reports…")
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.view.id))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.details_button)
        header.addWidget(self.report_button)

        self.rooms = RoomPanel(judge.catalogue)
        self.checklist = ChecklistView(registry)
        self.photos = PhotoStrip(photos, judge.catalogue, ops, registry)
        self.walk = RoomWalk(assessments, checklist, recommendations, self.rooms, self.checklist, self.photos, ops, self)
        theme().changed.connect(self.walk.redraw)
        # The checklist takes the height; the photo strip below can be dragged smaller or collapsed
        # to nothing, and the window remembers where it was left (layout_state / restore_layout).
        self.photo_splitter = centre = QSplitter(Qt.Vertical)
        centre.setObjectName("photoSplitter")
        centre.addWidget(self.checklist)
        centre.addWidget(self.photos)
        centre.setStretchFactor(0, 1)
        centre.setStretchFactor(1, 0)
        centre.setCollapsible(0, False)
        centre.setCollapsible(1, True)
        self.checklist.photos_requested.connect(lambda _: self.show_photo_strip())
        self.checklist.add_photo_requested.connect(lambda _: self.show_photo_strip())
        walk = QSplitter(Qt.Horizontal)
        walk.addWidget(self.rooms)
        walk.addWidget(centre)
        walk.setStretchFactor(1, 3)
        walk.setSizes([260, 900])

        self.recommendations = RecommendationsView(recommendations, assessments, ops, registry)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Rooms or recommendations")
        self.tabs.addTab(walk, "&Rooms")
        self.tabs.addTab(self.recommendations, "Re&commendations")
        self.follow_up = FollowUpView(follow_ups, AfterPhotos(photos, assessments, ops, self), ops)
        self.outcomes = OutcomesView(outcomes, follow_ups, ops)
        self.tabs.addTab(self.follow_up, "Follow-&up")
        self.tabs.addTab(self.outcomes, "&Outcomes")
        self.tabs.currentChanged.connect(lambda _: self._fill_tab_if_current())

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        ops.bus.changed.connect(self._on_change)

    # --- the photo strip's share of the height -----------------------------------------------------

    def fit_photo_strip(self, window_height: int) -> None:
        """The first layout: the strip at its smallest, or collapsed when the window is short (the checklist first)."""
        strip = 0 if window_height < COLLAPSE_BELOW else self.photos.minimumSizeHint().height()
        self.photo_splitter.setSizes([max(window_height - strip, 1), strip])

    def show_photo_strip(self) -> None:
        """Open a collapsed strip (asking for an item's photos shows them)."""
        sizes = self.photo_splitter.sizes()
        if sizes[1] == 0:
            strip = self.photos.minimumSizeHint().height()
            self.photo_splitter.setSizes([max(sizes[0] - strip, 1), strip])

    def photo_strip_collapsed(self) -> bool:
        return self.photo_splitter.sizes()[1] == 0

    def layout_state(self) -> QByteArray:
        return self.photo_splitter.saveState()

    def restore_layout(self, state: QByteArray) -> bool:
        return self.photo_splitter.restoreState(state)

    @property
    def room_id(self) -> int | None:
        return self.walk.room_id

    def open(self, assessment_id: int) -> None:
        """Show this assessment from the start (first room, Rooms tab); the undo history starts afresh."""
        self.ops.undo_stack.clear()
        self.view = self.assessments.open(assessment_id)
        original = self.follow_ups.link(assessment_id).original_id
        self.original_visit = None if original is None else self.assessments.open(original, audit=False).details.visit_date
        self._render_title()
        self.walk.open(assessment_id, self.view.read_only, self.view.rooms)
        self._shown_for = {}  # each tab is filled in when first shown
        self.tabs.setTabVisible(FOLLOW_UP_TAB, original is not None)
        self.tabs.setCurrentIndex(0)

    @property
    def is_follow_up(self) -> bool:
        return self.original_visit is not None

    def _render_title(self) -> None:
        v = self.view
        status = "" if not v.read_only else f" — <b>{html.escape(v.status.upper())}</b> (read-only)"
        if self.original_visit is not None:
            status = f" · follow-up of the visit of {self.original_visit:%d %b %Y}{status}"
        standard = self.judge.standards.profile(v.details.standard).short
        # The line reads left to right (LRM), each name and address in its own direction (FSI … PDI): an Arabic
        # name first made Qt lay the whole line out right to left, tearing a house number from its street.
        address = f" · {_isolated(v.details.address)}" if v.details.address.strip() else ""  # none yet: no empty slot
        self.title.setText(
            f"\u200e<b>{_isolated(v.client.name or '(no name)')}</b>{address} · "
            f"{v.details.visit_date:%d %b %Y} · {html.escape(standard)}{status}"
        )

    def _on_change(self, change: Change, _initiator: object) -> None:
        if self.view is None or change.assessment_id != self.view.id:
            return
        if change.touches(Scope.ASSESSMENT):
            self.view = self.assessments.open(self.view.id, audit=False)
            self._render_title()

    def show_tab(self, tab: int) -> None:
        """Show a tab (Follow-up, Outcomes...) and give its first open field the focus."""
        self.tabs.setCurrentIndex(tab)
        view = self.tabs.widget(tab)
        if hasattr(view, "take_up"):
            view.take_up()

    def _fill_tab_if_current(self) -> None:
        tab = self.tabs.currentIndex()
        if tab == 0:
            self.walk.catch_up()  # what was decided in the review meanwhile, beside the fields
        if self.view is None or tab == 0 or self._shown_for.get(tab) == self.view.id:
            return
        self._shown_for[tab] = self.view.id
        if tab == FOLLOW_UP_TAB:
            self.follow_up.set_assessment(self.view.id, self.view.read_only, self.view.details.unit.system)
            return
        views = {REVIEW_TAB: self.recommendations, OUTCOMES_TAB: self.outcomes}
        views[tab].set_assessment(self.view.id, self.view.read_only)


def _isolated(text: str) -> str:
    """User text for a rich-text label, escaped and isolated in its own writing direction."""
    return f"\u2068{html.escape(text)}\u2069"
