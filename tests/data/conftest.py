"""Data-layer fixtures: the catalogue as the shipped seed builds it."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture(scope="session")
def real_catalogue() -> pd.DataFrame:
    """The seeded catalogue, built from the shipped data into a database of its own."""
    from data.engine import make_engine
    from data.migrate import upgrade
    from data.repository import catalogue
    from data.seed_load import load_all

    engine = make_engine("sqlite://")
    upgrade(engine)
    load_all(engine)
    return catalogue(engine)
