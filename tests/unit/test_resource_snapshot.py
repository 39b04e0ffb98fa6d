"""The resources are validated once per content version; later loads build from the validated snapshot.

What a data author or a clinician would notice: an edited data file takes effect at the next start,
a broken one is refused with the file, the entry and the field named, and a damaged or unwritable
cache changes nothing but the time a start takes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import homeassess.domain.validation as validation
from homeassess.domain.data_files import CatalogueError, resources_dir
from homeassess.domain.judge import Judge, JudgeContext
from homeassess.domain.resource_snapshot import cache_dir
from homeassess.domain.verdicts import Verdict

DATA_FOLDERS = ("checklists", "standards", "recommendations")


@pytest.fixture
def resources(tmp_path, monkeypatch) -> Path:
    """A copy of the data files, and an empty cache folder of its own."""
    root = tmp_path / "resources"
    for folder in DATA_FOLDERS:
        shutil.copytree(resources_dir() / folder, root / folder)
    monkeypatch.setenv("HOMEASSESS_CACHE_DIR", str(tmp_path / "cache"))
    return root


def snapshots(resources: Path) -> list[Path]:
    return sorted((resources.parent / "cache").glob("resources-*.marshal"))


def door_verdict(judge: Judge, value: str) -> Verdict:
    return judge.judge_measurement("door_clear_width", value, JudgeContext(standard="ada2010")).verdict


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def forbid_validation(monkeypatch) -> None:
    def refuse(root):
        raise AssertionError("validated again")

    monkeypatch.setattr(validation, "validate_resources", refuse)


def test_a_second_load_builds_from_the_snapshot_without_validating(resources, monkeypatch):
    first = Judge.load(resources)
    assert len(snapshots(resources)) == 1
    forbid_validation(monkeypatch)

    again = Judge.load(resources)

    assert door_verdict(again, "30 1/2") is door_verdict(first, "30 1/2") is Verdict.FAILS
    assert again.catalogue.measurement_ids == first.catalogue.measurement_ids
    assert [e.id for e in again.library.entries] == [e.id for e in first.library.entries]


def test_an_edited_figure_takes_effect_at_the_next_load(resources):
    assert door_verdict(Judge.load(resources), "33") is Verdict.MEETS
    ada = resources / "standards" / "ada2010.toml"
    edit(ada, 'item = "door_clear_width"\nmin = "32 in"', 'item = "door_clear_width"\nmin = "34 in"')

    assert door_verdict(Judge.load(resources), "33") is Verdict.FAILS
    assert len(snapshots(resources)) == 2


@pytest.mark.parametrize(
    ("file", "old", "new", "entry", "field"),
    [
        ("recommendations/library.toml", 'priority = "high"', 'priority = "urgent"', "offset_hinges", "priority"),
        ("recommendations/library.toml", "cost = { low = 14, high = 60,", "cost = { low = 140, high = 60,",
         "offset_hinges", "cost"),
        ("recommendations/library.toml", 'label = "Door clear width"\nitem = "door_clear_width"',
         'label = "Door clear width"\nitem = "door_clear_widht"', "offset_hinges", "verify.0.item"),
        ("standards/irc.toml", 'max = "7 3/4 in"', 'max = "7 3/4 parsecs"', "stair_riser_height", "min/max"),
        ("standards/person_fit.toml", 'devices = ["manual_wheelchair"', 'devices = ["hovercraft"',
         "device_clear_width", "devices.0"),
        ("checklists/rooms/bathroom.toml", 'quantity = "length"', 'quantity = "length"\ncolour = "white"',
         "toilet_seat_height", "colour"),
    ],
)
def test_a_file_broken_after_a_good_load_is_refused_naming_file_entry_and_field(resources, file, old, new, entry, field):
    Judge.load(resources)
    edit(resources / file, old, new)

    with pytest.raises(CatalogueError) as caught:
        Judge.load(resources)

    message = str(caught.value)
    assert Path(file).name in message and repr(entry) in message and repr(field) in message
    assert len(snapshots(resources)) == 1  # nothing is kept of a file that failed


def test_a_damaged_snapshot_is_validated_again_and_replaced(resources):
    Judge.load(resources)
    (snapshot,) = snapshots(resources)
    whole = snapshot.read_bytes()
    snapshot.write_bytes(whole[: len(whole) // 2])

    assert door_verdict(Judge.load(resources), "30 1/2") is Verdict.FAILS
    assert snapshot.read_bytes() == whole


def test_a_cache_folder_that_cannot_be_written_only_costs_a_validation(resources, monkeypatch):
    blocker = resources.parent / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("HOMEASSESS_CACHE_DIR", str(blocker))

    assert door_verdict(Judge.load(resources), "30 1/2") is Verdict.FAILS
    assert door_verdict(Judge.load(resources), "32") is Verdict.MEETS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux cache folder is worked out without platformdirs")
@pytest.mark.parametrize("xdg_cache_home", [None, "", "relative/cache", "/var/tmp/xdg-cache"])
def test_the_cache_folder_is_the_one_platformdirs_names(monkeypatch, tmp_path, xdg_cache_home):
    import platformdirs

    monkeypatch.delenv("HOMEASSESS_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg_cache_home is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg_cache_home)

    assert cache_dir() == Path(platformdirs.user_cache_dir("HomeAssess", appauthor=False))
