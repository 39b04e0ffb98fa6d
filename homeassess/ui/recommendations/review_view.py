"""The recommendation review's layout: filter, buttons, table, detail pane and totals. No behaviour.

``RecommendationsView`` (review.py) subclasses it and wires the behaviour. The actions are
declared here once, through the action registry, for the buttons, the table's context menu and
Help → Keyboard shortcuts. Shortcuts work while the focus is in the review.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from homeassess.domain.vocabulary import RecommendationStatus
from homeassess.ui.kit.actions import ActionRegistry, ActionSpec, Context
from homeassess.ui.kit.repaint_barrier import contain
from homeassess.ui.kit.wheel_guard import guard_wheel
from homeassess.ui.recommendations.table_model import (
    COST,
    FUNDING,
    INSTALLER,
    ITEM,
    OPEN,
    PRIORITY,
    ROOM,
    STATUS,
    TITLE,
    RecommendationProxyModel,
    RecommendationTableModel,
)

EMPTY_TEXT = (
    "No recommendations yet. They are proposed as you record failing measurements; you can also add your own."
)
EMPTY_READ_ONLY = "No recommendations were made in this assessment."
NO_SELECTION = "Select a recommendation to see its full specification, rationale and cost source."
FILTERS = (("Open", OPEN), *((s.label, s.value) for s in RecommendationStatus), ("All", None))
COLUMN_LIMITS = {ROOM: (110, 220), PRIORITY: (70, 110), INSTALLER: (90, 140), FUNDING: (100, 200), COST: (100, 160), STATUS: (80, 120)}

REVIEW = Context.RECOMMENDATIONS
ACTIONS = {
    "accept": ActionSpec("Accept", ("Ctrl+Return",), REVIEW, tip="Accept the selected recommendations"),
    "dismiss": ActionSpec("Dismiss", ("Ctrl+D",), REVIEW, tip="Dismiss the selected recommendations"),
    "edit": ActionSpec("Edit…", ("Ctrl+E",), REVIEW, tip="Edit the selected recommendation"),
    "add": ActionSpec("Add recommendation…", ("Ctrl+Shift+A",), REVIEW, tip="Add a recommendation of your own"),
    # The Delete key itself: the platform's Delete binding also holds Ctrl+D on X11, which is Dismiss here.
    "remove": ActionSpec("Remove", (Qt.Key_Delete,), REVIEW, tip="Remove the selected recommendations you added"),
}
BUTTON_NAMES = {"accept": "Accept recommendation", "dismiss": "Dismiss recommendation", "edit": "Edit recommendation",
                "add": "Add recommendation", "remove": "Remove recommendation"}


class ReviewLayout(QWidget):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecommendationTableModel()
        self.proxy = RecommendationProxyModel()
        self.proxy.setSourceModel(self.model)

        self.filter = QComboBox()
        self.filter.setAccessibleName("Show recommendations")
        for label, status in FILTERS:
            self.filter.addItem(label, status)
        guard_wheel(self.filter)  # the wheel over it scrolls the page; it never changes the filter
        show_label = QLabel("Sho&w:")
        show_label.setBuddy(self.filter)

        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        top = QHBoxLayout()
        top.addWidget(show_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        for name, spec in ACTIONS.items():
            action = registry.create(spec, self)
            action.setIconText(spec.text)  # keep the "…" that says a dialog follows
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonTextOnly)
            button.setAccessibleName(BUTTON_NAMES[name])
            button.setAccessibleDescription(action.toolTip())
            self.actions_by_name[name], self.buttons[name] = action, button
            top.addWidget(button)
        self.accept_action, self.dismiss_action = self.actions_by_name["accept"], self.actions_by_name["dismiss"]
        self.edit_action, self.add_action = self.actions_by_name["edit"], self.actions_by_name["add"]
        self.remove_action = self.actions_by_name["remove"]
        self.accept_button, self.dismiss_button = self.buttons["accept"], self.buttons["dismiss"]
        self.edit_button, self.add_button, self.remove_button = self.buttons["edit"], self.buttons["add"], self.buttons["remove"]

        self.table = self._build_table()
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("recommendationsEmpty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.detail = QTextBrowser()
        self.detail.setObjectName("recommendationDetail")
        self.detail.setAccessibleName("Selected recommendation")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(NO_SELECTION)

        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 170])

        self.read_only_note = QLabel("This assessment is final: its recommendations are shown read-only.")
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.hide()
        self.totals = QLabel("")
        self.totals.setObjectName("recommendationTotals")
        self.totals.setAccessibleName("Accepted recommendation totals")
        self.totals.setTextFormat(Qt.RichText)
        self.totals.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("padding: 4px 2px;")
        # Two lines held open: a total that grows a line ("1 option not counted") does not shrink the
        # table, which would repaint every row on an accept.
        self.totals.setMinimumHeight(2 * self.totals.fontMetrics().lineSpacing() + 10)

        contents = QWidget()
        layout = QVBoxLayout(contents)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.totals)
        contain(self, contents)  # an accept repaints its row, the counts and the totals, not the window

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("recommendationTable")
        table.setAccessibleName("Recommendations")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setTabKeyNavigation(False)
        # One line per row, elided; the whole text is in the tooltip and the detail pane. Rows sized to
        # their contents made Qt lay out every cell of every row on each refresh (seconds at 250 rows).
        table.setWordWrap(False)
        table.setTextElideMode(Qt.ElideRight)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(ROOM, Qt.AscendingOrder)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(60)  # fitting a column reads the first 60 rows, not all of them
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(ITEM, QHeaderView.Stretch)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(False)
        table.setContextMenuPolicy(Qt.ActionsContextMenu)
        for name in ("accept", "dismiss", "edit", "remove"):
            table.addAction(self.actions_by_name[name])
        return table

    def show_counts(self, read_only: bool) -> None:
        """The filter's choices with their counts ("Proposed (12)"), then the table or the empty text."""
        statuses = [v.status for v in self.model.views]
        for i, (label, status) in enumerate(FILTERS):
            if status == OPEN:  # a final assessment has no open work: no count that reads like a to-do list
                self.filter.model().item(i).setEnabled(not read_only)
                if read_only:
                    self.filter.setItemText(i, f"{label} (none: final)")
                    continue
                count = sum(1 for s in statuses if s.is_open)
            elif status is None:
                count = len(statuses)
            else:
                count = sum(1 for s in statuses if s.value == status)
            self.filter.setItemText(i, f"{label} ({count})")
        self.show_empty(read_only)

    def show_empty(self, read_only: bool) -> None:
        """The table, or a sentence saying why it is empty."""
        if not self.model.views:
            self.empty.setText(EMPTY_READ_ONLY if read_only else EMPTY_TEXT)
            self.stack.setCurrentWidget(self.empty)
        elif self.proxy.rowCount() == 0:
            status = self.proxy.status
            label = RecommendationStatus(status).label.lower() if status not in (None, OPEN) else "open"
            self.empty.setText(f"No {label} recommendations. Choose “All” under Show to see the others.")
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)

    def fit_columns(self) -> None:
        """Each short column as wide as its widest text (measured once per distinct text), within its limits."""
        metrics = self.table.fontMetrics()
        model = self.proxy.sourceModel()
        padding = 2 * self.table.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self.table) + 16
        for column, (least, most) in COLUMN_LIMITS.items():
            texts = model.column_texts(column) | {str(model.headerData(column, Qt.Horizontal) or "")}
            widest = max(metrics.horizontalAdvance(text) for text in texts) + padding
            self.table.setColumnWidth(column, max(least, min(most, widest)))
