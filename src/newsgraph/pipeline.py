"""The extraction pipeline: articles in, records out, one bad document never stops a batch.

Documents go through spaCy in batches (``nlp.pipe``); each Doc then passes
through the registered extractors in an order that meets their requirements.
A document that fails anywhere comes out as an :class:`ExtractionError` in its
place, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import islice
from typing import Any

from .errors import ExtractionError, NewsgraphError
from .extract.registry import Context, Extractor, plan
from .limits import (DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT, Deadline, TimeLimitExceeded, time_limit, too_long,
                     too_slow)
from .nlp.sentences import sentences
from .record import Article, Record

log = logging.getLogger(__name__)

Item = Article | NewsgraphError
Outcome = Record | NewsgraphError

#: record fields filled from the extractors' items
_RECORD_ITEMS = ("entities", "times", "quantities", "claims", "events", "quotes")


class Pipeline:
    """Runs spaCy and the extractors over a stream of articles."""

    def __init__(
        self,
        extractors: Iterable[str] | None = None,
        *,
        batch_size: int = 16,
        nlp: Any = None,
        time_limit: float = DEFAULT_TIME_LIMIT,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.steps: list[Extractor] = plan(extractors)
        self.components = frozenset().union(*(s.components for s in self.steps))
        self.batch_size = batch_size
        self.time_limit = time_limit  # seconds for a document's parse, and for its extractors (0: none)
        self.max_chars = max_chars  # longest text extracted (0: no limit)
        self._nlp = nlp

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from .nlp.model import load

            self._nlp = load(self.components)
        return self._nlp

    def run(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Records (or errors) for ``items``, in the same order."""
        stream = iter(items)
        while batch := list(islice(stream, self.batch_size)):
            yield from self._run_batch(batch)

    def extract(self, article: Article) -> Record:
        """The record of one article; raises :class:`ExtractionError` on failure."""
        outcome = next(self._run_batch([article]))
        if isinstance(outcome, NewsgraphError):
            raise outcome
        return outcome

    def _run_batch(self, batch: list[Item]) -> Iterator[Outcome]:
        # The strings spaCy adds for a batch's new words live only as long as its Docs
        # (``memory_zone``); without it the vocab grows with every new word of a corpus.
        with _memory_zone(self.nlp):
            outcomes = list(self._outcomes(batch))
        yield from outcomes

    def _outcomes(self, batch: list[Item]) -> Iterator[Outcome]:
        refused = {id(a): e for a in batch if isinstance(a, Article)
                   and (e := too_long(_where(a), len(a.text), self.max_chars))}
        articles = [a for a in batch if isinstance(a, Article) and id(a) not in refused]
        docs = self._parse(articles) | refused
        for item in batch:
            if isinstance(item, NewsgraphError):
                yield item
                continue
            doc = docs.get(id(item))
            if isinstance(doc, NewsgraphError):
                yield doc
            else:
                yield self._extract(item, doc)

    def _parse(self, articles: list[Article]) -> dict[int, Any]:
        texts = [a.text for a in articles]
        nlp = self.nlp  # loaded before any timer runs
        try:  # the batch gets the time of all its documents; past it, each is parsed alone
            with time_limit(self.time_limit * len(articles)) as deadline:
                return {id(a): _checked(d, deadline) for a, d in zip(articles, nlp.pipe(texts), strict=True)}
        except TimeLimitExceeded:
            if len(articles) == 1:  # no culprit to find: it ran its full time already
                return {id(articles[0]): too_slow(_where(articles[0]), self.time_limit)}
            return {id(a): self._parse_one(a) for a in articles}
        except Exception:  # noqa: BLE001 - find the culprit document by document
            log.debug("batch failed in spaCy; retrying one by one", exc_info=True)
            return {id(a): self._parse_one(a) for a in articles}

    def _parse_one(self, article: Article) -> Any:
        try:
            with time_limit(self.time_limit) as deadline:
                return _checked(self.nlp(article.text), deadline)
        except TimeLimitExceeded:
            return too_slow(_where(article), self.time_limit)
        except Exception as exc:  # noqa: BLE001
            return _failure(article, "spaCy", exc)

    def _extract(self, article: Article, doc: Any) -> Outcome:
        try:
            with time_limit(self.time_limit) as deadline:
                return self._steps(article, doc, deadline)
        except TimeLimitExceeded:
            return too_slow(_where(article), self.time_limit)

    def _steps(self, article: Article, doc: Any, deadline: Deadline) -> Outcome:
        try:
            ctx = Context(article=article, doc=doc, sents=sentences(doc))
        except Exception as exc:  # noqa: BLE001 - reported, the batch goes on
            return _failure(article, "sentence splitting", exc)
        for step in self.steps:
            deadline.check()
            try:
                ctx = ctx.with_items(step.run(ctx))
            except Exception as exc:  # noqa: BLE001 - reported, the batch goes on
                return _failure(article, f"extractor {step.name!r}", exc)
        deadline.check()
        return _record(ctx)


def _checked(doc: Any, deadline: Deadline) -> Any:
    """``doc``, once ``deadline`` is checked (where no timer runs, the checks are the limit)."""
    deadline.check()
    return doc


def _where(article: Article) -> str:
    return article.origin or article.id


def _memory_zone(nlp: Any) -> AbstractContextManager[Any]:
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else nullcontext()


def _failure(article: Article, stage: str, exc: Exception) -> ExtractionError:
    where = _where(article)
    error = ExtractionError(f"{stage} failed: {type(exc).__name__}: {exc}", where=where)
    error.__cause__ = exc
    return error


def _record(ctx: Context) -> Record:
    article = ctx.article
    items = {k: tuple(ctx.items.get(k, ())) for k in _RECORD_ITEMS}
    return Record(
        id=article.id,
        text=article.text,
        date=article.date,
        title=article.title,
        source=article.source,
        url=article.url,
        lang=article.lang,
        **items,
    )


def extract(items: Iterable[Item], **options: Any) -> Iterator[Outcome]:
    """Records for ``items`` with the default pipeline (a convenience for scripts)."""
    return Pipeline(**options).run(items)
