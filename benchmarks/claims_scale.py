"""Store query latency at a million claims (issue #9: within the API's goal, p95 < 100 ms).

    python benchmarks/claims_scale.py [--claims 1000000] [--pairs 300] [--db FILE]
                                      [--calls 100] [--json]

Builds (once; reused when ``--db`` already holds enough claims) a store of synthetic
records written through ``Store.add`` in batches of 500, with the record builder and
the country-pair world of ``benchmarks/dossier.py`` (no spaCy): each document is an
economic review of one pair (popular pairs far more often) with about ten figure
sentences: several indicators under several wordings (trade, exports, imports,
investment, gas, grain, tourists, GDP growth of one side), periods over 20 years
(years, quarters, half-years), kinds actual, target and cumulative. Then it times,
over repeated calls with random arguments, the store queries the API makes:
``store.claims`` by each filter and combined, ``resolve.series``/``targets``/
``dossier`` for random pairs and the busiest pair, and ``store.search`` for a common
word, and prints p50/p95/max beside the goal.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dossier as synthetic  # noqa: E402  (benchmarks/dossier.py: record builder, pair world)

GOAL_MS = 100.0
HISTORY = 1000  # claims a pair-level call reads at most (the newest), as the dossier does
BATCH = 500
FIRST_YEAR, LAST_YEAR = 2005, 2024
# wording -> (canonical meaning, unit); canonical picks the level of the figure
INDICATORS = {
    "trade turnover": ("trade", "USD"), "mutual trade": ("trade", "USD"),
    "bilateral trade volume": ("trade", "USD"), "trade": ("trade", "USD"),
    "exports": ("exports", "USD"), "imports": ("imports", "USD"),
    "direct investment": ("investment", "USD"), "investment": ("investment", "USD"),
    "gas supplies": ("gas", "m3"), "grain exports": ("grain", "tonne"),
    "tourist flow": ("tourists", None),
}
WEIGHTS = (6, 3, 2, 3, 4, 4, 2, 1, 1, 1, 1)
TARGET_WORDINGS = ("trade turnover", "mutual trade", "investment", "exports")
CUMULATIVE_WORDINGS = ("accumulated investment", "investment")
KINDS = ("actual", "target", "cumulative")
QUARTERS = ("first", "second", "third", "fourth")


# --- the figures --------------------------------------------------------------------

@cache
def _curve(a: str, b: str, meaning: str) -> tuple[float, float]:
    """Level in the first year and yearly growth of one figure of one pair."""
    rng = random.Random(f"{a}-{b}-{meaning}")
    base = {"trade": rng.uniform(0.3, 20) * 1e9, "exports": rng.uniform(0.1, 10) * 1e9,
            "imports": rng.uniform(0.1, 10) * 1e9, "investment": rng.uniform(0.05, 3) * 1e9,
            "gas": rng.uniform(0.5, 30) * 1e9, "grain": rng.uniform(0.1, 5) * 1e6,
            "tourists": rng.uniform(20, 900) * 1e3}[meaning]
    return base, rng.uniform(0.97, 1.12)


def _level(pair: synthetic.Pair, meaning: str, year: int) -> float:
    base, growth = _curve(pair.a, pair.b, meaning)
    return base * growth ** (year - FIRST_YEAR)


def _figure(meaning: str, value: float, rng: random.Random) -> tuple[float, str]:
    """The value as stated (rounded) and its text."""
    if meaning == "gas":
        value = round(value / 1e8) * 1e8
        return value, f"{value / 1e9:.1f} billion cubic metres"
    if meaning == "grain":
        value = round(value / 1e5) * 1e5
        return value, f"{value / 1e6:.1f} million tonnes"
    if meaning == "tourists":
        value = round(value / 1e3) * 1e3
        return value, f"{value:,.0f} tourists"
    value = max(1e8, round(value / 1e8) * 1e8)
    return value, synthetic._money(value, rng)


def _period(year: int, rng: random.Random) -> tuple[str, str]:
    """A period (TIMEX3 value) in ``year`` and how the text says it."""
    roll = rng.random()
    if roll < 0.7:
        return str(year), f"In {year}"
    if roll < 0.9:
        q = rng.randint(1, 4)
        return f"{year}-Q{q}", f"In the {QUARTERS[q - 1]} quarter of {year}"
    return f"{year}-H1", f"In the first half of {year}"


def _subject(pair: synthetic.Pair) -> tuple[str, str]:
    return (f"country:{pair.a}", f"country:{pair.b}")


def _actual(doc: synthetic.RecordBuilder, pair: synthetic.Pair, year: int,
            rng: random.Random) -> None:
    wording = rng.choices(list(INDICATORS), WEIGHTS)[0]
    meaning, unit = INDICATORS[wording]
    period, said = _period(rng.randint(max(FIRST_YEAR, year - 3), year - 1), rng)
    share = {"Q": 0.25, "H": 0.5}.get(period[5:6], 1.0)
    value, figure = _figure(meaning, _level(pair, meaning, int(period[:4])) * share, rng)
    s = doc.say(f"{said} {wording} between country {pair.a} and country {pair.b} "
                f"reached {figure}.")
    doc.claim(indicator=wording, subject=_subject(pair), value=value, unit=unit,
              period=period, kind="actual", evidence=s, figure=figure)


def _target(doc: synthetic.RecordBuilder, pair: synthetic.Pair, year: int,
            rng: random.Random) -> None:
    wording = rng.choice(TARGET_WORDINGS)
    meaning, unit = INDICATORS[wording]
    by = rng.randint(year + 2, year + 10)
    value, figure = _figure(meaning, _level(pair, meaning, year) * 2, rng)
    s = doc.say(f"The sides aim to bring {wording} to {figure} by {by}.")
    doc.claim(indicator=wording, subject=_subject(pair), value=value, unit=unit,
              period=str(by), kind="target", evidence=s, figure=figure)


def _cumulative(doc: synthetic.RecordBuilder, pair: synthetic.Pair, year: int,
                rng: random.Random) -> None:
    wording = rng.choice(CUMULATIVE_WORDINGS)
    years = year - FIRST_YEAR + 1
    value, figure = _figure("investment", _level(pair, "investment", year) * years, rng)
    s = doc.say(f"Since {FIRST_YEAR} {wording} of country {pair.a} in country {pair.b} "
                f"has reached {figure}.")
    doc.claim(indicator=wording, subject=_subject(pair), value=value, unit="USD",
              period=str(year), kind="cumulative", evidence=s, figure=figure)


def _growth(doc: synthetic.RecordBuilder, pair: synthetic.Pair, year: int,
            rng: random.Random) -> None:
    rate = round(rng.uniform(-3, 9), 1)
    figure = f"{rate}%"
    s = doc.say(f"The economy of country {pair.a} grew by {figure} in {year - 1}.")
    doc.claim(indicator="GDP growth", subject=(f"country:{pair.a}",), value=rate,
              unit="percent", period=str(year - 1), kind="actual", evidence=s, figure=figure)


def _figures(doc: synthetic.RecordBuilder, pair: synthetic.Pair, year: int,
             rng: random.Random, count: int) -> None:
    for _ in range(count):
        roll = rng.random()
        make = (_actual if roll < 0.72 else _target if roll < 0.84
                else _cumulative if roll < 0.94 else _growth)
        make(doc, pair, year, rng)


def document(pair: synthetic.Pair, day: date, number: int, rng: random.Random,
             claims: int) -> synthetic.Record:
    """A review of one pair's economic ties with ``claims`` figures."""
    doc = synthetic.RecordBuilder(date_=day.isoformat(),
                                  title=f"Economic ties of {pair.a} and {pair.b} ({number})")
    a, _ = synthetic._meeting(doc, pair, day, rng)
    synthetic._countries(doc, pair)
    _figures(doc, pair, day.year, rng, claims)
    synthetic._quote(doc, a, pair, number)
    doc.say("The talks were held in a friendly atmosphere. " * rng.randint(1, 3))
    return doc.build(source=f"outlet{rng.randint(0, 19)}")


def documents(claims: int, pairs: list[synthetic.Pair], rng: random.Random,
              per_doc: int) -> Iterator[synthetic.Record]:
    """Records until they hold ``claims`` claims in all."""
    weights = [p.weight for p in pairs]
    start, days = date(FIRST_YEAR + 1, 1, 1), (date(LAST_YEAR, 12, 31) - date(FIRST_YEAR + 1, 1, 1)).days
    made = number = 0
    while made < claims:
        pair = rng.choices(pairs, weights)[0]
        day = start + timedelta(days=rng.randint(0, days))
        count = min(rng.randint(per_doc - 2, per_doc + 2), max(1, claims - made))
        yield document(pair, day, number, rng, count)
        made += count
        number += 1


# --- building ---------------------------------------------------------------------

def _claim_count(store: Any) -> int:
    with store.read() as conn:
        return conn.execute("SELECT count(*) FROM claims").fetchone()[0]


def build(db: Path, claims: int, pairs: int, per_doc: int, seed: int = 7,
          progress: bool = True) -> tuple[list[synthetic.Pair], float | None]:
    """The store at ``db`` with ``claims`` synthetic claims (built once); seconds taken or None."""
    from newsgraph.store import Store

    rng = random.Random(seed)
    found = synthetic.world(pairs, rng)
    with Store.open(db) as store:
        if _claim_count(store) >= claims:
            return found, None
        started = time.perf_counter()
        batch: list[synthetic.Record] = []
        for n, record in enumerate(documents(claims, found, rng, per_doc), start=1):
            batch.append(record)
            if len(batch) == BATCH:
                store.add(batch)
                batch = []
                if progress and n % 10_000 == 0:
                    print(f"  {n} documents in {time.perf_counter() - started:.0f} s",
                          file=sys.stderr, flush=True)
        if batch:
            store.add(batch)
        store._conn.execute("ANALYZE")  # planner statistics, as a maintained store has
        return found, time.perf_counter() - started


# --- timing -----------------------------------------------------------------------

def _stats(times: list[float]) -> dict[str, Any]:
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    return {"calls": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(p95, 1), "max_ms": round(times[-1], 1),
            "meets_goal": p95 < GOAL_MS}


def _timed(call: Callable[[random.Random], Any], calls: int, budget_s: float,
           rng: random.Random) -> dict[str, Any]:
    """Latencies of up to ``calls`` calls (fewer when they use up ``budget_s``)."""
    call(rng)  # warm-up: caches, lazy imports
    times: list[float] = []
    rows = 0
    spent = time.perf_counter()
    while len(times) < calls and (time.perf_counter() - spent < budget_s or len(times) < 5):
        started = time.perf_counter()
        got = call(rng)
        times.append((time.perf_counter() - started) * 1000)
        rows += len(got) if hasattr(got, "__len__") else 1
    return {**_stats(times), "mean_rows": round(rows / len(times), 1)}


def _keys(pair: synthetic.Pair) -> list[str]:
    return [f"country:{pair.a}", f"country:{pair.b}"]


def _cases(store: Any, pairs: list[synthetic.Pair]) -> dict[str, Callable[[random.Random], Any]]:
    from newsgraph import resolve

    top = max(pairs, key=lambda p: p.weight)
    countries = sorted({k for p in pairs for k in _keys(p)})
    years = [str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)]
    wordings = list(INDICATORS)
    pick = lambda r: r.choice(pairs)  # noqa: E731
    return {
        "claims indicator": lambda r: store.claims(indicator=r.choice(wordings), limit=100),
        "claims subject": lambda r: store.claims(subject=r.choice(countries), limit=100),
        "claims kind": lambda r: store.claims(kind=r.choice(KINDS), limit=100),
        "claims period": lambda r: store.claims(period=r.choice(years), limit=100),
        "claims indicator+period": lambda r: store.claims(
            indicator=r.choice(wordings), period=r.choice(years), limit=100),
        "claims subject+kind": lambda r: store.claims(
            subject=r.choice(countries), kind=r.choice(KINDS), limit=100),
        "claims all four": lambda r: store.claims(
            indicator=r.choice(wordings), subject=r.choice(countries), kind="actual",
            period=r.choice(years), limit=100),
        "series pair+indicator": lambda r: resolve.series(
            store, indicator="trade turnover", subject=_keys(pick(r)), limit=HISTORY),
        "series top pair+indicator": lambda r: resolve.series(
            store, indicator="trade turnover", subject=_keys(top), limit=HISTORY),
        "targets pair": lambda r: resolve.targets(store, subject=_keys(pick(r)), limit=HISTORY),
        "targets top pair": lambda r: resolve.targets(store, subject=_keys(top), limit=HISTORY),
        "dossier random pair": lambda r: resolve.dossier(store, *_keys(pick(r))),
        "dossier top pair": lambda r: resolve.dossier(store, *_keys(top)),
        "search common word": lambda r: store.search(r.choice(("trade", "talks", "economy"))),
    }


def time_queries(db: Path, pairs: list[synthetic.Pair], calls: int, budget_s: float,
                 only: list[str] | None = None, seed: int = 11) -> dict[str, Any]:
    from newsgraph.store import Store

    out: dict[str, Any] = {}
    with Store.open(db, readonly=True) as store:
        for name, call in _cases(store, pairs).items():
            if only and not any(o in name for o in only):
                continue
            out[name] = _timed(call, calls, budget_s, random.Random(seed))
            print(f"  timed {name}: p95 {out[name]['p95_ms']} ms", file=sys.stderr, flush=True)
    return out


def _counts(db: Path, pairs: list[synthetic.Pair]) -> dict[str, Any]:
    from newsgraph.store import Store

    top = max(pairs, key=lambda p: p.weight)
    with Store.open(db, readonly=True) as store:
        stats = store.stats()
        with store.read() as conn:
            top_claims = conn.execute(
                "SELECT count(*) FROM resolve_pairs WHERE a = ? AND b = ? AND item = 'claim'",
                sorted(_keys(top))).fetchone()[0]
    return {"documents": stats.documents, "claims": stats.claims, "events": stats.events,
            "quantities": stats.quantities, "top_pair": [top.a, top.b],
            "top_pair_claims": top_claims, "db_bytes": db.stat().st_size}


def _print(result: dict[str, Any]) -> None:
    built = result["build_s"]
    print(f"store {result['db']}: {result['documents']:,} documents, {result['claims']:,} claims "
          f"({result['db_bytes'] / 2**30:.2f} GiB; "
          + (f"built in {built:.0f} s)" if built is not None else "reused)"))
    print(f"busiest pair {'-'.join(result['top_pair'])}: {result['top_pair_claims']:,} claims")
    print(f"{'query':28} {'calls':>5} {'rows':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  "
          f"goal p95 < {GOAL_MS:g} ms")
    for name, r in result["queries"].items():
        print(f"{name:28} {r['calls']:5} {r['mean_rows']:7} {r['p50_ms']:8} {r['p95_ms']:8} "
              f"{r['max_ms']:8}  {'ok' if r['meets_goal'] else 'MISSED'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--per-doc", type=int, default=10, help="claims per document (mean)")
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--db", default=None,
                        help="store file (default: /tmp/newsgraph-claims-1M.db at 1,000,000)")
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per query at most")
    parser.add_argument("--only", action="append", help="time only queries with this in the name")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    default = "/tmp/newsgraph-claims-1M.db" if args.claims == 1_000_000 else \
        f"/tmp/newsgraph-claims-{args.claims}.db"
    db = Path(args.db or default)
    pairs, built = build(db, args.claims, args.pairs, args.per_doc)
    result = {"db": str(db), "build_s": None if built is None else round(built, 1),
              **_counts(db, pairs),
              "queries": time_queries(db, pairs, args.calls, args.budget, args.only)}
    print(json.dumps(result)) if args.json else _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
