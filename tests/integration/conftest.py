"""Fixtures for the command-line tests.

Most of them run the command in the test process (``tests/cli_in_process.py``), which derives the cheap key of
tests/conftest.py, over ``in_process_demo_store`` / ``in_process_demo_template``. The ones whose subject is the
process run ``python -m homeassess`` for real; those processes derive the store key for real, so a store they open
must have been written by such a process too: ``cli_demo_template`` and ``cli_demo_store``. All four live in
tests/conftest.py, shared with the unit tests that run the command line once. docs/testing.md lists which tests
still start a real process.
"""
