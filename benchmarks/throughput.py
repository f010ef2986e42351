"""Throughput: newsgraph's whole extraction beside spaCy's own small pipeline, in one run.

    python benchmarks/throughput.py [PATH ...] [--docs N] [--batch-size B] [--rounds R] [--json]
    python benchmarks/throughput.py --breakdown [--joined] [--docs N]

Default corpus: the press releases in ../shared/data/press-releases/putin.csv.
Both sides see the same documents, in the same order, with the same batch
size; spaCy runs all the components of en_core_web_sm through ``nlp.pipe``.
The rounds alternate the two sides and the best round of each is kept, since
this machine is shared and noisy. The text-only extractors (times,
quantities) are also timed alone, in words per second on one core.

``--breakdown`` prints the seconds of spaCy and of each extractor; with ``--joined``
the N documents are joined into one long document, where a step that grows faster
than the text shows at once (``--docs 25`` makes ~260,000 characters of press releases).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "press-releases" / "putin.csv"


def load_articles(paths: list[str], limit: int) -> list:
    from newsgraph.ingest import read
    from newsgraph.record import Article

    articles = [a for a in read(paths) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_spacy(texts: list[str], batch_size: int) -> float:
    import spacy

    from newsgraph.nlp.model import MODEL_PACKAGE

    nlp = spacy.load(MODEL_PACKAGE)  # every component, as shipped
    list(nlp.pipe(texts[:2]))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def time_newsgraph(articles: list, batch_size: int) -> float:
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(batch_size=batch_size)
    list(pipeline.run(articles[:2]))
    started = time.perf_counter()
    for _ in pipeline.run(articles):
        pass
    return time.perf_counter() - started


def time_text_only(articles: list) -> dict[str, float]:
    from newsgraph.extract.quantities import find_quantities
    from newsgraph.extract.times import find_times

    out = {}
    count = words([a.text for a in articles])
    for name, fn in (("times", lambda a: find_times(a.text, a.date)),
                     ("quantities", lambda a: find_quantities(a.text))):
        started = time.perf_counter()
        for article in articles:
            fn(article)
        out[name] = count / max(time.perf_counter() - started, 1e-9)
    return out


def time_breakdown(articles: list, batch_size: int) -> dict[str, float]:
    """Seconds spent in spaCy and in each extractor, over the same documents."""
    from newsgraph.extract.registry import Context
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(batch_size=batch_size)
    started = time.perf_counter()
    docs = list(pipeline.nlp.pipe([a.text for a in articles], batch_size=batch_size))
    spent = {"spaCy": time.perf_counter() - started}
    for article, doc in zip(articles, docs):
        ctx = Context(article=article, doc=doc)
        for step in pipeline.steps:
            started = time.perf_counter()
            ctx = ctx.with_items(step.run(ctx))
            spent[step.name] = spent.get(step.name, 0.0) + time.perf_counter() - started
    return spent


def joined(articles: list):
    """The articles as one long article (the first one's date and title)."""
    from dataclasses import replace

    return replace(articles[0], id="joined", text="\n\n".join(a.text for a in articles))


def print_breakdown(spent: dict[str, float]) -> None:
    total = sum(spent.values())
    print(f"time by stage (total {total:.1f} s):")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:14} {seconds:8.2f} s  {100 * seconds / total:5.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--docs", type=int, default=300, help="documents to use (0: all)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--breakdown", action="store_true", help="only the time of each stage")
    parser.add_argument("--joined", action="store_true", help="with --breakdown: the documents as one long one")
    args = parser.parse_args(argv)
    if args.breakdown:
        articles = load_articles(args.paths, args.docs)
        if args.joined:
            articles = [joined(articles)]
            print(f"one document of {len(articles[0].text):,} characters")
        print_breakdown(time_breakdown(articles, args.batch_size))
        return 0

    articles = load_articles(args.paths, args.docs)
    texts = [a.text for a in articles]
    n_words = words(texts)
    spacy_s, ours_s = [], []
    for _ in range(args.rounds):
        spacy_s.append(time_spacy(texts, args.batch_size))
        ours_s.append(time_newsgraph(articles, args.batch_size))
    best_spacy, best_ours = min(spacy_s), min(ours_s)
    figures = {
        "documents": len(texts),
        "words": n_words,
        "spacy_docs_per_s": len(texts) / best_spacy,
        "spacy_words_per_s": n_words / best_spacy,
        "newsgraph_docs_per_s": len(texts) / best_ours,
        "newsgraph_words_per_s": n_words / best_ours,
        "ratio": best_spacy / best_ours,
        **{f"{k}_alone_words_per_s": v for k, v in time_text_only(articles).items()},
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"corpus: {len(texts)} documents, {n_words} words, batch size {args.batch_size}, "
          f"best of {args.rounds} rounds")
    print(f"{'':28}{'docs/s':>10}{'words/s':>12}")
    print(f"{'spaCy en_core_web_sm (all)':28}{figures['spacy_docs_per_s']:>10.1f}{figures['spacy_words_per_s']:>12.0f}")
    print(f"{'newsgraph extraction':28}{figures['newsgraph_docs_per_s']:>10.1f}{figures['newsgraph_words_per_s']:>12.0f}")
    print(f"ratio newsgraph / spaCy: {figures['ratio']:.2f}")
    print(f"times extractor alone: {figures['times_alone_words_per_s']:.0f} words/s; "
          f"quantities alone: {figures['quantities_alone_words_per_s']:.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
