"""Reports: gather an assessment into plain report data, build the PDF, save it and say so.

What an audience may read is decided here, at gather time, as well as in the builders:
a contractor's, landlord's or completion record's data carries no diagnosis, conditions,
limitations, referral, clinical rationale, notes or outcomes, and before one builds, every free
text in it (a room name, a caption, an edited recommendation, an installed item's note) is checked
for the client's diagnosis and conditions and for clinical words (``report/privacy.py``): with any
found the build is refused (``ClinicalWording``, each field listed) unless the clinician confirms
the text on purpose (``confirm_text``). Nothing is blanked or replaced. Contractor and landlord
reports list accepted recommendations only; the clinical one also counts the dismissed ones. A
follow-up's two reports come from its record (``report_follow_up.py``) and print no rooms.

Saving writes the file atomically, records a report (audience, sha256, page count,
file name without its folder) and an audit event whose detail holds no health information.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from homeassess.domain.catalogue import ItemKind
from homeassess.domain.units import LengthUnit, UnitSystem
from homeassess.domain.vocabulary import AssessmentStatus, RecommendationStatus
from homeassess.report import report_data as rd
from homeassess.report.build import page_count, render_report
from homeassess.report.from_domain import client_block, finding_row
from homeassess.report.millimetres import in_millimetres, to_millimetres
from homeassess.report.page_template import Cancelled, Progress, ReportCancelled
from homeassess.report.privacy import ClinicalWording, Hit, clinical_wording
from homeassess.services.audit_log import AuditAction
from homeassess.services.changes import Change, change
from homeassess.services.report_audiences import (
    ReportNotSaved,
    UnknownAudience,
    given_to,
    parse_audience,
    refuse_without_audience,
)
from homeassess.services.report_follow_up import audiences_for, gather_follow_up
from homeassess.services.report_recommendations import report_recommendations
from homeassess.services.report_site import (
    Judged,
    body_measures,
    existing_conditions,
    judge_rooms,
    printed_photos,
    ramp_figures,
    rise_of,
)
from homeassess.services.workspace import Workspace
from homeassess.store.atomic_file import write_atomically
from homeassess.store.location import staging_dir
from homeassess.store.repositories import ReportRepository
from homeassess.store.repositories.reports import ReportRecord

__all__ = ["ReportCancelled", "ReportNotSaved", "ReportService", "UnknownAudience"]

CHECKED = (rd.Audience.CONTRACTOR, rd.Audience.LANDLORD, rd.Audience.COMPLETION)  # free text checked for clinical wording
TENURE_LABELS = {"owner": "Owner-occupied", "renter": "Rented", "other": "Other"}


def _png(b64: str) -> bytes | None:
    if not b64:
        return None
    try:
        return base64.b64decode(b64, validate=True) or None
    except (binascii.Error, ValueError):
        return None


class ReportService:
    def __init__(self, workspace: Workspace, reports: ReportRepository | None = None) -> None:
        self.ws = workspace
        self.reports = reports or ReportRepository(workspace.store.engine)

    # --- gather --------------------------------------------------------------------------

    def gather(
        self,
        assessment_id: int,
        audience: str | rd.Audience,
        rooms: list[int] | None = None,
        include_photos: bool = True,
        paper_size: str | None = None,
        millimetres: bool = False,
        today: date | None = None,
        confirm_text: bool = False,
    ) -> rd.ReportData:
        """Everything one audience's report shows, as plain data; KeyError for an unknown id.

        ``ClinicalWording`` for a contractor or landlord whose free text has clinical wording,
        unless ``confirm_text`` (the clinician read the hits and lets the text print).
        """
        audience = parse_audience(audience)
        clinical = audience in (rd.Audience.CLINICAL, rd.Audience.FOLLOWUP)
        view = self.ws.assessments.open(assessment_id, audit=False)
        settings = self.ws.settings.load()
        details, client = view.details, view.client
        refuse_without_audience(audience, details.tenure)
        today = today or date.today()
        system = LengthUnit(details.unit).system
        # A clinician working in millimetres gets what --mm gives: every length of every text (a library
        # specification, a clearance) in millimetres, not only the measured values.
        millimetres = millimetres or system is UnitSystem.METRIC
        length = to_millimetres if millimetres else (lambda text: text)
        follow_up = gather_follow_up(self.ws, assessment_id, audience, UnitSystem.METRIC if millimetres else system,
                                     length, include_photos)  # the follow-up's reports print no rooms
        chosen = [r for r in view.rooms if follow_up is None and (rooms is None or r.id in set(rooms))]
        judged = judge_rooms(self.ws, assessment_id, {r.id for r in chosen})
        profile = self.ws.judge.standards.profile(details.standard)
        accepted = [v for v in self.ws.recommendations.list(assessment_id, (RecommendationStatus.ACCEPTED,))
                    if given_to(audience, v)]
        library = self.ws.judge.library
        room_blocks, whole_home = [], []
        with_photos = include_photos and audience in (rd.Audience.CLINICAL, rd.Audience.CONTRACTOR)
        for room in chosen:
            rise = rise_of(judged.get(room.id, []), system)
            ramp = ramp_figures(*rise, profile, system) if rise else ()
            recs = report_recommendations(
                [v for v in accepted if v.room_id == room.id], judged, library, clinical, length, ramp
            )
            room_blocks.append(
                rd.Room(
                    name=room.name,
                    room_type=room.room_type_name,
                    findings=tuple(  # only the clinical report prints findings
                        finding_row(j.finding, j.note, length) for j in judged.get(room.id, [])
                        if j.finding is not None and j.finding.verdict.is_finding
                    ) if clinical else (),
                    photos=self._photos(assessment_id, room.id, length) if with_photos else (),
                    recommendations=recs,
                    observations=self._observations(room.id) if clinical else (),
                    answered=room.answered, to_answer=room.total,
                    existing_conditions=() if clinical else existing_conditions(
                        self._notes(room.id, judged.get(room.id, [])), [client.diagnosis, *client.conditions]),
                )
            )
        if follow_up is None and len(chosen) == len(view.rooms):  # work not tied to a room goes with the whole home
            whole_home = list(
                report_recommendations(
                    [v for v in accepted if v.room_id is None], judged, library, clinical, length
                )
            )
        all_recs = [r for b in room_blocks for r in b.recommendations] + whole_home
        clinician = details.clinician or settings.clinician_name
        data = rd.ReportData(
            meta=rd.ReportMeta(
                report_id=f"HA-{assessment_id}-{audience.value}-{today:%Y%m%d}",
                generated=today,
                audience=audience,
                paper_size=(paper_size or settings.paper_size).lower(),
                unit_system="metric" if millimetres else "imperial",
                millimetres=millimetres,
            ),
            letterhead=rd.Letterhead(
                settings.agency_name, settings.agency_address, settings.agency_phone, _png(settings.agency_logo_png_b64)
            ),
            client=client_block(client, details.visit_date, system, clinical, body_measures(
                client, [j for room in judged.values() for j in room], system) if clinical else ()),
            visit=rd.VisitBlock(
                address=details.address,
                dwelling_type=details.dwelling_type,
                tenure=TENURE_LABELS.get(details.tenure, details.tenure),
                landlord_name=details.landlord_name,
                landlord_contact=details.landlord_contact,
                access_contact=details.access_contact,
                visit_date=details.visit_date.isoformat(),
                clinician=clinician,
                credentials=details.credentials or settings.clinician_credentials,
                licence=details.licence or settings.clinician_licence,
                phone=settings.clinician_phone,
                email=settings.clinician_email,
                referral=details.referral if clinical else "",
                standard=self._standard_name(details.standard),
            ),
            rooms=tuple(room_blocks),
            whole_home=tuple(whole_home),
            totals=rd.cost_totals(all_recs),
            signature=rd.Signature(
                clinician,
                details.credentials or settings.clinician_credentials,
                details.licence or settings.clinician_licence,
                today.isoformat(),
                _png(settings.signature_png_b64),
            ),
            dismissed_count=len(self.ws.recommendations.list(assessment_id, (RecommendationStatus.DISMISSED,))) if clinical else 0,
            undecided_count=len(self.ws.recommendations.list(assessment_id, (RecommendationStatus.PROPOSED,))) if clinical else 0,
            draft=clinical and view.status == AssessmentStatus.DRAFT,
            follow_up=follow_up,
        )
        if millimetres:
            data = in_millimetres(data)  # every length, in every free text too, by one rounding rule
        if audience in CHECKED and not confirm_text:
            hits = clinical_wording(data, [client.diagnosis, *client.conditions])
            if hits:
                raise ClinicalWording(audience, hits)
        return data

    def clinical_wording(self, assessment_id: int, audience: str | rd.Audience, **options: object) -> list[Hit]:
        """Where the free text of a contractor or landlord document has clinical wording (none for the others)."""
        audience = parse_audience(audience)
        if audience not in CHECKED:
            return []
        data = self.gather(assessment_id, audience, confirm_text=True, **options)  # type: ignore[arg-type]
        client = self.ws.assessments.open(assessment_id, audit=False).client
        return clinical_wording(data, [client.diagnosis, *client.conditions])

    def _notes(self, room_id: int, judged: list[Judged]) -> list[str]:
        """The room's notes and the notes beside its answers: where the building is described."""
        return [*self._observations(room_id), *(j.note for j in judged if j.note.strip())]

    def _observations(self, room_id: int) -> tuple[str, ...]:
        catalogue = self.ws.assessments.catalogue
        out = []
        for item_id, response in self.ws.checklist.rooms.responses(room_id).items():
            item = catalogue.items.get(item_id)
            if item is not None and item.kind is ItemKind.NOTE and response.value_text.strip():
                out.append(response.value_text.strip())
        return tuple(out)

    def _photos(self, assessment_id: int, room_id: int, length: Callable[[str], str]) -> tuple[rd.Photo, ...]:
        return printed_photos(self.ws, self.ws.photos_repo.list(assessment_id, room_id), length)

    def _standard_name(self, standard: str) -> str:
        try:
            return self.ws.judge.standards.profile(standard).name
        except KeyError:
            return standard

    # --- build, save ---------------------------------------------------------------------

    def build(
        self,
        assessment_id: int,
        audience: str | rd.Audience,
        rooms: list[int] | None = None,
        include_photos: bool = True,
        paper_size: str | None = None,
        millimetres: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        today: date | None = None,
        confirm_text: bool = False,
    ) -> bytes:
        """Gather and build in one call; progress runs 0..1 over both steps."""
        audience = parse_audience(audience)
        if progress is not None:
            progress(0.0, f"gathering the {audience.value} report")
        data = self.gather(assessment_id, audience, rooms, include_photos, paper_size, millimetres, today, confirm_text)
        if cancelled is not None and cancelled():
            raise ReportCancelled()

        def scaled(fraction: float, message: str) -> None:
            if progress is not None:
                progress(0.15 + 0.85 * fraction, message)

        return render_report(data, scaled, cancelled).pdf

    def measured_in_millimetres(self, assessment_id: int) -> bool:
        """A metric visit: its reports print every length in millimetres, whatever the option says."""
        return LengthUnit(self.ws.assessments.open(assessment_id, audit=False).details.unit).system is UnitSystem.METRIC

    def suggested_file_name(self, assessment_id: int, audience: str | rd.Audience) -> str:
        """``homeassess-12-clinical-2026-11-18.pdf``: no client name in a file name."""
        visit = self.ws.assessments.open(assessment_id, audit=False).details.visit_date
        return f"homeassess-{assessment_id}-{parse_audience(audience).value}-{visit.isoformat()}.pdf"

    def save(self, assessment_id: int, audience: str | rd.Audience, pdf: bytes, path: Path) -> Change:
        """Write the PDF atomically, then record it and audit it; ``Change.value`` is the ReportRecord. Refused
        (ReportNotSaved), with no record and no stray file, when the file cannot be written there."""
        audience = parse_audience(audience)
        path = Path(path)
        try:
            write_atomically(path, pdf, staging=staging_dir(self.ws.store.data_dir))  # no stray copy after a crash
        except OSError as exc:
            raise ReportNotSaved(f"The report could not be written there ({exc.strerror or 'error'}). Nothing was "
                                 "left half-written; choose another folder or free some space.") from None
        digest = hashlib.sha256(pdf).hexdigest()
        audit = self.ws.audit.entry(AuditAction.REPORT, assessment_id, f"{audience.value} {digest[:12]}")
        record = self.reports.add(assessment_id, audience.value, digest, page_count(pdf), path.name, audit)
        return change(label="save report", assessment_id=assessment_id, value=record)

    def printed(self, assessment_id: int, audience: str | rd.Audience, pages: int) -> Change:
        """Record in the audit trail that a report went to the printer (what, and how many pages)."""
        self.ws.audit.record(AuditAction.PRINT, assessment_id, f"{parse_audience(audience).value} {pages} pages")
        return change(label="print report", assessment_id=assessment_id)

    def history(self, assessment_id: int) -> list[ReportRecord]:
        return self.reports.list(assessment_id)

    def audiences(self, assessment_id: int) -> tuple[rd.Audience, ...]:
        """The audiences this assessment's reports have (a follow-up's two only for a follow-up)."""
        return audiences_for(self.ws, assessment_id)
