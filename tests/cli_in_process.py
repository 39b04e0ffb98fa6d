"""The command line run inside the test process, for tests whose subject is a command's behaviour.

``run_in_process("list", "--json", data_dir=..., env=...)`` calls ``homeassess.cli.main.main(argv)`` as
``python -m homeassess`` would, and answers with a ``subprocess.CompletedProcess`` (``returncode``,
``stdout``, ``stderr``), so a test written against a real process barely changes. A process costs
about 2 s of CPU (importing SQLAlchemy, pydantic and the services, then the real key derivation);
a call here costs what the command itself does.

What a process would start afresh, each call gets afresh and gives back:
- the environment: every ``HOMEASSESS_*`` variable cleared, as the process tests clear them, then ``env``
  set. ``HOMEASSESS_CACHE_DIR`` stays: the session's own cache of validated data files (tests/conftest.py);
- ``sys.stdin`` (empty and not a terminal, like ``stdin=DEVNULL``), ``sys.stdout`` and ``sys.stderr``
  (UTF-8 text over bytes, as a pipe; a command that replaces ``sys.stdout`` is undone), ``sys.argv``;
- the working folder (``cwd``, else the repository root, where the process tests run);
- the root logger's handlers and level and the ``sqlalchemy`` logger's level (handlers a command added
  are closed), the warnings filters, the SIGINT/SIGTERM/SIGPIPE handlers;
- exit hooks: functions a command gives ``atexit.register`` run when the call ends, as at a process's exit;
- ``SystemExit`` becomes the return code, and an exception the command let out prints its traceback on
  stderr with return code 1, as the interpreter would.
A call that leaves a thread running or a file descriptor open fails the test: a process's exit would
have hidden it, a test process would carry it into the next call. The program's own background threads
that were already running (``homeassess-*``: a store's spare connections being keyed, a backup) finish
before the call, so that the files they open are not taken for the call's.

Stores: the test process derives keys cheaply (tests/conftest.py), so a store a call opens must have
been written in the test process too: ``in_process_demo_store`` (the ``demo`` command run in-process,
once per worker) rather than ``cli_demo_store`` (written by a real process, with the real key).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import io
import logging
import os
import signal
import subprocess
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEPT_VARIABLES = ("HOMEASSESS_CACHE_DIR",)
SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGPIPE") if hasattr(signal, name))
PROGRAM_THREADS = "homeassess-"  # the names of the program's background threads (prewarm, preload, backups)
THREAD_GRACE_SECONDS = 10.0  # non-daemon threads a process would wait for at exit


def run_in_process(*args: str, env: Mapping[str, str] | None = None, data_dir: Path | None = None,
                   cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m homeassess [--data-dir DATA_DIR] ARGS`` in this process: its exit code, stdout and stderr."""
    from homeassess.cli.main import main

    argv = [*(["--data-dir", str(data_dir)] if data_dir else []), *args]
    out, err = _pipe("strict"), _pipe("backslashreplace")
    with _fresh_process_state(env or {}, cwd or ROOT, argv, out, err) as exit_hooks:
        try:
            code: object = main(argv)
        except SystemExit as stop:
            code = stop.code
        except BaseException:  # what the interpreter does with an exception nobody caught
            traceback.print_exc(file=sys.stderr)
            code = 1
        for hook in reversed(exit_hooks):
            hook()
        returncode = _exit_status(code)
    return subprocess.CompletedProcess(["homeassess", *argv], returncode, _text(out), _text(err))


def _pipe(errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="\n", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", errors="replace")  # type: ignore[attr-defined]


def _exit_status(code: object) -> int:
    """``sys.exit``'s rule: None is 0, an int is itself, anything else is printed and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


@contextlib.contextmanager
def _fresh_process_state(env: Mapping[str, str], cwd: Path, argv: list[str], out: io.TextIOWrapper,
                         err: io.TextIOWrapper) -> Iterator[list[Callable[[], object]]]:
    saved_environ = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = (sys.stdin, sys.stdout, sys.stderr, sys.argv)
    root, sqlalchemy = logging.getLogger(), logging.getLogger("sqlalchemy")
    saved_logging = (list(root.handlers), root.level, sqlalchemy.level)
    saved_signals = {number: signal.getsignal(number) for number in SIGNALS}
    _let_earlier_work_finish()
    threads_before = set(threading.enumerate())
    descriptors_before = _open_descriptors()
    exit_hooks: list[Callable[[], object]] = []
    register = atexit.register

    def record_exit_hook(function: Callable, *args: object, **kwargs: object) -> Callable:
        exit_hooks.append(lambda: function(*args, **kwargs))
        return function

    for name in [n for n in os.environ if n.startswith("HOMEASSESS_") and n not in KEPT_VARIABLES]:
        del os.environ[name]
    os.environ.update(env)
    os.chdir(cwd)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(), out, err
    sys.argv = [str(ROOT / "homeassess" / "__main__.py"), *argv]
    atexit.register = record_exit_hook  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            yield exit_hooks
    finally:
        atexit.register = register
        replaced = [s for s in (sys.stdout, sys.stderr) if s not in (out, err, *saved_streams)]
        sys.stdin, sys.stdout, sys.stderr, sys.argv = saved_streams
        for stream in replaced:
            stream.close()
        for handler in [h for h in root.handlers if h not in saved_logging[0]]:
            root.removeHandler(handler)
            handler.close()
        root.handlers[:] = saved_logging[0]
        root.setLevel(saved_logging[1])
        sqlalchemy.setLevel(saved_logging[2])
        for number, handler in saved_signals.items():
            if handler is not None:
                signal.signal(number, handler)
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_environ)
    _assert_nothing_left_running(threads_before, descriptors_before)


def _let_earlier_work_finish() -> None:
    """The program's own background threads that the test started before the call (a store's spare connections
    being keyed, a backup, a preload) may still be opening files; they finish first, so that what they open is
    counted before the call, not as the call's."""
    for thread in threading.enumerate():
        if thread.name.startswith(PROGRAM_THREADS) and thread is not threading.current_thread():
            thread.join(THREAD_GRACE_SECONDS)


def _open_descriptors() -> set[str]:
    folder = Path("/proc/self/fd")
    if not folder.is_dir():
        return set()
    found = set()
    for entry in folder.iterdir():
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            found.add(f"{entry.name} -> {os.readlink(entry)}")
    return found


def _assert_nothing_left_running(threads_before: set[threading.Thread], descriptors_before: set[str]) -> None:
    for thread in set(threading.enumerate()) - threads_before:
        if not thread.daemon:
            thread.join(THREAD_GRACE_SECONDS)
    running = [t.name for t in set(threading.enumerate()) - threads_before if t.is_alive()]
    assert not running, f"the command left threads running: {running}"
    left_open = _open_descriptors() - descriptors_before
    if left_open:  # what the command dropped in a reference cycle is closed by a collection, as at a process's exit
        gc.collect()  # (only then: a full collection in a test process costs about 0.2 s)
        left_open = _open_descriptors() - descriptors_before
    assert not left_open, f"the command left files open: {sorted(left_open)}"
