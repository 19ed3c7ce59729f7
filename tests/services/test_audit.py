"""The audit trail: a row for every audited action, JSON that reads back, filters, append-only."""

from __future__ import annotations

import ast
import datetime as dt
import gzip
import inspect
import json
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from data import audit
from data import tables as t
from domain.errors import InputError
from forecasting import forecast
from services import accounts, api_tokens, intake
from services import audit as audit_service
from services import catalogue as catalogue_admin
from services import forecasts as forecast_service
from services import obligations as obligations_service
from services import observations as observations_write
from services.permissions import PermissionDenied
from tests.services.conftest import PASSWORD

JANUARY = (dt.date(2025, 1, 1), dt.date(2025, 1, 31))

UPLOAD = b"indicator_code,period,value\nCPI_TEST,2025-02,3\n"
WORKBOOK = gzip.decompress(
    (
        Path(__file__).resolve().parents[2]
        / "data/seed/gso_workbooks/2025-02-28-Bieu-T2.2025-1.xlsx.gz"
    ).read_bytes()
)


def _actions(engine) -> list[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return list(conn.execute(select(t.audit_log.c.action).order_by(t.audit_log.c.id)).scalars())


def test_every_audited_action_writes_a_row_with_who_what_before_and_after(
    people, catalogue_engine, on_day
) -> None:  # type: ignore[no-untyped-def]
    engine, admin, officer = catalogue_engine, people["admin"], people["data_officer"]
    staged: list = []
    tokens: list = []
    performed = {
        "sign_in.success": lambda: accounts.authenticate(engine, "leader", PASSWORD + "-lead"),
        "sign_in.failure": lambda: pytest.raises(
            accounts.AuthError, accounts.authenticate, engine, "leader", "wrong"
        ),
        "sign_out": lambda: accounts.sign_out(engine, people["leader"]),
        "user.create": lambda: accounts.create_user(engine, admin, "tuan", PASSWORD, "analyst"),
        "user.role_change": lambda: accounts.set_role(engine, admin, "tuan", "leader"),
        "user.deactivate": lambda: accounts.deactivate(engine, admin, "tuan"),
        "user.reactivate": lambda: accounts.reactivate(engine, admin, "tuan"),
        "user.password_reset": lambda: accounts.set_password(
            engine, admin, "tuan", "Long-enough-1"
        ),
        "user.unlock": lambda: accounts.unlock(engine, admin, "tuan"),
        "observation.submit": lambda: (
            on_day(dt.date(2025, 2, 6)),
            observations_write.submit_observation(
                engine, officer, "CPI_TEST", *JANUARY, 3.6, "estimate", "report"
            ),
        ),
        "observation.correct": lambda: (
            on_day(dt.date(2025, 3, 6)),
            observations_write.correct_observation(
                engine, officer, "CPI_TEST", *JANUARY, 3.63, "report", "GSO restated"
            ),
        ),
        "forecast.publish": lambda: forecast_service.publish(
            engine,
            people["analyst"],
            "CPI_TEST",
            forecast(
                pd.Series([3.1, 3.4, 3.2, 3.6, 3.5, 3.8], name="CPI_TEST").set_axis(
                    pd.period_range("2024-07", periods=6, freq="M")
                ),
                2,
                "naive",
            ),
            "level",
            "M",
            "v1",
            JANUARY[1],
        ),
        "catalogue.change": lambda: catalogue_admin.update_indicator(
            engine, admin, "CPI_TEST", name_en="Consumer prices"
        ),
        "target.change": lambda: catalogue_admin.set_target(
            engine,
            admin,
            2026,
            "Tăng trưởng GDP",
            "Từ 10 trở lên",
            name_en="GDP growth rate",
            unit="%",
            source="resolution",
        ),
        "intake.upload": lambda: (
            on_day(dt.date(2025, 3, 20)),
            staged.append(
                intake.stage_upload(
                    engine,
                    officer,
                    "GSO",
                    "t.csv",
                    b"indicator_code,period,value\nCPI_TEST,2025-02,3\n",
                )
            ),
        ),
        "intake.confirm": lambda: intake.confirm(engine, officer, staged[0].submission_id),
        "intake.gso_import": lambda: staged.append(
            intake.stage_gso_workbook(
                engine, people["analyst"], "T2.2025.xlsx", WORKBOOK, dt.date(2025, 2, 28)
            )
        ),
        "obligation.change": lambda: obligations_service.assign(
            engine, admin, "MOF", "CPI_TEST", "VN", "decree_09"
        ),
        "intake.reject": lambda: intake.reject(
            engine, people["analyst"], staged[1].submission_id, "checked elsewhere"
        ),
        "api_token.issue": lambda: tokens.append(
            api_tokens.issue(engine, admin, "GSO", "province system", 30, False)
        ),
        "api_token.revoke": lambda: api_tokens.revoke(engine, admin, tokens[0][0]),
    }
    assert set(performed) == set(audit.AUDITED_ACTIONS)
    for action, perform in performed.items():
        before = len(_actions(engine))
        perform()
        assert _actions(engine)[before:] == [action], action

    log = audit_service.query(engine, admin)
    by_action = {row.action: row for row in log.itertuples()}
    assert by_action["user.role_change"].actor == "admin"
    assert by_action["user.role_change"].target_id == "tuan"
    assert json.loads(by_action["user.role_change"].before_json)["role"] == "analyst"
    correction = by_action["observation.correct"]
    assert (correction.actor, correction.target_type, correction.detail) == (
        "officer.gso",
        "observation",
        "GSO restated",
    )
    before, after = json.loads(correction.before_json), json.loads(correction.after_json)
    assert (before["value"], before["vintage"]) == (3.6, "2025-02-06")
    assert (after["value"], after["vintage"], after["status"]) == (3.63, "2025-03-06", "revised")
    assert all(isinstance(moment, pd.Timestamp | dt.datetime) for moment in log["at"])
    published = by_action["forecast.publish"]
    assert (published.actor, published.target_type) == ("analyst", "forecast_run")
    assert json.loads(published.after_json)["origin_period"] == "2024-12"


def test_a_failed_change_leaves_no_audit_row(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    before = _actions(catalogue_engine)
    with pytest.raises(InputError):
        accounts.create_user(catalogue_engine, people["admin"], "leader", PASSWORD, "leader")
    with pytest.raises(InputError):
        observations_write.submit_observation(
            catalogue_engine, people["data_officer"], "CPI_TEST", *JANUARY, 1.0, "final", "report"
        )
    assert _actions(catalogue_engine) == before


def test_the_database_refuses_to_change_or_delete_audit_rows(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    log = t.audit_log
    attempts = [
        update(log).values(actor="someone else"),
        delete(log),
        update(log).where(log.c.action == "user.create").values(detail="edited"),
    ]
    if catalogue_engine.dialect.name == "postgresql":
        attempts.append(text("TRUNCATE audit_log"))
    for statement in attempts:
        with (
            pytest.raises(DBAPIError, match="audit_log is append-only"),
            catalogue_engine.begin() as conn,
        ):
            conn.execute(statement)
    with catalogue_engine.connect() as conn:
        actors = set(conn.execute(select(log.c.actor)).scalars())
        count = conn.execute(select(func.count()).select_from(log)).scalar_one()
    assert count == len(people) and actors == {"system", "admin"}


def test_the_module_offers_no_way_to_change_or_remove_a_row() -> None:
    public = {
        name
        for name, value in vars(audit).items()
        if callable(value) and not name.startswith("_") and value.__module__ == audit.__name__
    }
    assert public == {"record", "query", "to_json", "utc_now"}
    tree = ast.parse(inspect.getsource(audit))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy"
        for alias in node.names
    }
    assert not imported & {"update", "delete", "text"}, "no UPDATE, DELETE or raw SQL"
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert not attributes & {"update", "delete"}


def test_before_and_after_are_json_with_dates_numbers_and_secrets_handled() -> None:
    value = {
        "day": dt.date(2025, 1, 31),
        "moment": dt.datetime(2025, 2, 6, 9, 30),
        "price": Decimal("1.25"),
        "count": np.int64(3),
        "share": np.float64(0.5),
        "missing": float("nan"),
        "tags": {"b", "a"},
        "password_hash": "$argon2id$v=19$...",
        "nested": {"api_token": "abc", "Client_Secret": "xyz", "name": "Hà Nội"},
    }
    assert json.loads(audit.to_json(value)) == {
        "count": 3,
        "day": "2025-01-31",
        "missing": None,
        "moment": "2025-02-06T09:30:00",
        "nested": {"Client_Secret": "[redacted]", "api_token": "[redacted]", "name": "Hà Nội"},
        "password_hash": "[redacted]",
        "price": 1.25,
        "share": 0.5,
        "tags": ["a", "b"],
    }
    assert "Hà Nội" in audit.to_json(value), "Vietnamese stays readable, not \\u-escaped"
    assert audit.to_json(None) is None


def test_record_refuses_an_action_the_trail_does_not_know(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    with (
        pytest.raises(ValueError, match=r"unknown audit action 'user\.delete'"),
        catalogue_engine.begin() as conn,
    ):
        audit.record(conn, "system", "user.delete")


def _log_at(engine, rows: list[tuple[str, str, dt.datetime]]) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        for actor, action, at in rows:
            audit.record(conn, actor, action, "user", actor, at=at)


def test_query_filters_by_actor_action_family_and_whole_days(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    _log_at(
        catalogue_engine,
        [
            ("leader", "sign_in.success", dt.datetime(2025, 1, 30, 23, 59)),
            ("leader", "sign_in.failure", dt.datetime(2025, 1, 31, 0, 0)),
            ("analyst", "sign_in.success", dt.datetime(2025, 1, 31, 23, 59, 59)),
            ("leader", "sign_out", dt.datetime(2025, 2, 1, 0, 0)),
        ],
    )
    admin = people["admin"]

    def actions(**filters) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
        frame = audit_service.query(catalogue_engine, admin, **filters)
        return list(zip(frame["actor"], frame["action"], strict=True))

    january_31 = {"since": dt.date(2025, 1, 31), "until": dt.date(2025, 1, 31)}
    assert actions(**january_31) == [
        ("analyst", "sign_in.success"),
        ("leader", "sign_in.failure"),
    ], "newest first; a date covers its whole day"
    assert actions(actor=" Leader", action="sign_in") == [
        ("leader", "sign_in.failure"),
        ("leader", "sign_in.success"),
    ]
    assert actions(action="sign_out") == [("leader", "sign_out")]
    assert actions(since=dt.datetime(2025, 1, 31, 23, 59, 59), until=dt.date(2025, 2, 1)) == [
        ("leader", "sign_out"),
        ("analyst", "sign_in.success"),
    ]
    assert len(audit_service.query(catalogue_engine, admin, limit=2)) == 2
    assert (
        list(audit_service.query(catalogue_engine, admin, actor="nobody").columns) == audit.COLUMNS
    )


def test_query_refuses_an_unknown_action_and_every_role_but_admin(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        audit_service.query(catalogue_engine, people["admin"], action="sign")
    assert caught.value.key == "error.unknown_audit_action"
    for role in ("leader", "analyst", "data_officer"):
        with pytest.raises(PermissionDenied, match=f"the role {role} may not do audit.read"):
            audit_service.query(catalogue_engine, people[role])


def test_record_joins_the_callers_transaction(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), catalogue_engine.begin() as conn:
        audit.record(conn, "system", "catalogue.change", "indicator", "CPI_TEST")
        conn.execute(insert(t.fields).values(code=9, name_vi="x", name_en="x"))
        raise RuntimeError("the change failed after the audit row was written")
    assert _actions(catalogue_engine) == []
