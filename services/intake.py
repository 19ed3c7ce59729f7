"""The monthly intake: a file comes in, is checked row by row and staged; a person confirms it
(its valid rows become new vintages, in one transaction, with one audit row) or rejects it.

Two kinds of file come in. A data officer uploads its agency's filled template (``ingest.upload``):
only its own agency's indicators, with the day of upload as the vintage (``services.observations
.today``; nobody chooses it). An analyst or an admin imports GSO's monthly workbook
(``ingest.gso_workbook``): the vintage is the day GSO released it. Both pass the same checks
(``ingest.checks``). Nothing is written before confirmation, so a crash between staging and
confirmation loses nothing staged and writes nothing half; the same file again is the same
submission, and confirming twice writes once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from data import audit, obligations, repository
from data import observations as store
from data import submissions as staged
from domain.errors import InputError, PermissionDenied
from domain.periods import period_label
from domain.principal import Principal
from domain.vocabulary import (
    NATIONAL_GEOGRAPHY,
    Action,
    Role,
    RowOutcome,
    SubmissionKind,
    SubmissionState,
)
from ingest.checks import Candidate, CheckContext, CheckedRow, IndicatorFacts, check_rows
from ingest.gso_workbook import gso_candidates, release_date
from ingest.template import TemplateLine, template_csv, template_xlsx
from ingest.upload import read_upload
from services import observations as clock
from services.permissions import require, require_role

GSO_AGENCY = "GSO"
WRITTEN = (RowOutcome.VALID, RowOutcome.WARNING)


@dataclass(frozen=True)
class Staged:
    """The result of staging a file: its submission, whether that file had been staged before
    (then nothing new was staged), and how many rows ended with each outcome."""

    submission_id: int
    already: bool
    counts: dict[str, int]
    state: str


def stage_upload(
    engine: Engine,
    user: Principal,
    agency_code: str,
    file_name: str,
    data: bytes,
    lang: str = "vi",
) -> Staged:
    """Check an agency's filled template and stage it; nothing is written to the series yet.

    A data officer uploads for its own agency only. A file that cannot be read at all raises
    ``InputError`` saying why; a row that fails a check is staged with its reasons.
    """
    require(user, Action.INTAKE_UPLOAD, agency_code=agency_code)
    vintage = clock.today()
    read = read_upload(data, file_name)
    candidates = [
        Candidate(
            number=row.number,
            indicator_code=row.cells.get("indicator_code"),
            period=row.cells.get("period"),
            value=row.cells.get("value"),
            geography=row.cells.get("geography"),
            unit=row.cells.get("unit"),
            status=row.cells.get("status"),
            source=row.cells.get("source"),
            sheet=read.sheet,
            cell=row.where.get("value", ""),
            refused=row.refused,
        )
        for row in read.rows
    ]
    return _stage(
        engine,
        user,
        SubmissionKind.UPLOAD,
        agency_code,
        file_name,
        data,
        vintage,
        None,
        candidates,
        lang,
        Action.INTAKE_UPLOAD,
    )


def stage_batch(
    engine: Engine,
    user: Principal,
    idempotency_key: str,
    rows: list[dict[str, Any]],
    lang: str = "vi",
) -> Staged:
    """Check a batch of observations an agency's reporting system sent and stage it, through
    the same checks as an uploaded template. The same ``idempotency_key`` again (for the same
    agency) is the same submission: it returns the first result and stages nothing new.

    ``rows`` hold the template's columns (``indicator_code, geography, period, value, status,
    unit, source``), as text or numbers.
    """
    agency_code = user.agency_code or ""
    require(user, Action.INTAKE_UPLOAD, agency_code=agency_code)
    body = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    candidates = [
        Candidate(
            number=number,
            indicator_code=_text(row.get("indicator_code")),
            period=_text(row.get("period")),
            value=row.get("value"),
            geography=_text(row.get("geography")),
            unit=_text(row.get("unit")),
            status=_text(row.get("status")),
            source=_text(row.get("source")),
            sheet="api",
            cell=f"rows[{number - 1}]",
        )
        for number, row in enumerate(rows, start=1)
    ]
    return _stage(
        engine,
        user,
        SubmissionKind.API,
        agency_code,
        f"api:{idempotency_key}",
        body,
        clock.today(),
        None,
        candidates,
        lang,
        Action.INTAKE_UPLOAD,
        digest=hashlib.sha256(f"idempotency:{idempotency_key}".encode()).hexdigest(),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def stage_gso_workbook(
    engine: Engine,
    user: Principal,
    file_name: str,
    data: bytes,
    release_date: dt.date | None,
    lang: str = "vi",
) -> Staged:
    """Read GSO's monthly workbook, check its rows and stage them with ``release_date`` as their
    vintage. Analysts and admins only."""
    require(user, Action.INTAKE_GSO_IMPORT)
    if not isinstance(release_date, dt.date):
        raise InputError(
            "error.release_date_needed",
            f"{file_name} does not say when it was released: give the release date",
            name=file_name,
        )
    if release_date > clock.today():
        raise InputError(
            "error.release_date_future",
            f"the release date {release_date} is after today",
            day=release_date.isoformat(),
        )
    with engine.connect() as conn:
        codes = [row.code for row in staged.indicator_facts(conn)]
    candidates, report_period, notes = gso_candidates(data, file_name, codes, release_date)
    return _stage(
        engine,
        user,
        SubmissionKind.GSO_WORKBOOK,
        GSO_AGENCY,
        file_name,
        data,
        release_date,
        report_period,
        candidates,
        lang,
        Action.INTAKE_GSO_IMPORT,
        note="\n".join(notes) or None,
    )


def _stage(
    engine: Engine,
    user: Principal,
    kind: SubmissionKind,
    agency_code: str,
    file_name: str,
    data: bytes,
    vintage: dt.date,
    report_period: str | None,
    candidates: list[Candidate],
    lang: str,
    action: Action,
    note: str | None = None,
    digest: str | None = None,
) -> Staged:
    digest = digest or hashlib.sha256(data).hexdigest()
    with engine.connect() as conn:
        before = staged.find(conn, kind, agency_code, digest)
    if before is not None:
        return _summary(engine, before["id"], already=True)
    context = _context(engine, candidates, vintage, lang, agency_code, kind)
    rows = check_rows(candidates, context)
    header = {
        "kind": kind.value,
        "agency_code": agency_code,
        "file_name": file_name[:300],
        "file_sha256": digest,
        "file_bytes": len(data),
        "report_period": report_period,
        "vintage": vintage,
        "state": SubmissionState.STAGED.value,
        "created_at": audit.utc_now(),
        "created_by": user.username,
        "note": note,
    }
    counts = Counter(row.outcome.value for row in rows)
    try:
        with engine.begin() as conn:
            new_id = staged.insert_submission(conn, header, [_stored(row) for row in rows])
            audit.record(
                conn,
                user,
                action,
                "submission",
                new_id,
                after={**header, "rows": dict(counts)},
            )
    except IntegrityError:
        with engine.connect() as conn:
            raced = staged.find(conn, kind, agency_code, digest)
        if raced is None:
            raise
        return _summary(engine, raced["id"], already=True)
    return Staged(new_id, False, dict(counts), SubmissionState.STAGED.value)


def _context(
    engine: Engine,
    candidates: list[Candidate],
    vintage: dt.date,
    lang: str,
    agency_code: str,
    kind: SubmissionKind,
) -> CheckContext:
    with engine.connect() as conn:
        facts = {
            row.code: IndicatorFacts(row.code, row.unit, row.frequency, row.agency_code)
            for row in staged.indicator_facts(conn)
        }
        geographies = staged.geography_codes(conn)
    codes = sorted({str(c.indicator_code).strip().upper() for c in candidates} & set(facts))
    places = sorted(
        {str(c.geography or NATIONAL_GEOGRAPHY).strip().upper() for c in candidates} & geographies
    )
    history: dict[tuple[str, str], pd.DataFrame] = {}
    for place in places:
        frame = repository.observations(engine, codes, geography=place) if codes else None
        if frame is None or frame.empty:
            continue
        for code, group in frame.groupby("indicator_code"):
            history[(str(code), place)] = group.reset_index(drop=True)
    upload = kind in (SubmissionKind.UPLOAD, SubmissionKind.API)
    return CheckContext(
        indicators=facts,
        geographies=geographies,
        vintage=vintage,
        lang=lang,
        agency_code=agency_code if upload else None,
        history=history,
        owed=owed_by(engine, agency_code, vintage) if upload else None,
    )


def owed_by(engine: Engine, agency_code: str, on: dt.date) -> set[tuple[str, str]]:
    """The (indicator, geography) pairs ``agency_code`` owes on ``on``: its obligations in force
    (a province's own series included) and the national series of the indicators it is
    responsible for."""
    owed = obligations.current(engine, on)
    mine = owed[owed["agency_code"] == agency_code] if not owed.empty else owed
    pairs = set(zip(mine.get("indicator_code", []), mine.get("geography_code", []), strict=True))
    with engine.connect() as conn:
        pairs |= {
            (r.code, NATIONAL_GEOGRAPHY)
            for r in staged.indicator_facts(conn)
            if r.agency_code == agency_code
        }
    return pairs


def _stored(row: CheckedRow) -> dict[str, Any]:
    return {
        "row_number": row.number,
        "indicator_code": row.indicator_code[:120] or None,
        "geography_code": row.geography_code[:20] or None,
        "period": row.period[:10] or None,
        "period_start": row.period_start,
        "period_end": row.period_end,
        "value": row.value,
        "unit": row.unit[:120] or None,
        "status": row.status[:12] or None,
        "source": row.source or None,
        "sheet": row.sheet[:120] or None,
        "cell": row.cell[:20] or None,
        "raw": row.raw,
        "outcome": row.outcome.value,
        "messages": json.dumps([[key, params] for key, params in row.messages], ensure_ascii=False),
    }


def _summary(engine: Engine, submission_id: int, already: bool) -> Staged:
    with engine.connect() as conn:
        header = staged.get(conn, submission_id)
        rows = staged.rows(conn, submission_id)
    counts = Counter(row["outcome"] for row in rows)
    return Staged(submission_id, already, dict(counts), header["state"])


def _require_decider(user: Principal, header: Any, action: Action) -> None:
    """Uploads are decided by the agency's data officer; GSO imports by analysts and admins."""
    if header["kind"] in (SubmissionKind.UPLOAD, SubmissionKind.API):
        require(user, action, agency_code=header["agency_code"])
        if user.role != Role.DATA_OFFICER:
            raise PermissionDenied(
                "error.forbidden",
                f"the role {user.role} may not do {action}",
                role=str(user.role),
                action=str(action),
            )
    else:
        require(user, Action.INTAKE_GSO_IMPORT)


def _header(engine: Engine, submission_id: int) -> Any:
    with engine.connect() as conn:
        header = staged.get(conn, submission_id)
    if header is None:
        raise InputError(
            "error.unknown_submission",
            f"there is no submission {submission_id}",
            id=str(submission_id),
        )
    return header


def confirm(
    engine: Engine, user: Principal, submission_id: int, accept_warnings: bool = False
) -> int:
    """Write the staged submission's valid rows (and its unusual ones if ``accept_warnings``) as
    new vintages, in one transaction with one audit row; the number of observations written.

    A submission already confirmed or rejected writes nothing (0). A row whose value became the
    latest known since staging is skipped as unchanged.
    """
    require_role(user, Action.INTAKE_CONFIRM)
    header = _header(engine, submission_id)
    _require_decider(user, header, Action.INTAKE_CONFIRM)
    if header["state"] != SubmissionState.STAGED:
        return 0
    now = audit.utc_now()
    with engine.begin() as conn:
        if not staged.decide(conn, submission_id, SubmissionState.CONFIRMED, user.username, now):
            return 0
        rows = staged.rows(conn, submission_id)
        wanted = (RowOutcome.VALID,) + ((RowOutcome.WARNING,) if accept_warnings else ())
        source = f"{header['file_name']} (#{submission_id})"
        candidates = [
            (
                row["id"],
                {
                    "indicator_code": row["indicator_code"],
                    "geography_code": row["geography_code"],
                    "period_start": row["period_start"],
                    "period_end": row["period_end"],
                    "value": row["value"],
                    "status": row["status"],
                    "vintage": header["vintage"],
                    "source": (row["source"] or source)[:2000],
                    "recorded_at": now,
                    "recorded_by": user.username,
                },
            )
            for row in rows
            if row["outcome"] in wanted
        ]
        written = _write(conn, candidates)
        staged.mark_written(conn, submission_id, written)
        audit.record(
            conn,
            user,
            Action.INTAKE_CONFIRM,
            "submission",
            submission_id,
            before={"state": header["state"]},
            after={
                "state": SubmissionState.CONFIRMED.value,
                "rows_written": written,
                "accept_warnings": accept_warnings,
            },
        )
    return written


def _write(conn: Any, candidates: list[tuple[int, dict[str, Any]]]) -> int:
    """Append the confirmed rows' observations on ``conn`` and link each row to its own; a row
    whose value is already the latest known is skipped as unchanged. All at once; if another
    submission wrote one of these cells for the same day meanwhile, row by row, keeping the
    value written first. The number of observations written."""
    latest = store.latest_values(conn, [observation for _, observation in candidates])
    fresh = [
        (row_id, observation)
        for row_id, observation in candidates
        if latest.get(_cell(observation)) != float(observation["value"])
    ]
    try:
        with conn.begin_nested():
            ids = store.append_many(conn, [observation for _, observation in fresh])
    except IntegrityError:
        ids = []
        kept = []
        for row_id, observation in fresh:
            try:
                with conn.begin_nested():
                    ids.append(store.append(conn, observation))
                    kept.append((row_id, observation))
            except IntegrityError:
                continue
        fresh = kept
    staged.link_observations(
        conn, [(row_id, new) for (row_id, _), new in zip(fresh, ids, strict=True)]
    )
    return len(ids)


def _cell(observation: dict[str, Any]) -> tuple:
    return (
        observation["indicator_code"],
        observation["geography_code"],
        observation["period_start"],
        observation["period_end"],
    )


def reject(engine: Engine, user: Principal, submission_id: int, note: str) -> bool:
    """Reject a staged submission with a reason; nothing is written. False if already decided."""
    require_role(user, Action.INTAKE_REJECT)
    header = _header(engine, submission_id)
    _require_decider(user, header, Action.INTAKE_REJECT)
    reason = (note or "").strip()
    if not reason:
        raise InputError("error.reason_required", "a rejection needs a reason")
    with engine.begin() as conn:
        done = staged.decide(
            conn, submission_id, SubmissionState.REJECTED, user.username, audit.utc_now(), reason
        )
        if done:
            audit.record(
                conn,
                user,
                Action.INTAKE_REJECT,
                "submission",
                submission_id,
                before={"state": header["state"]},
                after={"state": SubmissionState.REJECTED.value},
                detail=reason,
            )
    return done


def submission(engine: Engine, submission_id: int) -> tuple[dict[str, Any], pd.DataFrame]:
    """A submission's header and its rows (``messages`` decoded to lists of [key, params])."""
    header = dict(_header(engine, submission_id))
    with engine.connect() as conn:
        rows = pd.DataFrame(staged.rows(conn, submission_id))
    if not rows.empty:
        rows["messages"] = rows["messages"].map(json.loads)
    return header, rows


def submissions(engine: Engine, agency_code: str | None = None) -> pd.DataFrame:
    """Submissions newest first, of one agency if given."""
    return staged.listing(engine, agency_code)


def template_lines(engine: Engine, agency_code: str, period: pd.Period) -> list[TemplateLine]:
    """The lines of ``agency_code``'s template for ``period``: each series it owes at that
    frequency (its obligations in force at the period's end), with the last value supplied."""
    freq = {"M": "M", "Q": "Q", "Y": "A", "A": "A"}[period.freqstr[0]]
    on = period.end_time.date()
    owed = sorted(p for p in owed_by(engine, agency_code, on))
    with engine.connect() as conn:
        facts = {r.code: r for r in staged.indicator_facts(conn)}
    owed = [
        (code, place) for code, place in owed if code in facts and facts[code].frequency == freq
    ]
    lines = []
    for place in sorted({place for _, place in owed}):
        codes = [code for code, where in owed if where == place]
        last = repository.observations(engine, codes, geography=place)
        for code in codes:
            mine = last[last["indicator_code"] == code] if not last.empty else last
            recent = mine.iloc[-1] if not mine.empty else None
            lines.append(
                TemplateLine(
                    indicator_code=code,
                    indicator_name=facts[code].name_vi,
                    unit=facts[code].unit,
                    geography=place,
                    period=period_label(period),
                    last_period=period_label(pd.Period(recent["period_start"], period.freq))
                    if recent is not None
                    else "",
                    last_value=float(recent["value"]) if recent is not None else None,
                )
            )
    return lines


def template_file(
    engine: Engine,
    agency_code: str,
    period: pd.Period,
    kind: str,
    instructions: list[str],
    guide_title: str,
) -> bytes:
    """``agency_code``'s template for ``period`` as ``"xlsx"`` or ``"csv"`` bytes."""
    lines = template_lines(engine, agency_code, period)
    if kind == "csv":
        return template_csv(lines)
    return template_xlsx(lines, instructions, guide_title)


def suggested_release_date(file_name: str) -> dt.date | None:
    """The release date GSO's file name starts with ("2025-02-28-Bieu-T2.2025-1.xlsx"), if any:
    what the import form proposes; the person may change it."""
    try:
        return release_date(file_name, None)
    except InputError:
        return None
