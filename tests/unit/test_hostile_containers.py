"""Hostile export files at the zip and container level: special files, many members, bombs, manifests,
damaged deflate streams, older files, the KDF cost, and 650 byte flips of a real export (issue 15)."""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from homeassess.bundle import container
from homeassess.bundle.schema import DOCUMENT_MEMBER, MANIFEST_MEMBER, PAYLOAD_MEMBER, seal
from homeassess.domain.limits import BUNDLE, KDF
from homeassess.services.bundle_transfer import BundleError, BundleService
from tests.hostile_bundle_fixtures import (
    CHEAP,
    CLIENT,
    FILE_PASSPHRASE,
    another_store,
    assert_refused,
    members_of,
    outer_zip,
    sealed,
    small_export,
)
from tests.hostile_corpus import byte_flips, deep_json, many_members, zip_of, zip_of_copies


def test_two_thousand_members_of_a_mebibyte_are_refused_on_the_end_record(workspace, tmp_path):
    ws, _ = small_export(workspace)
    members = many_members(2040)
    inner = zip_of_copies(list(members), members["photos/p0/working.jpg"])  # zip_of's bytes, deflated once
    with zipfile.ZipFile(io.BytesIO(inner)) as archive:  # 2 GB unpacked in about 2 MB
        assert len(archive.infolist()) == 2040 and sum(i.file_size for i in archive.infolist()) == 2040 * 2**20
    path = tmp_path / "many.hax"
    path.write_bytes(seal(inner, FILE_PASSPHRASE, CHEAP))
    assert_refused(ws, path, "unpacks to more than HomeAssess accepts")


def test_small_members_are_held_to_the_compression_ratio_too(workspace, tmp_path):
    ws, path = small_export(workspace)
    document, members = members_of(path)
    bomb = dict(members)
    bomb[next(n for n in members if n.endswith("print.jpg"))] = b"\0" * 2**20  # 1 MiB of zeros, about 1 KB packed
    assert_refused(ws, sealed(tmp_path / "bomb.hax", document, bomb, compress=True), "zip bomb")


def test_the_total_is_checked_on_the_headers(workspace, tmp_path):
    ws, path = small_export(workspace)
    with pytest.raises(BundleError, match="more than HomeAssess accepts"):
        BundleService(ws, dataclasses.replace(BUNDLE, max_total=10_000), kdf=CHEAP).inspect(path, FILE_PASSPHRASE)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_special_files_are_refused_without_reading(workspace, tmp_path):
    ws, _ = small_export(workspace)
    fifo = tmp_path / "visit.hax"
    os.mkfifo(fifo)
    link = tmp_path / "zero.hax"
    link.symlink_to("/dev/zero")
    for path in (Path("/dev/zero"), link, fifo):
        assert_refused(ws, path, "not an ordinary file")
    folder = tmp_path / "folder.hax"
    folder.mkdir()
    assert_refused(ws, folder, "cannot be read")
    sparse = tmp_path / "huge.hax"
    with sparse.open("wb") as handle:
        handle.truncate(BUNDLE.max_file_bytes + 1)
    assert_refused(ws, sparse, "larger than HomeAssess accepts")


def test_crafted_manifests_are_refused(workspace, tmp_path):
    ws, path = small_export(workspace)
    with zipfile.ZipFile(path) as archive:
        manifest, payload = json.loads(archive.read(MANIFEST_MEMBER)), archive.read(PAYLOAD_MEMBER)
    cases = {
        "n = 2^64": ({**manifest, "kdf": {**manifest["kdf"], "n": 2**64}}, "damaged"),
        "n = 2^20 (1 GiB of memory)": ({**manifest, "kdf": {**manifest["kdf"], "n": 2**20}}, "damaged"),
        "p = 16": ({**manifest, "kdf": {**manifest["kdf"], "p": 16}}, "damaged"),
        "n as true": ({**manifest, "kdf": {**manifest["kdf"], "n": True}}, "damaged"),
        "version as true": ({**manifest, "container_version": True}, "damaged"),
        "extra field": ({**manifest, "note": CLIENT}, "damaged"),
        "deep": (b'{"format": "homeassess-assessment", "x": ' + deep_json(5_000) + b"}", "not a HomeAssess"),
        "over 64 KiB": (b'{"format": "homeassess-assessment", "x": ' + deep_json(100_000) + b"}", "damaged"),
        "Infinity": (json.dumps(manifest).replace('"p": 1', '"p": Infinity').encode(), "not a HomeAssess"),
    }
    for name, (bad, expected) in cases.items():
        target = tmp_path / f"{name}.hax"
        target.write_bytes(outer_zip(bad, payload))
        assert expected in assert_refused(ws, target, ""), name


def test_a_damaged_deflate_stream_is_a_refusal_not_a_crash(workspace, tmp_path):
    ws, path = small_export(workspace)
    with zipfile.ZipFile(path) as archive:
        manifest, payload = archive.read(MANIFEST_MEMBER), archive.read(PAYLOAD_MEMBER)
    data = bytearray(outer_zip(manifest, payload, deflated=True))  # the layout older versions wrote
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(MANIFEST_MEMBER)
    start = info.header_offset + 30 + len(info.filename)
    data[start + 3: start + 9] = b"\xff" * 6  # inside the manifest's deflate stream
    target = tmp_path / "zlib.hax"
    target.write_bytes(bytes(data))
    assert_refused(ws, target, "damaged")


def test_an_older_file_with_deflated_members_and_the_old_kdf_cost_is_still_read(workspace, judge, tmp_path):
    ws, path = small_export(workspace)
    document, members = members_of(path)
    inner = zip_of({DOCUMENT_MEMBER: json.dumps(document).encode(), **members}, compress=True)
    old = dataclasses.replace(KDF, n_log2=15)
    sealed_old = seal(inner, FILE_PASSPHRASE, old)
    with zipfile.ZipFile(io.BytesIO(sealed_old)) as archive:
        manifest, payload = archive.read(MANIFEST_MEMBER), archive.read(PAYLOAD_MEMBER)
    target = tmp_path / "old.hax"
    target.write_bytes(outer_zip(manifest, payload, deflated=True))
    assert json.loads(manifest)["kdf"]["n"] == 2**15
    with another_store(tmp_path / "other", judge) as other:
        result = BundleService(other).import_file(target, FILE_PASSPHRASE)
        assert other.assessments.open(result.assessment_id).client.name == CLIENT


def test_a_new_export_costs_what_owasp_asks_and_says_so(workspace, tmp_path):
    ws, _ = small_export(workspace)
    path = tmp_path / "real.hax"
    BundleService(ws).export(1, path, FILE_PASSPHRASE)
    with zipfile.ZipFile(path) as archive:
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
        kdf = json.loads(archive.read(MANIFEST_MEMBER))["kdf"]
    assert (kdf["name"], kdf["n"], kdf["r"], kdf["p"]) == ("scrypt", 2**17, 8, 1)
    assert BundleService(ws).inspect(path, FILE_PASSPHRASE).photos == 1


def test_650_byte_flips_of_a_real_export_each_end_in_a_refusal_or_a_valid_file(workspace, monkeypatch):
    ws, path = small_export(workspace)
    monkeypatch.setattr(container, "derive_key", functools.lru_cache(maxsize=8)(container.derive_key))
    service = BundleService(ws, kdf=CHEAP)
    outcomes = {"refused": 0, "valid": 0}
    for position, flipped in byte_flips(path.read_bytes(), 650):
        candidate = path.with_name("flipped.hax")
        candidate.write_bytes(flipped)
        try:
            info = service.inspect(candidate, FILE_PASSPHRASE)
        except BundleError as refused:
            assert "\n" not in str(refused) and "Philippa" not in str(refused), position
            outcomes["refused"] += 1
        else:
            assert info.client_name == CLIENT and info.photos == 1, position  # a flip zip readers ignore
            outcomes["valid"] += 1
    assert sum(outcomes.values()) == 650 and outcomes["refused"] > 500
