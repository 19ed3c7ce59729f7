"""Whole numbers typed by a person or carried in a URL: ASCII digits only, and not too many.

``str.isdigit`` accepts superscripts ("²") and other scripts' digits that ``int`` then refuses or
reads differently, and Python refuses to convert a string of more than 4,300 digits; both reached
users as tracebacks. Every whole number that comes from outside goes through :func:`plain_whole`.
"""

from __future__ import annotations

import re

MAX_DIGITS = 9
_PLAIN = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


def plain_whole(text: str) -> int | None:
    """``text`` as a whole number of at least 0 if it is only ASCII digits (at most
    :data:`MAX_DIGITS` of them, surrounding spaces allowed), else None."""
    stripped = text.strip() if isinstance(text, str) else ""
    return int(stripped) if _PLAIN.fullmatch(stripped) else None
