"""Maximum likelihood for statsmodels' ``ETSModel``: the same estimates, with a leaner gradient.

``ETSModel.fit`` minimises the negative log-likelihood per observation with L-BFGS-B and lets
scipy approximate the gradient by forward differences. scipy's general finite-difference routine
spends about as long preparing each gradient as the likelihood evaluations inside it take, and an
ETS fit makes a few thousand of them: it was the largest cost of ``auto`` after the likelihood
itself. :func:`estimate` runs the same optimisation with the same start, bounds, objective and
settings, and gives L-BFGS-B a gradient computed exactly as scipy's 2-point scheme computes it (the
same steps, flipped or shortened at a bound the same way, the same arithmetic), so the optimiser
sees the same numbers and stops at the same estimates; it also stops after as many function
evaluations as scipy's count would allow. A test checks estimates, likelihood and forecasts
against ``ETSModel.fit``, bit for bit.

This leans on statsmodels' internal parameter handling of ``ETSModel.fit`` (pinned in
requirements.txt); :func:`estimate` falls back to ``ETSModel.fit`` for what it does not mirror
(fixed parameters).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.optimize import fmin_l_bfgs_b
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

#: scipy's defaults for ``fmin_l_bfgs_b``, as ``ETSModel.fit`` leaves them.
STEP = 1e-8
MAX_EVALUATIONS = 15000
#: ``ETSModel.fit``'s default number of iterations.
MAX_ITERATIONS = 1000
#: scipy's fallback step where ``STEP`` vanishes next to a parameter (sqrt of float64's epsilon).
FALLBACK_STEP = np.finfo(np.float64).eps ** 0.5


def forward_steps(x: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """The steps of scipy's 2-point scheme at ``x`` (``approx_derivative`` with ``abs_step``).

    A step that would leave the bounds is flipped when the other side has room, and otherwise
    shortened to the distance to the farther bound, as ``_adjust_scheme_to_bounds`` does. Written
    element by element in plain floats (the same IEEE arithmetic): the vectors are a few
    parameters long, where numpy's per-call cost would dominate.
    """
    steps = []
    for xi, lo, up in zip(x.tolist(), lower.tolist(), upper.tolist(), strict=True):
        h = STEP
        if (xi + h) - xi == 0:
            h = FALLBACK_STEP * (1.0 if xi >= 0 else -1.0) * max(1.0, abs(xi))
        below, above = xi - lo, up - xi
        fitting = abs(h) <= max(below, above)
        if fitting and (xi + h < lo or xi + h > up):
            h = -h
        elif not fitting:
            h = above if above >= below else -below
        steps.append(h)
    return np.array(steps)


def estimate(model: ETSModel) -> Any:
    """``model.fit(disp=False)``'s results, computed as described in the module docstring."""
    if model._has_fixed_params:
        return model.fit(disp=False)
    start = model._convert_and_bound_start_params(model.start_params)
    bounds = model._setup_bounds()
    use_beta_star = "smoothing_trend" not in model.bounds
    if use_beta_star:
        start[1] /= start[0]
    use_gamma_star = "smoothing_seasonal" not in model.bounds
    if use_gamma_star:
        start[2] /= 1 - start[0]
    is_fixed = np.zeros(model._k_params_internal, dtype=np.int64)
    fixed_values = np.empty_like(start)
    free, free_bounds = [], []
    for i in range(model._k_params_internal):
        if bounds[i][0] == bounds[i][1]:
            is_fixed[i] = True
            fixed_values[i] = bounds[i][0]
        else:
            free.append(start[i])
            free_bounds.append(bounds[i])
    arguments = (
        np.zeros(model.nobs),
        np.zeros((model.nobs, model._k_states_internal)),
        is_fixed,
        fixed_values,
        use_beta_star,
        use_gamma_star,
    )
    nobs = model.endog.shape[0]
    lower = np.array([-np.inf if b[0] is None else b[0] for b in free_bounds], dtype=float)
    upper = np.array([np.inf if b[1] is None else b[1] for b in free_bounds], dtype=float)
    evaluations = [0]
    last: list[Any] = [None, None]

    def objective(params: np.ndarray, *args: Any) -> float:
        evaluations[0] += 1
        value = -model._loglike_internal(params, *args) / nobs
        last[0], last[1] = params.copy(), value
        return value

    def gradient(params: np.ndarray, *args: Any) -> np.ndarray:
        if last[0] is not None and np.array_equal(last[0], params):
            f0 = last[1]
        else:  # scipy keeps the value at params; computing it again gives the same number
            f0 = -model._loglike_internal(params, *args) / nobs
        steps = forward_steps(params, lower, upper)
        out = np.empty(len(params))
        for i in range(len(params)):
            moved = params.copy()
            moved[i] = params[i] + steps[i]
            evaluations[0] += 1
            f1 = -model._loglike_internal(moved, *args) / nobs
            out[i] = (f1 - f0) / ((params[i] + steps[i]) - params[i])
        return out

    def stop_where_scipy_would(_: np.ndarray) -> None:
        # scipy counts the evaluations of its own differences too, and stops past its limit
        if evaluations[0] > MAX_EVALUATIONS:
            raise StopIteration

    solution, _, _ = fmin_l_bfgs_b(
        objective,
        np.asarray(free, dtype=float),
        fprime=gradient,
        args=arguments,
        bounds=free_bounds,
        maxiter=MAX_ITERATIONS,
        maxfun=np.iinfo(np.int32).max,
        callback=stop_where_scipy_would,
    )
    fitted = np.empty_like(start)
    position = 0
    for i in range(model._k_params_internal):
        if is_fixed[i]:
            fitted[i] = fixed_values[i]
        else:
            fitted[i] = solution[position]
            position += 1
    if use_beta_star:
        fitted[1] *= fitted[0]
    if use_gamma_star:
        fitted[2] *= 1 - fitted[0]
    return model.smooth(model._model_params(fitted))
