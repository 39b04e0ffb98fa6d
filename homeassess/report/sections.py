"""Building blocks every report uses: letterhead, label/value blocks, tables, photos."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table

from homeassess.domain.vocabulary import Funding, Installer, Priority, format_cost, format_money
from homeassess.report.layout import header_widths, splittable_table
from homeassess.report.markup import SafeMarkup, compose, para
from homeassess.report.report_data import Letterhead, Photo, Recommendation, ReportData, Room
from homeassess.report.stored_jpeg import StoredJpeg
from homeassess.report.styles import Styles, form_style, grid_style

PRIORITY_ORDER = tuple(p.value for p in Priority)  # labels, ranks and money come from the one vocabulary


def money(amount: int | None, currency: str = "USD") -> str:
    return "" if amount is None else format_money(amount, currency)


def cost_range(low: int | None, high: int | None, currency: str = "USD") -> str:
    if low is None or high is None or low == high:  # one figure, or "—" for none
        return format_cost(low if low is not None else high, low if low is not None else high, currency)
    return format_cost(low, high, currency)


def priority_label(priority: str) -> str:
    return _label(Priority, priority)


def installer_label(installer: str) -> str:
    return _label(Installer, installer) if installer else "Not chosen"


def payer_label(rec: Recommendation) -> str:
    """Who pays, exactly as the clinician chose: "To be agreed" unless they chose someone."""
    try:
        return Funding(rec.funding).described(rec.funding_program)
    except ValueError:
        return Funding.TO_BE_AGREED.label


def priority_rank(priority: str) -> int:
    return Priority(priority).rank if priority in PRIORITY_ORDER else len(PRIORITY_ORDER)


def by_priority(recs: Sequence[Recommendation]) -> list[Recommendation]:
    return sorted(recs, key=lambda r: priority_rank(r.priority))  # stable: keeps room order within a priority


def with_options(recs: Sequence[Recommendation]) -> list[tuple[Recommendation, tuple[Recommendation, ...]]]:
    """Each chosen recommendation, in the order given, with the options listed instead of it (same room
    and item, ``alternative_to`` its title); an option whose chosen one is not given stands on its own."""
    groups: list[tuple[Recommendation, list[Recommendation]]] = []
    for rec in recs:
        home = next((options for chosen, options in groups if rec.alternative_to and not chosen.alternative_to
                     and chosen.title == rec.alternative_to and chosen.room == rec.room
                     and chosen.item_id == rec.item_id), None)
        if home is not None:
            home.append(rec)
        else:
            groups.append((rec, []))
    return [(chosen, tuple(options)) for chosen, options in groups]


def _label(kind: type[Priority] | type[Installer], value: str) -> str:
    try:
        return kind(value).label
    except ValueError:
        return value.replace("_", " ").capitalize()


def image_size(data: bytes) -> tuple[int, int] | None:
    """Pixel size of an image, or None when the bytes are not an image ReportLab can read."""
    try:
        return ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # any unreadable image is simply left out
        return None


def letterhead(head: Letterhead, styles: Styles, title: str, subtitle: SafeMarkup | str = "") -> list[Flowable]:
    """The first-page letterhead: logo, agency, address and phone; then the report title."""
    lines: list[Flowable] = []
    if head.agency_name:
        lines.append(para(head.agency_name, styles.letterhead_name))
    for value in (head.address, head.phone):
        if value:
            lines.append(para(value, styles.letterhead))
    logo = fitted_image(head.logo_png, 1.6 * inch, 0.7 * inch)
    out: list[Flowable] = []
    if logo is not None:
        out.append(splittable_table([[logo, lines or ""]], [logo.drawWidth + 10, None], form_style()))
    else:
        out.extend(lines)
    out.append(Spacer(1, 10))
    out.append(Paragraph(title, styles.title))
    if subtitle:
        out.append(para(subtitle, styles.muted))
    return out


def fitted_image(data: bytes | None, max_width: float, max_height: float) -> Image | None:
    """An image scaled to fit the box, keeping its proportions; None when absent or unreadable."""
    if not data:
        return None
    size = image_size(data)
    if size is None:
        return None
    w, h = size
    scale = min(max_width / w, max_height / h)
    image = Image(io.BytesIO(data), width=w * scale, height=h * scale)
    image.hAlign = "LEFT"
    return image


FIELDS_KEPT_WHOLE = 1.5 * inch  # a label/value table no taller than this is not split across pages


def field_table(
    rows: Sequence[tuple[str, object]], styles: Styles, width: float, label_width: float = 1.45 * inch
) -> Table:
    """Label / value rows; rows whose value is empty are left out. Labels are constants. A table of a few lines
    moves to the next page whole: split, it left one row alone at the top of an otherwise empty page (a try-out's
    "Priority activities")."""
    data = [
        [Paragraph(label, styles.cell_bold), para(value, styles.cell)]
        for label, value in rows
        if value not in ("", None)
    ]
    if not data:
        data = [[Paragraph("—", styles.cell), Paragraph("", styles.cell)]]
    return splittable_table(data, [label_width, width - label_width], form_style(), whole_below=FIELDS_KEPT_WHOLE)


def data_table(
    header: Sequence[str | Flowable],
    rows: list[list[Flowable]],
    widths: Sequence[float],
    styles: Styles,
    extra_style: list | None = None,
) -> Table:
    """A data table that repeats its header on every page, keeps header words whole and splits long rows."""
    head = [h if isinstance(h, Flowable) else Paragraph(h, styles.head) for h in header]
    labels = [h if isinstance(h, str) else "" for h in header]
    return splittable_table(
        [head, *rows],
        header_widths(labels, widths, styles.head),
        grid_style(1, extra_style),
        repeatRows=1,
    )


def heading(text: object, style: ParagraphStyle, label: SafeMarkup | None = None) -> Flowable:
    """A heading of user text (a room name) or constant markup; bind it to what follows with
    :func:`homeassess.report.layout.keep_with_next`."""
    return para(text, style, label)


def bullets(values: Sequence[str], styles: Styles) -> list[Flowable]:
    return [para(v, styles.body, SafeMarkup("•&nbsp;&nbsp;")) for v in values if v]


PHOTO_HEIGHT = 2.6 * inch
CAPTION_IN_GRID = 280  # characters; a longer caption is printed in full under the photos


def photo_numbers(rooms: Sequence[Room]) -> dict[int, int]:
    """Every photo's number in the report (1, 2, ... in the order they are printed), by ``id()``."""
    photos = [photo for room in rooms for photo in room.photos]
    return {id(photo): n for n, photo in enumerate(photos, start=1)}


def photo_refs(numbers: dict[int, int], photos: Sequence[Photo], item_id: str) -> str:
    """ "Photos 3, 4" for the photos taken of one checklist item; "" when there are none."""
    if not item_id:
        return ""
    refs = [str(numbers[id(p)]) for p in photos if p.item_id == item_id and id(p) in numbers]
    if not refs:
        return ""
    return f"Photo{'s' if len(refs) > 1 else ''} {', '.join(refs)}"


def photo_grid(
    photos: Sequence[Photo],
    styles: Styles,
    width: float,
    numbers: dict[int, int],
    per_row: int = 2,
    max_height: float = PHOTO_HEIGHT,
) -> list[Flowable]:
    """Photos two to a row, each above "Photo N" and its caption; the stored JPEG bytes are
    embedded as they are. Captions too long for the grid follow it in full, by number."""
    gap = 10
    col = (width - gap * (per_row - 1)) / per_row
    cells: list[object] = []
    long_captions: list[Flowable] = []
    for photo in photos:
        number = numbers.get(id(photo), 0)
        label = SafeMarkup(f"<b>Photo {number}.</b> ")
        size = image_size(photo.jpeg)
        if size is None:
            cells.append(para(photo.caption, styles.caption, SafeMarkup(f"<b>Photo {number}:</b> <i>could not be printed.</i> ")))
            continue
        w, h = size
        scale = min(col / w, max_height / h)
        parts: list[Flowable] = [StoredJpeg(photo.jpeg, w * scale, h * scale)]
        if len(photo.caption) > CAPTION_IN_GRID:
            parts.append(Paragraph(f"<b>Photo {number}</b> (caption below)", styles.caption))
            long_captions.append(para(photo.caption, styles.caption, label))
        else:
            parts.append(para(photo.caption, styles.caption, label))
        cells.append(parts)
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    if not rows:
        return []
    rows[-1] = rows[-1] + [""] * (per_row - len(rows[-1]))
    widths = []
    for i in range(per_row):
        widths.extend([col] if i == 0 else [gap, col])
    spaced = [[cell for i, c in enumerate(row) for cell in ([c] if i == 0 else ["", c])] for row in rows]
    # Rows split from each other but never inside: a photo stays with its caption (a row is at most
    # a photo and CAPTION_IN_GRID characters, which fit on any page).
    table = Table(spaced, colWidths=widths, style=form_style(), hAlign="LEFT")
    table.setStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("ALIGN", (0, 0), (-1, -1), "CENTER")])
    return [table, *long_captions]


def signature_lines(labels: Sequence[str], styles: Styles, width: float, line_height: float = 0.4 * inch) -> Table:
    """Blank lines to sign on ("Name", "Signature", "Date"); an empty label gives a full-width writing line."""
    label_w = 1.3 * inch if any(labels) else 0.01
    rows = [[Paragraph(label, styles.cell_bold), ""] for label in labels]
    table = Table(rows, colWidths=[label_w, width - label_w], rowHeights=[line_height] * len(rows), hAlign="LEFT")
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.6, "#555555"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 0),
        ]
    )
    return table


def totals_rows(data: ReportData, styles: Styles) -> list[list[Flowable]]:
    rows = []
    for total in data.totals:
        if total.count:
            rows.append(
                [
                    para(priority_label(total.priority), styles.cell),
                    Paragraph(str(total.count), styles.cell_right),
                    para(cost_range(total.low, total.high, data.currency), styles.cell_right),
                ]
            )
    count = sum(t.count for t in data.totals)
    low, high = sum(t.low for t in data.totals), sum(t.high for t in data.totals)
    rows.append(
        [
            Paragraph("<b>Total</b>", styles.cell),
            Paragraph(f"<b>{count}</b>", styles.cell_right),
            para(compose("<b>{c}</b>", c=cost_range(low, high, data.currency)), styles.cell_right),
        ]
    )
    return rows
