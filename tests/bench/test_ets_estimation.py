"""The ETS estimation benchmark's page states its counts and the time against the baseline."""

from __future__ import annotations

from bench.ets_estimation import markdown


def test_the_page_states_the_counts_and_the_ratio_to_the_baseline() -> None:
    report = {
        "machine": {"cpu": "CPU", "cores": 2, "python": "3.11.7"},
        "versions": {"statsmodels": "0.15.0"},
        "every": 25,
        "counts": {"fits": 10, "identical": 7, "failed_alike": 2, "different": 1},
        "different": ["N0001 ETS(A,N,N) estimated"],
        "seconds": {"estimate": 3.0, "etsmodel_fit": 4.0},
    }
    page = markdown(report)
    assert "10 fits: 7 with the same estimates" in page
    assert "2 failed alike in both, 1 different" in page
    assert "0.75 of its time" in page
    assert "- Different: N0001 ETS(A,N,N) estimated" in page
