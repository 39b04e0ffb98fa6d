"""The recommendation review table: one row per recommendation, sortable and filterable by status.

The source model keeps the service's views in walking order (room, then priority); the proxy
sorts on ``SORT_ROLE`` values, which are Python tuples compared in ``lessThan`` so that priority
sorts by rank and cost by its numbers, never as text. Labels, ranks and the money format come
from ``homeassess.domain.vocabulary``, the one place they are declared.

A refresh that keeps the same recommendations in the same order (an accept, a dismiss, an edit,
their undo) updates the changed rows in place: the view keeps its selection and its scroll
position, and only those rows are painted again. Each row's texts and sort keys are worked out
once, on first use, and kept until the row changes: sorting and painting call ``data`` often.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from homeassess.domain.vocabulary import RecommendationStatus, format_cost
from homeassess.services.recommendations import RecommendationView
from homeassess.ui.kit.item_roles import ACCESSIBLE, ALIGNMENT, DISPLAY, FONT, FOREGROUND, RIGHT_ALIGNED, TOOLTIP, USER
from homeassess.ui.kit.palette import Tone, colour

SORT_ROLE = USER
REF_ROLE = SORT_ROLE + 1

ROOM, ITEM, TITLE, PRIORITY, INSTALLER, FUNDING, COST, STATUS = range(8)
HEADERS = ("Room", "Item", "Recommendation", "Priority", "Installer", "Funding", "Cost", "Status")
WHOLE_HOME_POSITION = 1_000_000
NO_COST = 10**15
OPEN = "open"  # the filter that shows proposed and accepted ones: the working list
PROPOSED, ACCEPTED, DISMISSED = RecommendationStatus


def cost_key(low: int | None, high: int | None) -> tuple[int, int]:
    """Cheaper first: by the low figure, then the high one; no estimate sorts last."""
    if low is None:
        return (NO_COST, NO_COST) if high is None else (high, high)
    return (low, high if high is not None else low)


def item_text(view: RecommendationView) -> str:
    return view.item_prompt or ("Added by clinician" if view.custom else "—")


class RecommendationTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.views: list[RecommendationView] = []
        self._room_order: dict[int | None, int] = {}
        self._cells: dict[int, tuple[tuple[str, ...], tuple[tuple, ...]]] = {}  # row -> (texts, sort keys)
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_rows(self, views: list[RecommendationView], room_order: dict[int | None, int]) -> None:
        """Show these recommendations; ``room_order`` maps room id → walking position."""
        ordered = sorted(views, key=lambda v: (self._position(v, room_order), v.priority.rank, v.position, v.ref))
        if [v.ref for v in ordered] == [v.ref for v in self.views] and room_order == self._room_order:
            changed = [i for i, (old, new) in enumerate(zip(self.views, ordered, strict=True)) if old != new]
            self.views = ordered
            for row in changed:
                self._cells.pop(row, None)
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(HEADERS) - 1))
            return
        self.beginResetModel()
        self._room_order = dict(room_order)
        self.views = ordered
        self._cells.clear()
        self.endResetModel()

    @staticmethod
    def _position(view: RecommendationView, room_order: dict[int | None, int]) -> int:
        if view.room_id is None:
            return WHOLE_HOME_POSITION
        return room_order.get(view.room_id, WHOLE_HOME_POSITION - 1)

    def view_at(self, row: int) -> RecommendationView:
        return self.views[row]

    def row_of(self, ref: str) -> int:
        return next((i for i, v in enumerate(self.views) if v.ref == ref), -1)

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role in (DISPLAY, ACCESSIBLE):
                return HEADERS[section]
            if role == TOOLTIP:
                return f"Sort by {HEADERS[section].lower()}"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> object:
        row = index.row()
        if not 0 <= row < len(self.views) or not index.isValid():
            return None
        column = index.column()
        if role == DISPLAY:
            return self._row_cells(row)[0][column]
        if role == SORT_ROLE:
            return self._row_cells(row)[1][column]
        if role == FONT:
            return self._font(self.views[row], column)
        if role == ALIGNMENT:
            return RIGHT_ALIGNED if column == COST else None
        if role == FOREGROUND:
            return QColor(colour(Tone.MUTED)) if self.views[row].status is DISMISSED else None
        if role == REF_ROLE:
            return self.views[row].ref
        if role == ACCESSIBLE:
            return self._spoken(self.views[row], column)
        if role == TOOLTIP:
            return self._tooltip(self.views[row], column)
        return None

    def _font(self, view: RecommendationView, column: int) -> QFont | None:
        if view.status is DISMISSED:
            return self._italic
        if column == STATUS and view.status is PROPOSED:
            return self._bold
        return None

    def _row_cells(self, row: int) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
        cells = self._cells.get(row)
        if cells is None:
            view = self.views[row]
            columns = range(len(HEADERS))
            cells = self._cells[row] = (tuple(self._text(view, c) for c in columns),
                                        tuple(self._sort_key(view, c) for c in columns))
        return cells

    def column_texts(self, column: int) -> set[str]:
        """The distinct texts a column shows (to size it without asking Qt for every cell)."""
        return {self._row_cells(row)[0][column] for row in range(len(self.views))}

    def _text(self, view: RecommendationView, column: int) -> str:
        if column == ROOM:
            return view.room_name
        if column == ITEM:
            return item_text(view)
        if column == TITLE:
            return view.title
        if column == PRIORITY:
            return view.priority.label
        if column == INSTALLER:
            return view.installer.label
        if column == FUNDING:
            return view.payer
        if column == COST:
            return format_cost(view.cost_low, view.cost_high)
        return view.status.label

    def _sort_key(self, view: RecommendationView, column: int) -> tuple:
        if column == ROOM:
            return (self._position(view, self._room_order), view.room_name.casefold())
        if column == ITEM:
            return (0 if view.item_prompt else 1, view.item_prompt.casefold())
        if column == TITLE:
            return (view.title.casefold(),)
        if column == PRIORITY:
            return (view.priority.rank,)
        if column == INSTALLER:
            return (view.installer.rank,)
        if column == FUNDING:
            return (view.funding.rank, view.funding_program.casefold())
        if column == COST:
            return cost_key(view.cost_low, view.cost_high)
        return (view.status.rank,)

    def _spoken(self, view: RecommendationView, column: int) -> str:
        if column == COST:
            return f"Cost: {format_cost(view.cost_low, view.cost_high, spoken=True)}"
        if column == ITEM and not view.item_prompt:
            return "Item: none, added by the clinician" if view.custom else "Item: none"
        return f"{HEADERS[column]}: {self._text(view, column)}"

    def _tooltip(self, view: RecommendationView, column: int) -> str | None:
        if column == TITLE:
            return view.plain or view.title
        if column == ITEM and view.item_prompt:
            return view.item_prompt
        if column == COST and view.cost_source:
            return f"Source: {view.cost_source}"
        if column == STATUS and view.status is PROPOSED:
            return "Proposed: accept, edit or dismiss it"
        return None


class RecommendationProxyModel(QSortFilterProxyModel):
    """Sorts on the model's tuple keys and shows one status, the open ones, or all."""

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

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._status is None:
            return True
        status = self.sourceModel().view_at(source_row).status
        if self._status == OPEN:
            return status.is_open
        return status.value == self._status

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return left.data(self.sortRole()) < right.data(self.sortRole())
