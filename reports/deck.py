"""A briefing deck as data: slides of titles, tiles, tables, a chart and a footer.

One model, three renderings: the PowerPoint file (``reports.pptx_deck``), the PDF of the same
slides (``reports.pdf_deck``) and the presentation mode of the app, which draws each slide with
Streamlit. Every text is already in the deck's language; a chart is a Vega-Lite specification,
the same the app draws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tile:
    """One headline figure: what, how much, its change on a year earlier, which period."""

    label: str
    value: str
    change: str
    period: str


@dataclass(frozen=True)
class Slide:
    """One slide. ``table`` is a header row then data rows; ``footer`` says source, unit and the
    data's vintage."""

    key: str
    title: str
    subtitle: str = ""
    tiles: tuple[Tile, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    chart: dict | None = None
    lines: tuple[str, ...] = ()
    footer: str = ""


@dataclass(frozen=True)
class Deck:
    """The slides of one briefing. ``made`` is the moment the files carry as their date: the
    data's vintage, not the clock, so the same data makes the same file."""

    title: str
    lang: str
    made: dt.datetime
    slides: tuple[Slide, ...] = field(default_factory=tuple)

    def file_stem(self, period: str) -> str:
        """The files' name without extension, such as ``briefing-2025-02-vi``."""
        return f"briefing-{period}-{self.lang}"
