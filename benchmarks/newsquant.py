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
- two figures written "from X to Y" in one unit (an old and a new value: "rose from 4.8 to 4.7 percent")
  are one NewsQuant range (X, Y) in the order written; "to X from Y" stays two figures, as in NewsQuant;
- units: ISO codes and symbols become NewsQuant's names (``newsquant_units.csv``, then the unit names in
  ``kb/quantity_units.csv``: "USD" -> "dollar", "km" -> "kilometre", "percent" -> "percentage"); a
  counted noun phrase (lower case, head in the singular) keeps only its content words, each in the
  singular, as NewsQuant's lemmatized nouns do ("category of products" -> "category product").
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

from newsgraph.extract.quantities import find_quantities, quantity_change
from newsgraph.extract.quantities_kb import tables
from newsgraph.extract.quantities_links import from_to
from newsgraph.extract.quantities_nouns import is_plural, lemma
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
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(found):
        q = found[i]
        tag = {"value": _value(q), "normalized_unit": unit_name(q.unit), "change": quantity_change(text, q)}
        if i + 1 < len(found) and _pairable(text, q, found[i + 1]):
            tag["value"], i = (q.value, found[i + 1].value), i + 1
        out.append(tag)
        i += 1
    return out


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
