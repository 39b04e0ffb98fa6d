"""Fixtures for the command-line tests, which run ``python -m homeassess`` as real processes.

Those processes derive the store key for real (the cheap derivation of tests/conftest.py is set
only inside the test process), so a store they open must have been written by such a process too:
``cli_demo_template`` and ``cli_demo_store`` (tests/conftest.py, shared with the unit tests that run
the command line once).
"""
