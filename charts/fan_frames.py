"""The frames the fan chart draws (``charts.builders.fan_chart``): recent actuals, a forecast
anchored on the last actual so that its dashed line and bands start from it, and a forecast to
compare. Shared by the forecast lab, Explore and the briefing deck, so all draw one picture."""

from __future__ import annotations

import pandas as pd

from analytics.formatting import format_period


def bounds(frame: pd.DataFrame) -> list[str]:
    """The band columns of a wide forecast frame (``lower_<level>``, ``upper_<level>``)."""
    return [c for c in frame.columns if c.startswith(("lower_", "upper_"))]


def rows(values: pd.DataFrame, kind: str, label: str, lang: str) -> pd.DataFrame:
    """Wide ``values`` (``period, point, ...``) as chart rows of ``kind`` under ``label``."""
    return values.rename(columns={"point": "value"}).assign(
        kind=kind,
        label=label,
        date=[p.start_time for p in values["period"]],
        period=[format_period(p, lang) for p in values["period"]],
    )


def anchored(values: pd.DataFrame, last: pd.Series) -> pd.DataFrame:
    """``values`` preceded by the last actual, so the dashed line and the bands start from it."""
    period, value = last.index[-1], float(last.iloc[-1])
    start = {column: value for column in ["point", *bounds(values)]}
    return pd.concat([pd.DataFrame([{"period": period, **start}]), values], ignore_index=True)


def fan_frame(
    actuals: pd.Series,
    forecast: pd.DataFrame | None,
    compare: pd.DataFrame | None,
    labels: tuple[str, str, str],
    lang: str,
    history: int | None = None,
) -> pd.DataFrame:
    """Recent actuals (the last ``history`` periods, all if None), the forecast fan and a
    compared forecast, as the rows of ``fan_chart``.

    ``forecast`` and ``compare`` are wide (``period, point, lower_80 ...``); a forecast's periods
    up to the last actual are left out. ``labels`` name the actuals, the forecast and the
    compared forecast in the legend.
    """
    shown = actuals.iloc[-history:] if history else actuals
    frame = pd.DataFrame({"period": shown.index, "point": shown.to_numpy()})
    parts = [rows(frame, "actual", labels[0], lang)]
    if forecast is not None and not actuals.empty:
        ahead = forecast[forecast["period"] > actuals.index[-1]]
        if not ahead.empty:
            parts.append(rows(anchored(ahead, actuals), "forecast", labels[1], lang))
    if compare is not None and not compare.empty:
        parts.append(rows(compare[["period", "point"]], "compare", labels[2], lang))
    return pd.concat(parts, ignore_index=True)
