"""Errors a forecast request can raise, worded in the analyst's terms.

Every error names the series (its ``name``) and the rule it broke, and carries a translation key
(``forecast.*``) with the values the translated sentence needs, so the UI can say it in Vietnamese.
"""

from __future__ import annotations

from typing import Any

from domain.errors import InputError


class ForecastError(InputError):
    """A series, a method or a parameter that the forecasting layer cannot use.

    Parameters
    ----------
    key:
        Translation key, e.g. ``"forecast.too_short"``.
    message:
        The English sentence, naming the series and the rule.
    **params:
        Values the translated message interpolates.
    """

    def __init__(self, key: str, message: str, **params: Any) -> None:
        super().__init__(key, message, **params)


def series_label(name: object) -> str:
    """How messages refer to a series: its name in quotes, or ``the series`` when unnamed."""
    return f"series '{name}'" if name is not None else "the series"
