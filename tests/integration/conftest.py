"""Fixtures for the command-line tests, which run ``python -m homeassess`` as real processes.

Those processes derive the store key for real (the cheap derivation of tests/conftest.py is set
only inside the test process), so a store they open must have been written by such a process too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE, ROOT, StoreTemplate, give_demo_contact, real_keys


@pytest.fixture(scope="session")
def cli_demo_template(tmp_path_factory, judge) -> StoreTemplate:
    """A store holding the demo, written once per test process by ``homeassess demo``; copy it, do not change it."""
    data_dir = tmp_path_factory.mktemp("template-cli-demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
    env["HOMEASSESS_PASSPHRASE"] = PASSPHRASE
    done = subprocess.run([sys.executable, "-m", "homeassess", "--data-dir", str(data_dir), "demo"], cwd=ROOT, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert done.returncode == 0, done.stderr
    with real_keys():  # written by a real process: keyed with the production derivation
        workspace = Workspace.build(Store.open(data_dir, PASSPHRASE), judge)
        try:
            give_demo_contact(workspace)
        finally:
            workspace.close()
    return StoreTemplate(data_dir, demo_id=1)


@pytest.fixture
def cli_demo_store(tmp_path, cli_demo_template) -> Path:
    """This test's own copy of the command line's demo store (its data folder)."""
    data_dir = tmp_path / "cli-store"
    cli_demo_template.copy_to(data_dir)
    return data_dir

