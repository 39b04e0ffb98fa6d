"""Validating the data files under ``resources/``: the only part of the domain that imports pydantic.

It runs once per content version (``homeassess.domain.resource_snapshot`` keeps the result) or
when a loader is given another folder. The result is plain JSON-ready data, from which the
domain's dataclasses are built without being checked again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassess.domain.catalogue import Catalogue
from homeassess.domain.validation.checklists import validate_checklists
from homeassess.domain.validation.library import validate_library
from homeassess.domain.validation.standards import PERSON_FIT_FILE, validate_person_fit, validate_standards


def validate_resources(root: Path) -> dict[str, Any]:
    """Catalogue, standards, person-fit rules and recommendation library of ``root``, as validated plain data."""
    catalogue_data = validate_checklists(root / "checklists")
    catalogue = Catalogue.from_data(catalogue_data)
    return {
        "catalogue": catalogue_data,
        "standards": validate_standards(root / "standards", catalogue),
        "person_fit": validate_person_fit(root / "standards" / PERSON_FIT_FILE),
        "library": validate_library(root / "recommendations" / "library.toml", catalogue),
    }
