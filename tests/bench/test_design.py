"""The design half's rule picks a variant only on a clear, cheap enough gain over the subsets it
is judged on, each variant is the recipe its name says, and the record's page holds its numbers."""

from __future__ import annotations

from bench import design
from forecasting.selection import DEFAULT_RECIPE, Pool

CURRENT = {
    "yearly": (16, 3.0, 50),
    "quarterly": (10, 1.0, 100),
    "monthly": (14, 0.9, 200),
    "other": (5, 2.0, 20),
}


def _figures(smape: float, mase: float, seconds: float) -> dict[str, float]:
    return {"smape": smape, "mase": mase, "seconds": seconds, "n_series": 10}


def _results(subsets=("quarterly", "monthly"), **variants: tuple[float, float, float]) -> dict:
    current = {s: _figures(*CURRENT[s]) for s in subsets}
    out = {"current": current}
    for name, (smape_ratio, mase_ratio, time_ratio) in variants.items():
        out[name] = {
            subset: _figures(
                f["smape"] * smape_ratio, f["mase"] * mase_ratio, f["seconds"] * time_ratio
            )
            for subset, f in current.items()
        }
    return out


def test_a_variant_is_taken_only_on_a_clear_cheap_gain() -> None:
    assert design.decide(_results(a=(0.99, 0.99, 1.1))) == "a"
    assert design.decide(_results(a=(0.99, 0.996, 1.0))) == "current", "MASE gain under 0.5 %"
    assert design.decide(_results(a=(1.01, 0.98, 1.0))) == "current", "sMAPE worse"
    assert design.decide(_results(a=(0.99, 0.98, 1.2))) == "current", "20 % slower"
    assert design.decide(_results(a=(0.99, 0.99, 1.0), b=(1.0, 0.98, 1.0))) == "b"


def test_a_variant_is_judged_only_on_the_subsets_written_for_it() -> None:
    results = _results(tuple(CURRENT))
    # better on yearly and other, much worse on the seasonal subsets it does not change
    results["a"] = {
        "yearly": _figures(15.8, 2.9, 50),
        "other": _figures(4.9, 1.95, 20),
        "quarterly": _figures(12, 1.2, 100),
        "monthly": _figures(15, 1.0, 200),
    }
    assert design.decide(results, {"a": ["yearly", "other"]}) == "a"
    assert design.decide(results, {"a": list(CURRENT)}) == "current"
    ratios = design.ratios(results, "a", {"a": ["yearly", "other"]})
    assert ratios["mase"] == (2.9 / 3.0 + 1.95 / 2.0) / 2
    assert ratios["seconds"] == 1.0


def test_a_variant_run_on_some_subsets_only_is_judged_on_those() -> None:
    results = _results(tuple(CURRENT))
    results["a"] = {"yearly": _figures(15, 2.9, 50)}
    assert design.judged_subsets(results, "a", {}) == ["yearly"]
    assert design.decide(results, {}) == "a"


def test_every_variant_is_judged_on_the_subsets_whose_pool_it_changes() -> None:
    for name, variant in design.VARIANTS.items():
        recipe = variant.recipe
        seasonal_changed = (recipe.seasonal, recipe.seasonal_pools) != (
            DEFAULT_RECIPE.seasonal,
            DEFAULT_RECIPE.seasonal_pools,
        ) or variant.origins != 3
        non_seasonal_changed = (recipe.non_seasonal, recipe.non_seasonal_pools) != (
            DEFAULT_RECIPE.non_seasonal,
            DEFAULT_RECIPE.non_seasonal_pools,
        )
        if name == "current":
            assert variant.judged_on == tuple(design.SUBSETS)
            continue
        assert bool(set(variant.judged_on) & set(design.SEASONAL_SUBSETS)) == seasonal_changed
        assert (
            bool(set(variant.judged_on) & set(design.NON_SEASONAL_SUBSETS)) == non_seasonal_changed
        )


def test_the_second_rounds_variants_build_the_recipes_their_names_say() -> None:
    weighted = design.VARIANTS["weighted seasonal pool"].recipe
    assert weighted.seasonal == DEFAULT_RECIPE.seasonal
    assert weighted.seasonal_pools == (
        Pool(tuple(c.name for c in DEFAULT_RECIPE.seasonal), "weighted"),
    )
    weighted = design.VARIANTS["weighted non-seasonal pools"].recipe
    assert [p.how for p in weighted.non_seasonal_pools] == ["weighted", "weighted"]
    assert [p.members for p in weighted.non_seasonal_pools] == [
        p.members for p in DEFAULT_RECIPE.non_seasonal_pools
    ]
    assert {c.name for c in weighted.non_seasonal} == {c.name for c in DEFAULT_RECIPE.non_seasonal}
    damped = design.VARIANTS["damped ets in the trend-following pool"].recipe
    trend, level = damped.non_seasonal_pools
    assert trend.members == (*DEFAULT_RECIPE.non_seasonal_pools[0].members, "damped ets")
    assert level == DEFAULT_RECIPE.non_seasonal_pools[1]
    comb = design.VARIANTS["M4 Comb (ses, holt, damped ets) as a third non-seasonal pool"].recipe
    assert comb.non_seasonal_pools[:2] == DEFAULT_RECIPE.non_seasonal_pools
    assert comb.non_seasonal_pools[2] == Pool(("ses", "holt", "damped ets"), "mean")
    by_name = {c.name: c for c in comb.non_seasonal}
    assert by_name["ses"].params == {"error": "add", "trend": "none"}
    assert by_name["holt"].params == {"error": "add", "trend": "add", "damped": False}
    assert by_name["damped ets"].params == {"trend": "add", "damped": True}


def test_the_page_holds_the_records_numbers() -> None:
    results = _results(a=(0.99, 0.99, 1.1))
    results["current"]["yearly"] = _figures(16, 3.0, 50)
    record = {
        "machine": {"cpu": "Test CPU", "cores": 2},
        "versions": {"numpy": "2"},
        "rule": design.RULE,
        "judged_on": {"current": list(design.SUBSETS), "a": ["quarterly", "monthly"]},
        "results": results,
        "decision": "a",
        "notes": ["shared machine"],
    }
    text = design.markdown(record)
    assert (
        "| current | yearly, quarterly, monthly, other | 16.00 / 3.000 / 50s (10 series) "
        "| 10.00 / 1.000 / 100s (10 series) | 14.00 / 0.900 / 200s (10 series) | – |"
    ) in text
    assert (
        "| a | quarterly, monthly | – | 9.90 / 0.990 / 110s (10 series) "
        "| 13.86 / 0.891 / 220s (10 series) | 0.990 / 0.990 / 1.10 |"
    ) in text
    assert "Decision: **a**." in text and "- shared machine" in text and design.RULE in text
