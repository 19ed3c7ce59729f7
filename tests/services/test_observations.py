"""Data officers' submissions and corrections: appended, validated, never overwritten."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from data import repository
from data import tables as t
from domain.errors import InputError
from services import observations as observations_write
from tests.services.conftest import sqlite_only

JANUARY = (dt.date(2025, 1, 1), dt.date(2025, 1, 31))
FEB_6 = dt.date(2025, 2, 6)


def _rows(engine) -> list[tuple]:  # type: ignore[no-untyped-def]
    o = t.observations.c
    with engine.connect() as conn:
        query = select(o.value, o.status, o.vintage, o.recorded_by).order_by(o.id)
        return [tuple(row) for row in conn.execute(query)]


def test_a_correction_is_a_new_row_and_the_latest_value_wins(
    people, catalogue_engine, on_day
) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    submit, correct = observations_write.submit_observation, observations_write.correct_observation
    on_day(FEB_6)
    stored = submit(catalogue_engine, officer, "CPI_TEST", *JANUARY, -0.4, "estimate", "report")
    assert stored["id"] and stored["recorded_by"] == "officer.gso"
    correct(catalogue_engine, officer, "CPI_TEST", *JANUARY, -0.45, "report", "typo")
    on_day(dt.date(2025, 2, 9))
    correct(
        catalogue_engine,
        officer,
        "CPI_TEST",
        *JANUARY,
        value=-0.5,
        source="official bulletin",
        reason="official figure published",
        status="official",
    )
    assert _rows(catalogue_engine) == [
        (-0.4, "estimate", FEB_6, "officer.gso"),
        (-0.45, "revised", FEB_6, "officer.gso"),
        (-0.5, "official", dt.date(2025, 2, 9), "officer.gso"),
    ]
    latest = repository.observations(catalogue_engine, ["CPI_TEST"])
    assert latest["value"].tolist() == [-0.5]


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"value": float("nan")}, "error.value_not_finite"),
        ({"value": float("inf")}, "error.value_not_finite"),
        ({"value": "a lot"}, "error.value_not_finite"),
        ({"value": True}, "error.value_not_finite"),
        ({"period_start": dt.date(2025, 2, 1)}, "error.period_reversed"),
        ({"period_end": "2025-13-01"}, "error.date_invalid"),
        ({"status": "final"}, "error.unknown_status"),
        ({"source": "  "}, "error.source_required"),
        ({"indicator_code": "NOPE"}, "error.unknown_indicator_code"),
        ({"geography_code": "XX"}, "error.unknown_geography"),
        ({}, "error.period_has_value"),
        ({"status": "official", "value": 1.2}, "error.period_has_value"),
    ],
)
@sqlite_only
def test_a_submission_that_cannot_be_stored_is_refused_with_its_reason(
    people, catalogue_engine, on_day, change, key
) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    arguments = {
        "indicator_code": "CPI_TEST",
        "period_start": JANUARY[0],
        "period_end": JANUARY[1],
        "value": 1.0,
        "status": "estimate",
        "source": "report",
    }
    on_day(FEB_6)
    observations_write.submit_observation(catalogue_engine, officer, **arguments)
    on_day(dt.date(2025, 2, 7))
    with pytest.raises(InputError) as caught:
        observations_write.submit_observation(catalogue_engine, officer, **{**arguments, **change})
    assert caught.value.key == key
    assert len(_rows(catalogue_engine)) == 1


@pytest.mark.parametrize(
    ("period", "status", "vintage", "key"),
    [
        ((dt.date(2025, 3, 1), dt.date(2025, 3, 31)), "estimate", FEB_6, "error.period_in_future"),
        ((dt.date(2025, 2, 1), dt.date(2025, 2, 28)), "official", FEB_6, "error.period_not_ended"),
        (
            (dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
            "preliminary",
            FEB_6,
            "error.period_not_ended",
        ),
        ((dt.date(2025, 1, 1), dt.date(2025, 3, 31)), "revised", FEB_6, "error.period_not_ended"),
    ],
)
@sqlite_only
def test_a_period_that_has_not_begun_or_not_ended_on_its_vintage_is_refused(
    people, catalogue_engine, on_day, period, status, vintage, key
) -> None:  # type: ignore[no-untyped-def]
    on_day(vintage)
    with pytest.raises(InputError) as caught:
        observations_write.submit_observation(
            catalogue_engine, people["data_officer"], "CPI_TEST", *period, 1.0, status, "r"
        )
    assert caught.value.key == key
    assert caught.value.params == {
        "period": f"{period[0]}–{period[1]}",
        "vintage": vintage.isoformat(),
    }
    assert _rows(catalogue_engine) == []


@sqlite_only
def test_next_month_is_refused_whatever_its_status_when_the_vintage_is_today(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    next_month = (dt.date.today().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    for status in ("estimate", "official"):
        with pytest.raises(InputError) as caught:
            observations_write.submit_observation(
                catalogue_engine,
                people["data_officer"],
                "CPI_TEST",
                next_month,
                (next_month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1),
                1.0,
                status,
                "report",
            )
        assert caught.value.key == "error.period_in_future"


@sqlite_only
def test_the_current_period_may_be_submitted_as_an_estimate_as_the_gso_reports_it(
    people, catalogue_engine, on_day
) -> None:  # type: ignore[no-untyped-def]
    february = (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    on_day(FEB_6)
    stored = observations_write.submit_observation(
        catalogue_engine, people["data_officer"], "CPI_TEST", *february, 0.3, "estimate", "r"
    )
    assert stored["status"] == "estimate"
    with pytest.raises(InputError) as caught:
        observations_write.correct_observation(
            catalogue_engine, people["data_officer"], "CPI_TEST", *february, 0.4, "r", "typo"
        )
    assert caught.value.key == "error.period_not_ended"


@pytest.mark.parametrize(
    ("change", "day", "key"),
    [
        ({"period_end": dt.date(2025, 1, 30)}, FEB_6, "error.nothing_to_correct"),
        ({"status": "official"}, FEB_6, "error.correction_not_newer"),
        ({}, dt.date(2025, 2, 5), "error.correction_not_newer"),
        ({"reason": " "}, FEB_6, "error.reason_required"),
    ],
)
@sqlite_only
def test_a_correction_must_correct_something_newer_and_say_why(
    people, catalogue_engine, on_day, change, day, key
) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    on_day(FEB_6)
    observations_write.submit_observation(
        catalogue_engine, officer, "CPI_TEST", *JANUARY, 1.0, "official", "report"
    )
    on_day(day)
    arguments = {
        "indicator_code": "CPI_TEST",
        "period_start": JANUARY[0],
        "period_end": JANUARY[1],
        "value": 1.1,
        "source": "report",
        "reason": "restated",
        **change,
    }
    with pytest.raises(InputError) as caught:
        observations_write.correct_observation(catalogue_engine, officer, **arguments)
    assert caught.value.key == key
    assert len(_rows(catalogue_engine)) == 1


@sqlite_only
def test_no_caller_can_choose_a_vintage(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    for write, arguments in (
        (observations_write.submit_observation, (1.0, "official", "report")),
        (observations_write.correct_observation, (1.0, "report", "why")),
    ):
        with pytest.raises(TypeError):
            write(catalogue_engine, officer, "CPI_TEST", *JANUARY, *arguments, vintage=FEB_6)  # type: ignore[call-arg]
    stored = observations_write.submit_observation(
        catalogue_engine, officer, "CPI_TEST", *JANUARY, 1.0, "official", "report"
    )
    assert stored["vintage"] == dt.date.today()
    assert _rows(catalogue_engine)[-1][2] == dt.date.today()
