"""Reading the TOML data files under ``resources/`` into validated pydantic models.

A malformed file fails at load with :class:`CatalogueError`, whose message names the
file, the entry (item, rule or recommendation id) and the field.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


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
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise CatalogueError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: not valid TOML ({exc})") from None


def describe_validation_error(path: Path, exc: ValidationError, raw: dict[str, Any], list_key: str) -> str:
    """Name the file, the entry id and the field for the first error pydantic found."""
    error = exc.errors()[0]
    loc = list(error["loc"])
    entry = ""
    if len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
        entries = raw.get(list_key) or []
        index = loc[1]
        entry_id = entries[index].get("id") or entries[index].get("item") if index < len(entries) else None
        entry = f" {list_key.rstrip('s')} {entry_id!r}" if entry_id else f" {list_key.rstrip('s')} #{index + 1}"
        loc = loc[2:]
    field = ".".join(str(part) for part in loc) or "(entry)"
    return f"{path}:{entry} field {field!r}: {error['msg']}"


def load_model(path: Path, model: type[M], list_key: str) -> M:
    raw = read_toml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise CatalogueError(describe_validation_error(path, exc, raw, list_key)) from None
