"""Schemathesis against the API's own OpenAPI schema, in-process: for every operation a bounded
number of generated requests, with a valid token, find no server error and no answer that breaks
the schema (status codes, content types, bodies). Also with every example made invalid on
purpose, which must be refused with 4xx, never 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine

from api.app import create_app
from tests.api.conftest import bearer

EXAMPLES = 25

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def api_schema(catalogue_engine: Engine, token, request):  # type: ignore[no-untyped-def]
    request.node.secret = token()
    app = create_app(catalogue_engine, rate_per_minute=1_000_000)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_and_every_answer_fits_the_schema(case, request) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(headers=bearer(request.node.secret))
