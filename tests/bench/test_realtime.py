"""The real-time record's data, origins and results files: the series as known at an origin is what
the database returns as of that day; the origins left out are those whose release the data do not
date; the vintages are the shipped workbooks' cells; ``realtime.md`` is rendered from its record."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analytics import realtime_record as rr
from bench import realtime
from data import repository
from data.engine import make_engine
from data.migrate import upgrade
from data.seed_load import GSO_SNAPSHOT, load_all
from domain.vocabulary import Frequency

MONTH = Frequency.MONTH
RECORDED = ("IIP_YOY.TOAN_NGANH_CONG_NGHIEP", "RETAIL_M.TONG_SO", "EXP_M.TOTAL", "IMP_M.TOTAL")
START = pd.Period(realtime.START_MONTH, "M")


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    """A database seeded with the files the record reads."""
    seeded = make_engine("sqlite://")
    upgrade(seeded)
    load_all(seeded, files=realtime.SEED_FILES)
    yield seeded
    seeded.dispose()


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return realtime.vintaged_tables()[1]


def _origins(tables: dict[str, pd.DataFrame], code: str) -> pd.DataFrame:
    return rr.origin_table(rr.releases(tables[code]), MONTH, START, min_length=36)


def test_the_series_as_known_is_what_the_database_returns_as_of_the_origin(engine) -> None:  # type: ignore[no-untyped-def]
    origins = [*pd.period_range("2018-01", "2025-01", freq="M")[::7], pd.Period("2020-09", "M")]
    for code in RECORDED:
        ordered = rr.releases(repository.vintages(engine, code))
        for origin in origins:
            day = origin.end_time.date()
            ours = rr.as_known(ordered, day, MONTH)
            theirs = repository.observations(engine, [code], as_of=day)
            assert list(ours.index.start_time.date) == list(theirs["period_start"]), (code, day)
            assert ours["value"].tolist() == theirs["value"].astype(float).tolist(), (code, day)


def test_only_origins_whose_release_is_dated_are_real_time(tables) -> None:  # type: ignore[no-untyped-def]
    for code in ("IIP_YOY.TOAN_NGANH_CONG_NGHIEP", "RETAIL_M.TONG_SO"):
        origins = _origins(tables, code)
        left = origins[origins["status"] != rr.REAL_TIME]
        assert len(origins) == 85 and len(left) == 1, code
        # September 2020's first estimate is dated only by the snapshot; its restatement, in the
        # October report, is the first release the data date.
        assert (
            str(left["origin"].iloc[0]) == "2020-09" and left["status"].iloc[0] == rr.NOT_RELEASED
        )
        assert left["released_on"].iloc[0] == pd.Timestamp("2020-10-29")
    for code in ("EXP_M.TOTAL", "IMP_M.TOTAL"):
        origins = _origins(tables, code)
        status = dict(zip(origins["origin"].astype(str), origins["status"], strict=True))
        assert status["2020-09"] == rr.NOT_RELEASED
        assert origins.loc[origins["origin"] == pd.Period("2020-09", "M"), "released_on"].iloc[
            0
        ] == pd.Timestamp(GSO_SNAPSHOT)
        short = [label for label, said in status.items() if said == rr.TOO_SHORT]
        assert short == [str(p) for p in pd.period_range("2020-10", "2023-08", freq="M")], code
        real = origins[origins["status"] == rr.REAL_TIME]
        assert len(real) == 49
        later = real[real["origin"] >= pd.Period("2023-09", "M")]
        assert set(later["history_start"].astype(str)) == {"2020-10"}
    # CPI is dated by the report of its own month, and like trade has no restatement: the same
    # gap at 2020-09 and restart at 2020-10.
    cpi = _origins(tables, "CPI_YOY.CHI_SO_GIA_TIEU_DUNG")
    status = dict(zip(cpi["origin"].astype(str), cpi["status"], strict=True))
    assert status["2020-09"] == rr.NOT_RELEASED
    assert [label for label, said in status.items() if said == rr.TOO_SHORT] == [
        str(p) for p in pd.period_range("2020-10", "2023-08", freq="M")
    ]
    assert (cpi["status"] == rr.REAL_TIME).sum() == 49
    assert (_origins(tables, "TB_USD")["status"] == rr.NOT_RELEASED).all(), "NSDP: no dates"
    gdp = rr.origin_table(
        rr.releases(tables["GDP_Q_YOY.TONG_SO"]), Frequency.QUARTER, START.asfreq("Q"), 16
    )
    status = dict(zip(gdp["origin"].astype(str), gdp["status"], strict=True))
    assert len(gdp) == 27 and status["2020Q3"] == rr.NOT_RELEASED
    real = [label for label, said in status.items() if said == rr.REAL_TIME]
    # 2018Q1..2020Q2 on the history known since 2014Q1; after the gap, 16 quarters from 2020Q4.
    assert real == [str(p) for p in pd.period_range("2018Q1", "2020Q2", freq="Q")] + ["2024Q3"]


def test_the_dated_releases_are_the_cells_of_the_shipped_workbooks(tables) -> None:  # type: ignore[no-untyped-def]
    checks = realtime.workbook_checks(tables)
    assert len({check["workbook"] for check in checks}) == 12
    for code in RECORDED:
        dated = [c for c in checks if c["code"] == code and c["stored_value"] is not None]
        assert len(dated) >= 12 and all(c["equal"] for c in dated), code
    # GSO restates exports in its next report (June 2018: May 19,200 -> 19,950.7 million USD);
    # the seed has no restatement of trade, so that cell is not stored with the June date.
    may = next(c for c in checks if c["code"] == "EXP_M.TOTAL" and c["period"] == "2018-05")
    assert may["stored_value"] is None and may["stored_releases"] == [
        ["2018-05-29", "estimate", 19200.0]
    ]
    for code in ("CPI_YOY.CHI_SO_GIA_TIEU_DUNG", "GDP_Q_YOY.TONG_SO"):
        firsts = [c for c in checks if c["code"] == code and c["status"] != "revised"]
        assert len(firsts) >= 8 and all(c["equal"] for c in firsts), code
    # A quarter a later report restated keeps its first estimate in the seed: the December 2024
    # report's 7.43 % for 2024Q3 is not stored, September's 7.40 % is (dated 2024-09-29).
    q3 = next(
        c
        for c in checks
        if c["code"] == "GDP_Q_YOY.TONG_SO"
        and c["period"] == "2024-Q3"
        and c["status"] == "revised"
    )
    assert q3["stored_value"] is None
    assert q3["stored_releases"] == [["2024-09-29", "preliminary", 7.404853]]


def test_a_run_records_what_the_markdown_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run path with the two naive methods on one worker (no statsforecast, no auto)."""
    monkeypatch.setattr(realtime, "RESULTS", tmp_path)
    monkeypatch.setattr(realtime, "METHODS", ("naive", "seasonal_naive"))
    monkeypatch.setattr(realtime, "versions", lambda: {"numpy": "test"})
    realtime.main(["--workers", "1", "--note", "a test run"])
    record = json.loads((tmp_path / "realtime.json").read_text())
    assert (tmp_path / "realtime.md").read_text() == realtime.markdown(record)
    exports = record["series"]["EXP_M.TOTAL"]
    assert exports["recorded"] and exports["vintages"] == "first_only"
    assert exports["origins"]["real_time"] == 49 and exports["origins"]["too_short"] == 35
    assert not record["series"]["TB_USD"]["recorded"]
    assert record["series"]["CPI_YOY.CHI_SO_GIA_TIEU_DUNG"]["recorded"]
    # The naive forecast one month ahead from 2018-01 is January's first estimate; the scores
    # against the first release repeat the long table's errors.
    scores = pd.DataFrame(exports["scores"])
    naive_1 = scores[(scores["method"] == "naive") & (scores["horizon"] == 1)]
    first, latest = (naive_1[naive_1["outcome"] == o].iloc[0] for o in rr.OUTCOMES)
    assert first["mae"] == pytest.approx(latest["mae"]), "no restatement: first is latest"
    assert first["n"] == 49 and first["candidates"] == 85
    text = realtime.markdown(record)
    assert (
        "| EXP_M.TOTAL | 85 (2018-01..2025-01) | 49 (2018-01..2025-01) | 1 | 35 | first "
        "estimates only (the data hold no restatement) |"
    ) in text
    assert (
        "- EXP_M.TOTAL: own value not known by the origin's last day: 2020-09 (1 first dated "
        "2025-03-11, the day of the GSO workbook corpus' snapshot: known no later)"
    ) in text
    assert "unbroken history known then shorter than the minimum: 2020-10..2023-08" in text
    assert "- auto was not in this run." in text
    assert "- This run: a test run" in text
    assert "Not recorded, for want of dated releases: TB_USD." in text
    assert (
        "- CPI_YOY.CHI_SO_GIA_TIEU_DUNG: the data hold only first releases, so its latest release "
        "is its first and the two scores are the same; the shipped workbooks show no restatement "
        "of it either."
    ) in text


def test_periods_in_a_row_are_written_as_spans() -> None:
    labels = ["2020-10", "2020-11", "2020-12", "2021-03", "2021-05", "2021-06"]
    assert realtime._spans(labels, "M") == "2020-10..2020-12, 2021-03, 2021-05..2021-06"
    assert realtime._spans(["2018Q1", "2018Q2"], "Q") == "2018Q1..2018Q2"
    assert realtime._spans([], "M") == "none"


def test_the_stored_markdown_is_what_the_stored_record_renders_to() -> None:
    record = json.loads((realtime.RESULTS / "realtime.json").read_text())
    assert (realtime.RESULTS / "realtime.md").read_text() == realtime.markdown(record), (
        "bench/results/realtime.md differs from its record: run "
        "`python -m bench.realtime --render-only`"
    )


def test_the_bands_table_averages_each_frequencys_series_alike() -> None:
    def row(method: str, h: int, coverage: float | None, msis: float | None) -> dict:
        scores = {f"coverage_{lv}": coverage for lv in (80, 95)}
        scores |= {f"msis_{lv}": msis for lv in (80, 95)}
        return {"method": method, "horizon": h, "outcome": "latest", "mase": 1.0, **scores}

    report = {
        "series": {
            "A": {"recorded": True, "frequency": "M", "scores": [row("auto", 1, 0.7, 4.0)]},
            "B": {"recorded": True, "frequency": "M", "scores": [row("auto", 1, 0.9, 6.0)]},
            "G": {"recorded": True, "frequency": "Q", "scores": [row("auto", 1, 0.5, 3.0)]},
            "N": {"recorded": True, "frequency": "M", "scores": [row("naive", 1, None, None)]},
            "T": {"recorded": False},
        }
    }
    text = "\n".join(realtime._bands(report))
    # The naive has no band at A and B, and auto none at N: a method must score every series.
    assert "Mean of the 3 monthly series" not in text
    del report["series"]["N"]
    text = "\n".join(realtime._bands(report))
    assert "Mean of the 2 monthly series (A, B)" in text
    assert "| auto | 1 | 80.0 % | 80.0 % | 5.00 | 5.00 |" in text
    assert "Mean of the 1 quarterly series (G)" in text
    assert "| auto | 1 | 50.0 % | 50.0 % | 3.00 | 3.00 |" in text
    assert realtime._bands({"series": {"T": {"recorded": False}}})[0].startswith("No method")
