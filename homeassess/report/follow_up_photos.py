"""Before and after photos side by side, numbered through the report.

Per item with a photo of the work taken at the follow-up: the first visit's photos of it on the
left, the follow-up's on the right, one pair to a row, each above "Photo N." and its caption
(an item with only "before" photos is not shown again: the first visit's report has them). The stored JPEG bytes are embedded as they
are. A caption too long for its cell follows the table in full, by number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import zip_longest

from reportlab.platypus import Flowable, Image, Paragraph, Table

from homeassess.report.follow_up_data import InstalledRow
from homeassess.report.layout import keep_with_next
from homeassess.report.markup import SafeMarkup, compose, para
from homeassess.report.report_data import Photo
from homeassess.report.sections import CAPTION_IN_GRID, image_size
from homeassess.report.styles import Styles, form_style

PAIR_HEIGHT = 2.3 * 72  # points: a pair of photos and their captions always fits on a page
GAP = 12


def pair_numbers(items: Sequence[InstalledRow]) -> dict[int, int]:
    """Every before/after photo's number (1, 2, ... in the order printed: row by row, before then after)."""
    order = [p for i in items if i.after for pair in zip_longest(i.before, i.after) for p in pair if p is not None]
    return {id(p): n for n, p in enumerate(order, start=1)}


def photo_pairs(
    items: Sequence[InstalledRow], styles: Styles, width: float, numbers: dict[int, int], visits: tuple[str, str]
) -> list[Flowable]:
    """Headings and tables for every item with an after photo; [] when none has one."""
    out: list[Flowable] = []
    col = (width - GAP) / 2
    before_head = compose("<b>Before</b> (first visit, {d})", d=visits[0])
    after_head = compose("<b>After</b> (follow-up, {d})", d=visits[1])
    for item in items:
        if not item.after:
            continue
        long_captions: list[Flowable] = []
        rows: list[list[object]] = [[para(before_head, styles.cell), "", para(after_head, styles.cell)]]
        for before, after in zip_longest(item.before, item.after):
            rows.append([_cell(before, col, styles, numbers, long_captions), "",
                         _cell(after, col, styles, numbers, long_captions)])
        table = Table(rows, colWidths=[col, GAP, col], style=form_style(), hAlign="LEFT", repeatRows=1)
        table.setStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 8)])
        heading = para(compose("{ref} {t} — {room}", ref=item.ref, t=item.title, room=item.room), styles.h3)
        out += keep_with_next([heading, table, *long_captions])
    return out


def _cell(photo: Photo | None, col: float, styles: Styles, numbers: dict[int, int], long_captions: list[Flowable]) -> object:
    if photo is None:
        return Paragraph("<i>No photo.</i>", styles.caption)
    number = numbers.get(id(photo), 0)
    label = SafeMarkup(f"<b>Photo {number}.</b> ")
    caption: Flowable = para(photo.caption, styles.caption, label)
    if len(photo.caption) > CAPTION_IN_GRID:
        caption = Paragraph(f"<b>Photo {number}</b> (caption below)", styles.caption)
        long_captions.append(para(photo.caption, styles.caption, label))
    size = image_size(photo.jpeg)
    if size is None:
        return [Paragraph(f"<b>Photo {number}:</b> <i>could not be printed.</i>", styles.caption), caption]
    w, h = size
    scale = min(col / w, PAIR_HEIGHT / h)
    return [Image(io.BytesIO(photo.jpeg), width=w * scale, height=h * scale), caption]
