"""The validated resources, kept per content version so that a start does not validate them again.

The catalogue, standards, person-fit rules and recommendation library are validated with pydantic
(``homeassess.domain.validation``) the first time a content version is seen; the result, plain
data, is kept in the user cache folder as ``resources-<key>.marshal``. The key is a SHA-256 over the
data files' names and bytes and over the code that validates and shapes them (the domain's
sources; in a frozen build, the executable), so an edited file or a new release is validated
afresh, and a malformed file still fails at load with the message naming the file, the entry and
the field. A later load reads the snapshot and builds the plain dataclasses from it: no TOML
parsing, no pydantic. ``HOMEASSESS_CACHE_DIR`` moves the cache folder.

The snapshot is written with ``marshal``, Python's own format for plain values (the one ``__pycache__`` uses):
reading it is a quarter of the time ``json`` took, a twentieth of ``homeassess check``. Its format belongs to
the Python version, which is part of the key. Like ``__pycache__``, it lives in the user's own folders.

The snapshot is a cache: if it cannot be read or written (a read-only home, a damaged file), the
files are validated again and nothing else changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from homeassess.domain.data_files import resources_dir

SNAPSHOT_FORMAT = f"homeassess-resources-2 {sys.version} marshal {marshal.version}".encode()
SUFFIX = ".marshal"
DATA_FOLDERS = ("checklists", "standards", "recommendations")
PARTS = ("catalogue", "standards", "person_fit", "library")
APP_NAME = "HomeAssess"
KEEP = 4  # snapshots of other content versions kept (switching branches or releases back and forth)
DOMAIN_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    override = os.environ.get("HOMEASSESS_CACHE_DIR")
    if override:
        return Path(override)
    linux = _linux_cache_dir()
    if linux is not None:
        return linux
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _linux_cache_dir() -> Path | None:
    """platformdirs' answer on Linux (the XDG rule), without importing it: its Linux module imports ``tempfile``
    (``shutil``, ``random``), a tenth of ``homeassess check``'s time. None elsewhere, or for an unusual home
    (platformdirs decides then). ``tests/unit/test_resource_snapshot.py`` holds the two to the same answer."""
    if not sys.platform.startswith("linux"):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / APP_NAME
    home = os.environ.get("HOME", "")
    return Path(home) / ".cache" / APP_NAME if os.path.isabs(home) else None


def _code_fingerprint(digest: Any) -> None:
    sources = sorted(DOMAIN_DIR.glob("*.py")) + sorted((DOMAIN_DIR / "validation").glob("*.py"))
    if sources:
        for path in sources:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    else:  # a frozen build keeps no sources: its executable stands for the code
        stat = Path(sys.executable).stat()
        digest.update(f"{sys.executable}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())


def content_key(root: Path) -> str:
    """SHA-256 of the data files under ``root`` (names and bytes) and of the code that validates them."""
    digest = hashlib.sha256(SNAPSHOT_FORMAT)
    for folder in DATA_FOLDERS:
        for path in sorted((root / folder).rglob("*.toml")):
            data = path.read_bytes()
            digest.update(f"\0{path.relative_to(root).as_posix()}\0{len(data)}\0".encode() + data)
    _code_fingerprint(digest)
    return digest.hexdigest()


def _read(path: Path, key: str) -> dict[str, Any] | None:
    try:
        document = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(document, dict) or document.get("key") != key:
        return None
    content = document.get("content")
    return content if isinstance(content, dict) and all(isinstance(content.get(p), dict) for p in PARTS) else None


def _write(folder: Path, path: Path, key: str, content: dict[str, Any]) -> None:
    """Atomically (a temporary file renamed over), then the oldest snapshots beyond ``KEEP`` removed."""
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(marshal.dumps({"key": key, "content": _plain(content)}))
        os.replace(temp, path)
        others = sorted((p for p in folder.glob(f"resources-*{SUFFIX}") if p != path), key=lambda p: p.stat().st_mtime)
        for old in others[:-KEEP] if len(others) > KEEP else []:
            old.unlink(missing_ok=True)
    except OSError:  # a cache that cannot be written only means validating again next time
        with contextlib.suppress(OSError):
            temp.unlink()


def _plain(content: dict[str, Any]) -> dict[str, Any]:
    """The validated data as JSON would keep it (its enums as plain strings), which ``marshal`` can write."""
    import json

    return json.loads(json.dumps(content))


def validated_resources(root: Path | None = None) -> dict[str, Any]:
    """The validated plain data of ``root`` (default: the bundled ``resources/``): from the snapshot, or validated now.

    Raises :class:`homeassess.domain.data_files.CatalogueError` for a missing or malformed file.
    """
    root = Path(root) if root is not None else resources_dir()
    key = content_key(root)
    folder = cache_dir()
    path = folder / f"resources-{key[:40]}{SUFFIX}"
    content = _read(path, key)
    if content is None:
        from homeassess.domain.validation import validate_resources

        content = validate_resources(root)
        _write(folder, path, key, content)
    return content
