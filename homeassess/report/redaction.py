"""Keeping clinical wording out of the reports that must not carry it.

The service builds contractor and landlord data without any clinical field; this is the
second line: any diagnosis or condition wording that turns up in free text (a room
name, a photo caption, a recommendation the clinician edited) becomes "[omitted]".
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

REDACTED = "[omitted]"
MIN_TERM_LENGTH = 4  # shorter terms ("OA") would blank ordinary words

T = TypeVar("T")


def redact(value: T, terms: list[str]) -> T:
    """``value`` (report data, a tuple or a string) with every term replaced, case-insensitively."""
    wanted = sorted({t.strip() for t in terms if t and len(t.strip()) >= MIN_TERM_LENGTH}, key=len, reverse=True)
    if not wanted:
        return value
    pattern = re.compile("|".join(re.escape(t) for t in wanted), re.IGNORECASE)

    def walk(v: object) -> object:
        if type(v) is str:  # exactly str: enums (the audience) stay as they are
            return pattern.sub(REDACTED, v)
        if isinstance(v, tuple):
            return tuple(walk(x) for x in v)
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return dataclasses.replace(v, **{f.name: walk(getattr(v, f.name)) for f in dataclasses.fields(v) if f.init})
        return v

    return walk(value)  # type: ignore[return-value]
