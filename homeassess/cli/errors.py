"""Exit codes, and the one refusal type every layer raises (``homeassess.domain.refusals``)."""

from homeassess.domain.refusals import Refused

__all__ = ["EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "Refused"]

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
