"""The recommendation review table: one row per recommendation, sortable and filterable by status.

The source model keeps the service's rows in walking order (room, then priority); the
proxy sorts on ``SORT_ROLE`` values, which are Python tuples compared in ``lessThan``
so that priority sorts by rank and cost by its numbers, never as text.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from homeassess.domain.recommendations import Category, Priority
from homeassess.services.recommendations import RecommendationView

SORT_ROLE = Qt.UserRole
ID_ROLE = Qt.UserRole + 1

ROOM, ITEM, TITLE, PRIORITY, RESPONSIBLE, COST, STATUS = range(7)
HEADERS = ("Room", "Item", "Recommendation", "Priority", "Responsible", "Cost", "Status")
STATUS_LABELS = {"proposed": "Proposed", "accepted": "Accepted", "dismissed": "Dismissed"}
STATUS_RANK = {"proposed": 0, "accepted": 1, "dismissed": 2}
WHOLE_HOME_POSITION = 1_000_000
NO_COST = 10**15


def money(amount: int) -> str:
    return f"${amount:,}"


def format_cost(low: int | None, high: int | None, *, spoken: bool = False) -> str:
    """"$1,200–$3,000", "$60", "from $14", "up to $60" or "—" when there is no estimate."""
    if low is None and high is None:
        return "no cost estimate" if spoken else "—"
    if low is None:
        return f"up to {money(high)}"
    if high is None:
        return f"from {money(low)}"
    if low == high:
        return money(low)
    return f"from {money(low)} to {money(high)}" if spoken else f"{money(low)}–{money(high)}"


def priority_label(value: str) -> str:
    return value.capitalize() if value else "—"


def responsible_label(value: str) -> str:
    return value.capitalize() if value else "—"


def category_label(value: str) -> str:
    try:
        return Category(value).label
    except ValueError:
        return value or "—"


def priority_rank(value: str) -> int:
    try:
        return Priority(value).rank
    except ValueError:
        return len(Priority)


def cost_key(low: int | None, high: int | None) -> tuple[int, int]:
    """Cheaper first: by the low figure, then the high one; no estimate sorts last."""
    if low is None and high is None:
        return (NO_COST, NO_COST)
    low = low if low is not None else high
    high = high if high is not None else low
    return (low, high)


class RecommendationTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.views: list[RecommendationView] = []
        self._room_order: dict[int | None, int] = {}

    def set_rows(self, views: list[RecommendationView], room_order: dict[int | None, int] | None = None) -> None:
        """Show these recommendations; ``room_order`` maps room id → walking position."""
        self.beginResetModel()
        self._room_order = dict(room_order or {})
        self.views = sorted(
            views, key=lambda v: (self._room_position(v), priority_rank(v.row.priority), v.row.position, v.row.id or 0)
        )
        self.endResetModel()

    def _room_position(self, view: RecommendationView) -> int:
        if view.row.room_id is None:
            return WHOLE_HOME_POSITION
        return self._room_order.get(view.row.room_id, WHOLE_HOME_POSITION - 1)

    def view_at(self, row: int) -> RecommendationView:
        return self.views[row]

    def row_of(self, rec_id: int) -> int:
        return next((i for i, v in enumerate(self.views) if v.row.id == rec_id), -1)

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Horizontal and 0 <= section < len(HEADERS):
            if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
                return HEADERS[section]
            if role == Qt.ToolTipRole:
                return f"Sort by {HEADERS[section].lower()}"
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.views):
            return None
        view = self.views[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return self._text(view, column)
        if role == SORT_ROLE:
            return self._sort_key(view, column)
        if role == ID_ROLE:
            return view.row.id
        if role == Qt.AccessibleTextRole:
            return self._spoken(view, column)
        if role == Qt.ToolTipRole:
            return self._tooltip(view, column)
        if role == Qt.TextAlignmentRole and column == COST:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and view.row.status == "dismissed":
            return QApplication.palette().brush(QPalette.Disabled, QPalette.Text)
        if role == Qt.FontRole:
            return self._font(view, column)
        return None

    def _text(self, view: RecommendationView, column: int) -> str:
        row = view.row
        return {
            ROOM: view.room_name,
            ITEM: view.item_prompt or ("Added by clinician" if row.custom else "—"),
            TITLE: row.title,
            PRIORITY: priority_label(row.priority),
            RESPONSIBLE: responsible_label(row.responsible),
            COST: format_cost(row.cost_low, row.cost_high),
            STATUS: STATUS_LABELS.get(row.status, row.status),
        }[column]

    def _sort_key(self, view: RecommendationView, column: int) -> tuple:
        row = view.row
        if column == ROOM:
            return (self._room_position(view), view.room_name.casefold())
        if column == ITEM:
            return (0 if view.item_prompt else 1, view.item_prompt.casefold())
        if column == TITLE:
            return (row.title.casefold(),)
        if column == PRIORITY:
            return (priority_rank(row.priority),)
        if column == RESPONSIBLE:
            return (0 if row.responsible else 1, row.responsible)
        if column == COST:
            return cost_key(row.cost_low, row.cost_high)
        return (STATUS_RANK.get(row.status, 9),)

    def _spoken(self, view: RecommendationView, column: int) -> str:
        row = view.row
        if column == COST:
            return f"Cost: {format_cost(row.cost_low, row.cost_high, spoken=True)}"
        if column == ITEM and not view.item_prompt:
            return "Item: none, added by the clinician" if row.custom else "Item: none"
        return f"{HEADERS[column]}: {self._text(view, column)}"

    def _tooltip(self, view: RecommendationView, column: int) -> str | None:
        row = view.row
        if column == TITLE:
            return row.plain or row.title
        if column == ITEM and view.item_prompt:
            return view.item_prompt
        if column == COST and row.cost_source:
            return f"Source: {row.cost_source}"
        if column == STATUS and row.status == "proposed":
            return "Proposed: accept, edit or dismiss it"
        return None

    def _font(self, view: RecommendationView, column: int) -> QFont | None:
        if view.row.status == "dismissed":
            font = QFont()
            font.setItalic(True)
            return font
        if column == STATUS and view.row.status == "proposed":
            font = QFont()
            font.setBold(True)
            return font
        return None


class RecommendationProxyModel(QSortFilterProxyModel):
    """Sorts on the model's tuple keys and shows one status, or all."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._status: str | None = None

    @property
    def status(self) -> str | None:
        return self._status

    def set_status(self, status: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._status = status
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self._status is None:
            return True
        status = self.sourceModel().view_at(source_row).row.status
        if self._status == "open":
            return status in ("proposed", "accepted")
        return status == self._status

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return left.data(self.sortRole()) < right.data(self.sortRole())
