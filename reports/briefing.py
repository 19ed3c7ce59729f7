"""The monthly briefing's slides, from the figures a service gathered (:class:`BriefingData`).

Pure: no database, no Streamlit. Texts come from the ``text`` function handed in (the
translation table of the app, in the deck's language), numbers and periods are written for the
language with Babel (``analytics.formatting``), and each indicator's chart is the app's own fan
chart (``charts.builders.fan_chart``), so the deck, the presentation mode and Explore draw the
same picture.

The slides, in order: a cover with the month and the data's vintage; the headline figures; the
targets outlook with its odds; one slide per headline indicator (its chart with the forecast fan,
its latest figures in a small table, the change on the same period a year earlier); who has
supplied data for the month; the sources.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analytics.formatting import (
    format_change,
    format_date,
    format_number,
    format_percent,
    format_period,
)
from analytics.outlook import Outlook
from analytics.target_odds import GREEN_AT, RED_BELOW
from analytics.tiles import TileSummary
from charts.builders import fan_chart
from charts.fan_frames import fan_frame
from reports.deck import Deck, Slide, Tile

Text = Callable[..., str]
HISTORY = {"M": 36, "Q": 16, "Y": 12}
"""Periods of actuals an indicator's chart shows before its forecast."""
LIGHT_WORDS = {
    "green": "outlook.light.green",
    "amber": "outlook.light.amber",
    "red": "outlook.light.red",
}


@dataclass(frozen=True)
class IndicatorData:
    """One headline indicator as the briefing shows it. ``values`` and ``statuses`` are on a
    ``PeriodIndex`` and end at the briefing's month; ``forecast`` is wide (``period, point,
    lower_<level>, upper_<level>``) or None, ``forecast_kind`` says whose (published or the
    monthly batch's)."""

    key: str
    code: str
    name_vi: str
    name_en: str
    unit: str
    kind: str
    higher_is_better: bool | None
    values: pd.Series
    statuses: pd.Series
    source: str
    summary: TileSummary
    forecast: pd.DataFrame | None = None
    forecast_kind: str | None = None
    forecast_made: dt.date | None = None
    derived: bool = False


@dataclass(frozen=True)
class OutlookItem:
    """One plan target: its words, its outlook (or the reason there is none)."""

    name_vi: str
    name_en: str
    target_text: str
    outlook: Outlook | None
    reason: str | None


@dataclass(frozen=True)
class SupplyItem:
    """One agency's supply for the briefing's month: owed, supplied (on time or late), missing."""

    agency_vi: str
    agency_en: str
    owed: int
    on_time: int
    late: int
    missing: int


@dataclass(frozen=True)
class BriefingData:
    """Everything a briefing shows, as known on ``as_of``; ``vintage`` is the newest vintage of
    the values used (None if there are none)."""

    period: pd.Period
    as_of: dt.date
    vintage: dt.date | None
    indicators: tuple[IndicatorData, ...]
    outlook_year: int
    outlook: tuple[OutlookItem, ...]
    supply: tuple[SupplyItem, ...]


def build_deck(data: BriefingData, lang: str, text: Text, unit_text: Callable[[str], str]) -> Deck:
    """The briefing's slides in ``lang``; ``text(key, **params)`` translates, ``unit_text`` names
    a catalogue unit."""
    vintage = _vintage_text(data, lang, text)
    month = month_in_sentence(data.period, lang)
    slides = [
        Slide(
            "cover",
            text("briefing.cover_title", month=month),
            text("briefing.cover_subtitle"),
            lines=(vintage, text("briefing.cover_made_by")),
        ),
        _headlines(data, lang, text, unit_text, vintage),
        _outlook(data, lang, text, vintage),
        *(_indicator(item, lang, text, unit_text, vintage) for item in data.indicators),
        _supply(data, lang, text, month),
        _sources(data, lang, text, vintage),
    ]
    made = dt.datetime.combine(data.vintage or data.as_of, dt.time(0, 0))
    return Deck(text("briefing.deck_title", month=month), lang, made, tuple(slides))


def month_in_sentence(period: pd.Period, lang: str) -> str:
    """A month as written inside a sentence: "tháng 2/2025", "February 2025"."""
    written = format_period(period, lang)
    return written[:1].lower() + written[1:] if lang == "vi" else written


def _vintage_text(data: BriefingData, lang: str, text: Text) -> str:
    if data.vintage is None:
        return text("briefing.no_data")
    return text(
        "briefing.vintage",
        month=month_in_sentence(data.period, lang),
        date=format_date(data.vintage, lang),
    )


def _name(item: IndicatorData | OutlookItem, lang: str) -> str:
    return item.name_vi if lang == "vi" else item.name_en


def _value_text(
    item: IndicatorData, value: float, lang: str, unit_text: Callable[[str], str]
) -> str:
    if item.unit == "percent change":
        return format_percent(value, lang)
    return f"{format_number(value, lang)} {unit_text(item.unit)}"


def _change_text(
    item: IndicatorData, lang: str, text: Text, unit_text: Callable[[str], str]
) -> str:
    summary = item.summary
    if summary.year_on_year is None:
        return text("overview.no_yoy")
    if summary.comparison == "yoy_pct":
        change = format_percent(summary.year_on_year, lang, signed=True)
    elif item.kind == "rate":
        change = f"{format_change(summary.year_on_year, lang)} {text('overview.points')}"
    else:
        change = f"{format_change(summary.year_on_year, lang)} {unit_text(item.unit)}"
    return f"{change} {text('briefing.vs_year_ago')}"


def _headlines(
    data: BriefingData, lang: str, text: Text, unit_text: Callable[[str], str], vintage: str
) -> Slide:
    tiles = tuple(
        Tile(
            text(f"tile.{item.key}"),
            _value_text(item, item.summary.latest, lang, unit_text)
            if item.summary.latest is not None
            else "–",
            _change_text(item, lang, text, unit_text) if item.summary.latest is not None else "",
            format_period(item.summary.period, lang) if item.summary.period is not None else "",
        )
        for item in data.indicators
    )
    return Slide(
        "headlines",
        text("briefing.headlines_title", month=month_in_sentence(data.period, lang)),
        tiles=tiles,
        footer=text(
            "briefing.footer",
            source=text("briefing.sources_see_last"),
            unit=text("briefing.unit_each"),
            vintage=vintage,
        ),
    )


def _range_text(pair: tuple[float, float], lang: str) -> str:
    low, high = pair
    if math.isnan(low):
        return "–"
    return f"{format_number(low, lang, 2)} – {format_number(high, lang, 2)}"


def _outlook(data: BriefingData, lang: str, text: Text, vintage: str) -> Slide:
    header = (
        text("outlook.col.target_name"),
        text("outlook.col.target"),
        text("outlook.col.median"),
        text("outlook.col.range80"),
        text("outlook.col.probability"),
    )
    rows = []
    unmeasured = [_name(i, lang) for i in data.outlook if i.reason == "outlook.no_series"]
    known = [i for i in data.outlook if i.outlook is not None and i.outlook.reason is None]
    rest = [i for i in data.outlook if i not in known and i.reason != "outlook.no_series"]
    for item in known + rest:
        found = item.outlook
        if found is None or found.reason is not None or math.isnan(found.probability):
            reason = (found.reason if found is not None else None) or item.reason
            rows.append(
                (_name(item, lang), item.target_text, "–", "–", text(reason) if reason else "–")
            )
            continue
        rows.append(
            (
                _name(item, lang),
                item.target_text,
                format_number(found.median, lang, 2),
                _range_text(found.range80, lang),
                _odds_text(found, lang, text),
            )
        )
    lines = []
    if not data.outlook:
        lines.append(text("briefing.outlook_none"))
    if unmeasured:
        lines.append(
            text("briefing.outlook_unmeasured", n=len(unmeasured), names="; ".join(unmeasured))
        )
    return Slide(
        "outlook",
        text("briefing.outlook_title", year=data.outlook_year),
        text(
            "briefing.outlook_subtitle",
            green=format_number(100 * GREEN_AT, lang, 0),
            red=format_number(100 * RED_BELOW, lang, 0),
        ),
        table=(header, *rows) if rows else (),
        lines=tuple(lines),
        footer=text(
            "briefing.footer", source=text("briefing.outlook_source"), unit="%", vintage=vintage
        ),
    )


def _odds_text(found: Outlook, lang: str, text: Text) -> str:
    percent = format_number(100 * found.probability, lang, 0)
    return f"{percent} % · {text(LIGHT_WORDS[found.light])}"


def chart_frame(item: IndicatorData, lang: str, labels: tuple[str, str]) -> pd.DataFrame:
    """The frame of ``fan_chart`` for an indicator: its recent actuals (:data:`HISTORY`) and
    its forecast fan, anchored on the last actual."""
    values = item.values.dropna()
    history = HISTORY.get(str(values.index.freqstr)[0], 36) if len(values) else None
    return fan_frame(values, item.forecast, None, (*labels, ""), lang, history)


def _indicator(
    item: IndicatorData, lang: str, text: Text, unit_text: Callable[[str], str], vintage: str
) -> Slide:
    unit = unit_text(item.unit)
    forecast_label = (
        text(f"briefing.forecast.{item.forecast_kind}", date=format_date(item.forecast_made, lang))
        if item.forecast_kind and item.forecast_made
        else text("briefing.forecast.none")
    )
    frame = chart_frame(item, lang, (text(f"tile.{item.key}"), forecast_label))
    chart = fan_chart(frame, lang=lang, value_title=unit, height=360).to_dict()
    values = item.values.dropna()
    rows = []
    for period in list(values.index[-3:])[::-1]:
        a_year_ago = period - (
            12 if period.freqstr.startswith("M") else 4 if period.freqstr.startswith("Q") else 1
        )
        before = values.get(a_year_ago)
        status = item.statuses.get(period)
        rows.append(
            (
                format_period(period, lang),
                format_number(float(values[period]), lang),
                format_number(float(before), lang) if before is not None else "–",
                text(f"status.{status}") if isinstance(status, str) else "–",
            )
        )
    header = (
        text("briefing.col.period"),
        text("briefing.col.value", unit=unit),
        text("briefing.col.year_ago"),
        text("briefing.col.status"),
    )
    change = _change_text(item, lang, text, unit_text) if item.summary.latest is not None else ""
    name = text(f"tile.{item.key}.derived_short") if item.derived else _name(item, lang)
    return Slide(
        f"indicator.{item.code}",
        text(f"tile.{item.key}"),
        name,
        table=(header, *rows) if rows else (),
        chart=chart,
        lines=tuple(line for line in (change, forecast_label) if line),
        footer=text("briefing.footer", source=item.source or "–", unit=unit, vintage=vintage),
    )


def _supply(data: BriefingData, lang: str, text: Text, month: str) -> Slide:
    header = (
        text("monitor.col.agency"),
        text("briefing.col.owed"),
        text("briefing.col.on_time"),
        text("briefing.col.late"),
        text("briefing.col.missing"),
    )
    ordered = sorted(data.supply, key=lambda s: (-s.missing, -s.late, s.agency_vi))
    rows = [
        (
            s.agency_vi if lang == "vi" else s.agency_en,
            format_number(s.owed, lang, 0),
            format_number(s.on_time, lang, 0),
            format_number(s.late, lang, 0),
            format_number(s.missing, lang, 0),
        )
        for s in ordered
    ]
    owed = sum(s.owed for s in data.supply)
    have = sum(s.on_time + s.late for s in data.supply)
    return Slide(
        "supply",
        text("briefing.supply_title", month=month),
        text("briefing.supply_subtitle", n=have, m=owed) if owed else text("monitor.none"),
        table=(header, *rows) if rows else (),
        footer=text(
            "briefing.footer",
            source=text("briefing.supply_source"),
            unit=text("briefing.unit_obligations"),
            vintage=text("briefing.as_of", date=format_date(data.as_of, lang)),
        ),
    )


def _sources(data: BriefingData, lang: str, text: Text, vintage: str) -> Slide:
    by_source: dict[str, list[str]] = {}
    for item in data.indicators:
        by_source.setdefault(item.source or "–", []).append(text(f"tile.{item.key}"))
    lines = [f"{', '.join(names)}: {source}" for source, names in by_source.items()]
    lines += [text("briefing.sources_outlook"), text("briefing.sources_reproducible"), vintage]
    return Slide("sources", text("briefing.sources_title"), lines=tuple(lines))
