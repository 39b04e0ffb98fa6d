"""Shared fixtures: a fresh encrypted store per test, the loaded catalogue, the demo.

What keeps the suite fast (issue 16; docs/testing.md says more):
- **Key derivation.** SQLCipher derives every connection's key with PBKDF2-HMAC-SHA512 at 256,000
  iterations (about 0.1 s of CPU). Tests that are not about the key run with a cheap derivation,
  set for the whole test process below through SQLCipher's process default; nothing in
  ``homeassess`` changes. The tests about the key ask for ``real_key_derivation``, and every
  command-line test runs a separate ``python -m homeassess`` process, which derives the real key.
- **Store templates.** The empty migrated store and the demo store (ten rooms, 22 photos through the
  photo pipeline) are built once per test session (``tests/built_once.py``: the first xdist worker to ask
  builds, the others wait and reuse) and copied for each test that asks for a ``workspace`` or a
  ``demo_workspace``: an SQLCipher file copied while closed is the same store. The templates are read-only.
- **The data files** are validated once per test session into a cache folder of the session's own.

Processes the tests start (``python -m homeassess``, the benchmark launchers) import this tree's code,
whatever their working folder and wherever the virtual environment's editable install points.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH")) if p)

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from hypothesis import settings

from homeassess.domain.judge import Judge
from homeassess.services.workspace import Workspace
from homeassess.store.engine import STORE_FILE_NAME
from homeassess.store.store import Store
from tests.built_once import built_once

# CI runs the property tests on a fixed seed (HYPOTHESIS_PROFILE=ci in .ci/run), so a landing is
# decided by the code, not by which examples came up; on a developer's machine they search anew
# each run. A failure found either way is kept as a plain test (e.g. test_metric_figures.py).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "correct horse battery staple"
CHEAP_KDF_ITER = 64


def key_derivation_iterations(iterations: int | None = None) -> int:
    """SQLCipher's process-wide default PBKDF2 iteration count for new connections; set it when given."""
    conn = sqlcipher.connect(":memory:")
    try:
        if iterations is not None:
            conn.execute(f"PRAGMA cipher_default_kdf_iter = {int(iterations)}")
        return int(conn.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0])
    finally:
        conn.close()


PRODUCTION_KDF_ITER = key_derivation_iterations()  # read before the line below changes it
key_derivation_iterations(CHEAP_KDF_ITER)


@contextlib.contextmanager
def real_keys() -> Iterator[int]:
    """Stores opened inside are keyed with the production derivation, as processes a test starts key them."""
    key_derivation_iterations(PRODUCTION_KDF_ITER)
    try:
        yield PRODUCTION_KDF_ITER
    finally:
        key_derivation_iterations(CHEAP_KDF_ITER)


@pytest.fixture
def real_key_derivation():
    """The production key derivation for this test (and a cheap one again after it); for module fixtures that
    write a store the test's processes open, ``with real_keys():``."""
    with real_keys() as iterations:
        yield iterations


@pytest.fixture(scope="session", autouse=True)
def true_stays_referenced():
    """A test process emits more signals than a visit does: it holds the program's reserve of references to True
    where this PySide6's emits drop them (homeassess/ui/kit/signal_references.py); a million is plenty for a run."""
    from homeassess.ui.kit.signal_references import hold_reserve

    hold_reserve()


@pytest.fixture(scope="session", autouse=True)
def resource_cache(tmp_path_factory):
    """The validated data-file snapshot goes to a folder of this test session (all workers'), not the user's cache."""
    folder, _ = built_once(tmp_path_factory, "resource-cache", lambda folder: {}, read_only=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOMEASSESS_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def judge(tmp_path_factory, resource_cache) -> Judge:
    """The data files validated once per session (by the first worker; the others read its snapshot)."""
    def validate(folder: Path) -> dict:
        Judge.load()  # writes the snapshot into resource_cache
        return {}

    built_once(tmp_path_factory, "resource-snapshot", validate)
    return Judge.load()


@dataclass(frozen=True)
class StoreTemplate:
    """A closed store folder to copy; ``demo_id`` is the demo assessment's id in it (0 if none)."""

    data_dir: Path
    demo_id: int = 0

    def copy_to(self, data_dir: Path) -> None:
        """The store file and its backups (not the WAL index or logs, which belong to an open store), writable
        (a shared template's files are read-only) with their times kept."""
        for path in self.data_dir.rglob("*"):
            relative = path.relative_to(self.data_dir)
            if path.is_file() and not path.name.endswith(("-wal", "-shm")) and relative.parts[0] != "logs":
                (data_dir / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, data_dir / relative)
                times = path.stat()
                os.utime(data_dir / relative, ns=(times.st_atime_ns, times.st_mtime_ns))


# The clinician's contact in Settings, which the demo leaves empty: the landlord letter needs it.
DEMO_CONTACT = {"clinician_name": "Jordan Patel", "clinician_phone": "555-0142", "clinician_email": "jordan.patel@example.org"}


def give_demo_contact(workspace: Workspace) -> None:
    workspace.settings.save(workspace.settings.load().model_copy(update=DEMO_CONTACT))


@pytest.fixture(scope="session")
def empty_store_template(tmp_path_factory, judge) -> StoreTemplate:
    def build(data_dir: Path) -> dict:
        Workspace.build(Store.open(data_dir, PASSPHRASE, create=True), judge).close()
        return {}

    return StoreTemplate(built_once(tmp_path_factory, "template-empty", build)[0])


@pytest.fixture(scope="session")
def demo_store_template(tmp_path_factory, judge) -> StoreTemplate:
    from homeassess.services.demo import install_demo

    def build(data_dir: Path) -> dict:
        workspace = Workspace.build(Store.open(data_dir, PASSPHRASE, create=True), judge)
        try:
            demo_id, _ = install_demo(workspace)
            give_demo_contact(workspace)
        finally:
            workspace.close()
        assert (data_dir / STORE_FILE_NAME).is_file()
        return {"demo_id": demo_id}

    data_dir, facts = built_once(tmp_path_factory, "template-demo", build)
    return StoreTemplate(data_dir, facts["demo_id"])


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "store"
    path.mkdir()
    return path


def open_copy(template: StoreTemplate, data_dir: Path, judge: Judge) -> Workspace:
    """A workspace over a copy of ``template`` in ``data_dir`` (its ``demo_id`` set if the template has the demo)."""
    template.copy_to(data_dir)
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE), judge)
    if template.demo_id:
        ws.demo_id = template.demo_id
    return ws


@pytest.fixture
def workspace(data_dir, judge, empty_store_template):
    """A fresh, empty store of this test's own (a copy of the empty template), in ``data_dir``."""
    ws = open_copy(empty_store_template, data_dir, judge)
    yield ws
    ws.close()


@pytest.fixture
def demo_workspace(request, data_dir, judge, demo_store_template):
    """A store of this test's own holding the demo assessment (``demo_id``), in ``data_dir``."""
    if "workspace" in request.fixturenames:
        raise pytest.UsageError("a test uses either workspace (empty) or demo_workspace, whose store is in the same data_dir")
    ws = open_copy(demo_store_template, data_dir, judge)
    yield ws
    ws.close()


@dataclass(frozen=True)
class DemoRun:
    """What ``homeassess demo`` answered when it wrote ``cli_demo_template`` (the demo command's own test reads it)."""

    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class CliDemoTemplate(StoreTemplate):
    run: DemoRun = DemoRun(0, "", "")


@pytest.fixture(scope="session")
def cli_demo_template(tmp_path_factory, judge) -> CliDemoTemplate:
    """A store holding the demo, written once per test session by ``homeassess demo`` into an empty folder (a real
    process, so keyed with the real derivation, as every ``python -m homeassess`` a test starts expects), then given
    the clinician's contact; ``run`` is what that process answered. Copy it, do not change it."""

    def build(data_dir: Path) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
        env["HOMEASSESS_PASSPHRASE"] = PASSPHRASE
        done = subprocess.run([sys.executable, "-m", "homeassess", "--data-dir", str(data_dir), "demo"], cwd=ROOT,
                              env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        assert done.returncode == 0, done.stderr
        with real_keys():  # written by a real process: keyed with the production derivation
            workspace = Workspace.build(Store.open(data_dir, PASSPHRASE), judge)
            try:
                give_demo_contact(workspace)
            finally:
                workspace.close()
        return {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}

    data_dir, facts = built_once(tmp_path_factory, "template-cli-demo", build)
    return CliDemoTemplate(data_dir, demo_id=1, run=DemoRun(**facts))


@pytest.fixture
def cli_demo_store(tmp_path, cli_demo_template) -> Path:
    """This test's own copy of the command line's demo store (its data folder)."""
    data_dir = tmp_path / "cli-store"
    cli_demo_template.copy_to(data_dir)
    return data_dir


@pytest.fixture(scope="session")
def in_process_demo_template(tmp_path_factory, demo_store_template) -> StoreTemplate:
    """A store holding the command line's demo, written once per test session by the ``demo`` command run in a test
    process (tests/cli_in_process.py), so keyed with the cheap derivation, as every in-process command expects: the
    same assessments as ``cli_demo_template`` (1 the demo visit, 2 its finalised copy, 3 that copy's follow-up) and
    the clinician's contact. The command runs over a copy of ``demo_store_template`` (the demo visit and the contact,
    built for the session anyway), so it adds only the follow-up. Copy it, do not change it."""
    from tests.cli_in_process import run_in_process

    def build(data_dir: Path) -> dict:
        demo_store_template.copy_to(data_dir)
        done = run_in_process("demo", data_dir=data_dir, env={"HOMEASSESS_PASSPHRASE": PASSPHRASE})
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"Demo assessment already in the store: id {demo_store_template.demo_id}\n"), done.stdout
        return {}

    data_dir, _ = built_once(tmp_path_factory, "template-in-process-demo", build)
    return StoreTemplate(data_dir, demo_id=demo_store_template.demo_id)


@pytest.fixture
def in_process_demo_store(tmp_path, in_process_demo_template) -> Path:
    """This test's own copy of the in-process command line's demo store (its data folder)."""
    data_dir = tmp_path / "cli-store"
    in_process_demo_template.copy_to(data_dir)
    return data_dir
