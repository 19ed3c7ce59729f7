"""The last guard of a page: an error nobody foresaw is logged in full on the server and shown to
the user as one short sentence in their language with an error id, never as a traceback.

The id joins what the user reports to the server's log line. ``COCKPIT_RAISE_UNEXPECTED=1`` lets
the error through instead, for the test suite, whose page tests must see every exception.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable

import streamlit as st

from ui.i18n import t

RAISE_VARIABLE = "COCKPIT_RAISE_UNEXPECTED"
LOGGER = logging.getLogger("cockpit.unexpected")


def run_guarded(page: Callable[[], None]) -> None:
    """Run ``page``; an unexpected error is logged with an id and shown as a short message.

    Streamlit's own stop and rerun signals are not ``Exception``s and pass through untouched.
    """
    try:
        page()
    except Exception:
        if os.environ.get(RAISE_VARIABLE) == "1":
            raise
        error_id = secrets.token_hex(4)
        LOGGER.exception("unexpected error %s", error_id)
        st.error(t("error.unexpected", id=error_id), icon=":material/error:")
