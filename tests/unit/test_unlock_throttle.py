"""The growing delay after repeated failed unlocks (the policy the lock screen and the unlock dialog share)."""

from __future__ import annotations

import dataclasses

from homeassess.domain.limits import UNLOCK
from homeassess.services.unlock_throttle import UnlockThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_typos_cost_nothing_then_each_failure_doubles_the_wait_up_to_the_cap():
    clock = Clock()
    throttle = UnlockThrottle(dataclasses.replace(UNLOCK, free_attempts=3, first_delay_seconds=1, max_delay_seconds=30), clock)
    delays = []
    for _ in range(10):
        delays.append(throttle.failed())
        clock.now += throttle.wait_seconds()  # the clinician waits each delay out
    assert delays == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30]


def test_a_try_during_the_delay_is_refused_with_the_seconds_left():
    clock = Clock()
    throttle = UnlockThrottle(dataclasses.replace(UNLOCK, free_attempts=0, first_delay_seconds=4), clock)
    assert throttle.may_try() and throttle.refusal() == "Wrong passphrase. Try again."
    throttle.failed()
    assert not throttle.may_try()
    assert throttle.refusal() == "Wrong passphrase. You can try again in 4 seconds."
    clock.now += 3.2
    assert throttle.too_soon() == "Wait 1 second before trying again."
    clock.now += 1
    assert throttle.may_try()


def test_success_starts_the_count_again():
    clock = Clock()
    throttle = UnlockThrottle(dataclasses.replace(UNLOCK, free_attempts=1), clock)
    throttle.failed()
    assert throttle.failed() > 0
    throttle.succeeded()
    assert throttle.may_try() and throttle.failed() == 0


def test_the_shipped_policy_slows_a_guesser_to_about_two_guesses_a_minute():
    throttle = UnlockThrottle()
    total = sum(throttle.delay_after(n) for n in range(1, 101))
    assert total / 100 > 25  # seconds per guess over 100 guesses
    assert throttle.delay_after(UNLOCK.free_attempts) == 0
