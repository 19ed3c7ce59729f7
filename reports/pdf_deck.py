"""A deck as a PDF of the same slides (``reportlab``), the same bytes for the same deck.

The text is set in the DejaVu Sans the Cockpit ships (``reports/fonts``), embedded in the file,
so every Vietnamese letter shows whatever the reader's machine has; charts are the same PNG
pictures as in the PowerPoint file. ``invariant`` mode leaves the clock and a random file
identifier out of the file.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from reports import layout
from reports.chart_export import FONT_FILES
from reports.deck import Deck, Slide
from reports.layout import Box

REGULAR, BOLD = "CockpitSans", "CockpitSans-Bold"


@functools.cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_FILES["regular"])))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_FILES["bold"])))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)


def _colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(f"#{hex_colour}")


def _paragraphs(
    canvas: Canvas,
    box: Box,
    lines: list[str],
    size: int,
    *,
    bold: bool = False,
    colour: str = layout.INK,
) -> None:
    style = ParagraphStyle(
        "text",
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=size * 1.25,
        textColor=_colour(colour),
        spaceAfter=size * 0.4,
    )
    top = (layout.PAGE_HEIGHT - box.top) * inch
    for line in lines:
        paragraph = Paragraph(escape(line), style)
        _, height = paragraph.wrap(box.width * inch, box.height * inch)
        paragraph.drawOn(canvas, box.left * inch, top - height)
        top -= height + style.spaceAfter
    return layout.PAGE_HEIGHT - top / inch


def _tiles(canvas: Canvas, slide: Slide) -> None:
    for tile, box in zip(slide.tiles, layout.tile_boxes(len(slide.tiles)), strict=True):
        canvas.setFillColor(_colour(layout.TILE_FILL))
        canvas.setStrokeColor(_colour(layout.RULE))
        canvas.roundRect(
            box.left * inch,
            (layout.PAGE_HEIGHT - box.top - box.height) * inch,
            box.width * inch,
            box.height * inch,
            0.12 * inch,
            stroke=1,
            fill=1,
        )
        top = box.top + 0.1
        parts = [
            (tile.label, layout.TILE_LABEL_SIZE, False, layout.MUTED),
            (tile.value, layout.TILE_VALUE_SIZE - 4, True, layout.INK),
            (tile.change, layout.TILE_LABEL_SIZE - 2, False, layout.INK),
            (tile.period, layout.TILE_LABEL_SIZE - 2, False, layout.MUTED),
        ]
        for words, size, bold, colour in parts:
            inner = Box(box.left + 0.12, top, box.width - 0.24, box.height)
            top = _paragraphs(canvas, inner, [words], size, bold=bold, colour=colour) - 0.04


def _table(canvas: Canvas, box: Box, table: tuple[tuple[str, ...], ...]) -> float:
    """Draw the table from the top of ``box``; its height in inches."""
    rows, left_off = layout.shown_rows(table)
    size = layout.TABLE_SIZE - 2
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=size, leading=size * 1.2)
    head = ParagraphStyle("head", parent=cell, fontName=BOLD)
    data = [
        [Paragraph(escape(v), head if r == 0 else cell) for v in row] for r, row in enumerate(rows)
    ]
    if left_off:
        data.append([Paragraph(f"… +{left_off}", cell)] + [""] * (len(rows[0]) - 1))
    grid = Table(data, colWidths=layout.column_widths(rows, box.width * inch))
    grid.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, _colour(layout.ACCENT)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, _colour(layout.RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    _, height = grid.wrap(box.width * inch, box.height * inch)
    grid.drawOn(canvas, box.left * inch, (layout.PAGE_HEIGHT - box.top) * inch - height)
    return height / inch


def _slide(canvas: Canvas, slide: Slide, picture: bytes | None) -> None:
    if slide.key == "cover":
        _paragraphs(
            canvas, Box(0.8, 2.2, 11.7, 1.4), [slide.title], 40, bold=True, colour=layout.ACCENT
        )
        _paragraphs(canvas, Box(0.8, 3.6, 11.7, 0.7), [slide.subtitle], 22)
    else:
        _paragraphs(
            canvas,
            layout.title_box(),
            [slide.title],
            layout.TITLE_SIZE,
            bold=True,
            colour=layout.ACCENT,
        )
        if slide.subtitle:
            _paragraphs(
                canvas,
                layout.subtitle_box(),
                [slide.subtitle],
                layout.subtitle_size(slide.subtitle),
                colour=layout.MUTED,
            )
    if slide.tiles:
        _tiles(canvas, slide)
    chart_box, table_box = layout.chart_and_table(slide)
    if chart_box is not None and picture is not None:
        image = ImageReader(io.BytesIO(picture))
        width, height = image.getSize()
        shown_width = chart_box.width * inch
        shown_height = min(chart_box.height * inch, shown_width * height / width)
        canvas.drawImage(
            image,
            chart_box.left * inch,
            (layout.PAGE_HEIGHT - chart_box.top) * inch - shown_height,
            width=shown_width,
            height=shown_height,
            preserveAspectRatio=True,
            anchor="nw",
        )
    if table_box is not None:
        drawn = _table(canvas, table_box, slide.table)
    if slide.lines:
        size = layout.BODY_SIZE if slide.key == "cover" else layout.FOOTER_SIZE + 2
        where = layout.lines_box(slide)
        if slide.table and slide.chart is None and table_box is not None:
            # Under the table as drawn, whose rows wrap as the text needs.
            top = table_box.top + drawn + 0.3
            where = Box(where.left, top, where.width, max(0.5, layout.PAGE_HEIGHT - 0.75 - top))
        _paragraphs(canvas, where, list(slide.lines), size)
    if slide.footer:
        _paragraphs(
            canvas, layout.footer_box(), [slide.footer], layout.FOOTER_SIZE, colour=layout.MUTED
        )


def pdf_bytes(deck: Deck, pictures: Mapping[int, bytes]) -> bytes:
    """The deck as a PDF, one 16:9 page per slide; ``pictures`` maps a slide's index to its
    chart's PNG."""
    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(layout.PAGE_WIDTH * inch, layout.PAGE_HEIGHT * inch),
        invariant=1,
        pageCompression=1,
    )
    canvas.setTitle(deck.title)
    canvas.setAuthor("Cockpit")
    canvas.setSubject(deck.made.date().isoformat())
    for index, slide in enumerate(deck.slides):
        _slide(canvas, slide, pictures.get(index))
        canvas.showPage()
    canvas.save()
    return out.getvalue()
