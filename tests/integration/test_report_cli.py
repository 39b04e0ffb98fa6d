"""``homeassess report`` as agencies script it: the encrypted store, a PDF on disk.

The command runs in this process (``run``, tests/cli_in_process.py) over a copy of the in-process demo store, each
call about 2 s of CPU less than a ``python -m homeassess`` process; test_report_landlord_cli.py,
test_report_follow_up_cli.py and tests/unit/test_report_client_plan.py use the same ``run``. The process side:
``test_report_writes_a_pdf_with_progress_on_stderr`` is a real process (``run_process``) over a store keyed for
real, its progress lines flushed to a real stderr; tests/integration/test_cli.py holds the other real-process tests.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli_in_process import run_in_process
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # each test opens the store and builds a report
ENV = {"HOMEASSESS_PASSPHRASE": PASSPHRASE}


def run(*args: str, data_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The command in this process, over a store written in this process."""
    return run_in_process(*args, data_dir=data_dir, env=ENV, cwd=cwd)


def run_process(*args: str, data_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The command as a real ``python -m homeassess`` process, over a store a real process wrote."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEASSESS_")}
    env.update(ENV)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "homeassess", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=180,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory, in_process_demo_template) -> Path:
    data_dir = tmp_path_factory.mktemp("store")
    in_process_demo_template.copy_to(data_dir)
    return data_dir


def test_report_writes_a_pdf_with_progress_on_stderr(cli_demo_store, tmp_path):
    """A real process: the PDF, its path on stdout, its progress on stderr."""
    store = cli_demo_store
    out = tmp_path / "clinical.pdf"
    result = run_process("report", "1", "--audience", "clinical", "-o", str(out), data_dir=store)
    assert result.returncode == 0, result.stderr
    pages = len(PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert result.stdout.strip() == f"{out} ({pages} pages)"
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "building clinical report: 0%" and lines[-1] == "building clinical report: 100%"
    assert any(line == "building clinical report: 40%" for line in lines)


def test_contractor_on_a4_in_millimetres_without_photos(store, tmp_path):
    out = tmp_path / "scope.pdf"
    result = run(
        "report",
        "1",
        "--audience",
        "contractor",
        "-o",
        str(out),
        "--paper",
        "a4",
        "--mm",
        "--no-photos",
        data_dir=store,
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert round(float(reader.pages[0].mediabox.width)) == 595
    assert "All measurements are in millimetres" in reader.pages[0].extract_text()


def test_default_file_name_is_written_in_the_working_folder(store, tmp_path):
    result = run("report", "1", "--audience", "landlord", data_dir=store, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = list(tmp_path.glob("homeassess-1-landlord-*.pdf"))
    assert len(written) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "99", "--audience", "clinical"), "no assessment with id 99"),
        (("report", "1", "--audience", "plumber"), "unknown audience 'plumber'"),
        (("report", "1", "--audience", "clinical", "--paper", "legal"), "unknown paper size"),
        (("report", "1", "--audience", "clinical", "-o", "/no/such/folder/x.pdf"), "does not exist"),
    ],
)
def test_refusals_exit_1_with_one_line(store, tmp_path, args, message):
    result = run(*args, data_dir=store, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_refused(store, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        result = run("report", "1", "--audience", "clinical", "-o", str(locked / "x.pdf"), data_dir=store)
        assert result.returncode == 1 and "not writable" in result.stderr
    finally:
        locked.chmod(0o700)
