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
from sqlmodel import col, select

from homeassess.bundle.document import document_from_rows
from homeassess.bundle.reader import read_bundle
from homeassess.bundle.schema import (
    DOCUMENT_MEMBER,
    RENDITIONS,
    AssessmentDocument,
    BundleError,
    BundleLimits,
    pack_zip,
    seal,
)
from homeassess.domain.limits import BUNDLE, KDF, PASSPHRASE, KdfLimits
from homeassess.services.audit_log import AuditAction
from homeassess.services.workspace import Workspace
from homeassess.store.atomic_file import write_atomically
from homeassess.store.engine import SaveFailed
from homeassess.store.location import staging_dir
from homeassess.store.repositories.session import read_session, write_session
from homeassess.store.tables import (
    AssessmentRow,
    AuditRow,
    ClientRow,
    PhotoDataRow,
    PhotoRow,
    RecommendationRow,
    ResponseRow,
    RoomRow,
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
        if len(document.photos) > self.limits.max_photos:
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
        """The assessment as the export document plus its photo members (nothing written)."""
        with read_session(self.engine) as s:
            row = s.get(AssessmentRow, assessment_id)
            if row is None:
                raise BundleError(f"no assessment with id {assessment_id}")
            parent = s.get(AssessmentRow, row.parent_id) if row.parent_id else None
            rooms = list(s.exec(select(RoomRow).where(RoomRow.assessment_id == assessment_id)))
            room_ids = [stored_id(room.id) for room in rooms]
            responses = list(s.exec(select(ResponseRow).where(col(ResponseRow.room_id).in_(room_ids))))
            photos = list(s.exec(select(PhotoRow).where(PhotoRow.assessment_id == assessment_id)))
            photo_ids = [stored_id(p.id) for p in photos]
            data = {d.photo_id: d for d in s.exec(select(PhotoDataRow).where(col(PhotoDataRow.photo_id).in_(photo_ids)))}
            recs = list(s.exec(select(RecommendationRow).where(RecommendationRow.assessment_id == assessment_id)))
            client = s.get(ClientRow, row.client_id)
        if client is None:
            raise BundleError("this assessment has records HomeAssess cannot export (a damaged store)")
        try:
            return document_from_rows(row, parent.uid if parent else None, client, rooms, responses,
                                      [(p, data[stored_id(p.id)]) for p in photos], recs)
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
                s.exec(delete(AssessmentRow).where(col(AssessmentRow.id) == old_id))
                if s.exec(select(AssessmentRow.id).where(AssessmentRow.client_id == old_client)).first() is None:
                    s.exec(delete(ClientRow).where(col(ClientRow.id) == old_client))
            parent = s.exec(select(AssessmentRow).where(AssessmentRow.uid == header.parent_uid)).first() \
                if header.parent_uid else None
            client = ClientRow(name=doc.client.profile.name, profile_json=doc.client.profile.model_dump_json(),
                               created_at=doc.client.created_at, updated_at=doc.client.updated_at)
            s.add(client)
            s.flush()
            fields = header.model_dump(exclude={"uid", "parent_uid"})
            row = AssessmentRow(**fields, uid=str(uuid.uuid4()) if fresh else header.uid, client_id=stored_id(client.id),
                                parent_id=parent.id if parent else None)
            s.add(row)
            s.flush()
            new_id = stored_id(row.id)
            rooms: dict[str, RoomRow] = {}
            for room in doc.rooms:
                rooms[room.key] = RoomRow(assessment_id=new_id, **room.model_dump(exclude={"key", "responses"}))
                s.add(rooms[room.key])
            s.flush()
            for room in doc.rooms:
                s.add_all(ResponseRow(room_id=stored_id(rooms[room.key].id), **r.model_dump()) for r in room.responses)
            taken = set(s.exec(select(PhotoRow.uid).where(col(PhotoRow.uid).in_([p.uid for p in doc.photos]))))
            for photo in doc.photos:
                member = {r: getattr(photo.files, r).member for r in RENDITIONS}
                photo_row = PhotoRow(
                    **photo.model_dump(exclude={"uid", "room", "files"}), assessment_id=new_id,
                    uid=str(uuid.uuid4()) if fresh or photo.uid in taken else photo.uid,
                    room_id=rooms[photo.room].id if photo.room else None, thumbnail=files[member["thumb"]],
                )
                s.add(photo_row)
                s.flush()
                s.add(PhotoDataRow(photo_id=stored_id(photo_row.id), working=files[member["working"]], print_copy=files[member["print"]]))
            for rec in doc.recommendations:
                s.add(RecommendationRow(**rec.model_dump(exclude={"room"}), assessment_id=new_id,
                                        room_id=rooms[rec.room].id if rec.room else None))
            if amendments:
                s.exec(update(AssessmentRow).where(col(AssessmentRow.id).in_(amendments)).values(parent_id=new_id))
            how = "replaced an earlier copy" if replace else "kept as a second copy" if fresh else "new"
            s.add(AuditRow(action=AuditAction.IMPORT.value, clinician=clinician, assessment_id=new_id,
                           detail=f"{len(doc.rooms)} rooms, {len(doc.photos)} photos; {how}"))
            s.flush()
            return ImportResult(new_id, old_id if replace else None, fresh)
