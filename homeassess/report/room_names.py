"""A room's name printed once on each item.

The library starts a specification with its room ("Upstairs bathroom: reframe the opening ...") and
names it in its plain wording ("... in the upstairs bathroom"), so that each text reads on its own.
The reports print the room above the item as well (the room's heading, an item's room line), so
where they do, the item's own text leaves the repeated name out.
"""

from __future__ import annotations


def _name(room: str) -> str:
    return " ".join(room.split())  # as the library writes it in (recommendations.with_room)


def without_room(text: str, room: str, separator: str = ":") -> str:
    """``text`` without the room name and ``separator`` it starts with, the rest capitalised
    ("Reframe the opening ..."); unchanged when it does not start with them."""
    name, stripped = _name(room), text.lstrip()
    head = f"{name}{separator}"
    if not name or stripped[: len(head)].casefold() != head.casefold():
        return text
    rest = stripped[len(head) :].lstrip()
    return rest[:1].upper() + rest[1:] if rest else text


def names_room(text: str, room: str) -> bool:
    """Whether ``text`` already names the room ("... in the upstairs bathroom")."""
    name = _name(room)
    return bool(name) and name.casefold() in " ".join(text.split()).casefold()
