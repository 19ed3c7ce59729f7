"""Create or migrate the database and load the seed data: ``python -m jobs.setup``.

``--until YYYY-MM-DD`` loads only the periods that end by that day, a database as it stood before
the next month came in (to rehearse an import); a later run without it adds the rest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from collections.abc import Sequence

from data.engine import database_url, make_engine
from data.migrate import upgrade
from data.privileges import grant_app_role
from data.seed_load import load_all
from jobs.users import first_admin_hint


def main(argv: Sequence[str] | None = None) -> None:
    """Migrate the configured database to the newest schema and load what is not loaded yet; with
    ``COCKPIT_APP_ROLE`` set (PostgreSQL), grant that role the app's least privilege."""
    parser = argparse.ArgumentParser(prog="python -m jobs.setup", description=__doc__)
    parser.add_argument("--until", type=dt.date.fromisoformat)
    arguments = parser.parse_args(argv)
    engine = make_engine()
    started = time.perf_counter()
    upgrade(engine)
    report = load_all(engine, until=arguments.until)
    app_role = os.environ.get("COCKPIT_APP_ROLE", "").strip()
    if app_role:
        grant_app_role(engine, app_role)
        print(f"Role {app_role} may read and add rows, and change only what is meant to change.")
    seconds = time.perf_counter() - started
    where = database_url().split("@")[-1]
    print(
        f"Database {where}: {report.files_loaded} seed files loaded, "
        f"{report.files_skipped} already there, {report.observations_added} observations added "
        f"({seconds:.1f} s)."
    )
    hint = first_admin_hint(engine)
    if hint:
        print(hint)


if __name__ == "__main__":
    main()
