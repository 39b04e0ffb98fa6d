"""Hostile export files, their document and photo members: each ends in a one-line refusal, the store unchanged.

Crafted documents (strict types, ranges, lengths, unknown fields, hostile JSON) and photo members
that are not what they claim (issue 15). Refusals never quote the file's content: not the
client's name, not an unknown field's name, not a catalogue id. The zip and container level is
in ``test_hostile_containers.py``; time and memory per case in ``benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import StoreTemplate, open_copy
from tests.hostile_bundle_fixtures import (
    CLIENT,
    assert_refused,
    members_of,
    sealed,
    set_field,
    small_export,
    with_photo_member,
)
from tests.hostile_corpus import (
    deep_json,
    jpeg,
    nested_document,
    png_bomb,
    png_header_only,
    scan_bomb,
    truncated_giant_jpeg,
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory, judge, empty_store_template):
    """The small export made once per module: the store it was made from (closed, to copy), its document (as
    JSON, to load afresh for each forgery) and its other members."""
    data_dir = tmp_path_factory.mktemp("small-export") / "store"
    data_dir.mkdir()
    ws = open_copy(empty_store_template, data_dir, judge)
    try:
        _, path = small_export(ws)
    finally:
        ws.close()
    document, members = members_of(path)
    return StoreTemplate(data_dir), json.dumps(document), members


@pytest.fixture
def small_export_copy(exported, data_dir, judge):
    """This test's own copy of the store the export was made from, the export's document and its members."""
    template, document, members = exported
    ws = open_copy(template, data_dir, judge)
    yield ws, json.loads(document), dict(members)
    ws.close()


DOCUMENT_CASES = {
    "schema_version true": (set_field("schema_version", True), "no known schema version"),
    "schema_version 1.0": (set_field("schema_version", 1.0), "no known schema version"),
    "integer 2^64": (set_field("recommendations", 0, "cost_high", 2**64), "outside the range HomeAssess accepts"),
    "integer 2^53": (set_field("rooms", 0, "position", 2**53), "outside the range HomeAssess accepts"),
    "negative cost": (set_field("recommendations", 0, "cost_low", -5), "outside the range HomeAssess accepts (at recommendations[0].cost_low)"),
    "negative position": (set_field("rooms", 1, "position", -1), "outside the range HomeAssess accepts (at rooms[1].position)"),
    "cost as text": (set_field("recommendations", 0, "cost_low", "100"), "not valid (at recommendations[0].cost_low)"),
    "flag as number": (set_field("photos", 0, "include_in_report", 1), "not valid (at photos[0].include_in_report)"),
    "900 KB room name": (set_field("rooms", 0, "name", "R" * 900_000), "a text in this file is longer than HomeAssess accepts"),
    "2 MB one-word specification": (set_field("recommendations", 0, "specification", "W" * 2_000_000),
                                    "a text in this file is longer than HomeAssess accepts"),
    "15,000-character specification": (set_field("recommendations", 0, "specification", "word " * 3_000),
                                       "longer than HomeAssess accepts (at recommendations[0].specification)"),
    "400-character room name": (set_field("rooms", 0, "name", "R" * 400), "longer than HomeAssess accepts (at rooms[0].name)"),
    "client name as an unknown field": (set_field("client", "profile", CLIENT, 1), "does not know (in client.profile)"),
    "unknown field named like a real one": (set_field("rooms", 0, "responses", 0, "title", "x"), "does not know (in rooms[0].responses[0])"),
    "client name in a list of 60": (set_field("client", "profile", "conditions", [CLIENT] * 60), "more entries than HomeAssess accepts (at client)"),
    "NUL in a caption": (set_field("photos", 0, "caption", "a\x00b"), "holds characters HomeAssess does not accept"),
    "unknown room type": (set_field("rooms", 0, "room_type", "ballroom_of_" + CLIENT.split()[0].lower()), "room type this HomeAssess"),
    "unknown item": (set_field("rooms", 0, "responses", 0, "item_id", "flux_capacitor"), "checklist item this HomeAssess"),
    "unknown library id": (set_field("recommendations", 0, "library_id", "Philippa's ramp"), "not valid (at recommendations[0].library_id)"),
    "too many rooms": (lambda d, m: d["rooms"].extend(dict(d["rooms"][0], key=f"room-{n}") for n in range(3, 300)),
                       "more entries than HomeAssess accepts (at rooms)"),
    "nested 20 deep": (lambda d, m: d["client"]["profile"].update(goals=[nested_document(20)]), "nested deeper"),
}


@pytest.mark.parametrize("case", list(DOCUMENT_CASES))
def test_a_crafted_document_is_refused_without_quoting_it(case, small_export_copy, tmp_path):
    ws, document, members = small_export_copy
    change, expected = DOCUMENT_CASES[case]
    change(document, members)
    message = assert_refused(ws, sealed(tmp_path / "bad.hax", document, members), expected)
    assert "ballroom" not in message and "flux" not in message and "ramp" not in message
    assert_refused(ws, sealed(tmp_path / "packed.hax", document, members, compress=True), "")


RAW_DOCUMENTS = {
    "200,000 brackets deep": (deep_json(), "cannot be read"),
    "NaN": (b'{"schema_version": 1, "x": NaN}', "cannot be read"),
    "1e400": (b'{"schema_version": 1, "x": 1e400}', "outside the range"),
    "5,000-digit integer": (b'{"schema_version": 1, "x": ' + b"9" * 5000 + b"}", "cannot be read"),
    "not UTF-8": (b'{"schema_version": 1, "x": "\xff"}', "cannot be read"),
    "lone surrogate": (b'{"schema_version": 1, "x": "\\ud800"}', "holds characters"),
    "half a million values": (b'{"schema_version": 1, "x": [' + b"0," * 600_000 + b"0]}", "more entries"),
}


@pytest.mark.parametrize("case", list(RAW_DOCUMENTS))
def test_a_document_that_is_hostile_json_is_refused(case, small_export_copy, tmp_path):
    ws, _, _ = small_export_copy
    raw, expected = RAW_DOCUMENTS[case]
    assert_refused(ws, sealed(tmp_path / "bad.hax", raw, {}), expected)


PHOTO_MEMBERS = {
    "HTML as a photo": (b"<html><script>alert(1)</script></html>", "a photo in the file cannot be imported: it is not a JPEG"),
    "PNG as a photo": (png_bomb(640, 480, 2), "not a JPEG"),
    "65000 x 65000 PNG header": (png_header_only(65000, 65000), "not a JPEG"),
    "truncated JPEG claiming 7071 x 7071": (truncated_giant_jpeg(), "larger than its kind of copy allows"),
    "truncated JPEG claiming 1500 x 1500": (truncated_giant_jpeg(1500), "cannot be imported: it is damaged"),
    "scan bomb": (scan_bomb(500, (256, 256)), "too many passes"),
    "another picture than the record says": (jpeg((320, 240)), "not the size its record says"),
}


@pytest.mark.parametrize("case", list(PHOTO_MEMBERS))
def test_a_photo_member_goes_through_the_photo_budget(case, small_export_copy, tmp_path):
    ws, document, members = small_export_copy
    data, expected = PHOTO_MEMBERS[case]
    with_photo_member(document, members, "working", data)
    message = assert_refused(ws, sealed(tmp_path / "bad.hax", document, members), expected)
    assert message.startswith("a photo in the file")
