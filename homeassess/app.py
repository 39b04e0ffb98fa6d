"""Composition root for the program: builds the store, services and window, then runs Qt."""

from __future__ import annotations

from pathlib import Path


def run_app(data_dir: Path | None = None) -> int:
    from homeassess.ui.application import run

    return run(data_dir)
