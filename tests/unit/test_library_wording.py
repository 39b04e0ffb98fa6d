"""Every text under resources/ is written for any client: no diagnosis, side, pronoun or device kind.

Client-specific words come only from template fields, filled from the profile; the terms the scan
looks for are data (tests/unit/neutral_wording.toml).
"""

from __future__ import annotations

import re
import tomllib

import pytest

from homeassess.domain.data_files import resources_dir
from tests.unit.neutral_wording import terms_in

RESOURCES = resources_dir()
# The tables that define the client words themselves: the only place a device kind or a side is written.
WORDING_TABLES = {("standards/person_fit.toml", "devices"), ("standards/person_fit.toml", "sides")}
IDENTIFIER = re.compile(r"^[a-z0-9_]+$")


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


def data_files() -> list[str]:
    return sorted(
        file.relative_to(RESOURCES).as_posix()
        for folder in ("checklists", "standards", "recommendations")
        for file in (RESOURCES / folder).rglob("*.toml")
    )


def texts_of(name: str) -> list[tuple[str, str]]:
    """Every prose string of one data file, with where it is, the client wording tables excepted."""
    data = tomllib.loads((RESOURCES / name).read_text(encoding="utf-8"))
    return [(where, text) for where, text in _texts(data) if (name, where.split(".")[0]) not in WORDING_TABLES]


def test_the_scan_catches_the_demo_wording_it_exists_for():
    for text in ("With right hemiparesis the client can grip only with the left hand.",
                 "anything outside her seated reach", "wheelchair brakes and footrests",
                 "hands on the push rims strike the rails", "a client using a cane", "with one usable hand"):
        assert terms_in(text), text
    assert terms_in("set level with {transfer_target}, walls at right angles, operable with one hand") == []


def test_the_scan_reads_every_data_file():
    files = data_files()
    assert {"recommendations/library.toml", "standards/person_fit.toml", "standards/ada2010.toml"} <= set(files)
    assert any(name.startswith("checklists/rooms/") for name in files)
    assert len(texts_of("recommendations/library.toml")) > 500


@pytest.mark.parametrize("name", data_files())
def test_no_text_names_a_diagnosis_side_pronoun_or_device_kind(name):
    offenders = [f"{where}: {terms_in(text)}: {text}" for where, text in texts_of(name) if terms_in(text)]
    assert offenders == [], "\n".join(offenders)
