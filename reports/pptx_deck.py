"""A deck as a PowerPoint file (``python-pptx``), the same bytes for the same deck.

Charts are pictures (PNG, rendered by ``reports.chart_export`` from the slide's Vega-Lite
specification, at twice the size shown so they stay sharp on a projector). Text is set in Arial,
which Office has with every Vietnamese letter. The file's dates are the deck's ``made`` moment
and every part of the package carries that date, so the same data gives the same file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from reports import layout
from reports.deck import Deck, Slide
from reports.layout import Box

FONT = "Arial"


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def _text(
    slide_shapes,
    box: Box,
    lines: list[str],
    size: int,
    *,
    bold: bool = False,
    colour: str = layout.INK,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    name: str = "",
) -> None:
    shape = slide_shapes.add_textbox(
        Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height)
    )
    if name:
        shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = FONT
        run.font.color.rgb = _rgb(colour)


def _tiles(shapes, slide: Slide) -> None:
    for tile, box in zip(slide.tiles, layout.tile_boxes(len(slide.tiles)), strict=True):
        card = shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE,
            Inches(box.left),
            Inches(box.top),
            Inches(box.width),
            Inches(box.height),
        )
        card.adjustments[0] = 0.08
        card.fill.solid()
        card.fill.fore_color.rgb = _rgb(layout.TILE_FILL)
        card.line.color.rgb = _rgb(layout.RULE)
        frame = card.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.TOP
        parts = [
            (tile.label, layout.TILE_LABEL_SIZE, False, layout.MUTED),
            (tile.value, layout.TILE_VALUE_SIZE, True, layout.INK),
            (tile.change, layout.TILE_LABEL_SIZE, False, layout.INK),
            (tile.period, layout.TILE_LABEL_SIZE, False, layout.MUTED),
        ]
        for index, (words, size, bold, colour) in enumerate(parts):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = words
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.name = FONT
            run.font.color.rgb = _rgb(colour)


def _table(shapes, box: Box, table: tuple[tuple[str, ...], ...]) -> None:
    rows, left_off = layout.shown_rows(table)
    columns = len(rows[0])
    height = min(box.height, layout.table_height(table, box.width))
    frame = shapes.add_table(
        len(rows) + (1 if left_off else 0),
        columns,
        Inches(box.left),
        Inches(box.top),
        Inches(box.width),
        Inches(height),
    )
    grid = frame.table
    for c, width in enumerate(layout.column_widths(rows, box.width)):
        grid.columns[c].width = Inches(width)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = grid.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(layout.TABLE_SIZE)
                    run.font.name = FONT
                    run.font.bold = r == 0
    if left_off:
        cell = grid.cell(len(rows), 0)
        cell.merge(grid.cell(len(rows), columns - 1))
        cell.text = f"… +{left_off}"


def _slide(presentation: Presentation, slide: Slide, picture: bytes | None) -> None:
    page = presentation.slides.add_slide(presentation.slide_layouts[6])
    shapes = page.shapes
    cover = slide.key == "cover"
    if cover:
        _text(
            shapes,
            layout.Box(0.8, 2.2, 11.7, 1.4),
            [slide.title],
            40,
            bold=True,
            colour=layout.ACCENT,
            name="Title",
        )
        _text(shapes, layout.Box(0.8, 3.6, 11.7, 0.7), [slide.subtitle], 22, colour=layout.INK)
    else:
        _text(
            shapes,
            layout.title_box(),
            [slide.title],
            layout.TITLE_SIZE,
            bold=True,
            colour=layout.ACCENT,
            name="Title",
        )
        if slide.subtitle:
            _text(
                shapes,
                layout.subtitle_box(),
                [slide.subtitle],
                layout.subtitle_size(slide.subtitle),
                colour=layout.MUTED,
            )
    if slide.tiles:
        _tiles(shapes, slide)
    chart_box, table_box = layout.chart_and_table(slide)
    if chart_box is not None and picture is not None:
        shapes.add_picture(
            io.BytesIO(picture),
            Inches(chart_box.left),
            Inches(chart_box.top),
            width=Inches(chart_box.width),
        )
    if table_box is not None:
        _table(shapes, table_box, slide.table)
    if slide.lines:
        size = layout.BODY_SIZE if slide.key == "cover" else layout.FOOTER_SIZE + 2
        _text(shapes, layout.lines_box(slide), list(slide.lines), size, colour=layout.INK)
    if slide.footer:
        _text(shapes, layout.footer_box(), [slide.footer], layout.FOOTER_SIZE, colour=layout.MUTED)


def pptx_bytes(deck: Deck, pictures: Mapping[int, bytes]) -> bytes:
    """The deck as a .pptx file; ``pictures`` maps a slide's index to its chart's PNG."""
    presentation = Presentation()
    presentation.slide_width = Inches(layout.PAGE_WIDTH)
    presentation.slide_height = Inches(layout.PAGE_HEIGHT)
    for index, slide in enumerate(deck.slides):
        _slide(presentation, slide, pictures.get(index))
    properties = presentation.core_properties
    properties.title = deck.title
    properties.author = "Cockpit"
    properties.last_modified_by = "Cockpit"
    properties.language = deck.lang
    properties.created = deck.made
    properties.modified = deck.made
    properties.last_printed = deck.made
    properties.revision = 1
    written = io.BytesIO()
    presentation.save(written)
    return _same_dates(written.getvalue(), deck)


def _same_dates(package: bytes, deck: Deck) -> bytes:
    """The package with every member dated ``deck.made``, so saving twice gives the same bytes."""
    stamp = (max(deck.made.year, 1980), deck.made.month, deck.made.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()
