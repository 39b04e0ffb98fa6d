"""The document of an export file, from store rows (export) and from the file's bytes (import).

Import parses the JSON once with the standard parser (NaN and Infinity refused, a
``RecursionError`` refused), checks its shape against ``BUNDLE`` without recursion
(``json_shape.py``: depth, number of values, list and string lengths, number ranges), then
validates it against the schema strictly (no coercion: ``true`` is not 1, ``"3"`` is not 3).
Messages are one line and never quote a value or an unknown field name from the file: a
field path names only fields of this schema and list positions.
"""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from homeassess.bundle.json_shape import check_shape, loads_strictly
from homeassess.bundle.schema import (
    NEWER,
    READABLE_VERSIONS,
    SCHEMA_VERSION,
    AssessmentDocument,
    BundleError,
    BundleLimits,
)
from homeassess.domain.limits import BUNDLE

NOT_VALID = "the assessment in this file is not valid (at {where})"
UNKNOWN_FIELD = "the assessment in this file has a field HomeAssess does not know (in {where})"
TOO_LONG = "a text in this file is longer than HomeAssess accepts (at {where})"
OUT_OF_RANGE = "a number in this file is outside the range HomeAssess accepts (at {where})"
TOO_MANY = "this file holds more entries than HomeAssess accepts (at {where})"
RANGE_ERRORS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than", "finite_number"}


def version_key(version: str) -> tuple[int, ...]:
    """``"2026.11.1"`` → (2026, 11, 1) for comparing catalogue versions; "" is the oldest."""
    return tuple(int(part) if part.isdigit() else 0 for part in version.split(".")) if version else ()


def parse_document(raw: bytes | memoryview, limits: BundleLimits = BUNDLE) -> AssessmentDocument:
    """The document, checked for size, shape, version, every field and its own consistency."""
    if len(raw) > limits.max_document:
        raise BundleError("the assessment in this file is larger than HomeAssess accepts")
    raw = bytes(raw)
    data = loads_strictly(raw)
    version = data.get("schema_version") if isinstance(data, dict) else None
    if type(version) is int and version > SCHEMA_VERSION:
        raise BundleError(NEWER)
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise BundleError("the assessment in this file has no known schema version")
    check_shape(data, limits)
    try:
        document = AssessmentDocument.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        raise BundleError(describe(exc)) from None
    document.check_consistency()
    if document.schema_version == 1:  # proposals are derived since schema 2: keep only the decisions
        kept = [r for r in document.recommendations if not r.untouched_proposal]
        document = document.model_copy(update={"recommendations": kept})
    return document


def _field_names(model: type[BaseModel], visited: set[type[BaseModel]]) -> set[str]:
    """Every field name of ``model`` and the models inside it (through lists and optionals)."""
    visited.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for outer in (info.annotation, *getattr(info.annotation, "__args__", ())):
            for inner in (outer, *getattr(outer, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in visited:
                    names |= _field_names(inner, visited)
    return names


SCHEMA_NAMES = frozenset(_field_names(AssessmentDocument, set()))


def describe(exc: ValidationError) -> str:
    """One line for the first error: what is wrong and where, naming only this schema's fields and list positions."""
    error = exc.errors()[0]
    kind, message = error["type"], str(error.get("msg", ""))
    loc = error["loc"][:-1] if kind == "extra_forbidden" else error["loc"]  # the last part is the unknown name
    parts = [f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc
             if isinstance(part, int) or part in SCHEMA_NAMES]
    where = "".join(parts).lstrip(".")[:80] or "top level"
    if kind == "extra_forbidden":
        return UNKNOWN_FIELD.format(where=where)
    if kind == "string_too_long" or (kind == "value_error" and "too long" in message):
        return TOO_LONG.format(where=where)
    if kind == "too_long" or (kind == "value_error" and "too many" in message):
        return TOO_MANY.format(where=where)
    if kind in RANGE_ERRORS:
        return OUT_OF_RANGE.format(where=where)
    return NOT_VALID.format(where=where)
