"""The briefing deck in a language: the service's figures made into slides with the app's own
translation table, and the deck's files. Shared by the presentation mode and its download buttons
(``make briefing`` does the same in ``jobs.briefing``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from domain.principal import Principal
from reports.briefing import build_deck
from reports.deck import Deck
from reports.render import DeckFiles, deck_files
from services.briefing import briefing_data
from ui.translations import translate, unit_text


def briefing_deck(
    engine: Engine, user: Principal | None, period: pd.Period, lang: str, as_of: dt.date
) -> Deck:
    """The slides of the briefing for ``period`` in ``lang``, with the data known on ``as_of``."""
    data = briefing_data(engine, user, period, as_of)

    def text(key: str, **params: object) -> str:
        return translate(key, lang, **params)

    return build_deck(data, lang, text, lambda unit: unit_text(unit, lang))


def briefing_files(
    engine: Engine, user: Principal | None, period: pd.Period, lang: str, as_of: dt.date
) -> tuple[Deck, DeckFiles]:
    """The deck and its PowerPoint and PDF files."""
    deck = briefing_deck(engine, user, period, lang, as_of)
    return deck, deck_files(deck)
