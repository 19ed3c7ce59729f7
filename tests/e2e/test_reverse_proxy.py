"""The deployment of the README: nginx in front of two app servers, over TLS. Every page answers
through it with each security header once (HSTS included), the metrics endpoint is closed there,
plain HTTP is sent to HTTPS, and a browser signs in and draws the Overview through the proxy
(its websocket included), whichever app server it lands on.

Run alone by ``make deploy-check``; ``make test`` runs it with the other browser tests.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from deploy.render import render
from tests.e2e.app_server import free_port, seeded_server, serving_app
from tests.e2e.conftest import ACCOUNTS, PASSWORD, VIEWPORT, sign_in
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

NGINX = "/usr/sbin/nginx"
HEADERS = {
    "content-security-policy": "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
}


TRUSTED = ssl.create_default_context()
"""Trusts the certificate made for the run (and the system's), hostname checked."""


def _certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(certificate)),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


def _wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {log.read_text() if log.exists() else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise RuntimeError("nginx did not answer within 20 s")


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(https URL, http URL) of nginx in front of two app servers on one database; the run's
    certificate is trusted by :data:`TRUSTED`."""
    if not os.access(NGINX, os.X_OK) or shutil.which("openssl") is None:
        pytest.fail("the reverse-proxy check needs nginx and openssl: scripts/ensure_nginx.sh")
    folder = tmp_path_factory.mktemp("proxy")
    with (
        seeded_server(folder, {ACCOUNTS["leader"]: "leader"}, PASSWORD) as (first, database_url),
        serving_app(database_url, folder / "app2.log") as second,
    ):
        http_port, https_port = free_port(), free_port()
        certificate, key = _certificate(folder)
        TRUSTED.load_verify_locations(cafile=str(certificate))
        upstreams = [url.removeprefix("http://") for url in (first, second)]
        config = folder / "nginx.conf"
        config.write_text(
            render(
                folder,
                upstreams,
                certificate,
                key,
                f"127.0.0.1:{http_port}",
                f"127.0.0.1:{https_port}",
            )
        )
        nginx = subprocess.Popen(
            [NGINX, "-p", str(folder), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for_port(http_port, nginx, folder / "error.log")
            yield f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}"
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)


def _get(url: str) -> tuple[int, dict[str, list[str]]]:
    try:
        answer = urllib.request.urlopen(url, timeout=10, context=TRUSTED)  # noqa: S310
    except urllib.error.HTTPError as error:
        answer = error
    with answer:
        headers: dict[str, list[str]] = {}
        for name, value in answer.headers.items():
            headers.setdefault(name.lower(), []).append(value)
        return answer.status, headers


@pytest.mark.parametrize("path", ["/", "/kham-pha", "/_stcore/health", "/nothing-here"])
def test_every_answer_carries_each_security_header_once(proxy, path: str) -> None:  # type: ignore[no-untyped-def]
    https, _ = proxy
    status, headers = _get(f"{https}{path}")
    assert status == 200, path
    for name, value in HEADERS.items():
        assert headers.get(name) == [value], (path, name, headers.get(name))
    assert "server" not in headers or headers["server"] == ["nginx"], "no version is told"


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/metrics/", "/x/_stcore/metrics"])
def test_the_metrics_are_closed_at_the_proxy(proxy, path: str) -> None:  # type: ignore[no-untyped-def]
    https, _ = proxy
    status, headers = _get(f"{https}{path}")
    assert status == 404
    assert headers["x-frame-options"] == ["DENY"]


def test_plain_http_is_sent_to_https(proxy) -> None:  # type: ignore[no-untyped-def]
    https, http = proxy

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(f"{http}/kham-pha?ind=EXP_M.TOTAL", timeout=10)
    assert answer.value.code == 308
    assert answer.value.headers["location"] == f"{https}/kham-pha?ind=EXP_M.TOTAL"


def test_a_browser_signs_in_and_draws_through_the_proxy(browser: Browser, proxy) -> None:  # type: ignore[no-untyped-def]
    https, _ = proxy
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN", ignore_https_errors=True)
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        page.goto(https)
        sign_in(page)
        expect(page.get_by_role("heading", name=translate("overview.title", "vi"))).to_be_visible(
            timeout=60_000
        )
    finally:
        context.close()
