"""Concurrent posts: the same idempotency key from many clients at once makes one submission and
one write; different keys for the same cell keep one value for the day (the first), never a
duplicate and never an error; on SQLite and on PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from api.app import create_app
from data import tables as t
from tests.api.conftest import CPI, bearer

ROW = {"indicator_code": CPI, "period": "2025-03", "value": 3.13, "status": "official"}
CLIENTS = 8


def _post(app, headers: dict[str, str], rows: list[dict]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with TestClient(app) as client:
        answer = client.post("/api/v1/submissions", headers=headers, json={"rows": rows})
    return answer.status_code, answer.json().get("id", -1)


def _count(engine: Engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_the_same_key_at_once_is_one_submission(catalogue_engine: Engine, token) -> None:  # type: ignore[no-untyped-def]
    app = create_app(catalogue_engine)
    headers = bearer(token(), **{"Idempotency-Key": "same-key-at-once"})
    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(lambda _: _post(app, headers, [ROW]), range(CLIENTS)))
    assert sorted({status for status, _ in answers}) in ([200, 201], [201])
    assert [status for status, _ in answers].count(201) == 1
    assert len({sid for _, sid in answers}) == 1
    assert _count(catalogue_engine, t.submissions) == 1
    assert _count(catalogue_engine, t.observations) == 1


def test_the_same_cell_from_many_keys_keeps_one_value_a_day(
    catalogue_engine: Engine, token
) -> None:  # type: ignore[no-untyped-def]
    app = create_app(catalogue_engine)
    secret = token()
    jobs = [
        (
            bearer(secret, **{"Idempotency-Key": f"cell-key-{n:04d}"}),
            [{**ROW, "value": 3.0 + n / 100}],
        )
        for n in range(CLIENTS)
    ]
    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(lambda job: _post(app, *job), jobs))
    assert [status for status, _ in answers] == [201] * CLIENTS, "no error, every batch kept"
    assert _count(catalogue_engine, t.submissions) == CLIENTS
    with catalogue_engine.connect() as conn:
        stored = conn.execute(
            select(t.observations.c.value, t.observations.c.vintage, t.observations.c.status)
        ).all()
        written = conn.execute(select(func.sum(t.submissions.c.rows_written))).scalar_one()
    assert len(stored) == 1 and written == 1, "one value for the day, no duplicate"
    assert stored[0].value in {3.0 + n / 100 for n in range(CLIENTS)}
