"""Issue or revoke an API token from the command line (as the system, audited like the admin
page's):

    python -m jobs.api_token issue --agency GSO --name "GSO system" [--days 365] [--review-first]
    python -m jobs.api_token revoke --id 3

``issue`` prints the token once; only its digest is kept.
"""

from __future__ import annotations

import argparse
import sys

from data.engine import make_engine
from domain.errors import CockpitError
from services import accounts, api_tokens


def main(argv: list[str] | None = None) -> int:
    """Run the command; 0 on success, 2 on a refused one (the reason on stderr)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    issue = commands.add_parser("issue")
    issue.add_argument("--agency", required=True)
    issue.add_argument("--name", required=True)
    issue.add_argument("--days", type=int, default=365)
    issue.add_argument("--review-first", action="store_true")
    revoke = commands.add_parser("revoke")
    revoke.add_argument("--id", type=int, required=True)
    args = parser.parse_args(argv)
    engine = make_engine()
    try:
        if args.command == "issue":
            token_id, token = api_tokens.issue(
                engine, accounts.SYSTEM, args.agency, args.name, args.days, args.review_first
            )
            print(f"Token {token_id} for {args.agency} (shown once):\n{token}")
        else:
            done = api_tokens.revoke(engine, accounts.SYSTEM, args.id)
            print(f"Token {args.id} {'revoked' if done else 'was already revoked'}.")
    except CockpitError as error:
        print(str(error), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
