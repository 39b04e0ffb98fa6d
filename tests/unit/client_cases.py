"""Clients of every device kind (and none), for the person-fit and wording tests."""

from __future__ import annotations

from homeassess.domain.client_profile import ClientProfile

DEVICE_CLIENTS: dict[str, dict] = {
    "none": {},
    "cane": {"devices": [{"kind": "cane", "description": "single-point"}]},
    "crutches": {"devices": [{"kind": "crutches"}]},
    "walker": {"devices": [{"kind": "walker", "overall_width": "25 in", "overall_length": "20 in"}]},
    "rollator": {"devices": [{"kind": "rollator", "overall_width": "24 in", "overall_length": "27 in"}]},
    "scooter": {"devices": [{"kind": "scooter", "overall_width": "23 in", "overall_length": "46 in",
                             "seat_height": "20 in", "turning_diameter": "60 in"}]},
    "manual_wheelchair": {"devices": [{"kind": "manual_wheelchair", "overall_width": "26 in", "overall_length": "42 in",
                                       "seat_height": "19 1/2 in", "turning_diameter": "60 in"}]},
    "power_wheelchair": {"devices": [{"kind": "power_wheelchair", "overall_width": "27 in", "overall_length": "44 in",
                                      "seat_height": "21 in", "turning_diameter": "66 in"}]},
}
BODY = {"popliteal_height": "17 in", "seated_reach_low": "18 in", "seated_reach_high": "44 in",
        "standing_reach_high": "70 in", "weight_kg": 70}


def client(kind: str, **extra: object) -> ClientProfile:
    """A client whose primary device is ``kind`` (or none), with ordinary body measures."""
    return ClientProfile.model_validate({**DEVICE_CLIENTS[kind], "body": BODY, **extra})
