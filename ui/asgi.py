"""The app as an ASGI application: Streamlit's own, wrapped in the security middleware.

``ui.server`` runs ``streamlit run`` on this module; Streamlit finds :data:`app` and serves it with
its embedded server, exactly as it would serve ``app.py``, behind
:class:`ui.http_security.SecurityHeaders` and :class:`ui.download_guard.SignedInDownloads`.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from ui.download_guard import SignedInDownloads
from ui.http_security import SecurityHeaders

APP = Path(__file__).resolve().parent.parent / "app.py"

app = st.App(str(APP), middleware=[Middleware(SecurityHeaders), Middleware(SignedInDownloads)])
