"""The photos of the current room: add, paste, drop, caption, include, rotate, order, delete, view.

The controller over ``PhotoStripView`` (the layout) and ``PhotoListModel`` (the rows). Every edit
is one call to ``PhotoImportService`` run through ``Operations``: a refusal is shown, a success is
pushed on the visit's undo stack and announced; the strip refreshes itself from the announcement
(an edit here, an undo from the Edit menu, an import finishing), so it never keeps its own copy.
Decoding (import, rotate, the large view) happens off the GUI thread. A final (read-only)
assessment can only be looked at.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QMenu, QWidget

from homeassess.domain.catalogue import Catalogue
from homeassess.domain.refusals import Refused
from homeassess.services.changes import Change, Scope
from homeassess.services.photo_import import PhotoImportService, PhotoView
from homeassess.ui.kit import prompts
from homeassess.ui.kit.actions import ActionRegistry
from homeassess.ui.kit.operations import Operations
from homeassess.ui.photos.photo_list_model import PHOTO_ID_ROLE, PhotoListModel
from homeassess.ui.photos.photo_viewer import PhotoViewer
from homeassess.ui.photos.strip_import import StripImporter, local_paths
from homeassess.ui.photos.strip_view import EMPTY_TEXT, MENU, PhotoStripView


class PhotoStrip(PhotoStripView):
    changed = Signal()  # the strip now shows a change (an edit, an undo, an import that finished)

    def __init__(self, photos: PhotoImportService, catalogue: Catalogue, ops: Operations, registry: ActionRegistry,
                 parent: QWidget | None = None) -> None:
        super().__init__(registry, parent)
        self.photos = photos
        self.ops = ops
        self.catalogue = catalogue
        self.assessment_id: int | None = None
        self.room_id: int | None = None
        self.item_id: str | None = None  # when set, only that item's photos show, and new ones attach to it
        self.read_only = True
        self.viewer: PhotoViewer | None = None
        self._rotating = False  # one rotation at a time: each starts from the stored images

        # Owned by the strip: deleted with it, on the GUI thread (not whenever, wherever, Python collects the strip).
        self.model = PhotoListModel(self._prompt, self)
        self.model.include_requested.connect(self.set_include)
        self.view.setModel(self.model)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        self.view.double_clicked.connect(self._double_clicked)
        self.whole_room_button.clicked.connect(lambda: self.set_item(None))
        self.importer = StripImporter(self, photos, ops, self.refresh, self._import_finished)
        ops.bus.changed.connect(self._on_change)

        for name, slot in (("add_files", self.add_files), ("add_folder", self.add_folder), ("paste", self.paste),
                           ("caption", self.edit_caption), ("rotate_left", lambda: self.rotate(-1)),
                           ("rotate_right", lambda: self.rotate(1)), ("move_left", lambda: self.move(-1)),
                           ("move_right", lambda: self.move(1)), ("delete", self.delete), ("view", self.view_large)):
            self.actions_by_name[name].triggered.connect(lambda *_, slot=slot: slot())
        self.include_action.toggled.connect(self._include_toggled)
        self._update_actions()

    # --- what is shown ---------------------------------------------------------------------

    def set_room(self, assessment_id: int | None, room_id: int | None, read_only: bool) -> None:
        if assessment_id != self.assessment_id and not self.busy:
            self.status.clear()  # "Added 1 photo." belongs to the visit it was said in
        self.assessment_id, self.room_id, self.read_only = assessment_id, room_id, read_only
        self.set_item(None)

    def set_item(self, item_id: str | None) -> None:
        """Show only the photos of one checklist item (None: the whole room); new photos attach to it."""
        self.item_id = item_id
        self.scope.setText(f"of <i>{html.escape(self._prompt(item_id))}</i> (new photos attach to it)" if item_id else "")
        self.whole_room_button.setVisible(item_id is not None)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Reload from the service; select ``select``, else keep the current photo, else the row it left."""
        keep = select if select is not None else self.current_photo_id()
        row_before = self.view.currentIndex().row()
        photos = [] if self.assessment_id is None else self.photos.photos(self.assessment_id, self.room_id, self.item_id)
        self.model.set_photos(photos, self.read_only)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and row_before >= 0 and photos:
            row = min(row_before, len(photos) - 1)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.ClearAndSelect)
        self.view.setAccessibleDescription(EMPTY_TEXT if not photos else f"{len(photos)} photos")
        self._update_actions()

    def current_photo_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.data(index, PHOTO_ID_ROLE) if index.isValid() else None

    @property
    def busy(self) -> bool:
        """An import or a rotation of this strip is still running."""
        return self.importer.running or self._rotating

    def _on_change(self, change: Change, _initiator: object) -> None:
        if change.touches(Scope.PHOTOS) and change.assessment_id == self.assessment_id:
            self.refresh(change.ids[0] if len(change.ids) == 1 else None)
            self.changed.emit()

    # --- adding ----------------------------------------------------------------------------

    def add_files(self) -> None:
        if self._can_add():
            paths = prompts.pick_photo_files(self)
            if paths:
                self.import_paths(paths)

    def add_folder(self) -> None:
        if self._can_add():
            folder = prompts.pick_folder(self)
            if folder is not None:
                self.import_paths([folder])

    def paste(self) -> None:
        if not self._can_add():
            return
        mime = QGuiApplication.clipboard().mimeData()
        paths = local_paths(mime)
        if paths:
            self.import_paths(paths)
        elif mime is not None and mime.hasImage():
            self.import_image(QImage(mime.imageData()))
        else:
            prompts.show_info(self, "Nothing to paste", "The clipboard holds no picture and no photo files.")

    def import_paths(self, sources: list[Path]) -> None:
        self.importer.import_paths(self.assessment_id, self.room_id, self.item_id, sources)
        self._update_actions()

    def import_image(self, image: QImage) -> None:
        self.importer.import_image(self.assessment_id, self.room_id, self.item_id, image)
        self._update_actions()

    def _can_add(self) -> bool:
        if self.assessment_id is None or self.read_only:
            return False
        if self.importer.running:
            prompts.show_info(self, "Import running", "Photos are still being added. Wait for them, or cancel.")
            return False
        return True

    def _import_finished(self) -> None:
        self._update_actions()
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        mime = event.mimeData()
        if not self.read_only and self.assessment_id is not None and (local_paths(mime) or mime.hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._can_add():
            event.ignore()
            return
        mime = event.mimeData()
        paths = local_paths(mime)
        if paths:
            self.import_paths(paths)
        elif mime.hasImage():
            self.import_image(QImage(mime.imageData()))
        else:
            event.ignore()
            return
        event.acceptProposedAction()

    # --- editing the current photo ---------------------------------------------------------

    def edit_caption(self) -> None:
        photo = self._current_editable()
        if photo is None:
            return
        text = prompts.ask_text(self, "Photo caption", "Caption:", photo.caption)
        if text is not None and text.strip() != photo.caption:
            self._run(lambda: self.photos.set_caption(photo.id, text))

    def set_include(self, photo_id: int, include: bool) -> None:
        if not self.read_only:
            self._run(lambda: self.photos.set_include(photo_id, include))

    def _include_toggled(self, checked: bool) -> None:
        photo = self._current_editable()
        if photo is not None and photo.include_in_report != checked:
            self.set_include(photo.id, checked)

    def move(self, step: int) -> None:
        photo = self._current_editable()
        if photo is not None:
            self._run(lambda: self.photos.move(photo.id, step))

    def delete(self) -> None:
        photo = self._current_editable()
        if photo is not None:
            self._run(lambda: self.photos.remove(photo.id))

    def rotate(self, quarter_turns: int) -> None:
        photo = self._current_editable()
        if photo is None or self._rotating:
            return

        def settled() -> None:
            self._rotating = False
            self._update_actions()

        self._rotating = True
        self._update_actions()
        self._run(lambda: self.photos.rotate(photo.id, quarter_turns), slow=True, on_settled=settled,
                  title="Photo not rotated")

    def view_large(self, index: QModelIndex | None = None) -> None:
        photo = self.model.photo((index or self.view.currentIndex()).row())
        if photo is None:
            return
        viewer = PhotoViewer(photo.caption, self)
        viewer.setWindowTitle(f"Photo {self.model.row_of(photo.id) + 1} of {self.model.rowCount()}")
        self.ops.query(lambda: QImage.fromData(self.photos.working_copy(photo.id), "JPG"), viewer.set_image,
                       on_refused=lambda refusal: self._refused(refusal, "Photo not shown"))
        self.viewer = viewer
        viewer.open()

    def _double_clicked(self, index: QModelIndex, on_caption: bool) -> None:
        if on_caption and not self.read_only:
            self.view.setCurrentIndex(index)
            self.edit_caption()
        else:
            self.view_large(index)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.setAccessibleName("Photo actions")
        for name in MENU:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_name[name])
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # --- helpers ---------------------------------------------------------------------------

    def _run(self, action: Callable[[], Change], *, title: str | None = None, slow: bool = False,
             on_settled: Callable[[], None] | None = None) -> None:
        """An edit through the operation helper; after a refusal the strip shows what is really there."""
        self.ops.run(action, on_refused=lambda refusal: self._refused(refusal, title), slow=slow, on_settled=on_settled)

    def _refused(self, refusal: Refused, title: str | None) -> None:
        self.ops.show_refusal(refusal, title)
        self.refresh()

    def _prompt(self, item_id: str | None) -> str:
        item = self.catalogue.items.get(item_id) if item_id else None
        return item.prompt if item is not None else (item_id or "")

    def _current_editable(self) -> PhotoView | None:
        return None if self.read_only else self.model.photo(self.view.currentIndex().row())

    def _update_actions(self, *_: object) -> None:
        photo = self.model.photo(self.view.currentIndex().row())
        editable = photo is not None and not self.read_only
        can_add = self.assessment_id is not None and not self.read_only
        for action in (self.add_files_action, self.add_folder_action, self.paste_action):
            action.setEnabled(can_add and not self.importer.running)
        for action in (self.caption_action, self.include_action, self.delete_action):
            action.setEnabled(editable)
        self.rotate_left_action.setEnabled(editable and not self._rotating)
        self.rotate_right_action.setEnabled(editable and not self._rotating)
        self.view_action.setEnabled(photo is not None)
        row = self.view.currentIndex().row()
        self.move_left_action.setEnabled(editable and row > 0)
        self.move_right_action.setEnabled(editable and row < self.model.rowCount() - 1)
        self.include_action.blockSignals(True)
        self.include_action.setChecked(bool(photo and photo.include_in_report))
        self.include_action.blockSignals(False)
