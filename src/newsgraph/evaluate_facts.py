"""Scoring claims, events and quotes (see ``evaluate_items`` for the shared parts).

Claims match by value (within 0.5%), unit, period and subject; the shares of
right period, subject, kind, indicator, change and speaker are measured among
the claims aligned by value and unit alone, so that each says something.
Events match by type, participants and date; the type share is measured among
events aligned by participants and date alone. Quotes match by speaker and an
overlapping span; speaker and directness shares among span-aligned quotes.
"""

from __future__ import annotations

from typing import Any

from newsgraph.evaluate_items import Context, Result, alternatives, folded_set
from newsgraph.evaluate_match import (
    Locator, close, fold, greedy, is_optional, norm_name, norm_unit, overlap,
    ratio_of, similarity, span_of, tally,
)

# --- claims -----------------------------------------------------------------------

INDICATOR_THRESHOLD = 0.5  # lemma overlap (Dice) for "same meaning"

CLAIM_ATTRIBUTES = ("claim_period", "claim_subject", "claim_indicator", "claim_kind",
                    "claim_change", "claim_speaker")


def claim_figure(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Same value (within 0.5%) and unit (case- and plural-insensitive)."""
    units = {norm_unit(u) for u in alternatives(g, "unit") if u is not None}
    return close(p.get("value"), g.get("value")) and norm_unit(p.get("unit")) in units


def claim_period(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """A gold claim without period accepts any predicted period."""
    if g.get("period") is None:
        return True
    return fold(str(p.get("period"))) in folded_set(alternatives(g, "period"))


def claim_subject(ctx: Context, g: dict[str, Any], p: dict[str, Any]) -> bool:
    """The set of entity keys equals the gold set (or one in ``subject_also``)."""
    got = {ctx.ident(k) for k in p.get("subject") or []}
    return any(got == {fold(k) for k in s} for s in alternatives(g, "subject") if s is not None)


def claim_indicator(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Same meaning: equal after normalizing, or lemma overlap >= 0.5."""
    said = p.get("indicator")
    for want in alternatives(g, "indicator"):
        if want and (norm_name(want) == norm_name(said)
                     or similarity(want, said) >= INDICATOR_THRESHOLD):
            return True
    return False


def claim_kind(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return fold(str(p.get("kind"))) in folded_set(alternatives(g, "kind"))


def claim_change(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Both without a change, or the same change value and direction."""
    want, got = g.get("change") or None, p.get("change") or None
    if not want or not got:
        return not want and not (got and got.get("value") is not None)
    same_dir = fold(str(got.get("direction"))) == fold(str(want.get("direction")))
    return same_dir and close(got.get("value"), want.get("value"))


def claim_speaker(ctx: Context, g: dict[str, Any], p: dict[str, Any]) -> bool:
    return ctx.ident(p.get("speaker")) == fold(g.get("speaker") or "")


def _claim_attrs(ctx: Context, g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    return {
        "claim_period": claim_period(g, p),
        "claim_subject": claim_subject(ctx, g, p),
        "claim_indicator": claim_indicator(g, p),
        "claim_kind": claim_kind(g, p),
        "claim_change": claim_change(g, p),
        "claim_speaker": claim_speaker(ctx, g, p),
    }


def score_claims(ctx: Context) -> Result:
    gold, pred = ctx.items("claims", "gold"), ctx.items("claims")

    def loose(g: dict, p: dict) -> float | None:
        return sum(_claim_attrs(ctx, g, p).values()) if claim_figure(g, p) else None

    def strict(g: dict, p: dict) -> float | None:
        attrs = _claim_attrs(ctx, g, p)
        ok = claim_figure(g, p) and attrs["claim_period"] and attrs["claim_subject"]
        return sum(attrs.values()) if ok else None

    pairs = greedy(gold, pred, strict, is_optional)
    aligned = greedy(gold, pred, loose, is_optional)
    attrs = [_claim_attrs(ctx, gold[i], pred[j]) for i, j in aligned]
    accuracy = {name: ratio_of(a[name] for a in attrs) for name in CLAIM_ATTRIBUTES}
    counts = {"claims": tally(gold, pred, pairs, is_optional),
              "claims_value": tally(gold, pred, aligned, is_optional)}
    return counts, accuracy


# --- events -----------------------------------------------------------------------

def event_participants(ctx: Context, g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Actors and targets together, as keys, equal a gold participant set."""
    got = {ctx.ident(a) for a in [*(p.get("actors") or []), *(p.get("targets") or [])]}
    sets = alternatives(g, "participants")
    return any(got == {fold(k) for k in s} for s in sets if s is not None)


def event_date(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """A gold event without a date accepts any predicted date."""
    if g.get("date") is None:
        return True
    return fold(str(p.get("date"))) in folded_set(alternatives(g, "date"))


def event_type(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return fold(str(p.get("type"))) == fold(str(g.get("type")))


def event_cameo(g: dict[str, Any], p: dict[str, Any]) -> bool:
    codes = g.get("cameo") or []
    return str(p.get("cameo")) in {str(c) for c in (codes if isinstance(codes, list) else [codes])}


def event_topics(g: dict[str, Any], p: dict[str, Any]) -> bool:
    wanted = {fold(t) for t in g.get("topics_any") or []}
    return bool(wanted & {fold(t) for t in p.get("topics") or [] if isinstance(t, str)})


def event_place(ctx: Context, g: dict[str, Any], p: dict[str, Any]) -> bool:
    """The predicted place entity bears the gold place's name (or is matched to it)."""
    entities = ctx.items("entities")
    by_id = {e.get("id"): j for j, e in enumerate(entities)}
    j = by_id.get(p.get("place"))
    if j is None:
        return False
    names = {norm_name(entities[j].get("name"))}
    gold_entities = ctx.items("entities", "gold")
    names |= {norm_name(gold_entities[i].get("name"))
              for i, k in ctx.entity_pairs.items() if k == j}
    return norm_name(g.get("place")) in names


def score_events(ctx: Context) -> Result:
    gold, pred = ctx.items("events", "gold"), ctx.items("events")

    def loose(g: dict, p: dict) -> float | None:
        ok = event_participants(ctx, g, p) and event_date(g, p)
        return event_type(g, p) + 0.5 * event_cameo(g, p) if ok else None

    def strict(g: dict, p: dict) -> float | None:
        return loose(g, p) if event_type(g, p) else None

    pairs = greedy(gold, pred, strict, is_optional)
    aligned = greedy(gold, pred, loose, is_optional)
    accuracy = {
        "event_type": ratio_of(event_type(gold[i], pred[j]) for i, j in aligned),
        "event_cameo": ratio_of(event_cameo(gold[i], pred[j]) for i, j in pairs),
        "event_topics": ratio_of(event_topics(gold[i], pred[j]) for i, j in pairs
                                 if gold[i].get("topics_any")),
        "event_place": ratio_of(event_place(ctx, gold[i], pred[j]) for i, j in pairs
                                if gold[i].get("place")),
    }
    counts = {"events": tally(gold, pred, pairs, is_optional),
              "events_loose": tally(gold, pred, aligned, is_optional)}
    return counts, accuracy


# --- quotes -----------------------------------------------------------------------

def gold_quotes(text: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold quotes with ``span``: where ``text_starts`` is found in the text."""
    locator = Locator(text)
    out = []
    for item in quotes:
        start = item.get("text_starts") or ""
        out.append(item | {"span": locator.locate(start)})
    return out


def _quote_overlap(g: dict[str, Any], p: dict[str, Any]) -> float | None:
    shared = overlap(g["span"], span_of(p))
    return float(shared) if shared else None


def score_quotes(ctx: Context) -> Result:
    gold, pred = gold_quotes(ctx.text, ctx.items("quotes", "gold")), ctx.items("quotes")

    def speaker(g: dict, p: dict) -> bool:
        return ctx.ident(p.get("speaker")) == fold(g.get("speaker") or "")

    def strict(g: dict, p: dict) -> float | None:
        return _quote_overlap(g, p) if speaker(g, p) else None

    pairs = greedy(gold, pred, strict, is_optional)
    aligned = greedy(gold, pred, _quote_overlap, is_optional)
    accuracy = {
        "quote_speaker": ratio_of(speaker(gold[i], pred[j]) for i, j in aligned),
        "quote_direct": ratio_of(bool(pred[j].get("direct")) == bool(gold[i].get("direct"))
                                 for i, j in aligned),
    }
    counts = {"quotes": tally(gold, pred, pairs, is_optional),
              "quotes_span": tally(gold, pred, aligned, is_optional)}
    return counts, accuracy
