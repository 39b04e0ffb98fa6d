"""A JSON document's shape checked against the budget, before any model sees it.

The standard parser is used with two changes: the constants ``NaN``, ``Infinity`` and
``-Infinity`` (which Python accepts and JSON does not) are refused, and a ``RecursionError``
(200,000 nested brackets) is a refusal rather than a crash. The parsed value is then walked
with an explicit stack, never by recursion: depth, the number of values, the length of every
list, object and string, and the range of every number are checked against ``BUNDLE``, so
the strict validation that follows works on a bounded document and cannot be made to
collect millions of errors. Texts may not hold control characters other than tab and line
breaks, nor lone surrogates (they cannot be stored). Messages name the limit, never a value.
"""

from __future__ import annotations

import json
import re

from homeassess.bundle.zip_reader import BundleError
from homeassess.domain.limits import BUNDLE, BundleLimits

UNREADABLE = "the assessment in this file cannot be read"
TOO_DEEP = "the assessment in this file is nested deeper than HomeAssess accepts"
TOO_MANY = "the assessment in this file holds more entries than HomeAssess accepts"
TOO_LONG = "a text in this file is longer than HomeAssess accepts"
OUT_OF_RANGE = "a number in this file is outside the range HomeAssess accepts"
ODD_CHARACTERS = "a text in this file holds characters HomeAssess does not accept"
# Control characters other than tab and line breaks, and lone surrogates (which cannot be stored as UTF-8).
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def loads_strictly(raw: bytes) -> object:
    """The parsed JSON, or a refusal for anything the standard parser rejects or overflows on."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError, RecursionError, OverflowError):
        raise BundleError(UNREADABLE) from None


def check_shape(value: object, limits: BundleLimits = BUNDLE) -> None:
    """Depth, value count, container and string lengths, number ranges; a refusal at the first excess."""
    stack: list[tuple[object, int]] = [(value, 1)]
    seen = 0
    while stack:
        node, depth = stack.pop()
        seen += 1
        if seen > limits.max_json_values:
            raise BundleError(TOO_MANY)
        if depth > limits.max_json_depth:
            raise BundleError(TOO_DEEP)
        if isinstance(node, dict):
            if len(node) > limits.max_json_array:
                raise BundleError(TOO_MANY)
            for key, item in node.items():
                _check_text(key, limits)
                stack.append((item, depth + 1))
        elif isinstance(node, list):
            if len(node) > limits.max_json_array:
                raise BundleError(TOO_MANY)
            stack.extend((item, depth + 1) for item in node)
        elif isinstance(node, str):
            _check_text(node, limits)
        elif isinstance(node, bool) or node is None:
            continue
        elif isinstance(node, int | float) and not abs(node) <= limits.max_json_integer:  # NaN compares False too
            raise BundleError(OUT_OF_RANGE)


def _check_text(text: str, limits: BundleLimits) -> None:
    if len(text) > limits.max_json_string:
        raise BundleError(TOO_LONG)
    if _ODD.search(text):
        raise BundleError(ODD_CHARACTERS)


def _refuse_constant(name: str) -> float:
    raise ValueError("NaN and Infinity are not JSON")
