"""Where the data files under ``resources/`` are, how one is read, and the error a broken one raises.

A malformed file fails with :class:`CatalogueError`, whose message names the file, the entry
(item, rule or recommendation id) and the field. The validation itself
(``homeassess.domain.validation``) runs once per content version; see
``homeassess.domain.resource_snapshot``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any


class CatalogueError(Exception):
    """A data file under resources/ is missing or malformed."""


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (source tree, or the PyInstaller bundle)."""
    override = os.environ.get("HOMEASSESS_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a file is validated: a validated snapshot needs no TOML parsing

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise CatalogueError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: not valid TOML ({exc})") from None
