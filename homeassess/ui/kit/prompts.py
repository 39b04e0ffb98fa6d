"""Every question the program asks the user goes through these functions.

Tests monkeypatch them (docs/pitfalls.md §4.2): a modal dialog or a native file picker would
block a headless test forever. Messages never carry health information.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from homeassess.ui.kit.text_limits import limit_typed

PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.heic *.heif *.webp *.JPG *.JPEG *.PNG *.HEIC *.HEIF *.WEBP);;All files (*)"


def pick_photo_files(parent: QWidget | None) -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Attach photos", "", PHOTO_FILTER)
    return [Path(f) for f in files]


def pick_folder(parent: QWidget | None, title: str = "Choose a folder of photos") -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, title)
    return Path(folder) if folder else None


def pick_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(path) if path else None


def pick_open_path(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(path) if path else None


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return answer == QMessageBox.Yes


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.Normal, text)
    return limit_typed(value) if ok else None


def ask_passphrase(parent: QWidget | None, title: str, label: str, confirm_twice: bool = False) -> str | None:
    """A passphrase typed hidden; with ``confirm_twice`` it must be typed the same way twice."""
    first, ok = QInputDialog.getText(parent, title, label, QLineEdit.Password)
    if not ok or not first:
        return None
    if confirm_twice:
        second, ok = QInputDialog.getText(parent, title, "Type it again:", QLineEdit.Password)
        if not ok:
            return None
        if second != first:
            QMessageBox.warning(parent, title, "The two passphrases differ; nothing was done.")
            return None
    return first


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """One of several answers (buttons in order); None if the dialog was closed."""
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, parent)
    buttons = [box.addButton(option, QMessageBox.AcceptRole) for option in options]
    box.addButton(QMessageBox.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None
