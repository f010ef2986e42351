"""Typed mention scoring for the MEANTIME benchmark: exact and overlap matches.

A prediction is ``(span, type)``. Matching is one-to-one and typed: gold and
prediction must have the same type. *Exact*: the same span, a leading "the"
aside on either side. *Overlap*: the spans share a character; pairs with the
highest Dice overlap are taken first, so that "Boeing" goes to the gold
"Boeing" and not to a longer neighbour. An unmatched prediction is a false
positive unless it overlaps only don't-care regions (see ``_meantime``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from _meantime import TYPES, EntityDoc
from _run import PRF, Errors, context, greedy_pairs

Span = tuple[int, int]
Pred = tuple[Span, str]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _dice(a: Span, b: Span) -> float:
    return 2 * _overlap(a, b) / ((a[1] - a[0]) + (b[1] - b[0]))


def trim(text: str, span: Span) -> Span:
    """The span without a leading "the " (MEANTIME and spaCy disagree on it)."""
    start, end = span
    if text[start:start + 4].lower() == "the " and end - start > 4:
        start += 4
    return start, end


def _pairs(gold: list[Pred], pred: list[Pred], score: Callable[[Span, Span], float]) -> list[tuple[int, int]]:
    return greedy_pairs((-score(g[0], p[0]), i, j) for i, g in enumerate(gold)
                        for j, p in enumerate(pred) if g[1] == p[1] and score(g[0], p[0]) > 0)


def match(text: str, gold: list[Pred], pred: list[Pred], exact: bool) -> list[tuple[int, int]]:
    """One-to-one typed pairs (gold index, prediction index)."""
    if exact:
        same = lambda g, p: 1.0 if trim(text, g) == trim(text, p) else 0.0  # noqa: E731
        return _pairs(gold, pred, same)
    return _pairs(gold, pred, _dice)


@dataclass(slots=True)
class SystemScore:
    """Per-type counts of one system in one matching mode."""

    by_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in TYPES})
    ignored: int = 0

    def micro(self) -> PRF:
        total = PRF()
        for prf in self.by_type.values():
            total.add(prf.tp, prf.fp, prf.fn)
        return total


def score_doc(doc: EntityDoc, pred: list[Pred], exact: bool, score: SystemScore,
              errors: Errors | None = None) -> None:
    """Add one document's counts (and, if asked, its errors) to ``score``."""
    gold = [(m.span, m.type or "") for m in doc.scored]
    pred = [p for p in pred if p[1] in TYPES]
    pairs = match(doc.text, gold, pred, exact)
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, _ in pairs:
        score.by_type[gold[i][1]].add(tp=1)
    for i, g in enumerate(gold):
        if i not in hit_g:
            score.by_type[g[1]].add(fn=1)
            if errors is not None:
                errors.add(_miss_category(g, pred), f"{doc.name}: {context(doc.text, g[0])}")
    for j, p in enumerate(pred):
        if j in hit_p:
            continue
        if _dont_care(doc, p[0]):
            score.ignored += 1
            continue
        score.by_type[p[1]].add(fp=1)
        if errors is not None:
            errors.add(_extra_category(doc, gold, p), f"{doc.name}: {context(doc.text, p[0])}")


def _dont_care(doc: EntityDoc, span: Span) -> bool:
    """Overlaps a don't-care region and no scored or other named mention."""
    if any(_overlap(span, m.span) for m in (*doc.scored, *doc.others)):
        return False
    return any(_overlap(span, m.span) for m in doc.ignored)


def _miss_category(gold: Pred, pred: list[Pred]) -> str:
    others = sorted({p[1] for p in pred if _overlap(gold[0], p[0])})
    if gold[1] in others:
        return f"boundary {gold[1]}"
    if others:
        return f"type {gold[1]} predicted as {'/'.join(others)}"
    return f"missed {gold[1]}"


def _extra_category(doc: EntityDoc, gold: list[Pred], pred: Pred) -> str:
    if any(_overlap(pred[0], g[0]) for g in gold):
        return f"extra {pred[1]} overlapping gold (type or boundary)"
    if any(_overlap(pred[0], m.span) for m in doc.others):
        return f"{pred[1]} on a named product/financial mention"
    return f"spurious {pred[1]}"
