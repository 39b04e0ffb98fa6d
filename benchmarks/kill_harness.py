"""Kill a real writer with SIGKILL at random moments, then check the store is whole.

Checks after every kill: ``integrity_check`` is ok; every assessment has both its
rooms; every photo row has its renditions; no response without its room; and the
last acknowledged edit is in the store. Run ``python -m benchmarks.kill_harness 50``.

Each writer is a process of its own, forked from one server that imported everything and loaded
the catalogue once (``benchmarks/fork_server.py``), and killed by this process with SIGKILL.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from benchmarks.fork_server import ForkServer
from homeassess.store.store import Store

PASSPHRASE = "kill harness passphrase"


@dataclass
class HarnessResult:
    kills: int = 0
    survived: int = 0
    acknowledged: int = 0
    lost: int = 0
    problems: list[str] = field(default_factory=list)


def _last_ack(lines: list[str]) -> list[str] | None:
    acks = [line.split() for line in lines if line.startswith("ACK ")]
    return acks[-1] if acks else None


def check_store(data_dir: Path, last: list[str] | None) -> list[str]:
    problems = []
    store = Store.open(data_dir, PASSPHRASE, spares=0)
    try:
        with store.engine.connect() as conn:
            q = lambda sql: conn.execute(text(sql)).fetchall()  # noqa: E731
            if q("PRAGMA integrity_check")[0][0] != "ok":
                problems.append("integrity_check failed")
            if q("SELECT a.id FROM assessment a LEFT JOIN room r ON r.assessment_id = a.id GROUP BY a.id HAVING count(r.id) != 2"):
                problems.append("an assessment without both of its rooms")
            if q("SELECT p.id FROM photo p LEFT JOIN photo_data d ON d.photo_id = p.id WHERE d.photo_id IS NULL"):
                problems.append("a photo row without its image")
            if q("SELECT d.photo_id FROM photo_data d LEFT JOIN photo p ON p.id = d.photo_id WHERE p.id IS NULL"):
                problems.append("an image without its photo row")
            if q("SELECT r.id FROM response r LEFT JOIN room m ON m.id = r.room_id WHERE m.id IS NULL"):
                problems.append("a response without its room")
            if q("PRAGMA foreign_key_check"):
                problems.append("foreign_key_check found broken references")
            if last:
                kind, assessment_id, room_id, key, *value = last[1:]
                if kind == "assessment" and not q(f"SELECT 1 FROM assessment WHERE id = {int(assessment_id)}"):
                    problems.append("last acknowledged assessment missing")
                if kind == "response":
                    got = q(f"SELECT value_text FROM response WHERE room_id = {int(room_id)} AND item_id = '{key}'")
                    if not got or got[0][0] != " ".join(value):
                        problems.append("last acknowledged response missing")
                if kind == "photo" and not q(f"SELECT 1 FROM photo_data WHERE photo_id = {int(key)}"):
                    problems.append("last acknowledged photo missing")
    finally:
        store.close()
    return problems


def run(kills: int, data_dir: Path | None = None, seed: int = 1, min_s: float = 0.2, max_s: float = 1.2,
        kdf_iter: int | None = None) -> HarnessResult:
    """``kills`` writers, each a process of its own forked from one warm server (``benchmarks/fork_server.py``),
    killed with SIGKILL ``min_s`` to ``max_s`` seconds after it reports ready; the store checked after each.
    ``kdf_iter``: the writers' key derivation (None: the production one), the one this process opens stores with."""
    rng = random.Random(seed)
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="homeassess-kill-"))
    env = {**os.environ, "HOMEASSESS_PASSPHRASE": PASSPHRASE}
    result = HarnessResult()
    with ForkServer("benchmarks.kill_writer", [], env, kdf_iter=kdf_iter) as server:
        for n in range(kills):
            writer = server.fork({"data_dir": str(data_dir), "seed": seed * 1000 + n})
            if writer.read_until("READY") is None:
                result.problems.append(f"writer did not start: {server.stderr()[-300:]}")
                break
            time.sleep(rng.uniform(min_s, max_s))
            os.kill(writer.pid, signal.SIGKILL)
            if writer.wait() != -signal.SIGKILL:
                result.problems.append(f"kill {n + 1}: the writer ended before it was killed: {server.stderr()[-300:]}")
                break
            result.kills += 1
            result.acknowledged += sum(1 for line in writer.lines if line.startswith("ACK "))
            problems = check_store(data_dir, _last_ack(writer.lines))
            if problems:
                result.problems += [f"kill {n + 1}: {p}" for p in problems]
                result.lost += sum("last acknowledged" in p for p in problems)
            else:
                result.survived += 1
    return result


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    started = time.perf_counter()
    outcome = run(count)
    print(json.dumps({"kills": outcome.kills, "survived": outcome.survived, "acknowledged_edits": outcome.acknowledged,
                      "acknowledged_edits_lost": outcome.lost, "problems": outcome.problems,
                      "seconds": round(time.perf_counter() - started, 1)}, indent=2))
    sys.exit(0 if not outcome.problems else 1)
