"""Finding candidate photo files in a camera or phone folder (by extension only).

Whether a candidate really is a photo is decided later by the pipeline, from its content.
Hidden files and folders are skipped: names starting with "." (macOS "._IMG_0001.JPG" resource
forks, Android ".trashed-…" and ".thumbnails") and, on Windows, files with the hidden attribute.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp"})


def photo_files_in(folder: Path, *, recursive: bool = False) -> list[Path]:
    """Photo-like files in ``folder`` (and its sub-folders if ``recursive``), sorted by name.

    The extension check ignores case (``IMG_0001.JPG``). Sorting is by the path relative to
    ``folder``, ignoring case, so sub-folders stay together. Symbolic links to folders are not
    followed; unreadable sub-folders are skipped. A missing or unreadable ``folder`` itself raises
    the usual ``OSError``.
    """
    folder = Path(folder)
    found: list[Path] = []
    if recursive:
        with os.scandir(folder):  # raise here for the top folder; os.walk would swallow it
            pass
        for root, dirs, files in os.walk(folder, followlinks=False):
            root_path = Path(root)
            dirs[:] = [name for name in dirs if not _is_hidden(root_path / name)]
            found.extend(root_path / name for name in files if _is_candidate(root_path / name))
    else:
        with os.scandir(folder) as entries:
            found.extend(Path(entry.path) for entry in entries if _is_candidate(Path(entry.path)))
    return sorted(found, key=lambda path: _sort_key(path, folder))


def _is_candidate(path: Path) -> bool:
    return path.suffix.lower() in PHOTO_SUFFIXES and not _is_hidden(path) and path.is_file()


def _is_hidden(path: Path) -> bool:
    if path.name.startswith("."):
        return True
    attributes = getattr(_stat_or_none(path), "st_file_attributes", 0)  # Windows only
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def _stat_or_none(path: Path) -> os.stat_result | None:
    if os.name != "nt":
        return None
    try:
        return path.stat()
    except OSError:
        return None


def _sort_key(path: Path, folder: Path) -> tuple[tuple[str, ...], str]:
    relative = path.relative_to(folder)
    return tuple(part.casefold() for part in relative.parts), str(relative)
