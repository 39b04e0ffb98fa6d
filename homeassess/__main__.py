import sys

if sys.argv[1:2] == ["--exit-backup"]:  # the detached exit backup (homeassess/store/exit_backup.py)
    from homeassess.store.exit_backup import run_child

    sys.exit(run_child(sys.argv[2:]))

from homeassess.cli import main

sys.exit(main())
