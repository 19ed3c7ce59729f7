"""Sessions that survive a reload: only the token's hash is stored, and a session resumes only
while it is unrevoked, unexpired, not idle and its account active."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from data import tables as t
from services import accounts, sessions
from tests.services.conftest import PASSWORD

START = dt.datetime(2026, 3, 2, 8, 0)
MINUTE = dt.timedelta(minutes=1)


def _rows(engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(t.user_sessions)).mappings().all()


def test_a_session_stores_only_the_hash_of_a_random_token(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    opened = sessions.open_session(catalogue_engine, people["leader"], START)
    other = sessions.open_session(catalogue_engine, people["leader"], START)
    assert opened.token != other.token and len(opened.token) >= 43
    (row, _) = _rows(catalogue_engine)
    assert row["token_sha256"] == sessions.token_hash(opened.token) != opened.token
    assert opened.token not in str(dict(row))
    assert row["expires_at"] == START + dt.timedelta(hours=8)


def test_a_session_resumes_with_its_token_and_the_current_account(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    opened = sessions.open_session(catalogue_engine, people["leader"], START)
    accounts.set_role(catalogue_engine, people["admin"], "leader", "analyst")
    resumed = sessions.resume(catalogue_engine, opened.token, START + 5 * MINUTE)
    assert resumed is not None and resumed.id == opened.id
    assert (resumed.user.username, resumed.user.role) == ("leader", "analyst")


@pytest.mark.parametrize("token", ["", None, 42, "x" * 43, "a" * 500, "tampered-" + "0" * 40])
def test_a_tampered_or_malformed_token_is_refused(people, catalogue_engine, token) -> None:  # type: ignore[no-untyped-def]
    opened = sessions.open_session(catalogue_engine, people["leader"], START)
    assert sessions.resume(catalogue_engine, token, START + MINUTE) is None
    altered = opened.token[:-1] + ("A" if opened.token[-1] != "A" else "B")
    assert sessions.resume(catalogue_engine, altered, START + MINUTE) is None


def test_an_idle_or_expired_session_is_refused(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    timeout = dt.timedelta(minutes=30)
    opened = sessions.open_session(catalogue_engine, people["leader"], START)
    assert sessions.resume(catalogue_engine, opened.token, START + 29 * MINUTE, timeout)
    assert sessions.resume(catalogue_engine, opened.token, START + 31 * MINUTE, timeout) is None
    # renewed every quarter hour, a session lasts until its absolute expiry and no longer
    current, moment = opened, START
    while moment < START + dt.timedelta(hours=8) - 20 * MINUTE:
        moment += 16 * MINUTE
        assert current.due_for_renewal(moment, timeout)
        current = sessions.renew(catalogue_engine, current, moment)
        assert sessions.resume(catalogue_engine, current.token, moment + MINUTE, timeout)
    assert current.expires_at == opened.expires_at
    late = opened.expires_at + MINUTE
    assert sessions.resume(catalogue_engine, current.token, late, timeout) is None
    assert not sessions.still_open(catalogue_engine, current, late)


@pytest.mark.parametrize(
    "end",
    [
        lambda engine, people: accounts.sign_out(engine, people["leader"]),
        lambda engine, people: accounts.set_password(
            engine, people["admin"], "leader", "Another-Secret-1"
        ),
        lambda engine, people: accounts.deactivate(engine, people["admin"], "leader"),
    ],
    ids=["sign_out", "password_reset", "deactivation"],
)
def test_sign_out_reset_and_deactivation_revoke_every_session(
    people, catalogue_engine, end
) -> None:  # type: ignore[no-untyped-def]
    first = sessions.open_session(catalogue_engine, people["leader"])
    second = sessions.open_session(catalogue_engine, people["leader"])
    mine = sessions.open_session(catalogue_engine, people["analyst"])
    end(catalogue_engine, people)
    for revoked in (first, second):
        assert sessions.resume(catalogue_engine, revoked.token) is None
        assert not sessions.still_open(catalogue_engine, revoked)
    assert sessions.resume(catalogue_engine, mine.token) is not None
    accounts.reactivate(catalogue_engine, people["admin"], "leader")
    assert sessions.resume(catalogue_engine, first.token) is None, "a revoked session stays so"


def test_a_session_of_a_deactivated_account_is_refused_even_before_revocation(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    opened = sessions.open_session(catalogue_engine, people["leader"])
    with catalogue_engine.begin() as conn:
        conn.execute(update(t.users).where(t.users.c.username == "leader").values(active=False))
    assert sessions.resume(catalogue_engine, opened.token) is None


def test_a_user_without_a_row_gets_no_session(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    claimed = accounts.User(id=None, username="a@b.vn", role="leader", email="a@b.vn")
    assert sessions.open_session(catalogue_engine, claimed) is None


def test_sign_in_then_session_then_sign_out_in_the_audit_log(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    user = accounts.authenticate(catalogue_engine, "leader", PASSWORD + "-lead")
    opened = sessions.open_session(catalogue_engine, user)
    accounts.sign_out(catalogue_engine, user)
    with catalogue_engine.connect() as conn:
        detail = conn.execute(
            select(t.audit_log.c.detail).where(t.audit_log.c.action == "sign_out")
        ).scalar_one()
    assert detail == "signed out; 1 session(s) revoked"
    assert sessions.resume(catalogue_engine, opened.token) is None


def test_the_database_allows_only_a_revocation(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    opened = sessions.open_session(catalogue_engine, people["leader"], START)
    c = t.user_sessions.c
    refused = [
        update(t.user_sessions).values(expires_at=START + dt.timedelta(days=30)),
        update(t.user_sessions).values(user_id=people["admin"].id),
        delete(t.user_sessions),
    ]
    for statement in refused:
        with pytest.raises(DBAPIError), catalogue_engine.begin() as conn:
            conn.execute(statement)
    with catalogue_engine.begin() as conn:
        conn.execute(update(t.user_sessions).where(c.id == opened.id).values(revoked_at=START))
    with pytest.raises(DBAPIError), catalogue_engine.begin() as conn:
        conn.execute(update(t.user_sessions).values(revoked_at=None))
    if catalogue_engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError), catalogue_engine.begin() as conn:
            conn.execute(text("TRUNCATE user_sessions"))
