"""The API's answers, status by status: 401 for a wrong, revoked or expired token with nothing
else; 403 for another agency's series and 404 for its submission; 413 before a large body is
read; 422 with a problem list; 429 with Retry-After; 201 and 200 for a submission and its
repetition, which writes nothing; staging for review; every write audited as the token."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update

from api.app import create_app
from data import tables as t
from services import api_tokens
from tests.api.conftest import CPI, DEBT, bearer
from ui.translations import translate

ROW = {"indicator_code": CPI, "period": "2025-03", "value": 3.13, "status": "official"}


def _observations(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.observations)).scalar_one()


def test_no_valid_token_gets_401_and_nothing_else(client, token, catalogue_engine, admin) -> None:  # type: ignore[no-untyped-def]
    good = token()
    revoked = token()
    api_tokens.revoke(
        catalogue_engine, admin, api_tokens.authenticate(catalogue_engine, revoked).token_id
    )
    expired = token()
    with catalogue_engine.begin() as conn:
        conn.execute(
            update(t.api_tokens)
            .where(t.api_tokens.c.token_sha256 == api_tokens.digest(expired))
            .values(expires_at=dt.datetime(2020, 1, 1))
        )
    for headers in (
        {},
        bearer("ck_wrong"),
        bearer(good[:-1] + "x"),
        bearer(revoked),
        bearer(expired),
        {"Authorization": good},
    ):
        answer = client.get("/api/v1/indicators", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
        assert answer.json()["title"] == "Unauthorized" and answer.json()["detail"] is None
    assert client.get("/api/v1/indicators", headers=bearer(good)).status_code == 200


def test_a_submission_is_checked_written_and_audited(client, token, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    key = bearer(token(), **{"Idempotency-Key": "gso-2025-03-a"})
    rows = [ROW, {**ROW, "indicator_code": DEBT}, {**ROW, "period": "2025-04", "value": "ba phẩy"}]
    answer = client.post("/api/v1/submissions", headers=key, json={"rows": rows})
    assert answer.status_code == 201, answer.text
    found = answer.json()
    assert found["state"] == "confirmed" and found["rows_written"] == 1
    outcomes = [row["outcome"] for row in found["rows"]]
    assert outcomes[0] == "valid" and outcomes[1] == "error" and outcomes[2] == "error"
    assert {p["code"] for p in found["rows"][1]["problems"]} == {"error.row_not_owed"}
    assert {p["code"] for p in found["rows"][2]["problems"]} == {"error.number_unparseable"}
    assert all(p["message"] for row in found["rows"] for p in row["problems"])
    with catalogue_engine.connect() as conn:
        stored = (
            conn.execute(select(t.observations).where(t.observations.c.indicator_code == CPI))
            .mappings()
            .all()
        )
        actors = conn.execute(select(t.audit_log.c.actor, t.audit_log.c.action)).all()
    assert [(r["value"], r["vintage"]) for r in stored] == [(3.13, dt.date.today())]
    token_actor = found_actor = (
        f"api:GSO:{api_tokens.authenticate(catalogue_engine, key['Authorization'][7:]).token_id}"
    )
    assert (found_actor, "intake.upload") in actors and (token_actor, "intake.confirm") in actors

    again = client.post("/api/v1/submissions", headers=key, json={"rows": [{**ROW, "value": 9.9}]})
    assert again.status_code == 200 and again.json()["id"] == found["id"]
    assert _observations(catalogue_engine) == 1, "the same key writes nothing"
    status = client.get(
        f"/api/v1/submissions/{found['id']}", headers=bearer(key["Authorization"][7:])
    )
    assert status.status_code == 200 and status.json()["rows"] == found["rows"]


def test_a_token_set_to_review_first_stages_only(client, token, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    answer = client.post(
        "/api/v1/submissions",
        headers=bearer(token(review_first=True), **{"Idempotency-Key": "gso-review-0001"}),
        json={"rows": [ROW]},
    )
    assert answer.status_code == 201
    assert answer.json()["state"] == "staged" and answer.json()["rows_written"] is None
    assert _observations(catalogue_engine) == 0


def test_another_agency_is_forbidden_or_not_found(client, token) -> None:  # type: ignore[no-untyped-def]
    gso, mof = token("GSO"), token("MOF")
    sent = client.post(
        "/api/v1/submissions",
        headers=bearer(gso, **{"Idempotency-Key": "gso-0000-01"}),
        json={"rows": [ROW]},
    )
    assert (
        client.get(f"/api/v1/submissions/{sent.json()['id']}", headers=bearer(mof)).status_code
        == 404
    )
    assert client.get("/api/v1/submissions/999999", headers=bearer(gso)).status_code == 404
    assert client.get(f"/api/v1/data?indicator={CPI}", headers=bearer(gso)).status_code == 200
    forbidden = client.get(f"/api/v1/data?indicator={CPI}", headers=bearer(mof))
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"] == "application/problem+json"
    assert [s["id"] for s in client.get("/api/v1/submissions", headers=bearer(mof)).json()] == []


@pytest.mark.parametrize(
    ("body", "headers", "where"),
    [
        ({"rows": []}, {"Idempotency-Key": "key-000001"}, "body.rows"),
        (
            {"rows": [{**ROW, "colour": "red"}]},
            {"Idempotency-Key": "key-000002"},
            "body.rows.0.colour",
        ),
        ({"lines": [ROW]}, {"Idempotency-Key": "key-000003"}, "body.rows"),
        ({"rows": [ROW]}, {"Idempotency-Key": "short"}, "header.Idempotency-Key"),
        ({"rows": [ROW]}, {}, "header.Idempotency-Key"),
    ],
)
def test_a_batch_that_cannot_be_staged_gets_422_with_its_problems(
    client, token, catalogue_engine, body, headers, where
) -> None:  # type: ignore[no-untyped-def]
    answer = client.post("/api/v1/submissions", headers=bearer(token(), **headers), json=body)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert where in [e["where"] for e in answer.json()["errors"]]
    assert _observations(catalogue_engine) == 0


def test_a_large_body_is_refused_before_it_is_read(catalogue_engine, token) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(catalogue_engine, max_body_bytes=1000))
    rows = [ROW] * 50
    answer = client.post(
        "/api/v1/submissions",
        headers=bearer(token(), **{"Idempotency-Key": "big-000001"}),
        json={"rows": rows},
    )
    assert answer.status_code == 413
    assert _observations(catalogue_engine) == 0


def test_each_token_has_its_rate(catalogue_engine, token) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(catalogue_engine, rate_per_minute=3))
    mine, other = token(), token()
    statuses = [client.get("/api/v1/regimes", headers=bearer(mine)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/regimes", headers=bearer(mine))
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert client.get("/api/v1/regimes", headers=bearer(other)).status_code == 200


def test_the_template_says_what_the_agency_owes(client, token) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/api/v1/templates/2025-03", headers=bearer(token("MOF")))
    assert answer.status_code == 200
    assert [line["indicator_code"] for line in answer.json()["lines"]] == [DEBT]
    assert client.get("/api/v1/templates/2025-13", headers=bearer(token())).status_code == 422
    english = client.get("/api/v1/regimes", headers=bearer(token(), **{"Accept-Language": "en"}))
    assert [r["name"] for r in english.json()] == [
        translate(f"regime.{code}", "en") for code in ("statistical", "decree_09")
    ]
    assert english.json()[0]["name"] != translate("regime.statistical", "vi")
