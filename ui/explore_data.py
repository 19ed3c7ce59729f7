"""Turn an Explore view into what the page draws: a tidy frame per series, and the steps applied.

This is the glue between the cached observations and the pure transformations; it knows nothing of
widgets, so the page stays a list of widgets and draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analytics.forecast_request import TARGET_TRANSFORMS
from analytics.formatting import format_period
from analytics.observations import series
from analytics.published_rates import published_rate_code
from analytics.tiles import COMPUTED, PUBLISHED, RATE_AS_PERCENT_CHANGE, published_change
from analytics.transforms import Step, apply_transform, transform_pipeline
from data.forecasts import StoredForecast
from domain.errors import InputError
from domain.periods import normalise_frequency, parse_period, period_label
from ui.forecast_view import explore_forecast_rows
from ui.i18n import unit_text
from ui.view_state import ExploreView

PERCENT_TRANSFORMS = {"pct_change", "yoy_pct", "ytd_yoy_pct"}


@dataclass
class ExploreResult:
    """The series to draw (long format), the steps applied to each, and the errors met."""

    frame: pd.DataFrame
    steps: dict[str, list[Step]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    rates: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """For a series shown as the source's published rate: the rate's code, and how many periods
    show the published rate and how many a computed one (where none is published)."""


def rate_codes(view: ExploreView, catalogue: pd.DataFrame) -> dict[str, str]:
    """The published rate that stands for the view's transformation of each of its indicators.

    Only at the indicator's own frequency (a quarterly aggregate has no published rate) and
    not when the series are rebased to compare.
    """
    if view.compare == "rebased" and len(view.codes) > 1:
        return {}
    meta = catalogue.set_index("code")
    units = meta["unit"].to_dict()
    readable = frozenset(RATE_AS_PERCENT_CHANGE)
    found = {}
    for code in view.codes:
        if view.freq and normalise_frequency(view.freq) != normalise_frequency(
            meta.loc[code, "frequency"]
        ):
            continue
        if rate := published_rate_code(code, view.transform, units, readable):
            found[code] = rate
    return found


def shown_unit(unit: str, transform: str, rebased: bool) -> str:
    """The unit of a transformed series: % for percentage changes, an index when rebased."""
    if rebased or transform == "rebase":
        return "index"
    if transform in PERCENT_TRANSFORMS:
        return "%"
    if transform == "log":
        return f"log({unit})"
    return unit


def _in_range(values: pd.Series, start: str, end: str) -> pd.Series:
    if start:
        first = parse_period(start).start_time
        values = values[values.index.end_time >= first]
    if end:
        last = parse_period(end).end_time
        values = values[values.index.start_time <= last]
    return values


def build(
    view: ExploreView, observations: pd.DataFrame, catalogue: pd.DataFrame, lang: str
) -> ExploreResult:
    """Apply ``view`` to each of its indicators; a series that cannot be drawn is reported."""
    result = ExploreResult(frame=pd.DataFrame())
    parts = []
    meta = catalogue.set_index("code")
    rebased = view.compare == "rebased" and len(view.codes) > 1
    rates = rate_codes(view, catalogue)
    for code in view.codes:
        info = meta.loc[code]
        name = info["name_vi"] if lang == "vi" else info["name_en"]
        raw = series(observations, code, info["frequency"])
        params = {}
        if view.transform == "moving_average":
            params["window"] = view.window
        if view.transform == "rebase" and view.base:
            params["base_period"] = view.base
        try:
            values, steps = transform_pipeline(
                raw,
                freq=view.freq or None,
                how=view.how,
                transform=view.transform,
                series_name=code,
                **params,
            )
            sources = pd.Series(COMPUTED, index=values.index)
            if code in rates:
                rate = meta.loc[rates[code]]
                published = published_change(
                    series(observations, rates[code], rate["frequency"]), rate["unit"]
                ).dropna()
                values = published.combine_first(values)
                sources = pd.Series(COMPUTED, index=values.index)
                sources[published.index] = PUBLISHED
            values = _in_range(values.dropna(), view.start, view.end)
            sources = sources.reindex(values.index)
            if code in rates:
                shown_published = int((sources == PUBLISHED).sum())
                result.rates[code] = (rates[code], shown_published, len(values) - shown_published)
            if rebased and not values.empty:
                values = apply_transform(values, "rebase", series_name=code)
        except InputError as error:
            result.errors.append(error)
            continue
        if values.empty:
            result.errors.append(
                InputError("explore.no_data_in_range", f"{code} has no data in range", name=name)
            )
            continue
        result.steps[code] = steps
        statuses = {}
        if not view.freq or view.freq == normalise_frequency(info["frequency"]):
            rows = observations[observations["indicator_code"] == code]
            statuses = dict(zip(raw.index, rows["status"], strict=True))
        unit = unit_text(shown_unit(info["unit"], view.transform, rebased), lang)
        parts.append(
            pd.DataFrame(
                {
                    "code": code,
                    "name": name,
                    "label": f"{name} ({unit})",
                    "unit": unit,
                    "period_label": [period_label(p) for p in values.index],
                    "period": [format_period(p, lang) for p in values.index],
                    "date": values.index.start_time,
                    "value": values.to_numpy(),
                    "status": [statuses.get(p, "") for p in values.index],
                    "rate_source": list(sources) if code in rates else "",
                    "source": info["source"],
                }
            )
        )
    if parts:
        result.frame = pd.concat(parts, ignore_index=True)
    return result


def forecastable_codes(view: ExploreView, codes: list[str], catalogue: pd.DataFrame) -> list[str]:
    """The codes whose published forecast the view can show: forecasts are published in the view's
    transformation, at the indicator's own frequency, and the series is not rebased to compare."""
    if view.transform not in TARGET_TRANSFORMS or (view.compare == "rebased" and len(codes) > 1):
        return []
    frequency = catalogue.set_index("code")["frequency"]
    return [
        code
        for code in codes
        if not view.freq or normalise_frequency(view.freq) == normalise_frequency(frequency[code])
    ]


def forecast_rows(
    frame: pd.DataFrame, published: dict[str, StoredForecast], view: ExploreView, lang: str
) -> pd.DataFrame:
    """Each published forecast as rows of the chart's ``forecasts`` frame, after its actuals."""
    end = parse_period(view.end) if view.end else None
    parts = []
    for code, stored in published.items():
        shown = frame[frame["code"] == code]
        if shown.empty:
            continue
        last = parse_period(shown["period_label"].iloc[-1])
        last_actual = pd.Series([shown["value"].iloc[-1]], index=pd.PeriodIndex([last]))
        parts.append(explore_forecast_rows(stored, shown, last_actual, end, lang))
    parts = [part for part in parts if not part.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
