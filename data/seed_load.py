"""Load the shipped real data (``data/seed/``) into the database, idempotently.

Each seed file is recorded in ``seed_batches`` with its SHA-256, so a second run skips it; a changed
file adds only the observations whose key (indicator, geography, period, vintage, status) is new.
Nothing is filled, smoothed or invented. The only arithmetic is a unit change: monthly arrivals the
source gives in persons are divided by 1,000 so that each indicator has one unit.

Where GSO's monthly report gives a first estimate of a month and restates it in the next report
(``*_EST`` and ``*_REV``/``*_PREV`` columns), both become vintages of one indicator: the estimate is
dated by the release of its own report, the restatement by the next one. Release dates come from the
file names of the GSO workbooks the data was read from (``datas/2024-12-29-...xlsx``). The tables
that give a period only in its own report, or whose later restatements the upstream extract left
out (:data:`OWN_REPORT_SOURCES`: the CPI, FDI and quarterly GDP tables), are dated by the release
of that report: the month's, or the quarter's last month's. Where no release date is known, the
vintage is the date of the upstream snapshot, i.e. "known no later than".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, func, insert, select, update

from data import obligations, province_series
from data import tables as t
from data.catalogue_rules import (
    AGENCIES,
    AGENCY_HISTORY,
    FIELDS,
    agency_of,
    current_agency,
    field_of,
    kind_of,
    publisher_of,
)
from domain.vocabulary import Frequency, Status

SEED_DIR = Path(__file__).resolve().parent / "seed"
VN_DIR = SEED_DIR / "vn"
NATIONAL = "VN"
LOADER = "seed"

GSO_SNAPSHOT = dt.date(2025, 3, 11)  # hiennguyen9874/vn-macroeconomics HEAD, "add 2/2025"
NSDP_SNAPSHOT = dt.date(2025, 6, 1)  # gso-macro-monitor archive date (PROVENANCE §1)
NSDP_XML_SNAPSHOT = dt.date(2024, 11, 13)  # 2024q3 SDMX files, prepared 2024-11-13
WB_SNAPSHOT = dt.date(2025, 11, 16)  # dragon-fly-data commit holding the raw API answers

SEED_FILES = [
    "gso_monthly_report_series.csv.gz",
    "gso_monthly_report_series_pre2014.csv.gz",
    "gso_monthly_iip_by_industry.csv.gz",
    "gso_monthly_visitors.csv.gz",
    "gso_quarterly_gdp_by_sector.csv.gz",
    "nsdp_cpi.csv.gz",
    "nsdp_industrial_production.csv.gz",
    "nsdp_labour_market.csv.gz",
    "nsdp_merchandise_trade.csv.gz",
    "nsdp_national_accounts.csv.gz",
    "nsdp_population.csv.gz",
    "nsdp_ppi.csv.gz",
    "mof_central_government_debt.csv.gz",
    "mof_external_debt.csv.gz",
    "mof_government_operations.csv.gz",
    "mof_stock_price_index.csv.gz",
    "sbv_balance_of_payments.csv.gz",
    "sbv_exchange_rate.csv.gz",
    "sbv_interest_rates.csv.gz",
    "worldbank_wdi_vietnam_annual.csv.gz",
]

FIRST_RELEASE = ("_EST",)
RESTATED = ("_REV", "_PREV")
#: Upstream extracts whose value of a period is the one its own report published. Checked against
#: the shipped workbooks of 2018-2025 (``bench/results/realtime.md``): every CPI and FDI value and
#: every quarter's GDP estimate equal the cell of their own report, and each GDP quarter a later
#: report restated holds the first estimate, not the restatement.
OWN_REPORT_SOURCES = ("csv/cpi.csv", "csv/fdi.csv", "csv/gdp_ss.csv")
#: Part of every seed file's checksum: a change of the dating rules loads the files again, which
#: adds the newly dated releases beside the old ones (history is never rewritten).
DATING_RULES = "2"

RESOLUTIONS: dict[int, tuple[str, bool]] = {
    2021: ("Nghị quyết 124/2020/QH14", True),
    2022: ("Nghị quyết 32/2021/QH15", True),
    2023: ("Nghị quyết 68/2022/QH15", True),
    2024: ("Nghị quyết 103/2023/QH15", False),
    2025: ("Nghị quyết 158/2024/QH15", True),
    2026: ("Nghị quyết của Quốc hội ngày 13/11/2025", False),
}

# Plan-target rows (by English name) that a loaded series measures the same way.
TARGET_SERIES = {
    "GDP growth rate": "NY.GDP.MKTP.KD.ZG",
    "GDP per capita": "NY.GDP.PCAP.CD",
    "Average CPI growth": "CPI_YTD_YOY.CHI_SO_GIA_TIEU_DUNG",
    "Forest cover": "AG.LND.FRST.ZS",
}


@dataclass(frozen=True)
class LoadReport:
    """What one call of :func:`load_all` did, for the command line and the tests."""

    files_loaded: int
    files_skipped: int
    observations_added: int


def merged_code(code: str) -> str:
    """Indicator of a source column: ``IIP_YOY_EST.X``, ``IIP_YOY_REV.X`` → ``IIP_YOY.X``."""
    measure, dot, item = code.partition(".")
    for suffix in FIRST_RELEASE + RESTATED:
        if measure.endswith(suffix):
            measure = measure[: -len(suffix)]
            break
    return measure + dot + item


def release_kind(code: str) -> str | None:
    """``"first"`` for a first-release column, ``"restated"`` for a restatement, else ``None``."""
    measure = code.partition(".")[0]
    if measure.endswith(FIRST_RELEASE):
        return "first"
    if measure.endswith(RESTATED):
        return "restated"
    return None


def _workbook_date(source: str) -> dt.date | None:
    match = re.search(r"datas/(\d{4})-(\d{2})-(\d{2})", source)
    return dt.date(*map(int, match.groups())) if match else None


def report_release_dates() -> dict[str, dt.date]:
    """Release date of each GSO monthly report, keyed by report month (``"2024-12"``).

    Read from the workbook names behind the first-release columns of the files parsed from raw
    workbooks: a workbook holding month M's first estimate is month M's report.
    """
    dates: dict[str, dt.date] = {}
    for name in ("gso_monthly_visitors.csv.gz", "gso_monthly_report_series_pre2014.csv.gz"):
        frame = pd.read_csv(VN_DIR / name, usecols=["indicator_code", "period", "source"])
        first = frame[frame["indicator_code"].map(release_kind) == "first"]
        for period, source in zip(first["period"], first["source"], strict=True):
            released = _workbook_date(source)
            if released and period not in dates:
                dates[period] = released
    return dates


def _snapshot(source: str, dataset: str) -> dt.date:
    if dataset.startswith("worldbank"):
        match = re.search(r"lastupdated (\d{4}-\d{2}-\d{2})", source)
        return dt.date.fromisoformat(match.group(1)) if match else WB_SNAPSHOT
    if "2024q3 xml" in source:
        return NSDP_XML_SNAPSHOT
    if "gso-macro-monitor" in source:
        return NSDP_SNAPSHOT
    return GSO_SNAPSHOT


def _next_month(period: str) -> str:
    return str(pd.Period(period, "M") + 1)


def own_report_month(period: str) -> str:
    """The GSO monthly report that first published ``period``: ``"2024-07"`` for a month,
    ``"2024-09"`` for ``"2024-Q3"`` (a quarter is published with its last month)."""
    if "Q" in period:
        return str(pd.Period(period, "Q").asfreq("M", how="end"))
    return str(pd.Period(period, "M"))


def prepare_observations(
    raw: pd.DataFrame, dataset: str, releases: dict[str, dt.date]
) -> pd.DataFrame:
    """Turn one seed file into observation rows: code, period bounds, status, vintage, unit."""
    frame = raw.copy()
    frame["kind"] = frame["indicator_code"].map(release_kind)
    frame["code"] = frame["indicator_code"].map(merged_code)
    frame["unit"] = frame["unit"].str.replace(" (unit not stated in sheet)", "", regex=False)
    persons = frame["unit"].eq("arrivals")
    frame.loc[persons, "value"] = frame.loc[persons, "value"] / 1000.0
    frame.loc[persons, "unit"] = "thousand arrivals"

    is_gso = dataset.startswith("gso_")
    frame["status"] = Status.OFFICIAL.value
    if is_gso:
        by_kind = {"first": Status.ESTIMATE.value, "restated": Status.REVISED.value}
        frame["status"] = frame["kind"].map(by_kind).fillna(Status.PRELIMINARY.value)

    vintage_of: dict[tuple[str, str, str | None], dt.date] = {}
    for key in set(zip(frame["period"], frame["source"], frame["kind"], strict=True)):
        period, source, kind = key
        vintage = _workbook_date(source)
        if vintage is None and kind is not None:
            report_month = period if kind == "first" else _next_month(period)
            vintage = releases.get(report_month)
        elif vintage is None and is_gso and source.endswith(OWN_REPORT_SOURCES):
            vintage = releases.get(own_report_month(period))
        vintage_of[key] = vintage or _snapshot(source, dataset)
    frame["vintage"] = [
        vintage_of[key] for key in zip(frame["period"], frame["source"], frame["kind"], strict=True)
    ]

    bounds = {
        (label, freq): (
            pd.Period(label, Frequency.parse(freq).pandas).start_time.date(),
            pd.Period(label, Frequency.parse(freq).pandas).end_time.date(),
        )
        for label, freq in set(zip(frame["period"], frame["frequency"], strict=True))
    }
    pairs = [bounds[key] for key in zip(frame["period"], frame["frequency"], strict=True)]
    frame["period_start"] = [start for start, _ in pairs]
    frame["period_end"] = [end for _, end in pairs]
    if "geography_code" not in frame:
        frame["geography_code"] = NATIONAL
    keys = ["code", "geography_code", "period_start", "period_end", "vintage", "status"]
    return frame.drop_duplicates(keys, keep="first").reset_index(drop=True)


def _clean_name(name: str) -> str:
    """Drop release qualifiers from a column name: one indicator holds both releases."""
    patterns = [
        r"\s*\((ước tính|công bố lần đầu|preliminary|estimate|first release)\)",
        r",\s*(first release|ước tính)$",
        r"\s*\(công bố lần đầu\)",
    ]
    for pattern in patterns:
        name = re.sub(pattern, "", name, flags=re.IGNORECASE)
    name = name.replace(" - ước tính tháng", " - tháng").replace(" - month estimate", " - month")
    return name.replace(" preliminary estimate", "")


def catalogue_entries(frame: pd.DataFrame, dataset: str, names: pd.DataFrame) -> pd.DataFrame:
    """One catalogue row per code, names and units completed from ``catalogue_names.csv``."""
    first = frame.sort_values("kind", key=lambda k: k.map({"first": 0}).fillna(1)).drop_duplicates(
        "code"
    )
    rows = []
    for row in first.itertuples(index=False):
        override = names.get(row.indicator_code) or names.get(row.code) or {}
        name_en = override.get("name_en") or row.indicator_name_en
        name_vi = override.get("name_vi") or row.indicator_name_vi
        unit = override.get("unit") if row.unit == "see indicator_name_en" else row.unit
        if not isinstance(name_vi, str) or not name_vi.strip():
            raise ValueError(f"{row.code} in {dataset} has no Vietnamese name")
        rows.append(
            {
                "code": row.code,
                "name_vi": _clean_name(name_vi),
                "name_en": _clean_name(name_en),
                "unit": unit or row.unit,
                "frequency": row.frequency,
                "field_code": field_of(row.code),
                "kind": kind_of(row.code, unit or row.unit, _clean_name(name_en)).value,
                "agency_code": agency_of(row.code),
                "source": re.sub(r"datas/[^#]+#", "datas/…#", row.source),
                "regime": "statistical",
                "dataset": dataset.removesuffix(".csv.gz"),
            }
        )
    return pd.DataFrame(rows)


def _names() -> dict[str, dict[str, str]]:
    path = SEED_DIR / "catalogue_names.csv"
    if not path.exists():
        return {}
    frame = pd.read_csv(path, dtype=str).fillna("")
    return {row["indicator_code"]: row for row in frame.to_dict("records")}


def _sha256(*paths: Path, salt: str = "") -> str:
    digest = hashlib.sha256(salt.encode())
    for path in paths:
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _insert_new(engine: Engine, table, rows: list[dict], key: Iterable[str], where=None) -> int:  # type: ignore[no-untyped-def]
    """Insert the rows whose ``key`` is not in ``table`` yet; return how many went in.

    ``where`` narrows the rows read back to compare with (e.g. to one dataset's indicators).
    """
    key = list(key)
    query = select(*[table.c[k] for k in key])
    if where is not None:
        query = query.where(where)
    with engine.begin() as conn:
        existing = {tuple(r) for r in conn.execute(query)}
        fresh = [r for r in rows if tuple(r[k] for k in key) not in existing]
        for start in range(0, len(fresh), 5000):
            conn.execute(insert(table), fresh[start : start + 5000])
    return len(fresh)


def load_reference(engine: Engine) -> None:
    """Fields, agencies, geographies (63 provinces before, 34 from 1 July 2025) and mapping."""
    _insert_new(
        engine,
        t.fields,
        [{"code": c, "name_vi": vi, "name_en": en} for c, (vi, en) in FIELDS.items()],
        ["code"],
    )
    places = _geographies()
    provinces = [
        {"code": g["code"], "name_vi": g["name_vi"], "name_en": g["name_en"], "kind": "province"}
        for g in places
        if g["scheme"] == "prov34"
    ]
    _insert_new(engine, t.agencies, AGENCIES + provinces, ["code"])
    _insert_new(engine, t.geographies, places, ["code"])
    mapping = pd.read_csv(VN_DIR / "provinces" / "province_mapping_63_to_34.csv.gz", dtype=str)
    _insert_new(
        engine,
        t.geography_mapping,
        [
            {
                "old_code": f"P63-{r.old_code}",
                "new_code": f"P34-{r.new_code}",
                "evidence": f"{r.n_new_wards_with_codes_from_old_province} wards keep old codes",
            }
            for r in mapping.itertuples()
        ],
        ["old_code", "new_code"],
    )


def _english_place(name_vi: str) -> str:
    from unidecode import unidecode

    city = name_vi.startswith("Thành phố ")
    bare = name_vi.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    return unidecode(bare) + (" City" if city else "")


def _geographies() -> list[dict]:
    old = pd.read_csv(VN_DIR / "provinces" / "provinces_63_pre2025.csv.gz", dtype=str)
    new = pd.read_csv(VN_DIR / "provinces" / "provinces_34_2025.csv.gz", dtype=str)
    merger = dt.date(2025, 7, 1)
    rows = [
        {"code": NATIONAL, "name_vi": "Cả nước", "name_en": "Viet Nam", "scheme": "national"},
    ]
    rows += [
        {
            "code": f"P63-{r.code}",
            "name_vi": r.name_vi,
            "name_en": r.name_en,
            "scheme": "prov63",
            "division_type": r.division_type,
            "region_vi": r.region_vi,
            "valid_to": merger - dt.timedelta(days=1),
        }
        for r in old.itertuples()
    ]
    rows += [
        {
            "code": f"P34-{r.code}",
            "name_vi": r.name_vi,
            "name_en": _english_place(r.name_vi),
            "scheme": "prov34",
            "division_type": r.division_type,
            "valid_from": merger,
        }
        for r in new.itertuples()
    ]
    return rows


def _refresh_catalogue(engine: Engine, catalogue: pd.DataFrame) -> None:
    """Bring seed-described indicators up to date when the shipped names or rules changed.

    Only descriptive columns change; observations are never touched.
    """
    columns = ["name_vi", "name_en", "unit", "field_code", "kind", "agency_code", "source"]
    with engine.begin() as conn:
        current = {
            row.code: row
            for row in conn.execute(
                select(t.indicators).where(t.indicators.c.code.in_(list(catalogue["code"])))
            )
        }
        for entry in catalogue.to_dict("records"):
            row = current.get(entry["code"])
            changed = {
                c: entry[c] for c in columns if row is not None and row._mapping[c] != entry[c]
            }
            if changed:
                conn.execute(
                    update(t.indicators).where(t.indicators.c.code == entry["code"]).values(changed)
                )


def load_dataset(
    engine: Engine, name: str, releases: dict[str, dt.date], until: dt.date | None = None
) -> int | None:
    """Load one seed file; ``None`` when this exact file was loaded before.

    With ``until``, only periods that end by that day are loaded and the file is not recorded as
    loaded, so that a later full run adds the rest: a database "as it stood" before a month came
    in, for the tests of the monthly intake.
    """
    path = VN_DIR / name
    names_path = SEED_DIR / "catalogue_names.csv"
    digest = _sha256(path, names_path, salt=f"dating rules {DATING_RULES}")
    with engine.connect() as conn:
        seen = conn.execute(
            select(func.count())
            .select_from(t.seed_batches)
            .where(t.seed_batches.c.dataset == name, t.seed_batches.c.sha256 == digest)
        ).scalar_one()
    if seen:
        return None
    raw = pd.read_csv(path, dtype={"period": str})
    frame = prepare_observations(raw, name, releases)
    catalogue = catalogue_entries(frame, name, _names())
    if until is not None:
        frame = frame[frame["period_end"] <= until]
    _insert_new(engine, t.indicators, catalogue.to_dict("records"), ["code"])
    _refresh_catalogue(engine, catalogue)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    codes = sorted(set(frame["code"]))
    added = _insert_observations(engine, frame, now, t.observations.c.indicator_code.in_(codes))
    if until is None:
        with engine.begin() as conn:
            conn.execute(
                insert(t.seed_batches),
                {"dataset": name, "sha256": digest, "loaded_at": now, "rows_added": added},
            )
    return added


def _insert_observations(engine: Engine, frame: pd.DataFrame, now: dt.datetime, where) -> int:  # type: ignore[no-untyped-def]
    """Insert the prepared observations of ``frame`` whose key is new (compared with the stored
    rows that ``where`` selects); how many went in."""
    rows = [
        {
            "indicator_code": r.code,
            "geography_code": r.geography_code,
            "period_start": r.period_start,
            "period_end": r.period_end,
            "value": float(r.value),
            "status": r.status,
            "vintage": r.vintage,
            "source": r.source,
            "recorded_at": now,
            "recorded_by": LOADER,
        }
        for r in frame.itertuples(index=False)
    ]
    key = ["indicator_code", "geography_code", "period_start", "period_end", "vintage", "status"]
    return _insert_new(engine, t.observations, rows, key, where=where)


def load_targets(engine: Engine) -> int:
    """Plan targets of the annual socio-economic plans, as the resolutions word them."""
    from analytics.targets import parse_target

    frame = pd.read_csv(SEED_DIR / "domain" / "key_indicators.csv", dtype=str).fillna("")
    with engine.connect() as conn:
        known = set(conn.execute(select(t.indicators.c.code)).scalars())
    rows = []
    for r in frame.itertuples(index=False):
        year = int(r.plan_year)
        resolution, confirmed = RESOLUTIONS.get(year, ("", False))
        target = parse_target(r.target) if r.target else None
        code = TARGET_SERIES.get(r.indicator_en)
        rows.append(
            {
                "plan_year": year,
                "indicator_code": code if code in known else None,
                "name_vi": r.indicator_vi,
                "name_en": r.indicator_en,
                "unit": r.unit,
                "target_text": r.target or None,
                "target_low": target.low if target else None,
                "target_high": target.high if target else None,
                "operator": target.operator if target else None,
                "approximate": target.approximate if target else None,
                "actual_text": r.actual or None,
                "resolution": resolution,
                "resolution_confirmed": confirmed,
                "source": r.source,
            }
        )
    return _insert_new(engine, t.plan_targets, rows, ["plan_year", "name_vi"])


def load_all(
    engine: Engine, files: Iterable[str] = SEED_FILES, until: dt.date | None = None
) -> LoadReport:
    """Load reference data, every seed file and the plan targets; safe to run again. With
    ``until``, only the periods that end by that day (see :func:`load_dataset`)."""
    load_reference(engine)
    releases = report_release_dates()
    loaded = skipped = added = 0
    files = list(files)
    for name in files:
        result = load_dataset(engine, name, releases, until)
        if result is None:
            skipped += 1
        else:
            loaded += 1
            added += result
    if NATIONAL_SBI_FILE in files:
        added += load_province_series(engine, releases, until) or 0
    load_targets(engine)
    fill_missing_kinds(engine)
    apply_agency_history(engine)
    obligations.seed_from_catalogue(engine)
    if NATIONAL_SBI_FILE in files:
        _insert_new(
            engine,
            t.obligations,
            province_series.obligations(_province_mapping(), dt.datetime(2025, 1, 1)),
            ["agency_code", "indicator_code", "geography_code", "valid_from", "valid_to"],
        )
    return LoadReport(loaded, skipped, added)


PROVINCE_FILE = "gso_monthly_by_province.csv.gz"
NATIONAL_SBI_FILE = "gso_monthly_report_series.csv.gz"
"""The file whose catalogue entries (``SBI_M.TOTAL``...) the province series use; the province
series load with it."""


def _province_mapping() -> pd.DataFrame:
    return pd.read_csv(VN_DIR / "provinces" / "province_mapping_63_to_34.csv.gz", dtype=str)


def load_province_series(
    engine: Engine, releases: dict[str, dt.date], until: dt.date | None = None
) -> int | None:
    """Load each province's own state-budget investment series (``data.province_series``);
    ``None`` when this exact file was loaded before. Runs after the national files, whose
    catalogue entries it uses."""
    path = VN_DIR / PROVINCE_FILE
    digest = _sha256(path)
    with engine.connect() as conn:
        seen = conn.execute(
            select(func.count())
            .select_from(t.seed_batches)
            .where(t.seed_batches.c.dataset == PROVINCE_FILE, t.seed_batches.c.sha256 == digest)
        ).scalar_one()
    if seen:
        return None
    raw = pd.read_csv(path, dtype={"period": str})
    provinces = pd.read_csv(VN_DIR / "provinces" / "provinces_63_pre2025.csv.gz", dtype=str)
    frame = prepare_observations(
        province_series.province_rows(raw, provinces), PROVINCE_FILE, releases
    )
    if until is not None:
        frame = frame[frame["period_end"] <= until]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    added = _insert_observations(engine, frame, now, t.observations.c.geography_code != NATIONAL)
    if until is None:
        with engine.begin() as conn:
            conn.execute(
                insert(t.seed_batches),
                {"dataset": PROVINCE_FILE, "sha256": digest, "loaded_at": now, "rows_added": added},
            )
    return added


HISTORY_COLUMNS = ("valid_from", "valid_to", "successor_code", "evidence", "evidence_note")


def apply_agency_history(engine: Engine) -> int:
    """Bring the agencies and their indicators up to the 2025 restructuring
    (``data.catalogue_rules.AGENCY_HISTORY``); safe to run again.

    Each agency gets its current names, validity, successor and the evidence for them. An
    indicator of an agency that has a successor moves to the successor, and ``indicator_agencies``
    keeps who was responsible before and from when the successor is; observations are untouched.
    Returns how many indicators moved.
    """
    a, i, h = t.agencies.c, t.indicators.c, t.indicator_agencies.c
    moved = 0
    with engine.begin() as conn:
        stored = {row.code: row._mapping for row in conn.execute(select(t.agencies))}
        for entry in AGENCIES:
            facts = AGENCY_HISTORY.get(entry["code"], {})
            wanted = {
                "name_vi": entry["name_vi"],
                "name_en": entry["name_en"],
                **{column: facts.get(column) for column in HISTORY_COLUMNS},
            }
            row = stored.get(entry["code"])
            changed = {k: v for k, v in wanted.items() if row is not None and row[k] != v}
            if changed:
                conn.execute(update(t.agencies).where(a.code == entry["code"]).values(changed))
        with_history = set(conn.execute(select(h.indicator_code).distinct()).scalars())
        for code, agency in conn.execute(select(i.code, i.agency_code)).all():
            former = agency if current_agency(agency) != agency else publisher_of(code)
            now = current_agency(former)
            if former == now or now != current_agency(agency):
                continue
            if code not in with_history:
                successor_from = AGENCY_HISTORY[former]["valid_to"] + dt.timedelta(days=1)
                conn.execute(
                    insert(t.indicator_agencies),
                    [
                        {
                            "indicator_code": code,
                            "agency_code": former,
                            "valid_from": None,
                            "valid_to": AGENCY_HISTORY[former]["valid_to"],
                        },
                        {
                            "indicator_code": code,
                            "agency_code": now,
                            "valid_from": successor_from,
                            "valid_to": None,
                        },
                    ],
                )
            if agency != now:
                conn.execute(update(t.indicators).where(i.code == code).values(agency_code=now))
                moved += 1
    return moved


def fill_missing_kinds(engine: Engine) -> int:
    """Give every indicator without a kind the one its unit, code and name say
    (``data.catalogue_rules.kind_of``): a database seeded before kinds existed gets them on the
    next run. Only that column changes; returns how many indicators got one."""
    i = t.indicators.c
    with engine.begin() as conn:
        missing = conn.execute(select(i.code, i.unit, i.name_en).where(i.kind.is_(None))).all()
        for code, unit, name_en in missing:
            conn.execute(
                update(t.indicators)
                .where(i.code == code)
                .values(kind=kind_of(code, unit, name_en).value)
            )
    return len(missing)
