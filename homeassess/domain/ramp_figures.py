"""Figures worked out from a measured rise: the ramp a total rise needs, under the profile judged by.

A total rise (``ramp_total_rise``) or the rise of one run (``ramp_rise``) is turned into the
horizontal run the profile's steepest slope allows, the number of runs its rise-per-run limit
gives, the landings (top, bottom and between runs) at its landing length, and the handrails with
their extensions. The limits come from the profile's own rules for ``ramp_slope``, ``ramp_rise``,
``landing_length`` and ``ramp_handrail_extension``, so the IRC's 36 in landing is used under the
IRC. The finding shows the result in its note.
"""

from __future__ import annotations

import math

from homeassess.domain.standards import StandardsProfile
from homeassess.domain.units import MM_PER_INCH, UnitSystem, format_length

# ADA 2010 §405.8 / §505.2: handrails on both sides once a ramp run rises more than 6 in (150 mm).
HANDRAIL_RISE_MM = 6 * MM_PER_INCH
RISE_ITEMS = ("ramp_total_rise", "ramp_rise")


def _limit(profile: StandardsProfile, item_id: str, side: str) -> float | None:
    limits = profile.limits_for(item_id)
    return None if limits is None else (limits.high if side == "high" else limits.low)


def _feet(mm: float, system: UnitSystem) -> str:
    text = format_length(mm, system)
    if system is UnitSystem.IMPERIAL and mm >= 24 * MM_PER_INCH:
        text += f" ({mm / 304.8:.1f} ft)".replace(".0 ft", " ft")
    return text


def ramp_figures(item_id: str, rise: float, profile: StandardsProfile, system: UnitSystem) -> str:
    """The worked-out ramp for ``rise`` (mm), in one or two sentences; "" for other items."""
    if item_id not in RISE_ITEMS:
        return ""
    if rise <= 0:
        return "No rise: no ramp is needed."
    slope = _limit(profile, "ramp_slope", "high")
    if not slope:
        return ""
    run = rise / slope
    slope_text = f"1:{1 / slope:.0f}"
    if item_id == "ramp_rise":
        text = f"At {slope_text} this rise needs a run of at least {_feet(run, system)}."
    else:
        per_run = _limit(profile, "ramp_rise", "high")
        runs = max(1, math.ceil(rise / per_run - 1e-9)) if per_run else 1
        landing = _limit(profile, "landing_length", "low")
        landing_text = f" at least {format_length(landing, system)} long" if landing else ""
        runs_text = "1 run" if runs == 1 else f"{runs} runs of no more than {format_length(per_run or 0, system)} rise each"
        text = (f"Worked out for this rise at {slope_text}: {_feet(run, system)} of sloped run in {runs_text}, "
                f"and {runs + 1} level landings{landing_text} (top, bottom"
                f"{' and between runs' if runs > 1 else ''}).")
        if landing and runs > 1:
            text += f" Overall length about {_feet(run + (runs - 1) * landing, system)} plus the top and bottom landings."
    if item_id == "ramp_total_rise" and rise > HANDRAIL_RISE_MM + 1e-6:
        extension = _limit(profile, "ramp_handrail_extension", "low")
        ext = f", extending {format_length(extension, system)} level beyond the top and bottom of each run" if extension else ""
        text += f" Handrails on both sides (rise over {format_length(HANDRAIL_RISE_MM, system)}){ext}."
    return text
