"""Write the nginx configuration that puts the Cockpit behind a TLS reverse proxy.

``python -m deploy.render --prefix /srv/cockpit-proxy --upstream 127.0.0.1:8501 --upstream
127.0.0.1:8502 --certificate cert.pem --key key.pem`` writes ``<prefix>/nginx.conf`` from
``deploy/nginx.conf.template``; ``nginx -p <prefix> -c <prefix>/nginx.conf`` then serves it. The
template's own ``$host``-style nginx variables are left as they are; only ``${NAME}`` fields of
:func:`render` are filled.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"


def render(
    prefix: Path,
    upstreams: list[str],
    certificate: Path,
    key: Path,
    http_address: str = "80",
    https_address: str = "443",
) -> str:
    """The nginx configuration for app servers at ``upstreams`` (``host:port`` each), listening
    on ``http_address`` (a redirect to HTTPS) and ``https_address`` (``port`` or ``host:port``),
    keeping its pid, logs and temporary files under ``prefix``."""
    if not upstreams:
        raise ValueError("at least one app server (--upstream host:port) is needed")
    fields = {
        "PREFIX": str(prefix),
        "UPSTREAM_SERVERS": "\n".join(f"        server {address};" for address in upstreams),
        "HTTP_ADDRESS": http_address,
        "HTTPS_ADDRESS": https_address,
        "HTTPS_PORT": https_address.rsplit(":", 1)[-1],
        "CERTIFICATE": str(certificate),
        "CERTIFICATE_KEY": str(key),
    }
    return Template(TEMPLATE.read_text()).safe_substitute(fields)


def main() -> None:
    """Write ``<prefix>/nginx.conf`` from the command line's arguments."""
    parser = argparse.ArgumentParser(prog="python -m deploy.render", description=__doc__)
    parser.add_argument("--prefix", type=Path, required=True)
    parser.add_argument("--upstream", action="append", required=True, help="host:port")
    parser.add_argument("--certificate", type=Path, required=True)
    parser.add_argument("--key", type=Path, required=True)
    parser.add_argument("--http", default="80", help="port or address:port")
    parser.add_argument("--https", default="443", help="port or address:port")
    arguments = parser.parse_args()
    arguments.prefix.mkdir(parents=True, exist_ok=True)
    text = render(
        arguments.prefix.resolve(),
        arguments.upstream,
        arguments.certificate.resolve(),
        arguments.key.resolve(),
        arguments.http,
        arguments.https,
    )
    (arguments.prefix / "nginx.conf").write_text(text)
    print(f"Wrote {arguments.prefix / 'nginx.conf'}")


if __name__ == "__main__":
    main()
