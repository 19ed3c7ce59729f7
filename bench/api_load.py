"""Load on the local API: requests per second and p50/p95/p99 latency of reads and of 100-row
submissions at 1, 10 and 50 concurrent clients, with every answer checked and every accepted row
looked up afterwards.

Run: ``python -m bench.api_load`` (``make bench`` runs it). A copy of the seeded database of
``make run`` is served by ``python -m api.server`` (uvicorn) on a loopback port;
the clients are ``httpx`` on asyncio in this process, on the same machine. Each client has its
own token (GSO's), and the rate limit is raised for the run. A read is one series' values
(``GET /api/v1/data``); the baseline, measured in the same run, is the cheapest authenticated call
(``GET /api/v1/regimes``). A submission is 100 rows of series GSO owes, each for a month after the
last one stored, its value the series' last one, so every row passes the checks and is written.
The server runs :data:`WORKERS` processes, one per core. Results go to
``bench/results/api_load.json`` and ``api_load.md``.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pandas as pd

from bench.pages import this_machine

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CLIENTS = (1, 10, 50)
READS_PER_CLIENT = {1: 200, 10: 40, 50: 10}
BATCHES_PER_CLIENT = {1: 10, 10: 3, 50: 1}
ROWS = 100
GOAL_P95_MS = 200.0
WORKERS = 2
READ = "/api/v1/data?indicator=CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
BASELINE = "/api/v1/regimes"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database(folder: Path) -> str:
    source = sqlite3.connect(ROOT / "var" / "cockpit.db")
    target = sqlite3.connect(folder / "cockpit.db")
    with target:
        source.backup(target)
    source.close()
    target.close()
    return f"sqlite:///{folder / 'cockpit.db'}"


def _cells(url: str, needed: int) -> list[dict]:
    """``needed`` rows GSO owes and has not supplied: for each national monthly series with a
    value, the months after its last one up to the month last ended, valued at its last value."""
    from data.engine import make_engine
    from services import intake

    engine = make_engine(url)
    last_month = pd.Period(pd.Timestamp.today(), "M") - 1
    lines = intake.template_lines(engine, "GSO", last_month)
    rows = []
    for line in lines:
        if line.last_value is None or not line.last_period or line.geography != "VN":
            continue
        start = pd.Period(line.last_period, "M") + 1
        for period in pd.period_range(start, last_month, freq="M"):
            rows.append(
                {
                    "indicator_code": line.indicator_code,
                    "period": str(period),
                    "value": line.last_value,
                    "status": "estimate",
                }
            )
    engine.dispose()
    if len(rows) < needed:
        raise RuntimeError(f"only {len(rows)} free cells, {needed} needed")
    return rows[:needed]


def _tokens(url: str, count: int) -> list[str]:
    from data.engine import make_engine
    from services import accounts, api_tokens

    engine = make_engine(url)
    made = [
        api_tokens.issue(engine, accounts.SYSTEM, "GSO", f"load client {n}", 1, False)[1]
        for n in range(count)
    ]
    engine.dispose()
    return made


async def _run(
    base: str, jobs: list[list[tuple[str, str, dict | None, dict]]]
) -> tuple[list[float], list[dict]]:
    """Each client's calls in order, all clients at once; latencies (ms) and every answer."""
    latencies: list[float] = []
    answers: list[dict] = []

    async def client(calls: list[tuple[str, str, dict | None, dict]]) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=120) as http:
            for method, path, body, headers in calls:
                start = time.perf_counter()
                answer = await http.request(method, path, json=body, headers=headers)
                latencies.append((time.perf_counter() - start) * 1000)
                answers.append(
                    {
                        "status": answer.status_code,
                        "body": _json(answer) if method == "POST" else None,
                    }
                )

    started = time.perf_counter()
    await asyncio.gather(*(client(calls) for calls in jobs))
    answers.append({"elapsed": time.perf_counter() - started})
    return latencies, answers


def _json(answer: httpx.Response) -> dict:
    try:
        return answer.json()
    except ValueError:
        return {"unreadable": answer.text[:200]}


def _summary(latencies: list[float], elapsed: float) -> dict:
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return {
        "requests": len(ordered),
        "rps": round(len(ordered) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(pct(0.95), 1),
        "p99_ms": round(pct(0.99), 1),
    }


def measure() -> dict:
    """Serve, load, check, and return every figure."""
    folder = Path(tempfile.mkdtemp(prefix="cockpit-api-load-"))
    url = _database(folder)
    tokens = _tokens(url, max(CLIENTS))
    batches_needed = sum(n * BATCHES_PER_CLIENT[n] for n in CLIENTS)
    cells = _cells(url, batches_needed * ROWS)
    port = _port()
    env = {**os.environ, "COCKPIT_DATABASE_URL": url, "COCKPIT_API_RATE_PER_MINUTE": "1000000"}
    server = subprocess.Popen(
        [sys.executable, "-m", "api.server", "--port", str(port), "--workers", str(WORKERS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        report: dict = {
            "machine": this_machine(),
            "server": f"uvicorn, {WORKERS} worker processes",
            "levels": {},
        }
        next_cell = 0
        accepted: list[dict] = []
        errors = 0
        for clients in CLIENTS:
            level: dict = {}
            for name, path in (("baseline", BASELINE), ("read", READ)):
                jobs = [
                    [("GET", path, None, {"Authorization": f"Bearer {tokens[c]}"})]
                    * READS_PER_CLIENT[clients]
                    for c in range(clients)
                ]
                latencies, answers = asyncio.run(_run(base, jobs))
                elapsed = answers.pop()["elapsed"]
                errors += sum(a["status"] != 200 for a in answers)
                level[name] = _summary(latencies, elapsed)
            jobs = []
            for c in range(clients):
                calls = []
                for b in range(BATCHES_PER_CLIENT[clients]):
                    rows = cells[next_cell : next_cell + ROWS]
                    next_cell += ROWS
                    headers = {
                        "Authorization": f"Bearer {tokens[c]}",
                        "Idempotency-Key": f"load-{clients}-{c}-{b}",
                    }
                    calls.append(("POST", "/api/v1/submissions", {"rows": rows}, headers))
                jobs.append(calls)
            latencies, answers = asyncio.run(_run(base, jobs))
            elapsed = answers.pop()["elapsed"]
            errors += sum(a["status"] != 201 for a in answers)
            for answer in answers:
                body = answer["body"] or {}
                valid = [row for row in body.get("rows", []) if row["outcome"] == "valid"]
                accepted += valid
                if body.get("rows_written") != len(valid):
                    errors += 1
                report.setdefault("rows_not_valid", 0)
                report["rows_not_valid"] += len(body.get("rows", [])) - len(valid)
            level["submit_100_rows"] = _summary(latencies, elapsed)
            report["levels"][str(clients)] = level
    finally:
        server.terminate()
        server.wait(timeout=30)
    report["errors"] = errors
    report["accepted_rows"] = len(accepted)
    report["accepted_rows_found"] = _found(url, accepted)
    p95 = report["levels"]["10"]["submit_100_rows"]["p95_ms"]
    report["goal"] = {
        "p95_submit_10_clients_ms": p95,
        "under_ms": GOAL_P95_MS,
        "met": p95 < GOAL_P95_MS,
    }
    return report


def _found(url: str, accepted: list[dict]) -> int:
    """How many accepted rows are stored as the latest value of their cell."""
    from data import repository
    from data.engine import make_engine

    engine = make_engine(url)
    found = 0
    by_code: dict[str, list[dict]] = {}
    for row in accepted:
        by_code.setdefault(row["indicator_code"], []).append(row)
    frame = repository.observations(engine, list(by_code))
    stored = {
        (r.indicator_code, str(pd.Timestamp(r.period_start).to_period("M"))): float(r.value)
        for r in frame.itertuples()
    }
    for row in accepted:
        if stored.get((row["indicator_code"], row["period"])) == row["value"]:
            found += 1
    engine.dispose()
    return found


def markdown(report: dict) -> str:
    """The report as a page of ``bench/results``."""
    machine = report["machine"]
    lines = [
        "# Load on the API",
        "",
        f"`python -m bench.api_load` on {machine['date']} (commit {machine['git_commit']}): "
        f"{machine.get('cpu', '?')}, {machine['usable_cores']} usable cores, load at start "
        f"{machine['load_average_at_start']}. Server: {report['server']}, SQLite, loopback; "
        "clients: httpx on asyncio, on the same machine.",
        "",
        "| Clients | Call | Requests | Requests/s | p50 ms | p95 ms | p99 ms |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    names = {
        "baseline": "baseline: `GET /regimes`",
        "read": "read: `GET /data` (one series)",
        "submit_100_rows": "`POST /submissions`, 100 rows",
    }
    for clients, level in report["levels"].items():
        for name, figures in level.items():
            lines.append(
                f"| {clients} | {names[name]} | {figures['requests']} | {figures['rps']} | "
                f"{figures['p50_ms']} | {figures['p95_ms']} | {figures['p99_ms']} |"
            )
    goal = report["goal"]
    lines += [
        "",
        "Errors (an answer other than 200/201, or a batch whose valid rows were not all written): "
        f"{report['errors']}. Rows the checks held back (unusual values waiting for a person): "
        f"{report.get('rows_not_valid', 0)}. "
        f"Accepted rows: {report['accepted_rows']}; found stored afterwards: "
        f"{report['accepted_rows_found']}.",
        "",
        f"Goal: p95 of a 100-row submission at 10 clients under {goal['under_ms']:.0f} ms: "
        f"{goal['p95_submit_10_clients_ms']} ms, {'met' if goal['met'] else 'not met'}.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    """Measure, then write the JSON and Markdown results."""
    report = measure()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "api_load.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (RESULTS / "api_load.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
