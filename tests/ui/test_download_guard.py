"""The download guard sends a /media/ attachment only to a signed-in browser and leaves inline
media and other paths alone. Driven through a small Starlette app as an ASGI server would."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

from services import sessions
from ui.download_guard import OIDC_COOKIE, SignedInDownloads, request_cookies


def _attachment(request):  # type: ignore[no-untyped-def]
    return Response(b"audit,rows", headers={"Content-Disposition": 'attachment; filename="a.csv"'})


def _inline(request):  # type: ignore[no-untyped-def]
    return Response(b"png", media_type="image/png")


ROUTES = [
    Route("/media/a.csv", _attachment),
    Route("/media/icon.png", _inline),
    Route("/report.csv", _attachment),
]
SEEN: list[dict[str, str]] = []


def _only_token_ok(cookies) -> bool:  # type: ignore[no-untyped-def]
    SEEN.append(dict(cookies))
    return cookies.get(sessions.COOKIE_NAME) == "good-token"


APP = SignedInDownloads(Starlette(routes=ROUTES), signed_in=_only_token_ok)


def _get(path: str, cookie: str | None = None) -> tuple[int, bytes]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    headers = [(b"host", b"testserver")] + ([(b"cookie", cookie.encode())] if cookie else [])
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 5000),
    }
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, APP(scope, receive, send)).result()
    [start] = [m for m in sent if m["type"] == "http.response.start"]
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], body


@pytest.mark.parametrize(
    ("cookie", "expected"),
    [
        (None, (404, b"Not Found")),
        ("other=1", (404, b"Not Found")),
        (f"{sessions.COOKIE_NAME}=stolen", (404, b"Not Found")),
        (f"{sessions.COOKIE_NAME}=good-token; theme=dark", (200, b"audit,rows")),
    ],
)
def test_an_attachment_needs_a_signed_in_browser(cookie: str | None, expected) -> None:  # type: ignore[no-untyped-def]
    assert _get("/media/a.csv", cookie) == expected


def test_inline_media_and_other_paths_are_not_guarded() -> None:
    SEEN.clear()
    assert _get("/media/icon.png") == (200, b"png")
    assert _get("/report.csv") == (200, b"audit,rows")
    assert SEEN == [], "no session lookup for what is not a media attachment"


def test_cookies_are_read_from_the_header_and_a_broken_header_gives_none() -> None:
    scope = {"headers": [(b"cookie", f"a=1; {OIDC_COOKIE}=x".encode())]}
    assert request_cookies(scope) == {"a": "1", OIDC_COOKIE: "x"}
    assert request_cookies({"headers": [(b"cookie", b'a="unclosed')]}) == {}
