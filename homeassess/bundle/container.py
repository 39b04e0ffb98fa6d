"""The export file's container: a zip of a plaintext manifest and an AES-256-GCM payload.

``manifest.json`` holds the format, versions, scrypt parameters, nonce and export time
(nothing about the client); ``payload.bin`` is the inner zip encrypted under a key from
scrypt(passphrase), with the manifest bytes as associated data, so a changed manifest is
detected like a changed payload. Zips are read in memory with size and ratio caps checked
on the headers first, never extracted. Messages never quote values from the file.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from homeassess import __version__
from homeassess.domain.refusals import Refused

FORMAT = "homeassess-assessment"
CONTAINER_VERSION = 1
MANIFEST_MEMBER, PAYLOAD_MEMBER = "manifest.json", "payload.bin"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
CIPHER = "AES-256-GCM"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

DAMAGED = "wrong passphrase, or the file is damaged or was changed"
NOT_OURS = "this is not a HomeAssess assessment file"
NEWER = "this file was made by a newer HomeAssess; update HomeAssess to import it"
UNEXPECTED = "the file holds something HomeAssess did not put there; it will not be imported"


@dataclass(frozen=True)
class BundleLimits:
    """Caps checked on the zip headers before anything is decompressed, then while reading."""

    max_total: int = 2 * 1024**3  # uncompressed bytes of all members together
    max_ratio: int = 200  # uncompressed : compressed, per member above ratio_floor
    ratio_floor: int = 1024**2
    max_document: int = 64 * 1024**2
    max_manifest: int = 64 * 1024


class BundleError(Refused):
    """An export or import refused: one line for the clinician, with no health information."""


def derive_key(passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def pack_zip(members: dict[str, bytes]) -> bytes:
    """A zip with fixed member times, in the given order; JPEGs stored, the rest deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name.endswith(".jpg") else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def seal(inner_zip: bytes, passphrase: str) -> bytes:
    """The whole export file around an inner zip."""
    salt, nonce = os.urandom(16), os.urandom(12)
    manifest = json.dumps({
        "format": FORMAT, "container_version": CONTAINER_VERSION, "app_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": base64.b64encode(salt).decode()},
        "cipher": {"name": CIPHER, "nonce": base64.b64encode(nonce).decode()},
    }, indent=2).encode("utf-8")
    payload = AESGCM(derive_key(passphrase, salt)).encrypt(nonce, inner_zip, manifest)
    return pack_zip({MANIFEST_MEMBER: manifest, PAYLOAD_MEMBER: payload})


def read_zip(data: bytes, limits: BundleLimits, allowed: re.Pattern[str] | set[str]) -> dict[str, bytes]:
    """Every member, after checking names and declared sizes; never extracts to disk."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise BundleError(DAMAGED if data.startswith(b"PK\x03\x04") else NOT_OURS) from None
    names = [info.filename for info in infos]
    if any(_unsafe(name) for name in names):
        raise BundleError("the file holds a member with an unsafe path; it will not be imported")
    if len(set(names)) != len(names) or any(info.is_dir() or info.flag_bits & 0x1 for info in infos):
        raise BundleError(UNEXPECTED)
    if any(not (name in allowed if isinstance(allowed, set) else allowed.match(name)) for name in names):
        raise BundleError(UNEXPECTED)
    if sum(info.file_size for info in infos) > limits.max_total:
        raise BundleError("the file unpacks to more than HomeAssess accepts; it will not be imported")
    for info in infos:
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise BundleError("the file is packed suspiciously tightly (a zip bomb?); it will not be imported")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(UNEXPECTED)
    members = {}
    try:
        for info in infos:
            with archive.open(info) as stream:
                data_read = stream.read(info.file_size + 1)
            if len(data_read) != info.file_size:
                raise BundleError(DAMAGED)
            members[info.filename] = data_read
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        raise BundleError(DAMAGED) from None
    return members


def _unsafe(name: str) -> bool:
    parts = name.split("/")
    return (
        not name or name.startswith("/") or "\\" in name or ":" in name or "\x00" in name
        or any(part in ("", ".", "..") for part in parts)
    )


def unseal(data: bytes, passphrase: str, limits: BundleLimits) -> tuple[dict, bytes]:
    """The manifest (parsed) and the decrypted inner zip."""
    outer = read_zip(data, limits, {MANIFEST_MEMBER, PAYLOAD_MEMBER})
    if set(outer) != {MANIFEST_MEMBER, PAYLOAD_MEMBER}:
        raise BundleError("the file is incomplete (a part is missing)")
    raw = outer[MANIFEST_MEMBER]
    try:
        manifest = json.loads(raw) if len(raw) <= limits.max_manifest else None
    except (ValueError, UnicodeDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(NOT_OURS)
    version = manifest.get("container_version")
    if isinstance(version, int) and version > CONTAINER_VERSION:
        raise BundleError(NEWER)
    try:
        kdf, cipher = manifest["kdf"], manifest["cipher"]
        n, r, p = (int(kdf[k]) for k in "nrp")
        salt, nonce = base64.b64decode(kdf["salt"], validate=True), base64.b64decode(cipher["nonce"], validate=True)
        valid = (
            version == CONTAINER_VERSION and kdf["name"] == "scrypt" and cipher["name"] == CIPHER
            and 2**14 <= n <= 2**18 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4 and 128 * n * r <= 256 * 1024**2
            and 16 <= len(salt) <= 64 and len(nonce) == 12
        )
    except (KeyError, TypeError, ValueError):
        valid = False
    if not valid:
        raise BundleError(DAMAGED)
    try:
        inner = AESGCM(derive_key(passphrase, salt, n, r, p)).decrypt(nonce, outer[PAYLOAD_MEMBER], raw)
    except InvalidTag:
        raise BundleError(DAMAGED) from None
    return manifest, inner
