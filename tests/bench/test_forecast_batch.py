"""The batch benchmark's page says what its own figures show of the cluster."""

from __future__ import annotations

from bench.forecast_batch import MODES, cluster_outcome


def _modes(*seconds: float) -> dict[str, dict]:
    return {name: {"command_s": s} for name, s in zip(MODES, seconds, strict=True)}


def test_a_cluster_that_pays_for_itself_is_said_to() -> None:
    text = cluster_outcome(_modes(30.0, 29.0, 38.5, 21.0))
    assert "about 8.5 s more than the serial run" in text
    assert "repaid it (Dask with 2 workers, 21.0 s)" in text


def test_a_cluster_slower_than_the_serial_run_is_said_to_be() -> None:
    text = cluster_outcome(_modes(25.1, 25.7, 34.7, 28.3))
    assert "about 9.6 s more" in text
    assert "did not repay it" in text and "28.3 s" in text
