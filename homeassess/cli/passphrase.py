"""Where the command line gets the store passphrase: never from an argument."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from homeassess.cli.errors import Refused

ENV_VAR = "HOMEASSESS_PASSPHRASE"


def read_passphrase(passphrase_file: Path | None, *, creating: bool = False, env_var: str = ENV_VAR) -> str:
    if passphrase_file is not None:
        try:
            text = Path(passphrase_file).read_text(encoding="utf-8")
        except OSError:
            raise Refused("the passphrase file cannot be read") from None
        passphrase = text.rstrip("\r\n")
    elif os.environ.get(env_var):
        passphrase = os.environ[env_var]
    elif sys.stdin is not None and sys.stdin.isatty():
        passphrase = getpass.getpass("Store passphrase: ")
        if creating and getpass.getpass("Repeat the passphrase: ") != passphrase:
            raise Refused("the two passphrases differ")
    else:
        raise Refused(f"no passphrase: set {env_var} or use --passphrase-file")
    if not passphrase:
        raise Refused("the passphrase is empty")
    return passphrase
