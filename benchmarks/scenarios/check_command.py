"""``homeassess check`` from the shell (budget: under 0.5 s and ≤ 4× ``python -c pass``).

Each sample is a fresh process, timed from spawn to exit: the installed console script
``homeassess check door_clear_width "30 1/2"`` (a failing door, so the verdict and the proposals are all
printed), against the floor ``python -c pass`` with the same interpreter and environment. They take turns;
one untimed run of each comes first (it also leaves the validated resource snapshot in the user cache, as
the first run of every content version does). The sources are compiled to bytecode first, as in an
installed copy. The notes add ``check ... --client FILE`` (person-fit; it reads the client file with the
pydantic client-profile model), which has no budget of its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.scenarios._common import REPO, compile_bytecode, is_smoke, median, ms, process_env, result

NAME = "check_command"
POSITION = 20
BUDGET_RATIO = 4.0
BUDGET_MS = 500.0


def check_command() -> list[str]:
    script = Path(sys.executable).with_name("homeassess")
    if script.exists():
        return [str(script)]
    found = shutil.which("homeassess")
    return [found] if found else [sys.executable, "-m", "homeassess"]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, env=process_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=60)
    elapsed = ms(time.perf_counter() - started)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


CLIENT = {"name": "Benchmark", "devices": [{"kind": "manual_wheelchair", "overall_width": "26 in"}]}


def run(scale: float, repeats: int) -> dict:
    compile_bytecode()
    command = check_command() + ["check", "door_clear_width", "30 1/2"]
    floor_command = [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory() as folder:
        client_file = Path(folder) / "client.json"
        client_file.write_text(json.dumps(CLIENT), encoding="utf-8")
        client_command = [*command, "--client", str(client_file)]
        samples = max(3, repeats * 2) if repeats > 1 else 1
        if not is_smoke(scale):
            timed(command)
        if repeats > 1:
            timed(floor_command), timed(client_command)
        values, floors, with_client = [], [], []
        for _ in range(samples):
            values.append(timed(command))
            floors.append(timed(floor_command))
            with_client.append(timed(client_command))
    value, floor = median(values), median(floors)
    shown = " ".join(Path(command[0]).name if i == 0 else a for i, a in enumerate(command))
    return result(
        NAME, value, "ms", floor, f"< {BUDGET_MS:.0f} ms and ≤ {BUDGET_RATIO:.0f}× floor",
        value < BUDGET_MS and value <= BUDGET_RATIO * floor,
        f"median of {samples} fresh processes each: `{shown}` vs `python -c pass`; with `--client FILE` "
        f"(no budget): {median(with_client):.0f} ms",
        samples_ms=[round(v, 1) for v in values], floor_samples_ms=[round(v, 1) for v in floors],
        client_samples_ms=[round(v, 1) for v in with_client],
    )


def profile(scale: float) -> str:
    """The command's import-time report (slowest imports, cumulative µs) and a cProfile of the whole command."""
    from benchmarks.scenarios.start_to_unlock import import_report

    code = "import sys; from homeassess.cli import main; main(['check', 'door_clear_width', '30 1/2'])"
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=REPO, env=process_env(),
                             capture_output=True, text=True, timeout=60)
    profiled = subprocess.run(
        [sys.executable, "-c",
         "import cProfile, pstats, io, sys\n"
         "p = cProfile.Profile(); p.enable()\n"
         f"{code.split('; ', 1)[1].replace('; ', chr(10))}\n"
         "p.disable(); out = io.StringIO(); pstats.Stats(p, stream=out).strip_dirs().sort_stats('cumulative').print_stats(16)\n"
         "sys.stderr.write(out.getvalue())"],
        cwd=REPO, env=process_env(), capture_output=True, text=True, timeout=60)
    text = profiled.stderr
    start = text.find("   ncalls")
    return ("-X importtime:\n" + import_report(imports.stderr, 14) + "\n\ncProfile (imports included), cumulative:\n"
            + (text[start:].rstrip() if start >= 0 else text.rstrip()))
