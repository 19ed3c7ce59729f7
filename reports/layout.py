"""Where each part of a slide goes, in inches on a 16:9 page (13.333 × 7.5), shared by the
PowerPoint and the PDF renderings so both put the same thing in the same place.

Type sizes are for a projector: titles at 30 pt, tables at 15 pt, nothing under 12 pt.
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.deck import Slide

PAGE_WIDTH, PAGE_HEIGHT = 13.333, 7.5
MARGIN = 0.5
TITLE_SIZE, SUBTITLE_SIZE, BODY_SIZE, TABLE_SIZE, FOOTER_SIZE = 30, 18, 18, 15, 12
TILE_VALUE_SIZE, TILE_LABEL_SIZE = 26, 14
TILES_PER_ROW = 4
MAX_TABLE_ROWS = 12
TABLE_ROW = 0.42
"""The height of a table's row, in inches, for a row of one line."""
INK, MUTED, ACCENT, TILE_FILL, RULE = "1F2937", "5B6472", "0B5CAD", "EEF3F8", "C9D3DF"


@dataclass(frozen=True)
class Box:
    """A rectangle: left, top, width, height in inches from the page's top-left corner."""

    left: float
    top: float
    width: float
    height: float


def title_box() -> Box:
    """The slide's title."""
    return Box(MARGIN, 0.35, PAGE_WIDTH - 2 * MARGIN, 0.8)


def subtitle_box() -> Box:
    """The line under the title."""
    return Box(MARGIN, 1.1, PAGE_WIDTH - 2 * MARGIN, 0.5)


def footer_box() -> Box:
    """Source, unit and vintage along the bottom."""
    return Box(MARGIN, PAGE_HEIGHT - 0.55, PAGE_WIDTH - 2 * MARGIN, 0.4)


def body_box() -> Box:
    """What lies between the subtitle and the footer."""
    return Box(MARGIN, 1.7, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 1.7 - 0.75)


def tile_boxes(count: int) -> list[Box]:
    """The headline tiles, four to a row."""
    body = body_box()
    gap = 0.25
    rows = max(1, -(-count // TILES_PER_ROW))
    width = (body.width - gap * (TILES_PER_ROW - 1)) / TILES_PER_ROW
    height = min(2.3, (body.height - gap * (rows - 1)) / rows)
    return [
        Box(
            body.left + (i % TILES_PER_ROW) * (width + gap),
            body.top + (i // TILES_PER_ROW) * (height + gap),
            width,
            height,
        )
        for i in range(count)
    ]


def chart_and_table(slide: Slide) -> tuple[Box | None, Box | None]:
    """An indicator slide's chart (left, wide) and table (right); either fills the body alone."""
    body = body_box()
    if slide.chart is not None and slide.table:
        chart_width = body.width * 0.64
        return (
            Box(body.left, body.top, chart_width, body.height - 0.5),
            Box(
                body.left + chart_width + 0.3, body.top, body.width - chart_width - 0.3, body.height
            ),
        )
    if slide.chart is not None:
        return Box(body.left, body.top, body.width, body.height - 0.5), None
    if slide.table:
        return None, body
    return None, None


def lines_box(slide: Slide) -> Box:
    """Where a slide's lines of text go: under the chart or the table if there is one, else the
    body."""
    body = body_box()
    if slide.table and slide.chart is None:
        top = body.top + table_height(slide.table, body.width) + 0.3
        return Box(body.left, top, body.width, max(0.5, body.top + body.height - top))
    if slide.chart is not None:
        return Box(body.left, body.top + body.height - 0.45, body.width * 0.64, 0.45)
    if slide.key == "cover":
        return Box(MARGIN, 4.4, PAGE_WIDTH - 2 * MARGIN, 2.0)
    return body


def subtitle_size(subtitle: str) -> int:
    """The subtitle's type size: smaller for a long one, so that it stays on one line."""
    return SUBTITLE_SIZE if len(subtitle) <= 80 else 14


def table_height(table: tuple[tuple[str, ...], ...], width: float) -> float:
    """An estimate of a table's height in inches at :data:`TABLE_SIZE`, its long cells wrapped
    to their column's width (about 0.55 em a character)."""
    rows, left_off = shown_rows(table)
    widths = column_widths(rows, width)
    per_inch = 72 / (TABLE_SIZE * 0.55)
    height = 0.0
    for row in rows:
        lines = max(
            -(-len(cell) // max(1, int(w * per_inch - 1))) or 1
            for cell, w in zip(row, widths, strict=True)
        )
        height += 0.12 + 0.26 * lines
    return height + (TABLE_ROW if left_off else 0.0)


def title_size(title: str) -> int:
    """The title's type size: smaller for a long title, so that it stays on one line."""
    return TITLE_SIZE if len(title) <= 60 else 24 if len(title) <= 75 else 20


def column_widths(rows: tuple[tuple[str, ...], ...], total: float) -> list[float]:
    """Column widths that add up to ``total``, each in proportion to its longest text (capped,
    so that one long cell wraps instead of squeezing the others)."""
    weights = [min(40, max(len(row[c]) for row in rows)) + 6 for c in range(len(rows[0]))]
    return [total * w / sum(weights) for w in weights]


def shown_rows(
    table: tuple[tuple[str, ...], ...],
) -> tuple[tuple[tuple[str, ...], ...], int]:
    """The rows a table slide shows (header included) and how many were left off."""
    if len(table) <= MAX_TABLE_ROWS + 1:
        return table, 0
    return table[: MAX_TABLE_ROWS + 1], len(table) - MAX_TABLE_ROWS - 1
