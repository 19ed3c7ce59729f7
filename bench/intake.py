"""Benchmark of the intake's reading and checking: the largest shipped GSO workbook through every
table reader, and a 10,000-row filled template through the upload reader and the row checks.

Run: ``python -m bench.intake`` (``make bench`` runs it). Each figure is the median of
:data:`REPEATS` runs on this machine, beside a baseline measured in the same run: opening the
same file with the spreadsheet reader alone (workbook) or Python's ``csv`` module (template), so
the cost of recognising and checking is separate from the cost of reading bytes. Results go to
``bench/results/intake.json`` and ``intake.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from ingest.checks import Candidate, CheckContext, IndicatorFacts, check_rows
from ingest.gso_workbook import gso_candidates, known_codes
from ingest.upload import read_upload
from ingest.workbook import read_workbook_bytes

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ROOT / "data" / "seed" / "gso_workbooks"
RESULTS = ROOT / "bench" / "results"
REPEATS = 5
ROWS = 10_000


def _median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _template(codes: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["indicator_code", "geography", "period", "value", "status", "source"])
    for n in range(ROWS):
        code = codes[n % len(codes)]
        month = dt.date(2015, 1, 1) + dt.timedelta(days=31 * (n // len(codes)))
        writer.writerow([code, "VN", f"{month:%Y-%m}", f"{n % 997},{n % 10}", "official", "b"])
    return out.getvalue().encode("utf-8")


def _staged_ms(template: bytes, workbook: bytes, workbook_name: str) -> tuple[float, float]:
    """Median time to stage (read, check against the stored series, insert) the template as a
    data officer and the workbook as an analyst, on a seeded SQLite database of its own."""
    import tempfile

    from data.engine import make_engine
    from data.migrate import upgrade
    from data.seed_load import load_all
    from services import accounts, intake

    os.environ.setdefault("COCKPIT_ARGON2_PROFILE", "test")
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        upgrade(engine)
        load_all(engine)
        officer = accounts.create_user(
            engine, accounts.SYSTEM, "bench.gso", "Correct-Horse-42!", "data_officer", "GSO"
        )
        analyst = accounts.create_user(
            engine, accounts.SYSTEM, "bench.ana", "Correct-Horse-42!", "analyst"
        )
        runs = iter(range(10**6))

        def stage_template() -> None:
            # A different file each run (one more blank line), so none is "already staged".
            data = template + b"\n" * next(runs)
            intake.stage_upload(engine, officer, "GSO", "bench.csv", data)

        def stage_workbook() -> None:
            data = workbook + b" " * next(runs) if workbook_name.endswith(".xls") else workbook
            released = dt.date(2025, 2, 28) - dt.timedelta(days=next(runs))
            intake.stage_gso_workbook(engine, analyst, workbook_name, data, released)

        template_ms = _median_ms(stage_template)
        workbook_ms = _median_ms(stage_workbook)
        engine.dispose()
    return template_ms, workbook_ms


def main() -> None:
    """Measure and write the results."""
    largest = max(WORKBOOKS.glob("*.gz"), key=lambda p: len(gzip.decompress(p.read_bytes())))
    data = gzip.decompress(largest.read_bytes())
    name = largest.name.removesuffix(".gz")
    codes = sorted(known_codes())
    facts = {c: IndicatorFacts(c, "percent change", "M", "GSO") for c in codes}
    context = CheckContext(facts, {"VN"}, dt.date(2026, 12, 5), "vi", "GSO")
    template = _template(codes)

    def check_template() -> None:
        read = read_upload(template, "t.csv")
        check_rows(
            [
                Candidate(
                    r.number,
                    r.cells["indicator_code"],
                    r.cells["period"],
                    r.cells["value"],
                    r.cells["geography"],
                    None,
                    r.cells["status"],
                    r.cells["source"],
                )
                for r in read.rows
            ],
            context,
        )

    catalogue_codes = sorted(c for c in codes if c.startswith(("CPI_", "IIP_")))
    gso_template = _template(catalogue_codes)
    staged_template_ms, staged_workbook_ms = _staged_ms(gso_template, data, name)
    figures = {
        "workbook": name,
        "workbook_bytes": len(data),
        "workbook_read_only_ms": _median_ms(lambda: read_workbook_bytes(data, name)),
        "workbook_import_ms": _median_ms(lambda: gso_candidates(data, name, codes)),
        "template_rows": ROWS,
        "template_csv_module_ms": _median_ms(
            lambda: list(csv.reader(io.StringIO(template.decode())))
        ),
        "template_read_and_check_ms": _median_ms(check_template),
        "template_staged_ms": staged_template_ms,
        "workbook_staged_ms": staged_workbook_ms,
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "measured": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "intake.json").write_text(json.dumps(figures, indent=2) + "\n")
    lines = [
        "# Intake benchmark",
        "",
        f"Machine: {figures['machine']}. Median of {REPEATS} runs, {figures['measured']}.",
        "",
        "| what | baseline (read only) | full (read, recognise, check) |",
        "|---|---|---|",
        f"| largest GSO workbook ({name}, {len(data) // 1024} KB) | "
        f"{figures['workbook_read_only_ms']:.0f} ms | {figures['workbook_import_ms']:.0f} ms |",
        f"| {ROWS:,}-row filled template (CSV) | {figures['template_csv_module_ms']:.0f} ms | "
        f"{figures['template_read_and_check_ms']:.0f} ms |",
        "",
        "Staged (read, checked against the stored series, inserted as a submission with its rows; "
        "SQLite, the fully seeded database):",
        "",
        f"- {ROWS:,}-row template (CPI and IIP codes of GSO, 2015–): "
        f"{figures['template_staged_ms']:.0f} ms",
        f"- largest workbook: {figures['workbook_staged_ms']:.0f} ms",
    ]
    (RESULTS / "intake.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
