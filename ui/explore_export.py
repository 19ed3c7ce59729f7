"""What Explore's downloads hold: the rows shown, each saying exactly what was done to it, and the
metadata that lets a reader trust and reproduce them (names, units, sources, definitions, the
vintage used, when the file was made and the link that reopens the view); published forecasts on
request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlencode

import pandas as pd

from analytics.formatting import format_date, format_moment
from data.forecasts import StoredForecast
from domain.periods import parse_period, period_label
from ui.explore_data import ExploreResult
from ui.i18n import translate, unit_text
from ui.model_names import model_text
from ui.steps import describe_steps
from ui.view_state import ExploreView, view_params

FORECAST_BOUNDS = ("lower_80", "upper_80", "lower_95", "upper_95")


def export_rows(
    result: ExploreResult,
    view: ExploreView,
    forecasts: pd.DataFrame | None,
    lang: str,
    published: Mapping[str, StoredForecast] | None = None,
) -> pd.DataFrame:
    """The shown rows with their processing in words (aggregation, transformation, rebasing, and
    whether a rate is the source's published one), then the published forecasts if given, each
    saying its model and when it was published (``published``, by indicator)."""
    frame = result.frame
    processing = {
        code: describe_steps({code: steps}, view, lang) for code, steps in result.steps.items()
    }
    as_published = translate("export.rate_published", lang)
    rows = pd.DataFrame(
        {
            translate("explore.column.period", lang): frame["period_label"],
            translate("explore.column.code", lang): frame["code"],
            translate("explore.column.name", lang): frame["name"],
            translate("explore.column.unit", lang): frame["unit"],
            translate("explore.column.transform", lang): [
                processing.get(code, "") + (f" ({as_published})" if source == "published" else "")
                for code, source in zip(
                    frame["code"], frame.get("rate_source", [""] * len(frame)), strict=True
                )
            ],
            translate("explore.column.value", lang): frame["value"],
            translate("explore.column.status", lang): [
                translate(f"status.{s}", lang) if s else "" for s in frame["status"]
            ],
            translate("explore.column.source", lang): frame["source"],
        }
    )
    if forecasts is None or forecasts.empty:
        return rows
    forecast_rows = _forecast_rows(result, view, forecasts, lang, published or {})
    return pd.concat([rows, forecast_rows], ignore_index=True)


def _forecast_rows(
    result: ExploreResult,
    view: ExploreView,
    forecasts: pd.DataFrame,
    lang: str,
    published: Mapping[str, StoredForecast],
) -> pd.DataFrame:
    """Each published forecast's periods after the last actual, marked as a forecast, with the
    processing of its series, its model and its publication date."""
    last_shown = result.frame.groupby("code")["date"].max()
    ahead = forecasts[forecasts["date"] > forecasts["code"].map(last_shown)]
    bounds = [c for c in FORECAST_BOUNDS if c in ahead]
    frequency = {
        code: parse_period(label).freqstr
        for code, label in zip(result.frame["code"], result.frame["period_label"], strict=True)
    }

    def what(code: str) -> str:
        done = describe_steps({code: result.steps.get(code, [])}, view, lang)
        stored = published.get(code)
        if stored is None:
            return done
        by = translate(
            "export.forecast_by",
            lang,
            model=model_text(stored.model, lang),
            date=format_date(stored.created_at, lang),
        )
        return f"{done} — {by}"

    frame = pd.DataFrame(
        {
            translate("explore.column.period", lang): [
                period_label(pd.Period(day, frequency[code]))
                for day, code in zip(ahead["date"], ahead["code"], strict=True)
            ],
            translate("explore.column.code", lang): ahead["code"],
            translate("explore.column.name", lang): ahead["name"],
            translate("explore.column.unit", lang): ahead["unit"],
            translate("explore.column.transform", lang): [what(c) for c in ahead["code"]],
            translate("explore.column.value", lang): ahead["value"],
            translate("explore.column.status", lang): translate("export.forecast", lang),
            translate("explore.column.source", lang): translate("export.forecast_source", lang),
        }
    )
    for bound in bounds:
        frame[translate(f"export.{bound}", lang)] = ahead[bound].to_numpy()
    return frame


def metadata_items(
    result: ExploreResult,
    view: ExploreView,
    catalogue: pd.DataFrame,
    observations: pd.DataFrame,
    as_of: dt.date | None,
    base_url: str,
    now: dt.datetime,
    lang: str,
) -> list[tuple[str, str]]:
    """The metadata rows of a download, in the reader's language."""
    meta = catalogue.set_index("code")
    codes = list(dict.fromkeys(result.frame["code"]))
    used = observations[observations["indicator_code"].isin(codes)]
    newest = max(used["vintage"]) if not used.empty else None
    vintage = (
        translate("export.as_of", lang, date=format_date(as_of, lang))
        if as_of
        else translate("export.latest", lang, date=format_date(newest, lang) if newest else "–")
    )
    query = urlencode({**view_params(view), **({"lang": lang} if lang != "vi" else {})})
    items = [
        (translate("export.meta.title", lang), translate("export.meta.title_value", lang)),
        (translate("export.meta.downloaded", lang), format_moment(now, lang)),
        (translate("export.meta.link", lang), f"{base_url}?{query}" if query else base_url),
        (translate("export.meta.vintage", lang), vintage),
        (translate("export.meta.processing", lang), describe_steps(result.steps, view, lang)),
    ]
    for code in codes:
        info = meta.loc[code]
        definition = info.get(f"definition_{lang}")
        name = info["name_vi"] if lang == "vi" else info["name_en"]
        agency = info["agency_vi"] if lang == "vi" else info["agency_en"]
        items += [
            (translate("export.meta.indicator", lang, code=code), name),
            (translate("export.meta.unit", lang, code=code), unit_text(info["unit"], lang)),
            (translate("export.meta.source", lang, code=code), info["source"]),
            (translate("export.meta.agency", lang, code=code), agency if pd.notna(agency) else "–"),
            (
                translate("export.meta.definition", lang, code=code),
                definition
                if isinstance(definition, str) and definition.strip()
                else translate("export.no_definition", lang),
            ),
        ]
    return items
