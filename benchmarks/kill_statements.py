"""Kill a recording between any two of its statements, then check nothing was lost or left half-done.

A child process (forked from one warm server, ``benchmarks/fork_server.py``) opens the store and
records one measurement through ``ChecklistService.record`` with a trace function that counts every line executed in ``homeassess/`` and sends itself
SIGKILL at line N. The parent first counts the lines a whole recording takes, then kills at
each N (or ``--kills N`` spread evenly), and after each kill checks: ``integrity_check`` is ok; the
measurement is stored whole (its text, canonical value and verdict agree) or not at all; and
every stored finding shows its proposed recommendations. Run ``python -m benchmarks.kill_statements``.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.fork_server import FLAG, Forked, ForkServer, serve
from homeassess.domain.judge import Judge

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "kill statements passphrase"
ITEM, VALUES = "door_clear_width", ("30", "29 1/2", "31", "30 1/4")  # each a finding: the longest path


@dataclass
class StatementKillResult:
    statements: int = 0
    kills: int = 0
    whole: int = 0
    problems: list[str] = field(default_factory=list)


def prepare(_args: list[str]) -> Judge:
    """What every recording shares, made once in the fork server: the imports and the validated catalogue."""
    from homeassess.services.workspace import Workspace  # noqa: F401 - imported before the fork, not in each child
    from homeassess.store.store import Store  # noqa: F401

    return Judge.load()


def record(judge: Judge, data_dir: str, kill_at: int, value: str) -> None:
    """One recording in a process of its own, which sends itself SIGKILL at its ``kill_at``-th line in homeassess/."""
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store

    ws = Workspace.build(Store.open(Path(data_dir), PASSPHRASE, spares=0), judge)
    room = ws.assessments.room_views(ws.assessments.list()[0].id)[0].id
    package = str(ROOT / "homeassess")
    seen = [0]

    def trace(frame, event, arg):  # sys.settrace's signature
        if not frame.f_code.co_filename.startswith(package):
            return None
        if event == "line":
            seen[0] += 1
            if seen[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        return trace

    sys.settrace(trace)
    ws.checklist.record(room, ITEM, value)
    sys.settrace(None)
    print(f"DONE {seen[0]}", flush=True)


def work(judge: Judge, request: dict) -> None:
    record(judge, request["data_dir"], int(request["kill_at"]), request["value"])


def _prepare(data_dir: Path, judge: Judge) -> None:
    from homeassess.domain.client_profile import ClientProfile
    from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store

    ws = Workspace.build(Store.open(data_dir, PASSPHRASE, create=True, spares=0), judge)
    profile = {"name": "Kill Statements", "devices": [{"kind": "manual_wheelchair", "overall_width": "26 in"}]}
    ws.assessments.create(NewAssessment(client=ClientProfile.model_validate(profile), details=AssessmentDetails(),
                                        rooms=[RoomSpec(type="entrance")]))
    ws.close()


def check(data_dir: Path, values_before: str, value_typed: str, judge: Judge) -> list[str]:
    """The store after a kill: whole, the value old or new (never half), every finding with its proposals."""
    from sqlalchemy import text

    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store

    problems = []
    ws = Workspace.build(Store.open(data_dir, PASSPHRASE, spares=0), judge)
    try:
        with ws.store.engine.connect() as conn:
            if conn.execute(text("PRAGMA integrity_check")).scalar() != "ok":
                problems.append("integrity_check failed")
        aid = ws.assessments.list()[0].id
        states = {s.item.id: s for s in ws.checklist.room_items(ws.assessments.room_views(aid)[0].id)}
        stored = states[ITEM]
        if stored.text not in (values_before, value_typed):
            problems.append("the measurement is neither the old nor the new value")
        response = ws.checklist.rooms.responses(ws.assessments.room_views(aid)[0].id).get(ITEM)
        if response is not None and stored.finding is not None and response.verdict != stored.finding.verdict.value:
            problems.append("the stored verdict does not match the stored value")
        proposed = {v.item_id for v in ws.recommendations.list(aid)}
        for item_id, state in states.items():
            if state.finding is not None and state.finding.verdict.is_finding and state.finding.recommendations \
                    and item_id not in proposed:
                problems.append("a finding without its proposals")
    finally:
        ws.close()
    return problems


def run(data_dir: Path, kills: int | None = None, kdf_iter: int | None = None) -> StatementKillResult:
    """Kill at every statement, or at ``kills`` statements spread evenly over the recording. Each recording is a
    process of its own, forked from one server that imported everything once (``benchmarks/fork_server.py``);
    ``kdf_iter``: its key derivation (None: the production one), the one this process opens stores with."""
    env = {**os.environ, "HOMEASSESS_PASSPHRASE": PASSPHRASE}
    result = StatementKillResult()
    judge = Judge.load()
    _prepare(data_dir, judge)

    with ForkServer("benchmarks.kill_statements", [], env, kdf_iter=kdf_iter) as server:
        def child(kill_at: int, value: str) -> Forked:
            forked = server.fork({"data_dir": str(data_dir), "kill_at": kill_at, "value": value})
            forked.wait()
            return forked

        counts = []
        for value in VALUES:  # whole recordings, to count their statements (the shortest bounds the kill points)
            counted = child(10**9, value)
            if counted.exit_code != 0 or not counted.lines or not counted.lines[-1].startswith("DONE"):
                result.problems.append("the recording did not complete: " + server.stderr()[-300:])
                return result
            counts.append(int(counted.lines[-1].split()[1]))
        result.statements = min(counts)
        before = VALUES[-1]
        step = max(1, result.statements // kills) if kills else 1
        points = list(range(step // 2 + 1, result.statements + 1, step))[:kills]
        for n, kill_at in enumerate(points):
            value = VALUES[1 + n % (len(VALUES) - 1)]
            done = child(kill_at, value)
            result.kills += done.exit_code == -signal.SIGKILL
            problems = check(data_dir, before, value, judge)
            if problems:
                result.problems += [f"killed at statement {kill_at}: {p}" for p in problems]
            else:
                result.whole += 1
            before = _current(data_dir, judge)
    return result


def _current(data_dir: Path, judge: Judge) -> str:
    from homeassess.services.workspace import Workspace
    from homeassess.store.store import Store

    ws = Workspace.build(Store.open(data_dir, PASSPHRASE, spares=0), judge)
    try:
        aid = ws.assessments.list()[0].id
        return ws.checklist.response_text(ws.assessments.room_views(aid)[0].id, ITEM)
    finally:
        ws.close()


if __name__ == "__main__":
    if sys.argv[1:2] == [FLAG]:
        serve(prepare, work, sys.argv[2:])
        sys.exit(0)
    import tempfile

    kills = int(sys.argv[sys.argv.index("--kills") + 1]) if "--kills" in sys.argv else None
    started = time.perf_counter()
    outcome = run(Path(tempfile.mkdtemp(prefix="homeassess-kill-statements-")), kills)
    print(json.dumps({"statements_in_one_recording": outcome.statements, "kills": outcome.kills, "whole": outcome.whole,
                      "problems": outcome.problems, "seconds": round(time.perf_counter() - started, 1)}, indent=2))
    sys.exit(0 if not outcome.problems else 1)
