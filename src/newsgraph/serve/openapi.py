"""The OpenAPI document, with the one error shape in place of FastAPI's default 422."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from .schemas import ErrorBody

_ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}
_ERROR = {"content": {"application/json": {"schema": _ERROR_REF}}}
_METHODS = ("get", "post", "put", "patch", "delete")


def _fix_operation(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    if "422" in responses:
        responses["422"] = {"description": "Invalid request (parameters or body).", **_ERROR}
    responses.setdefault("default", {"description": "An error, in the one error shape.", **_ERROR})


def install(app: FastAPI) -> None:
    """Generate the schema once, every error response documented as ``ErrorBody``."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes, tags=app.openapi_tags)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
                              .pop("$defs", {}))
            components["ErrorBody"] = ErrorBody.model_json_schema(
                ref_template="#/components/schemas/{model}")
            for name in ("HTTPValidationError", "ValidationError"):
                components.pop(name, None)
            for path in schema.get("paths", {}).values():
                for method in _METHODS:
                    if method in path:
                        _fix_operation(path[method])
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
