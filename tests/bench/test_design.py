"""The design half's rule picks a variant only on a clear, cheap enough gain, and the record's
page holds its numbers."""

from __future__ import annotations

from bench import design


def _figures(smape: float, mase: float, seconds: float) -> dict[str, float]:
    return {"smape": smape, "mase": mase, "seconds": seconds, "n_series": 10}


def _results(**variants: tuple[float, float, float]) -> dict:
    current = {"quarterly": _figures(10, 1.0, 100), "monthly": _figures(14, 0.9, 200)}
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


def test_the_page_holds_the_records_numbers() -> None:
    record = {
        "machine": {"cpu": "Test CPU", "cores": 2},
        "versions": {"numpy": "2"},
        "rule": design.RULE,
        "results": _results(a=(0.99, 0.99, 1.1)),
        "decision": "a",
        "notes": ["shared machine"],
    }
    text = design.markdown(record)
    assert (
        "| current | 10.00 / 1.000 / 100s (10 series) | 14.00 / 0.900 / 200s (10 series) |" in text
    )
    assert "| a | 9.90 / 0.990 / 110s (10 series) |" in text
    assert "Decision: **a**." in text and "- shared machine" in text and design.RULE in text
