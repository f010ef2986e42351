"""Dossier latency on a large synthetic store (issue #7: under 200 ms at 100,000 documents).

    python benchmarks/dossier.py [--docs 100000] [--pairs 300] [--db FILE] [--calls 200] [--json]

Builds (once; reused when ``--db`` already holds it) a store of synthetic records
written straight through ``Store.add`` (no spaCy): a few hundred country pairs,
popular ones far more often (a hub country sits in many pairs), each document a
meeting of the two leaders reported by one to four outlets, a trade figure for a
year under one of several indicator wordings (some documents in millions, a few
off by 10%), targets, agreements and a quote. Then it times ``resolve.dossier``
for the most reported pair and for random pairs, and prints p50/p95.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from newsgraph.record import (
    Claim, Entity, Event, Mention, Quantity, Quote, Record, Role, document_id,
)

CODES = ("RU KZ CN UZ KG TJ BY AM AZ GE TR IR IN PK MN VN TH MY ID PH JP KR US GB FR DE IT ES "
         "PL RS HU GR EG SA AE QA IQ SY IL ZA NG ET KE BR AR MX CU VE CA AU NZ").split()
HUB = "RU"
VARIANTS = ("trade turnover", "mutual trade", "bilateral trade volume", "trade")
TOPICS = ("trade", "energy", "transport", "investment", "culture")


class RecordBuilder:
    """A record written sentence by sentence, every span taken from the text itself."""

    def __init__(self, *, date_: str, title: str) -> None:
        self.date, self.title, self.text = date_, title, ""
        self.entities: dict[str, dict] = {}
        self.claims: list[Claim] = []
        self.events: list[Event] = []
        self.quotes: list[Quote] = []
        self.quantities: list[Quantity] = []

    def say(self, sentence: str) -> tuple[int, int]:
        """Append a sentence; its span."""
        start = len(self.text) + (1 if self.text else 0)
        self.text = f"{self.text} {sentence}" if self.text else sentence
        return (start, start + len(sentence))

    def span_of(self, phrase: str, within: tuple[int, int]) -> tuple[int, int]:
        start = self.text.index(phrase, within[0], within[1])
        return (start, start + len(phrase))

    def entity(self, key: str, type_: str, name: str, *, country: str | None = None,
               at: tuple[int, int] | None = None, role: Role | None = None) -> str:
        """The local id of an entity (added on first use), with a mention at ``at``."""
        found = self.entities.setdefault(key, {
            "id": f"E{len(self.entities) + 1}", "type": type_, "name": name, "country": country,
            "mentions": [], "roles": [role] if role else []})
        if at is not None:
            found["mentions"].append(Mention(span=at, kind="name"))
        return found["id"]

    def claim(self, *, indicator: str, subject: tuple[str, ...], value: float, unit: str | None,
              period: str | None, kind: str, evidence: tuple[int, int], figure: str) -> None:
        span = self.span_of(figure, evidence)
        self.quantities.append(Quantity(span=span, text=figure, value=value, unit=unit))
        self.claims.append(Claim(id=f"C{len(self.claims) + 1}", indicator=indicator,
                                 subject=tuple(sorted(subject)), value=value, unit=unit,
                                 period=period, kind=kind, evidence=evidence, span=span))

    def event(self, *, type_: str, cameo: str, actors: tuple[str, ...], targets: tuple[str, ...],
              when: str | None, evidence: tuple[int, int], trigger: str,
              topics: tuple[str, ...] = ()) -> None:
        self.events.append(Event(id=f"V{len(self.events) + 1}", type=type_, cameo=cameo,
                                 actors=actors, targets=targets, date=when, topics=topics,
                                 evidence=evidence, trigger=trigger))

    def quote(self, speaker: str, span: tuple[int, int], direct: bool = True) -> None:
        self.quotes.append(Quote(speaker=speaker, span=span, cue="said", direct=direct))

    def build(self, source: str = "synthetic") -> Record:
        entities = tuple(
            Entity(id=e["id"], key=key, type=e["type"], name=e["name"], country=e["country"],
                   roles=tuple(e["roles"]), mentions=tuple(e["mentions"]))
            for key, e in self.entities.items())
        return Record(id=document_id(self.text, self.date), text=self.text, date=self.date,
                      title=self.title, source=source, entities=entities,
                      quantities=tuple(self.quantities), claims=tuple(self.claims),
                      events=tuple(self.events), quotes=tuple(self.quotes))


# --- the synthetic world --------------------------------------------------------

@dataclass(slots=True)
class Pair:
    a: str
    b: str
    weight: float
    trade: dict[int, float] = field(default_factory=dict)  # year -> true value (USD)


def world(pairs: int, rng: random.Random) -> list[Pair]:
    """Country pairs with Zipf-like weights; the hub is in about a sixth of them."""
    found: dict[tuple[str, str], None] = {("KZ", "RU"): None}  # the most reported pair
    while len(found) < pairs:
        a = HUB if rng.random() < 0.17 else rng.choice(CODES)
        b = rng.choice(CODES)
        if a != b:
            found[tuple(sorted((a, b)))] = None
    out = []
    for rank, (a, b) in enumerate(found, start=1):
        pair = Pair(a=a, b=b, weight=1.0 / rank ** 0.8)
        value = rng.uniform(0.5, 40) * 1e9
        for year in range(2014, 2025):
            pair.trade[year] = value
            value *= rng.uniform(0.85, 1.25)
        out.append(pair)
    return out


def leader(code: str) -> tuple[str, str]:
    return f"person:leader-of-{code.lower()}", f"Leader of {code}"


def _money(value: float, rng: random.Random) -> str:
    if rng.random() < 0.25:
        return f"${value / 1e6:,.0f} million"
    return f"${value / 1e9:.1f} billion"


def _meeting(doc: RecordBuilder, pair: Pair, day: date, rng: random.Random) -> tuple[str, str]:
    (ka, na), (kb, nb) = leader(pair.a), leader(pair.b)
    s = doc.say(f"{na} met {nb} in the capital on {day.isoformat()} for talks.")
    a = doc.entity(ka, "PERSON", na, country=pair.a, at=doc.span_of(na, s),
                   role=Role(title="President", of=pair.a))
    b = doc.entity(kb, "PERSON", nb, country=pair.b, at=doc.span_of(nb, s),
                   role=Role(title="President", of=pair.b))
    when = day.isoformat() if rng.random() < 0.9 else day.strftime("%Y-%m")
    doc.event(type_="CONSULT", cameo="040", actors=(a,), targets=(b,), when=when, evidence=s,
              trigger="met", topics=tuple(rng.sample(TOPICS, 2)))
    return a, b


def _countries(doc: RecordBuilder, pair: Pair) -> None:
    s = doc.say(f"Relations between country {pair.a} and country {pair.b} were reviewed.")
    for code in (pair.a, pair.b):
        doc.entity(f"country:{code}", "COUNTRY", f"country {code}",
                   at=doc.span_of(f"country {code}", s))


def _trade(doc: RecordBuilder, pair: Pair, day: date, rng: random.Random) -> None:
    year = day.year - 1
    value = pair.trade.get(year, 1e9) * (1.1 if rng.random() < 0.02 else 1.0)
    value = round(value / 1e8) * 1e8
    figure = _money(value, rng)
    variant = rng.choice(VARIANTS)
    s = doc.say(f"Last year {variant} reached {figure}.")
    doc.claim(indicator=variant, subject=(f"country:{pair.a}", f"country:{pair.b}"), value=value,
              unit="USD", period=str(year), kind="actual", evidence=s, figure=figure)


def _target(doc: RecordBuilder, pair: Pair, day: date, a: str, b: str) -> None:
    value = round(pair.trade.get(2020, 1e9) * 2 / 1e9) * 1e9
    figure = f"${value / 1e9:.0f} billion"
    s = doc.say(f"The sides agreed to bring trade to {figure} by 2030.")
    doc.claim(indicator="trade turnover", subject=(f"country:{pair.a}", f"country:{pair.b}"),
              value=value, unit="USD", period="2030", kind="target", evidence=s, figure=figure)
    doc.event(type_="AGREE", cameo="057", actors=(a, b), targets=(), when=day.isoformat(),
              evidence=s, trigger="agreed")


def _quote(doc: RecordBuilder, speaker: str, pair: Pair, number: int) -> None:
    words = f"We value our partnership with country {pair.b}, and the work goes on ({number})"
    s = doc.say(f"\u201c{words},\u201d he said.")
    doc.quote(speaker, doc.span_of(words, s))


def document(pair: Pair, day: date, outlet: int, number: int, rng: random.Random) -> Record:
    doc = RecordBuilder(date_=(day + timedelta(days=rng.randint(0, 1))).isoformat(),
                        title=f"Talks of {pair.a} and {pair.b} (outlet {outlet}, {number})")
    a, b = _meeting(doc, pair, day, rng)
    _countries(doc, pair)
    if rng.random() < 0.6:
        _trade(doc, pair, day, rng)
    if rng.random() < 0.15:
        _target(doc, pair, day, a, b)
    _quote(doc, a, pair, number)
    doc.say("The talks were held in a friendly atmosphere. " * rng.randint(2, 6))
    return doc.build(source=f"outlet{outlet}")


def documents(count: int, pairs: list[Pair], rng: random.Random):  # type: ignore[no-untyped-def]
    """``count`` records: meetings reported by 1-4 outlets each."""
    weights = [p.weight for p in pairs]
    made = 0
    start = date(2015, 1, 1)
    while made < count:
        pair = rng.choices(pairs, weights)[0]
        day = start + timedelta(days=rng.randint(0, 3650))
        for outlet in range(min(rng.randint(1, 4), count - made)):
            yield document(pair, day, outlet, made, rng)
            made += 1


def build(db: Path, count: int, pairs: int, seed: int = 7) -> list[Pair]:
    """The store at ``db`` with ``count`` synthetic documents (built once)."""
    from newsgraph.store import Store

    rng = random.Random(seed)
    found = world(pairs, rng)
    with Store.open(db) as store:
        have = store.stats().documents
        if have >= count:
            return found
        batch: list[Record] = []
        for record in documents(count, found, rng):
            batch.append(record)
            if len(batch) == 1000:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
        store._conn.execute("ANALYZE")  # planner statistics, as a maintained store has
    return found


def time_calls(db: Path, pairs: list[Pair], calls: int, seed: int = 11) -> dict:
    from newsgraph import resolve
    from newsgraph.store import Store

    rng = random.Random(seed)
    top = max(pairs, key=lambda p: p.weight)
    out: dict = {}
    with Store.open(db, readonly=True) as store:
        first = resolve.dossier(store, f"country:{top.a}", f"country:{top.b}")
        out["top_pair"] = {"pair": [top.a, top.b], "events": len(first.events),
                           "reports": sum(len(e.reports) for e in first.events),
                           "series": len(first.series), "points": sum(len(s.points) for s in first.series)}
        for name, chosen in (("top pair", [top] * calls),
                             ("random pairs", rng.choices(pairs, k=calls))):
            out[name] = _latencies(store, chosen)
    return out


def _latencies(store, chosen: list[Pair]) -> dict:  # type: ignore[no-untyped-def]
    from newsgraph import resolve

    times = []
    for pair in chosen:
        started = time.perf_counter()
        resolve.dossier(store, f"country:{pair.a}", f"country:{pair.b}")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"calls": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1)}


def store_arguments(doc: str | None, argv: list[str] | None) -> tuple[argparse.Namespace, Path]:
    """The options of the synthetic-store benchmarks (this one and api_dossier.py), and the store file."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--db", default=None, help="store file (default: /tmp/newsgraph-dossier-DOCS.db)")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    return args, Path(args.db or f"/tmp/newsgraph-dossier-{args.docs}.db")


def main(argv: list[str] | None = None) -> int:
    args, db = store_arguments(__doc__, argv)
    started = time.perf_counter()
    pairs = build(db, args.docs, args.pairs)
    built = time.perf_counter() - started
    result = {"documents": args.docs, "pairs": args.pairs, "db": str(db),
              "build_s": round(built, 1), **time_calls(db, pairs, args.calls)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"store {db}: {args.docs} documents, {args.pairs} pairs (built/checked in {built:.0f} s)")
        print(f"top pair {result['top_pair']}")
        for name in ("top pair", "random pairs"):
            r = result[name]
            print(f"dossier latency, {name}: p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, "
                  f"max {r['max_ms']} ms over {r['calls']} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
