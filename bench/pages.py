"""Page benchmark: how long the server takes to draw each page, and how long a person waits.

A *page run* is one execution of ``app.py`` and the page it routes to, timed with Streamlit's
``AppTest`` (no browser, no network): *cold* is the first run in a fresh Python process, so every
import and cache is empty (each cold sample is its own subprocess); *warm* is a repeat run in one
process, which is what every click costs. *First chart* is what a person sees: a fresh
server started as ``make run`` starts it (``ui.server``), a new browser context in headless
chromium, and the seconds from navigating to a shared Explore link until its chart is drawn, with
the sign-in on the way; the browser's baseline is a fresh ``streamlit run`` server of the bare
page, timed from navigating to it until its one line shows.

Figures from different machines are compared through two baselines measured in the same run: a
bare Streamlit page that writes one line (what Streamlit itself costs), and the raw SQL query for
the Explore view's rows (what the database costs). The seed load is timed on fresh SQLite files.

Usage::

    python -m bench.pages            # after `make db`; `make bench` does both

Pages are timed against the configured database (``COCKPIT_DATABASE_URL``, else
``var/cockpit.db``). Writes ``bench/results/pages.json`` and ``bench/results/pages.md``.

A cold sample runs this module in a child process, so the module imports at its top only what a
fresh ``streamlit run`` process has imported before its first run (Streamlit itself); pandas,
SQLAlchemy, the data layer and the browser are imported inside the functions that use them, or
the cold figure would leave out their import time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlencode

from streamlit.testing.v1 import AppTest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
APP = PROJECT_ROOT / "app.py"

EXPLORE_CODES = ("CPI_YOY.CHI_SO_GIA_TIEU_DUNG", "IIP_YOY.TOAN_NGANH_CONG_NGHIEP")
EXPLORE_VIEW = {"ind": ",".join(EXPLORE_CODES), "tf": "yoy_pct"}
#: Page name -> (page file, URL query parameters of the typical view).
PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "overview": ("views/overview.py", {}),
    "explore": ("views/explore.py", EXPLORE_VIEW),
    "outlook": ("views/outlook.py", {}),
    "present": ("views/present.py", {"m": "2025-02", "s": "4"}),
}
BARE = "bare"
BARE_SCRIPT = "import streamlit as st\n\nst.write('Cockpit')\n"
#: The rows the Explore view above reads, without SQLAlchemy Core, pandas or vintage ranking.
RAW_SQL = (
    "SELECT indicator_code, period_start, period_end, value, status, vintage "
    "FROM observations WHERE geography_code = 'VN' AND indicator_code IN (:first, :second)"
)

WARM_RUNS = 15
COLD_RUNS = 3
SQL_RUNS = 15
SEED_RUNS = 3
BROWSER_RUNS = 3
GOAL_WARM_PAGE_SECONDS = 0.300
GOAL_FIRST_CHART_SECONDS = 3.0
GOAL_CORES = 2
TIMEOUT_SECONDS = 120


BENCH_USER = "bench.leader"
BENCH_PASSWORD = "Bench-Leader-Password-1"  # noqa: S105 - a throwaway account of the bench database


def bench_user():  # type: ignore[no-untyped-def]
    """The leader account the benchmark signs in as, created in the database if absent."""
    from data.engine import make_engine
    from domain.vocabulary import Role
    from services import accounts

    engine = make_engine()
    user = accounts.get_user(engine, BENCH_USER) or accounts.create_user(
        engine, accounts.SYSTEM, BENCH_USER, BENCH_PASSWORD, Role.LEADER
    )
    engine.dispose()
    return user


def app_test(page: str) -> AppTest:
    """An ``AppTest`` of ``page`` (a key of :data:`PAGES`, or :data:`BARE`), signed in as a leader.

    The router registers the pages on the first run (the landing page), so a page other than the
    Overview is reached by a second run; :func:`timed_run` of a fresh test times both.
    """
    if page == BARE:
        return AppTest.from_string(BARE_SCRIPT, default_timeout=TIMEOUT_SECONDS)
    path, params = PAGES[page]
    test = AppTest.from_file(str(APP), default_timeout=TIMEOUT_SECONDS)
    test.session_state["auth.user"] = bench_user()
    test.bench_target = (path, params)  # type: ignore[attr-defined]
    return test


def timed_run(test: AppTest) -> float:
    """Seconds one run of ``test`` takes (the first: landing run plus the switch to the page);
    the run must end without an exception."""
    started = time.perf_counter()
    test.run()
    target = getattr(test, "bench_target", None)
    if target is not None and target[0] != "views/overview.py":
        test.switch_page(target[0])
        for name, value in target[1].items():
            test.query_params[name] = value
        test.run()
    if target is not None:
        test.bench_target = None  # type: ignore[attr-defined]
    seconds = time.perf_counter() - started
    if test.exception:
        raise RuntimeError(f"the page raised: {[e.message for e in test.exception]}")
    return seconds


def check_drawn(page: str, test: AppTest) -> None:
    """Fail unless ``page`` drew what a person opens it for, so no timing is of an empty page."""
    if page == "overview" and not test.metric:
        raise RuntimeError("the Overview drew no headline tile")
    if page == "explore" and not test.get("vega_lite_chart"):
        raise RuntimeError(f"the Explore view {EXPLORE_VIEW} drew no chart")
    if page == "outlook" and not test.dataframe:
        raise RuntimeError("the targets outlook drew no table")
    if page == "present" and not test.get("vega_lite_chart"):
        raise RuntimeError("the presentation's indicator slide drew no chart")


def warm_seconds(page: str, runs: int = WARM_RUNS) -> list[float]:
    """Seconds of ``runs`` repeat runs of ``page`` in this process, after one run to warm up."""
    test = app_test(page)
    timed_run(test)
    check_drawn(page, test)
    return [timed_run(test) for _ in range(runs)]


def first_run_seconds(page: str) -> float:
    """Seconds of the first run of ``page`` in this process."""
    test = app_test(page)
    seconds = timed_run(test)
    check_drawn(page, test)
    return seconds


def cold_seconds(page: str, runs: int = COLD_RUNS) -> list[float]:
    """Seconds of the first run of ``page``, each in a fresh Python process."""
    samples = []
    for _ in range(runs):
        child = subprocess.run(
            [sys.executable, "-m", "bench.pages", "--first-run", page],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode:
            raise RuntimeError(f"the cold run of {page} failed:\n{child.stderr}")
        samples.append(float(child.stdout.strip().splitlines()[-1]))
    return samples


def query_seconds(runs: int = SQL_RUNS) -> tuple[list[float], list[float]]:
    """Seconds of the raw SQL of the Explore view, and of the app's repository read of it."""
    from sqlalchemy import text

    from data.engine import make_engine
    from data.repository import observations

    engine = make_engine()
    first, second = EXPLORE_CODES
    raw, repository = [], []
    with engine.connect() as connection:
        connection.execute(text(RAW_SQL), {"first": first, "second": second}).fetchall()
    for _ in range(runs):
        started = time.perf_counter()
        with engine.connect() as connection:
            connection.execute(text(RAW_SQL), {"first": first, "second": second}).fetchall()
        raw.append(time.perf_counter() - started)
        started = time.perf_counter()
        observations(engine, list(EXPLORE_CODES))
        repository.append(time.perf_counter() - started)
    engine.dispose()
    return raw, repository


def seed_seconds(runs: int = SEED_RUNS) -> dict[str, list[float]]:
    """Seconds to migrate a fresh SQLite file, load the seed into it, and load it again."""
    from data.engine import make_engine
    from data.migrate import upgrade
    from data.seed_load import load_all

    samples: dict[str, list[float]] = {"migrate": [], "first_load": [], "second_load": []}
    with tempfile.TemporaryDirectory(prefix="cockpit-bench-") as folder:
        for run in range(runs):
            engine = make_engine(f"sqlite:///{Path(folder) / f'seed-{run}.db'}")
            for phase, step in (
                ("migrate", upgrade),
                ("first_load", load_all),
                ("second_load", load_all),
            ):
                started = time.perf_counter()
                step(engine)
                samples[phase].append(time.perf_counter() - started)
            engine.dispose()
    return samples


def first_chart_seconds(runs: int = BROWSER_RUNS) -> tuple[dict[str, list[float]], str]:
    """Seconds from starting a server to it answering, and from navigating to the chart drawn.

    Each sample starts its own server (empty caches) and opens a new browser context (empty HTTP
    cache) on the Explore view of :data:`EXPLORE_VIEW`; a second new context then opens the same
    view on the now warm server. Also returns chromium's version.
    """
    from playwright.sync_api import Browser, sync_playwright

    from data.engine import database_url
    from tests.e2e.app_server import launch_chromium, serving_app
    from tests.e2e.streamlit_dom import drawn_lines
    from ui.i18n import translate

    bench_user()

    def navigation_to_chart(browser: Browser, url: str) -> float:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        started = time.perf_counter()
        page.goto(f"{url}/kham-pha?{urlencode(EXPLORE_VIEW)}")
        page.get_by_label(translate("auth.username", "vi")).fill(BENCH_USER)
        page.get_by_label(translate("auth.password", "vi")).fill(BENCH_PASSWORD)
        page.get_by_role("button", name=translate("auth.submit", "vi")).click()
        drawn_lines(page).first.wait_for(state="visible", timeout=TIMEOUT_SECONDS * 1000)
        seconds = time.perf_counter() - started
        context.close()
        return seconds

    samples: dict[str, list[float]] = {"server_ready": [], "cold_server": [], "warm_server": []}
    with (
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory(prefix="cockpit-bench-") as folder,
    ):
        browser = launch_chromium(playwright)
        for run in range(runs):
            started = time.perf_counter()
            with serving_app(database_url(), Path(folder) / f"server-{run}.log") as url:
                samples["server_ready"].append(time.perf_counter() - started)
                samples["cold_server"].append(navigation_to_chart(browser, url))
                samples["warm_server"].append(navigation_to_chart(browser, url))
        chromium = browser.version
        browser.close()
    return samples, chromium


def bare_page_in_browser_seconds(runs: int = BROWSER_RUNS) -> list[float]:
    """Seconds from navigating to a fresh server's bare page until its one line shows.

    What Streamlit itself costs a person on this machine: the server, the front end's scripts in a
    new browser context (empty HTTP cache), the websocket and one script run.
    """
    from playwright.sync_api import sync_playwright

    from tests.e2e.app_server import free_port, launch_chromium, wait_healthy

    samples = []
    with (
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory(prefix="cockpit-bench-bare-") as folder,
    ):
        script = Path(folder) / "bare.py"
        script.write_text(BARE_SCRIPT, encoding="utf-8")
        browser = launch_chromium(playwright)
        for run in range(runs):
            port = free_port()
            log = Path(folder) / f"bare-{run}.log"
            with log.open("wb") as output:
                server = subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", str(script), *_server_flags(port)],
                    cwd=PROJECT_ROOT,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            try:
                url = f"http://127.0.0.1:{port}"
                wait_healthy(url, server, log)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url)
                page.get_by_text("Cockpit", exact=True).wait_for(timeout=TIMEOUT_SECONDS * 1000)
                samples.append(time.perf_counter() - started)
                context.close()
            finally:
                server.terminate()
                server.wait(timeout=10)
        browser.close()
    return samples


def _server_flags(port: int) -> list[str]:
    from tests.e2e.app_server import SERVER_FLAGS

    return [*SERVER_FLAGS, "--server.port", str(port)]


def summary(samples: list[float], unit: float = 1000.0) -> dict[str, object]:
    """Median, minimum and maximum of ``samples`` (seconds) in ms (``unit=1000``) or s (1)."""
    digits = 1 if unit == 1000.0 else 3
    return {
        "median": round(statistics.median(samples) * unit, digits),
        "min": round(min(samples) * unit, digits),
        "max": round(max(samples) * unit, digits),
        "samples": [round(s * unit, digits) for s in samples],
    }


def describe_database(url: str) -> str:
    """The database the pages were timed on, without any credentials."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "").resolve()
        shown = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
        return f"sqlite ({shown})"
    return f"{parsed.get_backend_name()} ({parsed.host})"


def this_machine() -> dict[str, object]:
    """CPU, cores, memory and load of this machine, and the versions that decide the numbers."""
    from bench.m3 import machine

    memory_kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kib = int(line.split()[1])
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        **machine(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gib": round(memory_kib / 1024**2, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "packages": {
            name: version(name)
            for name in ("streamlit", "pandas", "numpy", "altair", "sqlalchemy", "playwright")
        },
        "git_commit": commit,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def goals(report: dict) -> list[dict[str, object]]:
    """The page goals, each with the measured figure and whether it is met."""
    rows: list[dict[str, object]] = []
    for page in PAGES:
        warm = report["pages"][page]["warm_ms"]["median"]
        rows.append(
            {
                "goal": f"warm {page} run under {GOAL_WARM_PAGE_SECONDS * 1000:.0f} ms",
                "measured": f"{warm:.0f} ms",
                "met": warm < GOAL_WARM_PAGE_SECONDS * 1000,
            }
        )
    chart = report["first_chart"]["navigation_to_chart_s"]["median"]
    rows.append(
        {
            "goal": f"cold start to first chart under {GOAL_FIRST_CHART_SECONDS:.0f} s",
            "measured": f"{chart:.2f} s",
            "met": chart < GOAL_FIRST_CHART_SECONDS,
        }
    )
    return rows


def measure() -> dict:
    """Every figure of the benchmark, with the machine it ran on."""
    from data.engine import database_url

    report: dict = {
        "machine": this_machine(),
        "database": describe_database(database_url()),
        "explore_view": EXPLORE_VIEW,
        "runs": {"warm": WARM_RUNS, "cold": COLD_RUNS, "seed": SEED_RUNS, "browser": BROWSER_RUNS},
    }
    raw_sql, repository_read = query_seconds()
    report["baseline"] = {
        "bare_page_warm_ms": summary(warm_seconds(BARE)),
        "bare_page_cold_ms": summary(cold_seconds(BARE)),
        "raw_sql_ms": summary(raw_sql),
        "repository_read_ms": summary(repository_read),
    }
    bare_warm = report["baseline"]["bare_page_warm_ms"]["median"]
    report["pages"] = {}
    for page in PAGES:
        warm = summary(warm_seconds(page))
        report["pages"][page] = {
            "warm_ms": warm,
            "cold_ms": summary(cold_seconds(page)),
            "warm_in_bare_pages": round(warm["median"] / bare_warm, 1),
        }
    chart, chromium = first_chart_seconds()
    report["first_chart"] = {
        "chromium": chromium,
        "bare_page_in_browser_s": summary(bare_page_in_browser_seconds(), unit=1.0),
        "server_ready_s": summary(chart["server_ready"], unit=1.0),
        "navigation_to_chart_s": summary(chart["cold_server"], unit=1.0),
        "navigation_to_chart_warm_server_s": summary(chart["warm_server"], unit=1.0),
    }
    seed = seed_seconds()
    report["seed"] = {f"{phase}_s": summary(s, unit=1.0) for phase, s in seed.items()}
    report["goals"] = goals(report)
    return report


def markdown(report: dict) -> str:
    """A short table of the medians and the goals, for people."""
    m = report["machine"]
    base = report["baseline"]
    lines = [
        "# Page benchmark",
        "",
        f"`python -m bench.pages` on {m['date']} (commit {m['git_commit']}): {m['cpu']}, "
        f"{m['usable_cores']} usable cores, {m['memory_gib']} GiB, load average at start "
        f"{m['load_average_at_start'][0]}; Python {m['python']}, Streamlit "
        f"{m['packages']['streamlit']}, chromium {report['first_chart']['chromium']}. "
        f"Database: {report['database']}.",
        "",
        "Medians; cold = first run in a fresh process "
        f"(median of {report['runs']['cold']}), warm = repeat run "
        f"(median of {report['runs']['warm']}). Explore view: "
        f"`{urlencode(report['explore_view'])}`.",
        "",
        "| What | Cold | Warm | Warm in bare pages |",
        "|---|---:|---:|---:|",
        f"| Baseline: bare page (one `st.write`) | {base['bare_page_cold_ms']['median']:.0f} ms "
        f"| {base['bare_page_warm_ms']['median']:.1f} ms | 1 |",
    ]
    for page, figures in report["pages"].items():
        lines.append(
            f"| Page `{page}` | {figures['cold_ms']['median']:.0f} ms "
            f"| {figures['warm_ms']['median']:.0f} ms | {figures['warm_in_bare_pages']} |"
        )
    chart, seed = report["first_chart"], report["seed"]
    lines += [
        "",
        "| What | Median |",
        "|---|---:|",
        f"| Baseline: raw SQL of the Explore view's rows | {base['raw_sql_ms']['median']:.1f} ms |",
        f"| Repository read of the same rows (latest vintage, pandas) "
        f"| {base['repository_read_ms']['median']:.1f} ms |",
        f"| Server start to `/_stcore/health` ok | {chart['server_ready_s']['median']:.2f} s |",
        f"| Baseline: navigation to a fresh server's bare page until its line shows "
        f"| {chart['bare_page_in_browser_s']['median']:.2f} s |",
        f"| Navigation to the Explore chart drawn, sign-in included: fresh server, new context "
        f"| {chart['navigation_to_chart_s']['median']:.2f} s |",
        f"| The same on the then warm server, another new browser context "
        f"| {chart['navigation_to_chart_warm_server_s']['median']:.2f} s |",
        f"| Migrate a fresh SQLite file | {seed['migrate_s']['median']:.2f} s |",
        f"| Seed load into it (`load_all`) | {seed['first_load_s']['median']:.1f} s |",
        f"| Second seed load (nothing new) | {seed['second_load_s']['median']:.2f} s |",
        "",
        f"## Goals (set for {GOAL_CORES} cores; this run had {m['usable_cores']})",
        "",
        "| Goal | Measured | Met |",
        "|---|---:|---|",
    ]
    lines += [
        f"| {g['goal']} | {g['measured']} | {'met' if g['met'] else 'not met'} |"
        for g in report["goals"]
    ]
    return "\n".join(lines) + "\n"


def write(report: dict) -> None:
    """Write ``pages.json`` and ``pages.md`` in ``bench/results/``, each replaced whole."""
    RESULTS.mkdir(exist_ok=True)
    for name, content in (
        ("pages.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n"),
        ("pages.md", markdown(report)),
    ):
        partial = RESULTS / f"{name}.tmp"
        partial.write_text(content, encoding="utf-8")
        partial.replace(RESULTS / name)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark, or (``--first-run PAGE``) print one cold run's seconds for the parent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-run", choices=[BARE, *PAGES], help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.first_run:
        print(first_run_seconds(arguments.first_run))
        return
    with tempfile.TemporaryDirectory(prefix="cockpit-bench-db-") as folder:
        # A database of its own, seeded like `make run`'s, so the benchmark's account never lands
        # in a real one; the cold runs' child processes inherit the variable.
        os.environ["COCKPIT_DATABASE_URL"] = f"sqlite:///{Path(folder) / 'cockpit.db'}"
        subprocess.run([sys.executable, "-m", "jobs.setup"], cwd=PROJECT_ROOT, check=True)
        report = measure()
    write(report)
    print(markdown(report))


if __name__ == "__main__":
    main()
