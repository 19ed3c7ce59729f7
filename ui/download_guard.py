"""Downloads only for a signed-in browser: a copied download link alone fetches nothing.

Streamlit serves a download button's file at ``/media/<id>.<ext>`` to whoever asks while the page
that made it is open, so an audit-log CSV's link, pasted elsewhere, answered without any session.
This ASGI middleware lets such an answer (a ``/media/`` response that is an *attachment*) through
only when the request carries the browser's Cockpit session cookie and that session may still
sign its person in (``services.sessions.resume``), or Streamlit's own OIDC sign-in cookie, which is
HttpOnly and signed. Anything else gets 404, as if the file did not exist. Images and other inline
media (the favicon on the sign-in screen) are served as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from http.cookies import CookieError, SimpleCookie

import anyio

from data.engine import make_engine
from services import sessions
from ui.http_security import ASGIApp, Message, Receive, Scope, Send, not_found

OIDC_COOKIE = "_streamlit_user"
MEDIA_SEGMENT = "/media/"


def request_cookies(scope: Scope) -> dict[str, str]:
    """The cookies of an ASGI request, by name (an unreadable Cookie header gives none)."""
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name.lower() == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except CookieError:
                return {}
    return {name: morsel.value for name, morsel in jar.items()}


def cockpit_session_is_open(cookies: Mapping[str, str]) -> bool:
    """Whether ``cookies`` sign a person in: a live Cockpit session, or an OIDC sign-in."""
    if cookies.get(OIDC_COOKIE):
        return True
    token = cookies.get(sessions.COOKIE_NAME)
    if not token:
        return False
    engine = make_engine()
    try:
        return sessions.resume(engine, token) is not None
    finally:
        engine.dispose()


class SignedInDownloads:
    """ASGI middleware: a ``/media/`` attachment is sent only to a signed-in browser."""

    def __init__(
        self, app: ASGIApp, signed_in: Callable[[Mapping[str, str]], bool] | None = None
    ) -> None:
        self.app = app
        self.signed_in = signed_in or cockpit_session_is_open

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or MEDIA_SEGMENT not in scope.get("path", ""):
            await self.app(scope, receive, send)
            return
        refused = False

        async def send_if_allowed(message: Message) -> None:
            nonlocal refused
            if message["type"] == "http.response.start" and _is_attachment(message):
                cookies = request_cookies(scope)
                refused = not await anyio.to_thread.run_sync(self.signed_in, cookies)
                if refused:
                    await not_found(send, ())
                    return
            if not refused:
                await send(message)

        await self.app(scope, receive, send_if_allowed)


def _is_attachment(message: Message) -> bool:
    return any(
        name.lower() == b"content-disposition" and value.lower().startswith(b"attachment")
        for name, value in message.get("headers", [])
    )
