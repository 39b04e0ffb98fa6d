"""Rewriting the inch and foot lengths inside a sentence as millimetres (the contractor's mm option).

Funders and builders often want every figure in millimetres (field.md, EnableNSW), while
the library's wording and the standards' requirements are written in inches. This turns
"34–38 in AFF" into "864–965 mm AFF", "at least 32 in (815 mm) clear" into "at least
815 mm clear" (the standard's own metric figure wins), and leaves slopes ("1:12"),
percentages and other numbers alone.
"""

from __future__ import annotations

import re
from fractions import Fraction

MM_PER_INCH = 25.4

_NUM = r"\d+/\d+|\d+(?:\.\d+)?(?:[ -]\d+/\d+)?"
_LENGTH = re.compile(
    rf"(?<![\d:./])(?P<nums>(?:{_NUM})(?:\s*[–×x-]\s*(?:{_NUM}))*)\s*"
    r"(?P<unit>in\b\.?|inch(?:es)?\b|ft\b\.?|feet\b|foot\b|\")"
    r"(?P<metric>\s*\(\s*(?P<mm>\d[\d.,]*(?:\s*[–×x-]\s*\d[\d.,]*)*)\s*mm\s*\))?"
)
_ONE_NUM = re.compile(_NUM)
_PER_INCH = re.compile(r"\bper inch\b")
_SEPARATOR = re.compile(r"\s*([–×x-])\s*")


def _value(token: str) -> float:
    token = token.strip()
    whole_fraction = re.fullmatch(r"(\d+(?:\.\d+)?)[ -](\d+)/(\d+)", token)
    if whole_fraction:
        whole, num, den = whole_fraction.groups()
        return float(whole) + float(Fraction(int(num), int(den) or 1))
    if "/" in token:
        num, den = token.split("/")
        return float(Fraction(int(num), int(den) or 1))
    return float(token)


def _convert(match: re.Match[str]) -> str:
    if match.group("mm"):
        return f"{match.group('mm')} mm"
    per_unit = MM_PER_INCH * (12 if match.group("unit").startswith(("ft", "fe", "fo")) else 1)
    nums = match.group("nums")
    values = [_value(m.group(0)) for m in _ONE_NUM.finditer(nums)]
    separators = [m.group(1) for m in _SEPARATOR.finditer(nums)]
    out = f"{round(values[0] * per_unit)}"
    for sep, value in zip(separators, values[1:], strict=False):
        joiner = f" {sep} " if sep in "×x" else sep
        out += f"{joiner}{round(value * per_unit)}"
    return f"{out} mm"


def to_millimetres(text: str) -> str:
    """Every inch or foot length in ``text`` as whole millimetres."""
    if not text:
        return text
    return _PER_INCH.sub("per 25.4 mm", _LENGTH.sub(_convert, text))
