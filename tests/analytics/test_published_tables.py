"""The transformations reproduce figures that GSO publishes next to the levels they come from.

Candidates that were tried and do not pass honestly, so are not tested here:

- GSO monthly exports: ``yoy_pct`` of ``EXP_YTD.TOTAL`` misses ``EXP_YTD_YOY.TOTAL`` by a median
  0.6 pp, because each month's y/y is computed against the *revised* figure of a year before,
  while the stored level of that month is the first estimate.
- ``yoy_pct`` of the NSDP industrial production index vs GSO's IIP y/y: median gap 2.7 pp (the
  two are different compilations and vintages).
- ``ytd`` of NSDP monthly exports vs GSO's ``EXP_YTD.TOTAL``: mostly 0.1-3 % apart (final monthly
  figures vs estimates), and NSDP lacks 2022-01 and 2023-01 to 2023-09.
"""

from pathlib import Path

import pandas as pd
import pytest

from analytics.transforms import aggregate, apply_transform

SEED = Path(__file__).resolve().parents[2] / "data/seed/vn"


def read_series(file_name: str, code: str, freq: str) -> pd.Series:
    table = pd.read_csv(
        SEED / file_name, usecols=["indicator_code", "frequency", "period", "value"]
    )
    rows = table[(table["indicator_code"] == code) & (table["frequency"] == freq)]
    index = pd.PeriodIndex(rows["period"], freq="Y" if freq == "A" else freq)
    return pd.Series(rows["value"].to_numpy(), index=index, name=code).sort_index()


# GSO's quarterly GDP table changed shape twice, so only some (quarter, quarter a year earlier)
# pairs hold levels of the same kind:
# - 2014-Q1 to 2018-Q2 the level is cumulative from January (Q2 is the first half, Q4 the year);
#   from 2018-Q3 it is the single quarter. A Q1 is both.
# - From 2021 the levels are on the scale of GSO's revised GDP (2021-Q1 is 68 % above 2020-Q1 in
#   the table), so 2021 cannot be compared with 2020. The 2022-2024 pairs differ by up to 1.9 pp
#   (2023-Q1): the stored levels are first estimates, and GSO's y/y uses the revised year before.
# The consistent pairs are 2015-Q1 to 2018-Q2, 2019-Q1, and 2019-Q3 to 2020-Q4. On them 17 of
# the 21 quarters agree within 0.1 pp and all within 0.17 pp (the largest, 2020-Q3, is 0.163 pp;
# the rest of the gap is revision of the year-earlier level), so the tolerance is 0.2 pp.
CONSISTENT_QUARTERS = [
    *pd.period_range("2015Q1", "2018Q2", freq="Q"),
    pd.Period("2019Q1", freq="Q"),
    *pd.period_range("2019Q3", "2020Q4", freq="Q"),
]


def test_yoy_pct_of_real_gdp_reproduces_gso_published_growth():
    level = read_series("gso_quarterly_gdp_by_sector.csv.gz", "GDP_Q_REAL.TONG_SO", "Q")
    published = read_series("gso_quarterly_gdp_by_sector.csv.gz", "GDP_Q_YOY.TONG_SO", "Q")
    computed = apply_transform(level, "yoy_pct")
    gaps = (computed - published)[CONSISTENT_QUARTERS]
    assert gaps.notna().all()
    assert (gaps.abs() <= 0.1).sum() >= 17
    assert gaps.abs().max() <= 0.2, gaps.round(3).to_dict()


def test_ytd_of_quarterly_real_gdp_reproduces_the_published_annual_total():
    # NSDP publishes real GDP (constant 2010 prices) by quarter and by year. The year-to-date sum
    # at Q4 is the annual figure to the unit (billion VND) except 2020, where the quarters add up
    # to 88 billion VND (0.002 %) more than the published year.
    quarters = read_series("nsdp_national_accounts.csv.gz", "NGDP_R_PA_XDC", "Q")
    years = read_series("nsdp_national_accounts.csv.gz", "NGDP_R_PA_XDC", "A")
    year_to_date = apply_transform(quarters, "ytd")
    fourth_quarters = year_to_date[year_to_date.index.quarter == 4]
    fourth_quarters.index = fourth_quarters.index.asfreq("Y")
    common = fourth_quarters.index.intersection(years.index)
    assert len(common) >= 14
    assert fourth_quarters[common].to_numpy() == pytest.approx(years[common].to_numpy(), rel=1e-4)
    assert aggregate(quarters, "Y", "sum")[common].to_numpy() == pytest.approx(
        years[common].to_numpy(), rel=1e-4
    )
