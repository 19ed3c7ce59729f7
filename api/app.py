"""The HTTP API for agencies' reporting systems: read what the agency owes and the catalogue,
send a month's values, read back each submission's checks and the agency's supply status.

Every route calls ``services/`` (the same checks, staging and audit as the upload page). A
token per agency, sent as ``Authorization: Bearer ck_...``, says who calls; a wrong, revoked or
expired token gets 401 and nothing else. Each token may make :data:`RATE_PER_MINUTE` calls a
minute (429 with ``Retry-After`` beyond); a body over :data:`MAX_BODY_BYTES` is refused with 413
before it is read.
"""

import math
import os
import threading
import time
from collections.abc import Callable
from typing import Annotated

import pandas as pd
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import schemas
from domain.errors import CockpitError, InputError, PermissionDenied
from domain.periods import parse_period
from domain.vocabulary import NATIONAL_GEOGRAPHY, Regime
from services import api_tokens, intake, reporting
from services.api_tokens import AgencySystem
from services.database import Engine
from services.database import engine as make_engine
from services.observations import today
from ui.translations import translate

MAX_BODY_BYTES = int(os.environ.get("COCKPIT_API_MAX_BODY_BYTES", 2_000_000))
RATE_PER_MINUTE = int(os.environ.get("COCKPIT_API_RATE_PER_MINUTE", 600))
KEY_PATTERN = r"^[A-Za-z0-9._:-]{8,100}$"
PERIOD_PATTERN = r"^(19|20)\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$"
PROBLEM = "application/problem+json"

DESCRIPTION = """
The Cockpit's API for the reporting systems of ministries and provinces.

**QCVN 125:2021/BTTTT.** The resources follow the packets the regulation names: reporting regimes
(packet 1, `/regimes`), report templates (2, `/templates/{period}`), report data (4, `/data` and
`POST /submissions`), report status (7, `/submissions/{id}`, `/supply/{period}`) and the indicator
catalogue (9, `/indicators`). The text of the regulation's field tables was not available
(only its opening part could be read), so **no field name here is claimed to be the standard's**:
they are the Cockpit's own, and will be mapped once the official tables are obtained.

**Tokens.** An admin issues a token to an agency on the page *Kết nối API*; send it as
`Authorization: Bearer <token>`. A token reads the catalogue and its own agency's obligations,
data and submissions, and writes only its own agency's indicators.

**Submissions.** Send a batch with an `Idempotency-Key` header of your choice: the same key again
returns the first result and writes nothing. Rows pass the same checks as an uploaded template;
each row comes back with its outcome and reasons (`code`, `params` and a sentence in the
language of `Accept-Language`, Vietnamese by default). Valid rows are written as new vintages at
once, or kept for a person's review where the token says so.
"""


def _problem_response(description: str) -> dict:
    """An error answer as the schema documents it: a Problem, as ``application/problem+json``."""
    return {
        "model": schemas.Problem,
        "description": description,
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


PROBLEMS = {
    400: _problem_response("The request cannot be read (a malformed body or header)"),
    401: _problem_response("No valid token (missing, wrong, revoked or expired)"),
    403: _problem_response("Another agency's series"),
    404: _problem_response("Not found (or another agency's)"),
    413: _problem_response("The body is over the size limit"),
    422: _problem_response("The request cannot be processed; the problems are listed"),
    429: _problem_response("Too many calls with this token; see Retry-After"),
}


def _problem(
    status: int,
    title: str,
    detail: str | None = None,
    errors: list | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = schemas.Problem(title=title, status=status, detail=detail, errors=errors or [])
    return JSONResponse(body.model_dump(), status_code=status, media_type=PROBLEM, headers=headers)


def _language(request: Request) -> str:
    accepted = request.headers.get("accept-language", "")
    return "en" if accepted.lower().startswith("en") else "vi"


class RateLimiter:
    """A token bucket per API token: ``per_minute`` calls a minute, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self.buckets: dict[int, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def wait_for(self, key: int) -> float:
        """0 if a call may go now (and take it), else the seconds until one may."""
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self.buckets[key] = (tokens - 1.0, now)
                return 0.0
            self.buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413, by its Content-Length before reading
    anything, or as soon as a body without one goes over."""

    def __init__(self, app: Callable, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _problem(413, "Payload Too Large", f"at most {self.limit} bytes")(
                scope, receive, send
            )
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _problem(413, "Payload Too Large", f"at most {self.limit} bytes")(
                scope, receive, send
            )


class _TooLarge(Exception):
    pass


def create_app(
    engine: Engine | None = None,
    rate_per_minute: int = RATE_PER_MINUTE,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The API on ``engine`` (the configured database by default)."""
    db = engine or make_engine()
    limiter = RateLimiter(rate_per_minute)
    bearer = HTTPBearer(auto_error=False)
    app = FastAPI(
        title="Cockpit API",
        version="1.0",
        description=DESCRIPTION,
        responses=PROBLEMS,
    )

    def system(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> AgencySystem:
        found = api_tokens.authenticate(db, credentials.credentials if credentials else None)
        if found is None:
            raise HTTPException(401, "Unauthorized", headers={"WWW-Authenticate": "Bearer"})
        wait = limiter.wait_for(found.token_id)
        if wait > 0:
            raise HTTPException(
                429, "Too Many Requests", headers={"Retry-After": str(math.ceil(wait))}
            )
        request.state.lang = _language(request)
        return found

    Caller = Annotated[AgencySystem, Depends(system)]

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, error: StarletteHTTPException) -> JSONResponse:
        headers = dict(error.headers or {})
        if error.status_code == 405:
            # Every method the path answers, not only those of the first route that matched it.
            methods = {
                method
                for route in app.routes
                if isinstance(route, APIRoute) and route.path_regex.match(request.url.path)
                for method in route.methods
            }
            headers["Allow"] = ", ".join(sorted(methods))
        return _problem(error.status_code, str(error.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        # Each problem says where and which rule (pydantic's code); its message is pydantic's.
        errors = [
            {"where": ".".join(str(p) for p in e["loc"]), "code": e["type"], "message": e["msg"]}
            for e in error.errors()
        ]
        detail = translate("api.invalid", _language(request), n=len(errors))
        return _problem(422, "Unprocessable Content", detail, errors)

    @app.exception_handler(PermissionDenied)
    async def forbidden(request: Request, error: PermissionDenied) -> JSONResponse:
        return _problem(403, "Forbidden", translate(error.key, _language(request), **error.params))

    @app.exception_handler(CockpitError)
    async def refused(request: Request, error: CockpitError) -> JSONResponse:
        lang = _language(request)
        return _problem(
            422,
            "Unprocessable Content",
            translate(error.key, lang, **error.params),
            [{"code": error.key, "params": error.params}],
        )

    def _period(text: str) -> pd.Period:
        try:
            return parse_period(text)
        except (InputError, ValueError) as error:
            raise InputError("error.period_unrecognised", str(error), period=text) from error

    @app.get("/api/v1/regimes", response_model=list[schemas.Regime], tags=["QCVN 125: regimes"])
    def regimes(caller: Caller, request: Request) -> list[schemas.Regime]:
        """The reporting regimes an obligation can fall under, with their deadline rule."""
        lang = request.state.lang
        return [
            schemas.Regime(
                code=regime.value,
                name=translate(f"regime.{regime.value}", lang),
                deadline_rule=translate(f"api.deadline.{regime.value}", lang),
            )
            for regime in Regime
        ]

    @app.get(
        "/api/v1/indicators", response_model=list[schemas.Indicator], tags=["QCVN 125: indicators"]
    )
    def indicators(caller: Caller) -> list[schemas.Indicator]:
        """The indicator catalogue."""
        frame = reporting.catalogue(db, caller)
        return [
            schemas.Indicator(**{k: (None if pd.isna(v) else v) for k, v in row.items()})
            for row in frame.to_dict("records")
        ]

    @app.get(
        "/api/v1/templates/{period}", response_model=schemas.Template, tags=["QCVN 125: templates"]
    )
    def template(
        caller: Caller,
        period: Annotated[str, Path(pattern=PERIOD_PATTERN, examples=["2025-03"])],
    ) -> schemas.Template:
        """What the caller's agency owes for a month (``2025-03``), a quarter (``2025-Q1``)
        or a year."""
        lines = reporting.template(db, caller, _period(period))
        return schemas.Template(
            agency_code=caller.agency_code,
            period=period,
            lines=[schemas.TemplateLine(**line.__dict__) for line in lines],
        )

    @app.get(
        "/api/v1/data", response_model=list[schemas.Observation], tags=["QCVN 125: report data"]
    )
    def data(
        caller: Caller,
        indicator: Annotated[str, Query(min_length=1, max_length=120, pattern=schemas.TEXT)],
        geography: Annotated[
            str, Query(min_length=1, max_length=20, pattern=schemas.TEXT)
        ] = NATIONAL_GEOGRAPHY,
    ) -> list[schemas.Observation]:
        """The latest known value of each period of one of the caller's series."""
        frame = reporting.data(db, caller, indicator, geography)
        return [
            schemas.Observation(
                indicator_code=row["indicator_code"],
                geography=geography,
                period=row["period"],
                value=float(row["value"]),
                status=row["status"],
                vintage=pd.Timestamp(row["vintage"]).date(),
            )
            for row in frame.to_dict("records")
        ]

    @app.post(
        "/api/v1/submissions",
        response_model=schemas.SubmissionOut,
        status_code=201,
        tags=["QCVN 125: report data"],
        responses={
            200: {"model": schemas.SubmissionOut, "description": "The same key was sent before"},
        },
    )
    def submit(
        caller: Caller,
        request: Request,
        body: schemas.SubmissionIn,
        idempotency_key: Annotated[str, Header(alias="Idempotency-Key", pattern=KEY_PATTERN)],
    ) -> JSONResponse:
        """Send a batch of values. They are checked like an uploaded template; valid rows are
        written as new vintages at once (or kept for review where the token says so)."""
        lang = request.state.lang
        rows = [row.model_dump() for row in body.rows]
        staged = intake.stage_batch(db, caller, idempotency_key, rows, lang)
        if not staged.already and not caller.review_first:
            intake.confirm(db, caller, staged.submission_id)
        found = reporting.submission_of(db, caller, staged.submission_id)
        if found is None:  # staged for this agency a moment ago: cannot happen
            raise HTTPException(500, "Internal Server Error")
        content = _submission(found, lang)
        return JSONResponse(
            content.model_dump(mode="json"), status_code=200 if staged.already else 201
        )

    @app.get(
        "/api/v1/submissions",
        response_model=list[schemas.SubmissionSummary],
        tags=["QCVN 125: report status"],
    )
    def submissions(caller: Caller) -> list[schemas.SubmissionSummary]:
        """The caller's agency's submissions, newest first."""
        frame = reporting.submissions_of(db, caller)
        frame = frame[frame["kind"] == "api"] if not frame.empty else frame
        return [
            schemas.SubmissionSummary(
                id=int(row["id"]),
                state=row["state"],
                idempotency_key=str(row["file_name"]).removeprefix("api:"),
                received_on=pd.Timestamp(row["vintage"]).date(),
                rows_written=None if pd.isna(row.get("rows_written")) else int(row["rows_written"]),
            )
            for row in frame.to_dict("records")
        ]

    @app.get(
        "/api/v1/submissions/{submission_id}",
        response_model=schemas.SubmissionOut,
        tags=["QCVN 125: report status"],
    )
    def submission(
        caller: Caller, request: Request, submission_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
    ) -> schemas.SubmissionOut:
        """A submission's state and each row's checks; another agency's is not found."""
        found = reporting.submission_of(db, caller, submission_id)
        if found is None:
            raise HTTPException(404, "Not Found")
        return _submission(found, request.state.lang)

    @app.get(
        "/api/v1/supply/{period}",
        response_model=list[schemas.SupplyCell],
        tags=["QCVN 125: report status"],
    )
    def supply(
        caller: Caller,
        period: Annotated[str, Path(pattern=PERIOD_PATTERN, examples=["2025-03"])],
    ) -> list[schemas.SupplyCell]:
        """For a period: each series the caller's agency owes, its deadline and its state."""
        cells = reporting.supply(db, caller, _period(period), today())
        return [
            schemas.SupplyCell(
                indicator_code=row["indicator_code"],
                geography=row["geography_code"],
                period=row["period"],
                due=row["due"],
                state=str(row["state"]),
                first_known=None
                if row["first_vintage"] is None or pd.isna(row["first_vintage"])
                else pd.Timestamp(row["first_vintage"]).date(),
            )
            for row in (cells.to_dict("records") if not cells.empty else [])
        ]

    def _submission(found: tuple[dict, pd.DataFrame], lang: str) -> schemas.SubmissionOut:
        header, rows = found
        checks = []
        for row in rows.to_dict("records") if not rows.empty else []:
            problems = [
                {"code": key, "params": params, "message": translate(key, lang, **params)}
                for key, params in row["messages"]
            ]
            value = row["value"]
            checks.append(
                schemas.RowCheck(
                    row=int(row["row_number"]),
                    indicator_code=row["indicator_code"],
                    geography=row["geography_code"],
                    period=row["period"],
                    value=None if value is None or pd.isna(value) else float(value),
                    outcome=row["outcome"],
                    problems=problems,
                )
            )
        counts: dict[str, int] = {}
        for check in checks:
            counts[check.outcome] = counts.get(check.outcome, 0) + 1
        return schemas.SubmissionOut(
            id=int(header["id"]),
            agency_code=header["agency_code"],
            state=header["state"],
            idempotency_key=str(header["file_name"]).removeprefix("api:"),
            received_on=header["vintage"],
            rows_written=header["rows_written"],
            counts=counts,
            rows=checks,
        )

    app.add_middleware(BodyLimit, limit=max_body_bytes)
    return app
