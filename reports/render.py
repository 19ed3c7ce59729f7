"""A deck's files: its charts rendered once, then the PowerPoint and the PDF of the same slides."""

from __future__ import annotations

from dataclasses import dataclass

from reports.chart_export import chart_png
from reports.deck import Deck
from reports.pdf_deck import pdf_bytes
from reports.pptx_deck import pptx_bytes

CHART_WIDTH, CHART_HEIGHT = 700, 330


@dataclass(frozen=True)
class DeckFiles:
    """The two files of one deck."""

    pptx: bytes
    pdf: bytes


def chart_pictures(deck: Deck) -> dict[int, bytes]:
    """Each slide's chart as a PNG, by the slide's index."""
    return {
        index: chart_png(slide.chart, width=CHART_WIDTH, height=CHART_HEIGHT)
        for index, slide in enumerate(deck.slides)
        if slide.chart is not None
    }


def deck_files(deck: Deck) -> DeckFiles:
    """The deck as a .pptx and a .pdf, from the same pictures."""
    pictures = chart_pictures(deck)
    return DeckFiles(pptx_bytes(deck, pictures), pdf_bytes(deck, pictures))
