"""Shared fixtures: a fresh encrypted store per test, the loaded catalogue, the demo."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from homeassess.domain.judge import Judge
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="session")
def judge() -> Judge:
    return Judge.load()


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "store"
    path.mkdir()
    return path


@pytest.fixture
def workspace(data_dir, judge):
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE, create=True), judge)
    yield ws
    ws.close()


@pytest.fixture
def demo_workspace(workspace):
    from homeassess.services.demo import install_demo

    assessment_id, _ = install_demo(workspace)
    workspace.demo_id = assessment_id
    return workspace
