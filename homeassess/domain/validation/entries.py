"""Validating one data file entry by entry, so that an error names the file, the entry and the field.

pydantic checks each entry against the domain's dataclass (field types from the type hints,
unknown keys refused through ``__pydantic_config__``); the rules a type hint cannot say
(lengths, id patterns, fields one kind of entry needs) are checks raising :class:`EntryProblem`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from homeassess.domain.data_files import CatalogueError, read_toml

T = TypeVar("T")
IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
UNKNOWN_FIELD = "unknown field (misspelt?)"


class EntryProblem(ValueError):
    """One field of one entry breaks a rule; the loader adds the file and the entry."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def require(condition: bool, field: str, message: str) -> None:
    if not condition:
        raise EntryProblem(field, message)


def require_length(value: str, field: str, minimum: int) -> None:
    require(len(value) >= minimum, field, f"String should have at least {minimum} characters")


def require_identifier(value: str, field: str = "id") -> None:
    require(bool(IDENTIFIER.match(value)), field, f"String should match pattern '{IDENTIFIER.pattern}'")


_ADAPTERS: dict[type, TypeAdapter] = {}


def _adapter(kind: type) -> TypeAdapter:
    """One adapter per dataclass (building one walks the whole type)."""
    if kind not in _ADAPTERS:
        _ADAPTERS[kind] = TypeAdapter(kind)
    return _ADAPTERS[kind]


def validated(path: Path, kind: type[T], raw: object, where: str = "", check: Callable[[T], None] | None = None) -> T:
    """``raw`` as a ``kind`` (a dataclass), or :class:`CatalogueError` naming ``path``, ``where`` and the field."""
    try:
        value = _adapter(kind).validate_python(raw)
        if check is not None:
            check(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "(entry)"
        message = UNKNOWN_FIELD if error["type"] == "unexpected_keyword_argument" else error["msg"]
        raise CatalogueError(f"{path}:{where} field {field!r}: {message}") from None
    except EntryProblem as problem:
        raise CatalogueError(f"{path}:{where} field {problem.field!r}: {problem.message}") from None
    return value


def entry_name(noun: str, raw: object, index: int) -> str:
    """`` item 'door_clear_width'`` (by its id, or a rule by its item), else `` item #3``."""
    entry_id = (raw.get("id") or raw.get("item")) if isinstance(raw, dict) else None
    return f" {noun} {entry_id!r}" if isinstance(entry_id, str) and entry_id else f" {noun} #{index + 1}"


def validated_entries(
    path: Path, entries: Iterable[object], kind: type[T], noun: str, check: Callable[[T], None] | None = None
) -> list[T]:
    return [validated(path, kind, raw, entry_name(noun, raw, index), check) for index, raw in enumerate(entries)]


def read_file(path: Path, kind: type[T]) -> T:
    """A file's top level as ``kind`` (its list of entries still raw, for :func:`validated_entries`)."""
    return validated(path, kind, read_toml(path))


def fail(path: Path, where: str, field: str, message: str) -> CatalogueError:
    return CatalogueError(f"{path}:{where} field {field!r}: {message}")

