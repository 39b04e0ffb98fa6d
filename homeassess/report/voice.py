"""The library's plain wording in the voice of the document that prints it.

The plain wording speaks of "the client". The client's own plan speaks to the client ("you"), and the
landlord letter is the tenant's request ("I", "me", "my"); ``resources/reports/plain_voice.toml`` holds
the phrases to change, longest first. Text a clinician typed is rewritten the same way.
"""

from __future__ import annotations

import re
from functools import cache, partial
from typing import Literal

from homeassess.domain.data_files import read_toml, resources_dir

Voice = Literal["client", "tenant"]


@cache
def _rules(voice: Voice) -> tuple[tuple[re.Pattern[str], str], ...]:
    table = read_toml(resources_dir() / "reports" / "plain_voice.toml")[voice]
    return tuple((re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE), said) for phrase, said in table.items())


def in_voice(text: str, voice: Voice) -> str:
    """``text`` with "the client" as the client (``"client"``) or the tenant (``"tenant"``) says it."""
    for pattern, said in _rules(voice):
        text = pattern.sub(partial(_replacement, said), text)
    return text


def _replacement(said: str, match: re.Match[str]) -> str:
    return _cased(match[0], said)


def _cased(found: str, said: str) -> str:
    """The replacement capitalised where the phrase began a sentence ("The client can" → "You can")."""
    return said[0].upper() + said[1:] if found[0].isupper() else said
