"""The kinds of mobility device a client may use (pure Python, so person-fit rules load without pydantic)."""

from __future__ import annotations

from enum import StrEnum


class DeviceKind(StrEnum):
    CANE = "cane"
    CRUTCHES = "crutches"
    WALKER = "walker"
    ROLLATOR = "rollator"
    MANUAL_WHEELCHAIR = "manual_wheelchair"
    POWER_WHEELCHAIR = "power_wheelchair"
    SCOOTER = "scooter"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def is_wheeled_seat(self) -> bool:
        return self in (DeviceKind.MANUAL_WHEELCHAIR, DeviceKind.POWER_WHEELCHAIR, DeviceKind.SCOOTER)
