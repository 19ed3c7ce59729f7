"""Whoever acts: the shape every service expects of the person or system it acts for."""

from __future__ import annotations

from typing import Protocol


class Principal(Protocol):
    """A signed-in user (``services.accounts.User``) or the system itself."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> str: ...

    @property
    def agency_code(self) -> str | None: ...
