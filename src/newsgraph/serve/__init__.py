"""The HTTP API and web UI: ``newsgraph serve --db FILE``, or ``create_app(db)`` for ASGI servers."""

from .api import create_app

__all__ = ["create_app"]
