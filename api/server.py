"""Serve the API with uvicorn: ``python -m api.server [--host 127.0.0.1] [--port 8000]`` (``make
api``), on the database of ``COCKPIT_DATABASE_URL`` (the SQLite file of ``make run`` by default)."""

from __future__ import annotations

import argparse

import uvicorn

from api.app import create_app


def main(argv: list[str] | None = None) -> None:
    """Parse the address and serve until stopped."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if args.workers > 1:
        uvicorn.run(
            "api.server:app",
            host=args.host,
            port=args.port,
            workers=args.workers,
            factory=False,
            log_level="warning",
        )
    else:
        uvicorn.run(create_app(), host=args.host, port=args.port, log_level="warning")


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    """``api.server:app`` for uvicorn's workers: each process builds its own app."""
    if name == "app":
        return create_app()
    raise AttributeError(name)


if __name__ == "__main__":
    main()
