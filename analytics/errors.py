"""Errors a user can cause, with a translation key so the UI can say them in the user's language.

A pure module cannot know the user's language, so it raises :class:`InputError` with a message key
(looked up in ``ui/i18n.py``) and the values that go into the message. ``str(error)`` is an English
sentence, so logs and tests stay readable without the UI.
"""

from __future__ import annotations

from typing import Any


class InputError(ValueError):
    """A value supplied by a user (URL, widget, upload) that the Cockpit cannot use.

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
