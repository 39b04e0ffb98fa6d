"""Exporting one assessment to an encrypted file, and importing such a file.

The format (container and JSON document) is in homeassess/bundle/ and docs/bundle-format.md;
the budgets in resources/limits.toml and docs/limits.md. Exports are transmissions (docs/pitfalls.md
§6): always encrypted, written atomically through the data folder's staging area (cleaned on
the next start), audited with counts and a file hash only. Import reads only a regular file,
checks every budget before the work it guards, validates everything (container, document,
catalogue, photo checksums, and every photo member as a JPEG within its rendition's size and
the photo budget) before writing anything, then inserts every row in one write transaction.
The photo members are inserted as views into the one decrypted buffer, never copied.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import ValidationError
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from homeassess.bundle.from_rows import document_from_rows
from homeassess.bundle.reader import read_bundle
from homeassess.bundle.schema import (
    DOCUMENT_MEMBER,
    AssessmentDocument,
    BundleError,
    BundleLimits,
    pack_zip,
    seal,
)
from homeassess.domain.limits import BUNDLE, KDF, PASSPHRASE, KdfLimits
from homeassess.services.audit_log import AuditAction
from homeassess.services.bundle_rows import insert_installations, insert_visit, match_recommendations, read_visit
from homeassess.services.workspace import Workspace
from homeassess.store.atomic_file import write_atomically
from homeassess.store.engine import SaveFailed
from homeassess.store.location import staging_dir
from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import (
    AssessmentRow,
    AuditRow,
    ClientRow,
    InstallationRow,
    stored_id,
)

__all__ = [
    "BundleError", "BundleInfo", "BundleLimits", "BundleService", "DuplicateAssessment", "ExportResult", "ImportResult",
]

FILE_SUFFIX = ".hax"
OnDuplicate = Literal["ask", "keep_both", "replace"]


class DuplicateAssessment(BundleError):
    """The file's assessment is already in the store: ask whether to keep both or replace."""

    def __init__(self, existing_id: int) -> None:
        super().__init__("this assessment is already in the store")
        self.existing_id = existing_id


@dataclass(frozen=True)
class BundleInfo:
    uid: str
    visit_date: date
    status: str
    client_name: str
    rooms: int
    photos: int
    recommendations: int
    catalogue_version: str
    existing_id: int | None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    rooms: int
    photos: int


@dataclass(frozen=True)
class ImportResult:
    assessment_id: int
    replaced_id: int | None
    new_uid: bool


# --- the service ---------------------------------------------------------------------------


class BundleService:
    def __init__(self, workspace: Workspace, limits: BundleLimits = BUNDLE, kdf: KdfLimits = KDF) -> None:
        self.ws = workspace
        self.engine = workspace.store.engine
        self.limits = limits
        self.kdf = kdf

    def suggested_file_name(self, assessment_id: int) -> str:
        row = self.ws.assessments.assessments.get(assessment_id)
        if row is None:
            raise BundleError(f"no assessment with id {assessment_id}")
        visit_date = row.fields["visit_date"]
        assert isinstance(visit_date, date)
        return f"homeassess-{row.id}-{visit_date.isoformat()}{FILE_SUFFIX}"

    # --- export --------------------------------------------------------------------------

    def export(self, assessment_id: int, path: Path, passphrase: str) -> ExportResult:
        if not passphrase:
            raise BundleError("an export needs a passphrase")
        if len(passphrase) < PASSPHRASE.min_export_length:
            raise BundleError(f"an export passphrase needs at least {PASSPHRASE.min_export_length} characters")
        document, files = self.document(assessment_id)
        if len(document.all_photos()) > self.limits.max_photos:
            raise BundleError(f"this assessment has more photos than one file can carry ({self.limits.max_photos})")
        inner = pack_zip({DOCUMENT_MEMBER: document.encode(), **files})
        if len(inner) > self.limits.max_total:
            raise BundleError("this assessment is too large to export in one file")
        data = seal(inner, passphrase, self.kdf)
        del inner, files
        path = Path(path)
        try:
            write_atomically(path, data, staging=staging_dir(self.ws.store.data_dir))
        except OSError as exc:
            raise BundleError(f"could not write the export file: {exc.strerror or 'error'}") from None
        digest = hashlib.sha256(data).hexdigest()[:16]
        detail = f"{len(document.rooms)} rooms, {len(document.photos)} photos, file sha256 {digest}"
        self.ws.audit.record(AuditAction.EXPORT, assessment_id, detail)
        return ExportResult(path, len(data), len(document.rooms), len(document.photos))

    def document(self, assessment_id: int) -> tuple[AssessmentDocument, dict[str, bytes]]:
        """The assessment as the export document plus its photo members (nothing written); a follow-up carries its original."""
        with read_session(self.engine) as s:
            visit = read_visit(s, assessment_id)
            original = read_visit(s, visit.assessment.parent_id) if visit.assessment.parent_id is not None else None
        try:
            return document_from_rows(visit, original)
        except (ValidationError, KeyError):
            raise BundleError("this assessment has records HomeAssess cannot export (a text over the limits in "
                              "docs/limits.md, or a damaged store)") from None

    # --- import --------------------------------------------------------------------------

    def inspect(self, path: Path, passphrase: str) -> BundleInfo:
        """What the file holds, fully validated, without writing anything."""
        doc, _ = self._validated(path, passphrase)
        existing = self.ws.assessments.assessments.id_of_uid(doc.assessment.uid)
        return BundleInfo(
            doc.assessment.uid, doc.assessment.visit_date, doc.assessment.status, doc.client.profile.name,
            len(doc.rooms), len(doc.photos), len(doc.recommendations), doc.assessment.catalogue_version,
            existing,
        )

    def import_file(self, path: Path, passphrase: str, on_duplicate: OnDuplicate = "ask") -> ImportResult:
        if on_duplicate not in ("ask", "keep_both", "replace"):
            raise ValueError(on_duplicate)
        doc, files = self._validated(path, passphrase)
        try:
            result = self._insert(doc, files, on_duplicate)
        except IntegrityError:
            raise BundleError("the assessment could not be imported: it conflicts with records in the store") from None
        except SaveFailed as exc:
            raise BundleError(str(exc)) from None
        return result

    def _validated(self, path: Path, passphrase: str) -> tuple[AssessmentDocument, dict[str, memoryview | bytes]]:
        return read_bundle(Path(path), passphrase, self.ws.judge, self.limits, self.kdf)

    def _insert(self, doc: AssessmentDocument, files: dict[str, memoryview | bytes], on_duplicate: OnDuplicate) -> ImportResult:
        header = doc.assessment
        clinician = self.ws.settings.load().clinician_name
        with write_session(self.engine) as s:
            existing = s.exec(select(AssessmentRow).where(AssessmentRow.uid == header.uid)).first()
            if existing is not None and on_duplicate == "ask":
                raise DuplicateAssessment(stored_id(existing.id))
            replace = existing is not None and on_duplicate == "replace"
            fresh = existing is not None and on_duplicate == "keep_both"
            old_id, old_client = (existing.id, existing.client_id) if existing is not None else (None, None)
            if existing is not None:
                s.expunge(existing)  # a deleted row's id can be handed out again below
            amendments: list[int] = []
            if replace:
                amendments = [stored_id(i) for i in s.exec(select(AssessmentRow.id).where(AssessmentRow.parent_id == old_id))]
                if amendments and s.exec(select(InstallationRow.id).where(col(InstallationRow.assessment_id).in_(amendments))).first():
                    raise BundleError("this assessment has a follow-up in the store that records its recommendations; "
                                      "import the file as a second copy instead of replacing it")
                s.exec(delete(AssessmentRow).where(col(AssessmentRow.id) == old_id))
                if s.exec(select(AssessmentRow.id).where(AssessmentRow.client_id == old_client)).first() is None:
                    s.exec(delete(ClientRow).where(col(ClientRow.id) == old_client))
            parent_id, original_recs, how_original = self._original(s, doc, files)
            inserted = insert_visit(s, doc, files, uid=str(uuid.uuid4()) if fresh else header.uid, parent_id=parent_id,
                                    fresh_photos=fresh, original_recs=original_recs)
            insert_installations(s, doc, inserted, original_recs)
            if amendments:
                s.exec(update(AssessmentRow).where(col(AssessmentRow.id).in_(amendments)).values(parent_id=inserted.id))
            how = "replaced an earlier copy" if replace else "kept as a second copy" if fresh else "new"
            s.add(AuditRow(action=AuditAction.IMPORT.value, clinician=clinician, assessment_id=inserted.id,
                           detail=f"{len(doc.rooms)} rooms, {len(doc.photos)} photos; {how}{how_original}"))
            s.flush()
            return ImportResult(inserted.id, old_id if replace else None, fresh)

    def _original(self, s: Session, doc: AssessmentDocument, files: dict[str, memoryview | bytes]) -> tuple[int | None, dict[str, int], str]:
        """The parent's id (the original a follow-up follows up) and its recommendations by the file's keys.

        An original the file carries is linked to the stored one with its uid when that one still has every
        recommendation; otherwise it is added (as a second copy if its uid is taken), so nothing in the file is lost.
        """
        header = doc.assessment
        if doc.original is None:
            parent = s.exec(select(AssessmentRow).where(AssessmentRow.uid == header.parent_uid)).first() \
                if header.parent_uid else None
            return (parent.id if parent else None), {}, ""
        stored = s.exec(select(AssessmentRow).where(AssessmentRow.uid == doc.original.assessment.uid)).first()
        if stored is not None:
            matched = match_recommendations(s, stored_id(stored.id), doc.original)
            if matched is not None:
                return stored_id(stored.id), matched, "; original already here"
        uid = str(uuid.uuid4()) if stored is not None else doc.original.assessment.uid
        original = insert_visit(s, doc.original, files, uid=uid, parent_id=None, fresh_photos=stored is not None,
                                original_recs={})
        s.add(AuditRow(action=AuditAction.IMPORT.value, clinician=self.ws.settings.load().clinician_name,
                       assessment_id=original.id,
                       detail=f"{len(doc.original.rooms)} rooms, {len(doc.original.photos)} photos; original of a follow-up"))
        return original.id, original.recommendations, "; with its original"
