"""TIMEX3 benchmark: ``find_times`` against TimeML gold, scored as in TempEval-3.

    python benchmarks/timeml.py [--corpus tbaq|meantime|all] [--json] [--limit N] [--errors]

Scores (UzZaman et al. 2013, TempEval-3): strict extent (same span) and relaxed extent
(overlapping spans, one-to-one) precision/recall/F1; value F1 and type accuracy over the
relaxed matches. TempEval-3's attribute F1 is ``relaxed F1 x attribute accuracy``, that is
P = correct/|system|, R = correct/|gold|. Also prints find_times' words per second.

TimeBank/AQUAINT (``timeml-tbaq``): the TEXT element, the DCT is the CREATION_TIME timex and
is not scored. MEANTIME: tokens joined into text; the dateline timex is in the text and scored.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timeml_gold import GoldDoc, meantime_docs, tbaq_docs  # noqa: E402

from newsgraph.extract.times import find_times  # noqa: E402
from newsgraph.record import Time  # noqa: E402


@dataclass(slots=True)
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        def f1(hit: int) -> tuple[float, float, float]:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = f1(self.strict)
        rp, rr, rf = f1(self.relaxed)
        vp, vr, vf = f1(self.value)
        return {
            "gold": self.gold, "system": self.system,
            "strict_p": 100 * sp, "strict_r": 100 * sr, "strict_f1": 100 * sf,
            "relaxed_p": 100 * rp, "relaxed_r": 100 * rr, "relaxed_f1": 100 * rf,
            "value_p": 100 * vp, "value_r": 100 * vr, "value_f1": 100 * vf,
            "value_acc": 100 * self.value / self.relaxed if self.relaxed else 0.0,
            "type_acc": 100 * self.type / self.relaxed if self.relaxed else 0.0,
            "words_per_s": self.words / self.seconds if self.seconds else 0.0,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match(gold: Iterable, system: list[Time]) -> list[tuple[object, Time]]:
    """One-to-one pairs of overlapping gold and system timexes, largest overlap first."""
    pairs = [(_overlap(g.span, s.span), i, j, g, s) for i, g in enumerate(gold)
             for j, s in enumerate(system) if _overlap(g.span, s.span) > 0]
    pairs.sort(key=lambda p: -p[0])
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, i, j, g, s in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((g, s))
    return out


def score_doc(doc: GoldDoc, tally: Tally, errors: bool = False, system: list[Time] | None = None) -> None:
    """Add one document's counts to `tally`: find_times' output, or `system` when given."""
    if system is None:
        start = time.perf_counter()
        system = find_times(doc.text, doc.dct)
        tally.seconds += time.perf_counter() - start
    tally.words += len(doc.text.split())
    tally.gold += len(doc.timexes)
    tally.system += len(system)
    pairs = match(doc.timexes, system)
    for g, s in pairs:
        tally.relaxed += 1
        tally.strict += g.span == s.span
        tally.value += g.value == s.value
        tally.type += g.type == s.type
        if errors and g.value != s.value:
            tally.errors.append(f"VALUE {doc.name} dct={doc.dct} {g.text!r} {g.value} <> {s.text!r} {s.value}")
    if errors:
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g in doc.timexes:
            if id(g) not in matched_g:
                tally.errors.append(f"MISS  {doc.name} {g.text!r} {g.type} {g.value} | {_context(doc.text, g.span)}")
        for s in system:
            if id(s) not in matched_s:
                tally.errors.append(f"EXTRA {doc.name} {s.text!r} {s.type} {s.value} | {_context(doc.text, s.span)}")


def _context(text: str, span: tuple[int, int]) -> str:
    return text[max(0, span[0] - 40) : span[1] + 40].replace("\n", " ")


def run(corpus: str, limit: int | None = None, errors: bool = False) -> tuple[dict[str, float], list[str]]:
    docs = tbaq_docs(limit) if corpus == "tbaq" else meantime_docs(limit)
    tally = Tally()
    for doc in docs:
        score_doc(doc, tally, errors)
    return tally.scores(), tally.errors


def _table(name: str, s: dict[str, float]) -> str:
    rows = [
        f"{name}: {s['gold']} gold, {s['system']} system timexes, {s['words_per_s']:,.0f} words/s",
        f"  {'':14}{'P':>7}{'R':>7}{'F1':>7}",
        f"  {'strict extent':14}{s['strict_p']:7.2f}{s['strict_r']:7.2f}{s['strict_f1']:7.2f}",
        f"  {'relaxed extent':14}{s['relaxed_p']:7.2f}{s['relaxed_r']:7.2f}{s['relaxed_f1']:7.2f}",
        f"  {'value':14}{s['value_p']:7.2f}{s['value_r']:7.2f}{s['value_f1']:7.2f}",
        f"  value accuracy {s['value_acc']:.2f}, type accuracy {s['type_acc']:.2f} (on relaxed matches)",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("tbaq", "meantime", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--errors", action="store_true", help="list misses, extras and wrong values")
    args = parser.parse_args(argv)
    corpora = ("tbaq", "meantime") if args.corpus == "all" else (args.corpus,)
    results = {}
    for corpus in corpora:
        scores, errs = run(corpus, args.limit, args.errors)
        results[corpus] = scores
        if args.errors:
            print("\n".join(errs))
        if not args.json:
            print(_table(corpus, scores))
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
