"""Random hostile texts through the whole pipeline, outside CI: crashes, hangs, bad spans, counted.

    python benchmarks/fuzz_pipeline.py --docs 3000 --time-limit 10 --seed 1

Texts are built at random from real news sentences, cuts of them, zero-width and
right-to-left characters, control characters, other scripts, long runs of one
character (up to ``--max-run``), markup and quotes, joined in hostile ways; every
``--huge-every``-th one is a 100,000-character sentence. Each goes through
``Pipeline(time_limit=...)`` in batches. Counted: records, documents over the time
limit, other extraction errors (with their reasons), records with a bad span or a
dangling reference, crashes (anything escaping the pipeline) and hangs (a batch of n
that took more than 3 n limits plus 5 s: its parse in one go, each document alone,
and the extractors are each bounded), with the slowest batches.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from pathlib import Path

ZW_RTL = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\r"
OTHER = "\u05e9\u05dc\u05d5\u05dd\u0645\u0631\u062d\u0628\u0627\u041c\u043e\u0441\u043a\u0432\u0430\u4e2d\u56fd\U0001f600\u0301"
PUNCT = "\"'\u201c\u201d\u00ab\u00bb$%\u20ac\u00a3.,;:-\u2013\u2014()[]{}<>&#/\\"
SENTENCES = [
    "Prime Minister Alikhan Smailov met with the Chinese Ambassador Zhang Xiao in Astana on Monday.",
    "\u201cWe value the partnership with China,\u201d he said.",
    "Last year trade between Kazakhstan and China rose by 34% to a record $24 billion.",
    "The parties aim to reach $35 billion by 2030, the minister stressed.",
    "Chinese investment reached about $23.5 billion over 17 years, Zhang Xiao noted.",
    "In the first half of the year exports grew 12 percent to 1.2 million tonnes.",
    "Vladimir Putin and Narendra Modi discussed energy supplies by telephone on 3 March 2022.",
    "Turnover fell 5.6% year on year in January-June, according to the customs service.",
]
MARKUP = ["<p>", "</div>", "<script>alert(1)</script>", "&amp;", "&#8203;", "\\u200b", "{\"text\": ", "]]>", "<!--"]


def hostile(rng: random.Random, max_run: int) -> str:
    """One random hostile text."""
    pieces = []
    for _ in range(rng.randint(0, 30)):
        kind = rng.random()
        if kind < 0.35:
            pieces.append(rng.choice(SENTENCES))
        elif kind < 0.5:
            s = rng.choice(SENTENCES)
            pieces.append(s[: rng.randint(0, len(s))] if rng.random() < 0.5 else s[rng.randint(0, len(s)):])
        elif kind < 0.7:
            pieces.append("".join(rng.choice(ZW_RTL + CONTROL + OTHER + PUNCT) for _ in range(rng.randint(1, 12))))
        elif kind < 0.8:
            pieces.append(rng.choice("x9\u200b\u202e\u201c$%.-(A ,") * rng.randint(1, max_run))
        elif kind < 0.9:
            pieces.append(rng.choice(MARKUP))
        else:
            pieces.append("".join(_char(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 8))))
    return rng.choice([" ", "", "\n", "\u200b", "\u202e", "\t", " \u2029 ", ", "]).join(pieces)


def _char(code: int) -> str:
    """Any character but a lone surrogate (no reader makes one: they are not UTF-8)."""
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)


def huge(rng: random.Random) -> str:
    """A 100,000-character sentence, sometimes salted."""
    words = " ".join(SENTENCES).replace(".", "").split()
    text = " ".join(rng.choice(words) for _ in range(20_000))[:100_000]
    if rng.random() < 0.5:
        glue = rng.choice(ZW_RTL)
        text = text.replace(" ", glue, rng.randint(1, 5000))
    return text + "."


def texts(rng: random.Random, count: int, max_run: int, huge_every: int):
    for i in range(count):
        yield huge(rng) if huge_every and i % huge_every == huge_every - 1 else hostile(rng, max_run)


def problems_of(record) -> list[str]:
    size = len(record.text)
    bad = [f"span {s} out of 0..{size}" for s, _ in record.spans() if not 0 <= s[0] <= s[1] <= size]
    bad += [f"span {s} covers {record.text[s[0]:s[1]]!r}, not {m!r}" for s, m in record.spans()
            if m is not None and 0 <= s[0] <= s[1] <= size and record.text[s[0]:s[1]] != m]
    ids = {e.id for e in record.entities}
    refs = [r for v in record.events for r in (*v.actors, *v.targets, v.place) if r]
    refs += [c.speaker for c in record.claims if c.speaker] + [q.speaker for q in record.quotes if q.speaker]
    return bad + [f"reference to unknown entity {r}" for r in refs if r not in ids]


def run(docs: int, time_limit: float, seed: int, max_run: int, huge_every: int, batch: int, say=print) -> dict:
    from newsgraph.errors import ExtractionError
    from newsgraph.pipeline import Pipeline
    from newsgraph.record import Article, Record, document_id

    pipeline = Pipeline(time_limit=time_limit, batch_size=batch)
    pipeline.nlp  # noqa: B018 - load spaCy before the clock starts
    rng = random.Random(seed)
    counts: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    slowest: list[tuple[float, int, str]] = []
    bad: list[str] = []
    started = time.perf_counter()
    pending = list(texts(rng, docs, max_run, huge_every))
    for first in range(0, docs, batch):
        chunk = pending[first:first + batch]
        articles = [Article(id=document_id(t, None), text=t, origin=f"#{first + i}") for i, t in enumerate(chunk)]
        t0 = time.perf_counter()
        try:
            outcomes = list(pipeline.run(articles))
        except BaseException as exc:  # noqa: BLE001 - a crash is what we count
            counts["crashes"] += 1
            bad.append(f"crash in batch at #{first}: {type(exc).__name__}: {exc}")
            continue
        seconds = time.perf_counter() - t0
        if seconds > 3 * len(chunk) * time_limit + 5:  # batch parse, then alone, then extractors: each bounded
            counts["hangs"] += 1
            bad.append(f"hang: batch at #{first} took {seconds:.1f} s")
        slowest.append((seconds / len(chunk), first, chunk[0][:60]))
        for i, outcome in enumerate(outcomes):
            if isinstance(outcome, Record):
                counts["records"] += 1
                found = problems_of(outcome)
                if found:
                    counts["bad_records"] += 1
                    bad.append(f"#{first + i}: {found[:3]} in {outcome.text[:200]!r}")
            elif isinstance(outcome, ExtractionError):
                slow = "took longer than" in outcome.reason
                counts["over_time_limit" if slow else "extraction_errors"] += 1
                reasons[outcome.reason.split(":")[0] if not slow else "time limit"] += 1
                if not slow:
                    bad.append(f"#{first + i}: {outcome.line()[:300]} in {chunk[i][:200]!r}")
        if (first // batch) % 20 == 0:
            say(f"{first + len(chunk)}/{docs} documents, {time.perf_counter() - started:.0f} s, {dict(counts)}")
    slowest.sort(reverse=True)
    return {"documents": docs, "seconds": round(time.perf_counter() - started, 1), **{k: counts[k] for k in (
        "records", "over_time_limit", "extraction_errors", "bad_records", "crashes", "hangs")},
        "error_reasons": dict(reasons), "first_problems": bad[:10],
        "slowest_batches_s_per_doc": [round(s, 2) for s, _, _ in slowest[:5]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-run", type=int, default=3000, help="longest run of one character")
    parser.add_argument("--huge-every", type=int, default=200, help="every Nth text is 100,000 characters (0: never)")
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    figures = run(args.docs, args.time_limit, args.seed, args.max_run, args.huge_every, args.batch,
                  say=lambda line: print(line, file=sys.stderr))
    print(json.dumps(figures, ensure_ascii=False))
    raise SystemExit(0 if figures["crashes"] == figures["hangs"] == figures["bad_records"] == 0 else 1)


if __name__ == "__main__":
    main()
