"""The client-specific words of recommendation text: device, side and helper, filled from the profile.

Library texts never name a diagnosis, a side, a pronoun or a device kind; they use the template
fields below, whose wording for each device kind (and for no device, and no client) is data in
``resources/standards/person_fit.toml``. The primary device of the profile picks the wording, so
a text reads correctly for a cane, a walker, a scooter or a wheelchair user alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # judging without a client needs no pydantic
    from homeassess.domain.client_profile import ClientProfile

NO_DEVICE = "none"
NO_CLIENT = "unknown"
NOT_RECORDED = "unknown"
DEVICE_FIELDS = (
    "walks_or_wheels", "walk_or_wheel", "with_device", "from_seat", "reach_from",
    "device_edges", "device_handling", "crossing_technique", "transfer_target",
)
SIDE_FIELDS = ("stronger_side", "stronger_hand")
CLIENT_FIELDS = frozenset((*DEVICE_FIELDS, *SIDE_FIELDS, "caregiver"))
SIDES = ("left", "right", "both", NOT_RECORDED)


@dataclass(frozen=True)
class ClientWording:
    devices: dict[str, dict[str, str]]
    sides: dict[str, dict[str, str]]
    caregiver: dict[str, str]
    transfer_methods: dict[str, Any]  # the phrases of a seated transfer, and its seat_target

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ClientWording:
        return cls(data["devices"], data["sides"], data["caregiver"], data["transfer_methods"])

    def device_key(self, client: ClientProfile | None) -> str:
        """The wording table for this client: the primary device's kind, ``none`` or ``unknown``."""
        if client is None:
            return NO_CLIENT
        device = client.primary_device()
        return device.kind.value if device else NO_DEVICE

    def stands_to_transfer(self, client: ClientProfile | None) -> bool:
        return self.transfer_mode(client) == "stand"

    def transfer_mode(self, client: ClientProfile | None) -> str:
        """``"seat"`` or ``"stand"``: what the primary device's users do, unless the recorded transfer method names
        a slide across ("sliding board"), which is seated from any device; a client with no device stands."""
        default = self.devices[self.device_key(client)]["transfer"]
        if client is None or client.primary_device() is None:
            return default
        method = client.transfer_method.lower()
        return "seat" if any(phrase in method for phrase in self.transfer_methods["seat"]) else default

    def values(self, client: ClientProfile | None) -> dict[str, str]:
        """Every client template field with its words for this client."""
        device = self.devices[self.device_key(client)]
        side = self.sides[(client.usable_side if client else "") or NOT_RECORDED]
        values = {name: device[name] for name in DEVICE_FIELDS}
        values["with_device"] = f" {device['with_device']}" if device["with_device"] else ""
        values.update({name: side[name] for name in SIDE_FIELDS})
        values["caregiver"] = self.caregiver["recorded" if client and client.caregiver.strip() else "not_recorded"]
        if client is not None and (primary := client.primary_device()) and self.transfer_mode(client) != device["transfer"]:
            values["transfer_target"] = self.transfer_methods["seat_target"].format(device=primary.kind.label.lower())
        return values
