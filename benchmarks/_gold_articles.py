"""The gold articles (``../shared/examples``) through the pipeline, scored by ``newsgraph.evaluate``.

Articles are read with ``newsgraph.ingest.read`` (as the CLI reads them) and go
through one ``Pipeline().run`` call. Per-type entity counts are computed here
from the evaluator's own entity matching (``entity_context``): a matched pair
counts under the gold entity's type, an unmatched gold entity (not optional)
is a miss of its type, an unmatched prediction a false positive of its type.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _run import EXAMPLES, PRF, Errors, run_pipeline

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import DocScore, combine, gold_documents, score_document
from newsgraph.evaluate_items import entity_context
from newsgraph.evaluate_match import is_optional
from newsgraph.ingest import read
from newsgraph.record import Article


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldRun:
    """One gold article: its name, gold reading, predicted record (a dict) and score."""

    name: str
    gold: dict[str, Any]
    record: dict[str, Any] | None
    score: DocScore


def _article(path: Path) -> Article:
    items = [x for x in read([str(path)]) if isinstance(x, Article | NewsgraphError)]
    if not items or isinstance(items[0], NewsgraphError):
        raise RuntimeError(f"cannot read gold article {path}: {items[:1]}")
    return items[0]


def gold_runs(examples: Path = EXAMPLES) -> tuple[list[GoldRun], int]:
    """Every gold article extracted and scored, and how many extractions failed."""
    docs = gold_documents(examples)
    run = run_pipeline(_article(path) for path, _ in docs)
    out = []
    for (path, gold), record in zip(docs, run.records, strict=True):
        data = record.to_dict() if record is not None else None
        out.append(GoldRun(name=path.name, gold=gold, record=data,
                           score=score_document(gold, data, name=path.name)))
    return out, len(run.failures)


def total(runs: list[GoldRun]) -> DocScore:
    return combine(r.score for r in runs)


def entity_types(runs: list[GoldRun], errors: Errors | None = None) -> dict[str, PRF]:
    """Entity P/R/F1 per type (gold type for matches and misses, predicted type for extras)."""
    out: dict[str, PRF] = {}
    for run in runs:
        record = run.record or {}
        ctx = entity_context(record.get("text") or "", run.gold, record)
        gold = [g for g in run.gold.get("entities") or [] if isinstance(g, dict)]
        pred = [p for p in record.get("entities") or [] if isinstance(p, dict)]
        for i, g in enumerate(gold):
            prf = out.setdefault(str(g.get("type")), PRF())
            if i in ctx.entity_pairs:
                prf.add(tp=1)
            elif not is_optional(g):
                prf.add(fn=1)
                _note(errors, f"missed {g.get('type')}", run.name, g.get("key") or g.get("name"))
        matched = set(ctx.entity_pairs.values())
        for j, p in enumerate(pred):
            if j not in matched:
                out.setdefault(str(p.get("type")), PRF()).add(fp=1)
                _note(errors, f"extra {p.get('type')}", run.name, p.get("key"))
    return dict(sorted(out.items()))


def _note(errors: Errors | None, category: str, doc: str, what: Any) -> None:
    if errors is not None:
        errors.add(category, f"{doc}: {what}")
