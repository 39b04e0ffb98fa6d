"""The command line: the same services as the window, for scripts and tests."""

from homeassess.cli.main import main

__all__ = ["main"]
