"""Scoring each item kind of a predicted record against a gold reading.

Every scorer takes a ``Context`` and returns ``(counts, accuracies)``: dicts of
``Counts`` per kind and ``Ratio`` per attribute. Predicted items are dicts in
the shape of ``spec/record.md``; gold items are dicts in the shape of the gold
files (``examples/*/*.expected.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.evaluate_match import (
    Counts, Locator, Ratio, fold, greedy, is_optional, near, norm_code, norm_mention,
    norm_name, overlap, ratio_of, span_of, tally,
)

Result = tuple[dict[str, Counts], dict[str, Ratio]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """One document being scored, with the entity matching every kind uses."""

    text: str
    gold: dict[str, Any]
    pred: dict[str, Any]
    entity_pairs: dict[int, int]  # gold entity index -> predicted entity index
    alias: dict[str, str]  # predicted entity id or key -> the key gold uses for it

    def ident(self, ref: Any) -> str:
        """A predicted entity reference (id ``E3`` or key) as a gold key, folded."""
        return fold(self.alias.get(ref, ref) if isinstance(ref, str) else "")

    def items(self, kind: str, side: str = "pred") -> list[dict[str, Any]]:
        source = self.pred if side == "pred" else self.gold
        return [x for x in source.get(kind) or [] if isinstance(x, dict)]


def alternatives(item: dict[str, Any], name: str, also: str | None = None) -> list[Any]:
    """A gold field's value and its accepted alternatives (``<name>_also``)."""
    return [item.get(name), *(item.get(also or f"{name}_also") or [])]


def folded_set(values: list[Any]) -> set[str]:
    """Values as folded strings, None left out."""
    return {fold(str(v)) for v in values if v is not None}


# --- entities, roles, mentions ----------------------------------------------------

def entity_score(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    """2 for the same key, 1 for a compatible type and the same normalized name."""
    if gold.get("key") and fold(pred.get("key")) == fold(gold["key"]):
        return 2.0
    if pred.get("type") not in {gold.get("type"), *(gold.get("also_type") or [])}:
        return None
    names = {norm_name(n) for n in alternatives(gold, "name", "aliases") if n} - {""}
    return 1.0 if norm_name(pred.get("name")) in names else None


def entity_context(text: str, gold: dict[str, Any], pred: dict[str, Any]) -> Context:
    """Match entities and build the context the other scorers share."""
    g_items = [x for x in gold.get("entities") or [] if isinstance(x, dict)]
    p_items = [x for x in pred.get("entities") or [] if isinstance(x, dict)]
    pairs = dict(greedy(g_items, p_items, entity_score, is_optional))
    alias: dict[str, str] = {}
    for j, p in enumerate(p_items):
        alias[str(p.get("id"))] = str(p.get("key") or p.get("id"))
    for i, j in pairs.items():
        target = g_items[i].get("key") or p_items[j].get("key") or p_items[j].get("id")
        for ref in (p_items[j].get("id"), p_items[j].get("key")):
            if ref:
                alias[str(ref)] = str(target)
    return Context(text=text, gold=gold, pred=pred, entity_pairs=pairs, alias=alias)


def score_entities(ctx: Context) -> Result:
    gold, pred = ctx.items("entities", "gold"), ctx.items("entities")
    pairs = sorted(ctx.entity_pairs.items())
    counts = {"entities": tally(gold, pred, pairs, is_optional)}
    return counts, {"mention_attribution": _mentions(ctx, gold, pred)}


def _mentions(ctx: Context, gold: list[dict], pred: list[dict]) -> Ratio:
    """Share of gold mention strings found among the matched entity's mentions."""
    total = Ratio()
    for i, g in enumerate(gold):
        wanted = [norm_mention(m) for m in g.get("mentions") or []]
        j = ctx.entity_pairs.get(i)
        if j is None and is_optional(g):
            continue
        found = _mention_texts(ctx.text, pred[j]) if j is not None else set()
        total += ratio_of(m in found for m in wanted)
    return total


def _mention_texts(text: str, entity: dict[str, Any]) -> set[str]:
    spans = [span_of(m) for m in entity.get("mentions") or [] if isinstance(m, dict)]
    return {norm_mention(text[s[0]:s[1]]) for s in spans if s}


def _gold_roles(ctx: Context) -> list[dict[str, Any]]:
    out = []
    for i, entity in enumerate(ctx.items("entities", "gold")):
        for role in entity.get("roles") or []:
            optional = is_optional(entity) or is_optional(role)
            out.append({"owner": i, "role": role, "optional": optional})
    return out


def _pred_roles(ctx: Context) -> list[dict[str, Any]]:
    out = []
    for j, entity in enumerate(ctx.items("entities")):
        out += [{"owner": j, "role": r} for r in entity.get("roles") or [] if isinstance(r, dict)]
    return out


def _role_score(ctx: Context, g: dict[str, Any], p: dict[str, Any]) -> float | None:
    if ctx.entity_pairs.get(g["owner"]) != p["owner"]:
        return None
    gold, pred = g["role"], p["role"]
    titles = {norm_name(t) for t in alternatives(gold, "title") if t}
    if norm_name(pred.get("title")) not in titles:
        return None
    if gold.get("of") is None:
        return 1.0
    places = {norm_code(o) for o in alternatives(gold, "of") if o}
    return 1.0 if norm_code(pred.get("of")) in places else None


def score_roles(ctx: Context) -> Result:
    gold, pred = _gold_roles(ctx), _pred_roles(ctx)
    pairs = greedy(gold, pred, lambda g, p: _role_score(ctx, g, p), is_optional)
    to = [
        norm_code(gold[i]["role"].get("to")) == norm_code(pred[j]["role"].get("to"))
        for i, j in pairs
        if gold[i]["role"].get("to") or pred[j]["role"].get("to")
    ]
    return {"roles": tally(gold, pred, pairs, is_optional)}, {"role_to": ratio_of(to)}


# --- times ------------------------------------------------------------------------

def gold_times(text: str, times: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold times with ``spans``: the text located in order, plus alternatives
    (``span_text_also``) found overlapping it."""
    locator = Locator(text)
    out = []
    for item in times:
        span = locator.locate(item.get("text") or "")
        alts = [near(text, alt, span) for alt in item.get("span_text_also") or []]
        if span is None:
            alts = [locator.locate(alt) for alt in item.get("span_text_also") or []][:1]
        spans = [s for s in [span, *alts] if s]
        out.append(item | {"spans": spans})
    return out


def _time_overlap(g: dict[str, Any], p: dict[str, Any]) -> float | None:
    best = max((overlap(s, span_of(p)) for s in g["spans"]), default=0)
    return float(best) if best else None


def _time_value(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return fold(str(p.get("value"))) in folded_set(alternatives(g, "value"))


def score_times(ctx: Context) -> Result:
    gold = gold_times(ctx.text, ctx.items("times", "gold"))
    pred = ctx.items("times")

    def strict(g: dict, p: dict) -> float | None:
        return _time_overlap(g, p) if _time_value(g, p) else None

    pairs = greedy(gold, pred, strict, is_optional)
    loose = greedy(gold, pred, _time_overlap, is_optional)
    values = ratio_of(_time_value(gold[i], pred[j]) for i, j in loose)
    counts = {"times": tally(gold, pred, pairs, is_optional),
              "times_span": tally(gold, pred, loose, is_optional)}
    return counts, {"time_value": values}
