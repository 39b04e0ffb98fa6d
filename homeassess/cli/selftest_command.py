"""``homeassess selftest``: one line per step; exit 0 when all is well."""

from __future__ import annotations

from argparse import Namespace

from homeassess.cli.errors import EXIT_OK, EXIT_REFUSED


def run_selftest_command(args: Namespace) -> int:
    from homeassess.services.selftest import run_selftest

    extra = None
    if not args.no_gui:
        from homeassess.ui.shell.qt_selftest import qt_steps

        extra = qt_steps
    failed = 0
    steps = run_selftest(extra)
    while True:
        try:
            name, ok, detail = next(steps)
        except StopIteration:
            break
        except Exception as exc:  # a broken step is reported as one, not as a crash
            print(f"FAIL  the step after the last one above: {type(exc).__name__}", flush=True)
            failed += 1
            break
        print(f"{'ok  ' if ok else 'FAIL'}  {name}: {detail}", flush=True)
        failed += not ok
    print("self-test passed" if not failed else f"self-test: {failed} step(s) failed", flush=True)
    return EXIT_OK if not failed else EXIT_REFUSED
