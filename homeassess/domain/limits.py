"""The budgets every input must meet: photos, export files, typed text, passphrases, unlocking.

One place for each figure: ``resources/limits.toml``, read once here into frozen dataclasses.
The photo pipeline, the export reader, the command line and the window all take their limits
from ``PHOTO``, ``BUNDLE``, ``KDF``, ``TEXT``, ``PASSPHRASE`` and ``UNLOCK``; docs/limits.md
explains each figure. Checks run before the expensive work (decoding, decompressing,
decrypting, parsing) and refuse with a sentence that quotes nothing from the input.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from typing import Any

from homeassess.domain.data_files import resources_dir

LIMITS_FILE = "limits.toml"


@dataclass(frozen=True)
class PhotoLimits:
    max_file_bytes: int
    max_megapixels: int
    max_aspect_ratio: float
    max_jpeg_scans: int
    max_jpeg_scan_passes: float
    max_jpeg_coefficient_bytes: int

    @property
    def max_pixels(self) -> int:
        return self.max_megapixels * 1_000_000


@dataclass(frozen=True)
class BundleLimits:
    """Caps on an export file, checked on its headers and structure before anything is unpacked or parsed."""

    max_file_bytes: int
    max_total: int  # uncompressed bytes of all members together
    max_members: int
    max_photos: int
    max_document: int
    max_working_bytes: int
    max_print_bytes: int
    max_thumbnail_bytes: int
    max_manifest: int
    max_ratio: int
    max_json_depth: int
    max_json_values: int
    max_json_array: int
    max_json_string: int
    max_json_integer: int
    max_rooms: int
    max_responses_per_room: int
    max_recommendations: int
    max_position: int
    max_cost: int


@dataclass(frozen=True)
class KdfLimits:
    """scrypt cost for writing export files, and the bounds accepted when reading one."""

    n_log2: int
    r: int
    p: int
    min_n_log2: int
    max_n_log2: int
    max_r: int
    max_p: int
    max_memory_bytes: int
    max_work: int

    @property
    def n(self) -> int:
        return 2**self.n_log2

    def accepts(self, n: int, r: int, p: int) -> bool:
        """True for a cost this program will pay when reading a file (a power-of-two N within bounds)."""
        return (
            2**self.min_n_log2 <= n <= 2**self.max_n_log2 and n & (n - 1) == 0
            and 1 <= r <= self.max_r and 1 <= p <= self.max_p
            and 128 * n * r <= self.max_memory_bytes and n * r * p <= self.max_work
        )


@dataclass(frozen=True)
class TextLimits:
    """Longest text accepted, in characters: at entry in the window and on the command line, and at import."""

    line: int
    paragraph: int
    list_items: int


@dataclass(frozen=True)
class PassphraseLimits:
    max_file_bytes: int
    min_export_length: int


@dataclass(frozen=True)
class UnlockLimits:
    free_attempts: int
    first_delay_seconds: float
    max_delay_seconds: float


def _section(raw: dict[str, Any], name: str, cls: type) -> Any:  # one of the dataclasses above
    values = raw.get(name, {})
    names = {f.name for f in fields(cls)}
    renamed = {"max_total_bytes": "max_total", "max_document_bytes": "max_document", "max_manifest_bytes": "max_manifest"}
    values = {renamed.get(key, key): value for key, value in values.items()}
    missing, unknown = names - set(values), set(values) - names
    if missing or unknown:
        raise RuntimeError(f"{LIMITS_FILE} [{name}]: missing {sorted(missing)}, unknown {sorted(unknown)}")
    return cls(**values)


def _load() -> dict[str, Any]:
    with (resources_dir() / LIMITS_FILE).open("rb") as handle:
        return tomllib.load(handle)


_RAW = _load()
PHOTO: PhotoLimits = _section(_RAW, "photo", PhotoLimits)
BUNDLE: BundleLimits = _section(_RAW, "bundle", BundleLimits)
KDF: KdfLimits = _section(_RAW, "kdf", KdfLimits)
TEXT: TextLimits = _section(_RAW, "text", TextLimits)
PASSPHRASE: PassphraseLimits = _section(_RAW, "passphrase", PassphraseLimits)
UNLOCK: UnlockLimits = _section(_RAW, "unlock", UnlockLimits)

