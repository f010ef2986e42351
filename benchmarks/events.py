"""Event and quote benchmarks (issue 6): PLOVER, PETRARCH, PolNeAR and the gold articles.

    python benchmarks/events.py [--json] [--limit N] [--errors] [--check-floors]
                                [--part plover|petrarch|polnear|gold|all]

Each sentence or article is one document; all documents of a part go through one
``Pipeline().run`` call.

*The event of a sentence.* A sentence's predicted event is the first event (in text
order) whose type is not STATEMENT, else the first STATEMENT, else none; no event is
wrong. Reporting verbs wrap the coded event ("X will support Y, the president said"),
hence STATEMENT comes last. ``*_any_acc`` is the share where the gold answer is among
all the sentence's events (an upper bound for a better choice).

(a) PLOVER GSR (``gold-items/plover-gsr-dev.json``, 168 sentences): type accuracy;
actor-country accuracy over every gold actor code that is a country (ISO 3166-1
alpha-3; IGO, NGO and the like are not scored): right when the chosen event's actors
(for a source) or targets (for a target) include an entity of that country (a COUNTRY's
key, else the entity's ``country``); ``actor_country_any_acc`` ignores the side.
(b) PETRARCH unit tests (``petrarch-unit-tests/PETR.UnitTest.records.xml``): CAMEO root
code (first two digits) accuracy over the sentences with at least one CAMEO coding
(root 01-20); the dictionary's test codes (2xx-9xx roots above 20), ``noevents`` and
``error`` records are not scored. With several codings, any gold root counts as right.
UniversalPETRARCH's published 68% is on its own suite, a reference only.
(c) PolNeAR dev (84 articles): content P/R/F1 and source accuracy, see ``_attribution``.
(d) Gold articles: events and quotes P/R/F1 and accuracies from ``newsgraph.evaluate``.

``--check-floors`` exits 1 when a figure is below its floor in ``benchmarks/floors.json``
(section ``events``); the floors hold for the full run (no ``--limit``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _attribution import AttributionScore  # noqa: E402
from _attribution import score_doc as score_attribution  # noqa: E402
from _event_gold import cameo_root, petrarch_items, plover_items, polnear_docs  # noqa: E402
from _gold_articles import gold_runs, total  # noqa: E402
from _run import (  # noqa: E402
    Errors, article, below_floors, fmt_row, load_section, ratio, run_pipeline, warn_failures,
)

from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.record import Event, Record  # noqa: E402

PARTS = ("plover", "petrarch", "polnear", "gold")


def ordered(record: Record | None) -> list[Event]:
    """Events in text order (by evidence start), STATEMENTs last."""
    events = list(record.events) if record else []
    return sorted(events, key=lambda e: (e.type == "STATEMENT", (e.evidence or (1 << 30,))[0]))


def chosen(record: Record | None) -> Event | None:
    """The sentence's event (see the module docstring)."""
    events = ordered(record)
    return events[0] if events else None


@cache
def _alpha3(alpha2: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2.upper())
    return found.alpha_3 if found else None


@cache
def is_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def countries(record: Record, ids: tuple[str, ...]) -> set[str]:
    """The alpha-3 codes of the countries of entities ``ids``."""
    out = set()
    for entity in record.entities:
        if entity.id in ids:
            code = entity.key[8:] if entity.key.startswith("country:") else entity.country
            if code and _alpha3(code):
                out.add(_alpha3(code))
    return out


# --- (a) PLOVER ---------------------------------------------------------------------

def plover(pipeline: Pipeline, limit: int | None = None, errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    items = plover_items(limit)
    run = run_pipeline((article(x.text, x.date, x.id) for x in items), pipeline)
    tally: Counter[str] = Counter()
    sink = errors.get("plover") if errors else None
    for item, record in zip(items, run.records, strict=True):
        _plover_one(item, record, tally, sink)
    return {"plover_sentences": len(items), "plover_seconds": round(run.seconds, 2),
            "plover_failures": len(run.failures),
            "plover_type_acc": ratio(tally["type"], len(items)),
            "plover_type_any_acc": ratio(tally["type_any"], len(items)),
            "plover_event_found": ratio(tally["found"], len(items)),
            "plover_actor_codes": tally["codes"],
            "plover_actor_country_acc": ratio(tally["country"], tally["codes"]),
            "plover_actor_country_any_acc": ratio(tally["country_any"], tally["codes"])}


def _plover_one(item: Any, record: Record | None, tally: Counter[str], errors: Errors | None) -> None:
    event = chosen(record)
    tally["found"] += event is not None and event.type != "STATEMENT"
    tally["type"] += event is not None and event.type == item.type
    tally["type_any"] += any(e.type == item.type for e in ordered(record))
    if errors is not None and (event is None or event.type != item.type):
        got = event.type if event else "none"
        errors.add(f"type: {_miss(event)}", f"{item.type}->{got} {item.id}: {item.text[:140]}")
    for side, codes in (("actors", item.sources), ("targets", item.targets)):
        for code in filter(is_country, codes):
            tally["codes"] += 1
            mine = countries(record, getattr(event, side)) if event and record else set()
            every = countries(record, event.actors + event.targets) if event and record else set()
            tally["country"] += code in mine
            tally["country_any"] += code in every
            if errors is not None and event is not None and code not in mine:
                what = "on the other side" if code in every else "not among the participants"
                errors.add(f"{side[:-1]} country {what}",
                           f"{item.id}: want {code} got {sorted(mine)} | {item.text[:110]}")


def _miss(event: Event | None) -> str:
    """The category of a wrong event choice."""
    if event is None:
        return "no event found"
    return "only a STATEMENT found" if event.type == "STATEMENT" else "wrong type"


# --- (b) PETRARCH -------------------------------------------------------------------

def petrarch(pipeline: Pipeline, limit: int | None = None, errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    items = petrarch_items(limit)
    scored = [x for x in items if not x.error and not x.noevents and _roots(x.codes)]
    run = run_pipeline((article(x.text, x.date, x.id) for x in scored), pipeline)
    right = right_any = 0
    sink = errors.get("petrarch") if errors else None
    for item, record in zip(scored, run.records, strict=True):
        event, gold = chosen(record), _roots(item.codes)
        root = cameo_root(event.cameo) if event else None
        right += root in gold
        right_any += bool(gold & {cameo_root(e.cameo) for e in ordered(record)})
        if sink is not None and root not in gold:
            got = f"{root} ({event.type})" if event else "none"
            sink.add(f"root: {_miss(event)}", f"{'/'.join(sorted(gold))}->{got} {item.id}: {item.text[:130]}")
    return {"petrarch_sentences": len(items), "petrarch_scored": len(scored),
            "petrarch_seconds": round(run.seconds, 2), "petrarch_failures": len(run.failures),
            "petrarch_root_acc": ratio(right, len(scored)),
            "petrarch_root_any_acc": ratio(right_any, len(scored))}


def _roots(codes: tuple[str, ...]) -> set[str]:
    return {r for r in map(cameo_root, codes) if r}


# --- (c) PolNeAR --------------------------------------------------------------------

def polnear(pipeline: Pipeline, limit: int | None = None, errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    docs = list(polnear_docs(limit))
    run = run_pipeline((article(d.text, d.date, d.name) for d in docs), pipeline)
    score = AttributionScore()
    sink = errors.get("polnear") if errors else None
    for doc, record in zip(docs, run.records, strict=True):
        score_attribution(doc, record, score, sink, errors.get("polnear cues") if errors else None)
    figures: dict[str, Any] = {"polnear_docs": len(docs), "polnear_seconds": round(run.seconds, 2),
                               "polnear_failures": len(run.failures),
                               "polnear_gold": score.overlap.tp + score.overlap.fn}
    for mode in ("overlap", "exact", "token"):
        figures |= getattr(score, mode).figures(f"polnear_content_{mode}")
    figures["polnear_source_acc"] = ratio(score.source_right, score.source_total)
    figures["polnear_source_scored"] = score.source_total
    return figures


# --- (d) gold articles --------------------------------------------------------------

GOLD_KINDS = ("events", "events_loose", "quotes", "quotes_span")
GOLD_ACCURACIES = ("event_type", "event_cameo", "event_topics", "event_place", "quote_speaker",
                   "quote_direct")


def gold(errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    runs, failed = gold_runs()
    all_docs = total(runs)
    figures: dict[str, Any] = {"gold_docs": len(runs), "gold_failures": failed}
    for kind in GOLD_KINDS:
        c = all_docs.counts[kind]
        figures |= {f"gold_{kind}_p": c.precision, f"gold_{kind}_r": c.recall, f"gold_{kind}_f1": c.f1}
    for name in GOLD_ACCURACIES:
        figures[f"gold_{name}_acc"] = all_docs.accuracy[name].value
    if errors is not None:
        for run in runs:
            _gold_errors(run, errors["gold"])
    return figures


def _gold_errors(run: Any, errors: Errors) -> None:
    """Event types expected vs predicted, and quote counts, per document."""
    record = run.record or {}
    want = Counter(e.get("type") for e in run.gold.get("events") or [] if not e.get("optional"))
    got = Counter(e.get("type") for e in record.get("events") or [])
    for kind in sorted(set(want) | set(got)):
        if want[kind] > got[kind]:
            errors.add(f"fewer {kind} events than gold", f"{run.name}: gold {want[kind]}, predicted {got[kind]}")
        elif got[kind] > want[kind]:
            errors.add(f"more {kind} events than gold", f"{run.name}: gold {want[kind]}, predicted {got[kind]}")
    c = run.score.counts
    for kind in ("events", "quotes"):
        if c[kind].fn:
            errors.add(f"{kind} missed (no full match)", f"{run.name}: {c[kind].fn} of {c[kind].tp + c[kind].fn}")


# --- command line -------------------------------------------------------------------

def run(parts: tuple[str, ...] = PARTS, limit: int | None = None,
        errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    """The figures of the chosen parts; ``limit`` bounds the sentences/articles of a, b and c."""
    pipeline = Pipeline()
    figures: dict[str, Any] = {}
    for part in parts:
        figures |= gold(errors) if part == "gold" else globals()[part](pipeline, limit, errors)
    return figures


def table(f: dict[str, Any]) -> str:
    lines = []
    if "plover_sentences" in f:
        lines += [f"PLOVER GSR dev: {f['plover_sentences']} sentences ({f['plover_seconds']} s)",
                  f"  type accuracy {f['plover_type_acc']:.3f} (any event: {f['plover_type_any_acc']:.3f}; "
                  f"a non-STATEMENT event found in {f['plover_event_found']:.3f})",
                  f"  actor-country accuracy {f['plover_actor_country_acc']:.3f} over {f['plover_actor_codes']} "
                  f"country codes (either side: {f['plover_actor_country_any_acc']:.3f})", ""]
    if "petrarch_sentences" in f:
        lines += [f"PETRARCH unit tests: {f['petrarch_scored']} of {f['petrarch_sentences']} sentences scored "
                  f"({f['petrarch_seconds']} s)",
                  f"  CAMEO root accuracy {f['petrarch_root_acc']:.3f} (any event: {f['petrarch_root_any_acc']:.3f}); "
                  "UniversalPETRARCH: 68% on its own suite (reference only)", ""]
    if "polnear_docs" in f:
        lines += _polnear_table(f)
    if "gold_docs" in f:
        lines += _gold_table(f)
    return "\n".join(lines)


def _polnear_table(f: dict[str, Any]) -> list[str]:
    lines = [f"PolNeAR dev: {f['polnear_docs']} articles, {f['polnear_gold']} attributions ({f['polnear_seconds']} s)",
             fmt_row("", ["P", "R", "F1"])]
    for mode in ("overlap", "exact", "token"):
        p = f"polnear_content_{mode}"
        lines.append(fmt_row(f"content {mode}", [f[f"{p}_p"], f[f"{p}_r"], f[f"{p}_f1"]]))
    return lines + [f"  right source among matched contents: {f['polnear_source_acc']:.3f} "
                    f"(of {f['polnear_source_scored']} with a gold source)", ""]


def _gold_table(f: dict[str, Any]) -> list[str]:
    lines = [f"Gold articles: {f['gold_docs']} docs", fmt_row("", ["P", "R", "F1"])]
    for kind in GOLD_KINDS:
        lines.append(fmt_row(kind, [f[f"gold_{kind}_p"], f[f"gold_{kind}_r"], f[f"gold_{kind}_f1"]]))
    for name in GOLD_ACCURACIES:
        value = f[f"gold_{name}_acc"]
        lines.append(f"  {name} accuracy: {'-' if value is None else f'{value:.3f}'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N sentences/articles of PLOVER, PETRARCH and PolNeAR")
    parser.add_argument("--errors", action="store_true", help="print a sample of errors by category")
    parser.add_argument("--check-floors", action="store_true", help="exit 1 below a floor")
    args = parser.parse_args(argv)
    errors = {name: Errors() for name in (*PARTS, "polnear cues")} if args.errors else None
    if errors:
        errors["polnear cues"].keep = 0
    parts = PARTS if args.part == "all" else (args.part,)
    figures = run(parts, args.limit, errors)
    print(json.dumps(figures, indent=1) if args.json else table(figures))
    if errors:
        print("\n\n".join(e.report(name) for name, e in errors.items() if e.counts))
    warn_failures(figures)
    floors = {k: v for k, v in load_section("events").items() if k.split("_")[0] in parts}
    failures = below_floors(figures, floors) if args.check_floors else []
    for line in failures:
        print(f"below floor: {line}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
