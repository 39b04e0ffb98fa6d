"""The terms no resource text may use (tests/unit/neutral_wording.toml), and a matcher."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

TERMS_FILE = Path(__file__).with_name("neutral_wording.toml")  # test data: never shipped, never printed
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
GROUPS = ("diagnoses", "sides", "pronouns", "devices", "demo_phrases")


@cache
def term_groups() -> dict[str, list[str]]:
    data = tomllib.loads(TERMS_FILE.read_text(encoding="utf-8"))
    return {group: data[group] for group in (*GROUPS, "allowed_phrases")}


def terms_in(text: str, groups: tuple[str, ...] = GROUPS, except_words: str = "") -> list[str]:
    """The listed terms in ``text`` (whole words, case-insensitive), besides the allowed phrases and
    any term that ``except_words`` (the client's own wording) contains."""
    cleaned = PLACEHOLDER.sub(" ", text.lower())
    for phrase in term_groups()["allowed_phrases"]:
        cleaned = cleaned.replace(phrase, " ")
    own = except_words.lower()
    found = []
    for group in groups:
        for term in term_groups()[group]:
            pattern = rf"(?<![\w-]){re.escape(term)}(?![\w-])"
            if re.search(pattern, cleaned) and not re.search(pattern, own):
                found.append(term)
    return found
