"""The real-time record on a small vintaged table whose errors are worked out by hand.

The table: monthly first estimates of 2017-01..2017-12 (10, 11, ..., 21), each released on the
28th of its month; 2018-01 estimated 24 on 28 Jan and restated 25 on 28 Feb; 2018-02 estimated 20
on 28 Feb and restated 22 on 28 Mar; 2018-03 estimated 30 but released only on 5 April; 2018-04
estimated 27 on 28 April. Origins run from 2018-01; the history needs 13 months.

* Origin 2018-01 (as of 31 Jan): 10..21, 24. Naive forecast 24 for Feb and Mar. Errors (outcome −
  forecast) against the first releases 20 − 24 = −4 and 30 − 24 = 6; against the latest 22 − 24 =
  −2 and 6. Seasonal naive scale: |24 − 10| = 14.
* Origin 2018-02 (as of 28 Feb): 10..21, 25 (the restatement), 20. Naive 20 for Mar and Apr;
  errors 30 − 20 = 10 and 27 − 20 = 7 against both. Scale: (|25 − 10| + |20 − 11|) / 2 = 12.
* Origin 2018-03: its own month's value was released on 5 April, after the origin: left out.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from analytics import realtime_record as rr
from domain.vocabulary import Frequency

MONTH = Frequency.MONTH


def _row(period: str, value: float, vintage: dt.date, status: str) -> dict:
    return {
        "indicator_code": "X",
        "period_start": pd.Period(period, "M").start_time.date(),
        "period_end": pd.Period(period, "M").end_time.date(),
        "value": value,
        "status": status,
        "vintage": vintage,
        "source": "test",
    }


def _table(extra: list[dict] | None = None) -> pd.DataFrame:
    rows = [_row(f"2017-{m:02d}", 9.0 + m, dt.date(2017, m, 28), "estimate") for m in range(1, 13)]
    rows += [
        _row("2018-01", 24.0, dt.date(2018, 1, 28), "estimate"),
        _row("2018-01", 25.0, dt.date(2018, 2, 28), "revised"),
        _row("2018-02", 20.0, dt.date(2018, 2, 28), "estimate"),
        _row("2018-02", 22.0, dt.date(2018, 3, 28), "revised"),
        _row("2018-03", 30.0, dt.date(2018, 4, 5), "estimate"),
        _row("2018-04", 27.0, dt.date(2018, 4, 28), "estimate"),
        # Another indicator in the same table is ignored.
        {**_row("2018-01", 999.0, dt.date(2018, 1, 2), "estimate"), "indicator_code": "Y"},
    ]
    frame = pd.DataFrame(rows + (extra or []))
    return frame.sample(frac=1.0, random_state=3)  # the order of the rows does not matter


def _record(table: pd.DataFrame, forecasters: dict, horizon: int = 2):  # type: ignore[no-untyped-def]
    ordered = rr.releases(table, "X")
    origins = rr.origin_table(ordered, MONTH, pd.Period("2018-01", "M"), min_length=13)
    forecasts = rr.record(ordered, origins, MONTH, forecasters, horizon=horizon, name="X")
    return ordered, origins, forecasts


def test_an_origin_counts_only_when_its_own_month_was_known_by_its_end() -> None:
    _, origins, _ = _record(_table(), {"naive": rr.naive})
    assert [str(o) for o in origins["origin"]] == ["2018-01", "2018-02", "2018-03"]
    assert origins["status"].tolist() == [rr.REAL_TIME, rr.REAL_TIME, rr.NOT_RELEASED]
    assert origins["length"].tolist() == [13, 14, 0]
    assert origins["released_on"].iloc[2] == pd.Timestamp("2018-04-05")
    assert origins["release_status"].iloc[:2].tolist() == ["estimate", "estimate"]


def test_the_forecasts_start_from_the_data_as_known_and_face_both_outcomes() -> None:
    _, _, forecasts = _record(_table(), {"naive": rr.naive})
    assert forecasts[["origin", "period", "horizon"]].astype(str).values.tolist() == [
        ["2018-01", "2018-02", "1"],
        ["2018-01", "2018-03", "2"],
        ["2018-02", "2018-03", "1"],
        ["2018-02", "2018-04", "2"],
    ]
    assert forecasts["forecast"].tolist() == [24.0, 24.0, 20.0, 20.0]
    assert forecasts["outcome_first"].tolist() == [20.0, 30.0, 30.0, 27.0]
    assert forecasts["outcome_latest"].tolist() == [22.0, 30.0, 30.0, 27.0]
    assert forecasts["scale"].tolist() == [14.0, 14.0, 12.0, 12.0]


def test_the_summary_gives_the_errors_worked_out_by_hand() -> None:
    ordered, origins, forecasts = _record(_table(), {"naive": rr.naive})
    released = rr.first_and_latest(ordered, MONTH).index
    summary = rr.summarise(forecasts, origins, released).set_index(["outcome", "horizon"])
    first_1, latest_1 = summary.loc[("first", 1)], summary.loc[("latest", 1)]
    # Against the first releases, one month ahead: errors -4 and 10.
    assert first_1["mae"] == pytest.approx(7.0)
    assert first_1["rmse"] == pytest.approx(math.sqrt((16 + 100) / 2))
    assert first_1["bias"] == pytest.approx(3.0)
    assert first_1["mase"] == pytest.approx((4 / 14 + 10 / 12) / 2)
    # Against the latest, one month ahead: errors -2 and 10.
    assert latest_1["mae"] == pytest.approx(6.0)
    assert latest_1["rmse"] == pytest.approx(math.sqrt((4 + 100) / 2))
    assert latest_1["mase"] == pytest.approx((2 / 14 + 10 / 12) / 2)
    # Two months ahead: errors 6 and 7 against both.
    for outcome in rr.OUTCOMES:
        two = summary.loc[(outcome, 2)]
        assert two["mae"] == pytest.approx(6.5)
        assert two["rmse"] == pytest.approx(math.sqrt((36 + 49) / 2))
        assert two["mase"] == pytest.approx((6 / 14 + 7 / 12) / 2)
    # Three origins could have been scored a month ahead (Feb, Mar, Apr are released), two were;
    # two months ahead only two could (May is not released), and both were.
    assert (first_1["n"], first_1["candidates"]) == (2, 3)
    assert first_1["share"] == pytest.approx(2 / 3)
    assert (summary.loc[("first", 2), "n"], summary.loc[("first", 2), "candidates"]) == (2, 2)


def test_a_later_revision_does_not_change_a_forecast_made_before_it() -> None:
    """The mean of the whole history depends on every value, so a revision leaking into an
    earlier origin would move its forecast."""

    def mean(history: pd.Series, horizon: int) -> np.ndarray:
        return np.full(horizon, history.mean())

    later = [
        _row("2017-06", 50.0, dt.date(2018, 2, 15), "revised"),
        _row("2018-01", 99.0, dt.date(2018, 3, 28), "revised"),
    ]
    _, _, before = _record(_table(), {"mean": mean})
    _, _, after = _record(_table(later), {"mean": mean})
    at_january = before["origin"] == pd.Period("2018-01", "M")
    # Origin 2018-01: 10..21 (sum 186) and 24, as known on 31 January, with or without them.
    assert before.loc[at_january, "forecast"].tolist() == [pytest.approx(210 / 13)] * 2
    assert after.loc[at_january, "forecast"].tolist() == before.loc[at_january, "forecast"].tolist()
    # Origin 2018-02 saw the revision of 2017-06 (15 February): 15 becomes 50.
    at_february = ~at_january
    assert (
        after.loc[at_february, "forecast"].tolist()
        == [pytest.approx(before.loc[at_february, "forecast"].iloc[0] + 35 / 14)] * 2
    )
    # The outcome of 2018-01 as published later is the last restatement, but no forecast used it.
    assert rr.first_and_latest(rr.releases(_table(later), "X"), MONTH).loc[
        pd.Period("2018-01", "M"), "latest"
    ] == pytest.approx(99.0)


def test_a_gap_in_the_data_as_known_cuts_the_history_and_a_short_one_is_left_out() -> None:
    # 2017-05's only release is dated long after: at every origin the history starts at 2017-06.
    table = _table()
    late = table["period_start"] == dt.date(2017, 5, 1)
    table.loc[late, "vintage"] = dt.date(2025, 3, 11)
    ordered = rr.releases(table, "X")
    origins = rr.origin_table(ordered, MONTH, pd.Period("2018-01", "M"), min_length=9)
    assert [str(p) for p in origins["history_start"].iloc[:2]] == ["2017-06", "2017-06"]
    assert origins["length"].tolist()[:2] == [8, 9]
    assert origins["status"].tolist() == [rr.TOO_SHORT, rr.REAL_TIME, rr.NOT_RELEASED]


def test_the_series_as_known_is_the_newest_release_by_then_a_restatement_winning_a_tie() -> None:
    table = _table([_row("2018-04", 28.0, dt.date(2018, 4, 28), "revised")])
    known = rr.as_known(rr.releases(table, "X"), dt.date(2018, 4, 30), MONTH)
    assert known.loc[pd.Period("2018-04", "M"), "value"] == 28.0
    assert known.loc[pd.Period("2018-02", "M"), "value"] == 22.0
    assert pd.Period("2018-03", "M") in known.index  # released 5 April
    early = rr.as_known(rr.releases(table, "X"), dt.date(2018, 3, 31), MONTH)
    assert pd.Period("2018-03", "M") not in early.index


def test_the_methods_are_compared_on_the_origins_every_one_forecast() -> None:
    def fails_in_february(history: pd.Series, horizon: int) -> np.ndarray:
        if history.index[-1] == pd.Period("2018-02", "M"):
            return np.full(horizon, np.nan)
        return rr.naive(history, horizon)

    ordered, origins, forecasts = _record(
        _table(), {"naive": rr.naive, "sometimes": fails_in_february}
    )
    released = rr.first_and_latest(ordered, MONTH).index
    common = rr.summarise(forecasts, origins, released)
    naive_first = common[(common["method"] == "naive") & (common["outcome"] == "first")]
    assert naive_first["n"].tolist() == [1, 1]
    assert naive_first["mae"].tolist() == [4.0, 6.0]  # origin 2018-01 only
    every = rr.summarise(forecasts, origins, released, common=False)
    assert every[(every["method"] == "naive") & (every["outcome"] == "first")]["n"].tolist() == [
        2,
        2,
    ]


def test_a_forecaster_giving_the_wrong_number_of_forecasts_is_refused() -> None:
    with pytest.raises(ValueError, match="gave 1 forecasts at origin 2018-01, not 2"):
        _record(_table(), {"short": lambda history, horizon: np.array([1.0])})


def test_the_seasonal_naive_repeats_the_last_year_and_scales_the_mase() -> None:
    index = pd.period_range("2016-01", periods=8, freq="Q")
    history = pd.Series([1.0, 2, 3, 4, 2, 4, 6, 8], index=index)
    assert rr.seasonal_naive(history, 6).tolist() == [2, 4, 6, 8, 2, 4]
    assert rr.seasonal_naive_scale(history, 4) == pytest.approx((1 + 2 + 3 + 4) / 4)
    assert math.isnan(rr.seasonal_naive_scale(history.iloc[:4], 4))
    assert np.isnan(rr.seasonal_naive(history.iloc[:3], 2)).all()


def test_the_record_of_a_results_file_for_one_indicator() -> None:
    report = {
        "series": {
            "X": {
                "recorded": True,
                "vintages": "first_only",
                "origins": {
                    "real_time": 49,
                    "candidates": 85,
                    "first_real_time": "2018-01",
                    "last_real_time": "2025-01",
                },
                "scores": [
                    {"method": m, "horizon": h, "outcome": o, "n": 49, "mae": 1.0, "mase": 0.5}
                    for m in ("auto", "naive")
                    for h in (1, 2)
                    for o in rr.OUTCOMES
                ],
            },
            "Y": {"recorded": False},
        }
    }
    found = rr.series_record(report, "X")
    assert found is not None
    assert (found.origins, found.candidates, found.first_origin, found.last_origin) == (
        49,
        85,
        "2018-01",
        "2025-01",
    )
    assert len(found.scores) == 4 and set(found.scores.columns) == {
        "method",
        "horizon",
        "n",
        "mae",
        "mase",
    }
    assert found.coverage == {}, "the file scored no band"
    assert rr.series_record(report, "Y") is None
    assert rr.series_record(report, "Z") is None
    assert rr.series_record({}, "X") is None
    assert found.caption_key == "lab.track.realtime.caption.first_only"
    quarterly = {**report["series"]["X"], "vintages": "first_and_restated", "frequency": "Q"}
    quarterly["origins"] = {**quarterly["origins"], "first_real_time": "2018Q1"}
    found = rr.series_record({"series": {"Q": quarterly}}, "Q")
    assert found is not None
    assert found.caption_key == "lab.track.realtime.caption.first_and_restated.quarter"


def test_bands_are_kept_and_scored_by_hand() -> None:
    """The naive forecast with a band of ±3 (80 %) and ±8 (95 %) around it."""

    def banded(history: pd.Series, horizon: int) -> rr.Bands:
        point = rr.naive(history, horizon)
        return rr.Bands(point, {80: point - 3, 95: point - 8}, {80: point + 3, 95: point + 8})

    ordered, origins, forecasts = _record(_table(), {"banded": banded, "naive": rr.naive})
    mine = forecasts[forecasts["method"] == "banded"]
    assert mine["lower_80"].tolist() == [21.0, 21.0, 17.0, 17.0]
    assert mine["upper_95"].tolist() == [32.0, 32.0, 28.0, 28.0]
    assert forecasts[forecasts["method"] == "naive"]["lower_80"].isna().all()
    released = rr.first_and_latest(ordered, MONTH).index
    summary = rr.summarise(forecasts, origins, released).set_index(["method", "outcome", "horizon"])
    one = summary.loc[("banded", "first", 1)]
    # One month ahead against the first releases: forecast 24 -> 20 (miss the 80 % band by 1,
    # inside the 95 %), forecast 20 -> 30 (miss by 7 and by 2); scales 14 and 12.
    assert one["coverage_80"] == pytest.approx(0.0)
    assert one["coverage_95"] == pytest.approx(0.5)
    assert one["msis_80"] == pytest.approx(((6 + 10 * 1) / 14 + (6 + 10 * 7) / 12) / 2)
    assert one["msis_95"] == pytest.approx((16 / 14 + (16 + 40 * 2) / 12) / 2)
    assert np.isnan(summary.loc[("naive", "first", 1), "coverage_80"])


def test_the_record_pools_autos_band_coverage_over_the_horizons_by_origins() -> None:
    rows = [
        {"method": "auto", "horizon": 1, "n": 30, "coverage_80": 0.9, "coverage_95": 1.0},
        {"method": "auto", "horizon": 2, "n": 10, "coverage_80": 0.5, "coverage_95": 0.9},
        {"method": "naive", "horizon": 1, "n": 30, "coverage_80": None, "coverage_95": None},
    ]
    entry = {
        "recorded": True,
        "vintages": "first_only",
        "origins": {
            "real_time": 30,
            "candidates": 31,
            "first_real_time": "2018-01",
            "last_real_time": "2020-06",
        },
        "scores": [
            {**row, "outcome": o, "mae": 1.0, "mase": 1.0} for row in rows for o in rr.OUTCOMES
        ],
    }
    found = rr.series_record({"series": {"X": entry}}, "X")
    assert found is not None
    assert found.coverage == pytest.approx({80: (30 * 0.9 + 10 * 0.5) / 40, 95: 0.975})
