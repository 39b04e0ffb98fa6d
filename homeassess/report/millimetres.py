"""A report with every length in millimetres (the ``--mm`` option; metric visits): the text conversion is
:func:`homeassess.domain.millimetres.to_millimetres`; names, addresses, dates and room names stay as they are."""

from __future__ import annotations

import dataclasses
from typing import TypeVar, cast

from homeassess.domain.millimetres import MM_PER_INCH, millimetres, to_millimetres
from homeassess.report.report_data import ClientBlock, Recommendation, ReportData, Room

__all__ = ["MM_PER_INCH", "in_millimetres", "millimetres", "to_millimetres"]

T = TypeVar("T")

# Who and where (names, addresses, phone numbers, dates, room names, the report id) stay as they are.
_KEEP = {
    ClientBlock: {"name", "date_of_birth", "age", "address", "phone", "caregiver"},
    Room: {"name"},
    Recommendation: {"room"},
}


def _walk(value: T) -> T:
    if isinstance(value, str):  # plain text only: an enum's value (a str) is no length
        return value if type(value) is not str else cast(T, to_millimetres(value))
    if isinstance(value, tuple):
        return cast(T, tuple(_walk(v) for v in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        skip = _KEEP.get(type(value), set())
        changes = {f.name: _walk(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init and f.name not in skip}
        return dataclasses.replace(value, **changes)
    return value


def in_millimetres(data: ReportData) -> ReportData:
    """The report with every length in its findings, photos, recommendations and client profile in mm."""
    return dataclasses.replace(
        data,
        client=_walk(data.client),
        rooms=_walk(data.rooms),
        whole_home=_walk(data.whole_home),
    )
