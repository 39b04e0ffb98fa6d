"""The suite's build-once templates (tests/built_once.py): what the xdist workers of a session share."""

from __future__ import annotations

import pytest

from tests.built_once import built_once


class SessionFolders:
    """A worker's view of the session's temporary folders: its own basetemp under the session's."""

    def __init__(self, session):
        self.session = session

    def getbasetemp(self):
        return self.session / "popen-gw0"


@pytest.fixture
def worker(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    return SessionFolders(tmp_path)


def test_a_second_worker_reuses_the_first_ones_build_and_its_facts(worker):
    builds = []

    def build(folder):
        builds.append(folder)
        (folder / "store").write_text("built")
        return {"demo_id": 7}

    first = built_once(worker, "template", build)
    again = built_once(worker, "template", build)
    assert first == again == (worker.session / "built-once" / "template", {"demo_id": 7})
    assert len(builds) == 1


def test_a_shared_template_is_read_only_and_its_copies_are_not(worker, tmp_path):
    from tests.conftest import StoreTemplate

    def build(folder):
        (folder / "store").write_text("built")
        return {}

    folder, _ = built_once(worker, "template", build)
    assert (folder / "store").stat().st_mode & 0o222 == 0
    StoreTemplate(folder).copy_to(tmp_path / "copy")
    (tmp_path / "copy" / "store").write_text("changed")
    assert (folder / "store").read_text() == "built"


def test_a_build_that_failed_half_way_is_built_again_by_the_next_worker(worker):
    def broken(folder):
        (folder / "half").write_text("half")
        raise RuntimeError("the build broke")

    with pytest.raises(RuntimeError):
        built_once(worker, "template", broken)
    folder, facts = built_once(worker, "template", lambda folder: {"ok": True})
    assert facts == {"ok": True} and not (folder / "half").exists()
