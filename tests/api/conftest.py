"""Fixtures of the API's tests: the small catalogue of the services' tests (GSO owes CPI_TEST,
MOF owes DEBT_TEST), on SQLite and on PostgreSQL when configured, an admin, and tokens."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import create_app
from services import accounts, api_tokens
from tests.services.conftest import PASSWORD, catalogue_engine, light_argon2  # noqa: F401

CPI, DEBT = "CPI_TEST", "DEBT_TEST"


@pytest.fixture
def admin(catalogue_engine: Engine) -> accounts.User:  # noqa: F811
    return accounts.create_user(catalogue_engine, accounts.SYSTEM, "admin", PASSWORD, "admin")


@pytest.fixture
def token(catalogue_engine: Engine, admin: accounts.User) -> Callable[..., str]:  # noqa: F811
    """Issue a token (GSO's by default) and give it back."""

    def issue(agency: str = "GSO", review_first: bool = False, days: int = 30) -> str:
        return api_tokens.issue(catalogue_engine, admin, agency, "test system", days, review_first)[
            1
        ]

    return issue


@pytest.fixture
def client(catalogue_engine: Engine) -> TestClient:  # noqa: F811
    return TestClient(create_app(catalogue_engine))


def bearer(token: str, **extra: str) -> dict[str, str]:
    """The headers of a call with ``token``."""
    return {"Authorization": f"Bearer {token}", **extra}
