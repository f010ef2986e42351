"""NewsQuant benchmark for the quantity extractor, scored as in CQE (Almasian et al., EMNLP 2023).

Run as ``python benchmarks/newsquant.py [--json] [--errors]``. Reads ``../shared/data/gold-items/newsquant-dev.json``
(a list of {text, quantities: [{value, unit, normalized_unit, change, ...}]}) and reports precision,
recall and F1 for value, value+unit and value+change, following CQE's ``calculate_metrics``:
for each gold quantity, predictions are tried in order of normalized unit; a value match counts once
per gold item, a change match is counted on every value match, and the first prediction that also
matches the unit is consumed. Values match with numpy.isclose tolerances (rtol 1e-5); ranges match
as (low, high) pairs. Throughput is measured on the bodies of ``press-releases/putin.csv``.

The adapter maps our record to NewsQuant's conventions, which are consistent across its data:
- it asks ``find_quantities`` for ages written "N-year-old" (unit "year of age") and for single counts
  ("one solution", "one of the best speakers"), which the record leaves out by default;
- two figures written "from X to Y" in one unit (an old and a new value: "slowed from 3.6 to 3.4 percent",
  also with a few words after X: "from $60 per tonne in May to $52") are one NewsQuant range (X, Y)
  in the order written, with change "=" (the range is exact even when X is bounded: "from up to 250 miles
  to 290 miles"); "to X from Y" stays two figures, as in NewsQuant;
- units: ISO codes and symbols become NewsQuant's names (``newsquant_units.csv``, then the unit names in
  ``kb/quantity_units.csv``: "USD" -> "dollar", "km" -> "kilometre", "percent" -> "percentage");
- a counted noun phrase is named as NewsQuant's normalizer does, by the lemmas of its content words in the
  sentence's parse (spaCy, loaded only for sentences with one): no determiners, pronouns, prepositions,
  numbers, adverbs or participles, possessors kept, adjectives in the positive ("categories of products"
  -> "category product", "one of Acme's newest plants" -> "acme new plant", "40 recorded
  floors" -> "floor", "five other drivers" -> "other driver"); a superlative keeps its domain
  ("one of the tallest towers in the world" -> "tall tower world");
- a fraction ("two-thirds of", "half the") is "% " and what it is a fraction of: the unit of the count that
  follows ("half of the 250 nurses" -> "% nurse"), else the noun it governs ("a third of the budget" ->
  "% budget"), "% -" when that is a pronoun ("half of which", "a quarter of those asked").
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

from newsgraph.extract.quantities import find_quantities, quantity_change
from newsgraph.extract.quantities_kb import tables
from newsgraph.extract.quantities_links import from_to
from newsgraph.extract.quantities_nouns import is_plural, lemma
from newsgraph.extract.units import is_counted
from newsgraph.record import Quantity

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "gold-items" / "newsquant-dev.json"
CORPUS = SHARED / "data" / "press-releases" / "putin.csv"
PUBLISHED = {"CQE": (92.0, 85.6, 88.1), "quantulum3": (73.0, 47.2, None)}
KINDS = ("value", "value+unit", "value+change")
_FUNCTION_WORDS = frozenset({"and", "of", "the", "a", "an"})


@cache
def _names() -> dict[str, str]:
    with open(Path(__file__).with_name("newsquant_units.csv"), encoding="utf-8") as handle:
        names = {row["unit"]: row["name"] for row in csv.DictReader(handle)}
    return tables().unit_name | names


def unit_name(unit: str | None) -> str:
    """Our unit in NewsQuant's normalized vocabulary ("USD" -> "dollar", "km" -> "kilometre"); a counted
    noun phrase keeps its content words, as NewsQuant's do ("category of product" -> "category product")."""
    if unit is None:
        return "-"
    if "/" in unit and unit not in _names():
        return " per ".join(unit_name(u) for u in unit.split("/", 1))
    if unit in _names():
        return _names()[unit].lower()
    kb = tables()
    return " ".join(lemma(w, kb) if is_plural(w, kb) else w for w in unit.lower().split() if w not in _FUNCTION_WORDS)


def predict(text: str) -> list[dict[str, Any]]:
    """Our quantities in the CQE tagger format, with NewsQuant's conventions (see the module docstring)."""
    found = find_quantities(text, ages=True, ones=True)
    nouns = NounNames(text, found)
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(found):
        q = found[i]
        tag = {"value": _value(q), "normalized_unit": nouns.name(q), "change": quantity_change(text, q)}
        if i + 1 < len(found) and _pairable(text, q, found[i + 1]):
            tag["value"], tag["change"], i = (q.value, found[i + 1].value), "=", i + 1
        out.append(tag)
        i += 1
    return out


@cache
def _nlp() -> Any:
    from newsgraph.nlp.model import load

    return load(frozenset({"parser", "lemmatizer"}))


_NOT_CONTENT = frozenset({"DET", "ADP", "CCONJ", "PRON", "PART", "SYM", "NUM", "PUNCT", "AUX", "SCONJ", "VERB", "ADV"})
_HEAD_REACH = 15


class NounNames:
    """NewsQuant's names of counted nouns and fractions, read from a parse of the sentence (made only when
    one is needed): the lemmas of the noun phrase's content words (see the module docstring)."""

    def __init__(self, text: str, found: list[Quantity]) -> None:
        self.text, self.found = text, found
        self.doc = _nlp()(text) if any(q.unit == "fraction" or _noun(q.unit) for q in found) else None

    def name(self, q: Quantity) -> str:
        if self.doc is None or not (q.unit == "fraction" or _noun(q.unit)):
            return unit_name(q.unit)
        if q.unit == "fraction":
            return self._fraction(q)
        noun, _, per = q.unit.partition("/")
        head = self._head(q.span[0], noun.split()[-1])
        if head is None:
            return unit_name(q.unit)
        first = _token_at(self.doc, q.span[0])
        start = max((t.i + 1 for t in self.doc[first:head.i] if _numeric(t)), default=first)
        words = _content(self.doc[start:head.i + 1]) + _domain(self.doc[start:head.i + 1], head)
        name = " ".join(words).lower() or unit_name(noun)
        return f"{name} per {unit_name(per)}" if per else name

    def _head(self, start: int, last: str) -> Any:
        """The token of the counted noun's head (``last``, in the singular) at or after ``start``."""
        first = _token_at(self.doc, start)
        for token in self.doc[first:first + _HEAD_REACH]:
            if last in (token.lower_, token.lemma_.lower(), lemma(token.text, tables())):
                return token
        return None

    def _fraction(self, q: Quantity) -> str:
        """"% " and what the fraction is of: the unit of a count right after it ("half of the 250 nurses"),
        else the noun it governs ("a third of the budget"), "-" when that is a pronoun ("half of which")."""
        nxt = next((o for o in self.found if o.span[0] >= q.span[1]), None)
        if nxt is not None and _noun(nxt.unit) and _FRACTION_GAP.fullmatch(self.text, q.span[1], nxt.span[0]):
            return "% " + self.name(nxt)
        noun = _complement(self.doc, q.span[1])
        if noun is None or noun.pos_ == "PRON" or noun.tag_ in ("WDT", "DT"):
            return "% -"
        first = _token_at(self.doc, q.span[1])
        return "% " + (" ".join(_content(self.doc[max(first, noun.left_edge.i):noun.i + 1])).lower() or "-")


_FRACTION_GAP = re.compile(r"\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?")


def _token_at(doc: Any, pos: int) -> int:
    """The index of the first token that ends after character ``pos``."""
    return next((t.i for t in doc if t.idx + len(t) > pos), len(doc))


def _complement(doc: Any, end: int) -> Any:
    """The noun a fraction ending at ``end`` is taken of: the object of "of", else the next noun ("Half the condos")."""
    tokens = list(doc[_token_at(doc, end):])[:4]
    if tokens and tokens[0].lower_ == "of":
        return next((c for c in tokens[0].children if c.dep_ == "pobj"), None)
    return next((t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _noun(unit: str | None) -> bool:
    """A counted noun phrase, not a unit of the KB ("times" is a count)."""
    return is_counted(unit) and unit not in tables().unit_name


def _numeric(token: Any) -> bool:
    """Part of the number: digits, a number word or scale ("4.3", "M", "dozens", "thousands")."""
    kb = tables()
    return token.like_num or token.tag_ == "CD" or token.text in kb.scale or token.lower_ in _number_words()


@cache
def _number_words() -> frozenset[str]:
    return frozenset(w for w in tables().number_word if " " not in w)


def _content(tokens: Any) -> list[str]:
    """The lemmas of the content words, as NewsQuant normalizes a noun phrase: no determiners, pronouns,
    prepositions, numbers, adverbs or participles ("the proudest moments" -> "proud moment")."""
    return [t.lemma_ for t in tokens if not t.like_num and t.pos_ not in _NOT_CONTENT]


def _domain(phrase: Any, head: Any) -> list[str]:
    """The domain of a superlative, as NewsQuant counts it: "one of the tallest towers in the world" -> "world"."""
    if not any(t.tag_ in ("JJS", "RBS") for t in phrase):
        return []
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return _content(obj.doc[obj.left_edge.i:obj.i + 1]) if obj is not None else []


def _value(q: Quantity) -> float | tuple[float, float]:
    return q.value if q.high is None else (q.value, q.high)


def _pairable(text: str, q: Quantity, nxt: Quantity) -> bool:
    """Two single figures in one unit written "from X to Y": one NewsQuant range (X, Y), in the order written."""
    return q.high is None and nxt.high is None and q.unit == nxt.unit and from_to(text, q, nxt)


def _gold_value(raw: str) -> float | tuple[float, float]:
    raw = raw.strip()
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        low, high = raw.split("-", 1)
        return (float(low), float(high))
    return float(raw)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-08 + 1e-05 * abs(b)


def values_match(gold: Any, model: Any) -> bool:
    if isinstance(gold, tuple) != isinstance(model, tuple):
        return False
    if isinstance(gold, tuple):
        return _close(model[0], gold[0]) and _close(model[1], gold[1])
    return _close(model, gold)


def score_sentence(gold: list[dict[str, Any]], tags: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(value, value+unit, value+change) matches in one sentence, as CQE counts them."""
    tags = sorted(tags, key=lambda d: d["normalized_unit"])
    gold = sorted(gold, key=lambda d: d["normalized_unit"])
    value = unit = change = 0
    budget = len(gold)
    for item in gold:
        g_value, g_unit = _gold_value(item["value"]), item["normalized_unit"].lower()
        for tag in tags:
            if not values_match(g_value, tag["value"]):
                continue
            if budget > 0:
                value, budget = value + 1, budget - 1
            change += tag["change"] == item["change"]
            if tag["normalized_unit"] == g_unit:
                unit += 1
                tags.remove(tag)
                break
    return value, unit, change


def _prf(correct: int, gold: int, predicted: int) -> dict[str, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f, 1)}


def evaluate(path: Path = GOLD, errors: list[dict[str, Any]] | None = None) -> dict[str, dict[str, float]]:
    """Scores on a NewsQuant-format file; sentences with a miss are appended to ``errors``."""
    data = json.loads(path.read_text("utf-8"))
    totals = [0, 0, 0]
    n_gold = n_pred = 0
    for item in data:
        tags = predict(item["text"])
        counts = score_sentence(item["quantities"], tags)
        totals = [t + c for t, c in zip(totals, counts)]
        n_gold, n_pred = n_gold + len(item["quantities"]), n_pred + len(tags)
        if errors is not None and (counts[1] < len(item["quantities"]) or len(tags) > counts[1] or counts[2] < counts[0]):
            errors.append({"text": item["text"], "gold": item["quantities"], "ours": tags, "counts": counts})
    return {kind: _prf(c, n_gold, n_pred) for kind, c in zip(KINDS, totals)}


def words_per_second(path: Path = CORPUS, limit: int | None = None) -> tuple[float, int]:
    """Throughput of ``find_quantities`` over the press-release bodies (one core)."""
    previous = csv.field_size_limit(sys.maxsize)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            bodies = [row["body"] for row in csv.DictReader(handle)][:limit]
    finally:
        csv.field_size_limit(previous)
    words = sum(len(b.split()) for b in bodies)
    find_quantities("warm up $1 billion")
    began = time.perf_counter()
    for body in bodies:
        find_quantities(body)
    return words / (time.perf_counter() - began), words


def _table(scores: dict[str, dict[str, float]], wps: float) -> str:
    lines = [f"{'system':<12}" + "".join(f"{k:>14}" for k in KINDS)]
    ours = [scores[k]["F1"] for k in KINDS]
    lines.append(f"{'newsgraph':<12}" + "".join(f"{v:>14.1f}" for v in ours))
    for name, figures in PUBLISHED.items():
        cells = "".join(f"{'-' if v is None else v:>14}" for v in figures)
        lines.append(f"{name:<12}" + cells)
    detail = "  ".join(f"{k}: P {scores[k]['P']} R {scores[k]['R']}" for k in KINDS)
    lines += [detail, f"throughput: {wps:,.0f} words/s (press-releases/putin.csv bodies, one core)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="print the sentences with a miss")
    args = parser.parse_args(argv)
    if not GOLD.exists():
        print(f"missing {GOLD}", file=sys.stderr)
        return 2
    errors: list[dict[str, Any]] = []
    scores = evaluate(errors=errors)
    wps = words_per_second()[0] if CORPUS.exists() else math.nan
    if args.errors:
        for e in errors:
            print(json.dumps(e, ensure_ascii=False))
    if args.json:
        print(json.dumps({"scores": scores, "words_per_second": round(wps), "published": PUBLISHED}))
    else:
        print(_table(scores, wps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
