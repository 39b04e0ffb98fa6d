"""Rewriting the inch and foot lengths inside a sentence as millimetres (the ``--mm`` option, metric visits).

Funders and builders often want every figure in millimetres (field.md, EnableNSW), while
the library's wording, the standards' requirements and the clinician's notes are written in
inches. One rule converts every length: whole millimetres, ``floor(inches × 25.4 + 0.5)``
(so 32 in is 813 mm everywhere, even where a standard prints its own "815 mm").

What counts as a length: a number (``30``, ``30.5``, ``30 1/2``, ``1-1/4``, ``1/2``, ``1½``)
with ``in``, ``inch``, ``inches``, ``"``, ``ft``, ``feet``, ``foot`` or ``'``; feet and
inches together (``2 ft 11 in``, ``2' 11"``: 889 mm); a range or size whose last number
carries the unit (``34–38 in``, ``1 1/2 to 2 in``, ``60 × 60 in``, ``between 15 and 48 in``).
A bracket right after a length that restates it (``32 in (815 mm)``, ``28 in (2 ft 4 in)``)
is dropped, keeping any words after the restated figure. Slopes (``1:12``), percentages,
areas (``sq ft``) and other numbers are left alone; a slope written as a rate, "1 ft of run per
inch of rise", reads "12 mm of run per mm of rise".

A force in pounds-force becomes newtons as ADA 2010 prints them (``250 lbf`` -> ``1112 N`` as in §609.8,
``5 lbf`` -> ``22.2 N`` as in §404.2.9), and a bracket restating it in newtons is dropped: a metric report
that says "All measurements are in millimetres" then has no pounds in it. A temperature in degrees Fahrenheit
becomes Celsius (``120 °F (49 °C)`` -> ``49 °C``, the standard's own figure where it restates one), and a light
level's restatement in foot-candles is dropped (``250 lx (about 23 fc)`` -> ``250 lx``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from fractions import Fraction

MM_PER_INCH = 25.4

_VULGAR = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅛": Fraction(1, 8), "⅜": Fraction(3, 8),
           "⅝": Fraction(5, 8), "⅞": Fraction(7, 8)}  # fmt: skip
_NUM = r"(?:\d+/\d+|\d+(?:\.\d+)?(?:[ -]\d+/\d+|\s?[½¼¾⅛⅜⅝⅞])?|[½¼¾⅛⅜⅝⅞])"
_DETERMINERS = r"the|a|an|this|that|these|those|his|her|its|their|my|your|our|which|case|order|total"
_INCH = rf"(?:inches\b|inch\b|in\b(?!\s*[²³])(?!\s+(?:{_DETERMINERS})\b)(?!\s+\d)|\"|″)"
_FOOT = r"(?:feet\b|foot\b|ft\b(?!\s*[²³])|'(?![A-Za-z])|′)"
_SEP = r"\s*(?:–|—|-|to|×|x|by)\s*"
_BEFORE = r"(?<![\d:./,\w])(?!(?:19|20)\d\d\s+in\b)"  # not inside a number, a ratio (1:12) or a word; not a year

_COMPOUND = rf"(?P<feet>{_NUM})\s*{_FOOT}\s*(?P<inches>{_NUM})\s*{_INCH}"
_SIMPLE = rf"(?P<nums>(?:between\s+{_NUM}\s+and\s+{_NUM})|{_NUM}(?:{_SEP}{_NUM})*)[\s-]*(?P<unit>{_INCH}|{_FOOT})"
_RESTATED = rf"\d[\d.,]*(?:{_SEP}\d[\d.,]*)*\s*(?:mm|cm|m)\b|{_NUM}\s*{_FOOT}(?:\s*{_NUM}\s*{_INCH})?"
_LENGTH = re.compile(
    rf"{_BEFORE}(?:{_COMPOUND}|{_SIMPLE})"
    rf"(?P<paren>\s*\(\s*(?:{_RESTATED})(?:(?P<closed>\s*\))|[,;]?\s*))?"
)
_ONE_NUM = re.compile(_NUM)
_PARTS = re.compile(rf"(?:between\s+)?(?P<num>{_NUM})(?P<sep>{_SEP}|\s+and\s+)?")
_AREA = re.compile(r"\s*(?:sq\.?|square|cu\.?|cubic)\b", re.IGNORECASE)
_PER_INCH = re.compile(r"\bper inch\b")
_RUN_PER_RISE = re.compile(r"\b(\d+) ft of run per inch of rise\b")  # a slope: 1:12 reads "12 mm of run per mm of rise"


def _value(token: str) -> float:
    """``30 1/2``, ``1-1/4``, ``1½``, ``1/2``, ``30.5`` as a number."""
    token = token.strip()
    vulgar = _VULGAR.get(token[-1]) if token else None
    if vulgar is not None:
        whole = token[:-1].strip()
        return float((Fraction(whole) if whole else 0) + vulgar)
    whole_fraction = re.fullmatch(r"(\d+(?:\.\d+)?)[ -](\d+)/(\d+)", token)
    if whole_fraction:
        whole, num, den = whole_fraction.groups()
        return float(whole) + float(Fraction(int(num), int(den) or 1))
    if "/" in token:
        num, den = token.split("/")
        return float(Fraction(int(num), int(den) or 1))
    return float(token)


def millimetres(inches: float) -> int:
    """The one rounding rule: whole millimetres, halves rounded up."""
    return math.floor(inches * MM_PER_INCH + 0.5)


def _convert(match: re.Match[str]) -> str:
    text = match.string
    if _AREA.match(text, match.start("unit") if match.group("unit") else match.end()):
        return match.group(0)
    if match.group("feet") is not None:
        out = f"{millimetres(_value(match.group('feet')) * 12 + _value(match.group('inches')))} mm"
    else:
        per = 12 if re.match(_FOOT, match.group("unit")) else 1
        pieces = []
        for part in _PARTS.finditer(match.group("nums")):
            pieces.append(str(millimetres(_value(part.group("num")) * per)))
            sep = (part.group("sep") or "").strip()
            if sep:
                pieces.append(f" {sep} " if sep in ("to", "by", "and", "×", "x") else sep)
        prefix = "between " if match.group("nums").startswith("between") else ""
        out = f"{prefix}{''.join(pieces)} mm"
    if match.group("paren") and not match.group("closed"):
        return f"{out} ("  # the words after the restated figure stay in their bracket
    return out


N_PER_LBF = 4.4482216
_FORCE = re.compile(rf"{_BEFORE}(?P<num>\d+(?:\.\d+)?)\s*lbf\b(?:\s*\(\s*\d[\d.,]*\s*k?N\s*\))?")


def newtons(pounds_force: float) -> str:
    """A force as ADA 2010 prints it in newtons: whole newtons from 100 N, else to 0.1 N."""
    force = pounds_force * N_PER_LBF
    return f"{math.floor(force + 0.5)} N" if force >= 100 else f"{math.floor(force * 10 + 0.5) / 10:g} N"


_FAHRENHEIT = re.compile(rf"{_BEFORE}(?P<num>\d+(?:\.\d+)?)\s*°F(?:\s*\(\s*(?P<celsius>\d+(?:\.\d+)?\s*°C)\s*\))?")
_FOOT_CANDLES = re.compile(r"(?<=lx)\s*\((?:about\s+)?\d+(?:\.\d+)?\s*fc\)")


def _celsius(match: re.Match[str]) -> str:
    """``120 °F (49 °C)`` -> ``49 °C`` (the bracket's own figure); ``120 °F`` -> ``49 °C``."""
    if match["celsius"]:
        return " ".join(match["celsius"].split())
    return f"{math.floor((float(match['num']) - 32) * 5 / 9 + 0.5)} °C"


def to_millimetres(text: str) -> str:
    """Every inch or foot length in ``text`` as whole millimetres, every force in pounds-force as newtons and every
    temperature in degrees Fahrenheit as Celsius; a light level in lux loses its restatement in foot-candles."""
    if not text:
        return text
    text = _FORCE.sub(lambda m: newtons(float(m["num"])), text) if "lbf" in text else text
    text = _FAHRENHEIT.sub(_celsius, text) if "°F" in text else text
    text = _FOOT_CANDLES.sub("", text) if "fc)" in text else text
    text = _RUN_PER_RISE.sub(lambda m: f"{int(m[1]) * 12} mm of run per mm of rise", text) if "of run per" in text else text
    return _PER_INCH.sub("per 25.4 mm", _LENGTH.sub(_convert, text))


def requirement_in_millimetres(text: str, limits: Iterable[tuple[float, float]]) -> str:
    """A standard's requirement as a metric measurement is judged against it: every length in millimetres, each
    limit printed as the figure applied (``limits``: pairs of the exact limit and the applied one, in mm;
    ``units.metric_low_limit``). Where the standard's own metric figure is the more lenient, it replaces the exact
    one: "at least 30 in (760 mm) wide" reads "at least 760 mm wide", the figure a 761 mm width meets."""
    converted = to_millimetres(text)
    for exact, applied in limits:
        shown, plain = f"{applied:g}", str(math.floor(exact + 0.5))
        if shown != plain:
            converted = re.sub(rf"(?<![\d.]){plain}(?![\d.])", shown, converted)
    return converted
