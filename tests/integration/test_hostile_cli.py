"""The command line with hostile passphrase files and special files: one line and exit 1, never a crash.

Each command runs in a process of its own, forked from a warm server (``tests/forked_cli.py``): its stdin is
``/dev/null``, its passphrase file, FIFO or device is opened by that process, and it derives the real key.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from homeassess.domain.client_profile import ClientProfile
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store
from tests.conftest import PASSPHRASE, real_keys
from tests.forked_cli import ForkedCli

ROOT = Path(__file__).resolve().parents[2]
EXPORT_PASSPHRASE = "the file's own passphrase"


@pytest.fixture(scope="module")
def cli():
    """Each command a process of its own (stdin /dev/null, the real key derivation), forked warm: ``tests/forked_cli.py``."""
    with ForkedCli() as forked:
        yield forked


@pytest.fixture
def run(cli):
    def run_command(*args: str, data_dir: Path, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
        full_env.update(env or {})
        return cli.run(["--data-dir", str(data_dir), *args], env=full_env, cwd=cwd)

    return run_command


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "something went wrong" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory, judge) -> Path:
    data_dir = tmp_path_factory.mktemp("cli-hostile") / "store"
    with real_keys():  # the tests open it from processes of their own
        ws = Workspace.build(Store.open(data_dir, PASSPHRASE, create=True, spares=0), judge)
        ws.assessments.create(NewAssessment(client=ClientProfile(name="Ottoline Brackenbury"), details=AssessmentDetails(),
                                            rooms=[RoomSpec(type="entrance")]))
        ws.close()
    return data_dir


def test_a_nul_in_the_passphrase_file_is_a_plain_refusal(run, store, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(PASSPHRASE.encode() + b"\x00\n")
    line = one_line(run("--passphrase-file", str(secret), "list", data_dir=store))
    assert line == "homeassess: the passphrase holds a NUL character, which a passphrase cannot contain"


def test_passphrase_files_that_are_not_one_line_of_text_are_refused(run, store, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("caf\xe9 passphrase".encode("latin-1"))
    assert one_line(run("--passphrase-file", str(latin), "list", data_dir=store)) == \
        "homeassess: the passphrase file is not UTF-8 text"
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    assert "longer than 4096 bytes" in one_line(run("--passphrase-file", str(big), "list", data_dir=store))
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)  # nobody writes to it: reading would wait for ever
        assert "it must be an ordinary file" in one_line(run("--passphrase-file", str(fifo), "list", data_dir=store))


def test_an_export_never_takes_the_store_passphrase_by_itself(run, store, tmp_path):
    target = tmp_path / "out.hax"
    line = one_line(run("export", "1", "-o", str(target), data_dir=store, env={"HOMEASSESS_PASSPHRASE": PASSPHRASE}))
    assert line.startswith("homeassess: no passphrase for the export file: set HOMEASSESS_EXPORT_PASSPHRASE, "
                           "use --export-passphrase-file, or run in a terminal")
    assert not target.exists()

    short = run("export", "1", "-o", str(target), data_dir=store,
                env={"HOMEASSESS_PASSPHRASE": PASSPHRASE, "HOMEASSESS_EXPORT_PASSPHRASE": "short"})
    assert one_line(short) == "homeassess: an export passphrase needs at least 8 characters"

    same = run("export", "1", "-o", str(target), data_dir=store,
               env={"HOMEASSESS_PASSPHRASE": PASSPHRASE, "HOMEASSESS_EXPORT_PASSPHRASE": PASSPHRASE})
    assert same.returncode == 0, same.stderr
    assert "warning: the export file has the same passphrase as your store" in same.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_importing_a_device_or_a_fifo_is_refused_without_reading(run, store, tmp_path):
    env = {"HOMEASSESS_PASSPHRASE": PASSPHRASE, "HOMEASSESS_EXPORT_PASSPHRASE": EXPORT_PASSPHRASE}
    assert one_line(run("import", "/dev/zero", data_dir=store, env=env)) == \
        "homeassess: this is not an ordinary file, so it cannot be an assessment file"
    fifo = tmp_path / "visit.hax"
    os.mkfifo(fifo)
    assert "not an ordinary file" in one_line(run("import", str(fifo), data_dir=store, env=env))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_photos_add_reports_how_far_it_got(run, store, tmp_path):
    from tests.hostile_corpus import jpeg

    good = tmp_path / "IMG_0001.jpg"
    good.write_bytes(jpeg((320, 240), noise=True))
    device = tmp_path / "IMG_0002.jpg"
    device.symlink_to("/dev/zero")
    env = {"HOMEASSESS_PASSPHRASE": PASSPHRASE}
    first = run("photos", "add", "1", "--room", "Entrance and exterior", str(good), str(device), data_dir=store, env=env)
    assert first.returncode == 1
    assert first.stdout == "1 of 2 photos saved; 1 refused (Entrance and exterior)\n"
    assert "homeassess: IMG_0002.jpg: this is not an ordinary file, so it cannot be a photo" in first.stderr
    again = run("photos", "add", "1", "--room", "Entrance and exterior", str(good), data_dir=store, env=env)
    assert (again.returncode, again.stdout) == (0, "0 of 1 photo saved; 1 already added here (Entrance and exterior)\n")
