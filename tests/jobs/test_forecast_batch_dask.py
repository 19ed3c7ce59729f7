"""The forecast batch on Dask: a local cluster of worker processes stores exactly what a serial run
stores; a failing series (a refusal, or an error no one planned for) is reported with its reason
while the others are stored; a run killed half-way and run again stores only the rest, once; and
``COCKPIT_DASK_SCHEDULER`` sends the work to the cluster it names."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from distributed import LocalCluster
from sqlalchemy import Engine, func, select

from data import forecasts
from data import tables as t
from jobs import forecast_batch
from tests.jobs.conftest import (
    BROKEN,
    CONSTANT,
    EXPECTED_JOBS,
    EXPECTED_STORED,
    MONTH,
    small_database,
)

pytestmark = pytest.mark.xdist_group("dask")  # each test starts a cluster or a batch process

ROOT = Path(__file__).resolve().parents[2]
Key = tuple[str, str, str]


@dataclass
class Batch:
    """A batch run on a database of its own: what it returned and the lines it printed."""

    engine: Engine
    outcome: forecast_batch.Outcome
    lines: list[str]


@pytest.fixture(scope="module")
def serial_and_dask(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Batch]]:
    """The small database twice: the batch run serially on one, on a local Dask cluster of two
    worker processes on the other."""
    runs = {}
    for name, workers in (("serial", 0), ("dask", 2)):
        engine = small_database(f"sqlite:///{tmp_path_factory.mktemp(name) / 'cockpit.db'}")
        lines: list[str] = []
        outcome = forecast_batch.run(
            engine, MONTH, everything=True, codes=(), say=lines.append, workers=workers
        )
        runs[name] = Batch(engine, outcome, lines)
    yield runs
    for batch in runs.values():
        batch.engine.dispose()


def stored(engine: Engine) -> dict[Key, tuple[pd.Series, pd.DataFrame]]:
    """Every batch run, by ``(indicator, transformation, geography)``: what it is and its values."""
    r = t.forecast_runs.c
    columns = [r.id, r.indicator_code, r.target_transform, r.geography_code, r.model, r.method]
    columns += [r.origin_period, r.horizon, r.levels, r.data_vintage, r.author, r.forecast_month]
    with engine.connect() as conn:
        runs = pd.DataFrame(conn.execute(select(*columns).where(r.kind == "batch")).mappings())
    values = forecasts.run_values(engine, [int(i) for i in runs["id"]])
    return {
        (run.indicator_code, run.target_transform, run.geography_code): (
            run.drop("id"),
            values[values["run_id"] == run.id].drop(columns="run_id").reset_index(drop=True),
        )
        for _, run in runs.iterrows()
    }


def run_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.forecast_runs)).scalar_one()


def test_a_dask_run_stores_exactly_the_forecasts_of_a_serial_run(
    serial_and_dask: dict[str, Batch],
) -> None:
    dask = serial_and_dask["dask"]
    assert "Computing on a local Dask cluster of 2 worker processes." in dask.lines
    assert "Computing in this process." in serial_and_dask["serial"].lines
    serial_runs, dask_runs = (stored(serial_and_dask[n].engine) for n in ("serial", "dask"))
    assert set(serial_runs) == set(dask_runs) == EXPECTED_STORED
    for key, (run, values) in serial_runs.items():
        dask_run, dask_values = dask_runs[key]
        pd.testing.assert_series_equal(dask_run, run, check_names=False)
        assert len(values) == 12 and list(values.columns)[:2] == ["period", "point"]
        pd.testing.assert_frame_equal(dask_values, values, rtol=1e-9, atol=1e-9)
    provinces = {
        key[2]: serial_runs[key][1]["point"] for key in serial_runs if key[0] == "SBI_TEST"
    }
    assert not provinces["P63-01"].equals(provinces["VN"]), "each on its own observations"


def test_a_failing_series_is_reported_with_its_reason_and_the_others_are_stored(
    serial_and_dask: dict[str, Batch],
) -> None:
    for name, batch in serial_and_dask.items():
        reasons = {job.code: reason for job, reason in batch.outcome.failures}
        assert set(reasons) == {CONSTANT, BROKEN}, name
        assert reasons[CONSTANT] == (
            "series 'FLAT_TEST' is constant (every value is 4); there is no variation to "
            "estimate a model from"
        )
        assert reasons[BROKEN] == "TypeError: 'int' object is not iterable", name
        assert len(batch.outcome.stored) == len(EXPECTED_STORED) == run_count(batch.engine)
        assert any(
            line.endswith(f"] {BROKEN} (level): failed, TypeError: 'int' object is not iterable")
            for line in batch.lines
        ), name
        assert f"Failed: {BROKEN} (level): TypeError: 'int' object is not iterable" in batch.lines


def test_each_series_has_a_progress_line_and_the_run_a_summary(
    serial_and_dask: dict[str, Batch],
) -> None:
    lines = serial_and_dask["dask"].lines
    assert lines[0] == (
        "Forecast batch 2025-01: 7 series (5 of the country, 2 of provinces), data as known on "
        "2025-01-31; 0 already stored, 7 to forecast."
    )
    progress = [line for line in lines if line.startswith("[")]
    assert [line.split("]")[0] for line in progress] == [f"[{k}/7" for k in range(1, 8)]
    labels = {line.split("] ")[1].split(":")[0] for line in progress}
    assert labels == {
        f"{code} ({transform})" if geography == "VN" else f"{code} {geography} ({transform})"
        for code, transform, geography in EXPECTED_JOBS
    }
    province = next(line for line in progress if " SBI_TEST P63-02 (level): " in line)
    assert province.endswith(" s") and ", " in province.split(": ", 1)[1]
    assert lines[-3].startswith("Done in ")
    assert lines[-3].endswith(": 5 stored, 0 already stored, 0 skipped, 2 failed.")


def test_a_run_killed_half_way_and_run_again_stores_only_the_rest_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cockpit.db'}"
    engine = small_database(url)
    env = {**os.environ, "COCKPIT_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    env |= {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}  # as in a Dask worker: faster
    command = [sys.executable, "-m", "jobs.forecast_batch", "--period", str(MONTH), "--all"]
    batch = subprocess.Popen(
        [*command, "--serial"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    assert batch.stdout is not None
    for line in batch.stdout:
        if line.rstrip().endswith(" s"):  # the first forecast stored
            batch.send_signal(signal.SIGKILL)
            break
    batch.wait(timeout=60)
    assert batch.returncode == -signal.SIGKILL
    before = stored(engine)
    assert 1 <= len(before) < len(EXPECTED_STORED), "killed half-way"

    lines: list[str] = []
    outcome = forecast_batch.run(engine, MONTH, everything=True, codes=(), say=lines.append)
    assert outcome.already_stored == len(before)
    assert len(outcome.stored) == len(EXPECTED_STORED) - len(before)
    assert lines[0].endswith(f"; {len(before)} already stored, {7 - len(before)} to forecast.")
    after = stored(engine)
    assert set(after) == EXPECTED_STORED and run_count(engine) == len(EXPECTED_STORED)
    for key, (run, values) in before.items():
        pd.testing.assert_series_equal(after[key][0], run)
        pd.testing.assert_frame_equal(after[key][1], values)

    again = forecast_batch.run(engine, MONTH, everything=True, codes=(), say=lambda line: None)
    assert (again.stored, again.already_stored) == ([], len(EXPECTED_STORED))
    assert run_count(engine) == len(EXPECTED_STORED)
    engine.dispose()


def test_the_batch_computes_on_the_cluster_cockpit_dask_scheduler_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cockpit.db'}"
    engine = small_database(url)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://")
        monkeypatch.setenv("COCKPIT_DATABASE_URL", url)
        monkeypatch.setenv(forecast_batch.SCHEDULER_VARIABLE, address)
        status = forecast_batch.main(["--period", str(MONTH), "--all"])
        prefix = cluster.scheduler.task_prefixes.get("forecast_job")
        seen = dict(prefix.state_counts) if prefix is not None else {}
        assert cluster.status.name == "running", "the batch leaves a cluster it did not start"
    out = capsys.readouterr().out
    assert f"Computing on the Dask cluster at {address} (1 workers)." in out
    assert (seen.get("memory"), seen.get("erred")) == (5, 2), seen
    assert status == 1, "two series failed"
    assert set(stored(engine)) == EXPECTED_STORED
    engine.dispose()
