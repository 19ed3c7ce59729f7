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
        "Not included: the database transaction of staging (history lookups and inserts).",
    ]
    (RESULTS / "intake.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
