"""Reads for agencies' reporting systems (the HTTP API): the catalogue, what an agency owes for a
period, its data, its submissions and its supply status. Every read is scoped to the agency the
caller stands for; another agency's submission is reported as not found, so its existence does
not leak."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from analytics.supply_monitor import monitor
from data import obligations, repository
from data import submissions as staged
from domain.errors import PermissionDenied
from domain.periods import period_label
from domain.principal import Principal
from domain.vocabulary import NATIONAL_GEOGRAPHY, Action, Frequency
from ingest.template import TemplateLine
from services import intake
from services.permissions import require


def catalogue(engine: Engine, user: Principal) -> pd.DataFrame:
    """Every indicator: code, names, unit, frequency and responsible agency."""
    require(user, Action.MONITOR_READ)
    frame = repository.catalogue(engine)
    return frame[["code", "name_vi", "name_en", "unit", "frequency", "agency_code"]]


def template(engine: Engine, user: Principal, period: pd.Period) -> list[TemplateLine]:
    """The series the caller's agency owes for ``period``, as in its upload template."""
    require(user, Action.INTAKE_UPLOAD, agency_code=user.agency_code)
    return intake.template_lines(engine, user.agency_code or "", period)


def data(
    engine: Engine, user: Principal, code: str, geography: str = NATIONAL_GEOGRAPHY
) -> pd.DataFrame:
    """The values of one of the caller's indicators (the latest known of each period)."""
    owed = intake.owed_by(engine, user.agency_code or "", dt.date.today())
    if (code, geography) not in owed:
        raise PermissionDenied(
            "error.not_owed",
            f"{code} in {geography} is not one of the agency's series",
            code=code,
            geography=geography,
        )
    frame = repository.observations(engine, [code], geography=geography)
    with engine.connect() as conn:
        frequency = next(r.frequency for r in staged.indicator_facts(conn) if r.code == code)
    frame["period"] = [
        period_label(pd.Period(start, Frequency.parse(frequency).pandas))
        for start in pd.to_datetime(frame["period_start"])
    ]
    return frame


def submission_of(
    engine: Engine, user: Principal, submission_id: int
) -> tuple[dict, pd.DataFrame] | None:
    """One of the caller's agency's submissions and its checked rows; None for any other."""
    require(user, Action.INTAKE_UPLOAD, agency_code=user.agency_code)
    with engine.connect() as conn:
        header = staged.get(conn, submission_id)
    if header is None or header["agency_code"] != user.agency_code:
        return None
    return intake.submission(engine, submission_id)


def submissions_of(engine: Engine, user: Principal) -> pd.DataFrame:
    """The caller's agency's submissions, newest first."""
    require(user, Action.INTAKE_UPLOAD, agency_code=user.agency_code)
    return intake.submissions(engine, user.agency_code)


def supply(engine: Engine, user: Principal, period: pd.Period, today: dt.date) -> pd.DataFrame:
    """For ``period``: each series the caller's agency owes, its deadline and whether it came on
    time, late, revised or not at all (as of ``today``)."""
    require(user, Action.MONITOR_READ)
    owed = obligations.current(engine, today)
    if owed.empty:
        return pd.DataFrame()
    mine = owed[
        (owed["agency_code"] == user.agency_code) & (owed["frequency"] == period.freqstr[0])
    ]
    if mine.empty:
        return pd.DataFrame()
    since = period.start_time.date()
    periods = max(1, (pd.Period(today, period.freqstr[0]) - period).n + 1)
    cells = monitor(mine, obligations.supplied(engine, since), today, periods)
    cells = cells[cells["period"] == period]
    cells["period"] = [period_label(p) for p in cells["period"]]
    return cells
