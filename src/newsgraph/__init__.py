"""newsgraph: news in, a source-linked record out.

The public API. Names are imported on first use, so that ``import newsgraph``
(and the command line) start fast; spaCy loads only when a pipeline runs.

>>> from newsgraph import Pipeline, read, Store                    # doctest: +SKIP
>>> records = list(Pipeline().run(read(["samples/"])))            # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "newsgraph.record",
    "Record": "newsgraph.record",
    "Entity": "newsgraph.record",
    "Mention": "newsgraph.record",
    "Role": "newsgraph.record",
    "Time": "newsgraph.record",
    "Quantity": "newsgraph.record",
    "Claim": "newsgraph.record",
    "Change": "newsgraph.record",
    "Event": "newsgraph.record",
    "Quote": "newsgraph.record",
    "document_id": "newsgraph.record",
    "record_from_dict": "newsgraph.record",
    "json_schema": "newsgraph.record",
    "NewsgraphError": "newsgraph.errors",
    "InputError": "newsgraph.errors",
    "ExtractionError": "newsgraph.errors",
    "PipelineConfigError": "newsgraph.errors",
    "StoreError": "newsgraph.errors",
    "QueryError": "newsgraph.errors",
    "ReadOptions": "newsgraph.ingest",
    "read": "newsgraph.ingest",
    "Pipeline": "newsgraph.pipeline",
    "extract": "newsgraph.pipeline",
    "register": "newsgraph.extract.registry",
    "Store": "newsgraph.store",
    "open_store": "newsgraph.store",
    "export": "newsgraph.store",
    "ingest_stream": "newsgraph.ingesting",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
