"""The command line in processes of its own, forked from one warm server instead of started cold.

For the command-line tests whose subject is the process (its exit code and stderr, a file-size limit set on
it, what it leaves on disk, its stdin): each command still runs in a process of its own with its own
environment, working folder, stdin (``/dev/null``), stdout and stderr (files) and resource limits, through
``homeassess.cli.main.main`` as ``python -m homeassess`` calls it, and it derives the real store key. Only the
interpreter start and the imports (about 1.5 s of CPU per process on the project's machine) are done once,
by the server (``benchmarks/fork_server.py``), which imports the command modules and reads the report
fonts, and does nothing that opens a store, starts a thread or reads the environment. Not covered here: ``python -m homeassess`` starting from
nothing, which ``tests/integration/test_check_startup.py`` and ``test_startup_order.py`` run for real.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.fork_server import FLAG, ForkServer, serve

ROOT = Path(__file__).resolve().parents[1]
FILE_SIZE_LIMIT = 64 * 1024


def prepare(_args: list[str]) -> None:
    """The imports every command needs (the commands import them lazily), and the report fonts read: ReportLab
    parses the twelve bundled TrueType files once per process (1.4 s of CPU), into its own registry."""
    import homeassess.cli.bundle_commands
    import homeassess.cli.main
    import homeassess.cli.photos_command
    import homeassess.cli.report_command
    import homeassess.cli.selftest_command
    import homeassess.cli.store_commands
    import homeassess.services.reports
    import homeassess.services.selftest
    import homeassess.services.workspace  # noqa: F401
    from homeassess.report.fonts import register_fonts

    register_fonts()


def work(_prepared: None, request: dict) -> None:
    """One command: ``{"argv", "env", "cwd", "stdout", "stderr", "limit_file_size"}``."""
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    if request["limit_file_size"]:
        import resource  # POSIX only, as fork

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    from homeassess.cli.main import main

    sys.argv = ["homeassess", *request["argv"]]
    sys.exit(main(request["argv"]))


class ForkedCli:
    """``with ForkedCli() as cli: cli.run([...], env=..., cwd=...)`` returns a ``subprocess.CompletedProcess``."""

    def __init__(self) -> None:
        self.server = ForkServer("tests.forked_cli", []) if hasattr(os, "fork") else None
        self.folder = tempfile.TemporaryDirectory(prefix="homeassess-forked-cli-")

    def run(self, argv: list[str], *, env: dict[str, str], cwd: Path = ROOT,
            limit_file_size: bool = False) -> subprocess.CompletedProcess:
        if self.server is None:  # no fork (Windows): a process started cold, as before
            assert not limit_file_size, "RLIMIT_FSIZE is POSIX"
            return subprocess.run([sys.executable, "-m", "homeassess", *argv], capture_output=True, text=True,
                                  env={**env, "PYTHONPATH": str(ROOT)}, cwd=cwd, stdin=subprocess.DEVNULL, timeout=300)
        out, err = Path(self.folder.name) / "stdout", Path(self.folder.name) / "stderr"
        child = self.server.fork({"argv": argv, "env": env, "cwd": str(cwd), "stdout": str(out), "stderr": str(err),
                                  "limit_file_size": limit_file_size})
        code = child.wait()
        return subprocess.CompletedProcess(["homeassess", *argv], code, out.read_text(), err.read_text())

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
        self.folder.cleanup()

    def __enter__(self) -> ForkedCli:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    if sys.argv[1:2] != [FLAG]:
        sys.exit(f"usage: python -m tests.forked_cli {FLAG}")
    serve(prepare, work, sys.argv[2:])
