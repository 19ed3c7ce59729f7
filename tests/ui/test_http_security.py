"""Every HTTP answer forbids framing and carries the other security headers; the metrics endpoint
is closed unless asked for. Driven through a real Starlette app, as Streamlit's own is, by
calling it as an ASGI server would."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from ui.http_security import METRICS_VARIABLE, SecurityHeaders


def _page(request):  # type: ignore[no-untyped-def]
    return PlainTextResponse("page", headers={"X-Frame-Options": "ALLOWALL"})


APP = SecurityHeaders(
    Starlette(
        routes=[Route(path, _page) for path in ("/", "/_stcore/metrics", "/x/_stcore/metrics")]
    )
)


def _get(path: str, scheme: str = "http") -> tuple[int, dict[str, str], bytes]:
    """Send one GET through the middleware; the status, headers and body it answers."""
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": scheme,
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 5000),
    }
    # Its own thread: a browser test earlier in this worker may leave an event loop running here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, APP(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers: dict[str, str] = {}
    for name, value in start["headers"]:
        assert name.decode().lower() not in headers, f"{name!r} sent twice"
        headers[name.decode().lower()] = value.decode()
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], headers, body


def test_every_answer_forbids_framing_and_sniffing() -> None:
    status, headers, body = _get("/")
    assert (status, body) == (200, b"page")
    assert headers["x-frame-options"] == "DENY", "the app's own weaker value is replaced"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert "strict-transport-security" not in headers, "HSTS only over HTTPS"
    assert "max-age=" in _get("/", scheme="https")[1]["strict-transport-security"]


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/metrics/", "/x/_stcore/metrics"])
def test_metrics_are_closed_by_default(monkeypatch, path: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(METRICS_VARIABLE, raising=False)
    status, headers, _ = _get(path)
    assert status == 404 and headers["x-frame-options"] == "DENY"


def test_metrics_open_when_asked(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(METRICS_VARIABLE, "on")
    assert _get("/_stcore/metrics")[2] == b"page"
