"""Accounts: argon2id hashes and nothing in clear, sign-in with lockout, roles, OIDC, sessions."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import Engine, MetaData, insert, select

from data import audit
from data import tables as t
from data.engine import make_engine
from domain.errors import InputError
from jobs import users as users_cli
from services import accounts
from services.permissions import PermissionDenied
from tests.factories import agency_row
from tests.services.conftest import PASSWORD, sqlite_only

T0 = dt.datetime(2025, 3, 1, 8, 0, 0)
SIGN_IN_MESSAGE = "wrong user name or password, or the account is temporarily locked"


def _audit_rows(engine: Engine, action: str | None = None) -> list[dict]:
    statement = select(t.audit_log).order_by(t.audit_log.c.id)
    if action:
        statement = statement.where(t.audit_log.c.action == action)
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(statement).mappings()]


def _account(engine: Engine, username: str) -> dict:
    with engine.connect() as conn:
        query = select(t.users).where(t.users.c.username == username)
        return dict(conn.execute(query).mappings().one())


def _refused(engine: Engine, username: str, password: str, now: dt.datetime) -> accounts.AuthError:
    with pytest.raises(accounts.AuthError) as caught:
        accounts.authenticate(engine, username, password, now=now)
    assert caught.value.key == "error.sign_in_failed"
    assert str(caught.value) == SIGN_IN_MESSAGE
    assert caught.value.params == {}, "the message carries nothing about the account"
    return caught.value


# --- hashing and clear text ----------------------------------------------------------------------


def test_no_clear_text_password_anywhere_in_the_database_after_sign_up(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    admin = accounts.create_user(catalogue_engine, accounts.SYSTEM, "root", PASSWORD, "admin")
    accounts.create_user(
        catalogue_engine, admin, "minh", PASSWORD, "leader", email="minh@example.gov.vn"
    )
    accounts.authenticate(catalogue_engine, "minh", PASSWORD)
    _refused(catalogue_engine, "minh", PASSWORD + "x", accounts.audit.utc_now())
    _refused(catalogue_engine, PASSWORD, PASSWORD, accounts.audit.utc_now())  # name field typo
    accounts.set_password(catalogue_engine, admin, "minh", "Another-Horse-43!")

    reflected = MetaData()
    reflected.reflect(catalogue_engine)
    cells = 0
    with catalogue_engine.connect() as conn:
        for table in reflected.sorted_tables:
            for row in conn.execute(select(table)):
                for value in row:
                    cells += 1
                    assert PASSWORD not in str(value), f"clear text password in {table.name}"
                    assert "Another-Horse-43!" not in str(value), f"clear password in {table.name}"
    assert cells > 0
    stored = _account(catalogue_engine, "minh")["password_hash"]
    assert stored.startswith("$argon2id$")


def test_hashes_are_salted_so_equal_passwords_differ(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    accounts.create_user(catalogue_engine, accounts.SYSTEM, "an", PASSWORD, "admin")
    accounts.create_user(catalogue_engine, accounts.SYSTEM, "binh", PASSWORD, "leader")
    assert (
        _account(catalogue_engine, "an")["password_hash"]
        != _account(catalogue_engine, "binh")["password_hash"]
    )


def test_default_profile_is_argon2id_with_library_defaults(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("COCKPIT_ARGON2_PROFILE")
    hasher = accounts.password_hasher()
    library = PasswordHasher()
    assert hasher.type is Type.ID
    assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (
        library.time_cost,
        library.memory_cost,
        library.parallelism,
    )
    assert hasher.memory_cost >= 64 * 1024, "RFC 9106 low-memory profile: 64 MiB"


def test_an_unknown_hashing_profile_is_refused_with_the_choices(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COCKPIT_ARGON2_PROFILE", "fast")
    with pytest.raises(ValueError, match=r"'fast' is not a profile; use one of default, test"):
        accounts.password_hasher()


def test_a_hash_of_another_profile_is_upgraded_at_sign_in(catalogue_engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    accounts.create_user(catalogue_engine, accounts.SYSTEM, "lan", PASSWORD, "admin")
    light = _account(catalogue_engine, "lan")["password_hash"]
    monkeypatch.setitem(accounts.ARGON2_PROFILES, "stronger", accounts.Parameters(
        type=Type.ID, version=19, salt_len=16, hash_len=32, time_cost=2, memory_cost=2048,
        parallelism=1,
    ))  # fmt: skip
    monkeypatch.setenv("COCKPIT_ARGON2_PROFILE", "stronger")
    accounts.authenticate(catalogue_engine, "lan", PASSWORD)
    upgraded = _account(catalogue_engine, "lan")["password_hash"]
    assert upgraded != light and "m=2048,t=2" in upgraded
    accounts.authenticate(catalogue_engine, "lan", PASSWORD)


# --- sign-in -------------------------------------------------------------------------------------


def test_the_right_password_signs_in_and_is_audited(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    user = accounts.authenticate(catalogue_engine, "  Leader ", PASSWORD + "-lead")
    assert (user.username, user.role, user.agency_code) == ("leader", "leader", None)
    (row,) = _audit_rows(catalogue_engine, "sign_in.success")
    assert (row["actor"], row["target_id"]) == ("leader", "leader")


def test_unknown_user_wrong_password_and_inactive_get_the_same_refusal(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    accounts.deactivate(catalogue_engine, people["admin"], "analyst")
    unknown = _refused(catalogue_engine, "nobody", PASSWORD, T0)
    wrong = _refused(catalogue_engine, "leader", "not-the-password", T0)
    inactive = _refused(catalogue_engine, "analyst", PASSWORD + "-ana", T0)
    assert str(unknown) == str(wrong) == str(inactive)
    failures = _audit_rows(catalogue_engine, "sign_in.failure")
    assert [(r["actor"], r["detail"].split(";")[0]) for r in failures] == [
        (audit.UNKNOWN_ACTOR, "unknown user name"),
        ("leader", "wrong password"),
        ("analyst", "inactive account"),
    ]


def test_every_refusal_costs_one_hash_check_even_for_an_unknown_user(
    people, catalogue_engine, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    checks: list[str] = []
    verify = PasswordHasher.verify

    def counting_verify(self, stored_hash, password):  # type: ignore[no-untyped-def]
        checks.append(stored_hash)
        return verify(self, stored_hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting_verify)
    for name in ("nobody", "leader", "ghost"):
        checks.clear()
        _refused(catalogue_engine, name, "not-the-password", T0)
        assert len(checks) == 1 and checks[0].startswith("$argon2id$"), name


def test_five_failures_lock_the_account_even_against_the_right_password(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    right = PASSWORD + "-ana"
    for attempt in range(4):
        _refused(catalogue_engine, "analyst", "wrong", T0 + dt.timedelta(seconds=attempt))
    assert accounts.authenticate(catalogue_engine, "analyst", right, now=T0).role == "analyst"
    assert _account(catalogue_engine, "analyst")["failed_attempts"] == 0, "success resets"

    for attempt in range(5):
        _refused(catalogue_engine, "analyst", "wrong", T0 + dt.timedelta(seconds=attempt))
    locked_at = T0 + dt.timedelta(seconds=4)
    assert _account(catalogue_engine, "analyst")["locked_until"] == locked_at + dt.timedelta(
        seconds=30
    )
    _refused(catalogue_engine, "analyst", right, locked_at + dt.timedelta(seconds=29))
    assert _account(catalogue_engine, "analyst")["failed_attempts"] == 5, "waiting is not failing"
    user = accounts.authenticate(
        catalogue_engine, "analyst", right, now=locked_at + dt.timedelta(seconds=31)
    )
    assert user.username == "analyst"
    assert "locked until" in _audit_rows(catalogue_engine, "sign_in.failure")[-1]["detail"]


def test_a_lockout_set_while_the_password_is_checked_still_refuses(
    people, catalogue_engine, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    verify = accounts._verify

    def verify_while_a_parallel_attempt_locks(hasher, stored_hash, password):  # type: ignore[no-untyped-def]
        with catalogue_engine.begin() as conn:
            conn.execute(
                t.users.update()
                .where(t.users.c.username == "analyst")
                .values(failed_attempts=5, locked_until=T0 + dt.timedelta(seconds=30))
            )
        return verify(hasher, stored_hash, password)

    monkeypatch.setattr(accounts, "_verify", verify_while_a_parallel_attempt_locks)
    _refused(catalogue_engine, "analyst", PASSWORD + "-ana", T0)
    assert "locked until" in _audit_rows(catalogue_engine, "sign_in.failure")[-1]["detail"]
    assert _account(catalogue_engine, "analyst")["failed_attempts"] == 5


def test_the_wait_doubles_with_each_further_failure(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    now = T0
    waits = []
    for _ in range(8):
        _refused(catalogue_engine, "leader", "wrong", now)
        locked_until = _account(catalogue_engine, "leader")["locked_until"]
        if locked_until is not None:
            waits.append((locked_until - now).total_seconds())
            now = locked_until + dt.timedelta(seconds=1)
    assert waits == [30, 60, 120, 240]


def test_lockout_wait_grows_to_an_hour_and_no_further() -> None:
    assert [accounts.lockout_wait(n) for n in range(5)] == [None] * 5
    assert accounts.lockout_wait(5) == dt.timedelta(seconds=30)
    assert accounts.lockout_wait(11) == dt.timedelta(seconds=30 * 64)
    assert accounts.lockout_wait(12) == dt.timedelta(hours=1)
    assert accounts.lockout_wait(10_000) == dt.timedelta(hours=1)


def test_an_admin_can_unlock_and_reset_a_password(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    for attempt in range(6):
        _refused(catalogue_engine, "leader", "wrong", T0 + dt.timedelta(seconds=attempt))
    accounts.unlock(catalogue_engine, people["admin"], "leader")
    assert accounts.authenticate(catalogue_engine, "leader", PASSWORD + "-lead", now=T0).role
    accounts.set_password(catalogue_engine, people["admin"], "leader", "A-new-long-secret")
    _refused(catalogue_engine, "leader", PASSWORD + "-lead", T0)
    assert accounts.authenticate(catalogue_engine, "leader", "A-new-long-secret", now=T0)
    (unlock,) = _audit_rows(catalogue_engine, "user.unlock")
    assert '"failed_attempts": 5' in unlock["before_json"]
    (reset,) = _audit_rows(catalogue_engine, "user.password_reset")
    assert reset["before_json"] is None and reset["after_json"] is None


# --- creating and changing accounts --------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"password": "short-9ch"}, "error.password_too_short"),
        ({"password": "x" * 1025}, "error.password_too_long"),
        ({"username": "hoa.nguyen", "password": "HOA.NGUYEN"}, "error.password_is_username"),
        ({"password": "password12"}, "error.password_common"),
        ({"username": "system"}, "error.username_invalid"),
        ({"username": "=cmd|calc"}, "error.username_invalid"),
        ({"username": "a"}, "error.username_invalid"),
        ({"role": "minister"}, "error.unknown_role"),
        ({"role": "data_officer"}, "error.agency_required"),
        ({"role": "leader", "agency_code": "GSO"}, "error.agency_only_for_data_officer"),
        ({"role": "data_officer", "agency_code": "MOH"}, "error.unknown_agency"),
        ({"email": "not an address"}, "error.email_invalid"),
        ({"password": None}, "error.oidc_needs_email"),
        ({"username": "admin"}, "error.username_taken"),
        ({"email": "ADMIN@example.gov.vn"}, "error.email_taken"),
    ],
)
@sqlite_only
def test_create_user_refuses_what_cannot_be_an_account(catalogue_engine, kwargs, key) -> None:  # type: ignore[no-untyped-def]
    admin = accounts.create_user(
        catalogue_engine, accounts.SYSTEM, "admin", PASSWORD, "admin", email="admin@example.gov.vn"
    )
    arguments = {"username": "hoa.nguyen", "password": PASSWORD, "role": "leader", **kwargs}
    with pytest.raises(InputError) as caught:
        accounts.create_user(catalogue_engine, admin, **arguments)
    assert caught.value.key == key
    assert len(_audit_rows(catalogue_engine, "user.create")) == 1, "a refusal changes nothing"


def test_an_oidc_account_has_no_password_and_signs_in_by_email(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    accounts.create_user(
        catalogue_engine,
        accounts.SYSTEM,
        "thu.tran",
        None,
        "analyst",
        email="Thu.Tran@Example.gov.vn",
        display_name="Trần Thu",
    )
    assert _account(catalogue_engine, "thu.tran")["password_hash"] is None
    _refused(catalogue_engine, "thu.tran", "", T0)
    found = accounts.user_by_email(catalogue_engine, " thu.tran@example.GOV.vn")
    assert found is not None and (found.role, found.label) == ("analyst", "Trần Thu")
    user = accounts.oidc_sign_in(
        catalogue_engine, {"email": "thu.tran@example.gov.vn", "email_verified": True}
    )
    assert user == found
    assert _audit_rows(catalogue_engine, "sign_in.success")[-1]["detail"] == (
        "OIDC; role from users table"
    )


def test_oidc_role_comes_from_the_table_first_then_a_configured_claim(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    accounts.create_user(
        catalogue_engine, people["admin"], "mai", None, "leader", email="mai@example.gov.vn"
    )
    claims = {"email": "mai@example.gov.vn", "email_verified": True, "cockpit_role": "admin"}
    assert accounts.oidc_sign_in(catalogue_engine, claims, role_claim="cockpit_role").role == (
        "leader"
    )
    stranger = {
        "email": "new@example.gov.vn",
        "email_verified": True,
        "roles": ["viewer", "data_officer"],
        "org": "MOF",
    }
    user = accounts.oidc_sign_in(catalogue_engine, stranger, role_claim="roles", agency_claim="org")
    assert (user.id, user.username, user.role, user.agency_code) == (
        None,
        "new@example.gov.vn",
        "data_officer",
        "MOF",
    )
    assert accounts.refresh_user(catalogue_engine, user) == user


@pytest.mark.parametrize(
    "claims",
    [
        {"email": "who@example.gov.vn", "email_verified": True},
        {"email": "who@example.gov.vn", "email_verified": True, "cockpit_role": "superuser"},
        {
            "email": "who@example.gov.vn",
            "email_verified": True,
            "cockpit_role": ["leader", "admin"],
        },
        {"email": "who@example.gov.vn", "email_verified": True, "cockpit_role": "data_officer"},
        {
            "email": "who@example.gov.vn",
            "email_verified": True,
            "cockpit_role": "data_officer",
            "org": "NOPE",
        },
        {"email": "lam@example.gov.vn", "email_verified": False},
        {"email": "lam@example.gov.vn"},
        {"email": "lam@example.gov.vn", "email_verified": "true"},
        {"email": "lam@example.gov.vn", "email_verified": "false"},
        {"email": "lam@example.gov.vn", "email_verified": 1},
        {"email": "lam@example.gov.vn", "email_verified": 0},
        {"email": "lam@example.gov.vn", "email_verified": None},
        {"email": "who@example.gov.vn", "cockpit_role": "admin"},
        {},
    ],
)
@sqlite_only
def test_oidc_without_a_role_is_refused_and_audited(people, catalogue_engine, claims) -> None:  # type: ignore[no-untyped-def]
    accounts.create_user(
        catalogue_engine, people["admin"], "lam", None, "leader", email="lam@example.gov.vn"
    )
    with pytest.raises(InputError) as caught:
        accounts.oidc_sign_in(
            catalogue_engine, claims, role_claim="cockpit_role", agency_claim="org"
        )
    assert caught.value.key == "error.oidc_not_registered"
    assert _audit_rows(catalogue_engine, "sign_in.failure")[-1]["detail"].startswith("OIDC")


def test_oidc_binds_the_subject_at_the_first_verified_sign_in_and_matches_it_after(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    accounts.create_user(
        catalogue_engine, people["admin"], "lam", None, "leader", email="lam@example.gov.vn"
    )
    first = {
        "iss": "https://id.gov.vn",
        "sub": "8f1c",
        "email": "lam@example.gov.vn",
        "email_verified": True,
    }
    assert accounts.oidc_sign_in(catalogue_engine, first).username == "lam"
    assert _account(catalogue_engine, "lam")["oidc_subject"] == "https://id.gov.vn 8f1c"
    assert _audit_rows(catalogue_engine, "sign_in.success")[-1]["detail"].endswith("subject bound")
    # The same person later, with the e-mail claim gone or unverified: the subject signs them in.
    later = {"iss": "https://id.gov.vn", "sub": "8f1c", "email_verified": "false"}
    assert accounts.oidc_sign_in(catalogue_engine, later).username == "lam"
    # Someone else whose provider now vouches for the same e-mail is not that account.
    other = {**first, "sub": "ffff"}
    with pytest.raises(InputError):
        accounts.oidc_sign_in(catalogue_engine, other)
    assert _audit_rows(catalogue_engine, "sign_in.failure")[-1]["detail"] == (
        "OIDC: e-mail bound to another subject"
    )


def test_set_role_is_audited_with_before_and_after(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    changed = accounts.set_role(catalogue_engine, people["admin"], "leader", "data_officer", "MOF")
    assert (changed.role, changed.agency_code) == ("data_officer", "MOF")
    (row,) = _audit_rows(catalogue_engine, "user.role_change")
    assert (row["actor"], row["target_id"]) == ("admin", "leader")
    assert row["before_json"] == '{"agency_code": null, "role": "leader"}'
    assert row["after_json"] == '{"agency_code": "MOF", "role": "data_officer"}'


def test_the_last_active_admin_cannot_be_demoted_or_deactivated(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    admin = people["admin"]
    accounts.deactivate(catalogue_engine, admin, "admin2")
    with pytest.raises(InputError, match="last active admin") as demoted:
        accounts.set_role(catalogue_engine, admin, "admin", "leader")
    assert demoted.value.key == "error.last_admin"
    with pytest.raises(InputError, match="last active admin"):
        accounts.deactivate(catalogue_engine, admin, "admin")
    accounts.reactivate(catalogue_engine, admin, "admin2")
    accounts.deactivate(catalogue_engine, admin, "admin")
    assert accounts.has_active_admin(catalogue_engine)


def test_refresh_user_sees_role_changes_and_deactivation(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    analyst = people["analyst"]
    accounts.set_role(catalogue_engine, people["admin"], "analyst", "leader")
    assert accounts.refresh_user(catalogue_engine, analyst).role == "leader"
    accounts.deactivate(catalogue_engine, people["admin"], "analyst")
    assert accounts.refresh_user(catalogue_engine, analyst) is None
    assert accounts.get_user(catalogue_engine, "analyst") is None


def test_list_users_shows_accounts_without_their_hashes(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    listing = accounts.list_users(catalogue_engine, people["admin"])
    assert "password_hash" not in listing.columns
    assert listing["username"].tolist() == sorted(u.username for u in people.values())
    assert not listing.astype(str).apply(lambda col: col.str.startswith("$argon2")).any().any()
    with pytest.raises(PermissionDenied):
        accounts.list_users(catalogue_engine, people["leader"])


def test_has_active_admin_is_false_on_a_fresh_database(catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    assert not accounts.has_active_admin(catalogue_engine)
    accounts.create_user(catalogue_engine, accounts.SYSTEM, "first", PASSWORD, "admin")
    assert accounts.has_active_admin(catalogue_engine)


# --- sessions ------------------------------------------------------------------------------------


def test_sign_out_is_audited_with_its_reason(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    accounts.sign_out(catalogue_engine, people["leader"], reason="idle timeout")
    (row,) = _audit_rows(catalogue_engine, "sign_out")
    assert (row["actor"], row["detail"]) == ("leader", "idle timeout")


def test_idle_timeout_is_configurable_and_defaults_to_30_minutes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("COCKPIT_IDLE_TIMEOUT_MINUTES", raising=False)
    assert accounts.idle_timeout() == dt.timedelta(minutes=30)
    monkeypatch.setenv("COCKPIT_IDLE_TIMEOUT_MINUTES", "5")
    assert accounts.idle_timeout() == dt.timedelta(minutes=5)
    assert accounts.is_idle(T0, now=T0 + dt.timedelta(minutes=5, seconds=1))
    assert not accounts.is_idle(T0, now=T0 + dt.timedelta(minutes=4))
    monkeypatch.setenv("COCKPIT_IDLE_TIMEOUT_MINUTES", "never")
    with pytest.raises(ValueError, match="'never' is not a positive number of minutes"):
        accounts.idle_timeout()


# --- the command line ----------------------------------------------------------------------------


@pytest.fixture
def cli_database(tmp_path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("COCKPIT_DATABASE_URL", url)
    monkeypatch.delenv(users_cli.PASSWORD_VARIABLE, raising=False)
    return url


def test_create_admin_reads_the_password_from_the_environment(
    cli_database, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(users_cli.PASSWORD_VARIABLE, PASSWORD)
    assert users_cli.main(["create-admin", "--username", "Hoa.Nguyen"]) == 0
    out = capsys.readouterr().out
    assert "Admin hoa.nguyen created" in out and PASSWORD not in out
    engine = make_engine(cli_database)
    assert accounts.authenticate(engine, "hoa.nguyen", PASSWORD).role == "admin"
    assert users_cli.first_admin_hint(engine) is None
    (row,) = _audit_rows(engine, "user.create")
    assert row["actor"] == "system"
    assert users_cli.main(["list"]) == 0
    listing = capsys.readouterr().out
    assert "hoa.nguyen" in listing and "argon2" not in listing


def test_create_admin_asks_twice_without_echo_when_the_environment_is_silent(
    cli_database, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    typed = iter([PASSWORD, PASSWORD + "typo"])
    monkeypatch.setattr(users_cli.getpass, "getpass", lambda prompt: next(typed))
    assert users_cli.main(["create-admin", "--username", "hoa"]) == 2
    assert "the two passwords differ" in capsys.readouterr().err
    typed = iter([PASSWORD, PASSWORD])
    assert users_cli.main(["create-admin", "--username", "hoa"]) == 0


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pw", "at least 10 characters"),
        ("hoa.nguyen", "must not contain the user name"),
        ("password12", "one of the most common"),
        ("aaaaaaaaaa", "a few characters repeated"),
    ],
)
def test_create_admin_refuses_a_weak_password(
    cli_database, monkeypatch, capsys, password, message
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(users_cli.PASSWORD_VARIABLE, password)
    assert users_cli.main(["create-admin", "--username", "hoa.nguyen"]) == 2
    err = capsys.readouterr().err
    assert message in err and password not in err
    assert users_cli.first_admin_hint(make_engine(cli_database)).startswith(
        "No administrator yet: create one with `make admin USERNAME=<name>`"
    )


def test_the_password_cannot_be_given_on_the_command_line(cli_database) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        users_cli.main(["create-admin", "--username", "hoa", "--password", PASSWORD])


def test_create_makes_an_account_of_any_role_from_the_command_line(
    cli_database, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(users_cli.PASSWORD_VARIABLE, PASSWORD)
    assert users_cli.main(["create", "--username", "Lan.Tran", "--role", "analyst"]) == 0
    out = capsys.readouterr().out
    assert "Account lan.tran (analyst) created" in out and PASSWORD not in out
    engine = make_engine(cli_database)
    assert accounts.authenticate(engine, "lan.tran", PASSWORD).role == "analyst"
    with engine.begin() as conn:
        conn.execute(
            insert(t.agencies), agency_row("SBV", "Ngân hàng Nhà nước", "ministry", "State Bank")
        )
    officer = ["create", "--username", "nhnn", "--role", "data_officer", "--agency", "SBV"]
    assert users_cli.main(officer) == 0
    assert accounts.get_user(engine, "nhnn").agency_code == "SBV"
    oidc = ["create", "--username", "minh", "--role", "leader", "--email", "Minh@Gov.vn"]
    assert users_cli.main([*oidc, "--oidc"]) == 0
    assert "through OIDC as minh@gov.vn" in capsys.readouterr().out
    assert accounts.user_by_email(engine, "minh@gov.vn").role == "leader"
    actors = {row["actor"] for row in _audit_rows(engine, "user.create")}
    assert actors == {"system"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--role", "data_officer"], "a data officer must be bound to one agency"),
        (["--role", "data_officer", "--agency", "NOPE"], "there is no agency NOPE"),
        (["--role", "leader", "--agency", "SBV"], "only a data officer is bound to an agency"),
        (["--role", "leader", "--oidc"], "needs an e-mail"),
    ],
)
def test_create_refuses_what_the_role_does_not_allow(
    cli_database, monkeypatch, capsys, arguments, message
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(users_cli.PASSWORD_VARIABLE, PASSWORD)
    assert users_cli.main(["create", "--username", "hoa", *arguments]) == 2
    assert message in capsys.readouterr().err
    with pytest.raises(SystemExit):
        users_cli.main(["create", "--username", "hoa", "--role", "president"])
