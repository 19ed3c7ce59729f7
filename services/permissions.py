"""Who may open which page and do which action: the Cockpit's four roles, as data.

A *role* is what a person is in the Cockpit's work: a **leader** sees every indicator, chart,
forecast and briefing and changes nothing; an **analyst** also tunes and publishes forecasts; a
**data officer** is bound to one agency (a ministry or a province) and submits and corrects data
only for the indicators that agency is responsible for; an **admin** manages users and roles, the
indicator catalogue, plan targets and the audit log.

Two registries say it all: :data:`PAGES` (page key -> roles that may open it) and :data:`ACTIONS`
(action -> roles that may do it). The service functions call :func:`require` before they change
anything, so a wrong role is refused there even if a page forgot to hide a button; navigation uses
:func:`pages_for` to show only what a role may open. Pure logic: no Streamlit, no database.
"""

from __future__ import annotations

from domain.errors import PermissionDenied
from domain.principal import Principal
from domain.vocabulary import Action, PageKey, Role

LEADER, ANALYST, DATA_OFFICER, ADMIN = Role.LEADER, Role.ANALYST, Role.DATA_OFFICER, Role.ADMIN
ROLES: tuple[Role, ...] = tuple(Role)

EVERYONE = frozenset(ROLES)

PAGES: dict[PageKey, frozenset[Role]] = {
    PageKey.OVERVIEW: EVERYONE,
    PageKey.EXPLORE: EVERYONE,
    PageKey.FORECAST_LAB: frozenset({ANALYST, ADMIN}),
    PageKey.SUPPLY: frozenset({DATA_OFFICER, ADMIN, LEADER}),
    PageKey.ADMIN_USERS: frozenset({ADMIN}),
    PageKey.ADMIN_AUDIT: frozenset({ADMIN}),
    PageKey.ADMIN_CATALOGUE: frozenset({ADMIN}),
    PageKey.GSO_IMPORT: frozenset({ANALYST, ADMIN}),
    PageKey.MONITOR: EVERYONE,
    PageKey.OUTLOOK: EVERYONE,
    PageKey.PRESENT: frozenset({LEADER, ANALYST, ADMIN}),
    PageKey.ADMIN_API: frozenset({ADMIN}),
}

ACTIONS: dict[Action, frozenset[Role]] = {
    Action.FORECAST_PUBLISH: frozenset({ANALYST}),
    Action.OBSERVATION_SUBMIT: frozenset({DATA_OFFICER}),
    Action.OBSERVATION_CORRECT: frozenset({DATA_OFFICER}),
    Action.USER_MANAGE: frozenset({ADMIN}),
    Action.CATALOGUE_CHANGE: frozenset({ADMIN}),
    Action.TARGET_CHANGE: frozenset({ADMIN}),
    Action.AUDIT_READ: frozenset({ADMIN}),
    Action.INTAKE_UPLOAD: frozenset({DATA_OFFICER}),
    Action.INTAKE_GSO_IMPORT: frozenset({ANALYST, ADMIN}),
    Action.INTAKE_CONFIRM: frozenset({DATA_OFFICER, ANALYST, ADMIN}),
    Action.INTAKE_REJECT: frozenset({DATA_OFFICER, ANALYST, ADMIN}),
    Action.OBLIGATION_CHANGE: frozenset({ADMIN}),
    Action.MONITOR_READ: EVERYONE,
    Action.BRIEFING_MAKE: frozenset({LEADER, ANALYST, ADMIN}),
    Action.API_TOKEN_MANAGE: frozenset({ADMIN}),
}

AGENCY_BOUND_ACTIONS = frozenset(
    {
        Action.OBSERVATION_SUBMIT,
        Action.OBSERVATION_CORRECT,
        Action.INTAKE_UPLOAD,
        Action.INTAKE_CONFIRM,
        Action.INTAKE_REJECT,
    }
)
"""Actions a data officer may do only for indicators of its own agency."""

__all__ = ["ACTIONS", "PAGES", "PermissionDenied", "Principal", "can", "can_open", "require"]


def can_open(role: str | None, page: str) -> bool:
    """Whether ``role`` may open ``page`` (``False`` for an unknown page or no role)."""
    return role in PAGES.get(page, frozenset())


def pages_for(role: str | None) -> list[str]:
    """The pages ``role`` may open, in the order of :data:`PAGES` (for the navigation)."""
    return [page for page, roles in PAGES.items() if role in roles]


def can(user: Principal | None, action: str, agency_code: str | None = None) -> bool:
    """Whether ``user`` may do ``action`` (on an indicator of ``agency_code``); never raises."""
    try:
        require(user, action, agency_code)
    except PermissionDenied:
        return False
    return True


def require_page(user: Principal | None, page: str) -> None:
    """Refuse with :class:`PermissionDenied` unless ``user`` may open ``page``.

    An unknown page key is a programming error (``ValueError``).
    """
    role = user.role if user is not None else None
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}; known: {', '.join(PAGES)}")
    if not can_open(role, page):
        raise PermissionDenied(
            "error.forbidden_page",
            f"the role {role or 'none (not signed in)'} may not open the page {page}",
            role=role or "-",
            page=page,
        )


def require(user: Principal | None, action: str, agency_code: str | None = None) -> None:
    """Refuse with :class:`PermissionDenied` unless ``user`` may do ``action``.

    Parameters
    ----------
    user:
        Who acts; ``None`` (nobody signed in) is refused everything.
    action:
        A key of :data:`ACTIONS`; an unknown action is a programming error (``ValueError``).
    agency_code:
        For :data:`AGENCY_BOUND_ACTIONS`, the agency responsible for the indicator concerned. A
        data officer is refused unless it is the officer's own agency (an indicator without a
        responsible agency belongs to nobody's officer).
    """
    require_role(user, action)
    if action in AGENCY_BOUND_ACTIONS and user is not None and user.role == DATA_OFFICER:
        own = user.agency_code
        if own is None or own != agency_code:
            raise PermissionDenied(
                "error.forbidden_agency",
                f"a data officer of {own or 'no agency'} may not do {action} on an indicator "
                f"of {agency_code or 'no agency'}",
                agency=own or "-",
                indicator_agency=agency_code or "-",
                action=action,
            )


def require_role(user: Principal | None, action: str) -> None:
    """Refuse with :class:`PermissionDenied` unless ``user``'s role may do ``action`` at all.

    The first half of :func:`require`, for a service that must refuse a wrong role before it
    looks anything up; it does not check the agency.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; known: {', '.join(ACTIONS)}")
    role = user.role if user is not None else None
    if role not in ACTIONS[action]:
        raise PermissionDenied(
            "error.forbidden",
            f"the role {role or 'none (not signed in)'} may not do {action}",
            role=role or "-",
            action=action,
        )
