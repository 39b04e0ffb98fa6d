"""Paragraph and table styles shared by every report: one typeface, sizes for print."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from homeassess.report.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#b7c3d0")
HEADER_FILL = colors.HexColor("#e6edf4")
FAIL = colors.HexColor("#a61b1b")
ADVISORY = colors.HexColor("#8a5a00")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    source: ParagraphStyle
    caption: ParagraphStyle
    letterhead: ParagraphStyle
    letterhead_name: ParagraphStyle
    running_head: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=13.5, textColor=INK, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0)
    return Styles(
        title=ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=18, leading=22, textColor=ACCENT, spaceAfter=6
        ),
        h1=ParagraphStyle(
            "h1",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=6,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=4,
        ),
        h3=ParagraphStyle("h3", parent=base, fontName=SANS_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=2),
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        muted=ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=SANS_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head=ParagraphStyle("head", parent=cell, fontName=SANS_BOLD, textColor=ACCENT),
        source=ParagraphStyle("source", parent=cell, fontSize=7, leading=9, alignment=TA_RIGHT),
        caption=ParagraphStyle("caption", parent=base, fontName=SANS_ITALIC, fontSize=8.5, leading=11, textColor=MUTED),
        letterhead=ParagraphStyle("letterhead", parent=base, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=0),
        letterhead_name=ParagraphStyle(
            "letterhead_name",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=12.5,
            leading=15,
            textColor=ACCENT,
            spaceAfter=1,
        ),
        running_head=ParagraphStyle(
            "running_head", parent=base, fontName=SANS_BOLD, fontSize=10, leading=12.5, textColor=ACCENT, spaceAfter=0
        ),
    )


@dataclass(frozen=True)
class PlanStyles:
    """The client's action plan: nothing smaller than 14 pt."""

    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    strong: ParagraphStyle
    note: ParagraphStyle


PLAN_SIZE = 14  # points: the smallest type in the client's action plan


def make_plan_styles() -> PlanStyles:
    register_fonts()
    body = ParagraphStyle("plan", fontName=SANS, fontSize=PLAN_SIZE, leading=20, textColor=INK, spaceAfter=6)
    return PlanStyles(
        title=ParagraphStyle("plan_title", parent=body, fontName=SANS_BOLD, fontSize=26, leading=32, textColor=ACCENT),
        h1=ParagraphStyle(
            "plan_h1", parent=body, fontName=SANS_BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceBefore=14
        ),
        h2=ParagraphStyle("plan_h2", parent=body, fontName=SANS_BOLD, fontSize=16, leading=21, spaceBefore=8),
        body=body,
        strong=ParagraphStyle("plan_strong", parent=body, fontName=SANS_BOLD, spaceAfter=2),
        note=ParagraphStyle("plan_note", parent=body, spaceAfter=2),
    )


def grid_style(header_rows: int = 1, extra: list | None = None) -> TableStyle:
    """The look of every data table: a tinted header row, thin rules, top-aligned cells."""
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    return TableStyle(commands + (extra or []))


def form_style() -> TableStyle:
    """Label / value blocks (client, visit): no grid, labels muted."""
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )
