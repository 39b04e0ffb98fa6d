"""``homeassess export`` and ``homeassess import``: exit codes, messages, passphrases.

The commands run in this process (tests/cli_in_process.py) over a copy of the in-process demo store, each call
about 2 s of CPU less than a ``python -m homeassess`` process. The process side:
``test_export_passphrase_from_a_file_and_a_folder_as_output`` exports with a real process (the file's passphrase from a
file, a store keyed for real), and tests/integration/test_cli.py holds the other real-process tests (real key
derivation, no passphrase without a terminal, exit statuses).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from homeassess.services.demo import load_demo_document
from tests.cli_in_process import run_in_process
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # they export and import the whole demo
STORE_ENV = {"HOMEASSESS_PASSPHRASE": PASSPHRASE}
BOTH_ENV = {**STORE_ENV, "HOMEASSESS_EXPORT_PASSPHRASE": "the file's own passphrase"}  # never defaults to the store's
DUPLICATE = "homeassess: this assessment is already in the store; use --keep-both or --replace\n"
DAMAGED = "homeassess: wrong passphrase, or the file is damaged or was changed\n"


def run(*args: str, data_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command in this process, with both passphrases unless ``env`` is given."""
    return run_in_process(*args, data_dir=data_dir, env=BOTH_ENV if env is None else env)


def run_process(*args: str, data_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command as a real ``python -m homeassess`` process."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
    full_env.update(BOTH_ENV if env is None else env)
    return subprocess.run(
        [sys.executable, "-m", "homeassess", "--data-dir", str(data_dir), *args], capture_output=True, text=True,
        env=full_env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120,
    )


def listed(data_dir: Path) -> list[dict]:
    result = run("list", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_private(result: subprocess.CompletedProcess) -> None:
    assert "Ellison" not in result.stdout + result.stderr and "Larkspur" not in result.stdout + result.stderr


@pytest.fixture(scope="module")
def source(tmp_path_factory, in_process_demo_template) -> tuple[Path, Path]:
    """A store with the demo (written in this process), and a folder for files."""
    root = tmp_path_factory.mktemp("cli-bundle")
    store, files = root / "source", root / "files"
    files.mkdir()
    in_process_demo_template.copy_to(store)
    return store, files


def test_export_then_import_into_a_new_store_then_duplicate_handling(source, tmp_path):
    store, files = source
    target = files / "visit.hax"
    exported = run("export", "1", "-o", str(target), data_dir=store)
    assert exported.returncode == 0, exported.stderr
    demo_photos = len(load_demo_document().get("photos", []))
    assert exported.stdout.startswith(f"Exported assessment 1 to {target} (10 rooms, {demo_photos} photos, ")
    assert_private(exported)

    other = tmp_path / "other"  # no store yet: import creates it
    first = run("import", str(target), data_dir=other)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Imported assessment as id 1\n"
    assert_private(first)
    assert [a["client"] for a in listed(other)] == ["Margaret Ellison"]

    again = run("import", str(target), data_dir=other)
    assert (again.returncode, again.stderr, again.stdout) == (1, DUPLICATE, "")

    both = run("import", str(target), "--keep-both", data_dir=other)
    assert both.returncode == 0, both.stderr
    assert "second copy" in both.stdout
    assert len(listed(other)) == 2

    replaced = run("import", str(target), "--replace", data_dir=other)
    assert replaced.returncode == 0, replaced.stderr
    assert replaced.stdout == "Imported assessment as id 3, replacing id 1\n"
    assert sorted(a["id"] for a in listed(other)) == [2, 3]


def test_keep_both_and_replace_together_is_a_usage_error(source):
    store, files = source
    result = run("import", str(files / "any.hax"), "--keep-both", "--replace", data_dir=store)
    assert result.returncode == 2


def test_export_passphrase_from_the_environment(source, tmp_path):
    store, files = source
    target = files / "env.hax"
    exported = run("export", "1", "-o", str(target), data_dir=store,
                   env={**STORE_ENV, "HOMEASSESS_EXPORT_PASSPHRASE": "office secret"})
    assert exported.returncode == 0, exported.stderr

    other = tmp_path / "other"
    wrong = run("import", str(target), data_dir=other)  # another file passphrase
    assert (wrong.returncode, wrong.stderr) == (1, DAMAGED)
    right = run("import", str(target), data_dir=other, env={**STORE_ENV, "HOMEASSESS_EXPORT_PASSPHRASE": "office secret"})
    assert right.returncode == 0, right.stderr


def test_export_passphrase_from_a_file_and_a_folder_as_output(cli_demo_store, tmp_path):
    """The export is a real process, over the store a real process wrote (keyed with the real derivation); the file
    it writes is read back by imports in this process (the file's key is its own passphrase's, not the store's)."""
    store = cli_demo_store
    secret = tmp_path / "secret.txt"
    secret.write_text("from a file\n", encoding="utf-8")
    folder = tmp_path / "usb"
    folder.mkdir()
    exported = run_process("export", "1", "-o", str(folder), "--export-passphrase-file", str(secret), data_dir=store)
    assert exported.returncode == 0, exported.stderr
    written = list(folder.iterdir())
    assert [p.name for p in written] == ["homeassess-1-2026-11-18.hax"]

    other = tmp_path / "other"
    imported = run("import", str(written[0]), "--export-passphrase-file", str(secret), data_dir=other)
    assert imported.returncode == 0, imported.stderr
    assert run("import", str(written[0]), data_dir=other).stderr == DAMAGED


def test_refusals_are_one_line_with_exit_1(source, tmp_path):
    store, files = source
    unknown = run("export", "99", "-o", str(tmp_path / "x.hax"), data_dir=store)
    assert (unknown.returncode, unknown.stderr) == (1, "homeassess: no assessment with id 99\n")
    assert not (tmp_path / "x.hax").exists()

    missing = run("import", str(tmp_path / "nothing.hax"), data_dir=store)
    assert (missing.returncode, missing.stderr) == (1, "homeassess: the file cannot be read\n")

    junk = tmp_path / "junk.hax"
    junk.write_bytes(b"PK\x03\x04 definitely not a zip")
    damaged = run("import", str(junk), data_dir=store)
    assert (damaged.returncode, damaged.stderr) == (1, DAMAGED)

    no_store = run("export", "1", "-o", str(tmp_path / "y.hax"), data_dir=tmp_path / "empty")
    assert no_store.returncode == 1 and "no store" in no_store.stderr
