"""The API's bodies (pydantic). Field names are the Cockpit's own: QCVN 125:2021/BTTTT names its
packets, but the text of its field tables was not available (``../shared/domain/QCVN125.md``), so
no field here claims to be the standard's. Each model says which packet it stands for."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr

from domain.vocabulary import NATIONAL_GEOGRAPHY

MAX_ROWS = 5000
TEXT = r"^[^\x00]*$"
"""Text without a NUL character, which is not text (the database refuses it)."""


class Problem(BaseModel):
    """An error, as RFC 9457 words one (``application/problem+json``), with the problems found."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: list[dict] = Field(default_factory=list)


class Regime(BaseModel):
    """A reporting regime (QCVN 125 packet 1, "gói tin chế độ báo cáo")."""

    code: str
    name: str
    deadline_rule: str


class Indicator(BaseModel):
    """An indicator of the catalogue (packet 9, "gói tin danh mục chỉ tiêu báo cáo")."""

    code: str
    name_vi: str
    name_en: str
    unit: str
    frequency: str
    agency_code: str | None = None


class TemplateLine(BaseModel):
    """One series an agency owes for a period (packet 2, "gói tin biểu mẫu báo cáo")."""

    indicator_code: str
    indicator_name: str
    unit: str
    geography: str
    period: str
    last_period: str = ""
    last_value: float | None = None


class Template(BaseModel):
    """What an agency owes for a period: the lines of its upload template."""

    agency_code: str
    period: str
    lines: list[TemplateLine]


class Observation(BaseModel):
    """A value of report data (packet 4, "gói tin số liệu báo cáo")."""

    indicator_code: str
    geography: str
    period: str
    value: float
    status: str
    vintage: dt.date


class RowIn(BaseModel):
    """One value sent: the upload template's columns. ``value`` may be a number or text written
    the Vietnamese way ("6,5")."""

    model_config = ConfigDict(extra="forbid")

    indicator_code: str = Field(min_length=1, max_length=120, pattern=TEXT)
    period: str = Field(min_length=1, max_length=20, pattern=TEXT, examples=["2025-03"])
    value: StrictFloat | StrictInt | Annotated[StrictStr, Field(max_length=100, pattern=TEXT)] = (
        Field(examples=[3.12])
    )
    geography: str = Field(default=NATIONAL_GEOGRAPHY, min_length=1, max_length=20, pattern=TEXT)
    status: str = Field(default="official", max_length=12, pattern=TEXT)
    unit: str | None = Field(default=None, max_length=120, pattern=TEXT)
    source: str | None = Field(default=None, max_length=2000, pattern=TEXT)


class SubmissionIn(BaseModel):
    """A batch of values from an agency's system (packet 4), at most :data:`MAX_ROWS` rows."""

    model_config = ConfigDict(extra="forbid")

    rows: list[RowIn] = Field(min_length=1, max_length=MAX_ROWS)


class RowCheck(BaseModel):
    """A row's outcome and the reasons, machine-readable (``code``, ``params``) and in words."""

    row: int
    indicator_code: str | None
    geography: str | None
    period: str | None
    value: float | None
    outcome: str
    problems: list[dict]


class SubmissionOut(BaseModel):
    """A submission's state and its per-row checks (packet 7, "gói tin trạng thái báo cáo")."""

    id: int
    agency_code: str
    state: str
    idempotency_key: str
    received_on: dt.date
    rows_written: int | None
    counts: dict[str, int]
    rows: list[RowCheck]


class SubmissionSummary(BaseModel):
    """A submission in a list."""

    id: int
    state: str
    idempotency_key: str
    received_on: dt.date
    rows_written: int | None


class SupplyCell(BaseModel):
    """Whether one owed series came on time for a period (the agency's supply status)."""

    indicator_code: str
    geography: str
    period: str
    due: dt.date
    state: str
    first_known: dt.date | None = None
