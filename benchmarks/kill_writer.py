"""A writer process for the kill harness: edits the store in a loop, acknowledging each commit.

Each line on stdout is printed only after the edit it names was committed:
``ACK <kind> <assessment id> <room id> <item or photo id> <value>``.

``python -m benchmarks.kill_writer DATA_DIR SEED`` writes until it is killed; the harness runs it as
``--fork-server`` (``benchmarks/fork_server.py``): one process imports everything and loads the
catalogue once, and each writer is a child forked from it that opens the store for itself.
"""

from __future__ import annotations

import io
import os
import random
import sys
from pathlib import Path

from PIL import Image

from benchmarks.fork_server import FLAG, serve
from homeassess.domain.client_profile import ClientProfile
from homeassess.domain.judge import Judge
from homeassess.photos import process_photo
from homeassess.services.assessments import AssessmentDetails, NewAssessment, RoomSpec
from homeassess.services.workspace import Workspace
from homeassess.store.store import Store

ITEMS = ("door_clear_width", "threshold_height", "handrail_height")


def _photo_bytes(seed: int) -> bytes:
    image = Image.new("RGB", (640, 480), (seed * 37 % 255, 90, 140))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def prepare(_args: list[str]) -> Judge:
    """What every writer shares, made before any fork: the imports above and the validated catalogue."""
    return Judge.load()


def write(judge: Judge, data_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    ws = Workspace.build(Store.open(data_dir, os.environ["HOMEASSESS_PASSPHRASE"], create=True, spares=0), judge)
    renditions = process_photo(_photo_bytes(rng.randint(0, 200)))
    print("READY", flush=True)
    while True:
        assessment_id = ws.assessments.create(NewAssessment(
            client=ClientProfile(name="Kill Harness"), details=AssessmentDetails(),
            rooms=[RoomSpec(type="entrance"), RoomSpec(type="stairs")],
        )).value
        print(f"ACK assessment {assessment_id} - - -", flush=True)
        for room in ws.assessments.room_views(assessment_id):
            for item in ITEMS:
                value = f"{rng.randint(20, 40)} {rng.choice(['1/2', '3/4', '1/8'])}"
                ws.checklist.record(room.id, item, value)
                print(f"ACK response {assessment_id} {room.id} {item} {value}", flush=True)
            photo = ws.photos_repo.add(
                assessment_id, room.id, None, working=renditions.working, print_copy=renditions.print_copy,
                thumbnail=renditions.thumbnail, width=renditions.width, height=renditions.height, sha256=renditions.sha256,
            )
            print(f"ACK photo {assessment_id} {room.id} {photo.id} -", flush=True)


def work(judge: Judge, request: dict) -> None:
    """One forked writer: ``{"data_dir": ..., "seed": ...}``."""
    write(judge, Path(request["data_dir"]), int(request["seed"]))


if __name__ == "__main__":
    if sys.argv[1:2] == [FLAG]:
        serve(prepare, work, sys.argv[2:])
    else:
        write(prepare([]), Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0)
