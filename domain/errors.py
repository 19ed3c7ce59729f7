"""The errors the Cockpit raises on purpose, each with a translation key so the UI can say it in
the user's language.

A pure module cannot know the user's language, so it raises a :class:`CockpitError` with a message
key (looked up in ``ui/i18n.py``) and the values that go into the message. ``str(error)`` is an
English sentence, so logs and tests stay readable without the UI. Three kinds:

- :class:`InputError`: a value a user or a system supplied (URL, widget, upload, API body) that the
  Cockpit cannot use. It is a ``ValueError``, since that is what it is.
- :class:`PermissionDenied`: the signed-in role may not open a page or do an action.
- :class:`AuthError`: a sign-in was refused.

The last two are not ``ValueError``\\ s: an ``except ValueError`` around a computation must never
swallow a refusal.
"""

from __future__ import annotations

from typing import Any

SIGN_IN_FAILED = "error.sign_in_failed"
SIGN_IN_FAILED_MESSAGE = "wrong user name or password, or the account is temporarily locked"


class CockpitError(Exception):
    """An error worded for a person: a translation key, an English sentence and its values.

    Parameters
    ----------
    key:
        Translation key of the message, e.g. ``"error.period_not_month"``.
    message:
        The English sentence, with the offending value in it.
    **params:
        Values the translated message interpolates (``{period}``, ``{code}`` ...).
    """

    def __init__(self, key: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle without calling ``__init__``, whose arguments are not ``args``: an error raised
        in another process (a worker of the forecast batch) arrives whole, key and values too."""
        return (_unpickle, (type(self), self.args, self.__dict__))


def _unpickle(
    cls: type[CockpitError], args: tuple[Any, ...], state: dict[str, Any]
) -> CockpitError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class InputError(CockpitError, ValueError):
    """A value supplied by a user (URL, widget, upload) that the Cockpit cannot use."""


class PermissionDenied(CockpitError):
    """The signed-in role may not open this page or do this action."""


class AuthError(CockpitError):
    """A sign-in was refused; the message never says why, so it cannot confirm a user name."""

    def __init__(self) -> None:
        super().__init__(SIGN_IN_FAILED, SIGN_IN_FAILED_MESSAGE)
