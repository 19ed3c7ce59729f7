"""Every seeded indicator has a kind, and the real headline series have the kind a statistician
would give them (checked one by one against their units and names)."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import select, update

from data import tables as t
from data.engine import make_engine
from data.migrate import upgrade
from data.seed_load import fill_missing_kinds, load_all


def test_every_seeded_indicator_has_a_kind(real_catalogue: pd.DataFrame) -> None:
    assert real_catalogue["kind"].notna().all(), list(
        real_catalogue.loc[real_catalogue["kind"].isna(), "code"]
    )
    assert set(real_catalogue["kind"]) == {"flow", "stock", "level", "index", "rate", "ytd"}


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("PCPI_IX", "index"),  # CPI, 2019 = 100
        ("CPI_YOY.CHI_SO_GIA_TIEU_DUNG", "rate"),  # % on the same month last year
        ("RETAIL_M_YOY_IDX.TONG_SO", "rate"),  # index, same month last year = 100
        ("EXP_M.TOTAL", "flow"),  # exports of the month, million USD
        ("EXP_YTD.TOTAL", "ytd"),  # exports since January
        ("FDI_REG_TOTAL_YTD", "ytd"),  # registered FDI, cumulative since 1 January
        ("ENDA_MID_XDC_USD_RATE", "level"),  # VND per USD, monthly average
        ("LP_PE_NUM", "stock"),  # total population
        ("VNM_CGD_TD_XDC", "stock"),  # central government debt outstanding
        ("VNM_CGD_TDDS_XDC", "flow"),  # central government debt service, paid over the year
        ("FIR_PA", "rate"),  # the refinancing rate, percent
        ("GDP_Q_REAL.TONG_SO", "flow"),  # real GDP of the quarter
    ],
)
def test_real_indicators_have_the_kind_their_units_say(
    real_catalogue: pd.DataFrame, code: str, kind: str
) -> None:
    row = real_catalogue.set_index("code").loc[code]
    assert row["kind"] == kind, (code, row["unit"], row["name_en"])


def test_a_database_seeded_before_kinds_gets_them_on_the_next_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine)
    load_all(engine)
    with engine.begin() as conn:
        conn.execute(update(t.indicators).values(kind=None))
        before = conn.execute(select(t.observations.c.id)).all()
    load_all(engine)
    with engine.connect() as conn:
        kinds = conn.execute(select(t.indicators.c.kind)).scalars().all()
        after = conn.execute(select(t.observations.c.id)).all()
    assert None not in kinds
    assert after == before, "observations are untouched"
    assert fill_missing_kinds(engine) == 0, "a second run finds nothing to fill"
