"""Scoring quotes against PolNeAR attributions: content spans and sources.

- *overlap*: a quote and a gold content match when they share a word token; one-to-one,
  pairs sharing the most tokens first. Content P/R/F1 count these pairs.
- *exact*: a quote matches a gold content when both cover the same word tokens
  (punctuation and quotation marks aside); one-to-one.
- *token*: token-level P/R/F1 over all word tokens inside gold contents and quotes.
- *source*: among the overlap pairs whose gold attribution has a source span, the share
  where the quote's speaker entity has a mention overlapping that span (no speaker, or a
  speaker without such a mention, is wrong).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from _event_gold import Attribution, PolnearDoc, Span
from _run import PRF, Errors, context, greedy_pairs

from newsgraph.record import Quote, Record

_WORD = re.compile(r"\w+")


def tokens(text: str, spans: tuple[Span, ...] | list[Span]) -> frozenset[int]:
    """Start offsets of the word tokens lying inside ``spans``."""
    out = set()
    for start, end in spans:
        out |= {m.start() for m in _WORD.finditer(text, start, end)}
    return frozenset(out)


@dataclass(slots=True)
class AttributionScore:
    overlap: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    token: PRF = field(default_factory=PRF)
    source_right: int = 0
    source_total: int = 0


def _pairs(gold: list[frozenset[int]], pred: list[frozenset[int]]) -> list[tuple[int, int]]:
    return greedy_pairs((-len(g & p), i, j) for i, g in enumerate(gold)
                        for j, p in enumerate(pred) if g & p)


def _speaker_spans(record: Record, quote: Quote) -> list[Span]:
    entity = next((e for e in record.entities if e.id == quote.speaker), None)
    return [m.span for m in entity.mentions] if entity else []


def _overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def right_source(record: Record, quote: Quote, gold: Attribution) -> bool:
    """The quote's speaker has a mention overlapping the gold source span."""
    return any(_overlaps(m, s) for m in _speaker_spans(record, quote) for s in gold.source)


def score_doc(doc: PolnearDoc, record: Record | None, score: AttributionScore,
              errors: Errors | None = None, cues: Errors | None = None) -> None:
    """Add one article's counts to ``score``."""
    quotes = list(record.quotes) if record else []
    gold = [tokens(doc.text, a.content) for a in doc.attributions]
    pred = [tokens(doc.text, [q.span]) for q in quotes]
    pairs = _pairs(gold, pred)
    _count(score.overlap, len(pairs), len(gold), len(pred))
    exact = _exact_pairs(gold, pred)
    _count(score.exact, len(exact), len(gold), len(pred))
    all_gold, all_pred = frozenset().union(*gold), frozenset().union(*pred)
    score.token.add(tp=len(all_gold & all_pred), fp=len(all_pred - all_gold), fn=len(all_gold - all_pred))
    for i, j in pairs:
        if doc.attributions[i].source and record is not None:
            ok = right_source(record, quotes[j], doc.attributions[i])
            score.source_right += ok
            score.source_total += 1
            if errors is not None and not ok:
                errors.add(_source_category(record, quotes[j]), _source_example(doc, record, quotes[j], i))
    if errors is not None:
        _content_errors(doc, quotes, pairs, errors, cues)


def _exact_pairs(gold: list[frozenset[int]], pred: list[frozenset[int]]) -> list[tuple[int, int]]:
    used: set[int] = set()
    out = []
    for i, g in enumerate(gold):
        j = next((j for j, p in enumerate(pred) if p == g and j not in used), None)
        if j is not None:
            used.add(j)
            out.append((i, j))
    return out


def _count(prf: PRF, hits: int, gold: int, pred: int) -> None:
    prf.add(tp=hits, fp=pred - hits, fn=gold - hits)


def _source_category(record: Record, quote: Quote) -> str:
    if quote.speaker is None:
        return "matched content, no speaker"
    return "matched content, wrong speaker"


def _source_example(doc: PolnearDoc, record: Record, quote: Quote, i: int) -> str:
    gold = doc.attributions[i]
    want = " / ".join(doc.text[s:e] for s, e in gold.source)
    names = [e.name for e in record.entities if e.id == quote.speaker]
    return f"{doc.name}: gold source {want!r}, speaker {names[:1]} | {context(doc.text, quote.span, 30)[:160]}"


def _cue(doc: PolnearDoc, gold: Attribution) -> str:
    words = [doc.text[s:e].lower() for s, e in gold.cue]
    return " ".join(words)[:30] or "(none)"


def _content_errors(doc: PolnearDoc, quotes: list[Quote], pairs: list[tuple[int, int]],
                    errors: Errors, cues: Errors | None = None) -> None:
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, gold in enumerate(doc.attributions):
        if i not in hit_g:
            verbatim = any(c in doc.text[s:e] for s, e in gold.content for c in "\"“”")
            kind = "direct" if verbatim else "indirect"
            errors.add(f"missed {kind} content", f"{doc.name}: cue {_cue(doc, gold)!r} | "
                       f"{doc.text[gold.content[0][0]:gold.content[0][1]][:120]!r}")
            if cues is not None:
                cues.add(f"missed, cue {_cue(doc, gold)!r}", doc.name)
    for j, quote in enumerate(quotes):
        if j not in hit_p:
            kind = "direct" if quote.direct else "indirect"
            errors.add(f"spurious {kind} quote", f"{doc.name}: cue {quote.cue!r} | "
                       f"{doc.text[quote.span[0]:quote.span[1]][:120]!r}")
