"""The design study of the cross-series widening: folds, each scheme's factors on a table worked
by hand, the scores, the written rule's decision, and the page rendered from the record."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from bench import interval_design as study
from forecasting.conformal import msis

#: The errors (outcome minus point) of the hand-made table: at step 1 nine points above and one
#: below, at step 2 four above and six below; the 80 % band's half-width is 1 on each side (so
#: the ratio is the absolute error) and the 95 % band's is 2.
ERRORS = {
    1: [-1, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    2: [-20, -18, -16, -14, -12, -10, 11, 13, 15, 17],
}


def points_table(errors: dict[int, list[float]], season_length: int = 1) -> pd.DataFrame:
    """One point per error, each of its own series (N0001, N0003, ...), point 0."""
    rows = [(step, error) for step, values in errors.items() for error in values]
    return pd.DataFrame(
        {
            "series": [f"N{2 * i + 1:04d}" for i in range(len(rows))],
            "subset": "yearly",
            "season_length": season_length,
            "length": 20,
            "step": [step for step, _ in rows],
            "actual": [float(error) for _, error in rows],
            "point": 0.0,
            "scale": 1.0,
            "below_80": 1.0,
            "above_80": 1.0,
            "below_95": 2.0,
            "above_95": 2.0,
            "model_below_80": 4.0,
            "model_above_80": 4.0,
            "model_below_95": 8.0,
            "model_above_95": 8.0,
            "failed": False,
        }
    )


@pytest.fixture
def few_points(monkeypatch: pytest.MonkeyPatch) -> None:
    """Factors from as few as 4 ratios, so that a hand-made table can be learned from."""
    monkeypatch.setattr(study, "MIN_POINTS", 4)


def test_the_folds_split_the_design_half_by_number_modulo_4_and_refuse_the_evaluation_half() -> (
    None
):
    assert [study.fold_of(name) for name in ("N0001", "N0003", "N0005", "N1403")] == [
        "A",
        "B",
        "A",
        "B",
    ]
    with pytest.raises(ValueError, match="N0002 is in the evaluation half"):
        study.fold_of("N0002")


def test_the_one_sided_bound_leaves_alpha_over_2_of_all_points_beyond_the_side() -> None:
    # 80 %: the ceil(11 * 0.9) = 10th smallest of 10 signed ratios, 7 of them on the other side
    assert study.one_sided_radius(np.array([3.0, 0.5, 1.5]), 10, 80) == 3.0
    # 19 points, 16 on the other side: rank ceil(20 * 0.9) - 16 = 2
    assert study.one_sided_radius(np.array([1.0, 2.0, 3.0]), 19, 80) == 2.0
    # 50 %: rank ceil(11 * 0.75) - 9 = 0 falls among the other side's points
    assert study.one_sided_radius(np.array([1.0]), 10, 50) == 0.0
    assert study.one_sided_radius(np.array([1.0, 2.0]), 2, 80) == math.inf


def factors_of(scheme: str, level: int = 80) -> dict[tuple[int, str], float]:
    learned = study.learn(points_table(ERRORS), study.SCHEMES[scheme])
    return {
        (step, side): factor
        for (_, _, step, side), factor in learned.xs(level, level=1, drop_level=False).items()
    }


def test_each_scheme_learns_its_factors_as_worked_by_hand(few_points: None) -> None:
    # (a) all 20 ratios: the ceil(21 * 0.8) = 17th smallest of 1 1 2 ... 9 10 ... 18 20 is 16
    assert set(factors_of("a").values()) == {16.0}
    # (b) per step, the ceil(11 * 0.8) = 9th smallest of ten: 8 at step 1, 18 at step 2
    assert factors_of("b") == {(1, "below"): 8, (1, "above"): 8, (2, "below"): 18, (2, "above"): 18}
    # (c) above: 13 ratios 1..9, 11, 13, 15, 17, the ceil(14 * 0.8) = 12th is 15; below: 7
    # ratios 1, 10, 12, ..., 20, the ceil(8 * 0.8) = 7th is 20
    assert factors_of("c") == {
        (1, "below"): 20,
        (1, "above"): 15,
        (2, "below"): 20,
        (2, "above"): 15,
    }
    # (d) of each step's ten points, rank 10 of the signed ratios: at step 1 the 9th above (9),
    # and below a single ratio, too few, so (a)'s 16; at step 2 the 4th above (17) and the 6th
    # below (20)
    assert factors_of("d") == {
        (1, "below"): 16,
        (1, "above"): 9,
        (2, "below"): 20,
        (2, "above"): 17,
    }


def test_the_second_round_widens_the_models_own_bands_or_their_geometric_mean(
    few_points: None,
) -> None:
    table = points_table(ERRORS).assign(model_below_80=16.0)
    model = study.half_widths(table, "model")
    geometric = study.half_widths(table, "geometric")
    assert (model["below_80"] == 16.0).all() and (model["above_95"] == 8.0).all()
    # sqrt(1 * 16) below, sqrt(1 * 4) above at 80 %; sqrt(2 * 8) at 95 %
    assert (geometric["below_80"] == 4.0).all() and (geometric["above_80"] == 2.0).all()
    assert (geometric["above_95"] == 4.0).all()
    assert study.half_widths(table, "series") is table
    with pytest.raises(ValueError, match="base must be one of series, model, geometric"):
        study.half_widths(table, "median")
    # (e) on the model's bands: ratios |error| / 4 above (1..9, 11, 13, 15, 17), |error| / 16
    # below (1, 10..20, all at most 1.25); the 17th smallest of the 20 is the 4th largest, 11 / 4
    learned = study.learn(study.half_widths(table, "model"), study.SCHEMES["e"])
    assert set(learned.xs(80, level=1).values) == {11 / 4}


def test_the_third_round_learns_a_factor_per_class_of_history_length(few_points: None) -> None:
    table = points_table(ERRORS)
    table["length"] = np.where(table["step"] == 1, 20, study.LONG_FROM)
    assert set(study.length_classed(table)["season_length"]) == {"1 short", "1 long"}
    learned = study.learn(study.scheme_view(table, study.SCHEMES["g"]), study.SCHEMES["g"])
    by_class = learned.xs(80, level=1).groupby(level=0).unique()
    # the short series are step 1's ten errors, the long ones step 2's: the 9th smallest of each
    # ten, as (b) found per step
    assert by_class["1 short"].tolist() == [8.0] and by_class["1 long"].tolist() == [18.0]
    # (h) widens the geometric mean of the series-calibrated half-width 1 and the model's 4
    assert (study.scheme_view(table, study.SCHEMES["h"])["above_80"] == 2.0).all()


def test_a_factor_with_too_few_ratios_for_its_level_falls_back_to_the_current_rule(
    few_points: None,
) -> None:
    # 95 %, ratios |error| / 2: (a) is the ceil(21 * 0.95) = 20th of 20, 20 / 2; per step,
    # ceil(11 * 0.95) = 11 of ten ratios is too few
    assert set(factors_of("a", 95).values()) == {10.0}
    assert set(factors_of("b", 95).values()) == {10.0}


def test_without_enough_ratios_anywhere_the_bands_are_not_widened() -> None:
    learned = study.learn(points_table(ERRORS), study.SCHEMES["d"])
    assert (learned == 1.0).all()


def test_the_scores_are_coverage_and_the_msis_of_forecasting() -> None:
    train = np.array([0.0, 2.0, 4.0, 6.0])  # scale 2
    points = points_table({1: [5.0], 2: [10.0]}).assign(
        series="N0001", point=4.0, scale=study.series_scale(train, 1)
    )
    points["actual"] = [5.0, 10.0]
    index = pd.MultiIndex.from_product(
        [[1], [80, 95], [1, 2], ["below", "above"]],
        names=["season_length", "level", "step", "side"],
    )
    factors = pd.Series(1.0, index=index)
    factors.loc[(1, 80, slice(None), "above")] = 2.0
    scores = study.score(study.widened(points, factors))["yearly"]
    # 80 %: band 3 to 6; step 1 inside (width 3), step 2 misses by 4 (3 + 10 * 4): (3 + 43) / 2 / 2
    assert scores[80] == {"coverage": 0.5, "msis": pytest.approx(11.5)}
    expected = msis(np.array([5.0, 10.0]), np.full(2, 3.0), np.full(2, 6.0), train, 1, 80)
    assert scores[80]["msis"] == pytest.approx(expected)
    # 95 %: band 2 to 6, holding step 1's outcome and not step 2's
    assert scores[95]["coverage"] == 0.5


def test_each_fold_is_widened_by_factors_learned_on_the_other_fold_only(few_points: None) -> None:
    points = points_table({1: [1.0] * 8})
    folds = points["series"].map(study.fold_of)
    points.loc[folds == "B", "actual"] = 3.0
    scores = study.cross_fit(points, study.SCHEMES["a"])["yearly"][80]
    # fold A (ratio 1) under B's factor 3 is inside; fold B (ratio 3) under A's factor 1 is not
    assert scores["coverage"] == 0.5


def made_up(msis_ratio: float, coverage: float = 0.8) -> dict[str, dict[int, dict[str, float]]]:
    return {
        subset: {
            80: {"coverage": coverage, "msis": 10.0 * msis_ratio},
            95: {"coverage": 0.95, "msis": 20.0 * msis_ratio},
        }
        for subset in ("yearly", "monthly")
    }


def test_the_rule_takes_the_lowest_msis_ratio_among_schemes_that_keep_the_coverage() -> None:
    results = {
        "a": made_up(1.0, coverage=0.78),
        "b": made_up(0.98, coverage=0.79),
        "c": made_up(0.95, coverage=0.76),  # 4 points short where (a) was 2
        "d": made_up(0.97, coverage=0.83),  # mean gap 1.5 points against (a)'s 1
    }
    assert study.summary(results, "c")["short_cells"] == ["yearly 80", "monthly 80"]
    assert study.summary(results, "d")["mean_coverage_gap"] == pytest.approx(1.5)
    assert study.decide(results) == "b"
    results["d"] = made_up(0.97, coverage=0.785)
    assert study.decide(results) == "d"


def test_a_gain_under_one_percent_keeps_the_current_rule() -> None:
    assert study.decide({"a": made_up(1.0), "b": made_up(0.991)}) == "a"
    assert study.decide({"a": made_up(1.0), "b": made_up(0.985)}) == "b"


def record_of(points: pd.DataFrame) -> dict:
    """A record as ``main`` writes it, for a hand-made table, through JSON."""
    record = {
        "machine": {"cpu": "Test CPU", "cores": 2},
        "versions": {"numpy": "2.0.0"},
        "method": study.METHOD,
        "folds": study.FOLD_TEXT,
        "schemes": {k: s.description for k, s in study.SCHEMES.items()},
        "min_points": study.MIN_POINTS,
        "rule": study.RULE,
        "rule_round_2": study.ROUND_2,
        "rule_round_3": study.ROUND_3,
        "library_factors": {"1": {"80": 1.5, "95": 2.0}},
        "notes": ["a test ran alongside"],
        "code": {"commit": "0123456789abcdef", "uncommitted_in_forecasting": ["forecasting/x.py"]},
        "forecast_seconds": 12.3,
        "workers": 2,
        **study.analyse(points),
    }
    return json.loads(json.dumps(record))


def test_the_page_is_rendered_from_the_record_alone(few_points: None) -> None:
    skewed = {1: [1.0] * 12 + [-4.0] * 4, 2: [2.0] * 12 + [-1.0] * 4}
    page = study.markdown(record_of(points_table(skewed)))
    assert "Rule, written before the first run: " + study.RULE in page
    assert "Round 2, written before its run: " + study.ROUND_2 in page
    assert "Round 3, written before its scores: " + study.ROUND_3 in page
    assert "| (e) the model's own bands, per season length and level | " in page
    assert "commit `0123456789`, with others' uncommitted changes to `forecasting/x.py`" in page
    assert "| scheme | yearly 80 | yearly 95 | mean gap | > 3 points short |" in page
    assert "| (a) per season length and level (the current rule) | " in page
    assert "yearly 32 series (horizon 6); 12 s on 2 workers." in page
    assert "- a test ran alongside" in page


def test_the_page_lists_the_factors_of_a_scheme_the_rule_adopts() -> None:
    record = record_of(points_table(ERRORS))
    record["decision"] = "b"
    page = study.markdown(record)
    assert "Decision: **(b) per season length, level and step**." in page
    assert "| season length | level | side | 1 | 2 |" in page
    assert "| 1 | 80 | above | 1.000 | 1.000 |" in page
