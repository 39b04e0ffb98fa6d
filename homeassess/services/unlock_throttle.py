"""A growing delay after repeated failed unlocks: the policy both unlock screens share (Qt-free).

The first ``UNLOCK.free_attempts`` failures cost nothing (a typo is not an attack); after that
each failure makes the next try wait ``first_delay_seconds``, then twice as long, and so on up
to ``max_delay_seconds``. A try made while the delay runs is refused without checking the
passphrase (:meth:`UnlockThrottle.too_soon` says how long to wait), so guessing at the lock
screen of an unattended laptop costs time. A success clears the count.

This slows guessing at the screen only. Someone with a copy of the store file is slowed by
SQLCipher's key derivation instead, and an export file by scrypt (docs/limits.md).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from homeassess.domain.limits import UNLOCK, UnlockLimits


class UnlockThrottle:
    def __init__(self, limits: UnlockLimits = UNLOCK, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self.failures = 0
        self._not_before = 0.0

    def wait_seconds(self) -> float:
        """How long until the next try is allowed (0: now)."""
        return max(0.0, self._not_before - self.clock())

    def may_try(self) -> bool:
        return self.wait_seconds() == 0.0

    def failed(self) -> float:
        """Record a wrong passphrase; returns the delay before the next try."""
        self.failures += 1
        delay = self.delay_after(self.failures)
        self._not_before = self.clock() + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self._not_before = 0.0

    def delay_after(self, failures: int) -> float:
        """The delay that follows ``failures`` failures in a row."""
        extra = failures - self.limits.free_attempts
        if extra <= 0:
            return 0.0
        return min(self.limits.max_delay_seconds, self.limits.first_delay_seconds * 2 ** min(extra - 1, 30))

    def refusal(self) -> str:
        """The sentence after a wrong passphrase: try again, now or after the delay it started."""
        seconds = math.ceil(self.wait_seconds())
        return "Wrong passphrase. Try again." if seconds <= 0 else f"Wrong passphrase. You can try again in {_seconds(seconds)}."

    def too_soon(self) -> str:
        """The sentence for a try made while the delay runs (the passphrase was not checked)."""
        return f"Wait {_seconds(math.ceil(self.wait_seconds()))} before trying again."


def _seconds(count: int) -> str:
    return f"{count} second" if count == 1 else f"{count} seconds"
