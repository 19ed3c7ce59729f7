"""Fixtures for the account, permission and audit tests: light hashing, a small catalogue, people.

Argon2 is slow by design; ``COCKPIT_ARGON2_PROFILE=test`` makes it cheap so the suite stays fast.
The production default is covered by ``test_default_profile_is_argon2id_with_library_defaults``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from services import accounts
from services import observations as observations_write
from tests.factories import GSO, MOF, indicator_row, seed_catalogue

PASSWORD = "Correct-Horse-42!"

INDICATOR_AGENCY = {"CPI_TEST": "GSO", "DEBT_TEST": "MOF", "ORPHAN_TEST": None}

sqlite_only = pytest.mark.parametrize("migrated_engine", ["sqlite"], indirect=True)
"""For long tables of cases whose SQL is the same on every backend: run them on SQLite alone."""


@pytest.fixture(autouse=True)
def light_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash with the test profile (1 pass, 1 MiB) instead of the production defaults."""
    monkeypatch.setenv("COCKPIT_ARGON2_PROFILE", "test")


@pytest.fixture
def on_day(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Set the day that values written from now on become known (their vintage): the service's
    clock, which no caller can choose."""

    def set_day(day: dt.date) -> None:
        monkeypatch.setattr(observations_write, "today", lambda: day)

    return set_day


@pytest.fixture
def catalogue_engine(migrated_engine: Engine) -> Engine:
    """A migrated database with two agencies, the country, and one indicator per agency (and one
    without an agency)."""
    indicators = [indicator_row(code, agency) for code, agency in INDICATOR_AGENCY.items()]
    return seed_catalogue(migrated_engine, indicators, agencies=[GSO, MOF])


@pytest.fixture
def people(catalogue_engine: Engine) -> dict[str, accounts.User]:
    """One account of each role (the data officer of GSO), plus a second admin and a MOF officer,
    all with the password :data:`PASSWORD` plus a suffix of their own."""
    make = accounts.create_user
    admin = make(catalogue_engine, accounts.SYSTEM, "admin", PASSWORD, "admin")
    return {
        "admin": admin,
        "admin2": make(catalogue_engine, admin, "admin2", PASSWORD + "-adm2", "admin"),
        "leader": make(catalogue_engine, admin, "leader", PASSWORD + "-lead", "leader"),
        "analyst": make(catalogue_engine, admin, "analyst", PASSWORD + "-ana", "analyst"),
        "data_officer": make(
            catalogue_engine, admin, "officer.gso", PASSWORD + "gso", "data_officer", "GSO"
        ),
        "officer_mof": make(
            catalogue_engine, admin, "officer.mof", PASSWORD + "mof", "data_officer", "MOF"
        ),
    }
