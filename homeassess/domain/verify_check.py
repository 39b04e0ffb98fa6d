"""One as-installed check a library entry lists: a measurement that verifies installed work.

Its own module so that loading the library (every ``homeassess check``) does not load the follow-up's
records (``domain/follow_up.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VerifyCheck:
    """One measurement that verifies installed work, from the library entry (``[[...verify]]``).

    ``low``/``high`` are the specified range in stored units (mm, rise/run, count or kg); either may
    be None for a one-sided target. ``target`` is the specification as a reader sees it in inches
    ("33–36 in to the top of the gripping surface"); for millimetre mode, print
    ``homeassess.domain.as_installed.target_text(check.reading, check.low, check.high, check.measured_to, system)``.
    ``item_id`` names the catalogue item whose standard and person-fit rules also judge the value.
    ``installed`` opens the message ("Grab bar installed at"), ``measured_to`` says where the figure
    is taken ("to the top of the gripping surface"), ``correction`` is the template proposed when
    the value is outside the specified range (``{target}``, ``{measured}``), and ``plausible`` the
    range outside which a value is a unit slip (stored units; the item's own range when ``item_id``
    is set). See docs/catalogue.md, "As-installed checks".
    """

    id: str
    label: str
    reading: str  # "length", "slope", "count", "weight", "temperature", "force", "illuminance" (domain.readings)
    low: float | None
    high: float | None
    target: str
    item_id: str | None = None
    installed: str = ""
    measured_to: str = ""
    correction: str = ""
    plausible: tuple[float, float] | None = None
