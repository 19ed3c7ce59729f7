"""Altair chart builders. They take tidy frames and return charts; they never call ``st.*``.

Numbers and dates on axes and tooltips follow the chosen language through Vega's locale
configuration (``1.234,5`` in Vietnamese, ``1,234.5`` in English): the separators and the names
of months, days and halves of the day come from Babel's CLDR data for the language's locale
(``analytics.formatting.locale_of``).
"""

from __future__ import annotations

import altair as alt
import pandas as pd
from babel import dates, numbers

from analytics.formatting import LANGUAGES, locale_of
from domain.periods import parse_period, period_label

# Vega's (d3's) patterns for dates and times, and its currency affixes, which CLDR does not give
# in d3's syntax. Day first in both languages, as analytics.formatting writes dates.
VEGA_TIME_PATTERNS = {
    "vi": {"dateTime": "%A, %e/%m/%Y, %X", "date": "%d/%m/%Y", "time": "%H:%M:%S"},
    "en": {"dateTime": "%A, %e %B %Y, %X", "date": "%d/%m/%Y", "time": "%H:%M:%S"},
}
CURRENCY_AFFIXES = {"vi": ["", " ₫"], "en": ["$", ""]}


def _vega_locale(lang: str) -> dict:
    """Vega's number and time locale for ``lang``, from the CLDR data of its locale."""
    locale = locale_of(lang)
    number = {
        "decimal": numbers.get_decimal_symbol(locale),
        "thousands": numbers.get_group_symbol(locale),
        "grouping": [3],
        "currency": CURRENCY_AFFIXES[lang],
    }

    def sunday_first(width: str) -> list[str]:
        names = dates.get_day_names(width, "stand-alone", locale)  # 0 is Monday
        return [names[6], *(names[day] for day in range(6))]

    months = dates.get_month_names("wide", "stand-alone", locale)
    short_months = dates.get_month_names("abbreviated", "format", locale)
    halves = dates.get_period_names("abbreviated", "format", locale)
    time = {
        **VEGA_TIME_PATTERNS[lang],
        "periods": [halves["am"], halves["pm"]],
        "days": sunday_first("wide"),
        "shortDays": sunday_first("abbreviated"),
        "months": [months[month] for month in range(1, 13)],
        "shortMonths": [short_months[month] for month in range(1, 13)],
    }
    return {"number": number, "time": time}


VEGA_LOCALES = {lang: _vega_locale(lang) for lang in LANGUAGES}
FACET_WIDTH = 980  # a faceted chart cannot take the container width
PALETTE = ["#1f4e79", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085"]
FAN_COLOURS = ["#1f4e79", "#c0392b", "#7f8c8d"]  # actuals, the new forecast, the compared one
BAND_OPACITY = (0.15, 0.32)  # the widest band lightest


def localised(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """``chart`` with Vega's number and time locale of ``lang`` and the house's axis font sizes."""
    locale = VEGA_LOCALES.get(lang, VEGA_LOCALES["en"])
    return chart.configure(locale=locale).configure_axis(labelFontSize=13, titleFontSize=13)


def _colour_by_label(labels: list[str], palette: list[str]) -> alt.Color:
    """One colour of ``palette`` per label, in the order given, with the legend below the chart."""
    return alt.Color(
        "label:N",
        title=None,
        sort=labels,
        scale=alt.Scale(domain=labels, range=palette[: len(labels)]),
        legend=alt.Legend(orient="bottom", labelLimit=600, columns=1),
    )


def _forecast_layers(
    base: alt.Chart, levels: tuple[int, ...], color: alt.Color | alt.ColorValue
) -> list[alt.Chart]:
    """The fan of forecast rows (``kind == "forecast"``): one band per level, widest and lightest
    first, and the point forecast as a dashed line."""
    forecast = base.transform_filter(alt.datum.kind == "forecast")
    layers = []
    for rank, level in enumerate(sorted(levels, reverse=True)):
        layers.append(
            forecast.mark_area(opacity=BAND_OPACITY[min(rank, len(BAND_OPACITY) - 1)]).encode(
                y=f"lower_{level}:Q", y2=f"upper_{level}:Q", color=color
            )
        )
    layers.append(
        forecast.mark_line(strokeWidth=2.5, strokeDash=[7, 4]).encode(y="value:Q", color=color)
    )
    return layers


SERIES_FIELDS = ("date", "label", "value", "period", "unit")
"""The columns of a series frame that :func:`series_chart` draws; the chart's data holds no other,
so the browser receives only what it shows."""


def with_gaps(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a row of null value for every period missing inside each series' range.

    A line drawn through the observed values alone would join the two sides of a gap (CPI has no
    values in 2005, and the line would run straight across the year); with a null row at each
    missing period, and the line mark told to break at nulls, the gap shows as a gap. Nothing is
    filled: the added rows have no value. The series are told apart by ``label``, their periods by
    ``period_label`` (canonical labels such as ``"2005-01"``); a frame without ``period_label`` is
    returned as it is.
    """
    if frame.empty or "period_label" not in frame:
        return frame
    parts = []
    for _, rows in frame.groupby("label", sort=False):
        periods = [parse_period(label) for label in rows["period_label"]]
        present = set(periods)
        missing = [
            period
            for period in pd.period_range(min(periods), max(periods), freq=periods[0].freq)
            if period not in present
        ]
        gap = rows.iloc[[0] * len(missing)].copy()
        gap["value"] = float("nan")
        gap["date"] = [period.start_time for period in missing]
        gap["period"] = ""
        gap["period_label"] = [period_label(period) for period in missing]
        series = pd.concat([rows, gap]) if missing else rows
        parts.append(series.sort_values("date", kind="stable"))
    return pd.concat(parts, ignore_index=True)


def series_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    separate_axes: bool,
    value_title: str,
    height: int = 320,
    forecasts: pd.DataFrame | None = None,
) -> alt.TopLevelMixin:
    """Lines of one or more series over time, with the published forecast of any as a fan.

    ``frame`` has columns ``date`` (period start), ``label`` (series legend), ``value``,
    ``period`` (formatted period for the tooltip) and ``unit``. With ``separate_axes`` each
    series gets its own panel and y axis; otherwise all share one axis (rebased or same unit).
    ``forecasts`` has the same columns (``value`` is the point forecast) plus
    ``lower_<level>``/``upper_<level>``; it is drawn dashed, in its series' colour, with its bands.
    """
    labels = list(dict.fromkeys(frame["label"]))
    combined = with_gaps(frame)[list(SERIES_FIELDS)].assign(kind="actual")
    levels: tuple[int, ...] = ()
    if forecasts is not None and not forecasts.empty:
        bounds = [c for c in forecasts.columns if c.startswith(("lower_", "upper_"))]
        drawn = forecasts[[*SERIES_FIELDS, *bounds]].assign(kind="forecast")
        combined = pd.concat([combined, drawn], ignore_index=True)
        levels = tuple(int(c.split("_")[1]) for c in forecasts.columns if c.startswith("lower_"))
    color = _colour_by_label(labels, PALETTE)
    tooltip = [
        alt.Tooltip("label:N", title=""),
        alt.Tooltip("period:N", title=""),
        alt.Tooltip("value:Q", title="", format=",.2f"),
        alt.Tooltip("unit:N", title=""),
    ]
    base = alt.Chart().encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%m/%Y", labelOverlap=True)),
        y=alt.Y(
            "value:Q",
            title=value_title if not separate_axes else None,
            scale=alt.Scale(zero=False),
        ),
        color=color,
    )
    actual = base.transform_filter(alt.datum.kind == "actual")
    layers = [
        # A null value breaks the line instead of being skipped (see with_gaps).
        actual.mark_line(strokeWidth=2.5, invalid="break-paths-show-domains"),
        *(_forecast_layers(base, levels, color) if levels else []),
        base.mark_circle(size=28, opacity=0.0).encode(tooltip=tooltip),
    ]
    lines = alt.layer(*layers, data=combined)
    if separate_axes and len(labels) > 1:
        chart = (
            lines.properties(height=max(140, height // len(labels)), width=FACET_WIDTH)
            .facet(row=alt.Row("label:N", title=None, sort=labels, header=alt.Header(labels=False)))
            .resolve_scale(y="independent")
        )
    else:
        chart = lines.properties(height=height, width="container")
    return localised(chart, lang)


def fan_chart(
    frame: pd.DataFrame, *, lang: str, value_title: str, height: int = 380
) -> alt.TopLevelMixin:
    """The actuals (solid), a forecast (dashed, with its bands) and another forecast to compare.

    ``frame`` has columns ``date``, ``period`` (formatted), ``value``, ``label`` (the legend: the
    series, the new forecast, the published one), ``kind`` (``actual``, ``forecast`` or
    ``compare``) and, for forecast rows, ``lower_<level>``/``upper_<level>``. The compared forecast
    is drawn as a dotted line without bands.
    """
    labels = list(dict.fromkeys(frame["label"]))
    color = _colour_by_label(labels, FAN_COLOURS)
    levels = tuple(int(c.split("_")[1]) for c in frame.columns if c.startswith("lower_"))
    base = alt.Chart().encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%m/%Y", labelOverlap=True)),
        y=alt.Y("value:Q", title=value_title, scale=alt.Scale(zero=False)),
        color=color,
    )
    tooltip = [
        alt.Tooltip("label:N", title=""),
        alt.Tooltip("period:N", title=""),
        alt.Tooltip("value:Q", title="", format=",.2f"),
    ]
    layers = [
        base.transform_filter(alt.datum.kind == "actual").mark_line(strokeWidth=2.5),
        *_forecast_layers(base, levels, color),
        base.transform_filter(alt.datum.kind == "compare").mark_line(
            strokeWidth=2, strokeDash=[2, 3]
        ),
        base.mark_circle(size=30, opacity=0.0).encode(tooltip=tooltip),
    ]
    chart = alt.layer(*layers, data=frame).properties(height=height, width="container")
    return localised(chart, lang)


def acf_chart(
    table: pd.DataFrame, *, lang: str, lag_title: str, acf_title: str, height: int = 220
) -> alt.TopLevelMixin:
    """Autocorrelations by lag as bars, with white noise's 95 % bounds as dashed rules.

    ``table`` is ``analytics.diagnostics.autocorrelations``: ``lag``, ``acf``, ``bound``.
    """
    base = alt.Chart(table)
    bars = base.mark_bar(size=6, color=PALETTE[0]).encode(
        x=alt.X("lag:O", title=lag_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("acf:Q", title=acf_title, scale=alt.Scale(domain=[-1, 1])),
        tooltip=[
            alt.Tooltip("lag:O", title=lag_title),
            alt.Tooltip("acf:Q", title=acf_title, format=".3f"),
        ],
    )
    bound = table["bound"].iloc[0] if not table.empty else 0.0
    rules = (
        alt.Chart(pd.DataFrame({"y": [bound, -bound, 0.0], "dash": [1, 1, 0]}))
        .mark_rule(color=PALETTE[1])
        .encode(
            y="y:Q",
            strokeDash=alt.condition(alt.datum.dash == 1, alt.value([5, 4]), alt.value([1, 0])),
        )
    )
    chart = (bars + rules).properties(height=height, width="container")
    return localised(chart, lang)
