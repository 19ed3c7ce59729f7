"""``bench/results/m3.md`` is rendered from the record of its run alone, and says what it holds."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bench import m3
from forecasting import forecast

RECIPE = {
    "seasonal_pools": [{"how": "median", "members": ["optimized_theta", "seasonal_naive"]}],
    "non_seasonal_pools": [{"how": "median", "members": ["optimized_theta", "naive"]}],
    "single_method": {"origins": 6, "ratio": 0.8},
}


def _scores(smape: float, mase: float, seconds: float, **extra: object) -> dict[str, object]:
    return {"smape": smape, "mase": mase, "seconds": seconds, "n_series": 5, **extra}


@pytest.fixture
def report() -> dict:
    """A small record: two subsets, ``auto`` and one peer, a note and one failure."""
    return {
        "subsets": {
            "yearly": {
                "auto": _scores(15.4321, 2.5741, 10.2, chosen={"median(optimized_theta)": 5}),
                "AutoETS": _scores(16.2, 2.5760, 1.4),
            },
            "monthly": {
                "auto": _scores(13.1, 0.8571, 20.1, chosen={"median(optimized_theta)": 5}),
                "AutoETS": _scores(13.0, 0.9, 3.0),
            },
        },
        "machine": {"cpu": "Test CPU", "cores": 4, "python": "3.11.9", "platform": "Linux-test"},
        "versions": {"numpy": "2.0.0", "statsmodels": "0.15.0"},
        "settings": {
            "workers": 2,
            "auto_backtest_origins": 3,
            "limit": 5,
            "horizons": {"yearly": 6, "monthly": 18},
        },
        "auto_recipe": RECIPE,
        "failures": ["N0042: series 'N0042' is too short"],
        "notes": ["a backup ran on the machine during the monthly peers"],
        "published_smape": {
            "Theta (M3 winner)": {"yearly": 16.90, "monthly": 13.85},
            "best statistical since": {"yearly": 15.94, "monthly": 13.05},
            "N-BEATS": {"yearly": 15.93, "monthly": 13.11},
        },
        "refit": {
            "observations": 180,
            "median_ms": 61.2,
            "baseline_median_ms": 110.5,
            "target_ms": 300,
        },
    }


def test_the_markdown_holds_the_records_numbers(report: dict) -> None:
    text = m3.markdown(report)
    assert "| method | yearly | monthly |" in text
    assert "| auto | 15.43 / 2.574 / 10s | 13.10 / 0.857 / 20s |" in text
    assert "| AutoETS | 16.20 / 2.576 / 1s | 13.00 / 0.900 / 3s |" in text
    assert "| Theta (M3 winner) (published sMAPE) | 16.90 | 13.85 |" in text
    assert "| N-BEATS (published sMAPE) | 15.93 | 13.11 |" in text
    assert "- monthly: AutoETS sMAPE 13.000 <= auto 13.100" in text
    assert "- yearly: published best statistical since (DOTM) sMAPE 15.94" not in text
    assert "- monthly: published best statistical since (EXP) sMAPE 13.05 <= auto 13.10" in text
    assert not any("N-BEATS" in line and "<=" in line for line in text.splitlines())


def test_the_markdown_says_what_ran_from_the_record(report: dict) -> None:
    text = m3.markdown(report)
    assert "- Machine: Test CPU, 4 cores; Python 3.11.9 on Linux-test; numpy 2.0.0" in text
    assert "the first 5 series of each M3 subset run: yearly 5 (horizon 6), monthly 5" in text
    assert "`auto` with 3 backtest origins" in text
    assert "statsforecast's AutoETS" in text and "`StatsForecast(n_jobs=2)`" in text
    assert "- auto over 10 series: 30 s wall on 2 workers" in text
    assert "median 61.2 ms (target 300 ms)" in text and "110.5 ms" in text
    assert "- yearly: median(optimized_theta) on 5 series" in text
    assert "the median of optimized_theta and seasonal_naive" in text
    assert "at least 6 origins, and by 20 % overall" in text
    assert "- auto failed on 1 series" in text
    assert "- This run: a backup ran on the machine during the monthly peers" in text


def test_a_narrow_win_is_listed_as_narrow(report: dict) -> None:
    text = m3.markdown(report)
    assert "## Narrow wins (by less than 0.2 % of the figure beaten)" in text
    assert "- yearly: auto MASE 2.574 against AutoETS 2.576 (by 0.07 %)" in text
    assert "against AutoETS 16.200" not in text, "a clear win is not narrow"

    clear = copy.deepcopy(report)
    clear["subsets"]["yearly"]["AutoETS"]["mase"] = 2.7
    assert "Narrow wins" not in m3.markdown(clear)


def test_a_run_without_peers_or_shortfalls_says_so(report: dict) -> None:
    alone = copy.deepcopy(report)
    for results in alone["subsets"].values():
        del results["AutoETS"]
    alone["published_smape"] = {"N-BEATS": {"yearly": 15.93, "monthly": 13.11}}
    alone["settings"]["limit"] = None
    text = m3.markdown(alone)
    assert "; no peers." in text and "every series of each M3 subset" in text
    assert "- none: auto beats every peer and published figure measured here." in text


def test_render_only_writes_m3_md_from_m3_json(
    report: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "m3.json").write_text(json.dumps(report))
    monkeypatch.setattr(m3, "RESULTS", tmp_path)
    m3.main(["--render-only"])
    assert (tmp_path / "m3.md").read_text() == m3.markdown(report)


def test_the_stored_markdown_is_what_the_stored_record_renders_to() -> None:
    results = Path(m3.__file__).resolve().parent / "results"
    record = json.loads((results / "m3.json").read_text())
    assert (results / "m3.md").read_text() == m3.markdown(record), (
        "bench/results/m3.md differs from its record: run `python -m bench.m3 --render-only`"
    )


def test_what_auto_chose_is_read_from_the_results_members() -> None:
    index = pd.period_range("1990", periods=30, freq="Y")
    y = pd.Series(50 + 2.0 * np.arange(30) + np.random.default_rng(3).normal(0, 1, 30), index)
    combined = forecast(y, 3, backtest_origins=2)
    assert m3.chosen_model(combined).startswith("median(optimized_theta + ets(error=add) + ")
    single = forecast(y, 3, "drift", backtest_origins=1)
    assert m3.chosen_model(single) == "drift"


def test_a_run_records_what_the_markdown_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run path, on three synthetic yearly series without peers (no M3 data needed)."""
    rng = np.random.default_rng(5)
    index = pd.period_range("1990", periods=20, freq="Y")
    series = [
        m3.M3Series(
            f"N{i}",
            "yearly",
            pd.Series(100 + np.cumsum(rng.normal(1, 2, 20)), index, name=f"N{i}"),
            100 + rng.normal(0, 5, 6),
        )
        for i in range(3)
    ]
    monkeypatch.setattr(m3, "RESULTS", tmp_path)
    monkeypatch.setattr(m3, "load_m3", lambda subsets, limit: series)
    monkeypatch.setattr(m3, "versions", lambda: {"numpy": np.__version__})
    refit = {"observations": 180, "median_ms": 50.0, "baseline_median_ms": 90.0, "target_ms": 300}
    monkeypatch.setattr(m3, "refit_latency", lambda: refit)
    m3.main(["--subset", "yearly", "--limit", "3", "--skip-peers", "--workers", "1", "--note", "x"])
    record = json.loads((tmp_path / "m3_sample.json").read_text())
    assert record["notes"] == ["x"] and record["settings"]["horizons"] == {"yearly": 6}
    assert record["auto_recipe"] == m3.auto_recipe()
    assert record["subsets"]["yearly"]["auto"]["n_series"] == 3
    assert (tmp_path / "m3_sample.md").read_text() == m3.markdown(record)
    # N0 and N2 are even, so in the evaluation half; N1 is odd, in the design half
    assert record["evaluation"]["yearly"]["auto"]["n_series"] == 2
    assert record["design"]["yearly"]["auto"]["n_series"] == 1
    assert set(record["intervals"]) == {"whole", "design", "evaluation"}
    assert 0 <= record["intervals"]["evaluation"]["yearly"]["auto"]["coverage_95"] <= 1
    auto = record["intervals"]["whole"]["yearly"]["auto"]
    assert auto["coverage_80_low"] <= auto["coverage_80"] <= auto["coverage_80_high"]


def test_the_halves_follow_the_series_number() -> None:
    assert [m3.half_of(name) for name in ("N0001", "N0002", "N1402", "N3003")] == [
        "design",
        "evaluation",
        "evaluation",
        "design",
    ]


def test_the_paired_bootstrap_calls_a_win_only_outside_noise() -> None:
    rng = np.random.default_rng(11)
    ours = rng.normal(10, 3, 400)
    clear = m3.paired_bootstrap(ours, ours + 1 + rng.normal(0, 0.5, 400))
    assert clear["verdict"] == "win" and clear["low"] > 0
    assert clear["difference"] == pytest.approx(1, abs=0.1)
    assert clear["low"] < clear["difference"] < clear["high"]
    noisy = m3.paired_bootstrap(ours, ours + rng.normal(0, 3, 400))
    assert noisy["verdict"] == "within noise" and noisy["low"] < 0 < noisy["high"]
    worse = m3.paired_bootstrap(ours + 1, ours)
    assert worse["verdict"] == "loss" and worse["difference"] == pytest.approx(-1)


def test_the_coverage_interval_draws_series_not_points() -> None:
    # 100 series, each wholly inside (1) or wholly outside (0) its band: a mean of 0.8 whose
    # bootstrap spread is that of 100 draws, sqrt(0.8 * 0.2 / 100) = 0.04, so about +-0.08
    per_series = np.array([1.0] * 80 + [0.0] * 20)
    low, high = m3.bootstrap_interval(per_series)
    assert low < 0.8 < high
    assert 0.70 < low < 0.74 and 0.86 < high < 0.90
    assert m3.bootstrap_interval(np.full(50, 0.5)) == (0.5, 0.5)


def test_a_coverage_shortfall_says_whether_it_is_within_noise(report: dict) -> None:
    within = {"coverage_80": 0.76, "coverage_80_low": 0.72, "coverage_80_high": 0.81}
    beyond = {"coverage_80": 0.70, "coverage_80_low": 0.66, "coverage_80_high": 0.74}
    both = {**within, "coverage_95": 0.94, "coverage_95_low": 0.9, "coverage_95_high": 0.97}
    rest = {"msis_80": 5.0, "msis_95": 8.0, "conformal_share_80": 1.0, "conformal_share_95": 1.0}
    halved = copy.deepcopy(report)
    halved["intervals"] = {
        "evaluation": {
            "yearly": {"auto": {**both, **rest}},
            "other": {"auto": {**both, **beyond, **rest}},
        }
    }
    text = "\n".join(m3._interval_goals(halved, "evaluation"))
    assert (
        "- yearly: auto's 80 % coverage 76.0 % is 4.0 points below nominal (95 % bootstrap "
        "interval over series 72.0 to 81.0 %: nominal is inside it, so the gap is within noise)"
    ) in text
    assert (
        "- other: auto's 80 % coverage 70.0 % is 10.0 points below nominal (95 % bootstrap "
        "interval over series 66.0 to 74.0 %: nominal is outside it)"
    ) in text
    table = "\n".join(m3._intervals(halved, "evaluation"))
    assert "yearly 72.0 to 81.0 % / 90.0 to 97.0 %; other 66.0 to 74.0 % / 90.0" in table


def test_interval_scores_of_one_series_by_hand() -> None:
    index = pd.period_range("1990", periods=4, freq="Y")
    series = m3.M3Series(
        "N0002", "yearly", pd.Series([1.0, 2.0, 4.0, 3.0], index), np.array([5.0, 3.0])
    )
    bands = {
        "point": np.array([3.0, 3.0]),
        "lower_80": np.array([2.0, 2.0]),
        "upper_80": np.array([4.0, 4.0]),
        "lower_95": np.array([1.0, 1.0]),
        "upper_95": np.array([6.0, 6.0]),
    }
    values = m3.per_series([series], {"N0002": bands}, 1)
    # 5 is outside the 80 % band [2, 4] and 3 inside: half covered; both inside the 95 % band
    assert values["coverage_80"][0] == 0.5 and values["coverage_95"][0] == 1.0
    # scale: mean |diff| of 1 2 4 3 = (1 + 2 + 1) / 3 = 4/3; 80 %: width 2 + (2/0.2)(5 - 4) = 12
    # at step 1 and 2 at step 2, mean 7, over 4/3 = 5.25
    assert values["msis_80"][0] == pytest.approx(5.25)
    # MASE: mean |error| (2 + 0) / 2 = 1 over 4/3 = 0.75
    assert values["mase"][0] == pytest.approx(0.75)


def test_the_markdown_reports_the_evaluation_half_margins_and_intervals(report: dict) -> None:
    halved = copy.deepcopy(report)
    halved["evaluation"] = copy.deepcopy(report["subsets"])
    halved["design"] = copy.deepcopy(report["subsets"])
    halved["evaluation"]["yearly"]["AutoETS"]["smape"] = 15.0
    interval = {"coverage_80": 0.75, "coverage_95": 0.94, "msis_80": 5.0, "msis_95": 8.0}
    peer = {"coverage_80": 0.6, "coverage_95": 0.8, "msis_80": 4.0, "msis_95": 9.0}
    auto = {**interval, "conformal_share_80": 1.0, "conformal_share_95": 0.5}
    halved["intervals"] = {
        part: {"yearly": {"auto": auto, "AutoETS": peer}}
        for part in ("whole", "design", "evaluation")
    }
    margin = {"difference": 0.4, "low": -0.1, "high": 0.9, "verdict": "within noise"}
    halved["margins"] = {
        "evaluation": {
            "yearly": {"AutoETS": {k: margin for k in ("smape", "mase", "msis_80", "msis_95")}}
        }
    }
    text = m3.markdown(halved)
    assert "## Evaluation half (the goal is judged here)" in text
    assert "- yearly: AutoETS sMAPE 15.000 <= auto 15.432" in text
    assert "| yearly | AutoETS | +0.400 [-0.100, +0.900] within noise |" in text
    assert "| auto | 75.0 % / 94.0 % · 5.00 / 8.00 |" in text
    assert "- yearly: auto's 80 % coverage 75.0 % is 5.0 points below nominal" in text
    assert "- yearly: AutoETS MSIS 80 4.00 <= auto 5.00" in text
    assert "auto's 95 % coverage" not in text, "94 % is within 3 points of 95 %"
    assert "yearly 100 % / 50 %" in text
