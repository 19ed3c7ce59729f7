"""Numerical failures of the libraries the models call, told apart from bugs in this package.

statsmodels, scipy and numpy say that an estimation or a forecast cannot be done on the data at
hand (a singular matrix, a likelihood that does not evaluate, initial states the heuristic cannot
compute from too short a series) with ``numpy.linalg.LinAlgError``, statsmodels' own exception
classes, and plain ``ValueError`` or ``ArithmeticError``. :func:`numerical_failures` wraps one
such library call and turns those failures into a :class:`~forecasting.errors.ForecastError`
(``forecast.numerical_failure``), which ``auto`` counts as a candidate that failed and the lab shows
as a message.

Only an exception *raised inside the libraries* is turned: the innermost frame of its traceback
must belong to one of :data:`LIBRARIES`. A ``ValueError`` raised by this package's own code, even
from a callback that an optimiser calls, and every other exception type (``TypeError``,
``AttributeError``, ``KeyError`` ...) pass through unchanged, so a bug is never mistaken for a
model that did not fit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from statsmodels.tools.sm_exceptions import InfeasibleTestError, MissingDataError

from forecasting.errors import ForecastError, series_label

#: Top-level packages whose exceptions are the libraries' verdicts on the data.
LIBRARIES = frozenset({"statsmodels", "scipy", "numpy", "pandas"})
#: What they raise when the data defeat the computation (``LinAlgError`` is a ``ValueError``).
FAILURES = (ValueError, ArithmeticError, InfeasibleTestError, MissingDataError)


def raised_in_library(error: BaseException) -> bool:
    """Whether ``error`` was raised by code of :data:`LIBRARIES` (its innermost traceback frame)."""
    trace: TracebackType | None = error.__traceback__
    if trace is None:
        return False
    while trace.tb_next is not None:
        trace = trace.tb_next
    module = str(trace.tb_frame.f_globals.get("__name__", ""))
    return module.partition(".")[0] in LIBRARIES


@contextmanager
def numerical_failures(method: str, series: object = None) -> Iterator[None]:
    """Turn a library's numerical failure inside the block into ``forecast.numerical_failure``.

    Parameters
    ----------
    method:
        The method whose computation the block runs, as the analyst knows it (``"ets"``).
    series:
        The series' name, when the block knows it; messages then name it.

    Raises
    ------
    ForecastError
        For a failure of :data:`FAILURES` raised inside :data:`LIBRARIES`. Anything else, and a
        ``ForecastError`` of a nested block, passes through unchanged.
    """
    try:
        yield
    except FAILURES as error:
        if isinstance(error, ForecastError) or not raised_in_library(error):
            raise
        reason = f"{type(error).__name__}: {error}"
        raise ForecastError(
            "forecast.numerical_failure",
            f"{method} could not be computed on {series_label(series)}: the numerical library "
            f"failed ({reason})",
            method=method,
            series=series,
            reason=reason,
        ) from error
