"""One JSON error shape for every failure: ``{"error": {"code", "message", "detail"}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsgraphError, QueryError, StoreError

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
    415: "unsupported_media_type", 422: "invalid_request", 429: "too_many_requests",
    500: "internal_error", 503: "unavailable",
}


class ApiError(Exception):
    """An error an endpoint raises on purpose, with its status and code."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 detail: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.detail = detail
        self.headers = headers


def error_response(status: int, code: str, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "detail": jsonable_encoder(detail)}}
    return JSONResponse(body, status_code=status, headers=headers)


def not_found(exc: QueryError) -> ApiError:
    """A lookup that found nothing, as a 404 naming what was asked for."""
    return ApiError(404, exc.line(), code="not_found")


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.detail, exc.headers)


def _methods(routes: Any, path: str) -> set[str]:
    """Every method some route serves at ``path`` (routes may be split by method)."""
    found: set[str] = set()
    for route in routes:
        found |= _methods(getattr(route, "routes", ()), path)
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path) and getattr(route, "methods", None):
            found |= set(route.methods)
    return found


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        allowed = _methods(request.app.routes, request.url.path)
        headers["Allow"] = ", ".join(sorted(allowed))
    return error_response(exc.status_code, code, message, headers=headers or None)


def _clean(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validation errors without echoing the input back (it may be large or untrusted)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in errors]


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = _clean(list(exc.errors()))
    first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    return error_response(422, "invalid_request", f"{where}: {first['msg']}", detail)


async def _newsgraph_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, NewsgraphError)
    if isinstance(exc, QueryError):
        return error_response(400, "bad_query", exc.line())
    if isinstance(exc, StoreError):
        log.warning("store error: %s", exc.line())
        return error_response(503, "store_unavailable", exc.reason)  # never the store's path or URL
    return error_response(400, "bad_request", exc.line())


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "internal server error")


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(NewsgraphError, _newsgraph_error)
    app.add_exception_handler(Exception, _unexpected)
