"""The library's plain wording read in the client's plan ("you") and in the tenant's letter to the landlord
("I"): neither speaks of "the client" to the client, or has the tenant speak of themself as "the client"."""

from __future__ import annotations

import re

import pytest

from homeassess.report.voice import in_voice

SUBJECT = {"client": "you", "tenant": "I"}


@pytest.mark.parametrize("voice", ["client", "tenant"])
def test_no_plain_text_of_the_library_says_the_client_in_the_clients_or_tenants_voice(judge, voice):
    for entry in judge.library.entries:
        said = in_voice(entry.plain, voice)
        assert "the client" not in said.lower(), (entry.id, said)
        # the verb agrees with "you" and "I": "so you fit", never "so you fits"
        assert not re.search(rf"\b{SUBJECT[voice]} (never )?(?!is\b|was\b|has\b|across\b)[a-z]+[^s]s\b", said), (entry.id, said)


def test_the_voices_read_as_a_person_would_say_them():
    plain = "Plug in small lights in the hall that come on by themselves when the client gets up at night."
    assert in_voice(plain, "client") == \
        "Plug in small lights in the hall that come on by themselves when you get up at night."
    ramp = "Install a ramp at the front entrance so the client can get in and out of the home."
    assert in_voice(ramp, "tenant") == "Install a ramp at the front entrance so I can get in and out of the home."
    assert in_voice("Fit a chair that carries the client up the stairs.", "tenant") == \
        "Fit a chair that carries me up the stairs."
    assert in_voice("Keep pets out of the client's path.", "client") == "Keep pets out of your path."
    assert in_voice("The client can reach it.", "client") == "You can reach it."
