"""Where the command line gets passphrases: never from an argument.

The store passphrase comes from ``--passphrase-file``, else HOMEASSESS_PASSPHRASE, else the
terminal. An export file's passphrase is a separate secret and never defaults to the store
passphrase (every export would otherwise be an offline guessing target for the store's key):
``--export-passphrase-file``, else HOMEASSESS_EXPORT_PASSPHRASE, else the terminal, asked
twice when it protects a new file; with none of these the command is refused.

A passphrase file must be a regular file (a FIFO or a device is refused without reading) of
at most ``PASSPHRASE.max_file_bytes`` and UTF-8; trailing line breaks are dropped. A NUL in
any passphrase is refused with a plain sentence, never "something went wrong".
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from homeassess.cli.errors import Refused
from homeassess.domain.limits import PASSPHRASE
from homeassess.photos.source import open_regular_file

ENV_VAR = "HOMEASSESS_PASSPHRASE"
EXPORT_ENV_VAR = "HOMEASSESS_EXPORT_PASSPHRASE"


def read_passphrase(passphrase_file: Path | None, *, creating: bool = False, env_var: str = ENV_VAR) -> str:
    """The store passphrase (typed twice on a terminal when the store is being created)."""
    return _passphrase(passphrase_file, env_var, "Store passphrase: ", confirm=creating,
                       missing=f"no passphrase: set {env_var} or use --passphrase-file")


def read_export_passphrase(passphrase_file: Path | None, *, new_file: bool) -> str:
    """The export file's own passphrase; typed twice on a terminal when it protects a new file."""
    passphrase = _passphrase(
        passphrase_file, EXPORT_ENV_VAR, "Passphrase for the export file: ", confirm=new_file,
        missing=f"no passphrase for the export file: set {EXPORT_ENV_VAR}, use --export-passphrase-file, "
                "or run in a terminal to type it (it is never the store passphrase unless you choose it)",
    )
    if new_file and len(passphrase) < PASSPHRASE.min_export_length:
        raise Refused(f"an export passphrase needs at least {PASSPHRASE.min_export_length} characters")
    return passphrase


def _passphrase(passphrase_file: Path | None, env_var: str, prompt: str, *, confirm: bool, missing: str) -> str:
    if passphrase_file is not None:
        passphrase = _from_file(Path(passphrase_file))
    elif os.environ.get(env_var):
        passphrase = os.environ[env_var]
    elif sys.stdin is not None and sys.stdin.isatty():
        passphrase = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat the passphrase: ") != passphrase:
            raise Refused("the two passphrases differ")
    else:
        raise Refused(missing)
    if not passphrase:
        raise Refused("the passphrase is empty")
    if "\x00" in passphrase:  # SQLCipher and scrypt take the passphrase as C text: a NUL would end it early
        raise Refused("the passphrase holds a NUL character, which a passphrase cannot contain")
    return passphrase


def _from_file(path: Path) -> str:
    try:
        fd = open_regular_file(path)
    except (OSError, ValueError):
        raise Refused("the passphrase file cannot be read (it must be an ordinary file)") from None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(PASSPHRASE.max_file_bytes + 1)
    if len(data) > PASSPHRASE.max_file_bytes:
        raise Refused(f"the passphrase file is longer than {PASSPHRASE.max_file_bytes} bytes; it should hold one line")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("the passphrase file is not UTF-8 text") from None
    return text.rstrip("\r\n")
