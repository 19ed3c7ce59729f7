"""Accounts: who may sign in, with which role, and how a sign-in is checked.

A *local account* has a password, stored only as an argon2id hash (argon2-cffi's defaults: RFC
9106's low-memory profile). An *OIDC account* has no password: the identity provider signs the
person in (``st.login``) and :func:`oidc_sign_in` matches the e-mail to a row of ``users`` (or,
where configured, takes the role from a claim of the provider's token).

Sign-in refuses with one message whatever went wrong (unknown name, wrong password, inactive or
locked account), and spends the same work on each: an unknown name is checked against a dummy hash.
After :data:`LOCKOUT_THRESHOLD` consecutive failures an account waits :data:`LOCKOUT_BASE` before
the next try, twice as long after each further failure, up to :data:`LOCKOUT_CAP`; during the wait
even the right password is refused. Every change and every sign-in writes an audit row in the same
transaction.

``COCKPIT_ARGON2_PROFILE=test`` switches hashing to very light parameters so test suites run fast;
it must never be set in production (hashes made with it are upgraded at the next sign-in once it is
unset). ``COCKPIT_IDLE_TIMEOUT_MINUTES`` sets the idle timeout (:func:`idle_timeout`, default 30).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from argon2 import Parameters, PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, RowMapping, exists, func, insert, or_, select, update

from data import audit, common_passwords
from data import sessions as session_storage
from data import tables as t
from domain.errors import AuthError, InputError
from domain.vocabulary import Action
from services.permissions import ADMIN, DATA_OFFICER, ROLES, require

LOCKOUT_THRESHOLD = 5
LOCKOUT_BASE = dt.timedelta(seconds=30)
LOCKOUT_CAP = dt.timedelta(hours=1)
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
DEFAULT_IDLE_MINUTES = 30
# A password of so few different characters is trivial ("aaaaaaaaaa", "ababababab", "abcabcabca").
MAX_TRIVIAL_DISTINCT = 3
# A user name this long or longer must not appear inside the password.
MIN_NAME_IN_PASSWORD = 3
# Words of this service that a password must not hold (NIST's "context-specific words").
CONTEXT_WORDS = ("cockpit",)

USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,59}")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
RESERVED_USERNAMES = frozenset({audit.SYSTEM_ACTOR})

ARGON2_PROFILES: dict[str, Parameters | None] = {
    "default": None,  # argon2-cffi's own defaults: argon2id, RFC 9106 low-memory profile
    "test": Parameters(
        type=Type.ID,
        version=19,
        salt_len=16,
        hash_len=32,
        time_cost=1,
        memory_cost=1024,
        parallelism=1,
    ),
}


@dataclass(frozen=True)
class User:
    """A person signed in to the Cockpit (or :data:`SYSTEM`, the command line acting)."""

    id: int | None
    username: str
    role: str
    agency_code: str | None = None
    display_name: str | None = None
    email: str | None = None

    @property
    def label(self) -> str:
        """The name to show: the display name, else the user name."""
        return self.display_name or self.username


SYSTEM = User(id=None, username=audit.SYSTEM_ACTOR, role=ADMIN, display_name="system")
"""The actor of the command line (``jobs.users``): an admin that is nobody's account."""


# --- hashing -------------------------------------------------------------------------------------


def password_hasher() -> PasswordHasher:
    """The hasher of the configured profile (``COCKPIT_ARGON2_PROFILE``, ``default`` if unset)."""
    return _hasher_for(os.environ.get("COCKPIT_ARGON2_PROFILE", "").strip() or "default")


@functools.cache
def _hasher_for(profile: str) -> PasswordHasher:
    if profile not in ARGON2_PROFILES:
        raise ValueError(
            f"COCKPIT_ARGON2_PROFILE={profile!r} is not a profile; use one of "
            f"{', '.join(ARGON2_PROFILES)} (or leave it unset)"
        )
    parameters = ARGON2_PROFILES[profile]
    return PasswordHasher() if parameters is None else PasswordHasher.from_parameters(parameters)


@functools.cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """A hash of a random secret, checked when the user name is unknown so timing is the same."""
    return hasher.hash(secrets.token_urlsafe(32))


def _verify(hasher: PasswordHasher, stored_hash: str, password: object) -> bool:
    candidate = password[: MAX_PASSWORD_LENGTH + 1] if isinstance(password, str) else ""
    try:
        return hasher.verify(stored_hash, candidate)
    except (VerificationError, InvalidHashError):
        return False


def check_password_strength(password: str, username: str | None = None) -> None:
    """Refuse a weak password with an :class:`InputError` that says what is wrong.

    As NIST SP 800-63B (5.1.1.2) asks, a password must have :data:`MIN_PASSWORD_LENGTH` to
    :data:`MAX_PASSWORD_LENGTH` characters, must not be on the shipped list of common passwords,
    must not be trivial (a few characters repeated, such as ``aaaaaaaaaa`` or ten spaces, or a
    run of consecutive characters, such as ``abcdefghij``), and must not contain the user name or
    the name of the service.
    """
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            "error.password_too_short",
            f"a password needs at least {MIN_PASSWORD_LENGTH} characters",
            minimum=MIN_PASSWORD_LENGTH,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(
            "error.password_too_long",
            f"a password may have at most {MAX_PASSWORD_LENGTH} characters",
            maximum=MAX_PASSWORD_LENGTH,
        )
    if _trivial(password):
        raise InputError(
            "error.password_trivial",
            "the password is a few characters repeated or a run of consecutive characters",
        )
    if common_passwords.is_common(password):
        raise InputError("error.password_common", "the password is one of the most common ones")
    lowered = password.lower()
    name = (username or "").strip().lower()
    if len(name) >= MIN_NAME_IN_PASSWORD and name in lowered:
        raise InputError(
            "error.password_is_username", "the password must not contain the user name"
        )
    if any(word in lowered for word in CONTEXT_WORDS):
        raise InputError(
            "error.password_context", "the password must not contain the name of the service"
        )


def _trivial(password: str) -> bool:
    """A password of at most :data:`MAX_TRIVIAL_DISTINCT` different characters, or a run of
    consecutive characters up or down (``abcdefghij``, ``zyxwvutsrq``; digits run round, so
    ``1234567890`` is one)."""
    if len(set(password.strip())) <= MAX_TRIVIAL_DISTINCT:
        return True
    modulus = 10 if password.isascii() and password.isdigit() else None
    steps = set()
    for before, after in itertools.pairwise(password):
        step = ord(after) - ord(before)
        steps.add(step % modulus if modulus else step)
    return steps in ({1}, {-1}, {9})


# --- sign-in and sessions ------------------------------------------------------------------------


def authenticate(
    engine: Engine, username: str, password: str, now: dt.datetime | None = None
) -> User:
    """The user whose name and password these are, or :class:`AuthError`.

    Parameters
    ----------
    username, password:
        As typed. The name is matched without regard to case or surrounding spaces.
    now:
        The time of the attempt (UTC); for tests of the lockout.

    Raises
    ------
    AuthError
        For an unknown name, a wrong password, an inactive or OIDC-only account, or an account in
        its lockout wait: always the same message, after the same hashing work.
    """
    now = now or audit.utc_now()
    name = normalise_username(username) if isinstance(username, str) else ""
    hasher = password_hasher()
    row = None
    if name.isprintable():
        with engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.username == name)).mappings().first()
    stored_hash = row["password_hash"] if row is not None else None
    matches = _verify(hasher, stored_hash or _dummy_hash(hasher), password)

    with engine.begin() as conn:
        if row is None:
            audit.record(
                conn,
                audit.UNKNOWN_ACTOR,
                Action.SIGN_IN_FAILURE,
                "user",
                detail="unknown user name",
                at=now,
            )
            signed_in = None
        else:
            signed_in = _settle_attempt(conn, row, matches, hasher, password, now)
    if signed_in is None:
        raise AuthError()
    return signed_in


def _settle_attempt(
    conn: Connection,
    row: RowMapping,
    matches: bool,
    hasher: PasswordHasher,
    password: str,
    now: dt.datetime,
) -> User | None:
    """Record one attempt on an existing account: reset or count failures, audit it.

    Each branch is one conditional UPDATE that only applies while the account is not waiting, so
    attempts checked in parallel cannot slip past a lockout that another one has just set.
    """
    users = t.users.c
    this_account = users.id == row["id"]
    not_waiting = or_(users.locked_until.is_(None), users.locked_until <= now)
    if matches and row["active"] and row["password_hash"]:
        current = (
            conn.execute(
                update(t.users)
                .where(this_account, not_waiting, users.active.is_(True))
                .values(failed_attempts=0, locked_until=None)
                .returning(*t.users.c)
            )
            .mappings()
            .first()
        )
        if current is not None:
            if hasher.check_needs_rehash(current["password_hash"]):
                conn.execute(
                    update(t.users).where(this_account).values(password_hash=hasher.hash(password))
                )
            audit.record(
                conn, row["username"], Action.SIGN_IN_SUCCESS, "user", row["username"], at=now
            )
            return _user(current)
    else:
        failures = conn.execute(
            update(t.users)
            .where(this_account, not_waiting)
            .values(failed_attempts=users.failed_attempts + 1, last_failed_at=now)
            .returning(users.failed_attempts)
        ).scalar_one_or_none()
        if failures is not None:
            _record_failure(conn, row, failures, now)
            return None
    locked_until = conn.execute(select(users.locked_until).where(this_account)).scalar_one()
    waiting = locked_until is not None and now < locked_until
    detail = (
        f"account locked until {locked_until.isoformat(timespec='seconds')} UTC"
        if waiting
        else "inactive account"
    )
    audit.record(
        conn,
        row["username"],
        Action.SIGN_IN_FAILURE,
        "user",
        row["username"],
        detail=detail,
        at=now,
    )
    return None


def _record_failure(conn: Connection, row: RowMapping, failures: int, now: dt.datetime) -> None:
    """Start the lockout wait if ``failures`` calls for one, and audit the failure."""
    wait = lockout_wait(failures)
    if wait:
        conn.execute(
            update(t.users).where(t.users.c.id == row["id"]).values(locked_until=now + wait)
        )
    reason = "inactive account" if not row["active"] else "wrong password"
    if not row["password_hash"]:
        reason = "account has no local password (OIDC only)"
    lock_note = f"; locked for {int(wait.total_seconds())} s" if wait else ""
    audit.record(
        conn,
        row["username"],
        Action.SIGN_IN_FAILURE,
        "user",
        row["username"],
        detail=f"{reason}; failure {failures} in a row{lock_note}",
        at=now,
    )


def lockout_wait(consecutive_failures: int) -> dt.timedelta | None:
    """How long an account waits after this many failures in a row (``None``: no wait yet).

    The 5th failure costs 30 s, each further one doubles the wait, up to one hour.
    """
    if consecutive_failures < LOCKOUT_THRESHOLD:
        return None
    doublings = min(consecutive_failures - LOCKOUT_THRESHOLD, 20)
    return min(LOCKOUT_BASE * 2**doublings, LOCKOUT_CAP)


def oidc_sign_in(
    engine: Engine,
    claims: Mapping[str, Any],
    role_claim: str | None = None,
    agency_claim: str | None = None,
) -> User:
    """The user an identity provider signed in, from the claims of its token (``st.user``).

    An account is found by the provider's subject (``iss`` and ``sub``) once bound to it, or else by
    the e-mail (without regard to case), and then only when the provider says with a boolean
    ``true`` in ``email_verified`` that it verified that e-mail: a missing claim, ``"true"``,
    ``1`` or ``"false"`` do not count. The first verified sign-in binds the subject to the account;
    a token whose verified e-mail belongs to an account bound to another subject is refused. The
    row's role wins. Without a row, and only when ``role_claim`` is configured and the e-mail is
    verified, the role is read from that claim (a role name, or a list holding exactly one) and the
    agency of a data officer from ``agency_claim``; such a user is not stored. Success and refusal
    are both audited.

    Raises
    ------
    InputError
        ``error.oidc_not_registered`` when no account or role can be found for the token.
    """
    email = str(claims.get("email") or "").strip().lower()
    verified = claims.get("email_verified") is True
    subject = oidc_subject(claims)
    user, source, refusal = None, "users table", "OIDC: no role for e-mail"
    if subject:
        user = _active_user(engine, t.users.c.oidc_subject == subject)
        source = "users table, by subject"
    bind = False
    if user is None and not verified:
        refusal = "OIDC: e-mail not verified"
    elif user is None and email:
        user = user_by_email(engine, email)
        bound = _bound_subject(engine, user)
        if user is not None and bound is not None and bound != subject:
            user, refusal = None, "OIDC: e-mail bound to another subject"
        elif user is not None:
            bind = subject is not None and bound is None
        elif role_claim:
            user = _user_from_claims(engine, email, claims, role_claim, agency_claim)
            source = f"claim {role_claim}"
    with engine.begin() as conn:
        if user is None:
            audit.record(
                conn,
                email or audit.UNKNOWN_ACTOR,
                Action.SIGN_IN_FAILURE,
                "user",
                email or None,
                detail=refusal,
            )
        else:
            detail = f"OIDC; role from {source}"
            if bind:
                conn.execute(
                    update(t.users).where(t.users.c.id == user.id).values(oidc_subject=subject)
                )
                detail += "; subject bound"
            audit.record(conn, user, Action.SIGN_IN_SUCCESS, "user", user.username, detail=detail)
    if user is None:
        raise InputError(
            "error.oidc_not_registered",
            f"{email or 'this account'} has no role in the Cockpit; ask an administrator",
            email=email or "-",
        )
    return user


def oidc_subject(claims: Mapping[str, Any]) -> str | None:
    """``"<issuer> <sub>"`` of a token, the provider's stable name for the person; None without a
    ``sub`` that is a non-empty string."""
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub.strip():
        return None
    issuer = claims.get("iss")
    return f"{issuer.strip() if isinstance(issuer, str) else ''} {sub.strip()}"


def _bound_subject(engine: Engine, user: User | None) -> str | None:
    if user is None or user.id is None:
        return None
    with engine.connect() as conn:
        return conn.execute(select(t.users.c.oidc_subject).where(t.users.c.id == user.id)).scalar()


def _user_from_claims(
    engine: Engine,
    email: str,
    claims: Mapping[str, Any],
    role_claim: str,
    agency_claim: str | None,
) -> User | None:
    value = claims.get(role_claim)
    candidates = [value] if isinstance(value, str) else list(value or [])
    roles = [role for role in candidates if role in ROLES]
    if len(roles) != 1:
        return None
    agency = claims.get(agency_claim) if agency_claim else None
    agency = str(agency).strip() if agency else None
    if roles[0] == DATA_OFFICER:
        if not agency:
            return None
        with engine.connect() as conn:
            if not conn.execute(select(exists().where(t.agencies.c.code == agency))).scalar():
                return None
    else:
        agency = None
    return User(id=None, username=email, role=roles[0], agency_code=agency, email=email)


def sign_out(engine: Engine, user: User, reason: str = "signed out") -> None:
    """End ``user``'s sessions (``reason``: signed out, idle timeout ...): every session of the
    account is revoked, so its cookie no longer signs anyone in, and the end is audited."""
    now = audit.utc_now()
    with engine.begin() as conn:
        revoked = session_storage.revoke_user_sessions(conn, user.id, now) if user.id else 0
        detail = f"{reason}; {revoked} session(s) revoked" if revoked else reason
        audit.record(conn, user, Action.SIGN_OUT, "user", user.username, detail=detail, at=now)


def idle_timeout() -> dt.timedelta:
    """How long a session may stay idle: ``COCKPIT_IDLE_TIMEOUT_MINUTES`` (default 30)."""
    raw = os.environ.get("COCKPIT_IDLE_TIMEOUT_MINUTES", "").strip()
    if not raw:
        return dt.timedelta(minutes=DEFAULT_IDLE_MINUTES)
    try:
        minutes = float(raw)
    except ValueError:
        minutes = 0.0
    if not minutes > 0:
        raise ValueError(
            f"COCKPIT_IDLE_TIMEOUT_MINUTES={raw!r} is not a positive number of minutes"
        )
    return dt.timedelta(minutes=minutes)


def is_idle(
    last_active: dt.datetime,
    now: dt.datetime | None = None,
    timeout: dt.timedelta | None = None,
) -> bool:
    """Whether a session last active at ``last_active`` (UTC) has been idle too long."""
    return (now or audit.utc_now()) - last_active > (timeout or idle_timeout())


# --- reading accounts ----------------------------------------------------------------------------


def normalise_username(username: str) -> str:
    """A user name as stored: without surrounding spaces, in lower case."""
    return username.strip().lower()


def get_user(engine: Engine, username: str) -> User | None:
    """The active user called ``username``, or ``None``."""
    return _active_user(engine, t.users.c.username == normalise_username(username))


def user_by_email(engine: Engine, email: str) -> User | None:
    """The active user with this e-mail (case does not matter), or ``None``."""
    return _active_user(engine, t.users.c.email == email.strip().lower())


def user_by_id(engine: Engine, user_id: int) -> User | None:
    """The active user whose row is ``user_id``, or ``None``."""
    return _active_user(engine, t.users.c.id == user_id)


def refresh_user(engine: Engine, user: User) -> User | None:
    """``user`` as the database has it now (role changed, deactivated -> ``None``).

    Call it on every run of the app, so a role change or a deactivation takes effect at once. A
    user whose role came from an OIDC claim (``id`` is ``None``) is returned as it is.
    """
    if user.id is None:
        return user
    return _active_user(engine, t.users.c.id == user.id)


def _active_user(engine: Engine, condition: Any) -> User | None:
    with engine.connect() as conn:
        row = (
            conn.execute(select(t.users).where(condition, t.users.c.active.is_(True)))
            .mappings()
            .first()
        )
    return _user(row) if row is not None else None


def has_active_admin(engine: Engine) -> bool:
    """Whether any active admin exists (if not, the first one is made with ``make admin``)."""
    users = t.users.c
    with engine.connect() as conn:
        return bool(
            conn.execute(
                select(exists().where(users.role == ADMIN, users.active.is_(True)))
            ).scalar()
        )


def list_users(engine: Engine, actor: User) -> pd.DataFrame:
    """Every account, for an admin (``user.manage``); password hashes are never included."""
    require(actor, Action.USER_MANAGE)
    users = t.users.c
    columns = [
        users.username,
        users.display_name,
        users.email,
        users.role,
        users.agency_code,
        users.active,
        users.created_at,
        users.failed_attempts,
        users.locked_until,
    ]
    with engine.connect() as conn:
        rows = conn.execute(select(*columns).order_by(users.username)).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=[c.name for c in columns])


def _user(row: RowMapping) -> User:
    return User(
        id=row["id"],
        username=row["username"],
        role=row["role"],
        agency_code=row["agency_code"],
        display_name=row["display_name"],
        email=row["email"],
    )


def _public(row: RowMapping | Mapping[str, Any]) -> dict[str, Any]:
    """What the audit trail keeps of an account: everything but the hash and the counters."""
    keys = ("username", "email", "display_name", "role", "agency_code", "active")
    return {key: row[key] for key in keys}


# --- changing accounts (admin) -------------------------------------------------------------------


def create_user(
    engine: Engine,
    actor: User,
    username: str,
    password: str | None,
    role: str,
    agency_code: str | None = None,
    email: str | None = None,
    display_name: str | None = None,
) -> User:
    """Create an account (``user.manage``: an admin, or :data:`SYSTEM` from the command line).

    Parameters
    ----------
    username:
        2 to 60 characters of ``a-z 0-9 . _ -``, starting with a letter or digit; stored in lower
        case. ``system`` is reserved.
    password:
        The initial password (see :func:`check_password_strength`), hashed with argon2id; ``None``
        for an account that signs in only through OIDC, which then needs ``email``.
    role:
        One of :data:`services.permissions.ROLES`.
    agency_code:
        Required for a data officer, refused for the other roles.
    """
    require(actor, Action.USER_MANAGE)
    name = _valid_username(username)
    email = _valid_email(email)
    agency_code = _valid_role_and_agency(role, agency_code)
    if password is None:
        if email is None:
            raise InputError(
                "error.oidc_needs_email",
                "an account without a password signs in through OIDC and needs an e-mail",
            )
        password_hash = None
    else:
        check_password_strength(password, name)
        password_hash = password_hasher().hash(password)
    display_name = (display_name or "").strip() or None
    with engine.begin() as conn:
        _check_agency_exists(conn, agency_code)
        _check_unique(conn, name, email)
        row = {
            "username": name,
            "email": email,
            "display_name": display_name,
            "password_hash": password_hash,
            "role": role,
            "agency_code": agency_code,
            "active": True,
            "created_at": audit.utc_now(),
            "failed_attempts": 0,
        }
        user_id = conn.execute(insert(t.users).values(**row)).inserted_primary_key[0]
        audit.record(conn, actor, Action.USER_CREATE, "user", name, after=_public(row))
    return User(user_id, name, role, agency_code, display_name, email)


def set_role(
    engine: Engine, actor: User, username: str, role: str, agency_code: str | None = None
) -> User:
    """Give ``username`` a new role (and agency, for a data officer); refuses to remove the last
    active admin."""
    require(actor, Action.USER_MANAGE)
    agency_code = _valid_role_and_agency(role, agency_code)
    with engine.begin() as conn:
        row = _existing(conn, username)
        _check_agency_exists(conn, agency_code)
        if row["role"] == ADMIN and role != ADMIN:
            _keep_an_admin(conn, row)
        conn.execute(
            update(t.users)
            .where(t.users.c.id == row["id"])
            .values(role=role, agency_code=agency_code)
        )
        audit.record(
            conn,
            actor,
            Action.USER_ROLE_CHANGE,
            "user",
            row["username"],
            before={"role": row["role"], "agency_code": row["agency_code"]},
            after={"role": role, "agency_code": agency_code},
        )
    return _user({**row, "role": role, "agency_code": agency_code})


def deactivate(engine: Engine, actor: User, username: str) -> None:
    """Stop ``username`` from signing in (the row and its history stay); not the last admin."""
    require(actor, Action.USER_MANAGE)
    with engine.begin() as conn:
        row = _existing(conn, username)
        if row["role"] == ADMIN:
            _keep_an_admin(conn, row)
        _set_active(conn, actor, row, active=False)


def reactivate(engine: Engine, actor: User, username: str) -> None:
    """Let a deactivated ``username`` sign in again, with its failure count cleared."""
    require(actor, Action.USER_MANAGE)
    with engine.begin() as conn:
        _set_active(conn, actor, _existing(conn, username), active=True)


def unlock(engine: Engine, actor: User, username: str) -> None:
    """End ``username``'s lockout wait now and clear its count of failures."""
    require(actor, Action.USER_MANAGE)
    with engine.begin() as conn:
        row = _existing(conn, username)
        _clear_failures(conn, row["id"])
        audit.record(
            conn,
            actor,
            Action.USER_UNLOCK,
            "user",
            row["username"],
            before={"failed_attempts": row["failed_attempts"], "locked_until": row["locked_until"]},
            after={"failed_attempts": 0, "locked_until": None},
        )


def set_password(engine: Engine, actor: User, username: str, new_password: str) -> None:
    """Give ``username`` a new password (an admin's reset); clears any lockout."""
    require(actor, Action.USER_MANAGE)
    name = normalise_username(username)
    check_password_strength(new_password, name)
    password_hash = password_hasher().hash(new_password)
    with engine.begin() as conn:
        row = _existing(conn, name)
        conn.execute(
            update(t.users).where(t.users.c.id == row["id"]).values(password_hash=password_hash)
        )
        _clear_failures(conn, row["id"])
        revoked = session_storage.revoke_user_sessions(conn, row["id"], audit.utc_now())
        audit.record(
            conn,
            actor,
            Action.USER_PASSWORD_RESET,
            "user",
            row["username"],
            detail=f"password replaced; {revoked} session(s) revoked",
        )


def _set_active(conn: Connection, actor: User, row: RowMapping, active: bool) -> None:
    conn.execute(update(t.users).where(t.users.c.id == row["id"]).values(active=active))
    if active:
        _clear_failures(conn, row["id"])
    else:
        session_storage.revoke_user_sessions(conn, row["id"], audit.utc_now())
    audit.record(
        conn,
        actor,
        Action.USER_REACTIVATE if active else Action.USER_DEACTIVATE,
        "user",
        row["username"],
        before={"active": bool(row["active"])},
        after={"active": active},
    )


def _clear_failures(conn: Connection, user_id: int) -> None:
    conn.execute(
        update(t.users).where(t.users.c.id == user_id).values(failed_attempts=0, locked_until=None)
    )


def _existing(conn: Connection, username: str) -> RowMapping:
    name = normalise_username(username)
    row = conn.execute(select(t.users).where(t.users.c.username == name)).mappings().first()
    if row is None:
        raise InputError("error.unknown_user", f"there is no user {name}", username=name)
    return row


def _keep_an_admin(conn: Connection, row: RowMapping) -> None:
    users = t.users.c
    others = conn.execute(
        select(func.count()).where(
            users.role == ADMIN, users.active.is_(True), users.id != row["id"]
        )
    ).scalar_one()
    if others == 0:
        raise InputError(
            "error.last_admin",
            f"{row['username']} is the last active admin; make another admin first",
            username=row["username"],
        )


def _valid_username(username: str) -> str:
    name = normalise_username(username or "")
    if not USERNAME_PATTERN.fullmatch(name) or name in RESERVED_USERNAMES:
        raise InputError(
            "error.username_invalid",
            f"user name {name!r} must have 2 to 60 characters of a-z, 0-9, '.', '_' or '-', "
            "start with a letter or digit, and not be 'system'",
            username=name,
        )
    return name


def _valid_email(email: str | None) -> str | None:
    address = (email or "").strip().lower()
    if not address:
        return None
    if not EMAIL_PATTERN.fullmatch(address) or len(address) > 254:
        raise InputError(
            "error.email_invalid", f"{address} is not an e-mail address", email=address
        )
    return address


def _valid_role_and_agency(role: str, agency_code: str | None) -> str | None:
    if role not in ROLES:
        raise InputError(
            "error.unknown_role",
            f"{role} is not a role; the roles are {', '.join(ROLES)}",
            role=role,
        )
    agency_code = (agency_code or "").strip() or None
    if role == DATA_OFFICER and agency_code is None:
        raise InputError("error.agency_required", "a data officer must be bound to one agency")
    if role != DATA_OFFICER and agency_code is not None:
        raise InputError(
            "error.agency_only_for_data_officer",
            f"only a data officer is bound to an agency, not a {role}",
            role=role,
        )
    return agency_code


def _check_agency_exists(conn: Connection, agency_code: str | None) -> None:
    if agency_code is None:
        return
    if not conn.execute(select(exists().where(t.agencies.c.code == agency_code))).scalar():
        raise InputError(
            "error.unknown_agency", f"there is no agency {agency_code}", agency=agency_code
        )


def _check_unique(conn: Connection, username: str, email: str | None) -> None:
    users = t.users.c
    if conn.execute(select(exists().where(users.username == username))).scalar():
        raise InputError(
            "error.username_taken", f"the user name {username} is taken", username=username
        )
    if email and conn.execute(select(exists().where(users.email == email))).scalar():
        raise InputError("error.email_taken", f"the e-mail {email} is taken", email=email)
