"""The supply monitor's data: every obligation in force and, for its recent periods, whether the
figures came on time, late, were revised or are missing. Everyone signed in may read it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from analytics.supply_monitor import monitor
from data import obligations
from domain.principal import Principal
from domain.vocabulary import Action
from services.permissions import require

PERIODS = 6


def cells(engine: Engine, user: Principal, today: dt.date, periods: int = PERIODS) -> pd.DataFrame:
    """The monitor's cells on ``today`` (see ``analytics.supply_monitor.monitor``), with each
    indicator's names."""
    require(user, Action.MONITOR_READ)
    owed = obligations.current(engine, today)
    if owed.empty:
        return pd.DataFrame()
    since = (pd.Period(today, "Y") - 2).start_time.date()
    found = monitor(owed, obligations.supplied(engine, since), today, periods)
    names = owed.drop_duplicates("indicator_code").set_index("indicator_code")
    found["name_vi"] = found["indicator_code"].map(names["name_vi"])
    found["name_en"] = found["indicator_code"].map(names["name_en"])
    return found
