"""Stage GSO's monthly workbook from the command line, as an analyst would from the import page:

    python -m jobs.gso_import FILE --user USERNAME [--release-date YYYY-MM-DD] [--confirm]

The workbook is read, checked and staged as a submission of the named analyst or admin (who is
the author in the audit log); ``--confirm`` then writes its valid rows as new vintages, else it
waits on the import page for a person to confirm. The release date is the option, else the date
GSO's file name starts with, else the workbook's saved properties (a later save moves them, so
this is said), else the command asks for the option. The database is the configured one
(``COCKPIT_DATABASE_URL``, else ``var/cockpit.db``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import sys
from collections.abc import Sequence
from pathlib import Path

from data.engine import make_engine
from data.migrate import upgrade
from domain.errors import CockpitError
from ingest.gso_workbook import release_date
from ingest.workbook import saved_date
from services import accounts, intake


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; 0 on success, 2 with a message on standard error otherwise."""
    parser = argparse.ArgumentParser(prog="python -m jobs.gso_import", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--user", required=True)
    parser.add_argument("--release-date")
    parser.add_argument("--confirm", action="store_true")
    arguments = parser.parse_args(argv)
    engine = make_engine()
    upgrade(engine)
    try:
        data = arguments.file.read_bytes()
        name = arguments.file.name
        if name.endswith(".gz"):
            data, name = gzip.decompress(data), name.removesuffix(".gz")
        user = accounts.get_user(engine, arguments.user)
        if user is None:
            print(f"there is no account {arguments.user}", file=sys.stderr)
            return 2
        released = _release(name, data, arguments.release_date)
        staged = intake.stage_gso_workbook(engine, user, name, data, released)
        written = intake.confirm(engine, user, staged.submission_id) if arguments.confirm else 0
    except (CockpitError, OSError) as error:
        print(f"{arguments.file}: {error}", file=sys.stderr)
        return 2
    counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(staged.counts.items()))
    state = "already staged before" if staged.already else "staged"
    print(f"submission {staged.submission_id} {state} (released {released}): {counts}")
    if arguments.confirm:
        print(f"confirmed: {written} observations written")
    return 0


def _release(name: str, data: bytes, given: str | None) -> dt.date:
    try:
        return release_date(name, given)
    except CockpitError:
        saved = saved_date(data, name)
        if saved is None:
            raise
        print(
            f"{name}: release date taken from the workbook's properties ({saved}); a later save "
            "moves it, give --release-date if GSO released it earlier",
            file=sys.stderr,
        )
        return saved


if __name__ == "__main__":
    sys.exit(main())
