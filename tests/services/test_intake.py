"""The intake's staging and confirmation: checked rows, nothing written before confirmation, the
same file or a second confirmation adding nothing, a crash writing nothing half, roles held."""

from __future__ import annotations

import datetime as dt
import threading

import pandas as pd
import pytest
from sqlalchemy import func, select

from data import repository
from data import tables as t
from domain.errors import InputError, PermissionDenied
from domain.vocabulary import RowOutcome
from services import intake
from tests.factories import agency_row, geography_row
from tests.services.conftest import sqlite_only

MARCH_20 = dt.date(2025, 3, 20)
HEADER = "indicator_code,geography,period,value,status,source\n"


def _csv(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode("utf-8")


def _count(engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _history(engine, officer, on_day) -> None:  # type: ignore[no-untyped-def]
    """Six months of CPI_TEST near 3 %, so that plausibility has something to compare with."""
    for month, value in zip(range(7, 13), (3.1, 2.9, 3.0, 3.2, 2.8, 3.0), strict=True):
        on_day(dt.date(2025, 1, 20))
        rows = f"CPI_TEST,VN,2024-{month:02d},{value},official,bulletin"
        staged = intake.stage_upload(engine, officer, "GSO", f"h{month}.csv", _csv(rows))
        assert intake.confirm(engine, officer, staged.submission_id) == 1


def test_an_upload_is_staged_row_by_row_and_confirmation_writes_only_what_passed(
    people, catalogue_engine, on_day
) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    _history(catalogue_engine, officer, on_day)
    on_day(MARCH_20)
    data = _csv(
        'CPI_TEST,VN,2025-01,"3,4",official,bulletin',  # valid, Vietnamese decimal comma
        "CPI_TEST,VN,2025-02,340,official,bulletin",  # far from ~3: a warning
        "DEBT_TEST,VN,2025-01,1,official,bulletin",  # MOF's indicator: not this officer's
        "CPI_TEST,VN,2025-04,3.0,official,bulletin",  # future
        "NOPE,VN,2025-01,1,official,bulletin",  # unknown code
        "CPI_TEST,VN,2024-12,3.0,official,bulletin",  # the value already known
        "CPI_TEST,VN,2024-11,,official,bulletin",  # left blank
    )
    before = _count(catalogue_engine, t.observations)
    staged = intake.stage_upload(catalogue_engine, officer, "GSO", "march.csv", data, "vi")
    assert _count(catalogue_engine, t.observations) == before, "staging writes no observation"
    _, rows = intake.submission(catalogue_engine, staged.submission_id)
    outcomes = dict(zip(rows["row_number"], rows["outcome"], strict=True))
    assert outcomes == {
        2: RowOutcome.VALID,
        3: RowOutcome.WARNING,
        4: RowOutcome.ERROR,
        5: RowOutcome.ERROR,
        6: RowOutcome.ERROR,
        7: RowOutcome.UNCHANGED,
        8: RowOutcome.EMPTY,
    }
    keys = {
        n: [m[0] for m in ms] for n, ms in zip(rows["row_number"], rows["messages"], strict=True)
    }
    assert keys[4] == ["error.row_not_owed"]
    assert keys[5] == ["error.row_future_period"]
    assert keys[6] == ["error.row_unknown_code"]
    assert keys[3] == ["intake.row_unusual"]
    assert rows.loc[rows["row_number"] == 2, "value"].item() == pytest.approx(3.4)

    assert intake.confirm(catalogue_engine, officer, staged.submission_id) == 1
    assert intake.confirm(catalogue_engine, officer, staged.submission_id) == 0
    latest = repository.observations(catalogue_engine, ["CPI_TEST"]).set_index("period_start")
    assert latest.loc[dt.date(2025, 1, 1), "value"] == pytest.approx(3.4)
    assert latest.loc[dt.date(2025, 1, 1), "vintage"] == MARCH_20
    assert dt.date(2025, 2, 1) not in latest.index, "an unconfirmed warning is not written"
    again = intake.stage_upload(catalogue_engine, officer, "GSO", "copy.csv", data, "vi")
    assert again.already and again.submission_id == staged.submission_id
    assert _count(catalogue_engine, t.submissions) == 7


def test_accepting_warnings_writes_the_unusual_rows_too(people, catalogue_engine, on_day) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    _history(catalogue_engine, officer, on_day)
    on_day(MARCH_20)
    staged = intake.stage_upload(
        catalogue_engine, officer, "GSO", "w.csv", _csv("CPI_TEST,VN,2025-02,340,official,b")
    )
    assert staged.counts == {"warning": 1}
    assert intake.confirm(catalogue_engine, officer, staged.submission_id, True) == 1


def test_a_crash_during_confirmation_writes_nothing_and_keeps_the_submission_staged(
    people, catalogue_engine, on_day, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    on_day(MARCH_20)
    data = _csv("CPI_TEST,VN,2025-01,1,official,b", "CPI_TEST,VN,2025-02,2,official,b")
    staged = intake.stage_upload(catalogue_engine, officer, "GSO", "c.csv", data)
    real_append_many = intake.store.append_many

    def write_one_then_fail(conn, rows):  # type: ignore[no-untyped-def]
        real_append_many(conn, rows[:1])
        raise RuntimeError("the server died")

    monkeypatch.setattr(intake.store, "append_many", write_one_then_fail)
    with pytest.raises(RuntimeError):
        intake.confirm(catalogue_engine, officer, staged.submission_id)
    assert _count(catalogue_engine, t.observations) == 0
    header, rows = intake.submission(catalogue_engine, staged.submission_id)
    assert header["state"] == "staged" and len(rows) == 2
    monkeypatch.setattr(intake.store, "append_many", real_append_many)
    assert intake.confirm(catalogue_engine, officer, staged.submission_id) == 2


def test_two_confirmations_at_once_write_once(people, catalogue_engine, on_day) -> None:  # type: ignore[no-untyped-def]
    officer = people["data_officer"]
    on_day(MARCH_20)
    lines = [f"CPI_TEST,VN,{y}-{m:02d},{m},official,b" for y in (2023, 2024) for m in range(1, 13)]
    staged = intake.stage_upload(catalogue_engine, officer, "GSO", "x.csv", _csv(*lines))
    results: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(intake.confirm(catalogue_engine, officer, staged.submission_id))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results, reverse=True)[0] == 24 and sum(results) == 24, (results, errors)
    assert _count(catalogue_engine, t.observations) == 24


@sqlite_only
def test_roles_and_agencies_are_held(people, catalogue_engine, on_day) -> None:  # type: ignore[no-untyped-def]
    on_day(MARCH_20)
    data = _csv("DEBT_TEST,VN,2025-01,1,official,b")
    with pytest.raises(PermissionDenied):
        intake.stage_upload(catalogue_engine, people["data_officer"], "MOF", "m.csv", data)
    for role in ("leader", "analyst", "admin"):
        with pytest.raises(PermissionDenied):
            intake.stage_upload(catalogue_engine, people[role], "MOF", "m.csv", data)
    staged = intake.stage_upload(catalogue_engine, people["officer_mof"], "MOF", "m.csv", data)
    with pytest.raises(PermissionDenied):
        intake.confirm(catalogue_engine, people["data_officer"], staged.submission_id)
    with pytest.raises(PermissionDenied):
        intake.confirm(catalogue_engine, people["analyst"], staged.submission_id)
    with pytest.raises(InputError):
        intake.reject(catalogue_engine, people["officer_mof"], staged.submission_id, " ")
    assert intake.reject(catalogue_engine, people["officer_mof"], staged.submission_id, "typo")
    assert intake.confirm(catalogue_engine, people["officer_mof"], staged.submission_id) == 0
    with catalogue_engine.connect() as conn:
        actions = conn.execute(select(t.audit_log.c.action).order_by(t.audit_log.c.id)).scalars()
        assert [a for a in actions if a.startswith("intake")] == ["intake.upload", "intake.reject"]


def test_a_province_submits_its_own_series_only(people, catalogue_engine, on_day) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from services import accounts

    with catalogue_engine.begin() as conn:
        conn.execute(insert(t.agencies), [agency_row("P34-01", "Hà Nội", "province", "Ha Noi")])
        conn.execute(
            insert(t.geographies), [geography_row(c, "prov34") for c in ("P34-01", "P34-02")]
        )
        conn.execute(
            insert(t.obligations),
            {
                "agency_code": "P34-01",
                "indicator_code": "CPI_TEST",
                "geography_code": "P34-01",
                "frequency": "M",
                "regime": "statistical",
                "valid_from": dt.date(2025, 7, 1),
                "assigned_by": "test",
                "assigned_at": dt.datetime(2025, 7, 1),
            },
        )
    officer = accounts.create_user(
        catalogue_engine, people["admin"], "hn", "Correct-Horse-42!", "data_officer", "P34-01"
    )
    on_day(dt.date(2025, 9, 20))
    data = _csv(
        "CPI_TEST,P34-01,2025-08,1,official,b",
        "CPI_TEST,P34-02,2025-08,1,official,b",
        "CPI_TEST,VN,2025-08,1,official,b",
    )
    staged = intake.stage_upload(catalogue_engine, officer, "P34-01", "hn.csv", data)
    _, rows = intake.submission(catalogue_engine, staged.submission_id)
    assert rows["outcome"].tolist() == ["valid", "error", "error"], rows["messages"].tolist()
    assert [m[0][0] for m in rows["messages"][1:]] == ["error.row_not_owed"] * 2
    lines = intake.template_lines(catalogue_engine, "P34-01", pd.Period("2025-08", "M"))
    assert [(line.indicator_code, line.geography) for line in lines] == [("CPI_TEST", "P34-01")]
