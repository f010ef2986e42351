"""One partition of the input, extracted on a Dask worker and written as Parquet.

A partition file has one row per article, in input order: ``pos`` (its place in
the partition), ``id``, ``date``, ``record`` (the record as JSON text, or null) and
``error`` (the one-line reason the document failed, or null).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..errors import NewsgraphError
from ..record import Article, Record, record_from_dict

COLUMNS = ("pos", "id", "date", "record", "error")


@lru_cache(maxsize=4)
def _pipeline(options: tuple[tuple[str, Any], ...]) -> Any:
    """One pipeline per worker process and set of options (spaCy loads once)."""
    from ..pipeline import Pipeline

    return Pipeline(**dict(options))


def warm_up(options: tuple[tuple[str, Any], ...] = ()) -> bool:
    """Load the pipeline and its model on this worker (before timing, or the first partition)."""
    pipeline = _pipeline(options)
    pipeline.extract(Article(id="warm-up", text="The minister met the ambassador in 2022."))
    return True


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([("pos", pa.int64()), ("id", pa.string()), ("date", pa.string()),
                      ("record", pa.string()), ("error", pa.string())])


def extract_partition(articles: Sequence[Article], path: str,
                      options: tuple[tuple[str, Any], ...] = ()) -> dict[str, Any]:
    """Extract ``articles`` and write their records (or errors) to the Parquet file ``path``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for pos, (article, outcome) in enumerate(zip(articles, _pipeline(options).run(articles),
                                                 strict=True)):
        failed = isinstance(outcome, NewsgraphError)
        rows.append({"pos": pos, "id": article.id, "date": article.date,
                     "record": None if failed else outcome.to_json(),
                     "error": outcome.line() if failed else None})
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), path)
    return {"path": path, "documents": len(rows), "failed": sum(r["error"] is not None for r in rows)}


def read_partition(path: str) -> list[Record | str]:
    """The outcomes of a partition file in input order: a Record, or an error line."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["pos", "record", "error"]).sort_by("pos")
    return [record_from_dict(json.loads(r["record"])) if r["record"] is not None else r["error"]
            for r in table.to_pylist()]
