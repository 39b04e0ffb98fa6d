"""The store's key is derived as SQLCipher 4 does by default, whatever the test suite does for speed.

Most tests run with a cheap key derivation (tests/conftest.py); these run with the real one, and check
that a store HomeAssess writes needs it.
"""

from __future__ import annotations

import pytest

from homeassess.store.engine import STORE_FILE_NAME, WrongPassphrase, open_connection
from homeassess.store.store import Store
from tests.conftest import CHEAP_KDF_ITER, PASSPHRASE, key_derivation_iterations


def test_a_new_store_is_keyed_with_pbkdf2_sha512_at_256000_iterations(real_key_derivation, tmp_path):
    Store.open(tmp_path, PASSPHRASE, create=True).close()

    conn = open_connection(tmp_path / STORE_FILE_NAME, PASSPHRASE)
    try:
        assert conn.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"
        assert conn.execute("PRAGMA cipher_kdf_algorithm").fetchone()[0] == "PBKDF2_HMAC_SHA512"
        assert conn.execute("SELECT count(*) FROM assessment").fetchone()[0] == 0
    finally:
        conn.close()
    with pytest.raises(WrongPassphrase):
        Store.open(tmp_path, PASSPHRASE + " ")


def test_a_store_keyed_for_real_does_not_open_with_the_suites_cheap_derivation(real_key_derivation, tmp_path):
    Store.open(tmp_path, PASSPHRASE, create=True).close()
    key_derivation_iterations(CHEAP_KDF_ITER)

    with pytest.raises(WrongPassphrase):
        Store.open(tmp_path, PASSPHRASE)
