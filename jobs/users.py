"""Accounts from the command line: create the first admin or an account of any role, list them.

    python -m jobs.users create-admin --username hoa.nguyen [--email ...] [--display-name ...]
    python -m jobs.users create --username lan.tran --role data_officer --agency SBV [--email ...]
    python -m jobs.users create --username minh --role leader --email minh@gov.vn --oidc
    python -m jobs.users list

``--oidc`` makes an account without a password, which signs in through the organisation's OIDC
sign-in by its e-mail.

The password is read from the environment variable ``COCKPIT_ADMIN_PASSWORD`` or, when it is not
set, asked for twice without echo; it is never taken from the command line, where the shell history
and the process list would keep it. The command line acts as ``system`` in the audit log. The
database is the configured one (``COCKPIT_DATABASE_URL``, else ``var/cockpit.db``), migrated first.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence

from sqlalchemy import Engine

from data.engine import make_engine
from data.migrate import upgrade
from domain.errors import InputError
from services import accounts
from services.permissions import ADMIN, ROLES

PASSWORD_VARIABLE = "COCKPIT_ADMIN_PASSWORD"  # noqa: S105 - the name of a variable, no secret


def first_admin_hint(engine: Engine) -> str | None:
    """How to make the first admin, while there is none (for ``make run`` to print)."""
    if accounts.has_active_admin(engine):
        return None
    return (
        "No administrator yet: create one with `make admin USERNAME=<name>` "
        f"(the password is asked for, or read from {PASSWORD_VARIABLE}), then sign in with it."
    )


def read_password(username: str) -> str:
    """The new admin's password: from the environment, else typed twice without echo."""
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment:
        password = from_environment
    else:
        password = getpass.getpass(f"Password for {username}: ")
        if getpass.getpass("Repeat the password: ") != password:
            raise InputError("error.password_mismatch", "the two passwords differ")
    accounts.check_password_strength(password, username)
    return password


def create_admin(
    engine: Engine, username: str, email: str | None, display_name: str | None
) -> accounts.User:
    """Create an admin account as ``system``, asking for its password."""
    return create_account(engine, username, ADMIN, email=email, display_name=display_name)


def create_account(
    engine: Engine,
    username: str,
    role: str,
    *,
    agency_code: str | None = None,
    email: str | None = None,
    display_name: str | None = None,
    oidc: bool = False,
) -> accounts.User:
    """Create an account of ``role`` as ``system``: asking for its password, unless ``oidc``
    (no password; the account signs in through OIDC by ``email``)."""
    password = None if oidc else read_password(accounts.normalise_username(username))
    return accounts.create_user(
        engine,
        accounts.SYSTEM,
        username,
        password,
        role,
        agency_code=agency_code,
        email=email,
        display_name=display_name,
    )


def list_accounts(engine: Engine) -> str:
    """Every account as a plain-text table (never a hash)."""
    users = accounts.list_users(engine, accounts.SYSTEM)
    if users.empty:
        return "No accounts yet."
    shown = users[["username", "role", "agency_code", "active", "email", "locked_until"]]
    return shown.fillna("").to_string(index=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; 0 on success, 2 when the input was refused."""
    parser = argparse.ArgumentParser(
        prog="python -m jobs.users", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    create_admin_command = commands.add_parser(
        "create-admin", help="create an administrator account"
    )
    create = commands.add_parser("create", help="create an account of any role")
    create.add_argument("--role", required=True, choices=[str(role) for role in ROLES])
    create.add_argument("--agency", help="the agency code of a data officer")
    create.add_argument(
        "--oidc", action="store_true", help="no password: signs in through OIDC by --email"
    )
    for command in (create_admin_command, create):
        command.add_argument("--username", required=True)
        command.add_argument("--email")
        command.add_argument("--display-name")
    commands.add_parser("list", help="list the accounts")
    arguments = parser.parse_args(argv)

    engine = make_engine()
    upgrade(engine)
    try:
        if arguments.command == "create-admin":
            user = create_admin(engine, arguments.username, arguments.email, arguments.display_name)
            print(f"Admin {user.username} created. Sign in with this user name and password.")
        elif arguments.command == "create":
            user = create_account(
                engine,
                arguments.username,
                arguments.role,
                agency_code=arguments.agency,
                email=arguments.email,
                display_name=arguments.display_name,
                oidc=arguments.oidc,
            )
            how = f"through OIDC as {user.email}" if arguments.oidc else "with its password"
            print(f"Account {user.username} ({user.role}) created; it signs in {how}.")
        else:
            print(list_accounts(engine))
    except InputError as error:
        print(f"Refused: {error}.", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
