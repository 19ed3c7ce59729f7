"""The Cockpit as a person meets it: a seeded database, a ``streamlit run`` server, a browser.

The browser tests and the page benchmark (``bench/pages.py``) both start the app this way, so what
is timed is what is tested. The server reads ``COCKPIT_DATABASE_URL`` like ``make run`` does;
the browser is Debian's chromium (Playwright's own download is not used).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Playwright
from sqlalchemy import Engine

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_SECONDS = 60.0


def database_environment(database_url: str) -> dict[str, str]:
    """This process's environment with ``COCKPIT_DATABASE_URL`` set to ``database_url``."""
    return {**os.environ, "COCKPIT_DATABASE_URL": database_url}


def seed_database(database_url: str, until: str | None = None) -> None:
    """Create and seed the database at ``database_url`` with ``python -m jobs.setup`` (only the
    periods that end by ``until``, if given)."""
    seeding = subprocess.run(
        [sys.executable, "-m", "jobs.setup", *(["--until", until] if until else [])],
        cwd=PROJECT_ROOT,
        env=database_environment(database_url),
        capture_output=True,
        text=True,
        check=False,
    )
    if seeding.returncode:
        raise RuntimeError(f"python -m jobs.setup failed:\n{seeding.stdout}{seeding.stderr}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SERVER_FLAGS = (
    "--server.address",
    "127.0.0.1",
    "--server.headless",
    "true",
    "--server.fileWatcherType",
    "none",
    "--browser.gatherUsageStats",
    "false",
)
"""The options every test server runs with, besides its port: loopback, headless, no watcher."""


@contextmanager
def serving_app(database_url: str, log: Path) -> Iterator[str]:
    """Serve the app as ``make run`` does, on a free port until the block ends; yield its URL.

    The block starts once ``/_stcore/health`` answers. The server's output goes to ``log``, and
    is quoted in the error if the server exits or is not healthy within a minute.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "ui.server", *SERVER_FLAGS, "--server.port", str(port)],
            cwd=PROJECT_ROOT,
            env=database_environment(database_url),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_healthy(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    """Return once ``url`` answers ``/_stcore/health``; raise with ``log`` if it never does."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"the Streamlit server exited with {server.returncode}:\n{log.read_text()}"
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise RuntimeError(
        f"the Streamlit server was not healthy after {SERVER_START_SECONDS:.0f} s:\n"
        f"{log.read_text()}"
    )


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's chromium, headless, without the background traffic of a desktop browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def seeded_server(
    folder: Path,
    users: dict[str, str],
    password: str,
    environment: dict[str, str] | None = None,
    prepare: Callable[[Engine], None] | None = None,
    until: str | None = None,
) -> Iterator[tuple[str, str]]:
    """A Cockpit server of its own on a freshly seeded SQLite file in ``folder``: one account per
    ``users`` entry (user name: role) with ``password``, ``prepare`` run on the database, and the
    server started with ``environment`` added. Yields (its URL, the database URL)."""
    from data.engine import make_engine
    from services import accounts

    database_url = f"sqlite:///{folder / 'cockpit.db'}"
    seed_database(database_url, until)
    added = {"COCKPIT_ARGON2_PROFILE": "test", **(environment or {})}
    saved = {name: os.environ.get(name) for name in added}
    os.environ.update(added)
    try:
        engine = make_engine(database_url)
        for username, role in users.items():
            accounts.create_user(engine, accounts.SYSTEM, username, password, role)
        if prepare is not None:
            prepare(engine)
        engine.dispose()
        with serving_app(database_url, folder / "streamlit.log") as url:
            yield url, database_url
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
