"""Every text under resources/ is written for any client: no diagnosis, side, pronoun or device kind.

Client-specific words come only from template fields, filled from the profile; the terms the scan
looks for are data (resources/recommendations/neutral_wording.toml).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from homeassess.domain.data_files import resources_dir

RESOURCES = resources_dir()
TERMS_FILE = RESOURCES / "recommendations" / "neutral_wording.toml"
# The tables that define the client words themselves: the only place a device kind or a side is written.
WORDING_TABLES = {("standards/person_fit.toml", "devices"), ("standards/person_fit.toml", "sides")}
IDENTIFIER = re.compile(r"^[a-z0-9_]+$")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _terms() -> tuple[list[str], list[str]]:
    data = tomllib.loads(TERMS_FILE.read_text(encoding="utf-8"))
    terms = [t for group in ("diagnoses", "sides", "pronouns", "devices", "demo_phrases") for t in data[group]]
    return terms, data["allowed_phrases"]


def _texts(node: object, path: tuple[str, ...] = ()):
    if isinstance(node, str):
        if not IDENTIFIER.match(node):
            yield ".".join(path), node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, str(index)))


def resource_texts() -> list[tuple[str, str, str]]:
    found = []
    for folder in ("checklists", "standards", "recommendations"):
        for file in sorted((RESOURCES / folder).rglob("*.toml")):
            if file == TERMS_FILE:
                continue
            name = file.relative_to(RESOURCES).as_posix()
            data = tomllib.loads(file.read_text(encoding="utf-8"))
            for where, text in _texts(data):
                if (name, where.split(".")[0]) not in WORDING_TABLES:
                    found.append((name, where, text))
    return found


def forbidden_terms_in(text: str) -> list[str]:
    terms, allowed = _terms()
    cleaned = PLACEHOLDER.sub(" ", text.lower())
    for phrase in allowed:
        cleaned = cleaned.replace(phrase, " ")
    return [t for t in terms if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", cleaned)]


def test_the_scan_catches_the_demo_wording_it_exists_for():
    for text in ("With right hemiparesis the client can grip only with the left hand.",
                 "anything outside her seated reach", "wheelchair brakes and footrests",
                 "hands on the push rims strike the rails", "a client using a cane"):
        assert forbidden_terms_in(text), text
    assert forbidden_terms_in("set level with {transfer_target} at right angles") == []


def test_the_scan_reads_every_data_file():
    files = {name for name, _, _ in resource_texts()}
    assert {"recommendations/library.toml", "standards/person_fit.toml", "standards/ada2010.toml"} <= files
    assert any(name.startswith("checklists/rooms/") for name in files)


@pytest.mark.parametrize(("file", "where", "text"), resource_texts(), ids=lambda v: v if len(v) < 60 else None)
def test_no_text_names_a_diagnosis_side_pronoun_or_device_kind(file, where, text):
    assert forbidden_terms_in(text) == [], f"{file} {where}: {text}"
