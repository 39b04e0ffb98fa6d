"""Run the benchmark scenarios: ``python -m benchmarks [--quick] [--only NAME ...] [--profile]``.

Every scenario measures its value and its floor in the same run (taking turns where both are timed), several
times, and reports the median; the table goes to stdout, progress to stderr. A full run (no ``--quick``, no
``--only``) writes ``benchmarks/results.json``; a partial run writes JSON only where ``--output`` says, so it
never overwrites the full results. Exit status 0 whatever the budgets say (the table and JSON say it);
1 if a scenario could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
FULL = {"scale": 1.0, "repeats": 5}
QUICK = {"scale": 0.15, "repeats": 3}


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine_info() -> dict:
    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1)
        if hasattr(os, "sysconf") else None,
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }
    versions = {name: _version(name) for name in (
        "homeassess", "PySide6-Essentials", "reportlab", "rl-accel", "pillow", "sqlcipher3", "SQLAlchemy", "sqlmodel", "pydantic",
        "alembic", "pi-heif")}
    try:
        import sqlcipher3.dbapi2 as sqlcipher

        versions["sqlite"] = sqlcipher.sqlite_version
    except ImportError:
        pass
    try:
        from PySide6 import QtCore

        versions["qt"] = QtCore.qVersion()
    except ImportError:
        pass
    try:
        from PIL import features

        versions["libjpeg_turbo"] = features.version("libjpeg_turbo")
    except Exception:  # informational only
        pass
    info["versions"] = versions
    try:
        info["git_commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, capture_output=True,
                                            text=True, timeout=10).stdout.strip() or None
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "homeassess"], cwd=HERE.parent,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        info["product_tree_modified"] = bool(dirty)
    except (OSError, subprocess.SubprocessError):
        info["git_commit"] = None
    return info


def _fmt(value: object, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(results: list[dict]) -> str:
    header = ("scenario", "value", "unit", "floor", "ratio", "budget", "result")
    rows = [header]
    for r in results:
        if "error" in r:
            rows.append((r["name"], "—", "", "—", "—", r.get("budget", ""), "ERROR"))
            continue
        rows.append((r["name"], _fmt(r["value"]), r["unit"], _fmt(r["floor"]), _fmt(r["ratio"], 2), r["budget"],
                     "pass" if r["passed"] else "MISS"))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(str(cell).ljust(widths[i]) if i in (0, 2, 5, 6) else str(cell).rjust(widths[i])
                               for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run_scenarios(names: list[str], scale: float, repeats: int, profile: bool) -> list[dict]:
    from benchmarks import scenarios

    results = []
    for name in names:
        module = scenarios.load(name)
        print(f"[benchmarks] {name} …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            record = module.run(scale, repeats)
        except Exception as exc:  # one broken scenario must not hide the others
            traceback.print_exc()
            record = {"name": name, "error": f"{type(exc).__name__}: {exc}", "passed": False}
        record["seconds"] = round(time.perf_counter() - started, 1)
        if profile and not record.get("passed") and "error" not in record and hasattr(module, "profile"):
            print(f"[benchmarks] {name}: profiling …", file=sys.stderr, flush=True)
            try:
                record["profile"] = module.profile(scale)
            except Exception as exc:
                record["profile"] = f"profile failed: {type(exc).__name__}: {exc}"
        status = "ERROR" if "error" in record else ("pass" if record["passed"] else "MISS")
        print(f"[benchmarks] {name}: {status} in {record['seconds']} s — {record.get('notes', record.get('error'))}",
              file=sys.stderr, flush=True)
        results.append(record)
    return results


def fixtures_info() -> list[dict]:
    from benchmarks import store_fixture

    out = []
    for key, store in store_fixture._memo.items():  # our own module
        info = {k: v for k, v in vars(store).items() if k != "data_dir"}
        info["kind"] = key[0]
        info["build_s"] = round(info["build_s"], 1)
        out.append(info)
    return out


def main(argv: list[str] | None = None) -> int:
    from benchmarks import scenarios

    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"smaller fixtures and fewer repeats ({QUICK})")
    parser.add_argument("--only", action="append", choices=scenarios.ORDER, metavar="NAME",
                        help="run only this scenario (repeatable): " + ", ".join(scenarios.ORDER))
    parser.add_argument("--scale", type=float, help="fixture scale (1.0 = the issue's sizes)")
    parser.add_argument("--repeats", type=int, help="repeats per scenario (the median is reported)")
    parser.add_argument("--profile", action="store_true", help="profile every scenario that misses its budget")
    parser.add_argument("--output", type=Path, help="write the JSON here (default: benchmarks/results.json on a full run)")
    args = parser.parse_args(argv)

    mode = QUICK if args.quick else FULL
    scale = args.scale if args.scale is not None else mode["scale"]
    repeats = args.repeats if args.repeats is not None else mode["repeats"]
    names = args.only or list(scenarios.ORDER)
    full_run = not args.quick and not args.only and args.scale is None and args.repeats is None
    output = args.output or (RESULTS if full_run else None)

    started = time.perf_counter()
    info = machine_info()
    results = run_scenarios(names, scale, repeats, args.profile)
    total = time.perf_counter() - started
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None

    print(table(results))
    missed = [r["name"] for r in results if not r.get("passed")]
    print(f"\n{len(results) - len(missed)} of {len(results)} within budget; total {total / 60:.1f} min "
          f"(scale {scale}, {repeats} repeats, {info['cpus_usable']} CPUs)")
    for r in results:
        if r.get("profile"):
            print(f"\n--- {r['name']}: profile ---\n{r['profile']}")
    if output is not None:
        document = {
            "generated": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": "python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv),
            "mode": "quick" if args.quick else "full", "scale": scale, "repeats": repeats,
            "total_seconds": round(total, 1), "machine": info, "fixtures": fixtures_info(), "results": results,
        }
        output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {output}")
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
