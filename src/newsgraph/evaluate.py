"""Scoring predicted records against gold readings of articles.

The gold format is that of ``examples/*/*.expected.json``: expected items with
accepted alternatives (``*_also``), ``optional`` items that cost nothing when
missed and count when found, times given by ``text`` and quotes by
``text_starts``. Predicted records are dicts in the shape of
``spec/record.md`` (``Record.to_dict()`` or the CLI's JSON), so CLI output is
scored as it is.

Per item kind the score is precision, recall and F1 over a one-to-one greedy
matching. Conventions: a ratio with a zero denominator is 0.0 (so an empty
prediction has precision 0.0 and recall 0.0), except that a kind with nothing
expected and nothing predicted scores 1.0. Kinds:

- ``entities`` by key, or by type (or ``also_type``) and normalized name/alias;
- ``roles`` by entity, title and ``of``; ``role_to`` accuracy among them;
- ``times`` by overlapping span and equal value; ``times_span`` by span only
  (``time_value`` accuracy among those);
- ``claims`` by value (0.5%), unit, period and subject; ``claims_value`` by
  value and unit only, with the attribute accuracies ``claim_*`` among those;
- ``events`` by type, participants and date; ``events_loose`` without type
  (``event_type`` accuracy among those); ``event_cameo``, ``event_topics``,
  ``event_place`` accuracies among the full matches;
- ``quotes`` by speaker and overlapping span; ``quotes_span`` by span only
  (``quote_speaker``, ``quote_direct`` among those);
- ``mention_attribution``: the share of gold mention strings found, by text,
  among the mentions of the matched predicted entity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluate_facts import score_claims, score_events, score_quotes
from newsgraph.evaluate_items import (
    entity_context, score_entities, score_roles, score_times,
)
from newsgraph.evaluate_match import Counts, Ratio
from newsgraph.evaluate_oracle import gold_record

__all__ = [
    "Counts", "Ratio", "DocScore", "KINDS", "score_document", "combine",
    "load_gold", "gold_documents", "gold_record", "check_floors",
]

KINDS = ("entities", "roles", "times", "times_span", "claims", "claims_value",
         "events", "events_loose", "quotes", "quotes_span")

_SCORERS = (score_entities, score_roles, score_times, score_claims, score_events,
            score_quotes)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocScore:
    """The scores of one document (or, combined, of several)."""

    doc: str
    counts: dict[str, Counts] = field(default_factory=dict)
    accuracy: dict[str, Ratio] = field(default_factory=dict)

    def figures(self) -> dict[str, float | None]:
        """Flat figures: ``<kind>_p``, ``<kind>_r``, ``<kind>_f1``, ``<name>_acc``."""
        out: dict[str, float | None] = {}
        for kind, c in self.counts.items():
            out |= {f"{kind}_p": c.precision, f"{kind}_r": c.recall, f"{kind}_f1": c.f1}
        return out | {f"{name}_acc": r.value for name, r in self.accuracy.items()}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: counts, accuracies and the flat figures."""
        return {
            "doc": self.doc,
            "counts": {k: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for k, c in self.counts.items()},
            "accuracy": {k: {"correct": r.correct, "total": r.total}
                         for k, r in self.accuracy.items()},
            "figures": self.figures(),
        }


def score_document(gold: dict[str, Any], record: dict[str, Any] | None, *,
                   text: str | None = None, name: str | None = None) -> DocScore:
    """Score one predicted record (a dict) against one gold reading.

    ``text`` is what gold strings are located in; it defaults to the record's
    ``text`` (the one its offsets index). A missing record scores as empty.
    """
    record = record or {}
    text = record.get("text") if text is None else text
    ctx = entity_context(text or "", gold, record)
    counts: dict[str, Counts] = {}
    accuracy: dict[str, Ratio] = {}
    for scorer in _SCORERS:
        c, a = scorer(ctx)
        counts |= c
        accuracy |= a
    return DocScore(doc=name or gold.get("file") or "", counts=counts, accuracy=accuracy)


def combine(scores: Iterable[DocScore], name: str = "all") -> DocScore:
    """Micro-averaged scores: counts summed over documents."""
    counts: dict[str, Counts] = {}
    accuracy: dict[str, Ratio] = {}
    for score in scores:
        for kind, c in score.counts.items():
            counts[kind] = counts.get(kind, Counts()) + c
        for key, r in score.accuracy.items():
            accuracy[key] = accuracy.get(key, Ratio()) + r
    return DocScore(doc=name, counts=counts, accuracy=accuracy)


def load_gold(path: str | Path) -> dict[str, Any]:
    """A gold file, checked for the fields scoring needs."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read gold file: {error}", where=str(path)) from error
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        raise InputError("not a gold file: no 'file' naming its article", where=str(path))
    return data


def gold_documents(examples: str | Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every ``(article path, gold)`` under ``examples``, sorted by article path.

    Gold files are ``*.json`` files with a ``file`` field naming the article
    beside them (``expected.json``, ``*.expected.json``).
    """
    out = []
    for path in sorted(Path(examples).rglob("*.json")):
        gold = load_gold(path)
        article = path.parent / gold["file"]
        if not article.is_file():
            raise InputError(f"article {gold['file']!r} not found", where=str(path))
        out.append((article, gold))
    return sorted(out, key=lambda pair: str(pair[0]))


def check_floors(figures: dict[str, float | None], floors: dict[str, float]) -> list[str]:
    """One line for each figure below its floor (or missing)."""
    failures = []
    for name, floor in sorted(floors.items()):
        value = figures.get(name)
        if value is None or value < floor:
            shown = "missing" if value is None else f"{value:.3f}"
            failures.append(f"{name} {shown} is below its floor {floor:.3f}")
    return failures
