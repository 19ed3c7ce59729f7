"""Every Streamlit cache of the app. Each cached function is a pure function of its arguments.

The engine is shared by all sessions (``cache_resource``). Query results are cached per data
version (``repository.data_version``), so a new load or submission is seen at once; the engine is
passed as ``_engine`` so that it is not hashed.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from analytics.search import prepare_catalogue
from data import repository
from data.engine import make_engine


@st.cache_resource
def engine() -> Engine:
    """The database engine, shared by every session."""
    return make_engine()


@st.cache_data(ttl=30, show_spinner=False)
def data_version(_engine: Engine, url: str) -> str:
    """The data version token, re-read at most every 30 seconds."""
    return repository.data_version(_engine)


@st.cache_data(show_spinner=False)
def catalogue(_engine: Engine, version: str) -> pd.DataFrame:
    """The indicator catalogue with search columns prepared."""
    return prepare_catalogue(repository.catalogue(_engine))


@st.cache_data(show_spinner=False, max_entries=256)
def observations(
    _engine: Engine, codes: tuple[str, ...], version: str, as_of: dt.date | None = None
) -> pd.DataFrame:
    """Latest-known observations of ``codes`` (on ``as_of`` if given)."""
    return repository.observations(_engine, list(codes), as_of=as_of)


@st.cache_data(show_spinner=False)
def plan_targets(_engine: Engine, version: str) -> pd.DataFrame:
    """All plan targets."""
    return repository.plan_targets(_engine)


def current_version() -> tuple[Engine, str]:
    """The shared engine and the data version every cache key in this run should use."""
    db = engine()
    return db, data_version(db, str(db.url))
