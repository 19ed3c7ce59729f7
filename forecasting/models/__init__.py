"""The forecasting methods. Importing this package registers every one of them in ``MODELS``."""

from forecasting.models import arima, baselines, combination, ets, optimized_theta, stl, theta

__all__ = ["arima", "baselines", "combination", "ets", "optimized_theta", "stl", "theta"]
