"""The Cockpit's vocabulary as enums: frequencies, statuses, roles, actions and page keys.

Each is a ``StrEnum`` whose values are exactly what the database stores and the URLs carry, so a
member compares equal to its stored text (``Role.ADMIN == "admin"``) and no migration is needed.
Nothing else in the Cockpit spells these values as loose strings.
"""

from __future__ import annotations

from enum import StrEnum

from domain.errors import InputError


class Frequency(StrEnum):
    """How often an indicator is measured, as the catalogue stores it.

    The database says ``"A"`` for a year (the statistical offices' "annual"); pandas, the URLs and
    period labels say ``"Y"``. :meth:`parse` reads both, and :attr:`pandas` gives pandas' alias.
    """

    MONTH = "M"
    QUARTER = "Q"
    YEAR = "A"

    @property
    def pandas(self) -> str:
        """The pandas period alias: ``"M"``, ``"Q"`` or ``"Y"``."""
        return _PANDAS[self]

    @property
    def periods_per_year(self) -> int:
        """Periods in a calendar year: 12, 4 or 1."""
        return _PER_YEAR[self]

    @classmethod
    def parse(cls, code: object) -> Frequency:
        """The frequency that ``code`` names: ``"M"``, ``"Q"``, ``"A"`` or ``"Y"``, any case.

        Raises
        ------
        InputError
            ``error.frequency_unknown`` for any other value.
        """
        found = _ALIASES.get(str(code).strip().upper())
        if found is None:
            raise InputError(
                "error.frequency_unknown",
                f"frequency {code} is not one of M (month), Q (quarter), Y (year)",
                freq=code,
            )
        return found


_PANDAS = {Frequency.MONTH: "M", Frequency.QUARTER: "Q", Frequency.YEAR: "Y"}
_PER_YEAR = {Frequency.MONTH: 12, Frequency.QUARTER: 4, Frequency.YEAR: 1}
_ALIASES = {"M": Frequency.MONTH, "Q": Frequency.QUARTER, "A": Frequency.YEAR, "Y": Frequency.YEAR}


NATIONAL_GEOGRAPHY = "VN"
"""The geography code of the country's series (a province's is ``P63-xx`` or ``P34-xx``)."""


class Status(StrEnum):
    """How final an observation is, from a first estimate to a revision of an official figure.

    When two rows of a period share a vintage, the later status wins (:attr:`rank`).
    """

    ESTIMATE = "estimate"
    PRELIMINARY = "preliminary"
    OFFICIAL = "official"
    REVISED = "revised"

    @property
    def rank(self) -> int:
        """0 for an estimate up to 3 for a revision."""
        return list(Status).index(self)


class IndicatorKind(StrEnum):
    """What an indicator's numbers are, which decides the aggregations and transformations that
    make sense for it (a quarterly *sum* of a monthly % rate means nothing).

    ``FLOW`` is an amount over a period (a month's exports): periods add up. ``STOCK`` is an amount
    at a moment (debt outstanding, population): the last period of a quarter stands for it.
    ``LEVEL`` is a price or other level that is neither (an exchange rate): periods average.
    ``INDEX`` is an index number on a base (CPI, 2019 = 100). ``RATE`` is a percentage or ratio
    (growth on a year earlier, an unemployment rate). ``YTD`` is a year-to-date cumulative amount.
    """

    FLOW = "flow"
    STOCK = "stock"
    LEVEL = "level"
    INDEX = "index"
    RATE = "rate"
    YTD = "ytd"


class AgencyEvidence(StrEnum):
    """How well a dated fact about an agency (its validity, its successor) is established, as the
    domain notes tag it: only a confirmed fact is shown without a warning."""

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"


class Role(StrEnum):
    """What a person is in the Cockpit's work (see ``services.permissions`` for what each may)."""

    LEADER = "leader"
    ANALYST = "analyst"
    DATA_OFFICER = "data_officer"
    ADMIN = "admin"


class Action(StrEnum):
    """What a person or a system does: the permissions' keys and the audit log's actions."""

    SIGN_IN_SUCCESS = "sign_in.success"
    SIGN_IN_FAILURE = "sign_in.failure"
    SIGN_OUT = "sign_out"
    USER_MANAGE = "user.manage"
    USER_CREATE = "user.create"
    USER_ROLE_CHANGE = "user.role_change"
    USER_DEACTIVATE = "user.deactivate"
    USER_REACTIVATE = "user.reactivate"
    USER_PASSWORD_RESET = "user.password_reset"  # noqa: S105 - an action's name, not a password
    USER_UNLOCK = "user.unlock"
    OBSERVATION_SUBMIT = "observation.submit"
    OBSERVATION_CORRECT = "observation.correct"
    FORECAST_PUBLISH = "forecast.publish"
    CATALOGUE_CHANGE = "catalogue.change"
    TARGET_CHANGE = "target.change"
    AUDIT_READ = "audit.read"
    INTAKE_UPLOAD = "intake.upload"
    INTAKE_GSO_IMPORT = "intake.gso_import"
    INTAKE_CONFIRM = "intake.confirm"
    INTAKE_REJECT = "intake.reject"
    OBLIGATION_CHANGE = "obligation.change"
    MONITOR_READ = "monitor.read"
    BRIEFING_MAKE = "briefing.make"
    API_TOKEN_MANAGE = "api_token.manage"  # noqa: S105 - an action's name, not a secret
    API_TOKEN_ISSUE = "api_token.issue"  # noqa: S105 - an action's name, not a secret
    API_TOKEN_REVOKE = "api_token.revoke"  # noqa: S105 - an action's name, not a secret

    @property
    def group(self) -> str:
        """The family an audit filter may name: ``"user"`` for every ``user.*``."""
        return self.value.split(".")[0]


AUDITED_ACTIONS: tuple[Action, ...] = (
    Action.SIGN_IN_SUCCESS,
    Action.SIGN_IN_FAILURE,
    Action.SIGN_OUT,
    Action.USER_CREATE,
    Action.USER_ROLE_CHANGE,
    Action.USER_DEACTIVATE,
    Action.USER_REACTIVATE,
    Action.USER_PASSWORD_RESET,
    Action.USER_UNLOCK,
    Action.OBSERVATION_SUBMIT,
    Action.OBSERVATION_CORRECT,
    Action.FORECAST_PUBLISH,
    Action.CATALOGUE_CHANGE,
    Action.TARGET_CHANGE,
    Action.INTAKE_UPLOAD,
    Action.INTAKE_GSO_IMPORT,
    Action.INTAKE_CONFIRM,
    Action.INTAKE_REJECT,
    Action.OBLIGATION_CHANGE,
    Action.API_TOKEN_ISSUE,
    Action.API_TOKEN_REVOKE,
)
"""Every action the audit trail knows; ``data.audit.record`` refuses any other, so filters stay
exhaustive."""

ACTION_GROUPS: tuple[str, ...] = tuple(dict.fromkeys(a.group for a in AUDITED_ACTIONS))
"""Prefixes a filter may use for a family of actions: ``"user"`` matches every ``user.*``."""


class PageKey(StrEnum):
    """The Cockpit's screens, as the router, the permissions and the translation table name them."""

    OVERVIEW = "overview"
    EXPLORE = "explore"
    FORECAST_LAB = "forecast_lab"
    SUPPLY = "supply"
    ADMIN_USERS = "admin_users"
    ADMIN_CATALOGUE = "admin_catalogue"
    ADMIN_AUDIT = "admin_audit"
    GSO_IMPORT = "gso_import"
    MONITOR = "monitor"
    OUTLOOK = "outlook"
    PRESENT = "present"
    ADMIN_API = "admin_api"


class SubmissionKind(StrEnum):
    """Where a staged submission came from: an agency's filled template, or GSO's own monthly
    workbook imported by an analyst."""

    UPLOAD = "upload"
    GSO_WORKBOOK = "gso_workbook"
    API = "api"


class SubmissionState(StrEnum):
    """A submission's life: staged (checked, nothing written), then confirmed (its valid rows
    written as new vintages) or rejected (nothing written, kept for the record)."""

    STAGED = "staged"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class RowOutcome(StrEnum):
    """What the checks made of one row of a submission.

    ``VALID`` is written on confirmation; ``WARNING`` (plausible but unusual) only if the person
    confirms it; ``UNCHANGED`` repeats the value already known and adds nothing; ``ERROR`` is never
    written and says why; ``EMPTY`` is a template row left blank."""

    VALID = "valid"
    WARNING = "warning"
    UNCHANGED = "unchanged"
    EMPTY = "empty"
    ERROR = "error"


class Regime(StrEnum):
    """Under which rule an agency owes an indicator: GSO's statistical release (calendar periods)
    or a Decree 09 periodic report (cut-off from the 15th to the 14th)."""

    STATISTICAL = "statistical"
    DECREE_09 = "decree_09"


class SupplyState(StrEnum):
    """A cell of the supply monitor: one obligation for one period."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    REVISED = "revised"
    NOT_DUE = "not_due"
