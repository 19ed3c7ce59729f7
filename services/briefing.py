"""The monthly briefing's figures, gathered from storage as known on a day (``as_of``): the
headline indicators up to the briefing's month with their forecasts, the plan targets' outlook,
and who supplied the month's data. ``reports.briefing`` turns them into slides.

A read, for the roles that take a briefing to the Government meeting (leaders, analysts,
admins). What was known on ``as_of`` only: values by their vintage, forecasts made by that day
whose data ends by the briefing's month (the published one, else the monthly batch's), so a
briefing for a past month shows what could have been said then, and the same month and day give
the same deck.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from analytics.observations import series as series_of
from analytics.supply_monitor import monitor
from analytics.tiles import summarise_headline
from data import obligations, repository
from domain.headlines import HEADLINES, Headline
from domain.principal import Principal
from domain.vocabulary import Action, SupplyState
from reports.briefing import BriefingData, IndicatorData, OutlookItem, SupplyItem
from services.forecasts import stored_as_of
from services.outlook import targets_outlook
from services.permissions import require


def briefing_data(
    engine: Engine, user: Principal | None, period: pd.Period, as_of: dt.date
) -> BriefingData:
    """The figures of the briefing for the month ``period``, as known on ``as_of``."""
    require(user, Action.BRIEFING_MAKE)
    catalogue = repository.catalogue(engine).set_index("code")
    headlines = [h for h in HEADLINES if all(code in catalogue.index for code in h.sources)]
    codes = sorted({code for h in headlines for code in h.inputs if code in catalogue.index})
    frame = repository.observations(engine, codes, as_of=as_of)
    frame = frame[pd.to_datetime(frame["period_start"]) <= period.end_time]
    indicators = tuple(_indicator(engine, h, frame, catalogue, period, as_of) for h in headlines)
    vintage = pd.to_datetime(frame["vintage"]).max() if not frame.empty else None
    outlook = tuple(
        OutlookItem(row["name_vi"], row["name_en"], row["target_text"], found, reason)
        for row, found, reason in targets_outlook(engine, period.year, as_of)
    )
    return BriefingData(
        period=period,
        as_of=as_of,
        vintage=None if vintage is None or pd.isna(vintage) else vintage.date(),
        indicators=indicators,
        outlook_year=period.year,
        outlook=outlook,
        supply=_supply(engine, period, as_of),
    )


def _indicator(
    engine: Engine,
    headline: Headline,
    frame: pd.DataFrame,
    catalogue: pd.DataFrame,
    period: pd.Period,
    as_of: dt.date,
) -> IndicatorData:
    meta = catalogue.loc[headline.sources[0]]
    own = [series_of(frame, code, catalogue.loc[code, "frequency"]) for code in headline.sources]
    values = own[0] if len(own) == 1 else own[0].sub(own[1]).dropna()
    mine = frame[frame["indicator_code"] == headline.sources[0]]
    statuses = pd.Series(
        mine["status"].to_numpy(),
        index=pd.PeriodIndex(pd.to_datetime(mine["period_start"]), freq=values.index.freq)
        if len(mine)
        else pd.PeriodIndex([], freq="M"),
    )
    sources = mine.sort_values("period_start")["source"].dropna()
    forecast, kind, made = _forecast(engine, headline.code, values, as_of)
    return IndicatorData(
        key=headline.key,
        code=headline.code,
        name_vi=str(meta["name_vi"]),
        name_en=str(meta["name_en"]),
        unit=str(meta["unit"]),
        kind=headline.kind,
        higher_is_better=headline.higher_is_better,
        values=values,
        statuses=statuses,
        source=str(sources.iloc[-1]) if len(sources) else "",
        summary=summarise_headline(headline, frame, catalogue),
        forecast=forecast,
        forecast_kind=kind,
        forecast_made=made,
        derived=headline.derived_from is not None,
    )


def _forecast(
    engine: Engine, code: str, values: pd.Series, as_of: dt.date
) -> tuple[pd.DataFrame | None, str | None, dt.date | None]:
    """The newest published forecast of ``code`` made by ``as_of`` from data that ends by the
    last value shown, else the monthly batch's; None if neither exists."""
    if values.dropna().empty:
        return None, None, None
    for kind, stored, made in stored_as_of(engine, code, as_of, values.dropna().index[-1]):
        return stored, kind, made
    return None, None, None


def _supply(engine: Engine, period: pd.Period, as_of: dt.date) -> tuple[SupplyItem, ...]:
    """Per agency: the monthly obligations owed for ``period``, and how they were met by
    ``as_of`` (a figure first known after ``as_of`` was not known then)."""
    owed = obligations.current(engine, as_of)
    if owed.empty:
        return ()
    supplied = obligations.supplied(engine, (period - 12).start_time.date())
    supplied = supplied[pd.to_datetime(supplied["first_vintage"]).dt.date <= as_of]
    months = max(1, (pd.Period(as_of, "M") - period).n + 1)
    cells = monitor(owed[owed["frequency"] == "M"], supplied, as_of, months)
    cells = cells[cells["period"] == period]
    names = repository.agencies(engine).set_index("code")
    items = []
    for agency, mine in cells.groupby("agency_code"):
        states = mine["state"]
        items.append(
            SupplyItem(
                agency_vi=str(names.loc[agency, "name_vi"]) if agency in names.index else agency,
                agency_en=str(names.loc[agency, "name_en"]) if agency in names.index else agency,
                owed=len(mine),
                on_time=int(states.isin([SupplyState.ON_TIME, SupplyState.REVISED]).sum()),
                late=int((states == SupplyState.LATE).sum()),
                missing=int((states == SupplyState.MISSING).sum()),
            )
        )
    return tuple(items)
