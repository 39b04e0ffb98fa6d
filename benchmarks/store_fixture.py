"""Scenario stores for the benchmarks: real encrypted HomeAssess stores built the way a clinician's grow.

Two kinds:

* :func:`build_visit_store` — one assessment of ``rooms`` rooms (15 at full scale) recorded the
  way a clinician records it: every response goes through ``ChecklistService.record`` (parse,
  judge, commit, proposals), chosen from the demo visit's real answers so that exactly
  ``findings`` of them are findings (fails or advisory); then one proposal per finding is
  accepted and the rest dismissed, as after a review; then ``photos`` photos are attached
  (spread over the rooms, some to a finding's item), each a *distinct* 12-megapixel
  photograph-like JPEG (``benchmarks.photo_import.photographic_image``, shifted and marked per
  photo) run through the product pipeline (``homeassess.photos.process_photo``) and stored with
  ``PhotoRepository.add``. Used by the report, open-assessment, cold-start and store-size scenarios.

* :func:`build_list_store` — ``assessments`` assessments and ``photos`` photos (2,000 and 100,000
  at full scale) for the home screen. One template assessment (the demo visit's ten rooms and
  230 answers, recorded through the checklist service, proposals accepted or dismissed) is built
  through the services; the other assessments are **bulk-inserted** copies of its rows (client,
  assessment, rooms, responses, recommendations) in one transaction on a raw SQLCipher connection,
  each with its own client name, address, visit date (over four years) and status. Their photos
  are real rows (``photo`` + ``photo_data``) but with **small renditions** (a 64 px thumbnail and
  a 32 px working/print copy, drawn from a pool of distinct JPEGs): 100,000 full-size photos
  would be ~80 GB; the home screen never reads photo bytes, and the row count, the indexes and
  the per-assessment rows are what it pays for.

Stores are memoised per process (:func:`visit_store`, :func:`list_store`) in one temporary folder,
so several scenarios share a store built once per run. Sizes are measured right after building,
with the WAL checkpointed (``Store.close``), before any scenario touches the store.
"""

from __future__ import annotations

import atexit
import io
import json
import random
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

from benchmarks.photo_import import SIZE as PHOTO_SIZE
from benchmarks.photo_import import phone_exif, photographic_image
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge
from homeassess.domain.units import MeasurementError
from homeassess.photos import Renditions, process_photo
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.demo import load_demo_document
from homeassess.services.workspace import Workspace
from homeassess.store.engine import STORE_FILE_NAME, open_connection
from homeassess.store.store import Store

PASSPHRASE = "benchmark passphrase"
# Rooms 11-15 of the 15-room visit: a second room of a type the demo already has.
EXTRA_ROOMS = (
    ("entrance", "Back entrance"),
    ("hallway", "Upstairs hallway"),
    ("living_room", "Family room"),
    ("kitchen", "Basement kitchenette"),
    ("bathroom", "Ensuite bathroom"),
)
FIRST_NAMES = (
    "Alice", "Bernard", "Carmen", "Dorothy", "Edward", "Fatima", "George", "Helen", "Ivan", "Joan", "Kenneth",
    "Lucia", "Margaret", "Nathan", "Olga", "Patrick", "Rosa", "Samuel", "Teresa", "Walter", "Yvonne", "Zhang",
)
LAST_NAMES = (
    "Abbott", "Baker", "Castillo", "Dunn", "Ellis", "Fischer", "Gonzalez", "Hernandez", "Ito", "Jensen", "Kowalski",
    "Lopez", "Murphy", "Nguyen", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Turner", "Ueda", "Vasquez",
    "Williams", "Young",
)
STREETS = (
    "Maple", "Oak", "Cedar", "Elm", "Birch", "Willow", "Chestnut", "Walnut", "Spruce", "Hawthorn", "Juniper",
    "Laurel", "Magnolia", "Poplar", "Sycamore", "Aspen",
)
STREET_KINDS = ("Street", "Avenue", "Road", "Lane", "Drive", "Court")
TOWNS = ("Springfield", "Riverton", "Lakeside", "Fairview", "Greenville", "Milford", "Ashland", "Clayton")
SEARCH_TERM = "Hernandez"  # typed a letter at a time in the search-as-you-type scenario


# --- photos ------------------------------------------------------------------------------------


def photo_sources(count: int, seed: int = 20240601, size: tuple[int, int] = PHOTO_SIZE):
    """Yield ``count`` distinct photograph-like JPEGs (bytes, q92, phone EXIF) of ``size`` pixels.

    One base picture is made once; each photo is that picture shifted (wrapping) by a different
    offset with a few hard-edged marks of its own, so no two photos (or renditions) are equal.
    """
    base = photographic_image(seed, size)
    rng = random.Random(seed + 1)
    for n in range(count):
        picture = ImageChops.offset(base, rng.randrange(size[0]), rng.randrange(size[1]))
        draw = ImageDraw.Draw(picture)
        for _ in range(6):
            x, y = rng.randrange(size[0]), rng.randrange(size[1])
            w, h = rng.randrange(size[0] // 20 + 2, size[0] // 4 + 3), rng.randrange(size[1] // 20 + 2, size[1] // 4 + 3)
            draw.rectangle((x, y, x + w, y + h), outline=tuple(rng.randrange(256) for _ in range(3)),
                           width=max(2, size[0] // 400))
        out = io.BytesIO()
        picture.save(out, "JPEG", quality=92, exif=phone_exif(1 if n % 5 else 6))  # every fifth shot in portrait
        yield out.getvalue()


def small_jpegs(count: int, side: int, seed: int) -> list[bytes]:
    """``count`` distinct small JPEGs (longest side ``side``), for the list store's photo rows."""
    base = photographic_image(seed, (side * 8, side * 6))
    out = []
    for n in range(count):
        picture = ImageChops.offset(base, n * 7, n * 3).resize((side, side * 3 // 4), Image.Resampling.BILINEAR)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        out.append(buffer.getvalue())
    return out


# --- recording a visit through the services ----------------------------------------------------


def open_workspace(data_dir: Path, *, create: bool = False) -> Workspace:
    return Workspace.build(Store.open(Path(data_dir), PASSPHRASE, create=create), Judge.load())


def _demo_details(doc: dict, address: str | None = None, visit: date | None = None) -> AssessmentDetails:
    home, v = doc.get("home", {}), doc.get("visit", {})
    return AssessmentDetails(
        visit_date=visit or v["date"], clinician=v.get("clinician", ""), credentials=v.get("credentials", ""),
        licence=v.get("licence", ""), referral=v.get("referral", ""), address=address or home.get("address", ""),
        dwelling_type=home.get("dwelling_type", ""), tenure=home.get("tenure", ""),
        landlord_name=home.get("landlord_name", ""), landlord_contact=home.get("landlord_contact", ""),
        access_contact=home.get("access_contact", ""), standard=doc.get("standard", "ada2010"), unit=doc.get("unit", "in"),
    )


def _room_plan(doc: dict, rooms: int) -> list[tuple[str, str, dict]]:
    """(room type, name, demo answers) for ``rooms`` rooms: the demo's ten, then EXTRA_ROOMS, then repeats."""
    demo_rooms = doc["rooms"]
    by_type = {r["type"]: r for r in demo_rooms}
    plan = [(r["type"], r.get("name", ""), r.get("responses", {})) for r in demo_rooms]
    plan += [(t, name, by_type[t].get("responses", {})) for t, name in EXTRA_ROOMS if t in by_type]
    n = 2
    while len(plan) < rooms:
        plan += [(t, f"{name} {n}", answers) for t, name, answers in plan[: len(demo_rooms)]]
        n += 1
    return plan[:rooms]


def record_visit(ws: Workspace, rooms: int, findings: int | None, *, client_name: str | None = None,
                 address: str | None = None, uid: str | None = None) -> int:
    """Create an assessment of ``rooms`` rooms and record the demo's answers in it through the services.

    ``findings``: how many of the recorded answers are findings (None: every demo answer, whatever
    it yields). Returns the assessment id.
    """
    doc = load_demo_document()
    plan = _room_plan(doc, rooms)
    client = dict(doc["client"])
    if client_name:
        client["name"] = client_name
    new = NewAssessment(client=ClientProfile.model_validate(client), details=_demo_details(doc, address),
                        rooms=[RoomSpec(type=t, name=name) for t, name, _ in plan], uid=uid)
    assessment_id = ws.assessments.create(new).value
    views = ws.assessments.room_views(assessment_id)
    catalogue = ws.judge.catalogue

    answers: list[list[tuple[str, str, str, bool]]] = []  # per room: (item, text, note, is a finding)
    for view, (_, _, responses) in zip(views, plan, strict=True):
        ctx = ws.assessments.context(assessment_id, view.name)
        room_answers = []
        for item_id, value in responses.items():
            text, note = (value.get("value", ""), value.get("note", "")) if isinstance(value, dict) else (str(value), "")
            try:
                finding = ws.checklist.evaluate(catalogue.item(item_id), text, ctx)
            except (MeasurementError, KeyError):
                continue
            room_answers.append((item_id, text, note, bool(finding and finding.verdict.is_finding)))
        answers.append(room_answers)

    chosen: set[tuple[int, str]] = set()
    if findings is None:
        chosen = {(r, a[0]) for r, room in enumerate(answers) for a in room if a[3]}
    else:  # round robin over the rooms until the target is reached
        queues = [[a[0] for a in room if a[3]] for room in answers]
        while len(chosen) < findings and any(queues):
            for r, queue in enumerate(queues):
                if queue and len(chosen) < findings:
                    chosen.add((r, queue.pop(0)))
    for r, (view, room_answers) in enumerate(zip(views, answers, strict=True)):
        for item_id, text, note, is_finding in room_answers:
            if is_finding and (r, item_id) not in chosen:
                continue
            ws.checklist.record(view.id, item_id, text)
            if note:
                ws.checklist.set_note(view.id, item_id, note)

    seen: set[tuple[int | None, str | None]] = set()  # accept one proposal per finding, dismiss the rest
    accept, dismiss = [], []
    for rec in ws.recommendations.list(assessment_id, ("proposed",)):
        key = (rec.room_id, rec.item_id)
        (dismiss if key in seen else accept).append(rec.ref)
        seen.add(key)
    ws.recommendations.set_status(assessment_id, accept, "accepted")
    ws.recommendations.set_status(assessment_id, dismiss, "dismissed")
    return assessment_id


# --- the visit store ---------------------------------------------------------------------------


@dataclass
class VisitStore:
    data_dir: Path
    assessment_id: int
    rooms: int
    photos: int
    findings: int
    recommendations: int
    photo_bytes: int  # working + print copy + thumbnail, summed over the photos
    print_copy_bytes: int
    store_bytes: int  # the store file after building (WAL checkpointed)
    build_s: float
    first_room_photos: int = 0
    source_size: tuple[int, int] = PHOTO_SIZE


def build_visit_store(data_dir: Path, rooms: int = 15, photos: int = 100, findings: int | None = 60,
                      source_size: tuple[int, int] = PHOTO_SIZE, seed: int = 20240601) -> VisitStore:
    started = time.perf_counter()
    ws = open_workspace(data_dir, create=True)
    try:
        assessment_id = record_visit(ws, rooms, findings)
        views = ws.assessments.room_views(assessment_id)
        finding_items = [(room.id, response.item_id) for room, response, _ in ws.checklist.findings(assessment_id)]
        per_room = [photos // len(views) + (1 if i < photos % len(views) else 0) for i in range(len(views))]
        photo_bytes = print_bytes = 0
        sources = photo_sources(photos, seed, source_size)
        n = 0
        for view, count in zip(views, per_room, strict=True):
            items = [item for room_id, item in finding_items if room_id == view.id]
            for k in range(count):
                renditions: Renditions = process_photo(next(sources))
                item = items[k % len(items)] if items and k % 2 == 0 else None  # half of them on a finding's item
                ws.photos_repo.add(
                    assessment_id, view.id, item, working=renditions.working, print_copy=renditions.print_copy,
                    thumbnail=renditions.thumbnail, width=renditions.width, height=renditions.height,
                    sha256=renditions.sha256, orientation_unknown=renditions.orientation_unknown,
                    caption=f"{view.name}, photo {k + 1}",
                )
                photo_bytes += len(renditions.working) + len(renditions.print_copy) + len(renditions.thumbnail)
                print_bytes += len(renditions.print_copy)
                n += 1
        found = len(ws.checklist.findings(assessment_id))
        recs = len(ws.recommendations.list(assessment_id, ("accepted",)))
    finally:
        ws.close()
    return VisitStore(
        data_dir=Path(data_dir), assessment_id=assessment_id, rooms=len(views), photos=n, findings=found,
        recommendations=recs, photo_bytes=photo_bytes, print_copy_bytes=print_bytes, store_bytes=store_size(data_dir),
        build_s=time.perf_counter() - started, first_room_photos=per_room[0] if per_room else 0, source_size=source_size,
    )


# --- the list store ----------------------------------------------------------------------------


@dataclass
class ListStore:
    data_dir: Path
    assessments: int
    photos: int
    photo_bytes: int
    store_bytes: int
    build_s: float
    listed: int  # assessments the home screen's default filter (drafts and finals) shows
    search_term: str = SEARCH_TERM
    template: dict = field(default_factory=dict)  # rows per assessment copied from the template


def _columns(conn, table: str) -> list[str]:  # a sqlcipher connection
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _rows(conn, table: str, where: str, params: tuple) -> tuple[list[str], list[tuple]]:
    cols = [c for c in _columns(conn, table) if c != "id"]
    ids_and_rows = conn.execute(f"SELECT id, {', '.join(cols)} FROM {table} WHERE {where} ORDER BY id", params).fetchall()
    return cols, ids_and_rows


def _insert_sql(table: str, cols: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"


Rendition = tuple[bytes, bytes, bytes, int, int]  # thumbnail, working copy, print copy, width, height


def stored_renditions(data_dir: Path, count: int) -> list[Rendition]:
    """The first ``count`` photos of the store at ``data_dir`` as the photo pipeline stored them."""
    conn = open_connection(Path(data_dir) / STORE_FILE_NAME, PASSPHRASE)
    try:
        return [tuple(row) for row in conn.execute(  # type: ignore[misc]
            "SELECT p.thumbnail, d.working, d.print_copy, p.width, p.height FROM photo p"
            " JOIN photo_data d ON d.photo_id = p.id ORDER BY p.id LIMIT ?", (count,))]
    finally:
        conn.close()


def build_list_store(data_dir: Path, assessments: int = 2000, photos: int = 100_000, template_rooms: int = 10,
                     seed: int = 20240601, renditions: list[Rendition] | None = None) -> ListStore:
    """Many assessments copied from one recorded visit, with ``photos`` spread over them: small stand-in JPEGs
    (the home list reads rows, not photos), or, given ``renditions``, those photos as the pipeline stores them."""
    started = time.perf_counter()
    rng = random.Random(seed)
    ws = open_workspace(data_dir, create=True)
    try:
        template_id = record_visit(ws, template_rooms, None, client_name="Template Client")
    finally:
        ws.close()
    thumbs, smalls = small_jpegs(64, 64, seed), small_jpegs(64, 32, seed + 7)
    conn = open_connection(Path(data_dir) / STORE_FILE_NAME, PASSPHRASE)
    try:
        a_cols, (a_row,) = _rows(conn, "assessment", "id = ?", (template_id,))
        c_cols, (c_row,) = _rows(conn, "client", "id = (SELECT client_id FROM assessment WHERE id = ?)", (template_id,))
        r_cols, rooms = _rows(conn, "room", "assessment_id = ?", (template_id,))
        s_cols, responses = _rows(conn, "response", "room_id IN (SELECT id FROM room WHERE assessment_id = ?)", (template_id,))
        m_cols, recs = _rows(conn, "recommendation", "assessment_id = ?", (template_id,))
        p_cols = [c for c in _columns(conn, "photo") if c != "id"]
        d_cols = _columns(conn, "photo_data")
        template = {"rooms": len(rooms), "responses": len(responses), "recommendations": len(recs)}
        a_template, c_template = dict(zip(a_cols, a_row[1:], strict=True)), dict(zip(c_cols, c_row[1:], strict=True))
        profile = json.loads(c_template["profile_json"])
        first_visit = date(2021, 1, 4)
        per_assessment = [photos // assessments + (1 if i < photos % assessments else 0) for i in range(assessments)]
        photo_bytes = 0
        listed = 0
        conn.execute("BEGIN IMMEDIATE")
        for i in range(assessments):
            if i == 0:  # the template itself is the first assessment; it only gets photos
                aid = template_id
                room_ids = [r[0] for r in rooms]
                status = a_template["status"]
            else:
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                profile["name"] = name
                client = dict(c_template, name=name, profile_json=json.dumps(profile))
                client_id = conn.execute(_insert_sql("client", c_cols), [client[c] for c in c_cols]).lastrowid
                visit = first_visit + timedelta(days=rng.randrange(4 * 365))
                status = rng.choices(("final", "draft", "archived"), (70, 20, 10))[0]
                stamp = f"{visit.isoformat()} 15:30:00.000000"
                row = dict(
                    a_template, uid=str(uuid.UUID(int=rng.getrandbits(128))), client_id=client_id, status=status,
                    visit_date=visit.isoformat(), created_at=stamp, updated_at=stamp,
                    finalised_at=stamp if status != "draft" else None,
                    address=f"{rng.randrange(1, 9999)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}, {rng.choice(TOWNS)}",
                )
                aid = conn.execute(_insert_sql("assessment", a_cols), [row[c] for c in a_cols]).lastrowid
                room_map = {}
                for room in rooms:
                    values = dict(zip(r_cols, room[1:], strict=True), assessment_id=aid)
                    room_map[room[0]] = conn.execute(_insert_sql("room", r_cols), [values[c] for c in r_cols]).lastrowid
                room_ids = list(room_map.values())
                conn.executemany(_insert_sql("response", s_cols), [
                    [room_map[v] if c == "room_id" else v for c, v in zip(s_cols, r[1:], strict=True)] for r in responses
                ])
                conn.executemany(_insert_sql("recommendation", m_cols), [
                    [aid if c == "assessment_id" else room_map.get(v) if c == "room_id" else v
                     for c, v in zip(m_cols, r[1:], strict=True)] for r in recs
                ])
            listed += status in ("draft", "final")
            for k in range(per_assessment[i]):
                if renditions:
                    thumb, working, print_copy, width, height = renditions[(i * 3 + k) % len(renditions)]
                else:
                    thumb, width, height = thumbs[(i + k) % len(thumbs)], 32, 24
                    working = print_copy = smalls[(i * 3 + k) % len(smalls)]
                values = {
                    "uid": str(uuid.UUID(int=rng.getrandbits(128))), "assessment_id": aid,
                    "room_id": room_ids[k % len(room_ids)] if room_ids else None, "item_id": None,
                    "caption": f"Photo {k + 1}", "include_in_report": 1, "position": k, "width": width, "height": height,
                    "sha256": "0" * 64, "orientation_unknown": 0, "thumbnail": thumb,
                    "created_at": "2024-01-01 12:00:00.000000",
                }
                photo_id = conn.execute(_insert_sql("photo", p_cols), [values.get(c) for c in p_cols]).lastrowid
                data = {"photo_id": photo_id, "working": working, "print_copy": print_copy}
                conn.execute(_insert_sql("photo_data", d_cols), [data.get(c) for c in d_cols])
                photo_bytes += len(thumb) + len(working) + len(print_copy)
        conn.execute("COMMIT")
    finally:
        conn.close()
    Store.open(Path(data_dir), PASSPHRASE).close()  # checkpoint the WAL into the file, as a clean exit does
    return ListStore(
        data_dir=Path(data_dir), assessments=assessments, photos=sum(per_assessment), photo_bytes=photo_bytes,
        store_bytes=store_size(data_dir), build_s=time.perf_counter() - started, listed=listed, template=template,
    )


def store_size(data_dir: Path) -> int:
    """Bytes of the store file plus any WAL left beside it."""
    base = Path(data_dir) / STORE_FILE_NAME
    return sum(p.stat().st_size for p in (base, base.with_name(base.name + "-wal")) if p.exists())


# --- per-process memo --------------------------------------------------------------------------

_root: Path | None = None
_memo: dict[tuple, object] = {}


def use_root(folder: Path | None) -> None:
    """Build stores under ``folder`` from now on (None: a temporary folder), forgetting those built so far."""
    global _root
    _root = Path(folder) if folder is not None else None
    _memo.clear()


def scratch_dir(prefix: str) -> Path:
    """A fresh folder inside this process's benchmark folder (removed at exit)."""
    global _root
    if _root is None:
        _root = Path(tempfile.mkdtemp(prefix="homeassess-bench-"))
        atexit.register(shutil.rmtree, _root, True)
    _root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix + "-", dir=_root))


def visit_store(rooms: int = 15, photos: int = 100, findings: int | None = 60,
                source_size: tuple[int, int] = PHOTO_SIZE) -> VisitStore:
    key = ("visit", rooms, photos, findings, source_size)
    if key not in _memo:
        _memo[key] = build_visit_store(scratch_dir("visit"), rooms, photos, findings, source_size)
    return _memo[key]  # type: ignore[return-value]


def list_store(assessments: int = 2000, photos: int = 100_000, template_rooms: int = 10,
               photos_from: Path | None = None, distinct_photos: int = 20) -> ListStore:
    """The list store, memoised; ``photos_from``: a store whose first ``distinct_photos`` photos are reused."""
    key = ("list", assessments, photos, template_rooms, photos_from, distinct_photos)
    if key not in _memo:
        renditions = stored_renditions(photos_from, distinct_photos) if photos_from is not None else None
        _memo[key] = build_list_store(scratch_dir("list"), assessments, photos, template_rooms, renditions=renditions)
    return _memo[key]  # type: ignore[return-value]
