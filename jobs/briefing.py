"""Write the monthly briefing deck, a PowerPoint file and a PDF of the same slides.

    python -m jobs.briefing --period 2025-02 --lang vi [--as-of YYYY-MM-DD] [--out var/briefings]

The deck shows the data as known on ``--as-of`` (today by default); the same month, language and
day give the same files, byte for byte. The files are named ``briefing-<period>-<lang>.pptx`` and
``.pdf``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from data.engine import make_engine
from domain.vocabulary import Role
from reports.briefing import build_deck
from reports.deck import Deck
from reports.render import DeckFiles, deck_files
from services.briefing import briefing_data
from ui.translations import translate, unit_text


@dataclass(frozen=True)
class Briefer:
    """Whom the job acts for: the system, in the role of an analyst (a read, never audited)."""

    username: str = "system:briefing"
    role: str = Role.ANALYST
    agency_code: str | None = None


def briefing_files(
    engine: Engine, period: pd.Period, lang: str, as_of: dt.date
) -> tuple[Deck, DeckFiles]:
    """The deck of ``period`` in ``lang`` with the data known on ``as_of``, and its files."""
    data = briefing_data(engine, Briefer(), period, as_of)

    def text(key: str, **params: object) -> str:
        return translate(key, lang, **params)

    deck = build_deck(data, lang, text, lambda unit: unit_text(unit, lang))
    return deck, deck_files(deck)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, write both files, say where they are; 2 on bad arguments."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", required=True, help="the month, YYYY-MM")
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    parser.add_argument("--as-of", dest="as_of", help="the data as known on this day, YYYY-MM-DD")
    parser.add_argument("--out", default="var/briefings", type=Path)
    args = parser.parse_args(argv)
    try:
        period = pd.Period(args.period, "M")
        if len(args.period) != 7:
            raise ValueError(args.period)
    except ValueError:
        print(f"The period {args.period!r} is not a month written YYYY-MM.", file=sys.stderr)
        return 2
    try:
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    except ValueError:
        print(f"The day {args.as_of!r} is not a date written YYYY-MM-DD.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    deck, files = briefing_files(make_engine(), period, args.lang, as_of)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = deck.file_stem(str(period))
    for suffix, content in ((".pptx", files.pptx), (".pdf", files.pdf)):
        (args.out / f"{stem}{suffix}").write_bytes(content)
    elapsed = time.perf_counter() - started
    print(
        f"{len(deck.slides)} slides written to {args.out / stem}.pptx and .pdf "
        f"(data as known on {as_of.isoformat()}, {elapsed:.1f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
