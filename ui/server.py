"""Serve the Cockpit: load the libraries every first page needs, then start Streamlit's server.

``streamlit run app.py`` imports nothing of the app until the first person connects, so the first
page of a fresh server pays for importing pandas, SQLAlchemy, Altair and the rest while that
person waits. Streamlit runs the app's scripts in its own process, so what this launcher imports
before it starts the server is already loaded when the first session runs: the cost moves to the
server's start, once per deployment. statsmodels is not among them: only the forecast lab and
the batch need it (``forecasting`` loads it on first use).

Usage: ``python -m ui.server [streamlit options]``, as ``make run`` does; the options are those
of ``streamlit run`` (``--server.port 8501`` ...).
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

ASGI_APP = Path(__file__).resolve().parent / "asgi.py"

PRELOADED = (
    "numpy",
    "pandas",
    "sqlalchemy",
    "altair",
    "argon2",
    "babel.numbers",
    "babel.dates",
    "unidecode",
    "data.tables",
    "data.repository",
    "services.accounts",
    "services.permissions",
    "analytics.formatting",
    "analytics.search",
    "analytics.transforms",
    "analytics.export",
    "charts.builders",
)
"""Modules that the sign-in screen, Overview and Explore import on their first run.

The modules of ``ui/`` and ``views/`` are left to the first run: their Streamlit caches are made
when Streamlit's runtime exists.
"""


def warm() -> None:
    """Import :data:`PRELOADED` and load the CLDR data of both languages."""
    for name in PRELOADED:
        importlib.import_module(name)
    from analytics.formatting import format_date, format_number

    for lang in ("vi", "en"):
        format_number(1234.5, lang)
        format_date(dt.date(2026, 1, 1), lang)


def main(options: list[str]) -> int:
    """:func:`warm`, then run ``streamlit run ui/asgi.py`` (the app behind the security
    middleware) with ``options``."""
    warm()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ASGI_APP), *options]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
