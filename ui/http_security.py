"""Security headers on every HTTP answer of the app, and the metrics endpoint closed.

A page that another site can frame can be overlaid with a decoy and clicked through
(clickjacking), so every answer forbids framing, both the modern way (CSP ``frame-ancestors``) and
the old one (``X-Frame-Options``), and says not to guess content types or leak the address in the
``Referer``. HSTS is sent only over HTTPS (a proxy that ends TLS sets it there too; see the
README's production section). ``/_stcore/metrics`` tells anyone, signed in or not, about the
server's sessions and caches; it answers 404 unless ``COCKPIT_METRICS=on``.

This is plain ASGI middleware: it wraps Streamlit's own application (``ui/asgi.py``) and knows
nothing of Streamlit, so it is tested with a small ASGI app.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
CLOSED_PATHS = ("/_stcore/metrics",)
METRICS_VARIABLE = "COCKPIT_METRICS"


def metrics_open() -> bool:
    """Whether ``COCKPIT_METRICS=on`` asks to keep Streamlit's metrics endpoint open."""
    return os.environ.get(METRICS_VARIABLE, "").strip().lower() == "on"


class SecurityHeaders:
    """ASGI middleware: add :data:`SECURITY_HEADERS` to every HTTP answer (and :data:`HSTS` over
    HTTPS), replacing any the app set, and answer 404 to :data:`CLOSED_PATHS`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = SECURITY_HEADERS + ((HSTS,) if scope.get("scheme") == "https" else ())
        if not metrics_open() and scope.get("path", "").rstrip("/").endswith(CLOSED_PATHS):
            await not_found(send, added)
            return
        names = {name for name, _ in added}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*kept, *added]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def not_found(send: Send, headers: tuple[tuple[bytes, bytes], ...]) -> None:
    body = b"Not Found"
    await send(
        {
            "type": "http.response.start",
            "status": 404,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
