"""Millimetre mode, checked against the same build in inches: every length, everywhere, by one rule."""

from __future__ import annotations

import dataclasses
import math
import re
from fractions import Fraction

import pytest

from homeassess.report.build import render_report
from tests.unit import test_report_builds
from tests.unit.test_report_builds import TODAY, page_texts

shared_demo, shared_service = test_report_builds.shared_demo, test_report_builds.shared_service  # module-wide demo

NUM = r"\d+/\d+|\d+(?:\.\d+)?(?:[ -]\d+/\d+)?"
SEP = r"\s*(?:–|-|to|×|x|by|and)\s*"
COMPOUND = re.compile(rf"(?P<ft>{NUM})\s*(?:ft|')\s*(?P<inch>{NUM})\s*(?:in\b|\")")
LENGTH = re.compile(
    r"(?P<rate>\b(?P<rate_ft>\d+) ft of run per inch of rise\b)"  # a slope: "12 mm of run per mm of rise"
    r"|(?P<per>\bper inch\b)"  # any other rate: per 25.4 mm
    rf"|(?P<compound>{COMPOUND.pattern})"
    rf"|(?P<nums>(?:{NUM})(?:{SEP}(?:{NUM}))*)\s*(?P<unit>in\b(?!\s+the\b)|inches\b|inch\b|\"|ft\b|feet\b)"
    rf"|(?P<mm>\d+(?:\.\d+)?(?:{SEP}\d+)*)\s*mm\b"
)
INCH_LEFT = re.compile(rf"(?<![\d:/])(?:{NUM})\s*(?:in|inch|inches|ft|feet)\b(?!\s+the\b)|\d\s*[\"″]")


def value(token: str) -> float:
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)[ -](\d+)/(\d+)", token):
        return float(m[1]) + int(m[2]) / int(m[3])
    return float(Fraction(token)) if "/" in token else float(token)


def rule(inches: float) -> int:
    """The rounding rule stated in docs/reports.md: whole millimetres, halves up."""
    return math.floor(inches * 25.4 + 0.5)


def inch_lengths(text: str) -> list[float]:
    """The lengths of an inch text, in mm by the rule; a bracket restating the length just before it is skipped."""
    out: list[float] = []
    end_of_length = -10
    for m in LENGTH.finditer(text):
        restates = text[end_of_length : m.start()].strip() == "("
        if m["rate"]:
            out.append(float(int(m["rate_ft"]) * 12))
        elif m["per"]:
            out.append(25.4)
        elif m["compound"]:
            c = COMPOUND.match(m["compound"])
            if not restates:
                out.append(rule(value(c["ft"]) * 12 + value(c["inch"])))
        elif m["unit"]:
            per = 12 if m["unit"] in ("ft", "feet") else 1
            out += [rule(value(n) * per) for n in re.findall(NUM, m["nums"])]
        elif not restates:
            out += [float(n) for n in re.findall(r"\d+(?:\.\d+)?", m["mm"])]
        end_of_length = m.end() if not m["mm"] else end_of_length
    return out


def mm_lengths(text: str) -> list[float]:
    return [float(n) for m in LENGTH.finditer(text) if m["mm"] for n in re.findall(r"\d+(?:\.\d+)?", m["mm"])]


def strings(value: object, path: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, tuple):
        return [s for i, v in enumerate(value) for s in strings(v, f"{path}[{i}]")]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in strings(getattr(value, f.name), f"{path}.{f.name}")]
    return []


@pytest.mark.parametrize("audience", ["clinical", "contractor", "client"])
def test_every_length_in_a_mm_build_is_the_inch_build_converted_by_one_rule(shared_service, shared_demo, audience):
    inches = shared_service.gather(shared_demo.demo_id, audience, today=TODAY)
    mm = shared_service.gather(shared_demo.demo_id, audience, millimetres=True, today=TODAY)
    pairs = list(zip(strings(inches.rooms) + strings(inches.client), strings(mm.rooms) + strings(mm.client), strict=True))
    compared = 0
    for (path, a), (_, b) in pairs:
        assert not INCH_LEFT.search(b), (path, b)
        assert mm_lengths(b) == inch_lengths(a), (path, a, b)
        compared += len(mm_lengths(b))
    assert compared > 100  # the demo's findings, work items, captions and devices are full of lengths


@pytest.mark.parametrize("audience", ["clinical", "contractor"])
def test_no_inch_or_foot_is_left_in_a_mm_report(shared_service, shared_demo, audience):
    data = shared_service.gather(shared_demo.demo_id, audience, millimetres=True, today=TODAY)
    text = " ".join(" ".join(page.split()) for page in page_texts(render_report(data).pdf))
    assert INCH_LEFT.findall(text) == []
    assert "All measurements are in millimetres" in text or "Measurements in millimetres" in text
    assert "lbf" not in text and "250 lb" not in text  # a grab bar's load in newtons, as ADA prints it (1112 N)
    assert "°F" not in text and " fc)" not in text  # hot water in Celsius, light in lux
    for wrong in ("610 mm 102 mm", "1 1/2 to", "815 mm"):  # issue 12's examples, and ADA's own rounding of 32 in
        assert wrong not in text
