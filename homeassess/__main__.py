import sys

from homeassess.cli import main

sys.exit(main())
