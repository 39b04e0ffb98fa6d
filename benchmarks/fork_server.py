"""A warm parent for the processes the kill tests kill: import and prepare once, then fork one child per kill.

Starting ``python`` and importing SQLAlchemy, SQLModel, ReportLab and the services costs about 1.5–2 s of
CPU per process on the project's machine, and the kill harnesses used to pay it for every kill. Here one
server process (``python -m MODULE --fork-server ARGS``) imports everything and runs the module's
``prepare(args)`` once; then, for each request it reads on stdin (one JSON line), it ``os.fork()``s a child
that runs ``work(prepared, request)`` and exits. The child is still a process of its own, killed with SIGKILL
(by the parent test, or by itself) at the moment the caller chooses; it only starts warmer.

Fork safety: the server refuses to fork while it runs any thread besides its main one, and ``prepare`` must
leave no store connection open (each child opens its own after the fork), so no SQLCipher connection,
lock or half-written buffer is shared across the fork.

Protocol on the server's stdout, one line each: ``SERVING`` once prepared; ``FORKED <pid>`` per child; the
child's own lines; ``ENDED <pid> <exit code>`` once the child has ended (a negative code is the signal
that ended it, ``-9`` for SIGKILL). A child is reaped only when the next request comes (or stdin closes), so
the caller can send it SIGKILL at any moment until then without any risk of reaching a reused pid.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FLAG = "--fork-server"
KDF_ITER_VARIABLE = "FORK_SERVER_KDF_ITER"  # read by this module only; homeassess has no such switch


def set_key_derivation_iterations(iterations: int) -> None:
    """SQLCipher's process-wide default PBKDF2 iteration count for new connections (as tests/conftest.py sets it
    in the test process): the stores a kill test writes in its processes are opened by the test with the same one."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute(f"PRAGMA cipher_default_kdf_iter = {int(iterations)}")
    finally:
        conn.close()


def serve(prepare: Callable[[list[str]], Any], work: Callable[[Any, Any], None], args: list[str]) -> None:
    """The server's side: prepare once, then one forked child per request line until stdin closes."""
    if os.environ.get(KDF_ITER_VARIABLE):
        set_key_derivation_iterations(int(os.environ[KDF_ITER_VARIABLE]))
    prepared = prepare(args)
    gc.freeze()  # what the server made stays out of the children's collections (which would copy its pages)
    print("SERVING", flush=True)
    ended = 0
    for line in sys.stdin:
        if ended:  # the caller is done with the last child (it asks for the next): its pid may now be reused
            os.waitpid(ended, 0)
        request = json.loads(line)
        if threading.active_count() != 1:
            raise RuntimeError("the fork server has threads of its own: a forked child could inherit a held lock")
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child never goes back into the loop
            os._exit(_run_child(work, prepared, request))
        print(f"FORKED {pid}", flush=True)
        # Waited for but not reaped: until the caller's next request the pid stays this child's (a zombie), so a
        # SIGKILL sent just after the child finished can never reach another process that was given its pid.
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
        code = info.si_status if info.si_code == os.CLD_EXITED else -info.si_status
        print(f"\nENDED {pid} {code}", flush=True)  # on a line of its own after a line a kill cut short
        ended = pid
    if ended:
        os.waitpid(ended, 0)


def _run_child(work: Callable[[Any, Any], None], prepared: Any, request: Any) -> int:
    """Run one request in the forked child and end as a Python process ends: an uncaught error printed with
    its traceback (exit code 1), ``sys.exit``'s code, then the atexit handlers (logging's flush among them) and
    the output buffers. Not the interpreter's teardown: it would touch, and so copy, every page the child
    shares with the server (about 1 s of each child on the project's machine), and proves nothing here."""
    code = 0
    try:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # the requests are the server's, not the child's
        work(prepared, request)
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            code = stop.code or 0
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    except BaseException:  # as the interpreter reports an uncaught error
        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()  # what the interpreter runs at exit
    sys.stdout.flush()
    sys.stderr.flush()
    return code


@dataclass
class Forked:
    """One forked child as its caller sees it: its pid, the lines it printed, and how it ended."""

    server: ForkServer
    pid: int = 0
    lines: list[str] = field(default_factory=list)
    exit_code: int | None = None

    def read_until(self, prefix: str) -> str | None:
        """The child's first line starting with ``prefix`` (its pid known by then); None if it ended first."""
        while True:  # the server's FORKED line and the child's own lines may come in either order
            found = next((line for line in self.lines if line.startswith(prefix)), None)
            if found is not None and self.pid:
                return found
            if self._take(self.server.next_line()):
                return None

    def wait(self) -> int:
        """The child's exit code once the server has reaped it (``-9``: killed with SIGKILL)."""
        while self.exit_code is None:
            self._take(self.server.next_line())
        return self.exit_code

    def _take(self, line: str) -> bool:
        """Record ``line``; True once the child has ended."""
        if line.startswith("FORKED ") and not self.pid:
            self.pid = int(line.split()[1])
        elif line.startswith("ENDED "):
            _, pid, code = line.split()
            if int(pid) == self.pid:
                self.exit_code = int(code)
                return True
        elif line:
            self.lines.append(line)
        return False


class ForkServer:
    """The caller's side: ``with ForkServer("benchmarks.kill_writer", [...], env) as server: server.fork({...})``."""

    def __init__(self, module: str, args: list[str], env: dict[str, str] | None = None, *,
                 kdf_iter: int | None = None, timeout: float = 300) -> None:
        """``kdf_iter``: the key derivation's iteration count in the server and its children (None: SQLCipher's
        own, the production one), for a caller that opens their stores with a cheaper one."""
        self.timeout = timeout
        env = {k: v for k, v in (env or os.environ).items() if k != KDF_ITER_VARIABLE}
        if kdf_iter is not None:
            env[KDF_ITER_VARIABLE] = str(kdf_iter)
        self.errors = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, FLAG, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.errors, text=True, cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)},
        )
        if self.next_line() != "SERVING":
            self.close()
            raise RuntimeError(f"the fork server did not start: {self.stderr()[-2000:]}")

    def fork(self, request: Any) -> Forked:  # whatever JSON the module's work() takes
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return Forked(self)

    def next_line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the fork server ended: {self.stderr()[-2000:]}")
        return line.rstrip("\n")

    def stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read()

    def close(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.errors.close()

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
