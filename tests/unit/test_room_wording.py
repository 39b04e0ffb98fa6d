"""Every library template reads well with a room name and without one ("this room", never "the this room")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homeassess.domain.data_files import CatalogueError
from homeassess.domain.judge import Judge
from homeassess.domain.recommendations import fill_template
from homeassess.domain.validation.library import validate_library

# Nouns a room name must not stand before when it is missing ("this room door" reads wrong).
ROOM_PART_NOUNS = {"door", "doors", "doorway", "closet", "window", "windows", "wall", "walls", "floor", "entry",
                   "shower", "toilet", "sink", "tub", "stairs", "ramp", "path", "rail", "lights", "outlet"}


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load()


def rendered(judge: Judge, room: str) -> list[tuple[str, str]]:
    values = {"room": room, "item": "door clear width", "measured": "30 in", "required": "32 in min",
              "shortfall": "2 in", "citation": "ADA 2010 §404.2.3", "device_width": "26 in", "target": "32 in",
              **judge.fit_rules.wording.values(None)}
    return [(entry.id, fill_template(getattr(entry, name), values))
            for entry in judge.library.entries for name in ("title", "plain", "specification", "rationale")]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s]


def test_without_a_room_name_every_template_says_this_room(judge):
    uses = 0
    for entry_id, text in rendered(judge, ""):
        lowered = text.lower()
        assert "the this room" not in lowered and "at this room" not in lowered, (entry_id, text)
        assert "—" not in text.replace(" — ", ""), (entry_id, text)
        for after in re.findall(r"this room (\w+)", lowered):
            assert after not in ROOM_PART_NOUNS, (entry_id, text)
        for sentence in sentences(text):
            assert not sentence.startswith("this room"), (entry_id, text)
        uses += lowered.count("this room")
    assert uses > 150


@pytest.mark.parametrize(("room", "inside", "start"), [
    ("Ensuite bathroom", "the ensuite bathroom", "Ensuite bathroom:"),
    ("back porch", "the back porch", "Back porch:"),
    ("TV room", "the TV room", "TV room:"),
])
def test_with_a_room_name_every_template_names_it(judge, room, inside, start):
    templates = [getattr(e, n) for e in judge.library.entries for n in ("title", "plain", "specification", "rationale")]
    for template, (entry_id, text) in zip(templates, rendered(judge, room), strict=True):
        assert text.count(inside) + text.count(start) == template.count("{room}"), (entry_id, text)
        assert "this room" not in text.lower() and " here" not in text.replace(template.replace("{room}", ""), ""), entry_id


def test_the_demo_entries_read_naturally(judge):
    ramp = judge.library.entry("threshold_ramp")
    values = judge.fit_rules.wording.values(None)
    assert fill_template(ramp.plain, {**values, "room": ""}).startswith(
        "Place a small ramp over the raised step or strip at the doorway of this room")
    assert fill_template(judge.library.entry("keyless_entry").plain, {**values, "room": ""}).startswith(
        "Fit a lock here that opens with a code")
    assert fill_template(ramp.plain, {**values, "room": "Front entry"}).startswith(
        "Place a small ramp over the raised step or strip at the doorway of the front entry")
    assert fill_template(ramp.specification, {**values, "room": ""}).startswith("This room: supply")


@given(st.text(min_size=1, max_size=30))
def test_any_room_name_is_written_in_as_typed(name):
    values = {"room": name, "measured": "30 in"}
    text = fill_template("{room}: widen the door in the {room} to {measured}.", values)
    shown = " ".join(name.split())
    if shown:
        assert text.endswith(" to 30 in.")
        assert shown[1:] in text
    else:
        assert text == "This room: widen the door in this room to 30 in."


def test_a_loose_room_field_is_refused(tmp_path: Path, judge):
    source = Path("resources/recommendations/library.toml").read_text(encoding="utf-8")
    broken = source.replace("at the doorway of the {room}", "at {room} doorway", 1)
    assert broken != source
    path = tmp_path / "library.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogueError, match="the {room}"):
        validate_library(path, judge.catalogue)
