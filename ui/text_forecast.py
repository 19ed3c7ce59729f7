"""Translations of the forecasting screens (Forecast lab, published forecasts), merged into ui.i18n."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {"vi": {}, "en": {}}
