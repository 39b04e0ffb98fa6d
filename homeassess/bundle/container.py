"""The export file's container: a zip of a plaintext manifest and an AES-256-GCM payload.

``manifest.json`` holds the format, versions, scrypt cost and salt, nonce and export time
(nothing about the client); ``payload.bin`` is the inner zip encrypted under a key from
scrypt(passphrase), with the manifest bytes as associated data, so a changed manifest is
detected like a changed payload. Both outer members are *stored*: the payload is ciphertext,
which no compressor can shrink, and storing it lets import stream it from the file straight
into the decryptor (older files with deflated members are still read). Import never holds
the file, the ciphertext and the plaintext at once: the payload is decrypted in pieces into
one buffer, and the inner members are views into that buffer (``zip_reader.py``).
Messages never quote values from the file.
"""

from __future__ import annotations

import base64
import io
import json
import os
import unicodedata
import zipfile
from datetime import UTC, datetime
from typing import BinaryIO, TypeGuard

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from homeassess import __version__
from homeassess.bundle.zip_reader import (
    DAMAGED,
    NOT_OURS,
    TOO_BIG,
    UNEXPECTED,
    UNSAFE,
    ZIP_FAILURES,
    BundleError,
    BundleLimits,
    check_directory,
    pack_zip,
    read_zip,
    unsafe_name,
)
from homeassess.domain.limits import BUNDLE, KDF, KdfLimits

__all__ = [
    "CIPHER", "CONTAINER_VERSION", "DAMAGED", "FORMAT", "MANIFEST_MEMBER", "NEWER", "NOT_OURS", "PAYLOAD_MEMBER",
    "SCRYPT_N", "SCRYPT_P", "SCRYPT_R", "UNEXPECTED", "BundleError", "BundleLimits", "derive_key", "pack_zip",
    "read_zip", "seal", "unseal", "unseal_file",
]

FORMAT = "homeassess-assessment"
CONTAINER_VERSION = 1
MANIFEST_MEMBER, PAYLOAD_MEMBER = "manifest.json", "payload.bin"
SCRYPT_N, SCRYPT_R, SCRYPT_P = KDF.n, KDF.r, KDF.p
CIPHER = "AES-256-GCM"
TAG_BYTES = 16
PIECE = 1 << 20
MANIFEST_KEYS = {"format", "container_version", "app_version", "exported_at", "kdf", "cipher"}

NEWER = "this file was made by a newer HomeAssess; update HomeAssess to import it"


def derive_key(passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def seal(inner_zip: bytes, passphrase: str, kdf: KdfLimits = KDF) -> bytes:
    """The whole export file around an inner zip: two stored members, the cost written in the manifest."""
    salt, nonce = os.urandom(16), os.urandom(12)
    manifest = json.dumps({
        "format": FORMAT, "container_version": CONTAINER_VERSION, "app_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "kdf": {"name": "scrypt", "n": kdf.n, "r": kdf.r, "p": kdf.p, "salt": base64.b64encode(salt).decode()},
        "cipher": {"name": CIPHER, "nonce": base64.b64encode(nonce).decode()},
    }, indent=2).encode("utf-8")
    payload = AESGCM(derive_key(passphrase, salt, kdf.n, kdf.r, kdf.p)).encrypt(nonce, inner_zip, manifest)
    return pack_zip({MANIFEST_MEMBER: manifest, PAYLOAD_MEMBER: payload}, stored=True)


def unseal(data: bytes, passphrase: str, limits: BundleLimits = BUNDLE, kdf: KdfLimits = KDF) -> tuple[dict, bytearray]:
    """:func:`unseal_file` over bytes in memory."""
    return unseal_file(io.BytesIO(data), passphrase, limits, kdf)


def unseal_file(fp: BinaryIO, passphrase: str, limits: BundleLimits = BUNDLE, kdf: KdfLimits = KDF) -> tuple[dict, bytearray]:
    """The manifest (parsed and checked) and the decrypted inner zip, read from ``fp`` in pieces."""
    check_directory(fp, 2, too_many=UNEXPECTED)
    try:
        archive = zipfile.ZipFile(fp)
        infos = {info.filename: info for info in archive.infolist()}
    except ZIP_FAILURES:
        raise BundleError(DAMAGED) from None
    if any(unsafe_name(name) for name in infos):
        raise BundleError(UNSAFE)
    if set(infos) - {MANIFEST_MEMBER, PAYLOAD_MEMBER}:
        raise BundleError(UNEXPECTED)
    if set(infos) != {MANIFEST_MEMBER, PAYLOAD_MEMBER}:
        raise BundleError("the file is incomplete (a part is missing)")
    manifest_info, payload_info = infos[MANIFEST_MEMBER], infos[PAYLOAD_MEMBER]
    if payload_info.file_size > limits.max_total + TAG_BYTES:
        raise BundleError(TOO_BIG)
    if manifest_info.file_size > limits.max_manifest or payload_info.file_size < TAG_BYTES:
        raise BundleError(DAMAGED)
    for info in (manifest_info, payload_info):
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(UNEXPECTED)
    raw = _read_member(archive, manifest_info)
    manifest = parse_manifest(raw)
    kdf_params, cipher = manifest["kdf"], manifest["cipher"]
    n, r, p = kdf_params["n"], kdf_params["r"], kdf_params["p"]
    if not kdf.accepts(n, r, p):
        raise BundleError(DAMAGED)
    salt, nonce = _b64(kdf_params["salt"], 16, 64), _b64(cipher["nonce"], 12, 12)
    key = derive_key(passphrase, salt, n, r, p)
    return manifest, _decrypt(archive, payload_info, key, nonce, raw)


def parse_manifest(raw: bytes) -> dict:
    """The manifest as a dict whose every field has the expected type; refusals quote nothing."""
    try:
        manifest = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(NOT_OURS)
    version = manifest.get("container_version")
    if not _is_int(version):
        raise BundleError(DAMAGED)
    if version > CONTAINER_VERSION:
        raise BundleError(NEWER)
    kdf, cipher = manifest.get("kdf"), manifest.get("cipher")
    valid = (
        version == CONTAINER_VERSION and set(manifest) == MANIFEST_KEYS
        and isinstance(manifest["app_version"], str) and isinstance(manifest["exported_at"], str)
        and isinstance(kdf, dict) and set(kdf) == {"name", "n", "r", "p", "salt"} and kdf["name"] == "scrypt"
        and all(_is_int(kdf[k]) for k in "nrp") and isinstance(kdf["salt"], str)
        and isinstance(cipher, dict) and set(cipher) == {"name", "nonce"} and cipher["name"] == CIPHER
        and isinstance(cipher["nonce"], str)
    )
    if not valid:
        raise BundleError(DAMAGED)
    return manifest


def _no_constant(name: str) -> float:
    raise ValueError("NaN and Infinity are not JSON")


def _is_int(value: object) -> TypeGuard[int]:
    return type(value) is int


def _b64(text: str, low: int, high: int) -> bytes:
    try:
        value = base64.b64decode(text, validate=True) if len(text) <= 4 * high else b""
    except ValueError:
        value = b""
    if not low <= len(value) <= high:
        raise BundleError(DAMAGED)
    return value


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except ZIP_FAILURES:
        raise BundleError(DAMAGED) from None
    if len(data) != info.file_size:
        raise BundleError(DAMAGED)
    return data


def _decrypt(archive: zipfile.ZipFile, info: zipfile.ZipInfo, key: bytes, nonce: bytes, aad: bytes) -> bytearray:
    """Stream the payload through AES-GCM into one buffer; nothing is returned unless the tag checks out."""
    decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).decryptor()
    decryptor.authenticate_additional_data(aad)
    size = info.file_size - TAG_BYTES
    plain, done, tail = bytearray(size), 0, b""
    try:
        with archive.open(info) as stream:
            while piece := stream.read(PIECE):
                piece = tail + piece
                body, tail = piece[:-TAG_BYTES], piece[-TAG_BYTES:]
                if done + len(body) > size:
                    raise BundleError(DAMAGED)
                out = decryptor.update(body)
                plain[done:done + len(out)] = out
                done += len(out)
        if done != size or len(tail) != TAG_BYTES:
            raise BundleError(DAMAGED)
        decryptor.finalize_with_tag(tail)
    except InvalidTag:
        raise BundleError(DAMAGED) from None
    except ZIP_FAILURES:
        raise BundleError(DAMAGED) from None
    return plain
