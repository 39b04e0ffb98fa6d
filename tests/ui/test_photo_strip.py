"""PhotoStrip with pytest-qt (offscreen): import on the worker, one refusal message, edits with undo.

No sleeps: every wait is on a signal or a condition. Images are tiny so each test stays fast.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QMenu, QToolButton

import homeassess.services.photo_import as photo_import_module
from homeassess.ui.kit import prompts
from homeassess.ui.photos.photo_strip import PhotoStrip
from homeassess.ui.photos.strip_view import EMPTY_TEXT
from tests.ui.conftest import create_assessment

WAIT = 15000


def jpeg(size: tuple[int, int] = (300, 200)) -> bytes:
    picture = Image.new("RGB", size, (128, 128, 128))
    ImageDraw.Draw(picture).rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(255, 0, 0))
    out = io.BytesIO()
    picture.save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def visit(workspace) -> tuple[int, int]:
    assessment_id = create_assessment(workspace, rooms=("bathroom",))
    return assessment_id, workspace.assessments.room_views(assessment_id)[0].id


@pytest.fixture
def strip(qtbot, workspace, visit, ops, registry, judge) -> PhotoStrip:
    widget = PhotoStrip(workspace.photo_import, judge.catalogue, ops, registry)
    qtbot.addWidget(widget)
    widget.set_room(visit[0], visit[1], read_only=False)
    return widget


def working_size(workspace, photo_id: int) -> tuple[int, int]:
    """The size of the large picture the viewer and the reports use."""
    return Image.open(io.BytesIO(workspace.photo_import.working_copy(photo_id))).size


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    paths = []
    for n in range(3):
        path = tmp_path / f"photo_{n}.jpg"
        path.write_bytes(jpeg((300 + n, 200)))  # three pictures: the same one twice would be skipped
        paths.append(path)
    return paths


def add_files(qtbot, strip: PhotoStrip, monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    monkeypatch.setattr(prompts, "pick_photo_files", lambda parent: list(paths))
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        strip.add_files_action.trigger()


def select(strip: PhotoStrip, row: int) -> None:
    strip.view.setCurrentIndex(strip.model.index(row))


def test_empty_strip_says_how_to_add(strip: PhotoStrip) -> None:
    assert strip.model.rowCount() == 0
    assert strip.view.placeholder_text == EMPTY_TEXT
    assert strip.view.accessibleDescription() == EMPTY_TEXT
    assert strip.add_files_action.isEnabled() and not strip.delete_action.isEnabled()
    strip.show()
    assert not strip.grab().isNull()  # paints the hint without error


def test_buttons_and_menu_have_names(qtbot, strip: PhotoStrip) -> None:
    names = {button.accessibleName() for button in strip.findChildren(QToolButton)}
    assert {"Add photos", "Add folder", "Paste", "Caption", "In report", "Rotate left", "Rotate right",
            "Move left", "Move right", "Delete", "View"} <= names
    strip.show()
    strip.view.customContextMenuRequested.emit(QPoint(5, 5))
    menu = next(m for m in strip.findChildren(QMenu) if m.accessibleName() == "Photo actions")
    assert "Delete" in [a.text().replace("&", "") for a in menu.actions()]
    menu.close()


def test_double_click_views_the_picture_or_edits_the_caption(qtbot, strip, photos, monkeypatch) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:1])
    strip.show()
    qtbot.waitExposed(strip)
    rect = strip.view.visualRect(strip.model.index(0))
    qtbot.mouseDClick(strip.view.viewport(), Qt.LeftButton, pos=QPoint(rect.center().x(), rect.top() + 20))
    qtbot.waitUntil(lambda: not strip.viewer.picture.image.isNull(), timeout=WAIT)
    strip.viewer.close()
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": "Threshold")
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        qtbot.mouseDClick(strip.view.viewport(), Qt.LeftButton, pos=QPoint(rect.center().x(), rect.bottom() - 6))
    assert strip.model.photos[0].caption == "Threshold"


def test_import_shows_thumbnails_and_lists_refused_files_once(qtbot, strip, photos, messages, monkeypatch, tmp_path):
    letter = tmp_path / "letter_to_gp.jpg"
    letter.write_text("Dear Dr Smith, the patient fell.")
    gui_thread = threading.get_ident()
    decoded_on: list[int] = []
    real = photo_import_module.process_photo

    def spy(source, **options):
        decoded_on.append(threading.get_ident())
        return real(source, **options)

    monkeypatch.setattr(photo_import_module, "process_photo", spy)
    add_files(qtbot, strip, monkeypatch, [photos[0], letter, photos[1]])

    assert strip.model.rowCount() == 2
    assert not strip.busy and not strip.progress.isVisible()
    assert strip.ops.undo_stack.count() == 0  # an import is not undone from the Edit menu
    assert decoded_on and gui_thread not in decoded_on  # the GUI thread never decodes
    icon = strip.model.data(strip.model.index(0), Qt.DecorationRole)
    assert not icon.isNull()
    assert len(messages) == 1  # one message for the whole batch
    title, text = messages[0]
    assert title == "Some photos were not added"
    assert "letter_to_gp.jpg: this file is not a photo" in text and "Added 2 photos" in text
    assert str(tmp_path) not in text


def test_caption_edit_by_f2_and_undo(qtbot, strip, photos, monkeypatch) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:1])
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": "Grab bar missing")
    strip.show()
    qtbot.waitExposed(strip)
    strip.activateWindow()
    strip.view.setFocus()
    select(strip, 0)
    qtbot.waitUntil(lambda: strip.view.hasFocus())
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        qtbot.keyClick(strip.view, Qt.Key_F2)
    assert strip.model.photos[0].caption == "Grab bar missing"
    assert strip.model.data(strip.model.index(0), Qt.DisplayRole) == "Grab bar missing"
    assert strip.ops.undo_stack.undoText() == "edit photo caption"
    strip.ops.undo_stack.undo()
    assert strip.model.photos[0].caption == ""
    strip.ops.undo_stack.redo()
    assert strip.model.photos[0].caption == "Grab bar missing"


def test_delete_and_undo_brings_it_back(qtbot, strip, photos, monkeypatch, workspace) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:2])
    first, second = (p.id for p in strip.model.photos)
    working = workspace.photo_import.working_copy(first)
    select(strip, 0)
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        strip.delete_action.trigger()
    assert [p.id for p in strip.model.photos] == [second]
    assert strip.current_photo_id() == second  # the next photo takes its place
    strip.ops.undo_stack.undo()
    assert [p.id for p in strip.model.photos] == [first, second] and strip.current_photo_id() == first
    assert workspace.photo_import.working_copy(first) == working
    strip.ops.undo_stack.redo()
    assert first not in [p.id for p in strip.model.photos]


def test_include_toggle_dims_and_undoes(qtbot, strip, photos, monkeypatch) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:1])
    index = strip.model.index(0)
    assert strip.model.data(index, Qt.CheckStateRole) == Qt.Checked
    strip.model.setData(index, Qt.Unchecked, Qt.CheckStateRole)  # what clicking the box does
    assert strip.model.photos[0].include_in_report is False
    assert "Left out of the report" in strip.model.data(strip.model.index(0), Qt.ToolTipRole)
    assert strip.ops.undo_stack.undoText() == "leave photo out of report"
    strip.ops.undo_stack.undo()
    assert strip.model.photos[0].include_in_report is True
    select(strip, 0)
    strip.include_action.trigger()  # the toolbar/menu toggle
    assert strip.model.photos[0].include_in_report is False


def test_move_and_rotate(qtbot, strip, photos, monkeypatch, workspace) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:2])
    a, b = (p.id for p in strip.model.photos)
    select(strip, 0)
    strip.move_right_action.trigger()
    assert [p.id for p in strip.model.photos] == [b, a] and strip.current_photo_id() == a
    strip.ops.undo_stack.undo()
    assert [p.id for p in strip.model.photos] == [a, b]

    select(strip, 0)
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        strip.rotate_right_action.trigger()
    assert working_size(workspace, a) == (200, 300)
    assert strip.ops.undo_stack.undoText() == "rotate photo"
    strip.ops.undo_stack.undo()
    assert working_size(workspace, a) == (300, 200)
    strip.ops.undo_stack.redo()
    assert working_size(workspace, a) == (200, 300)


def test_drop_of_file_urls_imports(qtbot, strip, photos) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in photos[:2]])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        strip.dropEvent(event)
    assert event.isAccepted()
    assert strip.model.rowCount() == 2


def test_drop_of_a_folder_imports_its_photos(qtbot, strip, photos) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photos[0].parent))])
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        strip.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert strip.model.rowCount() == 3


def test_paste_of_an_image_imports(qtbot, strip) -> None:
    image = QImage(320, 240, QImage.Format_RGB32)
    image.fill(Qt.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    with qtbot.waitSignal(strip.changed, timeout=WAIT):
        strip.paste_action.trigger()
    assert strip.model.rowCount() == 1
    assert (strip.model.photos[0].width, strip.model.photos[0].height) == (320, 240)


def test_view_large_shows_the_working_copy(qtbot, strip, photos, monkeypatch) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:1])
    select(strip, 0)
    strip.view_action.trigger()
    viewer = strip.viewer
    qtbot.waitUntil(lambda: not viewer.picture.image.isNull(), timeout=WAIT)
    assert viewer.picture.image.size().width() == 300
    viewer.close()


def test_cancel_stops_the_photo_being_decoded(qtbot, strip, photos, monkeypatch, messages) -> None:
    gate = threading.Event()
    real = photo_import_module.process_photo
    calls: list[int] = []

    def slow(source, **options):
        calls.append(1)
        if len(calls) == 2:
            assert gate.wait(WAIT / 1000)
        return real(source, **options)

    monkeypatch.setattr(photo_import_module, "process_photo", slow)
    monkeypatch.setattr(prompts, "pick_photo_files", lambda parent: list(photos))
    try:
        strip.add_files_action.trigger()
        assert strip.busy and not strip.add_files_action.isEnabled()
        qtbot.waitUntil(lambda: len(calls) == 2, timeout=WAIT)
        with qtbot.waitSignal(strip.changed, timeout=WAIT):
            strip.cancel_button.click()
            gate.set()
    finally:
        gate.set()
    assert strip.model.rowCount() == 1  # Cancel reaches into the photo being decoded; the third never starts
    assert len(calls) == 2
    assert "cancelled" in strip.status.text().lower()
    assert messages == []


def test_a_photo_removed_meanwhile_is_refused_in_plain_words(qtbot, strip, photos, monkeypatch, workspace,
                                                             messages) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:2])
    gone, kept = (p.id for p in strip.model.photos)
    workspace.photo_import.remove(gone)  # removed elsewhere (the command line): the strip has not been told
    monkeypatch.setattr(prompts, "ask_text", lambda parent, title, label, text="": "Too late")
    select(strip, 0)
    strip.caption_action.trigger()
    assert messages == [("Not saved", "This photo is no longer there; it may have been removed.")]
    assert [p.id for p in strip.model.photos] == [kept]  # the strip now shows what is there
    assert strip.ops.undo_stack.count() == 0


def test_final_assessment_is_view_only(qtbot, strip, photos, monkeypatch, visit, workspace) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:1])
    workspace.assessments.set_status(visit[0], "final")
    strip.set_room(visit[0], visit[1], read_only=True)
    select(strip, 0)
    for action in (strip.add_files_action, strip.add_folder_action, strip.paste_action, strip.caption_action,
                   strip.include_action, strip.rotate_left_action, strip.delete_action, strip.move_right_action):
        assert not action.isEnabled()
    assert strip.view_action.isEnabled()
    assert not strip.model.flags(strip.model.index(0)) & Qt.ItemIsUserCheckable
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photos[1]))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    strip.dropEvent(event)
    assert not strip.busy and strip.model.rowCount() == 1


def test_the_import_message_stays_with_its_visit(qtbot, strip, photos, monkeypatch, workspace) -> None:
    add_files(qtbot, strip, monkeypatch, photos[:1])
    qtbot.waitUntil(lambda: not strip.busy, timeout=WAIT)
    assert strip.status.text() == "Added 1 photo."
    other = create_assessment(workspace, "สมชาย ใจดี", rooms=("kitchen",))
    strip.set_room(other, workspace.assessments.room_views(other)[0].id, read_only=False)
    assert strip.status.text() == ""  # another client's visit: nothing was added there
