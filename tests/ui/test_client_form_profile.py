"""The client form keeps what person-fit and the client wording need: usable side, primary device, other aids."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.units import LengthUnit
from homeassess.ui.dialogs.client_form import ClientForm


def test_editing_a_client_keeps_the_usable_side_the_primary_device_and_other_aids(qtbot):
    form = ClientForm()
    qtbot.addWidget(form)
    form.set_profile(ClientProfile.model_validate({
        "name": "Test", "usable_side": "left", "other_aids": ["long-handled reacher", "bath board"],
        "devices": [{"kind": "cane"}, {"kind": "walker", "overall_width": "25 in", "primary": True}],
    }))
    again = form.profile()
    assert again.usable_side == "left"
    assert again.other_aids == ["long-handled reacher", "bath board"]
    assert again.primary_device() is not None and again.primary_device().kind.value == "walker"
    assert {d.kind.value for d in again.devices} == {"walker", "cane"}


def test_a_wheelchair_width_typed_in_the_wrong_unit_is_refused_with_the_reading_that_fits(qtbot):
    form = ClientForm(unit=LengthUnit.MILLIMETRE)
    qtbot.addWidget(form)
    form.device_kind.setCurrentIndex(form.device_kind.findData("manual_wheelchair"))
    form.device_fields["overall_width"].setText("26")
    with pytest.raises(ValidationError) as caught:
        form.profile()
    assert "did you mean 26 in?" in caught.value.errors()[0]["msg"]
