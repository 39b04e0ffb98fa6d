"""The home screen: assessments with search as you type and status filters.

"Follow-up due" lists the final assessments whose follow-up is due today or earlier and has no
final follow-up yet; the Follow-up column shows each due date, and on a follow-up the visit it follows.

It refreshes itself whenever a change names the list of assessments (one created, imported,
archived, renamed by an edit of its client), so it never shows a stale copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.vocabulary import AssessmentStatus
from homeassess.services.assessments import AssessmentService
from homeassess.services.changes import Change, Scope
from homeassess.ui.home.assessment_list_model import AssessmentListModel
from homeassess.ui.kit.operations import Operations
from homeassess.ui.kit.wheel_guard import guard_wheels_in

DRAFT, FINAL, ARCHIVED = (s.value for s in AssessmentStatus)
FILTERS = (
    ("Drafts and finals", (DRAFT, FINAL)),
    ("Drafts", (DRAFT,)),
    ("Finals", (FINAL,)),
    ("Follow-up due", (FINAL,)),
    ("Archived", (ARCHIVED,)),
    ("All", (DRAFT, FINAL, ARCHIVED)),
)
FOLLOW_UP_DUE = 3  # the filter that keeps only the finals whose follow-up is due


class HomeScreen(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    demo_requested = Signal()
    archive_requested = Signal(int)
    settings_requested = Signal()

    def __init__(self, assessments: AssessmentService, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assessments = assessments
        self.search = QLineEdit(placeholderText="Search client or address…", clearButtonEnabled=True)
        self.search.setAccessibleName("Search assessments")
        self.filter = QComboBox()
        self.filter.setAccessibleName("Status filter")
        for label, _ in FILTERS:
            self.filter.addItem(label)
        guard_wheels_in(self)
        self.model = AssessmentListModel()
        self.table = QTableView()
        self.table.setObjectName("assessmentTable")
        self.table.setAccessibleName("Assessments")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Fixed row heights and no wrapping: a refresh never measures the rows of a long list.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        # Fixed widths: ResizeToContents would measure every row of a long list on each refresh.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        for column, width in ((0, 220), (2, 110), (3, 80), (4, 85), (5, 85), (6, 175)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated.connect(lambda index: self._open_row(index.row()))

        self.new_button = QPushButton("&New assessment")
        self.open_button = QPushButton("&Open")
        self.archive_button = QPushButton("&Archive")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex().row()))
        self.archive_button.clicked.connect(self._archive)

        self.welcome = self._welcome_panel()
        self.setup_note = QLabel("")
        self.setup_note.setObjectName("setupNote")
        self.setup_note.setWordWrap(True)
        self.setup_button = QPushButton("&Your details…")
        self.setup_button.setAccessibleName("Your details for the reports")
        self.setup_button.clicked.connect(self.settings_requested)
        self.setup_row = QWidget()
        setup_layout = QHBoxLayout(self.setup_row)
        setup_layout.setContentsMargins(0, 0, 0, 0)
        setup_layout.addWidget(self.setup_note, 1)
        setup_layout.addWidget(self.setup_button)
        self.setup_row.hide()
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.welcome)

        top = QHBoxLayout()
        title = QLabel("<h2>Assessments</h2>")
        top.addWidget(title)
        top.addStretch(1)
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 2)
        top.addWidget(self.filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        self.count_label = QLabel("")
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.setup_row)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)

        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self.search_now)
        self.filter.currentIndexChanged.connect(lambda _: self.refresh())
        ops.bus.changed.connect(self._on_change)

    def _welcome_panel(self) -> QWidget:
        panel = QWidget()
        text = QLabel(
            "<h3>Welcome to HomeAssess</h3>"
            "<p>Walk a home room by room, type measurements as you take them and see each one judged at once "
            "against the standards and against your client. Photos and recommendations follow, then the reports.</p>"
            "<p>Start with the demo visit to look around, or begin your own assessment. "
            "Settings holds your name, credentials and agency letterhead for the reports.</p>"
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignCenter)
        demo = QPushButton("Explore the &demo assessment")
        demo.clicked.connect(self.demo_requested)
        new = QPushButton("Start a new assessment")
        new.clicked.connect(self.new_requested)
        settings = QPushButton("Settings (clinician and agency)…")
        settings.clicked.connect(self.settings_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in (demo, new, settings):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addStretch(2)
        return panel

    def show_missing_details(self, missing: str) -> None:
        """Offer the clinician's own details (for the reports) while any are missing; ``missing`` in words."""
        self.setup_note.setText(f"<b>Before your first report:</b> add your {missing} in your details. "
                                "The reports carry them; the demo visit does not need them." if missing else "")
        self.setup_row.setVisible(bool(missing))

    def statuses(self) -> tuple[str, ...]:
        return FILTERS[self.filter.currentIndex()][1]

    def search_now(self) -> None:
        """List what the search box holds at once (Enter), as the pause in typing would 120 ms later."""
        self._debounce.stop()
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """The list again, keeping the selected line (or selecting the assessment ``select``, when listed)."""
        current = select if select is not None else self.model.assessment_id(self.table.currentIndex().row())
        rows = self.assessments.list(self.search.text(), self.statuses())
        if self.filter.currentIndex() == FOLLOW_UP_DUE:
            rows = [r for r in rows if r.follow_up_due]
        self.model.set_rows(rows, self._visits_followed(rows))
        no_data = not rows and not self.search.text() and self.statuses() == FILTERS[0][1]
        self.body.setCurrentWidget(self.welcome if no_data else self.table)
        self.count_label.setText("" if no_data else f"{len(rows)} assessment{'s' if len(rows) != 1 else ''}")
        ids = [r.id for r in rows]
        row = ids.index(current) if current in ids else (0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.open_button.setEnabled(bool(rows))
        self.archive_button.setEnabled(bool(rows))

    def _visits_followed(self, rows: list) -> dict:
        """The visit dates of originals the list does not show itself (a search for the follow-up alone)."""
        shown = {r.id for r in rows}
        if all(r.parent_id is None or r.parent_id in shown for r in rows):
            return {}
        return {r.id: r.visit_date for r in self.assessments.list("", FILTERS[-1][1])}

    def current_assessment_id(self) -> int | None:
        return self.model.assessment_id(self.table.currentIndex().row())

    def _on_change(self, change: Change, _initiator: object) -> None:
        if change.touches(Scope.ASSESSMENTS) and self.isVisible():
            self.refresh()

    def _open_row(self, row: int) -> None:
        assessment_id = self.model.assessment_id(row)
        if assessment_id is not None:
            self.open_requested.emit(assessment_id)

    def _archive(self) -> None:
        assessment_id = self.model.assessment_id(self.table.currentIndex().row())
        if assessment_id is not None:
            self.archive_requested.emit(assessment_id)
