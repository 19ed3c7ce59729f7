"""Text holding a NUL character is refused with a message wherever it enters, on both backends.

PostgreSQL cannot store a NUL and answered with a DataError that, on the sign-in screen, showed
the SQL of the users table; SQLite stored it silently. A sign-in with one is an ordinary failure.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func, select

from data import tables as t
from domain.errors import AuthError, InputError
from services import accounts, catalogue
from services import audit as audit_service
from services import observations as observations_write

NUL = "a\x00b"
JANUARY = (dt.date(2025, 1, 1), dt.date(2025, 1, 31))


def _count(engine: Engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_sign_in_with_a_nul_is_an_audited_failure(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    before = _count(catalogue_engine, t.audit_log)
    for username, password in ((f"admin{NUL}", "x"), ("admin", f"pass{NUL}")):
        with pytest.raises(AuthError):
            accounts.authenticate(catalogue_engine, username, password)
    assert _count(catalogue_engine, t.audit_log) == before + 2


@pytest.mark.parametrize(
    "write",
    [
        lambda e, p: accounts.create_user(
            e, p["admin"], "new.user", "Correct-Horse-42!", "leader", display_name=f"Lan{NUL}"
        ),
        lambda e, p: observations_write.submit_observation(
            e, p["data_officer"], "CPI_TEST", *JANUARY, 1.0, "official", f"report{NUL}"
        ),
        lambda e, p: catalogue.update_indicator(e, p["admin"], "CPI_TEST", name_vi=f"Chỉ số{NUL}"),
        lambda e, p: audit_service.query(e, p["admin"], actor=f"admin{NUL}"),
    ],
    ids=["display name", "observation source", "indicator name", "audit filter"],
)
def test_a_nul_anywhere_is_refused_and_nothing_is_written(people, catalogue_engine, write) -> None:  # type: ignore[no-untyped-def]
    counts = [_count(catalogue_engine, table) for table in (t.users, t.observations, t.audit_log)]
    with pytest.raises((InputError, AuthError)) as caught:
        write(catalogue_engine, people)
    if isinstance(caught.value, InputError):
        assert caught.value.key == "error.nul_character"
    after = [_count(catalogue_engine, table) for table in (t.users, t.observations, t.audit_log)]
    assert after == counts
