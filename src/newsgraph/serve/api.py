"""The HTTP API and the web UI in one FastAPI app: ``create_app(db)``.

The API lives under ``/api/v1`` (OpenAPI at ``/api/v1/openapi.json``); the web
UI is a static page at ``/`` with every script and style served from
``/static`` (nothing from elsewhere, no inline script, a strict CSP).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from .. import __version__
from . import openapi, problems, routes
from .cache import AnswerCache
from .middleware import BodyLimit, SecurityHeaders
from .state import DEFAULT_MAX_BODY, Settings, Stores, Writer, prepare

def _web() -> Path:
    return Path(str(resources.files("newsgraph.serve").joinpath("web")))


def create_app(db: str | os.PathLike[str], *, ingest_token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The app over the store at ``db`` (created if missing). Ingest (POST) is on only
    with an ``ingest_token``; request bodies over ``max_body`` bytes get a 413."""
    settings = Settings(db=str(db), ingest_token=ingest_token or None, max_body=max_body)
    prepare(settings.db)
    stores = Stores(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="newsgraph", version=__version__, lifespan=lifespan,
        description="Source-linked records from news: documents, entities, events, "
        "figures and their series, and the dossier of two entities.",
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
        openapi_tags=routes.TAGS,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.writer = Writer(settings.db)
    app.state.answers = AnswerCache()
    problems.install(app)
    app.include_router(routes.router())
    openapi.install(app)
    _mount_web(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def _mount_web(app: FastAPI) -> None:
    web = _web()
    app.mount("/static", StaticFiles(directory=web / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(web / "index.html", media_type="text/html; charset=utf-8")

