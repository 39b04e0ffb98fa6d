"""Where the store lives: the platform's user data folder, unless --data-dir says otherwise.

Inside it, folders the program owns and creates owner-only (0700): ``logs/``, ``backups/`` and
``staging/`` (temporary files of reports and exports where the system cannot keep them
unnamed; emptied on every start). The data folder itself gets 0700 only when the program
creates it: a folder named with ``--data-dir`` that already exists keeps the mode its owner gave it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "HomeAssess"
STORE_FILE_NAME = "homeassess.db"  # here, not in engine.py: the program asks whether a store exists before SQLAlchemy is imported


def default_data_dir() -> Path:
    override = os.environ.get("HOMEASSESS_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # not before the unlock dialog is painted when --data-dir names the folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def staging_dir(data_dir: Path) -> Path:
    return data_dir / "staging"
