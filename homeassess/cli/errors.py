"""Exit codes and the one way a command refuses its input."""

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


class Refused(Exception):
    """The input was refused: the message is one line for stderr, with no health information."""
